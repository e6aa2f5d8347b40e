//! The `catalogc` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the pipeline allocates many small values from two threads at once, where it is
/// markedly faster than glibc's allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = catalogc::cli::Cli::parse();
    let lang = catalogc::cli::error_lang(&cli);
    match catalogc::cli::run(cli) {
        Ok(outcome) => {
            // The process ends here and the system takes its memory back at once. Freeing a
            // compiled catalog value by value first costs time for nothing: 0.1 s of a 1.0 s
            // `check` of a 10k-entry catalog (BENCHMARKS.md, run 4). So it is not dropped.
            std::mem::forget(outcome.compiled);
            ExitCode::from(outcome.status as u8)
        }
        Err(error) => {
            // The error, then each of its causes on its own line.
            eprintln!(
                "{}",
                catalogc::t!(lang, "cli-error", message = error.text(lang))
            );
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                eprintln!(
                    "  {}",
                    catalogc::t!(lang, "cli-error-cause", cause = cause.to_string())
                );
                source = cause.source();
            }
            ExitCode::from(2)
        }
    }
}
