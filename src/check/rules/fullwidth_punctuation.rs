//! CAT022 fullwidth-punctuation: full-width punctuation where YAML needs an ASCII character.
//!
//! Emitted by the loader (`load/editor.rs`), which then reads the file as if the slip were
//! repaired, so that one slip gives one finding.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::FULLWIDTH_PUNCTUATION,
    what: "Finds characters typed with a Chinese input method in the places where YAML needs \
           its ASCII syntax: `：` after a key (`address： …`), `，` between the items of a flow \
           list or mapping (`[a， b]`, `{days: 15， unit: …}`), the full-width space U+3000 as \
           indentation or after `:` and `-`, `“ ”` around a value meant to be quoted, and `【】` \
           around a list. The same characters inside a value (Chinese text such as \
           `周一至周五 9:00-12:00，14:00-18:00` or `“最多跑一次”`) are text and are left alone. \
           Each slip is one finding at its own line and column, naming the character and the \
           ASCII one meant, with a fix that replaces it (`catalogc check --fix`). The rest of \
           the file is checked as if the slip were repaired, so a slip does not also produce \
           unknown keys or missing keys.",
    why: "To YAML, `address： x` is not the key `address` but a plain text `address： x`, and \
          `{ref： application}` is a mapping with one odd key: the parser or the schema then \
          complains about something else, on another line, in terms that do not mention the \
          character at fault. The slip is invisible in most editors' fonts.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days： 15, unit: calendar_day}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 15, unit: calendar_day}\n",
    )],
    check: None,
    since: false,
};
