//! CAT102 limit-unit: a committed limit in another unit may or may not keep within the statute.

use super::Rule;
use super::committed_limit::{pairs, show};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::limits::{Days, Relation, relate};

pub static RULE: Rule = Rule {
    code: &codes::LIMIT_UNIT,
    what: "Reports an entry whose `committed_limit` is counted in one unit (working or calendar \
           days) while the statutory limit is in the other, when the promise keeps within the \
           statute on some calendars and not on others. The warning states the bound: the largest \
           promise that keeps within whatever the calendar. N working days take at least N \
           calendar days and at most a weekend after every 5 working days plus one public-holiday \
           run of up to 8 days (春节, 国庆) for every 40 working days (6 days beyond the weekend it \
           absorbs); 调休 weekends only shorten this. A promise that always fits is compared as \
           faster (improved); one that never fits is CAT101's error.",
    why: "10 working days can be 20 calendar days across 国庆: an applicant promised 10 working \
          days against a statutory 15 calendar days may wait longer than the law allows. A \
          promise within the bound, or in the statute's own unit, removes the doubt.",
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
        out.push(
            pair.doc
                .diagnostic(
                    RULE.code,
                    "/committed_limit",
                    format!("a committed limit of {c} may exceed the statutory limit of {s}, depending on weekends and holidays"),
                )
                .label(format!("at most {bound} keeps within {s}"))
                .with_label(
                    pair.statutory_doc.path(),
                    pair.statutory_doc.span("/statutory_limit"),
                    format!("the statutory limit is {s}"),
                )
                .help(format!("promise at most {bound}, or state the limit in the statute's unit (at most {same_unit})")),
        );
    }
}
