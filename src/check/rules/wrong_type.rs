//! CAT004 wrong-type: a value of the wrong type.
//!
//! Emitted by schema validation (`schema.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::WRONG_TYPE,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 十五, unit: calendar_day}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 15, unit: calendar_day}\n",
    )],
    check: None,
    since: false,
};
