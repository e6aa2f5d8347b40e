//! CAT004 wrong-type: a value of the wrong type.
//!
//! Emitted by schema validation (`schema.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::WRONG_TYPE,
    what: "Reports a value whose type differs from the schema's: text where a number is expected, \
           a single value where a list is expected, an empty value where a mapping is expected.",
    why: "Counts, limits and amounts are compared across regions; `copies: 两份` cannot be compared \
          and would make the conformance report meaningless.",
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
