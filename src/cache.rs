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
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

const MAGIC: &[u8] = b"catalogc-cache 1\n";

pub struct Cache {
    path: PathBuf,
    fingerprint: u128,
    stored: HashMap<u128, Vec<u8>>,
    /// Entries to write back: the ones used in this run and the new ones.
    keep: Mutex<HashMap<u128, Vec<u8>>>,
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
        let stored = std::fs::read(&path)
            .ok()
            .and_then(|bytes| decode(&bytes, fingerprint))
            .unwrap_or_default();
        Cache {
            path,
            fingerprint,
            stored,
            keep: Mutex::new(HashMap::new()),
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
        let bytes = self.stored.get(&key)?;
        let value = serde_json::from_slice(bytes).ok()?;
        if let Ok(mut keep) = self.keep.lock() {
            keep.insert(key, bytes.clone());
        }
        Some(value)
    }

    /// Remember the JSON of a valid document.
    pub fn put(&self, key: u128, json: &serde_json::Value) {
        if let (Ok(bytes), Ok(mut keep)) = (serde_json::to_vec(json), self.keep.lock()) {
            keep.insert(key, bytes);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stored.is_empty()
    }

    /// Write the entries used or added in this run. Failing to write a cache is not an error.
    pub fn save(self) {
        let Ok(keep) = self.keep.into_inner() else {
            return;
        };
        let unchanged =
            keep.len() == self.stored.len() && keep.keys().all(|k| self.stored.contains_key(k));
        if unchanged {
            return;
        }
        let mut entries: Vec<(u128, Vec<u8>)> = keep.into_iter().collect();
        entries.sort_by_key(|(k, _)| *k);
        let mut body = Vec::new();
        for (key, bytes) in &entries {
            body.extend_from_slice(&key.to_le_bytes());
            body.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            body.extend_from_slice(bytes);
        }
        let mut file = MAGIC.to_vec();
        file.extend_from_slice(&self.fingerprint.to_le_bytes());
        file.extend_from_slice(&xxh3_128(&body).to_le_bytes());
        file.extend_from_slice(&body);
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temporary = dir.join(format!("documents.tmp-{}", std::process::id()));
        if std::fs::write(&temporary, &file).is_ok()
            && std::fs::rename(&temporary, &self.path).is_err()
        {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

fn u128_at(bytes: &[u8], at: usize) -> Option<u128> {
    Some(u128::from_le_bytes(
        bytes.get(at..at + 16)?.try_into().ok()?,
    ))
}

/// The entries of a cache file, or `None` when it is not one this catalogc can trust.
fn decode(bytes: &[u8], fingerprint: u128) -> Option<HashMap<u128, Vec<u8>>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    if u128_at(rest, 0)? != fingerprint {
        return None;
    }
    let checksum = u128_at(rest, 16)?;
    let body = rest.get(32..)?;
    if xxh3_128(body) != checksum {
        return None;
    }
    let mut entries = HashMap::new();
    let mut at = 0;
    while at < body.len() {
        let key = u128_at(body, at)?;
        let len = u64::from_le_bytes(body.get(at + 16..at + 24)?.try_into().ok()?) as usize;
        let value = body.get(at + 24..at + 24 + len)?;
        entries.insert(key, value.to_vec());
        at += 24 + len;
    }
    Some(entries)
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
        cache.save();
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
