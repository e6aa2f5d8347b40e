//! CAT102 limit-unit: a committed limit in another unit may or may not keep within the statute.

use super::Rule;
use super::committed_limit::{pairs, show};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::limits::{Days, Relation, relate};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::LIMIT_UNIT,
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 10, unit: working_day}\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 6, unit: working_day}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    for pair in pairs(resolved) {
        let Relation::Uncertain { at_most } = relate(pair.committed, pair.statutory) else {
            continue;
        };
        let (c, s) = (show(pair.committed), show(pair.statutory));
        let bound = show(Days {
            days: at_most,
            unit: pair.committed.unit,
        });
        let same_unit = show(pair.statutory);
        let lang = resolved.catalog.lang;
        out.push(
            pair.doc
                .diagnostic(
                    RULE.code,
                    "/committed_limit",
                    t!(
                        lang,
                        "cat102-message",
                        committed = c.as_str(),
                        statutory = s.as_str()
                    ),
                )
                .label(t!(
                    lang,
                    "cat102-label",
                    bound = bound.as_str(),
                    statutory = s.as_str()
                ))
                .with_label(
                    pair.statutory_doc.path(),
                    pair.statutory_doc.span("/statutory_limit"),
                    t!(lang, "cat101-statutory", statutory = s.as_str()),
                )
                .help(t!(
                    lang,
                    "cat102-help",
                    bound = bound.as_str(),
                    same_unit = same_unit.as_str()
                )),
        );
    }
}
