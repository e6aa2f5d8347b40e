//! `changelog --format text`: the changes grouped by commit, then the warnings.

use super::title_of;
use crate::history::Changelog;

pub fn render(log: &Changelog) -> String {
    let mut out = String::new();
    let mut last = String::new();
    for c in &log.changes {
        if c.commit.id != last {
            out.push_str(&format!(
                "{} {} {} ({})\n",
                c.commit.date,
                &c.commit.id[..c.commit.id.len().min(10)],
                c.commit.subject,
                c.commit.author
            ));
            last = c.commit.id.clone();
        }
        let code = c
            .item
            .as_deref()
            .map(|i| format!("  {i}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {}{code}：{}  [{}]\n",
            title_of(c),
            c.summary,
            c.kind
        ));
    }
    for w in &log.warnings {
        out.push_str(&format!(
            "warning[{}]: {}: {} (commit {})\n",
            w.code,
            w.file,
            w.message,
            &w.commit.id[..w.commit.id.len().min(10)]
        ));
    }
    if log.changes.is_empty() {
        out.push_str(&format!("no catalog changes in {}\n", log.range));
    }
    out
}
