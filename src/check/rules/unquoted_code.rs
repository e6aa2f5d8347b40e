//! CAT007 unquoted-code: a code written as a number.
//!
//! Emitted by schema validation (`schema.rs`) when a plain YAML number sits where a string is
//! expected.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNQUOTED_CODE,
    fails: &[("catalog/national/000120010000.yaml", "code: 000120010000\n")],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "code: \"000120010000\"\n",
    )],
    check: None,
    since: false,
};
