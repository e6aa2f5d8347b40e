//! parse-floor: the parse-only floor for benchmarks (issue 6).
//!
//!     parse-floor [ROOT]
//!
//! Walks `ROOT/catalog` (sorted, with the walk `check` uses), reads every `.yaml` file and parses
//! it with `catalogc::load::yaml::parse` and the default limits (the parser `check` uses), in parallel
//! with rayon, and prints the number of files, bytes and the elapsed time. Nothing else: no schema, no
//! rules. `catalogc check` cannot be faster than this.

use std::process::ExitCode;
use std::time::Instant;

use catalogc::load::yaml::{Limits, parse};
use rayon::prelude::*;

/// The same allocator as `catalogc`, so the floor and the check differ only in the work done.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let start = Instant::now();
    let dir = std::path::Path::new(&root).join("catalog");
    let mut paths = Vec::new();
    for entry in catalogc::load::walk_sorted(&dir) {
        match entry {
            Ok(e)
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml") =>
            {
                paths.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("parse-floor: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let (bytes, problems) = paths
        .par_iter()
        .map(|path| match std::fs::read_to_string(path) {
            Ok(text) => {
                let parsed = parse(&text, Limits::default());
                (text.len() as u64, parsed.problems.len() as u64)
            }
            Err(e) => {
                eprintln!("parse-floor: {}: {e}", path.display());
                (0, 1)
            }
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "files {} bytes {} problems {} seconds {:.3}",
        paths.len(),
        bytes,
        problems,
        elapsed
    );
    ExitCode::SUCCESS
}
