//! CAT009 unsupported-yaml: a YAML feature the catalog format does not use.
//!
//! Emitted by the loader (`yaml.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNSUPPORTED_YAML,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: !custom 居住证申领\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
