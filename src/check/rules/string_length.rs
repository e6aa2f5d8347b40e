//! CAT017 string-length: a string longer than the string length limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::STRING_LENGTH,
    what: "Reports every string value longer than `limits.max_string_chars` (default 20,000 characters) in catalog/catalog.yaml.",
    why: "Catalog text is shown on portal pages and in printed guides; a 100,000-character value is a paste accident or an attempt to bloat every generated page.",
    fails: &[("catalog/catalog.yaml", "limits: {max_string_chars: 5}\n")],
    passes: &[(
        "catalog/catalog.yaml",
        "limits: {max_string_chars: 20000}\n",
    )],
    check: None,
    since: false,
};
