//! Two compiled revisions compared through the same effective-entry model the diff and the pages
//! read (`resolve::view`), following inheritance (docs/format.md, inheritance).
//!
//! A commit's files say which effective entries could have changed: a national item → every
//! region implementing it; a region's entry → that region and every region below it that
//! implements the item; a region → itself and everything below it; a registry → the entries that
//! cite a key it changed. Each of those (region, item) pairs is compared before and after, and a
//! change is reported for the region whose effective entry it changes, saying which file it came
//! from (全国标准, a parent region's 实施清单, the region itself or a registry). A region that
//! overrides the field sees no change and gets none. The national items, local items, regions,
//! registries and approved exceptions (docs/format.md, exceptions) are compared as they are
//! written. Every summary says old → new in Chinese with the labels of `resolve::labels`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::Change;
use crate::diff::Class;
use crate::load::git::Commit;
use crate::load::schema::FieldLabels;
use crate::pipeline::Compiled;
use crate::resolve::catalog::Catalog;
use crate::resolve::labels;
use crate::resolve::limits::Days;
use crate::resolve::view::{self, ExceptionDoc, Fields, Limit, ListField, Record};
use crate::resolve::{Effective, Line};

const CERTIFICATES: &str = "catalog/registries/certificates.yaml";
const LAWS: &str = "catalog/registries/laws.yaml";

/// The time limits a record can state, national first.
const LIMITS: [&str; 2] = ["statutory_limit", "committed_limit"];

/// The other fields a service guide prints, compared as wholes: a change to any of them is a
/// change of what the citizen reads (`field_changed`). Not here: what is compared in detail
/// above (name, status, department, the contact's phone, the limits, the three lists), the
/// exceptions and the scheduled changes (their own kinds), the identity codes, and the
/// record-keeping fields (`sources`, `illustrative`, `reviewed`, `standard_version`, `version`,
/// `effective`, `level`, `levels`, `topics`).
const OTHER_FIELDS: [&str; 31] = [
    "type",
    "audience",
    "replaced_by",
    "central_department",
    "competent_department",
    "entrusting_department",
    "co_departments",
    "power_source",
    "description",
    "legal_basis",
    "implementation_basis",
    "quantity_limit",
    "handling",
    "situations",
    "special_procedures",
    "intermediary_services",
    "service_points",
    "assistance",
    "cross_region",
    "process",
    "result",
    "channels",
    "appointment_url",
    "contact",
    "handle_area",
    "convenience",
    "towns",
    "faq",
    "redress",
    "personal_data",
    "rights",
];

/// One difference between two states of a record, before it is given its place and source.
struct Found {
    kind: &'static str,
    field: Option<&'static str>,
    key: Option<String>,
    old: Option<Value>,
    new: Option<Value>,
    summary: String,
}

impl Found {
    fn whole(kind: &'static str, summary: String) -> Found {
        Found {
            kind,
            field: None,
            key: None,
            old: None,
            new: None,
            summary,
        }
    }
}

/// Where a change came from: the file, and in words.
struct Origin {
    file: String,
    /// 全国标准, a region's name, 电子证照目录 or 法律法规库.
    source: String,
    source_region: Option<String>,
    /// True when the file is not the region's own.
    inherited: bool,
}

/// The names the registries give the keys an entry cites, at one revision.
struct Names<'a> {
    laws: BTreeMap<&'a str, String>,
    certificates: BTreeMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn of(catalog: &'a Catalog) -> Names<'a> {
        Names {
            laws: catalog
                .laws
                .iter()
                .flat_map(|l| l.value.laws.iter())
                .map(|l| {
                    let number = l.number.as_deref().map(|n| format!("（{n}）"));
                    (
                        l.id.as_str(),
                        format!("《{}》{}", l.title, number.unwrap_or_default()),
                    )
                })
                .collect(),
            certificates: catalog
                .certificates
                .iter()
                .flat_map(|c| c.value.certificates.iter())
                .map(|c| (c.id.as_str(), c.name.as_str()))
                .collect(),
        }
    }
}

/// A registry key cited by a record: (field, line id or law id, registry file, key).
type Citation<'a> = (&'static str, &'a str, &'static str, &'a str);

/// The values of a record (a national item, a local item or an effective entry) that the
/// changelog compares.
struct State<'a> {
    name: &'a str,
    status: Option<&'a str>,
    limits: [Option<Limit<'a>>; 2],
    lines: [Vec<Line<'a>>; 3],
    department: Option<&'a str>,
    phone: Option<&'a Value>,
    /// The registry keys it cites, with the registry's name for each (none when missing).
    citations: BTreeMap<Citation<'a>, Option<String>>,
    /// Its value of each of [`OTHER_FIELDS`].
    others: [Option<&'a Value>; OTHER_FIELDS.len()],
}

impl<'a> State<'a> {
    fn of<F: Fields<'a>>(record: Record<F>, lines: [Vec<Line<'a>>; 3], names: &Names) -> Self {
        let mut citations = BTreeMap::new();
        for field in ["legal_basis", "implementation_basis"] {
            let laws = view::Laws(record.get(field));
            for law in laws.iter().map(view::LawCite::law) {
                citations.insert((field, law, LAWS, law), names.laws.get(law).cloned());
            }
        }
        for (i, field) in ListField::ALL.into_iter().enumerate() {
            for line in &lines[i] {
                if let Some(id) = line.certificate() {
                    let name = names.certificates.get(id).map(|n| n.to_string());
                    citations.insert((field.name(), line.id(), CERTIFICATES, id), name);
                }
                if let Some(law) = line.basis() {
                    let name = names.laws.get(law).cloned();
                    citations.insert((field.name(), line.id(), LAWS, law), name);
                }
            }
        }
        State {
            name: record.name(),
            status: record.status(),
            limits: LIMITS.map(|f| record.get(f).map(Limit)),
            lines,
            department: record.department().map(view::Department::name),
            phone: record.contact().and_then(view::Contact::phone),
            citations,
            others: OTHER_FIELDS.map(|f| record.get(f).filter(|v| !v.is_null())),
        }
    }
}

/// What the changes of one commit are measured with.
struct Recorder<'a> {
    before: Option<&'a Compiled>,
    after: &'a Compiled,
    commit: &'a Commit,
    touched: BTreeSet<&'a str>,
    names: (Names<'a>, Names<'a>),
    /// The parent's and the commit's dates (days): an exception whose `expires` falls between
    /// them has expired.
    window: (Option<i64>, Option<i64>),
    /// Every entry at either revision: (region, item, the region and its ancestors).
    chains: Vec<(&'a str, &'a str, Vec<&'a str>)>,
    out: Vec<Change>,
}

/// The changes one commit made: `files` are the files it touched, `since` its parent's date.
pub fn compare_commit(
    files: &[String],
    before: Option<&Compiled>,
    after: &Compiled,
    commit: &Commit,
    since: Option<&str>,
) -> Vec<Change> {
    compare_part(files, before, after, commit, since, None)
        .into_iter()
        .map(|(_, change)| change)
        .collect()
}

/// One part of the catalog compared on its own (`history::changelog` compares a commit that
/// touched national files one province at a time): the national files' changes are recorded by
/// the part that is `national`, a region's by the part that `owns` it.
pub struct Part<'a> {
    pub national: bool,
    pub owns: &'a dyn Fn(&str) -> bool,
}

/// Where a change comes in [`compare_commit`]'s order: the changes of the touched files, in
/// their order, then those of the regional entries, by region and item. Sorting the parts'
/// changes by it (stably) gives the order of the whole catalog compared at once.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    File(usize),
    Entry(String, String),
}

/// [`compare_commit`] of one [`Part`] (all of it with `None`), each change with its [`Place`].
pub fn compare_part(
    files: &[String],
    before: Option<&Compiled>,
    after: &Compiled,
    commit: &Commit,
    since: Option<&str>,
    part: Option<&Part<'_>>,
) -> Vec<(Place, Change)> {
    let national = part.is_none_or(|p| p.national);
    let owns = |region: &str| part.is_none_or(|p| (p.owns)(region));
    let mut placed: Vec<(Place, Change)> = Vec::new();
    let day = |date: &str| crate::dates::parse(date.get(..10)?);
    let mut recorder = Recorder {
        before,
        after,
        commit,
        touched: files.iter().map(String::as_str).collect(),
        names: (
            Names::of(before.map_or(&after.resolved.catalog, |b| &b.resolved.catalog)),
            Names::of(&after.resolved.catalog),
        ),
        window: (since.and_then(day), day(&commit.date)),
        chains: [before, Some(after)]
            .into_iter()
            .flatten()
            .flat_map(|c| {
                let catalog = &c.resolved.catalog;
                catalog.entries.keys().map(move |(region, item)| {
                    let mut chain = vec![region.as_str()];
                    chain.extend(catalog.ancestors(region));
                    (region.as_str(), item.as_str(), chain)
                })
            })
            .collect(),
        out: Vec::new(),
    };
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    let mut cited: BTreeSet<(&'static str, String)> = BTreeSet::new();
    for (index, file) in files.iter().enumerate() {
        match file.split('/').collect::<Vec<_>>().as_slice() {
            ["catalog", "national", name] => {
                let code = name.trim_end_matches(".yaml");
                if national {
                    recorder.national_item(code);
                }
                pairs.extend(recorder.entries(|_, item| item == code));
            }
            ["catalog", "regions", region, "region.yaml"] => {
                if owns(region) {
                    recorder.region(region);
                }
                pairs.extend(recorder.entries(|chain, _| chain.contains(region)));
            }
            ["catalog", "regions", region, "local", name] if owns(region) => {
                recorder.local_item(region, name.trim_end_matches(".yaml"))
            }
            ["catalog", "regions", region, name] => {
                let code = name.trim_end_matches(".yaml");
                pairs
                    .extend(recorder.entries(|chain, item| item == code && chain.contains(region)));
            }
            ["catalog", "registries", _] if file == CERTIFICATES || file == LAWS => {
                let registry = if file == LAWS { LAWS } else { CERTIFICATES };
                let changed = recorder.registry(registry);
                if !national {
                    // Another part says what changed in the registry; this one, whom it reaches.
                    recorder.out.clear();
                }
                cited.extend(changed.into_iter().map(|k| (registry, k)));
            }
            _ => {}
        }
        placed.extend(
            recorder
                .out
                .drain(..)
                .map(|change| (Place::File(index), change)),
        );
    }
    if !cited.is_empty() {
        pairs.extend(recorder.citing(&cited));
    }
    pairs.extend(recorder.expiring());
    for (region, item) in pairs.iter().filter(|(region, _)| owns(region)) {
        recorder.regional_entry(region, item);
        placed.extend(
            recorder
                .out
                .drain(..)
                .map(|change| (Place::Entry(region.clone(), item.clone()), change)),
        );
    }
    placed
}

fn national<'a>(compiled: Option<&'a Compiled>, code: &str) -> Option<Record<&'a Value>> {
    let catalog = &compiled?.resolved.catalog;
    catalog
        .items
        .get(code)
        .map(|i| view::doc(&catalog.doc(i).json))
}

fn effective<'a>(
    compiled: Option<&'a Compiled>,
    region: &str,
    code: &str,
) -> Option<&'a Effective> {
    compiled?.resolved.effective_of(region, code)
}

fn line_value(line: &Line<'_>) -> Value {
    serde_json::to_value(line).unwrap_or_default()
}

fn text(value: &str) -> Value {
    Value::from(value)
}

impl<'a> Recorder<'a> {
    /// Both catalogs, the newer first.
    fn catalogs(&self) -> impl Iterator<Item = &'a Catalog> + use<'a> {
        [Some(self.after), self.before]
            .into_iter()
            .flatten()
            .map(|c| &c.resolved.catalog)
    }

    /// The (region, item) pairs, at either revision, for which `wanted(chain, item)` holds,
    /// `chain` being the region and its ancestors.
    fn entries(&self, wanted: impl Fn(&[&str], &str) -> bool) -> Vec<(String, String)> {
        self.chains
            .iter()
            .filter(|(_, item, chain)| wanted(chain, item))
            .map(|(region, item, _)| (region.to_string(), item.to_string()))
            .collect()
    }

    /// The entries with an exception whose `expires` passed between the parent's date and the
    /// commit's, whatever files the commit touched.
    fn expiring(&self) -> Vec<(String, String)> {
        let (Some(from), Some(to)) = self.window else {
            return Vec::new();
        };
        let catalog = &self.after.resolved.catalog;
        catalog
            .entries
            .iter()
            .filter(|(_, entry)| {
                view::doc(&catalog.doc(entry).json)
                    .exceptions()
                    .filter_map(|x| crate::dates::parse(x.expires()))
                    .any(|day| from <= day && day < to)
            })
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// The entries, at either revision, whose effective entry cites one of `keys` (registry
    /// file, key).
    fn citing(&self, keys: &BTreeSet<(&'static str, String)>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let sides = [
            (self.before, &self.names.0),
            (Some(self.after), &self.names.1),
        ];
        for (compiled, names) in sides.into_iter().filter_map(|(c, n)| Some((c?, n))) {
            for e in &compiled.resolved.effective {
                let state = entry_state(compiled, e, names);
                if state
                    .citations
                    .keys()
                    .any(|(_, _, registry, key)| keys.contains(&(*registry, key.to_string())))
                {
                    out.push((e.region.clone(), e.item.clone()));
                }
            }
        }
        out
    }

    fn region_name(&self, code: &str) -> Option<String> {
        self.catalogs()
            .find_map(|c| c.regions.get(code))
            .map(|r| r.value.name.clone())
    }

    fn labels(&self) -> &'a FieldLabels {
        &self.after.labels
    }

    /// Record `found` for `region` (none: the national standard) and `item`.
    fn push(&mut self, region: Option<&str>, item: Option<&str>, found: Found, origin: &Origin) {
        let item_name = item.and_then(|code| {
            let local = |c: &'a Catalog| {
                let local = c
                    .local_items
                    .get(&(region?.to_string(), code.to_string()))?;
                Some(view::doc(&c.doc(local).json).name())
            };
            national(Some(self.after), code)
                .or_else(|| national(self.before, code))
                .map(Record::name)
                .or_else(|| self.catalogs().find_map(local))
                .filter(|n| !n.is_empty())
                .map_or_else(|| code.to_string(), str::to_string)
                .into()
        });
        let from = match (&origin.source_region, origin.inherited) {
            (_, false) => String::new(),
            (Some(_), true) => format!("（来自{}实施清单）", origin.source),
            (None, true) => format!("（来自{}）", origin.source),
        };
        self.out.push(Change {
            kind: found.kind,
            region: region.map(str::to_string),
            region_name: region.and_then(|r| self.region_name(r)),
            item: item.map(str::to_string),
            item_name,
            field: found.field.map(str::to_string),
            key: found.key,
            old: found.old,
            new: found.new,
            summary: found.summary + &from,
            source: origin.source.clone(),
            source_region: origin.source_region.clone(),
            inherited: origin.inherited,
            file: origin.file.clone(),
            commit: self.commit.clone(),
        });
    }

    /// The origin of a change made by `file` to the region `region` (none: national).
    fn origin(&self, file: &str, region: Option<&str>) -> Origin {
        let parts: Vec<&str> = file.split('/').collect();
        let (source, source_region) = match parts.as_slice() {
            ["catalog", "regions", r, ..] => (
                self.region_name(r).unwrap_or_else(|| r.to_string()),
                Some(r.to_string()),
            ),
            _ if file == CERTIFICATES => ("电子证照目录".to_string(), None),
            _ if file == LAWS => ("法律法规库".to_string(), None),
            _ => ("全国标准".to_string(), None),
        };
        Origin {
            file: file.to_string(),
            inherited: region.is_some() && source_region.as_deref() != region,
            source,
            source_region,
        }
    }

    /// The file a change of `field` in `region`'s effective entry for `item` came from: the file
    /// that states the value after (else before) if the commit touched it, else the national
    /// item's or the region's own file.
    fn source_of(&self, region: &str, item: &str, field: Option<&str>) -> String {
        let own = format!("catalog/regions/{region}/{item}.yaml");
        let stated = |compiled: Option<&'a Compiled>| -> Option<&'a str> {
            let compiled = compiled?;
            let catalog = &compiled.resolved.catalog;
            let sourced = effective(Some(compiled), region, item)?.get(catalog, field?)?;
            Some(catalog.documents[sourced.doc].path())
        };
        let national = format!("catalog/national/{item}.yaml");
        [stated(Some(self.after)), stated(self.before)]
            .into_iter()
            .flatten()
            .chain([national.as_str()])
            .find(|f| self.touched.contains(f))
            .map_or(own, str::to_string)
    }

    fn national_item(&mut self, code: &str) {
        let file = format!("catalog/national/{code}.yaml");
        let origin = self.origin(&file, None);
        let (old, new) = (
            national(self.before, code),
            national(Some(self.after), code),
        );
        let found = match (old, new) {
            (None, Some(new)) => vec![Found::whole(
                "item_added",
                format!("新增事项“{}”", new.name()),
            )],
            (Some(old), None) => vec![Found::whole(
                "item_retired",
                format!("取消事项“{}”", old.name()),
            )],
            (Some(old), Some(new)) => {
                let mut found = self.written(old, new);
                found.extend(self.scheduled(old.get("scheduled"), new.get("scheduled"), &|_| true));
                found
            }
            (None, None) => Vec::new(),
        };
        for found in found {
            self.push(None, Some(code), found, &origin);
        }
    }

    fn local_item(&mut self, region: &str, code: &str) {
        let file = format!("catalog/regions/{region}/local/{code}.yaml");
        let origin = self.origin(&file, Some(region));
        let record = |c: Option<&'a Compiled>| -> Option<Record<&'a Value>> {
            let catalog = &c?.resolved.catalog;
            let local = catalog
                .local_items
                .get(&(region.to_string(), code.to_string()))?;
            Some(view::doc(&catalog.doc(local).json))
        };
        let found = match (record(self.before), record(Some(self.after))) {
            (None, Some(new)) => vec![Found::whole(
                "local_item_added",
                format!("新增地方事项“{}”", new.name()),
            )],
            (Some(old), None) => vec![Found::whole(
                "local_item_retired",
                format!("取消地方事项“{}”", old.name()),
            )],
            (Some(old), Some(new)) => {
                let mut found = self.written(old, new);
                for f in &mut found {
                    f.kind = if f.kind == "item_retired" {
                        "local_item_retired"
                    } else {
                        "local_item_changed"
                    };
                }
                found
            }
            (None, None) => Vec::new(),
        };
        for found in found {
            self.push(Some(region), Some(code), found, &origin);
        }
    }

    fn region(&mut self, code: &str) {
        let file = format!("catalog/regions/{code}/region.yaml");
        let origin = self.origin(&file, Some(code));
        let region =
            |c: Option<&'a Compiled>| c?.resolved.catalog.regions.get(code).map(|r| &r.value);
        let describe = |r: &crate::resolve::model::Region| {
            let parent = r.parent.as_deref().and_then(|p| self.region_name(p));
            let parent = parent.map(|p| format!("，上级：{p}")).unwrap_or_default();
            format!("{}（{}{parent}）", r.name, labels::level(r.level.as_str()))
        };
        let found = match (region(self.before), region(Some(self.after))) {
            (None, Some(new)) => {
                Found::whole("region_added", format!("新增区划：{}", describe(new)))
            }
            (Some(old), None) => {
                Found::whole("region_removed", format!("删除区划：{}", describe(old)))
            }
            (Some(old), Some(new)) if describe(old) != describe(new) => Found {
                kind: "region_changed",
                field: None,
                key: None,
                old: Some(text(&old.name)),
                new: Some(text(&new.name)),
                summary: format!("区划变更：{} → {}", describe(old), describe(new)),
            },
            _ => return,
        };
        self.push(Some(code), None, found, &origin);
    }

    /// The changes of a registry file; returns the keys that changed.
    fn registry(&mut self, file: &'static str) -> BTreeSet<String> {
        let origin = self.origin(file, None);
        let (kind, label) = if file == LAWS {
            (["law_added", "law_changed", "law_removed"], "法律法规")
        } else {
            (
                [
                    "certificate_added",
                    "certificate_changed",
                    "certificate_removed",
                ],
                "电子证照",
            )
        };
        let of = |names: &Names<'a>| -> BTreeMap<String, String> {
            if file == LAWS {
                names
                    .laws
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect()
            } else {
                names
                    .certificates
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            }
        };
        let old = if self.before.is_some() {
            of(&self.names.0)
        } else {
            BTreeMap::new()
        };
        let new = of(&self.names.1);
        let mut keys = BTreeSet::new();
        for key in old.keys().chain(new.keys()) {
            let (a, b) = (old.get(key), new.get(key));
            let (kind, summary) = match (a, b) {
                (None, Some(b)) => (kind[0], format!("新增{label}：{b}")),
                (Some(a), Some(b)) if a != b => (kind[1], format!("{label}：{a} → {b}")),
                (Some(a), None) => (kind[2], format!("删除{label}：{a}")),
                _ => continue,
            };
            if !keys.insert(key.clone()) {
                continue;
            }
            let found = Found {
                kind,
                field: None,
                key: Some(key.clone()),
                old: a.map(|a| text(a)),
                new: b.map(|b| text(b)),
                summary,
            };
            self.push(None, None, found, &origin);
        }
        keys
    }

    fn regional_entry(&mut self, region: &str, code: &str) {
        let (before, after) = (
            effective(self.before, region, code),
            effective(Some(self.after), region, code),
        );
        let own = format!("catalog/regions/{region}/{code}.yaml");
        let whole = match (before, after) {
            (None, Some(_)) => Some(Found::whole("entry_added", "新增实施清单".into())),
            (Some(_), None) => Some(Found::whole("entry_removed", "删除实施清单".into())),
            _ => None,
        };
        if let Some(found) = whole {
            let origin = self.origin(&own, Some(region));
            self.push(Some(region), Some(code), found, &origin);
            return;
        }
        let (Some(old), Some(new), Some(b)) = (before, after, self.before) else {
            return;
        };
        if old.national.is_some() && new.national.is_none() {
            let found = Found::whole("item_retired", "全国标准取消该事项".into());
            let origin = self.origin(&format!("catalog/national/{code}.yaml"), Some(region));
            self.push(Some(region), Some(code), found, &origin);
            return;
        }
        let states = (
            entry_state(b, old, &self.names.0),
            entry_state(self.after, new, &self.names.1),
        );
        let mut found = self.differences(&states.0, &states.1);
        found.extend(self.cited(&states.0, &states.1));
        found.extend(self.exceptions(old, new));
        found.extend(
            self.scheduled(
                old.own_doc(&b.resolved.catalog).json.get("scheduled"),
                new.own_doc(&self.after.resolved.catalog)
                    .json
                    .get("scheduled"),
                &|_| true,
            ),
        );
        found.extend(self.deviation(region, code));
        for mut found in found {
            let file = match found.kind {
                "law_changed" | "law_removed" => LAWS.to_string(),
                "certificate_changed" | "certificate_removed" => CERTIFICATES.to_string(),
                k if k.starts_with("exception_") || k.starts_with("deviation_") => own.clone(),
                _ => self.source_of(region, code, found.field),
            };
            found.summary.push_str(&self.approval(region, code, &found));
            let origin = self.origin(&file, Some(region));
            self.push(Some(region), Some(code), found, &origin);
        }
        // What a parent region's entry or the national item schedules reaches the region's
        // effective entry on its date, for the fields no nearer entry states: news for the
        // region too, from where it was written.
        let (before, after) = (&b.resolved.catalog, &self.after.resolved.catalog);
        // Each such document by path, at both revisions (its index in each catalog).
        let mut sources: Vec<(&str, Option<usize>, Option<usize>)> = Vec::new();
        for &doc in new.chain[1..].iter().chain(&new.national) {
            sources.push((after.documents[doc].path(), None, Some(doc)));
        }
        for &doc in old.chain[1..].iter().chain(&old.national) {
            let path = before.documents[doc].path();
            match sources.iter_mut().find(|s| s.0 == path) {
                Some(source) => source.1 = Some(doc),
                None => sources.push((path, Some(doc), None)),
            }
        }
        for (path, was, is) in sources {
            let reaches = |field: &str| {
                was.is_some_and(|doc| old.reaches(before, doc, field))
                    || is.is_some_and(|doc| new.reaches(after, doc, field))
            };
            let scheduled = |c: &'a Catalog, doc: Option<usize>| {
                doc.and_then(|d| c.documents[d].json.get("scheduled"))
            };
            let scheduled = self.scheduled(scheduled(before, was), scheduled(after, is), &reaches);
            let origin = self.origin(path, Some(region));
            for found in scheduled {
                self.push(Some(region), Some(code), found, &origin);
            }
        }
    }

    /// `（经批准的偏离：粤府函〔2025〕88号，有效期至2027-12-31）` when the new value of `found` is a
    /// deviation an exception approves.
    fn approval(&self, region: &str, code: &str, found: &Found) -> String {
        let Some(field) = found.field.filter(|_| found.new.is_some()) else {
            return String::new();
        };
        let entry = self.after.conformance.entry(region, code);
        let detail = entry
            .into_iter()
            .flat_map(|e| &e.fields)
            .filter(|f| &*f.field == field)
            .flat_map(|f| &f.details)
            .find(|d| d.key == found.key && d.approved_by.is_some());
        match detail.and_then(|d| d.approved_by.as_ref()) {
            Some(a) => format!("（经批准的偏离：{}，有效期至{}）", a.approval, a.expires),
            None => String::new(),
        }
    }

    /// Registry names that changed under an unchanged citation.
    fn cited(&self, old: &State<'_>, new: &State<'_>) -> Vec<Found> {
        let mut out = Vec::new();
        for (key, was) in &old.citations {
            let Some(now) = new.citations.get(key) else {
                continue;
            };
            if was == now {
                continue;
            }
            let (field, line, registry, id) = *key;
            let label = self.labels().field(field);
            let what = if registry == LAWS {
                "依据"
            } else {
                "电子证照"
            };
            let place = if line == id {
                label.to_string()
            } else {
                format!("{label}“{}”的{what}", line_name(&new.lines, field, line))
            };
            let show =
                |v: &Option<String>| v.clone().unwrap_or_else(|| format!("（已删除：{id}）"));
            let kind = match (registry == LAWS, now.is_some()) {
                (true, true) => "law_changed",
                (true, false) => "law_removed",
                (false, true) => "certificate_changed",
                (false, false) => "certificate_removed",
            };
            out.push(Found {
                kind,
                field: Some(field),
                key: Some(id.to_string()),
                old: was.as_deref().map(text),
                new: now.as_deref().map(text),
                summary: format!("{place}：{} → {}", show(was), show(now)),
            });
        }
        out
    }

    /// Scheduled changes (施行日期, docs/format.md "Scheduled changes") a file announces, revises
    /// or withdraws: a feed says on the day a change is merged that it will take effect later,
    /// with its date, the fields it sets and its basis. A change taken out of the list once its
    /// date has come (folded into the fields, as CAT117 asks) is not news.
    /// `reaches` says which of a change's fields count (a parent region's change counts for the
    /// fields the region inherits from it); a change with none is left out, and the words name
    /// only those.
    fn scheduled(
        &self,
        old: Option<&'a Value>,
        new: Option<&'a Value>,
        reaches: &dyn Fn(&str) -> bool,
    ) -> Vec<Found> {
        let list = |v: Option<&'a Value>| -> BTreeMap<String, &'a Value> {
            v.and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|c| {
                    let day = c.get("effective")?.as_str()?;
                    let basis = c.get("basis").and_then(Value::as_str).unwrap_or_default();
                    Some((format!("{day} {basis}"), c))
                })
                .collect()
        };
        let reaching = |c: &&'a Value| {
            c.get("set")
                .and_then(Value::as_object)
                .is_some_and(|set| set.keys().any(|k| reaches(k)))
        };
        let (mut was, mut is) = (list(old), list(new));
        was.retain(|_, c| reaching(c));
        is.retain(|_, c| reaching(c));
        let labels = self.labels();
        let today = self.after.resolved.catalog.today;
        let words = |c: &Value| -> String {
            let text = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or_default();
            let fields: Vec<&str> = c
                .get("set")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|set| set.keys())
                .filter(|k| reaches(k))
                .map(|k| labels.field(k))
                .collect();
            let mut words = format!("{} 起施行：{}", text("effective"), fields.join("、"));
            match (text("basis"), text("note")) {
                ("", "") => {}
                (basis, "") | ("", basis) => words.push_str(&format!("（{basis}）")),
                (basis, note) => words.push_str(&format!("（{basis}：{note}）")),
            }
            words
        };
        let found = |kind, key: &str, old: Option<&Value>, new: Option<&Value>, summary| Found {
            kind,
            field: Some("scheduled"),
            key: Some(key.to_string()),
            old: old.cloned(),
            new: new.cloned(),
            summary,
        };
        let mut out = Vec::new();
        for (key, c) in &is {
            match was.get(key) {
                None => out.push(found(
                    "change_scheduled",
                    key,
                    None,
                    Some(c),
                    format!("发布待施行的变更：{}", words(c)),
                )),
                Some(before) if before != c => out.push(found(
                    "scheduled_change_revised",
                    key,
                    Some(before),
                    Some(c),
                    format!("修改待施行的变更：{}", words(c)),
                )),
                Some(_) => {}
            }
        }
        for (key, c) in was.iter().filter(|(k, _)| !is.contains_key(*k)) {
            let day = c.get("effective").and_then(Value::as_str);
            if day.and_then(crate::dates::parse).is_some_and(|d| d > today) {
                out.push(found(
                    "scheduled_change_withdrawn",
                    key,
                    Some(c),
                    None,
                    format!("撤回待施行的变更：{}", words(c)),
                ));
            }
        }
        out
    }

    /// Exceptions of the region's own entry granted, renewed, changed or expired.
    fn exceptions(&self, old: &Effective, new: &Effective) -> Vec<Found> {
        let (Some(before), after) = (self.before, self.after) else {
            return Vec::new();
        };
        let of = |c: &'a Compiled,
                  e: &Effective|
         -> BTreeMap<(String, Option<String>), ExceptionDoc<'a>> {
            let json = &e.own_doc(&c.resolved.catalog).json;
            let json: &'a Value = json;
            view::doc(json)
                .exceptions()
                .map(|x| {
                    (
                        (x.field().to_string(), x.reference().map(str::to_string)),
                        x,
                    )
                })
                .collect()
        };
        let (was, is) = (of(before, old), of(after, new));
        let lines = entry_state(after, new, &self.names.1).lines;
        let labels = self.labels();
        let mut out = Vec::new();
        let day = |x: ExceptionDoc<'_>| crate::dates::parse(x.expires());
        let keys: BTreeSet<_> = was.keys().chain(is.keys()).collect();
        for key in keys {
            let (field, reference) = key;
            let label = labels.field(field);
            let what = match reference {
                Some(r) => format!("{label}“{}”", line_name(&lines, field, r)),
                None => label.to_string(),
            };
            let found = |kind, summary| Found {
                kind,
                field: None,
                key: Some(match reference {
                    Some(r) => format!("{field}/{r}"),
                    None => field.clone(),
                }),
                old: was.get(key).map(|x| x.0.clone()),
                new: is.get(key).map(|x| x.0.clone()),
                summary,
            };
            match (was.get(key).copied(), is.get(key).copied()) {
                (None, Some(x)) => out.push(found(
                    "exception_granted",
                    format!(
                        "批准例外：{what}的偏离经{}批准，有效期至{}（理由：{}）",
                        x.approval(),
                        x.expires(),
                        x.reason()
                    ),
                )),
                (Some(x), None) => out.push(found(
                    "exception_expired",
                    format!(
                        "例外撤销：{what}的偏离不再经{}批准（原有效期至{}）",
                        x.approval(),
                        x.expires()
                    ),
                )),
                (Some(a), Some(b)) if day(b) > day(a) => out.push(found(
                    "exception_renewed",
                    format!(
                        "例外延期：{what}的偏离（{}）有效期：{} → {}",
                        b.approval(),
                        a.expires(),
                        b.expires()
                    ),
                )),
                (Some(a), Some(b)) if a.0 != b.0 => out.push(found(
                    "exception_changed",
                    format!(
                        "例外变更：{what}的偏离批准文件：{} → {}，有效期：{} → {}",
                        a.approval(),
                        b.approval(),
                        a.expires(),
                        b.expires()
                    ),
                )),
                (Some(_), Some(b)) => {
                    let passed = match (self.window, day(b)) {
                        ((Some(from), Some(to)), Some(expiry)) => from <= expiry && expiry < to,
                        _ => false,
                    };
                    if passed {
                        out.push(found(
                            "exception_expired",
                            format!(
                                "例外到期：{what}的偏离（{}）已于{}到期",
                                b.approval(),
                                b.expires()
                            ),
                        ));
                    }
                }
                (None, None) => {}
            }
        }
        out
    }

    /// An unapproved deviation appearing or going away, with what it is.
    fn deviation(&self, region: &str, code: &str) -> Vec<Found> {
        let deviations = |c: Option<&'a Compiled>| -> Option<Vec<String>> {
            let c = c?;
            let entry = c.conformance.entry(region, code)?;
            if entry.class != Class::Deviation {
                return None;
            }
            let item = national(Some(c), code)?;
            Some(
                entry
                    .fields
                    .iter()
                    .flat_map(|f| f.details.iter().map(move |d| (f, d)))
                    .filter(|(_, d)| d.class == Class::Deviation)
                    .map(|(f, d)| crate::diff::describe(&c.labels, &f.field, d, item))
                    .collect(),
            )
        };
        match (deviations(self.before), deviations(Some(self.after))) {
            (None, Some(now)) => vec![Found::whole(
                "deviation_introduced",
                format!("出现未经批准的偏离：{}", now.join("；")),
            )],
            (Some(was), None) => vec![Found::whole(
                "deviation_resolved",
                format!("偏离已消除（原为：{}）", was.join("；")),
            )],
            _ => Vec::new(),
        }
    }

    /// The differences between two versions of a national or local item as written.
    fn written(&self, old: Record<&'a Value>, new: Record<&'a Value>) -> Vec<Found> {
        let state =
            |r: Record<&'a Value>, names| State::of(r, ListField::ALL.map(|f| r.lines(f)), names);
        self.differences(&state(old, &self.names.0), &state(new, &self.names.1))
    }

    /// The differences between two states of one record, in Chinese.
    fn differences(&self, old: &State<'_>, new: &State<'_>) -> Vec<Found> {
        let labels = self.labels();
        let mut out = Vec::new();
        let mut scalar = |kind, field: &'static str, a: Option<&str>, b: Option<&str>| {
            if a != b {
                let show =
                    |v: Option<&str>| v.filter(|v| !v.is_empty()).unwrap_or("未填写").to_string();
                out.push(Found {
                    kind,
                    field: Some(field),
                    key: None,
                    old: a.map(text),
                    new: b.map(text),
                    summary: format!("{}：{} → {}", labels.field(field), show(a), show(b)),
                });
            }
        };
        scalar("item_renamed", "name", Some(old.name), Some(new.name));
        if old.status != new.status {
            let kind = if new.status == Some("retired") {
                "item_retired"
            } else {
                "item_status_changed"
            };
            let show = |s: Option<&str>| match s {
                Some("retired") => "已取消",
                _ => "有效",
            };
            scalar(
                kind,
                "status",
                Some(show(old.status)),
                Some(show(new.status)),
            );
        }
        scalar(
            "department_changed",
            "department",
            old.department,
            new.department,
        );
        let phone =
            |v: Option<&Value>| v.map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string));
        let (a, b) = (phone(old.phone), phone(new.phone));
        if a != b {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "未填写".into());
            out.push(Found {
                kind: "phone_changed",
                field: Some("contact"),
                key: None,
                old: old.phone.cloned(),
                new: new.phone.cloned(),
                summary: format!(
                    "{}：{} → {}",
                    labels.property("contact", "phone"),
                    show(&a),
                    show(&b)
                ),
            });
        }
        for (i, field) in LIMITS.into_iter().enumerate() {
            if let Some(found) = limit(labels, field, old.limits[i], new.limits[i]) {
                out.push(found);
            }
        }
        for (i, field) in ListField::ALL.into_iter().enumerate() {
            out.extend(self.lines(field, &old.lines[i], &new.lines[i], old, new));
        }
        for (i, field) in OTHER_FIELDS.into_iter().enumerate() {
            let (a, b) = (old.others[i], new.others[i]);
            // The contact's phone is `phone_changed`: the rest of the contact is compared here.
            let unchanged = match field {
                "contact" => without_phone(a) == without_phone(b),
                _ => a == b,
            };
            if !unchanged {
                out.push(other_field(labels, field, a, b));
            }
        }
        out
    }

    /// Lines added, removed and changed, each changed property as old → new.
    fn lines(
        &self,
        field: ListField,
        old: &[Line<'_>],
        new: &[Line<'_>],
        was: &State<'_>,
        is: &State<'_>,
    ) -> Vec<Found> {
        let labels = self.labels();
        let label = labels.field(field.name());
        let by_id = |lines: &[Line<'_>]| -> BTreeMap<String, Value> {
            lines
                .iter()
                .filter(|l| !l.id().is_empty())
                .map(|l| (l.id().to_string(), line_value(l)))
                .collect()
        };
        let (before, after) = (by_id(old), by_id(new));
        let mut out = Vec::new();
        let found = |kind, id: &str, old: Option<&Value>, new: Option<&Value>, summary| Found {
            kind,
            field: Some(field.name()),
            key: Some(id.to_string()),
            old: old.cloned(),
            new: new.cloned(),
            summary,
        };
        for (id, line) in &after {
            match before.get(id) {
                None => out.push(found(
                    added(field),
                    id,
                    None,
                    Some(line),
                    format!("增加{label}：“{}”", name(Line::Plain(line))),
                )),
                Some(prior) if prior != line => {
                    let kind = changed(field, Line::Plain(prior), Line::Plain(line));
                    let def = match field {
                        ListField::Conditions => "condition",
                        ListField::Materials => "material",
                        ListField::Fees => "fee",
                    };
                    let mut keys: BTreeSet<&str> = BTreeSet::new();
                    for v in [prior, line] {
                        keys.extend(
                            v.as_object()
                                .into_iter()
                                .flat_map(|m| m.keys().map(String::as_str)),
                        );
                    }
                    let parts: Vec<String> = keys
                        .into_iter()
                        .filter(|k| !matches!(*k, "id" | "ref" | "added" | "omitted"))
                        .filter(|k| prior.get(k) != line.get(k))
                        .map(|k| {
                            let show = |v: &Value, s: &State<'_>| property(k, v.get(k), s);
                            format!(
                                "{}：{} → {}",
                                labels.property(def, k),
                                show(prior, was),
                                show(line, is)
                            )
                        })
                        .collect();
                    let summary =
                        format!("{label}“{}”{}", name(Line::Plain(prior)), parts.join("；"));
                    out.push(found(kind, id, Some(prior), Some(line), summary));
                }
                _ => {}
            }
        }
        for (id, line) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
            out.push(found(
                removed(field),
                id,
                Some(line),
                None,
                format!("减少{label}：“{}”", name(Line::Plain(line))),
            ));
        }
        out
    }
}

/// The effective entry's state.
fn entry_state<'a>(compiled: &'a Compiled, e: &'a Effective, names: &Names) -> State<'a> {
    let record = view::effective(&compiled.resolved.catalog, e);
    State::of(record, ListField::ALL.map(|f| record.lines(f)), names)
}

/// A contact's entries other than `phone`.
fn without_phone(contact: Option<&Value>) -> Option<Vec<(&String, &Value)>> {
    let object = contact?.as_object()?;
    Some(object.iter().filter(|(k, _)| *k != "phone").collect())
}

/// A change of one of [`OTHER_FIELDS`]: `办理地点：A → B` for a value written as one short
/// text, number or yes/no; `新增…` / `删除…` / `…已更新` for anything longer or structured
/// (the old and new values go with the change in full).
fn other_field(
    labels: &FieldLabels,
    field: &'static str,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Found {
    let label = labels.field(field);
    let short = |v: &Value| match v {
        Value::String(s) if s.chars().count() <= 40 && !s.contains('\n') => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(true) => Some("是".to_string()),
        Value::Bool(false) => Some("否".to_string()),
        _ => None,
    };
    let summary = match (old, new) {
        (None, Some(b)) => match short(b) {
            Some(b) => format!("新增{label}：{b}"),
            None => format!("新增{label}"),
        },
        (Some(a), None) => match short(a) {
            Some(a) => format!("删除{label}：{a}"),
            None => format!("删除{label}"),
        },
        (Some(a), Some(b)) => match (short(a), short(b)) {
            (Some(a), Some(b)) => format!("{label}：{a} → {b}"),
            _ => format!("{label}已更新"),
        },
        (None, None) => format!("{label}已更新"),
    };
    Found {
        kind: "field_changed",
        field: Some(field),
        key: None,
        old: old.cloned(),
        new: new.cloned(),
        summary,
    }
}

/// A change of a time limit: `承诺办结时限：12个工作日 → 14个工作日`.
fn limit(
    labels: &FieldLabels,
    field: &'static str,
    old: Option<Limit<'_>>,
    new: Option<Limit<'_>>,
) -> Option<Found> {
    if old.map(Limit::raw) == new.map(Limit::raw) {
        return None;
    }
    let (was, now) = (old.and_then(Days::of), new.and_then(Days::of));
    let kind = match (was, now) {
        (Some(a), Some(b)) if a.unit == b.unit && b.days < a.days => "limit_shortened",
        (Some(a), Some(b)) if a.unit == b.unit && b.days > a.days => "limit_lengthened",
        _ => "limit_changed",
    };
    // The days alone when they moved; with the note when only the note did.
    let show = |l: Option<Limit<'_>>| {
        let shown = if was == now {
            l.and_then(labels::limit)
        } else {
            l.and_then(labels::limit_days)
        };
        shown.unwrap_or_else(|| "未规定".to_string())
    };
    Some(Found {
        kind,
        field: Some(field),
        key: None,
        old: old.map(|l| l.raw().clone()),
        new: new.map(|l| l.raw().clone()),
        summary: format!("{}：{} → {}", labels.field(field), show(old), show(new)),
    })
}

/// A property of a list line for people: `3份`, `复印件`, `数据共享免提交`.
fn property(key: &str, value: Option<&Value>, state: &State<'_>) -> String {
    let Some(value) = value else {
        return match key {
            "waived_by" => "需提交".to_string(),
            "required" => "必要".to_string(),
            _ => "未填写".to_string(),
        };
    };
    let word = value.as_str().unwrap_or_default();
    let cited = |registry: &str| {
        state.citations.iter().find_map(|((_, _, r, id), name)| {
            (*r == registry && *id == word)
                .then(|| name.clone())
                .flatten()
        })
    };
    match key {
        "copies" => format!("{value}份"),
        "amount" => format!("{value}元"),
        "form" => labels::form(word).to_string(),
        "medium" => labels::list(Some(value), labels::medium),
        "source" => labels::source(word).to_string(),
        "waived_by" => labels::waived_by(word).to_string(),
        "required" => if value.as_bool() == Some(false) {
            "非必要"
        } else {
            "必要"
        }
        .to_string(),
        "certificate" => cited(CERTIFICATES).unwrap_or_else(|| word.to_string()),
        "basis" => cited(LAWS).unwrap_or_else(|| word.to_string()),
        _ => match value {
            Value::String(s) => format!("“{s}”"),
            Value::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            v => v.to_string(),
        },
    }
}

/// The name of line `id` of `field` among `lines` (a condition's text), else the id.
fn line_name<'a>(lines: &'a [Vec<Line<'a>>; 3], field: &str, id: &'a str) -> &'a str {
    ListField::ALL
        .iter()
        .position(|f| f.name() == field)
        .and_then(|i| lines[i].iter().find(|l| l.id() == id))
        .map_or(id, |l| name(*l))
}

/// A line's name (a condition's text).
fn name(line: Line<'_>) -> &str {
    if line.name().is_empty() {
        line.text()
    } else {
        line.name()
    }
}

fn added(field: ListField) -> &'static str {
    match field {
        ListField::Conditions => "condition_added",
        ListField::Materials => "material_added",
        ListField::Fees => "fee_added",
    }
}

fn removed(field: ListField) -> &'static str {
    match field {
        ListField::Conditions => "condition_removed",
        ListField::Materials => "material_removed",
        ListField::Fees => "fee_removed",
    }
}

fn changed(field: ListField, before: Line<'_>, after: Line<'_>) -> &'static str {
    match field {
        ListField::Conditions => "condition_reworded",
        ListField::Materials if before.waived_by().is_none() && after.waived_by().is_some() => {
            "material_waived"
        }
        ListField::Materials => "material_changed",
        ListField::Fees => "fee_changed",
    }
}
