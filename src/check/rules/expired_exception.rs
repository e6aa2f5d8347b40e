//! CAT208 expired-exception: an exception that has expired.
//!
//! Emitted by the conformance diff (`diff.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::EXPIRED_EXCEPTION,
    what: "An `exceptions` line whose `expires` date is before the reference date (`--as-of`, else today) approves nothing: it is an error, and the deviation it covered counts as an unapproved deviation in `diff`, the scores and every report. This is the one finding for it (the deviation is not reported a second time with contradictory help): renew the approval and update `expires`, or make the entry conform and remove the exception. CAT213 warns ahead of the date.",
    why: "An exception is granted for a period. After it ends the region must conform or obtain a new approval; an expired one left in place would hide a deviation.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2020-12-31}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2099-12-31}\n",
    )],
    check: None,
    since: false,
};
