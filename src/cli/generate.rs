//! Files generated from the command-line definition itself: shell completion scripts
//! (clap_complete) and man pages (clap_mangen), so that they list exactly the commands, flags
//! and values that the parser accepts.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::Cli;

/// Write `bytes` on stdout; a reader that stops early (`| head`) is not an error.
fn print(bytes: &[u8]) -> std::io::Result<()> {
    match std::io::stdout().write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The completion script for `shell`, printed on stdout.
pub fn completions(shell: clap_complete::Shell) -> std::io::Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "catalogc", &mut script);
    print(&script)
}

/// `catalogc.1` on stdout, or with `out`, every page (`catalogc.1`, `catalogc-check.1`, …)
/// written into that folder; returns the pages written.
pub fn man(out: Option<&Path>) -> std::io::Result<Vec<PathBuf>> {
    let command = Cli::command();
    match out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            print(&page)?;
            Ok(Vec::new())
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            clap_mangen::generate_to(command, dir)?;
            let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("catalogc") && n.ends_with(".1"))
                })
                .collect();
            pages.sort();
            Ok(pages)
        }
    }
}
