//! `diff --format json` and `reports/conformance.json`, documented by `schema/diff.schema.json`.
//! The items are serialized one by one as they are built, never held together; a report
//! compiled one unit at a time is written straight to its output, its regions and columns read
//! back from the spill one by one.

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
        let item = &self.item;
        let mut out = serializer.serialize_struct("ItemView", 7)?;
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
        out.serialize_field("regions", &self.columns)?;
        out.end()
    }
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
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
