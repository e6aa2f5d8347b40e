//! CAT003 unknown-key: a key the catalog format does not define.
//!
//! Emitted by schema validation (`schema.rs`) for `additionalProperties: false`.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_KEY,
    what: "Every mapping in every file is closed: a key that its schema (schema/*.schema.json, \
           documented in docs/format.md) does not list is an error. A close match is suggested.",
    why: "A misspelt key (`materails:`) would otherwise be ignored, and the region would silently \
          inherit the national value it meant to change. Rejecting unknown keys turns typos into \
          findings.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materails:\n  - {ref: id-card}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n",
    )],
    check: None,
    since: false,
};
