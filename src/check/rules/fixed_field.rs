//! CAT203 fixed-field: a fixed field differs from the national standard.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FIXED_FIELD,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "name: 深圳居住证申领\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "name: 居住证申领\n",
    )],
    check: None,
    since: false,
};
