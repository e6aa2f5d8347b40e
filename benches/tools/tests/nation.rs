//! Issue 18 on generated catalogs: `check` and `diff` compiled one province at a time write the
//! same bytes as the whole-catalog run, and `merge` of one shard per province writes the same
//! bytes as the unsharded run, with the same exit status. The provinces, the files and the
//! findings are whatever gen-catalog writes: the test reads the provinces from the generated
//! `region.yaml` files (those without a `parent`) and requires findings and conformance results
//! to be present, so that a richer generator makes a stronger test without changing it: the
//! constructs of the conformance and real-guides issues (omissions, situations not handled,
//! lines omitted in one situation, attachments) must be in it. Merge's refusals are tested in
//! both languages.

use std::path::{Path, PathBuf};
use std::process::Command;

use catalogc::diagnostic::messages::Lang;
use clap::Parser;

const AS_OF: &str = "2026-11-29";

fn generate(out: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_gen-catalog"))
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("gen-catalog runs");
    assert!(
        output.status.success(),
        "gen-catalog failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `catalogc ARGS…` through the command line's own code; the exit status, or 2 for an error
/// (with its message in English).
fn catalogc(args: &[&str]) -> (u8, String) {
    let (status, error) = catalogc_in(args);
    (status, error.map(|e| e.to_string()).unwrap_or_default())
}

/// `catalogc ARGS…`: the exit status, and the error when it could not run.
fn catalogc_in(args: &[&str]) -> (u8, Option<catalogc::cli::Error>) {
    let cli =
        catalogc::cli::Cli::try_parse_from(std::iter::once("catalogc").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    match catalogc::cli::run(cli) {
        Ok(outcome) => (outcome.status as u8, None),
        Err(error) => (2, Some(error)),
    }
}

/// Run `command` on `root` writing to `out`; the exit status and the output.
fn output(root: &Path, out: &Path, args: &[&str]) -> (u8, Vec<u8>) {
    let root = root.to_str().unwrap();
    let file = out.to_str().unwrap();
    let mut all = args.to_vec();
    all.extend(["--root", root, "--as-of", AS_OF, "-o", file]);
    let (status, error) = catalogc(&all);
    assert!(status < 2, "{all:?} failed: {error}");
    (status, std::fs::read(out).unwrap())
}

/// The provinces of a catalog: the region folders whose region.yaml names no parent.
fn provinces(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root.join("catalog/regions")).unwrap() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path().join("region.yaml")).unwrap();
        if !text.lines().any(|l| l.starts_with("parent:")) {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found.sort();
    found
}

fn catalog(dir: &Path) -> PathBuf {
    let root = dir.join("catalog-root");
    // Four provinces of two cities, some lines left out silently so that there are findings;
    // 120 items, so that each province has attachments.
    generate(
        &root,
        &[
            "--provinces",
            "4",
            "--cities",
            "2",
            "--items",
            "120",
            "--unaccounted-rate",
            "0.02",
        ],
    );
    root
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

#[test]
fn the_nation_compiled_one_province_at_a_time_and_merged_from_shards_is_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = catalog(dir.path());
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "generated"]);
    let provinces = provinces(&root);
    assert!(provinces.len() >= 4, "{provinces:?}");
    let at = |name: &str| dir.path().join(name);

    // The reference: the whole catalog at once.
    let (status, whole_json) = output(
        &root,
        &at("whole.json"),
        &["check", "--format", "json", "--whole-catalog"],
    );
    let json: serde_json::Value = serde_json::from_slice(&whole_json).unwrap();
    let findings = json["diagnostics"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|d| d["file"].as_str().unwrap().starts_with("catalog/regions/")),
        "the generated catalog has no regional finding, the comparison would prove little"
    );
    assert!(json["files"].as_u64().unwrap() > 500);
    // The constructs of the conformance and real-guides issues, in every province.
    let regions_dir = root.join("catalog/regions");
    let all_files = walk(&regions_dir);
    for province in &provinces {
        let mut seen = std::collections::BTreeSet::new();
        let mine = all_files.iter().filter(|p| {
            let folder = p.strip_prefix(&regions_dir).unwrap().iter().next().unwrap();
            folder.to_str().unwrap()[..2] == province[..2]
        });
        for path in mine {
            let name = path.to_string_lossy();
            if name.ends_with(".pdf") || name.ends_with(".png") {
                seen.insert("attachment");
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            if text.contains(", omitted: ") {
                seen.insert("omission");
            }
            if text
                .lines()
                .any(|l| l.contains(", situations: [") && l.contains(", omitted: "))
            {
                seen.insert("line omitted in one situation");
            }
            if let Some(list) = text.split("\nsituations:\n").nth(1) {
                seen.insert("situations restated");
                if list
                    .lines()
                    .take_while(|l| l.starts_with("  - "))
                    .any(|l| l.contains(", omitted: "))
                {
                    seen.insert("situation not handled");
                }
            }
        }
        assert_eq!(
            seen.len(),
            5,
            "{province}: only {seen:?} of the constructs are in the generated catalog"
        );
    }

    for format in ["json", "text", "sarif", "junit"] {
        let (whole_status, whole) = output(
            &root,
            &at(&format!("whole.{format}")),
            &["check", "--format", format, "--whole-catalog"],
        );
        assert_eq!(whole_status, status);
        // One province at a time (the default).
        let (unit_status, unit) = output(
            &root,
            &at(&format!("unit.{format}")),
            &["check", "--format", format],
        );
        assert_eq!(unit_status, whole_status, "{format}");
        assert!(
            unit == whole,
            "check --format {format}: one province at a time differs"
        );
    }

    // One shard per province, merged.
    let mut shards = Vec::new();
    for province in &provinces {
        let path = at(&format!("shard-{province}.json"));
        output(
            &root,
            &path,
            &["check", "--region", province, "--format", "shard"],
        );
        shards.push(path.to_str().unwrap().to_string());
    }
    for format in ["json", "text", "sarif", "junit"] {
        let merged = at(&format!("merged.{format}"));
        let mut args = vec![
            "merge",
            "--kind",
            "findings",
            "--format",
            format,
            "-o",
            merged.to_str().unwrap(),
        ];
        args.extend(shards.iter().map(String::as_str));
        let (merged_status, error) = catalogc(&args);
        assert_eq!(merged_status, status, "merge --format {format}: {error}");
        let whole = std::fs::read(at(&format!("whole.{format}"))).unwrap();
        assert!(
            std::fs::read(&merged).unwrap() == whole,
            "merge --format {format} differs from the unsharded check"
        );
    }

    // The conformance report: whole, one province at a time, and merged from shards.
    let (_, whole_diff) = output(
        &root,
        &at("whole-diff.json"),
        &["diff", "--format", "json", "--whole-catalog"],
    );
    let report: serde_json::Value = serde_json::from_slice(&whole_diff).unwrap();
    let regions = report["regions"].as_array().unwrap();
    assert!(regions.len() > provinces.len());
    assert!(
        regions
            .iter()
            .any(|r| !r["entries"].as_array().unwrap().is_empty())
    );
    // Compared per situation: details that name their situation, and situations not handled.
    let diff_text = String::from_utf8_lossy(&whole_diff);
    assert!(diff_text.contains("\"situation\": \""));
    assert!(diff_text.contains("\"field\": \"situations\""));
    for format in ["json", "text", "markdown"] {
        let (_, whole) = output(
            &root,
            &at(&format!("whole-diff.{format}")),
            &["diff", "--format", format, "--whole-catalog"],
        );
        let (_, unit) = output(
            &root,
            &at(&format!("unit-diff.{format}")),
            &["diff", "--format", format],
        );
        assert!(
            unit == whole,
            "diff --format {format}: one province at a time differs"
        );
    }
    let mut diff_shards = Vec::new();
    for province in &provinces {
        let path = at(&format!("diff-{province}.json"));
        output(
            &root,
            &path,
            &["diff", "--region", province, "--format", "shard"],
        );
        diff_shards.push(path.to_str().unwrap().to_string());
    }
    let merged = at("merged-diff.json");
    let mut args = vec![
        "merge",
        "--kind",
        "conformance",
        "-o",
        merged.to_str().unwrap(),
    ];
    args.extend(diff_shards.iter().map(String::as_str));
    let (merged_status, error) = catalogc(&args);
    assert_eq!(merged_status, 0, "{error}");
    assert!(
        std::fs::read(&merged).unwrap() == whole_diff,
        "merge --kind conformance differs from diff --format json"
    );

    // Refusals, each with a message that says what is wrong, in English and in Chinese.
    let refuse = |args: Vec<&str>, says: &str, zh: &str| {
        let mut all = vec!["merge", "--kind", "findings", "-o", "/dev/null"];
        all.extend(args);
        let (status, error) = catalogc_in(&all);
        assert_eq!(status, 2, "{all:?} was merged");
        let error = error.unwrap();
        let (en_text, zh_text) = (error.text(Lang::En), error.text(Lang::Zh));
        assert!(en_text.contains(says), "{all:?}: {en_text}");
        assert!(zh_text.contains(zh), "{all:?}: {zh_text}");
        assert!(!zh_text.contains(says), "{all:?}: {zh_text}");
    };
    refuse(
        shards[1..].iter().map(String::as_str).collect(),
        &format!("no shard covers province(s) {}", provinces[0]),
        &format!("没有分片覆盖省份 {}", provinces[0]),
    );
    let mut twice: Vec<&str> = shards.iter().map(String::as_str).collect();
    twice.push(&shards[0]);
    refuse(
        twice,
        &format!("province {} is in two shards", provinces[0]),
        &format!("省份 {} 同时在两个分片中", provinces[0]),
    );
    refuse(
        diff_shards.iter().map(String::as_str).collect(),
        "is a conformance shard, not a findings shard",
        "是 conformance 分片，不是 findings 分片",
    );

    // A shard of another commit, and of another catalog (a national file changed, uncommitted).
    let national = std::fs::read_dir(root.join("catalog/national"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&national).unwrap();
    std::fs::write(&national, text.replacen("name: ", "name: 新", 1)).unwrap();
    let changed = at("shard-changed.json");
    output(
        &root,
        &changed,
        &["check", "--region", &provinces[0], "--format", "shard"],
    );
    let mut mixed: Vec<&str> = shards[1..].iter().map(String::as_str).collect();
    mixed.push(changed.to_str().unwrap());
    refuse(
        mixed.clone(),
        "shards from different catalogs or standards",
        "分片的目录或标准（模式、政策、全国文件）不同",
    );
    git(&root, &["commit", "-q", "-am", "national item renamed"]);
    output(
        &root,
        &changed,
        &["check", "--region", &provinces[0], "--format", "shard"],
    );
    refuse(mixed, "shards from different commits", "分片的提交不同");
}
