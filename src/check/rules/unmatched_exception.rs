//! CAT209 unmatched-exception: an exception that matches no deviation.
//!
//! Emitted by the conformance diff (`diff.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNMATCHED_EXCEPTION,
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
