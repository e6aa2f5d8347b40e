//! Writing large JSON outputs without building them as one `serde_json::Value` first: borrowed
//! effective list lines, small sorted objects, and pretty-printing that starts at a given depth
//! so that parts of a document can be serialized separately and joined.
//!
//! Everything here writes exactly what `serde_json::to_string_pretty` writes for the
//! equivalent `Value` (objects with their keys sorted, as `serde_json::Map` keeps them).

use std::io;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use serde_json::ser::Formatter;

pub use crate::resolve::Line;

/// A JSON value built for output: borrowed where it can be.
#[derive(Clone, Debug)]
pub enum J<'a> {
    Null,
    Str(&'a str),
    String(String),
    F64(f64),
    Value(&'a Value),
    Line(Line<'a>),
    Arr(Vec<J<'a>>),
    Obj(Obj<'a>),
}

impl Serialize for J<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            J::Null => serializer.serialize_unit(),
            J::Str(s) => serializer.serialize_str(s),
            J::String(s) => serializer.serialize_str(s),
            // As `json!(f64)` then serialized: non-finite numbers become null.
            J::F64(n) if n.is_finite() => serializer.serialize_f64(*n),
            J::F64(_) => serializer.serialize_unit(),
            J::Value(v) => v.serialize(serializer),
            J::Line(l) => l.serialize(serializer),
            J::Arr(items) => serializer.collect_seq(items),
            J::Obj(o) => o.serialize(serializer),
        }
    }
}

impl<'a> From<&'a str> for J<'a> {
    fn from(s: &'a str) -> J<'a> {
        J::Str(s)
    }
}

impl From<String> for J<'_> {
    fn from(s: String) -> Self {
        J::String(s)
    }
}

impl<'a> From<Obj<'a>> for J<'a> {
    fn from(o: Obj<'a>) -> J<'a> {
        J::Obj(o)
    }
}

impl<'a> From<Vec<J<'a>>> for J<'a> {
    fn from(items: Vec<J<'a>>) -> J<'a> {
        J::Arr(items)
    }
}

impl<'a> From<Option<&'a Value>> for J<'a> {
    fn from(v: Option<&'a Value>) -> J<'a> {
        v.map_or(J::Null, J::Value)
    }
}

/// A JSON object whose keys are kept sorted (as `serde_json::Map` keeps them); setting a key
/// again replaces its value.
#[derive(Clone, Debug, Default)]
pub struct Obj<'a>(Vec<(&'a str, J<'a>)>);

impl<'a> Obj<'a> {
    pub fn new() -> Obj<'a> {
        Obj(Vec::new())
    }

    pub fn set(&mut self, key: &'a str, value: impl Into<J<'a>>) {
        let value = value.into();
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    pub fn with(mut self, key: &'a str, value: impl Into<J<'a>>) -> Obj<'a> {
        self.set(key, value);
        self
    }
}

impl Serialize for Obj<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// `serde_json`'s pretty formatter (two spaces), starting `depth` levels deep: a value written
/// with it can be pasted at that depth into a document written by `to_string_pretty`.
pub struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    pub fn at(depth: usize) -> Indented {
        Indented {
            depth,
            has_value: false,
        }
    }
}

fn indent<W: ?Sized + io::Write>(writer: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        writer.write_all(b"  ")?;
    }
    Ok(())
}

impl Indented {
    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            indent(writer, self.depth)?;
        }
        writer.write_all(bracket)
    }

    fn next<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        indent(writer, self.depth)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Append `value`, pretty-printed as if `depth` levels deep, to `out`.
pub fn write_at(out: &mut Vec<u8>, depth: usize, value: &impl Serialize) {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
    // Writing into a Vec cannot fail, and these values have string keys only.
    let _ = value.serialize(&mut serializer);
}

/// `serde_json::to_string_pretty(value) + "\n"`, as bytes.
pub fn pretty(value: &impl Serialize) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and these values have string keys only.
    let _ = pretty_to(&mut out, value);
    out
}

/// [`pretty`], written to `out` as it is serialized.
pub fn pretty_to(out: &mut dyn io::Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Indented::at(0));
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Serializes the items of an iterator as a JSON array, one at a time.
pub struct Seq<F>(pub F);

impl<I, F> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}
