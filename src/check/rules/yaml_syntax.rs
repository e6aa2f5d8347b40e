//! CAT001 yaml-syntax: the file is not well-formed YAML.
//!
//! Emitted by the loader (`load.rs`) when the parser stops.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::YAML_SYNTAX,
    what: "Parses every catalog file with a YAML 1.2 parser and reports where the parser had to \
           stop: an unclosed bracket or quote, a bad indentation, a stray character.",
    why: "Nothing after a syntax error can be read, so nothing in the rest of the file is checked \
          or published. The position points at the place the parser gave up, which is usually at \
          or just after the mistake.",
    fails: &[("catalog/national/000120010000.yaml", "audience: [person\n")],
    passes: &[("catalog/national/000120010000.yaml", "audience: [person]\n")],
    check: None,
    since: false,
};
