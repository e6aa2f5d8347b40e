//! CAT205 stricter-requirement: a regional value is stricter than the standard allows.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::STRICTER_REQUIREMENT,
    what: "For each field the policy marks `narrow`, compares the region's value with the standard in the direction that favours the applicant: more copies, a material made required, a stricter form, fewer accepted media, a higher fee, fewer channels or more visits than the parent region are deviations. The opposite moves are improvements.",
    why: "A region may make a service easier, never harder, than the national standard without an approved exception. The message names both values so the editor sees what to undo or get approved.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, copies: 3}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, waived_by: data_sharing}\n",
    )],
    check: None,
    since: false,
};
