//! CAT206 changed-text: a regional entry rewords a line of the standard.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::CHANGED_TEXT,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence}\n",
    )],
    check: None,
    since: false,
};
