//! `catalogc changelog REV1..REV2`: the changes between two revisions in the catalog's own terms.
//!
//! Each commit of the range is compared with its parent: the catalog is materialised at both
//! revisions (read from git, never from the working tree) and compiled, and every file the commit
//! touched is compared semantically: items added or retired, materials added, removed or waived,
//! limits shortened or lengthened, fees, conditions, departments and phones changed, deviations
//! introduced or resolved. Every change carries its commit, the commit's date and message. A file
//! whose content changed under an unchanged `reviewed` date is reported as a warning (CAT111).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use crate::diff::Class;
use crate::load::git::{Commit, Git, GitError};
use crate::pipeline::{self, Compiled, Options};
use crate::resolve::labels;

#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// What happened: `item_added`, `material_removed`, `limit_shortened`, …
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    pub item: String,
    pub item_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub old: Option<Value>,
    pub new: Option<Value>,
    /// One line in Chinese, for feeds and reports.
    pub summary: String,
    pub file: String,
    pub commit: Commit,
}

#[derive(Clone, Debug, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub file: String,
    pub message: String,
    pub commit: Commit,
}

#[derive(Debug, Serialize)]
pub struct Changelog {
    pub range: String,
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
}

/// The schemas and policy of each distinct `schema/` folder (and limits) met in the history.
type Standards = BTreeMap<u128, Option<pipeline::Standard>>;

/// The catalog as it was at a revision, compiled from git's blobs in memory. The schema folder
/// (and `catalog.yaml`, for the limits) is written to a temporary folder only the first time a
/// given version of it is met.
fn materialise(
    git: &Git,
    rev: &str,
    options: &Options,
    standards: &mut Standards,
) -> Result<Option<Compiled>, GitError> {
    use rayon::prelude::*;
    let files = git.files_at(rev, &["catalog", "schema"])?;
    let Some((_, config)) = files
        .iter()
        .find(|(path, _)| path == "catalog/catalog.yaml")
    else {
        return Ok(None);
    };
    let schema: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(path, _)| path.starts_with("schema/"))
        .collect();
    let mut parts: Vec<&[u8]> = vec![config.as_slice()];
    for (path, bytes) in &schema {
        parts.push(path.as_bytes());
        parts.push(bytes);
    }
    let key = crate::load::cache::fingerprint(&parts);
    if let std::collections::btree_map::Entry::Vacant(slot) = standards.entry(key) {
        let dir = tempfile_dir()?;
        for (path, bytes) in schema
            .iter()
            .copied()
            .chain(files.iter().filter(|(p, _)| p == "catalog/catalog.yaml"))
        {
            let target = dir.path.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| GitError(e.to_string()))?;
            }
            std::fs::write(&target, bytes).map_err(|e| GitError(e.to_string()))?;
        }
        slot.insert(pipeline::Standard::load(&dir.path).ok());
    }
    let Some(standard) = standards[&key].as_ref() else {
        return Ok(None);
    };
    let catalog_files: Vec<(crate::load::Kind, &String, &Vec<u8>)> = files
        .iter()
        .filter_map(|(path, bytes)| crate::load::classify(path).map(|kind| (kind, path, bytes)))
        .collect();
    let parsed: Vec<_> = catalog_files
        .par_iter()
        .map(|(kind, path, bytes)| {
            crate::load::document_from_bytes(*kind, path, bytes.to_vec(), standard.limits)
        })
        .collect();
    let mut loaded = crate::load::Loaded {
        root: std::path::PathBuf::from(rev),
        documents: Vec::new(),
        diagnostics: Vec::new(),
        listed: catalog_files
            .iter()
            .map(|(kind, path, _)| (*kind, path.to_string()))
            .collect(),
    };
    for (document, found) in parsed {
        loaded.documents.extend(document);
        loaded.diagnostics.extend(found);
    }
    let options = Options {
        cache: false,
        selection: None,
        skip_rules: true,
        ..options.clone()
    };
    Ok(Some(pipeline::analyse(standard, loaded, &options)))
}

/// A temporary folder removed when dropped (std has none; this avoids a dependency for one use).
struct TempDir {
    path: std::path::PathBuf,
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

fn tempfile_dir() -> Result<TempDir, GitError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "catalogc-rev-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&path).map_err(|e| GitError(e.to_string()))?;
    Ok(TempDir { path })
}

/// Changes of every commit in `range` (`A..B`), oldest first.
pub fn changelog(root: &Path, range: &str, options: &Options) -> Result<Changelog, GitError> {
    let git = Git::open(root)
        .ok_or_else(|| GitError(format!("{} is not in a git repository", root.display())))?;
    let commits = git.catalog_commits(range)?;
    let mut changes = Vec::new();
    let mut warnings = Vec::new();
    let mut cache: BTreeMap<String, Option<Compiled>> = BTreeMap::new();
    let mut standards = Standards::new();
    for (commit, files) in &commits {
        if files.is_empty() {
            continue;
        }
        for rev in commit.parent.iter().chain([&commit.id]) {
            if !cache.contains_key(rev) {
                let compiled = materialise(&git, rev, options, &mut standards)?;
                cache.insert(rev.clone(), compiled);
            }
        }
        let before = commit.parent.as_ref().and_then(|p| cache[p].as_ref());
        let Some(after) = cache[&commit.id].as_ref() else {
            continue;
        };
        // The text of each file at both revisions, by path (from the materialised catalogs).
        let texts = |compiled: Option<&Compiled>| -> BTreeMap<String, String> {
            let wanted: std::collections::BTreeSet<&str> =
                files.iter().map(String::as_str).collect();
            compiled
                .map(|c| {
                    c.resolved
                        .catalog
                        .documents
                        .iter()
                        .filter(|d| wanted.contains(d.path()))
                        .map(|d| (d.path().to_string(), d.source.text.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (old_texts, new_texts) = (texts(before), texts(Some(after)));
        for file in files {
            compare_file(file, before, after, commit, &mut changes);
            let (before_text, after_text) = (
                old_texts.get(file).map(String::as_str),
                new_texts.get(file).map(String::as_str),
            );
            if let (Some(old), Some(new)) = (before_text, after_text)
                && let Some(d) = crate::check::stale_review(file, old, new)
            {
                warnings.push(Warning {
                    code: d.code,
                    file: file.clone(),
                    message: d.message,
                    commit: commit.clone(),
                });
            }
        }
        // Keep only what the next commit can reuse.
        cache.retain(|id, _| id == &commit.id);
    }
    if !options.regions.is_empty() {
        changes.retain(|c| {
            c.region
                .as_ref()
                .is_none_or(|r| options.regions.contains(r))
        });
    }
    Ok(Changelog {
        range: range.to_string(),
        changes,
        warnings,
    })
}

fn national_json<'a>(compiled: Option<&'a Compiled>, code: &str) -> Option<&'a Value> {
    let catalog = &compiled?.resolved.catalog;
    catalog.items.get(code).map(|i| &catalog.doc(i).json)
}

fn item_name(before: Option<&Compiled>, after: &Compiled, code: &str) -> String {
    national_json(Some(after), code)
        .or_else(|| national_json(before, code))
        .and_then(|j| j.get("name")?.as_str().map(str::to_string))
        .unwrap_or_else(|| code.to_string())
}

/// The semantic changes one file's change made.
fn compare_file(
    file: &str,
    before: Option<&Compiled>,
    after: &Compiled,
    commit: &Commit,
    out: &mut Vec<Change>,
) {
    let parts: Vec<&str> = file.split('/').collect();
    let mut push = |kind: &'static str,
                    region: Option<&str>,
                    item: &str,
                    field: Option<&str>,
                    key: Option<&str>,
                    old: Option<Value>,
                    new: Option<Value>,
                    summary: String| {
        let region_name = region.and_then(|r| {
            after
                .resolved
                .catalog
                .regions
                .get(r)
                .or_else(|| before.and_then(|b| b.resolved.catalog.regions.get(r)))
                .map(|r| r.value.name.clone())
        });
        out.push(Change {
            kind,
            region: region.map(str::to_string),
            region_name,
            item: item.to_string(),
            item_name: item_name(before, after, item),
            field: field.map(str::to_string),
            key: key.map(str::to_string),
            old,
            new,
            summary,
            file: file.to_string(),
            commit: commit.clone(),
        });
    };
    match parts.as_slice() {
        ["catalog", "national", name] => {
            let code = name.trim_end_matches(".yaml");
            let (old, new) = (
                national_json(before, code),
                national_json(Some(after), code),
            );
            match (old, new) {
                (None, Some(_)) => push(
                    "item_added",
                    None,
                    code,
                    None,
                    None,
                    None,
                    None,
                    "新增事项".into(),
                ),
                (Some(_), None) => push(
                    "item_retired",
                    None,
                    code,
                    None,
                    None,
                    None,
                    None,
                    "取消事项".into(),
                ),
                (Some(old), Some(new)) => {
                    if old.get("status") != new.get("status")
                        && new.get("status").and_then(Value::as_str) == Some("retired")
                    {
                        push(
                            "item_retired",
                            None,
                            code,
                            Some("status"),
                            None,
                            old.get("status").cloned(),
                            new.get("status").cloned(),
                            "事项已取消".into(),
                        );
                    }
                    if old.get("name") != new.get("name") {
                        push(
                            "item_renamed",
                            None,
                            code,
                            Some("name"),
                            None,
                            old.get("name").cloned(),
                            new.get("name").cloned(),
                            "事项名称变更".into(),
                        );
                    }
                    let field = |f: &str| (old.get(f).cloned(), new.get(f).cloned());
                    compare_values(
                        &mut push,
                        None,
                        code,
                        field("statutory_limit"),
                        field("conditions"),
                        field("materials"),
                        field("fees"),
                        "statutory_limit",
                    );
                }
                (None, None) => {}
            }
        }
        ["catalog", "regions", region, name] if *name != "region.yaml" => {
            let code = name.trim_end_matches(".yaml");
            let effective = |compiled: Option<&Compiled>| {
                let compiled = compiled?;
                let e = compiled.resolved.effective_of(region, code)?;
                let get = |f: &str| {
                    e.get(&compiled.resolved.catalog, f)
                        .map(|s| s.value.clone())
                };
                let class = compiled.conformance.entry(region, code).map(|x| x.class);
                Some((
                    get("committed_limit"),
                    serde_json::to_value(e.lines(&compiled.resolved.catalog, "conditions"))
                        .unwrap_or_default(),
                    serde_json::to_value(e.lines(&compiled.resolved.catalog, "materials"))
                        .unwrap_or_default(),
                    serde_json::to_value(e.lines(&compiled.resolved.catalog, "fees"))
                        .unwrap_or_default(),
                    get("department"),
                    get("contact"),
                    class,
                ))
            };
            match (effective(before), effective(Some(after))) {
                (None, Some(_)) => push(
                    "entry_added",
                    Some(region),
                    code,
                    None,
                    None,
                    None,
                    None,
                    "新增实施清单".into(),
                ),
                (Some(_), None) => push(
                    "entry_removed",
                    Some(region),
                    code,
                    None,
                    None,
                    None,
                    None,
                    "删除实施清单".into(),
                ),
                (Some(old), Some(new)) => {
                    compare_values(
                        &mut push,
                        Some(region),
                        code,
                        (old.0.clone(), new.0.clone()),
                        (Some(old.1.clone()), Some(new.1.clone())),
                        (Some(old.2.clone()), Some(new.2.clone())),
                        (Some(old.3.clone()), Some(new.3.clone())),
                        "committed_limit",
                    );
                    let name = |d: &Option<Value>| d.as_ref().and_then(|d| d.get("name")).cloned();
                    if name(&old.4) != name(&new.4) {
                        push(
                            "department_changed",
                            Some(region),
                            code,
                            Some("department"),
                            None,
                            name(&old.4),
                            name(&new.4),
                            "实施主体变更".into(),
                        );
                    }
                    let phone =
                        |c: &Option<Value>| c.as_ref().and_then(|c| c.get("phone")).cloned();
                    if phone(&old.5) != phone(&new.5) {
                        push(
                            "phone_changed",
                            Some(region),
                            code,
                            Some("contact"),
                            None,
                            phone(&old.5),
                            phone(&new.5),
                            "咨询电话变更".into(),
                        );
                    }
                    let deviates = |c: Option<Class>| c == Some(Class::Deviation);
                    match (deviates(old.6), deviates(new.6)) {
                        (false, true) => push(
                            "deviation_introduced",
                            Some(region),
                            code,
                            None,
                            None,
                            None,
                            None,
                            "出现未经批准的偏离".into(),
                        ),
                        (true, false) => push(
                            "deviation_resolved",
                            Some(region),
                            code,
                            None,
                            None,
                            None,
                            None,
                            "偏离已消除".into(),
                        ),
                        _ => {}
                    }
                }
                (None, None) => {}
            }
        }
        _ => {}
    }
}

type Pair = (Option<Value>, Option<Value>);

/// Compare a time limit and the three lists, national or effective, and report each difference.
#[allow(clippy::too_many_arguments)]
fn compare_values(
    push: &mut impl FnMut(
        &'static str,
        Option<&str>,
        &str,
        Option<&str>,
        Option<&str>,
        Option<Value>,
        Option<Value>,
        String,
    ),
    region: Option<&str>,
    code: &str,
    limit: Pair,
    conditions: Pair,
    materials: Pair,
    fees: Pair,
    limit_field: &'static str,
) {
    let days = |v: &Option<Value>| {
        v.as_ref().and_then(|l| {
            Some((
                l.get("days")?.as_u64()?,
                l.get("unit")?.as_str()?.to_string(),
            ))
        })
    };
    if let (Some((a, unit_a)), Some((b, unit_b))) = (days(&limit.0), days(&limit.1))
        && (a, &unit_a) != (b, &unit_b)
    {
        let label = if limit_field == "statutory_limit" {
            "法定办结时限"
        } else {
            "承诺办结时限"
        };
        let text = |d: u64, u: &str| format!("{d}{}", labels::unit(u));
        let kind = if unit_a == unit_b && b < a {
            "limit_shortened"
        } else if unit_a == unit_b {
            "limit_lengthened"
        } else {
            "limit_changed"
        };
        let verb = match kind {
            "limit_shortened" => "缩短为",
            "limit_lengthened" => "延长为",
            _ => "改为",
        };
        push(
            kind,
            region,
            code,
            Some(limit_field),
            None,
            limit.0.clone(),
            limit.1.clone(),
            format!("{label}由{}{verb}{}", text(a, &unit_a), text(b, &unit_b)),
        );
    }
    let by_id = |v: &Option<Value>| -> BTreeMap<String, Value> {
        v.as_ref()
            .and_then(Value::as_array)
            .map(|lines| {
                lines
                    .iter()
                    .filter_map(|l| Some((l.get("id")?.as_str()?.to_string(), l.clone())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let name = |l: &Value| {
        l.get("name")
            .or_else(|| l.get("text"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    for (field, pair, label) in [
        ("conditions", &conditions, "受理条件"),
        ("materials", &materials, "申请材料"),
        ("fees", &fees, "收费项目"),
    ] {
        let (old, new) = (by_id(&pair.0), by_id(&pair.1));
        for (id, line) in &new {
            match old.get(id) {
                None => push(
                    added(field),
                    region,
                    code,
                    Some(field),
                    Some(id),
                    None,
                    Some(line.clone()),
                    format!("增加{label}：{}", name(line)),
                ),
                Some(before) if before != line => {
                    let kind = changed(field, before, line);
                    let summary = match kind {
                        "material_waived" => format!("{label}免提交：{}", name(line)),
                        "fee_changed" => format!(
                            "{label}{}的金额由{}元改为{}元",
                            name(line),
                            show(before.get("amount")),
                            show(line.get("amount"))
                        ),
                        _ => format!("{label}变更：{}", name(line)),
                    };
                    push(
                        kind,
                        region,
                        code,
                        Some(field),
                        Some(id),
                        Some(before.clone()),
                        Some(line.clone()),
                        summary,
                    );
                }
                _ => {}
            }
        }
        for (id, line) in old.iter().filter(|(id, _)| !new.contains_key(*id)) {
            push(
                removed(field),
                region,
                code,
                Some(field),
                Some(id),
                Some(line.clone()),
                None,
                format!("减少{label}：{}", name(line)),
            );
        }
    }
}

fn show(value: Option<&Value>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn added(field: &str) -> &'static str {
    match field {
        "conditions" => "condition_added",
        "materials" => "material_added",
        _ => "fee_added",
    }
}

fn removed(field: &str) -> &'static str {
    match field {
        "conditions" => "condition_removed",
        "materials" => "material_removed",
        _ => "fee_removed",
    }
}

fn changed(field: &str, before: &Value, after: &Value) -> &'static str {
    match field {
        "conditions" => "condition_reworded",
        "materials" if before.get("waived_by").is_none() && after.get("waived_by").is_some() => {
            "material_waived"
        }
        "materials" => "material_changed",
        _ if before.get("amount") != after.get("amount") => "fee_changed",
        _ => "fee_changed",
    }
}

impl Changelog {
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut last = String::new();
        for c in &self.changes {
            if c.commit.id != last {
                out.push_str(&format!(
                    "{} {} {} ({})\n",
                    c.commit.date,
                    &c.commit.id[..c.commit.id.len().min(10)],
                    c.commit.subject,
                    c.commit.author
                ));
                last = c.commit.id.clone();
            }
            out.push_str(&format!(
                "  {}  {}：{}  [{}]\n",
                title_of(c),
                c.item,
                c.summary,
                c.kind
            ));
        }
        for w in &self.warnings {
            out.push_str(&format!(
                "warning[{}]: {}: {} (commit {})\n",
                w.code,
                w.file,
                w.message,
                &w.commit.id[..w.commit.id.len().min(10)]
            ));
        }
        if self.changes.is_empty() {
            out.push_str(&format!("no catalog changes in {}\n", self.range));
        }
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = format!(
            "## Catalog changes in `{}`\n\n| date | commit | region | item | change |\n|---|---|---|---|---|\n",
            self.range
        );
        for c in &self.changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} {} | {} |\n",
                &c.commit.date[..c.commit.date.len().min(10)],
                &c.commit.id[..c.commit.id.len().min(10)],
                c.region_name.as_deref().unwrap_or("全国标准"),
                c.item,
                c.item_name.replace('|', "\\|"),
                c.summary.replace('|', "\\|")
            ));
        }
        for w in &self.warnings {
            out.push_str(&format!(
                "\n> warning {}: `{}`: {}\n",
                w.code, w.file, w.message
            ));
        }
        out
    }

    /// The context of the Atom template (`feed.xml`), newest change first.
    pub fn feed_context(
        &self,
        title: &str,
        base_url: &str,
        feed_path: &str,
        page_of: &dyn Fn(&Change) -> String,
    ) -> Value {
        let base = base_url.trim_end_matches('/');
        let entries: Vec<Value> = self
            .changes
            .iter()
            .enumerate()
            .rev()
            .map(|(i, c)| {
                json!({
                    "id": format!("{base}/changes/{}/{i}", c.commit.id),
                    "title": format!("{}：{}", title_of(c), c.summary),
                    "updated": c.commit.date,
                    "author": c.commit.author,
                    "summary": format!("{}（{}）。提交：{} {}", c.summary, c.kind, &c.commit.id[..c.commit.id.len().min(10)], c.commit.subject),
                    "url": format!("{base}/portal/{}", page_of(c)),
                    "kind": c.kind,
                })
            })
            .collect();
        let updated = self
            .changes
            .iter()
            .map(|c| c.commit.date.clone())
            .max()
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
        json!({"feed": {
            "id": format!("{base}/portal/{feed_path}"),
            "title": title,
            "updated": updated,
            "self_url": format!("{base}/portal/{feed_path}"),
            "alternate_url": format!("{base}/portal/index.html"),
            "entries": entries,
        }})
    }
}

/// "深圳市·居住证申领", or "全国标准·居住证申领" for a national change.
pub fn title_of(change: &Change) -> String {
    format!(
        "{}·{}",
        change.region_name.as_deref().unwrap_or("全国标准"),
        change.item_name
    )
}
