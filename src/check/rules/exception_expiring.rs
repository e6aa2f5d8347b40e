//! CAT213 exception-expiring: an approved exception expires soon.
//!
//! Emitted by the conformance diff (`src/diff/`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::EXCEPTION_EXPIRING,
    what: "An `exceptions` line that still approves a deviation but expires within \
           `exception_notice_days` days of the reference date (`--as-of`, else today; the setting \
           is in `catalog/catalog.yaml`, 60 when absent). On its expiry date the exception stops \
           approving anything and CAT208 reports it.",
    why: "Renewing an approval takes time in a provincial office; a notice on the day it lapses \
          is a red CI and an unapproved deviation in every published report. A warning two months \
          ahead leaves time to renew or to conform.",
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
