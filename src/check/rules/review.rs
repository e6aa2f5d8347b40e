//! CAT109 review: content not confirmed within the review interval.

use super::Rule;
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::REVIEW,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2026-06-30\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(interval) = catalog.review_interval() else {
        return;
    };
    for doc in catalog.checked() {
        let Some(text) = view::doc(&doc.json).reviewed().and_then(|v| v.as_str()) else {
            continue;
        };
        let Some(day) = dates::parse(text) else {
            continue;
        };
        let age = catalog.today - day;
        if age > i64::from(interval) {
            out.push(
                doc.diagnostic(
                    RULE.code,
                    "/reviewed",
                    t!(catalog.lang, "cat109-old", age = age, interval = interval),
                )
                .help(t!(catalog.lang, "cat109-old-help")),
            );
        } else if age < 0 {
            out.push(
                doc.diagnostic(
                    RULE.code,
                    "/reviewed",
                    t!(catalog.lang, "cat109-future", date = text),
                )
                .help(t!(catalog.lang, "cat109-future-help")),
            );
        }
    }
}
