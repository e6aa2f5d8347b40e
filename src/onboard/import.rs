//! `catalogc import`: a 实施清单 spreadsheet → one regional entry per row.
//!
//! Each row's materials, conditions and fees are matched to the lines the region inherits (its
//! parent region's list when the parent states one, else the national list) by name: exactly,
//! then after [`cells::normalise`] (full-width forms, spaces, remarks in brackets). Only those
//! become a `ref`. A line that is merely similar is a fuzzy candidate, reported with its score and
//! not applied. A condition or fee the standard does not have is written as an addition (a
//! deviation `check` reports); a material the standard does not have is not written, because an
//! addition needs its form, medium and source, which the spreadsheet does not give: it stays a
//! comment in the entry and a line of the report. An inherited line the row lacks is written as
//! `{ref: id, omitted: true}`, an omission whose reason is still to be given (CAT211), never with
//! an invented reason.
//!
//! A row whose 基本编码 is not a national item is reported and not written: a local item needs
//! its type, audience, legal basis, statutory limit and result, which a 实施清单 row does not
//! carry. A row that cannot make a valid entry (no 实施主体, no credit code, no phone, the same
//! item twice, an entry that exists without `--force`) fails the whole import.
//!
//! The new entries are compiled with the catalog in memory (the whole pipeline: schema, rules,
//! conformance) before anything is written, so the report gives each entry's verdict; then every
//! file is written into a folder beside `catalog/` and moved into place only when all are
//! written, and moved back if a move fails.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use super::cells;
use super::sheet::{self, Row, Table};
use super::{COLUMNS, Column};
use crate::author::flow::{flow, quoted, scalar};
use crate::diagnostic::Diagnostic;
use crate::load::{self, Kind};
use crate::pipeline::{self, Options as PipelineOptions, Standard};
use crate::resolve::catalog::Catalog;
use crate::resolve::{Line, Resolved, labels, view};

/// How alike a line must be to a standard line to be reported as a candidate.
pub const FUZZY_THRESHOLD: f64 = 0.5;

/// The list fields matched line by line, the key that names a line, and the report's label.
const LIST_FIELDS: [(&str, &str, Column); 3] = [
    ("conditions", "text", Column::Conditions),
    ("materials", "name", Column::Materials),
    ("fees", "name", Column::Fees),
];

/// What `catalogc import` was asked.
#[derive(Clone, Debug)]
pub struct Request {
    pub file: PathBuf,
    pub region: String,
    /// A province's own headers → national column names.
    pub mapping: BTreeMap<String, Column>,
    pub force: bool,
    pub dry_run: bool,
    /// The `reviewed` date written into every entry (YYYY-MM-DD).
    pub reviewed: String,
    pub as_of: Option<i64>,
}

/// How a line of a row was matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The same name as an inherited line: a `ref`.
    Exact,
    /// The same name after normalisation: a `ref`.
    Normalised,
    /// Only similar to an inherited line: not applied, for a person to confirm.
    Fuzzy,
    /// The same as a line the region's existing entry adds (`--force`): kept with its id.
    Own,
    /// Like no inherited line.
    Unmatched,
    /// An inherited line the row lacks: `omitted: true`, for a person to give the reason.
    Omitted,
    /// An inherited line the row lacks that the region's existing entry omits with a reason,
    /// which is kept (`--force` over an existing entry).
    OmittedWithReason,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Exact => "完全匹配",
            Outcome::Normalised => "规范化后匹配",
            Outcome::Fuzzy => "相似，待人工确认",
            Outcome::Own => "与原有的本地新增项相同，沿用",
            Outcome::Unmatched => "未匹配，待人工处理",
            Outcome::Omitted => "清单中没有，已写为省略，待补理由",
            Outcome::OmittedWithReason => "清单中没有，沿用原有的省略理由",
        }
    }
}

/// The standard line a row line was compared with.
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub score: f64,
}

/// One line of a list and what became of it.
#[derive(Clone, Debug, Serialize)]
pub struct LineReport {
    pub field: &'static str,
    /// The row's text (the standard's name for an omission).
    pub text: String,
    pub outcome: Outcome,
    /// The `ref` written (matched or omitted line), or the id of a written addition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_as: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidate: Option<Candidate>,
}

/// One row made into an entry.
#[derive(Clone, Debug, Serialize)]
pub struct EntryReport {
    pub row: usize,
    pub item: String,
    pub name: String,
    pub file: String,
    pub overwrites: bool,
    pub lines: Vec<LineReport>,
    /// Values of the row that are not in the entry: unreadable, or not carried by the format.
    pub not_imported: Vec<String>,
    /// The entry's conformance class after import (`diff`), and its label.
    pub verdict: String,
    pub verdict_label: String,
    /// What `check` reports on the new file, by code.
    pub findings: BTreeMap<String, usize>,
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub row: usize,
    pub code: String,
    pub reason: String,
}

/// What an import did (or, with `--dry-run` or after an error, would do).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub region: String,
    pub header_row: usize,
    pub rows_read: usize,
    pub entries_written: usize,
    pub written: bool,
    pub counts: Counts,
    pub entries: Vec<EntryReport>,
    pub skipped: Vec<Skipped>,
    /// Headers of the sheet catalogc does not read.
    pub columns_not_imported: Vec<String>,
    /// Problems that stop the import (nothing is written when there is one).
    pub errors: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub matched_exact: usize,
    pub matched_normalised: usize,
    /// Lines that are additions of the region's existing entry (`--force`), kept.
    pub matched_own: usize,
    pub fuzzy: usize,
    pub unmatched: usize,
    pub omitted: usize,
    /// Omissions whose reason the existing entry gives (kept; not for a person).
    pub omitted_with_reason: usize,
    /// Lines a person must look at: fuzzy + unmatched + omitted.
    pub for_a_person: usize,
}

/// Why the import could not run at all (exit status 2 in the CLI).
#[derive(Debug)]
pub enum ImportError {
    Schema(crate::load::schema::SchemaError),
    /// The region is not a folder of the catalog.
    UnknownRegion(String),
    Write(std::io::Error),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Schema(e) => write!(f, "{e}"),
            ImportError::UnknownRegion(r) => write!(f, "the catalog has no region `{r}`"),
            ImportError::Write(e) => write!(f, "cannot write the entries: {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// A planned file: its path under the root and its text.
struct Planned {
    rel: String,
    text: String,
}

/// Read the spreadsheet, build the entries, compile them with the catalog and, unless
/// `dry_run` or something is wrong, write them. The report says what happened; `written` is
/// false when nothing was written.
pub fn run(root: &Path, request: &Request) -> Result<Report, ImportError> {
    let options = PipelineOptions {
        as_of: request.as_of,
        cache: false,
        skip_rules: true,
        ..PipelineOptions::default()
    };
    let compiled = pipeline::compile(root, &options).map_err(ImportError::Schema)?;
    let resolved = &compiled.resolved;
    let catalog = &resolved.catalog;
    let Some(region) = catalog.regions.get(&request.region) else {
        return Err(ImportError::UnknownRegion(request.region.clone()));
    };
    let mut report = Report {
        file: request.file.display().to_string(),
        region: request.region.clone(),
        header_row: 0,
        rows_read: 0,
        entries_written: 0,
        written: false,
        counts: Counts::default(),
        entries: Vec::new(),
        skipped: Vec::new(),
        columns_not_imported: Vec::new(),
        errors: Vec::new(),
    };
    let table = match sheet::read(&request.file, &request.mapping) {
        Ok(table) => table,
        Err(error) => {
            report.errors.push(error.to_string());
            return Ok(report);
        }
    };
    report.header_row = table.header_row;
    report.rows_read = table.rows.len();
    report.columns_not_imported = table.ignored.iter().map(|(_, h)| h.clone()).collect();
    if table.rows.is_empty() {
        report.errors.push(format!(
            "{}: the sheet has a header (row {}) but no rows under it",
            report.file, table.header_row
        ));
        return Ok(report);
    }
    let level = region.value.level.as_str();
    let mut planned = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let bar = crate::progress::phase("导入实施清单的行", table.rows.len());
    for row in &table.rows {
        bar.inc(1);
        let at = |column: Column| -> String {
            let col = table.columns.get(&column).map_or(1, |c| c + 1);
            format!(
                "{}:{}:{} ({}{})",
                report.file,
                row.number,
                col,
                sheet::column_letters(col),
                row.number
            )
        };
        let code = cells::normalise(row.get(&table, Column::Code));
        if code.is_empty() {
            report
                .errors
                .push(format!("{}: the row has no 基本编码", at(Column::Code)));
            continue;
        }
        if let Some(first) = seen.insert(code.clone(), row.number) {
            report.errors.push(format!(
                "{}: 基本编码 {code} is already on row {first}: one entry per item",
                at(Column::Code)
            ));
            continue;
        }
        if !catalog.items.contains_key(&code) {
            report.skipped.push(Skipped {
                row: row.number,
                code: code.clone(),
                reason: if catalog.item_files.contains(&code) {
                    "全国事项文件有错误，先运行 catalogc check".to_string()
                } else {
                    "基本目录中没有此编码。地方事项需要事项类型、服务对象、设定依据、法定办结时限和审批结果，实施清单的行里没有这些，请在 local/ 下编写".to_string()
                },
            });
            continue;
        }
        match entry(catalog, resolved, request, &table, row, &code, level, &at) {
            Ok((entry, text)) => {
                if entry.overwrites && !request.force {
                    report.errors.push(format!(
                        "{}: {} exists; give --force to overwrite it",
                        at(Column::Code),
                        entry.file
                    ));
                }
                planned.push(Planned {
                    rel: entry.file.clone(),
                    text,
                });
                report.entries.push(entry);
            }
            Err(problems) => report.errors.extend(problems),
        }
    }
    // Compile the catalog with the new entries, in memory.
    let standard = Standard::load(root, None).map_err(ImportError::Schema)?;
    let mut loaded = load::load(root, standard.limits, standard.lang);
    for plan in &planned {
        let (document, diagnostics) = load::document_from_bytes(
            Kind::Entry,
            &plan.rel,
            plan.text.clone().into_bytes(),
            standard.limits,
            standard.lang,
        );
        loaded.documents.retain(|d| d.path() != plan.rel);
        loaded.diagnostics.retain(|d| d.file != plan.rel);
        loaded.diagnostics.extend(diagnostics);
        if let Some(document) = document {
            loaded.documents.push(document);
        }
        if !loaded.listed.iter().any(|(_, p)| *p == plan.rel) {
            loaded.listed.push((Kind::Entry, plan.rel.clone()));
        }
    }
    loaded.documents.sort_by(|a, b| a.path().cmp(b.path()));
    let compiled = pipeline::analyse(
        &standard,
        loaded,
        &PipelineOptions {
            as_of: request.as_of,
            ..PipelineOptions::default()
        },
    );
    for entry in &mut report.entries {
        let found: Vec<&Diagnostic> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.file == entry.file)
            .collect();
        for d in &found {
            *entry.findings.entry(d.code.to_string()).or_default() += 1;
            // A schema finding means a value of the row cannot stand in the format.
            if d.code.starts_with("CAT0") {
                report.errors.push(format!(
                    "{}:{}: the row would not make a valid entry: {}: {} (in {}:{}:{})",
                    report.file,
                    entry.row,
                    d.code,
                    d.message,
                    d.file,
                    d.span.start.line,
                    d.span.start.column
                ));
            }
        }
        if let Some(result) = compiled.conformance.entry(&request.region, &entry.item) {
            entry.verdict = result.class.as_str().to_string();
            entry.verdict_label = labels::class(result.class.as_str()).to_string();
        }
    }
    report.counts = count(&report.entries);
    if report.errors.is_empty() && !request.dry_run && !planned.is_empty() {
        write_atomically(root, &planned).map_err(ImportError::Write)?;
        report.written = true;
        report.entries_written = planned.len();
    }
    Ok(report)
}

fn count(entries: &[EntryReport]) -> Counts {
    let mut counts = Counts::default();
    for line in entries.iter().flat_map(|e| &e.lines) {
        match line.outcome {
            Outcome::Exact => counts.matched_exact += 1,
            Outcome::Normalised => counts.matched_normalised += 1,
            Outcome::Fuzzy => counts.fuzzy += 1,
            Outcome::Own => counts.matched_own += 1,
            Outcome::Unmatched => counts.unmatched += 1,
            Outcome::Omitted => counts.omitted += 1,
            Outcome::OmittedWithReason => counts.omitted_with_reason += 1,
        }
    }
    counts.for_a_person = counts.fuzzy + counts.unmatched + counts.omitted;
    counts
}

/// A standard line a row line may restate.
struct Standing {
    id: String,
    /// The national name (text for a condition).
    national: String,
    /// Other names the line goes by: as the parent region rewords it, as the region's existing
    /// entry rewords it. A match on one of these writes it as the line's name or text.
    alternates: Vec<String>,
    /// Whether the region inherits the line (a parent region may have omitted it).
    in_inherited: bool,
    /// The changes to the line the region has now (its existing entry's, else its parent's),
    /// carried into the restatement unless the row says otherwise.
    changes: serde_json::Map<String, Value>,
    /// The parent region's changes to the line: a restatement equal to these is no change.
    inherited_changes: serde_json::Map<String, Value>,
    /// The reason the region's existing entry gives for omitting the line, kept if the row
    /// still lacks it.
    reason: Option<String>,
    /// The existing entry's lines for this `ref` when it states them per situation (办理情形:
    /// a line with `situations`). The sheet has no situation column, so these are kept as they
    /// are written rather than flattened into one line for every situation.
    per_situation: Vec<Value>,
    national_line: Value,
}

/// A line's changes to the national line it restates, without `ref`.
fn changes_of(line: Option<&Line<'_>>) -> serde_json::Map<String, Value> {
    match line {
        Some(Line::Merged { changes, .. }) => {
            let mut c = (*changes).clone();
            c.remove("ref");
            c
        }
        _ => serde_json::Map::new(),
    }
}

/// The lines of `field` the region's entry for `code` restates against.
fn standing(
    resolved: &Resolved,
    catalog: &Catalog,
    region: &str,
    code: &str,
    field: &str,
    key: &str,
) -> Vec<Standing> {
    let Some(item) = catalog.items.get(code) else {
        return Vec::new();
    };
    let national_doc = &catalog.doc(item).json;
    let national = view::doc(national_doc).lines_named(field);
    let parent = catalog
        .ancestors(region)
        .into_iter()
        .find_map(|a| resolved.effective_of(a, code));
    let existing = resolved.effective_of(region, code);
    let inherited: Option<Vec<Line>> = parent.map(|p| p.lines(catalog, field));
    let current: Option<Vec<Line>> = existing.map(|e| e.lines(catalog, field));
    let own_list = existing
        .and_then(|e| catalog.documents[e.own()].json.get(field))
        .and_then(Value::as_array);
    let find = |lines: &Option<Vec<Line<'_>>>, id: &str| -> Option<Option<String>> {
        lines.as_ref().map(|lines| {
            lines
                .iter()
                .find(|l| l.get("added").is_none() && l.str("id") == id)
                .map(|l| l.str(key).to_string())
        })
    };
    national
        .iter()
        .map(|line| {
            let id = line.str("id").to_string();
            let name = line.str(key).to_string();
            let in_inherited = find(&inherited, &id).is_none_or(|found| found.is_some());
            let mut alternates = Vec::new();
            for found in [find(&inherited, &id), find(&current, &id)] {
                if let Some(Some(other)) = found
                    && other != name
                    && !alternates.contains(&other)
                {
                    alternates.push(other);
                }
            }
            let changes_in = |lines: &Option<Vec<Line<'_>>>| {
                changes_of(lines.as_ref().and_then(|lines| {
                    lines
                        .iter()
                        .find(|l| l.get("added").is_none() && l.str("id") == id)
                }))
            };
            let inherited_changes = changes_in(&inherited);
            let changes = if current.is_some() {
                changes_in(&current)
            } else {
                inherited_changes.clone()
            };
            let own_lines: Vec<&Value> = own_list
                .into_iter()
                .flatten()
                .filter(|l| l.get("ref").and_then(Value::as_str) == Some(id.as_str()))
                .collect();
            let reason = own_lines
                .iter()
                .find_map(|l| l.get("omitted"))
                .and_then(Value::as_str)
                .map(str::to_string);
            let per_situation = if own_lines.iter().any(|l| l.get("situations").is_some()) {
                own_lines.into_iter().cloned().collect()
            } else {
                Vec::new()
            };
            Standing {
                id,
                national: name,
                alternates,
                in_inherited,
                changes,
                inherited_changes,
                reason,
                per_situation,
                national_line: serde_json::to_value(line).unwrap_or(Value::Null),
            }
        })
        .collect()
}

/// The entry a row makes, and its YAML text.
#[allow(clippy::too_many_arguments)]
fn entry(
    catalog: &Catalog,
    resolved: &Resolved,
    request: &Request,
    table: &Table,
    row: &Row,
    code: &str,
    level: &str,
    at: &dyn Fn(Column) -> String,
) -> Result<(EntryReport, String), Vec<String>> {
    let region = request.region.as_str();
    let item = &catalog.items[code];
    let item_name = item.value.name.clone();
    let rel = format!("catalog/regions/{region}/{code}.yaml");
    let mut problems = Vec::new();
    let mut not_imported = Vec::new();
    let parent = catalog
        .ancestors(region)
        .into_iter()
        .find_map(|a| resolved.effective_of(a, code));
    // What the region inherits for a scalar field: the parent's effective value, else national.
    let inherited = |field: &str| -> Option<&Value> {
        match parent {
            Some(p) => p.get(catalog, field).map(|s| s.value),
            None => catalog.doc(item).json.get(field),
        }
    };

    let name_cell = row.get(table, Column::Name);
    if !name_cell.is_empty() && cells::normalise(name_cell) != cells::normalise(&item_name) {
        not_imported.push(format!(
            "事项名称“{name_cell}”与全国事项名称“{item_name}”不同（以全国名称为准）"
        ));
    }
    let task_code = cells::normalise(row.get(table, Column::TaskCode));
    let department = row.get(table, Column::Department).to_string();
    if department.is_empty() {
        problems.push(format!(
            "{}: the row has no 实施主体",
            at(Column::Department)
        ));
    }
    let mut credit_code = cells::normalise(row.get(table, Column::CreditCode));
    if credit_code.is_empty() && task_code.chars().count() == 31 {
        credit_code = task_code.chars().take(18).collect();
    }
    if credit_code.is_empty() {
        problems.push(format!(
            "{}: the row has no 统一社会信用代码 of its 实施主体 (实施主体编码, or a 31-character 实施编码 that begins with it)",
            at(Column::CreditCode)
        ));
    }
    let phone = first_phone(row.get(table, Column::Phone), &mut not_imported, "咨询电话");
    if phone.is_empty() {
        problems.push(format!("{}: the row has no 咨询电话", at(Column::Phone)));
    }
    let complaint = first_phone(
        row.get(table, Column::Complaint),
        &mut not_imported,
        "监督投诉电话",
    );
    if !problems.is_empty() {
        return Err(problems);
    }

    // The region's existing entry, overwritten with `--force`: what the row does not decide
    // (the fields the layout has no column for, a cell left empty or unreadable) is kept.
    let existing = resolved
        .effective_of(region, code)
        .map(|e| &*catalog.documents[e.own()].json);
    let kept = |field: &str| existing.and_then(|e| e.get(field));
    let mut decided: BTreeSet<&str> = ["level", "reviewed", "department", "contact"].into();
    // The editor schema's modeline first (README, editing in VS Code), as every file catalogc writes.
    let mut y = crate::author::editor::modeline(
        crate::load::Kind::Entry,
        &format!("catalog/regions/{region}/{code}.yaml"),
    );
    let _ = writeln!(
        y,
        "# 实施清单：{}（{region}）{item_name}。",
        catalog.regions[region].value.name
    );
    let _ = writeln!(
        y,
        "# 由 catalogc import 从 {} 第 {} 行导入；“待确认”“未匹配”和 omitted: true 的行需要编辑处理。",
        file_name(&request.file),
        row.number
    );
    if !task_code.is_empty() {
        decided.insert("task_code");
        let _ = writeln!(y, "task_code: {}", quoted(&task_code));
    }
    // The department's other keys (its nature) stay when it is the same department.
    let mut dept = serde_json::Map::new();
    if let Some(Value::Object(old)) = kept("department")
        && old.get("name").and_then(Value::as_str) == Some(department.as_str())
    {
        dept = old.clone();
    }
    dept.insert("name".into(), Value::from(department.as_str()));
    dept.insert("credit_code".into(), Value::from(credit_code.as_str()));
    let _ = writeln!(
        y,
        "department: {}",
        flow_with_codes(&dept, &["credit_code"])
    );
    let _ = writeln!(y, "level: {level}");

    // 承诺办结时限
    let limit_cell = row.get(table, Column::Limit);
    if !limit_cell.is_empty() {
        match cells::parse_limit(limit_cell) {
            Ok((days, unit)) => {
                let inherited_limit =
                    inherited("committed_limit").or_else(|| inherited("statutory_limit"));
                let inherited_unit = inherited_limit
                    .and_then(|l| l.get("unit"))
                    .and_then(Value::as_str);
                let unit = unit.or(inherited_unit).unwrap_or("working_day");
                let same_as = |l: &Value| {
                    l.get("days").and_then(Value::as_u64) == Some(days)
                        && l.get("unit").and_then(Value::as_str) == Some(unit)
                };
                decided.insert("committed_limit");
                if let Some(old) = kept("committed_limit").filter(|l| same_as(l)) {
                    // The same promise: keep its note.
                    let _ = writeln!(y, "committed_limit: {}", flow(old));
                } else if !inherited("committed_limit").is_some_and(same_as)
                    || kept("committed_limit").is_some()
                {
                    let _ = writeln!(y, "committed_limit: {{days: {days}, unit: {unit}}}");
                }
            }
            Err(message) => not_imported.push(format!(
                "承诺办结时限{message}（{}），沿用上级的时限",
                at(Column::Limit)
            )),
        }
    }
    // 办件类型
    let handling_cell = cells::normalise(row.get(table, Column::Handling));
    if !handling_cell.is_empty() {
        match ["immediate", "promised", "other"]
            .into_iter()
            .find(|h| labels::handling(h) == handling_cell)
        {
            Some(handling) => {
                decided.insert("handling");
                if inherited("handling").and_then(Value::as_str) != Some(handling)
                    || kept("handling").is_some()
                {
                    let _ = writeln!(y, "handling: {handling}");
                }
            }
            None => not_imported.push(format!(
                "办件类型“{handling_cell}”不是即办件、承诺件或其他（{}）",
                at(Column::Handling)
            )),
        }
    }

    let mut lines = Vec::new();
    for (field, key, column) in LIST_FIELDS {
        if !table.columns.contains_key(&column) {
            continue;
        }
        let cell = row.get(table, column);
        if cell.is_empty() {
            continue; // not filled in: the region inherits the list
        }
        decided.insert(field);
        let standing = standing(resolved, catalog, region, code, field, key);
        // The region's own additions in its existing entry, found again by name.
        let own: Vec<&serde_json::Map<String, Value>> = kept(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|l| l.get("ref").is_none())
            .filter_map(Value::as_object)
            .collect();
        let stated = kept(field).is_some();
        let (text, reports) = list(
            field,
            cell,
            &standing,
            &own,
            stated,
            row.number,
            &mut not_imported,
        );
        lines.extend(reports);
        y.push_str(&text);
    }

    // The layout's 办理地点 and 办理时间 are one service point (docs/format.md, service points).
    let address = row.get(table, Column::Address);
    let hours = row.get(table, Column::Hours);
    if !address.is_empty() {
        decided.insert("service_points");
        let mut point = serde_json::Map::new();
        point.insert("address".into(), Value::from(address));
        if !hours.is_empty() {
            point.insert("hours".into(), Value::from(hours));
        }
        let point = Value::Array(vec![Value::Object(point)]);
        if inherited("service_points") != Some(&point) || kept("service_points").is_some() {
            let _ = writeln!(y, "service_points:\n  - address: {}", scalar(address));
            if !hours.is_empty() {
                let _ = writeln!(y, "    hours: {}", scalar(hours));
            }
        }
    }
    let mut contact = match kept("contact") {
        Some(Value::Object(old)) => old.clone(),
        _ => serde_json::Map::new(),
    };
    contact.insert("phone".into(), Value::from(phone.as_str()));
    if complaint.is_empty() {
        if table.columns.contains_key(&Column::Complaint) {
            contact.remove("complaint");
        }
    } else {
        contact.insert("complaint".into(), Value::from(complaint.as_str()));
    }
    let _ = writeln!(
        y,
        "contact: {}",
        flow_with_codes(&contact, &["phone", "complaint"])
    );
    // What the existing entry states and the row does not decide, as it was (its comments and
    // layout are not kept); `illustrative` only for the values still stated here.
    if let Some(Value::Object(old)) = existing {
        let carried: Vec<(&String, &Value)> = old
            .iter()
            .filter(|(k, _)| !decided.contains(k.as_str()) && *k != "illustrative")
            .collect();
        let stated: BTreeSet<String> = y
            .lines()
            .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
            .filter(|k| !k.starts_with([' ', '#']))
            .chain(carried.iter().map(|(k, _)| k.to_string()))
            .collect();
        for (key, value) in carried {
            let _ = writeln!(y, "{key}: {}", flow(value));
        }
        if let Some(Value::Array(paths)) = old.get("illustrative") {
            let paths: Vec<&Value> = paths
                .iter()
                .filter(|p| {
                    p.as_str()
                        .and_then(|p| p.split('.').next())
                        .is_some_and(|top| stated.contains(top))
                })
                .collect();
            if !paths.is_empty() {
                let _ = writeln!(
                    y,
                    "illustrative: [{}]",
                    paths.iter().map(|p| flow(p)).collect::<Vec<_>>().join(", ")
                );
            }
        }
    }
    let _ = writeln!(y, "reviewed: {}", request.reviewed);

    let overwrites = catalog.root.join(&rel).exists();
    Ok((
        EntryReport {
            row: row.number,
            item: code.to_string(),
            name: item_name,
            file: rel,
            overwrites,
            lines,
            not_imported,
            verdict: String::new(),
            verdict_label: String::new(),
            findings: BTreeMap::new(),
        },
        y,
    ))
}

/// The first phone number of a cell (`咨询电话：0564-1234567；12345`), reporting the others.
fn first_phone(cell: &str, not_imported: &mut Vec<String>, label: &str) -> String {
    let normal = cells::normalise(cell);
    let normal = normal
        .trim_start_matches(label)
        .trim_start_matches(':')
        .to_string();
    let numbers: Vec<&str> = normal
        .split(['；', ';', '、', ',', '，', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if numbers.len() > 1 {
        not_imported.push(format!(
            "{label}：只导入第一个号码 {}，其余（{}）未导入",
            numbers[0],
            numbers[1..].join("、")
        ));
    }
    numbers.first().map_or(String::new(), |s| s.to_string())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The YAML of one list and what became of each line.
fn list(
    field: &'static str,
    cell: &str,
    standing: &[Standing],
    own: &[&serde_json::Map<String, Value>],
    // The region's existing entry states the list: it stays stated.
    stated: bool,
    row: usize,
    not_imported: &mut Vec<String>,
) -> (String, Vec<LineReport>) {
    let key = if field == "conditions" {
        "text"
    } else {
        "name"
    };
    let mut own_used: BTreeSet<usize> = BTreeSet::new();
    // `imported-N`, skipping the ids of the region's own lines.
    let next_id = |additions: &mut usize| loop {
        *additions += 1;
        let id = format!("imported-{additions}");
        if !own
            .iter()
            .any(|l| l.get("id").and_then(Value::as_str) == Some(id.as_str()))
        {
            return id;
        }
    };
    let mut reports = Vec::new();
    let mut written: Vec<String> = Vec::new();
    let mut comments: Vec<String> = Vec::new();
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let mut changed = stated;
    let mut additions = 0;
    for raw in cells::split_list(cell, field != "conditions") {
        let (name, notes, amount) = match field {
            "materials" => {
                let (name, notes) = cells::material(&raw);
                (name, notes, None)
            }
            "fees" => {
                let (name, amount) = cells::fee(&raw);
                (name, cells::Annotations::default(), amount)
            }
            _ => (raw.clone(), cells::Annotations::default(), None),
        };
        let names = |s: &Standing| -> Vec<String> {
            let mut v = vec![s.national.clone()];
            v.extend(s.alternates.iter().cloned());
            v
        };
        let free = |i: &usize| !used.contains(i);
        // Exact; then the same after normalisation; then the same without remarks in brackets,
        // when only one line is (`不动产登记费（住宅）` and `（非住宅）` are not the same line).
        let exact = (0..standing.len()).filter(free).find_map(|i| {
            names(&standing[i])
                .into_iter()
                .find(|n| n.trim() == name.trim())
                .map(|n| (i, n))
        });
        let normalised = exact.clone().or_else(|| {
            (0..standing.len()).filter(free).find_map(|i| {
                names(&standing[i])
                    .into_iter()
                    .find(|n| cells::normalise(n) == cells::normalise(&name))
                    .map(|n| (i, n))
            })
        });
        let loose = normalised.clone().or_else(|| {
            let key = cells::matching_key(&name);
            let found: Vec<(usize, String)> = (0..standing.len())
                .filter(free)
                .filter_map(|i| {
                    names(&standing[i])
                        .into_iter()
                        .find(|n| cells::matching_key(n) == key)
                        .map(|n| (i, n))
                })
                .collect();
            (found.len() == 1).then(|| found[0].clone())
        });
        if let Some((i, matched_name)) = loose {
            used.insert(i);
            let s = &standing[i];
            // The restatement: the region's current changes, then what the row says, minus what
            // equals the national line.
            let mut line = s.changes.clone();
            let key = if field == "conditions" {
                "text"
            } else {
                "name"
            };
            if matched_name == s.national {
                line.remove(key);
            } else {
                line.insert(key.into(), Value::from(matched_name));
            }
            notes.apply(&mut line, true);
            if let Some(amount) = amount {
                line.insert("amount".into(), number(amount));
            }
            line.retain(|k, v| s.national_line.get(k) != Some(v));
            if !s.per_situation.is_empty() {
                // Stated per situation: kept as written (the sheet cannot say per situation).
                changed = true;
                if line != s.changes {
                    comments.push(format!(
                        "# 第 {row} 行“{raw}”：本地按办理情形分别填写这一行，表格没有情形列，保留原有写法；如需修改，请直接编辑下面带 situations 的行"
                    ));
                }
                written.extend(s.per_situation.iter().map(flow));
            } else {
                if line != s.inherited_changes || !s.in_inherited {
                    changed = true;
                }
                let mut text = format!("{{ref: {}", s.id);
                for (k, v) in &line {
                    let _ = write!(text, ", {k}: {}", flow(v));
                }
                text.push('}');
                written.push(text);
            }
            reports.push(LineReport {
                field,
                text: raw.clone(),
                outcome: if exact.is_some() {
                    Outcome::Exact
                } else {
                    Outcome::Normalised
                },
                written_as: Some(s.id.clone()),
                candidate: None,
            });
            continue;
        }
        changed = true;
        // A line the region's existing entry adds itself: the same line, with what the row says.
        let own_match = (0..own.len()).filter(|i| !own_used.contains(i)).find(|&i| {
            own[i]
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|n| cells::normalise(n) == cells::normalise(&name))
        });
        if let Some(i) = own_match {
            own_used.insert(i);
            let mut line = own[i].clone();
            notes.apply(&mut line, false);
            if let Some(amount) = amount {
                line.insert("amount".into(), number(amount));
            }
            let id = line
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            written.push(flow(&Value::Object(line)));
            reports.push(LineReport {
                field,
                text: raw.clone(),
                outcome: Outcome::Own,
                written_as: Some(id),
                candidate: None,
            });
            continue;
        }
        let candidate = (0..standing.len())
            .filter(free)
            .map(|i| (i, cells::similarity(&name, &standing[i].national)))
            .filter(|(_, score)| *score >= FUZZY_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, score)| Candidate {
                id: standing[i].id.clone(),
                name: standing[i].national.clone(),
                score: (score * 100.0).round() / 100.0,
            });
        let outcome = if candidate.is_some() {
            Outcome::Fuzzy
        } else {
            Outcome::Unmatched
        };
        let hint = candidate.as_ref().map_or(String::new(), |c| {
            format!("，可能是 {}“{}”（相似度 {:.2}）", c.id, c.name, c.score)
        });
        let mut written_as = None;
        match field {
            // A condition or a fee can be added without inventing anything.
            "conditions" => {
                let id = next_id(&mut additions);
                written.push(format!("{{id: {id}, text: {}}}", scalar(&raw)));
                comments.push(format!("# 第 {row} 行“{raw}”写为新增条件 {id}{hint}"));
                written_as = Some(id);
            }
            "fees" if amount.is_some() => {
                let id = next_id(&mut additions);
                written.push(format!(
                    "{{id: {id}, name: {}, amount: {}}}",
                    scalar(&name),
                    flow(&number(amount.unwrap_or_default()))
                ));
                comments.push(format!("# 第 {row} 行“{raw}”写为新增收费 {id}{hint}"));
                written_as = Some(id);
            }
            // A material the sheet describes fully (form, copies, necessity, medium, source).
            "materials" if notes.complete() => {
                let id = next_id(&mut additions);
                let mut text = format!(
                    "{{id: {id}, name: {}, form: {}, copies: {}, medium: [{}], required: {}, source: {}",
                    scalar(&name),
                    notes.form.unwrap_or_default(),
                    notes.copies.unwrap_or_default(),
                    notes.medium.join(", "),
                    notes.required.unwrap_or_default(),
                    notes.source.unwrap_or_default()
                );
                if let Some(waived) = notes.waived_by {
                    let _ = write!(text, ", waived_by: {waived}");
                }
                text.push('}');
                written.push(text);
                comments.push(format!("# 第 {row} 行“{raw}”写为新增材料 {id}{hint}"));
                written_as = Some(id);
            }
            _ => {
                comments.push(format!(
                    "# 未写入：第 {row} 行“{raw}”{hint}；核对后写成 {{ref: …}}，或写成完整的新增项"
                ));
                if field == "fees" {
                    not_imported.push(format!("收费项目“{raw}”没有可读的金额（N元），未导入"));
                }
            }
        }
        reports.push(LineReport {
            field,
            text: raw,
            outcome,
            written_as,
            candidate,
        });
    }
    for (i, s) in standing.iter().enumerate() {
        if used.contains(&i) || !s.in_inherited {
            continue;
        }
        changed = true;
        // Omitted in the situations it applies in, each as the existing entry says: kept.
        let omitted_per_situation = !s.per_situation.is_empty()
            && s.per_situation.iter().all(|l| l.get("omitted").is_some());
        match &s.reason {
            _ if omitted_per_situation => written.extend(s.per_situation.iter().map(flow)),
            Some(reason) => written.push(format!("{{ref: {}, omitted: {}}}", s.id, scalar(reason))),
            None => written.push(format!(
                "{{ref: {}, omitted: true}}   # 清单中没有“{}”：写明省略理由，或改为 {{ref: {}}}",
                s.id, s.national, s.id
            )),
        }
        reports.push(LineReport {
            field,
            text: s.national.clone(),
            outcome: if s.reason.is_some() {
                Outcome::OmittedWithReason
            } else {
                Outcome::Omitted
            },
            written_as: Some(s.id.clone()),
            candidate: None,
        });
    }
    if !changed {
        // The row lists exactly what the region inherits: the entry inherits the list.
        return (String::new(), reports);
    }
    let mut text = String::new();
    if written.is_empty() {
        let _ = writeln!(text, "{field}: []");
    } else {
        let _ = writeln!(text, "{field}:");
    }
    for comment in &comments {
        let _ = writeln!(text, "  {comment}");
    }
    for line in &written {
        let _ = writeln!(text, "  - {line}");
    }
    (text, reports)
}

fn number(amount: f64) -> Value {
    if amount.fract() == 0.0 && (0.0..1e15).contains(&amount) {
        Value::from(amount as u64)
    } else {
        Value::from(amount)
    }
}

/// A mapping in YAML flow style with the values of `codes` quoted (codes and phone numbers).
fn flow_with_codes(map: &serde_json::Map<String, Value>, codes: &[&str]) -> String {
    format!(
        "{{{}}}",
        map.iter()
            .map(|(k, v)| match v.as_str() {
                Some(text) if codes.contains(&k.as_str()) => format!("{k}: {}", quoted(text)),
                _ => format!("{k}: {}", flow(v)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Write every planned file into a folder beside `catalog/`, then move each into place; if a
/// move fails, move back what was moved and restore what was replaced.
fn write_atomically(root: &Path, planned: &[Planned]) -> std::io::Result<()> {
    let staging = root.join(format!(".catalogc-import-{}", std::process::id()));
    let result = (|| {
        std::fs::create_dir_all(staging.join("new"))?;
        std::fs::create_dir_all(staging.join("old"))?;
        for (i, plan) in planned.iter().enumerate() {
            std::fs::write(staging.join("new").join(i.to_string()), &plan.text)?;
        }
        let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        for (i, plan) in planned.iter().enumerate() {
            let target = root.join(&plan.rel);
            let step = (|| {
                let backup = if target.exists() {
                    let backup = staging.join("old").join(i.to_string());
                    std::fs::rename(&target, &backup)?;
                    Some(backup)
                } else {
                    None
                };
                let moved = std::fs::rename(staging.join("new").join(i.to_string()), &target);
                if let Err(e) = moved {
                    if let Some(backup) = &backup {
                        let _ = std::fs::rename(backup, &target);
                    }
                    return Err(e);
                }
                Ok(backup)
            })();
            match step {
                Ok(backup) => done.push((target, backup)),
                Err(e) => {
                    for (target, backup) in done.into_iter().rev() {
                        let _ = std::fs::remove_file(&target);
                        if let Some(backup) = backup {
                            let _ = std::fs::rename(backup, &target);
                        }
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&staging);
    result
}

/// Read a mapping file: YAML `columns:` from a province's own header to a national column name
/// (`columns: {办理事项: 事项名称, 承诺期限（天）: 承诺办结时限}`).
pub fn read_mapping(path: &Path) -> Result<BTreeMap<String, Column>, String> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{file}: cannot read the mapping file: {e}"))?;
    let parsed = crate::load::yaml::parse(&text, crate::load::yaml::Limits::default());
    if let Some(problem) = parsed.problems.first() {
        return Err(format!("{file}: {problem:?}"));
    }
    let json = parsed.root.map(|r| r.to_json()).unwrap_or(Value::Null);
    let Some(columns) = json.get("columns").and_then(Value::as_object) else {
        return Err(format!(
            "{file}:1:1: the mapping file has no `columns:` mapping (own header: national column name)"
        ));
    };
    let mut mapping = BTreeMap::new();
    for (own, national) in columns {
        let national = national.as_str().unwrap_or_default();
        let Some(column) = COLUMNS
            .iter()
            .find(|(_, names)| names[0] == national)
            .map(|(c, _)| *c)
        else {
            return Err(format!(
                "{file}: `{own}` maps to `{national}`, which is not a column catalogc reads ({})",
                COLUMNS
                    .iter()
                    .map(|(c, _)| c.title())
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        };
        mapping.insert(cells::normalise(own), column);
    }
    Ok(mapping)
}

/// The report for people, in the CLI's style: one line per fact, Chinese labels.
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let c = &report.counts;
    let _ = writeln!(out, "导入 {} → 区划 {}", report.file, report.region);
    for error in &report.errors {
        let _ = writeln!(out, "error: {error}");
    }
    if report.rows_read > 0 {
        let _ = writeln!(out, "表头：第 {} 行", report.header_row);
    }
    for entry in &report.entries {
        let _ = writeln!(
            out,
            "\n第 {} 行 {} {} → {}{}",
            entry.row,
            entry.item,
            entry.name,
            entry.file,
            if entry.overwrites { "（覆盖）" } else { "" }
        );
        let _ = writeln!(
            out,
            "  一致性：{}（{}）{}",
            entry.verdict_label,
            entry.verdict,
            if entry.findings.is_empty() {
                String::new()
            } else {
                format!(
                    "；check：{}",
                    entry
                        .findings
                        .iter()
                        .map(|(code, n)| format!("{code}×{n}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }
        );
        for line in &entry.lines {
            let field = match line.field {
                "materials" => "申请材料",
                "conditions" => "受理条件",
                _ => "收费项目",
            };
            let target = match (&line.written_as, &line.candidate) {
                (_, Some(c)) => format!(" → 候选 {}“{}” 相似度 {:.2}", c.id, c.name, c.score),
                (Some(id), None) => format!(" → {id}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {field}“{}”：{}{target}",
                line.text,
                line.outcome.label()
            );
        }
        for note in &entry.not_imported {
            let _ = writeln!(out, "  未导入：{note}");
        }
    }
    for skipped in &report.skipped {
        let _ = writeln!(
            out,
            "\n第 {} 行 {}：未导入：{}",
            skipped.row, skipped.code, skipped.reason
        );
    }
    if !report.columns_not_imported.is_empty() {
        let _ = writeln!(
            out,
            "\n未读取的列（其中的值未导入）：{}",
            report.columns_not_imported.join("、")
        );
    }
    let _ = writeln!(
        out,
        "\n读取 {} 行，写入 {} 个实施清单{}；完全匹配 {} 行，规范化后匹配 {} 行，相似待确认 {} 行，未匹配 {} 行，省略待补理由 {} 行：共 {} 行需要人工处理",
        report.rows_read,
        report.entries_written,
        if report.written {
            String::new()
        } else if report.errors.is_empty() {
            "（试运行，未写入）".to_string()
        } else {
            "（有错误，目录未改动）".to_string()
        },
        c.matched_exact,
        c.matched_normalised,
        c.fuzzy,
        c.unmatched,
        c.omitted,
        c.for_a_person
    );
    out
}

/// `catalogc import`: run, print the report (text or JSON) and say whether it succeeded. A bad
/// spreadsheet or row is `Ok(false)` (exit status 1), after its report; `Err` is catalogc
/// unable to run.
pub fn command(
    root: &Path,
    mut request: Request,
    mapping: Option<&Path>,
    json: bool,
) -> Result<bool, String> {
    if let Some(mapping) = mapping {
        match read_mapping(mapping) {
            Ok(m) => request.mapping = m,
            Err(message) => {
                eprintln!("error: {message}");
                return Ok(false);
            }
        }
    }
    let report = run(root, &request).map_err(|e| e.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", render_text(&report));
    }
    for error in &report.errors {
        eprintln!("error: {error}");
    }
    Ok(report.errors.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A move that fails half-way (the second file's folder does not exist) puts back the file
    /// already moved and the one it replaced, and leaves no staging folder.
    #[test]
    fn a_failed_move_restores_what_was_moved_and_replaced() {
        let root = tempfile::tempdir().unwrap();
        let region = root.path().join("catalog/regions/341504");
        std::fs::create_dir_all(&region).unwrap();
        std::fs::write(region.join("a.yaml"), "old\n").unwrap();
        let planned = [
            Planned {
                rel: "catalog/regions/341504/a.yaml".into(),
                text: "new\n".into(),
            },
            Planned {
                rel: "catalog/regions/341504/b.yaml".into(),
                text: "new\n".into(),
            },
            Planned {
                rel: "catalog/regions/999999/c.yaml".into(),
                text: "new\n".into(),
            },
        ];
        assert!(write_atomically(root.path(), &planned).is_err());
        assert_eq!(
            std::fs::read_to_string(region.join("a.yaml")).unwrap(),
            "old\n"
        );
        assert!(!region.join("b.yaml").exists());
        let left: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["catalog"]);

        assert!(write_atomically(root.path(), &planned[..2]).is_ok());
        assert_eq!(
            std::fs::read_to_string(region.join("a.yaml")).unwrap(),
            "new\n"
        );
        assert_eq!(
            std::fs::read_to_string(region.join("b.yaml")).unwrap(),
            "new\n"
        );
    }

    #[test]
    fn scalars_stay_plain_only_when_yaml_reads_them_back_as_the_same_string() {
        assert_eq!(scalar("六安市公安局叶集分局"), "六安市公安局叶集分局");
        assert_eq!(scalar("周一至周五 9:00-12:00"), "周一至周五 9:00-12:00");
        for tricky in [
            "0564", "yes", "a: b", "- x", "x #y", "[a]", "", " a", "a,b", "@x",
        ] {
            assert!(scalar(tricky).starts_with('"'), "{tricky}");
        }
    }
}
