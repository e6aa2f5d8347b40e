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
    changelog_of(dir, "HEAD~1..HEAD", format)
}

fn changelog_of(dir: &Path, range: &str, format: &str) -> String {
    changelog_with(dir, range, format, &[])
}

/// `changelog_of` with more arguments.
fn changelog_with(dir: &Path, range: &str, format: &str, extra: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "changelog",
            range,
            "--as-of",
            AS_OF,
            "--format",
            format,
            "--root",
        ])
        .arg(dir)
        .args(extra)
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
    assert_eq!(removed["summary"], "减少申请材料：“连续就读证明”");
    let shortened = find("limit_shortened");
    assert_eq!(shortened["region"], "440300");
    assert_eq!(shortened["summary"], "承诺办结时限：15个自然日 → 7个自然日");
    assert_eq!(
        find("phone_changed")["summary"],
        "咨询电话：0755-12345670 → 0755-12345671"
    );
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
    let out = built_into(dir.path(), &[]);
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
    let anhui: atom_syndication::Feed =
        std::fs::read_to_string(out.path().join("portal/regions/340000/feed.xml"))
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
    // 安徽 inherits 居住证申领's materials from the standard: the national change reaches its
    // feed, saying so; 成都 restated the list in the same commit, so its own entry made it.
    assert!(
        anhui.entries().iter().any(|e| e.title().as_str()
            == "安徽省·居住证申领：减少申请材料：“连续就读证明”（来自全国标准）"),
        "{:?}",
        anhui
            .entries()
            .iter()
            .map(|e| e.title().as_str())
            .collect::<Vec<_>>()
    );
    assert!(
        chengdu
            .entries()
            .iter()
            .any(|e| e.title().as_str() == "成都市·居住证申领：减少申请材料：“连续就读证明”")
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

// ---- Inheritance (issue 14): a change reaches every region whose effective entry it changes ----

const CARD: &str = "002000702003";

fn card(region: &str) -> String {
    format!("catalog/regions/{region}/{CARD}.yaml")
}

/// 福田区's own 社会保障卡申领: its own committed limit and 申请材料 (so it inherits neither
/// 广东's limit nor the national copies of the application form).
const FUTIAN: &str = "department:
  name: 深圳市福田区人力资源局
  credit_code: \"11440304004749991T\"
  nature: statutory_authority
level: county
committed_limit: {days: 10, unit: working_day}
materials:
  - {ref: application, copies: 1}
  - {ref: id-card}
  - {ref: household-register}
  - {ref: birth-medical-certificate}
  - {ref: photo}
  - {ref: guardian-id}
contact: {phone: \"0755-12345689\", complaint: \"12345\"}
reviewed: 2026-10-01
";

/// The sample with 福田区's entry, committed: 广东 (440000) states 社保卡's limit (12 working
/// days); 韶关 (440200) and 深圳 (440300) inherit it; 福田 (440304, under 深圳) overrides it.
fn guangdong() -> tempfile::TempDir {
    let dir = sample_copy();
    std::fs::write(dir.path().join(card("440304")), FUTIAN).unwrap();
    commit_all(dir.path(), "sample");
    dir
}

fn json_changes(dir: &Path, range: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(&changelog_of(dir, range, "json")).unwrap();
    json["changes"].as_array().unwrap().clone()
}

fn regions_of<'a>(changes: &'a [serde_json::Value], kind: &str) -> Vec<&'a str> {
    changes
        .iter()
        .filter(|c| c["kind"] == kind)
        .filter_map(|c| c["region"].as_str())
        .collect()
}

fn feed(out: &Path, path: &str) -> atom_syndication::Feed {
    std::fs::read_to_string(out.join("portal").join(path))
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("{path} is not a valid Atom feed: {e}"))
}

fn titles(feed: &atom_syndication::Feed) -> Vec<&str> {
    feed.entries().iter().map(|e| e.title().as_str()).collect()
}

fn guangdong_limit_change() -> tempfile::TempDir {
    let dir = guangdong();
    edit(
        dir.path(),
        &card("440000"),
        "committed_limit: {days: 12,",
        "committed_limit: {days: 14,",
    );
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "广东：社保卡承诺时限改为14个工作日",
    );
    dir
}

#[test]
fn a_provinces_change_reaches_each_city_that_inherits_it_and_not_one_that_overrides_it() {
    let dir = guangdong_limit_change();
    let changes = json_changes(dir.path(), "HEAD~1..HEAD");
    let limit: Vec<&serde_json::Value> = changes
        .iter()
        .filter(|c| c["field"] == "committed_limit")
        .collect();
    let regions: Vec<&str> = limit
        .iter()
        .map(|c| c["region"].as_str().unwrap())
        .collect();
    // 福田区 (440304) states its own limit: its effective entry did not change.
    assert_eq!(regions, ["440000", "440200", "440300"], "{changes:#?}");
    for change in &limit {
        assert_eq!(change["kind"], "limit_lengthened");
        assert_eq!(change["file"], card("440000"));
        assert_eq!(change["source"], "广东省");
        assert_eq!(change["source_region"], "440000");
        assert_eq!(change["item"], CARD);
    }
    assert_eq!(limit[0]["summary"], "承诺办结时限：12个工作日 → 14个工作日");
    assert_eq!(limit[0]["inherited"], false);
    for city in &limit[1..] {
        assert_eq!(
            city["summary"],
            "承诺办结时限：12个工作日 → 14个工作日（来自广东省实施清单）"
        );
        assert_eq!(city["inherited"], true);
    }
}

#[test]
fn the_feeds_of_inheriting_regions_carry_a_provinces_change_with_stable_tag_ids() {
    let dir = guangdong_limit_change();
    let out = built_into(dir.path(), &[]);
    let inherited = "社会保障卡申领：承诺办结时限：12个工作日 → 14个工作日（来自广东省实施清单）";
    for (region, name) in [("440200", "韶关市"), ("440300", "深圳市")] {
        let feed = feed(out.path(), &format!("regions/{region}/feed.xml"));
        assert!(
            titles(&feed).contains(&format!("{name}·{inherited}").as_str()),
            "{region}: {:?}",
            titles(&feed)
        );
    }
    let futian = feed(out.path(), "regions/440304/feed.xml");
    assert!(
        titles(&futian).iter().all(|t| !t.contains("14个工作日")),
        "{:?}",
        titles(&futian)
    );
    // The whole catalog's feed lists the change once, where 广东 made it.
    let all = feed(out.path(), "feed.xml");
    let limit: Vec<&str> = titles(&all)
        .into_iter()
        .filter(|t| t.contains("12个工作日 → 14个工作日"))
        .collect();
    assert_eq!(
        limit,
        ["广东省·社会保障卡申领：承诺办结时限：12个工作日 → 14个工作日"]
    );
    // Ids are tag URIs of commit, region, item, kind and key: unique in a feed, the same in
    // every feed that lists the change and in every build.
    let ids = |feed: &atom_syndication::Feed| -> Vec<String> {
        feed.entries().iter().map(|e| e.id().to_string()).collect()
    };
    let guangdong = feed(out.path(), "regions/440000/feed.xml");
    for f in [&all, &guangdong, &futian] {
        let mut unique = ids(f);
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), f.entries().len());
        assert!(
            ids(f)
                .iter()
                .all(|id| id.starts_with("tag:example.invalid,")),
            "{:?}",
            ids(f)
        );
    }
    let head = String::from_utf8(
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(["rev-parse", "HEAD"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let id = format!(
        "tag:example.invalid,2026-11-20:{}/440000/{CARD}/limit_lengthened/-",
        head.trim()
    );
    assert!(
        ids(&all).contains(&id) && ids(&guangdong).contains(&id),
        "{:?}",
        ids(&all)
    );
    let again = tempfile::tempdir().unwrap();
    assert!(build(dir.path(), again.path(), &[]).status.success());
    assert_eq!(ids(&feed(again.path(), "feed.xml")), ids(&all));
}

#[test]
fn a_national_change_reaches_the_regions_whose_effective_entry_it_changes() {
    let dir = guangdong();
    edit(
        dir.path(),
        &format!("catalog/national/{CARD}.yaml"),
        "    name: 社会保障卡申领登记表\n    form: original\n    copies: 1",
        "    name: 社会保障卡申领登记表\n    form: original\n    copies: 2",
    );
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "社保卡申领登记表改为两份",
    );
    let changes = json_changes(dir.path(), "HEAD~1..HEAD");
    let national = changes
        .iter()
        .find(|c| c["kind"] == "material_changed" && c.get("region").is_none())
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!(
        national["summary"],
        "申请材料“社会保障卡申领登记表”份数：1份 → 2份"
    );
    let regions = regions_of(&changes, "material_changed");
    // 广东 restates the line without copies, 韶关 and 深圳 inherit 广东's list; 福田 states 1.
    for region in ["440000", "440200", "440300"] {
        assert!(
            regions.contains(&region),
            "{region} missing from {regions:?}"
        );
    }
    assert!(!regions.contains(&"440304"), "{regions:?}");
    let shenzhen = changes
        .iter()
        .find(|c| c["kind"] == "material_changed" && c["region"] == "440300")
        .unwrap();
    assert_eq!(
        shenzhen["summary"],
        "申请材料“社会保障卡申领登记表”份数：1份 → 2份（来自全国标准）"
    );
    assert_eq!(
        (shenzhen["source"].as_str(), shenzhen["inherited"].as_bool()),
        (Some("全国标准"), Some(true))
    );
}

#[test]
fn a_registry_change_is_a_change_and_reaches_the_entries_that_cite_it() {
    let dir = guangdong();
    edit(
        dir.path(),
        "catalog/registries/certificates.yaml",
        "{id: resident-id-card, name: 居民身份证,",
        "{id: resident-id-card, name: 居民身份证电子证照,",
    );
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "证照目录：居民身份证改名",
    );
    let changes = json_changes(dir.path(), "HEAD~1..HEAD");
    let origin = changes
        .iter()
        .find(|c| c["kind"] == "certificate_changed" && c.get("region").is_none())
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!(origin["key"], "resident-id-card");
    assert_eq!(
        origin["summary"],
        "电子证照：居民身份证 → 居民身份证电子证照"
    );
    assert_eq!(origin["inherited"], false);
    let shenzhen = changes
        .iter()
        .find(|c| {
            c["kind"] == "certificate_changed" && c["region"] == "440300" && c["item"] == CARD
        })
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!(
        shenzhen["summary"],
        "申请材料“有效身份证件”的电子证照：居民身份证 → 居民身份证电子证照（来自电子证照目录）"
    );
    assert_eq!(shenzhen["file"], "catalog/registries/certificates.yaml");
    assert_eq!(shenzhen["inherited"], true);
}

#[test]
fn a_new_region_and_a_local_item_added_then_changed_are_changes() {
    let dir = guangdong();
    std::fs::create_dir_all(dir.path().join("catalog/regions/440305")).unwrap();
    std::fs::write(
        dir.path().join("catalog/regions/440305/region.yaml"),
        "code: \"440305\"\nname: 南山区\nlevel: county\nparent: \"440300\"\n",
    )
    .unwrap();
    let local = std::fs::read_to_string(
        dir.path()
            .join("catalog/regions/370303/local/372082001001.yaml"),
    )
    .unwrap()
    .replace("372082001001", "442082001001")
    .replace(
        "name: 重度残疾人上门评残办证服务",
        "name: 重度残疾人上门办证",
    );
    std::fs::create_dir_all(dir.path().join("catalog/regions/440300/local")).unwrap();
    let path = "catalog/regions/440300/local/442082001001.yaml";
    std::fs::write(dir.path().join(path), local).unwrap();
    commit_all(dir.path(), "南山区；深圳地方事项");
    edit(dir.path(), path, "  days: 10\n", "  days: 5\n");
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "深圳地方事项时限缩短",
    );
    let changes = json_changes(dir.path(), "HEAD~2..HEAD");
    let find = |kind: &str| {
        changes
            .iter()
            .find(|c| c["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {changes:#?}"))
    };
    let region = find("region_added");
    assert_eq!(region["region"], "440305");
    assert_eq!(region["summary"], "新增区划：南山区（县级，上级：深圳市）");
    let added = find("local_item_added");
    assert_eq!(
        (added["region"].as_str(), added["item"].as_str()),
        (Some("440300"), Some("442082001001"))
    );
    assert_eq!(added["summary"], "新增地方事项“重度残疾人上门办证”");
    let changed = find("local_item_changed");
    assert_eq!(changed["field"], "statutory_limit");
    assert_eq!(changed["summary"], "法定办结时限：10个工作日 → 5个工作日");
}

#[test]
fn exceptions_granted_renewed_and_expired_read_as_such() {
    let dir = guangdong();
    // Renewed: 深圳's residence exception runs a year longer.
    edit(
        dir.path(),
        SHENZHEN,
        "expires: 2027-12-31",
        "expires: 2028-12-31",
    );
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "深圳居住期限例外延期",
    );
    // Granted: a stricter condition with its approval, in one commit.
    edit(
        dir.path(),
        SHENZHEN,
        "  - id: social-insurance\n",
        "  - {id: tax, text: 在深圳经济特区依法纳税满12个月}\n  - id: social-insurance\n",
    );
    edit(
        dir.path(),
        SHENZHEN,
        "exceptions:\n",
        "exceptions:\n  - {field: conditions, ref: tax, reason: 经济特区居住证条例, approval: 深府函〔2026〕1号, expires: 2028-06-30}\n",
    );
    commit_at(
        dir.path(),
        "2026-11-21T09:30:00+08:00",
        "深圳增加纳税条件（经批准）",
    );
    // Expired: the social-insurance exception's 2027-12-31 passes before the next commit, which
    // touches another region's file only.
    edit(
        dir.path(),
        &card("440200"),
        "0751-12345670",
        "0751-12345671",
    );
    commit_at(dir.path(), "2028-01-05T09:30:00+08:00", "韶关咨询电话");
    let changes = json_changes(dir.path(), "HEAD~3..HEAD");
    let summaries = |kind: &str| -> Vec<&str> {
        changes
            .iter()
            .filter(|c| c["kind"] == kind && c["region"] == "440300")
            .map(|c| c["summary"].as_str().unwrap())
            .collect()
    };
    assert_eq!(
        summaries("exception_renewed"),
        [
            "例外延期：受理条件“自办理居住登记之日起在深圳经济特区连续居住满12个月（引进人才办理居住登记后即可申领）”的偏离（粤府函〔2025〕88号）有效期：2027-12-31 → 2028-12-31"
        ]
    );
    assert_eq!(
        summaries("exception_granted"),
        [
            "批准例外：受理条件“在深圳经济特区依法纳税满12个月”的偏离经深府函〔2026〕1号批准，有效期至2028-06-30（理由：经济特区居住证条例）"
        ]
    );
    // The added condition reads as the approved deviation it is.
    assert_eq!(
        summaries("condition_added"),
        [
            "增加受理条件：“在深圳经济特区依法纳税满12个月”（经批准的偏离：深府函〔2026〕1号，有效期至2028-06-30）"
        ]
    );
    assert_eq!(
        summaries("exception_expired"),
        [
            "例外到期：受理条件“在深圳经济特区连续参加社会保险满12个月，或者申领前2年内累计参加社会保险满18个月”的偏离（粤府函〔2025〕88号）已于2027-12-31到期"
        ]
    );
}

/// docs: history/store.rs. A commit's changes are computed once: a second changelog (or a
/// build's feeds) reads them from `.catalogc-cache/history/` instead of compiling the catalog at
/// the commit and its parent again, and says the same; a new commit costs its own compile only.
#[test]
fn each_commits_changes_are_computed_once_and_read_back_the_same() {
    let dir = history();
    let root = dir.path();
    let options = catalogc::pipeline::Options {
        cache: true,
        ..options()
    };
    let run = |range: &str, options: &catalogc::pipeline::Options| {
        let log = catalogc::history::changelog(root, range, options).unwrap();
        let json = serde_json::to_value(&log).unwrap();
        (log.compiled_revisions, json)
    };
    let (compiled, first) = run("HEAD~1..HEAD", &options);
    assert_eq!(compiled, 2, "the commit and its parent");
    assert!(first["changes"].as_array().unwrap().len() > 3, "{first}");
    assert!(!first["warnings"].as_array().unwrap().is_empty(), "{first}");
    let (compiled, again) = run("HEAD~1..HEAD", &options);
    assert_eq!((compiled, &again), (0, &first));
    // The cache off: computed again, the same.
    let off = catalogc::pipeline::Options {
        cache: false,
        ..options.clone()
    };
    assert_eq!(run("HEAD~1..HEAD", &off), (2, first.clone()));
    // A damaged entry is computed again and replaced.
    let stored: Vec<_> = std::fs::read_dir(root.join(".catalogc-cache/history"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(stored.len(), 1, "{stored:?}");
    std::fs::write(&stored[0], b"{not json").unwrap();
    assert_eq!(run("HEAD~1..HEAD", &options), (2, first.clone()));
    assert_eq!(run("HEAD~1..HEAD", &options).0, 0);
    // One more commit: only it and its parent are compiled; the earlier commit's changes come
    // from the store.
    edit(root, SHENZHEN, "0755-12345671", "0755-12345672");
    commit_at(root, "2026-11-21T09:30:00+08:00", "深圳：咨询电话更正");
    let (compiled, both) = run("HEAD~2..HEAD", &options);
    assert_eq!(compiled, 2);
    let changes = both["changes"].as_array().unwrap();
    let earlier = first["changes"].as_array().unwrap();
    assert_eq!(&changes[..earlier.len()], &earlier[..]);
    assert!(
        changes[earlier.len()..]
            .iter()
            .any(|c| c["kind"] == "phone_changed" && c["new"] == "0755-12345672"),
        "{both}"
    );
    // Other options make other changes: not read from the entries kept for these.
    let other = catalogc::pipeline::Options {
        regions: vec!["440300".to_string()],
        ..options.clone()
    };
    assert_eq!(run("HEAD~1..HEAD", &other).0, 2);
}

/// A scheduled change (施行日期) is news on the day it is merged: the changelog and the feeds
/// announce it with its date, the fields it sets and its basis, then its revision and its
/// withdrawal; taking it out once its date has come (folded in, as CAT117 asks) is not news.
#[test]
fn scheduled_changes_are_announced_revised_and_withdrawn() {
    let dir = history();
    let schedule = |days: u32| {
        format!(
            "scheduled:\n  - effective: 2027-03-01\n    basis: 深府办〔2026〕12号\n    note: 压缩办结时限\n    set:\n      committed_limit: {{days: {days}, unit: calendar_day}}\n"
        )
    };
    let text = std::fs::read_to_string(dir.path().join(SHENZHEN)).unwrap();
    std::fs::write(dir.path().join(SHENZHEN), format!("{text}{}", schedule(5))).unwrap();
    commit_at(
        dir.path(),
        "2026-11-21T09:30:00+08:00",
        "深圳：明年3月起压缩时限",
    );
    std::fs::write(dir.path().join(SHENZHEN), format!("{text}{}", schedule(3))).unwrap();
    commit_at(dir.path(), "2026-11-22T09:30:00+08:00", "深圳：再压缩");
    std::fs::write(dir.path().join(SHENZHEN), &text).unwrap();
    commit_at(dir.path(), "2026-11-23T09:30:00+08:00", "深圳：撤回");
    let changes = json_changes(dir.path(), "HEAD~3..HEAD");
    let of = |kind: &str| -> Vec<(&str, &str)> {
        changes
            .iter()
            .filter(|c| c["kind"] == kind)
            .map(|c| {
                (
                    c["region"].as_str().unwrap_or_default(),
                    c["summary"].as_str().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        of("change_scheduled"),
        [(
            "440300",
            "发布待施行的变更：2027-03-01 起施行：承诺办结时限（深府办〔2026〕12号：压缩办结时限）"
        )]
    );
    assert_eq!(of("scheduled_change_revised").len(), 1, "{changes:#?}");
    assert_eq!(
        of("scheduled_change_withdrawn"),
        [(
            "440300",
            "撤回待施行的变更：2027-03-01 起施行：承诺办结时限（深府办〔2026〕12号：压缩办结时限）"
        )]
    );
    // Nothing else changed in force: the limit is still 7 days until 2027-03-01.
    assert!(of("limit_shortened").is_empty(), "{changes:#?}");
}

/// A commit that changed entries only is compared on the provinces it touched (the national
/// files and those provinces at both revisions): the changelog is the one the whole catalog
/// gives, for commits of every kind, in one range.
#[test]
fn a_commit_is_compared_on_the_provinces_it_touched_with_the_whole_catalogs_result() {
    let dir = guangdong_limit_change();
    let d = dir.path();
    // Two provinces' entries in one commit (福田 below 深圳, and 湘阴 in 湖南).
    edit(d, SHENZHEN, "0755-12345670", "0755-12345679");
    let xiangyin = "catalog/regions/430624/000700180003.yaml";
    edit(d, xiangyin, "0730-12345671", "0730-12345672");
    commit_at(d, "2026-11-21T09:00:00+08:00", "深圳、湘阴");
    // An entry removed.
    std::fs::remove_file(d.join("catalog/regions/370303/000131127004.yaml")).unwrap();
    commit_at(d, "2026-11-22T09:00:00+08:00", "删除一项");
    // A national item (every province compiled).
    edit(d, ITEM, "reviewed: 2025-", "reviewed: 2026-");
    commit_at(d, "2026-11-23T09:00:00+08:00", "全国：复核");
    // A region's record (the units' grouping).
    let region = "catalog/regions/440304/region.yaml";
    let text = std::fs::read_to_string(d.join(region)).unwrap();
    std::fs::write(d.join(region), text + "# 区\n").unwrap();
    commit_at(d, "2026-11-24T09:00:00+08:00", "福田区");
    // 深圳's limit again, alone.
    edit(
        d,
        SHENZHEN,
        "committed_limit: {days: 15,",
        "committed_limit: {days: 9,",
    );
    commit_at(d, "2026-11-25T09:00:00+08:00", "深圳：时限");

    let range = "HEAD~6..HEAD";
    let run = |extra: &[&str]| changelog_with(d, range, "json", extra);
    let whole = run(&["--whole-catalog"]);
    let scoped = run(&[]);
    assert_eq!(scoped, whole);
    let changes: serde_json::Value = serde_json::from_str(&scoped).unwrap();
    let regions: std::collections::BTreeSet<&str> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["region"].as_str())
        .collect();
    // 广东's change reaches its cities; 深圳's limit of 9 days and the removed entry are in.
    assert!(
        ["440000", "440200", "440300", "370303", "430624"]
            .iter()
            .all(|r| regions.contains(r)),
        "{regions:?}"
    );
    assert!(
        scoped.contains("9个工作日") || scoped.contains("\"days\": 9"),
        "{scoped}"
    );
}

/// An exception that expires between two commits is a change of the commit after it, whatever
/// files that commit touched, in whichever province the exception is: a commit that touched only
/// 湖南's 湘阴 reports the expiry of 深圳's (广东) residence exception, as the whole catalog's
/// changelog does. Compared on the provinces it touched alone, the commit would not see 广东.
#[test]
fn an_exception_expiring_in_a_province_the_commit_did_not_touch_is_reported() {
    let dir = guangdong();
    let d = dir.path();
    let xiangyin = "catalog/regions/430624/000700180003.yaml";
    edit(d, xiangyin, "0730-12345671", "0730-12345672");
    commit_at(d, "2026-11-20T09:30:00+08:00", "湘阴咨询电话");
    // 深圳's social-insurance exception expires on 2027-12-31, before this commit.
    edit(d, xiangyin, "0730-12345672", "0730-12345673");
    commit_at(d, "2028-01-05T09:30:00+08:00", "湘阴咨询电话又改");
    let range = "HEAD~2..HEAD";
    let scoped = changelog_with(d, range, "json", &[]);
    let whole = changelog_with(d, range, "json", &["--whole-catalog"]);
    let changes: serde_json::Value = serde_json::from_str(&scoped).unwrap();
    let expired: Vec<(&str, &str)> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "exception_expired")
        .map(|c| {
            (
                c["region"].as_str().unwrap(),
                c["commit"]["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        expired.iter().any(|(region, _)| *region == "440300"),
        "{scoped}"
    );
    assert_eq!(scoped, whole);
}

/// Commits that reach every province are compared one province at a time (as `check` compiles,
/// so that memory follows the largest province): the sample's first commit (every item and
/// entry added), a national material removed with 深圳's entry changed under an unchanged review
/// date (a warning), a registry entry renamed, a region renamed in one commit with a local item
/// changed in another province, and a county moved under a city of another province. The
/// changes and warnings are the whole catalog's, in its order.
#[test]
fn commits_that_reach_every_province_are_compared_one_at_a_time_with_the_whole_catalogs_result() {
    let dir = history();
    let d = dir.path();
    edit(
        d,
        "catalog/registries/certificates.yaml",
        "{id: resident-id-card, name: 居民身份证,",
        "{id: resident-id-card, name: 居民身份证电子证照,",
    );
    commit_at(d, "2026-11-21T09:00:00+08:00", "证照目录：居民身份证改名");
    edit(
        d,
        "catalog/regions/440304/region.yaml",
        "name: 福田区",
        "name: 福田新区",
    );
    edit(
        d,
        "catalog/regions/370303/local/372082001001.yaml",
        "name: 重度残疾人上门评残办证服务",
        "name: 重度残疾人上门评残服务",
    );
    commit_at(d, "2026-11-22T09:00:00+08:00", "福田区改名；张店地方事项");
    edit(
        d,
        "catalog/regions/440304/region.yaml",
        "parent: \"440300\"",
        "parent: \"430600\"",
    );
    commit_at(d, "2026-11-23T09:00:00+08:00", "福田区改属岳阳市");

    let whole = changelog_with(d, "HEAD", "json", &["--whole-catalog"]);
    let by_units = changelog_with(d, "HEAD", "json", &[]);
    assert!(by_units == whole, "{by_units}\n----- whole:\n{whole}");
    // A province too large for one compile is compared a few regions at a time, each with the
    // regions above it: every region in a part of its own (深圳 with 广东 above it, 福田 with
    // both), then parts of up to 12 and 20 files (广东 has 27), give the same result.
    for files in ["1", "12", "20"] {
        let by_parts = changelog_with(d, "HEAD", "json", &["--part-files", files]);
        assert!(
            by_parts == whole,
            "{files}: {by_parts}\n----- whole:\n{whole}"
        );
    }
    // And there is something to compare: each kind of change, in several provinces, a warning.
    let json: serde_json::Value = serde_json::from_str(&by_units).unwrap();
    let changes = json["changes"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        changes.iter().filter_map(|c| c["kind"].as_str()).collect();
    for kind in [
        "item_added",
        "entry_added",
        "certificate_changed",
        "region_changed",
        "local_item_changed",
    ] {
        assert!(kinds.contains(kind), "{kind} missing from {kinds:?}");
    }
    let provinces: std::collections::BTreeSet<&str> = changes
        .iter()
        .filter_map(|c| c["region"].as_str()?.get(..2))
        .collect();
    assert!(provinces.len() >= 4, "{provinces:?}");
    assert!(
        !json["warnings"].as_array().unwrap().is_empty(),
        "{}",
        json["warnings"]
    );
}

/// A change a city's entry schedules reaches the feeds and guides of the districts whose entries
/// inherit the fields it sets (福田 states its own contact, not its limit), named for those fields
/// and marked as coming from the city; a national item's scheduled change reaches every entry that
/// does not state its field. Withdrawing the city's change is news in the district too.
#[test]
fn a_scheduled_change_reaches_the_regions_that_inherit_the_fields_it_sets() {
    let dir = sample_copy();
    let d = dir.path();
    commit_all(d, "sample");
    let city = "catalog/regions/440300/000131127004.yaml";
    let text = std::fs::read_to_string(d.join(city)).unwrap();
    let scheduled = "scheduled:\n  - effective: 2027-03-01\n    basis: 深府办〔2026〕12号\n    note: 即时办结改为1个工作日\n    set:\n      committed_limit: {days: 1, unit: working_day}\n  - effective: 2027-04-01\n    basis: 深府办〔2026〕13号\n    set:\n      contact: {phone: \"0755-12345699\", complaint: \"12345\"}\n";
    std::fs::write(d.join(city), format!("{text}{scheduled}")).unwrap();
    let national = "catalog/national/000131127004.yaml";
    merge(
        d,
        national,
        "scheduled:\n  - {effective: 2027-05-01, basis: 国市监〔2026〕1号, set: {quantity_limit: 每年限申请一次}}\n",
    );
    commit_at(d, "2026-11-21T09:30:00+08:00", "深圳：明年起调整时限和电话");
    let changes = json_changes(d, "HEAD~1..HEAD");
    let scheduled: Vec<(&str, &str, bool)> = changes
        .iter()
        .filter(|c| c["kind"] == "change_scheduled" && c["item"] == "000131127004")
        .map(|c| {
            (
                c["region"].as_str().unwrap_or("全国"),
                c["summary"].as_str().unwrap(),
                c["inherited"].as_bool().unwrap(),
            )
        })
        .collect();
    let limit = "发布待施行的变更：2027-03-01 起施行：承诺办结时限（深府办〔2026〕12号：即时办结改为1个工作日）";
    let contact = "发布待施行的变更：2027-04-01 起施行：咨询监督方式（深府办〔2026〕13号）";
    let quantity = "发布待施行的变更：2027-05-01 起施行：数量限制（国市监〔2026〕1号）";
    let from = |summary: &str, whose: &str| format!("{summary}（来自{whose}）");
    let expected = [
        ("全国", quantity.to_string(), false),
        ("440300", limit.to_string(), false),
        ("440300", contact.to_string(), false),
        ("440300", from(quantity, "全国标准"), true),
        ("440304", from(limit, "深圳市实施清单"), true),
        ("440304", from(quantity, "全国标准"), true),
    ];
    let got: Vec<(&str, String, bool)> = scheduled
        .iter()
        .map(|(r, s, i)| (*r, s.to_string(), *i))
        .collect();
    for want in &expected {
        assert!(got.contains(want), "{want:?} not in {got:#?}");
    }
    // Every other entry of the item (安徽's, 山东's) has the national change alone.
    for (region, summary, inherited) in &got {
        if !expected.iter().any(|(r, _, _)| r == region) {
            assert_eq!(
                (summary, inherited),
                (&from(quantity, "全国标准"), &true),
                "{region}"
            );
        }
    }
    let others = got
        .iter()
        .filter(|(r, _, _)| !expected.iter().any(|e| e.0 == *r))
        .count();
    assert_eq!(got.len(), expected.len() + others, "{got:#?}");
    assert!(others >= 1, "{got:#?}");

    // The district's feed and guide say it; its guide does not list the contact change.
    let out = built_into(d, &[]);
    let futian = feed(out.path(), "regions/440304/feed.xml");
    assert!(
        titles(&futian)
            .iter()
            .any(|t| t.contains("2027-03-01 起施行：承诺办结时限")),
        "{:?}",
        titles(&futian)
    );
    let guide = std::fs::read_to_string(out.path().join("portal/regions/440304/000131127004.html"))
        .unwrap();
    let section = &guide[guide
        .find("id=\"s-scheduled\"")
        .expect("no upcoming section")..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains("2027-03-01</time> 起施行（深圳市实施清单）：承诺办结时限将有变化"),
        "{section}"
    );
    assert!(
        section.contains("2027-05-01</time> 起施行（全国标准）：数量限制将有变化"),
        "{section}"
    );
    assert!(!section.contains("2027-04-01"), "{section}");
    let shenzhen =
        std::fs::read_to_string(out.path().join("portal/regions/440300/000131127004.html"))
            .unwrap();
    assert!(shenzhen.contains("2027-04-01</time> 起施行（深圳市实施清单）：咨询监督方式将有变化"));

    // Withdrawn before its date: news in 深圳 and in 福田, for the limit alone in 福田.
    std::fs::write(d.join(city), &text).unwrap();
    commit_at(d, "2026-11-22T09:30:00+08:00", "深圳：撤回");
    let changes = json_changes(d, "HEAD~1..HEAD");
    let withdrawn: Vec<(&str, &str)> = changes
        .iter()
        .filter(|c| c["kind"] == "scheduled_change_withdrawn")
        .map(|c| {
            (
                c["region"].as_str().unwrap(),
                c["summary"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        withdrawn,
        [
            (
                "440300",
                "撤回待施行的变更：2027-03-01 起施行：承诺办结时限（深府办〔2026〕12号：即时办结改为1个工作日）"
            ),
            (
                "440300",
                "撤回待施行的变更：2027-04-01 起施行：咨询监督方式（深府办〔2026〕13号）"
            ),
            (
                "440304",
                "撤回待施行的变更：2027-03-01 起施行：承诺办结时限（深府办〔2026〕12号：即时办结改为1个工作日）（来自深圳市实施清单）"
            ),
        ],
        "{changes:#?}"
    );
}

/// The `expires` dates a commit's comparison looks for are searched in the whole revision once
/// (`git grep`); each later commit's are the one before's with the files it changed read again,
/// so a date moved by a commit is the one found after it: 深圳's exception, moved forward to
/// 2027-06-30 by one commit, is reported as expired by a later commit that touched only 湘阴.
#[test]
fn expiry_dates_follow_each_commit_from_the_one_before_with_one_search_of_the_whole_revision() {
    let dir = guangdong();
    let d = dir.path();
    let xiangyin = "catalog/regions/430624/000700180003.yaml";
    edit(d, xiangyin, "0730-12345671", "0730-12345672");
    commit_at(d, "2026-11-20T09:30:00+08:00", "湘阴咨询电话");
    edit(d, SHENZHEN, "expires: 2027-12-31", "expires: 2027-06-30");
    commit_at(d, "2026-11-21T09:30:00+08:00", "深圳：例外提前到期");
    edit(d, xiangyin, "0730-12345672", "0730-12345673");
    commit_at(d, "2027-07-05T09:30:00+08:00", "湘阴咨询电话又改");
    let range = "HEAD~3..HEAD";
    let options = catalogc::pipeline::Options {
        cache: true,
        ..options()
    };
    let log = catalogc::history::changelog(d, range, &options).unwrap();
    assert_eq!(
        log.searched_revisions, 1,
        "the first commit's revision alone"
    );
    let expired: Vec<(&str, &str)> = log
        .changes
        .iter()
        .filter(|c| c.kind == "exception_expired")
        .map(|c| (c.region.as_deref().unwrap_or(""), c.commit.subject.as_str()))
        .collect();
    assert_eq!(
        expired,
        [("440300", "湘阴咨询电话又改")],
        "{:#?}",
        log.changes
    );
    let whole = changelog_with(
        d,
        range,
        "json",
        &["--whole-catalog", "--no-cache", "--lang", "en"],
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&whole).unwrap(),
        serde_json::to_value(&log).unwrap()
    );
    // One more commit, as the next build sees it: its dates come from the kept ones of the
    // commit before, with no search of the whole revision.
    edit(d, xiangyin, "0730-12345673", "0730-12345674");
    commit_at(d, "2027-07-06T09:30:00+08:00", "湘阴咨询电话第三次改");
    let range = "HEAD~4..HEAD";
    let next = catalogc::history::changelog(d, range, &options).unwrap();
    assert_eq!((next.compiled_revisions, next.searched_revisions), (2, 0));
    // Without the store: every commit compared again, one revision searched, the same changes.
    let off = catalogc::pipeline::Options {
        cache: false,
        ..options.clone()
    };
    let again = catalogc::history::changelog(d, range, &off).unwrap();
    assert_eq!(again.searched_revisions, 1);
    assert_eq!(
        serde_json::to_value(&again).unwrap(),
        serde_json::to_value(&next).unwrap()
    );
}

/// A commit that changed a national item (and nothing else national) is compared on that item's
/// entries in every region, not on the whole catalog: the same changes as the whole catalog's,
/// the expiry of an exception of another item in its window included.
#[test]
fn a_national_items_commit_is_compared_on_that_items_entries_with_the_whole_catalogs_result() {
    let dir = guangdong();
    let d = dir.path();
    let item = "catalog/national/000131127004.yaml";
    edit(
        d,
        item,
        "name: 公司登记注册（县级权限）",
        "name: 公司设立登记（县级权限）",
    );
    commit_at(d, "2026-11-20T09:30:00+08:00", "全国：事项改名");
    // After 深圳's exceptions (居住证申领) expired on 2027-12-31.
    edit(
        d,
        item,
        "name: 公司设立登记（县级权限）",
        "name: 公司登记（县级权限）",
    );
    commit_at(d, "2028-01-05T09:30:00+08:00", "全国：事项又改名");
    let range = "HEAD~2..HEAD";
    let options = catalogc::pipeline::Options {
        cache: false,
        ..options()
    };
    let log = catalogc::history::changelog(d, range, &options).unwrap();
    let whole = catalogc::history::changelog(
        d,
        range,
        &catalogc::pipeline::Options {
            whole_catalog: true,
            ..options.clone()
        },
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&log).unwrap(),
        serde_json::to_value(&whole).unwrap()
    );
    let kinds = |kind: &str| -> Vec<(Option<&str>, &str)> {
        log.changes
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| (c.region.as_deref(), c.item.as_deref().unwrap_or("")))
            .collect()
    };
    assert!(
        kinds("exception_expired").contains(&(Some("440300"), "002000112001")),
        "{:#?}",
        log.changes
    );
    // The item's renames, and no other item's change than the expiries.
    let of_item: Vec<&str> = log
        .changes
        .iter()
        .filter(|c| c.item.as_deref() == Some("000131127004"))
        .map(|c| c.kind)
        .collect();
    assert!(!of_item.is_empty(), "{:#?}", log.changes);
    assert!(
        log.changes
            .iter()
            .all(|c| c.item.as_deref() == Some("000131127004") || c.kind == "exception_expired"),
        "{:#?}",
        log.changes
    );
}

/// A change to any other field a guide prints is news too (`field_changed`), named by the
/// field's label, with where it came from; the contact's phone stays `phone_changed` alone, and
/// a review date is not news.
#[test]
fn every_field_a_guide_prints_is_news_when_it_changes() {
    const KAIBAN: &str = "000131127004";
    let dir = sample_copy();
    commit_all(dir.path(), "sample");
    let shenzhen = format!("catalog/regions/440300/{KAIBAN}.yaml");
    edit(
        dir.path(),
        &format!("catalog/national/{KAIBAN}.yaml"),
        "quantity_limit: 无数量限制",
        "quantity_limit: 每次限申请一户",
    );
    edit(
        dir.path(),
        &shenzhen,
        "窗口周一至周五 9:00-12:00",
        "窗口周一至周六 9:00-12:00",
    );
    edit(
        dir.path(),
        &shenzhen,
        "什么是“秒批”？",
        "什么情况可以“秒批”？",
    );
    edit(
        dir.path(),
        &shenzhen,
        "{phone: \"0755-12345674\", complaint: \"12345\"}",
        "{phone: \"0755-12345674\", complaint: \"0755-12345\"}",
    );
    commit_at(
        dir.path(),
        "2026-11-20T09:30:00+08:00",
        "开办企业：数量限制、窗口时间、常见问题、投诉电话",
    );
    let changes = json_changes(dir.path(), "HEAD~1..HEAD");
    let of = |region: Option<&str>, field: &str| -> Vec<&serde_json::Value> {
        changes
            .iter()
            .filter(|c| {
                c["kind"] == "field_changed"
                    && c["field"] == field
                    && c["item"] == KAIBAN
                    && c["region"].as_str() == region
            })
            .collect()
    };
    // The national item's own change, and the same reaching the entries that inherit it.
    let national = of(None, "quantity_limit");
    assert_eq!(national.len(), 1, "{changes:#?}");
    assert_eq!(
        national[0]["summary"],
        "数量限制：无数量限制 → 每次限申请一户"
    );
    assert_eq!(national[0]["new"], "每次限申请一户");
    for region in ["440300", "440304"] {
        let reached = of(Some(region), "quantity_limit");
        assert_eq!(reached.len(), 1, "{region}: {changes:#?}");
        assert_eq!(
            reached[0]["summary"],
            "数量限制：无数量限制 → 每次限申请一户（来自全国标准）"
        );
    }
    // 深圳's own changes: structured values are said to be updated, with both values in full.
    let points = of(Some("440300"), "service_points");
    assert_eq!(points.len(), 1, "{changes:#?}");
    assert_eq!(points[0]["summary"], "办理窗口已更新");
    assert!(points[0]["old"].to_string().contains("周一至周五"));
    assert!(points[0]["new"].to_string().contains("周一至周六"));
    assert_eq!(of(Some("440300"), "faq")[0]["summary"], "常见问题已更新");
    assert_eq!(
        of(Some("440300"), "contact")[0]["summary"],
        "咨询监督方式已更新"
    );
    // 福田 states its own service points and contact, and inherits 深圳's questions.
    assert!(
        of(Some("440304"), "service_points").is_empty(),
        "{changes:#?}"
    );
    assert!(of(Some("440304"), "contact").is_empty(), "{changes:#?}");
    let faq = of(Some("440304"), "faq");
    assert_eq!(faq.len(), 1, "{changes:#?}");
    assert_eq!(faq[0]["summary"], "常见问题已更新（来自深圳市实施清单）");
    // Every change has its own id in the feed.
    let feed: atom_syndication::Feed = changelog_of(dir.path(), "HEAD~1..HEAD", "atom")
        .parse()
        .unwrap();
    let ids: std::collections::BTreeSet<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), feed.entries().len());

    // The phone alone is `phone_changed`, and a review date is no change at all.
    edit(
        dir.path(),
        &shenzhen,
        "\"0755-12345674\"",
        "\"0755-12345679\"",
    );
    edit(
        dir.path(),
        &shenzhen,
        "reviewed: 2025-09-15",
        "reviewed: 2026-11-21",
    );
    commit_at(dir.path(), "2026-11-21T09:30:00+08:00", "深圳：咨询电话");
    let changes = json_changes(dir.path(), "HEAD~1..HEAD");
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["region"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(kinds, [("phone_changed", "440300")], "{changes:#?}");
}
