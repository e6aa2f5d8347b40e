//! CAT010 unreadable-file: a file that cannot be read as UTF-8 text.
//!
//! Emitted by the loader (`load.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNREADABLE_FILE,
    what: "Reports catalog files and folders that cannot be read (permissions, I/O errors) and \
           files that are not valid UTF-8, with the position of the first bad byte. A UTF-8 \
           byte-order mark is accepted.",
    why: "Files saved in GBK or GB18030 by older editors display as garbage on the portal. \
          catalogc reads UTF-8 only and says exactly where the first non-UTF-8 byte is.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "name: 居住证{{0xFF}}申领\n",
    )],
    passes: &[("catalog/national/000120010000.yaml", "name: 居住证申领\n")],
    check: None,
    since: false,
};
