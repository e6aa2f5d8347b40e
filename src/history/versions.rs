//! What changed in a national item since a given `version`, read from git: the newest commit
//! whose file still had that version, compared with the item as it is now. Used to tell an
//! editor what to review when CAT214 reports that the standard has moved.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::diagnostic::messages::Lang;
use crate::load::git::{Git, GitError};
use crate::load::schema::FieldLabels;
use crate::load::yaml::{self, Limits};
use crate::resolve::Line;
use crate::resolve::view::{self, Lines};
use crate::t;

/// `since version 1 (commit 1a2b3c4d5e): 申请材料: added form; 受理条件: changed residence;
/// 法定办结时限 changed`, or `None` when no commit of `path` has that version.
pub fn changes_since(
    git: &Git,
    path: &str,
    version: u64,
    now: &Value,
    lines: &[String],
    labels: &FieldLabels,
    lang: Lang,
) -> Result<Option<String>, GitError> {
    for commit in git.commits_of(path)? {
        let Some(bytes) = git.file_at(&commit, path)? else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let Some(old) = yaml::parse(&text, Limits::default())
            .root
            .map(|root| root.to_json())
        else {
            continue;
        };
        if view::doc(&old).version() != Some(version) {
            continue;
        }
        let short = &commit[..commit.len().min(10)];
        let changes = compare(&old, now, lines, labels, lang);
        let said = if changes.is_empty() {
            t!(lang, "versions-unchanged")
        } else {
            changes.join(&t!(lang, "problem-separator"))
        };
        return Ok(Some(t!(
            lang,
            "versions-since",
            version = version,
            commit = short,
            said = said
        )));
    }
    Ok(None)
}

/// The differences between two versions of an item, field by field.
fn compare(
    old: &Value,
    now: &Value,
    lines: &[String],
    labels: &FieldLabels,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let fields = |v: &Value| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut names = fields(old);
    names.extend(fields(now));
    names.sort();
    names.dedup();
    for name in names {
        if matches!(name.as_str(), "version" | "reviewed") {
            continue;
        }
        let (a, b) = (view::doc(old).get(&name), view::doc(now).get(&name));
        if a == b {
            continue;
        }
        let label = labels.field(&name);
        if lines.contains(&name) {
            let by_id = |v: Option<&Value>| -> BTreeMap<String, Value> {
                Lines(v)
                    .iter()
                    .map(|l| (Line::Plain(l).id().to_string(), l.clone()))
                    .collect()
            };
            let (was, is) = (by_id(a), by_id(b));
            let added: Vec<&str> = is
                .keys()
                .filter(|k| !was.contains_key(*k))
                .map(String::as_str)
                .collect();
            let removed: Vec<&str> = was
                .keys()
                .filter(|k| !is.contains_key(*k))
                .map(String::as_str)
                .collect();
            let changed: Vec<&str> = is
                .iter()
                .filter(|(k, v)| was.get(*k).is_some_and(|w| w != *v))
                .map(|(k, _)| k.as_str())
                .collect();
            let mut parts = Vec::new();
            for (verb, ids) in [("added", added), ("removed", removed), ("changed", changed)] {
                if !ids.is_empty() {
                    parts.push(t!(
                        lang,
                        "versions-lines",
                        verb = verb,
                        ids = ids.join(", ")
                    ));
                }
            }
            let parts = parts.join(&t!(lang, "list-separator"));
            out.push(t!(lang, "versions-list", label = label, parts = parts));
        } else {
            out.push(t!(lang, "versions-field", label = label));
        }
    }
    out
}
