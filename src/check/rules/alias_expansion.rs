//! CAT016 alias-expansion: a file that expands to too many nodes through aliases.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ALIAS_EXPANSION,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "description:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "description: 居住证申领\n",
    )],
    check: None,
    since: false,
};
