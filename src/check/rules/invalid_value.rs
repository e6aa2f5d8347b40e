//! CAT006 invalid-value: a value outside what the schema allows.
//!
//! Emitted by schema validation (`schema.rs`) for enumerations, patterns, formats and ranges.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::INVALID_VALUE,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2026-02-30\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2026-02-28\n",
    )],
    check: None,
    since: false,
};
