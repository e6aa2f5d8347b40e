//! The content-addressed cache of parsed, schema-valid documents (`.catalogc-cache/`).
//!
//! A file is known by a 128-bit hash (xxh3) of its bytes, its path, its kind, catalogc's version,
//! the schema files and the input limits; when the same key comes again, its JSON is taken from
//! the cache instead of parsing and validating the YAML again. Only files that parsed cleanly and
//! passed their schema are stored, so every finding of a changed or broken file is computed
//! afresh. The cache is one file, written whole after a run (into a temporary file, then
//! renamed) and read entry by entry when a key is asked for (its index alone is held: about 50
//! bytes a document, where the whole file is about 1.5 KB a document); one that is missing, truncated, corrupt (its checksum disagrees) or from another
//! version or schema is ignored, never trusted.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::Xxh3;

const MAGIC: &[u8] = b"catalogc-cache 2\n";

pub struct Cache {
    path: PathBuf,
    fingerprint: u128,
    /// The cache file as opened, read entry by entry when a key is asked for (never whole: at
    /// 1.5 million documents it is gigabytes), and where each key's value is in it.
    file: Option<Mutex<File>>,
    stored: HashMap<u128, Range<u64>>,
    /// Entries to write back: stored ones used in this run, and new ones (spilled to an unnamed
    /// temporary file as they come, not held).
    used: Mutex<Vec<u128>>,
    fresh: Mutex<Fresh>,
}

/// The entries added in this run: their bytes in a temporary file, and where each one is.
#[derive(Default)]
struct Fresh {
    out: Option<BufWriter<File>>,
    len: u64,
    at: Vec<(u128, Range<u64>)>,
    /// A write failed: nothing more is added (the cache is written without them).
    failed: bool,
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
        let (file, stored) = File::open(&path)
            .ok()
            .and_then(|file| index(file, fingerprint))
            .map_or_else(|| (None, HashMap::new()), |(f, s)| (Some(Mutex::new(f)), s));
        Cache {
            path,
            fingerprint,
            file,
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
        let bytes = read_at(self.file.as_ref()?, range.clone())?;
        let value = binary::decode(&bytes)?;
        if let Ok(mut used) = self.used.lock() {
            used.push(key);
        }
        Some(value)
    }

    /// Keep the entries of `keys` when the cache is saved, without reading them (the files of a
    /// unit whose findings were taken from `crate::pipeline::memo`).
    pub fn keep(&self, keys: &[u128]) {
        if let Ok(mut used) = self.used.lock() {
            used.extend(keys.iter().filter(|k| self.stored.contains_key(k)));
        }
    }

    /// Remember the JSON of a valid document.
    pub fn put(&self, key: u128, json: &serde_json::Value) {
        let bytes = binary::encode(json);
        let Ok(mut fresh) = self.fresh.lock() else {
            return;
        };
        if fresh.failed {
            return;
        }
        if fresh.out.is_none() {
            match tempfile::tempfile() {
                Ok(file) => fresh.out = Some(BufWriter::with_capacity(1 << 20, file)),
                Err(_) => {
                    fresh.failed = true;
                    return;
                }
            }
        }
        let written = fresh.out.as_mut().map(|out| out.write_all(&bytes));
        if matches!(written, Some(Ok(()))) {
            let start = fresh.len;
            fresh.len += bytes.len() as u64;
            let end = fresh.len;
            fresh.at.push((key, start..end));
        } else {
            fresh.failed = true;
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
        // After a failed write the spilled entries are not trusted: none is kept.
        let added = if fresh.failed { Vec::new() } else { fresh.at };
        if added.is_empty() && used.len() == self.stored.len() {
            return;
        }
        let fresh_file = match fresh.out.map(BufWriter::into_inner) {
            Some(Ok(file)) => Some(Mutex::new(file)),
            Some(Err(_)) => return,
            None => None,
        };
        // Each entry: which file it is read from (the old cache or this run's) and where.
        let mut entries: Vec<(u128, bool, Range<u64>)> = used
            .iter()
            .filter_map(|k| Some((*k, false, self.stored.get(k)?.clone())))
            .chain(added.into_iter().map(|(k, range)| (k, true, range)))
            .collect();
        entries.sort_by_key(|(k, _, _)| *k);
        entries.dedup_by_key(|(k, _, _)| *k);
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temporary = dir.join(format!("documents.tmp-{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut out = BufWriter::with_capacity(1 << 20, File::create(&temporary)?);
            out.write_all(MAGIC)?;
            out.write_all(&self.fingerprint.to_le_bytes())?;
            // The checksum covers the body: written as a placeholder, then in place once the
            // body has been hashed on its way out (no copy of the whole body is held).
            out.write_all(&0u128.to_le_bytes())?;
            let mut checksum = Xxh3::new();
            for (key, from_fresh, range) in &entries {
                let file = if *from_fresh {
                    fresh_file.as_ref()
                } else {
                    self.file.as_ref()
                };
                let bytes = file
                    .and_then(|f| read_at(f, range.clone()))
                    .ok_or_else(|| std::io::Error::other("cache entry unreadable"))?;
                let head = [
                    key.to_le_bytes().as_slice(),
                    &(bytes.len() as u64).to_le_bytes(),
                ]
                .concat();
                checksum.update(&head);
                checksum.update(&bytes);
                out.write_all(&head)?;
                out.write_all(&bytes)?;
            }
            let mut file = out
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            file.seek(SeekFrom::Start((MAGIC.len() + 16) as u64))?;
            file.write_all(&checksum.digest128().to_le_bytes())?;
            // No fsync: a cache torn by a crash fails its checksum and is ignored.
            drop(file);
            std::fs::rename(&temporary, &self.path)
        };
        if write().is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

/// The bytes of `range` in a file shared between threads.
fn read_at(file: &Mutex<File>, range: Range<u64>) -> Option<Vec<u8>> {
    let mut file = file.lock().ok()?;
    file.seek(SeekFrom::Start(range.start)).ok()?;
    let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
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

/// Where each entry of a cache file is, read through once (its checksum verified on the way,
/// nothing kept but the index), or `None` when it is not one this catalogc can trust.
fn index(file: File, fingerprint: u128) -> Option<(File, HashMap<u128, Range<u64>>)> {
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut header = vec![0; MAGIC.len() + 32];
    reader.read_exact(&mut header).ok()?;
    let rest = header.strip_prefix(MAGIC)?;
    if u128_at(rest, 0)? != fingerprint {
        return None;
    }
    let checksum = u128_at(rest, 16)?;
    let mut hasher = Xxh3::new();
    let mut entries = HashMap::new();
    let mut at = header.len() as u64;
    let mut head = [0u8; 24];
    let mut bytes = Vec::new();
    loop {
        // The end of the file may come only between entries.
        match reader.read(&mut head[..1]) {
            Ok(0) => break,
            Ok(_) => reader.read_exact(&mut head[1..]).ok()?,
            Err(_) => return None,
        }
        let key = u128_at(&head, 0)?;
        let len = u64::from_le_bytes(head[16..24].try_into().ok()?);
        bytes.resize(usize::try_from(len).ok()?, 0);
        reader.read_exact(&mut bytes).ok()?;
        hasher.update(&head);
        hasher.update(&bytes);
        entries.insert(key, at + 24..at + 24 + len);
        at += 24 + len;
    }
    (hasher.digest128() == checksum).then(|| (reader.into_inner(), entries))
}

/// Put `bytes` at `path` whole or not at all: written beside it (creating its folder), then
/// renamed over it. False, with nothing left behind, when either step fails; the stores of
/// results use it, for which a failed write only costs the work again next time.
pub fn replace(path: &Path, bytes: &[u8]) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let done = std::fs::create_dir_all(dir).is_ok()
        && std::fs::write(&temporary, bytes).is_ok()
        && std::fs::rename(&temporary, path).is_ok();
    if !done {
        let _ = std::fs::remove_file(&temporary);
    }
    done
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
