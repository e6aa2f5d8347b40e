//! `catalogc import` and `catalogc export` (issue 17, points 2 and 3), through the command line.
//!
//! The fixture is the 实施清单 of 六安市叶集区 (341504) as the national platform exports it, built
//! from `../shared/reference/service-facts.md` §1 (叶集区 居住证申领: 居民身份证或居民户口簿, 相片
//! 系统导入免提交, one proof by ground; the source leaves the number of days blank) and the
//! national standards of 出生登记 and 个体工商户登记注册, with the messiness of real exports: a
//! merged title row, a two-row header (cells merged down, a group header merged across), a column
//! catalogc does not read, full-width digits and spaces, materials numbered one per line, with ①,
//! or in one cell separated by 、, a limit written as `1个工作日` and one left blank, and a row
//! for an item the national catalog does not have. It is generated here with rust_xlsxwriter (the
//! crate `build` writes `catalog.xlsx` with), so each messy cell is visible in this file.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use serde_json::Value;

const REGION: &str = "341504";

fn catalogc() -> Command {
    Command::cargo_bin("catalogc").unwrap()
}

/// The columns of the fixture, as the 叶集区 export has them (two header rows).
const TOP: [&str; 15] = [
    "事项名称",
    "基本编码",
    "实施编码",
    "实施主体",
    "实施主体编码",
    "承诺办结时限",
    "办件类型",
    "申请材料",
    "受理条件",
    "收费项目",
    "办理地点",
    "办理时间",
    "咨询监督",
    "",
    "到办事现场次数",
];
const SUB: [&str; 2] = ["咨询电话", "监督投诉电话"];

/// The rows of the fixture.
fn fixture_rows() -> Vec<[&'static str; 15]> {
    vec![
        [
            "居住证申领",
            "002000112001",
            "11341504002090070R4002000112001",
            "六安市公安局叶集分局",
            "11341504002090070R",
            // The source leaves the number of days blank.
            "自受理之日起　个工作日内",
            "承诺件",
            "1.居民身份证或者居民户口簿（原件）\n2.本人近期相片（数据共享免提交）\n3.合法稳定住所证明（复印件，非必要）\n4.合法稳定就业证明（复印件，非必要）\n5.连续就读证明（复印件，非必要）",
            "离开常住户口所在地, 到其他城市居住半年以上；有合法稳定就业、合法稳定住所、连续就读条件之一",
            "不收费",
            "叶集区政务服务中心公安户政窗口及辖区各派出所户籍窗口",
            "周一至周五 9:00-12:00，14:30-17:30（法定节假日除外）",
            "０５６４－１２３４５６７２",
            "12345",
            "1",
        ],
        [
            "出生登记",
            "000700201002",
            "11341504002090070R4000700201002",
            "六安市公安局叶集分局",
            "11341504002090070R",
            "即办",
            "即办件",
            "出生医学证明、随父或者随母落户一方的居民户口簿、父母的　居民身份证、父母的结婚证（非必要）、非婚生育情况说明（非必要）",
            "1．在中华人民共和国境内出生、尚未登记常住户口\n2．随父或者随母在其常住户口所在地申报登记",
            "无",
            "叶集区政务服务中心公安户政窗口及辖区各派出所户籍窗口",
            "周一至周五 9:00-12:00，14:30-17:30（法定节假日除外）",
            "0564-12345672",
            "12345",
            "1",
        ],
        [
            "个体工商户登记注册",
            "000131128000",
            "11341504000545967F4000131128000",
            "六安市叶集区市场监督管理局",
            "11341504000545967F",
            "1个工作日",
            "承诺件",
            "①个体工商户登记（备案）申请书\n②经营者身份证明\n③经营场所使用证明（告知承诺免提交）\n④委托代理人证明及代理人身份证明（非必要）\n⑤房屋租赁合同（复印件）",
            "有经营能力的公民；申请材料齐全、符合法定形式",
            "不收费",
            "叶集区政务服务中心企业开办专区",
            "周一至周五 9:00-12:00，14:30-17:30（法定节假日除外）",
            "0564-12345675",
            "12345",
            "0",
        ],
        [
            // 利辛县's 居住证签注 (service-facts §1): not an item of the national catalog here.
            "居住证签注",
            "002000112002",
            "",
            "六安市公安局叶集分局",
            "11341504002090070R",
            "5个工作日",
            "承诺件",
            "本人居住证（原件）",
            "持证人连续居住，每满一年前一个月内申请",
            "不收费",
            "叶集区辖区各派出所户籍窗口",
            "",
            "0564-12345672",
            "12345",
            "1",
        ],
    ]
}

/// Write the fixture workbook: a merged title row, a two-row header, the rows as string cells.
fn write_fixture(path: &Path, rows: &[[&str; 15]]) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    sheet
        .merge_range(
            0,
            0,
            0,
            14,
            "六安市叶集区政务服务事项实施清单（导出）",
            &bold,
        )
        .unwrap();
    for (c, title) in TOP.iter().enumerate() {
        let c = c as u16;
        if c == 12 {
            sheet.merge_range(1, 12, 1, 13, title, &bold).unwrap();
        } else if c != 13 {
            // Merged down over the two header rows: the text stays in the upper cell.
            sheet.merge_range(1, c, 2, c, title, &bold).unwrap();
        }
    }
    sheet
        .write_string_with_format(2, 12, SUB[0], &bold)
        .unwrap();
    sheet
        .write_string_with_format(2, 13, SUB[1], &bold)
        .unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r as u32 + 3, c as u16, *value).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// An empty repository made into a catalog root by `catalogc init` (the national standard copied
/// from this repository's catalog), and the region 叶集区 under its city and province written by
/// `catalogc new region`, as a region starts (README, starting a region's catalog).
fn empty_catalog_with_region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        let out = catalogc()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "catalogc {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["init", "--national", repo.to_str().unwrap()]);
    run(&["new", "region", "340000", "--name", "安徽省"]);
    run(&["new", "region", "341500", "--name", "六安市"]);
    run(&["new", "region", REGION, "--name", "叶集区"]);
    let region = std::fs::read_to_string(
        dir.path()
            .join(format!("catalog/regions/{REGION}/region.yaml")),
    )
    .unwrap();
    assert!(
        region.contains("parent: \"341500\"") && region.contains("level: county"),
        "{region}"
    );
    dir
}

/// Run `catalogc import FILE --region REGION --root ROOT ARGS… --format json`.
fn import(root: &Path, file: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let output = catalogc()
        .arg("import")
        .arg(file)
        .args([
            "--region",
            REGION,
            "--reviewed",
            AS_OF,
            "--format",
            "json",
            "--root",
        ])
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code(), report, stderr)
}

/// Every file under `root/catalog` and its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root.join("catalog"))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

fn counts(report: &Value) -> [u64; 6] {
    let c = &report["counts"];
    [
        "matched_exact",
        "matched_normalised",
        "fuzzy",
        "unmatched",
        "omitted",
        "for_a_person",
    ]
    .map(|k| c[k].as_u64().unwrap())
}

/// The whole session of the "done when": an empty catalog with the region, `import` of
/// the fixture, `check`, and `build` with the imported region's guides in the portal.
#[test]
fn fixture_import_check_and_build_give_the_portal_and_say_which_lines_need_a_person() {
    let root = empty_catalog_with_region();
    let sheets = tempfile::tempdir().unwrap();
    let file = sheets.path().join("叶集区实施清单.xlsx");
    write_fixture(&file, &fixture_rows());

    // The report as an editor reads it (a dry run writes nothing; `--no-capture` shows it).
    let text = catalogc()
        .args(["import"])
        .arg(&file)
        .args([
            "--region",
            REGION,
            "--dry-run",
            "--reviewed",
            "2026-11-29",
            "--root",
        ])
        .arg(root.path())
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    println!("{text}");
    assert!(text.contains("共 5 行需要人工处理"), "{text}");
    assert!(
        !root
            .path()
            .join("catalog/regions/341504/002000112001.yaml")
            .exists()
    );

    let (status, report, stderr) = import(root.path(), &file, &[]);
    assert_eq!(status, Some(0), "{stderr}\n{report:#}");
    assert_eq!(report["rows_read"], 4);
    assert_eq!(report["entries_written"], 3);
    assert_eq!(
        report["header_row"], 3,
        "the header below the merged title row"
    );
    // Exact 17; after normalisation 2 (a condition with a half-width comma and a space, a
    // material with a full-width space); fuzzy 1 (居民身份证或者居民户口簿 ~ 居民身份证); unmatched
    // 1 (房屋租赁合同); omitted 3 (the ID card left for the fuzzy line, 亲子鉴定证明, 前置审批批准文件).
    assert_eq!(counts(&report), [17, 2, 1, 1, 3, 5], "{report:#}");
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["code"], "002000112002");
    assert_eq!(skipped[0]["row"], 7);
    assert_eq!(
        report["columns_not_imported"],
        serde_json::json!(["到办事现场次数"])
    );

    let entries = report["entries"].as_array().unwrap();
    let by_item = |code: &str| entries.iter().find(|e| e["item"] == code).unwrap();
    let permit = by_item("002000112001");
    let fuzzy = permit["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["outcome"] == "fuzzy")
        .unwrap();
    assert_eq!(fuzzy["text"], "居民身份证或者居民户口簿（原件）");
    assert_eq!(fuzzy["candidate"]["id"], "id-card");
    let score = fuzzy["candidate"]["score"].as_f64().unwrap();
    assert!((0.5..1.0).contains(&score), "{score}");
    assert!(
        permit["not_imported"][0]
            .as_str()
            .unwrap()
            .starts_with("承诺办结时限"),
        "the blank limit is reported, not guessed: {permit:#}"
    );
    // Each new entry's verdict comes from the conformance diff.
    for (code, verdict) in [
        ("002000112001", "improved"),
        ("000700201002", "improved"),
        ("000131128000", "improved"),
    ] {
        assert_eq!(by_item(code)["verdict"], verdict, "{code}");
        assert_eq!(by_item(code)["findings"]["CAT211"], 1, "{code}");
    }

    // The entry as written: refs, the waiver, the omission without a reason, codes quoted.
    let text =
        std::fs::read_to_string(root.path().join("catalog/regions/341504/002000112001.yaml"))
            .unwrap();
    assert!(
        text.contains("  - {ref: photo, waived_by: data_sharing}"),
        "{text}"
    );
    assert!(text.contains("  - {ref: id-card, omitted: true}"), "{text}");
    assert!(text.contains("phone: \"0564-12345672\""), "{text}");
    assert!(
        text.contains("task_code: \"11341504002090070R4002000112001\""),
        "{text}"
    );
    assert!(!text.contains("committed_limit"), "{text}");
    let business =
        std::fs::read_to_string(root.path().join("catalog/regions/341504/000131128000.yaml"))
            .unwrap();
    assert!(
        business.contains("# 未写入：第 6 行“房屋租赁合同（复印件）”"),
        "{business}"
    );
    assert!(
        business.contains("committed_limit: {days: 1, unit: working_day}"),
        "{business}"
    );

    // `check` reports every omission awaiting its reason, in the imported files, and nothing
    // worse than warnings.
    let output = catalogc()
        .args(["check", "--as-of", AS_OF, "--format", "json", "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let checked: Value = serde_json::from_slice(&output.stdout).unwrap();
    let omissions: Vec<&str> = checked["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CAT211")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        omissions,
        [
            "catalog/regions/341504/000131128000.yaml",
            "catalog/regions/341504/000700201002.yaml",
            "catalog/regions/341504/002000112001.yaml",
        ]
    );

    let out = built_into(root.path(), &[]);
    for code in ["002000112001", "000700201002", "000131128000"] {
        let guide = out
            .path()
            .join(format!("portal/regions/{REGION}/{code}.html"));
        let html = std::fs::read_to_string(&guide).unwrap_or_default();
        assert!(html.contains("叶集区"), "{}", guide.display());
    }
    let guide = std::fs::read_to_string(out.path().join("portal/regions/341504/000131128000.html"))
        .unwrap();
    assert!(guide.contains("0564-12345675"));
}

#[test]
fn nothing_is_overwritten_without_force_and_dry_run_writes_nothing() {
    let root = empty_catalog_with_region();
    let sheets = tempfile::tempdir().unwrap();
    let file = sheets.path().join("list.xlsx");
    write_fixture(&file, &fixture_rows());

    let before = snapshot(root.path());
    let (status, report, _) = import(root.path(), &file, &["--dry-run"]);
    assert_eq!(status, Some(0));
    assert_eq!(report["written"], false);
    assert_eq!(report["entries"].as_array().unwrap().len(), 3);
    assert_eq!(snapshot(root.path()), before, "--dry-run wrote");

    assert_eq!(import(root.path(), &file, &[]).0, Some(0));
    let path = root.path().join("catalog/regions/341504/000700201002.yaml");
    std::fs::write(&path, "# edited by hand\n").unwrap();
    let edited = snapshot(root.path());
    let (status, report, stderr) = import(root.path(), &file, &[]);
    assert_eq!(status, Some(1));
    assert_eq!(report["written"], false);
    assert!(stderr.contains("give --force to overwrite it"), "{stderr}");
    assert_eq!(snapshot(root.path()), edited, "overwritten without --force");

    let (status, report, _) = import(root.path(), &file, &["--force"]);
    assert_eq!(status, Some(0));
    assert_eq!(report["entries_written"], 3);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("ref: birth-medical-certificate")
    );
}

#[test]
fn one_bad_row_fails_the_import_and_leaves_the_catalog_byte_identical() {
    let root = empty_catalog_with_region();
    let sheets = tempfile::tempdir().unwrap();
    let file = sheets.path().join("list.xlsx");
    let mut rows = fixture_rows();
    rows[2][12] = ""; // 个体工商户登记注册 without a phone
    rows[1][12] = "0564-123"; // a phone the format does not accept: too short
    write_fixture(&file, &rows);
    let before = snapshot(root.path());
    let (status, report, stderr) = import(root.path(), &file, &[]);
    assert_eq!(status, Some(1), "{stderr}");
    assert_eq!(report["written"], false);
    assert!(
        stderr.contains("list.xlsx:6:13 (M6): the row has no 咨询电话"),
        "{stderr}"
    );
    assert!(
        stderr.contains("list.xlsx:5: ") && stderr.contains("CAT0"),
        "the invalid phone is reported with its row: {stderr}"
    );
    assert_eq!(snapshot(root.path()), before);
}

/// Matching levels, in a CSV (UTF-8 with a byte-order mark): exact, normalised (full-width forms
/// and spaces), fuzzy (reported with its score, not applied), unmatched.
#[test]
fn lines_match_exactly_then_normalised_and_fuzzy_ones_are_only_reported() {
    let root = empty_catalog_with_region();
    let sheets = tempfile::tempdir().unwrap();
    let file = sheets.path().join("list.csv");
    let csv = "\u{feff}事项名称,基本编码,实施主体,实施主体编码,申请材料,受理条件,咨询电话\n\
        出生登记,000700201002,六安市公安局叶集分局,11341504002090070R,\
        \"出生医学证明\n随父或者随母落户一方的 居民户口簿\n父母居民身份证\n父母的结婚证\n非婚生育情况说明\n亲子鉴定证明\n收养登记证\",\
        \"在中华人民共和国境内出生、尚未登记常住户口；随父或者随母在其常住户口所在地申报登记（ＡＢＣ）\",0564-12345672\n";
    std::fs::write(&file, csv).unwrap();
    let (status, report, stderr) = import(root.path(), &file, &[]);
    assert_eq!(status, Some(0), "{stderr}");
    let lines = report["entries"][0]["lines"].as_array().unwrap();
    let outcome = |text: &str| {
        lines
            .iter()
            .find(|l| l["text"] == text)
            .map(|l| l["outcome"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(outcome("出生医学证明"), "exact");
    assert_eq!(outcome("随父或者随母落户一方的 居民户口簿"), "normalised");
    assert_eq!(
        outcome("随父或者随母在其常住户口所在地申报登记（ＡＢＣ）"),
        "normalised",
        "a remark in brackets is not part of the name"
    );
    assert_eq!(outcome("父母居民身份证"), "fuzzy");
    assert_eq!(outcome("收养登记证"), "unmatched");
    assert_eq!(outcome("父母的居民身份证"), "omitted");
    let text =
        std::fs::read_to_string(root.path().join("catalog/regions/341504/000700201002.yaml"))
            .unwrap();
    assert!(text.contains("{ref: household-register}"), "{text}");
    assert!(
        text.contains("{ref: id-card, omitted: true}"),
        "fuzzy applied: {text}"
    );
    assert!(!text.contains("收养登记证}"), "{text}");
}

/// GBK is what Excel writes on Chinese Windows: accepted; a mapping file reads a province's own
/// headers, and without it the header is not found.
#[test]
fn gbk_csv_and_a_mapping_file_for_own_headers() {
    let root = empty_catalog_with_region();
    let sheets = tempfile::tempdir().unwrap();
    let file = sheets.path().join("list.csv");
    let text = "办理事项,事项代码,承办单位,单位代码,承诺期限,咨询电话\n\
        出生登记,000700201002,六安市公安局叶集分局,11341504002090070R,十个工作日,0564-12345672\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&file, &gbk).unwrap();
    let (status, _, stderr) = import(root.path(), &file, &[]);
    assert_eq!(status, Some(1));
    assert!(stderr.contains("no header row"), "{stderr}");

    let mapping = sheets.path().join("mapping.yaml");
    std::fs::write(
        &mapping,
        "columns:\n  办理事项: 事项名称\n  事项代码: 基本编码\n  承办单位: 实施主体\n  单位代码: 实施主体编码\n  承诺期限: 承诺办结时限\n",
    )
    .unwrap();
    let (status, report, stderr) = import(
        root.path(),
        &file,
        &["--mapping", mapping.to_str().unwrap()],
    );
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(report["entries_written"], 1);
    let text =
        std::fs::read_to_string(root.path().join("catalog/regions/341504/000700201002.yaml"))
            .unwrap();
    assert!(
        text.contains("committed_limit: {days: 10, unit: working_day}"),
        "{text}"
    );
    assert!(text.contains("name: 六安市公安局叶集分局"), "{text}");
}

/// Hostile spreadsheets: a clear error with the file (and the cell when there is one), exit 1,
/// no panic, nothing written.
#[test]
fn hostile_spreadsheets_get_a_clear_error() {
    let root = empty_catalog_with_region();
    let before = snapshot(root.path());
    let sheets = tempfile::tempdir().unwrap();
    let huge = format!(
        "事项名称,基本编码,实施主体,咨询电话\n出生登记,000700201002,{},0564-12345672\n",
        "叶".repeat(30_000)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "not-a-zip.xlsx",
            b"this is not a workbook".to_vec(),
            "not an XLSX workbook",
        ),
        (
            "broken.xlsx",
            b"PK\x03\x04 truncated".to_vec(),
            "not a readable XLSX workbook",
        ),
        ("empty.csv", Vec::new(), "the file is empty"),
        ("empty.xlsx", Vec::new(), "the file is empty"),
        ("no-header.csv", b"a,b,c\n1,2,3\n".to_vec(), "no header row"),
        (
            "huge.csv",
            huge.into_bytes(),
            "huge.csv:2:3: the cell has more than 20000 characters (cell C2)",
        ),
        (
            "binary.csv",
            vec![0xff, 0xfe, 0x00, 0x81, 0x00],
            "neither UTF-8 nor GBK",
        ),
        (
            "header-only.csv",
            "事项名称,基本编码,实施主体\n".as_bytes().to_vec(),
            "no rows under it",
        ),
        ("list.ods", b"x".to_vec(), "unknown spreadsheet type"),
    ];
    for (name, bytes, expected) in cases {
        let file = sheets.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (status, _, stderr) = import(root.path(), &file, &[]);
        assert_eq!(status, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    // A file that does not exist, and a region that does not.
    let (status, _, stderr) = import(root.path(), &sheets.path().join("missing.xlsx"), &[]);
    assert_eq!(status, Some(1));
    assert!(stderr.contains("cannot read the file"), "{stderr}");
    let output = catalogc()
        .args(["import", "x.csv", "--region", "341505", "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(snapshot(root.path()), before);
}

/// The effective entries of a region, as the resolve model has them, in the columns the layout
/// carries: the export's rows, and each list's lines with the properties the layout carries.
fn effective(root: &Path) -> (Vec<Vec<String>>, Vec<Value>) {
    let compiled = compile(root);
    let resolved = &compiled.resolved;
    let rows = catalogc::onboard::export::rows(resolved, REGION);
    let mut lines = Vec::new();
    for e in resolved.effective.iter().filter(|e| e.region == REGION) {
        for field in ["materials", "conditions", "fees"] {
            for line in e.lines(&resolved.catalog, field) {
                // A region's own line gets a new id (`imported-1`): the layout has no id column.
                let id = line.get("added").map_or(line.get("id"), |_| None);
                lines.push(serde_json::json!({
                    "item": e.item, "field": field, "id": id, "name": line.get("name"),
                    "text": line.get("text"), "form": line.get("form"), "copies": line.get("copies"),
                    "required": line.get("required"), "waived_by": line.get("waived_by"),
                    "amount": line.get("amount"), "medium": line.get("medium"),
                    "source": line.get("source"), "added": line.get("added"),
                }));
            }
        }
        let record = catalogc::resolve::view::effective(&resolved.catalog, e);
        lines.push(serde_json::json!({
            "item": e.item,
            "committed_limit": record.committed_limit().map(|l| (l.days(), l.unit())),
            "handling": record.handling(),
            "department": record.department().map(|d| (d.name(), d.credit_code())),
        }));
    }
    (rows, lines)
}

/// Export of the sample's 叶集区 (11 entries inheriting from 六安市 and 安徽省), import of that
/// export into a copy without the region's entries: the same effective entries, in XLSX and CSV.
#[test]
fn export_then_import_reproduces_the_effective_entries() {
    for extension in ["xlsx", "csv"] {
        let original = sample_copy();
        let (rows, lines) = effective(original.path());
        assert_eq!(rows.len(), 12, "the header and 11 entries");
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join(format!("341504.{extension}"));
        let output = catalogc()
            .args(["export", "--region", REGION, "--root"])
            .arg(original.path())
            .arg("--out")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));

        let copy = sample_copy();
        for entry in std::fs::read_dir(copy.path().join("catalog/regions/341504")).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() != "region.yaml" {
                std::fs::remove_file(path).unwrap();
            }
        }
        assert_ne!(effective(copy.path()).0, rows);
        let (status, report, stderr) = import(copy.path(), &file, &[]);
        assert_eq!(status, Some(0), "{stderr}");
        assert_eq!(report["entries_written"], 11);
        assert_eq!(report["counts"]["for_a_person"], 0, "{report:#}");
        let (again, again_lines) = effective(copy.path());
        assert_eq!(again, rows, "{extension}");
        assert_eq!(again_lines, lines, "{extension}");
    }
}

#[test]
fn export_writes_codes_as_text_cells_under_the_exchange_headers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("x.xlsx");
    let output = catalogc()
        .args([
            "export",
            "--region",
            REGION,
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.get((1, 1)), Some(&Data::String("基本编码".into())));
    let codes: Vec<&Data> = (2..range.height())
        .filter_map(|r| range.get((r, 1)))
        .collect();
    assert_eq!(codes.len(), 11);
    assert!(
        codes
            .iter()
            .all(|c| matches!(c, Data::String(s) if s.len() == 12))
    );
    let bad = catalogc()
        .args([
            "export",
            "--region",
            REGION,
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--out",
        ])
        .arg(out.path().join("x.ods"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
}

/// The conformance of every region, without positions and provenance (a value the region
/// restated equal to what it inherits is inherited after import: the same value, another file).
fn conformance(root: &Path) -> Value {
    fn strip(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, _)| !matches!(k.as_str(), "line" | "file" | "inherited"))
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(strip).collect()),
            other => other,
        }
    }
    strip(serde_json::to_value(&compile(root).conformance.regions).unwrap())
}

/// The review loop of the issue: export a region, edit in WPS, import over the existing entries
/// with `--force`. Unedited, it changes no region's conformance, for every region of the sample:
/// fields the layout has no column for (channels, FAQ, exceptions, notes), omission reasons and
/// the region's own additions (with their ids) are kept from the existing entries.
#[test]
fn export_then_import_with_force_over_every_region_keeps_the_conformance() {
    let root = sample_copy();
    let before = conformance(root.path());
    let omissions_without_reason = compile(root.path())
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT211")
        .count();
    assert!(omissions_without_reason > 0);
    let mut waiting = 0;
    let regions: Vec<String> = std::fs::read_dir(root.path().join("catalog/regions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let out = tempfile::tempdir().unwrap();
    let mut imported = 0;
    for region in regions {
        let entries = std::fs::read_dir(root.path().join("catalog/regions").join(&region))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(char::is_numeric)
            })
            .count();
        if entries == 0 {
            continue;
        }
        let file = out.path().join(format!("{region}.xlsx"));
        let output = catalogc()
            .args(["export", "--region", &region, "--root"])
            .arg(root.path())
            .arg("--out")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let output = catalogc()
            .arg("import")
            .arg(&file)
            .args([
                "--region",
                &region,
                "--force",
                "--reviewed",
                AS_OF,
                "--format",
                "json",
                "--root",
            ])
            .arg(root.path())
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["counts"]["fuzzy"], 0, "{region}: {report:#}");
        assert_eq!(report["counts"]["unmatched"], 0, "{region}: {report:#}");
        imported += report["entries_written"].as_u64().unwrap();
        waiting += report["counts"]["omitted"].as_u64().unwrap();
    }
    assert_eq!(imported, 61, "every entry of the sample");
    // The only lines left for a person are the sample's own omissions without a reason.
    assert_eq!(waiting, omissions_without_reason as u64);
    assert_eq!(conformance(root.path()), before);
}

/// A line stated per situation (办理情形) survives export and `import --force`: the sheet has no
/// situation column, so the import keeps the entry's per-situation lines as written — a line
/// omitted in one situation only, and a proof omitted in the one situation it applies in —
/// rather than restating them for every situation (which would change the verdict).
#[test]
fn import_over_an_entry_keeps_its_per_situation_lines() {
    let root = sample_copy();
    let chengdu = "catalog/regions/510100/002000112001.yaml";
    let text = std::fs::read_to_string(root.path().join(chengdu)).unwrap();
    let text = text
        .replace(
            "  - {ref: photo}\n",
            "  - {ref: photo, situations: [employment, housing]}\n  - {ref: photo, situations: [study], omitted: 学校统一采集相片}\n",
        )
        .replace(
            "  - {ref: study-proof, situations: [study]}\n",
            "  - {ref: study-proof, situations: [study], omitted: 学籍信息部门共享}\n",
        );
    std::fs::write(root.path().join(chengdu), text).unwrap();
    let before = conformance(root.path());
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("510100.xlsx");
    let output = catalogc()
        .args(["export", "--region", "510100", "--root"])
        .arg(root.path())
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let output = catalogc()
        .arg("import")
        .arg(&file)
        .args([
            "--region",
            "510100",
            "--force",
            "--reviewed",
            AS_OF,
            "--root",
        ])
        .arg(root.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(root.path().join(chengdu)).unwrap();
    for line in [
        "{ref: photo, situations: [employment, housing]}",
        "{omitted: 学校统一采集相片, ref: photo, situations: [study]}",
        "{omitted: 学籍信息部门共享, ref: study-proof, situations: [study]}",
    ] {
        assert!(written.contains(line), "{line}\n{written}");
    }
    assert_eq!(conformance(root.path()), before);
}
