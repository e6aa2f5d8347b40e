//! Every input in the fuzz corpus (`tests/fuzz/corpus/load_item`: seeds and the interesting
//! inputs fuzzing found) goes through the fuzz harness without a panic. The fuzzer itself runs
//! in `.ci/test` for a bounded time.

#[test]
fn the_fuzz_corpus_never_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus/load_item");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        catalogc::fuzzing::check_item_bytes(&bytes);
        count += 1;
    }
    assert!(count >= 10, "the corpus has {count} inputs");
    // The harness really checks: a clean item has no findings, a broken one has some.
    let clean = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/base/catalog/national/000120010000.yaml"),
    )
    .unwrap();
    assert_eq!(catalogc::fuzzing::check_item_bytes(&clean), 0);
    assert!(catalogc::fuzzing::check_item_bytes(b"code: [") > 0);
}
