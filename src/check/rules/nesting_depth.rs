//! CAT015 nesting-depth: a file nested deeper than the depth limit.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::NESTING_DEPTH,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "description: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "description: 居住证申领\n",
    )],
    check: None,
    since: false,
};
