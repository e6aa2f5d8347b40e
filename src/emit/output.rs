//! The atomic write of a build: every file goes into a staging folder beside the output folder,
//! which replaces the output only once everything is written; a failed or interrupted build
//! leaves the previous output as it was.
//!
//! What the previous build already made is not made again. A region whose inputs have the
//! fingerprint they had ([`super::units`]) keeps its folders: they are moved, one rename per
//! folder, from the previous output into the new one at the moment of the switch, after a journal
//! of the moves is written beside the output, so that a build killed during the moves is undone by
//! the next one ([`recover`]). A page made from the same templates and context as before is
//! hard-linked from the previous output, and so is every other file whose bytes are unchanged.
//! Two hidden manifests in the output say what it was made from: `.catalogc-pages` (each page's
//! key and length) and `.catalogc-regions` (each region's key, file count and size).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use super::units::{region_dirs, region_of};
use super::{BuildError, Compiled, Sink, Site, Written, io, safe};

/// The manifest of the pages a build rendered, kept in the output folder (hidden) so that it is
/// replaced together with the files it describes: one line per page, `<key> <length> <path>`.
const MANIFEST: &str = ".catalogc-pages";
const MANIFEST_HEADER: &str = "catalogc-pages 1";

/// The manifest of the regions: one line per region, `<key> <files> <bytes> <region>`.
const REGIONS: &str = ".catalogc-regions";
const REGIONS_HEADER: &str = "catalogc-regions 1";

fn read_manifest(out: &Path) -> HashMap<String, (u128, u64)> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return Default::default();
    };
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEADER) {
        return Default::default();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let key = u128::from_str_radix(parts.next()?, 16).ok()?;
            let len = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), (key, len)))
        })
        .collect()
}

/// What a region's folders held when they were made.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Made {
    key: u128,
    files: usize,
    bytes: u64,
}

fn read_regions(out: &Path) -> HashMap<String, Made> {
    let Ok(text) = std::fs::read_to_string(out.join(REGIONS)) else {
        return Default::default();
    };
    let mut lines = text.lines();
    if lines.next() != Some(REGIONS_HEADER) {
        return Default::default();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.splitn(4, ' ');
            let key = u128::from_str_radix(parts.next()?, 16).ok()?;
            let files = parts.next()?.parse().ok()?;
            let bytes = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), Made { key, files, bytes }))
        })
        .collect()
}

/// Writes into a staging folder. A file whose bytes equal the previous output's is hard-linked
/// from it instead of being written again.
struct Staging {
    dir: PathBuf,
    previous: Option<PathBuf>,
    written: AtomicUsize,
    kept: AtomicUsize,
    bytes: AtomicUsize,
    /// The previous build's pages: path → (key, length), from its manifest.
    pages_before: HashMap<String, (u128, u64)>,
    /// This build's pages and their keys, for its manifest.
    pages_now: Mutex<Vec<(String, u128)>>,
    reused: AtomicUsize,
    /// The previous build's regions, from its manifest.
    regions_before: HashMap<String, Made>,
    /// This build's regions: their keys, and the files and bytes put in their folders.
    regions_now: Mutex<HashMap<String, Made>>,
    /// The regions whose folders are taken from the previous output.
    moved: Mutex<Vec<String>>,
    /// Files of the previous output whose length and hash the build knows
    /// ([`super::Sink::previous_was`]).
    known: Mutex<HashMap<String, (u64, u128)>>,
}

impl Staging {
    fn new(dir: PathBuf, previous: Option<PathBuf>, reuse: bool) -> Staging {
        let (pages_before, regions_before) = match &previous {
            Some(out) if reuse => (read_manifest(out), read_regions(out)),
            _ => Default::default(),
        };
        Staging {
            dir,
            previous,
            written: Default::default(),
            kept: Default::default(),
            bytes: Default::default(),
            pages_before,
            pages_now: Default::default(),
            reused: Default::default(),
            regions_before,
            regions_now: Default::default(),
            moved: Default::default(),
            known: Default::default(),
        }
    }

    /// Where `path` goes in the staging folder, its folder made; an unsafe path is refused.
    fn target(&self, path: &str) -> Result<PathBuf, BuildError> {
        if !safe(path) {
            return Err(BuildError::UnsafePath(path.to_string()));
        }
        let target = self.dir.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Ok(target)
    }

    /// Count a file of `len` bytes put at `path` toward its region.
    fn count(&self, path: &str, len: u64) {
        if let Some(region) = region_of(path)
            && let Ok(mut now) = self.regions_now.lock()
        {
            let made = now.entry(region.to_string()).or_default();
            made.files += 1;
            made.bytes += len;
        }
    }

    fn moved(&self) -> Vec<String> {
        let mut moved = self.moved.lock().map(|m| m.clone()).unwrap_or_default();
        moved.sort();
        moved
    }

    fn write_manifests(&self) -> Result<(), BuildError> {
        use std::fmt::Write;
        let moved: HashSet<String> = self.moved().into_iter().collect();
        let mut pages: Vec<(String, u128, u64)> = self
            .pages_now
            .lock()
            .map(|p| p.clone())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(path, key)| {
                let meta = std::fs::metadata(self.dir.join(&path)).ok()?;
                Some((path, key, meta.len()))
            })
            .collect();
        // The pages of the regions taken whole are as the previous build listed them.
        pages.extend(
            self.pages_before
                .iter()
                .filter(|(path, _)| region_of(path).is_some_and(|r| moved.contains(r)))
                .map(|(path, &(key, len))| (path.clone(), key, len)),
        );
        pages.sort();
        let mut text = format!("{MANIFEST_HEADER}\n");
        for (path, key, len) in pages {
            let _ = writeln!(text, "{key:032x} {len} {path}");
        }
        let path = self.dir.join(MANIFEST);
        std::fs::write(&path, text).map_err(io(&path))?;

        let regions = self
            .regions_now
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        let mut regions: Vec<(String, Made)> = regions.into_iter().collect();
        regions.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = format!("{REGIONS_HEADER}\n");
        for (region, made) in regions {
            let _ = writeln!(
                text,
                "{:032x} {} {} {region}",
                made.key, made.files, made.bytes
            );
        }
        let path = self.dir.join(REGIONS);
        std::fs::write(&path, text).map_err(io(&path))
    }
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), BuildError> {
        let target = self.target(&path)?;
        self.bytes.fetch_add(bytes.len(), Relaxed);
        self.count(&path, bytes.len() as u64);
        if let Some(previous) = self.previous.as_ref().map(|p| p.join(&path))
            && std::fs::metadata(&previous).is_ok_and(|m| m.len() == bytes.len() as u64)
            && std::fs::read(&previous).is_ok_and(|old| old == bytes)
            && std::fs::hard_link(&previous, &target).is_ok()
        {
            self.kept.fetch_add(1, Relaxed);
            return Ok(());
        }
        std::fs::write(&target, &bytes).map_err(io(&target))?;
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }

    /// Written to its file as it is produced; then, if the previous output has the same bytes
    /// (compared piece by piece, never held whole), that file is linked instead, as `put` does.
    fn put_streamed(&self, path: String, write: super::Streamed<'_>) -> Result<(), BuildError> {
        use std::io::Write;
        let target = self.target(&path)?;
        let file = std::fs::File::create(&target).map_err(io(&target))?;
        let mut out = super::memo::Hashing::new(std::io::BufWriter::with_capacity(1 << 20, file));
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(io(&target))?;
        let (len, hash) = out.written();
        drop(out);
        self.bytes.fetch_add(len as usize, Relaxed);
        self.count(&path, len);
        // A previous file whose length and hash are known is not read to compare it: it is the
        // same when they are the new file's (as `keep` takes a file), another when they are not.
        let known = self.known.lock().ok().and_then(|k| k.get(&path).copied());
        let same = |previous: &Path| match known {
            Some(known) => known == (len, hash),
            None => same_bytes(previous, &target),
        };
        // The previous file is linked beside the new one and renamed over it: if the link
        // fails, the new file stays.
        let link = target.with_extension("link");
        if let Some(previous) = self.previous.as_ref().map(|p| p.join(&path))
            && std::fs::metadata(&previous).is_ok_and(|m| m.len() == len)
            && same(&previous)
            && std::fs::hard_link(&previous, &link).is_ok()
            && std::fs::rename(&link, &target).is_ok()
        {
            self.kept.fetch_add(1, Relaxed);
            return Ok(());
        }
        let _ = std::fs::remove_file(&link);
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }

    fn reuse(&self, key: u128, paths: &[&str]) -> Result<bool, BuildError> {
        if let Some(path) = paths.iter().find(|p| !safe(p)) {
            return Err(BuildError::UnsafePath(path.to_string()));
        }
        if let Ok(mut now) = self.pages_now.lock() {
            now.extend(paths.iter().map(|p| (p.to_string(), key)));
        }
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        // Every file must have been made from the same inputs, and still be as it was made.
        let mut sizes = Vec::with_capacity(paths.len());
        for path in paths {
            match self.pages_before.get(*path) {
                Some(&(k, len))
                    if k == key
                        && std::fs::metadata(previous.join(path)).is_ok_and(|m| m.len() == len) =>
                {
                    sizes.push(len)
                }
                _ => return Ok(false),
            }
        }
        for (i, path) in paths.iter().enumerate() {
            let target = self.dir.join(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            if std::fs::hard_link(previous.join(path), &target).is_err() {
                // Undo the links made so far: `put` must not write through a link into the
                // previous output.
                for made in &paths[..i] {
                    let _ = std::fs::remove_file(self.dir.join(made));
                }
                return Ok(false);
            }
        }
        for (path, len) in paths.iter().zip(&sizes) {
            self.count(path, *len);
        }
        self.kept.fetch_add(paths.len(), Relaxed);
        self.reused.fetch_add(paths.len(), Relaxed);
        self.bytes
            .fetch_add(sizes.iter().sum::<u64>() as usize, Relaxed);
        Ok(true)
    }

    fn reuse_region(&self, region: &str, key: u128) -> Result<bool, BuildError> {
        if let Some(dir) = region_dirs(region).iter().find(|d| !safe(d)) {
            return Err(BuildError::UnsafePath(dir.clone()));
        }
        let before = self.regions_before.get(region).copied();
        let reusable = self.can_reuse_region(region, key);
        if let Ok(mut now) = self.regions_now.lock() {
            let made = now.entry(region.to_string()).or_default();
            made.key = key;
            if reusable && let Some(before) = before {
                made.files += before.files;
                made.bytes += before.bytes;
            }
        }
        if reusable && let Ok(mut moved) = self.moved.lock() {
            moved.push(region.to_string());
        }
        Ok(reusable)
    }

    fn previous_was(&self, path: &str, len: u64, hash: u128) {
        if let Ok(mut known) = self.known.lock() {
            known.insert(path.to_string(), (len, hash));
        }
    }

    fn previous_file(&self, path: &str) -> Option<std::fs::File> {
        let previous = self.previous.as_ref()?;
        safe(path)
            .then(|| std::fs::File::open(previous.join(path)).ok())
            .flatten()
    }

    fn keep(&self, path: &str, len: u64, hash: u128) -> Result<bool, BuildError> {
        let target = self.target(path)?;
        let Some(previous) = self.previous.as_ref().map(|p| p.join(path)) else {
            return Ok(false);
        };
        if !std::fs::metadata(&previous).is_ok_and(|m| m.len() == len)
            || super::file_hash(&previous).ok() != Some((len, hash))
            || std::fs::hard_link(&previous, &target).is_err()
        {
            return Ok(false);
        }
        self.bytes.fetch_add(len as usize, Relaxed);
        self.count(path, len);
        self.kept.fetch_add(1, Relaxed);
        Ok(true)
    }

    fn can_reuse_region(&self, region: &str, key: u128) -> bool {
        let dirs = region_dirs(region);
        let before = self.regions_before.get(region);
        dirs.iter().all(|d| safe(d))
            && self.previous.as_ref().is_some_and(|previous| {
                before.is_some_and(|b| b.key == key)
                    && dirs.iter().any(|d| previous.join(d).is_dir())
            })
    }
}

/// Whether two files of the same length hold the same bytes, read a megabyte at a time (false
/// if either cannot be read).
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut a), Ok(mut b)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let Ok(mut left) = a.metadata().map(|m| m.len()) else {
        return false;
    };
    let (mut x, mut y) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    while left > 0 {
        let n = left.min(x.len() as u64) as usize;
        if a.read_exact(&mut x[..n]).is_err()
            || b.read_exact(&mut y[..n]).is_err()
            || x[..n] != y[..n]
        {
            return false;
        }
        left -= n as u64;
    }
    true
}

/// The journal of the folders a build moves from the previous output into its staging folder:
/// one path (under the output) per line, beside the output so that it outlives both folders.
fn journal(parent: &Path, name: &str, pid: u32) -> PathBuf {
    parent.join(format!(".{name}.moves-{pid}"))
}

/// Move `dirs` from `from` to `to`; on the first failure, move back those already moved.
fn move_dirs(from: &Path, to: &Path, dirs: &[String]) -> Result<(), BuildError> {
    for (i, dir) in dirs.iter().enumerate() {
        let target = to.join(dir);
        let result = match target.parent() {
            Some(parent) => std::fs::create_dir_all(parent),
            None => Ok(()),
        }
        .and_then(|()| std::fs::rename(from.join(dir), &target));
        if let Err(error) = result {
            move_back(to, from, &dirs[..i]);
            return Err(io(&target)(error));
        }
    }
    Ok(())
}

/// Put back what [`move_dirs`] moved from `out` to `staging`: each folder still in the staging
/// folder and missing from the output.
fn move_back(staging: &Path, out: &Path, dirs: &[String]) {
    for dir in dirs {
        let (from, to) = (staging.join(dir), out.join(dir));
        if from.is_dir() && !to.exists() {
            if let Some(parent) = to.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::rename(&from, &to);
        }
    }
}

/// Clean up after a build that was killed: a previous output moved aside but not yet replaced is
/// put back, then the folders moved out of it into a staging folder (listed in a journal) are put
/// back, then staging folders and journals are removed.
fn recover(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    let file = |path: &Path| {
        path.file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (old, tmp, moves) = (
        format!(".{name}.old-"),
        format!(".{name}.tmp-"),
        format!(".{name}.moves-"),
    );
    for path in &entries {
        if file(path).starts_with(&old) && !out.exists() {
            let _ = std::fs::rename(path, out);
        }
    }
    for path in &entries {
        let file = file(path);
        if let Some(pid) = file.strip_prefix(&moves) {
            let staging = parent.join(format!("{tmp}{pid}"));
            if let Ok(text) = std::fs::read_to_string(path) {
                let dirs: Vec<String> = text.lines().map(str::to_string).collect();
                move_back(&staging, out, &dirs);
            }
            let _ = std::fs::remove_file(path);
        }
    }
    for path in &entries {
        let file = file(path);
        if (file.starts_with(&old) || file.starts_with(&tmp)) && path.exists() {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

/// Build into `out`, replacing its previous content only once everything is written.
pub fn build(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    out: &Path,
) -> Result<Written, BuildError> {
    build_with(out, site.reuse_pages, |sink| {
        super::emit(site, compiled, log, sink)
    })
}

/// Write what `make` puts into a staging folder, then swap it in for `out`; `reuse` lets the
/// sink take files, pages and regions' folders from the previous output.
/// The folder holding `path` (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

pub fn build_with(
    out: &Path,
    reuse: bool,
    make: impl FnOnce(&dyn Sink) -> Result<(), BuildError>,
) -> Result<Written, BuildError> {
    let parent = folder_of(out);
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = out
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    recover(parent, &name, out);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let journal = journal(parent, &name, pid);
    let result = (|| {
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        let previous = out.is_dir().then(|| out.to_path_buf());
        let sink = Staging::new(staging.clone(), previous.clone(), reuse);
        make(&sink)?;
        sink.write_manifests()?;
        // The folders of unchanged regions: listed in the journal, then moved.
        let moved = sink.moved();
        let dirs: Vec<String> = match &previous {
            Some(previous) => moved
                .iter()
                .flat_map(|r| region_dirs(r))
                .filter(|d| previous.join(d).is_dir())
                .collect(),
            None => Vec::new(),
        };
        if !dirs.is_empty() {
            std::fs::write(&journal, dirs.join("\n")).map_err(io(&journal))?;
            move_dirs(out, &staging, &dirs)?;
        }
        let old = parent.join(format!(".{name}.old-{pid}"));
        if out.exists()
            && let Err(e) = std::fs::rename(out, &old)
        {
            move_back(&staging, out, &dirs);
            return Err(io(out)(e));
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            // Put the previous output back, with its folders, before reporting.
            let _ = std::fs::rename(&old, out);
            move_back(&staging, out, &dirs);
            return Err(io(out)(e));
        }
        let _ = std::fs::remove_file(&journal);
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(io(&old))?;
        }
        let regions = sink
            .regions_now
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        let (mut files, mut bytes) = (0, 0);
        for region in &moved {
            if let Some(made) = regions.get(region) {
                files += made.files;
                bytes += made.bytes as usize;
            }
        }
        let (written, kept) = (sink.written.into_inner(), sink.kept.into_inner());
        Ok(Written {
            files: written + kept + files,
            unchanged: kept + files,
            reused: sink.reused.into_inner() + files,
            bytes: sink.bytes.into_inner() + bytes,
        })
    })();
    if result.is_err() {
        // Whatever the failure, no folder of the previous output stays in the staging folder.
        if let Ok(text) = std::fs::read_to_string(&journal) {
            let dirs: Vec<String> = text.lines().map(str::to_string).collect();
            move_back(&staging, out, &dirs);
        }
        if staging.exists() {
            let _ = std::fs::remove_dir_all(&staging);
        }
        let _ = std::fs::remove_file(&journal);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::build_with;

    /// A streamed file equal to the previous output's is linked from it (the same inode). When
    /// the build said what the previous file is (its length and hash), it is not read to be
    /// compared: said to be another, the new file stays even if the bytes are the same.
    #[cfg(unix)]
    #[test]
    fn a_streamed_file_equal_to_the_previous_one_is_linked_and_a_known_previous_is_not_read() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let path = "reports/conformance.json";
        let inode = || std::fs::metadata(out.join(path)).unwrap().ino();
        let stream_of = |bytes: &'static [u8], known: Option<(u64, u128)>| {
            build_with(&out, true, |sink| {
                if let Some((len, hash)) = known {
                    sink.previous_was(path, len, hash);
                }
                sink.put_streamed(path.to_string(), &|w| w.write_all(bytes))
            })
            .unwrap()
        };
        let stream = |known| stream_of(b"{}\n", known);
        stream(None);
        let first = inode();
        // The same bytes, nothing known: linked.
        assert_eq!(stream(None).unchanged, 1);
        assert_eq!(inode(), first);
        // The previous file truly known: linked.
        let (len, hash) = (3, xxhash_rust::xxh3::xxh3_128(b"{}\n"));
        assert_eq!(stream(Some((len, hash))).unchanged, 1);
        assert_eq!(inode(), first);
        // Said to be another file: not compared, the new file kept.
        assert_eq!(stream(Some((len, hash ^ 1))).unchanged, 0);
        assert_ne!(inode(), first);
        assert_eq!(std::fs::read(out.join(path)).unwrap(), b"{}\n");
        // Said to be the new file's length and hash: linked, unread (the build's word is taken,
        // as `keep` takes a file by its length and hash).
        let second = inode();
        let (len, hash) = (3, xxhash_rust::xxh3::xxh3_128(b"[]\n"));
        assert_eq!(stream_of(b"[]\n", Some((len, hash))).unchanged, 1);
        assert_eq!(inode(), second);
    }
}
