//! CAT009 unsupported-yaml: a YAML feature the catalog format does not use.
//!
//! Emitted by the loader (`yaml.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNSUPPORTED_YAML,
    what: "Reports tags (`!!binary`, `!custom`), a second document in one file (`---`), mapping \
           keys that are themselves mappings or lists, and non-finite numbers (`.inf`, `.nan`).",
    why: "Different YAML tools treat these features differently. The catalog is data that many \
          systems read; keeping to plain mappings, lists and scalars means every reader sees the \
          same values.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: !custom 居住证申领\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
