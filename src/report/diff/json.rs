//! `diff --format json` and `reports/conformance.json`, documented by `schema/diff.schema.json`.
//! The items are serialized one by one as they are built, never held together.

use serde::ser::{Serialize, SerializeStruct, Serializer};

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
        serializer.collect_seq(self.0.items())
    }
}

/// Pretty-printed JSON with a final newline.
pub fn render(report: &DiffReport<'_>) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}
