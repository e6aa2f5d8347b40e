//! The context of the Atom template (`feed.xml`) for `changelog --format atom` and the feeds of
//! `build`.

use serde_json::{Value, json};

use super::title_of;
use crate::history::Change;

/// The context of the Atom template for `changes`, newest first.
pub fn feed_context(
    changes: &[Change],
    title: &str,
    base_url: &str,
    feed_path: &str,
    page_of: &dyn Fn(&Change) -> String,
) -> Value {
    let base = base_url.trim_end_matches('/');
    let entries: Vec<Value> = changes
        .iter()
        .rev()
        .map(|c| {
            json!({
                "id": entry_id(base, c),
                "title": format!("{}：{}", title_of(c), c.summary),
                "updated": c.commit.date,
                "author": c.commit.author,
                "summary": format!("{}。来源：{}（{}）。提交：{} {}", c.summary, c.source, c.file, &c.commit.id[..c.commit.id.len().min(10)], c.commit.subject),
                "url": format!("{base}/portal/{}", page_of(c)),
                "kind": c.kind,
                "source": c.source,
                "inherited": c.inherited,
                "file": c.file,
            })
        })
        .collect();
    let updated = changes
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

/// A change's stable id, a tag URI (RFC 4151) made of the site's host, the commit's date, and
/// the commit, region, item, kind and key: the same change has the same id in every build and
/// in every feed that lists it.
pub fn entry_id(base_url: &str, change: &Change) -> String {
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    let date = change.commit.date.get(..10).unwrap_or("1970-01-01");
    let part = |p: Option<&str>| match p {
        Some(p) => p
            .bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'/' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect(),
        None => "-".to_string(),
    };
    // A field's change (`field_changed`) is one per field: the field is part of its kind here.
    let kind = match (change.kind, change.field.as_deref()) {
        ("field_changed", Some(field)) => format!("field_changed.{}", part(Some(field))),
        _ => change.kind.to_string(),
    };
    format!(
        "tag:{host},{date}:{}/{}/{}/{kind}/{}",
        change.commit.id,
        part(change.region.as_deref().or(Some("national"))),
        part(change.item.as_deref()),
        part(change.key.as_deref())
    )
}
