//! CAT101 committed-limit: the committed time limit exceeds the statutory one.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::limits::{Days, Relation, relate};
use crate::resolve::view::{self, Limit};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::COMMITTED_LIMIT,
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 20, unit: working_day}\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 15, unit: calendar_day}\n",
    )],
    check: Some(check),
    since: false,
};

/// A committed limit and the statutory limit it answers to.
pub struct Pair<'a> {
    pub doc: &'a Document,
    pub committed: Days,
    pub statutory_doc: &'a Document,
    pub statutory: Days,
}

/// Every committed limit an entry states (or a local item has), with its statutory limit.
pub fn pairs(resolved: &Resolved) -> Vec<Pair<'_>> {
    let catalog = &resolved.catalog;
    let mut found = Vec::new();
    for effective in &resolved.effective {
        if !effective.states(catalog, "committed_limit") {
            continue;
        }
        let (Some(committed), Some(statutory)) = (
            effective.get(catalog, "committed_limit"),
            effective.get(catalog, "statutory_limit"),
        ) else {
            continue;
        };
        if let (Some(c), Some(s)) = (
            Days::of(Limit(committed.value)),
            Days::of(Limit(statutory.value)),
        ) {
            found.push(Pair {
                doc: effective.own_doc(catalog),
                committed: c,
                statutory_doc: &catalog.documents[statutory.doc],
                statutory: s,
            });
        }
    }
    for local in catalog.local_items.values() {
        let doc = catalog.doc(local);
        let record = view::doc(&doc.json);
        if let (Some(c), Some(s)) = (
            record.committed_limit().and_then(Days::of),
            record.statutory_limit().and_then(Days::of),
        ) {
            found.push(Pair {
                doc,
                committed: c,
                statutory_doc: doc,
                statutory: s,
            });
        }
    }
    found
}

/// `15个自然日`.
pub fn show(days: Days) -> String {
    labels::days(days.days, days.unit.as_str())
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    for pair in pairs(resolved) {
        if relate(pair.committed, pair.statutory) != Relation::Over {
            continue;
        }
        let lang = resolved.catalog.lang;
        let (c, s) = (show(pair.committed), show(pair.statutory));
        let why = if pair.committed.unit == pair.statutory.unit {
            None
        } else if pair.committed.unit == crate::resolve::limits::Unit::WorkingDay {
            Some(t!(lang, "cat101-why-working", days = pair.committed.days))
        } else {
            Some(t!(
                lang,
                "cat101-why-calendar",
                statutory = s.as_str(),
                days = crate::resolve::limits::longest_span(pair.statutory.days)
            ))
        };
        let message = match why {
            None => t!(
                lang,
                "cat101-message",
                committed = c.as_str(),
                statutory = s.as_str()
            ),
            Some(why) => t!(
                lang,
                "cat101-message-why",
                committed = c.as_str(),
                statutory = s.as_str(),
                why = why
            ),
        };
        out.push(
            pair.doc
                .diagnostic(RULE.code, "/committed_limit/days", message)
                .label(c.clone())
                .with_label(
                    pair.statutory_doc.path(),
                    pair.statutory_doc.span("/statutory_limit/days"),
                    t!(lang, "cat101-statutory", statutory = s.as_str()),
                )
                .help(t!(lang, "cat101-help", statutory = s.as_str())),
        );
    }
}
