//! CAT007 unquoted-code: a code written as a number.
//!
//! Emitted by schema validation (`schema.rs`) when a plain YAML number sits where a string is
//! expected.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNQUOTED_CODE,
    what: "Reports an unquoted number where the format expects text: item codes, region codes, \
           phone numbers, credit codes.",
    why: "YAML reads `000120010000` as the number 120010000: the leading zeros, which are part of \
          the code, are lost, and `440300` becomes a number that no longer matches its folder. \
          Quoting keeps the code exactly as written.",
    fails: &[("catalog/national/000120010000.yaml", "code: 000120010000\n")],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "code: \"000120010000\"\n",
    )],
    check: None,
    since: false,
};
