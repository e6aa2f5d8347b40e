//! CAT207 approved-deviation: a deviation covered by an approved exception.
//!
//! Emitted by the conformance diff (`diff.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::APPROVED_DEVIATION,
    what: "A deviation (CAT203–CAT206) that an unexpired `exceptions` line of the same entry covers (same `field`, and the same `ref` or addition `id` when given) is reported as approved: a warning that names the approving document and its expiry.",
    why: "Approved deviations are legitimate (a special-zone regulation, a pilot) but temporary. Keeping them visible in every run means nobody forgets that they expire.",
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
