//! CAT018 file-count: a catalog with more files than the file count limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FILE_COUNT,
    what: "Stops walking the catalog after `limits.max_files` files (default 4,000,000) in catalog/catalog.yaml.",
    why: "A runaway generator or a wrongly mounted folder can put millions of files under catalog/. The limit bounds the time and memory of a run, and says so instead of hanging.",
    fails: &[("catalog/catalog.yaml", "limits: {max_files: 3}\n")],
    passes: &[("catalog/catalog.yaml", "limits: {max_files: 100}\n")],
    check: None,
    since: false,
};
