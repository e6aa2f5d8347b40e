//! parse-floor: the parse-only floor for benchmarks (issue 6).
//!
//!     parse-floor [ROOT]
//!
//! Walks `ROOT/catalog` (sorted, with the walk `check` uses), reads every `.yaml` file and parses
//! it as `check` does, with the default limits: straight to JSON (`catalogc::load::yaml::parse_json`),
//! and a file that does not go straight with `catalogc::load::yaml::parse` (with positions), in
//! parallel with rayon, and prints the number of files, bytes and the elapsed time. Nothing else: no
//! schema, no rules. `catalogc check` cannot be faster than this.

use std::process::ExitCode;
use std::time::Instant;

use catalogc::load::yaml::{Limits, parse, parse_json};
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
                let problems = match parse_json(&text, Limits::default()) {
                    Some(_) => 0,
                    None => parse(&text, Limits::default()).problems.len() as u64,
                };
                (text.len() as u64, problems)
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
