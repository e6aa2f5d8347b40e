//! `changelog` and the Atom feeds of `build`: changes in the catalog's terms, with the commits'
//! dates and messages, checked by a real feed parser.

mod common;

use std::path::Path;

use common::*;

const ITEM: &str = "catalog/national/002000112001.yaml";
const SHENZHEN: &str = "catalog/regions/440300/002000112001.yaml";

fn commit_at(dir: &Path, date: &str, message: &str) {
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=编辑部",
            "-c",
            "user.email=editor@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-a",
            "-m",
            message,
        ])
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_DATE", date)
        .status()
        .unwrap();
    assert!(status.success());
}

fn edit(dir: &Path, path: &str, from: &str, to: &str) {
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{path} lacks {from:?}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

/// The sample in git, then one commit that removes a national material (moving `reviewed`), and
/// shortens 深圳's committed limit and changes its phone (without moving `reviewed`).
fn history() -> tempfile::TempDir {
    let dir = sample_copy();
    commit_all(dir.path(), "sample");
    let national = std::fs::read_to_string(dir.path().join(ITEM)).unwrap();
    let start = national.find("  - id: study-proof").unwrap();
    let end = start + national[start..].find("\nprocess:").unwrap() + 1;
    let without = format!("{}{}", &national[..start], &national[end..]);
    std::fs::write(
        dir.path().join(ITEM),
        without.replacen("reviewed: 2025-", "reviewed: 2026-", 1),
    )
    .unwrap();
    // The regions that restate (or omit) the material drop that line too.
    for region in ["341504", "440300", "510100"] {
        let file = dir
            .path()
            .join(format!("catalog/regions/{region}/002000112001.yaml"));
        let text = std::fs::read_to_string(&file).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.contains("ref: study-proof"))
            .map(|l| format!("{l}\n"))
            .collect();
        // 深圳 keeps its review date: its stale-review warning is asserted below.
        let kept = if region == "440300" {
            kept
        } else {
            kept.replacen("reviewed: 2025-", "reviewed: 2026-", 1)
        };
        std::fs::write(&file, kept).unwrap();
    }
    edit(
        dir.path(),
        SHENZHEN,
        "committed_limit: {days: 15,",
        "committed_limit: {days: 7,",
    );
    edit(dir.path(), SHENZHEN, "0755-12345670", "0755-12345671");
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "居住证：取消连续就读证明，深圳承诺时限缩短",
    );
    dir
}

fn changelog(dir: &Path, format: &str) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "changelog",
            "HEAD~1..HEAD",
            "--as-of",
            AS_OF,
            "--format",
            format,
            "--root",
        ])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_json_changelog_names_each_kind_of_change_with_its_commit() {
    let dir = history();
    let json: serde_json::Value = serde_json::from_str(&changelog(dir.path(), "json")).unwrap();
    let changes = json["changes"].as_array().unwrap();
    let find = |kind: &str| {
        changes
            .iter()
            .find(|c| c["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {changes:#?}"))
    };
    let removed = find("material_removed");
    assert_eq!(
        (removed["item"].as_str(), removed["key"].as_str()),
        (Some("002000112001"), Some("study-proof"))
    );
    assert!(removed.get("region").is_none(), "a national change");
    let shortened = find("limit_shortened");
    assert_eq!(shortened["region"], "440300");
    assert_eq!(
        (
            shortened["old"]["days"].as_u64(),
            shortened["new"]["days"].as_u64()
        ),
        (Some(15), Some(7))
    );
    assert_eq!(
        (
            find("phone_changed")["old"].as_str(),
            find("phone_changed")["new"].as_str()
        ),
        (Some("0755-12345670"), Some("0755-12345671"))
    );
    for change in changes {
        assert_eq!(change["commit"]["date"], "2026-11-20T09:30:00+08:00");
        assert_eq!(
            change["commit"]["subject"],
            "居住证：取消连续就读证明，深圳承诺时限缩短"
        );
    }
    // 深圳's file changed but its reviewed date did not; the national item's did.
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["file"].as_str().unwrap())
        .collect();
    assert_eq!(warnings, [SHENZHEN]);
}

#[test]
fn the_atom_changelog_is_a_valid_feed_with_the_commit_dates() {
    let dir = history();
    let xml = changelog(dir.path(), "atom");
    let feed: atom_syndication::Feed = xml
        .parse()
        .unwrap_or_else(|e| panic!("not a valid Atom feed: {e}\n{xml}"));
    assert!(!feed.entries().is_empty());
    for entry in feed.entries() {
        assert_eq!(entry.updated().to_rfc3339(), "2026-11-20T09:30:00+08:00");
        assert!(
            entry.title().as_str().contains("居住证申领"),
            "{}",
            entry.title().as_str()
        );
    }
    assert!(
        feed.entries()
            .iter()
            .any(|e| e.title().as_str().starts_with("深圳市·居住证申领"))
    );
    assert!(
        feed.entries()
            .iter()
            .any(|e| e.title().as_str().starts_with("全国标准·居住证申领"))
    );
}

#[test]
fn a_new_unapproved_deviation_is_reported_as_introduced() {
    let dir = history();
    let text = std::fs::read_to_string(dir.path().join(SHENZHEN)).unwrap();
    let materials = text.find("\nmaterials:\n").unwrap() + "\nmaterials:\n".len();
    let extra = "  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}\n";
    std::fs::write(
        dir.path().join(SHENZHEN),
        format!("{}{extra}{}", &text[..materials], &text[materials..]),
    )
    .unwrap();
    commit_at(dir.path(), "2026-11-21T09:00:00+08:00", "深圳增加租赁合同");
    let json: serde_json::Value = serde_json::from_str(&changelog(dir.path(), "json")).unwrap();
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"material_added") && kinds.contains(&"deviation_introduced"),
        "{kinds:?}"
    );
}

#[test]
fn build_writes_feeds_in_a_repository_and_links_them() {
    let dir = history();
    let out = tempfile::tempdir().unwrap();
    let output = build(dir.path(), out.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let all: atom_syndication::Feed = std::fs::read_to_string(out.path().join("portal/feed.xml"))
        .unwrap()
        .parse()
        .unwrap();
    let shenzhen: atom_syndication::Feed =
        std::fs::read_to_string(out.path().join("portal/regions/440300/feed.xml"))
            .unwrap()
            .parse()
            .unwrap();
    let chengdu: atom_syndication::Feed =
        std::fs::read_to_string(out.path().join("portal/regions/510100/feed.xml"))
            .unwrap()
            .parse()
            .unwrap();
    assert!(all.entries().len() >= shenzhen.entries().len());
    assert!(
        shenzhen
            .entries()
            .iter()
            .any(|e| e.title().as_str().contains("深圳市"))
    );
    // 成都 implements 居住证申领, so the national change reaches its feed too; 深圳's does not.
    assert!(
        chengdu
            .entries()
            .iter()
            .any(|e| e.title().as_str().starts_with("全国标准"))
    );
    assert!(
        chengdu
            .entries()
            .iter()
            .all(|e| !e.title().as_str().contains("深圳市"))
    );
    let guide = std::fs::read_to_string(out.path().join("portal/regions/440300/002000112001.html"))
        .unwrap();
    assert!(
        guide.contains("rel=\"alternate\" type=\"application/atom+xml\""),
        "{guide}"
    );
}

#[test]
fn outside_a_repository_the_build_works_without_feeds_and_says_so_once() {
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    let output = build(dir.path(), out.path(), &[]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("not in a git repository").count(),
        1,
        "{stderr}"
    );
    assert!(!out.path().join("portal/feed.xml").exists());
    let index = std::fs::read_to_string(out.path().join("portal/index.html")).unwrap();
    assert!(!index.contains("application/atom+xml"));
}
