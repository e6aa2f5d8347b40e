//! CAT016 alias-expansion: a file that expands to too many nodes through aliases.
//!
//! Emitted by the loader (`load.rs`, `yaml.rs`); the limit is set in catalog/catalog.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::ALIAS_EXPANSION,
    what: "Counts every node of a file, including each copy an alias (`*name`) makes, and stops reading when the count passes `limits.max_nodes` (default 200,000) in catalog/catalog.yaml.",
    why: "Nested aliases multiply: ten lines of a “billion laughs” file expand to 10^10 nodes and exhaust memory. Counting as aliases are expanded rejects such a file after a fraction of a millisecond.",
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
