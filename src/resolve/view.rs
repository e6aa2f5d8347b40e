//! Typed accessors: the one place where a later stage reads a catalog field by its name.
//!
//! A [`Record`] is a national item, a local item, a regional entry or an effective entry (the
//! chain of documents of `effective.rs`); every field that the diff, the rules, the reports, the
//! pages, the open data, the JSON-LD or the history read has one method here, named as in
//! `docs/format.md`. Values stay borrowed from the documents; wrappers such as [`Limit`] and
//! [`Lines`] serialize as the value in the file, so outputs that copy a field write it unchanged.
//! Adding a field to the format means adding its method here; the compiler then shows every
//! place that could use it.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::catalog::Catalog;
use super::effective::Effective;
use super::labels;
use super::lines::{Line, effective_lines};

/// Where a record's fields come from.
pub trait Fields<'a>: Copy {
    fn field(self, name: &str) -> Option<&'a Value>;

    /// The document that states field `name`: the one whose `illustrative` list speaks for the
    /// value (docs/format.md, illustrative values).
    fn holder(self, name: &str) -> Option<&'a Value>;
}

/// One document: its own fields only.
impl<'a> Fields<'a> for &'a Value {
    fn field(self, name: &str) -> Option<&'a Value> {
        self.get(name)
    }

    fn holder(self, name: &str) -> Option<&'a Value> {
        self.get(name).map(|_| self)
    }
}

/// An effective entry: the nearest entry of the chain that states the field, else the national
/// item (see [`Effective::get`]).
#[derive(Clone, Copy)]
pub struct Chain<'a> {
    pub catalog: &'a Catalog,
    pub effective: &'a Effective,
}

impl<'a> Fields<'a> for Chain<'a> {
    fn field(self, name: &str) -> Option<&'a Value> {
        self.effective.get(self.catalog, name).map(|s| s.value)
    }

    fn holder(self, name: &str) -> Option<&'a Value> {
        self.effective
            .get(self.catalog, name)
            .map(|s| &*self.catalog.documents[s.doc].json)
    }
}

/// A record of the catalog seen through its fields.
#[derive(Clone, Copy)]
pub struct Record<F>(pub F);

/// The record of one document (a national item, a local item, an entry as written).
pub fn doc(json: &Value) -> Record<&Value> {
    Record(json)
}

/// The effective record of a region for an item.
pub fn effective<'a>(catalog: &'a Catalog, effective: &'a Effective) -> Record<Chain<'a>> {
    Record(Chain { catalog, effective })
}

fn as_str(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str)
}

/// The paths a document or an exception line lists under `illustrative`.
pub fn illustrative_paths(json: &Value) -> impl Iterator<Item = &str> {
    json.get("illustrative")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// Whether `json`'s `illustrative` list covers `path`: names it, or names the field it is in
/// (`contact` covers `contact.phone`).
fn lists_illustrative(json: &Value, path: &str) -> bool {
    illustrative_paths(json).any(|listed| {
        path.strip_prefix(listed)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

/// The value at an `illustrative` path (`statutory_limit`, `contact.phone`) in one document.
pub fn at_path<'a>(json: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(json, |value, key| value.get(key))
}

impl<'a, F: Fields<'a>> Record<F> {
    /// Any field, for code that walks the policy's field list rather than one named field.
    pub fn get(self, field: &str) -> Option<&'a Value> {
        self.0.field(field)
    }

    /// Whether the value at `path` (`statutory_limit`, `contact.phone`,
    /// `department.credit_code`) is an illustration rather than a fact: the document the value
    /// comes from lists it, or the field it is in, under `illustrative` (docs/format.md). For an
    /// effective entry that is the nearest entry stating the field, else the national item.
    pub fn illustrative(self, path: &str) -> bool {
        let field = path.split('.').next().unwrap_or(path);
        self.0
            .holder(field)
            .is_some_and(|doc| lists_illustrative(doc, path))
    }

    pub fn code(self) -> Option<&'a str> {
        as_str(self.0.field("code"))
    }

    /// `name`, or "" (a schema-valid item always has one).
    pub fn name(self) -> &'a str {
        as_str(self.0.field("name")).unwrap_or_default()
    }

    /// `type` (事项类型), or "".
    pub fn item_type(self) -> &'a str {
        as_str(self.0.field("type")).unwrap_or_default()
    }

    pub fn audience(self) -> Option<&'a Value> {
        self.0.field("audience")
    }

    pub fn levels(self) -> Option<&'a Value> {
        self.0.field("levels")
    }

    /// `status` (事项状态).
    pub fn status(self) -> Option<&'a str> {
        as_str(self.0.field("status"))
    }

    /// A national item's `version` (事项版本).
    pub fn version(self) -> Option<u64> {
        self.0.field("version").and_then(Value::as_u64)
    }

    /// A regional entry's `standard_version`: the national version it was last reviewed against.
    pub fn standard_version(self) -> Option<u64> {
        self.0.field("standard_version").and_then(Value::as_u64)
    }

    pub fn description(self) -> Option<&'a Value> {
        self.0.field("description")
    }

    pub fn legal_basis(self) -> Laws<'a> {
        Laws(self.0.field("legal_basis"))
    }

    pub fn implementation_basis(self) -> Laws<'a> {
        Laws(self.0.field("implementation_basis"))
    }

    pub fn statutory_limit(self) -> Option<Limit<'a>> {
        self.0.field("statutory_limit").map(Limit)
    }

    pub fn committed_limit(self) -> Option<Limit<'a>> {
        self.0.field("committed_limit").map(Limit)
    }

    /// An entry's `level` (行使层级).
    pub fn level(self) -> Option<&'a Value> {
        self.0.field("level")
    }

    /// `handling` (办件类型): immediate, promised or other.
    pub fn handling(self) -> Option<&'a str> {
        as_str(self.0.field("handling"))
    }

    pub fn quantity_limit(self) -> Option<&'a Value> {
        self.0.field("quantity_limit")
    }

    pub fn intermediary_services(self) -> Option<&'a Value> {
        self.0.field("intermediary_services")
    }

    pub fn process(self) -> Option<&'a Value> {
        self.0.field("process")
    }

    pub fn result(self) -> Option<ResultDoc<'a>> {
        self.0.field("result").map(ResultDoc)
    }

    pub fn department(self) -> Option<Department<'a>> {
        self.0.field("department").map(Department)
    }

    pub fn task_code(self) -> Option<&'a Value> {
        self.0.field("task_code")
    }

    pub fn channels(self) -> Channels<'a> {
        Channels(self.0.field("channels"))
    }

    /// `service_points` (办理窗口): each with its address, hours, phone, map link and towns.
    pub fn service_points(self) -> &'a [Value] {
        self.objects("service_points")
    }

    /// `situations` (办理情形) as written in this record (a national or local item's own list).
    pub fn situations(self) -> &'a [Value] {
        self.objects("situations")
    }

    /// `assistance` (帮办服务: 上门办理, 帮办代办, 绿色通道, 预约延时).
    pub fn assistance(self) -> &'a [Value] {
        self.objects("assistance")
    }

    /// `cross_region` (通办方式: modes and partner regions).
    pub fn cross_region(self) -> Option<&'a Value> {
        self.0.field("cross_region")
    }

    /// `special_procedures` (特别程序).
    pub fn special_procedures(self) -> &'a [Value] {
        self.objects("special_procedures")
    }

    /// `sources` (信息来源: where the file's facts come from).
    pub fn sources(self) -> &'a [Value] {
        self.objects("sources")
    }

    /// `appointment_url` (网上预约地址).
    pub fn appointment_url(self) -> Option<&'a str> {
        as_str(self.0.field("appointment_url"))
    }

    pub fn contact(self) -> Option<Contact<'a>> {
        self.0.field("contact").map(Contact)
    }

    pub fn faq(self) -> Option<&'a Value> {
        self.0.field("faq")
    }

    pub fn redress(self) -> Option<&'a Value> {
        self.0.field("redress")
    }

    /// `personal_data` (个人信息采集): `{field, purpose, basis}` lines.
    pub fn personal_data(self) -> impl Iterator<Item = PersonalData<'a>> {
        self.0
            .field("personal_data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(PersonalData)
    }

    /// `exceptions` (批准的例外), in file order.
    pub fn exceptions(self) -> impl Iterator<Item = ExceptionDoc<'a>> {
        self.0
            .field("exceptions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(ExceptionDoc)
    }

    /// Text fields that pages show as written: `description`, `rights`, `duties`,
    /// `competent_department`, `entrusting_department`, `local_code`, `effective`, …
    pub fn text(self, field: &str) -> Option<&'a str> {
        as_str(self.0.field(field))
    }

    /// A list of strings (`topics`, `co_departments`), empty when absent.
    pub fn strings(self, field: &str) -> Vec<&'a str> {
        self.0
            .field(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    }

    /// A list of objects (`towns`, `special_procedures`), as written.
    pub fn objects(self, field: &str) -> &'a [Value] {
        self.0
            .field(field)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// `convenience` (便民服务): `{appointment, online_payment, express, hall}`.
    pub fn convenience(self) -> Option<&'a Value> {
        self.0.field("convenience")
    }

    /// A national item's `central_department` (国务院主管部门).
    pub fn central_department(self) -> Option<&'a str> {
        as_str(self.0.field("central_department"))
    }

    /// An event's `lead_department` (牵头部门).
    pub fn lead_department(self) -> Option<&'a Value> {
        self.0.field("lead_department")
    }

    /// An event's `stage` (阶段).
    pub fn stage(self) -> Option<&'a Value> {
        self.0.field("stage")
    }

    /// `reviewed` (最近核验日期).
    pub fn reviewed(self) -> Option<&'a Value> {
        self.0.field("reviewed")
    }

    /// The lines of a list field as written in this record (no merging with the standard);
    /// `field` is a [`ListField`]'s name or any field the policy lists as `narrow: fewer`.
    pub fn written_lines(self, field: &str) -> Lines<'a> {
        Lines(self.0.field(field))
    }
}

impl<'a> Record<Chain<'a>> {
    /// The effective lines of a list field: the national list as the nearest restating region
    /// has it (see [`effective_lines`]).
    pub fn lines(self, field: ListField) -> Vec<Line<'a>> {
        self.0.effective.lines(self.0.catalog, field.name())
    }

    /// [`Record::lines`] for an applicant in one situation (docs/format.md, situations).
    pub fn lines_in(self, field: ListField, situation: &str) -> Vec<Line<'a>> {
        self.0
            .effective
            .lines_in(self.0.catalog, field.name(), situation)
    }

    /// The situations the region handles (see [`crate::resolve::Effective::situations`]).
    pub fn handled_situations(self) -> Vec<Line<'a>> {
        self.0.effective.situations(self.0.catalog)
    }

    /// `reviewed` of the region's own entry (not inherited).
    pub fn own_reviewed(self) -> Option<&'a Value> {
        self.0.catalog.documents[self.0.effective.own()]
            .json
            .get("reviewed")
    }
}

impl<'a> Record<&'a Value> {
    /// The lines of a list field of a national or local item: the standard's own lines.
    pub fn lines(self, field: ListField) -> Vec<Line<'a>> {
        self.lines_named(field.name())
    }

    /// [`Record::lines`] for an applicant in one situation.
    pub fn lines_in(self, field: ListField, situation: &str) -> Vec<Line<'a>> {
        crate::resolve::lines::effective_lines_in(self.0.get(field.name()), None, situation)
    }

    /// [`Record::lines`] of a field named by the policy.
    pub fn lines_named(self, field: &str) -> Vec<Line<'a>> {
        effective_lines(self.0.get(field), None)
    }
}

/// The list fields that pages, open data and the history show one by one. `policy.yaml` is the
/// authority on which fields merge their lines by `ref` ([`crate::resolve::Resolved::line_fields`]);
/// a test holds these three to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListField {
    Conditions,
    Materials,
    Fees,
}

impl ListField {
    pub const ALL: [ListField; 3] = [ListField::Conditions, ListField::Materials, ListField::Fees];

    pub fn name(self) -> &'static str {
        match self {
            ListField::Conditions => "conditions",
            ListField::Materials => "materials",
            ListField::Fees => "fees",
        }
    }
}

/// A list field's lines as written, serialized unchanged.
#[derive(Clone, Copy)]
pub struct Lines<'a>(pub Option<&'a Value>);

impl<'a> Lines<'a> {
    pub fn iter(self) -> impl Iterator<Item = &'a Value> {
        self.0.and_then(Value::as_array).into_iter().flatten()
    }
}

/// `legal_basis` or `implementation_basis`: references to the laws registry.
#[derive(Clone, Copy)]
pub struct Laws<'a>(pub Option<&'a Value>);

impl<'a> Laws<'a> {
    pub fn iter(self) -> impl Iterator<Item = LawCite<'a>> {
        self.0
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(LawCite)
    }
}

/// One citation: `{law, article}`.
#[derive(Clone, Copy)]
pub struct LawCite<'a>(pub &'a Value);

impl<'a> LawCite<'a> {
    pub fn law(self) -> &'a str {
        as_str(self.0.get("law")).unwrap_or_default()
    }

    pub fn article(self) -> Option<&'a Value> {
        self.0.get("article")
    }
}

/// A time limit `{days, unit, note}`; serializes as written.
#[derive(Clone, Copy, Debug)]
pub struct Limit<'a>(pub &'a Value);

impl<'a> Limit<'a> {
    pub fn days(self) -> Option<u64> {
        self.0.get("days").and_then(Value::as_u64)
    }

    /// `working_day` or `calendar_day`.
    pub fn unit(self) -> Option<&'a str> {
        as_str(self.0.get("unit"))
    }

    /// `statutory_limit: none`: the law sets no time limit (法定办结时限：无).
    pub fn none(self) -> bool {
        self.0.as_str() == Some("none")
    }

    pub fn note(self) -> Option<&'a str> {
        as_str(self.0.get("note"))
    }

    pub fn raw(self) -> &'a Value {
        self.0
    }

    /// `15个自然日（note）`: see [`labels::limit`].
    pub fn label(self) -> Option<String> {
        labels::limit(self)
    }
}

impl Serialize for Limit<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// `department`: `{name, credit_code, nature}`; serializes as written.
#[derive(Clone, Copy, Debug)]
pub struct Department<'a>(pub &'a Value);

impl<'a> Department<'a> {
    pub fn name(self) -> &'a str {
        as_str(self.0.get("name")).unwrap_or_default()
    }

    pub fn credit_code(self) -> &'a str {
        as_str(self.0.get("credit_code")).unwrap_or_default()
    }

    /// `nature` (实施主体性质), when stated.
    pub fn nature(self) -> Option<&'a str> {
        as_str(self.0.get("nature"))
    }
}

impl Serialize for Department<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// `contact`: `{phone, complaint, email}`; serializes as written.
#[derive(Clone, Copy, Debug)]
pub struct Contact<'a>(pub &'a Value);

impl<'a> Contact<'a> {
    pub fn phone(self) -> Option<&'a Value> {
        self.0.get("phone")
    }
}

impl Serialize for Contact<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// `result`: `{type, name, certificate}` of what the applicant receives.
#[derive(Clone, Copy, Debug)]
pub struct ResultDoc<'a>(pub &'a Value);

impl<'a> ResultDoc<'a> {
    pub fn result_type(self) -> &'a str {
        as_str(self.0.get("type")).unwrap_or_default()
    }

    pub fn name(self) -> &'a str {
        as_str(self.0.get("name")).unwrap_or_default()
    }

    /// `certificate`: the e-certificate type the result is issued as (an id in the certificates
    /// registry), which later members of an event use instead of a submitted document.
    pub fn certificate(self) -> Option<&'a str> {
        as_str(self.0.get("certificate"))
    }
}

/// One line of `personal_data`: what is collected, why, and on what legal basis.
#[derive(Clone, Copy, Debug)]
pub struct PersonalData<'a>(pub &'a Value);

impl<'a> PersonalData<'a> {
    pub fn field(self) -> Option<&'a str> {
        as_str(self.0.get("field"))
    }

    pub fn purpose(self) -> Option<&'a str> {
        as_str(self.0.get("purpose"))
    }

    /// The id of the law that allows collecting it.
    pub fn basis(self) -> Option<&'a str> {
        as_str(self.0.get("basis"))
    }
}

/// One approved exception: `{field, ref, reason, approval, expires}`.
#[derive(Clone, Copy, Debug)]
pub struct ExceptionDoc<'a>(pub &'a Value);

impl<'a> ExceptionDoc<'a> {
    fn text(self, key: &str) -> &'a str {
        as_str(self.0.get(key)).unwrap_or_default()
    }

    /// The field whose deviation it approves.
    pub fn field(self) -> &'a str {
        self.text("field")
    }

    /// The line it approves, when it names one.
    pub fn reference(self) -> Option<&'a str> {
        as_str(self.0.get("ref"))
    }

    pub fn reason(self) -> &'a str {
        self.text("reason")
    }

    /// The approval document's number (批准文号).
    pub fn approval(self) -> &'a str {
        self.text("approval")
    }

    /// Whether the line marks `field` (`approval`, …) as an illustration, not a real document.
    pub fn illustrative(self, field: &str) -> bool {
        lists_illustrative(self.0, field)
    }

    /// The expiry date as written.
    pub fn expires(self) -> &'a str {
        self.text("expires")
    }
}

/// `channels` (办理形式).
#[derive(Clone, Copy, Debug)]
pub struct Channels<'a>(pub Option<&'a Value>);

impl<'a> Channels<'a> {
    fn flag(self, key: &str) -> bool {
        self.0
            .and_then(|c| c.get(key))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    pub fn window(self) -> bool {
        self.flag("window")
    }

    pub fn mobile(self) -> bool {
        self.flag("mobile")
    }

    pub fn mail(self) -> bool {
        self.flag("mail")
    }

    pub fn online(self) -> Option<&'a Value> {
        self.0?.get("online")
    }

    pub fn online_url(self) -> Option<&'a Value> {
        self.0?.pointer("/online/url")
    }

    /// `online.depth` (网上办理深度), when stated.
    pub fn online_depth(self) -> Option<&'a str> {
        as_str(self.0?.pointer("/online/depth"))
    }

    pub fn visits(self) -> Option<&'a Value> {
        self.0?.get("visits")
    }

    pub fn visit_reason(self) -> Option<&'a Value> {
        self.0?.get("visit_reason")
    }

    pub fn raw(self) -> Option<&'a Value> {
        self.0
    }

    /// Whether an applicant can apply without going to a window: online, mobile or by mail.
    pub fn remote(self) -> bool {
        self.online().is_some() || self.mobile() || self.mail()
    }
}

impl<'a> Line<'a> {
    /// `id`: the line's name within its item (a restated line takes its `ref`).
    pub fn id(&self) -> &'a str {
        self.str("id")
    }

    /// `ref`: the national line a regional line restates.
    pub fn reference(&self) -> Option<&'a str> {
        as_str(self.get("ref"))
    }

    pub fn name(&self) -> &'a str {
        self.str("name")
    }

    /// A condition's `text`.
    pub fn text(&self) -> &'a str {
        self.str("text")
    }

    /// A material's `form`: original, copy or both.
    pub fn form(&self) -> &'a str {
        self.str("form")
    }

    pub fn copies(&self) -> Option<&'a Value> {
        self.get("copies")
    }

    pub fn medium(&self) -> Option<&'a Value> {
        self.get("medium")
    }

    /// A material's `required`, true when absent.
    pub fn required(&self) -> bool {
        self.get("required")
            .and_then(Value::as_bool)
            .unwrap_or(true)
    }

    pub fn source(&self) -> &'a str {
        self.str("source")
    }

    pub fn certificate(&self) -> Option<&'a str> {
        as_str(self.get("certificate"))
    }

    /// A material's `holder`: whose document it is (持证人, e.g. 法定代表人); absent for the
    /// applicant's own.
    pub fn holder(&self) -> Option<&'a str> {
        as_str(self.get("holder"))
    }

    pub fn waived_by(&self) -> Option<&'a str> {
        as_str(self.get("waived_by"))
    }

    pub fn note(&self) -> Option<&'a Value> {
        self.get("note")
    }

    pub fn basis(&self) -> Option<&'a str> {
        as_str(self.get("basis"))
    }

    /// A fee's `amount` in yuan, 0 when absent.
    pub fn amount(&self) -> f64 {
        self.get("amount").and_then(Value::as_f64).unwrap_or(0.0)
    }

    /// A fee's `amount` as written (absent when the line does not state one).
    pub fn amount_value(&self) -> Option<&'a Value> {
        self.get("amount")
    }

    /// `omitted`: the reason a region gives for no longer requiring the national line (`true`
    /// when a migration wrote it and the reason is still to be given).
    pub fn omitted(&self) -> Option<&'a Value> {
        self.get("omitted")
    }

    /// A national material's `statutory` or a condition's `waivable` flag (the policy's
    /// `omit.unless`), false when absent.
    pub fn flag(&self, name: &str) -> bool {
        self.get(name).and_then(Value::as_bool).unwrap_or(false)
    }

    /// Whether the line as the region wrote it states `key` itself (a restated line that leaves
    /// `key` out shows the national value).
    pub fn states(&self, key: &str) -> bool {
        match self {
            Line::Plain(_) => true,
            Line::Merged { changes, .. } => changes.contains_key(key),
            Line::Added(map) => map.contains_key(key),
        }
    }

    /// Whether the region adds this line (it restates no national line).
    pub fn added(&self) -> bool {
        self.get("added").is_some()
    }
}
