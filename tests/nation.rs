//! Issue 18: `check` and `diff` compile one province at a time (`pipeline::units`) and write the
//! same bytes, with the same exit status, as the whole-catalog run (`--whole-catalog`): on the
//! sample catalog, and on every rule's failing example, so that a rule whose findings depend on
//! another province's files, or a national finding that depends on a region's, shows here.
//! The generated national catalogs and the shards are tested in benches/tools/tests/nation.rs.

mod common;

use assert_cmd::Command;
use common::{AS_OF, copy_of, merge};
use std::path::Path;

/// `catalogc ARGS… --root ROOT --as-of …`: exit status and standard output.
fn run(root: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>) {
    let output = Command::cargo_bin("catalogc")
        .unwrap()
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--as-of", AS_OF])
        .output()
        .unwrap();
    (output.status.code(), output.stdout)
}

/// Every output compared: check in the formats that show positions, sources and counts, and the
/// conformance report.
const RUNS: &[&[&str]] = &[
    &["check", "--format", "json"],
    &["check", "--format", "text"],
    &["check", "--format", "junit"],
    &["diff", "--format", "json"],
    &["diff", "--format", "text"],
    &["diff", "--format", "markdown"],
    &["diff", "--format", "json", "--region", "440300"],
    &["diff", "--format", "markdown", "--region", "440300"],
];

fn same_as_whole(root: &Path, what: &str) {
    same_in(root, what, RUNS)
}

fn same_in(root: &Path, what: &str, runs: &[&[&str]]) {
    for args in runs {
        let unit = run(root, args);
        let mut whole_args = args.to_vec();
        whole_args.push("--whole-catalog");
        let whole = run(root, &whole_args);
        assert_eq!(unit.0, whole.0, "{what}: {args:?} exit status");
        assert!(
            unit.1 == whole.1,
            "{what}: {args:?} one province at a time differs from the whole catalog:\n{}\n----- whole:\n{}",
            String::from_utf8_lossy(&unit.1),
            String::from_utf8_lossy(&whole.1)
        );
    }
}

#[test]
fn the_sample_compiled_one_province_at_a_time_is_the_whole_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    same_as_whole(root, "sample");
    // And it has something to compare: findings in region folders of several provinces.
    let (_, json) = run(root, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let folders: std::collections::BTreeSet<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str()?.strip_prefix("catalog/regions/"))
        .filter_map(|rest| rest.split('/').next())
        .collect();
    assert!(folders.len() >= 2, "{folders:?}");
}

#[test]
fn every_rules_failing_example_is_found_the_same_one_province_at_a_time() {
    for rule in catalogc::check::rules::ALL.iter().filter(|r| !r.since) {
        let dir = copy_of("base");
        for (path, yaml) in rule.fails {
            merge(dir.path(), path, yaml);
        }
        // The JSON reports carry every finding and result; the text is compared on the sample.
        same_in(
            dir.path(),
            rule.code.code,
            &[
                &["check", "--format", "json"],
                &["diff", "--format", "json"],
            ],
        );
    }
}

#[test]
fn a_region_outside_every_province_is_a_unit_of_its_own_and_still_checked() {
    // A city whose parent does not exist, and a folder without region.yaml: each is compiled
    // (and reported) on its own, as in the whole-catalog run.
    let dir = copy_of("base");
    let from = dir.path().join("catalog/regions/440300");
    let to = dir.path().join("catalog/regions/990100");
    common::copy_dir(&from, &to);
    let region = std::fs::read_to_string(to.join("region.yaml")).unwrap();
    std::fs::write(
        to.join("region.yaml"),
        region.replace("parent: \"440000\"", "parent: \"990000\""),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("catalog/regions/980000")).unwrap();
    std::fs::write(
        dir.path().join("catalog/regions/980000/000120010000.yaml"),
        "level: city\n",
    )
    .unwrap();
    same_as_whole(dir.path(), "orphans");
    let (status, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(status, Some(1));
}

#[test]
fn diff_written_to_a_file_is_the_same_as_on_standard_output_and_a_failed_write_keeps_the_old_file()
{
    // The report is spilled unit by unit and streamed to its output: to a file it is written
    // beside its name and renamed into place, so no partial file is ever left behind.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "text", "markdown"] {
        let (status, stdout) = run(root, &["diff", "--format", format]);
        assert_eq!(status, Some(0));
        assert!(stdout.len() > 1000, "{format}: a report to compare");
        let file = dir.path().join(format!("report.{format}"));
        let (status, _) = run(
            root,
            &["diff", "--format", format, "-o", file.to_str().unwrap()],
        );
        assert_eq!(status, Some(0));
        assert!(
            std::fs::read(&file).unwrap() == stdout,
            "{format}: -o differs"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "only the reports, no partial file: {names:?}"
    );
    // A folder in the way of the output: exit status 2 and a message naming the file, no panic,
    // and the folder (and what is in it) left alone.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep.txt"), "kept").unwrap();
    let output = Command::cargo_bin("catalogc")
        .unwrap()
        .args(["diff", "--format", "json", "-o"])
        .arg(&blocked)
        .arg("--root")
        .arg(root)
        .args(["--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("blocked"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(blocked.join("keep.txt")).unwrap(),
        "kept"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

/// A `diff -o` killed while writing leaves `.NAME.partial-PID` beside the output; the next run
/// to the same output deletes those of processes that no longer run, and no other file.
#[cfg(target_os = "linux")]
#[test]
fn diff_to_a_file_deletes_what_a_killed_run_left_beside_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    // A process that has ended: a child run to completion.
    let dead = std::process::Command::new("true")
        .spawn()
        .and_then(|mut c| c.wait().map(|_| c.id()))
        .unwrap();
    let alive = std::process::id();
    let left = dir.path().join(format!(".report.json.partial-{dead}"));
    let running = dir.path().join(format!(".report.json.partial-{alive}"));
    let other = dir.path().join(format!(".other.json.partial-{dead}"));
    for file in [&left, &running, &other] {
        std::fs::write(file, "half a report").unwrap();
    }
    let out = dir.path().join("report.json");
    let (status, _) = run(
        root,
        &["diff", "--format", "json", "-o", out.to_str().unwrap()],
    );
    assert_eq!(status, Some(0));
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    assert!(!left.exists(), "a dead run's partial file is deleted");
    assert!(running.exists(), "a running process's file is left alone");
    assert!(other.exists(), "another output's file is left alone");
}
