//! Issue 18 on generated catalogs: `check` and `diff` compiled one province at a time write the
//! same bytes as the whole-catalog run, and `merge` of one shard per province writes the same
//! bytes as the unsharded run, with the same exit status. The provinces, the files and the
//! findings are whatever gen-catalog writes: the test reads the provinces from the generated
//! `region.yaml` files (those without a `parent`) and requires findings and conformance results
//! to be present, so that a richer generator makes a stronger test without changing it.

use std::path::{Path, PathBuf};
use std::process::Command;

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
/// (with its message).
fn catalogc(args: &[&str]) -> (u8, String) {
    let cli =
        catalogc::cli::Cli::try_parse_from(std::iter::once("catalogc").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    match catalogc::cli::run(cli) {
        Ok(outcome) => (outcome.status as u8, String::new()),
        Err(error) => (2, error.to_string()),
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
    // Four provinces of two cities, some lines left out silently so that there are findings.
    generate(
        &root,
        &[
            "--provinces",
            "4",
            "--cities",
            "2",
            "--items",
            "60",
            "--unaccounted-rate",
            "0.02",
        ],
    );
    root
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

    // Refusals, each with a message that says what is wrong.
    let refuse = |args: Vec<&str>, says: &str| {
        let mut all = vec!["merge", "--kind", "findings", "-o", "/dev/null"];
        all.extend(args);
        let (status, error) = catalogc(&all);
        assert_eq!(status, 2, "{all:?} was merged");
        assert!(error.contains(says), "{all:?}: {error}");
    };
    refuse(
        shards[1..].iter().map(String::as_str).collect(),
        &format!("no shard covers province(s) {}", provinces[0]),
    );
    let mut twice: Vec<&str> = shards.iter().map(String::as_str).collect();
    twice.push(&shards[0]);
    refuse(
        twice,
        &format!("province {} is in two shards", provinces[0]),
    );
    refuse(
        diff_shards.iter().map(String::as_str).collect(),
        "is a conformance shard, not a findings shard",
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
    refuse(mixed.clone(), "shards from different catalog or standard");
    git(&root, &["commit", "-q", "-am", "national item renamed"]);
    output(
        &root,
        &changed,
        &["check", "--region", &provinces[0], "--format", "shard"],
    );
    refuse(mixed, "shards from different commits");
}
