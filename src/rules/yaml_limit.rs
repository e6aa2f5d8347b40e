//! CAT013 yaml-limit: a file too deep or too large to be a catalog file.
//!
//! Emitted by the loader (`yaml.rs`).

use super::{Rule, Status};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    code: "CAT013",
    name: "yaml-limit",
    severity: Severity::Error,
    status: Status::Active,
    summary: "a file too deep or too large to be a catalog file",
    what: "Stops reading a file that nests mappings and lists more than 64 levels deep or that \
           expands, counting every node an alias copies, to more than 200,000 nodes.",
    why: "A few lines of aliases (a \"billion laughs\" file) can expand to billions of nodes and \
          exhaust memory. Real catalog files are a few levels deep and a few hundred nodes, so the \
          limits cost nothing and keep a hostile file cheap to reject.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "description: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "description: 居住证申领\n",
    )],
    check: None,
};
