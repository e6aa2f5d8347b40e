//! CAT203 fixed-field: a fixed field differs from the national standard.
//!
//! Emitted by the conformance diff (`diff.rs`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FIXED_FIELD,
    what: "A field the policy marks `fixed` (name, type, audience, legal basis, statutory limit, result, …) is restated by a regional entry with a different value.",
    why: "The national standard fixes these elements for every region (同一事项、同一标准). A region that renames an item or cites another legal basis publishes a different service under the same code.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "name: 深圳居住证申领\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "name: 居住证申领\n",
    )],
    check: None,
    since: false,
};
