//! CAT023 suppression-expired: an inline acknowledgement past its expiry date.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::SUPPRESSION_EXPIRED,
    what: "An inline acknowledgement accepts one finding, on the node it is written beside: \
           `# catalogc: allow CODE -- reason until YYYY-MM-DD`, as a comment at the end of the \
           node's line or on a comment line of its own just above it. This rule reports one \
           whose date has passed (the check's `--as-of` date, default today). The finding it \
           accepted counts again.",
    why: "An acknowledgement is a documented, temporary exception to a warning or an error; \
          without an end it becomes a permanent hole nobody reviews. Suppressions change the exit \
          status only: the finding is still reported (as suppressed, with its reason and date), \
          and a conformance deviation is still a deviation in `catalogc diff`, the scores and \
          every report (only an approved exception in the entry accepts one).",
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
