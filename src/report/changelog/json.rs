//! `changelog --format json`: the changes and warnings as they are.

use crate::history::Changelog;

pub fn render(log: &Changelog) -> String {
    serde_json::to_string_pretty(log).unwrap_or_default() + "\n"
}
