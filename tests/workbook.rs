//! The workbook for people, `opendata/catalog.xlsx` (issue 14 point 7), read back with calamine:
//! codes are string cells equal to the CSV's, headers and enumerations are Chinese, local items
//! have their rows, and two builds give the same bytes. `.ci/test` also opens it with openpyxl
//! and LibreOffice (`tests/workbook/check.py`).

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;

/// The columns holding codes, by their CSV names.
const CODES: [&str; 6] = [
    "code",
    "region",
    "item",
    "task_code",
    "credit_code",
    "phone",
];

/// The sample built once for the tests that only read the output.
fn sample() -> &'static Path {
    static OUT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    OUT.get_or_init(sample_built).path()
}

/// The workbooks: the national one, then each region's (`opendata/regions/<code>/`), in the
/// order of the CSV parts.
fn workbooks(out: &Path) -> Vec<std::path::PathBuf> {
    let mut regions: Vec<_> = std::fs::read_dir(out.join("opendata/regions"))
        .unwrap()
        .map(|e| e.unwrap().path().join("catalog.xlsx"))
        .collect();
    regions.sort();
    std::iter::once(out.join("opendata/catalog.xlsx"))
        .chain(regions)
        .collect()
}

/// Every sheet of every workbook: name → rows of cells (the header first); the sheets of the
/// same name in the national and the regions' workbooks as one, in the order of the workbooks.
fn sheets(out: &Path) -> BTreeMap<String, Vec<Vec<Data>>> {
    let mut all: BTreeMap<String, Vec<Vec<Data>>> = BTreeMap::new();
    for path in workbooks(out) {
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
            match all.get_mut(&name) {
                Some(sheet) => sheet.extend(rows.into_iter().skip(1)),
                None => {
                    all.insert(name, rows);
                }
            }
        }
    }
    all
}

/// A CSV table (every part the data package lists, in its order): its header and rows.
fn csv(out: &Path, table: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("opendata/datapackage.json")).unwrap(),
    )
    .unwrap();
    let resource = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == table)
        .unwrap();
    let parts: Vec<&str> = match &resource["path"] {
        serde_json::Value::Array(parts) => parts.iter().map(|p| p.as_str().unwrap()).collect(),
        path => vec![path.as_str().unwrap()],
    };
    let (mut header, mut rows) = (Vec::new(), Vec::new());
    for part in parts {
        let bytes = std::fs::read(out.join("opendata").join(part)).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap());
        header = reader.headers().unwrap().iter().map(String::from).collect();
        rows.extend(
            reader
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect::<Vec<String>>()),
        );
    }
    (header, rows)
}

/// The sheet of each table, and each CSV column's title from the data package.
fn titles(out: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("opendata/datapackage.json")).unwrap(),
    )
    .unwrap();
    package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let fields = r["schema"]["fields"].as_array().unwrap();
            let columns = fields
                .iter()
                .map(|f| {
                    let text = |k: &str| f[k].as_str().unwrap().to_string();
                    (text("name"), text("title"))
                })
                .collect();
            (r["name"].as_str().unwrap().to_string(), columns)
        })
        .collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The column of the sheet whose header is `title`.
fn column<'s>(rows: &'s [Vec<Data>], title: &str) -> impl Iterator<Item = &'s Data> {
    let at = rows[0]
        .iter()
        .position(|h| h == &Data::String(title.to_string()))
        .unwrap_or_else(|| panic!("no column {title} in {:?}", rows[0]));
    rows[1..].iter().map(move |r| &r[at])
}

#[test]
fn every_code_is_a_string_cell_equal_to_the_csv_and_every_header_is_the_packages_title() {
    let out = sample();
    let sheets = sheets(out);
    let titles = titles(out);
    assert_eq!(
        sheets.keys().collect::<Vec<_>>(),
        [
            "一致性",
            "办理地点",
            "办理情形",
            "基本目录",
            "实施清单",
            "帮办服务",
            "收费项目",
            "申请材料",
            "表格与样本"
        ]
    );
    let mut codes_seen = 0;
    for (table, sheet) in [
        ("items", "基本目录"),
        ("entries", "实施清单"),
        ("materials", "申请材料"),
        ("fees", "收费项目"),
        ("conformance", "一致性"),
        ("situations", "办理情形"),
        ("service_points", "办理地点"),
        ("attachments", "表格与样本"),
        ("assistance", "帮办服务"),
    ] {
        let rows = &sheets[sheet];
        let (header, csv_rows) = csv(out, table);
        let columns = &titles[table];
        // The header row is the data package's titles, in the CSV's order: Chinese, one each.
        let names: Vec<&String> = columns.iter().map(|(n, _)| n).collect();
        assert_eq!(names, header.iter().collect::<Vec<_>>(), "{table}");
        let heads: Vec<String> = rows[0].iter().map(text).collect();
        let package: Vec<&String> = columns.iter().map(|(_, t)| t).collect();
        assert_eq!(heads.iter().collect::<Vec<_>>(), package, "{table}");
        assert!(heads.iter().all(|h| !h.is_ascii()), "{table}: {heads:?}");
        assert_eq!(rows.len() - 1, csv_rows.len(), "{table}");
        for (i, (name, title)) in columns.iter().enumerate() {
            if !CODES.contains(&name.as_str()) {
                continue;
            }
            for (cell, csv_row) in column(rows, title).zip(&csv_rows) {
                match cell {
                    Data::String(s) => {
                        assert_eq!(s, &csv_row[i], "{table}.{name}");
                        codes_seen += 1;
                    }
                    Data::Empty => assert_eq!(csv_row[i], "", "{table}.{name}"),
                    other => panic!("{table}.{name}: {other:?} is not a string cell"),
                }
            }
        }
    }
    assert!(codes_seen > 1000, "{codes_seen} code cells");
    // The codes of the issue, leading zeros and all eighteen digits.
    let items = &sheets["基本目录"];
    assert!(column(items, "基本编码").any(|c| c == &Data::String("000700180005".into())));
    let entries = &sheets["实施清单"];
    assert!(
        column(entries, "统一社会信用代码")
            .any(|c| c == &Data::String("113415000022306354".into()))
    );
}

#[test]
fn enumerations_and_booleans_read_in_chinese_numbers_and_dates_are_typed() {
    let sheets = sheets(sample());
    let entries = &sheets["实施清单"];
    let handling: Vec<&Data> = column(entries, "办件类型").collect();
    assert!(handling.iter().all(|c| {
        matches!(c, Data::String(s) if ["即办件", "承诺件", "其他"].contains(&s.as_str()))
    }));
    assert!(
        column(entries, "时限单位")
            .all(|c| { matches!(c, Data::String(s) if s == "工作日" || s == "自然日") })
    );
    assert!(column(entries, "一致性").any(|c| c == &Data::String("一致".into())));
    assert!(column(entries, "承诺办结时限").all(|c| matches!(c, Data::Float(_))));
    assert!(column(entries, "最近核验日期").all(|c| matches!(c, Data::DateTime(_))));
    let materials = &sheets["申请材料"];
    assert!(column(materials, "来源渠道").any(|c| c == &Data::String("政府部门核发".into())));
    assert!(column(materials, "材料形式").any(|c| c == &Data::String("原件".into())));
    assert!(column(materials, "材料介质").any(|c| c == &Data::String("纸质、电子".into())));
    assert!(
        column(materials, "是否必要")
            .all(|c| { matches!(c, Data::String(s) if s == "是" || s == "否") })
    );
    let items = &sheets["基本目录"];
    assert!(column(items, "事项类型").any(|c| c == &Data::String("行政许可".into())));
    assert!(column(items, "事项状态").all(|c| c == &Data::String("在用".into())));
    let conformance = &sheets["一致性"];
    // Fields by their schema titles, kinds of difference in words.
    assert!(column(conformance, "字段").any(|c| c == &Data::String("申请材料".into())));
    assert!(column(conformance, "差异类型").any(|c| c == &Data::String("免提交".into())));
    // No English value of an enumeration is left in any of these columns.
    for (rows, title) in [
        (entries, "行使层级"),
        (entries, "一致性"),
        (materials, "材料形式"),
        (conformance, "字段"),
        (conformance, "一致性"),
        (conformance, "差异类型"),
    ] {
        for cell in column(rows, title) {
            assert!(
                !text(cell).is_ascii() || text(cell).is_empty(),
                "{title}: {cell:?}"
            );
        }
    }
}

#[test]
fn a_local_item_has_its_entry_material_and_fee_rows_in_the_csv_and_the_workbook() {
    let out = sample();
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let locals = &compiled.resolved.catalog.local_items;
    assert!(!locals.is_empty());
    let (_, entries) = csv(out, "entries");
    let (_, materials) = csv(out, "materials");
    let sheets = sheets(out);
    for (region, code) in locals.keys() {
        let row = entries
            .iter()
            .find(|r| &r[0] == region && &r[2] == code)
            .unwrap_or_else(|| panic!("no entries row for {region}/{code}"));
        assert_eq!(row.last().unwrap(), "extra");
        assert!(
            !row[4].is_empty() && !row[5].is_empty(),
            "department: {row:?}"
        );
        let own: Vec<_> = materials
            .iter()
            .filter(|r| &r[0] == region && &r[1] == code)
            .collect();
        assert!(!own.is_empty(), "no materials rows for {region}/{code}");
        let in_sheet = sheets["申请材料"]
            .iter()
            .filter(|r| text(&r[0]) == *region && text(&r[1]) == *code)
            .count();
        assert_eq!(in_sheet, own.len());
    }
    // 张店区's 重度残疾人上门评残办证服务, as an office reads it.
    let row = sheets["实施清单"]
        .iter()
        .find(|r| text(&r[2]) == "372082001001")
        .unwrap();
    let cells: Vec<String> = row.iter().map(text).collect();
    assert_eq!(cells[..3], ["370303", "张店区", "372082001001"]);
    assert_eq!(cells[5], "13370303009798610X");
    assert_eq!(cells[12], "15725750400");
    assert_eq!(cells.last().unwrap(), "地方事项");
    let (_, fees) = csv(out, "fees");
    assert!(
        fees.iter().all(|r| r[1] != "372082001001"),
        "its `fees: []`"
    );
}

#[test]
fn two_builds_give_the_same_workbook_created_on_the_newest_review_date() {
    let other = sample_built();
    let (a, b) = (sample(), other.path());
    let bytes = |out: &Path| std::fs::read(out.join("opendata/catalog.xlsx")).unwrap();
    assert!(bytes(a) == bytes(b), "the two workbooks differ");
    // The national workbook is as new as the newest national document (a region's is as new as
    // its documents, its ancestors' and the national ones).
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let newest = compiled
        .resolved
        .catalog
        .documents
        .iter()
        .filter(|d| !d.source.path.starts_with("catalog/regions/"))
        .filter_map(|d| d.json.get("reviewed")?.as_str())
        .max()
        .unwrap()
        .to_string();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes(a))).unwrap();
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut core)
        .unwrap();
    assert!(
        core.contains(&format!(">{newest}T00:00:00Z</dcterms:created>")),
        "{core}"
    );
}
