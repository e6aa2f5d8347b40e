//! The workbook for people, `opendata/catalog.xlsx`: the open data's tables as the sheets of one
//! Excel workbook, made from the same rows as the CSV files ([`super::opendata::rows`]). The CSV
//! files stay as they are for machines; the workbook is what a regional office opens
//! (README, "Open data").
//!
//! Codes (基本编码, 行政区划代码, 统一社会信用代码, 实施编码, phone numbers) are string cells, so
//! no spreadsheet turns `000700180005` into 700180005; headers are the schema's Chinese titles,
//! enumerations their Chinese labels, booleans 是/否; numbers are number cells and dates date
//! cells. A table with more rows than a sheet holds is split into several sheets, whole regions
//! to a sheet. The document's creation time is the catalog's newest `reviewed` date, so two
//! builds of the same catalog give the same bytes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::Site;
use super::opendata::{
    Column, FORMAT3_TABLES, Rows, Show, TABLES, Table, format3_rows, national_rows, region_rows,
};
use crate::load::schema::FieldLabels;
use crate::resolve::labels;

/// The rows of a sheet in Excel, the header included.
pub const SHEET_ROWS: usize = 1_048_576;

/// The longest text of a cell in Excel, in UTF-16 code units.
const CELL_CHARS: usize = 32_767;

/// The national workbook, `opendata/catalog.xlsx`: the national items and the national lines of
/// materials and fees. Its creation time is the newest `reviewed` date of `reviewed`.
pub fn national(site: &Site<'_>, reviewed: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    workbook(
        site,
        |tables| national_rows(site, tables),
        None,
        |t| t.national,
        reviewed,
        SHEET_ROWS,
    )
}

/// One region's workbook, `opendata/regions/<region>/catalog.xlsx`: its entries, their lines and
/// their conformance.
pub fn region(site: &Site<'_>, code: &str, reviewed: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    workbook(
        site,
        |tables| region_rows(site, code, tables),
        Some(code),
        |t| t.regional,
        reviewed,
        SHEET_ROWS,
    )
}

/// A workbook of the tables `wanted` accepts, filled by `fill`, with at most `sheet_rows` rows
/// to a sheet.
fn workbook(
    site: &Site<'_>,
    fill: impl FnOnce(&mut [Buffer; 5]),
    // Whose rows of the format 3 tables: the national items' (none) or one region's.
    part: Option<&str>,
    wanted: impl Fn(&Table) -> bool,
    reviewed: Option<&str>,
    sheet_rows: usize,
) -> Result<Vec<u8>, XlsxError> {
    let mut tables: [Buffer; 5] = Default::default();
    fill(&mut tables);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(&site.title)
            .set_creation_datetime(&created(reviewed)),
    );
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
    };
    // The tables of format 3 (situations, service points, attachments, assistance) follow, in
    // the workbook that wants them (the national one: they are not split by region yet).
    let mut more: [Buffer; 4] = Default::default();
    if FORMAT3_TABLES.iter().any(|t| wanted(t)) {
        format3_rows(site, part, &mut more);
    }
    for (table, buffer) in TABLES
        .iter()
        .zip(&tables)
        .chain(FORMAT3_TABLES.iter().zip(&more))
        .filter(|(t, _)| wanted(t))
    {
        for (name, part) in sheets(table, &buffer.0, sheet_rows) {
            let sheet = book.add_worksheet();
            sheet.set_name(name)?;
            write(sheet, table, &part, site.labels, &formats)?;
        }
    }
    book.save_to_buffer()
}

/// One table's rows, kept until the table is complete (its sheets are known only then).
#[derive(Default)]
struct Buffer(Vec<Vec<String>>);

impl Rows for Buffer {
    fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        self.0
            .push(cells.iter().map(|c| c.as_ref().to_string()).collect());
    }
}

/// The workbook's creation time, which would otherwise be the clock's: the newest `reviewed`
/// date of the documents its rows come from (1980-01-01, the zip format's first day, when none
/// has one).
fn created(reviewed: Option<&str>) -> ExcelDateTime {
    reviewed
        .and_then(|date| ExcelDateTime::parse_from_str(date).ok())
        .or_else(|| ExcelDateTime::from_ymd(1980, 1, 1).ok())
        .unwrap_or_default()
}

/// A sheet's name and rows.
type Sheet<'r> = (String, Vec<&'r [String]>);

/// The sheets of a table: one, named as the table's sheet, when its rows and the header fit in
/// `sheet_rows`; otherwise numbered parts holding whole regions in the order of their codes
/// (`申请材料1（全国至440300）`), a region with more rows than a sheet holds being cut.
fn sheets<'r>(table: &Table, rows: &'r [Vec<String>], sheet_rows: usize) -> Vec<Sheet<'r>> {
    let room = sheet_rows.saturating_sub(1).max(1);
    if rows.len() <= room {
        return vec![(
            table.sheet.to_string(),
            rows.iter().map(Vec::as_slice).collect(),
        )];
    }
    let region = table.columns.iter().position(|c| c.name == "region");
    let mut regions: BTreeMap<&str, Vec<&[String]>> = BTreeMap::new();
    for row in rows {
        let code = region.and_then(|i| row.get(i)).map_or("", String::as_str);
        regions.entry(code).or_default().push(row);
    }
    let mut parts: Vec<(&str, &str, Vec<&[String]>)> = Vec::new();
    for (code, rows) in regions {
        for chunk in rows.chunks(room) {
            match parts.last_mut() {
                Some((_, last, part)) if part.len() + chunk.len() <= room => {
                    *last = code;
                    part.extend_from_slice(chunk);
                }
                _ => parts.push((code, code, chunk.to_vec())),
            }
        }
    }
    let name = |code: &str| if code.is_empty() { "全国" } else { code }.to_string();
    parts
        .into_iter()
        .enumerate()
        .map(|(n, (first, last, part))| {
            let span = if first == last {
                name(first)
            } else {
                format!("{}至{}", name(first), name(last))
            };
            (format!("{}{}（{span}）", table.sheet, n + 1), part)
        })
        .collect()
}

struct Formats {
    header: Format,
    date: Format,
}

/// A value as a person reads it in a cell.
enum Cell<'v> {
    Text(Cow<'v, str>),
    Number(f64),
    Date(ExcelDateTime),
}

fn cell<'v>(column: &Column, value: &'v str, fields: &'v FieldLabels) -> Cell<'v> {
    match column.kind {
        "integer" | "number" => match value.parse::<f64>() {
            Ok(n) if n.is_finite() => Cell::Number(n),
            _ => Cell::Text(Cow::Borrowed(value)),
        },
        "boolean" => Cell::Text(Cow::Borrowed(labels::yes_no(value == "true"))),
        "date" => ExcelDateTime::parse_from_str(value)
            .map_or(Cell::Text(Cow::Borrowed(value)), Cell::Date),
        _ => Cell::Text(match column.show {
            Show::Text => Cow::Borrowed(value),
            Show::Enum(label) => match value.contains(';') {
                false => Cow::Borrowed(label(value)),
                true => Cow::Owned(value.split(';').map(label).collect::<Vec<_>>().join("、")),
            },
            Show::Field => Cow::Borrowed(fields.field(value)),
            Show::Difference => Cow::Borrowed(match labels::difference(value) {
                same if same == value => fields.field(value),
                label => label,
            }),
        }),
    }
}

/// At most the characters a cell holds: a longer text is cut and ends with `…`.
fn fitted(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.len() <= CELL_CHARS || text.encode_utf16().count() <= CELL_CHARS {
        return text;
    }
    let mut units = 0;
    let mut cut: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units < CELL_CHARS
        })
        .collect();
    cut.push('…');
    Cow::Owned(cut)
}

/// The width of a text in a spreadsheet's column units: a Chinese character takes two.
fn width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// One sheet: a bold header of the columns' titles, frozen, with a filter; a column as wide as
/// its widest cell (within bounds).
fn write(
    sheet: &mut Worksheet,
    table: &Table,
    rows: &[&[String]],
    fields: &FieldLabels,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let mut widths = Vec::with_capacity(table.columns.len());
    for (col, column) in (0..).zip(table.columns) {
        let title = column.title(fields);
        sheet.write_string_with_format(0, col, title, &formats.header)?;
        widths.push(width(title) + 2);
    }
    for (row, cells) in (1..).zip(rows) {
        for ((col, column), value) in (0..).zip(table.columns).zip(cells.iter()) {
            if value.is_empty() {
                continue;
            }
            let shown = match cell(column, value, fields) {
                Cell::Number(n) => {
                    sheet.write_number(row, col, n)?;
                    value.len()
                }
                Cell::Date(date) => {
                    sheet.write_datetime_with_format(row, col, &date, &formats.date)?;
                    10
                }
                Cell::Text(text) => {
                    let text = fitted(text);
                    sheet.write_string(row, col, text.as_ref())?;
                    width(&text)
                }
            };
            let at = usize::from(col);
            widths[at] = widths[at].max(shown);
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, last_col)?;
    for (col, width) in (0..).zip(widths) {
        sheet.set_column_width(col, width.clamp(8, 60) as f64 + 1.0)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(regions: &[&str]) -> Vec<Vec<String>> {
        regions
            .iter()
            .enumerate()
            .map(|(i, r)| vec![r.to_string(), format!("{i:012}")])
            .collect()
    }

    fn names_and_sizes(sheets: &[Sheet<'_>]) -> Vec<(String, usize)> {
        sheets.iter().map(|(n, r)| (n.clone(), r.len())).collect()
    }

    const MATERIALS: &Table = TABLES[2];

    #[test]
    fn a_table_that_fits_is_one_sheet() {
        let rows = rows(&["", "440300", "130000"]);
        let sheets = sheets(MATERIALS, &rows, 4);
        assert_eq!(names_and_sizes(&sheets), [("申请材料".to_string(), 3)]);
        // Rows stay in the order they came.
        assert_eq!(sheets[0].1[2][0], "130000");
    }

    #[test]
    fn a_table_too_long_for_a_sheet_is_split_by_region_in_code_order() {
        // Five rows and a header do not fit in 4 rows: three rows a sheet, whole regions.
        let rows = rows(&["440300", "", "130000", "440300", "130000"]);
        let sheets = sheets(MATERIALS, &rows, 4);
        assert_eq!(
            names_and_sizes(&sheets),
            [
                ("申请材料1（全国至130000）".to_string(), 3),
                ("申请材料2（440300）".to_string(), 2),
            ]
        );
        let regions: Vec<&str> = sheets[0].1.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(regions, ["", "130000", "130000"]);
        // Every row is on exactly one sheet.
        let total: usize = sheets.iter().map(|s| s.1.len()).sum();
        assert_eq!(total, rows.len());
    }

    #[test]
    fn a_region_longer_than_a_sheet_is_cut_and_every_sheet_name_is_unique() {
        let rows = rows(&["440300"; 7]);
        let sheets = sheets(MATERIALS, &rows, 4);
        assert_eq!(
            names_and_sizes(&sheets),
            [
                ("申请材料1（440300）".to_string(), 3),
                ("申请材料2（440300）".to_string(), 3),
                ("申请材料3（440300）".to_string(), 1),
            ]
        );
        assert!(sheets.iter().all(|(name, _)| name.chars().count() <= 31));
    }

    #[test]
    fn a_workbook_with_short_sheets_has_every_row_once_under_a_header_on_every_sheet() {
        use calamine::{Data, Reader, Xlsx};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let options = crate::pipeline::Options {
            cache: false,
            ..Default::default()
        };
        let compiled = crate::pipeline::compile(root, &options).unwrap();
        let templates = crate::emit::templates::Templates::load(root, None).unwrap();
        let site = Site::new(&compiled, &templates, Vec::new());
        let read = |sheet_rows| {
            // Every table whole (the national rows and every region's), to see it split.
            let fill = |tables: &mut [Buffer; 5]| {
                national_rows(&site, tables);
                for region in site.units() {
                    region_rows(&site, region, tables);
                }
            };
            let bytes = workbook(&site, fill, None, |_| true, None, sheet_rows).unwrap();
            let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
            book.sheet_names()
                .into_iter()
                .map(|name| {
                    let range = book.worksheet_range(&name).unwrap();
                    (name, range.rows().map(<[Data]>::to_vec).collect::<Vec<_>>())
                })
                .collect::<Vec<_>>()
        };
        let whole = read(SHEET_ROWS);
        let split = read(40);
        assert_eq!(whole.len(), TABLES.len() + FORMAT3_TABLES.len());
        assert!(split.len() > 20, "{} sheets", split.len());
        for (name, rows) in &whole {
            let parts: Vec<_> = split
                .iter()
                .filter(|(n, _)| n.starts_with(name.as_str()))
                .collect();
            let mut together = Vec::new();
            for (part, part_rows) in &parts {
                assert!(part_rows.len() <= 40, "{part}: {} rows", part_rows.len());
                assert_eq!(part_rows[0], rows[0], "{part}: the header");
                together.extend_from_slice(&part_rows[1..]);
            }
            let key = |r: &Vec<Data>| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
            let mut expected: Vec<_> = rows[1..].iter().map(key).collect();
            let mut got: Vec<_> = together.iter().map(key).collect();
            expected.sort();
            got.sort();
            assert!(
                expected == got,
                "{name}: the rows of its sheets differ from the whole"
            );
        }
        let materials: Vec<&str> = split
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| n.starts_with("申请材料"))
            .collect();
        assert!(materials[0].starts_with("申请材料1（全国"), "{materials:?}");
    }

    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut() {
        let long = "材".repeat(CELL_CHARS + 5);
        let cut = fitted(Cow::Borrowed(&long));
        assert_eq!(cut.encode_utf16().count(), CELL_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(fitted(Cow::Borrowed("居住证")), "居住证");
    }
}
