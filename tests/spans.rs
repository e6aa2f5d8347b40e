//! A finding about a top-level key's simple value is placed from the value's line, without
//! parsing the file (`load::top_level_scalar`): wherever it answers, it answers what the parser's
//! tree says, and it declines whenever the line alone cannot say it. Any other finding's
//! position is found by a walk of the parser's events that stops at the node
//! (`load::yaml::locate`), which answers what the tree answers, fallback to the longest prefix
//! included.

use catalogc::diagnostic::source::Span;
use catalogc::load::yaml::{Limits, Node, Value, locate, parse};
use catalogc::load::{top_level_line, top_level_scalar};

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

/// The span `Document::span` gives from the tree: the pointer, else its longest prefix that
/// names a node.
fn tree_fallback_span(root: &Node, pointer: &str) -> Span {
    let mut pointer = pointer;
    loop {
        if let Some((node, key)) = root.pointer(pointer) {
            return node.anchor_span(key);
        }
        match pointer.rfind('/') {
            Some(i) => pointer = &pointer[..i],
            None => return Span::file_start(),
        }
    }
}

/// Every pointer into `node` (at `at`), and for each a child that is not there.
fn pointers(node: &Node, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    out.push(format!("{at}/not-there/deeper"));
    out.push(format!("{at}/99"));
    match &node.value {
        Value::Map(entries) => {
            for e in entries {
                let key = e.key.replace('~', "~0").replace('/', "~1");
                pointers(&e.value, &format!("{at}/{key}"), out);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `locate` answers what the tree answers, for every pointer of a text, or declines.
fn locate_agrees(text: &str, label: &str) -> (usize, usize) {
    let Some(root) = parse(text, Limits::default()).root else {
        return (0, 0);
    };
    let mut all = Vec::new();
    pointers(&root, "", &mut all);
    let (mut answered, mut declined) = (0, 0);
    for pointer in &all {
        match locate(text, pointer) {
            Some(span) => {
                answered += 1;
                assert_eq!(
                    span,
                    tree_fallback_span(&root, pointer),
                    "{label}: {pointer:?}"
                );
            }
            None => declined += 1,
        }
    }
    (answered, declined)
}

#[test]
fn every_node_of_the_sample_and_the_fixtures_is_located_as_the_tree_places_it() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut answered, mut declined, mut aliased) = (0, 0, 0);
    for dir in ["catalog", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(here.join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let parsed = parse(&text, Limits::default());
            if !parsed.problems.is_empty() {
                continue;
            }
            let (a, d) = locate_agrees(&text, &entry.path().display().to_string());
            if text.contains('*') && text.contains('&') {
                aliased += d;
            }
            answered += a;
            declined += d;
        }
    }
    // Every pointer of a clean file is answered, but in a file with aliases (declined there).
    assert!(answered > 15_000, "{answered} answered");
    assert!(aliased > 0, "the aliases fixture is read");
    assert_eq!(declined, aliased, "{declined} declined");
}

#[test]
fn awkward_yaml_is_located_as_the_tree_places_it() {
    let texts = [
        "a: 1\n",
        "- x\n- [1, 2]\n- {k: v}\n",
        "\"quoted key\": {\"b\": 'single''s', c: \"double \\\" q\"}   # 注释\n",
        "'1': one\n2: two\ntrue: t\nnull: n\n",
        "a/b: slash\nc~d: tilde\n",
        "text: |\n  line one\n  line two\nnext: >-\n  folded\n  text\nlast: x\n",
        "m: \"spans\n  two lines\"\nn: 'and\n\n  three'\n",
        "--- \nname: 居民身份证\nmaterials:\n  - {ref: id-card, waived_by: e_certificate}\n  -   ref: photo\n      copies: 2\n...\n",
        "nested:\n- - - deep\n    - deeper\n  - {a: [x, {b: c}]}\nempty: {}\nnone: []\nnil:\n",
        "a: &x {k: v}\nb: *x\n",
        "? complex\n: value\n",
        "",
        "# only a comment\n",
        "plain\n",
    ];
    let mut answered = 0;
    for text in texts {
        answered += locate_agrees(text, text).0;
    }
    assert!(answered > 100, "{answered}");
    // An alias is declined, and so is a key that is not a string.
    assert_eq!(locate("a: &x {k: v}\nb: *x\n", "/b/k"), None);
    assert_eq!(locate("1: one\n", "/1"), None);
    assert_eq!(locate("a: 1\n", "no-slash"), None);
}

/// A field's line, as the conformance report gives it: the first line whose text before its
/// first `:` is the key (white space after it allowed), read line by line (the way it was
/// found before it was searched for).
fn line_by_line(text: &str, key: &str) -> u32 {
    for (i, line) in text.lines().enumerate() {
        if let Some((k, _)) = line.split_once(':')
            && !k.is_empty()
            && !k.starts_with([' ', '#', '-', '\t'])
            && k.trim_end() == key
        {
            return i as u32 + 1;
        }
    }
    1
}

#[test]
fn a_top_level_keys_line_is_the_one_a_line_by_line_reading_finds() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let mut texts: Vec<String> = [
        "a: 1\nab: 2\n  a: 3\nb : 4\nc\t: 5\n",
        "# a: comment\nx: |\n  a: inside\na: 6\na: 7\n",
        "a b: 1\na:b: 2\n",
        "name\u{3000}: 居住证\r\nlevel: city\r\n",
        "- a: 1\n",
        "",
    ]
    .map(str::to_string)
    .to_vec();
    for dir in ["catalog", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(here.join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "yaml")
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                texts.push(text);
            }
        }
    }
    for text in &texts {
        let keys = [
            "a",
            "ab",
            "b",
            "c",
            "x",
            "name",
            "level",
            "materials",
            "reviewed",
            "code",
            "contact",
            "missing",
        ];
        for key in keys {
            assert_eq!(
                top_level_line(text, key),
                line_by_line(text, key),
                "{key} in {text:?}"
            );
            compared += 1;
        }
    }
    assert!(compared > 1000);
    assert_eq!(top_level_line("x: 1\nreviewed: 2\n", "reviewed"), 2);
}
