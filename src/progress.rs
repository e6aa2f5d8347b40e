//! Progress on long work: a bar on stderr while `check`, `build` (and `import`) read, check and
//! render a large catalog.
//!
//! A leaf every stage may use, like [`crate::dates`]. The command line turns it on with
//! [`enable_on_terminal`] — only when stderr is a terminal and `CI` is not set — and a stage marks
//! a long step with [`phase`]; otherwise a phase is nothing and costs one branch per step, and no
//! byte of any output changes. A bar is cleared when its phase ends, so what stays on the terminal
//! is exactly what catalogc prints without it.
//!
//! For `import` (written apart): `let bar = progress::phase("导入", rows); … bar.inc(1); …
//! bar.finish();`, with `progress::enable_on_terminal()` at the start of the command.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Whether progress may be shown: stderr is a terminal and `CI` is not set (CI services set it).
pub fn wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Show progress from now on, if [`wanted`]. Called once by a command that can run long.
pub fn enable_on_terminal() {
    ENABLED.store(wanted(), Ordering::Relaxed);
}

/// A long step: a bar of `total` steps (a spinner when `total` is 0), or nothing.
pub struct Phase(Option<indicatif::ProgressBar>);

/// Start a phase named `message` (Chinese, shown beside the bar). Nothing unless enabled.
pub fn phase(message: &str, total: usize) -> Phase {
    if !ENABLED.load(Ordering::Relaxed) {
        return Phase(None);
    }
    let bar = if total == 0 {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    } else {
        let bar = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    };
    bar.set_message(message.to_string());
    bar.tick();
    Phase(Some(bar))
}

impl Phase {
    /// `n` more steps done (from any thread).
    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }

    /// The phase is over: its bar is cleared.
    pub fn finish(self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        // A phase left by an early return (an error) does not leave its bar behind.
        if let Some(bar) = &self.0
            && !bar.is_finished()
        {
            bar.finish_and_clear();
        }
    }
}
