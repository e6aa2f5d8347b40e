//! The portal, the Markdown guides and the search index: code prepares each page's context (the
//! shapes are documented in docs/templates.md), the templates decide the page.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde};
use minijinja::{Value as Page, context};
use serde::Serialize;
use serde_json::{Value, json};

use super::Site;
use super::json::Line;
use super::templates::TemplateError;
use crate::check::rules::on_site_step;
use crate::diff::{Class, describe};
use crate::resolve::Effective;
use crate::resolve::labels;
use crate::resolve::view::{
    self, Chain, Contact, Department, LawCite, Laws, Limit, ListField, Record, ResultDoc,
};

/// Where the national pages (index, item pages, conformance matrix, search) find the regions:
/// in the compiled catalog, or in the summaries of shards built with `build --region`, in code
/// order, with their item-page columns moved to a [`super::merge::Columns`] file. Both give the same values: a
/// summary holds what [`Site::summary`] computed here.
pub enum Regions<'s> {
    Here,
    Shards(&'s [Summary], &'s super::merge::Columns),
}

/// What the national pages need from one region: its index row, its row of the conformance
/// matrix, its column on each item page, its rows of the search index and its events. The rows
/// of the pages that list the nation are shared with those pages ([`Lazy`]), not copied.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct Summary {
    pub code: String,
    pub index_row: Value,
    /// None when the diff has no result for the region.
    pub matrix_row: Option<Arc<MatrixRow>>,
    pub columns: BTreeMap<String, Value>,
    pub search: Arc<Vec<SearchRow>>,
    pub search_local: Arc<Vec<SearchRow>>,
    pub events: Vec<Value>,
    /// The region's scheduled changes still to come (see `upcoming.html`).
    #[serde(default)]
    pub upcoming: Vec<Value>,
}

/// A region's row of the conformance matrix (`matrix.rows` of `conformance.html`, see
/// docs/templates.md). Typed rather than a JSON object because the nation has 496 of them, of
/// 3,170 cells each; the fields are in name order, as a JSON object keeps its keys, so that a
/// template sees the same map.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct MatrixRow {
    pub cells: Vec<Cell>,
    pub code: String,
    pub name: String,
    pub score_pct: Option<u32>,
    pub url: String,
}

/// One cell of the conformance matrix: a national item and the region's class for it.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct Cell {
    #[serde(deserialize_with = "known")]
    pub class: Cow<'static, str>,
    #[serde(deserialize_with = "known")]
    pub class_label: Cow<'static, str>,
    pub item: String,
}

/// A row of the search page and index (`entries` of `search.html`): a national item, a guide
/// or a local item's guide. Typed for the same reason as [`MatrixRow`]: 1.5M of them.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct SearchRow {
    pub code: String,
    #[serde(deserialize_with = "known")]
    pub kind: Cow<'static, str>,
    pub name: String,
    pub region_name: Option<String>,
    pub url: String,
}

/// A class, a class's label or a kind of search row read from a shard: one of a few words, so
/// shared with the program's own copy rather than allocated for each of millions of rows.
fn known<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let word = <String as serde::Deserialize>::deserialize(d)?;
    let classes = [
        Class::Same,
        Class::Local,
        Class::Improved,
        Class::Approved,
        Class::Uncertain,
        Class::Deviation,
        Class::Missing,
        Class::Extra,
    ];
    let found = classes
        .into_iter()
        .flat_map(|c| [c.as_str(), labels::class(c.as_str())])
        .chain([NA.0, NA.1, "item", "guide"])
        .find(|k| *k == word);
    Ok(found.map_or(Cow::Owned(word), Cow::Borrowed))
}

/// The class and label of a matrix cell whose item does not apply to the region.
const NA: (&str, &str) = ("na", "不适用");

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
        "site": {"title": site.title, "language": "zh-CN", "sample": site.catalog.sample()},
        "page": {"title": title, "reviewed": reviewed, "feed": feed},
    })
}

fn class_json(class: Class) -> Value {
    json!({"class": class.as_str(), "class_label": labels::class(class.as_str())})
}

/// A law as pages show it.
#[derive(Serialize)]
pub struct LawRef<'a> {
    title: &'a str,
    number: Option<&'a str>,
    article: Option<&'a Value>,
}

/// A material as pages show it.
#[derive(Serialize)]
pub struct Material<'a> {
    id: &'a str,
    name: &'a str,
    form_label: &'a str,
    copies: Option<&'a Value>,
    medium_label: String,
    required: bool,
    source_label: &'a str,
    certificate: Option<&'a str>,
    holder: Option<&'a str>,
    waived: bool,
    waived_label: Option<&'a str>,
    note: Option<&'a Value>,
    added: bool,
    /// 原件份数, when the line states it (then `copies` counts 复印件).
    originals: Option<&'a Value>,
    /// 容缺受理: accepted while this document follows later.
    deferrable: bool,
    /// 容缺补交期限 in days, when stated.
    deferrable_days: Option<&'a Value>,
    /// 空白表格 and 示例样表, when published (`{name, href, media_type, bytes, illustrative}`).
    blank_form: Option<super::files::Attachment<'a>>,
    example: Option<super::files::Attachment<'a>>,
}

/// A fee as pages show it.
#[derive(Serialize)]
pub struct Fee<'a> {
    name: &'a str,
    amount: String,
    basis: Option<&'a str>,
    added: bool,
    /// 计费单位 (每件, 每证), when stated.
    unit: Option<&'a str>,
    /// The article of the basis (第五条), when stated.
    article: Option<&'a str>,
    /// 分档收费: `[{name, amount}]`, the amount as `10 元`.
    tiers: Vec<Value>,
    /// 减免: `[{who, kind_label, amount (or none), basis (law title or none), article}]`.
    reductions: Vec<Value>,
}

/// A step of 办理流程 as pages show it.
#[derive(Serialize)]
struct ProcessStep<'a> {
    name: &'a str,
    text: &'a str,
    on_site: bool,
    /// 环节时限, as a label (`5个工作日`), when stated.
    limit: Option<String>,
    /// Who handles or decides the step (受理人, 审核人, 决定人), when stated.
    actor: Option<&'a str>,
}

/// A 特别程序 as pages show it.
#[derive(Serialize)]
struct SpecialProcedure<'a> {
    name: &'a str,
    text: &'a str,
    kind_label: Option<&'a str>,
    /// Its time limit as a label (`20个工作日`, or `20 天` without a unit), when stated.
    limit: Option<String>,
    /// Whether its time counts toward the committed limit (计入办结时限); false when unstated.
    counts_toward_limit: bool,
}

/// A 办理情形 of a guide: the conditions and materials that apply to an applicant in it.
#[derive(Serialize)]
struct GuideSituation<'a> {
    id: &'a str,
    /// `情形一`, `情形二`, … in the order the region lists them.
    ordinal: String,
    name: &'a str,
    description: Option<&'a str>,
    /// The region adds this situation (not in the national standard).
    added: bool,
    conditions: Vec<GuideCondition<'a>>,
    materials: Vec<Material<'a>>,
    /// The materials of this situation that not every situation needs (the 一次性告知单 lists
    /// the common ones once and these per situation).
    extra_materials: Vec<Material<'a>>,
}

/// A national situation the region does not handle (`{ref, omitted: 理由}`).
#[derive(Serialize)]
struct SituationNotHandled<'a> {
    id: &'a str,
    name: &'a str,
    /// The region's reason; none when it gives none (`omitted: true`).
    reason: Option<&'a str>,
}

/// 帮办服务 as pages show it.
#[derive(Serialize)]
struct Assistance<'a> {
    kind_label: &'a str,
    /// For whom (老年人、残疾人), empty when not limited.
    who_label: String,
    text: &'a str,
    phone: Option<&'a str>,
}

/// 通办方式 as pages show it.
#[derive(Serialize)]
struct CrossRegion<'a> {
    modes: Vec<&'a str>,
    /// Partner regions: `{code, name (none when the catalog lacks the region), url}`.
    partners: Vec<Value>,
    note: Option<&'a str>,
}

/// A 信息来源: where a file's facts come from.
#[derive(Serialize)]
struct SourceRef<'a> {
    url: &'a str,
    title: Option<&'a str>,
    read: Option<&'a str>,
    /// The fields it covers, by their Chinese titles; empty for the whole file.
    covers: Vec<String>,
    /// Whose file cites it: 全国标准, or a region's 实施清单 (`深圳市`).
    of: String,
}

/// A difference from the national standard, for the public.
#[derive(Serialize)]
struct Difference {
    class: &'static str,
    class_label: &'static str,
    text: String,
}

#[derive(Serialize)]
struct ResultRef<'a> {
    type_label: &'a str,
    name: &'a str,
    /// The sample of the result (结果样本), when published.
    sample_file: Option<super::files::Attachment<'a>>,
}

#[derive(Serialize)]
struct GuideCondition<'a> {
    text: &'a str,
    added: bool,
}

#[derive(Serialize)]
struct Channels<'a> {
    window: bool,
    online_url: Option<&'a Value>,
    online_depth_label: Option<&'a str>,
    mobile: bool,
    mail: bool,
    visits: Option<&'a Value>,
    visit_reason: Option<&'a Value>,
    /// Zero visits promised while a process step needs the applicant on site (CAT116): the
    /// page prints neither claim on its own.
    visits_conflict: bool,
    /// Whether the record states `channels` at all: without it, no channel is said to be
    /// missing (未填写 rather than 暂不支持网上办理).
    stated: bool,
}

static EMPTY_LIST: Value = Value::Array(Vec::new());

/// The values a guide shows that a record may mark as illustrative; the templates tag each
/// marked one with 示例.
const SHOWN_PATHS: &[&str] = &[
    "code",
    "task_code",
    "local_code",
    "department.credit_code",
    "contact.phone",
    "contact.complaint",
    "statutory_limit",
    "committed_limit",
    "materials",
    "fees",
    "service_points",
];

/// The [`SHOWN_PATHS`] that `record` marks as illustrative.
fn shown_illustrative<'a, F: view::Fields<'a>>(record: Record<F>) -> Vec<&'static str> {
    SHOWN_PATHS
        .iter()
        .copied()
        .filter(|path| record.illustrative(path))
        .collect()
}

/// The context of a 办事指南 (`guide` in guide.html and guide.md).
#[derive(Serialize)]
pub struct Guide<'a> {
    code: &'a str,
    name: &'a str,
    region_name: Option<&'a str>,
    region_code: &'a str,
    task_code: Option<&'a Value>,
    type_label: &'a str,
    legal_basis: Vec<LawRef<'a>>,
    department: Option<Department<'a>>,
    department_nature_label: Option<&'a str>,
    power_source_label: Option<&'a str>,
    entrusting_department: Option<&'a str>,
    co_departments: Vec<&'a str>,
    competent_department: Option<&'a str>,
    local_code: Option<&'a str>,
    description: Option<&'a str>,
    topics: Vec<&'a str>,
    audience_label: String,
    quantity_limit: Option<&'a Value>,
    conditions: Vec<GuideCondition<'a>>,
    materials: Vec<Material<'a>>,
    /// `intermediary_services` as stated: none when absent (未填写), empty when stated empty (无).
    intermediary_services: Option<&'a Value>,
    /// 办理情形 the region handles, each with its conditions and materials; empty when the
    /// item has none (then `conditions` and `materials` are the whole lists, as before).
    situations: Vec<GuideSituation<'a>>,
    /// National situations the region does not handle, with its reason.
    situations_not_handled: Vec<SituationNotHandled<'a>>,
    /// With situations: the conditions and materials every handled situation has.
    common_conditions: Vec<GuideCondition<'a>>,
    common_materials: Vec<Material<'a>>,
    process: Vec<ProcessStep<'a>>,
    special_procedures: Vec<SpecialProcedure<'a>>,
    /// The law sets no time limit (`statutory_limit: none`, 法定办结时限：无).
    statutory_limit_none: bool,
    statutory_limit: Option<String>,
    committed_limit: Option<String>,
    /// The parent region whose entry the committed limit is inherited from, or none.
    committed_from: Option<&'a str>,
    /// A parent region's own committed limit where the region states its own:
    /// `{standard: "广东省标准", limit}`, or none.
    committed_parent: Option<Value>,
    handling_label: Option<&'a str>,
    fees: Vec<Fee<'a>>,
    result: Option<ResultRef<'a>>,
    personal_data: Vec<PersonalDataRef<'a>>,
    rights: Option<&'a str>,
    duties: Option<&'a str>,
    channels: Channels<'a>,
    handle_area_label: Option<&'a str>,
    convenience: Option<&'a Value>,
    towns: &'a [Value],
    service_points: &'a [Value],
    assistance: Vec<Assistance<'a>>,
    cross_region: Option<CrossRegion<'a>>,
    sources: Vec<SourceRef<'a>>,
    /// Changes to the documents the guide is made of that take effect after the build date,
    /// soonest first: `[{effective, basis, note, fields: [title], of}]`.
    scheduled: Vec<Value>,
    appointment_url: Option<&'a str>,
    contact: Option<Contact<'a>>,
    faq: Option<&'a Value>,
    redress: Option<&'a Value>,
    reviewed: Option<&'a Value>,
    /// The paths of the values shown that the record marks as illustrations (`illustrative`,
    /// docs/format.md): pages tag each with 示例.
    illustrative: Vec<&'static str>,
    /// The catalog is an illustration (`sample: true`): the Markdown guide says so first.
    sample: bool,
    /// A local item: the region's own, with no national standard to compare with.
    local: bool,
    /// The item (national or local) is retired (`status: retired`): the page stays, says so.
    retired: bool,
    /// Its successor (`replaced_by`): `{code, name, url}` or none.
    replaced_by: Option<Value>,
    /// The national item's page; none for a local item.
    national_url: Option<String>,
    differences: Vec<Difference>,
}

/// A line of `personal_data` (个人信息采集) as pages show it: what is collected, why, on
/// which law (its title).
#[derive(Serialize)]
struct PersonalDataRef<'a> {
    field: Option<&'a str>,
    purpose: Option<&'a str>,
    basis: Option<&'a str>,
}

#[derive(Serialize)]
struct ItemCondition<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct ItemContext<'a> {
    code: &'a str,
    name: &'a str,
    type_label: &'a str,
    audience_label: String,
    levels_label: String,
    description: Option<&'a Value>,
    legal_basis: Vec<LawRef<'a>>,
    statutory_limit: Option<String>,
    conditions: Vec<ItemCondition<'a>>,
    materials: Vec<Material<'a>>,
    fees: Vec<Fee<'a>>,
    result: Option<ResultRef<'a>>,
    process: &'a Value,
    reviewed: Option<&'a Value>,
    /// As the guide's `illustrative`, for the national item's own values.
    illustrative: Vec<&'static str>,
    status_label: &'a str,
    /// A retired item's successor: `{code, name, url}`, or none.
    replaced_by: Option<Value>,
    version: Option<u64>,
    effective: Option<&'a str>,
    central_department: Option<&'a str>,
    competent_department: Option<&'a str>,
    handle_area_label: Option<&'a str>,
    topics: Vec<&'a str>,
    /// The national 办理情形: `[{id, ordinal, name, description, optional (a region may
    /// leave it out), conditions: [text], materials: [name]}]`, the lines that apply in each.
    situations: Vec<Value>,
    sources: Vec<SourceRef<'a>>,
}

/// One region's column on an item page.
#[derive(Serialize)]
struct Column<'a> {
    class: &'static str,
    class_label: &'static str,
    region: &'a str,
    name: Option<&'a str>,
    url: String,
    committed_limit: Option<String>,
    /// The parent region whose entry the committed limit is inherited from, or none.
    committed_from: Option<&'a str>,
    materials: Vec<Material<'a>>,
    fees: Vec<Fee<'a>>,
    differences: Vec<String>,
    /// For an item with situations: one cell per national situation, in the national order
    /// (`handled: false` where the region does not handle it), then the situations the region
    /// adds (`added: true`). The item page's region × situation table.
    situations: Vec<SituationCell<'a>>,
}

/// What an applicant in one situation brings in one region (or by the national standard): one
/// cell of the item page's region × situation table. The counts are the ones `diff --item`
/// prints ([`crate::report::diff::SituationCell`]).
#[derive(Serialize)]
struct SituationCell<'a> {
    id: &'a str,
    name: &'a str,
    handled: bool,
    /// Why the region does not handle it (`omitted:`), when it says.
    reason: Option<String>,
    /// A situation the region adds (地方新增).
    added: bool,
    /// Required documents brought at once (not waived, not 容缺).
    required: usize,
    brought: Vec<&'a str>,
    /// Documents that are not required, or may follow later (容缺受理).
    later: Vec<&'a str>,
    /// Documents the applicant no longer brings (免提交).
    waived: Vec<&'a str>,
    /// The documents whose line differs from the national standard in this situation.
    differs: Vec<String>,
}

impl<'a> SituationCell<'a> {
    /// The cell of a situation handled here; a differing line is named from the cell's lines,
    /// else the national `standard`'s.
    fn handled(
        cell: &crate::report::diff::SituationCell<'a>,
        added: bool,
        standard: &[Line<'a>],
    ) -> Self {
        use crate::report::diff::shown_name;
        SituationCell {
            id: cell.situation,
            name: cell.name,
            handled: true,
            reason: None,
            added,
            required: cell.required,
            brought: cell.names(false),
            later: cell.names(true),
            waived: cell.waived(),
            differs: cell
                .differs
                .iter()
                .map(|key| {
                    cell.materials
                        .iter()
                        .chain(standard)
                        .find(|m| m.id() == key.as_str())
                        .map_or(key.as_str(), shown_name)
                        .to_string()
                })
                .collect(),
        }
    }
}

impl<'a> Site<'a> {
    fn law<'s>(&'s self, reference: LawCite<'s>) -> LawRef<'s> {
        let id = reference.law();
        let law = self.laws.get(id);
        LawRef {
            title: law.map_or(id, |l| l.title.as_str()),
            number: law.and_then(|l| l.number.as_deref()),
            article: reference.article(),
        }
    }

    fn laws_of<'s>(&'s self, list: Laws<'s>) -> Vec<LawRef<'s>> {
        list.iter().map(|r| self.law(r)).collect()
    }

    pub(super) fn law_title<'s>(&'s self, id: Option<&'s str>) -> Option<&'s str> {
        id.map(|id| self.laws.get(id).map_or(id, |l| l.title.as_str()))
    }

    pub fn material<'s>(&'s self, line: Line<'s>) -> Material<'s> {
        let waived = line.waived_by();
        Material {
            id: line.id(),
            name: line.name(),
            form_label: labels::form(line.form()),
            copies: line.copies(),
            medium_label: labels::list(line.medium(), labels::medium),
            required: line.required(),
            source_label: labels::source(line.source()),
            certificate: line.certificate().map(|c| self.certificate_name(c)),
            holder: line.holder(),
            waived: waived.is_some(),
            waived_label: waived.map(labels::waived_by),
            // A waived document's national note (how to hand it in) does not apply; only a
            // note the region writes for the waiver is shown.
            note: line
                .note()
                .filter(|_| waived.is_none() || line.states("note")),
            added: line.added(),
            originals: line.get("originals"),
            deferrable: line.flag("deferrable"),
            deferrable_days: line.get("deferrable_days"),
            blank_form: self.files.get(line.get("blank_form")),
            example: self.files.get(line.get("example")),
        }
    }

    /// The name of an e-certificate type (its id when the registry lacks it).
    fn certificate_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.certificates.get(id).map_or(id, String::as_str)
    }

    pub fn fee<'s>(&'s self, line: Line<'s>) -> Fee<'s> {
        Fee {
            name: line.name(),
            amount: format!("{} 元", trim_number(line.amount())),
            basis: self.law_title(line.basis()),
            added: line.added(),
            unit: line.get("unit").and_then(Value::as_str),
            article: line.get("article").and_then(Value::as_str),
            tiers: line
                .get("tiers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|t| {
                    json!({
                        "name": t.get("name"),
                        "amount": t.get("amount").and_then(Value::as_f64).map(|a| format!("{} 元", trim_number(a))),
                    })
                })
                .collect(),
            reductions: line
                .get("reductions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|r| {
                    let text = |key: &str| r.get(key).and_then(Value::as_str);
                    json!({
                        "who": text("who"),
                        "kind_label": text("kind").map(labels::reduction),
                        "amount": r.get("amount").and_then(Value::as_f64).map(|a| format!("{} 元", trim_number(a))),
                        "basis": self.law_title(text("basis")),
                        "article": text("article"),
                    })
                })
                .collect(),
        }
    }

    fn materials<'s>(&'s self, lines: &[Line<'s>]) -> Vec<Material<'s>> {
        lines.iter().map(|l| self.material(*l)).collect()
    }

    fn fees<'s>(&'s self, lines: &[Line<'s>]) -> Vec<Fee<'s>> {
        lines.iter().map(|l| self.fee(*l)).collect()
    }

    /// The effective record of an entry.
    pub fn entry(&self, effective: &'a Effective) -> Record<Chain<'a>> {
        view::effective(self.catalog, effective)
    }

    /// The national item `code`, or an empty record.
    fn national(&self, code: &str) -> Record<&'a Value> {
        view::doc(
            self.catalog
                .items
                .get(code)
                .map_or(&Value::Null, |i| &self.catalog.doc(i).json),
        )
    }

    pub fn guide_url(region: &str, code: &str) -> String {
        format!("regions/{region}/{code}.html")
    }

    /// The item that takes over from a retired or changed one (`replaced_by`): its code, name
    /// and page, or its code alone when the catalog does not hold it.
    fn successor(&self, standard: Record<&Value>) -> Option<Value> {
        let code = standard.text("replaced_by")?;
        let item = self.catalog.items.get(code);
        Some(json!({
            "code": code,
            "name": item.map(|i| i.value.name.as_str()),
            "url": item.map(|_| format!("items/{code}.html")),
        }))
    }

    /// The region whose entry states `effective`'s value of `field` when it is neither the
    /// region's own nor the national item's: `广东省` for `（沿用广东省实施清单）`.
    fn inherited_from(&self, effective: &Effective, field: &str) -> Option<&'a str> {
        let catalog = self.catalog;
        let sourced = effective.get(catalog, field)?;
        if sourced.national || sourced.doc == effective.own() {
            return None;
        }
        catalog.region_name_of(sourced.doc)
    }

    /// A parent region's own limit where the region states its own too: the regional standard
    /// it is measured against beside the national one (`{standard: "广东省标准", limit}`).
    fn parent_limit(&self, effective: &'a Effective, field: &str) -> Option<Value> {
        let catalog = self.catalog;
        if !effective.states(catalog, field) {
            return None;
        }
        let parent = effective.inherited(|doc| catalog.documents[doc].json.get(field))?;
        Some(json!({
            "standard": catalog.standard_of(parent.doc)?,
            "limit": Limit(parent.value).label(),
        }))
    }

    /// The standard an entry implements: the national item, or a local item itself.
    fn standard(&self, effective: &Effective) -> Record<&'a Value> {
        view::doc(
            effective
                .national
                .map_or(&Value::Null, |doc| &self.catalog.documents[doc].json),
        )
    }

    /// The 办事指南 of one effective entry, or of a local item ([`Effective::local`]).
    pub fn guide<'s>(&'s self, effective: &'s Effective) -> Guide<'s> {
        let national = self.standard(effective);
        let entry = self.entry(effective);
        let mut legal_basis = self.laws_of(national.legal_basis());
        legal_basis.extend(self.laws_of(entry.implementation_basis()));
        let channels = entry.channels();
        let region = self
            .catalog
            .regions
            .get(&effective.region)
            .map(|r| &r.value);
        let differences: Vec<Difference> = self
            .entry_result(&effective.region, &effective.item)
            .map(|result| {
                result
                    .fields
                    .iter()
                    .flat_map(|f| f.details.iter().map(move |d| (f, d)))
                    .filter(|(_, d)| !matches!(d.class, Class::Same | Class::Local))
                    .map(|(f, d)| Difference {
                        class: d.class.as_str(),
                        class_label: labels::class(d.class.as_str()),
                        text: describe(self.labels, &f.field, d, national),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let (situations, common_conditions, common_materials) = self.situations(entry);
        Guide {
            code: &effective.item,
            name: national.name(),
            region_name: region.map(|r| r.name.as_str()),
            region_code: &effective.region,
            task_code: entry.task_code(),
            type_label: labels::item_type(national.item_type()),
            legal_basis,
            department: entry.department(),
            department_nature_label: entry
                .department()
                .and_then(Department::nature)
                .map(labels::nature),
            power_source_label: entry.text("power_source").map(labels::power_source),
            entrusting_department: entry.text("entrusting_department"),
            co_departments: entry.strings("co_departments"),
            competent_department: national.text("competent_department"),
            local_code: entry.text("local_code"),
            description: national.text("description"),
            topics: national.strings("topics"),
            audience_label: labels::list(national.audience(), labels::audience),
            quantity_limit: national.quantity_limit(),
            conditions: entry
                .lines(ListField::Conditions)
                .iter()
                .map(|c| GuideCondition {
                    text: c.text(),
                    added: c.added(),
                })
                .collect(),
            materials: self.materials(&entry.lines(ListField::Materials)),
            situations,
            situations_not_handled: self.situations_not_handled(entry, national),
            common_conditions,
            common_materials,
            intermediary_services: national.intermediary_services(),
            process: process(entry.process()),
            special_procedures: special_procedures(entry.special_procedures()),
            statutory_limit_none: national.statutory_limit().is_some_and(Limit::none),
            statutory_limit: national.statutory_limit().and_then(Limit::label),
            committed_limit: entry.committed_limit().and_then(Limit::label),
            committed_from: self.inherited_from(effective, "committed_limit"),
            committed_parent: self.parent_limit(effective, "committed_limit"),
            handling_label: entry.handling().map(labels::handling),
            fees: self.fees(&entry.lines(ListField::Fees)),
            result: result(entry.result(), &self.files),
            personal_data: national
                .personal_data()
                .map(|p| PersonalDataRef {
                    field: p.field(),
                    purpose: p.purpose(),
                    basis: self.law_title(p.basis()),
                })
                .collect(),
            rights: national.text("rights"),
            duties: national.text("duties"),
            handle_area_label: entry.text("handle_area").map(labels::handle_area),
            convenience: entry.convenience(),
            towns: entry.objects("towns"),
            channels: Channels {
                window: channels.window(),
                online_url: channels.online_url(),
                online_depth_label: channels.online_depth().map(labels::online_depth),
                mobile: channels.mobile(),
                mail: channels.mail(),
                visits: channels.visits(),
                visit_reason: channels.visit_reason(),
                visits_conflict: on_site_step::conflict(self.resolved, effective).is_some(),
                stated: channels.raw().is_some(),
            },
            service_points: entry.service_points(),
            assistance: assistance(entry.assistance()),
            cross_region: self.cross_region(entry.cross_region()),
            sources: self.sources(effective),
            scheduled: self.scheduled_for(effective),
            appointment_url: entry.appointment_url(),
            contact: entry.contact(),
            faq: entry.faq(),
            redress: entry.redress(),
            reviewed: entry.own_reviewed(),
            illustrative: shown_illustrative(entry),
            sample: self.catalog.sample(),
            local: effective.is_local(),
            retired: national.status() == Some("retired"),
            replaced_by: self.successor(national),
            national_url: (!effective.is_local()).then(|| format!("items/{}.html", effective.item)),
            differences,
        }
    }

    /// The situations `entry` handles, each with its conditions and materials, and the
    /// conditions and materials common to all of them (docs/format.md, situations).
    #[allow(clippy::type_complexity)]
    fn situations<'s>(
        &'s self,
        entry: Record<Chain<'s>>,
    ) -> (
        Vec<GuideSituation<'s>>,
        Vec<GuideCondition<'s>>,
        Vec<Material<'s>>,
    ) {
        let handled = entry.handled_situations();
        if handled.is_empty() {
            return (Vec::new(), Vec::new(), Vec::new());
        }
        let lines: Vec<(Line<'s>, Vec<Line<'s>>, Vec<Line<'s>>)> = handled
            .into_iter()
            .map(|s| {
                let id = s.id();
                (
                    s,
                    entry.lines_in(ListField::Conditions, id),
                    entry.lines_in(ListField::Materials, id),
                )
            })
            .collect();
        // A line is common when every handled situation has it (by id).
        let has = |list: &Vec<Line<'s>>, line: &Line<'s>| list.iter().any(|l| l.id() == line.id());
        let common_condition = |l: &Line<'s>| lines.iter().all(|x| has(&x.1, l));
        let common_material = |l: &Line<'s>| lines.iter().all(|x| has(&x.2, l));
        let common_conditions: Vec<GuideCondition> = lines[0]
            .1
            .iter()
            .filter(|l| common_condition(l))
            .map(condition)
            .collect();
        let common_materials: Vec<Material> = lines[0]
            .2
            .iter()
            .filter(|l| common_material(l))
            .map(|l| self.material(*l))
            .collect();
        let situations = lines
            .iter()
            .enumerate()
            .map(|(n, (s, conditions, materials))| GuideSituation {
                id: s.id(),
                ordinal: format!("情形{}", chinese_number(n + 1)),
                name: s.name(),
                description: s.get("description").and_then(Value::as_str),
                added: s.added(),
                conditions: conditions.iter().map(condition).collect(),
                materials: self.materials(materials),
                extra_materials: materials
                    .iter()
                    .filter(|l| !common_material(l))
                    .map(|l| self.material(*l))
                    .collect(),
            })
            .collect();
        (situations, common_conditions, common_materials)
    }

    /// The national situations the region omits (`{ref, omitted: 理由}` in the nearest list
    /// that restates them).
    fn situations_not_handled<'s>(
        &'s self,
        entry: Record<Chain<'s>>,
        national: Record<&'s Value>,
    ) -> Vec<SituationNotHandled<'s>> {
        let Some(list) = entry.get("situations").and_then(Value::as_array) else {
            return Vec::new();
        };
        let names: BTreeMap<&str, &str> = national
            .situations()
            .iter()
            .filter_map(|s| Some((s.get("id")?.as_str()?, s.get("name")?.as_str()?)))
            .collect();
        list.iter()
            .filter(|line| line.get("omitted").is_some())
            .filter_map(|line| {
                let id = line.get("ref")?.as_str()?;
                Some(SituationNotHandled {
                    id,
                    name: names.get(id).copied().unwrap_or(id),
                    reason: line.get("omitted").and_then(Value::as_str),
                })
            })
            .collect()
    }

    /// `cross_region` with its partner regions named where the catalog has them.
    fn cross_region<'s>(&'s self, value: Option<&'s Value>) -> Option<CrossRegion<'s>> {
        let value = value?;
        let strings = |key: &str| -> Vec<&'s str> {
            value
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect()
        };
        Some(CrossRegion {
            modes: strings("modes")
                .into_iter()
                .map(labels::cross_region_mode)
                .collect(),
            partners: strings("partners")
                .into_iter()
                .map(|code| {
                    let region = self.catalog.regions.get(code);
                    json!({
                        "code": code,
                        "name": region.map(|r| r.value.name.as_str()),
                        "url": region.filter(|_| self.wanted(code)).map(|_| format!("regions/{code}/index.html")),
                    })
                })
                .collect(),
            note: value.get("note").and_then(Value::as_str),
        })
    }

    /// The sources (信息来源) of every file the guide is made of: the region's entry, the
    /// entries it inherits from, the national item; each once, in that order.
    fn sources<'s>(&'s self, effective: &'s Effective) -> Vec<SourceRef<'s>> {
        let catalog = self.catalog;
        self.documents_of(effective)
            .into_iter()
            .flat_map(|(doc, of)| {
                view::doc(&catalog.documents[doc].json)
                    .sources()
                    .iter()
                    .map(move |source| self.source(source, of.clone()))
            })
            .collect()
    }

    /// The upcoming changes (see [`Site::scheduled`]) of the region's entry, the entries it
    /// inherits and the national item, each with whose file states it, soonest first. Another
    /// file's change is shown for the fields that reach the region's entry (no nearer entry
    /// states them), and not at all when none does.
    fn scheduled_for(&self, effective: &Effective) -> Vec<Value> {
        let mut changes: Vec<(i64, Value)> = self
            .documents_of(effective)
            .into_iter()
            .flat_map(|(doc, of)| {
                let reaches = |field: &str| effective.reaches(self.catalog, doc, field);
                self.scheduled(&self.catalog.documents[doc].json, &reaches)
                    .into_iter()
                    .map(move |(day, mut change)| {
                        change["of"] = json!(of);
                        (day, change)
                    })
            })
            .collect();
        changes.sort_by_key(|(day, _)| *day);
        changes.into_iter().map(|(_, v)| v).collect()
    }

    /// The documents a guide is made of, nearest first, each with whose it is (全国标准 or
    /// `<region>实施清单`).
    fn documents_of(&self, effective: &Effective) -> Vec<(usize, String)> {
        let mut docs = effective.chain.clone();
        if let Some(n) = effective.national
            && !docs.contains(&n)
        {
            docs.push(n);
        }
        docs.into_iter()
            .map(|doc| {
                let of = match self.catalog.region_name_of(doc) {
                    Some(name) if Some(doc) != effective.national || effective.is_local() => {
                        format!("{name}实施清单")
                    }
                    _ => "全国标准".to_string(),
                };
                (doc, of)
            })
            .collect()
    }

    /// One line of `sources` as pages show it.
    fn source<'s>(&'s self, source: &'s Value, of: String) -> SourceRef<'s> {
        SourceRef {
            url: source
                .get("url")
                .and_then(Value::as_str)
                .unwrap_or_default(),
            title: source.get("title").and_then(Value::as_str),
            read: source.get("read").and_then(Value::as_str),
            covers: source
                .get("covers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|field| self.labels.field(field).to_string())
                .collect(),
            of,
        }
    }

    /// Every entry that has a 办事指南: each region's entries for national items and its local
    /// items, within the regions wanted.
    pub fn guided(&self) -> impl Iterator<Item = &'a Effective> + '_ {
        let resolved = self.resolved;
        resolved
            .effective
            .iter()
            .filter(|e| self.catalog.items.contains_key(&e.item))
            .chain(&resolved.local)
            .filter(|e| self.wanted(&e.region))
    }

    fn entry_result(&self, region: &str, item: &str) -> Option<&crate::diff::EntryResult> {
        self.conformance.entry(region, item)
    }

    /// schema.org `GovernmentService` for a guide page, safe inside `<script>`.
    fn guide_jsonld(&self, guide: &Guide<'_>) -> String {
        let phone = guide.contact.and_then(Contact::phone);

        let identifier = guide
            .task_code
            .filter(|t| !t.is_null())
            .cloned()
            .unwrap_or_else(|| Value::from(guide.code));
        let value = json!({
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": guide.name,
            "identifier": identifier,
            "serviceType": guide.type_label,
            "provider": {"@type": "GovernmentOrganization", "name": guide.department.map(Department::name), "identifier": guide.department.map(Department::credit_code)},
            "areaServed": {"@type": "AdministrativeArea", "name": guide.region_name, "identifier": guide.region_code},
            "availableChannel": {
                "@type": "ServiceChannel",
                "serviceUrl": guide.channels.online_url,
                "servicePhone": {"@type": "ContactPoint", "telephone": phone},
                "availableLanguage": "zh-CN",
            },
            "dateModified": guide.reviewed,
        });
        script_safe(&value)
    }

    /// The national pages of the portal, into `sink`: the index, the item pages, the national
    /// events, the conformance matrix, the search page and its index, the assets. The item and
    /// event pages are rendered in parallel. The pages that list the nation (the matrix, the
    /// search page and index: hundreds of MB each at 1.5M entries) are written as they are
    /// rendered, from rows made into template values one at a time ([`Lazy`]).
    pub fn national_pages(
        &self,
        sink: &dyn super::Sink,
        regions: &Regions<'_>,
    ) -> Result<(), super::BuildError> {
        use rayon::prelude::*;
        type Done = Result<(), super::BuildError>;
        sink.put(
            "portal/index.html".to_string(),
            self.render("index.html", self.index(regions))?,
        )?;
        let items = || -> Done {
            let codes: Vec<&String> = self.catalog.items.keys().collect();
            codes.par_iter().try_for_each(|code| -> Done {
                let path = format!("portal/items/{code}.html");
                match regions {
                    Regions::Here => {
                        let columns: Vec<Value> = self
                            .resolved
                            .effective_for_item(code)
                            .filter(|e| self.wanted(&e.region))
                            .map(|e| self.column(e, code))
                            .collect();
                        let raw: Vec<Vec<u8>> = columns
                            .iter()
                            .map(|c| serde_json::to_vec(c).unwrap_or_default())
                            .collect();
                        self.item_page_to(sink, path, code, &raw, || Ok(columns))
                    }
                    Regions::Shards(_, columns) => {
                        let raw = columns.raw(code)?;
                        self.item_page_to(sink, path, code, &raw, || columns.parse(&raw))
                    }
                }
            })
        };
        let events = || -> Done {
            let ids: Vec<&String> = self
                .catalog
                .events
                .keys()
                .filter(|(region, _)| region.is_none())
                .map(|(_, id)| id)
                .collect();
            ids.par_iter().try_for_each(|id| -> Done {
                self.page_to(
                    sink,
                    format!("portal/{}", event_url(None, id)),
                    "event.html",
                    Page::from(Serde(&self.event_page(None, id))),
                )
            })
        };
        let (a, b) = rayon::join(items, events);
        a.and(b)?;
        self.stream_to(
            sink,
            "portal/conformance.html",
            "conformance.html",
            self.conformance_page(regions),
        )?;
        sink.put(
            "portal/upcoming.html".to_string(),
            self.render("upcoming.html", self.upcoming_page(regions))?,
        )?;
        let entries = Arc::new(self.search_entries(regions));
        sink.put_streamed("portal/search-index.json".to_string(), &|out| {
            super::json::pretty_to(out, &super::json::Seq(|| entries.iter()))
        })?;
        self.stream_to(
            sink,
            "portal/search.html",
            "search.html",
            with(
                page(self, "", "搜索事项", None, self.feed_for(None)),
                [("entries", Page::from_dyn_object(entries))],
            ),
        )?;
        for (name, bytes) in &self.templates.assets {
            sink.put(format!("portal/{name}"), bytes.clone())?;
        }
        Ok(())
    }

    /// Render `template` into `path` as it is rendered, not into memory first.
    fn stream_to(
        &self,
        sink: &dyn super::Sink,
        path: &str,
        template: &str,
        context: Page,
    ) -> Result<(), super::BuildError> {
        let failed = std::sync::Mutex::new(None);
        let written = sink.put_streamed(path.to_string(), &|out| {
            self.templates
                .render_to(template, context.clone(), out)?
                .map_err(|e| {
                    *failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                    std::io::Error::other("template")
                })
        });
        match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(e) => Err(e.into()),
            None => written,
        }
    }

    /// One region's pages, straight to `sink`: its page, its own events, and the 办事指南 of
    /// each of its entries and local items (HTML and Markdown, in parallel).
    pub fn region_pages(
        &self,
        sink: &dyn super::Sink,
        code: &str,
        bar: &crate::progress::Phase,
    ) -> Result<(), super::BuildError> {
        use rayon::prelude::*;
        type Done = Result<(), super::BuildError>;
        self.page_to(
            sink,
            format!("portal/regions/{code}/index.html"),
            "region.html",
            Page::from(Serde(&self.region_page(code))),
        )?;
        let ids: Vec<&String> = self
            .catalog
            .events
            .keys()
            .filter(|(region, _)| region.as_deref() == Some(code))
            .map(|(_, id)| id)
            .collect();
        ids.par_iter().try_for_each(|id| -> Done {
            self.page_to(
                sink,
                format!("portal/{}", event_url(Some(code), id)),
                "event.html",
                Page::from(Serde(&self.event_page(Some(code), id))),
            )
        })?;
        let guided: Vec<_> = self.guided_in(code).collect();
        guided.par_iter().try_for_each(|e| -> Done {
            bar.inc(1);
            let guide = self.guide(e);
            let jsonld = self.guide_jsonld(&guide);
            let base = page(
                self,
                "../../",
                guide.name,
                guide.reviewed.and_then(Value::as_str),
                self.feed_for(Some(&e.region)),
            );
            let html_path = format!("portal/{}", Self::guide_url(&e.region, &e.item));
            let md_path = format!("guides/{}/{}.md", e.region, e.item);
            let key = self.key(&("guide", &guide, &jsonld, &base));
            if sink.reuse(key, &[&html_path, &md_path])? {
                return Ok(());
            }
            // Made once, shared by both templates.
            let guide = Page::from(Serde(&guide));
            let html = self.templates.render(
                "guide.html",
                context! { jsonld => Page::from_safe_string(jsonld), ..with(base, [("guide", guide.clone())]) },
            )?;
            let md = self
                .templates
                .render("guide.md", Page::from(BTreeMap::from([("guide", guide)])))?;
            sink.put(html_path, html.into_bytes())?;
            sink.put(md_path, md.into_bytes())
        })
    }

    /// The effective entries of `region` (of national items the catalog may no longer hold
    /// too), in item order.
    pub fn effective_in(&self, region: &str) -> &'a [Effective] {
        let all = &self.resolved.effective;
        let from = all.partition_point(|e| e.region.as_str() < region);
        let to = all.partition_point(|e| e.region.as_str() <= region);
        &all[from..to]
    }

    /// The entries of `region` that have a 办事指南: its entries for national items, then its
    /// local items, each in code order.
    pub fn guided_in<'s>(&'s self, region: &'s str) -> impl Iterator<Item = &'a Effective> + 's {
        let local = &self.resolved.local;
        let from = local.partition_point(|e| e.region.as_str() < region);
        let to = local.partition_point(|e| e.region.as_str() <= region);
        self.effective_in(region)
            .iter()
            .filter(|e| self.catalog.items.contains_key(&e.item))
            .chain(&local[from..to])
    }

    /// The regions whose pages and open data this build writes (all, or those of `--region`),
    /// in code order.
    pub fn units(&self) -> Vec<&'a str> {
        let catalog = self.catalog;
        catalog
            .regions
            .keys()
            .map(String::as_str)
            .filter(|c| self.wanted(c))
            .collect()
    }

    /// The hash of everything a page is made from: the templates and its context.
    fn key(&self, context: &impl serde::Serialize) -> u128 {
        struct Hasher(xxhash_rust::xxh3::Xxh3);
        impl std::io::Write for Hasher {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.update(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut hasher = Hasher(xxhash_rust::xxh3::Xxh3::new());
        hasher.0.update(&self.templates.fingerprint.to_le_bytes());
        let _ = serde_json::to_writer(&mut hasher, context);
        hasher.0.digest128()
    }

    /// The page of national item `code`, unless the previous build made it from the same inputs.
    /// The page is a function of the item's page without its columns and of the regions'
    /// columns, `raw` as JSON (as a merge or a build a province at a time keeps them,
    /// [`super::merge::Columns`]), so those are hashed as they are: the 30-odd columns of a page
    /// are made into values (`columns`) and template values only when the page is made again.
    fn item_page_to(
        &self,
        sink: &dyn super::Sink,
        path: String,
        code: &str,
        raw: &[Vec<u8>],
        columns: impl FnOnce() -> Result<Vec<Value>, super::BuildError>,
    ) -> Result<(), super::BuildError> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let item = self.key(&("item.html", &self.item_page(code, &[])));
        hasher.update(&item.to_le_bytes());
        for column in raw {
            hasher.update(&(column.len() as u64).to_le_bytes());
            hasher.update(column);
        }
        if sink.reuse(hasher.digest128(), &[&path])? {
            return Ok(());
        }
        let page = self.item_page(code, &columns()?);
        sink.put(path, self.templates.render("item.html", page)?.into_bytes())
    }

    /// Render `template` into `path`, unless the previous build made it from the same inputs.
    fn page_to(
        &self,
        sink: &dyn super::Sink,
        path: String,
        template: &str,
        context: Page,
    ) -> Result<(), super::BuildError> {
        if sink.reuse(self.key(&(template, &context)), &[&path])? {
            return Ok(());
        }
        sink.put(path, self.templates.render(template, context)?.into_bytes())
    }

    fn render(&self, template: &str, context: Value) -> Result<Vec<u8>, TemplateError> {
        Ok(self
            .templates
            .render(template, Page::from(Serde(&context)))?
            .into_bytes())
    }

    pub fn wanted(&self, region: &str) -> bool {
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

    fn index(&self, regions: &Regions<'_>) -> Value {
        let items: Vec<Value> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| {
                let record = view::doc(&self.catalog.doc(item).json);
                json!({
                    "code": code, "name": item.value.name,
                    "type_label": labels::item_type(&item.value.kind),
                    "levels_label": labels::list(record.levels(), labels::level),
                    "url": format!("items/{code}.html"),
                })
            })
            .collect();
        let (regions_rows, regional_events) = match regions {
            Regions::Here => {
                let units = self.units();
                (
                    units
                        .iter()
                        .map(|code| self.index_row(code))
                        .collect::<Vec<Value>>(),
                    units
                        .iter()
                        .flat_map(|code| self.event_links(|r| r == Some(*code)))
                        .collect(),
                )
            }
            Regions::Shards(summaries, _) => (
                summaries.iter().map(|s| s.index_row.clone()).collect(),
                summaries
                    .iter()
                    .flat_map(|s| s.events.iter().cloned())
                    .collect::<Vec<Value>>(),
            ),
        };
        let mut events = self.event_links(|r| r.is_none());
        events.extend(regional_events);
        merge(
            page(self, "", &self.title, None, self.feed_for(None)),
            json!({"items": items, "regions": regions_rows, "events": events, "upcoming": self.upcoming_page(regions)["changes"]}),
        )
    }

    /// A document's `scheduled` changes that take effect after the build date, with that day:
    /// `{effective, basis, note, fields: [title]}`, for the fields `reaches` accepts (a change
    /// with none is left out).
    fn scheduled(&self, json: &Value, reaches: &dyn Fn(&str) -> bool) -> Vec<(i64, Value)> {
        view::doc(json)
            .objects("scheduled")
            .iter()
            .filter_map(|change| {
                let date = change.get("effective").and_then(Value::as_str)?;
                let day = crate::dates::parse(date).filter(|d| *d > self.catalog.today)?;
                let text = |key: &str| change.get(key).and_then(Value::as_str);
                let fields: Vec<&str> = change
                    .get("set")
                    .and_then(Value::as_object)
                    .map(|set| {
                        set.keys()
                            .filter(|k| reaches(k))
                            .map(|k| self.labels.field(k))
                            .collect()
                    })
                    .unwrap_or_default();
                if fields.is_empty() {
                    return None;
                }
                Some((
                    day,
                    json!({"effective": date, "basis": text("basis"), "note": text("note"), "fields": fields}),
                ))
            })
            .collect()
    }

    /// A region's row on the index page.
    fn index_row(&self, code: &str) -> Value {
        let Some(region) = self.catalog.regions.get(code) else {
            return Value::Null;
        };
        json!({
            "code": code, "name": region.value.name,
            "level_label": crate::resolve::labels::level(region.value.level.as_str()),
            "parent_name": region.value.parent.as_ref().and_then(|p| self.catalog.regions.get(p)).map(|p| p.value.name.clone()),
            "url": format!("regions/{code}/index.html"),
            "score_pct": self.score(code).and_then(|r| r.score_pct()),
        })
    }

    /// What the national pages need from one region, for a shard ([`Summary`]).
    pub fn summary(&self, code: &str) -> Summary {
        let mut columns = BTreeMap::new();
        for e in self.effective_in(code) {
            if self.catalog.items.contains_key(&e.item) {
                columns.insert(e.item.clone(), self.column(e, &e.item));
            }
        }
        let guided: Vec<&Effective> = self.guided_in(code).collect();
        Summary {
            code: code.to_string(),
            index_row: self.index_row(code),
            matrix_row: self.matrix_row(code).map(Arc::new),
            columns,
            search: Arc::new(
                guided
                    .iter()
                    .filter(|e| !e.is_local())
                    .map(|e| self.search_row(e))
                    .collect(),
            ),
            search_local: Arc::new(
                guided
                    .iter()
                    .filter(|e| e.is_local())
                    .map(|e| self.search_row(e))
                    .collect(),
            ),
            events: self.event_links(|r| r == Some(code)),
            upcoming: self.upcoming_of(code),
        }
    }

    /// The page of national item `code`, with each region's `columns` (see [`Self::column`]).
    fn item_page(&self, code: &str, columns: &[Value]) -> Page {
        let root = "../";
        let national = self.national(code);
        let item = ItemContext {
            code,
            name: national.name(),
            type_label: labels::item_type(national.item_type()),
            audience_label: labels::list(national.audience(), labels::audience),
            levels_label: labels::list(national.levels(), labels::level),
            description: national.description(),
            legal_basis: self.laws_of(national.legal_basis()),
            statutory_limit: national.statutory_limit().and_then(Limit::label),
            conditions: national
                .lines(ListField::Conditions)
                .iter()
                .map(|c| ItemCondition {
                    id: c.id(),
                    text: c.text(),
                })
                .collect(),
            materials: self.materials(&national.lines(ListField::Materials)),
            fees: self.fees(&national.lines(ListField::Fees)),
            result: result(national.result(), &self.files),
            process: national.process().unwrap_or(&EMPTY_LIST),
            reviewed: national.reviewed(),
            illustrative: shown_illustrative(national),
            status_label: labels::status(national.status().unwrap_or_default()),
            replaced_by: self.successor(national),
            version: national.version(),
            effective: national.text("effective"),
            central_department: national.central_department(),
            competent_department: national.text("competent_department"),
            handle_area_label: national.text("handle_area").map(labels::handle_area),
            topics: national.strings("topics"),
            situations: national
                .situations()
                .iter()
                .enumerate()
                .filter_map(|(n, s)| {
                    let id = s.get("id")?.as_str()?;
                    Some(json!({
                        "id": id,
                        "ordinal": format!("情形{}", chinese_number(n + 1)),
                        "name": s.get("name"),
                        "description": s.get("description"),
                        "optional": s.get("optional").and_then(Value::as_bool) == Some(true),
                        "conditions": national.lines_in(ListField::Conditions, id).iter().map(|l| l.text()).collect::<Vec<_>>(),
                        "materials": national.lines_in(ListField::Materials, id).iter().map(|l| l.name()).collect::<Vec<_>>(),
                        // The national row of the region × situation table.
                        "cell": SituationCell::handled(
                            &crate::report::diff::SituationCell::new(
                                &Line::Plain(s),
                                national.lines_in(ListField::Materials, id),
                                Vec::new(),
                            ),
                            false,
                            &[],
                        ),
                    }))
                })
                .collect(),
            sources: national
                .sources()
                .iter()
                .map(|source| self.source(source, "全国标准".to_string()))
                .collect(),
        };
        with(
            page(
                self,
                root,
                national.name(),
                national.reviewed().and_then(Value::as_str),
                self.feed_for(None),
            ),
            [
                ("item", Page::from(Serde(&item))),
                ("columns", Page::from(Serde(columns))),
            ],
        )
    }

    /// One region's column on the page of the national item `code`.
    fn column(&self, e: &'a Effective, code: &str) -> Value {
        let national = self.national(code);
        let entry = self.entry_result(&e.region, code);
        let class = entry.map_or(Class::Same, |x| x.class);
        let differences: Vec<String> = entry
            .map(|x| {
                x.fields
                    .iter()
                    .flat_map(|f| f.details.iter().map(move |d| (f, d)))
                    .filter(|(_, d)| !matches!(d.class, Class::Same | Class::Local))
                    .map(|(f, d)| describe(self.labels, &f.field, d, national))
                    .collect()
            })
            .unwrap_or_default();
        let column = Column {
            class: class.as_str(),
            class_label: labels::class(class.as_str()),
            region: &e.region,
            name: self
                .catalog
                .regions
                .get(&e.region)
                .map(|r| r.value.name.as_str()),
            url: Self::guide_url(&e.region, code),
            committed_limit: self.entry(e).committed_limit().and_then(Limit::label),
            committed_from: self.inherited_from(e, "committed_limit"),
            materials: self.materials(&self.entry(e).lines(ListField::Materials)),
            fees: self.fees(&self.entry(e).lines(ListField::Fees)),
            differences,
            situations: self.situation_cells(e, code),
        };
        serde_json::to_value(&column).unwrap_or_default()
    }

    /// The region's row of the item page's region × situation table (empty for an item without
    /// situations).
    fn situation_cells(&self, e: &'a Effective, code: &str) -> Vec<SituationCell<'a>> {
        let national = self.national(code);
        if national.situations().is_empty() {
            return Vec::new();
        }
        let entry = self.entry(e);
        let standard = national.lines(ListField::Materials);
        let result = self.entry_result(&e.region, code);
        let handled: Vec<crate::report::diff::SituationCell<'a>> = entry
            .handled_situations()
            .iter()
            .map(|s| {
                crate::report::diff::SituationCell::new(
                    s,
                    entry.lines_in(ListField::Materials, s.id()),
                    crate::report::diff::differing(result, s.id()),
                )
            })
            .collect();
        let not_handled = self.situations_not_handled(entry, national);
        let mut cells: Vec<SituationCell<'a>> = national
            .situations()
            .iter()
            .filter_map(|s| s.get("id")?.as_str().map(|id| (id, s)))
            .map(|(id, s)| match handled.iter().find(|c| c.situation == id) {
                Some(cell) => SituationCell::handled(cell, false, &standard),
                None => SituationCell {
                    id,
                    name: s.get("name").and_then(Value::as_str).unwrap_or(id),
                    handled: false,
                    reason: not_handled
                        .iter()
                        .find(|n| n.id == id)
                        .and_then(|n| n.reason)
                        .map(str::to_string),
                    added: false,
                    required: 0,
                    brought: Vec::new(),
                    later: Vec::new(),
                    waived: Vec::new(),
                    differs: Vec::new(),
                },
            })
            .collect();
        let added: Vec<SituationCell<'a>> = handled
            .iter()
            .filter(|c| !cells.iter().any(|n| n.id == c.situation))
            .map(|c| SituationCell::handled(c, true, &standard))
            .collect();
        cells.extend(added);
        cells
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
                        let effective = self.resolved.effective_of(code, &e.item);
                        let mut v = class_json(e.class);
                        v["code"] = json!(e.item);
                        v["name"] = json!(e.name);
                        v["url"] = json!(Self::guide_url(code, &e.item));
                        let entry = effective.map(|x| self.entry(x));
                        v["committed_limit"] = json!(
                            entry
                                .and_then(|x| x.committed_limit())
                                .and_then(Limit::label)
                        );
                        v["reviewed"] = json!(entry.and_then(|x| x.own_reviewed()));
                        v
                    })
                    .collect()
            })
            .unwrap_or_default();
        let local_items: Vec<Value> = self
            .resolved
            .local
            .iter()
            .filter(|l| l.region == code)
            .map(|l| {
                let record = self.entry(l);
                json!({
                    "code": l.item,
                    "name": record.name(),
                    "url": Self::guide_url(code, &l.item),
                    "committed_limit": record.committed_limit().and_then(Limit::label),
                    "reviewed": record.own_reviewed(),
                })
            })
            .collect();
        let missing: Vec<Value> = result
            .map(|r| r.missing.iter().map(|i| json!({"code": i.code, "name": i.name, "url": format!("items/{}.html", i.code)})).collect())
            .unwrap_or_default();
        let region_json = json!({
            "code": code,
            "name": region.value.name,
            "level_label": crate::resolve::labels::level(region.value.level.as_str()),
            "parent": parent.map(|(p, r)| json!({"name": r.value.name, "url": format!("regions/{p}/index.html")})),
            "score_pct": result.and_then(|r| r.score_pct()),
            "applicable": result.map_or(0, |r| r.applicable),
            "implemented": result.map_or(0, |r| r.implemented),
            "conforming": result.map_or(0, |r| r.conforming),
            "approved": result.map_or(0, |r| r.approved),
            "uncertain": result.map_or(0, |r| r.uncertain),
            "deviating": result.map_or(0, |r| r.deviating),
            "missing": result.map_or(0, |r| r.missing.len()),
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
            json!({"region": region_json, "entries": entries, "local_items": local_items, "missing": missing,
                   "events": self.event_links(|r| r == Some(code))}),
        )
    }

    /// The events whose region (none for a national event) `wanted` accepts, as links.
    fn event_links(&self, wanted: impl Fn(Option<&str>) -> bool) -> Vec<Value> {
        self.catalog
            .events
            .iter()
            .filter(|((region, _), _)| wanted(region.as_deref()) && region.as_deref().is_none_or(|r| self.wanted(r)))
            .map(|((region, id), e)| {
                json!({
                    "id": id, "name": e.value.name,
                    "kind_label": labels::event_kind(&e.value.kind),
                    "url": event_url(region.as_deref(), id),
                    "region_name": region.as_ref().and_then(|r| self.catalog.regions.get(r)).map(|r| &r.value.name),
                })
            })
            .collect()
    }

    /// One member of an event as its page shows it: a national event's members as the national
    /// standard has them; a regional event's as the region's effective entry (its own, else its
    /// nearest ancestor's, else the national item) or its local item has them.
    fn step<'s>(&'s self, region: Option<&str>, code: &'s str) -> Option<Step<'s>> {
        let item = |json: &'s Value, url: Option<String>| {
            let record = view::doc(json);
            Step::of(code, record, record.lines(ListField::Materials), url)
        };
        let Some(region) = region else {
            let national = &self.catalog.doc(self.catalog.items.get(code)?).json;
            return Some(item(national, Some(format!("items/{code}.html"))));
        };
        let key = (region.to_string(), code.to_string());
        if let Some(local) = self.catalog.local_items.get(&key) {
            return Some(item(&self.catalog.doc(local).json, None));
        }
        let effective = std::iter::once(region)
            .chain(self.catalog.ancestors(region))
            .find_map(|r| self.resolved.effective_of(r, code));
        let Some(effective) = effective else {
            return self.step(None, code);
        };
        let record = self.entry(effective);
        let url = Some(Self::guide_url(&effective.region, code));
        Some(Step::of(
            code,
            record,
            record.lines(ListField::Materials),
            url,
        ))
    }

    fn event_page(&self, region: Option<&str>, id: &str) -> Value {
        let Some(event) = self
            .catalog
            .events
            .get(&(region.map(str::to_string), id.to_string()))
        else {
            return Value::Null;
        };
        let record = view::doc(&self.catalog.doc(event).json);
        let steps: Vec<Step> = event
            .value
            .members
            .iter()
            .filter_map(|code| self.step(region, code))
            .collect();
        // Materials merged by what they are (docs/format.md, events): one row per identity, in
        // the order of first need; a document an earlier member produces is obtained, not brought.
        let mut rows: Vec<EventMaterial> = Vec::new();
        let mut index: BTreeMap<(bool, Identity), usize> = BTreeMap::new();
        let mut produced: BTreeMap<&str, &Step> = BTreeMap::new();
        let mut total: BTreeMap<String, u64> = BTreeMap::new();
        for (n, step) in steps.iter().enumerate() {
            for line in &step.materials {
                let identity = match line.certificate() {
                    Some(c) => Identity::Certificate(c, line.holder()),
                    None => Identity::Own(n, line.id()),
                };
                let from = match identity {
                    Identity::Certificate(c, None) => produced.get(c).copied(),
                    _ => None,
                };
                let slot = *index.entry((from.is_some(), identity)).or_insert_with(|| {
                    rows.push(EventMaterial {
                        material: self.material(*line),
                        from: from.map(|s| json!({"code": s.code, "name": s.name, "url": s.url})),
                        items: Vec::new(),
                    });
                    rows.len() - 1
                });
                rows[slot].items.push(step.name);
            }
            if let Some(c) = step.produces {
                produced.entry(c).or_insert(step);
            }
            if let Some(limit) = step.limit {
                *total
                    .entry(limit.unit().unwrap_or_default().to_string())
                    .or_default() += limit.days().unwrap_or(0);
            }
        }
        let (obtained, materials): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| r.from.is_some());
        let total_limit = match record.committed_limit() {
            Some(limit) => limit.label(),
            None => Some(
                total
                    .iter()
                    .map(|(unit, days)| labels::days(*days, unit))
                    .collect::<Vec<_>>()
                    .join(" + ")
                    + "（各事项法定时限之和）",
            ),
        };
        let members: Vec<Value> = steps
            .iter()
            .map(|s| json!({"code": s.code, "name": s.name, "url": s.url, "produces": s.produces.map(|c| self.certificate_name(c))}))
            .collect();
        let event_json = json!({
            "id": id,
            "name": event.value.name,
            "kind_label": labels::event_kind(&event.value.kind),
            "region": region.and_then(|r| self.catalog.regions.get(r)).map(|r| json!({
                "code": r.value.code, "name": r.value.name, "url": format!("regions/{}/index.html", r.value.code),
            })),
            "lead_department": record.lead_department(),
            "cooperating_departments": record.strings("cooperating_departments"),
            "stage": record.stage(),
            "description": record.description(),
            "reviewed": record.reviewed(),
            "members": members,
            "materials": materials,
            "obtained": obtained,
            "total_limit": total_limit,
        });
        merge(
            page(
                self,
                if region.is_some() { "../../../" } else { "../" },
                &event.value.name,
                record.reviewed().and_then(Value::as_str),
                self.feed_for(region),
            ),
            json!({"event": event_json}),
        )
    }

    /// `upcoming.html`: the changes merged with a 施行日期 after the build's date
    /// (docs/format.md, scheduled changes), soonest first, each linked to the page it will change.
    fn upcoming_page(&self, regions: &Regions<'_>) -> Value {
        let changes: Vec<Value> = self
            .upcoming(regions)
            .into_iter()
            .map(|mut c| {
                // The file only orders the list.
                if let Some(c) = c.as_object_mut() {
                    c.remove("file");
                }
                c
            })
            .collect();
        let mut context = page(self, "", "即将施行的变更", None, self.feed_for(None));
        context["changes"] = Value::Array(changes);
        context["as_of"] = json!(crate::dates::format(self.catalog.today));
        context
    }

    /// Every upcoming change, national and regional (from the shards' summaries when merging),
    /// ordered by date, then file.
    fn upcoming(&self, regions: &Regions<'_>) -> Vec<Value> {
        let mut changes: Vec<Value> = self
            .catalog
            .documents
            .iter()
            .filter(|d| d.kind == crate::load::Kind::National)
            .flat_map(|d| self.upcoming_in(d))
            .collect();
        match regions {
            Regions::Here => {
                for code in self.units() {
                    changes.extend(self.upcoming_of(code));
                }
            }
            Regions::Shards(summaries, _) => {
                for s in summaries.iter() {
                    changes.extend(s.upcoming.iter().cloned());
                }
            }
        }
        let key = |c: &Value| (c["effective"].to_string(), c["file"].to_string());
        changes.sort_by_key(key);
        changes
    }

    /// The upcoming changes of one region's own files (its entries and local items).
    fn upcoming_of(&self, code: &str) -> Vec<Value> {
        self.catalog
            .documents
            .iter()
            .filter(|d| d.region_folder() == Some(code))
            .flat_map(|d| self.upcoming_in(d))
            .collect()
    }

    /// The changes of one document still to come, each with what the page needs and its file.
    fn upcoming_in(&self, doc: &crate::load::Document) -> Vec<Value> {
        use crate::load::Kind;
        if !doc.valid {
            return Vec::new();
        }
        let upcoming = crate::load::scheduled::upcoming(&doc.json, self.catalog.today);
        if upcoming.is_empty() {
            return Vec::new();
        }
        let record = view::doc(&doc.json);
        let region = doc.region_folder();
        let (what, url) = match (doc.kind, region) {
            (Kind::National, _) => ("全国标准", format!("items/{}.html", doc.stem())),
            (Kind::Entry | Kind::LocalItem, Some(r)) => {
                ("办事指南", Self::guide_url(r, doc.stem()))
            }
            _ => return Vec::new(),
        };
        let code = match doc.kind {
            Kind::Entry => doc.stem(),
            _ => record.code().unwrap_or(doc.stem()),
        };
        let name = match doc.kind {
            Kind::Entry => self.catalog.items.get(code).map(|i| i.value.name.as_str()),
            _ => Some(record.name()),
        };
        let region_name = region
            .and_then(|r| self.catalog.regions.get(r))
            .map(|r| r.value.name.as_str());
        upcoming
            .into_iter()
            .map(|change| {
                let fields: Vec<&str> =
                    change.fields.iter().map(|f| self.labels.field(f)).collect();
                json!({
                    "effective": change.effective,
                    "basis": change.basis,
                    "note": change.note,
                    "fields": fields,
                    "code": code,
                    "name": name,
                    "region_name": region_name,
                    "what": what,
                    "url": url,
                    "file": doc.path(),
                })
            })
            .collect()
    }

    fn conformance_page(&self, regions: &Regions<'_>) -> Page {
        let items: Vec<Value> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| json!({"code": code, "name": item.value.name, "url": format!("items/{code}.html")}))
            .collect();
        let rows: Vec<Part<MatrixRow>> = match regions {
            Regions::Here => self
                .conformance
                .regions
                .iter()
                .filter(|r| self.wanted(&r.code))
                .filter_map(|r| self.matrix_row(&r.code))
                .map(|row| Part::One(Arc::new(row)))
                .collect(),
            Regions::Shards(summaries, _) => summaries
                .iter()
                .filter_map(|s| s.matrix_row.clone())
                .map(Part::One)
                .collect(),
        };
        let rows = Lazy::new(rows);
        let mut legend: Vec<Value> = [
            Class::Same,
            Class::Improved,
            Class::Approved,
            Class::Uncertain,
            Class::Deviation,
            Class::Missing,
        ]
        .into_iter()
        .map(class_json)
        .collect();
        legend.push(json!({"class": NA.0, "class_label": NA.1}));
        let matrix = BTreeMap::from([
            ("items", Page::from(Serde(&items))),
            ("rows", Page::from_object(rows)),
            ("legend", Page::from(Serde(&legend))),
        ]);
        with(
            page(self, "", "各地实施一致性", None, self.feed_for(None)),
            [("matrix", Page::from(matrix))],
        )
    }

    /// A region's row of the conformance matrix (none when the diff has no result for it).
    fn matrix_row(&self, code: &str) -> Option<MatrixRow> {
        let r = self.conformance.region(code)?;
        let cells = self
            .catalog
            .items
            .keys()
            .map(|code| {
                let class = match self.conformance.entry(&r.code, code) {
                    Some(e) => e.class.as_str(),
                    None if r
                        .missing
                        .binary_search_by(|m| m.code.as_str().cmp(code))
                        .is_ok() =>
                    {
                        Class::Missing.as_str()
                    }
                    None => NA.0,
                };
                let label = if class == NA.0 {
                    NA.1
                } else {
                    labels::class(class)
                };
                Cell {
                    class: Cow::Borrowed(class),
                    class_label: Cow::Borrowed(label),
                    item: code.clone(),
                }
            })
            .collect();
        Some(MatrixRow {
            cells,
            code: r.code.clone(),
            name: r.name.clone(),
            score_pct: r.score_pct(),
            url: format!("regions/{}/index.html", r.code),
        })
    }

    /// A guide's row of the search index.
    fn search_row(&self, e: &Effective) -> SearchRow {
        SearchRow {
            code: e.item.clone(),
            kind: Cow::Borrowed(if e.is_local() { "local" } else { "guide" }),
            name: self.entry(e).name().to_string(),
            region_name: self
                .catalog
                .regions
                .get(&e.region)
                .map(|r| r.value.name.clone()),
            url: Self::guide_url(&e.region, &e.item),
        }
    }

    /// The rows of the search page and index: every national item, then every guide (the
    /// regions' entries for national items, then their local items).
    fn search_entries(&self, regions: &Regions<'_>) -> Lazy<SearchRow> {
        let items: Vec<SearchRow> = self
            .catalog
            .items
            .iter()
            .map(|(code, item)| SearchRow {
                code: code.clone(),
                kind: Cow::Borrowed("item"),
                name: item.value.name.clone(),
                region_name: None,
                url: format!("items/{code}.html"),
            })
            .collect();
        let mut parts = vec![Part::Many(Arc::new(items))];
        match regions {
            Regions::Here => parts.push(Part::Many(Arc::new(
                self.guided().map(|e| self.search_row(e)).collect(),
            ))),
            Regions::Shards(summaries, _) => {
                parts.extend(summaries.iter().map(|s| Part::Many(s.search.clone())));
                parts.extend(summaries.iter().map(|s| Part::Many(s.search_local.clone())));
            }
        }
        Lazy::new(parts)
    }
}

/// A list of rows that a template reads one at a time: each row becomes a template value when
/// the template reaches it, and is dropped after. The pages that list the nation (the
/// conformance matrix, the search page) would otherwise hold every row twice, as JSON and as
/// template values: gigabytes at 1.5M entries. The rows are shared with the shards' summaries,
/// not copied.
#[derive(Debug)]
struct Lazy<T> {
    parts: Vec<Part<T>>,
    /// Where each part ends in the whole list.
    ends: Vec<usize>,
}

#[derive(Debug)]
enum Part<T> {
    One(Arc<T>),
    Many(Arc<Vec<T>>),
}

impl<T> Part<T> {
    fn rows(&self) -> &[T] {
        match self {
            Part::One(row) => std::slice::from_ref(&**row),
            Part::Many(rows) => rows,
        }
    }
}

impl<T> Lazy<T> {
    fn new(parts: Vec<Part<T>>) -> Lazy<T> {
        let ends = parts
            .iter()
            .scan(0, |end, part| {
                *end += part.rows().len();
                Some(*end)
            })
            .collect();
        Lazy { parts, ends }
    }

    fn len(&self) -> usize {
        self.ends.last().copied().unwrap_or(0)
    }

    fn get(&self, i: usize) -> Option<&T> {
        let part = self.ends.partition_point(|&end| end <= i);
        let start = part.checked_sub(1).map_or(0, |p| self.ends[p]);
        self.parts.get(part)?.rows().get(i - start)
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.parts.iter().flat_map(Part::rows)
    }
}

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> Object for Lazy<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Page) -> Option<Page> {
        Some(Page::from(Serde(self.get(key.as_usize()?)?)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.len())
    }
}

/// The page of an event, from the portal root: `events/<id>.html`, or
/// `regions/<region>/events/<id>.html` for a region's own event.
pub fn event_url(region: Option<&str>, id: &str) -> String {
    match region {
        Some(r) => format!("regions/{r}/events/{id}.html"),
        None => format!("events/{id}.html"),
    }
}

/// One member of an event, in the event's order (see [`Site::step`]).
struct Step<'s> {
    code: &'s str,
    name: &'s str,
    url: Option<String>,
    materials: Vec<Line<'s>>,
    /// The e-certificate type its result is issued as.
    produces: Option<&'s str>,
    limit: Option<Limit<'s>>,
}

impl<'s> Step<'s> {
    fn of<F: view::Fields<'s>>(
        code: &'s str,
        record: Record<F>,
        materials: Vec<Line<'s>>,
        url: Option<String>,
    ) -> Step<'s> {
        Step {
            code,
            name: record.name(),
            url,
            materials,
            produces: record.result().and_then(ResultDoc::certificate),
            limit: record.statutory_limit(),
        }
    }
}

/// What makes two materials of an event one document (docs/format.md, events): the same
/// e-certificate type held by the same person; a material without a certificate (a form, a
/// statement) belongs to its member alone.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Identity<'s> {
    Certificate(&'s str, Option<&'s str>),
    Own(usize, &'s str),
}

/// A row of an event's merged materials: the document as its first member asks for it, the
/// members that need it and, when an earlier member produces it, that member.
#[derive(Serialize)]
struct EventMaterial<'s> {
    #[serde(flatten)]
    material: Material<'s>,
    from: Option<Value>,
    items: Vec<&'s str>,
}

fn result<'a>(
    value: Option<ResultDoc<'a>>,
    files: &'a super::files::Files,
) -> Option<ResultRef<'a>> {
    value.map(|r| ResultRef {
        type_label: labels::result_type(r.result_type()),
        name: r.name(),
        sample_file: files.get(r.0.get("sample_file")),
    })
}

fn condition<'s>(line: &Line<'s>) -> GuideCondition<'s> {
    GuideCondition {
        text: line.text(),
        added: line.added(),
    }
}

fn process(steps: Option<&Value>) -> Vec<ProcessStep<'_>> {
    fn text<'v>(step: &'v Value, key: &str) -> Option<&'v str> {
        step.get(key).and_then(Value::as_str)
    }
    steps
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|step| ProcessStep {
            name: text(step, "name").unwrap_or_default(),
            text: text(step, "text").unwrap_or_default(),
            on_site: step.get("on_site").and_then(Value::as_bool) == Some(true),
            limit: step.get("limit").map(Limit).and_then(Limit::label),
            actor: text(step, "actor"),
        })
        .collect()
}

fn special_procedures(list: &[Value]) -> Vec<SpecialProcedure<'_>> {
    list.iter()
        .map(|p| {
            let days = p.get("days").and_then(Value::as_u64);
            let unit = p.get("unit").and_then(Value::as_str);
            SpecialProcedure {
                name: p.get("name").and_then(Value::as_str).unwrap_or_default(),
                text: p.get("text").and_then(Value::as_str).unwrap_or_default(),
                kind_label: p
                    .get("kind")
                    .and_then(Value::as_str)
                    .map(labels::special_procedure),
                limit: days.map(|d| match unit {
                    Some(unit) => format!("{d}{}", labels::unit(unit)),
                    None => format!("{d} 天"),
                }),
                counts_toward_limit: p.get("counts_toward_limit").and_then(Value::as_bool)
                    == Some(true),
            }
        })
        .collect()
}

fn assistance(list: &[Value]) -> Vec<Assistance<'_>> {
    list.iter()
        .map(|a| Assistance {
            kind_label: labels::assistance(
                a.get("kind").and_then(Value::as_str).unwrap_or_default(),
            ),
            who_label: labels::list(a.get("who"), labels::assisted),
            text: a.get("text").and_then(Value::as_str).unwrap_or_default(),
            phone: a.get("phone").and_then(Value::as_str),
        })
        .collect()
}

/// `一`, `二`, … `十二`: the numbers of 情形一, 情形二 (1 to 99).
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The page context `base` (an object) with `extra` added: one map, as `merge` makes it, but
/// without converting `extra` to JSON first.
fn with<const N: usize>(base: Value, extra: [(&'static str, Page); N]) -> Page {
    let mut map: BTreeMap<String, Page> = match base {
        Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| (k, Page::from(Serde(&v))))
            .collect(),
        _ => BTreeMap::new(),
    };
    for (k, v) in extra {
        map.insert(k.to_string(), v);
    }
    Page::from(map)
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
