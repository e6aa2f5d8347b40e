//! The 办事指南 of an item with 办理情形 (issue 15, point 3) and the format-3 details every guide
//! prints where docs/templates.md says: built from `tests/fixtures/situations` (the base fixture
//! with three national situations, of which 深圳 handles two) and read as a citizen would.

mod common;

use std::path::Path;

use common::*;

const GUIDE: &str = "portal/regions/440300/000120010000.html";
const GUIDE_MD: &str = "guides/440300/000120010000.md";

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The situations fixture built (from a copy: a build writes its cache under the root).
fn built() -> tempfile::TempDir {
    let dir = copy_of("situations");
    built_into(dir.path(), &[])
}

/// The text from the first `start` after `from` up to the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{text}"));
    let rest = &text[at..];
    let stop = rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |n| n + start.len());
    &rest[..stop]
}

#[test]
fn the_html_guide_has_one_section_per_situation_with_only_its_lines() {
    let out = built();
    let html = read(out.path(), GUIDE);
    let employment = between(
        &html,
        r#"<section class="situation" id="situation-employment""#,
        "</section>",
    );
    let housing = between(
        &html,
        r#"<section class="situation" id="situation-housing""#,
        "</section>",
    );
    assert!(
        employment.contains("情形一：以合法稳定就业申领"),
        "{employment}"
    );
    assert!(housing.contains("情形二：以合法稳定住所申领"), "{housing}");
    for section in [employment, housing] {
        assert!(section.contains("居民身份证"), "{section}");
        assert!(section.contains("离开常住户口所在地"), "{section}");
    }
    assert!(employment.contains("劳动合同"), "{employment}");
    assert!(employment.contains("在居住地合法稳定就业"), "{employment}");
    assert!(!employment.contains("房屋租赁合同"), "{employment}");
    assert!(housing.contains("房屋租赁合同"), "{housing}");
    assert!(!housing.contains("劳动合同"), "{housing}");
    assert!(!housing.contains("在居住地合法稳定就业"), "{housing}");
    // The situation the region does not handle has no section, and says why.
    assert!(!html.contains(r#"id="situation-study""#));
    assert!(html.contains("以连续就读申领：本地不办理（本市以就读申领的由学校集体办理）"));
    // A list of links at the top, and a labelled picker that only JavaScript reveals.
    let nav = between(&html, r#"<nav class="situations""#, "</nav>");
    assert!(nav.contains(r##"<a href="#situation-employment">情形一：以合法稳定就业申领</a>"##));
    assert!(nav.contains(r##"<a href="#situation-housing">情形二：以合法稳定住所申领</a>"##));
    assert!(nav.contains(r#"<div class="situation-picker" hidden>"#));
    assert!(nav.contains(r#"<label for="situation-picker">"#));
    assert!(nav.contains(r#"<option value="housing">"#));
    assert!(html.contains(r#"<script src="..&#x2f;..&#x2f;assets/situations.js" defer>"#));
    assert!(out.path().join("portal/assets/situations.js").is_file());
}

#[test]
fn the_notice_lists_one_situations_documents_under_that_situation_only() {
    let out = built();
    let html = read(out.path(), GUIDE);
    let notice = between(&html, r#"<section class="notice""#, "</section>");
    let common = between(notice, r#"<ol class="bring">"#, "</ol>");
    assert!(
        common.contains("居民身份证") && common.contains("本人近期相片"),
        "{common}"
    );
    assert!(
        !common.contains("劳动合同") && !common.contains("房屋租赁合同"),
        "{common}"
    );
    let employment = between(notice, r#"<li data-situation="employment">"#, "</li>");
    assert!(
        employment.contains("劳动合同（原件 1 份、复印件 2 份）"),
        "{employment}"
    );
    assert!(
        employment.contains("可容缺受理，受理后 5 日内补交"),
        "{employment}"
    );
    assert!(!employment.contains("房屋租赁合同"), "{employment}");
    let housing = between(notice, r#"<li data-situation="housing">"#, "</li>");
    assert!(housing.contains("房屋租赁合同"), "{housing}");
    assert!(!notice.contains("学生证"), "{notice}");

    let md = read(out.path(), GUIDE_MD);
    let bring = between(&md, "- 各情形都要带的材料：", "\n");
    assert!(
        bring.contains("居民身份证") && !bring.contains("劳动合同"),
        "{bring}"
    );
    assert!(md.contains(
        "  - 情形一：以合法稳定就业申领：劳动合同（原件 1 份、复印件 2 份，可容缺受理，受理后 5 日内补交）\n"
    ));
    assert!(md.contains("  - 情形二：以合法稳定住所申领：房屋租赁合同（复印件 1 份）\n"));
}

#[test]
fn the_markdown_guide_groups_materials_and_conditions_by_situation() {
    let out = built();
    let md = read(out.path(), GUIDE_MD);
    let employment = between(&md, "### 情形一：以合法稳定就业申领", "### ");
    let housing = between(&md, "### 情形二：以合法稳定住所申领", "### ");
    assert!(
        employment.contains("2. 在居住地合法稳定就业"),
        "{employment}"
    );
    assert!(employment.contains("| 劳动合同 | 原件和复印件 | 原件 1 份，复印件 2 份 |"));
    assert!(!employment.contains("房屋租赁合同"), "{employment}");
    assert!(
        housing.contains("| 房屋租赁合同 | 复印件 | 1 |"),
        "{housing}"
    );
    assert!(!housing.contains("劳动合同") && !housing.contains("合法稳定就业"));
    assert!(md.contains("- [情形一：以合法稳定就业申领](#情形一以合法稳定就业申领)\n"));
    assert!(md.contains("- 以连续就读申领：本地不办理（本市以就读申领的由学校集体办理）\n"));
    assert!(!md.contains("学生证"), "{md}");
}

#[test]
fn every_format_3_detail_is_printed_in_both_guides() {
    let out = built();
    let html = read(out.path(), GUIDE);
    let md = read(out.path(), GUIDE_MD);
    // (HTML, Markdown) of each construct, as the fixture states it.
    let expected = [
        // Service points, each with its own details.
        (
            "<strong>市民中心户政窗口</strong>",
            "- 办理地点1：市民中心户政窗口，深圳市福田区福中三路市民中心B区",
        ),
        (
            "受理范围：福田街道、莲花街道",
            "  - 受理范围：福田街道、莲花街道",
        ),
        ("办理地点2</dt>", "- 办理地点2：深圳市南山区南头街道派出所"),
        // 帮办服务.
        (
            "<strong>上门办理</strong>（老年人、残疾人）：行动不便的可预约民警上门采集信息",
            "- 帮办服务：上门办理（老年人、残疾人）：行动不便的可预约民警上门采集信息；预约电话：0755-33334444",
        ),
        // 通办: the partner the catalog has by name (linked), the other by its code.
        (
            r#"<dt>通办方式</dt><dd>全程网办、代收代办"#,
            "- 通办方式：全程网办、代收代办；合作地区：广东省、区划代码 110000（广东省内可异地代收）",
        ),
        (
            r#"<a href="..&#x2f;..&#x2f;regions&#x2f;440000&#x2f;index.html">广东省</a>、区划代码 <span class="code">110000</span>"#,
            "合作地区：广东省",
        ),
        // Process steps with their actor and limit; special procedures with kind, days, unit.
        (
            "办理人员：受理人；环节时限：1个工作日",
            "1. 受理：窗口核验材料（须到现场）（办理人员：受理人）（环节时限：1个工作日）",
        ),
        (
            "<strong>外省信息核查</strong>（检验检测）：向户籍地核查身份信息",
            "- 外省信息核查（检验检测）：向户籍地核查身份信息（时限 10个工作日，不计入办结时限）",
        ),
        (
            "：向户籍地核查身份信息（时限 10个工作日，不计入办结时限）",
            "不计入办结时限",
        ),
        // Fee detail.
        (
            "20 元（每证）",
            "- 居住证工本费：20 元（每证）（依据《行政事业性收费标准管理办法》第五条）",
        ),
        ("首次申领：0 元", "  - 首次申领：0 元"),
        ("减免：低保对象免收", "  - 减免：低保对象免收"),
        ("《行政事业性收费标准管理办法》第五条", "第五条"),
        // Materials: originals and copies, 容缺受理, the blank form (a stand-in: 示例).
        ("原件 1 份，复印件 2 份", "原件 1 份，复印件 2 份"),
        (
            r#"<span class="tag tag-deferrable">容缺受理</span>"#,
            "可容缺受理，受理后 5 日内补交。",
        ),
        (
            r#"劳动合同（空白）</a> <span class="tag tag-sample">示例</span>"#,
            "空白表格：[劳动合同（空白）](../../portal/files/",
        ),
        // The file's type and size beside it.
        (
            "示例</span>（PDF，20 字节）",
            ".pdf)（示例）（PDF，20 字节）。",
        ),
        // Sources, whose file cites each and the date read.
        (
            "深圳市居住证申领办事指南</a>（深圳市实施清单，<time datetime=\"2026-06-01\">2026-06-01</time> 查阅）",
            "- [深圳市居住证申领办事指南](https://example.invalid/sz/guide)（深圳市实施清单，2026-06-01 查阅）：涉及申请材料、办理窗口",
        ),
        (
            "居住证暂行条例解读</a>（全国标准，",
            "（全国标准，2026-05-01 查阅）",
        ),
    ];
    for (in_html, in_md) in expected {
        assert!(html.contains(in_html), "guide.html lacks {in_html:?}");
        assert!(md.contains(in_md), "guide.md lacks {in_md:?}");
    }
}

#[test]
fn a_guide_prints_only_what_its_record_says() {
    // The base fixture states none of the format-3 constructs: no heading or label of them
    // appears, and no situation markup or script.
    let dir = copy_of("base");
    let out = built_into(dir.path(), &[]);
    let html = read(out.path(), GUIDE);
    let md = read(out.path(), GUIDE_MD);
    for absent in [
        "办理情形",
        "situation",
        "帮办服务",
        "通办方式",
        "信息来源",
        "特别程序",
        "容缺",
        "空白表格",
        "原件 1 份，",
        "办理人员",
    ] {
        assert!(!html.contains(absent), "guide.html shows {absent:?}");
        assert!(!md.contains(absent), "guide.md shows {absent:?}");
    }
}

#[test]
fn no_statutory_limit_reads_as_none() {
    let dir = copy_of("situations");
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        "statutory_limit: none\n",
    );
    let out = built_into(dir.path(), &[]);
    let html = read(out.path(), GUIDE);
    let md = read(out.path(), GUIDE_MD);
    assert!(
        html.contains("<dt>法定办结时限（全国标准）</dt><dd>无（法律法规未规定办结时限）</dd>"),
        "{html}"
    );
    assert!(md.contains("- 法定办结时限（全国标准）：无（法律法规未规定办结时限）\n"));
    let item = read(out.path(), "portal/items/000120010000.html");
    assert!(item.contains("<dt>法定办结时限</dt><dd>无（法律法规未规定办结时限）</dd>"));
}

#[test]
fn the_item_page_lists_the_national_situations_with_their_lines() {
    let out = built();
    let item = read(out.path(), "portal/items/000120010000.html");
    let study = between(&item, r#"id="situation-study""#, "</section>");
    assert!(study.contains("情形三：以连续就读申领"), "{study}");
    assert!(study.contains("地方可以不办理这一情形"), "{study}");
    assert!(
        study.contains("居民身份证、本人近期相片、学生证"),
        "{study}"
    );
    let employment = between(&item, r#"id="situation-employment""#, "</section>");
    assert!(employment.contains("在本市合法稳定就业的"), "{employment}");
    assert!(employment.contains("居民身份证、本人近期相片、劳动合同"));
    assert!(!employment.contains("地方可以不办理"), "{employment}");
    assert!(item.contains("居住证暂行条例解读</a>（<time datetime=\"2026-05-01\">"));
}

#[test]
fn upcoming_changes_are_listed_with_their_dates_and_past_ones_are_not() {
    let dir = copy_of("situations");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "scheduled:\n  - {effective: 2027-03-01, basis: 深府办〔2026〕1号, note: 承诺时限缩短, set: {committed_limit: {days: 5, unit: working_day}}}\n",
    );
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        "scheduled:\n  - {effective: 2027-01-01, set: {quantity_limit: 每人限领一张}}\n  - {effective: 2026-01-01, basis: 已施行的文件, set: {quantity_limit: 无数量限制}}\n",
    );
    // The build date is AS_OF (2026-11-29): the 2026-01-01 change is in force, not upcoming.
    let out = built_into(dir.path(), &[]);
    let index = read(out.path(), "portal/index.html");
    let upcoming = between(&index, r#"<h2 id="h-upcoming">"#, "</section>");
    let national = upcoming.find("2027-01-01").expect(upcoming);
    let regional = upcoming.find("2027-03-01").expect(upcoming);
    assert!(national < regional, "soonest first:\n{upcoming}");
    assert!(
        upcoming.contains("居住证申领</a>（全国标准）：数量限制"),
        "{upcoming}"
    );
    assert!(
        upcoming.contains("居住证申领</a>（深圳市）：承诺办结时限"),
        "{upcoming}"
    );
    assert!(upcoming.contains("依据：深府办〔2026〕1号"), "{upcoming}");
    assert!(!upcoming.contains("已施行的文件") && !upcoming.contains("2026-01-01"));

    let md = read(out.path(), GUIDE_MD);
    let section = between(&md, "## 即将施行的变更", "## 信息来源");
    assert!(
        section.contains("- 2027-01-01 起施行（全国标准）：数量限制将有变化\n"),
        "{section}"
    );
    assert!(section.contains(
        "- 2027-03-01 起施行（深圳市实施清单）：承诺办结时限将有变化，依据深府办〔2026〕1号。承诺时限缩短\n"
    ));
    assert!(!section.contains("2026-01-01"), "{section}");
    let html = read(out.path(), GUIDE);
    assert!(html.contains(r#"<h2 id="s-scheduled">即将施行的变更</h2>"#));

    // Without scheduled changes, neither page has the section.
    let plain = built();
    assert!(!read(plain.path(), "portal/index.html").contains("即将施行"));
    assert!(!read(plain.path(), GUIDE_MD).contains("即将施行"));
}
