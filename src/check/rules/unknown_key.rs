//! CAT003 unknown-key: a key the catalog format does not define.
//!
//! Emitted by schema validation (`schema.rs`) for `additionalProperties: false`.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_KEY,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materails:\n  - {ref: id-card}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n",
    )],
    check: None,
    since: false,
};
