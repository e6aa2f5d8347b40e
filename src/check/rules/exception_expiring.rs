//! CAT213 exception-expiring: an approved exception expires soon.
//!
//! Emitted by the conformance diff (`src/diff/`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::EXCEPTION_EXPIRING,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2026-12-03}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2027-06-30}\n",
    )],
    check: None,
    since: false,
};
