//! The `diff` report: per-region conformance and a cross-region view per item, as text, JSON
//! (documented by `schema/diff.schema.json`) or Markdown for pull-request comments.

use std::fmt::Write;

use serde::Serialize;
use serde_json::{Value, json};

use crate::diff::{Class, Detail, RegionResult};
use crate::pipeline::Compiled;

/// One region's effective values for one item, side by side with the others.
#[derive(Debug, Serialize)]
pub struct RegionColumn {
    pub region: String,
    pub name: String,
    pub class: Class,
    pub materials: Vec<Value>,
    pub committed_limit: Option<Value>,
    pub fees: Vec<Value>,
}

#[derive(Debug, Serialize)]
pub struct ItemView {
    pub code: String,
    pub name: String,
    pub statutory_limit: Option<Value>,
    pub materials: Vec<Value>,
    pub fees: Vec<Value>,
    pub regions: Vec<RegionColumn>,
}

#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub version: u32,
    pub regions: Vec<RegionResult>,
    pub items: Vec<ItemView>,
    #[serde(skip)]
    focus: bool,
}

/// The lines of a list after a region's restatement: national lines merged with the region's
/// changes, dropped lines gone, additions marked `added`.
pub fn effective_lines(national: Option<&Value>, regional: Option<&Value>) -> Vec<Value> {
    let national_lines = national
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(regional_lines) = regional.and_then(Value::as_array) else {
        return national_lines;
    };
    regional_lines
        .iter()
        .map(|line| match line.get("ref").and_then(Value::as_str) {
            Some(reference) => {
                let mut merged = national_lines
                    .iter()
                    .find(|n| n.get("id").and_then(Value::as_str) == Some(reference))
                    .cloned()
                    .unwrap_or_else(|| json!({"id": reference}));
                if let (Some(target), Some(changes)) = (merged.as_object_mut(), line.as_object()) {
                    for (k, v) in changes.iter().filter(|(k, _)| *k != "ref") {
                        target.insert(k.clone(), v.clone());
                    }
                }
                merged
            }
            None => {
                let mut added = line.clone();
                if let Some(map) = added.as_object_mut() {
                    map.insert("added".to_string(), Value::Bool(true));
                }
                added
            }
        })
        .collect()
}

impl DiffReport {
    pub fn new(compiled: &Compiled, items: &[String]) -> DiffReport {
        let catalog = &compiled.resolved.catalog;
        let wanted = |code: &str| items.is_empty() || items.iter().any(|i| i == code);
        let regions: Vec<RegionResult> = compiled
            .conformance
            .regions
            .iter()
            .cloned()
            .map(|mut r| {
                r.entries.retain(|e| wanted(&e.item));
                r.missing.retain(|m| wanted(&m.code));
                r.extra.retain(|m| wanted(&m.code));
                r
            })
            .collect();
        let kept: std::collections::BTreeSet<&str> =
            regions.iter().map(|r| r.code.as_str()).collect();
        let item_views = catalog
            .items
            .iter()
            .filter(|(code, _)| wanted(code))
            .map(|(code, item)| {
                let national = &catalog.doc(item).json;
                let columns = compiled
                    .resolved
                    .effective_for_item(code)
                    .filter(|e| kept.contains(e.region.as_str()))
                    .map(|e| {
                        // A value inherited from the national item is the standard itself, not a restatement.
                        let get = |field: &str| {
                            e.get(catalog, field)
                                .filter(|s| !s.national)
                                .map(|s| s.value.clone())
                        };
                        let class = compiled
                            .conformance
                            .entry(&e.region, code)
                            .map_or(Class::Same, |x| x.class);
                        RegionColumn {
                            region: e.region.clone(),
                            name: catalog
                                .regions
                                .get(&e.region)
                                .map(|r| r.value.name.clone())
                                .unwrap_or_default(),
                            class,
                            materials: effective_lines(
                                national.get("materials"),
                                get("materials").as_ref(),
                            ),
                            committed_limit: e
                                .get(catalog, "committed_limit")
                                .map(|s| s.value.clone()),
                            fees: effective_lines(national.get("fees"), get("fees").as_ref()),
                        }
                    })
                    .collect();
                ItemView {
                    code: code.clone(),
                    name: item.value.name.clone(),
                    statutory_limit: national.get("statutory_limit").cloned(),
                    materials: effective_lines(national.get("materials"), None),
                    fees: effective_lines(national.get("fees"), None),
                    regions: columns,
                }
            })
            .collect();
        DiffReport {
            version: 1,
            regions,
            items: item_views,
            focus: !items.is_empty(),
        }
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for region in &self.regions {
            let _ = writeln!(
                out,
                "{} ({}, {})  score {:.0}%  ({} of {} applicable items conform)",
                region.name,
                region.code,
                region.level.as_str(),
                region.score * 100.0,
                region.conforming,
                region.applicable
            );
            let counts: Vec<String> = Class::ALL
                .iter()
                .filter(|c| !matches!(c, Class::Local))
                .map(|c| {
                    format!(
                        "{} {}",
                        c.as_str(),
                        region.counts.get(c).copied().unwrap_or(0)
                    )
                })
                .collect();
            let _ = writeln!(out, "  entries: {}", counts.join(", "));
            for entry in &region.entries {
                let _ = writeln!(
                    out,
                    "  {} {}: {}",
                    entry.item,
                    entry.name,
                    entry.class.as_str()
                );
                for field in entry
                    .fields
                    .iter()
                    .filter(|f| !matches!(f.class, Class::Same | Class::Local))
                {
                    let from = if field.inherited {
                        format!(", inherited from {}:{}", field.file, field.line)
                    } else {
                        format!(", {}:{}", field.file, field.line)
                    };
                    let _ = writeln!(out, "    {}: {}{from}", field.field, field.class.as_str());
                    for detail in &field.details {
                        let _ = writeln!(out, "      {}", describe(detail));
                    }
                }
            }
            for missing in &region.missing {
                let _ = writeln!(out, "  {} {}: missing", missing.code, missing.name);
            }
            for extra in &region.extra {
                let _ = writeln!(out, "  {} {}: extra (local item)", extra.code, extra.name);
            }
            out.push('\n');
        }
        if self.focus {
            for item in &self.items {
                let _ = writeln!(out, "{} {} across regions", item.code, item.name);
                let _ = writeln!(
                    out,
                    "  national: {} materials: {}; limit {}; fees {}",
                    item.materials.len(),
                    materials(&item.materials),
                    limit(item.statutory_limit.as_ref()),
                    fees(&item.fees)
                );
                for column in &item.regions {
                    let _ = writeln!(
                        out,
                        "  {} ({}): {} materials: {}; committed {}; fees {}; {}",
                        column.name,
                        column.region,
                        column.materials.len(),
                        materials(&column.materials),
                        limit(column.committed_limit.as_ref()),
                        fees(&column.fees),
                        column.class.as_str()
                    );
                }
                out.push('\n');
            }
        }
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "## Conformance\n\n| region | score | same | improved | approved | deviation | missing | extra |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
        );
        for r in &self.regions {
            let n = |c: Class| r.counts.get(&c).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "| {} ({}) | {:.0}% | {} | {} | {} | {} | {} | {} |",
                cell(&r.name),
                r.code,
                r.score * 100.0,
                n(Class::Same),
                n(Class::Improved),
                n(Class::Approved),
                n(Class::Deviation),
                n(Class::Missing),
                n(Class::Extra)
            );
        }
        let mut rows = String::new();
        for r in &self.regions {
            for e in &r.entries {
                for f in &e.fields {
                    for d in f
                        .details
                        .iter()
                        .filter(|d| matches!(d.class, Class::Deviation | Class::Approved))
                    {
                        let _ = writeln!(
                            rows,
                            "| {} | {} {} | {} | {} | {} |",
                            cell(&r.name),
                            e.item,
                            cell(&e.name),
                            f.field,
                            d.class.as_str(),
                            cell(&describe(d))
                        );
                    }
                }
            }
        }
        if !rows.is_empty() {
            out.push_str("\n### Deviations\n\n| region | item | field | class | what |\n|---|---|---|---|---|\n");
            out.push_str(&rows);
        }
        if self.focus {
            for item in &self.items {
                let _ = write!(
                    out,
                    "\n### {} {}\n\n| region | materials | limit | fees | class |\n|---|---|---|---|---|\n",
                    item.code,
                    cell(&item.name)
                );
                let _ = writeln!(
                    out,
                    "| national standard | {} ({}) | {} | {} | |",
                    item.materials.len(),
                    cell(&materials(&item.materials)),
                    limit(item.statutory_limit.as_ref()),
                    cell(&fees(&item.fees))
                );
                for c in &item.regions {
                    let _ = writeln!(
                        out,
                        "| {} ({}) | {} ({}) | {} | {} | {} |",
                        cell(&c.name),
                        c.region,
                        c.materials.len(),
                        cell(&materials(&c.materials)),
                        limit(c.committed_limit.as_ref()),
                        cell(&fees(&c.fees)),
                        c.class.as_str()
                    );
                }
            }
        }
        out
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn show(value: Option<&Value>) -> String {
    match value {
        None => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

/// One line for a detail: what changed, with both values.
pub fn describe(detail: &Detail) -> String {
    let key = detail.key.as_deref().unwrap_or("");
    let mut line = match detail.kind.as_str() {
        "added" => format!(
            "added {key}: {}",
            show(
                detail
                    .regional
                    .as_ref()
                    .and_then(|v| v.get("name").or_else(|| v.get("text")))
            )
        ),
        "removed" => format!(
            "removed {key}: {}",
            show(
                detail
                    .national
                    .as_ref()
                    .and_then(|v| v.get("name").or_else(|| v.get("text")))
            )
        ),
        "waived" => format!(
            "waived {key}: 免提交 via {}",
            show(detail.regional.as_ref())
        ),
        "value" => format!(
            "{} (standard {})",
            limit(detail.regional.as_ref()),
            limit(detail.national.as_ref())
        ),
        kind if !key.is_empty() => format!(
            "{key} {kind}: {} (standard {})",
            show(detail.regional.as_ref()),
            show(detail.national.as_ref())
        ),
        kind => format!(
            "{kind}: {} (standard {})",
            show(detail.regional.as_ref()),
            show(detail.national.as_ref())
        ),
    };
    if let Some(diff) = &detail.text_diff {
        line = format!("{line}; text: {diff}");
    }
    if let Some(a) = &detail.approved_by {
        line = format!("{line}; approved by {} until {}", a.approval, a.expires);
    }
    line
}

fn limit(value: Option<&Value>) -> String {
    match value {
        Some(v) if v.get("days").is_some() => {
            let unit = match v.get("unit").and_then(Value::as_str) {
                Some("working_day") => "个工作日",
                Some("calendar_day") => "个自然日",
                _ => "天",
            };
            format!("{}{unit}", v["days"])
        }
        Some(v) => show(Some(v)),
        None => "—".to_string(),
    }
}

fn materials(lines: &[Value]) -> String {
    lines
        .iter()
        .map(|m| {
            let name = m
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_else(|| m.get("id").and_then(Value::as_str).unwrap_or("?"));
            let mut notes = Vec::new();
            if m.get("waived_by").is_some() {
                notes.push("免提交".to_string());
            } else if let Some(c) = m.get("copies") {
                notes.push(format!("{c}份"));
            }
            if m.get("required") == Some(&Value::Bool(false)) {
                notes.push("非必要".to_string());
            }
            if m.get("added").is_some() {
                notes.push("地方新增".to_string());
            }
            format!("{name}({})", notes.join("，"))
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn fees(lines: &[Value]) -> String {
    if lines.is_empty() {
        return "不收费".to_string();
    }
    lines
        .iter()
        .map(|f| {
            format!(
                "{} {}元",
                f.get("name").and_then(Value::as_str).unwrap_or("?"),
                show(f.get("amount"))
            )
        })
        .collect::<Vec<_>>()
        .join("、")
}
