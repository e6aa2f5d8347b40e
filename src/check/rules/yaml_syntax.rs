//! CAT001 yaml-syntax: the file is not well-formed YAML.
//!
//! Emitted by the loader (`load.rs`) when the parser stops.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::YAML_SYNTAX,
    fails: &[("catalog/national/000120010000.yaml", "audience: [person\n")],
    passes: &[("catalog/national/000120010000.yaml", "audience: [person]\n")],
    check: None,
    since: false,
};
