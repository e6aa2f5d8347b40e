//! A finding about a top-level key's simple value is placed from the value's line, without
//! parsing the file (`load::top_level_scalar`): wherever it answers, it answers what the parser's
//! tree says, and it declines whenever the line alone cannot say it.

use catalogc::diagnostic::source::Span;
use catalogc::load::top_level_scalar;
use catalogc::load::yaml::{Limits, Value, parse};

/// The span the tree gives a finding about `pointer` (as `Document::span` finds it).
fn tree_span(text: &str, pointer: &str) -> Option<Span> {
    let root = parse(text, Limits::default()).root?;
    let (node, key) = root.pointer(pointer)?;
    Some(node.anchor_span(key))
}

#[test]
fn every_top_level_value_of_the_sample_and_the_fixtures_is_placed_as_the_tree_places_it() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut answered = 0;
    let mut declined = 0;
    for dir in ["catalog", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(here.join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            // Fixtures in other encodings are for the loader's messages.
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let parsed = parse(&text, Limits::default());
            let (Some(root), true) = (parsed.root, parsed.problems.is_empty()) else {
                continue;
            };
            let Value::Map(entries) = &root.value else {
                continue;
            };
            for e in entries {
                let pointer = format!("/{}", e.key);
                match top_level_scalar(&text, &pointer) {
                    Some(span) => {
                        answered += 1;
                        assert_eq!(
                            Some(span),
                            tree_span(&text, &pointer),
                            "{}: {pointer}",
                            entry.path().display()
                        );
                    }
                    None => declined += 1,
                }
            }
        }
    }
    // `reviewed`, `level`, `code`, `version`, … in hundreds of files; lists and maps declined.
    assert!(answered > 300 && declined > 300, "{answered} / {declined}");
}

#[test]
fn it_declines_whenever_the_line_alone_cannot_say_where_the_value_is() {
    let cases = [
        // Answered: the tree says the same.
        ("reviewed: 2025-08-15\n", true),
        (
            "name: x\nreviewed: 2025-08-15   # 复核\nlevel: city\n",
            true,
        ),
        ("name: x\r\nreviewed: 2025-08-15\r\nlevel: city\r\n", true),
        ("reviewed:   2025-08-15  \n# 注释\nlevel: city\n", true),
        ("reviewed: 2025-08-15\n\n\nlevel: city\n", true),
        // Declined.
        ("reviewed: 2025-08-15\n  continued\n", false),
        (
            "reviewed: 2025-08-15\n\n  continued after a blank line\n",
            false,
        ),
        ("reviewed: \"2025-08-15\"\n", false),
        ("reviewed: '2025-08-15'\n", false),
        ("reviewed:\t2025-08-15\n", false),
        ("reviewed:2025-08-15\n", false),
        ("reviewed: 2025-08-15 and more\n", false),
        ("reviewed: [2025-08-15]\n", false),
        ("reviewed:\n  - 2025-08-15\n", false),
        ("reviewed: 复核于2025年\n", false),
        ("reviewed: -1\n", false),
        ("{reviewed: 2025-08-15, level: city}\n", false),
        (
            "name: a\nreviewed: 2025-08-15\nreviewed: 2025-08-16\n",
            false,
        ),
    ];
    for (text, answered) in cases {
        let fast = top_level_scalar(text, "/reviewed");
        assert_eq!(fast.is_some(), answered, "{text:?}");
        if let Some(span) = fast {
            assert_eq!(Some(span), tree_span(text, "/reviewed"), "{text:?}");
        }
    }
    // Only a top-level key of letters, digits and `_`.
    assert_eq!(top_level_scalar("a: 1\n", "/a/b"), None);
    assert_eq!(top_level_scalar("a~1: 1\n", "/a~1"), None);
    assert_eq!(top_level_scalar("a: 1\n", ""), None);
}
