//! CAT022 fullwidth-punctuation: full-width punctuation where YAML needs an ASCII character.
//!
//! Emitted by the loader (`load/editor.rs`), which then reads the file as if the slip were
//! repaired, so that one slip gives one finding.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FULLWIDTH_PUNCTUATION,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days： 15, unit: calendar_day}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 15, unit: calendar_day}\n",
    )],
    check: None,
    since: false,
};
