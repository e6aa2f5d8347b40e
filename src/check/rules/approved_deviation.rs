//! CAT207 approved-deviation: a deviation covered by an approved exception.
//!
//! Emitted by the conformance diff (`diff.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::APPROVED_DEVIATION,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区居住证条例的规定, approval: 广东省人大常委会公告第12号, expires: 2099-12-31}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence}\n",
    )],
    check: None,
    since: false,
};
