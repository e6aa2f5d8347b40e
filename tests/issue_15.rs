//! Issue 15 (what real 办事指南 say), the parts built so far. Law status in the registry
//! (docs/format.md, registries): a repealed law cited is an error from its repeal date on
//! (CAT314), an amendment after a file's review asks for a review (CAT315), each in the file that
//! cites the law. 通办: the national target cannot be narrowed without an exception.

mod common;

use common::*;

const LAWS: &str = "catalog/registries/laws.yaml";

fn findings_of(setup: &[(&str, &str)]) -> Vec<(String, String, u32, u32)> {
    let dir = copy_of("base");
    for (path, yaml) in setup {
        merge(dir.path(), path, yaml);
    }
    findings(&compile(dir.path()))
}

fn with_codes<'a>(
    found: &'a [(String, String, u32, u32)],
    code: &str,
) -> Vec<&'a (String, String, u32, u32)> {
    found.iter().filter(|f| f.0 == code).collect()
}

#[test]
fn a_repeal_is_an_error_from_its_date_and_a_warning_before() {
    let past = "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, repealed: 2026-11-29}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n";
    let compiled = {
        let dir = copy_of("base");
        merge(dir.path(), LAWS, past);
        compile(dir.path())
    };
    let repealed: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT314")
        .collect();
    assert!(!repealed.is_empty());
    assert!(
        repealed
            .iter()
            .all(|d| d.severity == catalogc::diagnostic::Severity::Error)
    );
    // No replacement named: the help says what to do without inventing one.
    assert!(repealed[0].help.as_deref().unwrap().contains("re-examine"));
    // Repealed the day after the reference date: a warning, the same places.
    let future = past.replace("repealed: 2026-11-29", "repealed: 2026-11-30");
    let dir = copy_of("base");
    merge(dir.path(), LAWS, &future);
    let compiled = compile(dir.path());
    let warned: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT314")
        .collect();
    assert_eq!(warned.len(), repealed.len());
    assert!(
        warned
            .iter()
            .all(|d| d.severity == catalogc::diagnostic::Severity::Warning
                && d.message.contains("which is repealed on 2026-11-30"))
    );
}

#[test]
fn a_replacement_must_be_in_the_registry_and_requires_a_repeal() {
    let found = findings_of(&[(
        LAWS,
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation}\n  - {id: old, title: 旧办法, kind: normative_document, repealed: 2020-01-01, replaced_by: no-such-law}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )]);
    let unknown = with_codes(&found, "CAT303");
    assert_eq!(unknown.len(), 1, "{found:?}");
    assert_eq!((unknown[0].1.as_str(), unknown[0].2), (LAWS, 3));
    // replaced_by without a repeal date is a schema error.
    let found = findings_of(&[(
        LAWS,
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, replaced_by: fee-regulation}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )]);
    assert!(
        found
            .iter()
            .any(|f| f.1 == LAWS && f.0.starts_with("CAT00")),
        "{found:?}"
    );
}

#[test]
fn an_amendment_asks_for_review_only_between_the_review_and_the_reference_date() {
    let laws = |amended: &str| {
        format!(
            "laws:\n  - {{id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, amended: {amended}}}\n  - {{id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}}\n"
        )
    };
    // After the items' review and before the reference date: one warning per citing file,
    // even where a file cites the law twice.
    let found = findings_of(&[(LAWS, &laws("2026-10-01"))]);
    let amended = with_codes(&found, "CAT315");
    assert!(!amended.is_empty());
    let mut files: Vec<&str> = amended.iter().map(|f| f.1.as_str()).collect();
    files.dedup();
    assert_eq!(files.len(), amended.len(), "{amended:?}");
    // Amended after the reference date (announced, not yet in force): nothing yet.
    assert!(with_codes(&findings_of(&[(LAWS, &laws("2026-12-15"))]), "CAT315").is_empty());
    // Amended before the files were reviewed: they were reviewed against the amended text.
    assert!(with_codes(&findings_of(&[(LAWS, &laws("2019-01-01"))]), "CAT315").is_empty());
    // A file reviewed after the amendment is not asked again, while another still is.
    let found = findings_of(&[
        (LAWS, &laws("2026-10-01")),
        (
            "catalog/national/000120010000.yaml",
            "reviewed: 2026-11-01\n",
        ),
    ]);
    let files: Vec<&str> = with_codes(&found, "CAT315")
        .iter()
        .map(|f| f.1.as_str())
        .collect();
    assert!(
        !files.contains(&"catalog/national/000120010000.yaml"),
        "{files:?}"
    );
    assert!(
        files.contains(&"catalog/national/000120020000.yaml"),
        "{files:?}"
    );
}

/// Issue 15, point 5 (通办): the national 通办 target cannot be narrowed without an exception
/// (`handle_area: {narrow: order}` in schema/policy.yaml); widening it is an improvement.
#[test]
fn the_national_tongban_target_cannot_be_narrowed_without_an_exception() {
    use catalogc::diff::Class;
    const NATIONAL: &str = "catalog/national/000120010000.yaml";
    const ENTRY: &str = "catalog/regions/440300/000120010000.yaml";
    let class = |national: &str, regional: &str| {
        let dir = copy_of("base");
        merge(dir.path(), NATIONAL, national);
        merge(dir.path(), ENTRY, regional);
        let compiled = compile(dir.path());
        let entry = compiled
            .conformance
            .regions
            .iter()
            .flat_map(|r| &r.entries)
            .find(|e| e.file == ENTRY)
            .unwrap();
        let field = entry.fields.iter().find(|f| &*f.field == "handle_area");
        let codes: Vec<&str> = compiled.diagnostics.iter().map(|d| d.code).collect();
        (field.map(|f| f.class), codes)
    };
    let (narrowed, codes) = class("handle_area: nationwide\n", "handle_area: cross_city\n");
    assert_eq!(narrowed, Some(Class::Deviation));
    assert!(codes.contains(&"CAT205"), "{codes:?}");
    let (widened, codes) = class("handle_area: cross_city\n", "handle_area: nationwide\n");
    assert_eq!(widened, Some(Class::Improved));
    assert!(codes.is_empty(), "{codes:?}");
    let (approved, codes) = class(
        "handle_area: nationwide\n",
        "handle_area: cross_province\nexceptions:\n  - {field: handle_area, reason: 系统尚未接入全国平台, approval: 示例批文, expires: 2027-12-31}\n",
    );
    assert_eq!(approved, Some(Class::Approved));
    assert!(!codes.contains(&"CAT205"), "{codes:?}");
    // No national target: the region's value is its own.
    let (local, codes) = class("", "handle_area: cross_city\n");
    assert_eq!(local, Some(Class::Local));
    assert!(codes.is_empty(), "{codes:?}");
}

const SZ: &str = "catalog/regions/440300/000120010000.yaml";

/// `catalogc build --as-of DATE` of `root` into a new folder; the Markdown guide of 深圳's entry.
fn guide_as_of(root: &std::path::Path, date: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["build", "--lang", "en", "--as-of", date, "--root"])
        .arg(root)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(out.path().join("guides/440300/000120010000.md")).unwrap()
}

#[test]
fn a_scheduled_change_is_published_from_its_date_and_findings_point_at_it() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        SZ,
        "committed_limit: {days: 10, unit: calendar_day}\nscheduled:\n  - effective: 2027-03-01\n    basis: 深府办〔2026〕12号\n    set:\n      committed_limit: {days: 5, unit: calendar_day}\n      materials: [{ref: id-card}, {ref: photo, waived_by: data_sharing}]\n  - effective: 2027-09-01\n    set:\n      committed_limit: {days: 20, unit: calendar_day}\n",
    );
    // Before the date: the file's own values.
    let before = guide_as_of(dir.path(), "2027-02-28");
    assert!(before.contains("10个自然日"), "{before}");
    assert!(!before.contains("承诺办结时限：5个自然日"), "{before}");
    // On the date: the scheduled values, the photo now waived.
    let on = guide_as_of(dir.path(), "2027-03-01");
    assert!(on.contains("承诺办结时限：5个自然日"), "{on}");
    assert!(!on.contains("承诺办结时限：10个自然日"), "{on}");
    assert!(on.contains("无需提交"), "{on}");
    // The later change wins from its own date: 20 days exceed the statutory 15, and the finding
    // points at the value that applies (in `scheduled`), not at the file's own 10 days.
    let options = catalogc::pipeline::Options {
        as_of: catalogc::dates::parse("2027-10-01"),
        ..options()
    };
    let compiled = catalogc::pipeline::compile(dir.path(), &options).unwrap();
    let over = finding(&compiled, "CAT101");
    assert_eq!(over.file, SZ);
    let line = std::fs::read_to_string(dir.path().join(SZ))
        .unwrap()
        .lines()
        .position(|l| l.contains("days: 20"))
        .unwrap() as u32
        + 1;
    assert_eq!(over.span.start.line, line, "{}", text(&compiled));
    // Both changes are in force by then: CAT117 asks for each to be folded in, at its date.
    let fold: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT117")
        .collect();
    assert_eq!(fold.len(), 2, "{}", text(&compiled));
    // Before either date, no finding about them.
    let early = compile(dir.path());
    assert!(
        early
            .diagnostics
            .iter()
            .all(|d| d.code != "CAT117" && d.code != "CAT101")
    );
}

#[test]
fn a_scheduled_change_may_set_only_fields_of_its_file() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        SZ,
        "scheduled:\n  - effective: 2027-03-01\n    set: {reviewed: 2027-03-01, comitted_limit: {days: 5, unit: calendar_day}}\n",
    );
    let compiled = compile(dir.path());
    let found = findings(&compiled);
    // `reviewed` is the file's own record of its review, and a misspelt field is no field.
    assert!(
        found
            .iter()
            .filter(|f| f.0 == "CAT003" && f.1 == SZ)
            .count()
            >= 2,
        "{found:?}"
    );
}

#[test]
fn no_statutory_limit_prints_as_none_and_a_committed_limit_under_it_is_local() {
    let dir = copy_of("base");
    let national = "catalog/national/000120010000.yaml";
    let text = std::fs::read_to_string(dir.path().join(national)).unwrap();
    std::fs::write(
        dir.path().join(national),
        text.replace(
            "statutory_limit: {days: 15, unit: calendar_day}",
            "statutory_limit: none",
        ),
    )
    .unwrap();
    merge(
        dir.path(),
        SZ,
        "committed_limit: {days: 40, unit: working_day}\n",
    );
    // 广东 promises 10 calendar days: against that regional standard, 40 working days deviate.
    let compiled = compile(dir.path());
    let field = |compiled: &catalogc::pipeline::Compiled| {
        let entry = compiled
            .conformance
            .entry("440300", "000120010000")
            .unwrap();
        let field = entry.fields.iter().find(|f| &*f.field == "committed_limit");
        field.unwrap().class.as_str()
    };
    assert_eq!(field(&compiled), "deviation");
    // Without the province's promise there is nothing to compare with.
    let province = dir.path().join("catalog/regions/440000/000120010000.yaml");
    let text = std::fs::read_to_string(&province).unwrap();
    std::fs::write(
        &province,
        text.replace("committed_limit: {days: 10, unit: calendar_day}\n", ""),
    )
    .unwrap();
    let compiled = compile(dir.path());
    // Nothing to exceed: no CAT101, no CAT102.
    assert!(
        compiled
            .diagnostics
            .iter()
            .all(|d| d.code != "CAT101" && d.code != "CAT102"),
        "{}",
        text_of(&compiled)
    );
    assert_eq!(field(&compiled), "local");
    let guide = guide_as_of(dir.path(), AS_OF);
    assert!(guide.contains("法定办结时限（全国标准）：无"), "{guide}");
    assert!(guide.contains("40个工作日"), "{guide}");
}

fn text_of(compiled: &catalogc::pipeline::Compiled) -> String {
    text(compiled)
}

#[test]
fn migrate_moves_a_format_2_address_into_a_service_point() {
    let dir = copy_of("base");
    let config = dir.path().join("catalog/catalog.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("schema_version: 3", "schema_version: 2"),
    )
    .unwrap();
    let entry = dir.path().join(SZ);
    let before = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(
        &entry,
        before.replace(
            "level: city\n",
            "level: city\naddress: 深圳市福田区福中三路市民中心B区   # 户政窗口\nhours: >-\n  周一至周五\n  9:00-18:00\n",
        ),
    )
    .unwrap();
    // Read as format 3, `address` is no field of an entry, and the version is flagged.
    let found = findings(&compile(dir.path()));
    assert!(
        found.iter().any(|f| f.0 == "CAT003" && f.1 == SZ),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.0 == "CAT021"), "{found:?}");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["migrate", "--lang", "en", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let after = std::fs::read_to_string(&entry).unwrap();
    assert!(
        after.contains(
            "service_points:\n  - address: 深圳市福田区福中三路市民中心B区   # 户政窗口\n    hours: >-\n      周一至周五\n      9:00-18:00\n"
        ),
        "{after}"
    );
    let compiled = compile(dir.path());
    assert!(
        compiled
            .diagnostics
            .iter()
            .all(|d| d.severity != catalogc::diagnostic::Severity::Error && d.code != "CAT021"),
        "{}",
        text_of(&compiled)
    );
    let guide = guide_as_of(dir.path(), AS_OF);
    assert!(
        guide.contains("深圳市福田区福中三路市民中心B区（周一至周五 9:00-18:00）"),
        "{guide}"
    );
}

#[test]
fn the_portal_lists_upcoming_changes_with_their_dates_until_they_take_effect() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        SZ,
        "scheduled:\n  - effective: 2027-03-01\n    basis: 深府办〔2026〕12号\n    note: 压缩办结时限\n    set:\n      committed_limit: {days: 5, unit: calendar_day}\n",
    );
    let national = "catalog/national/000120010000.yaml";
    merge(
        dir.path(),
        national,
        "scheduled:\n  - effective: 2027-01-01\n    basis: 公安部公告\n    set: {rights: 持证人享受居住地基本公共服务。}\n",
    );
    let built = |date: &str| {
        let out = tempfile::tempdir().unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
            .args(["build", "--as-of", date, "--root"])
            .arg(dir.path())
            .arg("--out")
            .arg(out.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        // Attribute values escape `/` as `&#x2f;`, which browsers read as `/`.
        let read = |p: &str| {
            std::fs::read_to_string(out.path().join(p))
                .unwrap()
                .replace("&#x2f;", "/")
        };
        (read("portal/upcoming.html"), read("portal/index.html"))
    };
    let (page, index) = built(AS_OF);
    assert!(index.contains("即将施行的变更（2 项）"), "{index}");
    // Soonest first: the national change, then 深圳's, each with its date, basis and fields.
    let national_at = page.find("2027-01-01").unwrap();
    let sz_at = page.find("2027-03-01").unwrap();
    assert!(national_at < sz_at, "{page}");
    assert!(page.contains("公安部公告"), "{page}");
    assert!(page.contains("深府办〔2026〕12号：压缩办结时限"), "{page}");
    assert!(page.contains("承诺办结时限"), "{page}");
    assert!(
        page.contains("href=\"regions/440300/000120010000.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"items/000120010000.html\""), "{page}");
    // Once the national change is in force it is no longer upcoming; 深圳's still is.
    let (page, index) = built("2027-02-01");
    assert!(index.contains("即将施行的变更（1 项）"), "{index}");
    assert!(!page.contains("公安部公告"), "{page}");
    assert!(page.contains("2027-03-01"), "{page}");
    // After both: nothing to announce.
    let (page, _) = built("2027-03-01");
    assert!(page.contains("目前没有待施行的变更"), "{page}");
}

/// Done-when 2: what an applicant on the employment ground brings in 深圳, 成都 and 叶集, read
/// from `diff --item`; a difference found in several situations is said once.
#[test]
fn diff_item_answers_the_employment_ground_in_shenzhen_chengdu_and_yeji() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["diff", "--item", "002000112001", "--as-of", AS_OF, "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let block = text
        .split("情形 以合法稳定就业申领（employment）")
        .nth(1)
        .and_then(|rest| rest.split("  情形 ").next())
        .unwrap_or_else(|| panic!("no employment block:\n{text}"));
    for (region, line) in [
        (
            "深圳市（440300）",
            "2 项必要材料（另有 0 项非必要或容缺）：居民身份证、本人近期相片；与全国标准不同：employment-proof",
        ),
        (
            "成都市（510100）",
            "3 项必要材料（另有 0 项非必要或容缺）：居民身份证、本人近期相片、合法稳定就业证明",
        ),
        (
            "叶集区（341504）",
            "2 项必要材料（另有 0 项非必要或容缺）：居民身份证、合法稳定就业证明；与全国标准不同：photo",
        ),
    ] {
        assert!(
            block.contains(&format!("{region}：{line}")),
            "{region}:\n{block}"
        );
    }
    // 叶集 waives the photo in all three situations: one line, no situations named.
    assert_eq!(
        text.matches("申请材料：“本人近期相片”数据共享免提交\n")
            .count(),
        1,
        "{text}"
    );
    // 深圳's added condition holds in two of the three: named.
    assert!(
        text.contains("（情形：以合法稳定就业申领、以合法稳定住所申领）"),
        "{text}"
    );
}

/// The rows of the item page's region × situation table (`按办理情形对照`): each row's header
/// and its cells as text, tags stripped.
fn situation_table(page: &str) -> Vec<(String, Vec<String>)> {
    let strip = |html: &str| {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let table = page
        .split("class=\"compare situations-compare\"")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .unwrap_or_else(|| panic!("no region × situation table:\n{page}"));
    table
        .split("<tr>")
        .skip(2) // before the first row, and the header row
        .map(|row| {
            let head = strip(row.split("</th>").next().unwrap());
            let cells = row
                .split("<td")
                .skip(1)
                .map(|cell| strip(&format!("<{}", cell.split("</td>").next().unwrap())))
                .collect();
            (head, cells)
        })
        .collect()
}

/// Done-when 2, the portal half: the item page shows on one page what an applicant brings in each
/// region and situation, with the counts `diff --item` gives (read from its JSON, so the two can
/// never disagree unnoticed), and the employment ground in 深圳, 成都 and 叶集 as the guides say.
#[test]
fn the_item_page_shows_the_region_by_situation_table_with_the_diff_counts() {
    let out = built_into(env!("CARGO_MANIFEST_DIR").as_ref(), &[]);
    let page = std::fs::read_to_string(out.path().join("portal/items/002000112001.html")).unwrap();
    let rows = situation_table(&page);
    let row = |name: &str| {
        rows.iter()
            .find(|(head, _)| head == name)
            .map(|(_, cells)| cells.clone())
            .unwrap_or_else(|| panic!("no row {name}: {rows:?}"))
    };
    // Columns in the national order: employment, housing, study.
    assert_eq!(
        row("全国标准")[0],
        "须提交 3 项：居民身份证、本人近期相片、合法稳定就业证明"
    );
    assert_eq!(
        row("深圳市")[0],
        "须提交 2 项：居民身份证、本人近期相片 与全国标准不同：合法稳定就业证明"
    );
    assert_eq!(
        row("成都市")[0],
        "须提交 3 项：居民身份证、本人近期相片、合法稳定就业证明"
    );
    assert_eq!(
        row("叶集区")[0],
        "须提交 2 项：居民身份证、合法稳定就业证明 免提交：本人近期相片 与全国标准不同：本人近期相片"
    );
    // Every cell's count is the one `diff --item` reports for that region and situation.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "diff",
            "--item",
            "002000112001",
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .args(["--as-of", AS_OF, "--root", env!("CARGO_MANIFEST_DIR")])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let item = &report["items"][0];
    let order: Vec<&str> = item["situations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["situation"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["employment", "housing", "study"]);
    let mut compared = 0;
    for region in item["regions"].as_array().unwrap() {
        let name = region["name"].as_str().unwrap();
        let cells = row(name);
        for (n, id) in order.iter().enumerate() {
            let cell = region["situations"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["situation"] == *id)
                .unwrap();
            let count = format!("须提交 {} 项", cell["required"]);
            assert!(cells[n].starts_with(&count), "{name} {id}: {}", cells[n]);
            compared += 1;
        }
    }
    assert_eq!(compared, 3 * item["regions"].as_array().unwrap().len());
    assert!(compared >= 15, "{compared}");
}

/// A situation a region does not handle says so with its reason, and one it adds (an approved
/// deviation) is listed after the table as 地方新增.
#[test]
fn the_item_page_says_which_situations_a_region_does_not_handle_or_adds() {
    let dir = sample_copy();
    let national = "catalog/national/002000112001.yaml";
    let text = std::fs::read_to_string(dir.path().join(national)).unwrap();
    std::fs::write(
        dir.path().join(national),
        text.replace(
            "    name: 以连续就读申领\n",
            "    name: 以连续就读申领\n    optional: true\n",
        ),
    )
    .unwrap();
    let chengdu = "catalog/regions/510100/002000112001.yaml";
    let text = std::fs::read_to_string(dir.path().join(chengdu)).unwrap();
    let text = text.replace(
        "  - {ref: study}\n",
        "  - {ref: study, omitted: 本市在读学生由学校集体办理}\n  - {id: talent, name: 以人才引进申领}\n",
    );
    std::fs::write(dir.path().join(chengdu), text).unwrap();
    merge(
        dir.path(),
        chengdu,
        "exceptions:\n  - field: situations\n    ref: talent\n    reason: 人才引进落户前可先申领\n    approval: 成府函〔2026〕1号\n    expires: 2030-12-31\n",
    );
    let out = built_into(dir.path(), &[]);
    let page = std::fs::read_to_string(out.path().join("portal/items/002000112001.html")).unwrap();
    let rows = situation_table(&page);
    let chengdu = &rows.iter().find(|(head, _)| head == "成都市").unwrap().1;
    assert_eq!(chengdu[2], "本地不办理（本市在读学生由学校集体办理）");
    assert!(chengdu[0].starts_with("须提交 3 项"), "{chengdu:?}");
    let added = page
        .split("成都市另增情形（地方新增）：")
        .nth(1)
        .unwrap_or_else(|| panic!("no added situation:\n{page}"));
    assert!(
        added
            .split("</ul>")
            .next()
            .unwrap()
            .contains("以人才引进申领"),
        "{added}"
    );
    // The Markdown report (for pull-request comments) has the same table.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["diff", "--item", "002000112001", "--format", "markdown"])
        .args(["--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    let markdown = String::from_utf8_lossy(&output.stdout);
    for row in [
        "| 地区 | 以合法稳定就业申领 | 以合法稳定住所申领 | 以连续就读申领 |\n|---|---|---|---|\n| 全国标准 | 3 项：居民身份证、本人近期相片、合法稳定就业证明 |",
        "| 成都市 (510100) | 3 项：居民身份证、本人近期相片、合法稳定就业证明 | 3 项：居民身份证、本人近期相片、合法稳定住所证明 | 本地不办理 |\n",
        "| 深圳市 (440300) | 2 项：居民身份证、本人近期相片；与全国标准不同：employment-proof |",
        "\n- 成都市 (510100) 另增情形（地方新增）以人才引进申领：",
    ] {
        assert!(markdown.contains(row), "{row}\n{markdown}");
    }
}

/// A region may state its own sample of the result (`result.sample_file`, 结果样本, as
/// docs/format.md shows) without changing the fixed result; changing the result itself is still
/// CAT203.
#[test]
fn a_regional_result_sample_is_local_but_the_result_stays_fixed() {
    let dir = copy_of("base");
    let folder = dir.path().join("catalog/regions/440300/000120010000");
    std::fs::create_dir_all(&folder).unwrap();
    // The eight bytes of the PNG signature and a little more: enough for CAT032.
    std::fs::write(folder.join("样本.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let sample = "sample_file: {file: 000120010000/样本.png, name: 深圳市居住证样本}";
    merge(
        dir.path(),
        SZ,
        &format!("result: {{type: certificate, name: 居住证, {sample}}}\n"),
    );
    let found = findings(&compile(dir.path()));
    assert!(with_codes(&found, "CAT203").is_empty(), "{found:?}");
    assert!(found.iter().all(|f| !f.0.starts_with("CAT03")), "{found:?}");
    merge(
        dir.path(),
        SZ,
        &format!("result: {{type: certificate, name: 深圳居住证, {sample}}}\n"),
    );
    let found = findings(&compile(dir.path()));
    assert_eq!(with_codes(&found, "CAT203").len(), 1, "{found:?}");
}

/// Format 2 inherited `address`, `hours` and `traffic` one by one; format 3 inherits the service
/// points whole. A city that stated only its own hours under its province's address migrates to
/// one point with both (the address marked as inherited), not to a point without an address.
#[test]
fn migrate_completes_a_point_with_what_the_entry_inherited() {
    let dir = copy_of("base");
    let config = dir.path().join("catalog/catalog.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("schema_version: 3", "schema_version: 2"),
    )
    .unwrap();
    let province = "catalog/regions/440000/000120010000.yaml";
    for (path, added) in [
        (
            province,
            "address: 广东省政务服务中心\ntraffic: 地铁1号线\n",
        ),
        (SZ, "hours: 周一至周五 9:00-18:00\n"),
    ] {
        let file = dir.path().join(path);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(
            &file,
            text.replacen("level: ", &format!("{added}level: "), 1),
        )
        .unwrap();
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["migrate", "--lang", "en", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let city = std::fs::read_to_string(dir.path().join(SZ)).unwrap();
    assert!(
        city.contains(
            "service_points:\n  - address: 广东省政务服务中心  # 沿用上级实施清单\n    hours: 周一至周五 9:00-18:00\n    traffic: 地铁1号线  # 沿用上级实施清单\n"
        ),
        "{city}"
    );
    let compiled = compile(dir.path());
    assert!(
        compiled
            .diagnostics
            .iter()
            .all(|d| d.severity != catalogc::diagnostic::Severity::Error),
        "{}",
        text_of(&compiled)
    );
}
