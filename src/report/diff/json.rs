//! `diff --format json` and `reports/conformance.json`, documented by `schema/diff.schema.json`.
//! The items are serialized one by one as they are built, never held together; a report
//! compiled one unit at a time is written straight to its output, its regions and columns
//! copied from the spill one by one as the bytes they already are ([`write_spilled`]).

use serde::ser::{Error as _, Serialize, SerializeSeq, SerializeStruct, Serializer};

use serde_json::value::RawValue;

use super::spill::{Piece, Pieces};
use super::{DiffReport, RegionColumn, section};
use crate::diff::RegionResult;

impl Serialize for DiffReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("DiffReport", 3)?;
        report.serialize_field("version", &1u32)?;
        match self.spilled {
            None => report.serialize_field("regions", &self.regions)?,
            Some(pieces) => {
                report.serialize_field("regions", &Raw(pieces, pieces.section(section::REGIONS)))?
            }
        }
        report.serialize_field("items", &Items(self))?;
        report.end()
    }
}

/// Spilled pieces of JSON, each one value of an array.
struct Raw<'p>(&'p Pieces, &'p [Piece]);

impl Serialize for Raw<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.1.len()))?;
        for piece in self.1 {
            let text = self.0.read(piece).map_err(S::Error::custom)?;
            let raw = RawValue::from_string(text).map_err(S::Error::custom)?;
            seq.serialize_element(&raw)?;
        }
        seq.end()
    }
}

struct Items<'r, 'a>(&'r DiffReport<'a>);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.spilled {
            None => serializer.collect_seq(self.0.items()),
            Some(pieces) => serializer.collect_seq(self.0.items().map(|item| Kept {
                columns: Raw(pieces, pieces.of(section::COLUMNS, item.code)),
                item,
            })),
        }
    }
}

/// An item whose regions' columns were spilled as JSON: the same fields in the same order as
/// [`ItemView`](super::ItemView).
struct Kept<'a, 'p> {
    item: super::ItemView<'a>,
    columns: Raw<'p>,
}

impl Serialize for Kept<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ItemView", 7)?;
        item_fields(&self.item, &mut out)?;
        out.serialize_field("regions", &self.columns)?;
        out.end()
    }
}

/// An item's fields before its regions' columns, as [`ItemView`](super::ItemView) has them.
fn item_fields<S: SerializeStruct>(
    item: &super::ItemView<'_>,
    out: &mut S,
) -> Result<(), S::Error> {
    out.serialize_field("code", item.code)?;
    out.serialize_field("name", item.name)?;
    out.serialize_field("statutory_limit", &item.statutory_limit)?;
    out.serialize_field("materials", &item.materials)?;
    out.serialize_field("fees", &item.fees)?;
    if item.situations.is_empty() {
        out.skip_field("situations")?;
    } else {
        out.serialize_field("situations", &item.situations)?;
    }
    Ok(())
}

/// An item without its regions' columns.
struct Head<'r, 'a>(&'r super::ItemView<'a>);

impl Serialize for Head<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ItemView", 6)?;
        item_fields(self.0, &mut out)?;
        out.end()
    }
}

/// A writer that counts the bytes written through it.
struct Counting<'w> {
    out: &'w mut dyn std::io::Write,
    at: u64,
}

impl Counting<'_> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    /// An array of spilled pieces, its values indented by `inner` and its end by `outer`, as
    /// `serde_json`'s pretty printer writes an array; each piece's place is pushed to `placed`.
    fn pieces(
        &mut self,
        pieces: &Pieces,
        these: &[Piece],
        (inner, outer): (&str, &str),
        placed: &mut Vec<Piece>,
    ) -> std::io::Result<()> {
        if these.is_empty() {
            return self.put(b"[]");
        }
        for (i, piece) in these.iter().enumerate() {
            self.put(if i == 0 { b"[" } else { b"," })?;
            self.put(inner.as_bytes())?;
            placed.push(Piece {
                at: self.at,
                last: true,
                ..piece.clone()
            });
            pieces.copy(std::slice::from_ref(piece), self.out)?;
            self.at += piece.len;
        }
        self.put(outer.as_bytes())?;
        self.put(b"]")
    }
}

/// The report of a catalog compiled one unit at a time, written to `out` with its spilled
/// pieces (each the JSON of its place already: [`region`], [`column`]) copied as they are: the
/// bytes `serde_json`'s pretty printer makes of the report, without parsing every piece again
/// (hundreds of MB at 50k). Returns where each piece is in what was written, for the next build
/// to take an unchanged region's pieces from (`emit::memo::LastReport`).
pub fn write_spilled(
    report: &DiffReport<'_>,
    pieces: &Pieces,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Vec<Piece>> {
    let mut out = Counting { out, at: 0 };
    let mut placed = Vec::new();
    out.put(b"{\n  \"version\": 1,\n  \"regions\": ")?;
    let regions = pieces.section(section::REGIONS);
    out.pieces(pieces, regions, ("\n    ", "\n  "), &mut placed)?;
    out.put(b",\n  \"items\": ")?;
    let mut any = false;
    for item in report.items() {
        out.put(if any { b",\n    " } else { b"[\n    " })?;
        any = true;
        // The item's fields, two levels deep, and its columns after them.
        let head = serde_json::to_string_pretty(&Head(&item))?;
        let head = head.strip_suffix("\n}").unwrap_or(&head);
        out.put(head.replace('\n', "\n    ").as_bytes())?;
        out.put(b",\n      \"regions\": ")?;
        let columns = pieces.of(section::COLUMNS, item.code);
        out.pieces(pieces, columns, ("\n        ", "\n      "), &mut placed)?;
        out.put(b"\n    }")?;
    }
    out.put(if any { b"\n  ]\n}\n" } else { b"[]\n}\n" })?;
    Ok(placed)
}

/// A region's result as it stands in the report, two levels deep (report, regions).
pub fn region(region: &RegionResult) -> String {
    indented(region, "\n    ")
}

/// An item's column as it stands in the report, four levels deep (items, item, regions, column).
pub fn column(column: &RegionColumn<'_>) -> String {
    indented(column, "\n        ")
}

fn indented(value: &impl Serialize, newline: &str) -> String {
    // Newlines inside strings are escaped, so every newline is the pretty printer's.
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .replace('\n', newline)
}

/// Pretty-printed JSON with a final newline.
pub fn render(report: &DiffReport<'_>) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

/// The same, written to `out` as it is serialized.
pub fn write(report: &DiffReport<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if let Some(pieces) = report.spilled {
        return write_spilled(report, pieces, out).map(drop);
    }
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::{DiffReport, Format, spill::Spill};

    /// The report of a catalog compiled a unit at a time is written with its pieces copied as
    /// they are: the bytes of the report serialized whole (`serde_json`'s pretty printer), and
    /// each piece's recorded place holds that piece; a report made again from those places (as
    /// a build takes an unchanged region's pieces from the last report) is the same again.
    #[test]
    fn a_spilled_report_is_the_report_serialized_whole_and_its_pieces_are_where_it_says() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let options = crate::pipeline::Options {
            cache: false,
            ..Default::default()
        };
        let compiled = crate::pipeline::compile(root, &options).unwrap();
        let whole = DiffReport::new(&compiled, &[]).json();
        assert!(
            whole.contains("\"situations\""),
            "the sample has situations"
        );

        let mut spill = Spill::new().unwrap();
        DiffReport::new(&compiled, &[])
            .spill(Format::Json, &mut spill)
            .unwrap();
        let pieces = spill.finish().unwrap();
        let report = DiffReport::of_units(&compiled, &pieces);
        let mut written = Vec::new();
        let placed = super::write_spilled(&report, &pieces, &mut written).unwrap();
        let written = String::from_utf8(written).unwrap();
        assert_eq!(written, whole);
        assert_eq!(serde_json::to_string_pretty(&report).unwrap() + "\n", whole);
        assert!(placed.len() > compiled.conformance.regions.len());
        for piece in &placed {
            let text = &written[piece.at as usize..(piece.at + piece.len) as usize];
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert!(value.is_object(), "{text}");
        }

        // Every piece taken from the written report: the same report.
        let last = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut &last, written.as_bytes()).unwrap();
        let mut spill = Spill::new().unwrap();
        spill.set_last(last);
        for piece in placed.iter().rev() {
            spill.refer(piece).unwrap();
        }
        let pieces = spill.finish().unwrap();
        let mut again = Vec::new();
        let report = DiffReport::of_units(&compiled, &pieces);
        assert_eq!(
            super::write_spilled(&report, &pieces, &mut again).unwrap(),
            placed
        );
        assert_eq!(String::from_utf8(again).unwrap(), whole);
    }
}
