//! CAT019 control-character: a control character in a catalog file.
//!
//! Emitted by the loader (`load.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::CONTROL_CHARACTER,
    what: "Reports NUL, escape, backspace and every other control character except tab, line \
           feed and carriage return, and the Unicode line and paragraph separators, wherever they \
           are in the text (at most five per file).",
    why: "Control characters are invisible in editors and in review, break terminals and CSV \
          readers, and can hide text from a reviewer. Some YAML parsers accept them inside quoted \
          strings, so they would reach the portal and the open data unseen.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: \"居住证\u{1}申领\"\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "name: \"居住证申领\"\n",
    )],
    check: None,
    since: false,
};
