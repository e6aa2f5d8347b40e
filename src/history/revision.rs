//! A catalog as it was at a git revision: read from git's blobs (never from the working tree)
//! and compiled like any catalog, with the schemas of that revision.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::git::{Git, GitError};
use crate::pipeline::{self, Compiled, Options};

/// The schemas and policy of each distinct `schema/` folder (and limits) met in the history.
pub type Standards = BTreeMap<u128, Option<pipeline::Standard>>;

/// A revision's files, listed once however many times it is materialised (a commit compared one
/// province at a time materialises it once for each province): every path under `catalog/`
/// and `schema/` with its blob, and the region folders' `parent` links, read when first needed.
pub struct Tree<'a> {
    git: &'a Git,
    rev: String,
    listing: Vec<(String, String)>,
    parents: std::cell::OnceCell<BTreeMap<String, Option<String>>>,
    kept: std::cell::RefCell<Kept>,
}

/// A catalog file as parsed (and checked against the schemas), with its findings.
type Parsed = (
    Option<crate::load::Document>,
    Vec<crate::diagnostic::Diagnostic>,
);

/// What a tree keeps from one materialisation for the next (a province compared a part at a
/// time reads the national files and the regions above its parts once): the standard's key, and
/// the parsed national files and files of the folders [`Tree::share`] names.
#[derive(Default)]
struct Kept {
    standard: Option<u128>,
    folders: BTreeSet<String>,
    parsed: BTreeMap<String, Parsed>,
}

impl Kept {
    fn shares(&self, path: &str) -> bool {
        crate::pipeline::units::is_national(path)
            || crate::pipeline::units::folder_of(path).is_some_and(|f| self.folders.contains(f))
    }
}

impl<'a> Tree<'a> {
    pub fn read(git: &'a Git, rev: &str) -> Result<Tree<'a>, GitError> {
        Ok(Tree {
            git,
            rev: rev.to_string(),
            listing: git.blobs_at(rev, &["catalog", "schema"])?,
            parents: std::cell::OnceCell::new(),
            kept: Default::default(),
        })
    }

    /// Keep the parsed files of `folders` (besides the national files) for the next
    /// materialisations, and no longer those of any other folder.
    pub fn share(&self, folders: BTreeSet<String>) {
        let mut kept = self.kept.borrow_mut();
        kept.folders = folders;
        let parsed = std::mem::take(&mut kept.parsed);
        kept.parsed = parsed
            .into_iter()
            .filter(|(path, _)| kept.shares(path))
            .collect();
    }

    /// The number of files in each region folder at this revision.
    pub fn folder_sizes(&self) -> BTreeMap<&str, usize> {
        let mut sizes = BTreeMap::new();
        for (path, _) in &self.listing {
            if let Some(folder) = crate::pipeline::units::folder_of(path) {
                *sizes.entry(folder).or_default() += 1;
            }
        }
        sizes
    }

    /// Each region folder's parent, as this revision's `region.yaml` files give it.
    pub fn parents(&self) -> Result<&BTreeMap<String, Option<String>>, GitError> {
        if let Some(parents) = self.parents.get() {
            return Ok(parents);
        }
        let parents = self.git.region_parents(&self.listing)?;
        Ok(self.parents.get_or_init(|| parents))
    }
}

/// The national item a national item's file is: `catalog/national/<code>.yaml` → `<code>`.
pub fn national_item(path: &str) -> Option<&str> {
    let name = path.strip_prefix("catalog/national/")?;
    if name.contains('/') {
        return None;
    }
    name.strip_suffix(".yaml")
}

/// The national item an entry's file is of: `catalog/regions/<region>/<code>.yaml` → `<code>`
/// (not `region.yaml`, local items or any other file of the folder).
pub fn entry_item(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("catalog/regions/")?;
    let (_, name) = rest.split_once('/')?;
    if name.contains('/') || name == "region.yaml" {
        return None;
    }
    name.strip_suffix(".yaml")
}

/// The catalog as it was at a revision, compiled from git's blobs in memory. The schema folder
/// (and `catalog.yaml`, for the limits) is written to a temporary folder only the first time a
/// given version of it is met.
///
/// With `scope` (region folders), only the national files, those folders, every region below
/// them and their ancestors are compiled: a commit that changed entries of one city needs that
/// city, the regions that inherit from it and those it inherits from, at both revisions, not its
/// province or the nation (the changes of a regional entry are those of the regions whose
/// `parent` chain holds it: `compare::compare_commit`). With `items` (with or without `scope`),
/// the national items and the folders' entries are read for those items alone (the other national
/// files, the folders' other files, local items and attachments, are all read): a commit that
/// changed entries compares the effective entries of the items it changed, which are made of the
/// national item and the item's entries in the region's chain. The tree is this revision's.
pub fn materialise(
    tree: &Tree<'_>,
    options: &Options,
    standards: &mut Standards,
    scope: Option<&[String]>,
    items: Option<&BTreeSet<String>>,
) -> Result<Option<Compiled>, GitError> {
    // With a scope, only the blobs it needs are read.
    let wanted: Option<BTreeSet<String>> = match scope {
        Some(folders) => {
            let (below, above) = crate::pipeline::units::subtree(tree.parents()?, folders);
            Some(below.into_iter().chain(above).collect())
        }
        None => None,
    };
    materialise_folders(tree, options, standards, wanted.as_ref(), items)
}

/// [`materialise`] with the region folders read named one by one (`None`: all of them): those
/// folders alone, without the regions above or below them.
pub fn materialise_folders(
    tree: &Tree<'_>,
    options: &Options,
    standards: &mut Standards,
    wanted: Option<&BTreeSet<String>>,
    items: Option<&BTreeSet<String>>,
) -> Result<Option<Compiled>, GitError> {
    use crate::load::classify;
    use crate::pipeline::units::{folder_of, is_national};
    use rayon::prelude::*;
    let (git, rev, listing) = (tree.git, tree.rev.as_str(), &tree.listing);
    let item = |code: &str| items.is_none_or(|i| i.contains(code));
    let read = |path: &str| {
        if is_national(path) {
            return national_item(path).is_none_or(item);
        }
        folder_of(path).is_none_or(|f| {
            wanted.is_none_or(|wanted| wanted.contains(f)) && entry_item(path).is_none_or(item)
        })
    };
    let mut kept = tree.kept.borrow_mut();
    // Once the standard is known, only the catalog files not kept from before are read.
    let known = kept.standard.filter(|key| standards.contains_key(key));
    let fetch = |path: &str| {
        read(path)
            && (known.is_none() || (classify(path).is_some() && !kept.parsed.contains_key(path)))
    };
    let (names, objects): (Vec<&String>, Vec<String>) = listing
        .iter()
        .filter(|(path, _)| fetch(path))
        .map(|(path, object)| (path, object.clone()))
        .unzip();
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(git.cat(&objects)?)
        .filter_map(|(name, bytes)| Some((name.clone(), bytes?)))
        .collect();
    let key = match known {
        Some(key) => key,
        None => {
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
                        std::fs::create_dir_all(parent).map_err(GitError::Io)?;
                    }
                    std::fs::write(&target, bytes).map_err(GitError::Io)?;
                }
                slot.insert(pipeline::Standard::load(&dir.path, options.lang).ok());
            }
            kept.standard = Some(key);
            key
        }
    };
    let Some(standard) = standards[&key].as_ref() else {
        return Ok(None);
    };
    // Each file parsed and checked against the schemas here, so that a file kept for the next
    // part is checked once.
    let parse = |(path, bytes): &(String, Vec<u8>)| -> Option<Parsed> {
        let kind = classify(path)?;
        let (mut document, mut found) = crate::load::document_from_bytes(
            kind,
            path,
            bytes.to_vec(),
            standard.limits,
            standard.lang,
        );
        if let Some(document) = document.as_mut() {
            let validate = |d: &crate::load::Document| standard.schemas.validate(d, standard.lang);
            found.extend(document.check_schema(validate, None));
        }
        Some((document, found))
    };
    let mut parsed: BTreeMap<&str, Parsed> = files
        .par_iter()
        .filter_map(|file| Some((file.0.as_str(), parse(file)?)))
        .collect();
    let mut loaded = crate::load::Loaded {
        root: std::path::PathBuf::from(rev),
        documents: Vec::new(),
        diagnostics: Vec::new(),
        // Every file of the revision, read or not (the catalog's index of files).
        listed: listing
            .iter()
            .filter_map(|(path, _)| Some((classify(path)?, path.clone())))
            .collect(),
        attachments: Vec::new(),
    };
    // In the listing's order, each file as parsed now or as kept.
    for (path, _) in listing.iter().filter(|(path, _)| read(path)) {
        let (document, found) = match parsed.remove(path.as_str()) {
            Some(now) => {
                if kept.shares(path) {
                    kept.parsed.insert(path.clone(), now.clone());
                }
                now
            }
            None => match kept.parsed.get(path.as_str()) {
                Some(before) => before.clone(),
                None => continue,
            },
        };
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
    std::fs::create_dir_all(&path).map_err(GitError::Io)?;
    Ok(TempDir { path })
}
