//! CAT024 suppression-unused: an inline acknowledgement that matches no finding.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::SUPPRESSION_UNUSED,
    what: "Reports a `# catalogc: allow CODE -- reason until YYYY-MM-DD` comment when no finding \
           with that code starts on the node it is written beside (its own line, or the next \
           line when the comment stands alone).",
    why: "A problem that was fixed leaves its acknowledgement behind; if it stayed, it would \
          silently accept the next problem of that kind on the same node. Remove it.",
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
