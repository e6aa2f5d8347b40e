//! A spreadsheet read into rows under recognised columns: XLSX (the first sheet, via calamine)
//! or CSV (UTF-8, with or without a byte-order mark, or GBK/GB18030 as Excel writes on Chinese
//! Windows).
//!
//! The header is found, not assumed: the first of the first 10 rows that names at least three
//! columns catalogc knows. Exports put a merged title row above it, and a header cell merged over
//! two rows keeps its text in the upper row only, so an empty header cell takes the text of the
//! cell above it. A problem is a [`SheetError`] with the file, row and column, never a panic.

use std::collections::BTreeMap;
use std::path::Path;

use super::Column;

/// The most a spreadsheet file may be (bytes), and a cell (characters).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_CELL_CHARS: usize = 20_000;
const MAX_ROWS: usize = 200_000;
/// How many rows from the top may hold the header.
const HEADER_SEARCH: usize = 10;

/// A spreadsheet's data rows under the columns catalogc recognised.
#[derive(Debug)]
pub struct Table {
    /// The recognised columns and their 0-based index.
    pub columns: BTreeMap<Column, usize>,
    /// Headers catalogc does not read (reported as not imported), with their 0-based index.
    pub ignored: Vec<(usize, String)>,
    /// The 1-based row number of the header.
    pub header_row: usize,
    pub rows: Vec<Row>,
}

/// One data row: its 1-based number in the sheet and its cells as text.
#[derive(Debug)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn get(&self, table: &Table, column: Column) -> &str {
        table
            .columns
            .get(&column)
            .and_then(|&i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }
}

/// Why a spreadsheet cannot be read, and where.
#[derive(Debug)]
pub struct SheetError {
    pub file: String,
    /// 1-based row and column, when the problem has a place.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((row, column)) => write!(
                f,
                "{}:{row}:{column}: {} (cell {}{row})",
                self.file,
                self.message,
                column_letters(column)
            ),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// `1` → `A`, `28` → `AB`.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Read `path` (`.xlsx` or `.csv`, by its extension) with `mapping` (a province's own header →
/// a national column name) applied before recognition.
pub fn read(path: &Path, mapping: &BTreeMap<String, Column>) -> Result<Table, SheetError> {
    let file = path.display().to_string();
    let error = |at, message: String| SheetError {
        file: file.clone(),
        at,
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| error(None, format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(error(
            None,
            format!("the file is {size} bytes, more than the limit of {MAX_FILE_BYTES}"),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| error(None, format!("cannot read the file: {e}")))?;
    if bytes.is_empty() {
        return Err(error(None, "the file is empty".to_string()));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let grid = match extension.as_deref() {
        Some("xlsx") => xlsx_grid(&bytes).map_err(|m| error(None, m))?,
        Some("csv") => csv_grid(&bytes).map_err(|(at, m)| error(at, m))?,
        _ => {
            return Err(error(
                None,
                "unknown spreadsheet type: give an .xlsx or a .csv file (an .xls or .et file can be saved as .xlsx from Excel or WPS)".to_string(),
            ));
        }
    };
    table(grid, mapping).map_err(|(at, m)| error(at, m))
}

fn xlsx_grid(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    use calamine::{Data, Reader, Xlsx};
    if !bytes.starts_with(b"PK") {
        return Err("the file is not an XLSX workbook (not a zip archive)".to_string());
    }
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("the file is not a readable XLSX workbook: {e}"))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or("the workbook has no sheet")?
        .map_err(|e| format!("the first sheet cannot be read: {e}"))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = vec![Vec::new(); top as usize];
    for row in range.rows() {
        if grid.len() > MAX_ROWS {
            return Err(format!("the sheet has more than {MAX_ROWS} rows"));
        }
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(|cell| match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            // A code typed as a number has lost its leading zeros: the text is all there is.
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            other => other.to_string(),
        }));
        grid.push(cells);
    }
    Ok(grid)
}

type Located = (Option<(usize, usize)>, String);

fn csv_grid(bytes: &[u8]) -> Result<Vec<Vec<String>>, Located> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            // Excel on Chinese Windows saves CSV in the ANSI code page, GBK; GB18030 is its
            // superset. Only a decoding without a single replacement is accepted.
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                return Err((
                    None,
                    "the file is neither UTF-8 nor GBK text: save it as \"CSV UTF-8\"".to_string(),
                ));
            }
            text.into_owned()
        }
    };
    if text.contains('\0') {
        return Err((None, "the file is binary, not CSV text".to_string()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let at = e.position().map(|p| (p.line() as usize, 1));
            (at, format!("the CSV cannot be read: {e}"))
        })?;
        if grid.len() > MAX_ROWS {
            return Err((None, format!("the file has more than {MAX_ROWS} rows")));
        }
        // `export` (like the open data) prefixes a cell a spreadsheet would take for a formula.
        grid.push(
            record
                .iter()
                .map(|c| match c.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                    _ => c,
                })
                .map(str::to_string)
                .collect(),
        );
    }
    Ok(grid)
}

fn table(grid: Vec<Vec<String>>, mapping: &BTreeMap<String, Column>) -> Result<Table, Located> {
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.chars().count() > MAX_CELL_CHARS {
                return Err((
                    Some((r + 1, c + 1)),
                    format!("the cell has more than {MAX_CELL_CHARS} characters"),
                ));
            }
        }
    }
    let recognise = |text: &str| -> Option<Column> {
        let key = super::cells::normalise(text);
        mapping
            .get(&key)
            .copied()
            .or_else(|| Column::recognise(text))
    };
    let header_of = |r: usize, c: usize| -> String {
        let own = grid[r].get(c).map_or("", |s| s.trim());
        if own.is_empty() && r > 0 {
            grid[r - 1].get(c).map_or("", |s| s.trim()).to_string()
        } else {
            own.to_string()
        }
    };
    let header_row = (0..grid.len().min(HEADER_SEARCH))
        .map(|r| {
            let width = grid[r].len();
            let found = (0..width)
                .filter(|&c| recognise(&header_of(r, c)).is_some())
                .count();
            (r, found)
        })
        .filter(|(_, found)| *found >= 3)
        .max_by_key(|(r, found)| (*found, std::cmp::Reverse(*r)))
        .map(|(r, _)| r)
        .ok_or_else(|| {
            (
                None,
                format!(
                    "no header row: none of the first {HEADER_SEARCH} rows names three of the columns catalogc reads ({}); give a mapping file (--mapping) for the province's own headers",
                    super::COLUMNS
                        .iter()
                        .map(|(c, _)| c.title())
                        .collect::<Vec<_>>()
                        .join("、")
                ),
            )
        })?;
    let mut columns = BTreeMap::new();
    let mut ignored = Vec::new();
    for c in 0..grid[header_row].len() {
        let header = header_of(header_row, c);
        match recognise(&header) {
            Some(column) => {
                if let Some(first) = columns.insert(column, c) {
                    return Err((
                        Some((header_row + 1, c + 1)),
                        format!(
                            "two columns are {}: {} and {}",
                            column.title(),
                            column_letters(first + 1),
                            column_letters(c + 1)
                        ),
                    ));
                }
            }
            None if !header.is_empty() => ignored.push((c, header)),
            None => {}
        }
    }
    for needed in [Column::Code] {
        if !columns.contains_key(&needed) {
            return Err((
                Some((header_row + 1, 1)),
                format!("the header has no {} column", needed.title()),
            ));
        }
    }
    let rows = grid
        .into_iter()
        .enumerate()
        .skip(header_row + 1)
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(r, cells)| Row {
            number: r + 1,
            cells,
        })
        .collect();
    Ok(Table {
        columns,
        ignored,
        header_row: header_row + 1,
        rows,
    })
}
