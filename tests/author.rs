//! `catalogc init` and `catalogc new` (README, starting a region's catalog): the files they write
//! pass `check` as written, or fail only on the fields the editor must fill; they never overwrite.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn catalogc(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("catalogc")
        .unwrap()
        .current_dir(root)
        .args(args)
        .output()
        .unwrap()
}

fn ok(root: &Path, args: &[&str]) -> String {
    let out = catalogc(root, args);
    assert!(
        out.status.success(),
        "catalogc {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `check --format json` of `root`: (exit status, [(code, file, message)]).
fn check(root: &Path) -> (i32, Vec<(String, String, String)>) {
    let out = catalogc(
        root,
        &["check", "--format", "json", "--as-of", common::AS_OF],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap(), found)
}

/// The conformance class `diff` gives `region`'s entry for `item`.
fn class(root: &Path, region: &str, item: &str) -> String {
    let out = ok(
        root,
        &[
            "diff",
            "--format",
            "json",
            "--item",
            item,
            "--as-of",
            common::AS_OF,
        ],
    );
    let json: Value = serde_json::from_str(&out).unwrap();
    let region = json["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == region)
        .unwrap_or_else(|| panic!("no region {region} in the diff"));
    region["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item"] == item)
        .map(|e| e["class"].as_str().unwrap().to_string())
        .unwrap_or_else(|| "missing".to_string())
}

fn sample_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fill_reviewed(root: &Path, relative: &str) {
    let path = root.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let filled: String = text
        .lines()
        .map(|l| {
            if l.starts_with("# reviewed:") {
                "reviewed: 2026-11-20".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, filled + "\n").unwrap();
}

#[test]
fn a_new_region_starts_from_init_and_check_asks_only_for_the_fields_to_fill() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let national = sample_root().to_str().unwrap();
    ok(
        root,
        &[
            "init",
            "--national",
            national,
            "--title",
            "浙江省政务服务事项实施清单",
        ],
    );
    // An empty region catalog with the national standard checks clean.
    let (status, found) = check(root);
    assert_eq!((status, found.len()), (0, 0), "{found:?}");

    ok(root, &["new", "region", "330000", "--name", "浙江省"]);
    // The parent is found from the code's shape: 330100 lies under 330000.
    ok(root, &["new", "region", "330100", "--name", "杭州市"]);
    let region = std::fs::read_to_string(root.join("catalog/regions/330100/region.yaml")).unwrap();
    assert!(
        region.contains("parent: \"330000\"") && region.contains("level: city"),
        "{region}"
    );

    ok(
        root,
        &[
            "new",
            "entry",
            "--region",
            "330100",
            "--item",
            "002000112001",
        ],
    );
    let entry = "catalog/regions/330100/002000112001.yaml";
    let text = std::fs::read_to_string(root.join(entry)).unwrap();
    // Every national material is listed by ref, with its name beside it.
    for line in [
        "- {ref: id-card}   # 居民身份证",
        "- {ref: photo}",
        "- {ref: residence-proof}",
        "- {ref: employment-proof}",
        "- {ref: study-proof}",
        "- {ref: residence}",
        "- {ref: grounds}",
    ] {
        assert!(text.contains(line), "{line} missing from\n{text}");
    }
    assert!(text.contains("level: city"));
    // The check names exactly the required fields still to fill, in that file.
    let (status, found) = check(root);
    assert_eq!(status, 1);
    let mut missing: Vec<&str> = found
        .iter()
        .map(|(code, file, message)| {
            assert_eq!(
                (code.as_str(), file.as_str()),
                ("CAT005", entry),
                "{message}"
            );
            message
                .split('`')
                .nth(1)
                .unwrap_or_else(|| panic!("no key named in {message}"))
        })
        .collect();
    missing.sort_unstable();
    assert_eq!(missing, ["contact", "department", "reviewed"]);
}

#[test]
fn an_entry_written_with_its_required_values_checks_clean_and_means_the_national_standard() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ok(
        root,
        &["init", "--national", sample_root().to_str().unwrap()],
    );
    ok(root, &["new", "region", "330000", "--name", "浙江省"]);
    let args = [
        "new",
        "entry",
        "--region",
        "330000",
        "--item",
        "002000112001",
        "--department",
        "浙江省公安厅",
        "--credit-code",
        "11330000002482219P", // made up, with a valid GB 32100 check digit
        "--phone",
        "0571-87280110",
    ];
    ok(root, &args);
    let entry = "catalog/regions/330000/002000112001.yaml";
    let text = std::fs::read_to_string(root.join(entry)).unwrap();
    // The task code is derived from the credit code, the level and the item (CAT112 agrees).
    assert!(
        text.contains("task_code: \"11330000002482219P2002000112001\""),
        "{text}"
    );
    fill_reviewed(root, entry);
    let (status, found) = check(root);
    assert_eq!((status, found.len()), (0, 0), "{found:?}");
    assert_eq!(class(root, "330000", "002000112001"), "same");
}

#[test]
fn under_a_parent_that_restates_its_lists_the_new_entry_inherits_them_with_their_approvals() {
    let dir = common::sample_copy();
    let root = dir.path();
    ok(root, &["new", "region", "440305", "--name", "南山区"]);
    let region = std::fs::read_to_string(root.join("catalog/regions/440305/region.yaml")).unwrap();
    assert!(region.contains("parent: \"440300\"") && region.contains("level: county"));
    ok(
        root,
        &[
            "new",
            "entry",
            "--region",
            "440305",
            "--item",
            "002000112001",
            "--department",
            "深圳市公安局南山分局",
            "--credit-code",
            "11440300007542417R",
            "--phone",
            "0755-26666666",
        ],
    );
    let entry = "catalog/regions/440305/002000112001.yaml";
    let text = std::fs::read_to_string(root.join(entry)).unwrap();
    // 深圳's restated lists are shown as comments, not restated: restating its stricter
    // condition here would be 南山's own unapproved deviation.
    assert!(
        text.contains("# conditions:   # 受理条件：继承深圳市实施清单"),
        "{text}"
    );
    assert!(
        text.contains("#   - {ref: residence-proof, omitted: 深圳办事指南"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("conditions:") || l.starts_with("materials:"))
    );
    // Inherited values are shown with their source.
    assert!(text.contains("# committed_limit: {days: 15, note: 自受理之日起, unit: calendar_day}   # 承诺办结时限（继承自深圳市实施清单）"), "{text}");
    fill_reviewed(root, entry);
    let (status, found) = check(root);
    assert!(!found.iter().any(|(_, file, _)| file == entry), "{found:?}");
    assert_eq!(status, 0, "{found:?}");
    assert_eq!(
        class(root, "440305", "002000112001"),
        class(root, "440300", "002000112001")
    );
}

#[test]
fn new_never_overwrites_and_refuses_what_it_cannot_do_with_a_reason() {
    let dir = common::sample_copy();
    let root = dir.path();
    let existing = "catalog/regions/440300/002000112001.yaml";
    let before = std::fs::read(root.join(existing)).unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &[
                "new",
                "entry",
                "--region",
                "440300",
                "--item",
                "002000112001",
            ],
            "已存在；catalogc 不会覆盖它",
        ),
        (
            &[
                "new",
                "entry",
                "--region",
                "440300",
                "--item",
                "002000112009",
            ],
            "没有全国事项 002000112009",
        ),
        (
            &[
                "new",
                "entry",
                "--region",
                "449999",
                "--item",
                "002000112001",
            ],
            "没有区划 449999",
        ),
        (
            &["new", "region", "44030", "--name", "x"],
            "不是 6 位 GB/T 2260 行政区划代码",
        ),
        (
            &["new", "region", "450100", "--name", "南宁市"],
            "450100 没有上级区划",
        ),
        (
            &[
                "new",
                "region",
                "440305",
                "--name",
                "南山区",
                "--parent",
                "440399",
            ],
            "上级区划 440399 不存在",
        ),
        (
            &[
                "new",
                "item",
                "--region",
                "440300",
                "--code",
                "002000112001",
                "--name",
                "x",
            ],
            "是全国事项的编码",
        ),
    ];
    for (args, expected) in cases {
        let out = catalogc(root, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(stderr.contains("没有写入任何文件"), "{stderr}");
    }
    assert_eq!(std::fs::read(root.join(existing)).unwrap(), before);
    assert!(!root.join("catalog/regions/450100").exists());
    assert!(!root.join("catalog/regions/440305").exists());
    // No temporary file is left behind.
    let leftovers: Vec<_> = walkdir::WalkDir::new(root.join("catalog"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("catalogc-new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_new_local_item_lists_the_fields_to_fill_and_check_names_them() {
    let dir = common::sample_copy();
    let root = dir.path();
    ok(
        root,
        &[
            "new",
            "item",
            "--region",
            "440300",
            "--code",
            "440300001001",
            "--name",
            "深圳市居住证上门办理服务",
        ],
    );
    let file = "catalog/regions/440300/local/440300001001.yaml";
    let (_, found) = check(root);
    let mut missing: Vec<String> = found
        .iter()
        .filter(|(_, f, _)| f == file)
        .map(|(code, _, message)| {
            assert_eq!(code, "CAT005", "{message}");
            message.split('`').nth(1).unwrap().to_string()
        })
        .collect();
    missing.sort();
    assert_eq!(
        missing,
        [
            "audience",
            "contact",
            "department",
            "legal_basis",
            "result",
            "reviewed",
            "statutory_limit",
            "type"
        ]
    );
}

#[test]
fn init_on_an_existing_catalog_writes_only_editor_support_and_keeps_the_editors_settings() {
    let dir = common::sample_copy();
    let root = dir.path();
    let config = std::fs::read(root.join("catalog/catalog.yaml")).unwrap();
    std::fs::create_dir_all(root.join(".vscode")).unwrap();
    std::fs::write(
        root.join(".vscode/settings.json"),
        r#"{"editor.fontSize": 15, "yaml.schemas": {"./other.json": "x/*.yaml"}}"#,
    )
    .unwrap();
    let out = ok(root, &["init", "--editor", "vscode"]);
    assert!(!out.contains("catalog/"), "{out}");
    assert_eq!(
        std::fs::read(root.join("catalog/catalog.yaml")).unwrap(),
        config
    );
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(".vscode/settings.json")).unwrap())
            .unwrap();
    assert_eq!(settings["editor.fontSize"], 15);
    assert_eq!(settings["yaml.schemas"]["./other.json"], "x/*.yaml");
    let schemas = settings["yaml.schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), 10, "{schemas:?}");
    for key in schemas.keys().filter(|k| k.starts_with("./.catalogc")) {
        assert!(root.join(key).is_file(), "{key} was not written");
    }
    // Twice is the same as once.
    ok(root, &["init", "--editor", "vscode"]);
    let again: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(".vscode/settings.json")).unwrap())
            .unwrap();
    assert_eq!(again, settings);
    // Settings with comments are not rewritten (the comments would be lost).
    std::fs::write(root.join(".vscode/settings.json"), "{ // mine\n}").unwrap();
    let out = catalogc(root, &["init", "--editor", "vscode"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("请手工加入"));
    assert_eq!(
        std::fs::read_to_string(root.join(".vscode/settings.json")).unwrap(),
        "{ // mine\n}"
    );
}
