//! docs/format.md is the authority on the format, so its examples must be what the schema
//! accepts. Every ```yaml block that follows a line `<!-- example: KIND -->` is written, verbatim,
//! as a file of that kind into a copy of `tests/fixtures/base`, and `catalogc check --format json`
//! must report no schema or load error (CAT0xx) for it. Each construct of the format has at least
//! one such example, so a section that loses its example fails here too.

mod common;

use std::path::{Path, PathBuf};

use common::*;

const DOC: &str = "docs/format.md";

/// One marked example: its kind, the line of docs/format.md where its YAML starts, and the YAML.
#[derive(Debug)]
struct Example {
    kind: String,
    line: usize,
    yaml: String,
}

/// The marked ```yaml blocks of `text`, in order. A marker must be followed by a ```yaml fence
/// (blank lines between are allowed); anything else is a mistake in the page and panics.
fn examples(text: &str) -> Vec<Example> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let line = lines[n].trim();
        n += 1;
        let Some(kind) = line
            .strip_prefix("<!-- example:")
            .and_then(|rest| rest.strip_suffix("-->"))
        else {
            continue;
        };
        while n < lines.len() && lines[n].trim().is_empty() {
            n += 1;
        }
        assert_eq!(
            lines.get(n).map(|l| l.trim()),
            Some("```yaml"),
            "{DOC}:{n}: the example marker is not followed by a ```yaml block"
        );
        n += 1;
        let start = n + 1;
        let mut yaml = String::new();
        while n < lines.len() && lines[n].trim() != "```" {
            yaml.push_str(lines[n]);
            yaml.push('\n');
            n += 1;
        }
        assert!(
            n < lines.len(),
            "{DOC}:{start}: the example's block never closes"
        );
        found.push(Example {
            kind: kind.trim().to_string(),
            line: start,
            yaml,
        });
    }
    found
}

/// The value of a top-level `key:` of `yaml`, unquoted (`code: "000120010000"` → `000120010000`).
fn top_level(yaml: &str, key: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = rest.split('#').next()?.trim().trim_matches('"');
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// Where an example of `kind` goes in the base fixture, and whether it replaces the whole file or
/// is merged into the fixture's file of that kind (its top-level keys replacing the file's): a
/// national item or an entry example may show only the fields it is about.
fn placement(example: &Example) -> (String, bool) {
    let yaml = &example.yaml;
    let named = |key: &str| top_level(yaml, key);
    match example.kind.as_str() {
        "item" => match named("code") {
            Some(code) => (format!("catalog/national/{code}.yaml"), true),
            None => ("catalog/national/000120010000.yaml".into(), false),
        },
        "entry" => ("catalog/regions/440300/000120010000.yaml".into(), false),
        "local-item" => {
            let code = named("code").expect("a local item example has its code");
            (format!("catalog/regions/440300/local/{code}.yaml"), true)
        }
        "region" => {
            let code = named("code").expect("a region example has its code");
            (format!("catalog/regions/{code}/region.yaml"), true)
        }
        "event" => {
            let id = named("id").expect("an event example has its id");
            (format!("catalog/events/{id}.yaml"), true)
        }
        "laws" => ("catalog/registries/laws.yaml".into(), true),
        "certificates" => ("catalog/registries/certificates.yaml".into(), true),
        "catalog" => ("catalog/catalog.yaml".into(), true),
        other => panic!(
            "{DOC}:{}: unknown example kind `{other}` (item, entry, local-item, region, event, laws, certificates, catalog)",
            example.line
        ),
    }
}

/// The `file:` paths an example's attachments name.
fn attachment_files(yaml: &str) -> Vec<String> {
    yaml.split("file:")
        .skip(1)
        .filter_map(|rest| {
            let value: String = rest
                .trim_start()
                .chars()
                .take_while(|c| !matches!(c, ',' | '}' | '\n'))
                .collect();
            let value = value.trim().trim_matches('"');
            (!value.is_empty()).then(|| value.to_string())
        })
        .collect()
}

/// Small files of the right type for an attachment, so that the example is checked with the files
/// it names in place (a missing attachment is not what this test is about).
fn stand_in(path: &Path) -> Vec<u8> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "pdf" => {
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .to_vec()
        }
        "png" => b"\x89PNG\r\n\x1a\n".to_vec(),
        "jpg" | "jpeg" => b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9".to_vec(),
        _ => b"stand-in".to_vec(),
    }
}

/// A copy of the base fixture with `example` written in place, plus the path it was written to.
fn catalog_with(example: &Example, poison: bool) -> (tempfile::TempDir, String) {
    let dir = copy_of("base");
    let (path, whole) = placement(example);
    let mut yaml = example.yaml.clone();
    if poison {
        yaml.push_str("not_a_field_of_any_kind: 1\n");
    }
    let target: PathBuf = dir.path().join(&path);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    if whole {
        std::fs::write(&target, &yaml).unwrap();
    } else {
        merge(dir.path(), &path, &yaml);
    }
    let folder = target.parent().unwrap().to_path_buf();
    for file in attachment_files(&example.yaml) {
        let at = folder.join(&file);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(&at, stand_in(&at)).unwrap();
    }
    (dir, path)
}

/// `catalogc check --format json` on `root`: every finding as (code, severity, file, line, message).
fn check_json(root: &Path) -> Vec<(String, String, String, u64, String)> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--as-of", AS_OF, "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "catalogc could not run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let field = |d: &serde_json::Value, key: &str| {
        d.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                field(d, "code"),
                field(d, "severity"),
                field(d, "file"),
                d["line"].as_u64().unwrap_or_default(),
                field(d, "message"),
            )
        })
        .collect()
}

/// A schema or load error: CAT0xx with severity error.
fn is_schema_error(code: &str, severity: &str) -> bool {
    code.starts_with("CAT0") && severity == "error"
}

fn doc_examples() -> Vec<Example> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap();
    examples(&text)
}

#[test]
fn every_marked_example_in_the_format_page_is_valid_against_the_schema() {
    let examples = doc_examples();
    assert!(
        examples.len() >= 15,
        "only {} marked examples",
        examples.len()
    );
    let mut failures = Vec::new();
    for example in &examples {
        let (dir, path) = catalog_with(example, false);
        let errors: Vec<_> = check_json(dir.path())
            .into_iter()
            .filter(|(code, severity, ..)| is_schema_error(code, severity))
            .collect();
        if !errors.is_empty() {
            failures.push(format!(
                "{DOC}:{} ({}, written as {path}):\n{}",
                example.line,
                example.kind,
                errors
                    .iter()
                    .map(|(code, _, file, line, message)| format!(
                        "  {code} {file}:{line}: {message}"
                    ))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The harness sees each example: the same example with one unknown key added is a schema error
/// in the very file the example was written to. Without this, an example written where no rule
/// reads it would pass whatever it says.
#[test]
fn each_example_is_checked_where_it_is_written() {
    for example in doc_examples() {
        let (dir, path) = catalog_with(&example, true);
        let findings = check_json(dir.path());
        assert!(
            findings
                .iter()
                .any(|(code, severity, file, ..)| is_schema_error(code, severity) && *file == path),
            "{DOC}:{}: an unknown key in the example written as {path} was not reported: {findings:?}",
            example.line
        );
    }
}

/// The constructs docs/format.md must show, each by the kind of file its example is and the
/// lines that example must contain (each line given as the pieces that must stand on it).
const CONSTRUCTS: &[(&str, &str, &[&[&str]])] = &[
    (
        "situations (national)",
        "item",
        &[&["situations:"], &["proof:"], &["situations: ["]],
    ),
    (
        "situations restated and omitted by a region",
        "entry",
        &[&["situations:"], &["{ref:", "omitted:"], &["{id:", "name:"]],
    ),
    (
        "a line restated per situation",
        "entry",
        &[&["{ref:", "situations: ["]],
    ),
    (
        "a line omitted per situation",
        "entry",
        &[&["{ref:", "situations: [", "omitted:"]],
    ),
    (
        "originals and copies",
        "item",
        &[&["originals:"], &["copies:"]],
    ),
    (
        "forms and attachments",
        "entry",
        &[
            &["blank_form:", "file:"],
            &["example:", "file:"],
            &["sample_file:", "file:"],
        ],
    ),
    (
        "容缺受理",
        "entry",
        &[&["deferrable: true", "deferrable_days:"]],
    ),
    (
        "service points",
        "entry",
        &[
            &["service_points:"],
            &["address:"],
            &["hours:"],
            &["towns:"],
        ],
    ),
    (
        "assistance",
        "entry",
        &[&["assistance:"], &["kind: home_visit"], &["who:"]],
    ),
    (
        "通办 mode",
        "entry",
        &[&["cross_region:"], &["modes:"], &["partners:"]],
    ),
    (
        "process step limit and actor",
        "entry",
        &[&["limit:", "actor:"]],
    ),
    (
        "special procedures",
        "item",
        &[
            &["special_procedures:"],
            &["kind:", "days:", "counts_toward_limit:"],
        ],
    ),
    (
        "fee detail",
        "item",
        &[
            &["unit:"],
            &["article:"],
            &["tiers:"],
            &["reductions:"],
            &["kind: exempt"],
        ],
    ),
    ("法定办结时限：无", "item", &[&["statutory_limit: none"]]),
    (
        "sources",
        "entry",
        &[&["sources:"], &["url:"], &["read:"], &["covers:"]],
    ),
    (
        "scheduled changes",
        "entry",
        &[&["scheduled:"], &["effective:"], &["set:"]],
    ),
    (
        "law status",
        "laws",
        &[&["amended:"], &["repealed:"], &["replaced_by:"]],
    ),
];

/// Whether `yaml` has, for each entry of `lines`, a line holding all its pieces.
fn shows(yaml: &str, lines: &[&[&str]]) -> bool {
    lines.iter().all(|pieces| {
        yaml.lines()
            .any(|line| pieces.iter().all(|piece| line.contains(piece)))
    })
}

#[test]
fn every_construct_of_the_format_has_a_marked_example() {
    let examples = doc_examples();
    let missing: Vec<&str> = CONSTRUCTS
        .iter()
        .filter(|(_, kind, lines)| {
            !examples
                .iter()
                .any(|e| e.kind == *kind && shows(&e.yaml, lines))
        })
        .map(|(name, ..)| *name)
        .collect();
    assert!(missing.is_empty(), "no marked example shows: {missing:?}");
}

/// The checker itself: a marker is found with its block, and a construct whose example is not
/// marked (or lacks the piece that shows it) counts as missing.
#[test]
fn the_extraction_and_the_construct_check_work_as_described() {
    let page = "text\n<!-- example: entry -->\n\n```yaml\nassistance:\n  - {kind: home_visit, who: [elderly], text: 上门}\n```\n\n```yaml\nstatutory_limit: none\n```\n";
    let found = examples(page);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind.as_str(), found[0].line), ("entry", 5));
    assert!(found[0].yaml.starts_with("assistance:\n"));
    let (_, kind, lines) = CONSTRUCTS
        .iter()
        .find(|(name, ..)| *name == "assistance")
        .unwrap();
    assert_eq!(*kind, "entry");
    assert!(shows(&found[0].yaml, lines));
    // The unmarked block shows 法定办结时限：无 but is not an example.
    assert!(!found.iter().any(|e| e.yaml.contains("statutory_limit")));
    assert_eq!(
        attachment_files("blank_form: {file: 0001/表.pdf, name: 表}\n  file: \"a/b.png\"\n"),
        ["0001/表.pdf", "a/b.png"]
    );
}
