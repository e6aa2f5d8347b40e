//! The lines of an effective list: national ⊕ regional restatements, merged by `ref`.
//!
//! A [`Line`] borrows the documents it comes from; it serializes as the merged object would
//! (keys sorted, as `serde_json::Map` keeps them), so reports and open data write it directly.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

static TRUE: Value = Value::Bool(true);

/// One line of an effective list (see [`effective_lines`]), borrowed from the documents
/// rather than merged into a new value.
#[derive(Clone, Copy, Debug)]
pub enum Line<'a> {
    /// A line as it stands (national, or a regional line that is not an object).
    Plain(&'a Value),
    /// A national line (or `{"id": ref}` when none has that id) restated by a region: the
    /// region's keys, except `ref`, win.
    Merged {
        base: Option<&'a Map<String, Value>>,
        reference: &'a Value,
        changes: &'a Map<String, Value>,
    },
    /// A line the region adds: its own keys and `"added": true`.
    Added(&'a Map<String, Value>),
}

impl<'a> Line<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        match *self {
            Line::Plain(value) => value.get(key),
            Line::Merged {
                base,
                reference,
                changes,
            } => {
                if key != "ref"
                    && let Some(value) = changes.get(key)
                {
                    return Some(value);
                }
                match base {
                    Some(base) => base.get(key),
                    None => (key == "id").then_some(reference),
                }
            }
            Line::Added(map) => {
                if key == "added" {
                    Some(&TRUE)
                } else {
                    map.get(key)
                }
            }
        }
    }

    /// A string field, or "".
    pub fn str(&self, key: &str) -> &'a str {
        self.get(key).and_then(Value::as_str).unwrap_or_default()
    }

    /// The line's keys, sorted.
    fn keys(&self) -> Vec<&'a str> {
        match *self {
            Line::Plain(value) => value
                .as_object()
                .map(|m| m.keys().map(String::as_str).collect())
                .unwrap_or_default(),
            Line::Merged { base, changes, .. } => {
                let mut keys: Vec<&str> = match base {
                    Some(base) => base.keys().map(String::as_str).collect(),
                    None => vec!["id"],
                };
                keys.extend(changes.keys().map(String::as_str).filter(|k| *k != "ref"));
                keys.sort_unstable();
                keys.dedup();
                keys
            }
            Line::Added(map) => {
                let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
                if let Err(at) = keys.binary_search(&"added") {
                    keys.insert(at, "added");
                }
                keys
            }
        }
    }
}

impl Serialize for Line<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Line::Plain(value) = self {
            return value.serialize(serializer);
        }
        let keys = self.keys();
        let mut map = serializer.serialize_map(Some(keys.len()))?;
        for key in keys {
            map.serialize_entry(key, &self.get(key))?;
        }
        map.end()
    }
}

/// [`effective_lines`] as they apply to an applicant in one situation (情形, docs/format.md):
/// the lines whose `situations` (the restating line's, else the national line's) name it, and
/// the lines that name none. A restating line that names other situations does not restate the
/// line for this one, and an omission that names situations omits it only in those.
pub fn effective_lines_in<'a>(
    national: Option<&'a Value>,
    regional: Option<&'a Value>,
    situation: &str,
) -> Vec<Line<'a>> {
    let names = |situations: Option<&Value>| {
        situations
            .and_then(Value::as_array)
            .is_none_or(|list| list.iter().any(|s| s.as_str() == Some(situation)))
    };
    let national_lines: &[Value] = national
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let Some(regional_lines) = regional.and_then(Value::as_array) else {
        return national_lines
            .iter()
            .filter(|line| names(line.get("situations")))
            .map(Line::Plain)
            .collect();
    };
    regional_lines
        .iter()
        // A line restated for other situations only says nothing about this one.
        .filter(|line| names(line.get("situations")))
        .filter(|line| line.get("omitted").is_none())
        .map(|line| merge(national_lines, line))
        .filter(|line| names(line.get("situations")))
        .collect()
}

/// Whether `line` (a line of an item's list) applies in `situation`: it names no situations,
/// or names this one.
pub fn applies_in(line: &Line<'_>, situation: &str) -> bool {
    line.get("situations")
        .and_then(Value::as_array)
        .is_none_or(|list| list.iter().any(|s| s.as_str() == Some(situation)))
}

/// The lines of a list after a region's restatement: national lines merged with the region's
/// changes (by `ref`), omitted lines gone, additions marked `added`; borrowed, not copied.
pub fn effective_lines<'a>(
    national: Option<&'a Value>,
    regional: Option<&'a Value>,
) -> Vec<Line<'a>> {
    let national_lines: &[Value] = national
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let Some(regional_lines) = regional.and_then(Value::as_array) else {
        return national_lines.iter().map(Line::Plain).collect();
    };
    regional_lines
        .iter()
        // An explicitly omitted line (`{ref: …, omitted: 理由}`) is not part of the list.
        .filter(|line| line.get("omitted").is_none())
        .map(|line| merge(national_lines, line))
        .collect()
}

/// One regional line: merged with the national line it restates, else an addition.
fn merge<'a>(national_lines: &'a [Value], line: &'a Value) -> Line<'a> {
    match line.get("ref").filter(|r| r.is_string()) {
        Some(reference) => {
            let base = national_lines
                .iter()
                .find(|n| n.get("id").and_then(Value::as_str) == reference.as_str());
            match (base, line.as_object()) {
                (Some(Value::Object(base)), Some(changes)) => Line::Merged {
                    base: Some(base),
                    reference,
                    changes,
                },
                (None, Some(changes)) => Line::Merged {
                    base: None,
                    reference,
                    changes,
                },
                // A schema-valid line with `ref` is an object; a national line that is not
                // one is shown as it stands.
                (Some(base), _) => Line::Plain(base),
                (None, None) => Line::Plain(line),
            }
        }
        None => match line.as_object() {
            Some(map) => Line::Added(map),
            None => Line::Plain(line),
        },
    }
}
