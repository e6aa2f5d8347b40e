//! CAT017 string-length: a string longer than the string length limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::STRING_LENGTH,
    fails: &[("catalog/catalog.yaml", "limits: {max_string_chars: 5}\n")],
    passes: &[(
        "catalog/catalog.yaml",
        "limits: {max_string_chars: 20000}\n",
    )],
    check: None,
    since: false,
};
