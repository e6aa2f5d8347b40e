//! Open data: CSV tables described by a Frictionless Data Package, and the resolved catalog as
//! JSON. CSV files start with a UTF-8 byte-order mark (so spreadsheet programs show Chinese) and
//! no cell can start a formula.

use serde_json::{Value, json};

use super::Site;
use crate::diff_report::describe;

/// One CSV table: its name, its columns (name, Frictionless type, Chinese title) and rows.
struct Table {
    name: &'static str,
    title: &'static str,
    columns: &'static [(&'static str, &'static str, &'static str)],
    key: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

/// A cell that a spreadsheet would read as a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| text(Some(v)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(v) => v.to_string(),
    }
}

fn csv_bytes(table: &Table) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let _ = writer.write_record(table.columns.iter().map(|c| c.0));
        for row in &table.rows {
            let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
        }
        let _ = writer.flush();
    }
    bytes
}

fn tables(site: &Site<'_>) -> Vec<Table> {
    let catalog = site.catalog;
    let mut items = Vec::new();
    let mut materials = Vec::new();
    let mut fees = Vec::new();
    for (code, item) in &catalog.items {
        let json = &catalog.doc(item).json;
        items.push(vec![
            code.clone(),
            text(json.get("name")),
            text(json.get("type")),
            text(json.get("audience")),
            text(json.get("levels")),
            text(json.pointer("/statutory_limit/days")),
            text(json.pointer("/statutory_limit/unit")),
            text(json.get("status")),
            text(json.get("reviewed")),
        ]);
        for line in json
            .get("materials")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            materials.push(material_row("", code, line));
        }
        for line in json
            .get("fees")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            fees.push(fee_row("", code, line));
        }
    }
    let mut entries = Vec::new();
    let mut conformance = Vec::new();
    for effective in catalog
        .effective
        .iter()
        .filter(|e| catalog.items.contains_key(&e.item))
    {
        let get = |field: &str| effective.get(catalog, field).map(|s| s.value.clone());
        let class = site.conformance.entry(&effective.region, &effective.item);
        entries.push(vec![
            effective.region.clone(),
            catalog
                .regions
                .get(&effective.region)
                .map(|r| r.value.name.clone())
                .unwrap_or_default(),
            effective.item.clone(),
            text(get("department").as_ref().and_then(|d| d.get("name"))),
            text(
                get("department")
                    .as_ref()
                    .and_then(|d| d.get("credit_code")),
            ),
            text(catalog.documents[effective.own()].json.get("level")),
            text(get("committed_limit").as_ref().and_then(|l| l.get("days"))),
            text(get("committed_limit").as_ref().and_then(|l| l.get("unit"))),
            text(get("handling").as_ref()),
            text(get("channels").as_ref().and_then(|c| c.get("visits"))),
            text(
                get("channels")
                    .as_ref()
                    .and_then(|c| c.pointer("/online/url")),
            ),
            text(get("contact").as_ref().and_then(|c| c.get("phone"))),
            text(catalog.documents[effective.own()].json.get("reviewed")),
            class
                .map(|c| c.class.as_str().to_string())
                .unwrap_or_default(),
        ]);
        for line in site.lines(effective, "materials") {
            materials.push(material_row(&effective.region, &effective.item, &line));
        }
        for line in site.lines(effective, "fees") {
            fees.push(fee_row(&effective.region, &effective.item, &line));
        }
        for field in class.iter().flat_map(|c| c.fields.iter()) {
            if field.details.is_empty() {
                conformance.push(vec![
                    effective.region.clone(),
                    effective.item.clone(),
                    field.field.to_string(),
                    field.class.as_str().to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    field.file.to_string(),
                ]);
            }
            for detail in &field.details {
                conformance.push(vec![
                    effective.region.clone(),
                    effective.item.clone(),
                    field.field.to_string(),
                    detail.class.as_str().to_string(),
                    detail.kind.clone(),
                    detail.key.clone().unwrap_or_default(),
                    describe(detail),
                    field.file.to_string(),
                ]);
            }
        }
    }
    vec![
        Table {
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
            rows: items,
        },
        Table {
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
                ("reviewed", "date", "最近核验日期"),
                ("class", "string", "一致性"),
            ],
            key: &["region", "item"],
            rows: entries,
        },
        Table {
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
            rows: materials,
        },
        Table {
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
            rows: fees,
        },
        Table {
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
            rows: conformance,
        },
    ]
}

fn boolean(value: Option<&Value>, default: bool) -> String {
    value
        .and_then(Value::as_bool)
        .unwrap_or(default)
        .to_string()
}

fn material_row(region: &str, item: &str, line: &Value) -> Vec<String> {
    vec![
        region.to_string(),
        item.to_string(),
        text(line.get("id")),
        text(line.get("name")),
        text(line.get("form")),
        text(line.get("copies")),
        text(line.get("medium")),
        boolean(line.get("required"), true),
        text(line.get("source")),
        text(line.get("waived_by")),
        boolean(line.get("added"), false),
    ]
}

fn fee_row(region: &str, item: &str, line: &Value) -> Vec<String> {
    vec![
        region.to_string(),
        item.to_string(),
        text(line.get("id")),
        text(line.get("name")),
        text(line.get("amount")),
        text(line.get("basis")),
        boolean(line.get("added"), false),
    ]
}

/// The CSV files, `datapackage.json` and `catalog.json`.
pub fn files(site: &Site<'_>) -> Vec<(String, Vec<u8>)> {
    let tables = tables(site);
    let mut out = Vec::new();
    let mut resources = Vec::new();
    for table in &tables {
        out.push((format!("opendata/{}.csv", table.name), csv_bytes(table)));
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
        resources.push(json!({
            "name": table.name,
            "title": table.title,
            "path": format!("{}.csv", table.name),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": true},
            "schema": schema,
        }));
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "service-catalog",
        "title": site.title,
        "description": "政务服务事项基本目录与各地实施清单，由 catalogc 从同一数据源生成。",
        "homepage": site.base_url,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    });
    out.push((
        "opendata/datapackage.json".to_string(),
        (serde_json::to_string_pretty(&package).unwrap_or_default() + "\n").into_bytes(),
    ));
    out.push((
        "opendata/catalog.json".to_string(),
        (serde_json::to_string_pretty(&resolved(site)).unwrap_or_default() + "\n").into_bytes(),
    ));
    out
}

/// The resolved catalog: national items, regions, every effective entry, local items, events.
fn resolved(site: &Site<'_>) -> Value {
    let catalog = site.catalog;
    let entries: Vec<Value> = catalog
        .effective
        .iter()
        .map(|e| {
            let mut fields = serde_json::Map::new();
            let mut names: Vec<String> = e.chain.iter().flat_map(|&d| catalog.documents[d].json.as_object().into_iter().flat_map(|m| m.keys().cloned())).collect();
            names.sort();
            names.dedup();
            for name in names.iter().filter(|n| !matches!(n.as_str(), "exceptions")) {
                let value = match name.as_str() {
                    "conditions" | "materials" | "fees" => Value::Array(site.lines(e, name)),
                    _ => e.get(catalog, name).map(|s| s.value.clone()).unwrap_or(Value::Null),
                };
                fields.insert(name.clone(), value);
            }
            json!({"region": e.region, "item": e.item, "file": catalog.documents[e.own()].path(), "effective": fields})
        })
        .collect();
    json!({
        "title": site.title,
        "items": catalog.items.values().map(|i| catalog.doc(i).json.clone()).collect::<Vec<_>>(),
        "regions": catalog.regions.values().map(|r| catalog.doc(r).json.clone()).collect::<Vec<_>>(),
        "entries": entries,
        "local_items": catalog.local_items.iter().map(|((region, _), l)| json!({"region": region, "item": catalog.doc(l).json})).collect::<Vec<_>>(),
        "events": catalog.events.values().map(|e| catalog.doc(e).json.clone()).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        for cell in ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("居住证"), "居住证");
        assert_eq!(neutralise("0755-12345678"), "0755-12345678");
    }
}
