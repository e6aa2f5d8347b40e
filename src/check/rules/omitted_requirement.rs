//! CAT212 omitted-requirement: a statutory material or a non-waivable condition is omitted.
//!
//! Emitted by the conformance diff (`src/diff/`), driven by the `omit` rules of
//! schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::OMITTED_REQUIREMENT,
    what: "An explicit omission (`- {ref: …, omitted: 理由}`) is judged by the policy. Materials \
           may be omitted — 精简材料 is encouraged and classed `improved` — unless the national \
           item marks the material `statutory: true` (a law names it). Conditions are legal \
           requirements: omitting one is a deviation unless the national item marks it \
           `waivable: true`. Such an omission needs an approved exception (`exceptions: [{field: \
           conditions, ref: …, reason: …, approval: …, expires: …}]`), which turns it into an \
           approved deviation (CAT207).",
    why: "A region may ask for less than the standard only where the standard leaves room. \
          Dropping the legal age from 结婚登记 or a document a regulation requires is not a \
          simplification but a guide that misstates the law; the national office has to see \
          and approve it.",
    fails: &[
        (
            "catalog/national/000120010000.yaml",
            "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, statutory: true}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, omitted: 可刷脸核验身份}\n  - {ref: photo}\n",
        ),
    ],
    passes: &[
        (
            "catalog/national/000120010000.yaml",
            "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, statutory: true}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交}\n",
        ),
    ],
    check: None,
    since: false,
};
