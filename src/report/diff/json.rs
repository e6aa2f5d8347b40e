//! `diff --format json` and `reports/conformance.json`, documented by `schema/diff.schema.json`.
//! The items are serialized one by one as they are built, never held together.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use serde_json::value::RawValue;

use super::DiffReport;

impl Serialize for DiffReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("DiffReport", 3)?;
        report.serialize_field("version", &1u32)?;
        report.serialize_field("regions", &self.regions)?;
        report.serialize_field("items", &Items(self))?;
        report.end()
    }
}

struct Items<'r, 'a>(&'r DiffReport<'a>);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.columns {
            None => serializer.collect_seq(self.0.items()),
            Some(columns) => {
                let kept: std::collections::BTreeSet<&str> =
                    self.0.regions.iter().map(|r| r.code.as_str()).collect();
                serializer.collect_seq(self.0.items().map(|item| {
                    Kept {
                        columns: columns
                            .of(item.code)
                            .filter(|(region, _)| kept.contains(region))
                            .filter_map(|(_, text)| RawValue::from_string(text.to_string()).ok())
                            .collect(),
                        item,
                    }
                }))
            }
        }
    }
}

/// An item whose regions' columns were kept as JSON (`Columns`): the same fields in the same
/// order as [`ItemView`](super::ItemView).
struct Kept<'a> {
    item: super::ItemView<'a>,
    columns: Vec<Box<RawValue>>,
}

impl Serialize for Kept<'_> {
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

/// Pretty-printed JSON with a final newline.
pub fn render(report: &DiffReport<'_>) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}
