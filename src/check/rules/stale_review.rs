//! CAT111 stale-review: content changed but its `reviewed` date did not move.
//!
//! Emitted by `check --since REV` (and reported by `changelog`), which compare each changed file
//! with its version at the revision.

use super::Rule;
use crate::diagnostic::codes;

use crate::diagnostic::Diagnostic;
use crate::load::since::Revised;
use crate::load::yaml::Limits;
use crate::load::{self, Kind};
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::STALE_REVIEW,
    what: "With `check --since REV`: for every changed catalog file that has a `reviewed` date, \
           compares its content (everything but `reviewed`) with the file at REV. Content that \
           changed under an unchanged `reviewed` date is reported.",
    why: "`reviewed` tells the public when a page was last confirmed correct. A change that keeps \
          the old date claims a confirmation that never happened; editors must re-confirm what they \
          change.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 10, unit: calendar_day}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "statutory_limit: {days: 10, unit: calendar_day}\nreviewed: 2026-11-01\n",
    )],
    check: None,
    since: true,
};

/// The finding for `path` if its content changed between `before` and `now` under the same
/// `reviewed` date.
pub fn stale_review(path: &str, before: &str, now: &str) -> Option<Diagnostic> {
    let parse = |text: &str| {
        load::parse_document(Kind::National, path, text.to_string(), Limits::default()).0
    };
    let (old, new) = (parse(before)?, parse(now)?);
    let reviewed = view::doc(&new.json).reviewed()?;
    if view::doc(&old.json).reviewed() != Some(reviewed) {
        return None;
    }
    let strip = |json: &serde_json::Value| {
        let mut json = json.clone();
        if let Some(map) = json.as_object_mut() {
            map.remove("reviewed");
        }
        json
    };
    (strip(&old.json) != strip(&new.json)).then(|| {
        new.diagnostic(
            RULE.code,
            "/reviewed",
            format!(
                "content changed but `reviewed` is still {}",
                reviewed.as_str().unwrap_or_default()
            ),
        )
        .label("unchanged")
        .help("confirm the changed content and set `reviewed` to the date of that confirmation")
    })
}

/// CAT111 for every file of a `check --since` change.
pub fn stale_reviews(revised: &[Revised]) -> Vec<Diagnostic> {
    revised
        .iter()
        .filter_map(|f| stale_review(&f.path, f.before.as_deref()?, f.now.as_deref()?))
        .collect()
}
