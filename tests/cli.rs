//! The command line: exit statuses, `explain`, `rules`, and a snapshot of every output format.

mod common;

use assert_cmd::Command;
use common::*;

fn catalogc() -> Command {
    Command::cargo_bin("catalogc").unwrap()
}

/// `check` in English (`--lang en`): these tests and snapshots read today's English messages.
fn check(dir: &tempfile::TempDir, args: &[&str]) -> (Option<i32>, String) {
    let output = catalogc()
        .args(["check", "--lang", "en", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn a_clean_catalog_exits_0() {
    let dir = copy_of("base");
    let (status, out) = check(&dir, &[]);
    assert_eq!(status, Some(0));
    assert!(out.contains("no problems found"), "{out}");
}

#[test]
fn errors_exit_1() {
    let (status, _) = check(&with_findings(), &[]);
    assert_eq!(status, Some(1));
}

#[test]
fn warnings_exit_0_unless_denied() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/national/000120020000.yaml",
        "reviewed: 2020-01-01\n",
    );
    assert_eq!(check(&dir, &[]).0, Some(0));
    assert_eq!(check(&dir, &["--deny-warnings"]).0, Some(1));
}

#[test]
fn no_catalog_root_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = catalogc()
        .args(["check", "--lang", "en", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no catalog root"));
    // Without --lang and without a catalog to say otherwise, errors are Chinese.
    let output = catalogc()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("找不到目录根"));
}

#[test]
fn a_broken_schema_override_exits_2() {
    let dir = copy_of("base");
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/item.schema.json"), "{ not json").unwrap();
    let output = catalogc()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("schema/item.schema.json"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(
        catalogc()
            .args(["check", "--format", "xml"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let dir = copy_of("base");
    let output = catalogc()
        .args(["check", "--as-of", "2026-02-30", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_catalogs_own_schema_overrides_the_built_in_one_file_by_file() {
    let dir = copy_of("base");
    let builtin: serde_json::Value =
        serde_json::from_str(include_str!("../schema/region.schema.json")).unwrap();
    let mut stricter = builtin.clone();
    stricter["required"]
        .as_array_mut()
        .unwrap()
        .push("parent".into());
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(
        dir.path().join("schema/region.schema.json"),
        stricter.to_string(),
    )
    .unwrap();
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT005");
    assert_eq!(d.file, "catalog/regions/440000/region.yaml");
    // The other schema files are still the built-in ones: nothing else is reported.
    assert_eq!(compiled.diagnostics.len(), 1, "{}", text(&compiled));
}

#[test]
fn explain_accepts_every_spelling_of_a_code() {
    for short in ["7", "07", "007", "CAT7", "cat07"] {
        let output = catalogc()
            .args(["explain", short, "--lang", "en"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{short}");
        assert!(String::from_utf8_lossy(&output.stdout).starts_with("# CAT007 unquoted-code"));
    }
    for code in ["CAT101", "cat101", "101"] {
        let output = catalogc()
            .args(["explain", code, "--lang", "en"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let page = String::from_utf8(output.stdout).unwrap();
        for section in [
            "# CAT101 committed-limit",
            "## What it checks",
            "## Why it matters",
            "## Example that fails",
            "## Example that passes",
        ] {
            assert!(page.contains(section), "{section} missing in:\n{page}");
        }
    }
    assert_eq!(
        catalogc()
            .args(["explain", "CAT999"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn rules_lists_every_rule() {
    let output = catalogc()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list.len(), catalogc::diagnostic::codes::ALL.len());
    assert!(
        list.iter()
            .all(|r| r["code"].as_str().unwrap().starts_with("CAT") && r["what"].is_string())
    );
    let text = catalogc().arg("rules").output().unwrap().stdout;
    assert_eq!(String::from_utf8(text).unwrap().lines().count(), list.len());
}

#[test]
fn every_output_format_has_a_snapshot() {
    let dir = with_findings();
    for format in ["text", "json", "sarif", "github", "gitlab", "junit"] {
        let (status, out) = check(&dir, &["--format", format]);
        assert_eq!(status, Some(1));
        insta::assert_snapshot!(format!("check-{format}"), out);
    }
}

#[test]
fn json_and_sarif_are_well_formed_and_complete() {
    let dir = with_findings();
    let json: serde_json::Value =
        serde_json::from_str(&check(&dir, &["--format", "json"]).1).unwrap();
    assert_eq!(json["errors"], 2);
    assert_eq!(json["warnings"], 1);
    let sarif: serde_json::Value =
        serde_json::from_str(&check(&dir, &["--format", "sarif"]).1).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), catalogc::diagnostic::codes::ALL.len());
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(
            rules[index]["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## Why it matters")
        );
    }
}

#[test]
fn github_output_respects_the_per_step_annotation_limit() {
    let dir = copy_of("base");
    let many: String = (0..15).map(|i| format!("unknown_{i}: x\n")).collect();
    merge(dir.path(), "catalog/national/000120020000.yaml", &many);
    let (status, out) = check(&dir, &["--format", "github"]);
    assert_eq!(status, Some(1));
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::error ")).count(),
        10
    );
    let notice = out.lines().last().unwrap();
    assert!(
        notice.starts_with("::notice ") && notice.contains("5 more findings"),
        "{notice}"
    );
}

#[test]
fn junit_has_one_test_case_per_file() {
    let dir = with_findings();
    let out = check(&dir, &["--format", "junit"]).1;
    let files = walkdir::WalkDir::new(dir.path().join("catalog"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert_eq!(out.matches("<testcase ").count(), files);
    assert_eq!(out.matches("<failure ").count(), 2);
}

/// The base fixture as a format-1 catalog: 深圳 lists only the ID card, which under format 1
/// meant "no photo"; 广东 restates its own list, leaving out the ID card, in flow style.
fn format_1() -> tempfile::TempDir {
    let dir = copy_of("base");
    let config = dir.path().join("catalog/catalog.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("schema_version: 3", "schema_version: 1"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("catalog/regions/440300/000120010000.yaml"),
        "# 深圳 keeps this comment\ndepartment: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\nlevel: city\nmaterials:\n  - {ref: photo}   # kept too\ncontact: {phone: \"0755-12345678\", complaint: \"12345\"}\nreviewed: 2026-06-30\n",
    )
    .unwrap();
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "materials: [{ref: photo}]\n",
    );
    dir
}

#[test]
fn migrate_rewrites_a_format_1_catalog_so_that_it_means_the_same() {
    let dir = format_1();
    // Read as format 2, the silently dropped ID card is an error, and the version is flagged.
    let (status, out) = check(&dir, &["--format", "json"]);
    assert_eq!(status, Some(1), "{out}");
    assert!(out.contains("CAT210") && out.contains("CAT021"), "{out}");
    let before = tree_text(dir.path());

    // --diff shows the patch and writes nothing.
    let output = catalogc()
        .args(["migrate", "--diff", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let patch = String::from_utf8_lossy(&output.stdout);
    assert!(
        patch.contains("+materials: [{ref: photo}, {ref: id-card, omitted: true}]")
            && patch.contains("-schema_version: 1")
            && patch.contains("+schema_version: 3"),
        "{patch}"
    );
    assert_eq!(tree_text(dir.path()), before, "--diff wrote files");

    let output = catalogc()
        .args(["migrate", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    // 深圳 inherits the province's list (photo only): under format 1 it dropped nothing more,
    // so its file is untouched; the province's file gains the explicit omission.
    let city = std::fs::read_to_string(dir.path().join("catalog/regions/440300/000120010000.yaml"))
        .unwrap();
    assert!(city.starts_with("# 深圳 keeps this comment\n"));
    assert!(city.contains("  - {ref: photo}   # kept too\n"));
    assert!(!city.contains("omitted"), "{city}");
    let province =
        std::fs::read_to_string(dir.path().join("catalog/regions/440000/000120010000.yaml"))
            .unwrap();
    assert!(
        province.contains("materials: [{ref: photo}, {ref: id-card, omitted: true}]"),
        "{province}"
    );
    // Now it checks clean but for the reasons still to be given, and means what it meant.
    let (status, out) = check(&dir, &["--format", "json"]);
    assert_eq!(status, Some(0), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["CAT211"], "{out}");
    // Running it again changes nothing.
    let again = tree_text(dir.path());
    catalogc()
        .args(["migrate", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(tree_text(dir.path()), again);
}

/// Every catalog file's text, by path.
fn tree_text(root: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(root.join("catalog"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn an_unknown_region_exits_2_naming_the_closest_one() {
    let dir = copy_of("base");
    for command in ["check", "diff", "build"] {
        let output = catalogc()
            .args([
                command, "--lang", "en", "--as-of", AS_OF, "--region", "440301", "--root",
            ])
            .arg(dir.path())
            .arg("--no-cache")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("`--region 440301` matches no region folder")
                && stderr.contains("did you mean 440300?"),
            "{command}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{command}");
    }
    assert!(
        !dir.path().join("out").exists(),
        "build wrote nothing for an unknown region"
    );
    // A known region still runs.
    let output = catalogc()
        .args(["check", "--as-of", AS_OF, "--region", "440300", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_unknown_item_exits_2_naming_the_closest_one() {
    let dir = copy_of("base");
    let output = catalogc()
        .args(["diff", "--item", "000120010001", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    // The catalog is zh-CN: the error is Chinese, with the closest item.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`--item 000120010001` 在 catalog/national/ 中没有对应的全国事项")
            && stderr.contains("是否应为 000120010000？"),
        "{stderr}"
    );
    let output = catalogc()
        .args(["diff", "--lang", "en", "--item", "000120010001", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`--item 000120010001` matches no national item")
            && stderr.contains("did you mean 000120010000?"),
        "{stderr}"
    );
    let output = catalogc()
        .args(["diff", "--item", "000120020000", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_yml_file_is_an_error_and_not_also_an_unknown_file() {
    let dir = copy_of("base");
    std::fs::write(
        dir.path().join("catalog/national/000120030000.yml"),
        "code: \"000120030000\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("catalog/regions/440300/000120020000.YML"),
        "level: city\n",
    )
    .unwrap();
    let (status, out) = check(&dir, &["--format", "json", "--no-cache"]);
    assert_eq!(status, Some(1), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(&str, &str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["help"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "CAT020",
                "catalog/national/000120030000.yml",
                "rename it to 000120030000.yaml"
            ),
            (
                "CAT020",
                "catalog/regions/440300/000120020000.YML",
                "rename it to 000120020000.yaml"
            ),
        ]
    );
}
