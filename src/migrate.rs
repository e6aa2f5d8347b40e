//! `catalogc migrate`: rewrite a catalog written for the previous format so that it means the same
//! under the current one, touching nothing else in its files (comments and layout stay).
//!
//! Format 2 makes omission explicit (docs/format.md, regional entry): a regional list that
//! restates lines must account for every line it inherits. Under format 1 a line left out was
//! simply dropped. `migrate` writes each such line as `{ref: …, omitted: true}` at the end of the
//! list — `true` because it cannot know the reason, which `check` then asks for (CAT211) — and
//! sets `schema_version: 2` in `catalog/catalog.yaml`.
//!
//! Format 3 (docs/format.md, regional entry: service points) says where to apply as a list of
//! `service_points`, each with its own address, hours and traffic. A format 2 entry or local item
//! with `address`, `hours` or `traffic` gets them moved, lines and comments as written, into one
//! service point at the place of the first of them.

use std::collections::HashMap;
use std::path::Path;

use crate::load::Kind;
use crate::load::schema::SchemaError;
use crate::load::yaml::{self, Limits, Node, Value as Yaml};
use crate::pipeline::{self, Compiled, Options};
use crate::resolve::Line;
use crate::resolve::catalog::Catalog;
use crate::resolve::view;
use crate::t;

pub use crate::load::FORMAT;

/// One file's new text and what changed in it.
#[derive(Debug)]
pub struct Edit {
    pub path: String,
    pub before: String,
    pub after: String,
    pub notes: Vec<String>,
}

/// What a migration does: the version it starts from and the files it rewrites.
#[derive(Debug)]
pub struct Migration {
    pub from: u64,
    pub edits: Vec<Edit>,
}

/// The `schema_version` a catalog declares (1 when it cannot be read).
pub fn declared_version(compiled: &Compiled) -> u64 {
    compiled
        .resolved
        .catalog
        .config
        .as_ref()
        .map_or(1, |c| c.value.schema_version)
}

/// Work out the edits that bring the catalog at `root` to [`FORMAT`]; nothing is written.
pub fn plan(root: &Path, options: &Options) -> Result<Migration, SchemaError> {
    let options = Options {
        skip_rules: true,
        cache: false,
        ..options.clone()
    };
    let compiled = pipeline::compile(root, &options)?;
    let lang = compiled.lang;
    let from = declared_version(&compiled);
    let mut edits = Vec::new();
    if from >= FORMAT {
        return Ok(Migration { from, edits });
    }
    if from < 2 {
        edits = omissions(&compiled, lang);
    }
    if from < 3 {
        let catalog = &compiled.resolved.catalog;
        // The entries by path, to find a parent region's entry once per entry, not by a scan.
        let entries: HashMap<&str, &serde_json::Value> = catalog
            .documents
            .iter()
            .filter(|d| d.kind == Kind::Entry)
            .map(|d| (d.path(), &*d.json))
            .collect();
        for doc in &catalog.documents {
            if !matches!(doc.kind, Kind::Entry | Kind::LocalItem) {
                continue;
            }
            let path = doc.path().to_string();
            let inherited = inherited_point(catalog, &entries, &path, &doc.json);
            let Some(position) = edits.iter().position(|e| e.path == path) else {
                if let Some(after) = service_point(&doc.source.text, &inherited) {
                    edits.push(Edit {
                        path,
                        before: doc.source.text.clone(),
                        after,
                        notes: vec![t!(lang, "migrate-service-point")],
                    });
                }
                continue;
            };
            let edit = &mut edits[position];
            if let Some(after) = service_point(&edit.after, &inherited) {
                edit.after = after;
                edit.notes.push(t!(lang, "migrate-service-point"));
            }
        }
    }
    let catalog = &compiled.resolved.catalog;
    let config_path = "catalog/catalog.yaml";
    if let Some(config) = catalog.documents.iter().find(|d| d.path() == config_path) {
        let before = config.source.text.clone();
        let after = set_version(&before, FORMAT);
        edits.push(Edit {
            path: config_path.to_string(),
            before,
            after,
            notes: vec![format!("schema_version: {from} → {FORMAT}")],
        });
    }
    Ok(Migration { from, edits })
}

/// Format 1 → 2: every inherited line a restated list leaves out is written as omitted.
fn omissions(compiled: &Compiled, lang: crate::diagnostic::messages::Lang) -> Vec<Edit> {
    let mut edits = Vec::new();
    let resolved = &compiled.resolved;
    let catalog = &resolved.catalog;
    for effective in &resolved.effective {
        let Some(national) = effective.national else {
            continue;
        };
        let own = &catalog.documents[effective.own()];
        let mut additions: Vec<(String, Vec<String>)> = Vec::new();
        for field in &resolved.line_fields {
            let Some(list) = view::doc(&own.json).written_lines(field).0 else {
                continue;
            };
            let restates = |list: &serde_json::Value| -> Vec<String> {
                view::Lines(Some(list))
                    .iter()
                    .map(Line::Plain)
                    .filter_map(|l| l.reference().map(str::to_string))
                    .collect()
            };
            let national_ids: Vec<String> = view::doc(&catalog.documents[national].json)
                .lines_named(field)
                .iter()
                .map(|l| l.id().to_string())
                .filter(|id| !id.is_empty())
                .collect();
            // Under format 1 a region inherited the nearest parent's restated list, else the
            // national one.
            let inherited: Vec<String> = effective.chain[1..]
                .iter()
                .find_map(|&doc| {
                    view::doc(&catalog.documents[doc].json)
                        .written_lines(field)
                        .0
                })
                .map(|l| {
                    restates(l)
                        .into_iter()
                        .filter(|r| national_ids.contains(r))
                        .collect()
                })
                .unwrap_or(national_ids);
            let stated = restates(list);
            let missing: Vec<String> = inherited
                .into_iter()
                .filter(|id| !stated.contains(id))
                .collect();
            if !missing.is_empty() {
                additions.push((field.clone(), missing));
            }
        }
        if additions.is_empty() {
            continue;
        }
        let before = own.source.text.clone();
        let mut after = before.clone();
        let mut notes = Vec::new();
        for (field, missing) in &additions {
            if let Some(text) = append_omissions(&after, field, missing) {
                after = text;
                notes.push(t!(
                    lang,
                    "migrate-omitted",
                    field = field.as_str(),
                    lines = missing.join(", ")
                ));
            } else {
                notes.push(t!(
                    lang,
                    "migrate-by-hand",
                    field = field.as_str(),
                    lines = missing.join(", ")
                ));
            }
        }
        edits.push(Edit {
            path: own.path().to_string(),
            before,
            after,
            notes,
        });
    }
    edits
}

/// The keys format 3 moves into a service point, in the order a service point lists them.
const POINT_KEYS: [&str; 3] = ["address", "hours", "traffic"];

/// `text` with its top-level `address`, `hours` and `traffic` moved into
/// `service_points: [- {address, hours, traffic}]` where the first of them stood; `None` when it
/// has none of them. Each key's lines (a folded value, a trailing comment) move as written,
/// indented under the list item.
/// What a format-2 regional entry inherited of `address`, `hours` and `traffic` (each from the
/// nearest parent region's entry that states it) for the keys it does not state itself: an entry
/// that states its own `hours` under its province's `address` moves into one service point with
/// both, since format 3 inherits the service points as a whole.
fn inherited_point(
    catalog: &Catalog,
    entries: &HashMap<&str, &serde_json::Value>,
    path: &str,
    json: &serde_json::Value,
) -> Vec<(&'static str, String)> {
    // An entry that states none of them has no point to complete: it inherits its parent's.
    if POINT_KEYS.iter().all(|key| json.get(*key).is_none()) {
        return Vec::new();
    }
    let parts: Vec<&str> = path.split('/').collect();
    let ["catalog", "regions", region, file] = parts.as_slice() else {
        return Vec::new();
    };
    let Some(item) = file.strip_suffix(".yaml") else {
        return Vec::new();
    };
    // By path: a format-2 file does not pass the format-3 schema, so it may not be resolved.
    let parents: Vec<&serde_json::Value> = catalog
        .ancestors(region)
        .into_iter()
        .filter(|a| a != region)
        .filter_map(|a| {
            entries
                .get(format!("catalog/regions/{a}/{item}.yaml").as_str())
                .copied()
        })
        .collect();
    POINT_KEYS
        .into_iter()
        .filter(|key| json.get(*key).is_none())
        .filter_map(|key| {
            let value = parents.iter().find_map(|p| p.get(key)?.as_str())?;
            Some((key, value.to_string()))
        })
        .collect()
}

/// `text` with its own `address`, `hours` and `traffic` moved into one service point, completed
/// by the `inherited` ones it does not state (written as `key: value  # 沿用上级实施清单`).
fn service_point(text: &str, inherited: &[(&str, String)]) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let top_key = |line: &str| -> Option<String> {
        let first = line.chars().next()?;
        if first.is_whitespace() || first == '#' || first == '-' {
            return None;
        }
        let (key, _) = line.split_once(':')?;
        Some(key.trim().trim_matches(['"', '\'']).to_string())
    };
    // Each top-level key's first line, to find where a moved key's lines end.
    let starts: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| top_key(l).map(|k| (i, k)))
        .collect();
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (n, (start, key)) in starts.iter().enumerate() {
        if POINT_KEYS.contains(&key.as_str()) {
            let end = starts.get(n + 1).map_or(lines.len(), |(next, _)| *next);
            moved.push((*start, end));
        }
    }
    let first = moved.first()?.0;
    let mut block = String::from("service_points:\n");
    for key in POINT_KEYS {
        let Some(&(start, end)) = moved
            .iter()
            .find(|(s, _)| top_key(lines[*s]).as_deref() == Some(key))
        else {
            if let Some((_, value)) = inherited.iter().find(|(k, _)| *k == key) {
                let lead = if block == "service_points:\n" {
                    "  - "
                } else {
                    "    "
                };
                block.push_str(&format!(
                    "{lead}{key}: {}  # 沿用上级实施清单\n",
                    crate::author::flow::scalar(value)
                ));
            }
            continue;
        };
        for (i, line) in lines[start..end].iter().enumerate() {
            let lead = if i == 0 && block == "service_points:\n" {
                "  - "
            } else {
                "    "
            };
            let line = if line.trim().is_empty() {
                line.trim_start_matches([' ', '\t'])
            } else {
                line
            };
            block.push_str(if line == "\n" { "" } else { lead });
            block.push_str(line);
            if !line.ends_with('\n') {
                block.push('\n');
            }
        }
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == first {
            out.push_str(&block);
        }
        if !moved.iter().any(|&(s, e)| (s..e).contains(&i)) {
            out.push_str(line);
        }
    }
    Some(out)
}

/// Write the edits, each file replaced whole (written beside it, then renamed over it).
pub fn apply(root: &Path, migration: &Migration) -> std::io::Result<()> {
    for edit in &migration.edits {
        let path = root.join(&edit.path);
        let staging = path.with_extension("yaml.migrating");
        std::fs::write(&staging, &edit.after)?;
        std::fs::rename(&staging, &path)?;
    }
    Ok(())
}

/// `text` with `{ref: id, omitted: true}` appended to the top-level list `field`, in the list's
/// own style (block items at the items' indentation, or inside a flow sequence's brackets).
fn append_omissions(text: &str, field: &str, ids: &[String]) -> Option<String> {
    let parsed = yaml::parse(text, Limits::default());
    let root = parsed.root?;
    let (node, _) = root.pointer(&format!("/{field}"))?;
    let Yaml::Seq(items) = &node.value else {
        return None;
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let line_of = |n: u32| lines.get(n as usize - 1).copied();
    let start = line_of(node.span.start.line)?;
    let flow = start
        .chars()
        .nth(node.span.start.column as usize - 1)
        .is_some_and(|c| c == '[');
    let entries: Vec<String> = ids
        .iter()
        .map(|id| format!("{{ref: {id}, omitted: true}}"))
        .collect();
    if flow {
        // Insert before the closing bracket.
        let end = node.span.end;
        let offset = offset_of(&lines, end.line, end.column - 1)?;
        let close = text[..offset].rfind(']')?;
        let sep = if items.is_empty() { "" } else { ", " };
        return Some(format!(
            "{}{sep}{}{}",
            &text[..close],
            entries.join(", "),
            &text[close..]
        ));
    }
    let last: &Node = items.last()?;
    // The dash of a block item sits two columns before its content (`- `).
    let indent = (last.span.start.column as usize).saturating_sub(3);
    let end = last.span.end;
    let last_line = if end.column == 1 && end.line > last.span.start.line {
        end.line - 1
    } else {
        end.line
    };
    let insert_at = offset_of(&lines, last_line + 1, 0).unwrap_or(text.len());
    let mut block = String::new();
    if !text[..insert_at].ends_with('\n') {
        block.push('\n');
    }
    for entry in &entries {
        block.push_str(&format!("{}- {entry}\n", " ".repeat(indent)));
    }
    Some(format!(
        "{}{block}{}",
        &text[..insert_at],
        &text[insert_at..]
    ))
}

/// The byte offset of a 1-based line and a 0-based character column.
fn offset_of(lines: &[&str], line: u32, column: u32) -> Option<usize> {
    let before: usize = lines.iter().take(line as usize - 1).map(|l| l.len()).sum();
    let text = lines.get(line as usize - 1).copied().unwrap_or("");
    let within = text
        .char_indices()
        .nth(column as usize)
        .map_or(text.len(), |(i, _)| i);
    Some(before + within)
}

/// `catalog.yaml` with `schema_version` set to `version`, the rest of the text unchanged.
fn set_version(text: &str, version: u64) -> String {
    let mut found = false;
    let mut out: Vec<String> = text
        .split_inclusive('\n')
        .map(|line| {
            if !found && line.starts_with("schema_version:") {
                found = true;
                let rest = line.split_once('#').map(|(_, c)| format!("  #{c}"));
                let newline = if line.ends_with('\n') { "\n" } else { "" };
                match rest {
                    Some(comment) => {
                        format!(
                            "schema_version: {version}{}",
                            comment.trim_end_matches('\n')
                        ) + newline
                    }
                    None => format!("schema_version: {version}{newline}"),
                }
            } else {
                line.to_string()
            }
        })
        .collect();
    if !found {
        out.push(format!("schema_version: {version}\n"));
    }
    out.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omissions_are_appended_in_the_lists_own_style() {
        let block = "materials:   # kept\n  - {ref: id-card}\n  - id: lease\n    name: 租赁合同\nreviewed: 2026-01-01\n";
        assert_eq!(
            append_omissions(block, "materials", &["photo".into()]).unwrap(),
            "materials:   # kept\n  - {ref: id-card}\n  - id: lease\n    name: 租赁合同\n  - {ref: photo, omitted: true}\nreviewed: 2026-01-01\n"
        );
        let flow = "materials: [{ref: id-card}]  # kept\n";
        assert_eq!(
            append_omissions(flow, "materials", &["photo".into(), "form".into()]).unwrap(),
            "materials: [{ref: id-card}, {ref: photo, omitted: true}, {ref: form, omitted: true}]  # kept\n"
        );
        let empty = "fees: []\n";
        assert_eq!(
            append_omissions(empty, "fees", &["cost".into()]).unwrap(),
            "fees: [{ref: cost, omitted: true}]\n"
        );
        let last = "materials:\n- {ref: id-card}";
        assert_eq!(
            append_omissions(last, "materials", &["photo".into()]).unwrap(),
            "materials:\n- {ref: id-card}\n- {ref: photo, omitted: true}\n"
        );
    }

    #[test]
    fn address_hours_and_traffic_become_one_service_point() {
        let entry = "department: {name: 局}\naddress: 深圳市福田区福中三路  # 市民中心\nlevel: city\nhours: >-\n  周一至周五\n  9:00-18:00\ntraffic: 地铁2号线\nreviewed: 2025-01-01\n";
        assert_eq!(
            service_point(entry, &[]).unwrap(),
            "department: {name: 局}\nservice_points:\n  - address: 深圳市福田区福中三路  # 市民中心\n    hours: >-\n      周一至周五\n      9:00-18:00\n    traffic: 地铁2号线\nlevel: city\nreviewed: 2025-01-01\n"
        );
        assert_eq!(service_point("level: city\nhours_note: x\n", &[]), None);
        // Only hours, last line without a newline.
        assert_eq!(
            service_point("level: city\nhours: 9:00-17:00", &[]).unwrap(),
            "level: city\nservice_points:\n  - hours: 9:00-17:00\n"
        );
        // Hours of its own under an inherited address: the point has both, in the key order.
        assert_eq!(
            service_point(
                "level: city\nhours: 9:00-17:00\n",
                &[("address", "市民中心 B 区".to_string())]
            )
            .unwrap(),
            "level: city\nservice_points:\n  - address: 市民中心 B 区  # 沿用上级实施清单\n    hours: 9:00-17:00\n"
        );
    }

    #[test]
    fn the_version_line_keeps_its_comment() {
        assert_eq!(
            set_version("title: t\nschema_version: 1   # format\nx: 1\n", 2),
            "title: t\nschema_version: 2  # format\nx: 1\n"
        );
        assert_eq!(
            set_version("title: t\n", 2),
            "title: t\nschema_version: 2\n"
        );
    }
}
