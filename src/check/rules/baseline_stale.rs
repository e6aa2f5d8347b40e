//! CAT026 baseline-stale: a baseline entry that matches no finding.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::BASELINE_STALE,
    fails: &[(
        ".catalogc-baseline.json",
        "{\"version\": 1, \"reason\": \"采用 catalogc 时的存量问题\", \"written\": \"2026-01-01\", \"entries\": [{\"code\": \"CAT109\", \"file\": \"catalog/national/000120010000.yaml\", \"pointer\": \"/reviewed\", \"hash\": \"0000000000000000\"}]}\n",
    )],
    passes: &[(
        ".catalogc-baseline.json",
        "{\"version\": 1, \"reason\": \"采用 catalogc 时的存量问题\", \"written\": \"2026-01-01\", \"entries\": []}\n",
    )],
    check: None,
    since: false,
};
