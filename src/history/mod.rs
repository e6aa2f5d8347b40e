//! History: `catalogc changelog REV1..REV2` and the feeds, the changes between revisions in the
//! catalog's own terms.
//!
//! Each commit of the range is compared with its parent: [`revision`] reads the catalog at both
//! revisions from git (never from the working tree) and compiles it; [`compare`] compares every
//! file the commit touched through the effective-entry model: items added or retired, materials
//! added, removed or waived, limits shortened or lengthened, fees, conditions, departments and
//! phones changed, deviations introduced or resolved. Every change carries its commit, the
//! commit's date and message. A file whose content changed under an unchanged `reviewed` date is
//! reported as a warning (CAT111). The renderers are in `report::changelog`.

pub mod compare;
pub mod revision;
pub mod versions;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::load::git::{Commit, Git, GitError};
use crate::pipeline::{Compiled, Options};

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

/// Changes of every commit in `range` (`A..B`), oldest first.
pub fn changelog(root: &Path, range: &str, options: &Options) -> Result<Changelog, GitError> {
    let git = Git::open(root).ok_or_else(|| GitError::NotARepository(root.to_path_buf()))?;
    let commits = git.catalog_commits(range)?;
    let mut changes = Vec::new();
    let mut warnings = Vec::new();
    let mut cache: BTreeMap<String, Option<Compiled>> = BTreeMap::new();
    let mut standards = revision::Standards::new();
    for (commit, files) in &commits {
        if files.is_empty() {
            continue;
        }
        for rev in commit.parent.iter().chain([&commit.id]) {
            if !cache.contains_key(rev) {
                let compiled = revision::materialise(&git, rev, options, &mut standards)?;
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
            compare::compare_file(file, before, after, commit, &mut changes);
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
