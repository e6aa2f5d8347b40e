//! Issue 16: `check --fix` and `--diff` on slips in a real sample file; adoption with a baseline
//! of thousands of findings (green at once, a new finding red, edits elsewhere still green);
//! an acknowledged conformance deviation is still a deviation in `catalogc diff`.

mod common;

use assert_cmd::Command;
use common::*;

fn catalogc() -> Command {
    Command::cargo_bin("catalogc").unwrap()
}

fn check(root: &std::path::Path, args: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    check_on(AS_OF, root, args)
}

fn check_on(
    as_of: &str,
    root: &std::path::Path,
    args: &[&str],
) -> (Option<i32>, serde_json::Value, String) {
    let output = catalogc()
        .args(["check", "--as-of", as_of, "--format", "json", "--root"])
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_default();
    (
        output.status.code(),
        json,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The findings that count (not acknowledged), as `code file line`.
fn counted(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["suppressed"].is_null())
        .map(|d| format!("{} {} {}", d["code"], d["file"], d["line"]))
        .collect()
}

const SAMPLE: &str = "catalog/regions/440300/002000112001.yaml";

#[test]
fn check_fix_restores_the_bytes_and_diff_writes_nothing() {
    let dir = sample_copy();
    let path = dir.path().join(SAMPLE);
    let in_sample = |json: &serde_json::Value| -> Vec<String> {
        counted(json)
            .into_iter()
            .filter(|f| f.contains(SAMPLE))
            .collect()
    };
    let (_, clean, _) = check(dir.path(), &[]);
    let clean = in_sample(&clean);
    let original = std::fs::read_to_string(&path).unwrap();
    let slipped = original
        .replacen("  - address: ", "  - address： ", 1)
        .replacen("{ref: photo, note", "{ref： photo， note", 1)
        .replacen("\n  name: 深圳市公安局", "\n\u{3000} name: 深圳市公安局", 1)
        .replacen("\"0755-12345670\"", "“0755-12345670”", 1)
        .replacen("illustrative: [approval]", "illustrative: 【approval】", 1);
    assert_ne!(slipped, original);
    std::fs::write(&path, &slipped).unwrap();

    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(1));
    let (slips, others): (Vec<String>, Vec<String>) = in_sample(&json)
        .into_iter()
        .partition(|f| f.starts_with("\"CAT022\""));
    assert_eq!(slips.len(), 6, "{slips:#?}");
    assert_eq!(others, clean, "the slips add no other finding");
    let sarif = catalogc()
        .args(["check", "--as-of", AS_OF, "--format", "sarif", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "CAT022")
        .unwrap();
    let fix = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert!(fix["deletedRegion"]["startLine"].is_u64(), "{result:#}");
    assert!(fix["insertedContent"]["text"].is_string());

    let diff = catalogc()
        .args(["check", "--fix", "--diff", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    let patch = String::from_utf8_lossy(&diff.stdout);
    assert!(
        patch.contains("-  - address： ") && patch.contains("+  - address: "),
        "{patch}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        slipped,
        "--diff wrote"
    );

    let (status, json, stderr) = check(dir.path(), &["--fix"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "{stderr}"
    );
    assert_eq!(status, Some(0), "{json:#}");
    assert_eq!(stderr.matches("fixed ").count(), 6, "{stderr}");
}

/// A catalog with thousands of findings: `n` national items copied from the base fixture, each
/// with five keys the format does not know and an old review date.
fn adopting(n: usize) -> tempfile::TempDir {
    let dir = copy_of("base");
    let national = dir.path().join("catalog/national");
    let template = std::fs::read_to_string(national.join("000120020000.yaml")).unwrap();
    for i in 0..n {
        let code = format!("0001{:04}0000", 3000 + i);
        let mut text = template.replace("000120020000", &code);
        for k in 0..5 {
            text.push_str(&format!("legacy_{k}: 旧系统字段{i}\n"));
        }
        std::fs::write(national.join(format!("{code}.yaml")), text).unwrap();
    }
    dir
}

#[test]
fn a_province_adopts_with_a_baseline_and_only_new_findings_fail() {
    let dir = adopting(400);
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(1));
    let before = counted(&json).len();
    assert!(before >= 2000, "{before} findings");

    let (status, json, stderr) = check(dir.path(), &["--write-baseline"]);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(counted(&json).is_empty());
    assert_eq!(
        json["suppressed"], before,
        "every finding is listed as acknowledged"
    );
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(0), "{:#?}", counted(&json));
    let listed = &json["diagnostics"][0]["suppressed"];
    assert_eq!(listed["kind"], "baseline");
    assert!(listed["reason"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(
        listed["at"].as_str().unwrap().contains(AS_OF),
        "dated: {listed}"
    );

    // Editing elsewhere in a baselined file (lines move, another value changes) keeps it green.
    let file = dir.path().join("catalog/national/000130070000.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = format!(
        "# 补充说明\n# 第二行\n{}",
        text.replace("name: ", "name: 新")
    );
    assert_ne!(edited, text);
    std::fs::write(&file, &edited).unwrap();
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(0), "{:#?}", counted(&json));

    // One new finding turns it red, and it is the only one that counts.
    std::fs::write(&file, format!("{edited}legacy_new: 新增字段\n")).unwrap();
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(1));
    let line = edited.lines().count() + 1;
    assert_eq!(
        counted(&json),
        vec![format!(
            "\"CAT003\" \"catalog/national/000130070000.yaml\" {line}"
        )]
    );

    // Changing a baselined value revives its finding (and leaves its entry stale).
    std::fs::write(&file, edited.replace("旧系统字段", "改过的字段")).unwrap();
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(1));
    let revived = counted(&json);
    assert_eq!(
        revived
            .iter()
            .filter(|f| f.starts_with("\"CAT003\""))
            .count(),
        5,
        "{revived:#?}"
    );
    assert_eq!(
        revived
            .iter()
            .filter(|f| f.starts_with("\"CAT026\""))
            .count(),
        5,
        "{revived:#?}"
    );
}

#[test]
fn an_acknowledged_deviation_passes_check_and_is_still_a_deviation_in_diff() {
    let dir = copy_of("base");
    let entry = "catalog/regions/440300/000120010000.yaml";
    merge(
        dir.path(),
        entry,
        "materials:\n  - {ref: id-card}\n  - {ref: photo, copies: 3}\n",
    );
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(1));
    let deviation = counted(&json);
    assert_eq!(deviation.len(), 1, "{deviation:?}");
    let diff_of = |root: &std::path::Path| {
        let out = catalogc()
            .args(["diff", "--as-of", AS_OF, "--format", "json", "--root"])
            .arg(root)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let before = diff_of(dir.path());

    let path = dir.path().join(entry);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "  - {ref: photo, copies: 3}",
        "  # catalogc: allow CAT205 -- 市局要求留存三份，已报省厅备案 until 2027-06-30\n  - {ref: photo, copies: 3}",
    );
    std::fs::write(&path, text).unwrap();
    let (status, json, _) = check(dir.path(), &[]);
    assert_eq!(status, Some(0), "{json:#}");
    let acknowledged: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["suppressed"]["kind"] == "inline")
        .collect();
    assert_eq!(acknowledged.len(), 1);
    assert_eq!(acknowledged[0]["suppressed"]["until"], "2027-06-30");
    assert_eq!(
        diff_of(dir.path()),
        before,
        "the diff does not read acknowledgements"
    );
    assert!(before.contains("copies"), "{before}");

    // After its date it counts again, with a warning about the date.
    let (status, json, _) = check_on("2027-07-01", dir.path(), &[]);
    assert_eq!(status, Some(1));
    let codes: Vec<_> = counted(&json);
    assert!(
        codes.iter().any(|c| c.starts_with("\"CAT205\"")),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|c| c.starts_with("\"CAT023\"")),
        "{codes:?}"
    );
}

#[test]
fn a_misplaced_key_says_where_it_belongs_and_a_misspelt_one_is_renamed_by_fix() {
    let dir = copy_of("base");
    let entry = "catalog/regions/440300/000120010000.yaml";
    merge(
        dir.path(),
        entry,
        "department:\n  name: 深圳市公安局\n  credit_code: \"11440300007542417R\"\nnature: statutory_authority\n",
    );
    let path = dir.path().join(entry);
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("level: city", "levle: city   # 层级")
        .replace("complaint: \"12345\"", "complaint: 012345");
    std::fs::write(&path, &text).unwrap();
    let compiled = compile(dir.path());
    let nature = compiled
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`nature`"))
        .unwrap();
    assert_eq!(nature.code, "CAT003");
    let help = nature.help.as_deref().unwrap();
    assert!(
        help.contains("`department`") && !help.contains("did you mean"),
        "{help}"
    );
    let indent = nature.fix.as_ref().expect("an indent");
    assert!(!indent.safe, "moving a key is the editor's decision");
    let mut moved = text.clone();
    for e in indent.edits.iter().rev() {
        moved.replace_range(e.start..e.end, &e.replacement);
    }
    assert!(
        moved.contains("\n  nature: statutory_authority\n"),
        "{moved}"
    );
    let rename = compiled
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`levle`"))
        .unwrap();
    assert!(rename.fix.as_ref().is_some_and(|f| f.safe));
    let quote = finding(&compiled, "CAT007");
    assert!(quote.fix.as_ref().is_some_and(|f| f.safe));

    let (_, _, stderr) = check(dir.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        text.replace("levle: city", "level: city")
            .replace("complaint: 012345", "complaint: \"012345\""),
        "{stderr}"
    );
}

#[test]
fn an_unaccounted_line_carries_its_restatement_which_fix_never_applies() {
    let dir = copy_of("base");
    let entry = "catalog/regions/440300/000120010000.yaml";
    let path = dir.path().join(entry);
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("  - {ref: photo}\n", "");
    std::fs::write(&path, &text).unwrap();
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT210");
    let fix = d.fix.clone().expect("a restatement");
    assert!(!fix.safe, "restating or omitting is the region's decision");

    let (status, _, _) = check(dir.path(), &["--fix"]);
    assert_eq!(status, Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "--fix applied it"
    );

    let mut restated = text.clone();
    for e in fix.edits.iter().rev() {
        restated.replace_range(e.start..e.end, &e.replacement);
    }
    std::fs::write(&path, &restated).unwrap();
    let compiled = compile(dir.path());
    assert!(
        compiled.diagnostics.is_empty(),
        "{}",
        common::text(&compiled)
    );
}
