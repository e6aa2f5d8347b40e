//! CAT008 unknown-file: a file in a place the catalog format does not define.
//!
//! Emitted by the loader (`load.rs`) while walking the catalog.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_FILE,
    fails: &[(
        "catalog/nationl/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    check: None,
    since: false,
};
