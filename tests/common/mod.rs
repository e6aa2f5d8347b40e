//! Helpers shared by the integration tests: copy a fixture catalog, merge example files into it,
//! compile it with a fixed reference date.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use catalogc::pipeline::{self, Compiled, Options};

/// The reference date every test uses, so review and expiry findings do not depend on the clock.
pub const AS_OF: &str = "2026-11-29";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of a fixture catalog.
pub fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

/// The top-level keys a YAML text defines (lines that start at column 0 with `key:`).
fn top_level_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| {
            l.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        })
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// Merge `yaml` into the file at `path`: top-level keys it defines replace the file's blocks of the
/// same keys; the file is created if absent. `{{0xFF}}` writes the byte 0xFF (invalid UTF-8).
pub fn merge(root: &Path, path: &str, yaml: &str) {
    let target = root.join(path);
    // `{{symlink}}TARGET` makes the file a symbolic link to TARGET (rule examples of links).
    if let Some(link) = yaml.strip_prefix("{{symlink}}") {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        let _ = std::fs::remove_file(&target);
        std::os::unix::fs::symlink(link, &target).unwrap();
        return;
    }
    let mut text = String::new();
    if let Ok(existing) = std::fs::read_to_string(&target) {
        let keys = top_level_keys(yaml);
        let mut skipping = false;
        for line in existing.lines() {
            let starts_block = line
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '#');
            if starts_block {
                skipping = line
                    .split_once(':')
                    .is_some_and(|(k, _)| keys.iter().any(|key| key == k.trim()));
            }
            if !skipping {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    text.push_str(yaml);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let bytes: Vec<u8> = text
        .split("{{0xFF}}")
        .collect::<Vec<_>>()
        .join("\u{0}")
        .into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 0 { 0xFF } else { b })
        .collect();
    std::fs::write(target, bytes).unwrap();
}

pub fn options() -> Options {
    Options {
        as_of: catalogc::dates::parse(AS_OF),
        // Today's English messages: the tests that read them were written in English.
        lang: Some(catalogc::diagnostic::messages::Lang::En),
        ..Options::default()
    }
}

pub fn compile(root: &Path) -> Compiled {
    pipeline::compile(root, &options()).expect("the schema compiles")
}

/// `compile` with the messages in `lang`.
pub fn compile_in(root: &Path, lang: catalogc::diagnostic::messages::Lang) -> Compiled {
    let options = Options {
        lang: Some(lang),
        ..options()
    };
    pipeline::compile(root, &options).expect("the schema compiles")
}

/// The text rendering of a compiled catalog's findings, without colour.
pub fn text(compiled: &Compiled) -> String {
    catalogc::report::render(
        &catalogc::report::Report::of(compiled),
        catalogc::report::Format::Text,
        false,
    )
}

/// `(code, file, line, column)` of every finding.
pub fn findings(compiled: &Compiled) -> Vec<(String, String, u32, u32)> {
    compiled
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.file.clone(),
                d.span.start.line,
                d.span.start.column,
            )
        })
        .collect()
}

/// A temporary copy of the repository's own sample catalog (`catalog/`).
pub fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("catalog"), &dir.path().join("catalog"));
    dir
}

/// Append `text` to a file and return the 1-based line the appended text starts on.
pub fn append(root: &Path, path: &str, text: &str) -> u32 {
    let target = root.join(path);
    let mut existing = std::fs::read_to_string(&target).unwrap_or_default();
    if !existing.is_empty() && !existing.ends_with('\n') {
        existing.push('\n');
    }
    let line = existing.lines().count() as u32 + 1;
    existing.push_str(text);
    std::fs::write(target, existing).unwrap();
    line
}

/// The first finding with `code`, or a panic that shows every finding.
pub fn finding<'a>(compiled: &'a Compiled, code: &str) -> &'a catalogc::diagnostic::Diagnostic {
    compiled
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} finding in:\n{}", text(compiled)))
}

/// Run git in `dir`, panicking on failure.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_COMMITTER_DATE", "2026-11-01T10:00:00+08:00")
        .env("GIT_AUTHOR_DATE", "2026-11-01T10:00:00+08:00")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Make `dir` a git repository with everything in it committed.
pub fn commit_all(dir: &Path, message: &str) {
    if !dir.join(".git").exists() {
        git(dir, &["init", "-q", "-b", "main"]);
    }
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
}

/// `catalogc check --since REV` in `dir`: (exit status, stdout, stderr).
pub fn check_since(dir: &Path, rev: &str, format: &str) -> (Option<i32>, String, String) {
    check_since_in(dir, rev, format, "en")
}

/// `check_since` with the messages in `lang` (`zh` or `en`).
pub fn check_since_in(
    dir: &Path,
    rev: &str,
    format: &str,
    lang: &str,
) -> (Option<i32>, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "check", "--as-of", AS_OF, "--format", format, "--since", rev, "--lang", lang, "--root",
        ])
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `catalogc build --lang en --as-of AS_OF --root ROOT --out OUT EXTRA…`, run to completion (its
/// notes in English; the published outputs follow the catalog's `language` whatever `--lang`).
pub fn build(root: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["build", "--lang", "en", "--as-of", AS_OF, "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// The sample catalog of this repository built into a new temporary folder (exit status 0).
pub fn sample_built() -> tempfile::TempDir {
    built_into(env!("CARGO_MANIFEST_DIR").as_ref(), &[])
}

/// `catalogc build` of `root` (with `extra` arguments) into a new temporary folder, which must
/// succeed.
pub fn built_into(root: &Path, extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let output = build(root, out.path(), extra);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

/// The base fixture with two errors (one with a secondary label in another file) and a warning.
pub fn with_findings() -> tempfile::TempDir {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "materails: []\n",
    );
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 20, unit: calendar_day}\n",
    );
    merge(
        dir.path(),
        "catalog/national/000120020000.yaml",
        "reviewed: 2020-01-01\n",
    );
    dir
}

/// Every file under `dir` with its bytes, hidden ones too, by path relative to `dir` (with `/`).
pub fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            (path.replace('\\', "/"), std::fs::read(e.path()).unwrap())
        })
        .collect()
}
