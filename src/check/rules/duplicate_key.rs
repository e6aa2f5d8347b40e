//! CAT002 duplicate-key: a mapping has the same key twice.
//!
//! Emitted by the loader (`yaml.rs` keeps going and reports every duplicate).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::DUPLICATE_KEY,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: 居住证申领\nname: 居住证办理\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
