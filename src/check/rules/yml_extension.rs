//! CAT020 yml-extension: a catalog file named `.yml` rather than `.yaml`.
//!
//! Emitted by the loader (`load/mod.rs`) while walking the catalog.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::YML_EXTENSION,
    fails: &[(
        "catalog/national/000120020000.yml",
        "code: \"000120020000\"\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    check: None,
    since: false,
};
