//! The portal, the Markdown guides and the search index: code prepares each page's context (the
//! shapes are documented in docs/templates.md), the templates decide the page.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Value as Page, context};
use serde_json::{Value, json};

use super::Site;
use super::templates::TemplateError;
use crate::diff::Class;
use crate::diff::Detail;
use crate::diff_report::effective_lines;
use crate::labels;
use crate::resolve::Effective;

/// One output file: its path under the output folder and its bytes.
pub type File = (String, Vec<u8>);

/// A string field of a JSON value, or "".
fn s<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The common part of every page's context.
fn page(
    site: &Site<'_>,
    root: &str,
    title: &str,
    reviewed: Option<&str>,
    feed: Option<String>,
) -> Value {
    json!({
        "root": root,
        "site": {"title": site.title, "language": "zh-CN"},
        "page": {"title": title, "reviewed": reviewed, "feed": feed},
    })
}

fn class_json(class: Class) -> Value {
    json!({"class": class.as_str(), "class_label": labels::class(class.as_str())})
}

impl Site<'_> {
    fn law(&self, reference: &Value) -> Value {
        let id = s(reference, "law");
        let law = self.laws.get(id);
        json!({
            "title": law.map_or(id, |l| l.title.as_str()),
            "number": law.and_then(|l| l.number.clone()),
            "article": reference.get("article"),
        })
    }

    fn laws_of(&self, list: Option<&Value>) -> Vec<Value> {
        list.and_then(Value::as_array)
            .map(|l| l.iter().map(|r| self.law(r)).collect())
            .unwrap_or_default()
    }

    fn law_title(&self, id: Option<&str>) -> Option<String> {
        id.map(|id| {
            self.laws
                .get(id)
                .map_or(id.to_string(), |l| l.title.clone())
        })
    }

    pub fn material(&self, line: &Value) -> Value {
        let waived = line.get("waived_by").and_then(Value::as_str);
        json!({
            "id": s(line, "id"),
            "name": s(line, "name"),
            "form_label": labels::form(s(line, "form")),
            "copies": line.get("copies"),
            "medium_label": labels::list(line.get("medium"), labels::medium),
            "required": line.get("required").and_then(Value::as_bool).unwrap_or(true),
            "source_label": labels::source(s(line, "source")),
            "certificate": line.get("certificate").and_then(Value::as_str).map(|c| self.certificates.get(c).cloned().unwrap_or_else(|| c.to_string())),
            "waived": waived.is_some(),
            "waived_label": waived.map(labels::waived_by),
            "note": line.get("note"),
            "added": line.get("added").is_some(),
        })
    }

    pub fn fee(&self, line: &Value) -> Value {
        let amount = line.get("amount").and_then(Value::as_f64).unwrap_or(0.0);
        json!({
            "name": s(line, "name"),
            "amount": format!("{} 元", trim_number(amount)),
            "basis": self.law_title(line.get("basis").and_then(Value::as_str)),
            "added": line.get("added").is_some(),
        })
    }

    fn materials(&self, lines: &[Value]) -> Vec<Value> {
        lines.iter().map(|l| self.material(l)).collect()
    }

    fn fees(&self, lines: &[Value]) -> Vec<Value> {
        lines.iter().map(|l| self.fee(l)).collect()
    }

    /// The effective value of a field, and whether it is the region's (rather than national).
    fn field<'a>(&'a self, effective: &Effective, field: &str) -> Option<&'a Value> {
        effective.get(self.catalog, field).map(|s| s.value)
    }

    /// Effective list lines (see `Effective::lines`).
    pub fn lines(&self, effective: &Effective, field: &str) -> Vec<Value> {
        effective.lines(self.catalog, field)
    }

    fn national(&self, code: &str) -> Option<&Value> {
        self.catalog
            .items
            .get(code)
            .map(|i| &self.catalog.doc(i).json)
    }

    pub fn guide_url(region: &str, code: &str) -> String {
        format!("regions/{region}/{code}.html")
    }

    /// The 办事指南 of one effective entry.
    pub fn guide(&self, effective: &Effective) -> Value {
        let national = self
            .national(&effective.item)
            .cloned()
            .unwrap_or(Value::Null);
        let get = |field: &str| self.field(effective, field).cloned().unwrap_or(Value::Null);
        let mut legal_basis = self.laws_of(national.get("legal_basis"));
        legal_basis.extend(self.laws_of(self.field(effective, "implementation_basis")));
        let channels = get("channels");
        let region = self
            .catalog
            .regions
            .get(&effective.region)
            .map(|r| &r.value);
        let differences: Vec<Value> = self
            .entry_result(&effective.region, &effective.item)
            .map(|entry| {
                entry
                    .fields
                    .iter()
                    .flat_map(|f| f.details.iter().map(move |d| (f, d)))
                    .filter(|(_, d)| !matches!(d.class, Class::Same | Class::Local))
                    .map(|(f, d)| {
                        let mut v = class_json(d.class);
                        v["text"] = json!(describe_zh(&f.field, d, &national));
                        v
                    })
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "code": effective.item,
            "name": s(&national, "name"),
            "region_name": region.map(|r| r.name.as_str()),
            "region_code": effective.region,
            "task_code": get("task_code"),
            "type_label": labels::item_type(s(&national, "type")),
            "legal_basis": legal_basis,
            "department": get("department"),
            "audience_label": labels::list(national.get("audience"), labels::audience),
            "quantity_limit": national.get("quantity_limit"),
            "conditions": self.lines(effective, "conditions").iter().map(|c| json!({"text": s(c, "text"), "added": c.get("added").is_some()})).collect::<Vec<_>>(),
            "materials": self.materials(&self.lines(effective, "materials")),
            "intermediary_services": national.get("intermediary_services").cloned().unwrap_or(json!([])),
            "process": get("process"),
            "statutory_limit": labels::limit(national.get("statutory_limit")),
            "committed_limit": labels::limit(self.field(effective, "committed_limit")),
            "handling_label": self.field(effective, "handling").and_then(Value::as_str).map(labels::handling),
            "fees": self.fees(&self.lines(effective, "fees")),
            "result": result(national.get("result")),
            "channels": {
                "window": channels.get("window").and_then(Value::as_bool).unwrap_or(false),
                "online_url": channels.pointer("/online/url"),
                "mobile": channels.get("mobile").and_then(Value::as_bool).unwrap_or(false),
                "mail": channels.get("mail").and_then(Value::as_bool).unwrap_or(false),
                "visits": channels.get("visits"),
                "visit_reason": channels.get("visit_reason"),
            },
            "address": get("address"),
            "hours": get("hours"),
            "traffic": get("traffic"),
            "contact": get("contact"),
            "faq": get("faq"),
            "redress": get("redress"),
            "reviewed": self.catalog.documents[effective.own()].json.get("reviewed"),
            "national_url": format!("items/{}.html", effective.item),
            "differences": differences,
        })
    }

    fn entry_result(&self, region: &str, item: &str) -> Option<&crate::diff::EntryResult> {
        self.conformance.entry(region, item)
    }

    /// schema.org `GovernmentService` for a guide page, safe inside `<script>`.
    fn guide_jsonld(&self, guide: &Value) -> String {
        let contact = &guide["contact"];
        let value = json!({
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": guide["name"],
            "identifier": if guide["task_code"].is_null() { guide["code"].clone() } else { guide["task_code"].clone() },
            "serviceType": guide["type_label"],
            "provider": {"@type": "GovernmentOrganization", "name": guide["department"]["name"], "identifier": guide["department"]["credit_code"]},
            "areaServed": {"@type": "AdministrativeArea", "name": guide["region_name"], "identifier": guide["region_code"]},
            "availableChannel": {
                "@type": "ServiceChannel",
                "serviceUrl": guide["channels"]["online_url"],
                "servicePhone": {"@type": "ContactPoint", "telephone": contact.get("phone")},
                "availableLanguage": "zh-CN",
            },
            "dateModified": guide["reviewed"],
        });
        script_safe(&value)
    }

    /// Every page of the portal and every Markdown guide. The guides, one pair of files per
    /// entry, go straight to `sink` as they are rendered (in parallel); the other pages are
    /// returned.
    pub fn pages(&self, sink: &dyn super::Sink) -> Result<Vec<File>, super::BuildError> {
        let mut out = Vec::new();
        out.push((
            "portal/index.html".to_string(),
            self.render("index.html", self.index())?,
        ));
        for code in self.catalog.items.keys() {
            out.push((
                format!("portal/items/{code}.html"),
                self.render("item.html", self.item_page(code))?,
            ));
        }
        for code in self.catalog.regions.keys().filter(|c| self.wanted(c)) {
            out.push((
                format!("portal/regions/{code}/index.html"),
                self.render("region.html", self.region_page(code))?,
            ));
        }
        {
            use rayon::prelude::*;
            self.catalog
                .effective
                .par_iter()
                .filter(|e| self.wanted(&e.region) && self.catalog.items.contains_key(&e.item))
                .try_for_each(|e| -> Result<(), super::BuildError> {
                    let root = "../../";
                    let guide = self.guide(e);
                    let jsonld = self.guide_jsonld(&guide);
                    let base = page(self, root, s(&guide, "name"), guide["reviewed"].as_str(), self.feed_for(Some(&e.region)));
                    let html = self.templates.render(
                        "guide.html",
                        context! { jsonld => Page::from_safe_string(jsonld), ..Page::from(Serde(&merge(base, json!({"guide": guide.clone()})))) },
                    )?;
                    let md = self.templates.render("guide.md", Page::from(Serde(&json!({"guide": guide}))))?;
                    sink.put(format!("portal/{}", Self::guide_url(&e.region, &e.item)), html.into_bytes())?;
                    sink.put(format!("guides/{}/{}.md", e.region, e.item), md.into_bytes())
                })?;
        }
        for id in self.catalog.events.keys() {
            out.push((
                format!("portal/events/{id}.html"),
                self.render("event.html", self.event_page(id))?,
            ));
        }
        out.push((
            "portal/conformance.html".to_string(),
            self.render("conformance.html", self.conformance_page())?,
        ));
        let entries = self.search_entries();
        out.push((
            "portal/search-index.json".to_string(),
            (serde_json::to_string_pretty(&entries).unwrap_or_default() + "\n").into_bytes(),
        ));
        out.push((
            "portal/search.html".to_string(),
            self.render(
                "search.html",
                merge(
                    page(self, "", "搜索事项", None, self.feed_for(None)),
                    json!({"entries": entries}),
                ),
            )?,
        ));
        for (name, bytes) in &self.templates.assets {
            out.push((format!("portal/{name}"), bytes.clone()));
        }
        Ok(out)
    }

    fn render(&self, template: &str, context: Value) -> Result<Vec<u8>, TemplateError> {
        Ok(self
            .templates
            .render(template, Page::from(Serde(&context)))?
            .into_bytes())
    }

    fn wanted(&self, region: &str) -> bool {
        self.regions.is_empty() || self.regions.iter().any(|r| r == region)
    }

    fn feed_for(&self, region: Option<&str>) -> Option<String> {
        if !self.feeds {
            return None;
        }
        Some(match region {
            Some(r) => format!("regions/{r}/feed.xml"),
            None => "feed.xml".to_string(),
        })
    }

    fn score(&self, region: &str) -> Option<&crate::diff::RegionResult> {
        self.conformance.region(region)
    }

    fn index(&self) -> Value {
        let items: Vec<Value> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| {
                let json = &self.catalog.doc(item).json;
                json!({
                    "code": code, "name": item.value.name,
                    "type_label": labels::item_type(&item.value.kind),
                    "levels_label": labels::list(json.get("levels"), labels::level),
                    "url": format!("items/{code}.html"),
                })
            })
            .collect();
        let regions: Vec<Value> = self
            .catalog
            .regions
            .iter()
            .filter(|(code, _)| self.wanted(code))
            .map(|(code, region)| {
                json!({
                    "code": code, "name": region.value.name,
                    "level_label": region.value.level.label(),
                    "parent_name": region.value.parent.as_ref().and_then(|p| self.catalog.regions.get(p)).map(|p| p.value.name.clone()),
                    "url": format!("regions/{code}/index.html"),
                    "score_pct": self.score(code).map_or(100, |r| (r.score * 100.0).round() as u32),
                })
            })
            .collect();
        let events: Vec<Value> = self
            .catalog
            .events
            .iter()
            .map(|(id, e)| json!({"id": id, "name": e.value.name, "kind_label": labels::event_kind(&e.value.kind), "url": format!("events/{id}.html")}))
            .collect();
        merge(
            page(self, "", &self.title, None, self.feed_for(None)),
            json!({"items": items, "regions": regions, "events": events}),
        )
    }

    fn item_page(&self, code: &str) -> Value {
        let root = "../";
        let national = self.national(code).cloned().unwrap_or(Value::Null);
        let lines = |field: &str| effective_lines(national.get(field), None);
        let item = json!({
            "code": code,
            "name": s(&national, "name"),
            "type_label": labels::item_type(s(&national, "type")),
            "audience_label": labels::list(national.get("audience"), labels::audience),
            "levels_label": labels::list(national.get("levels"), labels::level),
            "description": national.get("description"),
            "legal_basis": self.laws_of(national.get("legal_basis")),
            "statutory_limit": labels::limit(national.get("statutory_limit")),
            "conditions": lines("conditions").iter().map(|c| json!({"id": s(c, "id"), "text": s(c, "text")})).collect::<Vec<_>>(),
            "materials": self.materials(&lines("materials")),
            "fees": self.fees(&lines("fees")),
            "result": result(national.get("result")),
            "process": national.get("process").cloned().unwrap_or(json!([])),
            "reviewed": national.get("reviewed"),
        });
        let columns: Vec<Value> = self
            .catalog
            .effective_for_item(code)
            .filter(|e| self.wanted(&e.region))
            .map(|e| {
                let entry = self.entry_result(&e.region, code);
                let class = entry.map_or(Class::Same, |x| x.class);
                let differences: Vec<String> = entry
                    .map(|x| {
                        x.fields
                            .iter()
                            .flat_map(|f| f.details.iter().map(move |d| (f, d)))
                            .filter(|(_, d)| !matches!(d.class, Class::Same | Class::Local))
                            .map(|(f, d)| describe_zh(&f.field, d, &national))
                            .collect()
                    })
                    .unwrap_or_default();
                let column = class_json(class);
                let extra = json!({
                    "region": e.region,
                    "name": self.catalog.regions.get(&e.region).map(|r| r.value.name.clone()),
                    "url": Self::guide_url(&e.region, code),
                    "committed_limit": labels::limit(self.field(e, "committed_limit")),
                    "materials": self.materials(&self.lines(e, "materials")),
                    "fees": self.fees(&self.lines(e, "fees")),
                    "differences": differences,
                });
                merge(column, extra)
            })
            .collect();
        merge(
            page(
                self,
                root,
                s(&national, "name"),
                national.get("reviewed").and_then(Value::as_str),
                self.feed_for(None),
            ),
            json!({"item": item, "columns": columns}),
        )
    }

    fn region_page(&self, code: &str) -> Value {
        let root = "../../";
        let Some(region) = self.catalog.regions.get(code) else {
            return Value::Null;
        };
        let result = self.score(code);
        let counts: Vec<Value> = Class::ALL
            .iter()
            .filter(|c| !matches!(c, Class::Local))
            .map(|c| {
                let mut v = class_json(*c);
                v["count"] = json!(result.and_then(|r| r.counts.get(c)).copied().unwrap_or(0));
                v
            })
            .collect();
        let parent = region
            .value
            .parent
            .as_ref()
            .and_then(|p| self.catalog.regions.get(p).map(|r| (p, r)));
        let entries: Vec<Value> = result
            .map(|r| {
                r.entries
                    .iter()
                    .map(|e| {
                        let effective = self.catalog.effective_of(code, &e.item);
                        let mut v = class_json(e.class);
                        v["code"] = json!(e.item);
                        v["name"] = json!(e.name);
                        v["url"] = json!(Self::guide_url(code, &e.item));
                        v["committed_limit"] = json!(
                            effective.and_then(|x| labels::limit(self.field(x, "committed_limit")))
                        );
                        v["reviewed"] = json!(effective.and_then(|x| {
                            self.catalog.documents[x.own()].json.get("reviewed")
                        }));
                        v
                    })
                    .collect()
            })
            .unwrap_or_default();
        let local_items: Vec<Value> = result
            .map(|r| {
                r.extra
                    .iter()
                    .map(|i| json!({"code": i.code, "name": i.name, "url": Value::Null}))
                    .collect()
            })
            .unwrap_or_default();
        let missing: Vec<Value> = result
            .map(|r| r.missing.iter().map(|i| json!({"code": i.code, "name": i.name, "url": format!("items/{}.html", i.code)})).collect())
            .unwrap_or_default();
        let region_json = json!({
            "code": code,
            "name": region.value.name,
            "level_label": region.value.level.label(),
            "parent": parent.map(|(p, r)| json!({"name": r.value.name, "url": format!("regions/{p}/index.html")})),
            "score_pct": result.map_or(100, |r| (r.score * 100.0).round() as u32),
            "conforming": result.map_or(0, |r| r.conforming),
            "applicable": result.map_or(0, |r| r.applicable),
            "counts": counts,
        });
        merge(
            page(
                self,
                root,
                &region.value.name,
                None,
                self.feed_for(Some(code)),
            ),
            json!({"region": region_json, "entries": entries, "local_items": local_items, "missing": missing}),
        )
    }

    fn event_page(&self, id: &str) -> Value {
        let root = "../";
        let Some(event) = self.catalog.events.get(id) else {
            return Value::Null;
        };
        let json = &self.catalog.doc(event).json;
        let mut members = Vec::new();
        // A document several members need is listed once, with every member that needs it.
        let mut materials: BTreeMap<String, (usize, String, Vec<String>)> = BTreeMap::new();
        let mut total: BTreeMap<String, u64> = BTreeMap::new();
        for code in &event.value.members {
            let Some(national) = self.national(code) else {
                continue;
            };
            let name = s(national, "name").to_string();
            members.push(json!({"code": code, "name": name, "url": format!("items/{code}.html")}));
            for line in national
                .get("materials")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let next = materials.len();
                let slot = materials
                    .entry(s(line, "id").to_string())
                    .or_insert_with(|| (next, s(line, "name").to_string(), Vec::new()));
                slot.2.push(name.clone());
            }
            if let Some(limit) = national.get("statutory_limit") {
                *total.entry(s(limit, "unit").to_string()).or_default() +=
                    limit.get("days").and_then(Value::as_u64).unwrap_or(0);
            }
        }
        let mut merged: Vec<(usize, Value)> = materials
            .into_values()
            .map(|(order, name, items)| (order, json!({"name": name, "items": items})))
            .collect();
        merged.sort_by_key(|(order, _)| *order);
        let total_limit = match json.get("committed_limit") {
            Some(limit) => labels::limit(Some(limit)),
            None => Some(
                total
                    .iter()
                    .map(|(unit, days)| format!("{days}{}", labels::unit(unit)))
                    .collect::<Vec<_>>()
                    .join(" + ")
                    + "（各事项法定时限之和）",
            ),
        };
        let event_json = json!({
            "id": id,
            "name": event.value.name,
            "kind_label": labels::event_kind(&event.value.kind),
            "lead_department": json.get("lead_department"),
            "stage": json.get("stage"),
            "description": json.get("description"),
            "reviewed": json.get("reviewed"),
            "members": members,
            "materials": merged.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
            "total_limit": total_limit,
        });
        merge(
            page(
                self,
                root,
                &event.value.name,
                json.get("reviewed").and_then(Value::as_str),
                self.feed_for(None),
            ),
            json!({"event": event_json}),
        )
    }

    fn conformance_page(&self) -> Value {
        let items: Vec<Value> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| json!({"code": code, "name": item.value.name, "url": format!("items/{code}.html")}))
            .collect();
        let rows: Vec<Value> = self
            .conformance
            .regions
            .iter()
            .filter(|r| self.wanted(&r.code))
            .map(|r| {
                let cells: Vec<Value> = self
                    .catalog
                    .items
                    .keys()
                    .map(|code| {
                        let class = match self.conformance.entry(&r.code, code) {
                            Some(e) => e.class.as_str(),
                            None if r.missing.binary_search_by(|m| m.code.as_str().cmp(code)).is_ok() => "missing",
                            None => "na",
                        };
                        let label = if class == "na" { "不适用" } else { labels::class(class) };
                        json!({"item": code, "class": class, "class_label": label})
                    })
                    .collect();
                json!({"code": r.code, "name": r.name, "url": format!("regions/{}/index.html", r.code), "score_pct": (r.score * 100.0).round() as u32, "cells": cells})
            })
            .collect();
        let mut legend: Vec<Value> = [
            Class::Same,
            Class::Improved,
            Class::Approved,
            Class::Deviation,
            Class::Missing,
        ]
        .into_iter()
        .map(class_json)
        .collect();
        legend.push(json!({"class": "na", "class_label": "不适用"}));
        merge(
            page(self, "", "各地实施一致性", None, self.feed_for(None)),
            json!({"matrix": {"items": items, "rows": rows, "legend": legend}}),
        )
    }

    fn search_entries(&self) -> Vec<Value> {
        let mut entries: Vec<Value> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| json!({"code": code, "name": item.value.name, "region_name": Value::Null, "url": format!("items/{code}.html"), "kind": "item"}))
            .collect();
        entries.extend(self.catalog.effective.iter().filter(|e| self.wanted(&e.region) && self.catalog.items.contains_key(&e.item)).map(|e| {
            json!({
                "code": e.item,
                "name": self.catalog.items[&e.item].value.name,
                "region_name": self.catalog.regions.get(&e.region).map(|r| r.value.name.clone()),
                "url": Self::guide_url(&e.region, &e.item),
                "kind": "guide",
            })
        }));
        entries
    }
}

fn result(value: Option<&Value>) -> Value {
    match value {
        Some(r) => json!({"type_label": labels::result_type(s(r, "type")), "name": s(r, "name")}),
        None => Value::Null,
    }
}

/// A difference from the national standard, in words for the public.
fn describe_zh(field: &str, detail: &Detail, national: &Value) -> String {
    let key = detail.key.as_deref().unwrap_or_default();
    // The line's name in the national standard (or in the addition itself).
    let line = national
        .get(field)
        .and_then(Value::as_array)
        .and_then(|lines| lines.iter().find(|l| s(l, "id") == key))
        .or(detail.regional.as_ref().filter(|_| detail.kind == "added"));
    let name = line
        .map(|l| {
            if field == "conditions" {
                s(l, "text")
            } else {
                s(l, "name")
            }
        })
        .filter(|n| !n.is_empty())
        .unwrap_or(key);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Bool(true)) => "是".to_string(),
        Some(Value::Bool(false)) | None => "否".to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| labels::medium(i.as_str().unwrap_or_default()).to_string())
            .collect::<Vec<_>>()
            .join("、"),
        Some(v) => v.to_string(),
    };
    let label = field_label(field);
    let mut sentence = match detail.kind.as_str() {
        "added" => format!("{label}：增加“{name}”"),
        "removed" => format!("{label}：不再要求“{name}”"),
        "waived" => format!(
            "{label}：“{name}”{}",
            labels::waived_by(&text(detail.regional.as_ref()))
        ),
        "value" => format!(
            "{label}：{}（全国标准{}）",
            labels::limit(detail.regional.as_ref()).unwrap_or_default(),
            labels::limit(detail.national.as_ref()).unwrap_or_default()
        ),
        "changed" => format!(
            "{label}：与全国标准不同，本地为“{}”，全国标准为“{}”",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "copies" => format!(
            "{label}：“{name}”份数为{}份（全国标准{}份）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "required" => format!(
            "{label}：“{name}”{}",
            if detail.regional == Some(Value::Bool(false)) {
                "改为非必要"
            } else {
                "改为必要"
            }
        ),
        "form" => format!(
            "{label}：“{name}”须提交{}（全国标准为{}）",
            labels::form(&text(detail.regional.as_ref())),
            labels::form(&text(detail.national.as_ref()))
        ),
        "medium" => format!(
            "{label}：“{name}”可提交{}（全国标准为{}）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "text" | "name" => format!(
            "{label}：“{name}”表述改为“{}”",
            text(detail.regional.as_ref())
        ),
        "amount" => format!(
            "{label}：“{name}”收费{}元（全国标准{}元）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        kind => format!(
            "{label}：{}由“{}”改为“{}”",
            channel_label(kind),
            text(detail.national.as_ref()),
            text(detail.regional.as_ref())
        ),
    };
    if let Some(approval) = &detail.approved_by {
        sentence.push_str(&format!(
            "（经{}批准，有效期至{}）",
            approval.approval, approval.expires
        ));
    }
    sentence
}

fn channel_label(property: &str) -> &str {
    match property {
        "window" => "窗口办理",
        "online" => "网上办理",
        "mobile" => "移动端办理",
        "mail" => "快递申请",
        "self_service" => "自助终端办理",
        "visits" => "到现场次数",
        other => other,
    }
}

/// Chinese name of a policy field, for the list of differences.
fn field_label(field: &str) -> &str {
    match field {
        "conditions" => "受理条件",
        "materials" => "申请材料",
        "fees" => "收费",
        "committed_limit" => "承诺办结时限",
        "channels" => "办理渠道",
        "name" => "事项名称",
        "legal_basis" => "设定依据",
        "statutory_limit" => "法定办结时限",
        "result" => "审批结果",
        other => other,
    }
}

fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Shallow merge of two JSON objects (`extra` wins).
pub fn merge(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        b.extend(e);
    }
    base
}

/// JSON text that can sit inside `<script>` without ending it or opening markup.
pub fn script_safe(value: &Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
