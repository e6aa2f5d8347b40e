//! CAT101 committed-limit: the committed time limit exceeds the statutory one.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::limits::{Days, Relation, relate};
use crate::resolve::view::{self, Limit};

pub static RULE: Rule = Rule {
    code: &codes::COMMITTED_LIMIT,
    what: "Compares each entry's `committed_limit` (承诺办结时限) with the national item's \
           `statutory_limit` (法定办结时限), and a local item's with its own, by what each \
           guarantees. In the same unit the numbers are compared. Across units: N working days \
           always take at least N calendar days, so more working days than the statute's \
           calendar days is over the statute; calendar days beyond the longest span the \
           statute's working days can take are over it too. The longest span assumes a weekend \
           after every 5 working days and one public-holiday run of up to 8 days (春节, 国庆) for \
           every 40 working days; 调休 weekends only shorten it. A promise that may or may not \
           fit, depending on the calendar, is CAT102's warning.",
    why: "The statutory limit is set by law; a region may promise to be faster, never slower \
          (国发〔2022〕5号, GB/T 39046 §5). A committed limit above it is a promise the law does not \
          allow, whatever unit it is written in: 20 working days against a statutory 15 calendar \
          days is always at least 20 calendar days.",
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
        let (c, s) = (show(pair.committed), show(pair.statutory));
        let why = if pair.committed.unit == pair.statutory.unit {
            String::new()
        } else if pair.committed.unit == crate::resolve::limits::Unit::WorkingDay {
            format!(
                " ({} working days always take at least as many calendar days)",
                pair.committed.days
            )
        } else {
            format!(
                " ({s} take at most {} calendar days)",
                crate::resolve::limits::longest_span(pair.statutory.days)
            )
        };
        out.push(
            pair.doc
                .diagnostic(
                    RULE.code,
                    "/committed_limit/days",
                    format!("committed limit of {c} exceeds the statutory limit of {s}{why}"),
                )
                .label(c.clone())
                .with_label(
                    pair.statutory_doc.path(),
                    pair.statutory_doc.span("/statutory_limit/days"),
                    format!("the statutory limit is {s}"),
                )
                .help(format!("promise at most {s}")),
        );
    }
}
