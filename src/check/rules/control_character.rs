//! CAT019 control-character: a control character in a catalog file.
//!
//! Emitted by the loader (`load.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::CONTROL_CHARACTER,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: \"居住证\u{1}申领\"\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "name: \"居住证申领\"\n",
    )],
    check: None,
    since: false,
};
