//! The province as the compile unit: the nation checked and measured one province at a time.
//!
//! The national files (settings, national items, events, registries) and every region's
//! `region.yaml` are read once and stay in memory. The region folders are grouped into units by
//! their `parent` links (a unit is a province and every region below it; any region linked to
//! another by `parent`, even wrongly, is in the same unit), and each unit's files are read,
//! resolved, checked and diffed beside the national ones, its findings and its regions'
//! conformance kept, and its documents freed before the next unit is read. Peak memory follows
//! the largest province, not the nation.
//!
//! A finding belongs to the unit that owns its file: a region folder's files belong to the
//! folder's unit, every other file to the national unit (the national files checked without any
//! region's entries). Each unit keeps only the findings on its own files, so the national result
//! is the union of the units' results, sorted as a whole-catalog run sorts it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::source::SourceFile;
use crate::diagnostic::{self, Diagnostic};
use crate::diff::RegionResult;
use crate::load::{self, Document, Kind};

use super::{Compiled, Options, Standard};

/// The folder name of a path in `catalog/regions/<folder>/…`.
pub fn folder_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("catalog/regions/")?;
    let (folder, _) = rest.split_once('/')?;
    Some(folder)
}

/// Whether a file is read once for the whole nation: everything outside the region folders, and
/// each region's `region.yaml`.
pub fn is_national(path: &str) -> bool {
    match path.strip_prefix("catalog/regions/") {
        Some(rest) => {
            rest.split('/').nth(1) == Some("region.yaml") && rest.matches('/').count() == 1
        }
        None => true,
    }
}

/// The region folders grouped into compile units, each named by its first folder in code order
/// (a province's own folder, for a well-formed catalog).
#[derive(Clone, Debug, Default)]
pub struct Units {
    /// Folder → the name of its unit.
    pub unit_of: BTreeMap<String, String>,
    /// Unit name → its folders, in order.
    pub folders: BTreeMap<String, Vec<String>>,
}

impl Units {
    /// Group `folders` by the `parent` links of the region documents among `documents`.
    pub fn group(folders: &BTreeSet<String>, documents: &[Document]) -> Units {
        let mut parents: BTreeMap<String, Option<String>> =
            folders.iter().map(|f| (f.clone(), None)).collect();
        for document in documents.iter().filter(|d| d.kind == Kind::Region) {
            if let (Some(folder), Some(parent)) = (
                document.region_folder(),
                document.json.get("parent").and_then(|p| p.as_str()),
            ) && let Some(slot) = parents.get_mut(folder)
            {
                *slot = Some(parent.to_string());
            }
        }
        Units::of_parents(&parents)
    }

    /// Group the folders of `parents` (each with the parent its `region.yaml` names) by those
    /// links: a unit is a folder, every folder linked to it, and so on.
    pub fn of_parents(parents: &BTreeMap<String, Option<String>>) -> Units {
        let folders: Vec<&String> = parents.keys().collect();
        let index: BTreeMap<&str, usize> = folders
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i))
            .collect();
        let mut up: Vec<usize> = (0..folders.len()).collect();
        fn find(up: &mut [usize], mut i: usize) -> usize {
            while up[i] != i {
                up[i] = up[up[i]];
                i = up[i];
            }
            i
        }
        for (folder, parent) in parents {
            let Some(parent) = parent else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (index.get(folder.as_str()), index.get(parent.as_str())) {
                let (a, b) = (find(&mut up, a), find(&mut up, b));
                // The smaller index stays the root, so a unit is named by its first folder.
                up[a.max(b)] = a.min(b);
            }
        }
        let mut units = Units::default();
        for (i, folder) in folders.iter().enumerate() {
            let name = folders[find(&mut up, i)];
            units.unit_of.insert(folder.to_string(), name.clone());
            units
                .folders
                .entry(name.clone())
                .or_default()
                .push(folder.to_string());
        }
        units
    }

    /// The unit that owns `path`: its region folder's unit; `None` for a national file.
    pub fn owner(&self, path: &str) -> Option<&str> {
        folder_of(path)
            .and_then(|f| self.unit_of.get(f))
            .map(String::as_str)
    }
}

/// What a unit-by-unit run keeps: everything the renderers read, without the documents.
pub struct Findings {
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file a finding points at (its own file, or a label's).
    pub sources: BTreeMap<String, SourceFile>,
    /// Every file that was read, in walk order.
    pub files: Vec<String>,
    /// The conformance of every region compiled, in code order.
    pub regions: Vec<RegionResult>,
    /// The units compiled (all of them, or the ones `--region` names), and every unit of the
    /// catalog.
    pub compiled_units: Vec<String>,
    pub units: Units,
    pub lang: crate::diagnostic::messages::Lang,
    pub policy_document: Document,
    /// A hash of what every unit is compiled against: the schemas, the limits, the policy and
    /// the national files (shards of different catalogs or standards are not merged).
    pub standard_hash: u128,
    /// The national files compiled alone (the national items and every region's `region.yaml`,
    /// no entries), for the reports that name an item or a region; its findings were taken.
    pub national: Compiled,
}

/// What a caller does with each unit: a unit is named by its first folder (the national unit,
/// which comes first, is named "" and has no folders).
pub trait PerUnit {
    /// The unit's compiled catalog, before its documents are freed: add to the findings what
    /// needs the documents, or render what needs them. `key` is the unit's key in the memo of
    /// findings ([`super::memo`]) when the run keeps one.
    fn compiled(
        &mut self,
        unit: &str,
        folders: &[String],
        key: Option<u128>,
        compiled: &mut Compiled,
    );

    /// The unit's findings are in the memo under `key` (its inputs are those of a run that kept
    /// them): true when the caller can do without its compile (the findings are taken from the
    /// memo and `compiled` is not called for it), false to have it compiled all the same.
    fn remembered(&mut self, _unit: &str, _folders: &[String], _key: u128) -> bool {
        true
    }
}

/// A function of the unit's name, folders and compiled catalog, for the callers that only need
/// the findings of a unit whose inputs did not change.
impl<F: FnMut(&str, &[String], &mut Compiled)> PerUnit for F {
    fn compiled(
        &mut self,
        unit: &str,
        folders: &[String],
        _: Option<u128>,
        compiled: &mut Compiled,
    ) {
        self(unit, folders, compiled)
    }
}

/// Check and measure the catalog at `root` one unit at a time; with `options.regions`, only the
/// units of those regions (and the national files). `options.selection` must be `None`. The
/// regions' conformance results are kept only when `conformance` asks for them (`diff`): a
/// `check` keeps the findings alone, so that its memory does not grow with the nation.
pub fn compile(
    root: &Path,
    options: &Options,
    conformance: bool,
    per_unit: &mut dyn PerUnit,
) -> Result<Findings, crate::load::schema::SchemaError> {
    let standard = Standard::load(root, options.lang)?;
    let cache = options
        .cache
        .then(|| crate::load::cache::Cache::open(root, standard.fingerprint));
    let validate = |document: &Document| standard.schemas.validate(document, standard.lang);
    let listing = load::list(root, standard.limits, standard.lang, &|_| true);
    // What `assemble` reads of the listing (not the entries: they are most of the nation).
    let listed: Vec<(Kind, String)> = listing
        .files
        .iter()
        .filter(|(kind, _, _)| crate::resolve::catalog::indexes(*kind))
        .map(|(kind, _, rel)| (*kind, rel.clone()))
        .collect();

    // The national files and every region.yaml, once.
    let national: Vec<&(Kind, PathBuf, String)> = listing
        .files
        .iter()
        .filter(|(_, _, rel)| is_national(rel))
        .collect();
    // One bar for every file read, national or a unit's (`--region`: the units' alone).
    let count = |rel: &str| {
        is_national(rel)
            || options.regions.is_empty()
            || folder_of(rel).is_some_and(|f| options.regions.iter().any(|r| r == f))
    };
    let bar = crate::progress::phase(
        "读取并校验文件",
        listing
            .files
            .iter()
            .filter(|(_, _, rel)| count(rel))
            .count(),
    );
    let (base, base_found) = load::parse_counted(
        &national,
        standard.limits,
        standard.lang,
        cache.as_ref(),
        Some(&validate),
        &bar,
    );
    let mut folders: BTreeSet<String> = BTreeSet::new();
    for (_, _, rel) in &listing.files {
        if let Some(folder) = folder_of(rel) {
            folders.insert(folder.to_string());
        }
    }
    for d in &listing.diagnostics {
        if let Some(folder) = folder_of(&d.file) {
            folders.insert(folder.to_string());
        }
    }
    let units = Units::group(&folders, &base);
    let standard_hash = {
        let mut parts: Vec<&[u8]> = vec![standard.policy_document.source.text.as_bytes(), &[0]];
        let fingerprint = standard.fingerprint.to_le_bytes();
        parts.push(&fingerprint);
        for d in &base {
            parts.push(d.path().as_bytes());
            parts.push(d.source.text.as_bytes());
        }
        crate::load::cache::fingerprint(&parts)
    };
    let wanted: Vec<String> = if options.regions.is_empty() {
        units.folders.keys().cloned().collect()
    } else {
        let named: BTreeSet<&str> = options
            .regions
            .iter()
            .filter_map(|r| units.unit_of.get(r).map(String::as_str))
            .collect();
        named.into_iter().map(str::to_string).collect()
    };

    // Every finding the walk and the national files have, handed to each unit; each keeps its own.
    let mut shared = listing.diagnostics.clone();
    shared.extend(base_found);

    let mut by_unit: BTreeMap<&str, Vec<&(Kind, PathBuf, String)>> = BTreeMap::new();
    for file in &listing.files {
        if !is_national(&file.2)
            && let Some(unit) = units.owner(&file.2)
        {
            by_unit.entry(unit).or_default().push(file);
        }
    }

    let mut kept = Kept::default();
    // The files of the compiled units (and the national ones) that gave no document: every other
    // file of theirs was read. Kept this way round so that no second list of the nation's paths
    // is built.
    let mut unread: BTreeSet<String> = BTreeSet::new();
    // The national unit first, then each wanted unit.
    let run_unit = |unit: Option<&str>,
                    documents: Vec<Document>,
                    found: Vec<Diagnostic>,
                    key: Option<u128>,
                    per_unit: &mut dyn PerUnit,
                    kept: &mut Kept| {
        let mut diagnostics = shared.clone();
        diagnostics.extend(found);
        let loaded = load::Loaded {
            root: root.to_path_buf(),
            documents,
            diagnostics,
            listed: listed.clone(),
            // The attachment files in this unit's folders (the national unit: none of a region's).
            attachments: listing
                .attachments
                .iter()
                .filter(|a| units.owner(&a.path) == unit)
                .cloned()
                .collect(),
        };
        let folders = unit
            .and_then(|u| units.folders.get(u))
            .map_or(&[][..], Vec::as_slice);
        let scope = Options {
            regions: Vec::new(),
            own_folders: unit.map(|_| folders.to_vec()),
            ..options.clone()
        };
        let mut compiled = super::analyse(&standard, loaded, &scope);
        // A unit's conformance is its own regions' (the others have none of their entries here).
        if let Some(unit) = unit {
            compiled
                .conformance
                .regions
                .retain(|r| units.unit_of.get(&r.code).map(String::as_str) == Some(unit));
        }
        per_unit.compiled(unit.unwrap_or(""), folders, key, &mut compiled);
        let owns = |path: &str| units.owner(path) == unit;
        kept.take(&mut compiled, &owns, &|region: &str| {
            conformance && unit.is_some() && units.unit_of.get(region).map(String::as_str) == unit
        });
        compiled
    };
    // The files listed for the national unit or a unit that gave no document (`parse_counted`
    // keeps the files' order).
    let missing = |files: &[&(Kind, PathBuf, String)], documents: &[Document]| {
        let mut documents = documents.iter().map(Document::path).peekable();
        let mut unread = Vec::new();
        for (_, _, rel) in files {
            if documents.peek() == Some(&rel.as_str()) {
                documents.next();
            } else {
                unread.push(rel.clone());
            }
        }
        unread
    };
    let national_missing = missing(&national, &base);
    unread.extend(national_missing);
    let national = run_unit(None, base.clone(), Vec::new(), None, per_unit, &mut kept);
    // Units whose inputs are unchanged are read from the memo instead of compiled (`check`).
    let mut memo = (options.cache && options.memo && !conformance).then(|| {
        super::memo::Memo::open(
            root,
            &super::memo::Common {
                standard: standard_hash,
                listed: &listed,
                today: options.as_of.unwrap_or_else(crate::dates::today),
                lang: standard.lang.tag(),
                skip_rules: options.skip_rules,
                max_file_bytes: standard.limits.max_file_bytes,
            },
        )
    });
    let mut freeing: Option<std::thread::JoinHandle<()>> = None;
    for unit in &wanted {
        let files = by_unit.remove(unit.as_str()).unwrap_or_default();
        let key = match (&memo, &cache) {
            (Some(memo), Some(cache)) => {
                let walk: Vec<&Diagnostic> = shared
                    .iter()
                    .filter(|d| units.owner(&d.file) == Some(unit.as_str()))
                    .collect();
                let attachments: Vec<&crate::load::attachments::Found> = listing
                    .attachments
                    .iter()
                    .filter(|a| units.owner(&a.path) == Some(unit.as_str()))
                    .collect();
                memo.key(unit, &files, &walk, &attachments, cache)
            }
            _ => None,
        };
        if let (Some((key, file_keys)), Some(memo)) = (&key, memo.as_mut())
            && let Some(mut stored) = memo.get(*key)
            && let Some(found) = stored.findings()
            && per_unit.remembered(
                unit,
                units.folders.get(unit).map_or(&[][..], Vec::as_slice),
                *key,
            )
        {
            bar.inc(files.len() as u64);
            if let Some(cache) = &cache {
                cache.keep(file_keys);
            }
            for (path, text) in stored.sources {
                kept.sources
                    .entry(path.clone())
                    .or_insert_with(|| SourceFile::new(path, text));
            }
            kept.diagnostics.extend(found);
            unread.extend(stored.unread);
            continue;
        }
        // The last unit is freed before this one is read: two units are never held together.
        if let Some(freeing) = freeing.take() {
            let _ = freeing.join();
        }
        let (mut documents, found) = load::parse_counted(
            &files,
            standard.limits,
            standard.lang,
            cache.as_ref(),
            Some(&validate),
            &bar,
        );
        let unit_missing = missing(&files, &documents);
        drop(files);
        documents.extend(base.iter().cloned());
        documents.sort_by(|a, b| walk_order(a.path(), b.path()));
        let before = kept.diagnostics.len();
        let compiled = run_unit(
            Some(unit),
            documents,
            found,
            key.as_ref().map(|k| k.0),
            per_unit,
            &mut kept,
        );
        // Freed beside what comes next (for the last unit, the national files' output).
        freeing = Some(std::thread::spawn(move || drop(compiled)));
        if let (Some((key, _)), Some(memo)) = (key, memo.as_mut()) {
            let new = &kept.diagnostics[before..];
            // CAT305's help quotes the national item's history from git: not a function of
            // the files alone.
            let version = crate::diagnostic::codes::STANDARD_VERSION.code;
            if !new.iter().any(|d| d.code == version) {
                let mut sources = BTreeMap::new();
                for d in new {
                    for file in d.files() {
                        if let Some(source) = kept.sources.get(file) {
                            sources.insert(file.clone(), source.text.clone());
                        }
                    }
                }
                memo.put(
                    key,
                    &super::memo::Stored::new(new, sources, unit_missing.clone()),
                );
            }
        }
        unread.extend(unit_missing);
    }
    bar.finish();
    if let Some(cache) = cache {
        cache.save(options.regions.is_empty());
    }
    if let Some(memo) = memo
        && options.regions.is_empty()
    {
        memo.prune();
    }

    let mut diagnostics = kept.diagnostics;
    if !options.regions.is_empty() && !options.whole_units {
        diagnostics.retain(|d| super::in_regions(&d.file, &options.regions));
        kept.regions.retain(|r| options.regions.contains(&r.code));
    }
    diagnostic::sort(&mut diagnostics);
    kept.regions.sort_by(|a, b| a.code.cmp(&b.code));
    let compiled_unit = |rel: &str| match units.owner(rel) {
        None => true,
        Some(unit) => wanted.iter().any(|w| w == unit),
    };
    let files = listing
        .files
        .into_iter()
        .map(|(_, _, rel)| rel)
        .filter(|rel| compiled_unit(rel) && !unread.contains(rel))
        .collect();
    Ok(Findings {
        diagnostics,
        sources: kept.sources,
        files,
        regions: kept.regions,
        compiled_units: wanted,
        units,
        lang: standard.lang,
        policy_document: standard.policy_document,
        standard_hash,
        national,
    })
}

/// The regions of the subtrees of `regions` (each region and every region below it), and their
/// ancestors, in code order; `parents` gives each region folder's parent.
pub fn subtree(
    parents: &BTreeMap<String, Option<String>>,
    regions: &[String],
) -> (Vec<String>, Vec<String>) {
    let mut below: BTreeSet<String> = regions.iter().cloned().collect();
    // A region is in the subtree when one of its ancestors is (parents form no loop here:
    // a loop is stopped by the length of the chain).
    for code in parents.keys() {
        let mut current = Some(code.clone());
        for _ in 0..=parents.len() {
            let Some(c) = current else { break };
            if regions.contains(&c) {
                below.insert(code.clone());
                break;
            }
            current = parents.get(&c).cloned().flatten();
        }
    }
    let mut above = BTreeSet::new();
    for code in regions {
        let mut current = parents.get(code).cloned().flatten();
        for _ in 0..=parents.len() {
            let Some(c) = current else { break };
            if below.contains(&c) || !above.insert(c.clone()) {
                break;
            }
            current = parents.get(&c).cloned().flatten();
        }
    }
    (below.into_iter().collect(), above.into_iter().collect())
}

/// The folders of one unit (`folders`, grouped by [`Units`]) split into parts a part of which is
/// compiled at a time, each part the folders whose results it keeps. A part is a region's whole
/// subtree when that, with the files of the regions above it, holds at most `budget` files;
/// otherwise the region is kept by a part of its own with as many of its children's subtrees as
/// fit, and the other children are split the same way, the region's files counted in each of
/// their parts (a part is compiled with the regions above it: [`with_ancestors`]). `files` gives a
/// folder's number of files. A unit whose links do not form a tree (a loop) is one part.
pub fn parts(
    folders: &[String],
    parents: &BTreeMap<String, Option<String>>,
    files: &dyn Fn(&str) -> usize,
    budget: usize,
) -> Vec<Vec<String>> {
    let inside: BTreeSet<&str> = folders.iter().map(String::as_str).collect();
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut roots = Vec::new();
    for folder in folders {
        // A folder whose parent is outside the unit (or itself) is a root.
        let parent = parents.get(folder).and_then(Option::as_deref);
        match parent.and_then(|p| inside.get(p)).filter(|p| **p != folder) {
            Some(&parent) => children.entry(parent).or_default().push(folder.as_str()),
            None => roots.push(folder.as_str()),
        }
    }
    // Each folder's subtree, and the number of files in it; a folder no root reaches is on a loop.
    let mut subtrees: BTreeMap<&str, (Vec<&str>, usize)> = BTreeMap::new();
    fn measure<'a>(
        folder: &'a str,
        children: &BTreeMap<&'a str, Vec<&'a str>>,
        files: &dyn Fn(&str) -> usize,
        subtrees: &mut BTreeMap<&'a str, (Vec<&'a str>, usize)>,
    ) {
        let (mut below, mut count) = (vec![folder], files(folder));
        for &child in children.get(folder).into_iter().flatten() {
            measure(child, children, files, subtrees);
            let (theirs, n) = &subtrees[child];
            below.extend(theirs);
            count += n;
        }
        subtrees.insert(folder, (below, count));
    }
    for &root in &roots {
        measure(root, &children, files, &mut subtrees);
    }
    if subtrees.len() != folders.len() {
        return vec![folders.to_vec()];
    }
    fn split<'a>(
        folder: &'a str,
        above: usize,
        budget: usize,
        children: &BTreeMap<&'a str, Vec<&'a str>>,
        files: &dyn Fn(&str) -> usize,
        subtrees: &BTreeMap<&'a str, (Vec<&'a str>, usize)>,
        out: &mut Vec<Vec<String>>,
    ) {
        let (whole, count) = &subtrees[folder];
        if above + count <= budget {
            out.push(whole.iter().map(|f| f.to_string()).collect());
            return;
        }
        // The folder's own part, then its children's subtrees, as many to a part as fit; the
        // parts of children too large for that come after.
        let own = above + files(folder);
        let mut part = vec![folder.to_string()];
        let mut size = own;
        let mut deeper = Vec::new();
        for &child in children.get(folder).into_iter().flatten() {
            let (theirs, n) = &subtrees[child];
            if own + n > budget {
                split(child, own, budget, children, files, subtrees, &mut deeper);
                continue;
            }
            // (A child that fits beside the folder fits in a part just begun.)
            if size + n > budget {
                out.push(std::mem::take(&mut part));
                size = own;
            }
            part.extend(theirs.iter().map(|f| f.to_string()));
            size += n;
        }
        out.push(part);
        out.append(&mut deeper);
    }
    let mut out = Vec::new();
    for root in roots {
        split(root, 0, budget, &children, files, &subtrees, &mut out);
    }
    out
}

/// `folders` with every region above them, as `parents` links them.
pub fn with_ancestors(
    parents: &BTreeMap<String, Option<String>>,
    folders: &[String],
) -> BTreeSet<String> {
    let mut all: BTreeSet<String> = folders.iter().cloned().collect();
    for folder in folders {
        let mut current = parents.get(folder).cloned().flatten();
        // A loop is stopped by a region already met.
        while let Some(parent) = current {
            if !all.insert(parent.clone()) {
                break;
            }
            current = parents.get(&parent).cloned().flatten();
        }
    }
    all
}

/// The order of a sorted walk: component by component.
pub fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// What the units hand on.
#[derive(Default)]
struct Kept {
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, SourceFile>,
    regions: Vec<RegionResult>,
}

impl Kept {
    /// Keep the findings on the files `owns` accepts, the text of the files they point at, and
    /// the conformance of the regions `region` accepts.
    fn take(
        &mut self,
        compiled: &mut Compiled,
        owns: &dyn Fn(&str) -> bool,
        region: &dyn Fn(&str) -> bool,
    ) {
        let documents = &compiled.resolved.catalog.documents;
        let by_path: BTreeMap<&str, &Document> = documents.iter().map(|d| (d.path(), d)).collect();
        for d in std::mem::take(&mut compiled.diagnostics) {
            if !owns(&d.file) {
                continue;
            }
            for file in d.files() {
                if self.sources.contains_key(file) {
                    continue;
                }
                if let Some(document) = by_path.get(file.as_str()) {
                    self.sources
                        .insert(file.clone(), (*document.source).clone());
                } else if file == compiled.policy_document.path() {
                    self.sources
                        .insert(file.clone(), (*compiled.policy_document.source).clone());
                }
            }
            self.diagnostics.push(d);
        }
        // (Those not kept are freed with the compiled catalog.)
        if compiled.conformance.regions.iter().any(|r| region(&r.code)) {
            self.regions.extend(
                std::mem::take(&mut compiled.conformance.regions)
                    .into_iter()
                    .filter(|r| region(&r.code)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folders, their parents and their numbers of files.
    type Nation = (
        Vec<String>,
        BTreeMap<String, Option<String>>,
        BTreeMap<String, usize>,
    );

    /// A province (10 files) with two cities (20 and 30 files), the second with two counties
    /// (5 files each).
    fn nation() -> Nation {
        let links = [
            ("440000", None, 10),
            ("440100", Some("440000"), 20),
            ("440300", Some("440000"), 30),
            ("440304", Some("440300"), 5),
            ("440305", Some("440300"), 5),
        ];
        let folders = links.iter().map(|(f, _, _)| f.to_string()).collect();
        let parents = links
            .iter()
            .map(|(f, p, _)| (f.to_string(), p.map(str::to_string)))
            .collect();
        let sizes = links.iter().map(|(f, _, n)| (f.to_string(), *n)).collect();
        (folders, parents, sizes)
    }

    fn split(budget: usize) -> Vec<Vec<String>> {
        let (folders, parents, sizes) = nation();
        parts(&folders, &parents, &|f: &str| sizes[f], budget)
    }

    #[test]
    fn a_unit_within_the_budget_is_one_part() {
        assert_eq!(split(70), vec![nation().0]);
    }

    #[test]
    fn a_larger_unit_is_split_by_subtrees_each_part_counting_the_regions_above_it() {
        // 440000 (10) with 440100 (20) is 30; 440300's subtree (40) with its province is 50.
        assert_eq!(
            split(50),
            vec![
                vec!["440000".to_string(), "440100".to_string()],
                vec!["440300".into(), "440304".into(), "440305".into()],
            ]
        );
        // 440300's subtree no longer fits beside its province (50 > 45): it is split too, one
        // county beside it (10 + 30 + 5), the other in a part of its own (with both above it).
        assert_eq!(
            split(45),
            vec![
                vec!["440000".to_string(), "440100".into()],
                vec!["440300".into(), "440304".into()],
                vec!["440305".into()],
            ]
        );
        // Every folder in a part of its own: the finest split.
        assert_eq!(
            split(1),
            nation().0.into_iter().map(|f| vec![f]).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_unit_on_a_loop_is_one_part() {
        let (mut folders, mut parents, mut sizes) = nation();
        for (folder, parent) in [("450000", "450100"), ("450100", "450000")] {
            folders.push(folder.to_string());
            parents.insert(folder.to_string(), Some(parent.to_string()));
            sizes.insert(folder.to_string(), 1);
        }
        assert_eq!(
            parts(&folders, &parents, &|f: &str| sizes[f], 1),
            vec![folders.clone()]
        );
    }

    #[test]
    fn a_part_is_compiled_with_the_regions_above_its_folders() {
        let (_, parents, _) = nation();
        let wanted = with_ancestors(&parents, &["440305".to_string(), "440100".to_string()]);
        let expected = ["440000", "440100", "440300", "440305"];
        assert_eq!(wanted, expected.iter().map(|f| f.to_string()).collect());
    }
}
