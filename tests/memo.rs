//! `check` keeps each province's findings (`.catalogc-cache/units/`, src/pipeline/memo.rs): a
//! province whose inputs are unchanged is not compiled again, and what `check` reports is what a
//! `--no-cache` run reports, whatever changed in between.
//!
//! Whether a province was read from the memo is seen by marking the stored results: every stored
//! message gets a prefix that no compiled finding has, so a finding that carries it came from the
//! memo and one that does not was compiled.

mod common;

use std::path::Path;

use common::*;

const MARK: &str = "〔memo〕";

/// `catalogc check --format json` with `extra` arguments: (exit status, the findings' files and
/// messages, sorted).
fn check(root: &Path, extra: &[&str]) -> (Option<i32>, Vec<(String, String)>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .args(extra)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let mut found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    (output.status.code(), found)
}

fn cached(root: &Path) -> (Option<i32>, Vec<(String, String)>) {
    check(root, &["--as-of", AS_OF, "--lang", "en"])
}

fn fresh(root: &Path) -> (Option<i32>, Vec<(String, String)>) {
    check(root, &["--as-of", AS_OF, "--lang", "en", "--no-cache"])
}

fn memo_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root.join(".catalogc-cache/units"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Prefix every stored message with MARK.
fn mark_the_memo(root: &Path) {
    let files = memo_files(root);
    assert!(!files.is_empty(), "the memo is written");
    for file in files {
        let mut stored: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        for d in stored["diagnostics"].as_array_mut().unwrap() {
            let message = d["message"].as_str().unwrap();
            d["message"] = format!("{MARK}{message}").into();
        }
        std::fs::write(&file, serde_json::to_vec(&stored).unwrap()).unwrap();
    }
}

/// The region folders whose findings came from the memo, and those that were compiled.
fn origins(found: &[(String, String)]) -> (Vec<String>, Vec<String>) {
    let folder = |file: &str| {
        file.strip_prefix("catalog/regions/")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or("national")
            .to_string()
    };
    let mut from_memo: Vec<String> = found
        .iter()
        .filter(|(_, m)| m.starts_with(MARK))
        .map(|(f, _)| folder(f))
        .collect();
    let mut compiled: Vec<String> = found
        .iter()
        .filter(|(_, m)| !m.starts_with(MARK))
        .map(|(f, _)| folder(f))
        .collect();
    for list in [&mut from_memo, &mut compiled] {
        list.sort();
        list.dedup();
    }
    (from_memo, compiled)
}

/// The sample with a finding in four provinces' units (an unknown key in an entry of each) and
/// one in a national item.
fn catalog() -> tempfile::TempDir {
    let dir = sample_copy();
    for path in [
        "catalog/regions/440300/002000112001.yaml",
        "catalog/regions/430624/000700180003.yaml",
        "catalog/regions/510100/000782001002.yaml",
        "catalog/regions/341504/000700201002.yaml",
        "catalog/national/000700201002.yaml",
    ] {
        append(dir.path(), path, "colour: red\n");
    }
    dir
}

#[test]
fn an_unchanged_province_is_read_from_the_memo_with_the_same_findings() {
    let dir = catalog();
    let expected = fresh(dir.path());
    assert_eq!(expected.0, Some(1), "the unknown keys are errors");
    assert!(
        !dir.path().join(".catalogc-cache").exists(),
        "--no-cache writes no memo"
    );
    // First cached run: compiles every unit and keeps each one's findings.
    assert_eq!(cached(dir.path()), expected);
    // One memo per province of the sample (7) and nothing else.
    assert_eq!(
        memo_files(dir.path()).len(),
        7,
        "{:?}",
        memo_files(dir.path())
    );
    // Second run: the same report, from the memo.
    assert_eq!(cached(dir.path()), expected);

    mark_the_memo(dir.path());
    let (status, found) = cached(dir.path());
    assert_eq!(status, Some(1));
    let (from_memo, compiled) = origins(&found);
    assert_eq!(
        from_memo,
        [
            "131081", "341504", "370300", "430624", "440000", "440300", "510100"
        ],
        "every province's findings came from the memo"
    );
    assert_eq!(
        compiled,
        ["national"],
        "the national files are always compiled"
    );
}

#[test]
fn a_changed_entry_recompiles_its_province_and_no_other() {
    let dir = catalog();
    cached(dir.path());
    mark_the_memo(dir.path());
    // A second unknown key in 深圳 (province 440000's unit).
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "flavour: sweet\n",
    );
    let (_, found) = cached(dir.path());
    let (from_memo, compiled) = origins(&found);
    assert!(compiled.contains(&"440300".to_string()), "{compiled:?}");
    assert!(!from_memo.contains(&"440300".to_string()));
    assert_eq!(
        from_memo,
        ["131081", "341504", "370300", "430624", "510100"],
        "深圳's province (440000, 440300) was compiled, no other"
    );
    assert!(
        found
            .iter()
            .any(|(f, m)| f.ends_with("440300/002000112001.yaml")
                && m.contains("flavour")
                && !m.starts_with(MARK)),
        "the new finding is reported: {found:?}"
    );
    // A file added to a province's folder, and one removed, change its key too.
    std::fs::write(
        dir.path().join("catalog/regions/510100/notes.yaml"),
        "a: 1\n",
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("catalog/regions/341500/000101069003.yaml")).unwrap();
    let (_, found) = cached(dir.path());
    let (from_memo, _) = origins(&found);
    assert!(!from_memo.contains(&"510100".to_string()), "{from_memo:?}");
    assert!(!from_memo.contains(&"341504".to_string()), "{from_memo:?}");
    assert!(from_memo.contains(&"131081".to_string()));

    // With the marks gone (a stale memo is deleted, see below), the report is a fresh run's.
    std::fs::remove_dir_all(dir.path().join(".catalogc-cache/units")).unwrap();
    assert_eq!(cached(dir.path()), fresh(dir.path()));
}

#[test]
fn what_every_province_reads_recompiles_every_province() {
    let dir = catalog();
    let all_compiled = |found: &[(String, String)]| origins(found).0.is_empty();

    // The reference date, the language.
    cached(dir.path());
    mark_the_memo(dir.path());
    assert!(all_compiled(
        &check(dir.path(), &["--as-of", "2026-12-31", "--lang", "en"]).1
    ));
    cached(dir.path());
    mark_the_memo(dir.path());
    let chinese = check(dir.path(), &["--as-of", AS_OF, "--lang", "zh"]).1;
    assert!(all_compiled(&chinese), "{chinese:?}");

    // A national item (what every province's entries are measured against).
    cached(dir.path());
    mark_the_memo(dir.path());
    append(
        dir.path(),
        "catalog/national/000700201002.yaml",
        "flavour: sweet\n",
    );
    assert!(all_compiled(&cached(dir.path()).1));

    // A region.yaml of another province (every unit reads every region's record).
    cached(dir.path());
    mark_the_memo(dir.path());
    append(dir.path(), "catalog/regions/510000/region.yaml", "# 注释\n");
    assert!(all_compiled(&cached(dir.path()).1));

    // The baseline of acknowledged findings.
    cached(dir.path());
    mark_the_memo(dir.path());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--write-baseline", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let (code, found) = cached(dir.path());
    assert!(all_compiled(&found));
    assert_eq!(code, Some(0), "the baseline accepts every finding");
    assert_eq!((code, found), fresh(dir.path()));
}

#[test]
fn a_replaced_attachment_recompiles_the_province_that_holds_it() {
    let dir = catalog();
    cached(dir.path());
    mark_the_memo(dir.path());
    // Same name, other bytes: not a PDF any more (CAT2xx on the entry that links it).
    let form = "catalog/regions/430624/000700180003/不动产登记申请书.pdf";
    std::fs::write(dir.path().join(form), "not a pdf").unwrap();
    let (_, found) = cached(dir.path());
    let (from_memo, compiled) = origins(&found);
    assert!(compiled.contains(&"430624".to_string()), "{found:?}");
    assert!(!from_memo.contains(&"430624".to_string()));
    assert!(from_memo.contains(&"440300".to_string()));
    std::fs::remove_dir_all(dir.path().join(".catalogc-cache/units")).unwrap();
    assert_eq!(cached(dir.path()), fresh(dir.path()));
}

#[test]
fn a_broken_memo_is_ignored_and_stale_ones_are_deleted() {
    let dir = catalog();
    let expected = fresh(dir.path());
    cached(dir.path());
    let files = memo_files(dir.path());
    // Garbage, a truncated result and an empty file: each is compiled again.
    std::fs::write(&files[0], "not json").unwrap();
    let text = std::fs::read(&files[1]).unwrap();
    std::fs::write(&files[1], &text[..text.len() / 2]).unwrap();
    std::fs::write(&files[2], "").unwrap();
    // A finding whose code catalogc does not know.
    let mut stored: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[3]).unwrap()).unwrap();
    stored["diagnostics"] = serde_json::json!([{"code": "CAT999"}]);
    std::fs::write(&files[3], serde_json::to_vec(&stored).unwrap()).unwrap();
    assert_eq!(cached(dir.path()), expected);
    assert_eq!(cached(dir.path()), expected);

    // A change leaves its province's old result behind; the next whole run deletes it.
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "# 注释\n",
    );
    cached(dir.path());
    assert_eq!(memo_files(dir.path()).len(), 7);

    // A run over one region keeps the other provinces' results.
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "# 又一个注释\n",
    );
    check(
        dir.path(),
        &["--as-of", AS_OF, "--lang", "en", "--region", "440300"],
    );
    assert_eq!(memo_files(dir.path()).len(), 8);
    assert_eq!(cached(dir.path()), expected);
    assert_eq!(memo_files(dir.path()).len(), 7);
}

#[test]
fn diff_after_check_compiles_every_province() {
    // diff needs each province's conformance, which the memo does not hold: a warm memo must
    // not leave its report empty.
    let dir = catalog();
    cached(dir.path());
    cached(dir.path());
    let diff = |extra: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
            .args([
                "diff", "--format", "text", "--lang", "en", "--as-of", AS_OF, "--root",
            ])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let fresh = diff(&["--no-cache"]);
    assert!(fresh.contains("440300"), "{fresh}");
    assert_eq!(diff(&[]), fresh);
}
