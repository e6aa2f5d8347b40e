//! CAT005 missing-key: a required key is absent.
//!
//! Emitted by schema validation (`schema.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::MISSING_KEY,
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "department: {name: 广东省公安厅}\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "department: {name: 广东省公安厅, credit_code: \"11440000006939767F\"}\n",
    )],
    check: None,
    since: false,
};
