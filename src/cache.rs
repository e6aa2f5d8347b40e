//! The content-addressed cache of parsed, schema-valid documents (`.catalogc-cache/`).
//!
//! A file is known by a 128-bit hash (xxh3) of its bytes, its path, its kind, catalogc's version,
//! the schema files and the input limits; when the same key comes again, its JSON is taken from
//! the cache instead of parsing and validating the YAML again. Only files that parsed cleanly and
//! passed their schema are stored, so every finding of a changed or broken file is computed
//! afresh. The cache is one file, written whole after a run (into a temporary file, then
//! renamed); one that is missing, truncated, corrupt (its checksum disagrees) or from another
//! version or schema is ignored, never trusted.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

const MAGIC: &[u8] = b"catalogc-cache 1\n";

pub struct Cache {
    path: PathBuf,
    fingerprint: u128,
    /// The body of the cache file as read, and where each key's JSON is in it (not copied).
    body: Vec<u8>,
    stored: HashMap<u128, Range<usize>>,
    /// Entries to write back: stored ones used in this run, and new ones.
    used: Mutex<Vec<u128>>,
    fresh: Mutex<Vec<(u128, Vec<u8>)>>,
}

/// A fingerprint of everything besides a file's own bytes that decides how it parses.
pub fn fingerprint(parts: &[&[u8]]) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

impl Cache {
    /// Open the cache of the catalog at `root`; a missing or unusable cache is an empty one.
    pub fn open(root: &Path, fingerprint: u128) -> Cache {
        let path = root.join(".catalogc-cache").join("documents");
        let (body, stored) = std::fs::read(&path)
            .ok()
            .and_then(|bytes| decode(bytes, fingerprint))
            .unwrap_or_default();
        Cache {
            path,
            fingerprint,
            body,
            stored,
            used: Mutex::default(),
            fresh: Mutex::default(),
        }
    }

    /// The key of a file.
    pub fn key(&self, kind: u8, path: &str, bytes: &[u8]) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&self.fingerprint.to_le_bytes());
        hasher.update(&[kind]);
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        hasher.update(bytes);
        hasher.digest128()
    }

    /// The stored JSON of a key, if any (and if it still reads as JSON).
    pub fn get(&self, key: u128) -> Option<serde_json::Value> {
        let range = self.stored.get(&key)?;
        let value = serde_json::from_slice(&self.body[range.clone()]).ok()?;
        if let Ok(mut used) = self.used.lock() {
            used.push(key);
        }
        Some(value)
    }

    /// Remember the JSON of a valid document.
    pub fn put(&self, key: u128, json: &serde_json::Value) {
        if let (Ok(bytes), Ok(mut fresh)) = (serde_json::to_vec(json), self.fresh.lock()) {
            fresh.push((key, bytes));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stored.is_empty()
    }

    /// Write the cache back. After a run over the whole catalog (`whole`) only the entries used
    /// or added are kept, so entries of changed or deleted files do not pile up; after a partial
    /// run (`check --since`) every stored entry is kept as well. Failing to write a cache is not
    /// an error.
    pub fn save(self, whole: bool) {
        let (Ok(mut used), Ok(fresh)) = (self.used.into_inner(), self.fresh.into_inner()) else {
            return;
        };
        if !whole {
            used = self.stored.keys().copied().collect();
        }
        used.sort_unstable();
        used.dedup();
        if fresh.is_empty() && used.len() == self.stored.len() {
            return;
        }
        let mut entries: Vec<(u128, &[u8])> = used
            .iter()
            .map(|k| (*k, &self.body[self.stored[k].clone()]))
            .chain(fresh.iter().map(|(k, bytes)| (*k, bytes.as_slice())))
            .collect();
        entries.sort_by_key(|(k, _)| *k);
        entries.dedup_by_key(|(k, _)| *k);
        // The checksum covers the body, so the entries are hashed first and then written out
        // (no copy of the whole body is made).
        let mut checksum = Xxh3::new();
        for (key, bytes) in &entries {
            checksum.update(&key.to_le_bytes());
            checksum.update(&(bytes.len() as u64).to_le_bytes());
            checksum.update(bytes);
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temporary = dir.join(format!("documents.tmp-{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            use std::io::Write;
            let mut out = std::io::BufWriter::new(std::fs::File::create(&temporary)?);
            out.write_all(MAGIC)?;
            out.write_all(&self.fingerprint.to_le_bytes())?;
            out.write_all(&checksum.digest128().to_le_bytes())?;
            for (key, bytes) in &entries {
                out.write_all(&key.to_le_bytes())?;
                out.write_all(&(bytes.len() as u64).to_le_bytes())?;
                out.write_all(bytes)?;
            }
            // No fsync: a cache torn by a crash fails its checksum and is ignored.
            out.flush()?;
            drop(out);
            std::fs::rename(&temporary, &self.path)
        };
        if write().is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

fn u128_at(bytes: &[u8], at: usize) -> Option<u128> {
    Some(u128::from_le_bytes(
        bytes.get(at..at + 16)?.try_into().ok()?,
    ))
}

/// The body of a cache file and where each entry is in it, or `None` when it is not one this
/// catalogc can trust.
type Decoded = (Vec<u8>, HashMap<u128, Range<usize>>);
fn decode(bytes: Vec<u8>, fingerprint: u128) -> Option<Decoded> {
    let rest = bytes.strip_prefix(MAGIC)?;
    if u128_at(rest, 0)? != fingerprint {
        return None;
    }
    let checksum = u128_at(rest, 16)?;
    let body = rest.get(32..)?;
    if xxh3_128(body) != checksum {
        return None;
    }
    let header = MAGIC.len() + 32;
    let mut entries = HashMap::new();
    let mut at = 0;
    while at < body.len() {
        let key = u128_at(body, at)?;
        let len = u64::from_le_bytes(body.get(at + 16..at + 24)?.try_into().ok()?) as usize;
        body.get(at + 24..at + 24 + len)?;
        entries.insert(key, header + at + 24..header + at + 24 + len);
        at += 24 + len;
    }
    Some((bytes, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_round_trips_and_rejects_corruption_and_other_versions() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path(), 7);
        let key = cache.key(1, "catalog/a.yaml", b"a: 1\n");
        cache.put(key, &serde_json::json!({"a": 1}));
        cache.save(true);
        let again = Cache::open(dir.path(), 7);
        assert_eq!(again.get(key), Some(serde_json::json!({"a": 1})));
        // Another fingerprint (version, schema or limits) does not trust it.
        assert!(Cache::open(dir.path(), 8).is_empty());
        // A flipped byte fails the checksum; a truncated file is ignored.
        let path = dir.path().join(".catalogc-cache/documents");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(Cache::open(dir.path(), 7).is_empty());
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        assert!(Cache::open(dir.path(), 7).is_empty());
    }
}
