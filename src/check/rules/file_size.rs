//! CAT013 file-size: a file larger than the file size limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FILE_SIZE,
    fails: &[("catalog/catalog.yaml", "limits: {max_file_bytes: 100}\n")],
    passes: &[(
        "catalog/catalog.yaml",
        "limits: {max_file_bytes: 1048576}\n",
    )],
    check: None,
    since: false,
};
