//! CAT205 stricter-requirement: a regional value is stricter than the standard allows.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::STRICTER_REQUIREMENT,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, copies: 3}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, waived_by: data_sharing}\n",
    )],
    check: None,
    since: false,
};
