//! The catalog in CPSV-AP 3.2.0 terms (JSON-LD), for European and other public-service
//! catalogues: one `cpsv:PublicService` per national item and per regional entry, with its
//! evidence (materials), requirements (conditions), costs (fees), channels, output, legal
//! resources and competent authority, and one life or business event per 一件事.
//!
//! Text is always a language-tagged literal (`zh`), time limits are `xsd:duration`, and every
//! linked node carries an explicit type: the SHACL shapes check classes closed-world.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Site;
use crate::resolve::Effective;

fn zh(text: &str) -> Value {
    json!({"@value": text, "@language": "zh"})
}

fn s<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The graph being built, keyed by `@id` so shared nodes (concepts, places, laws) appear once.
struct Graph {
    base: String,
    nodes: BTreeMap<String, Value>,
}

impl Graph {
    fn id(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn add(&mut self, node: Value) -> Value {
        let id = node["@id"].as_str().unwrap_or_default().to_string();
        self.nodes.entry(id.clone()).or_insert(node);
        json!({"@id": id})
    }

    fn concept(&mut self, scheme: &str, code: &str, label: &str) -> Value {
        let id = self.id(&format!("concept/{scheme}/{code}"));
        self.add(json!({"@id": id, "@type": "skos:Concept", "skos:prefLabel": zh(label)}))
    }

    fn location(&mut self, code: &str) -> Value {
        let id = self.id(&format!("area/{code}"));
        self.add(json!({"@id": id, "@type": "dct:Location"}))
    }

    fn organisation(&mut self, key: &str, name: &str, identifier: &str, area: &str) -> Value {
        let spatial = self.location(area);
        let id = self.id(&format!("org/{key}"));
        self.add(json!({
            "@id": id, "@type": "cv:PublicOrganisation",
            "dct:identifier": identifier, "dct:title": zh(name), "skos:prefLabel": zh(name),
            "dct:spatial": spatial,
        }))
    }

    fn law(&mut self, site: &Site<'_>, id: &str) -> Value {
        let title = site
            .laws
            .get(id)
            .map_or(id, |l| l.title.as_str())
            .to_string();
        let node = self.id(&format!("law/{id}"));
        self.add(json!({"@id": node, "@type": "eli:LegalResource", "dct:title": zh(&title)}))
    }
}

fn duration(limit: Option<&Value>) -> Option<String> {
    limit
        .and_then(|l| l.get("days"))
        .and_then(Value::as_u64)
        .map(|d| format!("P{d}D"))
}

/// The parts every public service has, from national or effective values.
#[allow(clippy::too_many_arguments)]
fn service(
    graph: &mut Graph,
    site: &Site<'_>,
    path: &str,
    identifier: &str,
    national: &Value,
    description: &str,
    authority: Value,
    area: Value,
    limit: Option<&Value>,
    conditions: &[Value],
    materials: &[Value],
    fees: &[Value],
    channels: Option<&Value>,
) -> Value {
    let code = s(national, "code");
    let mut node = json!({
        "@id": graph.id(&format!("service/{path}")),
        "@type": "cpsv:PublicService",
        "dct:identifier": identifier,
        "dct:title": zh(s(national, "name")),
        "dct:description": zh(description),
        "cv:hasCompetentAuthority": authority,
        "dct:spatial": area,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/ZHO"},
    });
    graph.add(json!({"@id": "http://publications.europa.eu/resource/authority/language/ZHO", "@type": "dct:LinguisticSystem"}));
    let kind = s(national, "type");
    node["dct:type"] = graph.concept("item-type", kind, crate::labels::item_type(kind));
    if let Some(d) = duration(limit) {
        node["cv:processingTime"] = json!(d);
    }
    let requirements: Vec<Value> = conditions
        .iter()
        .map(|c| {
            let id = graph.id(&format!("requirement/{path}/{}", s(c, "id")));
            graph.add(json!({"@id": id, "@type": "cv:Requirement", "dct:identifier": s(c, "id"), "dct:title": zh(s(c, "text"))}))
        })
        .collect();
    let evidence: Vec<Value> = materials
        .iter()
        .map(|m| {
            let id = graph.id(&format!("evidence/{path}/{}", s(m, "id")));
            let mut e = json!({"@id": id, "@type": "cv:Evidence", "dct:identifier": s(m, "id"), "dct:title": zh(s(m, "name"))});
            if let Some(waived) = m.get("waived_by").and_then(Value::as_str) {
                e["dct:description"] = zh(crate::labels::waived_by(waived));
            }
            graph.add(e)
        })
        .collect();
    let cny = graph.concept("currency", "CNY", "人民币");
    let costs: Vec<Value> = fees
        .iter()
        .map(|f| {
            let id = graph.id(&format!("cost/{path}/{}", s(f, "id")));
            graph.add(json!({
                "@id": id, "@type": "cv:Cost", "dct:identifier": s(f, "id"),
                "cv:hasValue": f.get("amount").and_then(Value::as_f64).unwrap_or(0.0),
                "cv:currency": cny.clone(), "dct:description": zh(s(f, "name")),
            }))
        })
        .collect();
    node["cv:holdsRequirement"] = json!(requirements);
    node["cpsv:hasInput"] = json!(evidence);
    node["cv:hasCost"] = json!(costs);
    if let Some(result) = national.get("result") {
        let id = graph.id(&format!("output/{code}"));
        node["cpsv:produces"] = graph.add(json!({"@id": id, "@type": "cv:Output", "dct:identifier": format!("{code}-result"), "dct:title": zh(s(result, "name"))}));
    }
    let laws: Vec<Value> = national
        .get("legal_basis")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|l| graph.law(site, s(l, "law")))
        .collect();
    node["cv:hasLegalResource"] = json!(laws);
    if let Some(channels) = channels {
        let mut list = Vec::new();
        for (kind, label, on) in [
            (
                "window",
                "窗口办理",
                channels
                    .get("window")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            ),
            ("online", "网上办理", channels.get("online").is_some()),
            (
                "mobile",
                "移动端办理",
                channels
                    .get("mobile")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            ),
            (
                "mail",
                "快递申请",
                channels
                    .get("mail")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            ),
        ] {
            if on {
                let kind_node = graph.concept("channel", kind, label);
                let id = graph.id(&format!("channel/{path}/{kind}"));
                list.push(graph.add(json!({"@id": id, "@type": "cv:Channel", "dct:identifier": format!("{identifier}-{kind}"), "dct:type": kind_node})));
            }
        }
        node["cv:hasChannel"] = json!(list);
    }
    node
}

/// The whole catalog as one JSON-LD document.
pub fn document(site: &Site<'_>) -> Vec<u8> {
    let catalog = site.catalog;
    let base = format!("{}/id/", site.base_url.trim_end_matches('/'));
    let mut graph = Graph {
        base,
        nodes: BTreeMap::new(),
    };
    let mut events_of: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (id, event) in &catalog.events {
        for member in &event.value.members {
            events_of
                .entry(member.clone())
                .or_default()
                .push(json!({"@id": graph.id(&format!("event/{id}"))}));
        }
    }
    for (code, item) in &catalog.items {
        let national = &catalog.doc(item).json;
        let authority_name = national
            .get("central_department")
            .and_then(Value::as_str)
            .unwrap_or("国务院有关部门");
        let authority = graph.organisation(
            &format!("national/{code}"),
            authority_name,
            &format!("national-{code}"),
            "CN",
        );
        let area = graph.location("CN");
        let lines = |field: &str| {
            national
                .get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let description = national
            .get("description")
            .and_then(Value::as_str)
            .map_or_else(
                || format!("全国基本目录事项：{}", s(national, "name")),
                str::to_string,
            );
        let mut node = service(
            &mut graph,
            site,
            code,
            code,
            national,
            &description,
            authority,
            area,
            national.get("statutory_limit"),
            &lines("conditions"),
            &lines("materials"),
            &lines("fees"),
            None,
        );
        if let Some(events) = events_of.get(code) {
            node["cv:isGroupedBy"] = json!(events);
        }
        graph.add(node);
    }
    for effective in catalog.effective.iter().filter(|e| {
        catalog.items.contains_key(&e.item)
            && (site.regions.is_empty() || site.regions.contains(&e.region))
    }) {
        regional(&mut graph, site, effective);
    }
    for (id, event) in &catalog.events {
        let json = &catalog.doc(event).json;
        let kind = if event.value.kind == "business" {
            "cv:BusinessEvent"
        } else {
            "cv:LifeEvent"
        };
        let related: Vec<Value> = event
            .value
            .members
            .iter()
            .map(|m| json!({"@id": graph.id(&format!("service/{m}"))}))
            .collect();
        let mut node = json!({
            "@id": graph.id(&format!("event/{id}")), "@type": [kind, "cv:Event"],
            "dct:identifier": id, "dct:title": zh(&event.value.name), "cv:hasRelatedService": related,
        });
        if let Some(d) = json.get("description").and_then(Value::as_str) {
            node["dct:description"] = zh(d);
        }
        graph.add(node);
    }
    let document = json!({
        "@context": {
            "cpsv": "http://purl.org/vocab/cpsv#",
            "cv": "http://data.europa.eu/m8g/",
            "dct": "http://purl.org/dc/terms/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "eli": "http://data.europa.eu/eli/ontology#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "cv:processingTime": {"@type": "xsd:duration"},
            "cv:hasValue": {"@type": "xsd:double"},
        },
        "@graph": graph.nodes.into_values().collect::<Vec<_>>(),
    });
    (serde_json::to_string_pretty(&document).unwrap_or_default() + "\n").into_bytes()
}

fn regional(graph: &mut Graph, site: &Site<'_>, effective: &Effective) {
    let catalog = site.catalog;
    let national = &catalog.documents[effective.national.unwrap_or(effective.own())].json;
    let get = |field: &str| effective.get(catalog, field).map(|s| s.value.clone());
    let region_name = catalog
        .regions
        .get(&effective.region)
        .map(|r| r.value.name.clone())
        .unwrap_or_default();
    let department = get("department").unwrap_or(Value::Null);
    let credit = s(&department, "credit_code").to_string();
    let authority = graph.organisation(&credit, s(&department, "name"), &credit, &effective.region);
    let area = graph.location(&effective.region);
    let identifier = get("task_code")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{}-{}", effective.region, effective.item));
    let path = format!("{}/{}", effective.region, effective.item);
    let description = format!("{region_name}实施：{}", s(national, "name"));
    let committed = get("committed_limit");
    let mut node = service(
        graph,
        site,
        &path,
        &identifier,
        national,
        &description,
        authority,
        area,
        committed.as_ref().or(national.get("statutory_limit")),
        &site.lines(effective, "conditions"),
        &site.lines(effective, "materials"),
        &site.lines(effective, "fees"),
        get("channels").as_ref(),
    );
    node["cv:relatedService"] = json!({"@id": graph.id(&format!("service/{}", effective.item))});
    graph.add(node);
}
