//! The content-addressed cache: a second run reads valid files from `.catalogc-cache/` and finds
//! exactly what an uncached run finds; changed files are checked afresh; a corrupt cache is
//! ignored.

mod common;

use catalogc::pipeline::{self, Options};
use common::*;

fn run(root: &std::path::Path, cache: bool) -> Vec<(String, String, u32, u32)> {
    let compiled = pipeline::compile(root, &Options { cache, ..options() }).unwrap();
    findings(&compiled)
}

#[test]
fn a_cached_run_finds_exactly_what_an_uncached_run_finds() {
    let dir = sample_copy();
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "name: 深圳市居住证申领\n",
    );
    let uncached = run(dir.path(), false);
    assert!(!uncached.is_empty());
    assert!(
        !dir.path().join(".catalogc-cache").exists(),
        "no cache unless asked"
    );
    assert_eq!(run(dir.path(), true), uncached);
    let cache = dir.path().join(".catalogc-cache/documents");
    let size = std::fs::metadata(&cache).unwrap().len();
    assert!(
        size > 10_000,
        "the cache holds the valid documents ({size} bytes)"
    );
    // Second run: from the cache, the same findings (positions included, parsed again on demand).
    assert_eq!(run(dir.path(), true), uncached);
}

#[test]
fn a_changed_file_is_checked_afresh() {
    let dir = sample_copy();
    run(dir.path(), true);
    let line = append(
        dir.path(),
        "catalog/national/002000112001.yaml",
        "colour: red\n",
    );
    let found = run(dir.path(), true);
    assert!(
        found.contains(&(
            "CAT003".to_string(),
            "catalog/national/002000112001.yaml".to_string(),
            line,
            1
        )),
        "{found:?}"
    );
    assert_eq!(found, run(dir.path(), false));
}

#[test]
fn a_corrupt_cache_is_ignored() {
    let dir = sample_copy();
    let uncached = run(dir.path(), false);
    run(dir.path(), true);
    let cache = dir.path().join(".catalogc-cache/documents");
    let mut bytes = std::fs::read(&cache).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&cache, &bytes).unwrap();
    assert_eq!(run(dir.path(), true), uncached);
    std::fs::write(&cache, b"not a cache").unwrap();
    assert_eq!(run(dir.path(), true), uncached);
}

#[test]
fn a_partial_run_keeps_the_entries_of_the_files_it_did_not_read() {
    let dir = sample_copy();
    commit_all(dir.path(), "sample");
    run(dir.path(), true);
    let cache = dir.path().join(".catalogc-cache/documents");
    let whole = std::fs::metadata(&cache).unwrap().len();
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "# 已核对\n",
    );
    let (status, _, stderr) = check_since(dir.path(), "HEAD", "text");
    assert_eq!(status, Some(0), "{stderr}");
    assert!(stderr.contains("1 changed file"), "{stderr}");
    // `--since` read a few files; the cache still holds the others (and the changed file's new
    // content), so the next whole check does not start cold.
    let after = std::fs::metadata(&cache).unwrap().len();
    assert!(after > whole, "{after} bytes after --since, {whole} before");
}
