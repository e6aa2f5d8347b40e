//! CAT103 handling: 即办件 if and only if the committed limit is 0 days.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view::{self, Limit};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::HANDLING,
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "handling: immediate\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "handling: immediate\ncommitted_limit: {days: 0, unit: calendar_day}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let lang = catalog.lang;
    let mut judge = |doc: &crate::load::Document, handling: &str, days: u64| {
        let immediate = handling == "immediate";
        if immediate != (days == 0) {
            let message = if immediate {
                t!(lang, "cat103-immediate", days = days)
            } else {
                t!(lang, "cat103-zero-days")
            };
            let pointer = if view::doc(&doc.json).handling().is_some() {
                "/handling"
            } else {
                "/committed_limit/days"
            };
            out.push(
                doc.diagnostic(RULE.code, pointer, message)
                    .help(t!(lang, "cat103-help")),
            );
        }
    };
    for effective in &resolved.effective {
        if !effective.states(catalog, "handling") && !effective.states(catalog, "committed_limit") {
            continue;
        }
        let handling = effective
            .get(catalog, "handling")
            .and_then(|s| s.value.as_str());
        let days = effective
            .get(catalog, "committed_limit")
            .filter(|s| !s.national)
            .and_then(|s| Limit(s.value).days());
        if let (Some(handling), Some(days)) = (handling, days) {
            judge(effective.own_doc(catalog), handling, days);
        }
    }
    for local in catalog.local_items.values() {
        let doc = catalog.doc(local);
        if let (Some(handling), Some(limit)) = (&local.value.handling, &local.value.committed_limit)
        {
            judge(doc, handling, u64::from(limit.days));
        }
    }
}
