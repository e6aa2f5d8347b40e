//! Each commit's changes, kept once computed (`.catalogc-cache/history/<commit>.json`).
//!
//! A commit's content never changes, so what it changed does not either: the feeds of every build
//! and every `changelog` read a commit's changes from here instead of compiling the catalog at
//! the commit and at its parent again. Without this a build's cost grows with the feed's depth
//! (BENCHMARKS.md). An entry is used only under the same key: catalogc's version and this
//! format, and the options that shape the changes (`--as-of`, `--region`, `--whole-catalog`); any
//! other entry, or one that cannot be read, is computed again and replaced. Entries are written
//! atomically.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Deserializer, Serialize};

use super::{Change, Warning};
use crate::pipeline::Options;

/// Bumped whenever what a commit's changes are, or how they are stored, changes.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    changes: Vec<Change>,
    warnings: Vec<Warning>,
}

pub struct Store {
    dir: Option<PathBuf>,
    key: String,
}

impl Store {
    /// The store of the catalog at `root`, or one that keeps nothing when the cache is off.
    pub fn open(root: &Path, options: &Options) -> Store {
        // Nor does a run with parts of another size (the default's key is unchanged).
        let parts = options
            .part_files
            .map(|files| format!(" parts {files}"))
            .unwrap_or_default();
        Store {
            dir: options
                .cache
                .then(|| root.join(".catalogc-cache").join("history")),
            // `--whole-catalog` is the reference the province-by-province comparison is tested
            // against: neither reads what the other kept.
            key: format!(
                "catalogc {} history {FORMAT} as-of {:?} regions {:?} whole {}{parts}",
                env!("CARGO_PKG_VERSION"),
                options.as_of,
                options.regions,
                options.whole_catalog
            ),
        }
    }

    fn path(&self, commit: &str) -> Option<PathBuf> {
        commit_file(self.dir.as_deref(), commit, "json")
    }

    /// The changes and warnings of `commit`, if kept under this store's key.
    pub fn get(&self, commit: &super::Commit) -> Option<(Vec<Change>, Vec<Warning>)> {
        let bytes = std::fs::read(self.path(&commit.id)?).ok()?;
        let stored: Stored = serde_json::from_slice(&bytes).ok()?;
        if stored.key != self.key {
            return None;
        }
        // The commit as git lists it now (its parent is not stored).
        let mut changes = stored.changes;
        for change in &mut changes {
            change.commit = commit.clone();
        }
        let mut warnings = stored.warnings;
        for warning in &mut warnings {
            warning.commit = commit.clone();
        }
        Some((changes, warnings))
    }

    /// Keep the changes and warnings of `commit`. A failure to write only costs time later.
    pub fn put(&self, commit: &str, changes: &[Change], warnings: &[Warning]) {
        let Some(path) = self.path(commit) else {
            return;
        };
        let stored = Stored {
            key: self.key.clone(),
            changes: changes.to_vec(),
            warnings: warnings.to_vec(),
        };
        if let Ok(bytes) = serde_json::to_vec(&stored) {
            crate::load::cache::replace(&path, &bytes);
        }
    }
}

/// `<dir>/<commit>.<ending>`, when the store keeps anything (`dir`) and `commit` is a commit id
/// (hexadecimal: anything else is not used as a file name).
fn commit_file(dir: Option<&Path>, commit: &str, ending: &str) -> Option<PathBuf> {
    let safe = !commit.is_empty() && commit.bytes().all(|b| b.is_ascii_hexdigit());
    Some(dir?.join(format!("{commit}.{ending}"))).filter(|_| safe)
}

/// The store of each commit's `expires` dates (`.catalogc-cache/expires/<commit>.txt`):
/// a line `<date> <path>` for each date a file under `catalog/regions/` holds at the commit. They
/// are a function of the commit's content alone, so no option is in their key.
pub struct Expiries {
    dir: Option<PathBuf>,
}

const EXPIRIES_HEADER: &str = "catalogc expires 1";

impl Expiries {
    pub fn open(root: &Path, options: &Options) -> Expiries {
        Expiries {
            dir: options
                .cache
                .then(|| root.join(".catalogc-cache").join("expires")),
        }
    }

    fn path(&self, commit: &str) -> Option<PathBuf> {
        commit_file(self.dir.as_deref(), commit, "txt")
    }

    /// The dates kept for `commit`, as (path, date).
    pub fn get(&self, commit: &str) -> Option<Vec<(String, String)>> {
        let text = std::fs::read_to_string(self.path(commit)?).ok()?;
        let mut lines = text.lines();
        if lines.next() != Some(EXPIRIES_HEADER) {
            return None;
        }
        lines
            .map(|line| {
                let (date, path) = line.split_once(' ')?;
                Some((path.to_string(), date.to_string()))
            })
            .collect()
    }

    /// Keep `commit`'s dates. A failure to write only costs a search later.
    pub fn put(&self, commit: &str, dates: &[(String, String)]) {
        let Some(path) = self.path(commit) else {
            return;
        };
        let mut text = format!("{EXPIRIES_HEADER}\n");
        for (file, date) in dates {
            // A path with a line break cannot be written as a line: keep nothing.
            if file.contains('\n') || date.contains([' ', '\n']) {
                return;
            }
            text.push_str(&format!("{date} {file}\n"));
        }
        crate::load::cache::replace(&path, text.as_bytes());
    }
}

/// A string known when catalogc was built (a change's kind, a warning's code). Named, so that
/// serde's derive does not take the field for one borrowed from the input.
pub type Static = &'static str;

/// A `&'static str` for a stored one (a change's kind, a warning's code): each distinct string
/// is allocated once per process, so reading the store does not leak per change.
pub fn interned<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let text = String::deserialize(deserializer)?;
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.get(text.as_str()) {
        return Ok(known);
    }
    let leaked: &'static str = Box::leak(text.into_boxed_str());
    seen.insert(leaked);
    Ok(leaked)
}
