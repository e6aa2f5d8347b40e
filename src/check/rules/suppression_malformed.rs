//! CAT025 suppression-malformed: an inline acknowledgement without a code, reason or expiry.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::SUPPRESSION_MALFORMED,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01   # catalogc: allow CAT109\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2099-12-31\n",
    )],
    check: None,
    since: false,
};
