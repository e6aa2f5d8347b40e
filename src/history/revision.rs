//! A catalog as it was at a git revision: read from git's blobs (never from the working tree)
//! and compiled like any catalog, with the schemas of that revision.

use std::collections::BTreeMap;

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
}

impl<'a> Tree<'a> {
    pub fn read(git: &'a Git, rev: &str) -> Result<Tree<'a>, GitError> {
        Ok(Tree {
            git,
            rev: rev.to_string(),
            listing: git.blobs_at(rev, &["catalog", "schema"])?,
            parents: std::cell::OnceCell::new(),
        })
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
    items: Option<&std::collections::BTreeSet<String>>,
) -> Result<Option<Compiled>, GitError> {
    use crate::pipeline::units::{folder_of, is_national, subtree};
    use rayon::prelude::*;
    let (git, rev, listing) = (tree.git, tree.rev.as_str(), &tree.listing);
    // With a scope, only the blobs it needs are read.
    let wanted: Option<std::collections::BTreeSet<String>> = match scope {
        Some(folders) => {
            let (below, above) = subtree(tree.parents()?, folders);
            Some(below.into_iter().chain(above).collect())
        }
        None => None,
    };
    let item = |code: &str| items.is_none_or(|i| i.contains(code));
    let read = |path: &str| {
        if is_national(path) {
            return national_item(path).is_none_or(item);
        }
        folder_of(path).is_none_or(|f| {
            wanted.as_ref().is_none_or(|wanted| wanted.contains(f))
                && entry_item(path).is_none_or(item)
        })
    };
    let (names, objects): (Vec<&String>, Vec<String>) = listing
        .iter()
        .filter(|(path, _)| read(path))
        .map(|(path, object)| (path, object.clone()))
        .unzip();
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(git.cat(&objects)?)
        .filter_map(|(name, bytes)| Some((name.clone(), bytes?)))
        .collect();
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
    let Some(standard) = standards[&key].as_ref() else {
        return Ok(None);
    };
    let catalog_files: Vec<(crate::load::Kind, &String, &Vec<u8>)> = files
        .iter()
        .filter_map(|(path, bytes)| crate::load::classify(path).map(|kind| (kind, path, bytes)))
        .collect();
    let parse = |(kind, path, bytes): &(crate::load::Kind, &String, &Vec<u8>)| {
        crate::load::document_from_bytes(
            *kind,
            path,
            bytes.to_vec(),
            standard.limits,
            standard.lang,
        )
    };
    let parsed: Vec<_> = catalog_files.par_iter().map(parse).collect();
    let mut loaded = crate::load::Loaded {
        root: std::path::PathBuf::from(rev),
        documents: Vec::new(),
        diagnostics: Vec::new(),
        // Every file of the revision, read or not (the catalog's index of files).
        listed: listing
            .iter()
            .filter_map(|(path, _)| Some((crate::load::classify(path)?, path.clone())))
            .collect(),
        attachments: Vec::new(),
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
    std::fs::create_dir_all(&path).map_err(GitError::Io)?;
    Ok(TempDir { path })
}
