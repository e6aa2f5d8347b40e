//! `catalogc new`: the files an editor starts from — a region, its entry for a national item,
//! a local item — written so that the editor only fills in and deletes.
//!
//! An entry is written with every field the region may restate (docs/format.md, regional entry:
//! the fields `schema/policy.yaml` does not fix) as a comment holding the value it inherits now
//! and where that value comes from, and with every line of the lists it inherits (materials,
//! conditions, fees) restated by `ref`, so that an unwanted line is turned into an omission rather
//! than silently dropped (CAT210). Written as it is, the entry means exactly what the region
//! inherits; `check` reports only the required fields the editor has still to fill (CAT005).

use std::path::Path;

use serde_json::Value;

use super::editor::modeline;
use super::flow::{flow, quoted, scalar};
use super::{AuthorError, write_new};
use crate::load::Kind;
use crate::load::policy::FieldPolicy;
use crate::load::yaml;
use crate::pipeline::{self, Compiled, Options};

/// The level of a region from the shape of its GB/T 2260 code (docs/format.md, region; CAT308).
pub fn level_of(code: &str) -> Option<&'static str> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if &code[2..] == "0000" {
        "province"
    } else if &code[4..] == "00" {
        "city"
    } else {
        "county"
    })
}

/// What `new region` is asked for.
pub struct NewRegion<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub parent: Option<&'a str>,
    pub level: Option<&'a str>,
}

/// Write `catalog/regions/<code>/region.yaml`; returns the file written (relative to `root`).
pub fn region(root: &Path, new: &NewRegion) -> Result<String, AuthorError> {
    let regions = root.join("catalog").join("regions");
    let level = match new.level {
        Some(level) => level,
        None => level_of(new.code).ok_or_else(|| {
            AuthorError::refused("author-bad-region-code", &[("code", new.code.to_string())])
        })?,
    };
    if new.name.trim().is_empty() {
        return Err(AuthorError::refused("author-empty-name", &[]));
    }
    let exists = |code: &str| regions.join(code).join("region.yaml").is_file();
    let parent = match (new.parent, level) {
        (Some(parent), _) if !exists(parent) => {
            return Err(AuthorError::refused(
                "author-no-such-parent",
                &[("parent", parent.to_string())],
            ));
        }
        (Some(parent), _) => Some(parent.to_string()),
        (None, "province") => None,
        // The nearest existing region above, by the code's shape: the city, else the province.
        (None, _) => {
            let city = format!("{}00", &new.code[..4.min(new.code.len())]);
            let province = format!("{}0000", &new.code[..2.min(new.code.len())]);
            [city, province]
                .into_iter()
                .find(|c| c != new.code && exists(c))
                .map(Some)
                .ok_or_else(|| {
                    AuthorError::refused("author-no-parent", &[("code", new.code.to_string())])
                })?
        }
    };
    let relative = format!("catalog/regions/{}/region.yaml", new.code);
    let mut text = modeline(Kind::Region, &relative);
    text.push_str(&format!(
        "# 区划：{}（GB/T 2260 代码 {}）。\ncode: {}\nname: {}\nlevel: {level}\n",
        new.name,
        new.code,
        quoted(new.code),
        scalar(new.name)
    ));
    if let Some(parent) = parent {
        text.push_str(&format!("parent: {}\n", quoted(&parent)));
    }
    write_new(root, &relative, &text)?;
    Ok(relative)
}

/// What `new entry` is asked for; the optional values fill the required fields.
pub struct NewEntry<'a> {
    pub region: &'a str,
    pub item: &'a str,
    pub department: Option<&'a str>,
    pub credit_code: Option<&'a str>,
    pub phone: Option<&'a str>,
}

/// Write `catalog/regions/<region>/<item>.yaml` for a national item.
pub fn entry(root: &Path, new: &NewEntry) -> Result<String, AuthorError> {
    let compiled = compile(root)?;
    let standard = pipeline::Standard::load(root, None).map_err(AuthorError::Schema)?;
    let fixed: Vec<String> = standard
        .policy
        .fields
        .iter()
        .filter(|(_, rule)| matches!(rule, FieldPolicy::Fixed))
        .map(|(name, _)| name.clone())
        .collect();
    let relative = format!("catalog/regions/{}/{}.yaml", new.region, new.item);
    let text = entry_text(&compiled, &fixed, new, &relative)?;
    write_new(root, &relative, &text)?;
    Ok(relative)
}

fn compile(root: &Path) -> Result<Compiled, AuthorError> {
    let options = Options {
        skip_rules: true,
        cache: false,
        ..Options::default()
    };
    pipeline::compile(root, &options).map_err(AuthorError::Schema)
}

/// The text of a new entry (see the module's documentation).
pub fn entry_text(
    compiled: &Compiled,
    fixed: &[String],
    new: &NewEntry,
    relative: &str,
) -> Result<String, AuthorError> {
    let resolved = &compiled.resolved;
    let catalog = &resolved.catalog;
    let region = catalog.regions.get(new.region).ok_or_else(|| {
        AuthorError::refused("author-no-region", &[("region", new.region.to_string())])
    })?;
    let item = catalog
        .items
        .get(new.item)
        .ok_or_else(|| AuthorError::refused("author-no-item", &[("item", new.item.to_string())]))?;
    if item.value.status != "active" {
        return Err(AuthorError::refused(
            "author-retired-item",
            &[
                ("item", new.item.to_string()),
                ("name", item.value.name.clone()),
            ],
        ));
    }
    let level = catalog.documents[region.doc].json["level"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let national = &catalog.documents[item.doc];
    // The parent regions' entries for the item, nearest first: what the new entry inherits.
    let chain: Vec<usize> = catalog
        .ancestors(new.region)
        .into_iter()
        .filter_map(|a| catalog.entries.get(&(a.to_string(), new.item.to_string())))
        .map(|e| e.doc)
        .collect();
    let inherited = |field: &str| -> Option<(&Value, String)> {
        chain
            .iter()
            .find_map(|&doc| {
                catalog.documents[doc].json.get(field).map(|v| {
                    let name = catalog.region_name_of(doc).unwrap_or_default();
                    (v, format!("{name}实施清单"))
                })
            })
            .or_else(|| {
                national
                    .json
                    .get(field)
                    .map(|v| (v, "全国标准".to_string()))
            })
    };
    let parent_name = chain
        .first()
        .and_then(|&doc| catalog.region_name_of(doc))
        .map(|name| format!("{name}实施清单，没有的再继承全国标准"))
        .unwrap_or_else(|| "全国标准".to_string());

    let mut out = modeline(Kind::Entry, relative);
    out.push_str(&format!(
        "# {}（{}）实施全国事项 {} {}。\n\
         # 由 catalogc new entry 写出。没写的字段继承{parent_name}；写出的字段整体替换继承的值。\n\
         # 以“# 字段:”开头的行是本地可以改写的字段和现在继承的值：要改写，删去行首的“# ”再改。\n\
         # 材料、条件和收费逐行列出继承的每一行（ref）：不要的行改写为 {{ref: …, omitted: 理由}}，不能直接删掉（CAT210）。\n",
        region.value.name, new.region, new.item, item.value.name
    ));

    let labels = &compiled.labels;
    let title = |field: &str| labels.property(Kind::Entry.schema(), field).to_string();
    let schema = entry_properties(compiled)?;
    for field in &schema {
        let field = field.as_str();
        match field {
            "code" | "name" | "exceptions" | "illustrative" => {}
            "department" => out.push_str(&department(new)),
            "task_code" => {
                if let Some(code) = new.credit_code {
                    let digit = level_digit(&level);
                    out.push_str(&format!(
                        "task_code: {}   # {}：信用代码 + 层级 + 基本编码\n",
                        quoted(&format!("{code}{digit}{}", new.item)),
                        title(field)
                    ));
                }
            }
            "level" => out.push_str(&format!("level: {level}   # {}\n", title(field))),
            "contact" => out.push_str(&contact(new.phone, inherited(field))),
            "standard_version" => out.push_str(&format!(
                "standard_version: {}   # 对照的全国事项版本\n",
                national.json["version"]
            )),
            "reviewed" => out.push_str(
                "# reviewed: YYYY-MM-DD   # 必填：最近核验日期（对照官方办事指南核实本文件的日期）\n",
            ),
            _ if resolved.is_line_field(field) => {
                out.push_str(&lines(compiled, &chain, national.json.get(field), field));
            }
            // Fields the policy fixes are the national item's; a region does not restate them.
            _ if fixed.iter().any(|f| f == field) => {}
            _ => match inherited(field) {
                Some((value, source)) => out.push_str(&format!(
                    "# {field}: {}   # {}（继承自{source}）\n",
                    flow(value),
                    title(field)
                )),
                None if field == "committed_limit" => out.push_str(&format!(
                    "# {field}:   # {}：不超过法定办结时限 {}（全国标准）\n",
                    title(field),
                    national.json.get("statutory_limit").map(flow).unwrap_or_default()
                )),
                None => out.push_str(&format!("# {field}:   # {}\n", title(field))),
            },
        }
    }
    Ok(out)
}

/// The entry schema's properties in the order the schema lists them.
fn entry_properties(compiled: &Compiled) -> Result<Vec<String>, AuthorError> {
    let root = &compiled.resolved.catalog.root;
    let (text, _) = crate::load::schema::schema_text(root, Kind::Entry.schema())
        .map_err(AuthorError::Schema)?;
    // The YAML reader keeps the order of keys (JSON is YAML).
    let parsed = yaml::parse(&text, yaml::Limits::default());
    let keys = |node: &yaml::Node| -> Vec<(String, yaml::Node)> {
        match &node.value {
            yaml::Value::Map(entries) => entries
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => Vec::new(),
        }
    };
    let properties = parsed
        .root
        .as_ref()
        .and_then(|root| keys(root).into_iter().find(|(k, _)| k == "properties"))
        .map(|(_, node)| keys(&node).into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default();
    Ok(properties)
}

fn level_digit(level: &str) -> char {
    match level {
        "national" => '1',
        "province" => '2',
        "city" => '3',
        "county" => '4',
        "township" => '5',
        _ => '6',
    }
}

fn department(new: &NewEntry) -> String {
    match new.department {
        Some(name) => {
            let mut out = format!("department:   # 实施主体\n  name: {}\n", scalar(name));
            match new.credit_code {
                Some(code) => out.push_str(&format!("  credit_code: {}\n", quoted(code))),
                None => out.push_str(
                    "  # credit_code: \"18 位统一社会信用代码\"   # 必填\n",
                ),
            }
            out
        }
        None => "# department: {name: 实施机关名称, credit_code: \"18 位统一社会信用代码\"}   # 必填：实施主体\n"
            .to_string(),
    }
}

fn contact(phone: Option<&str>, inherited: Option<(&Value, String)>) -> String {
    let complaint = inherited
        .and_then(|(v, _)| {
            v.get("complaint")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| "12345".to_string());
    match phone {
        Some(phone) => format!(
            "contact: {{phone: {}, complaint: {}}}   # 咨询电话、监督投诉电话\n",
            quoted(phone),
            quoted(&complaint)
        ),
        None => format!(
            "# contact: {{phone: \"咨询电话\", complaint: {}}}   # 必填：咨询监督方式\n",
            quoted(&complaint)
        ),
    }
}

/// A list field. Inherited from the national item, it is restated line by line by `ref` (the
/// same meaning, and every line accounted for). Inherited from a parent region that restates it,
/// it stays inherited and is shown as a comment: restating the parent's additions and rewordings
/// in this entry would make them this region's deviations, which the parent's approved exceptions
/// do not cover.
fn lines(compiled: &Compiled, chain: &[usize], national: Option<&Value>, field: &str) -> String {
    let catalog = &compiled.resolved.catalog;
    let national_name = |line: &Value| -> Option<String> {
        let id = line.get("ref").or_else(|| line.get("id"))?;
        let found = national?
            .as_array()?
            .iter()
            .find(|n| n.get("id") == Some(id))?;
        found
            .get("name")
            .or_else(|| found.get("text"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let title = compiled.labels.property(Kind::Entry.schema(), field);
    let parent = chain.iter().find_map(|&doc| {
        let value = catalog.documents[doc].json.get(field)?;
        Some((value, catalog.region_name_of(doc).unwrap_or_default()))
    });
    let mut out = String::new();
    if let Some((value, name)) = parent {
        out.push_str(&format!(
            "# {field}:   # {title}：继承{name}实施清单的这些行（含其批准的例外）；\n\
             #   要改写时删去各行的“# ”，本文件的清单将整体替换继承的清单，其中的增加和改写须有本区划自己的例外批准\n"
        ));
        for line in value.as_array().into_iter().flatten() {
            out.push_str(&format!("#   - {}", ordered_flow(line)));
            if let Some(name) = national_name(line).filter(|_| !has_own_words(line)) {
                out.push_str(&format!("   # {name}"));
            }
            out.push('\n');
        }
        return out;
    }
    let lines: Vec<&Value> = national
        .and_then(Value::as_array)
        .map(|lines| lines.iter().collect())
        .unwrap_or_default();
    if lines.is_empty() {
        return out;
    }
    out.push_str(&format!("{field}:   # {title}（全国标准的每一行）\n"));
    for line in lines {
        let Some(id) = line.get("id") else { continue };
        out.push_str(&format!("  - {}", flow(&serde_json::json!({"ref": id}))));
        if let Some(name) = national_name(line) {
            out.push_str(&format!("   # {name}"));
        }
        out.push('\n');
    }
    out
}

/// Whether a line carries its own name or text (so a comment repeating it says nothing).
fn has_own_words(line: &Value) -> bool {
    line.get("name").is_some() || line.get("text").is_some()
}

/// A line as flow text with `ref`, `id`, `name` and `text` first, as editors write them.
fn ordered_flow(line: &Value) -> String {
    let Some(map) = line.as_object() else {
        return flow(line);
    };
    const FIRST: [&str; 4] = ["ref", "id", "name", "text"];
    let mut parts: Vec<String> = Vec::new();
    let keys = FIRST
        .iter()
        .copied()
        .filter(|k| map.contains_key(*k))
        .chain(
            map.keys()
                .map(String::as_str)
                .filter(|k| !FIRST.contains(k)),
        );
    for key in keys {
        parts.push(format!("{}: {}", scalar(key), flow(&map[key])));
    }
    format!("{{{}}}", parts.join(", "))
}

/// What `new item` is asked for: a local item (docs/format.md, local item).
pub struct NewLocalItem<'a> {
    pub region: &'a str,
    pub code: &'a str,
    pub name: &'a str,
}

/// Write `catalog/regions/<region>/local/<code>.yaml`: what catalogc knows (code, name, the
/// region's level) written out, every other required field as a commented template to fill.
pub fn local_item(root: &Path, new: &NewLocalItem) -> Result<String, AuthorError> {
    let compiled = compile(root)?;
    let catalog = &compiled.resolved.catalog;
    let region = catalog.regions.get(new.region).ok_or_else(|| {
        AuthorError::refused("author-no-region", &[("region", new.region.to_string())])
    })?;
    if catalog.items.contains_key(new.code) {
        return Err(AuthorError::refused(
            "author-national-code",
            &[
                ("code", new.code.to_string()),
                ("region", new.region.to_string()),
            ],
        ));
    }
    let level = catalog.documents[region.doc].json["level"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let relative = format!("catalog/regions/{}/local/{}.yaml", new.region, new.code);
    let mut text = modeline(Kind::LocalItem, &relative);
    text.push_str(&format!(
        "# 地方事项：{}（仅{}实施），由 catalogc new item 写出。以“# ”开头的必填字段填好后删去“# ”。\n\
         code: {}\nname: {}\n\
         # type: administrative_permit   # 必填：事项类型（docs/format.md 枚举）\n\
         # audience: [person]           # 必填：服务对象 person / legal_person\n\
         levels: [{level}]\nstatus: active\nversion: 1\n\
         # legal_basis: [{{law: 法规登记册中的标识}}]   # 必填：设定依据\n\
         # statutory_limit: {{days: 20, unit: working_day}}   # 必填：法定办结时限\n\
         conditions: []   # 受理条件：- {{id: …, text: …}}\n\
         materials: []    # 申请材料：- {{id: …, name: …, form: original, copies: 1, medium: [paper], required: true, source: applicant}}\n\
         fees: []         # 收费：没有收费时留空\n\
         # result: {{type: certificate, name: 结果名称}}   # 必填：办理结果\n\
         # department: {{name: 实施机关名称, credit_code: \"18 位统一社会信用代码\"}}   # 必填：实施主体\n\
         level: {level}\n\
         # contact: {{phone: \"咨询电话\", complaint: \"12345\"}}   # 必填：咨询监督方式\n\
         # reviewed: YYYY-MM-DD   # 必填：最近核验日期\n",
        new.name,
        region.value.name,
        quoted(new.code),
        scalar(new.name),
    ));
    write_new(root, &relative, &text)?;
    Ok(relative)
}
