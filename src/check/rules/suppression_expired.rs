//! CAT023 suppression-expired: an inline acknowledgement past its expiry date.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::SUPPRESSION_EXPIRED,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2020-01-01\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2099-12-31\n",
    )],
    check: None,
    since: false,
};
