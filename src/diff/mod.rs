//! Stage 4: measure every effective entry against the national standard.
//!
//! One generic engine, driven by `schema/policy.yaml`: for each field the policy names, the
//! effective value (see `resolve.rs`) is compared with the national one in the direction the
//! policy gives, and classified `same`, `improved`, `deviation`, `approved` or `local`. Lines of
//! lists are matched by `ref`, and each difference is a [`Detail`] (added, removed, waived, a
//! property moved up or down, reworded text with an inline diff).
//!
//! A deviation is reported once, against the file that states the value: a city that inherits its
//! province's conditions is classified by them but the finding belongs to the province's file.
//! An unexpired exception of that file turns a deviation into `approved` (a warning); an expired
//! exception, or one that matches nothing, is an error.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::diagnostic::messages::Lang;
use crate::load::policy::{Direction, FieldPolicy, Omit, Policy};
use crate::load::{Document, Kind};
pub mod describe;

pub use describe::describe;

use crate::resolve::catalog::Catalog;
use crate::resolve::labels;
use crate::resolve::limits::{Days, Relation, relate};
use crate::resolve::model::Level;
use crate::resolve::view::{self, ExceptionDoc, Limit};
use crate::resolve::{Effective, Line, Resolved, Sourced};
use crate::t;

/// The conformance classes (docs/format.md, regional entry), from best to worst for a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Same,
    Local,
    Improved,
    Approved,
    /// Within or beyond the standard depending on the calendar (working against calendar days):
    /// no verdict can be given.
    Uncertain,
    Deviation,
    Missing,
    Extra,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Same => "same",
            Class::Local => "local",
            Class::Improved => "improved",
            Class::Approved => "approved",
            Class::Uncertain => "uncertain",
            Class::Deviation => "deviation",
            Class::Missing => "missing",
            Class::Extra => "extra",
        }
    }

    pub const ALL: [Class; 8] = [
        Class::Same,
        Class::Improved,
        Class::Deviation,
        Class::Approved,
        Class::Uncertain,
        Class::Local,
        Class::Missing,
        Class::Extra,
    ];
}

/// An exception that approved a deviation.
#[derive(Clone, Debug, Serialize)]
pub struct Approval {
    pub approval: String,
    pub expires: String,
    pub reason: String,
    /// The exception marks its `approval` illustrative: a sample's invented document number,
    /// not a real one (docs/format.md, illustrative values).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
}

/// One difference inside a field.
#[derive(Clone, Debug, Serialize)]
pub struct Detail {
    pub class: Class,
    /// added, removed, waived, changed, or the name of the property that moved.
    pub kind: String,
    /// The line's `ref` (or `id` for an addition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub national: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regional: Option<Value>,
    /// Reworded text as `kept[-removed-]{+added+}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_diff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<Approval>,
    /// The situation (办理情形) the difference applies in, for an item with situations: the
    /// lists are compared per situation (docs/format.md, "The conformance diff per situation").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub situation: Option<String>,
    /// That situation's name, for the text reports: `以合法稳定就业申领`.
    #[serde(skip)]
    pub situation_name: Option<String>,
    #[serde(skip)]
    regional_pointer: String,
    #[serde(skip)]
    national_pointer: Option<String>,
    /// The document that states the difference (an omission may be a parent region's).
    #[serde(skip)]
    stated_in: Option<usize>,
    /// The standard the regional value is compared with when it is not the national one:
    /// `浙江省标准` (a parent region's own value).
    #[serde(skip)]
    pub baseline: Option<Arc<str>>,
}

/// One field of an effective entry. Field names and file paths are shared (`Arc`), not copied
/// per entry: a national catalog has millions of these.
#[derive(Clone, Debug, Serialize)]
pub struct FieldResult {
    pub field: Arc<str>,
    pub class: Class,
    /// The file the effective value comes from, and its line.
    pub file: Arc<str>,
    pub line: u32,
    pub inherited: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntryResult {
    pub item: String,
    pub name: String,
    pub file: String,
    /// The worst class of its fields.
    pub class: Class,
    /// The fields the entry or a parent region states, and every field that is not `same`.
    pub fields: Vec<FieldResult>,
    /// How many fields are inherited from the national item unchanged (`same`, not listed in
    /// `fields`).
    pub unchanged: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemRef {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RegionResult {
    pub code: String,
    pub name: String,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// National items delivered at this region's level.
    pub applicable: usize,
    /// Applicable items the region has an entry for.
    pub implemented: usize,
    /// Implemented applicable items that are the same as the standard or better (`same`,
    /// `improved`).
    pub conforming: usize,
    /// Implemented applicable items whose worst difference is an approved deviation.
    pub approved: usize,
    /// Implemented applicable items whose worst difference cannot be judged (`uncertain`).
    pub uncertain: usize,
    /// Implemented applicable items with an unapproved deviation.
    pub deviating: usize,
    /// `(conforming + approved) / applicable`: the share of applicable items implemented within
    /// the standard or with an approved exception; absent when nothing applies.
    pub score: Option<f64>,
    /// Entries by their class, plus `missing` and `extra` items.
    pub counts: BTreeMap<Class, usize>,
    /// Fields of all entries by their class.
    pub field_counts: BTreeMap<Class, usize>,
    pub entries: Vec<EntryResult>,
    pub missing: Vec<ItemRef>,
    pub extra: Vec<ItemRef>,
}

/// The result of the diff: per-region results and the findings for `check`.
#[derive(Debug, Default)]
pub struct Conformance {
    pub regions: Vec<RegionResult>,
    pub diagnostics: Vec<Diagnostic>,
}

impl RegionResult {
    /// The score as a whole percentage, absent when nothing applies.
    pub fn score_pct(&self) -> Option<u32> {
        self.score.map(|s| (s * 100.0).round() as u32)
    }
}

impl Conformance {
    /// The result of one region (regions are in code order).
    pub fn region(&self, code: &str) -> Option<&RegionResult> {
        self.regions
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.regions[i])
    }

    /// The result of one region's entry for one item (entries are in item order).
    pub fn entry(&self, region: &str, item: &str) -> Option<&EntryResult> {
        let region = self.region(region)?;
        region
            .entries
            .binary_search_by(|e| e.item.as_str().cmp(item))
            .ok()
            .map(|i| &region.entries[i])
    }
}

/// Measure every region of the catalog.
pub fn diff(resolved: &Resolved, policy: &Policy) -> Conformance {
    let catalog = &resolved.catalog;
    use rayon::prelude::*;
    let fields: Vec<(Arc<str>, &FieldPolicy)> = policy
        .fields
        .iter()
        .map(|(name, rule)| (Arc::from(name.as_str()), rule))
        .collect();
    let slots = catalog
        .documents
        .par_iter()
        .map(|d| match d.kind {
            Kind::National | Kind::Entry if d.valid => slots(&fields, &d.json),
            _ => Vec::new(),
        })
        .collect();
    let shared = Shared {
        paths: catalog
            .documents
            .iter()
            .map(|d| Arc::from(d.path()))
            .collect(),
        fields,
        slots,
    };
    let results: Vec<(Option<EntryResult>, Vec<Diagnostic>)> = resolved
        .effective
        .par_iter()
        .map(|effective| {
            let mut found = Vec::new();
            (entry(catalog, &shared, effective, &mut found), found)
        })
        .collect();
    let mut diagnostics = Vec::new();
    let mut by_region: BTreeMap<&str, Vec<EntryResult>> = BTreeMap::new();
    for (effective, (result, found)) in resolved.effective.iter().zip(results) {
        diagnostics.extend(found);
        if let Some(result) = result {
            by_region
                .entry(effective.region.as_str())
                .or_default()
                .push(result);
        }
    }
    let regions = catalog
        .regions
        .iter()
        .map(|(code, region)| {
            let entries = by_region.remove(code.as_str()).unwrap_or_default();
            region_result(catalog, code, &region.value, entries, &|_| true)
        })
        .collect();
    Conformance {
        regions,
        diagnostics,
    }
}

impl RegionResult {
    /// This region's result over the items `wanted` alone (`diff --item`): its entries for
    /// them, and every count and the score over them, not over the whole catalog.
    pub fn scoped(&self, catalog: &Catalog, wanted: &dyn Fn(&str) -> bool) -> RegionResult {
        let entries = self
            .entries
            .iter()
            .filter(|e| wanted(&e.item))
            .cloned()
            .collect();
        match catalog.regions.get(&self.code) {
            Some(region) => region_result(catalog, &self.code, &region.value, entries, wanted),
            None => self.clone(),
        }
    }
}

/// A region's result from its entries' results, counting the items `wanted` only.
fn region_result(
    catalog: &Catalog,
    code: &str,
    region: &crate::resolve::model::Region,
    entries: Vec<EntryResult>,
    wanted: &dyn Fn(&str) -> bool,
) -> RegionResult {
    let mut counts: BTreeMap<Class, usize> = BTreeMap::new();
    let mut field_counts: BTreeMap<Class, usize> = BTreeMap::new();
    for entry in &entries {
        *counts.entry(entry.class).or_default() += 1;
        for field in &entry.fields {
            *field_counts.entry(field.class).or_default() += 1;
        }
        if entry.unchanged > 0 {
            *field_counts.entry(Class::Same).or_default() += entry.unchanged;
        }
    }
    let delivering = |item: &crate::resolve::model::Item| {
        item.status == "active" && item.levels.contains(&region.level)
    };
    let applicable: Vec<&str> = catalog
        .items
        .iter()
        .filter(|(code, item)| wanted(code) && delivering(&item.value))
        .map(|(code, _)| code.as_str())
        .collect();
    let missing: Vec<ItemRef> = applicable
        .iter()
        .filter(|item| {
            !catalog
                .entries
                .contains_key(&(code.to_string(), item.to_string()))
        })
        .map(|item| ItemRef {
            code: item.to_string(),
            name: catalog.items[*item].value.name.clone(),
        })
        .collect();
    let applicable_set: std::collections::BTreeSet<&str> = applicable.iter().copied().collect();
    let implemented: Vec<&EntryResult> = entries
        .iter()
        .filter(|e| applicable_set.contains(e.item.as_str()))
        .collect();
    let count = |f: fn(Class) -> bool| implemented.iter().filter(|e| f(e.class)).count();
    let conforming = count(|c| matches!(c, Class::Same | Class::Improved | Class::Local));
    let approved = count(|c| c == Class::Approved);
    let uncertain = count(|c| c == Class::Uncertain);
    let deviating = count(|c| c == Class::Deviation);
    let extra: Vec<ItemRef> = catalog
        .local_items
        .iter()
        .filter(|((region, item), _)| region == code && wanted(item))
        .map(|((_, item), local)| ItemRef {
            code: item.clone(),
            name: local.value.item.name.clone(),
        })
        .collect();
    if !missing.is_empty() {
        counts.insert(Class::Missing, missing.len());
    }
    if !extra.is_empty() {
        counts.insert(Class::Extra, extra.len());
    }
    let score = (!applicable.is_empty()).then(|| {
        ((conforming + approved) as f64 / applicable.len() as f64 * 1000.0).round() / 1000.0
    });
    RegionResult {
        code: code.to_string(),
        name: region.name.clone(),
        level: region.level,
        parent: region.parent.clone(),
        applicable: applicable.len(),
        implemented: implemented.len(),
        conforming,
        approved,
        uncertain,
        deviating,
        score,
        counts,
        field_counts,
        entries,
        missing,
        extra,
    }
}

/// The exceptions a document declares, with their index.
fn exceptions(doc: &Document) -> Vec<(usize, ExceptionDoc<'_>)> {
    view::doc(&doc.json).exceptions().enumerate().collect()
}

/// What every entry's results share: document paths and the policy's fields, made once.
struct Shared<'a> {
    paths: Vec<Arc<str>>,
    /// The policy's fields, sorted by name.
    fields: Vec<(Arc<str>, &'a FieldPolicy)>,
    /// For each national item and entry document, its value of each policy field (by the
    /// field's index in `fields`): every entry looks its chain up many times, so each document's
    /// map is searched once, not once per look-up.
    slots: Vec<Vec<Option<&'a Value>>>,
}

/// A document's value of each of `fields`.
fn slots<'a>(fields: &[(Arc<str>, &FieldPolicy)], json: &'a Value) -> Vec<Option<&'a Value>> {
    let mut out = vec![None; fields.len()];
    for (key, value) in json.as_object().into_iter().flatten() {
        if let Ok(i) = fields.binary_search_by(|(name, _)| (**name).cmp(key.as_str())) {
            out[i] = Some(value);
        }
    }
    out
}

impl<'a> Shared<'a> {
    fn slot(&self, doc: usize, field: usize) -> Option<&'a Value> {
        self.slots[doc].get(field).copied().flatten()
    }

    /// Where field `field` of an effective entry comes from (see `Effective::get`).
    fn get(&self, effective: &Effective, field: usize) -> Option<Sourced<'a>> {
        effective.find(|doc| self.slot(doc, field))
    }

    /// The value of `field` inherited from the parent regions (not the region's own entry).
    fn inherited(&self, effective: &Effective, field: usize) -> Option<Sourced<'a>> {
        effective.inherited(|doc| self.slot(doc, field))
    }
}

/// Classify one effective entry; emit findings for the fields its own file states.
fn entry<'a>(
    catalog: &'a Catalog,
    shared: &Shared<'a>,
    effective: &Effective,
    out: &mut Vec<Diagnostic>,
) -> Option<EntryResult> {
    let national_doc = &catalog.documents[effective.national?];
    let own = effective.own_doc(catalog);
    let own_exceptions = exceptions(own);
    let mut matched = vec![false; own_exceptions.len()];
    let mut fields = Vec::new();
    let mut unchanged = 0;
    for (index, (name, rule)) in shared.fields.iter().enumerate() {
        let field: &str = name;
        let rule: &FieldPolicy = rule;
        let Some(sourced) = shared.get(effective, index) else {
            continue;
        };
        let national = effective.national.and_then(|doc| shared.slot(doc, index));
        let mut details = match rule {
            FieldPolicy::Fixed => fixed(field, &sourced, national),
            FieldPolicy::Local { .. } => Vec::new(),
            FieldPolicy::Fewer { key, item, omit } if !sourced.national => {
                let stated = Stated {
                    lists: effective
                        .chain
                        .iter()
                        .rev()
                        .filter_map(|&doc| shared.slot(doc, index).map(|v| (doc, v)))
                        .collect(),
                };
                let national = national.unwrap_or(&Value::Null);
                let situations = if per_situation(field) {
                    effective.situations(catalog)
                } else {
                    Vec::new()
                };
                if situations.is_empty() {
                    lines(field, (key, item, omit), &stated, national, None)
                } else {
                    // Per situation the region handles: the lines that apply in it, compared
                    // the way whole lists are.
                    let mut details = Vec::new();
                    for situation in &situations {
                        let id = situation.id();
                        let name = Some(situation.name()).filter(|n| !n.is_empty());
                        for mut d in lines(field, (key, item, omit), &stated, national, Some(id)) {
                            d.situation = Some(id.to_string());
                            d.situation_name = Some(name.unwrap_or(id).to_string());
                            details.push(d);
                        }
                    }
                    details
                }
            }
            FieldPolicy::Scalar {
                direction,
                value,
                unit,
                bound,
            } if !sourced.national => {
                // The national value, else the parent region's (a regional standard), else the bound.
                let parent = national
                    .is_none()
                    .then(|| shared.inherited(effective, index))
                    .flatten();
                let baseline = national
                    .or(parent.map(|s| s.value))
                    .or_else(|| bounding(bound.as_deref(), national_doc));
                let mut details = scalar(
                    field,
                    direction,
                    value.as_deref(),
                    unit.as_deref(),
                    sourced.value,
                    baseline,
                );
                // A comparison with a parent region's value names that region's standard.
                let standard = parent
                    .and_then(|s| catalog.standard_of(s.doc))
                    .map(Arc::<str>::from);
                for d in &mut details {
                    d.baseline.clone_from(&standard);
                }
                details
            }
            FieldPolicy::More { item } if !sourced.national => {
                let parent = national
                    .map(|v| (v, true))
                    .or_else(|| shared.inherited(effective, index).map(|s| (s.value, false)));
                match parent {
                    Some((baseline, _)) => options(field, item, sourced.value, baseline),
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let source_doc = &catalog.documents[sourced.doc];
        let stated_here = !sourced.national && sourced.doc == effective.own();
        let today = catalog.today;
        let mut in_situations: BTreeMap<(String, String, bool), Reported> = BTreeMap::new();
        for detail in details.iter_mut().filter(|d| d.class == Class::Deviation) {
            // The document that states this difference: the field's source, or for an
            // inherited omission the parent region that made it.
            let stating = detail.stated_in.unwrap_or(sourced.doc);
            let here = stated_here && stating == effective.own();
            // A line left unaccounted for is resolved by restating or omitting it, never approved.
            let approving = (detail.kind != "unaccounted")
                .then(|| {
                    exceptions(&catalog.documents[stating])
                        .into_iter()
                        .find(|(_, e)| {
                            e.field() == field
                                && e.reference()
                                    .is_none_or(|r| Some(r) == detail.key.as_deref())
                        })
                })
                .flatten();
            let mut expired = false;
            if let Some((k, exception)) = approving {
                if here {
                    matched[k] = true;
                }
                let expires = exception.expires();
                expired = dates::parse(expires).is_some_and(|day| day < today);
                if dates::parse(expires).is_some_and(|day| day >= today) {
                    detail.class = Class::Approved;
                    detail.approved_by = Some(Approval {
                        approval: exception.approval().to_string(),
                        expires: expires.to_string(),
                        reason: exception.reason().to_string(),
                        illustrative: exception.illustrative("approval"),
                    });
                }
            }
            // Beyond the statutory bound is CAT101's finding, not a conformance one.
            let bounded = matches!(rule, FieldPolicy::Scalar { bound: Some(_), .. })
                && national.is_none()
                && shared.inherited(effective, index).is_none();
            // Under an expired exception the deviation is CAT208's one finding (renew or conform).
            if here
                && !expired
                && let Some(mut d) =
                    finding(field, bounded, detail, own, national_doc, catalog.lang)
            {
                // A line that differs the same way in several situations is one finding, which
                // names them all.
                match &detail.situation_name {
                    Some(name) => {
                        // The same line and the same difference: the message without the
                        // situations says both (two lines left out of one list share a pointer).
                        let key = (
                            detail.regional_pointer.clone(),
                            d.message.clone(),
                            detail.approved_by.is_some(),
                        );
                        match in_situations.get_mut(&key) {
                            Some((at, base, names)) => {
                                names.push(name.clone());
                                out[*at].message = in_situations_message(base, names, catalog.lang);
                            }
                            None => {
                                let base = d.message.clone();
                                let names = vec![name.clone()];
                                d.message = in_situations_message(&base, &names, catalog.lang);
                                in_situations.insert(key, (out.len(), base, names));
                                out.push(d);
                            }
                        }
                    }
                    None => out.push(d),
                }
            }
        }
        let class = match rule {
            FieldPolicy::Local { .. } => Class::Local,
            // Nothing to compare with (no national value, no parent's, no bound, or a bound the
            // law does not set: `statutory_limit: none`): a local value.
            FieldPolicy::More { .. } | FieldPolicy::Scalar { .. }
                if details.is_empty()
                    && !matches!(rule, FieldPolicy::Scalar { bound: Some(b), .. }
                        if bounding(Some(b), national_doc).is_some())
                    && !sourced.national
                    && national.is_none()
                    && shared.inherited(effective, index).is_none() =>
            {
                Class::Local
            }
            _ => details.iter().map(|d| d.class).max().unwrap_or(Class::Same),
        };
        if sourced.national && class == Class::Same && details.is_empty() {
            unchanged += 1;
            continue;
        }
        let line = source_doc.top_level_line(field);
        fields.push(FieldResult {
            field: name.clone(),
            class,
            file: shared.paths[sourced.doc].clone(),
            line,
            inherited: !stated_here,
            details,
        });
    }
    for (k, exception) in &own_exceptions {
        let pointer = format!("/exceptions/{k}");
        let expires = exception.expires();
        let day = dates::parse(expires);
        if day.is_some_and(|day| day < catalog.today) {
            let lang = catalog.lang;
            let what = exception_subject(exception.field(), exception.reference(), lang);
            out.push(
                own.diagnostic(
                    &codes::EXPIRED_EXCEPTION,
                    &format!("{pointer}/expires"),
                    t!(
                        lang,
                        "cat208-message",
                        approval = exception.approval(),
                        what = what,
                        expires = expires
                    ),
                )
                .label(t!(lang, "cat208-label"))
                .help(t!(lang, "cat208-help")),
            );
        } else if !matched[*k] {
            let lang = catalog.lang;
            let what = exception_subject(exception.field(), exception.reference(), lang);
            out.push(
                own.diagnostic(
                    &codes::UNMATCHED_EXCEPTION,
                    &pointer,
                    t!(lang, "cat209-message", what = what),
                )
                .help(t!(lang, "cat209-help")),
            );
        } else if let Some(day) = day
            && day - catalog.today <= catalog.exception_notice_days()
        {
            let left = day - catalog.today;
            out.push(
                own.diagnostic(
                    &codes::EXCEPTION_EXPIRING,
                    &format!("{pointer}/expires"),
                    t!(
                        catalog.lang,
                        "cat213-message",
                        approval = exception.approval(),
                        expires = expires,
                        left = left
                    ),
                )
                .label(t!(catalog.lang, "cat213-label"))
                .help(t!(catalog.lang, "cat213-help")),
            );
        }
    }
    let class = fields
        .iter()
        .map(|f| f.class)
        .filter(|c| *c != Class::Local)
        .max()
        .unwrap_or(Class::Same);
    Some(EntryResult {
        item: effective.item.clone(),
        name: view::doc(&national_doc.json).name().to_string(),
        file: own.path().to_string(),
        class,
        fields,
        unchanged,
    })
}

/// The pointer `/{field}/{index}`, or `/{field}/{index}/{property}`, of a list's line (the
/// field already escaped), made without the formatting machinery: the diff makes one or two for
/// each of its details, hundreds of thousands in a province.
fn line_pointer(field: &str, index: usize, property: Option<&str>) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = index;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &digits[start..];
    let mut pointer =
        String::with_capacity(2 + field.len() + digits.len() + property.map_or(0, |p| 1 + p.len()));
    pointer.push('/');
    pointer.push_str(field);
    pointer.push('/');
    pointer.extend(digits.iter().map(|d| char::from(*d)));
    if let Some(property) = property {
        pointer.push('/');
        pointer.push_str(property);
    }
    pointer
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn detail(
    class: Class,
    kind: &str,
    key: Option<&str>,
    national: Option<&Value>,
    regional: Option<&Value>,
    regional_pointer: String,
    national_pointer: Option<String>,
) -> Detail {
    Detail {
        class,
        kind: kind.to_string(),
        key: key.map(str::to_string),
        national: national.cloned(),
        regional: regional.cloned(),
        text_diff: None,
        approved_by: None,
        situation: None,
        situation_name: None,
        regional_pointer,
        national_pointer,
        stated_in: None,
        baseline: None,
    }
}

fn fixed(field: &str, sourced: &Sourced<'_>, national: Option<&Value>) -> Vec<Detail> {
    match national {
        Some(n) if !sourced.national && !same_but_local(n, sourced.value) => {
            let pointer = format!("/{}", escape(field));
            let mut d = detail(
                Class::Deviation,
                "changed",
                None,
                Some(n),
                Some(sourced.value),
                pointer.clone(),
                Some(pointer),
            );
            if let (Some(a), Some(b)) = (n.as_str(), sourced.value.as_str()) {
                d.text_diff = Some(inline_diff(a, b));
            }
            vec![d]
        }
        _ => Vec::new(),
    }
}

/// Properties of a fixed mapping that are the region's own: the sample of the result as this
/// office issues it (`result.sample_file`, 结果样本, docs/format.md "Forms and attachments").
const LOCAL_PROPERTIES: [&str; 1] = ["sample_file"];

/// Whether a regional value of a fixed field equals the national one, leaving aside the
/// properties a region states for itself ([`LOCAL_PROPERTIES`]).
fn same_but_local(national: &Value, regional: &Value) -> bool {
    match (national, regional) {
        (Value::Object(n), Value::Object(r)) => {
            let kept = |map: &serde_json::Map<String, Value>| {
                map.iter()
                    .filter(|(k, _)| !LOCAL_PROPERTIES.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect::<serde_json::Map<_, _>>()
            };
            kept(n) == kept(r)
        }
        _ => national == regional,
    }
}

/// The value of a scalar's `bound` field in the national item, when it is one to compare with:
/// `statutory_limit: none` (法定办结时限：无) bounds nothing.
fn bounding<'a>(bound: Option<&str>, national_doc: &'a Document) -> Option<&'a Value> {
    bound
        .and_then(|b| national_doc.json.get(b))
        .filter(|v| v.is_object())
}

/// Compare one property of a line (or an option of a mapping) in its direction.
fn judge(direction: &Direction, national: Option<&Value>, regional: Option<&Value>) -> Class {
    use std::cmp::Ordering::*;
    let Some(regional) = regional else {
        return Class::Same;
    };
    if national == Some(regional) {
        return Class::Same;
    }
    let num = |v: Option<&Value>| v.and_then(Value::as_f64);
    let ordering = match direction {
        Direction::Lower => num(national)
            .zip(num(Some(regional)))
            .map(|(n, r)| r.partial_cmp(&n).unwrap_or(Equal)),
        Direction::Higher => num(national)
            .zip(num(Some(regional)))
            .map(|(n, r)| n.partial_cmp(&r).unwrap_or(Equal)),
        Direction::FalseIsBetter => {
            Some(regional.as_bool().cmp(&national.and_then(Value::as_bool)))
        }
        Direction::TrueIsBetter => Some(
            national
                .and_then(Value::as_bool)
                .unwrap_or(false)
                .cmp(&regional.as_bool().unwrap_or(false)),
        ),
        Direction::SetIsBetter => Some(if national.is_none() { Less } else { Equal }),
        Direction::More => {
            let set = |v: Option<&Value>| -> Vec<String> {
                v.and_then(Value::as_array)
                    .map(|a| a.iter().map(|x| x.to_string()).collect())
                    .unwrap_or_default()
            };
            let (n, r) = (set(national), set(Some(regional)));
            let r_has_all = n.iter().all(|x| r.contains(x));
            let n_has_all = r.iter().all(|x| n.contains(x));
            Some(match (r_has_all, n_has_all) {
                (true, true) => Equal,
                (true, false) => Less,
                _ => Greater,
            })
        }
        Direction::Order(order) => {
            let rank = |v: Option<&Value>| {
                v.and_then(Value::as_str)
                    .and_then(|s| order.iter().position(|o| o == s))
            };
            rank(Some(regional))
                .zip(rank(national))
                .map(|(r, n)| r.cmp(&n))
        }
        Direction::Same => Some(Greater),
    };
    match ordering {
        Some(Less) => Class::Improved,
        Some(Equal) => Class::Same,
        _ => Class::Deviation,
    }
}

/// The line a regional line restates: its `key` (`ref`).
/// The properties of `item` that a regional line states, with their directions and values, in
/// `item`'s order: the two sorted key lists walked side by side (a property the line does not
/// state is the national one: `judge` finds it the same).
fn stated_properties<'a, 'b>(
    item: &'b BTreeMap<String, Direction>,
    line: &'a Value,
) -> impl Iterator<Item = (&'b String, &'b Direction, &'a Value)> {
    let mut stated = line.as_object().into_iter().flatten().peekable();
    item.iter().filter_map(move |(property, direction)| {
        while let Some((key, value)) = stated.peek() {
            match key.as_str().cmp(property.as_str()) {
                std::cmp::Ordering::Less => {
                    stated.next();
                }
                std::cmp::Ordering::Equal => return Some((property, direction, *value)),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    })
}

fn reference<'a>(line: &'a Value, key: &str) -> Option<&'a str> {
    line.get(key).and_then(Value::as_str)
}

/// A list field as the documents of an effective entry state it, farthest ancestor first; the
/// last is the list in effect.
struct Stated<'a> {
    lists: Vec<(usize, &'a Value)>,
}

/// A list field: lines restate national lines by `key`, are explicit omissions, or additions.
///
/// Every document that states the list accounts for each line of the list it inherits (its
/// parent region's list, else the national one): restated, or omitted with a reason. A line
/// omitted by an ancestor stays omitted (with that ancestor's reason) unless a nearer document
/// restates it; a line a document neither restates nor omits is `unaccounted`, a deviation
/// reported against that document (CAT210). An omission is judged by the policy's `omit`.
fn lines<'a>(
    field: &str,
    rule: (&str, &BTreeMap<String, Direction>, &Omit),
    stated: &Stated<'a>,
    national: &'a Value,
    situation: Option<&str>,
) -> Vec<Detail> {
    let (key, item, omit) = rule;
    let empty = Vec::new();
    let national_lines = national.as_array().unwrap_or(&empty);
    // In one situation, only the lines that apply in it count (all lines when none is given).
    let applies_in =
        |line: &Value, s: &str| crate::resolve::lines::applies_in(&Line::Plain(line), s);
    // Each national line's id and whether it applies, read once (every regional line of every
    // document is matched against them: map look-ups are most of the diff's time).
    let national_ids: Vec<&str> = national_lines.iter().map(|n| Line::Plain(n).id()).collect();
    let national_applies: Vec<bool> = national_lines
        .iter()
        .map(|n| situation.is_none_or(|s| applies_in(n, s)))
        .collect();
    let national_index = |r: &str| national_ids.iter().position(|id| *id == r);
    // A restating line without `situations` applies where the national line it restates does.
    let applies = |line: &Value| {
        situation.is_none_or(|s| match (line.get("situations"), reference(line, key)) {
            (None, Some(r)) => national_index(r).is_none_or(|j| national_applies[j]),
            _ => applies_in(line, s),
        })
    };
    let f = escape(field);
    // Walk the documents from the farthest: what each inherits, omits and fails to account for.
    let mut inherited: Vec<&str> = (0..national_lines.len())
        .filter(|&j| national_applies[j])
        .map(|j| national_ids[j])
        .filter(|id| !id.is_empty())
        .collect();
    let mut omitted: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut unaccounted: BTreeMap<&str, usize> = BTreeMap::new();
    // What each line of a stated list is, read once: (omitted, the line it restates, applies).
    let facts = |list: &'a Value| -> Vec<(bool, Option<&'a str>, bool)> {
        list.as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|l| {
                let omission = Line::Plain(l).omitted().is_some();
                (omission, reference(l, key), applies(l))
            })
            .collect()
    };
    let mut in_effect_facts = Vec::new();
    for &(doc, list) in &stated.lists {
        let facts = facts(list);
        let restated: Vec<&str> = facts
            .iter()
            .filter(|(omission, _, applies)| *applies && !omission)
            .filter_map(|(_, r, _)| *r)
            .collect();
        for (i, (_, r, _)) in facts
            .iter()
            .enumerate()
            .filter(|(_, (omission, _, applies))| *omission && *applies)
        {
            if let Some(r) = *r {
                omitted.insert(r, (doc, i));
                unaccounted.remove(r);
            }
        }
        for id in &inherited {
            if !restated.contains(id) && omitted.get(id).is_none_or(|(d, _)| *d != doc) {
                unaccounted.insert(id, doc);
            }
        }
        for id in &restated {
            omitted.remove(id);
            unaccounted.remove(id);
        }
        inherited = restated
            .into_iter()
            .filter(|r| {
                national_ids
                    .iter()
                    .zip(&national_applies)
                    .any(|(id, applies)| id == r && *applies)
            })
            .collect();
        in_effect_facts = facts;
    }
    let Some(&(in_effect, regional)) = stated.lists.last() else {
        return Vec::new();
    };
    let regional_lines = regional.as_array().unwrap_or(&empty);
    let mut details = Vec::new();
    for (i, (line, &(omission, reference, applies))) in
        regional_lines.iter().zip(&in_effect_facts).enumerate()
    {
        if omission || !applies {
            continue; // judged below, with the national line it omits
        }
        let Some(reference) = reference else {
            let id = Some(Line::Plain(line).id()).filter(|id| !id.is_empty());
            details.push(detail(
                Class::Deviation,
                "added",
                id,
                None,
                Some(line),
                line_pointer(&f, i, None),
                Some(format!("/{f}")),
            ));
            continue;
        };
        let Some(j) = national_index(reference) else {
            continue; // an unknown ref is CAT302's finding
        };
        let national_line = &national_lines[j];
        if !national_applies[j] {
            // A national line restated for a situation it does not apply in: in this situation
            // the region asks for a line the standard does not.
            details.push(detail(
                Class::Deviation,
                "added",
                Some(reference),
                Some(national_line),
                Some(line),
                line_pointer(&f, i, None),
                Some(line_pointer(&f, j, None)),
            ));
            continue;
        }
        for (property, direction, r) in stated_properties(item, line) {
            let r = Some(r);
            let n = national_line.get(property);
            let class = judge(direction, n, r);
            if class == Class::Same {
                continue;
            }
            let kind = if property == "waived_by" && class == Class::Improved {
                "waived"
            } else {
                property.as_str()
            };
            let national_pointer = if n.is_some() {
                line_pointer(&f, j, Some(property.as_str()))
            } else {
                line_pointer(&f, j, None)
            };
            let mut d = detail(
                class,
                kind,
                Some(reference),
                n,
                r,
                line_pointer(&f, i, Some(property.as_str())),
                Some(national_pointer),
            );
            if let (Direction::Same, Some(a), Some(b)) = (
                direction,
                n.and_then(Value::as_str),
                r.and_then(Value::as_str),
            ) {
                d.text_diff = Some(inline_diff(a, b));
            }
            details.push(d);
        }
    }
    for (j, national_line) in national_lines.iter().enumerate() {
        if !national_applies[j] {
            continue;
        }
        let id = national_ids[j];
        if let Some(&(doc, i)) = omitted.get(id) {
            let flagged = omit
                .unless
                .as_deref()
                .is_some_and(|flag| Line::Plain(national_line).flag(flag));
            let class = if omit.allowed != flagged {
                Class::Improved
            } else {
                Class::Deviation
            };
            let list = stated
                .lists
                .iter()
                .find(|(d, _)| *d == doc)
                .map(|(_, l)| *l);
            let line = list.and_then(|l| l.get(i));
            let mut d = detail(
                class,
                "omitted",
                Some(id),
                Some(national_line),
                line,
                line_pointer(&f, i, None),
                Some(line_pointer(&f, j, None)),
            );
            d.stated_in = Some(doc);
            details.push(d);
        } else if let Some(&doc) = unaccounted.get(id) {
            let mut d = detail(
                Class::Deviation,
                "unaccounted",
                Some(id),
                Some(national_line),
                None,
                format!("/{f}"),
                Some(line_pointer(&f, j, None)),
            );
            d.stated_in = Some(doc);
            details.push(d);
        }
    }
    // The nearest list is the one in effect; details of lines it states belong to it.
    for d in details.iter_mut().filter(|d| d.stated_in.is_none()) {
        d.stated_in = Some(in_effect);
    }
    details
}

/// The lists compared per situation (办理情形) for an item that has situations: the lines an
/// applicant brings or must meet. Other lists (fees, the situations themselves) are whole.
fn per_situation(field: &str) -> bool {
    matches!(field, "materials" | "conditions")
}

/// A number, or a mapping holding one, that may only move in one direction.
fn scalar(
    field: &str,
    direction: &Direction,
    value: Option<&str>,
    unit: Option<&str>,
    regional: &Value,
    baseline: Option<&Value>,
) -> Vec<Detail> {
    let Some(baseline) = baseline else {
        return Vec::new();
    };
    let pick = |v: &Value| value.map_or(Some(v.clone()), |k| v.get(k).cloned());
    // A time limit is compared by what it guarantees, across working and calendar days.
    let limits = (unit.is_some() && matches!(direction, Direction::Lower))
        .then(|| Days::of(Limit(regional)).zip(Days::of(Limit(baseline))))
        .flatten();
    let class = match limits {
        Some((promise, limit)) => match relate(promise, limit) {
            Relation::Same => Class::Same,
            Relation::Within => Class::Improved,
            Relation::Over => Class::Deviation,
            Relation::Uncertain { .. } => Class::Uncertain,
        },
        // Other units than the two kinds of days cannot be compared.
        None if unit.is_some_and(|unit| regional.get(unit) != baseline.get(unit)) => {
            return Vec::new();
        }
        None => judge(direction, pick(baseline).as_ref(), pick(regional).as_ref()),
    };
    if class == Class::Same {
        return Vec::new();
    }
    let f = escape(field);
    let suffix = value.map(|v| format!("/{v}")).unwrap_or_default();
    vec![detail(
        class,
        "value",
        None,
        Some(baseline),
        Some(regional),
        format!("/{f}{suffix}"),
        None,
    )]
}

/// A mapping of options, each moving in its own direction, against a baseline mapping.
fn options(
    field: &str,
    item: &BTreeMap<String, Direction>,
    regional: &Value,
    baseline: &Value,
) -> Vec<Detail> {
    let f = escape(field);
    item.iter()
        .filter_map(|(property, direction)| {
            let r = regional.get(property);
            let n = baseline.get(property);
            // An option the region leaves out is an option it does not offer.
            let r_or_off = r
                .cloned()
                .or_else(|| n.filter(|v| v.is_boolean()).map(|_| Value::Bool(false)));
            let class = match (direction, r, n) {
                (Direction::SetIsBetter, None, Some(_)) => Class::Deviation,
                _ => judge(direction, n, r_or_off.as_ref()),
            };
            (class != Class::Same).then(|| {
                detail(
                    class,
                    property,
                    None,
                    n,
                    r,
                    format!("/{f}/{property}"),
                    None,
                )
            })
        })
        .collect()
}

/// Words removed and added between two texts: `kept[-removed-]{+added+}`.
pub fn inline_diff(old: &str, new: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    // Bounded by size, not by a clock: a timeout made the result depend on the machine's load,
    // so two builds of one catalog could publish different text. Past the bound (texts far longer
    // than any line of a guide) the whole text reads as replaced.
    const MAX_PAIRS: usize = 4_000_000;
    if old.chars().count().saturating_mul(new.chars().count()) > MAX_PAIRS {
        return format!("[-{old}-]{{+{new}+}}");
    }
    let diff = TextDiff::configure().diff_chars(old, new);
    let mut out = String::new();
    let mut open: Option<ChangeTag> = None;
    let close = |out: &mut String, tag: Option<ChangeTag>| match tag {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    };
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if open != Some(tag) {
            close(&mut out, open);
            match tag {
                ChangeTag::Delete => out.push_str("[-"),
                ChangeTag::Insert => out.push_str("{+"),
                ChangeTag::Equal => {}
            }
            open = Some(tag);
        }
        out.push_str(change.value());
    }
    close(&mut out, open);
    out
}

/// What an exception is for: `conditions` line `residence`.
fn exception_subject(field: &str, reference: Option<&str>, lang: Lang) -> String {
    match reference {
        Some(r) => t!(lang, "exception-line", field = field, line = r),
        None => t!(lang, "exception-field", field = field),
    }
}

fn show(value: Option<&Value>, lang: Lang) -> String {
    match value {
        None => t!(lang, "value-nothing"),
        Some(Value::String(s)) => format!("“{s}”"),
        Some(v) if Limit(v).days().is_some() => labels::limit_days(Limit(v)).unwrap_or_default(),
        Some(v) => v.to_string(),
    }
}

/// A finding about a line in some situations: its index in the findings, its message without
/// the situations, and the names of the situations it applies in.
type Reported = (usize, String, Vec<String>);

/// A finding's message naming the situations it applies in: `…（情形：以合法稳定就业申领）`.
fn in_situations_message(base: &str, names: &[String], lang: Lang) -> String {
    let names = names.join(&t!(lang, "list-separator"));
    format!("{base}{}", t!(lang, "diff-in-situations", names = names))
}

/// The repair of an unaccounted line: restate it unchanged as `{ref: key}` at the end of the
/// regional list. Not safe: restating and omitting (with a reason) are both answers, and which
/// one is the region's decision, so `check --fix` shows it and never applies it.
fn restate(own: &Document, pointer: &str, key: &str) -> Option<crate::diagnostic::Fix> {
    use crate::diagnostic::source::{Pos, Span};
    use crate::load::yaml::Value as Y;
    let (list, _) = own.root()?.pointer(pointer)?;
    let Y::Seq(items) = &list.value else {
        return None;
    };
    let source = &own.source;
    let at = |pos: Pos| Span::new(pos, pos);
    let start = list.span.start;
    let first = source
        .line(start.line)
        .chars()
        .nth(start.column as usize - 1)?;
    let line = format!("{{ref: {key}}}");
    let edit = if first == '[' {
        // A flow list: before its closing bracket.
        let end = list.span.end;
        let close = Pos {
            column: end.column.checked_sub(1)?,
            ..end
        };
        let sep = if items.is_empty() { "" } else { ", " };
        crate::diagnostic::Edit::new(source, at(close), format!("{sep}{line}"))
    } else {
        // A block list: a new item after the last one, at the list's indentation.
        let last = items.last()?.span;
        let mut end_line = last.end.line;
        if last.end.column == 1 && end_line > last.start.line {
            end_line -= 1;
        }
        let end = Pos {
            line: end_line,
            column: source.line(end_line).chars().count() as u32 + 1,
        };
        let indent = " ".repeat(start.column as usize - 1);
        crate::diagnostic::Edit::new(source, at(end), format!("\n{indent}- {line}"))
    };
    Some(crate::diagnostic::Fix {
        description: format!("restate the national line unchanged: `- {line}`"),
        safe: false,
        edits: vec![edit],
    })
}

/// The diagnostic for one deviation (or approved deviation) stated in `own`.
fn finding(
    field: &str,
    bounded: bool,
    detail: &Detail,
    own: &Document,
    national_doc: &Document,
    lang: Lang,
) -> Option<Diagnostic> {
    let line = match detail.key.as_deref() {
        Some(key) => t!(lang, "diff-line", field = field, key = key),
        None => t!(lang, "field", property = field),
    };
    let show = |value: Option<&Value>| show(value, lang);
    let (code, message) = match detail.kind.as_str() {
        "added" => {
            // A national line asked for in a situation it does not apply in has its name there.
            let name = detail
                .regional
                .as_ref()
                .filter(|r| r.get("name").is_some() || detail.national.is_none())
                .or(detail.national.as_ref())
                .map(Line::Plain)
                .map(|l| {
                    if l.name().is_empty() {
                        l.text()
                    } else {
                        l.name()
                    }
                })
                .unwrap_or_default();
            (
                &codes::ADDED_REQUIREMENT,
                t!(lang, "cat204-message", line = line.as_str(), name = name),
            )
        }
        "changed" => (
            &codes::FIXED_FIELD,
            t!(lang, "cat203-message", field = field),
        ),
        "unaccounted" => (
            &codes::UNACCOUNTED_LINE,
            t!(lang, "cat210-message", line = line.as_str()),
        ),
        "omitted" => (
            &codes::OMITTED_REQUIREMENT,
            if field == "conditions" {
                t!(lang, "cat212-condition", line = line.as_str())
            } else if field == "situations" {
                t!(lang, "cat212-situation", line = line.as_str())
            } else {
                t!(lang, "cat212-message", line = line.as_str())
            },
        ),
        _ if detail.text_diff.is_some() => (
            &codes::CHANGED_TEXT,
            t!(
                lang,
                "cat206-message",
                line = line.as_str(),
                kind = detail.kind.as_str()
            ),
        ),
        "value" if bounded => return None, // above the statutory bound: CAT101's finding
        kind => (
            &codes::STRICTER_REQUIREMENT,
            if kind == "value" {
                t!(
                    lang,
                    "cat205-value",
                    line = line.as_str(),
                    regional = show(detail.regional.as_ref()),
                    national = show(detail.national.as_ref())
                )
            } else {
                t!(
                    lang,
                    "cat205-message",
                    line = line.as_str(),
                    kind = kind,
                    regional = show(detail.regional.as_ref()),
                    national = show(detail.national.as_ref())
                )
            },
        ),
    };
    let mut d = own
        .diagnostic(code, &detail.regional_pointer, message)
        .label(t!(lang, "diff-regional"));
    if let Some(pointer) = &detail.national_pointer {
        let said = match (&detail.national, detail.kind.as_str()) {
            (_, "added") => t!(lang, "diff-national-none"),
            (Some(n), _) if !n.is_object() => {
                t!(lang, "diff-national-says", value = show(Some(n)))
            }
            _ => t!(lang, "diff-national-this"),
        };
        d = d.with_label(national_doc.path(), national_doc.span(pointer), said);
    }
    let key = detail.key.as_deref().unwrap_or("…");
    let line_ref = detail
        .key
        .as_deref()
        .map(|k| format!(", ref: {k}"))
        .unwrap_or_default();
    if let Some(text_diff) = &detail.text_diff {
        d = d.help(t!(
            lang,
            "cat206-help",
            diff = text_diff.as_str(),
            field = field,
            line_ref = line_ref.as_str()
        ));
    }
    if detail.kind == "unaccounted" {
        d = d
            .label(t!(lang, "cat210-label"))
            .help(t!(lang, "cat210-help", key = key));
        if let Some(fix) = restate(own, &detail.regional_pointer, key) {
            d = d.fix(fix);
        }
    }
    match &detail.approved_by {
        Some(approval) => {
            d.code = codes::APPROVED_DEVIATION.code;
            d.severity = codes::APPROVED_DEVIATION.severity;
            d.message = t!(
                lang,
                "cat207-message",
                message = d.message.as_str(),
                approval = approval.approval.as_str(),
                expires = approval.expires.as_str()
            );
            Some(d.help(t!(lang, "cat207-help", reason = approval.reason.as_str())))
        }
        None if d.help.is_none() => {
            let key = detail
                .key
                .as_deref()
                .map(|k| format!(", ref: {k}"))
                .unwrap_or_default();
            Some(d.help(t!(
                lang,
                "diff-help",
                field = field,
                line_ref = key.as_str()
            )))
        }
        None => Some(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line's pointer is the one `format!` would make, for every number of digits.
    #[test]
    fn a_lines_pointer_is_made_as_format_would() {
        let mut index = 0usize;
        let mut indices = vec![usize::MAX];
        while index < usize::MAX / 10 {
            indices.extend([index, index + 9]);
            index = index * 10 + 10;
        }
        for i in indices {
            assert_eq!(
                line_pointer("materials", i, None),
                format!("/materials/{i}")
            );
            assert_eq!(
                line_pointer("a~1b", i, Some("waived_by")),
                format!("/a~1b/{i}/waived_by")
            );
        }
    }

    /// The properties a line states are found by walking its keys beside the policy's, both in
    /// sorted order: that needs serde_json's maps sorted (no `preserve_order`).
    #[test]
    fn a_lines_stated_properties_are_found_in_the_policys_order() {
        let item: BTreeMap<String, Direction> = [
            ("copies", Direction::Lower),
            ("form", Direction::Same),
            ("original", Direction::FalseIsBetter),
            ("waived_by", Direction::SetIsBetter),
        ]
        .into_iter()
        .map(|(k, d)| (k.to_string(), d))
        .collect();
        let line = serde_json::json!({
            "waived_by": "C1", "ref": "M1", "copies": 2, "name": "x", "original": true, "zz": 1
        });
        let keys: Vec<String> = line.as_object().unwrap().keys().cloned().collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "serde_json maps iterate in key order");
        let found: Vec<(&str, &Value)> = stated_properties(&item, &line)
            .map(|(p, _, v)| (p.as_str(), v))
            .collect();
        let expected: Vec<(&str, &Value)> = item
            .keys()
            .filter_map(|p| line.get(p).map(|v| (p.as_str(), v)))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(
            found.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
            ["copies", "original", "waived_by"]
        );
        assert_eq!(stated_properties(&item, &serde_json::json!({})).count(), 0);
        assert_eq!(
            stated_properties(&item, &serde_json::json!("text")).count(),
            0
        );
    }

    #[test]
    fn inline_diff_marks_removed_and_added_text() {
        assert_eq!(
            inline_diff("居住半年以上", "居住满十二个月"),
            "居住[-半年以上-]{+满十二个月+}"
        );
        assert_eq!(inline_diff("同", "同"), "同");
    }

    #[test]
    fn directions_classify_both_ways() {
        let n = |v: Value| Some(v);
        assert_eq!(
            judge(
                &Direction::Lower,
                n(1.into()).as_ref(),
                n(3.into()).as_ref()
            ),
            Class::Deviation
        );
        assert_eq!(
            judge(
                &Direction::Lower,
                n(3.into()).as_ref(),
                n(1.into()).as_ref()
            ),
            Class::Improved
        );
        assert_eq!(
            judge(
                &Direction::FalseIsBetter,
                n(true.into()).as_ref(),
                n(false.into()).as_ref()
            ),
            Class::Improved
        );
        assert_eq!(
            judge(
                &Direction::FalseIsBetter,
                n(false.into()).as_ref(),
                n(true.into()).as_ref()
            ),
            Class::Deviation
        );
        assert_eq!(
            judge(
                &Direction::TrueIsBetter,
                n(false.into()).as_ref(),
                n(true.into()).as_ref()
            ),
            Class::Improved
        );
        assert_eq!(
            judge(
                &Direction::TrueIsBetter,
                n(true.into()).as_ref(),
                n(false.into()).as_ref()
            ),
            Class::Deviation
        );
        assert_eq!(
            judge(
                &Direction::SetIsBetter,
                None,
                n("e_certificate".into()).as_ref()
            ),
            Class::Improved
        );
        let order = Direction::Order(vec!["copy".into(), "original".into(), "both".into()]);
        assert_eq!(
            judge(
                &order,
                n("original".into()).as_ref(),
                n("both".into()).as_ref()
            ),
            Class::Deviation
        );
        assert_eq!(
            judge(
                &order,
                n("original".into()).as_ref(),
                n("copy".into()).as_ref()
            ),
            Class::Improved
        );
        let paper = serde_json::json!(["paper"]);
        let both = serde_json::json!(["paper", "electronic"]);
        assert_eq!(
            judge(&Direction::More, Some(&paper), Some(&both)),
            Class::Improved
        );
        assert_eq!(
            judge(&Direction::More, Some(&both), Some(&paper)),
            Class::Deviation
        );
        assert_eq!(
            judge(
                &Direction::Same,
                n("a".into()).as_ref(),
                n("b".into()).as_ref()
            ),
            Class::Deviation
        );
        assert_eq!(
            judge(&Direction::Lower, n(1.into()).as_ref(), None),
            Class::Same
        );
    }
}
