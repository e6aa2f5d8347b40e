//! The `catalogc` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the pipeline allocates many small values from two threads at once, where it is
/// markedly faster than glibc's allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = catalogc::cli::Cli::parse();
    match catalogc::cli::run(cli) {
        Ok(status) => ExitCode::from(status as u8),
        Err(error) => {
            // The error, then each of its causes on its own line.
            eprintln!("error: {error}");
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(2)
        }
    }
}
