//! The source tree is the pipeline: a stage may use the stages above it, never one below
//! (README, Design). This test reads every file under `src/` and fails on an import that climbs
//! back up, naming the file, the line and the two stages.

use std::path::Path;

/// The stages in the order data flows (`src/lib.rs`); `cli`, `fuzzing` and `main` may use all.
const ORDER: &[&str] = &[
    "dates",
    "progress",
    "diagnostic",
    "load",
    "resolve",
    "check",
    "diff",
    "pipeline",
    "history",
    "report",
    "emit",
    "onboard",
    "serve",
    "merge",
];

/// The stage a file under `src/` belongs to: its folder, or its file name.
fn stage_of(relative: &str) -> &str {
    let first = relative.split('/').next().unwrap_or_default();
    first.trim_end_matches(".rs")
}

/// Every `crate::<stage>` a file mentions, with its line number.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((n + 1, name));
        }
    }
    found
}

#[test]
fn no_stage_imports_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut violations = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // A stage's unit tests (`tests.rs`) may build their fixtures with the whole pipeline.
        if relative.ends_with("/tests.rs") {
            continue;
        }
        let Some(own) = ORDER.iter().position(|s| *s == stage_of(&relative)) else {
            continue; // lib.rs, main.rs, cli.rs, fuzzing.rs: the top may use everything
        };
        files += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (line, used) in uses(&text) {
            if let Some(other) = ORDER.iter().position(|s| *s == used)
                && other > own
            {
                violations.push(format!(
                    "src/{relative}:{line}: stage `{}` uses the later stage `{used}`",
                    ORDER[own]
                ));
            }
        }
    }
    assert!(files > 80, "only {files} files were read");
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_checker_finds_a_later_stage() {
    // The scan itself: a `crate::emit` inside `resolve` is found, a comment is not.
    let text =
        "use crate::emit::Site;\n// crate::report in a comment\nuse crate::load::Document;\n";
    let found = uses(text);
    assert_eq!(
        found,
        vec![(1, "emit".to_string()), (3, "load".to_string())]
    );
    assert_eq!(stage_of("resolve/view.rs"), "resolve");
    assert_eq!(stage_of("pipeline.rs"), "pipeline");
}
