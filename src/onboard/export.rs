//! `catalogc export`: a region's effective entries (national ⊕ parent regions ⊕ its own) in the
//! spreadsheet layout `import` reads, for editors who review in Excel or WPS.
//!
//! One row per entry of the region, the columns of [`super::COLUMNS`] under their national
//! exchange names, below a merged title row. Lists are numbered lines in one cell, a material's
//! form, copies, necessity and waiver in a closing bracket (`1.居民身份证（原件，1份）`), as
//! `import` reads them back. In XLSX every code and phone number is a string cell (as in
//! `catalog.xlsx`); CSV is UTF-8 with a byte-order mark (Excel and WPS then read the Chinese),
//! with a cell that a spreadsheet would take for a formula prefixed with `'`.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use serde_json::Value;

use super::COLUMNS;
use super::Column;
use crate::resolve::{Effective, Line, Resolved, labels, view};

/// The rows of a region's export: the header, then one row per effective entry.
pub fn rows(resolved: &Resolved, region: &str) -> Vec<Vec<String>> {
    let catalog = &resolved.catalog;
    let mut rows = vec![
        COLUMNS
            .iter()
            .map(|(c, _)| c.title().to_string())
            .collect::<Vec<_>>(),
    ];
    for effective in resolved.effective.iter().filter(|e| e.region == region) {
        rows.push(
            COLUMNS
                .iter()
                .map(|(column, _)| cell(resolved, effective, *column))
                .collect(),
        );
    }
    let _ = catalog;
    rows
}

fn cell(resolved: &Resolved, effective: &Effective, column: Column) -> String {
    let catalog = &resolved.catalog;
    let record = view::effective(catalog, effective);
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    match column {
        Column::Name => record.name().to_string(),
        Column::Code => effective.item.clone(),
        Column::TaskCode => text(record.task_code()),
        Column::Department => record
            .department()
            .map_or(String::new(), |d| d.name().to_string()),
        Column::CreditCode => record
            .department()
            .map_or(String::new(), |d| d.credit_code().to_string()),
        Column::Limit => record
            .committed_limit()
            .and_then(labels::limit_days)
            .unwrap_or_default(),
        Column::Handling => record
            .handling()
            .map_or(String::new(), |h| labels::handling(h).to_string()),
        Column::Materials => numbered(effective.lines(catalog, "materials").iter().map(material)),
        Column::Conditions => numbered(
            effective
                .lines(catalog, "conditions")
                .iter()
                .map(|l| l.str("text").to_string()),
        ),
        Column::Fees => {
            let fees: Vec<String> = effective
                .lines(catalog, "fees")
                .iter()
                .map(|l| match l.get("amount") {
                    Some(amount) => format!("{}（{}元）", l.str("name"), amount),
                    None => l.str("name").to_string(),
                })
                .collect();
            if fees.is_empty() {
                "无".to_string()
            } else {
                numbered(fees.into_iter())
            }
        }
        Column::Address => points(record.service_points(), "address"),
        Column::Hours => points(record.service_points(), "hours"),
        Column::Phone => record
            .contact()
            .and_then(|c| c.phone())
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        Column::Complaint => record
            .contact()
            .and_then(|c| c.0.get("complaint"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    }
}

/// `居民身份证（原件，1份）`, `本人近期相片（原件，1份，数据共享免提交）`, `…（复印件，1份，非必要）`;
/// a region's addition: `房屋租赁合同（复印件，1份，必要，纸质，申请人自备）`.
fn material(line: &Line<'_>) -> String {
    let mut notes = Vec::new();
    if let Some(form) = line.get("form").and_then(Value::as_str) {
        notes.push(labels::form(form).to_string());
    }
    if let Some(copies) = line.get("copies").and_then(Value::as_u64) {
        notes.push(format!("{copies}份"));
    }
    // A region's own line (not in the standard) says everything an addition needs, so that
    // `import` can write it back: necessity, medium and source too.
    let added = line.get("added").is_some();
    match line.get("required").and_then(Value::as_bool) {
        Some(false) => notes.push("非必要".to_string()),
        Some(true) if added => notes.push("必要".to_string()),
        _ => {}
    }
    if added {
        for medium in line
            .get("medium")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            notes.push(labels::medium(medium.as_str().unwrap_or_default()).to_string());
        }
        if let Some(source) = line.get("source").and_then(Value::as_str) {
            notes.push(labels::source(source).to_string());
        }
    }
    if let Some(waived) = line.get("waived_by").and_then(Value::as_str) {
        notes.push(labels::waived_by(waived).to_string());
    }
    if notes.is_empty() {
        line.str("name").to_string()
    } else {
        format!("{}（{}）", line.str("name"), notes.join("，"))
    }
}

/// `1.甲\n2.乙`, numbered even when alone, so that a `；` or `、` inside a line is not read as a
/// separator; none is empty.
fn numbered(lines: impl Iterator<Item = String>) -> String {
    lines
        .enumerate()
        .map(|(i, l)| format!("{}.{l}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The export as an XLSX workbook: a merged title row, the header, the rows; every cell a string.
pub fn xlsx(
    rows: &[Vec<String>],
    title: &str,
    created: Option<&str>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = created
        .and_then(|d| ExcelDateTime::parse_from_str(d).ok())
        .or_else(|| ExcelDateTime::from_ymd(1980, 1, 1).ok())
        .unwrap_or_default();
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("实施清单")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let width = rows.first().map_or(1, Vec::len).max(1) as u16;
    sheet.merge_range(0, 0, 0, width - 1, title, &bold)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if r == 1 {
                sheet.write_string_with_format(r, c, value, &bold)?;
            } else if value.contains('\n') {
                sheet.write_string_with_format(r, c, value, &wrap)?;
            } else {
                sheet.write_string(r, c, value)?;
            }
        }
    }
    for c in 0..width {
        let widest = rows
            .iter()
            .filter_map(|row| row.get(c as usize))
            .flat_map(|v| v.lines())
            .map(|l| {
                l.chars()
                    .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(8);
        sheet.set_column_width(c, (widest.clamp(8, 60)) as f64)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    book.save_to_buffer()
}

/// The export as CSV: UTF-8 with a byte-order mark, formula-like cells prefixed with `'`.
pub fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{c}")
                } else {
                    c.clone()
                }
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    writer.into_inner().unwrap_or_default()
}

/// Write the export of `region` to `out` (`.xlsx` or `.csv`, by its extension), through a
/// temporary file beside it so a failed write leaves no half file.
pub fn write(resolved: &Resolved, region: &str, out: &Path) -> Result<usize, String> {
    let catalog = &resolved.catalog;
    let rows = rows(resolved, region);
    let name = catalog
        .regions
        .get(region)
        .map_or(region, |r| r.value.name.as_str());
    let newest = resolved
        .effective
        .iter()
        .filter(|e| e.region == region)
        .filter_map(|e| e.own_doc(catalog).json.get("reviewed")?.as_str())
        .max();
    let bytes = match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => xlsx(&rows, &format!("{name}（{region}）实施清单"), newest)
            .map_err(|e| format!("cannot write the workbook: {e}"))?,
        Some("csv") => csv(&rows),
        _ => {
            return Err(format!(
                "{}: give an .xlsx or a .csv file name",
                out.display()
            ));
        }
    };
    let temporary = out.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&temporary, &bytes)
        .and_then(|()| std::fs::rename(&temporary, out))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            format!("{}: cannot write: {e}", out.display())
        })?;
    Ok(rows.len() - 1)
}

/// `catalogc export`: compile the catalog, write the region's rows, say how many.
pub fn command(root: &Path, region: &str, out: &Path) -> Result<bool, String> {
    let options = crate::pipeline::Options {
        skip_rules: true,
        ..crate::pipeline::Options::default()
    };
    let compiled = crate::pipeline::compile(root, &options).map_err(|e| e.to_string())?;
    match write(&compiled.resolved, region, out) {
        Ok(rows) => {
            eprintln!(
                "exported {rows} entries of region {region} to {}",
                out.display()
            );
            Ok(true)
        }
        Err(message) => {
            eprintln!("error: {message}");
            Ok(false)
        }
    }
}

/// One property of every service point, joined with `；` (the layout has one column for it).
fn points(points: &[Value], property: &str) -> String {
    points
        .iter()
        .filter_map(|p| p.get(property).and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join("；")
}
