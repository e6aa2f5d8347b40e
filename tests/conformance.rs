//! The conformance diff: every `narrow` field in both directions, exceptions, inheritance, the
//! classes on the sample catalog, and the JSON report against its schema.

mod common;

use catalogc::diff::Class;
use catalogc::report::diff::DiffReport;
use common::*;

const CITY: &str = "catalog/regions/440300/000120010000.yaml";
const PROVINCE: &str = "catalog/regions/440000/000120010000.yaml";

/// The class of `field` in the city's entry after merging `yaml` into `path`, and the codes found.
fn classify(edits: &[(&str, &str)], field: &str) -> (Class, Vec<String>) {
    let dir = copy_of("base");
    for (path, yaml) in edits {
        merge(dir.path(), path, yaml);
    }
    let compiled = compile(dir.path());
    let region = compiled
        .conformance
        .regions
        .iter()
        .find(|r| r.code == "440300")
        .unwrap();
    let entry = region
        .entries
        .iter()
        .find(|e| e.item == "000120010000")
        .unwrap();
    let class = entry
        .fields
        .iter()
        .find(|f| &*f.field == field)
        .unwrap_or_else(|| panic!("no field {field} in {entry:#?}"))
        .class;
    (
        class,
        compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect(),
    )
}

#[track_caller]
fn expect(edits: &[(&str, &str)], field: &str, class: Class, code: Option<&str>) {
    let (found, codes) = classify(edits, field);
    assert_eq!(found, class, "{edits:?}: {codes:?}");
    match code {
        Some(code) => assert!(
            codes.iter().any(|c| c == code),
            "{edits:?}: expected {code}, found {codes:?}"
        ),
        None => assert!(
            codes.is_empty(),
            "{edits:?}: expected no finding, found {codes:?}"
        ),
    }
}

#[test]
fn materials_move_both_ways() {
    let m = |lines: &str| format!("materials:\n{lines}");
    let id = "  - {ref: id-card}\n";
    let cases = [
        (
            m(&format!("{id}  - {{ref: photo, copies: 2}}\n")),
            Class::Deviation,
            Some("CAT205"),
        ),
        (
            m(&format!("{id}  - {{ref: photo, copies: 0}}\n")),
            Class::Improved,
            None,
        ),
        (
            m(&format!("{id}  - {{ref: photo, required: false}}\n")),
            Class::Improved,
            None,
        ),
        (
            m(&format!("{id}  - {{ref: photo, form: both}}\n")),
            Class::Deviation,
            Some("CAT205"),
        ),
        (
            m(&format!("{id}  - {{ref: photo, form: copy}}\n")),
            Class::Improved,
            None,
        ),
        (
            m(&format!(
                "{id}  - {{ref: photo, medium: [paper, electronic]}}\n"
            )),
            Class::Improved,
            None,
        ),
        (
            m("  - {ref: id-card, medium: [paper]}\n  - {ref: photo}\n"),
            Class::Deviation,
            Some("CAT205"),
        ),
        (
            // The national id-card names its e-certificate type (CAT113).
            m("  - {ref: id-card, waived_by: e_certificate}\n  - {ref: photo}\n"),
            Class::Improved,
            None,
        ),
        // Leaving a line out without saying so is no longer an improvement (issue 13).
        (m(id), Class::Deviation, Some("CAT210")),
        (
            m(&format!(
                "{id}  - {{ref: photo, omitted: 电子照片由人像系统调取}}\n"
            )),
            Class::Improved,
            None,
        ),
        (
            m(&format!(
                "{id}  - {{ref: photo}}\n  - {{id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}}\n"
            )),
            Class::Deviation,
            Some("CAT204"),
        ),
        (
            m(&format!("{id}  - {{ref: photo, name: 近期彩色照片}}\n")),
            Class::Deviation,
            Some("CAT206"),
        ),
        (m(&format!("{id}  - {{ref: photo}}\n")), Class::Same, None),
    ];
    for (yaml, class, code) in cases {
        expect(&[(CITY, &yaml)], "materials", class, code);
    }
}

#[test]
fn conditions_move_both_ways() {
    // A condition left out without a word: unaccounted for.
    expect(
        &[(CITY, "conditions: []\n")],
        "conditions",
        Class::Deviation,
        Some("CAT210"),
    );
    // Omitted on purpose: a condition is a legal requirement, so a deviation…
    expect(
        &[(
            CITY,
            "conditions:\n  - {ref: residence, omitted: 本市不设居住期限}\n",
        )],
        "conditions",
        Class::Deviation,
        Some("CAT212"),
    );
    // …unless an exception approves it…
    expect(
        &[(
            CITY,
            "conditions:\n  - {ref: residence, omitted: 本市不设居住期限}\nexceptions:\n  - {field: conditions, ref: residence, reason: 人才引进政策, approval: 深府函〔2026〕1号, expires: 2027-12-31}\n",
        )],
        "conditions",
        Class::Approved,
        Some("CAT207"),
    );
    // …or the national item marks the condition as one a region may waive.
    expect(
        &[
            (
                "catalog/national/000120010000.yaml",
                "conditions:\n  - {id: residence, text: 离开常住户口所在地，到其他城市居住半年以上, waivable: true}\n",
            ),
            (
                CITY,
                "conditions:\n  - {ref: residence, omitted: 本市不设居住期限}\n",
            ),
        ],
        "conditions",
        Class::Improved,
        None,
    );
    expect(
        &[(CITY, "conditions:\n  - {ref: residence}\n")],
        "conditions",
        Class::Same,
        None,
    );
    expect(
        &[(
            CITY,
            "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\n",
        )],
        "conditions",
        Class::Deviation,
        Some("CAT206"),
    );
    expect(
        &[(
            CITY,
            "conditions:\n  - {ref: residence}\n  - {id: insurance, text: 连续缴纳社会保险满十二个月}\n",
        )],
        "conditions",
        Class::Deviation,
        Some("CAT204"),
    );
}

#[test]
fn committed_limits_move_both_ways() {
    // Against the statutory limit (15 days) when no region above sets one.
    let (class, codes) = classify(
        &[
            (
                PROVINCE,
                "committed_limit: {days: 15, unit: calendar_day}\n",
            ),
            (CITY, "committed_limit: {days: 8, unit: calendar_day}\n"),
        ],
        "committed_limit",
    );
    assert_eq!((class, codes.len()), (Class::Improved, 0));
    // Against the province's regional standard (10 days).
    expect(
        &[(CITY, "committed_limit: {days: 12, unit: calendar_day}\n")],
        "committed_limit",
        Class::Deviation,
        Some("CAT205"),
    );
    expect(
        &[(CITY, "committed_limit: {days: 5, unit: calendar_day}\n")],
        "committed_limit",
        Class::Improved,
        None,
    );
    // Beyond the statutory limit it is CAT101 as well.
    let (class, codes) = classify(
        &[(CITY, "committed_limit: {days: 20, unit: calendar_day}\n")],
        "committed_limit",
    );
    assert_eq!(class, Class::Deviation);
    assert!(codes.contains(&"CAT101".to_string()), "{codes:?}");
}

#[test]
fn fees_move_both_ways() {
    let entry = "department: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\nlevel: city\ncontact: {phone: \"0755-12345678\"}\nreviewed: 2026-06-30\n";
    let path = "catalog/regions/440300/000120020000.yaml";
    for (amount, class, code) in [
        (20, Class::Deviation, Some("CAT205")),
        (5, Class::Improved, None),
        (10, Class::Same, None),
    ] {
        let dir = copy_of("base");
        merge(
            dir.path(),
            path,
            &format!("{entry}fees:\n  - {{ref: replacement, amount: {amount}}}\n"),
        );
        let compiled = compile(dir.path());
        let region = compiled
            .conformance
            .regions
            .iter()
            .find(|r| r.code == "440300")
            .unwrap();
        let fees = region
            .entries
            .iter()
            .find(|e| e.item == "000120020000")
            .unwrap()
            .fields
            .iter()
            .find(|f| &*f.field == "fees")
            .unwrap();
        assert_eq!(fees.class, class, "amount {amount}");
        assert_eq!(
            compiled.diagnostics.iter().map(|d| d.code).next(),
            code,
            "amount {amount}"
        );
    }
}

#[test]
fn channels_are_compared_with_the_parent_region() {
    let province = "channels: {window: true, online: {url: \"https://example.invalid/gd\", depth: full_online}, mail: true, visits: 1}\n";
    expect(
        &[
            (PROVINCE, province),
            (CITY, "channels: {window: true, visits: 2}\n"),
        ],
        "channels",
        Class::Deviation,
        Some("CAT205"),
    );
    expect(
        &[
            (PROVINCE, province),
            (
                CITY,
                "channels: {window: true, online: {url: \"https://example.invalid/sz\", depth: full_online}, mail: true, mobile: true, visits: 0}\n",
            ),
        ],
        "channels",
        Class::Improved,
        None,
    );
    // Without a parent value there is nothing to compare with: the channels are local.
    expect(&[], "channels", Class::Local, None);
}

#[test]
fn a_fixed_field_must_equal_the_standard() {
    expect(
        &[(CITY, "name: 深圳居住证申领\n")],
        "name",
        Class::Deviation,
        Some("CAT203"),
    );
}

const EXTRA: &str = "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}\n";

fn exception(expires: &str, reference: &str) -> String {
    format!(
        "exceptions:\n  - {{field: materials, ref: {reference}, reason: 特区条例, approval: 深府函〔2026〕1号, expires: {expires}}}\n"
    )
}

#[test]
fn an_exception_approves_a_deviation_with_a_warning() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        &format!("{EXTRA}{}", exception("2027-12-31", "lease")),
    );
    let compiled = compile(dir.path());
    let codes: Vec<_> = compiled
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity))
        .collect();
    assert_eq!(codes, [("CAT207", catalogc::diagnostic::Severity::Warning)]);
    let region = compiled
        .conformance
        .regions
        .iter()
        .find(|r| r.code == "440300")
        .unwrap();
    assert_eq!(region.entries[0].class, Class::Approved);
}

#[test]
fn an_expired_exception_fails() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        &format!("{EXTRA}{}", exception("2026-01-31", "lease")),
    );
    let compiled = compile(dir.path());
    // One finding, whose help says to renew or conform; not also a CAT204 telling the editor to
    // record the exception they already have.
    let codes: Vec<_> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["CAT208"]);
    let help = compiled.diagnostics[0].help.as_deref().unwrap();
    assert!(help.contains("renew") && help.contains("conform"), "{help}");
    // The deviation is unapproved again in the diff and the score.
    let entry = compiled
        .conformance
        .entry("440300", "000120010000")
        .unwrap();
    assert_eq!(entry.class, Class::Deviation);
    assert_eq!(compiled.conformance.region("440300").unwrap().deviating, 1);
}

#[test]
fn an_exception_is_announced_before_it_expires() {
    let expiring = |expires: &str, notice: Option<u32>| {
        let dir = copy_of("base");
        merge(
            dir.path(),
            CITY,
            &format!("{EXTRA}{}", exception(expires, "lease")),
        );
        if let Some(days) = notice {
            merge(
                dir.path(),
                "catalog/catalog.yaml",
                &format!("exception_notice_days: {days}\n"),
            );
        }
        let compiled = compile(dir.path());
        compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect::<Vec<_>>()
    };
    // AS_OF is 2026-11-29: 2027-01-27 is 59 days away, within the default 60.
    assert!(expiring("2027-01-27", None).contains(&"CAT213".to_string()));
    assert!(!expiring("2027-01-29", None).contains(&"CAT213".to_string()));
    assert!(!expiring("2027-01-27", Some(30)).contains(&"CAT213".to_string()));
    // The last day it is valid is still a notice, not an expiry.
    let on_the_day = expiring("2026-11-29", None);
    assert!(
        on_the_day.contains(&"CAT213".to_string()) && !on_the_day.contains(&"CAT208".to_string())
    );
}

#[test]
fn an_exception_that_matches_nothing_fails() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        &format!("{EXTRA}{}", exception("2027-12-31", "leases")),
    );
    let compiled = compile(dir.path());
    let codes: Vec<_> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&"CAT209") && codes.contains(&"CAT204"),
        "{codes:?}"
    );
}

#[test]
fn a_city_inherits_its_provinces_value_and_the_finding_is_the_provinces() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        PROVINCE,
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\n",
    );
    let compiled = compile(dir.path());
    let findings: Vec<_> = compiled
        .diagnostics
        .iter()
        .map(|d| (d.code, d.file.as_str()))
        .collect();
    assert_eq!(findings, [("CAT206", PROVINCE)]);
    let city = compiled
        .conformance
        .regions
        .iter()
        .find(|r| r.code == "440300")
        .unwrap();
    let conditions = city.entries[0]
        .fields
        .iter()
        .find(|f| &*f.field == "conditions")
        .unwrap();
    assert_eq!(
        (conditions.class, conditions.inherited, &*conditions.file),
        (Class::Deviation, true, PROVINCE)
    );
    // The secondary label points at the national value.
    let d = &compiled.diagnostics[0];
    assert_eq!(d.labels[0].file, "catalog/national/000120010000.yaml");
}

#[test]
fn the_sample_shows_every_class() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let mut seen = std::collections::BTreeSet::new();
    for region in &compiled.conformance.regions {
        seen.extend(region.counts.keys().copied());
        seen.extend(region.field_counts.keys().copied());
    }
    // `deviation` cannot appear in a sample that passes `check`; it is shown by injection below.
    for class in [
        Class::Same,
        Class::Improved,
        Class::Approved,
        Class::Local,
        Class::Missing,
        Class::Extra,
    ] {
        assert!(seen.contains(&class), "{class:?} not in {seen:?}");
    }
    let dir = sample_copy();
    let entry = "catalog/regions/440300/002000112001.yaml";
    let line = append(dir.path(), entry, "name: 深圳市居住证申领\n");
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT203");
    assert_eq!((d.file.as_str(), d.span.start.line), (entry, line));
    let shenzhen = compiled
        .conformance
        .regions
        .iter()
        .find(|r| r.code == "440300")
        .unwrap();
    assert!(shenzhen.counts.contains_key(&Class::Deviation));
}

#[test]
fn fields_inherited_unchanged_from_the_national_item_are_counted_not_listed() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let mut unchanged = 0;
    for region in &compiled.conformance.regions {
        let mut same = 0;
        for entry in &region.entries {
            for field in &entry.fields {
                let national = field.file.starts_with("catalog/items/");
                assert!(
                    !(national && field.class == Class::Same && field.details.is_empty()),
                    "{} {} lists `{}`, inherited unchanged",
                    region.code,
                    entry.item,
                    field.field
                );
                same += usize::from(field.class == Class::Same);
            }
            same += entry.unchanged;
            unchanged += entry.unchanged;
        }
        // The counts still cover every field.
        assert_eq!(
            region.field_counts.get(&Class::Same).copied().unwrap_or(0),
            same,
            "{}",
            region.code
        );
    }
    assert!(unchanged > 100, "only {unchanged} unchanged fields counted");
}

#[test]
fn the_cross_region_view_of_the_residence_permit_shows_the_regional_differences() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let report = DiffReport::new(&compiled, &["002000112001".to_string()]);
    let view = report.items().next().unwrap();
    assert_eq!(view.name, "居住证申领");
    let counts: std::collections::BTreeMap<&str, usize> = view
        .regions
        .iter()
        .map(|c| (c.region, c.materials.len()))
        .collect();
    let (min, max) = (
        counts.values().min().unwrap(),
        counts.values().max().unwrap(),
    );
    assert!(
        max > min,
        "every region asks for the same number of documents: {counts:?}"
    );
    // 深圳 asks for fewer documents but stricter conditions, covered by an approved exception.
    let shenzhen = view.regions.iter().find(|c| c.region == "440300").unwrap();
    assert_eq!(shenzhen.class, Class::Approved);
    let text = report.text();
    assert!(
        text.contains("居住证申领 across regions") && text.contains("深圳市 (440300)"),
        "{text}"
    );
}

#[test]
fn the_json_report_matches_its_schema() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let json: serde_json::Value =
        serde_json::from_str(&DiffReport::new(&compiled, &[]).json()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schema/diff.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(json["regions"].as_array().unwrap().len() >= 6);
}

#[test]
fn diff_filters_by_region_and_item_and_renders_markdown() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "diff",
            "--as-of",
            AS_OF,
            "--region",
            "440300",
            "--item",
            "002000112001",
            "--format",
            "markdown",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.starts_with("## 合规情况（基准：全国标准）\n"), "{md}");
    assert!(md.contains("| 深圳市 (440300) |"), "{md}");
    assert!(!md.contains("(510100)"), "{md}");
    assert!(md.contains("### 002000112001 居住证申领"), "{md}");
    assert!(
        md.contains("| 地区 | 申请材料 | 办结时限 | 收费 | 结果 |"),
        "{md}"
    );
    // The item's class in 深圳, and its differences: the approved ones and the improvements.
    assert!(md.contains("| 不收费 | 经批准的偏离 |"), "{md}");
    assert!(md.contains("\n### 经批准的偏离\n"), "{md}");
    assert!(md.contains("\n### 优于标准\n"), "{md}");
    // The exception's approval number is the sample's invention and says so.
    assert!(
        md.contains("经粤府函〔2025〕88号（示例文号，非真实文件）批准"),
        "{md}"
    );
    // Not the region's whole-catalog score, and no English left for the reader.
    for absent in ["得分", "score", "region", "approved", "Conformance"] {
        assert!(!md.contains(absent), "`{absent}` in {md}");
    }
}

#[test]
fn the_markdown_report_lists_every_difference_by_class_deviations_first() {
    let dir = sample_copy();
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "name: 深圳市居住证申领\n",
    );
    let compiled = compile(dir.path());
    let md = DiffReport::new(&compiled, &[]).markdown();
    assert!(md.contains("| 地区 | 得分 | 适用 | 已实施 | 一致 | 经批准的偏离 | 无法确定 | 偏离 | 未实施 | 地方事项 |"), "{md}");
    let at = |heading: &str| {
        md.find(&format!("\n### {heading}\n"))
            .unwrap_or_else(|| panic!("no `{heading}` in {md}"))
    };
    let order = ["偏离", "经批准的偏离", "优于标准", "未实施", "地方事项"].map(at);
    assert!(order.is_sorted(), "{order:?} in {md}");
    assert!(
        md.contains("| 深圳市 (440300) | 002000112001 居住证申领 | 事项名称："),
        "{md}"
    );
    // An improvement is listed (not only deviations), with the baseline it improves on.
    assert!(
        md.contains("| 成都市 (510100) | 002000112001 居住证申领 | 承诺办结时限：10个自然日"),
        "{md}"
    );
    assert!(md.contains("（全国标准15个自然日"), "{md}");
}

#[test]
fn diff_item_reports_each_regions_result_for_that_item_not_its_whole_catalog_score() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let item = "002000112001".to_string();
    let report = DiffReport::new(&compiled, std::slice::from_ref(&item));
    let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schema/diff.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&json), "{json:#}");
    let regions = json["regions"].as_array().unwrap();
    let shenzhen = regions.iter().find(|r| r["code"] == "440300").unwrap();
    // Counted over the one item: it applies, is implemented, and is an approved deviation.
    assert_eq!(
        (
            &shenzhen["applicable"],
            &shenzhen["implemented"],
            &shenzhen["approved"],
            &shenzhen["score"]
        ),
        (&1.into(), &1.into(), &1.into(), &1.0.into()),
        "{shenzhen:#}"
    );
    let whole = compiled.conformance.region("440300").unwrap();
    assert!(
        whole.applicable > 1,
        "the sample's 深圳 has one applicable item"
    );
    for region in regions {
        for entry in region["entries"].as_array().unwrap() {
            assert_eq!(entry["item"], "002000112001");
        }
        assert!(region["applicable"].as_u64().unwrap() <= 1, "{region:#}");
        assert!(region["extra"].as_array().unwrap().is_empty(), "{region:#}");
    }
    // A region where the item neither applies nor is implemented has no result for it.
    assert!(regions.iter().all(|r| r["code"] != "130000"), "{json:#}");
    let approval = &shenzhen["entries"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "conditions")
        .unwrap()["details"][0]["approved_by"];
    assert_eq!(approval["illustrative"], true, "{approval:#}");
    let text = report.text();
    assert!(!text.contains("score"), "{text}");
    assert!(
        text.contains("深圳市 (440300, city)\n  002000112001 居住证申领: approved\n"),
        "{text}"
    );
}

const NATIONAL: &str = "catalog/national/000120010000.yaml";

/// The national materials of the base fixture, with `photo` marked statutory when asked.
fn national_materials(photo_statutory: bool) -> String {
    format!(
        "materials:\n  - {{id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card}}\n  - {{id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant{}}}\n",
        if photo_statutory {
            ", statutory: true"
        } else {
            ""
        }
    )
}

#[test]
fn a_statutory_material_cannot_be_omitted_without_an_approved_exception() {
    let national = national_materials(true);
    let omits = "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 可现场采集}\n";
    expect(
        &[(NATIONAL, &national), (CITY, omits)],
        "materials",
        Class::Deviation,
        Some("CAT212"),
    );
    let approved = format!(
        "{omits}exceptions:\n  - {{field: materials, ref: photo, reason: 现场免费采集相片, approval: 深府函〔2026〕2号, expires: 2027-12-31}}\n"
    );
    expect(
        &[(NATIONAL, &national), (CITY, &approved)],
        "materials",
        Class::Approved,
        Some("CAT207"),
    );
}

#[test]
fn a_line_the_national_office_adds_later_is_unaccounted_for_in_every_restated_list() {
    // The region wrote its list against two materials; the standard now has a third.
    let national = format!(
        "{}  - {{id: form, name: 居住证申领登记表, form: original, copies: 1, medium: [paper], required: true, source: applicant}}\n",
        national_materials(false)
    );
    let (class, codes) = classify(
        &[
            (NATIONAL, &national),
            (CITY, "materials:\n  - {ref: id-card}\n  - {ref: photo}\n"),
        ],
        "materials",
    );
    assert_eq!(class, Class::Deviation);
    // Only the city's list is reported: the province, which does not restate the list,
    // inherits the new line and has nothing to account for.
    assert_eq!(codes, ["CAT210"], "only the new line is reported");
}

#[test]
fn an_omission_made_by_a_parent_region_is_inherited_with_its_reason() {
    let province =
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 全省电子证照共享相片}\n";
    // The city restates its own list: it accounts for what the province's list holds (id-card);
    // photo stays omitted with the province's reason, and no finding is the city's.
    let dir = copy_of("base");
    merge(dir.path(), PROVINCE, province);
    merge(
        dir.path(),
        CITY,
        "materials:\n  - {ref: id-card, note: 现场核验后退还}\n",
    );
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    let entry = compiled
        .conformance
        .entry("440300", "000120010000")
        .unwrap();
    let materials = entry
        .fields
        .iter()
        .find(|f| &*f.field == "materials")
        .unwrap();
    assert_eq!(materials.class, Class::Improved);
    let omitted = materials
        .details
        .iter()
        .find(|d| d.kind == "omitted")
        .unwrap();
    assert_eq!(omitted.key.as_deref(), Some("photo"));
    assert_eq!(
        omitted.regional.as_ref().unwrap()["omitted"],
        "全省电子证照共享相片"
    );
    // The city may restate a line the province omitted (it then asks for it again).
    merge(
        dir.path(),
        CITY,
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n",
    );
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    // A city that leaves out a line the province kept is reported, not the province.
    merge(dir.path(), CITY, "materials:\n  - {ref: photo}\n");
    let compiled = compile(dir.path());
    let found = findings(&compiled);
    assert_eq!(found.len(), 1, "{}", text(&compiled));
    assert_eq!(found[0].0, "CAT210");
    assert!(found[0].1.ends_with("440300/000120010000.yaml"));
}

#[test]
fn an_omitted_line_leaves_the_effective_list() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由人像系统调取}\n",
    );
    let compiled = compile(dir.path());
    let effective = compiled
        .resolved
        .effective_of("440300", "000120010000")
        .unwrap();
    let ids: Vec<&str> = effective
        .lines(&compiled.resolved.catalog, "materials")
        .iter()
        .map(|l| l.id())
        .collect();
    assert_eq!(ids, ["id-card"]);
}

#[test]
fn working_days_are_compared_with_calendar_days_by_what_they_guarantee() {
    // The base national item's statute is 15 calendar days; 广东 commits as below.
    let limit =
        |days: u32, unit: &str| format!("committed_limit: {{days: {days}, unit: {unit}}}\n");
    let class_of = |edit: &str| {
        let dir = copy_of("base");
        merge(dir.path(), PROVINCE, edit);
        let compiled = compile(dir.path());
        let entry = compiled
            .conformance
            .entry("440000", "000120010000")
            .unwrap();
        let class = entry
            .fields
            .iter()
            .find(|f| &*f.field == "committed_limit")
            .map(|f| f.class);
        let codes: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        (class, codes)
    };
    // 浙江's case: 10 working days can be 20 calendar days across 国庆. Not `same`, not
    // `improved`: uncertain, with a warning that states the bound.
    assert_eq!(
        class_of(&limit(10, "working_day")),
        (Some(Class::Uncertain), vec!["CAT102".to_string()])
    );
    // At most 6 working days always fit in 15 calendar days.
    assert_eq!(
        class_of(&limit(6, "working_day")),
        (Some(Class::Improved), vec![])
    );
    // 20 working days always take at least 20 calendar days: over the statute, an error.
    let (class, codes) = class_of(&limit(20, "working_day"));
    assert_eq!(class, Some(Class::Deviation));
    assert_eq!(codes, ["CAT101"]);
    // Equal value and unit is the only `same`.
    assert_eq!(
        class_of(&limit(15, "calendar_day")),
        (Some(Class::Same), vec![])
    );
}

#[test]
fn scores_say_what_they_measure() {
    let dir = copy_of("base");
    let compiled = compile(dir.path());
    let province = compiled.conformance.region("440000").unwrap();
    // The base national items are delivered by cities and counties: nothing applies to 广东.
    assert_eq!(province.applicable, 0);
    assert_eq!(province.score, None);
    let city = compiled.conformance.region("440300").unwrap();
    assert_eq!(
        (
            city.applicable,
            city.implemented,
            city.conforming,
            city.approved,
            city.uncertain,
            city.deviating,
            city.missing.len()
        ),
        (2, 1, 1, 0, 0, 0, 1)
    );
    assert_eq!(city.score, Some(0.5));
    // The report says the same in words.
    let text = DiffReport::new(&compiled, &[]).text();
    assert!(
        text.contains("广东省 (440000, province)  no applicable item (no score)"),
        "{text}"
    );
    assert!(
        text.contains("score 50% (2 applicable: 1 implemented — 1 conforming, 0 approved, 0 uncertain, 0 deviating; 1 missing)"),
        "{text}"
    );
}

#[test]
fn a_comparison_with_a_parent_regions_value_names_that_regions_standard() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        "committed_limit: {days: 7, unit: calendar_day}\n",
    );
    let compiled = compile(dir.path());
    // 广东 commits to 10 calendar days; 深圳's 7 is measured against that, and says so.
    let entry = compiled
        .conformance
        .entry("440300", "000120010000")
        .unwrap();
    let field = entry
        .fields
        .iter()
        .find(|f| &*f.field == "committed_limit")
        .unwrap();
    let national = catalogc::resolve::view::doc(
        &compiled
            .resolved
            .catalog
            .doc(&compiled.resolved.catalog.items["000120010000"])
            .json,
    );
    let text = catalogc::diff::describe(
        &compiled.labels,
        "committed_limit",
        &field.details[0],
        national,
    );
    assert_eq!(text, "承诺办结时限：7个自然日（广东省标准10个自然日）");
}
