//! Issue 16 point 2, the done-when test: every full-width character typed at every YAML syntax
//! position of a real sample file gives exactly one diagnostic (CAT022) at that character's line
//! and column, the file reads exactly as before (no follow-on findings), and the diagnostic's fix
//! restores the original bytes.

use std::path::Path;

use catalogc::load::{self, Kind};
use catalogc::pipeline::Standard;

const SAMPLE: &str = "catalog/regions/440300/002000112001.yaml";

/// (line, column, ASCII character, full-width character) for every syntax position of `text`.
fn syntax_positions(text: &str) -> Vec<(usize, usize, char, char)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let indent = chars.iter().take_while(|c| **c == ' ').count();
        if indent > 0 {
            found.push((n, 0, ' ', '\u{3000}'));
            found.push((n, indent - 1, ' ', '\u{3000}'));
        }
        let (mut depth, mut quoted) = (0, false);
        for i in 0..chars.len() {
            let c = chars[i];
            if quoted {
                if c == '"' {
                    quoted = false;
                    found.push((n, i, '"', '”'));
                }
                continue;
            }
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            match c {
                '#' if prev == ' ' => break,
                '"' => {
                    quoted = true;
                    found.push((n, i, '"', '“'));
                }
                '[' => {
                    depth += 1;
                    found.push((n, i, '[', '【'));
                }
                '{' => depth += 1,
                ']' => {
                    depth -= 1;
                    found.push((n, i, ']', '】'));
                }
                '}' => depth -= 1,
                ',' if depth > 0 => found.push((n, i, ',', '，')),
                ':' if (prev.is_ascii_alphanumeric() || prev == '_')
                    && chars.get(i + 1).is_none_or(|c| *c == ' ') =>
                {
                    found.push((n, i, ':', '：'));
                    if chars.get(i + 1) == Some(&' ') {
                        found.push((n, i + 1, ' ', '\u{3000}'));
                    }
                }
                '-' if i == indent && chars.get(i + 1) == Some(&' ') => {
                    found.push((n, i + 1, ' ', '\u{3000}'))
                }
                _ => {}
            }
        }
    }
    found
}

fn inject(text: &str, line: usize, column: usize, to: char) -> String {
    let mut out = String::new();
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n == line {
            out.extend(
                l.chars()
                    .enumerate()
                    .map(|(i, c)| if i == column { to } else { c }),
            );
        } else {
            out.push_str(l);
        }
    }
    out
}

/// Every finding the loader and the schema give for a text, with the document's JSON.
fn read(
    standard: &Standard,
    text: &str,
) -> (Vec<catalogc::diagnostic::Diagnostic>, serde_json::Value) {
    let (document, mut found) = load::parse_document(
        Kind::Entry,
        SAMPLE,
        text.to_string(),
        standard.limits,
        standard.lang,
    );
    let document = document.expect("a document");
    if document.parsed {
        found.extend(standard.schemas.validate(&document, standard.lang));
    }
    (found, (*document.json).clone())
}

fn apply(text: &str, d: &catalogc::diagnostic::Diagnostic) -> String {
    let fix = d.fix.as_ref().expect("a fix");
    assert!(fix.safe);
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    for e in edits {
        out.replace_range(e.start..e.end, &e.replacement);
    }
    out
}

#[test]
fn each_full_width_slip_at_each_syntax_position_is_one_diagnostic_and_fixes_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let standard = Standard::load(root, None).unwrap();
    let original = std::fs::read_to_string(root.join(SAMPLE)).unwrap();
    let (clean, json) = read(&standard, &original);
    assert!(clean.is_empty(), "{clean:?}");
    let positions = syntax_positions(&original);
    let mut kinds = std::collections::BTreeSet::new();
    for &(line, column, ascii, full) in &positions {
        kinds.insert(full);
        let text = inject(&original, line, column, full);
        let (found, read_as) = read(&standard, &text);
        let case = format!("{full} for {ascii:?} at {}:{}", line + 1, column + 1);
        assert_eq!(found.len(), 1, "{case}: {found:#?}");
        let d = &found[0];
        assert_eq!(d.code, "CAT022", "{case}");
        assert_eq!(
            (d.span.start.line, d.span.start.column),
            (line as u32 + 1, column as u32 + 1),
            "{case}"
        );
        assert!(
            d.message.contains(full) || full == '\u{3000}',
            "{case}: {}",
            d.message
        );
        assert_eq!(read_as, json, "{case}: the file reads differently");
        assert_eq!(
            apply(&text, d),
            original,
            "{case}: the fix does not restore the file"
        );
    }
    // Both quotes of a value, and both brackets of a list, at once: still one slip.
    for (open, close, fopen, fclose) in [('"', '"', '“', '”'), ('[', ']', '【', '】')] {
        for (n, l) in original.lines().enumerate() {
            let l = &l[..l.find(" #").unwrap_or(l.len())];
            let Some(a) = l.find(open) else {
                continue;
            };
            let Some(b) = l[a + 1..].find(close).map(|b| a + 1 + b) else {
                continue;
            };
            if l.trim_start().starts_with('#') {
                continue;
            }
            let (a, b) = (l[..a].chars().count(), l[..b].chars().count());
            let text = inject(&inject(&original, n, a, fopen), n, b, fclose);
            let (found, read_as) = read(&standard, &text);
            assert_eq!(
                found.len(),
                1,
                "{fopen}{fclose} on line {}: {found:#?}",
                n + 1
            );
            assert_eq!(read_as, json);
            assert_eq!(apply(&text, &found[0]), original);
        }
    }
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    assert!(positions.len() > 100, "only {} positions", positions.len());
}
