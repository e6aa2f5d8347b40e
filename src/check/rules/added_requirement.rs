//! CAT204 added-requirement: a regional entry adds a requirement the standard does not have.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ADDED_REQUIREMENT,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n",
    )],
    check: None,
    since: false,
};
