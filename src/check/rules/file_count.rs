//! CAT018 file-count: a catalog with more files than the file count limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FILE_COUNT,
    fails: &[("catalog/catalog.yaml", "limits: {max_files: 3}\n")],
    passes: &[("catalog/catalog.yaml", "limits: {max_files: 100}\n")],
    check: None,
    since: false,
};
