//! CAT013 file-size: a file larger than the file size limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FILE_SIZE,
    what: "A file larger than `limits.max_file_bytes` (default 1 MiB) in catalog/catalog.yaml is not read at all. Real catalog files are a few kilobytes.",
    why: "A huge file, by accident (a pasted export) or on purpose, would take memory and time from every CI run. It is refused before it is read.",
    fails: &[("catalog/catalog.yaml", "limits: {max_file_bytes: 100}\n")],
    passes: &[(
        "catalog/catalog.yaml",
        "limits: {max_file_bytes: 1048576}\n",
    )],
    check: None,
    since: false,
};
