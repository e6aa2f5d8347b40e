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

const MAGIC: &[u8] = b"catalogc-cache 2\n";

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
        let value = binary::decode(&self.body[range.clone()])?;
        if let Ok(mut used) = self.used.lock() {
            used.push(key);
        }
        Some(value)
    }

    /// Remember the JSON of a valid document.
    pub fn put(&self, key: u128, json: &serde_json::Value) {
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.push((key, binary::encode(json)));
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

/// The cache's encoding of a JSON value: a tag byte, then for numbers 8 bytes, for strings,
/// arrays and objects a length (LEB128) and the contents; object keys are strings without a tag.
/// Reading it back is several times cheaper than parsing JSON text. Decoding checks everything
/// (tags, lengths, UTF-8, nesting depth) and gives `None` for anything malformed.
mod binary {
    use serde_json::{Map, Number, Value};

    const NULL: u8 = 0;
    const FALSE: u8 = 1;
    const TRUE: u8 = 2;
    const UNSIGNED: u8 = 3;
    const SIGNED: u8 = 4;
    const FLOAT: u8 = 5;
    const STRING: u8 = 6;
    const ARRAY: u8 = 7;
    const OBJECT: u8 = 8;
    /// Deeper than any document the input limits let through.
    const MAX_DEPTH: usize = 256;

    pub fn encode(value: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        put(&mut out, value);
        out
    }

    fn length(out: &mut Vec<u8>, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    fn text(out: &mut Vec<u8>, s: &str) {
        length(out, s.len());
        out.extend_from_slice(s.as_bytes());
    }

    fn put(out: &mut Vec<u8>, value: &Value) {
        match value {
            Value::Null => out.push(NULL),
            Value::Bool(false) => out.push(FALSE),
            Value::Bool(true) => out.push(TRUE),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    out.push(UNSIGNED);
                    out.extend_from_slice(&u.to_le_bytes());
                } else if let Some(i) = n.as_i64() {
                    out.push(SIGNED);
                    out.extend_from_slice(&i.to_le_bytes());
                } else {
                    out.push(FLOAT);
                    out.extend_from_slice(&n.as_f64().unwrap_or(0.0).to_le_bytes());
                }
            }
            Value::String(s) => {
                out.push(STRING);
                text(out, s);
            }
            Value::Array(items) => {
                out.push(ARRAY);
                length(out, items.len());
                for item in items {
                    put(out, item);
                }
            }
            Value::Object(map) => {
                out.push(OBJECT);
                length(out, map.len());
                for (key, item) in map {
                    text(out, key);
                    put(out, item);
                }
            }
        }
    }

    pub fn decode(bytes: &[u8]) -> Option<Value> {
        let mut reader = Reader { bytes, at: 0 };
        let value = reader.value(0)?;
        (reader.at == bytes.len()).then_some(value)
    }

    struct Reader<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl Reader<'_> {
        fn take(&mut self, n: usize) -> Option<&[u8]> {
            let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
            self.at += n;
            Some(slice)
        }

        fn eight(&mut self) -> Option<[u8; 8]> {
            self.take(8)?.try_into().ok()
        }

        fn length(&mut self) -> Option<usize> {
            let mut n = 0usize;
            for shift in (0..64).step_by(7) {
                let byte = *self.take(1)?.first()?;
                n |= usize::from(byte & 0x7f).checked_shl(shift)?;
                if byte & 0x80 == 0 {
                    // A length can never exceed what is left to read.
                    return (n <= self.bytes.len() - self.at).then_some(n);
                }
            }
            None
        }

        fn text(&mut self) -> Option<String> {
            let n = self.length()?;
            std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
        }

        fn value(&mut self, depth: usize) -> Option<Value> {
            if depth > MAX_DEPTH {
                return None;
            }
            Some(match *self.take(1)?.first()? {
                NULL => Value::Null,
                FALSE => Value::Bool(false),
                TRUE => Value::Bool(true),
                UNSIGNED => Value::from(u64::from_le_bytes(self.eight()?)),
                SIGNED => Value::from(i64::from_le_bytes(self.eight()?)),
                FLOAT => Value::Number(Number::from_f64(f64::from_le_bytes(self.eight()?))?),
                STRING => Value::String(self.text()?),
                ARRAY => {
                    let n = self.length()?;
                    let mut items = Vec::with_capacity(n);
                    for _ in 0..n {
                        items.push(self.value(depth + 1)?);
                    }
                    Value::Array(items)
                }
                OBJECT => {
                    let n = self.length()?;
                    let mut map = Map::new();
                    for _ in 0..n {
                        let key = self.text()?;
                        let item = self.value(depth + 1)?;
                        map.insert(key, item);
                    }
                    Value::Object(map)
                }
                _ => return None,
            })
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn values_round_trip_and_malformed_bytes_are_rejected() {
            let value = serde_json::json!({
                "code": "000120010000", "copies": 2, "delta": -3, "amount": 12.5,
                "required": true, "waived": false, "note": null,
                "lines": [{"id": "身份证", "medium": ["paper", "electronic"]}, [], {}],
            });
            let bytes = encode(&value);
            assert_eq!(decode(&bytes), Some(value));
            for cut in 0..bytes.len() {
                assert_eq!(decode(&bytes[..cut]), None, "truncated at {cut}");
            }
            let mut extra = bytes.clone();
            extra.push(NULL);
            assert_eq!(decode(&extra), None, "trailing bytes");
            assert_eq!(decode(&[9]), None, "unknown tag");
            assert_eq!(decode(&[STRING, 2, 0xff, 0xfe]), None, "not UTF-8");
            assert_eq!(
                decode(&[ARRAY, 0xff, 0xff, 0xff, 0xff, 0x0f]),
                None,
                "length past the end"
            );
            let deep = [[ARRAY, 1]; 300].concat();
            assert_eq!(decode(&deep), None, "nesting deeper than any document");
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
