//! CAT024 suppression-unused: an inline acknowledgement that matches no finding.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::SUPPRESSION_UNUSED,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2026-06-30   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2099-12-31\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2099-12-31\n",
    )],
    check: None,
    since: false,
};
