//! Open data: CSV tables described by a Frictionless Data Package, and the resolved catalog as
//! JSON. CSV files start with a UTF-8 byte-order mark (so spreadsheet programs show Chinese) and
//! no cell can start a formula.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use super::Site;
use super::json::{J, Line, Obj, Seq, pretty};
use crate::diff::describe;
use crate::resolve::Effective;
use crate::resolve::view::{self, Contact, Department, Limit, ListField};

/// One CSV table: its name, its columns (name, Frictionless type, Chinese title).
struct Table {
    name: &'static str,
    title: &'static str,
    columns: &'static [(&'static str, &'static str, &'static str)],
    key: &'static [&'static str],
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

/// A CSV file being written: byte-order mark, header, then rows as they come.
struct Csv(csv::Writer<Vec<u8>>);

impl Csv {
    fn new(table: &Table) -> Csv {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        let _ = writer.write_record(table.columns.iter().map(|c| c.0));
        Csv(writer)
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let _ = self
            .0
            .write_record(cells.iter().map(|cell| Bytes(neutralised(cell.as_ref()))));
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap_or_default()
    }
}

struct Bytes<'a>(Cow<'a, str>);

impl AsRef<[u8]> for Bytes<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

const ITEMS: Table = Table {
    name: "items",
    title: "全国基本目录事项",
    columns: &[
        ("code", "string", "基本编码"),
        ("name", "string", "事项名称"),
        ("type", "string", "事项类型"),
        ("audience", "string", "服务对象"),
        ("levels", "string", "行使层级"),
        ("statutory_days", "integer", "法定办结时限"),
        ("statutory_unit", "string", "时限单位"),
        ("status", "string", "事项状态"),
        ("reviewed", "date", "最近核验日期"),
    ],
    key: &["code"],
};

const ENTRIES: Table = Table {
    name: "entries",
    title: "地方实施清单",
    columns: &[
        ("region", "string", "行政区划代码"),
        ("region_name", "string", "行政区划名称"),
        ("item", "string", "基本编码"),
        ("department", "string", "实施主体"),
        ("credit_code", "string", "统一社会信用代码"),
        ("level", "string", "行使层级"),
        ("committed_days", "integer", "承诺办结时限"),
        ("committed_unit", "string", "时限单位"),
        ("handling", "string", "办件类型"),
        ("visits", "integer", "到办事现场次数"),
        ("online_url", "string", "网办地址"),
        ("phone", "string", "咨询电话"),
        ("appointment_url", "string", "网上预约地址"),
        ("reviewed", "date", "最近核验日期"),
        ("class", "string", "一致性"),
    ],
    key: &["region", "item"],
};

const MATERIALS: Table = Table {
    name: "materials",
    title: "申请材料（全国标准与各地实施）",
    columns: &[
        ("region", "string", "行政区划代码（空为全国标准）"),
        ("item", "string", "基本编码"),
        ("material", "string", "材料标识"),
        ("name", "string", "材料名称"),
        ("form", "string", "材料形式"),
        ("copies", "integer", "份数"),
        ("medium", "string", "材料介质"),
        ("required", "boolean", "是否必要"),
        ("source", "string", "来源渠道"),
        ("waived_by", "string", "免提交方式"),
        ("added", "boolean", "地方新增"),
    ],
    key: &[],
};

const FEES: Table = Table {
    name: "fees",
    title: "收费项目（全国标准与各地实施）",
    columns: &[
        ("region", "string", "行政区划代码（空为全国标准）"),
        ("item", "string", "基本编码"),
        ("fee", "string", "收费标识"),
        ("name", "string", "收费项目名称"),
        ("amount", "number", "收费标准（元）"),
        ("basis", "string", "收费依据"),
        ("added", "boolean", "地方新增"),
    ],
    key: &[],
};

const CONFORMANCE: Table = Table {
    name: "conformance",
    title: "各地实施与全国标准的一致性",
    columns: &[
        ("region", "string", "行政区划代码"),
        ("item", "string", "基本编码"),
        ("field", "string", "字段"),
        ("class", "string", "一致性"),
        ("kind", "string", "差异类型"),
        ("key", "string", "列表项"),
        ("detail", "string", "说明"),
        ("file", "string", "来源文件"),
    ],
    key: &[],
};

const TABLES: [&Table; 5] = [&ITEMS, &ENTRIES, &MATERIALS, &FEES, &CONFORMANCE];

/// The CSV files, in the order of `TABLES`, each written row by row.
fn tables(site: &Site<'_>) -> [Vec<u8>; 5] {
    let catalog = site.catalog;
    let mut items = Csv::new(&ITEMS);
    let mut materials = Csv::new(&MATERIALS);
    let mut fees = Csv::new(&FEES);
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
        for line in record.lines(ListField::Materials) {
            materials.row(&material_row("", code, line));
        }
        for line in record.lines(ListField::Fees) {
            fees.row(&fee_row("", code, line));
        }
    }
    let mut entries = Csv::new(&ENTRIES);
    let mut conformance = Csv::new(&CONFORMANCE);
    for effective in site
        .resolved
        .effective
        .iter()
        .filter(|e| catalog.items.contains_key(&e.item))
    {
        let entry = view::effective(catalog, effective);
        let national = view::doc(
            catalog
                .items
                .get(&effective.item)
                .map_or(&Value::Null, |i| &catalog.doc(i).json),
        );
        let class = site.conformance.entry(&effective.region, &effective.item);
        let own = view::doc(&catalog.documents[effective.own()].json);
        let department = entry.department();
        let committed = entry.committed_limit();
        let channels = entry.channels();
        entries.row(&[
            Cow::Borrowed(effective.region.as_str()),
            Cow::Borrowed(
                catalog
                    .regions
                    .get(&effective.region)
                    .map_or("", |r| r.value.name.as_str()),
            ),
            Cow::Borrowed(effective.item.as_str()),
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
            Cow::Borrowed(class.map_or("", |c| c.class.as_str())),
        ]);
        for line in entry.lines(ListField::Materials) {
            materials.row(&material_row(&effective.region, &effective.item, line));
        }
        for line in entry.lines(ListField::Fees) {
            fees.row(&fee_row(&effective.region, &effective.item, line));
        }
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
    [
        items.finish(),
        entries.finish(),
        materials.finish(),
        fees.finish(),
        conformance.finish(),
    ]
}

fn boolean(value: bool) -> Cow<'static, str> {
    Cow::Borrowed(if value { "true" } else { "false" })
}

fn material_row<'a>(region: &'a str, item: &'a str, line: Line<'a>) -> [Cow<'a, str>; 11] {
    [
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
    ]
}

fn fee_row<'a>(region: &'a str, item: &'a str, line: Line<'a>) -> [Cow<'a, str>; 7] {
    [
        Cow::Borrowed(region),
        Cow::Borrowed(item),
        Cow::Borrowed(line.id()),
        Cow::Borrowed(line.name()),
        text(line.amount_value()),
        Cow::Borrowed(line.basis().unwrap_or_default()),
        boolean(line.added()),
    ]
}

/// The days of a time limit, or "".
fn days(limit: Option<Limit<'_>>) -> Cow<'static, str> {
    limit
        .and_then(Limit::days)
        .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string()))
}

/// The data package descriptor.
fn datapackage(site: &Site<'_>) -> Vec<u8> {
    let resources: Vec<Value> = TABLES
        .iter()
        .map(|table| {
            let fields: Vec<Value> = table
                .columns
                .iter()
                .map(|(name, kind, title)| {
                    let mut field = json!({"name": name, "type": kind, "title": title});
                    if *kind == "boolean" {
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
            json!({
                "name": table.name,
                "title": table.title,
                "path": format!("{}.csv", table.name),
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

/// The CSV files, `datapackage.json` and `catalog.json`.
pub fn files(site: &Site<'_>) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = TABLES
        .iter()
        .zip(tables(site))
        .map(|(table, bytes)| (format!("opendata/{}.csv", table.name), bytes))
        .collect();
    out.push(("opendata/datapackage.json".to_string(), datapackage(site)));
    out.push(("opendata/catalog.json".to_string(), pretty(&Resolved(site))));
    out
}

/// The resolved catalog: national items, regions, every effective entry, local items, events.
/// Written entry by entry (keys in `serde_json::Map` order).
struct Resolved<'s, 'a>(&'s Site<'a>);

impl Serialize for Resolved<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let site = self.0;
        let catalog = site.catalog;
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry(
            "entries",
            &Seq(|| {
                site.resolved
                    .effective
                    .iter()
                    .map(|e| ResolvedEntry(site, e))
            }),
        )?;
        map.serialize_entry(
            "events",
            &Seq(|| catalog.events.values().map(|e| &catalog.doc(e).json)),
        )?;
        map.serialize_entry(
            "items",
            &Seq(|| catalog.items.values().map(|i| &catalog.doc(i).json)),
        )?;
        map.serialize_entry(
            "local_items",
            &Seq(|| {
                catalog.local_items.iter().map(|((region, _), l)| {
                    Obj::new()
                        .with("item", J::Value(&catalog.doc(l).json))
                        .with("region", region.as_str())
                })
            }),
        )?;
        map.serialize_entry(
            "regions",
            &Seq(|| catalog.regions.values().map(|r| &catalog.doc(r).json)),
        )?;
        map.serialize_entry("title", &site.title)?;
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
