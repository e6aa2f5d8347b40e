//! `benches/tile_sample.py`, the catalog of another shape for the linearity benchmark (issue 18):
//! the sample grown by copies of its national items with every entry that implements them. A
//! copy must be the sample again under new codes, so its findings are the sample's, once per copy.

mod common;

use std::collections::BTreeMap;

use common::*;

fn codes(root: &std::path::Path) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for d in compile(root).diagnostics {
        *count.entry(d.code.to_string()).or_default() += 1;
    }
    count
}

#[test]
fn a_tiled_sample_has_the_samples_findings_once_per_copy() {
    let out = tempfile::tempdir().unwrap();
    let run = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/benches/tile_sample.py"
        ))
        .args(["--entries", "300", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let line = String::from_utf8(run.stdout).unwrap();
    let field = |name: &str| -> usize {
        let words: Vec<&str> = line.split_whitespace().collect();
        let at = words.iter().position(|w| *w == name).unwrap();
        words[at + 1].parse().unwrap()
    };
    let (entries, copies) = (field("entries"), field("copies"));
    assert!(entries >= 300, "{line}");
    assert!(copies >= 2, "{line}");
    // The sample's own findings, each `copies` times, and nothing else: a code left unreplaced
    // (a task code that ends with the old one: CAT112) or a broken reference would add findings.
    let sample = codes(env!("CARGO_MANIFEST_DIR").as_ref());
    let tiled = codes(out.path());
    let expected: BTreeMap<String, usize> = sample
        .iter()
        .map(|(code, n)| (code.clone(), n * copies))
        .collect();
    assert_eq!(tiled, expected, "{line}");
    assert_eq!(field("regions"), 22);
    assert_eq!(
        std::fs::read_dir(out.path().join("catalog/national"))
            .unwrap()
            .count(),
        field("items")
    );
}
