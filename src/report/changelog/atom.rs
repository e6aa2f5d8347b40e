//! The context of the Atom template (`feed.xml`) for `changelog --format atom` and the feeds of
//! `build`.

use serde_json::{Value, json};

use super::title_of;
use crate::history::{Change, Changelog};

/// The context of the Atom template, newest change first.
pub fn feed_context(
    log: &Changelog,
    title: &str,
    base_url: &str,
    feed_path: &str,
    page_of: &dyn Fn(&Change) -> String,
) -> Value {
    let base = base_url.trim_end_matches('/');
    let entries: Vec<Value> = log
        .changes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| {
            json!({
                "id": format!("{base}/changes/{}/{i}", c.commit.id),
                "title": format!("{}：{}", title_of(c), c.summary),
                "updated": c.commit.date,
                "author": c.commit.author,
                "summary": format!("{}（{}）。提交：{} {}", c.summary, c.kind, &c.commit.id[..c.commit.id.len().min(10)], c.commit.subject),
                "url": format!("{base}/portal/{}", page_of(c)),
                "kind": c.kind,
            })
        })
        .collect();
    let updated = log
        .changes
        .iter()
        .map(|c| c.commit.date.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    json!({"feed": {
        "id": format!("{base}/portal/{feed_path}"),
        "title": title,
        "updated": updated,
        "self_url": format!("{base}/portal/{feed_path}"),
        "alternate_url": format!("{base}/portal/index.html"),
        "entries": entries,
    }})
}
