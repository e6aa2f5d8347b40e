//! CAT209 unmatched-exception: an exception that matches no deviation.
//!
//! Emitted by the conformance diff (`diff.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNMATCHED_EXCEPTION,
    what: "An `exceptions` line that covers no deviation of its entry (wrong `field`, a `ref` that deviates nowhere, or a deviation that has since been removed) is an error.",
    why: "An exception that matches nothing is either a typo, so the deviation it was meant for is unapproved, or a leftover that claims a deviation which no longer exists. Both mislead a reviewer.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "exceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2099-12-31}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "reviewed: 2026-06-30\n",
    )],
    check: None,
    since: false,
};
