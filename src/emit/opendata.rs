//! Open data: CSV tables described by a Frictionless Data Package, and the resolved catalog as
//! JSON. CSV files start with a UTF-8 byte-order mark (so spreadsheet programs show Chinese) and
//! no cell can start a formula. The same rows, from [`rows`], make the workbook for people
//! (`workbook.rs`).

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

mod format3;

use super::Site;
use super::json::{J, Line, Obj, Seq, pretty};
use crate::diff::{Class, describe};
use crate::load::schema::FieldLabels;
use crate::resolve::view::{self, Contact, Department, Limit, ListField};
use crate::resolve::{Effective, labels};
pub(super) use format3::{TABLES as FORMAT3_TABLES, rows_of as format3_rows};

/// One table, written as a CSV file and as a sheet of the workbook: its name, its title, its
/// columns and its primary key.
pub(super) struct Table {
    pub name: &'static str,
    pub title: &'static str,
    /// The workbook's sheet name (Excel allows 31 characters).
    pub sheet: &'static str,
    pub columns: &'static [Column],
    key: &'static [&'static str],
    /// Whether the table has national rows (`opendata/<name>.csv`); each region's rows are in
    /// `opendata/regions/<region>/<name>.csv` unless the table is national only (`items`).
    pub national: bool,
    pub regional: bool,
}

/// How a person reads the values of a column (the CSV keeps the values as written).
#[derive(Clone, Copy)]
pub(super) enum Show {
    /// As written: codes, names, free text.
    Text,
    /// Enumeration values (several joined with `;`), each by its Chinese label.
    Enum(fn(&str) -> &str),
    /// Field names, by their schema titles.
    Field,
    /// Kinds of difference: a label of `labels::difference`, else a property's schema title.
    Difference,
}

/// One column: its name and Frictionless type, its title, and how a person reads it.
pub(super) struct Column {
    pub name: &'static str,
    /// `string`, `integer`, `number`, `boolean` or `date`.
    pub kind: &'static str,
    /// The title when the schema names none.
    title: &'static str,
    /// The schema property whose `title` names the column: (schema file or `$defs` entry,
    /// property), so that renaming a field in the schema renames the column too.
    property: Option<(&'static str, &'static str)>,
    pub show: Show,
}

const fn column(name: &'static str, kind: &'static str, title: &'static str) -> Column {
    Column {
        name,
        kind,
        title,
        property: None,
        show: Show::Text,
    }
}

/// The unit of the time limit in the column before.
const fn time_unit(name: &'static str) -> Column {
    column(name, "string", "时限单位")
        .titled("time_limit", "unit")
        .shown(Show::Enum(labels::unit_name))
}

impl Column {
    /// Titled by the schema's `property` of `def`.
    const fn titled(self, def: &'static str, property: &'static str) -> Column {
        Column {
            property: Some((def, property)),
            ..self
        }
    }

    const fn shown(self, show: Show) -> Column {
        Column { show, ..self }
    }

    /// The column's title: the schema's, else its own.
    pub fn title<'a>(&self, labels: &'a FieldLabels) -> &'a str {
        self.property
            .and_then(|(def, property)| labels.title(def, property))
            .unwrap_or(self.title)
    }
}

/// A cell that a spreadsheet would read as a formula gets a leading apostrophe.
fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn text(value: Option<&Value>) -> Cow<'_, str> {
    match value {
        None | Some(Value::Null) => Cow::Borrowed(""),
        Some(Value::String(s)) => Cow::Borrowed(s),
        Some(Value::Array(items)) => Cow::Owned(
            items
                .iter()
                .map(|v| text(Some(v)))
                .collect::<Vec<_>>()
                .join(";"),
        ),
        Some(v) => Cow::Owned(v.to_string()),
    }
}

/// Where the rows of one table go, one by one: a CSV file, a sheet.
pub(super) trait Rows {
    fn row<S: AsRef<str>>(&mut self, cells: &[S]);
}

/// A CSV file being written: byte-order mark, header, then rows as they come.
struct Csv(csv::Writer<Vec<u8>>);

impl Csv {
    fn new(table: &Table) -> Csv {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        let _ = writer.write_record(table.columns.iter().map(|c| c.name));
        Csv(writer)
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap_or_default()
    }
}

impl Rows for Csv {
    fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let _ = self
            .0
            .write_record(cells.iter().map(|cell| Bytes(neutralised(cell.as_ref()))));
    }
}

struct Bytes<'a>(Cow<'a, str>);

impl AsRef<[u8]> for Bytes<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

const ITEM: &str = "item.schema.json";
const ENTRY: &str = "entry.schema.json";
const REGION: &str = "region.schema.json";

/// The item column of the materials, fees and conformance.
const ITEM_CODE: Column = column("item", "string", "基本编码").titled(ITEM, "code");

const ITEMS: Table = Table {
    name: "items",
    title: "全国基本目录事项",
    sheet: "基本目录",
    columns: &[
        column("code", "string", "基本编码").titled(ITEM, "code"),
        column("name", "string", "事项名称").titled(ITEM, "name"),
        column("type", "string", "事项类型")
            .titled(ITEM, "type")
            .shown(Show::Enum(labels::item_type)),
        column("audience", "string", "服务对象")
            .titled(ITEM, "audience")
            .shown(Show::Enum(labels::audience)),
        column("levels", "string", "行使层级")
            .titled(ITEM, "levels")
            .shown(Show::Enum(labels::level)),
        column("statutory_days", "integer", "法定办结时限").titled(ITEM, "statutory_limit"),
        time_unit("statutory_unit"),
        column("status", "string", "事项状态")
            .titled(ITEM, "status")
            .shown(Show::Enum(labels::status)),
        column("reviewed", "date", "最近核验日期").titled(ITEM, "reviewed"),
    ],
    key: &["code"],
    national: true,
    regional: false,
};

const ENTRIES: Table = Table {
    name: "entries",
    title: "地方实施清单（含地方事项）",
    sheet: "实施清单",
    columns: &[
        column("region", "string", "行政区划代码").titled(REGION, "code"),
        column("region_name", "string", "行政区划名称"),
        column("item", "string", "基本编码").titled(ENTRY, "code"),
        column("task_code", "string", "实施编码").titled(ENTRY, "task_code"),
        column("department", "string", "实施主体").titled(ENTRY, "department"),
        column("credit_code", "string", "统一社会信用代码").titled("department", "credit_code"),
        column("level", "string", "行使层级")
            .titled(ENTRY, "level")
            .shown(Show::Enum(labels::level)),
        column("committed_days", "integer", "承诺办结时限").titled(ENTRY, "committed_limit"),
        time_unit("committed_unit"),
        column("handling", "string", "办件类型")
            .titled(ENTRY, "handling")
            .shown(Show::Enum(labels::handling)),
        column("visits", "integer", "到办事现场次数").titled("channels", "visits"),
        column("online_url", "string", "网办地址").titled("online_channel", "url"),
        column("phone", "string", "咨询电话").titled("contact", "phone"),
        column("appointment_url", "string", "网上预约地址").titled(ENTRY, "appointment_url"),
        column("reviewed", "date", "最近核验日期").titled(ENTRY, "reviewed"),
        column("class", "string", "一致性").shown(Show::Enum(labels::class)),
    ],
    key: &["region", "item"],
    national: false,
    regional: true,
};

/// The region column of the materials and fees: empty for the national standard's lines.
const LINE_REGION: Column = column("region", "string", "行政区划代码（空为全国标准）");

const MATERIALS: Table = Table {
    name: "materials",
    title: "申请材料（全国标准、各地实施与地方事项）",
    sheet: "申请材料",
    columns: &[
        LINE_REGION,
        ITEM_CODE,
        column("material", "string", "材料标识").titled("material", "id"),
        column("name", "string", "材料名称").titled("material", "name"),
        column("form", "string", "材料形式")
            .titled("material", "form")
            .shown(Show::Enum(labels::form)),
        column("copies", "integer", "份数").titled("material", "copies"),
        column("medium", "string", "材料介质")
            .titled("material", "medium")
            .shown(Show::Enum(labels::medium)),
        column("required", "boolean", "是否必要").titled("material", "required"),
        column("source", "string", "来源渠道")
            .titled("material", "source")
            .shown(Show::Enum(labels::source)),
        column("waived_by", "string", "免提交方式")
            .titled("material", "waived_by")
            .shown(Show::Enum(labels::waived_by)),
        column("added", "boolean", "地方新增"),
    ],
    key: &[],
    national: true,
    regional: true,
};

const FEES: Table = Table {
    name: "fees",
    title: "收费项目（全国标准、各地实施与地方事项）",
    sheet: "收费项目",
    columns: &[
        LINE_REGION,
        ITEM_CODE,
        column("fee", "string", "收费标识").titled("fee", "id"),
        column("name", "string", "收费项目名称").titled("fee", "name"),
        column("amount", "number", "收费标准（元）"),
        column("basis", "string", "收费依据").titled("fee", "basis"),
        column("added", "boolean", "地方新增"),
    ],
    key: &[],
    national: true,
    regional: true,
};

const CONFORMANCE: Table = Table {
    name: "conformance",
    title: "各地实施与全国标准的一致性",
    sheet: "一致性",
    columns: &[
        column("region", "string", "行政区划代码").titled(REGION, "code"),
        ITEM_CODE,
        column("field", "string", "字段").shown(Show::Field),
        column("class", "string", "一致性").shown(Show::Enum(labels::class)),
        column("kind", "string", "差异类型").shown(Show::Difference),
        column("key", "string", "列表项"),
        column("detail", "string", "说明"),
        column("file", "string", "来源文件"),
    ],
    key: &[],
    national: false,
    regional: true,
};

pub(super) const TABLES: [&Table; 5] = [&ITEMS, &ENTRIES, &MATERIALS, &FEES, &CONFORMANCE];

/// The national rows of every table, in the order of `TABLES`, into `out`: one source of rows of
/// the CSV files and of the workbooks. The national items and their lines (materials and fees
/// rows with an empty region); the other tables have no national rows.
pub(super) fn national_rows<R: Rows>(site: &Site<'_>, out: &mut [R; 5]) {
    let catalog = site.catalog;
    let [items, _, materials, fees, _] = out;
    for (code, item) in &catalog.items {
        let record = view::doc(&catalog.doc(item).json);
        let limit = record.statutory_limit();
        items.row(&[
            Cow::Borrowed(code.as_str()),
            Cow::Borrowed(record.name()),
            Cow::Borrowed(record.item_type()),
            text(record.audience()),
            text(record.levels()),
            days(limit),
            Cow::Borrowed(limit.and_then(Limit::unit).unwrap_or_default()),
            Cow::Borrowed(record.status().unwrap_or_default()),
            text(record.reviewed()),
        ]);
        line_rows(materials, fees, "", code, |f| record.lines(f));
    }
}

/// The rows of one region, in the order of `TABLES`, into `out`: its effective entry of each
/// national item, then each of its local items (an entry of class `extra`, 地方事项, with its
/// lines). `items` gets none.
pub(super) fn region_rows<R: Rows>(site: &Site<'_>, region: &str, out: &mut [R; 5]) {
    let catalog = site.catalog;
    let [_, entries, materials, fees, conformance] = out;
    for effective in site.guided_in(region) {
        let entry = view::effective(catalog, effective);
        let national = view::doc(
            catalog
                .items
                .get(&effective.item)
                .map_or(&Value::Null, |i| &catalog.doc(i).json),
        );
        let class = site.conformance.entry(&effective.region, &effective.item);
        let class_name = match class {
            _ if effective.is_local() => Class::Extra.as_str(),
            Some(c) => c.class.as_str(),
            None => "",
        };
        entries.row(&entry_row(site, effective, class_name));
        line_rows(materials, fees, &effective.region, &effective.item, |f| {
            entry.lines(f)
        });
        for field in class.iter().flat_map(|c| c.fields.iter()) {
            if field.details.is_empty() {
                conformance.row(&[
                    effective.region.as_str(),
                    effective.item.as_str(),
                    &*field.field,
                    field.class.as_str(),
                    "",
                    "",
                    "",
                    &*field.file,
                ]);
            }
            for detail in &field.details {
                conformance.row(&[
                    effective.region.as_str(),
                    effective.item.as_str(),
                    &*field.field,
                    detail.class.as_str(),
                    detail.kind.as_str(),
                    detail.key.as_deref().unwrap_or_default(),
                    describe(site.labels, &field.field, detail, national).as_str(),
                    &*field.file,
                ]);
            }
        }
    }
}

/// An `entries` row: the effective entry (or local item) of a region, its level, task code and
/// review date from the region's own document.
fn entry_row<'a>(site: &Site<'a>, effective: &'a Effective, class: &'a str) -> [Cow<'a, str>; 16] {
    let (region, item) = (effective.region.as_str(), effective.item.as_str());
    let entry = view::effective(site.catalog, effective);
    let own = view::doc(&site.catalog.documents[effective.own()].json);
    let department = entry.department();
    let committed = entry.committed_limit();
    let channels = entry.channels();
    [
        Cow::Borrowed(region),
        Cow::Borrowed(
            site.catalog
                .regions
                .get(region)
                .map_or("", |r| r.value.name.as_str()),
        ),
        Cow::Borrowed(item),
        text(own.task_code()),
        Cow::Borrowed(department.map_or("", Department::name)),
        Cow::Borrowed(department.map_or("", Department::credit_code)),
        text(own.level()),
        days(committed),
        Cow::Borrowed(committed.and_then(Limit::unit).unwrap_or_default()),
        Cow::Borrowed(entry.handling().unwrap_or_default()),
        text(channels.visits()),
        text(channels.online_url()),
        text(entry.contact().and_then(Contact::phone)),
        Cow::Borrowed(entry.appointment_url().unwrap_or_default()),
        text(own.reviewed()),
        Cow::Borrowed(class),
    ]
}

/// The `materials` and `fees` rows of an item or an entry, given its list lines.
fn line_rows<'a, R: Rows>(
    materials: &mut R,
    fees: &mut R,
    region: &'a str,
    item: &'a str,
    lines: impl Fn(ListField) -> Vec<Line<'a>>,
) {
    for line in lines(ListField::Materials) {
        materials.row(&[
            Cow::Borrowed(region),
            Cow::Borrowed(item),
            Cow::Borrowed(line.id()),
            Cow::Borrowed(line.name()),
            Cow::Borrowed(line.form()),
            text(line.copies()),
            text(line.medium()),
            boolean(line.required()),
            Cow::Borrowed(line.source()),
            Cow::Borrowed(line.waived_by().unwrap_or_default()),
            boolean(line.added()),
        ]);
    }
    for line in lines(ListField::Fees) {
        fees.row(&[
            Cow::Borrowed(region),
            Cow::Borrowed(item),
            Cow::Borrowed(line.id()),
            Cow::Borrowed(line.name()),
            text(line.amount_value()),
            Cow::Borrowed(line.basis().unwrap_or_default()),
            boolean(line.added()),
        ]);
    }
}

fn boolean(value: bool) -> Cow<'static, str> {
    Cow::Borrowed(if value { "true" } else { "false" })
}

/// The days of a time limit, or "".
fn days(limit: Option<Limit<'_>>) -> Cow<'static, str> {
    limit
        .and_then(Limit::days)
        .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string()))
}

/// The files of a table's rows, under `opendata/`: its national part, then one part per region
/// in code order. A table with no part at all (no region yet) has an empty national part, so
/// that every resource names a file.
fn parts(table: &Table, regions: &[&str]) -> Vec<String> {
    let mut parts = Vec::new();
    if table.national || !table.regional || regions.is_empty() {
        parts.push(format!("{}.csv", table.name));
    }
    if table.regional {
        parts.extend(
            regions
                .iter()
                .map(|r| format!("regions/{r}/{}.csv", table.name)),
        );
    }
    parts
}

/// The data package descriptor: the index of every part of every table. A table made of several
/// files is a multipart resource (`path` a list): each file has the header row, which readers
/// take from the first and skip in the others.
fn datapackage(site: &Site<'_>, regions: &[&str]) -> Vec<u8> {
    let resources: Vec<Value> = TABLES
        .iter()
        .chain(format3::TABLES.iter())
        .map(|table| {
            let fields: Vec<Value> = table
                .columns
                .iter()
                .map(|column| {
                    let mut field = json!({
                        "name": column.name,
                        "type": column.kind,
                        "title": column.title(site.labels),
                    });
                    if column.kind == "boolean" {
                        field["trueValues"] = json!(["true"]);
                        field["falseValues"] = json!(["false"]);
                    }
                    field
                })
                .collect();
            let mut schema = json!({"fields": fields});
            if !table.key.is_empty() {
                schema["primaryKey"] = json!(table.key);
            }
            let mut parts = parts(table, regions);
            let path = match parts.len() {
                1 => json!(parts.remove(0)),
                _ => json!(parts),
            };
            json!({
                "name": table.name,
                "title": table.title,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": true},
                "schema": schema,
            })
        })
        .collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": "service-catalog",
        "title": site.title,
        "description": "政务服务事项基本目录与各地实施清单，由 catalogc 从同一数据源生成。",
        "homepage": site.base_url,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    });
    pretty(&package)
}

/// The national open data: the national parts of the tables, `datapackage.json` (which lists
/// the parts of `regions` too) and `catalog.json`.
pub fn national_files(site: &Site<'_>, regions: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut csv = TABLES.map(Csv::new);
    national_rows(site, &mut csv);
    let mut out: Vec<(String, Vec<u8>)> = TABLES
        .iter()
        .zip(csv)
        .filter(|(table, _)| parts(table, regions).contains(&format!("{}.csv", table.name)))
        .map(|(table, csv)| (format!("opendata/{}.csv", table.name), csv.finish()))
        .collect();
    // The format 3 tables' national part: the national items' rows.
    let mut more = format3::TABLES.map(Csv::new);
    format3::rows_of(site, None, &mut more);
    out.extend(
        format3::TABLES
            .iter()
            .zip(more)
            .map(|(table, csv)| (format!("opendata/{}.csv", table.name), csv.finish())),
    );
    out.push((
        "opendata/datapackage.json".to_string(),
        datapackage(site, regions),
    ));
    out.push(("opendata/catalog.json".to_string(), pretty(&National(site))));
    out
}

/// One region's open data: its parts of the tables and its `catalog.json`.
pub fn region_files(site: &Site<'_>, region: &str) -> Vec<(String, Vec<u8>)> {
    let mut csv = TABLES.map(Csv::new);
    region_rows(site, region, &mut csv);
    let mut out: Vec<(String, Vec<u8>)> = TABLES
        .iter()
        .zip(csv)
        .filter(|(table, _)| table.regional)
        .map(|(table, csv)| {
            (
                format!("opendata/regions/{region}/{}.csv", table.name),
                csv.finish(),
            )
        })
        .collect();
    let mut more = format3::TABLES.map(Csv::new);
    format3::rows_of(site, Some(region), &mut more);
    out.extend(format3::TABLES.iter().zip(more).map(|(table, csv)| {
        (
            format!("opendata/regions/{region}/{}.csv", table.name),
            csv.finish(),
        )
    }));
    out.push((
        format!("opendata/regions/{region}/catalog.json"),
        pretty(&Regional(site, region)),
    ));
    out
}

/// The national part of the resolved catalog: national items and events, the title. Each
/// region's part is [`Regional`].
struct National<'s, 'a>(&'s Site<'a>);

impl Serialize for National<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let site = self.0;
        let catalog = site.catalog;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry(
            "events",
            &Seq(|| {
                catalog
                    .events
                    .iter()
                    .filter(|((region, _), _)| region.is_none())
                    .map(|(_, e)| &catalog.doc(e).json)
            }),
        )?;
        map.serialize_entry(
            "items",
            &Seq(|| catalog.items.values().map(|i| &catalog.doc(i).json)),
        )?;
        map.serialize_entry("title", &site.title)?;
        map.end()
    }
}

/// One region's part of the resolved catalog: the region, every effective entry, its local items
/// and its own events (docs/format.md, events). Written entry by entry (keys in
/// `serde_json::Map` order).
struct Regional<'s, 'a>(&'s Site<'a>, &'s str);

impl Serialize for Regional<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (site, code) = (self.0, self.1);
        let catalog = site.catalog;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry(
            "entries",
            &Seq(|| {
                site.effective_in(code)
                    .iter()
                    .map(|e| ResolvedEntry(site, e))
            }),
        )?;
        map.serialize_entry(
            "events",
            &Seq(|| {
                catalog
                    .events
                    .iter()
                    .filter(|((region, _), _)| region.as_deref() == Some(code))
                    .map(|(_, e)| &catalog.doc(e).json)
            }),
        )?;
        map.serialize_entry(
            "local_items",
            &Seq(|| {
                catalog
                    .local_items
                    .iter()
                    .filter(|((region, _), _)| region == code)
                    .map(|(_, l)| &catalog.doc(l).json)
            }),
        )?;
        map.serialize_entry(
            "region",
            &J::from(catalog.regions.get(code).map(|r| &*catalog.doc(r).json)),
        )?;
        map.end()
    }
}

struct ResolvedEntry<'s, 'a>(&'s Site<'a>, &'s Effective);

impl Serialize for ResolvedEntry<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (catalog, e) = (self.0.catalog, self.1);
        let mut names: Vec<&str> = e
            .chain
            .iter()
            .flat_map(|&d| {
                catalog.documents[d]
                    .json
                    .as_object()
                    .into_iter()
                    .flat_map(|m| m.keys().map(String::as_str))
            })
            .filter(|n| *n != "exceptions")
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut fields = Obj::new();
        for name in names {
            let value = match name {
                _ if self.0.resolved.is_line_field(name) => {
                    J::Arr(e.lines(catalog, name).into_iter().map(J::Line).collect())
                }
                _ => J::from(e.get(catalog, name).map(|s| s.value)),
            };
            fields.set(name, value);
        }
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("effective", &fields)?;
        map.serialize_entry("file", catalog.documents[e.own()].path())?;
        map.serialize_entry("item", &e.item)?;
        map.serialize_entry("region", &e.region)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::neutralised as neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        for cell in ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("居住证"), "居住证");
        assert_eq!(neutralise("0755-12345678"), "0755-12345678");
    }
}
