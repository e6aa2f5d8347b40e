//! CAT212 omitted-requirement: a statutory material or a non-waivable condition is omitted.
//!
//! Emitted by the conformance diff (`src/diff/`), driven by the `omit` rules of
//! schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::OMITTED_REQUIREMENT,
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
