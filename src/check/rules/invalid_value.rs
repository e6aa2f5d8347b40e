//! CAT006 invalid-value: a value outside what the schema allows.
//!
//! Emitted by schema validation (`schema.rs`) for enumerations, patterns, formats and ranges.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::INVALID_VALUE,
    what: "Reports a value of the right type that the schema still rejects: a word not in a code \
           list (GB/T 39046 Annex A), text that does not match a pattern (phone numbers, credit \
           codes, ids), an impossible date, a negative count, an empty list that must not be empty.",
    why: "Code lists and patterns are what makes catalogs from different regions comparable and \
          exchangeable with the national platform.",
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
