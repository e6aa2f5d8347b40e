//! CAT002 duplicate-key: a mapping has the same key twice.
//!
//! Emitted by the loader (`yaml.rs` keeps going and reports every duplicate).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::DUPLICATE_KEY,
    what: "Reports every key that appears a second time in the same mapping, with both places.",
    why: "Many YAML tools silently keep the last value, others the first, so two readers of the \
          same file can disagree about what an item requires. catalogc keeps the first value and \
          refuses the file until one of them is removed.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: 居住证申领\nname: 居住证办理\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
