//! A unit's findings kept between runs of `check` (`.catalogc-cache/units/`), so that a province
//! whose inputs did not change costs a hash of its files and a lookup, not a parse and a diff.
//!
//! A unit's findings are a function of what [`super::units::compile`] hands its analysis: the
//! unit's own files, its attachments, the findings of the walk on its files, the national files
//! and every `region.yaml` (the standard's hash), the catalog's file index, the baseline, the
//! reference date, the language, and catalogc itself. The key hashes all of them: each unit file
//! by the document cache's key (its kind, path and bytes, under the schemas' fingerprint), each
//! attachment by its bytes (or a symlink's target), catalogc by its version and its executable's
//! size and modification time (a rebuilt binary with changed rules never reads an old result).
//! A unit whose findings read git history (CAT305's help quotes the national item's changes) is
//! never kept. A stored result that is missing, unreadable or from another format is computed
//! again; a key that came up in this run is kept, every other one is deleted after a run over
//! the whole catalog.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::diagnostic::Diagnostic;
use crate::load::cache::Cache;
use crate::load::{Kind, attachments};

const FORMAT: u32 = 1;

/// The stored results of the catalog at a root.
pub struct Memo {
    root: PathBuf,
    /// Larger files are never read for a key (their unit is always compiled).
    max_file_bytes: u64,
    dir: PathBuf,
    /// The hash of every input shared by all units.
    common: u128,
    /// The keys asked for or stored in this run.
    seen: BTreeSet<u128>,
}

/// What a unit gave: the findings on its files, the text of the files they point at, and its
/// files that gave no document.
#[derive(Serialize, Deserialize, Default)]
pub struct Stored {
    format: u32,
    pub diagnostics: Vec<serde_json::Value>,
    pub sources: BTreeMap<String, String>,
    pub unread: Vec<String>,
}

impl Stored {
    pub fn new(
        diagnostics: &[Diagnostic],
        sources: BTreeMap<String, String>,
        unread: Vec<String>,
    ) -> Stored {
        Stored {
            format: FORMAT,
            diagnostics: diagnostics
                .iter()
                .filter_map(|d| serde_json::to_value(d).ok())
                .collect(),
            sources,
            unread,
        }
    }

    /// The findings as the model; `None` if one no longer reads (a code catalogc dropped).
    pub fn findings(&mut self) -> Option<Vec<Diagnostic>> {
        std::mem::take(&mut self.diagnostics)
            .into_iter()
            .map(|v| Diagnostic::deserialize(v).ok())
            .collect()
    }
}

/// The inputs every unit shares, besides the files of the unit.
pub struct Common<'a> {
    /// [`super::units::Findings::standard_hash`]: schemas, limits, policy, national files.
    pub standard: u128,
    pub listed: &'a [(Kind, String)],
    pub today: i64,
    pub lang: &'a str,
    pub skip_rules: bool,
    pub max_file_bytes: u64,
}

impl Memo {
    pub fn open(root: &Path, common: &Common<'_>) -> Memo {
        let mut hasher = Xxh3::new();
        hasher.update(b"catalogc unit memo\0");
        hasher.update(&FORMAT.to_le_bytes());
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        // The executable itself: a rebuilt binary (new rules, same version) starts afresh.
        match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(meta) => {
                hasher.update(&meta.len().to_le_bytes());
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                hasher.update(&modified.to_le_bytes());
            }
            // Unknown: a key no other run shares.
            Err(_) => hasher.update(&std::process::id().to_le_bytes()),
        }
        hasher.update(&common.standard.to_le_bytes());
        for (kind, path) in common.listed {
            hasher.update(&[*kind as u8]);
            hasher.update(path.as_bytes());
            hasher.update(&[0]);
        }
        hasher.update(&common.today.to_le_bytes());
        hasher.update(common.lang.as_bytes());
        hasher.update(&[u8::from(common.skip_rules)]);
        match std::fs::read(root.join(crate::load::suppress::BASELINE)) {
            Ok(bytes) => {
                hasher.update(&[1]);
                hasher.update(&(bytes.len() as u64).to_le_bytes());
                hasher.update(&bytes);
            }
            Err(_) => hasher.update(&[0]),
        }
        Memo {
            root: root.to_path_buf(),
            max_file_bytes: common.max_file_bytes,
            dir: root.join(".catalogc-cache").join("units"),
            common: hasher.digest128(),
            seen: BTreeSet::new(),
        }
    }

    /// The key of a unit and the document-cache keys of its files (to keep them in that cache
    /// when the unit is not read). `None` when a file cannot be read whole (too large or
    /// unreadable): such a unit is always compiled.
    pub fn key(
        &self,
        unit: &str,
        files: &[&(Kind, PathBuf, String)],
        walk_findings: &[&Diagnostic],
        attachments: &[&attachments::Found],
        cache: &Cache,
    ) -> Option<(u128, Vec<u128>)> {
        let max_file_bytes = self.max_file_bytes;
        use rayon::prelude::*;
        let keys: Vec<Option<u128>> = files
            .par_iter()
            .map(|(kind, path, rel)| {
                let size = std::fs::metadata(path).ok()?.len();
                if size > max_file_bytes {
                    return None;
                }
                let bytes = std::fs::read(path).ok()?;
                Some(cache.key(*kind as u8, rel, &bytes))
            })
            .collect();
        let keys: Vec<u128> = keys.into_iter().collect::<Option<_>>()?;
        let mut hasher = Xxh3::new();
        hasher.update(&self.common.to_le_bytes());
        hasher.update(unit.as_bytes());
        hasher.update(&[0]);
        for key in &keys {
            hasher.update(&key.to_le_bytes());
        }
        for d in walk_findings {
            hasher.update(serde_json::to_string(d).ok()?.as_bytes());
        }
        hasher.update(b"\0attachments\0");
        for found in attachments {
            hasher.update(found.path.as_bytes());
            let path = self.root.join(&found.path);
            if found.symlink {
                let target = std::fs::read_link(&path).ok()?;
                hasher.update(b"\0->");
                hasher.update(target.to_string_lossy().as_bytes());
            } else {
                let size = std::fs::metadata(&path).ok()?.len();
                if size > max_file_bytes {
                    return None;
                }
                let bytes = std::fs::read(&path).ok()?;
                hasher.update(&(bytes.len() as u64).to_le_bytes());
                hasher.update(&bytes);
            }
        }
        Some((hasher.digest128(), keys))
    }

    fn path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}.json"))
    }

    /// The stored result of a key, if there is a readable one.
    pub fn get(&mut self, key: u128) -> Option<Stored> {
        self.seen.insert(key);
        let text = std::fs::read(self.path(key)).ok()?;
        let stored: Stored = serde_json::from_slice(&text).ok()?;
        (stored.format == FORMAT).then_some(stored)
    }

    /// Keep a unit's result (written beside and renamed; failing to write is not an error).
    pub fn put(&mut self, key: u128, stored: &Stored) {
        self.seen.insert(key);
        if let Ok(text) = serde_json::to_vec(stored) {
            crate::load::cache::replace(&self.path(key), &text);
        }
    }

    /// After a run over every unit: delete the results no key of this run named.
    pub fn prune(&self) {
        prune(&self.dir, ".json", &self.seen, &[]);
    }
}

/// Delete every file of `dir` but those named `<key><ending>` for a key of `seen`, and those
/// named in `spare` (a folder of results kept by key, after a run that used every one it needs).
pub fn prune(dir: &Path, ending: &str, seen: &BTreeSet<u128>, spare: &[&str]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let kept = spare.contains(&name.as_ref())
            || name
                .strip_suffix(ending)
                .and_then(|hex| u128::from_str_radix(hex, 16).ok())
                .is_some_and(|key| seen.contains(&key));
        if !kept {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
