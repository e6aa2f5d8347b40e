//! CAT210 unaccounted-line: a restated list leaves out an inherited line without saying so.
//!
//! Emitted by the conformance diff (`src/diff/`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNACCOUNTED_LINE,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交}\n",
    )],
    check: None,
    since: false,
};
