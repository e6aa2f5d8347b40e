//! The harness the fuzz target (`tests/fuzz`) drives: arbitrary bytes as one national item file
//! of the small base catalog, through loading, schema validation, the rules, the conformance diff
//! and every renderer. The base catalog is read once; each input replaces one file in memory.

use std::path::Path;
use std::sync::OnceLock;

use crate::load::{self, Kind, Loaded};
use crate::pipeline::{self, Options, Standard};
use crate::report::{self, Format};

/// The file the input replaces.
pub const TARGET: &str = "catalog/national/000120010000.yaml";

static BASE: OnceLock<Option<(Standard, Loaded)>> = OnceLock::new();

fn base() -> Option<&'static (Standard, Loaded)> {
    BASE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let standard = Standard::load(&root, None).ok()?;
        let loaded = load::load(&root, standard.limits, standard.lang);
        Some((standard, loaded))
    })
    .as_ref()
}

/// Check the base catalog with `bytes` as its national item 000120010000; returns the number of
/// findings. Must never panic, whatever the bytes.
pub fn check_item_bytes(bytes: &[u8]) -> usize {
    let Some((standard, loaded)) = base() else {
        return 0;
    };
    straight_json_agrees(bytes, standard.limits);
    let mut loaded = loaded.clone();
    loaded.documents.retain(|d| d.path() != TARGET);
    let (document, found) = load::document_from_bytes(
        Kind::National,
        TARGET,
        bytes.to_vec(),
        standard.limits,
        standard.lang,
    );
    loaded.documents.extend(document);
    loaded.diagnostics.extend(found);
    let options = Options {
        as_of: crate::dates::parse("2026-11-29"),
        ..Options::default()
    };
    let compiled = pipeline::analyse(standard, loaded, &options);
    let report = crate::report::Report::of(&compiled);
    // Every format, so that a new one is fuzzed as soon as it exists.
    for format in <Format as clap::ValueEnum>::value_variants() {
        let _ = report::render(&report, *format, false);
    }
    compiled.diagnostics.len()
}

/// The parse straight to JSON (the one `check` uses for a clean file) gives the JSON of the tree
/// with positions and finds no problem that parse would find, or leaves the file to it; panics
/// (a finding for the fuzzer) when they disagree.
fn straight_json_agrees(bytes: &[u8], limits: load::yaml::Limits) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Some(json) = load::yaml::parse_json(text, limits) {
        let parsed = load::yaml::parse(text, limits);
        assert!(
            parsed.problems.is_empty(),
            "straight to JSON, but the parser with positions finds {:?}",
            parsed.problems
        );
        assert_eq!(
            parsed.root.map(|root| root.to_json()),
            Some(json),
            "the two parses disagree"
        );
    }
}
