//! CAT010 unreadable-file: a file that cannot be read as UTF-8 text.
//!
//! Emitted by the loader (`load.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNREADABLE_FILE,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: 居住证{{0xFF}}申领\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
