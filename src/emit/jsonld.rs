//! The catalog in CPSV-AP 3.2.0 terms (JSON-LD), for European and other public-service
//! catalogues: one `cpsv:PublicService` per national item and per regional entry, with its
//! evidence (materials), requirements (conditions), costs (fees), channels, output, legal
//! resources and competent authority, and one life or business event per 一件事.
//!
//! Text is always a language-tagged literal (`zh`), time limits are `xsd:duration`, and every
//! linked node carries an explicit type: the SHACL shapes check classes closed-world.
//!
//! The document is not built as one value: each node is serialized as soon as it is made, and
//! the nodes are joined in `@id` order at the end.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::Site;
use super::json::{J, Line, Obj, write_at};
use crate::resolve::Effective;
use crate::resolve::view::{self, Channels, Department, Limit, ListField, Record};

const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/ZHO";

fn zh<'a>(text: impl Into<J<'a>>) -> J<'a> {
    Obj::new()
        .with("@value", text)
        .with("@language", "zh")
        .into()
}

/// `{"@id": id}`
fn reference<'a>(id: String) -> J<'a> {
    Obj::new().with("@id", id).into()
}

/// The graph being built, keyed by `@id` so shared nodes (concepts, places, laws) appear once
/// (the first one added wins). Each node is kept serialized, indented for its place in
/// `@graph`.
struct Graph {
    base: String,
    nodes: HashMap<String, Vec<u8>>,
}

impl Graph {
    fn id(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Add the node `id` unless it is already there; `node` makes it (without its `@id`).
    fn add<'n>(&mut self, id: String, node: impl FnOnce() -> Obj<'n>) -> J<'static> {
        if !self.nodes.contains_key(&id) {
            let node = node().with("@id", J::Str(&id));
            let mut bytes = Vec::new();
            write_at(&mut bytes, 2, &node);
            self.nodes.insert(id.clone(), bytes);
        }
        reference(id)
    }

    fn concept(&mut self, scheme: &str, code: &str, label: &str) -> J<'static> {
        let id = self.id(&format!("concept/{scheme}/{code}"));
        self.add(id, || {
            Obj::new()
                .with("@type", "skos:Concept")
                .with("skos:prefLabel", zh(label))
        })
    }

    fn location(&mut self, code: &str) -> J<'static> {
        let id = self.id(&format!("area/{code}"));
        self.add(id, || Obj::new().with("@type", "dct:Location"))
    }

    fn organisation(&mut self, key: &str, name: &str, identifier: &str, area: &str) -> J<'static> {
        let spatial = self.location(area);
        let id = self.id(&format!("org/{key}"));
        self.add(id, || {
            Obj::new()
                .with("@type", "cv:PublicOrganisation")
                .with("dct:identifier", identifier)
                .with("dct:title", zh(name))
                .with("skos:prefLabel", zh(name))
                .with("dct:spatial", spatial)
        })
    }

    fn law(&mut self, site: &Site<'_>, id: &str) -> J<'static> {
        let title = site.laws.get(id).map_or(id, |l| l.title.as_str());
        let node = self.id(&format!("law/{id}"));
        self.add(node, || {
            Obj::new()
                .with("@type", "eli:LegalResource")
                .with("dct:title", zh(title))
        })
    }

    /// The whole document: `@context` and the nodes in `@id` order, as `to_string_pretty`
    /// writes it, with a final newline.
    fn finish(self, context: &Value) -> Vec<u8> {
        let mut nodes: Vec<(String, Vec<u8>)> = self.nodes.into_iter().collect();
        nodes.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let size: usize = nodes.iter().map(|(_, n)| n.len() + 6).sum();
        let mut out = Vec::with_capacity(size + 1024);
        out.extend_from_slice(b"{\n  \"@context\": ");
        write_at(&mut out, 1, context);
        out.extend_from_slice(b",\n  \"@graph\": [");
        for (i, (_, node)) in nodes.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            out.extend_from_slice(node);
        }
        if !nodes.is_empty() {
            out.extend_from_slice(b"\n  ");
        }
        out.extend_from_slice(b"]\n}\n");
        out
    }
}

fn duration(limit: Option<Limit<'_>>) -> Option<String> {
    limit.and_then(Limit::days).map(|d| format!("P{d}D"))
}

/// The parts every public service has, from national or effective values.
#[allow(clippy::too_many_arguments)]
fn service<'a>(
    graph: &mut Graph,
    site: &Site<'_>,
    path: &str,
    identifier: &'a str,
    national: Record<&'a Value>,
    description: &'a str,
    authority: J<'a>,
    area: J<'a>,
    limit: Option<Limit<'_>>,
    conditions: &[Line<'_>],
    materials: &[Line<'_>],
    fees: &[Line<'_>],
    channels: Channels<'_>,
    extra: Extra,
) -> (String, Obj<'a>) {
    let code = national.code().unwrap_or_default();
    let mut node = Obj::new()
        .with("@type", "cpsv:PublicService")
        .with("dct:identifier", identifier)
        .with("dct:title", zh(national.name()))
        .with("dct:description", zh(description))
        .with("cv:hasCompetentAuthority", authority)
        .with("dct:spatial", area)
        .with("dct:language", reference(LANGUAGE.to_string()));
    graph.add(LANGUAGE.to_string(), || {
        Obj::new().with("@type", "dct:LinguisticSystem")
    });
    let kind = national.item_type();
    node.set(
        "dct:type",
        graph.concept("item-type", kind, crate::resolve::labels::item_type(kind)),
    );
    if let Some(d) = duration(limit) {
        node.set("cv:processingTime", d);
    }
    let requirements: Vec<J> = conditions
        .iter()
        .map(|c| {
            let id = graph.id(&format!("requirement/{path}/{}", c.id()));
            graph.add(id, || {
                Obj::new()
                    .with("@type", "cv:Requirement")
                    .with("dct:identifier", c.id())
                    .with("dct:title", zh(c.text()))
            })
        })
        .collect();
    let evidence: Vec<J> = materials
        .iter()
        .map(|m| {
            let id = graph.id(&format!("evidence/{path}/{}", m.id()));
            graph.add(id, || {
                let mut e = Obj::new()
                    .with("@type", "cv:Evidence")
                    .with("dct:identifier", m.id())
                    .with("dct:title", zh(m.name()));
                if let Some(waived) = m.waived_by() {
                    e.set(
                        "dct:description",
                        zh(crate::resolve::labels::waived_by(waived)),
                    );
                }
                e
            })
        })
        .collect();
    let cny = graph.concept("currency", "CNY", "人民币");
    let mut costs: Vec<J> = Vec::new();
    for f in fees {
        let id = graph.id(&format!("cost/{path}/{}", f.id()));
        costs.push(graph.add(id, || {
            Obj::new()
                .with("@type", "cv:Cost")
                .with("dct:identifier", f.id())
                .with("cv:hasValue", J::F64(f.amount()))
                .with("cv:currency", cny.clone())
                .with("dct:description", zh(f.name()))
        }));
        costs.extend(variants(graph, site, path, f, &cny));
    }
    let mut requirements = requirements;
    requirements.extend(extra.requirements);
    let mut evidence = evidence;
    evidence.extend(forms(graph, site, path, materials));
    node.set("cv:holdsRequirement", requirements);
    node.set("cpsv:hasInput", evidence);
    node.set("cv:hasCost", costs);
    if let Some(result) = national.result() {
        let id = graph.id(&format!("output/{code}"));
        let output = graph.add(id, || {
            Obj::new()
                .with("@type", "cv:Output")
                .with("dct:identifier", format!("{code}-result"))
                .with("dct:title", zh(result.name()))
        });
        node.set("cpsv:produces", output);
    }
    let laws: Vec<J> = national
        .legal_basis()
        .iter()
        .map(|l| graph.law(site, l.law()))
        .collect();
    node.set("cv:hasLegalResource", laws);
    if channels.raw().is_some() {
        let mut list = Vec::new();
        for (kind, on) in [
            ("window", channels.window()),
            ("online", channels.online().is_some()),
            ("mobile", channels.mobile()),
            ("mail", channels.mail()),
        ] {
            if on {
                let label = site.labels.property("channels", kind);
                let kind_node = graph.concept("channel", kind, label);
                let id = graph.id(&format!("channel/{path}/{kind}"));
                list.push(graph.add(id, || {
                    Obj::new()
                        .with("@type", "cv:Channel")
                        .with("dct:identifier", format!("{identifier}-{kind}"))
                        .with("dct:type", kind_node)
                }));
            }
        }
        list.extend(extra.channels);
        node.set("cv:hasChannel", list);
    } else if !extra.channels.is_empty() {
        node.set("cv:hasChannel", extra.channels);
    }
    (graph.id(&format!("service/{path}")), node)
}

/// The national part of the catalog as a JSON-LD document: a service per national item and the
/// national events. Each region's services are in its own document ([`region_document`]).
pub fn national_document(site: &Site<'_>) -> Vec<u8> {
    let catalog = site.catalog;
    let base = format!("{}/id/", site.base_url.trim_end_matches('/'));
    let mut graph = Graph {
        base,
        nodes: HashMap::new(),
    };
    let mut events_of: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    // Regional events are the regions' own bundles, shown on their portal pages only.
    let national_events = || catalog.events.iter().filter(|((r, _), _)| r.is_none());
    for ((_, id), event) in national_events() {
        for member in &event.value.members {
            events_of
                .entry(member.as_str())
                .or_default()
                .push(graph.id(&format!("event/{id}")));
        }
    }
    for (code, item) in &catalog.items {
        let national = view::doc(&catalog.doc(item).json);
        let authority_name = national.central_department().unwrap_or("国务院有关部门");
        let authority = graph.organisation(
            &format!("national/{code}"),
            authority_name,
            &format!("national-{code}"),
            "CN",
        );
        let area = graph.location("CN");
        let lines = |field: ListField| national.lines(field);
        let description = national.description().and_then(Value::as_str).map_or_else(
            || format!("全国基本目录事项：{}", national.name()),
            str::to_string,
        );
        let extra = Extra {
            requirements: situations(&mut graph, code, &national.lines_named("situations")),
            channels: Vec::new(),
        };
        let (id, mut node) = service(
            &mut graph,
            site,
            code,
            code,
            national,
            &description,
            authority,
            area,
            national.statutory_limit(),
            &lines(ListField::Conditions),
            &lines(ListField::Materials),
            &lines(ListField::Fees),
            Channels(None),
            extra,
        );
        if let Some(events) = events_of.get(code.as_str()) {
            node.set(
                "cv:isGroupedBy",
                events.iter().cloned().map(reference).collect::<Vec<_>>(),
            );
        }
        graph.add(id, || node);
    }
    for ((_, id), event) in national_events() {
        let record = view::doc(&catalog.doc(event).json);
        let kind = if event.value.kind == "business" {
            "cv:BusinessEvent"
        } else {
            "cv:LifeEvent"
        };
        let related: Vec<J> = event
            .value
            .members
            .iter()
            .map(|m| reference(graph.id(&format!("service/{m}"))))
            .collect();
        let node_id = graph.id(&format!("event/{id}"));
        graph.add(node_id, || {
            let mut node = Obj::new()
                .with("@type", vec![J::Str(kind), J::Str("cv:Event")])
                .with("dct:identifier", id.as_str())
                .with("dct:title", zh(event.value.name.as_str()))
                .with("cv:hasRelatedService", related);
            if let Some(d) = record.description().and_then(Value::as_str) {
                node.set("dct:description", zh(d));
            }
            node
        });
    }
    graph.finish(&context())
}

/// One region's services (its entries and local items) as a JSON-LD document, with every node
/// they link to, so that the document stands on its own against the shapes; read together with
/// the national document, the regional services' `cv:relatedService` finds its national service.
pub fn region_document(site: &Site<'_>, region: &str) -> Vec<u8> {
    let base = format!("{}/id/", site.base_url.trim_end_matches('/'));
    let mut graph = Graph {
        base,
        nodes: HashMap::new(),
    };
    for effective in site.guided_in(region) {
        regional(&mut graph, site, effective);
    }
    graph.finish(&context())
}

fn context() -> Value {
    serde_json::json!({
        "cpsv": "http://purl.org/vocab/cpsv#",
        "cv": "http://data.europa.eu/m8g/",
        "dct": "http://purl.org/dc/terms/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "eli": "http://data.europa.eu/eli/ontology#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "time": "http://www.w3.org/2006/time#",
        "cv:processingTime": {"@type": "xsd:duration"},
        "cv:hasValue": {"@type": "xsd:double"},
    })
}

fn regional(graph: &mut Graph, site: &Site<'_>, effective: &Effective) {
    let catalog = site.catalog;
    let national =
        view::doc(&catalog.documents[effective.national.unwrap_or(effective.own())].json);
    let entry = view::effective(catalog, effective);
    let region_name = catalog
        .regions
        .get(&effective.region)
        .map_or("", |r| r.value.name.as_str());
    let department = entry.department();
    let credit = department.map_or("", Department::credit_code);
    let name = department.map_or("", Department::name);
    let authority = graph.organisation(credit, name, credit, &effective.region);
    let area = graph.location(&effective.region);
    let identifier = entry.task_code().and_then(Value::as_str).map_or_else(
        || format!("{}-{}", effective.region, effective.item),
        str::to_string,
    );
    let path = format!("{}/{}", effective.region, effective.item);
    let description = if effective.is_local() {
        format!("{region_name}地方事项：{}", national.name())
    } else {
        format!("{region_name}实施：{}", national.name())
    };
    let lines = |field: ListField| entry.lines(field);
    let extra = Extra {
        requirements: situations(graph, &path, &entry.handled_situations()),
        channels: local_channels(graph, &path, &identifier, entry),
    };
    let (id, mut node) = service(
        graph,
        site,
        &path,
        &identifier,
        national,
        &description,
        authority,
        area,
        entry.committed_limit().or(national.statutory_limit()),
        &lines(ListField::Conditions),
        &lines(ListField::Materials),
        &lines(ListField::Fees),
        entry.channels(),
        extra,
    );
    // A local item has no national service to point to.
    if !effective.is_local() {
        node.set(
            "cv:relatedService",
            reference(graph.id(&format!("service/{}", effective.item))),
        );
    }
    graph.add(id, || node);
}

/// What format 3 adds to a service (docs/templates.md, open data): its situations as
/// requirements and its service points and assistance as channels.
struct Extra {
    requirements: Vec<J<'static>>,
    channels: Vec<J<'static>>,
}

/// Each situation (办理情形) as a `cv:Requirement`: the applicant is in that situation. Which
/// materials apply in it is in the open data's `materials` table (`situations` column is the
/// YAML's); the requirement says its name and description.
/// A fee's tiers (分档收费) and reductions (减免) as costs of their own: each tier its amount, each
/// reduction what the people it names pay (免收 nothing, 减半收取 half the fee, 减收 the amount it
/// states, else no value), described in words (`不动产登记费（住宅）`,
/// `不动产登记费：小微企业免收（依据《…》第三条）`).
fn variants<'a>(
    graph: &mut Graph,
    site: &Site<'_>,
    path: &str,
    fee: &Line<'_>,
    currency: &J<'a>,
) -> Vec<J<'a>> {
    let list = |key: &str| -> Vec<Value> {
        fee.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut costs = Vec::new();
    for (n, tier) in list("tiers").iter().enumerate() {
        let id = graph.id(&format!("cost/{path}/{}/tier-{}", fee.id(), n + 1));
        let name = tier.get("name").and_then(Value::as_str).unwrap_or_default();
        costs.push(graph.add(id, || {
            let mut cost = Obj::new()
                .with("@type", "cv:Cost")
                .with("dct:identifier", format!("{}/tier-{}", fee.id(), n + 1))
                .with("cv:currency", currency.clone())
                .with("dct:description", zh(format!("{}（{name}）", fee.name())));
            if let Some(amount) = tier.get("amount").and_then(Value::as_f64) {
                cost.set("cv:hasValue", J::F64(amount));
            }
            cost
        }));
    }
    for (n, reduction) in list("reductions").iter().enumerate() {
        let text = |key: &str| reduction.get(key).and_then(Value::as_str);
        let kind = text("kind").unwrap_or_default();
        let value = match kind {
            "exempt" => Some(0.0),
            "half" => Some(fee.amount() / 2.0),
            _ => reduction.get("amount").and_then(Value::as_f64),
        };
        let mut words = format!(
            "{}：{}{}",
            fee.name(),
            text("who").unwrap_or_default(),
            crate::resolve::labels::reduction(kind)
        );
        if let Some(title) = site.law_title(text("basis")) {
            words.push_str(&format!(
                "（依据《{title}》{}）",
                text("article").unwrap_or_default()
            ));
        }
        let id = graph.id(&format!("cost/{path}/{}/reduction-{}", fee.id(), n + 1));
        costs.push(graph.add(id, || {
            let mut cost = Obj::new()
                .with("@type", "cv:Cost")
                .with(
                    "dct:identifier",
                    format!("{}/reduction-{}", fee.id(), n + 1),
                )
                .with("cv:currency", currency.clone())
                .with("dct:description", zh(words));
            if let Some(value) = value {
                cost.set("cv:hasValue", J::F64(value));
            }
            cost
        }));
    }
    costs
}

fn situations(graph: &mut Graph, path: &str, lines: &[Line<'_>]) -> Vec<J<'static>> {
    lines
        .iter()
        .map(|s| {
            let id = graph.id(&format!("situation/{path}/{}", s.id()));
            graph.add(id, || {
                let mut node = Obj::new()
                    .with("@type", "cv:Requirement")
                    .with("dct:identifier", s.id().to_string())
                    .with("dct:title", zh(format!("办理情形：{}", s.name())));
                if let Some(d) = s.get("description").and_then(Value::as_str) {
                    node.set("dct:description", zh(d.to_string()));
                }
                node
            })
        })
        .collect()
}

/// Each published form and example of a material as a `cv:Evidence` of its own (the document to
/// fill in), described by its media type, size and download path.
fn forms(
    graph: &mut Graph,
    site: &Site<'_>,
    path: &str,
    materials: &[Line<'_>],
) -> Vec<J<'static>> {
    let mut out = Vec::new();
    for m in materials {
        for (key, label) in [("blank_form", "空白表格"), ("example", "示例样表")] {
            let Some(file) = site.files.get(m.get(key)) else {
                continue;
            };
            let id = graph.id(&format!("evidence/{path}/{}/{key}", m.id()));
            let description = format!(
                "{label}（{}，{} 字节）：{}{}{}",
                file.media_type,
                file.bytes,
                site.base_url,
                file.href,
                if file.illustrative {
                    "；示例文件"
                } else {
                    ""
                }
            );
            out.push(graph.add(id, || {
                Obj::new()
                    .with("@type", "cv:Evidence")
                    .with("dct:identifier", format!("{}-{key}", m.id()))
                    .with("dct:title", zh(file.name.to_string()))
                    .with("dct:description", zh(description))
            }));
        }
    }
    out
}

/// The region's service points (窗口: address, phone, opening hours) and assistance
/// (适老化与无障碍服务) as `cv:Channel`s.
fn local_channels(
    graph: &mut Graph,
    path: &str,
    identifier: &str,
    entry: Record<view::Chain<'_>>,
) -> Vec<J<'static>> {
    let mut out = Vec::new();
    let window = graph.concept("channel", "window", "窗口办理");
    for (i, point) in entry.objects("service_points").iter().enumerate() {
        let text = |key: &str| point.get(key).and_then(Value::as_str);
        let mut description = format!("地址：{}", text("address").unwrap_or_default());
        if let Some(name) = text("name") {
            description = format!("{name}；{description}");
        }
        if let Some(phone) = text("phone") {
            description.push_str(&format!("；电话：{phone}"));
        }
        let hours = text("hours").map(|hours| {
            let id = graph.id(&format!("hours/{path}/{i}"));
            graph.add(id, || {
                Obj::new()
                    .with("@type", "time:TemporalEntity")
                    .with("dct:description", zh(hours.to_string()))
            })
        });
        let id = graph.id(&format!("channel/{path}/point-{}", i + 1));
        let window = window.clone();
        out.push(graph.add(id, || {
            let mut node = Obj::new()
                .with("@type", "cv:Channel")
                .with("dct:identifier", format!("{identifier}-point-{}", i + 1))
                .with("dct:type", window)
                .with("dct:description", zh(description));
            if let Some(hours) = hours {
                node.set("cv:openingHours", hours);
            }
            node
        }));
    }
    for (i, help) in entry.objects("assistance").iter().enumerate() {
        let kind = help.get("kind").and_then(Value::as_str).unwrap_or("other");
        let kind_node = graph.concept("assistance", kind, assistance_label(kind));
        let mut description = help
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if let Some(phone) = help.get("phone").and_then(Value::as_str) {
            description.push_str(&format!("（电话：{phone}）"));
        }
        let id = graph.id(&format!("channel/{path}/assistance-{}", i + 1));
        out.push(graph.add(id, || {
            Obj::new()
                .with("@type", "cv:Channel")
                .with(
                    "dct:identifier",
                    format!("{identifier}-assistance-{}", i + 1),
                )
                .with("dct:type", kind_node)
                .with("dct:description", zh(description))
        }));
    }
    out
}

/// The Chinese name of an assistance kind (`assistance[].kind`).
pub(super) fn assistance_label(kind: &str) -> &str {
    match kind {
        "home_visit" => "上门办理",
        "assisted" => "帮办代办",
        "green_channel" => "绿色通道",
        "extended_hours" => "预约延时",
        "remote" => "远程办理",
        _ => "其他帮办服务",
    }
}
