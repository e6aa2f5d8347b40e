//! CAT014 empty-file: a file that holds no YAML document.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::EMPTY_FILE,
    fails: &[("catalog/events/draft.yaml", "# 待补充\n")],
    passes: &[("catalog/events/residence.yaml", "reviewed: 2026-06-30\n")],
    check: None,
    since: false,
};
