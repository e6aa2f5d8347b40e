//! CAT204 added-requirement: a regional entry adds a requirement the standard does not have.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ADDED_REQUIREMENT,
    what: "A condition, material or fee line without `ref` is an addition: it asks the applicant for something the national standard does not. It is a deviation unless an unexpired exception in the same entry approves it.",
    why: "Local lists may only be narrower than the national list (GB/T 39554, 国办发〔2022〕2号: 实施要件统一). An extra document is exactly the “3 documents here, 5 there” drift the catalog exists to stop.",
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
