//! CAT001 yaml-syntax: the file is not well-formed YAML.
//!
//! Emitted by the loader (`load.rs`) when the parser stops.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::YAML_SYNTAX,
    what: "Parses every catalog file with a YAML 1.2 parser and reports where the parser had to \
           stop: an unclosed bracket or quote, a bad indentation, a stray character. The \
           parser's message is said in the editor's terms (缩进, 冒号, 引号; in English for an \
           English catalog) and points at the character at fault: the first character of an \
           over-indented line, the quote that was never closed, the tab in the indentation. A \
           full-width character where YAML needs an ASCII one is CAT022 instead.",
    why: "Nothing after a syntax error can be read, so nothing in the rest of the file is checked \
          or published. The parser gives up at or after the mistake, in its own terms (`simple key \
          expect ':'` on the line after a missing colon); the finding names the mistake and points \
          at it.",
    fails: &[("catalog/national/000120010000.yaml", "audience: [person\n")],
    passes: &[("catalog/national/000120010000.yaml", "audience: [person]\n")],
    check: None,
    since: false,
};
