//! The CI report formats against their published schemas: `--format sarif` against the OASIS
//! SARIF 2.1.0 schema and `--format gitlab` against GitLab's Code Quality report format
//! (`tests/fixtures/schemas/README.md` says where each schema comes from). Each validation is
//! shown to fail on a broken report, and the Code Quality fingerprints are shown to be unique and
//! to stay put when unrelated lines move.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use serde_json::{Value, json};

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schemas")
        .join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Every error the schema finds, as `pointer: message`.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn check(root: &Path, format: &str) -> (Option<i32>, Value) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--as-of", AS_OF, "--format", format, "--root"])
        .arg(root)
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    (
        output.status.code(),
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}")),
    )
}

/// A catalog in git whose last change adds escape hatches (exceptions, an omission) for review.
fn with_escape_hatches() -> tempfile::TempDir {
    let dir = copy_of("base");
    commit_all(dir.path(), "base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由人像系统调取}\nconditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区条例, approval: 粤府函〔2026〕1号, expires: 2027-06-30}\n",
    );
    dir
}

#[test]
fn sarif_is_valid_against_the_oasis_sarif_2_1_0_schema() {
    let sarif = schema("sarif-schema-2.1.0.json");
    let (status, findings) = check(with_findings().path(), "sarif");
    assert_eq!(status, Some(1));
    assert!(findings["runs"][0]["results"].as_array().unwrap().len() >= 3);
    assert_eq!(errors(&sarif, &findings), Vec::<String>::new());
    // A clean run, and a `--since` run carrying escape hatches, are valid too.
    assert_eq!(
        errors(&sarif, &check(copy_of("base").path(), "sarif").1),
        Vec::<String>::new()
    );
    let hatches = with_escape_hatches();
    let (_, out, _) = check_since(hatches.path(), "HEAD", "sarif");
    let out: Value = serde_json::from_str(&out).unwrap();
    assert!(
        !out["runs"][0]["properties"]["escapeHatches"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(errors(&sarif, &out), Vec::<String>::new());
}

#[test]
fn the_sarif_schema_rejects_a_broken_log() {
    let sarif = schema("sarif-schema-2.1.0.json");
    let (_, mut log) = check(with_findings().path(), "sarif");
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    let found = errors(&sarif, &log);
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("/runs/0/results/0/level")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("/runs/0/results/1/locations/0/physicalLocation/region")),
        "{found:?}"
    );
    let mut versionless = check(copy_of("base").path(), "sarif").1;
    versionless.as_object_mut().unwrap().remove("version");
    assert!(!errors(&sarif, &versionless).is_empty());
}

#[test]
fn gitlab_code_quality_is_valid_against_gitlabs_report_format() {
    let gitlab = schema("gitlab-codequality.schema.json");
    let (status, report) = check(with_findings().path(), "gitlab");
    assert_eq!(status, Some(1));
    assert_eq!(errors(&gitlab, &report), Vec::<String>::new());
    let issues = report.as_array().unwrap();
    // One issue per finding, with the text format's code, file and line.
    let (_, json) = check(with_findings().path(), "json");
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(issues.len(), diagnostics.len());
    for (issue, d) in issues.iter().zip(diagnostics) {
        assert_eq!(issue["check_name"], d["code"]);
        assert_eq!(issue["location"]["path"], d["file"]);
        assert_eq!(issue["location"]["lines"]["begin"], d["line"]);
        let expected = if d["severity"] == "error" {
            "critical"
        } else {
            "minor"
        };
        assert_eq!(issue["severity"], expected, "{issue}");
    }
    assert!(issues.iter().any(|i| i["severity"] == "minor"));
    // A clean catalog is an empty report, and escape hatches are `info` issues.
    assert_eq!(check(copy_of("base").path(), "gitlab").1, json!([]));
    let hatches = with_escape_hatches();
    let (_, out, _) = check_since(hatches.path(), "HEAD", "gitlab");
    let out: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(errors(&gitlab, &out), Vec::<String>::new());
    let info: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["severity"] == "info")
        .map(|i| i["check_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        info,
        [
            "escape-hatch/exception_added",
            "escape-hatch/omission_added"
        ],
        "{out}"
    );
}

#[test]
fn the_code_quality_schema_rejects_a_broken_report() {
    let gitlab = schema("gitlab-codequality.schema.json");
    let (_, mut report) = check(with_findings().path(), "gitlab");
    report[0]["severity"] = json!("error");
    report[1].as_object_mut().unwrap().remove("fingerprint");
    report[2]["location"]
        .as_object_mut()
        .unwrap()
        .remove("lines");
    let found = errors(&gitlab, &report);
    for pointer in ["/0/severity", "/1", "/2/location"] {
        assert!(
            found.iter().any(|e| e.starts_with(&format!("{pointer}:"))),
            "{pointer} not in {found:?}"
        );
    }
}

/// fingerprint → (code, line) of a Code Quality report.
fn fingerprints(report: &Value) -> BTreeMap<String, (String, u64)> {
    let issues = report.as_array().unwrap();
    let map: BTreeMap<String, (String, u64)> = issues
        .iter()
        .map(|i| {
            (
                i["fingerprint"].as_str().unwrap().to_string(),
                (
                    i["check_name"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(map.len(), issues.len(), "fingerprints repeat: {report}");
    map
}

#[test]
fn code_quality_fingerprints_are_unique_and_survive_unrelated_edits() {
    let dir = with_findings();
    // The same finding twice (a key repeated twice more: code, file, pointer and message alike)
    // still gets two fingerprints.
    append(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "dup_key: 1\ndup_key: 2\ndup_key: 3\n",
    );
    let before = fingerprints(&check(dir.path(), "gitlab").1);
    assert_eq!(
        before.values().filter(|(code, _)| code == "CAT002").count(),
        2,
        "{before:?}"
    );
    assert_eq!(before, fingerprints(&check(dir.path(), "gitlab").1));
    // Nor from one day to the next, though a message counts the days since `reviewed`.
    let later = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "check",
            "--as-of",
            "2027-03-01",
            "--format",
            "gitlab",
            "--root",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let later =
        fingerprints(&serde_json::from_str(&String::from_utf8(later.stdout).unwrap()).unwrap());
    assert!(
        later.values().any(|(code, _)| code == "CAT109"),
        "{later:?}"
    );
    assert_eq!(before, later);
    // Comments above every finding move their lines, not their fingerprints.
    for file in [
        "catalog/regions/440300/000120010000.yaml",
        "catalog/regions/440000/000120010000.yaml",
        "catalog/national/000120020000.yaml",
    ] {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("# 审核意见\n# 见会议纪要\n{text}")).unwrap();
    }
    let moved = fingerprints(&check(dir.path(), "gitlab").1);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        moved.keys().collect::<Vec<_>>()
    );
    for (print, (code, line)) in &before {
        assert_eq!(moved[print], (code.clone(), line + 2), "{code}");
    }
    // Changing the offending value is a different finding: a new fingerprint.
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 25, unit: calendar_day}\n",
    );
    let changed = fingerprints(&check(dir.path(), "gitlab").1);
    assert_eq!(changed.len(), before.len());
    assert_eq!(
        changed.keys().filter(|k| !before.contains_key(*k)).count(),
        1,
        "{before:?}\n{changed:?}"
    );
}
