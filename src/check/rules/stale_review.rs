//! CAT111 stale-review: content changed but its `reviewed` date did not move.
//!
//! Emitted by `check --since REV` (and reported by `changelog`), which compare each changed file
//! with its version at the revision.

use super::Rule;
use crate::diagnostic::codes;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::messages::Lang;
use crate::load::since::Revised;
use crate::load::yaml::Limits;
use crate::load::{self, Kind};
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::STALE_REVIEW,
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
pub fn stale_review(path: &str, before: &str, now: &str, lang: Lang) -> Option<Diagnostic> {
    let parse = |text: &str| {
        load::parse_document(
            Kind::National,
            path,
            text.to_string(),
            Limits::default(),
            lang,
        )
        .0
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
            t!(
                lang,
                "cat111-message",
                reviewed = reviewed.as_str().unwrap_or_default()
            ),
        )
        .label(t!(lang, "cat111-label"))
        .help(t!(lang, "cat111-help"))
    })
}

/// CAT111 for every file of a `check --since` change.
pub fn stale_reviews(revised: &[Revised], lang: Lang) -> Vec<Diagnostic> {
    revised
        .iter()
        .filter_map(|f| stale_review(&f.path, f.before.as_deref()?, f.now.as_deref()?, lang))
        .collect()
}
