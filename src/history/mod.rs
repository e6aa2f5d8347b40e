//! History: `catalogc changelog REV1..REV2` and the feeds, the changes between revisions in the
//! catalog's own terms.
//!
//! Each commit of the range is compared with its parent: [`revision`] reads the catalog at both
//! revisions from git (never from the working tree) and compiles it; [`compare`] compares, through
//! the effective-entry model, every entry the commit's files can change (inheritance followed: a
//! province's change reaches the cities that inherit it), and the national items, local items,
//! regions, registries and exceptions it touched. Every change carries its commit, the commit's
//! date and message, and where it came from. A file whose content changed under an unchanged
//! `reviewed` date is reported as a warning (CAT111). The renderers are in `report::changelog`.

pub mod compare;
pub mod revision;
pub mod store;
pub mod versions;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::load::git::{Commit, Git, GitError};
use crate::pipeline::{Compiled, Options};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Change {
    /// What happened: `item_added`, `material_removed`, `limit_shortened`, …
    #[serde(deserialize_with = "store::interned")]
    pub kind: store::Static,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The item (national or local); absent for a region or a registry entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub old: Option<Value>,
    pub new: Option<Value>,
    /// One line in Chinese, old → new, for feeds and reports; an inherited change ends with where
    /// it came from (`（来自广东省实施清单）`).
    pub summary: String,
    /// Where the change came from: 全国标准, a region's name (a parent's or the region's own),
    /// 电子证照目录 or 法律法规库.
    pub source: String,
    /// The region whose file made the change, when a region's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_region: Option<String>,
    /// True when the change reached `region` from another file (the national item, a parent
    /// region's entry, a registry): the feeds list it for the region, the all-changes feed once,
    /// at its source.
    pub inherited: bool,
    /// The file whose change made it.
    pub file: String,
    pub commit: Commit,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Warning {
    #[serde(deserialize_with = "store::interned")]
    pub code: store::Static,
    pub file: String,
    pub message: String,
    pub commit: Commit,
}

#[derive(Debug, Serialize)]
pub struct Changelog {
    pub range: String,
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
    /// How many revisions were compiled to make this changelog (the rest came from the store).
    #[serde(skip)]
    pub compiled_revisions: usize,
    /// How many revisions were searched whole for `expires` dates (the rest were made from the
    /// commit before).
    #[serde(skip)]
    pub searched_revisions: usize,
}

impl Changelog {
    /// The changes a feed lists. A region's: every change of its entries and of itself,
    /// wherever it came from (a parent region's entry, the national item, a registry). The whole
    /// catalog's: each change once, where it was made.
    pub fn feed(&self, region: Option<&str>) -> Vec<Change> {
        self.changes
            .iter()
            .filter(|c| match region {
                Some(code) => c.region.as_deref() == Some(code),
                None => !c.inherited,
            })
            .cloned()
            .collect()
    }
}

/// Changes of every commit in `range` (`A..B`), oldest first.
/// The region folders a commit changed, when it changed nothing else under `catalog/` (a
/// national file, a `region.yaml`, the settings) or `schema/`; `None` when the whole catalog
/// must be compared (or `--whole-catalog` asks for it).
fn scope_of(files: &[String], options: &Options) -> Option<Vec<String>> {
    use crate::pipeline::units::{folder_of, is_national};
    if options.whole_catalog {
        return None;
    }
    let mut folders = Vec::new();
    for file in files {
        if is_national(file) {
            return None;
        }
        folders.push(folder_of(file)?.to_string());
    }
    folders.sort();
    folders.dedup();
    Some(folders)
}

/// The text of each of `files` in `compiled` (a materialised revision), by path.
fn texts(files: &[String], compiled: Option<&Compiled>) -> BTreeMap<String, String> {
    let wanted: std::collections::BTreeSet<&str> = files.iter().map(String::as_str).collect();
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
}

/// The files of a commit whose content changed under an unchanged `reviewed` date (CAT111), in
/// the commit's order.
fn stale_reviews(
    files: &[String],
    old_texts: &BTreeMap<String, String>,
    new_texts: &BTreeMap<String, String>,
    commit: &Commit,
    lang: crate::diagnostic::messages::Lang,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for file in files {
        if let (Some(old), Some(new)) = (old_texts.get(file), new_texts.get(file))
            && let Some(d) = crate::check::stale_review(file, old, new, lang)
        {
            warnings.push(Warning {
                code: d.code,
                file: file.clone(),
                message: d.message,
                commit: commit.clone(),
            });
        }
    }
    warnings
}

/// The `expires` dates of each commit compared (an exception that expires between a commit's
/// parent and the commit is a change of the commit, wherever it is): a commit's dates are its
/// base's (the commit listed before it, whose catalog is its parent's) with the files it changed
/// searched again, when the base's are known; else the whole revision is searched (`git grep`).
/// Kept in the history store, so that a build's new commit costs a search of what it changed,
/// not of the nation.
struct Expiries<'a> {
    git: &'a Git,
    store: store::Expiries,
    /// The last commit's dates.
    last: Option<(String, Vec<(String, String)>)>,
    /// How many revisions were searched whole.
    searched: usize,
}

impl Expiries<'_> {
    /// `commit`'s dates, as (path, date).
    fn of(
        &mut self,
        commit: &str,
        base: Option<&str>,
        files: &[String],
    ) -> Result<Vec<(String, String)>, GitError> {
        if let Some(dates) = self.follow(commit, base, files)? {
            return Ok(dates);
        }
        let dates = self.git.expiry_dates(commit)?;
        self.searched += 1;
        Ok(self.keep(commit, dates))
    }

    /// Keep `commit`'s dates (in the store, and as the last commit's), and give them back.
    fn keep(&mut self, commit: &str, dates: Vec<(String, String)>) -> Vec<(String, String)> {
        self.store.put(commit, &dates);
        self.last = Some((commit.to_string(), dates.clone()));
        dates
    }

    /// `commit`'s dates when they are kept or can be made from its base's; `None` otherwise.
    fn follow(
        &mut self,
        commit: &str,
        base: Option<&str>,
        files: &[String],
    ) -> Result<Option<Vec<(String, String)>>, GitError> {
        if let Some(dates) = self.known(commit) {
            self.last = Some((commit.to_string(), dates.clone()));
            return Ok(Some(dates));
        }
        let Some(mut dates) = base.and_then(|b| self.known(b)) else {
            return Ok(None);
        };
        let changed: Vec<&str> = files
            .iter()
            .map(String::as_str)
            .filter(|f| f.starts_with("catalog/regions/"))
            .collect();
        dates.retain(|(path, _)| !changed.contains(&path.as_str()));
        for (path, bytes) in changed.iter().zip(self.git.paths_at(commit, &changed)?) {
            for date in bytes
                .as_deref()
                .map(crate::load::git::expiry_dates_in)
                .unwrap_or_default()
            {
                dates.push((path.to_string(), date));
            }
        }
        // By path, each file's dates in the order they are written.
        dates.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Some(self.keep(commit, dates)))
    }

    fn known(&self, commit: &str) -> Option<Vec<(String, String)>> {
        match &self.last {
            Some((id, dates)) if id == commit => Some(dates.clone()),
            _ => self.store.get(commit),
        }
    }
}

/// How many files of region folders (at the larger of a commit's two revisions) a commit
/// compared one province at a time compiles at once, with the regions above them: a province
/// with more is compared a part at a time (`pipeline::units::parts`). At 50k entries a
/// province's 26,000 files at two revisions took 1.2 GiB.
pub const PART_FILES: usize = 8_192;

/// What [`compare_by_units`] found, and how many revisions it compiled.
struct ByUnits {
    changes: Vec<Change>,
    warnings: Vec<Warning>,
    compiled: usize,
}

/// A commit compared one province at a time: each unit (the region folders at both revisions,
/// grouped by their `parent` links, the commit's where it has the folder), or each part of a unit
/// larger than [`PART_FILES`], is materialised at both revisions with its folders and the regions
/// above them, and compared as a [`compare::Part`]: the first part records the national files'
/// changes, each part its own regions'. The parts' changes, sorted by their [`compare::Place`],
/// are the whole comparison's, in its order. `None` when the catalog has no region folder
/// (compared whole).
fn compare_by_units(
    git: &Git,
    commit: &Commit,
    files: &[String],
    since: Option<&str>,
    options: &Options,
    standards: &mut revision::Standards,
) -> Result<Option<ByUnits>, GitError> {
    // Each revision is listed once, not once for each province.
    let after_tree = revision::Tree::read(git, &commit.id)?;
    let before_tree = match &commit.parent {
        Some(parent) => Some(revision::Tree::read(git, parent)?),
        None => None,
    };
    let mut parents = after_tree.parents()?.clone();
    if let Some(tree) = &before_tree {
        for (folder, up) in tree.parents()? {
            parents.entry(folder.clone()).or_insert_with(|| up.clone());
        }
    }
    if parents.is_empty() {
        return Ok(None);
    }
    let units = crate::pipeline::units::Units::of_parents(&parents);
    // A province too large to hold at both revisions is compared a few regions at a time.
    let (after_sizes, before_sizes) = (
        after_tree.folder_sizes(),
        before_tree
            .as_ref()
            .map(revision::Tree::folder_sizes)
            .unwrap_or_default(),
    );
    let size = |folder: &str| {
        let at = |sizes: &BTreeMap<&str, usize>| sizes.get(folder).copied().unwrap_or(0);
        at(&after_sizes).max(at(&before_sizes))
    };
    let budget = options.part_files.unwrap_or(PART_FILES);
    let parts: Vec<Vec<String>> = units
        .folders
        .values()
        .flat_map(|folders| crate::pipeline::units::parts(folders, &parents, &size, budget))
        .collect();
    let mut placed = Vec::new();
    let (mut old_texts, mut new_texts) = (BTreeMap::new(), BTreeMap::new());
    let mut lang = None;
    for (i, folders) in parts.iter().enumerate() {
        // A revision's part is its folders and the regions above them at that revision; the
        // files of those above are kept for the next part, which most often shares them.
        let mut materialise = |tree: &revision::Tree<'_>| -> Result<_, GitError> {
            let wanted = crate::pipeline::units::with_ancestors(tree.parents()?, folders);
            let above = wanted.iter().filter(|f| !folders.contains(f));
            tree.share(above.cloned().collect());
            revision::materialise_folders(tree, options, standards, Some(&wanted), None)
        };
        let before = match &before_tree {
            Some(tree) => materialise(tree)?,
            None => None,
        };
        let after = materialise(&after_tree)?;
        let Some(after) = after else {
            continue;
        };
        let owns = |region: &str| folders.iter().any(|f| f == region);
        let part = compare::Part {
            national: i == 0,
            owns: &owns,
        };
        placed.extend(compare::compare_part(
            files,
            before.as_ref(),
            &after,
            commit,
            since,
            Some(&part),
        ));
        // Each file's text from the unit that owns it (the national files' from the first).
        let own_files: Vec<String> = files
            .iter()
            .filter(|f| match crate::pipeline::units::folder_of(f) {
                Some(folder) => owns(folder),
                None => i == 0,
            })
            .cloned()
            .collect();
        old_texts.extend(texts(&own_files, before.as_ref()));
        new_texts.extend(texts(&own_files, Some(&after)));
        lang.get_or_insert(after.lang);
    }
    placed.sort_by(|a, b| a.0.cmp(&b.0));
    let changes = placed.into_iter().map(|(_, change)| change).collect();
    let warnings = match lang {
        Some(lang) => stale_reviews(files, &old_texts, &new_texts, commit, lang),
        None => Vec::new(),
    };
    // The revisions compiled (each a unit at a time).
    let compiled = usize::from(commit.parent.is_some()) + 1;
    Ok(Some(ByUnits {
        changes,
        warnings,
        compiled,
    }))
}

pub fn changelog(root: &Path, range: &str, options: &Options) -> Result<Changelog, GitError> {
    let git = Git::open(root).ok_or_else(|| GitError::NotARepository(root.to_path_buf()))?;
    let commits = git.catalog_commits(range)?;
    let mut changes = Vec::new();
    let mut warnings = Vec::new();
    let mut cache: BTreeMap<String, Option<Compiled>> = BTreeMap::new();
    let mut standards = revision::Standards::new();
    // Each commit's parent's date, for exceptions that expired in between.
    let mut dates: BTreeMap<String, String> = BTreeMap::new();
    let store = store::Store::open(root, options);
    let mut expiries = Expiries {
        git: &git,
        store: store::Expiries::open(root, options),
        last: None,
        searched: 0,
    };
    let mut compiled_revisions = 0;
    let mut previous: Option<&str> = None;
    for (commit, files) in &commits {
        dates.insert(commit.id.clone(), commit.date.clone());
        // The commit listed before this one has this one's parent's catalog (the commits between
        // them changed nothing under `catalog/`); the first one's parent is its own.
        let base = previous.or(commit.parent.as_deref());
        previous = Some(&commit.id);
        if files.is_empty() {
            continue;
        }
        if let Some((kept, kept_warnings)) = store.get(commit) {
            changes.extend(kept);
            warnings.extend(kept_warnings);
            continue;
        }
        let (changes_before, warnings_before) = (changes.len(), warnings.len());
        let since = match &commit.parent {
            Some(parent) if !dates.contains_key(parent) => Some(git.date_of(parent)?),
            Some(parent) => dates.get(parent).cloned(),
            None => None,
        };
        // A commit that changed entries only (no national file, no `region.yaml`, no schema)
        // is compared on the regions it touched (with those below and above them, see
        // `revision::materialise`), at both revisions, and on those where an exception expired
        // between its parent's date and its own (an expiry is a change whatever files the
        // commit touched: `compare::Recorder::expiring`).
        let mut scope = scope_of(files, options);
        // A commit that changed national items (and entries) and nothing else national reaches
        // the entries of those items in every region, and no others.
        let items_only = scope.is_none()
            && !options.whole_catalog
            && files.iter().all(|f| {
                revision::national_item(f).is_some()
                    || (!crate::pipeline::units::is_national(f)
                        && crate::pipeline::units::folder_of(f).is_some())
            });
        // Within those folders (every one, for national items), the entries of the items the
        // commit changed (and of those whose exceptions expire).
        let mut items: Option<BTreeSet<String>> = (scope.is_some() || items_only).then(|| {
            files
                .iter()
                .filter_map(|f| revision::entry_item(f).or_else(|| revision::national_item(f)))
                .map(str::to_string)
                .collect()
        });
        let day = |date: &str| crate::dates::parse(date.get(..10)?);
        if items.is_some()
            && let (Some(from), Some(to)) = (since.as_deref().and_then(day), day(&commit.date))
        {
            let expiring = expiries.of(&commit.id, base, files)?;
            let expiring: Vec<&str> = expiring
                .iter()
                .filter(|(_, date)| crate::dates::parse(date).is_some_and(|d| from <= d && d < to))
                .map(|(f, _)| f.as_str())
                .collect();
            if let Some(folders) = &mut scope {
                let folder = crate::pipeline::units::folder_of;
                folders.extend(
                    expiring
                        .iter()
                        .filter_map(|f| folder(f))
                        .map(str::to_string),
                );
                folders.sort();
                folders.dedup();
            }
            if let Some(items) = &mut items {
                items.extend(
                    expiring
                        .iter()
                        .filter_map(|f| revision::entry_item(f))
                        .map(str::to_string),
                );
            }
        } else {
            // Kept for the next commit's search, when it costs no search of the whole catalog.
            expiries.follow(&commit.id, base, files)?;
        }
        // A commit that touched national files (or a `region.yaml`, the settings, the schemas)
        // reaches every region: it is compared one province at a time, as `check` compiles, so
        // that memory follows the largest province (`--whole-catalog` compares it whole).
        if scope.is_none()
            && !items_only
            && !options.whole_catalog
            && let Some(ByUnits {
                changes: found,
                warnings: found_warnings,
                compiled,
            }) = compare_by_units(
                &git,
                commit,
                files,
                since.as_deref(),
                options,
                &mut standards,
            )?
        {
            compiled_revisions += compiled;
            store.put(&commit.id, &found, &found_warnings);
            changes.extend(found);
            warnings.extend(found_warnings);
            // Nothing whole is kept for the next commit to reuse.
            cache.clear();
            continue;
        }
        let key = |rev: &str| {
            let items = items
                .iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(",");
            match &scope {
                Some(folders) => format!("{rev} {} {items}", folders.join(",")),
                None if items_only => format!("{rev} * {items}"),
                None => rev.to_string(),
            }
        };
        for rev in commit.parent.iter().chain([&commit.id]) {
            if let std::collections::btree_map::Entry::Vacant(slot) = cache.entry(key(rev)) {
                let tree = revision::Tree::read(&git, rev)?;
                let compiled = revision::materialise(
                    &tree,
                    options,
                    &mut standards,
                    scope.as_deref(),
                    items.as_ref(),
                )?;
                compiled_revisions += 1;
                slot.insert(compiled);
            }
        }
        let before = commit.parent.as_ref().and_then(|p| cache[&key(p)].as_ref());
        let Some(after) = cache[&key(&commit.id)].as_ref() else {
            continue;
        };
        let (old_texts, new_texts) = (texts(files, before), texts(files, Some(after)));
        changes.extend(compare::compare_commit(
            files,
            before,
            after,
            commit,
            since.as_deref(),
        ));
        warnings.extend(stale_reviews(
            files, &old_texts, &new_texts, commit, after.lang,
        ));
        store.put(
            &commit.id,
            &changes[changes_before..],
            &warnings[warnings_before..],
        );
        // Keep only what the next commit can reuse.
        let kept = key(&commit.id);
        cache.retain(|id, _| *id == kept);
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
        compiled_revisions,
        searched_revisions: expiries.searched,
    })
}
