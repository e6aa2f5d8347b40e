//! `check --since REV`: which files a change can affect.
//!
//! The changed files come from git; this module decides what depends on them, from the catalog's
//! layout and its region tree alone (it reads only `region.yaml` and event files):
//!
//! - a national item: the item, every regional entry that implements it, every event it is in;
//! - a regional entry: the entry and the same item's entries in every region below;
//! - a region: everything in that region and in every region below it;
//! - a local item: itself and the events of its region that list it;
//! - an event: itself;
//! - `catalog.yaml`, a registry, or anything in `schema/`: everything.
//!
//! The check then loads only what those files need (their national items, their ancestors'
//! entries, the regions, registries and events) and reports findings for the selected files:
//! exactly what a full check reports for them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::messages::Lang;
use crate::load::yaml::{self, Limits};
use crate::t;

/// The files a check must report on, and the files it must load to do so.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Everything is affected (a settings, registry or schema change).
    pub all: bool,
    pub report: BTreeSet<String>,
    pub load: BTreeSet<String>,
    /// One line per changed file: what it selected.
    pub reasons: Vec<String>,
}

impl Selection {
    pub fn reports(&self, file: &str) -> bool {
        self.all || self.report.contains(file)
    }

    pub fn loads(&self, file: &str) -> bool {
        self.all || self.load.contains(file)
    }

    /// The files a listing must include, unless everything is selected (see `load::list_in`).
    pub fn narrow(&self) -> Option<&BTreeSet<String>> {
        (!self.all).then_some(&self.load)
    }
}

/// The parts of the catalog's layout the selection needs. It is read without walking the region
/// folders, whose entries are most of a national catalog (1.5 million files): a folder is listed
/// only when a change selects all of it, and other files are looked up by name.
struct Layout {
    root: PathBuf,
    /// The folders in `catalog/regions/`, by name.
    regions: Vec<String>,
    /// The files every selective check loads: `catalog.yaml`, the registries, the events and each
    /// `region.yaml`.
    shared: Vec<String>,
    parent: BTreeMap<String, String>,
    members: BTreeMap<String, Vec<String>>,
}

fn read_json(root: &Path, rel: &str) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(root.join(rel)).ok()?;
    yaml::parse(&text, Limits::default())
        .root
        .map(|n| n.to_json())
}

/// Whether there is something at `path` that a walk lists as a file: anything but a folder (a
/// link is not followed, and a full check reports it, so a change to one is reported too).
fn present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir())
}

/// The files below `dir` (anything but folders) (at most `depth` folders down), as paths inside `root`.
fn files_below(root: &Path, dir: &Path, depth: usize) -> Vec<String> {
    crate::load::walk_sorted(dir)
        .follow_root_links(false)
        .max_depth(depth)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(root)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

impl Layout {
    fn read(root: &Path) -> Layout {
        let catalog = root.join("catalog");
        // Links are not followed, as in a walk of the catalog: not `catalog/regions`, not a
        // region folder.
        let folder = catalog.join("regions");
        let mut regions: Vec<String> = std::fs::symlink_metadata(&folder)
            .is_ok_and(|m| m.is_dir())
            .then(|| std::fs::read_dir(&folder))
            .into_iter()
            .flatten()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        regions.sort();
        let mut shared = Vec::new();
        if present(&catalog.join("catalog.yaml")) {
            shared.push("catalog/catalog.yaml".to_string());
        }
        shared.extend(files_below(root, &catalog.join("registries"), 1));
        let mut events = files_below(root, &catalog.join("events"), 1);
        let mut parent = BTreeMap::new();
        for region in &regions {
            let folder = catalog.join("regions").join(region);
            if present(&folder.join("region.yaml")) {
                let file = format!("catalog/regions/{region}/region.yaml");
                if let Some(p) = read_json(root, &file)
                    .and_then(|j| j.get("parent")?.as_str().map(str::to_string))
                {
                    parent.insert(region.clone(), p);
                }
                shared.push(file);
            }
            events.extend(files_below(root, &folder.join("events"), 1));
        }
        let members = events
            .iter()
            .map(|file| {
                let list = read_json(root, file)
                    .and_then(|j| j.get("members")?.as_array().cloned())
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|m| m.as_str().map(str::to_string))
                    .collect();
                (file.clone(), list)
            })
            .collect();
        shared.extend(events);
        Layout {
            root: root.to_path_buf(),
            regions,
            shared,
            parent,
            members,
        }
    }

    fn exists(&self, rel: &str) -> bool {
        present(&self.root.join(rel))
    }

    /// Every file in the folders of `regions`.
    fn files_in(&self, regions: &BTreeSet<String>) -> Vec<String> {
        regions
            .iter()
            .filter(|r| self.regions.contains(r))
            .flat_map(|r| {
                files_below(
                    &self.root,
                    &self.root.join("catalog/regions").join(r),
                    usize::MAX,
                )
            })
            .collect()
    }

    /// How many files the catalog has (a change that selects everything).
    fn count_all(&self) -> usize {
        files_below(&self.root, &self.root.join("catalog"), usize::MAX).len()
    }

    /// `region` and every region below it.
    fn subtree(&self, region: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::from([region.to_string()]);
        loop {
            let before = found.len();
            for (child, parent) in &self.parent {
                if found.contains(parent) {
                    found.insert(child.clone());
                }
            }
            if found.len() == before {
                return found;
            }
        }
    }

    /// The regions above `region`, nearest first (stops at a loop).
    fn ancestors(&self, region: &str) -> Vec<String> {
        let mut chain: Vec<String> = Vec::new();
        let mut current = region.to_string();
        while let Some(p) = self.parent.get(&current) {
            if p == region || chain.contains(p) {
                break;
            }
            chain.push(p.clone());
            current = p.clone();
        }
        chain
    }

    /// The entries for item `code` in `regions` (every region when `None`).
    fn entries_of(&self, code: &str, regions: Option<&BTreeSet<String>>) -> Vec<String> {
        self.regions
            .iter()
            .filter(|r| regions.is_none_or(|set| set.contains(*r)))
            .map(|r| format!("catalog/regions/{r}/{code}.yaml"))
            .filter(|f| self.exists(f))
            .collect()
    }
}

/// Decide what the `changed` files (relative to the catalog root) affect.
pub fn select(root: &Path, changed: &[String], lang: Lang) -> Selection {
    let layout = Layout::read(root);
    let mut selection = Selection::default();
    for path in changed {
        let parts: Vec<&str> = path.split('/').collect();
        let before = selection.report.len();
        let mut add = |files: Vec<String>| {
            selection
                .report
                .extend(files.into_iter().filter(|f| layout.exists(f)))
        };
        let why = match parts.as_slice() {
            ["schema", ..] | ["catalog", "catalog.yaml"] | ["catalog", "registries", ..] => {
                selection.all = true;
                t!(lang, "since-everything")
            }
            ["catalog", "national", file] => {
                let code = file.trim_end_matches(".yaml");
                add(vec![path.clone()]);
                add(layout.entries_of(code, None));
                add(layout
                    .members
                    .iter()
                    .filter(|(_, m)| m.iter().any(|c| c == code))
                    .map(|(f, _)| f.clone())
                    .collect());
                t!(lang, "since-item")
            }
            ["catalog", "regions", region, "region.yaml"] => {
                let subtree = layout.subtree(region);
                add(layout.files_in(&subtree));
                t!(lang, "since-region", count = subtree.len())
            }
            ["catalog", "regions", region, file] => {
                add(vec![path.clone()]);
                add(layout.entries_of(
                    file.trim_end_matches(".yaml"),
                    Some(&layout.subtree(region)),
                ));
                t!(lang, "since-entry")
            }
            ["catalog", "regions", region, "local", file] => {
                let code = file.trim_end_matches(".yaml");
                let events = format!("catalog/regions/{region}/events/");
                add(vec![path.clone()]);
                add(layout
                    .members
                    .iter()
                    .filter(|(f, m)| f.starts_with(&events) && m.iter().any(|c| c == code))
                    .map(|(f, _)| f.clone())
                    .collect());
                t!(lang, "since-local")
            }
            ["catalog", ..] => {
                add(vec![path.clone()]);
                t!(lang, "since-itself")
            }
            _ => continue,
        };
        let count = if selection.all {
            layout.count_all()
        } else {
            selection.report.len() - before
        };
        selection.reasons.push(t!(
            lang,
            "since-reason",
            path = path.as_str(),
            why = why,
            count = count
        ));
    }
    // What the reported files need: their national items, their ancestors' entries, and the
    // small shared files every check reads.
    let mut load = selection.report.clone();
    for file in &selection.report {
        if let ["catalog", "regions", region, name] = file.split('/').collect::<Vec<_>>().as_slice()
        {
            if *name == "region.yaml" {
                continue;
            }
            load.insert(format!("catalog/national/{name}"));
            for ancestor in layout.ancestors(region) {
                load.insert(format!("catalog/regions/{ancestor}/{name}"));
            }
        }
    }
    load.extend(layout.shared);
    selection.load = load;
    selection
}

/// A catalog file a change touched, as it was at the revision and as it is in the work tree.
#[derive(Clone, Debug)]
pub struct Revised {
    pub path: String,
    pub before: Option<String>,
    pub now: Option<String>,
}

/// The catalog YAML files among `changed`, with both texts, the old ones read from git in one
/// batch. `check --since` reads them once for every check that compares the two.
pub fn revised(
    git: &crate::load::git::Git,
    rev: &str,
    root: &Path,
    changed: &[String],
) -> Result<Vec<Revised>, crate::load::git::GitError> {
    let paths: Vec<&str> = changed
        .iter()
        .map(String::as_str)
        .filter(|p| p.starts_with("catalog/") && p.ends_with(".yaml"))
        .collect();
    let old = git.paths_at(rev, &paths)?;
    Ok(paths
        .into_iter()
        .zip(old)
        .map(|(path, before)| Revised {
            path: path.to_string(),
            before: before.map(|b| String::from_utf8_lossy(&b).into_owned()),
            now: std::fs::read_to_string(root.join(path)).ok(),
        })
        .collect())
}

/// An escape hatch a change adds: an exception granted or extended, or a line omitted, which
/// the national office reviews (README, reviewing escape hatches).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Escape {
    pub file: String,
    pub line: u32,
    /// `exception_added`, `exception_extended`, `exception_changed`, `omission_added` or
    /// `omission_changed`.
    pub kind: &'static str,
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The reason, and for an exception its approval and expiry.
    pub detail: String,
}

/// The escape hatches the change since `rev` adds to the regional entry files in `changed`.
pub fn escapes(revised: &[Revised], line_fields: &[String]) -> Vec<Escape> {
    use serde_json::Value;
    let parse = |text: &str| -> (Value, Option<yaml::Node>) {
        let root = yaml::parse(text, Limits::default()).root;
        (
            root.as_ref()
                .map(yaml::Node::to_json)
                .unwrap_or(Value::Null),
            root,
        )
    };
    let mut found = Vec::new();
    for file in revised
        .iter()
        .filter(|f| f.path.starts_with("catalog/regions/"))
    {
        let Some(now) = &file.now else {
            continue;
        };
        let path = &file.path;
        let before = file.before.as_deref().unwrap_or_default();
        let ((old, _), (new, tree)) = (parse(before), parse(now));
        let line = |pointer: &str| {
            tree.as_ref()
                .and_then(|t| t.pointer(pointer))
                .map_or(1, |(node, _)| node.span.start.line)
        };
        let text =
            |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_string();
        // Exceptions, keyed by field and ref.
        let list = |doc: &Value, key: &str| -> Vec<Value> {
            doc.get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let key = |e: &Value| {
            (
                text(e, "field"),
                e.get("ref").and_then(Value::as_str).map(str::to_string),
            )
        };
        let old_exceptions = list(&old, "exceptions");
        for (i, e) in list(&new, "exceptions").iter().enumerate() {
            let previous = old_exceptions.iter().find(|o| key(o) == key(e));
            let kind = match previous {
                None => "exception_added",
                Some(o) if text(o, "expires") < text(e, "expires") => "exception_extended",
                Some(o) if o != e => "exception_changed",
                Some(_) => continue,
            };
            let (field, reference) = key(e);
            found.push(Escape {
                file: path.clone(),
                line: line(&format!("/exceptions/{i}")),
                kind,
                field,
                reference,
                detail: format!(
                    "{}（批准：{}，有效期至 {}）",
                    text(e, "reason"),
                    text(e, "approval"),
                    text(e, "expires")
                ),
            });
        }
        // Omissions in the lists of lines.
        for field in line_fields.iter().map(String::as_str) {
            let omitted = |doc: &Value| -> Vec<(usize, String, Value)> {
                list(doc, field)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, l)| {
                        let reason = l.get("omitted")?.clone();
                        Some((i, l.get("ref")?.as_str()?.to_string(), reason))
                    })
                    .collect()
            };
            let before = omitted(&old);
            for (i, reference, reason) in omitted(&new) {
                let kind = match before.iter().find(|(_, r, _)| *r == reference) {
                    None => "omission_added",
                    Some((_, _, was)) if *was != reason => "omission_changed",
                    Some(_) => continue,
                };
                found.push(Escape {
                    file: path.clone(),
                    line: line(&format!("/{field}/{i}")),
                    kind,
                    field: field.to_string(),
                    reference: Some(reference),
                    detail: reason
                        .as_str()
                        .map_or_else(|| "（未说明理由）".to_string(), str::to_string),
                });
            }
        }
    }
    found
}
