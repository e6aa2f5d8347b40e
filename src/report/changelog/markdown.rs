//! `changelog --format markdown`: one table row per change, for a pull-request comment.

use super::title_of;
use crate::history::Changelog;

pub fn render(log: &Changelog) -> String {
    let mut out = format!(
        "## Catalog changes in `{}`\n\n| date | commit | where | code | change |\n|---|---|---|---|---|\n",
        log.range
    );
    for c in &log.changes {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            &c.commit.date[..c.commit.date.len().min(10)],
            &c.commit.id[..c.commit.id.len().min(10)],
            title_of(c).replace('|', "\\|"),
            c.item.as_deref().unwrap_or_default(),
            c.summary.replace('|', "\\|")
        ));
    }
    for w in &log.warnings {
        out.push_str(&format!(
            "\n> warning {}: `{}`: {}\n",
            w.code, w.file, w.message
        ));
    }
    out
}
