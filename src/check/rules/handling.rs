//! CAT103 handling: 即办件 if and only if the committed limit is 0 days.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view::{self, Limit};

pub static RULE: Rule = Rule {
    code: &codes::HANDLING,
    what: "An entry (or local item) with `handling: immediate` (即办件) must commit to 0 days; one \
           that commits to 0 days must be `immediate`. Values inherited from a parent region count; \
           the finding is reported where one of the two is stated.",
    why: "即办件 means the applicant gets the result at the window (GB/T 39046 A.6). A 即办件 with a \
          5-day limit, or a 承诺件 with 0 days, tells the applicant two different things.",
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
    let mut judge = |doc: &crate::load::Document, handling: &str, days: u64| {
        let immediate = handling == "immediate";
        if immediate != (days == 0) {
            let message = if immediate {
                format!("即办件 (`handling: immediate`) must commit to 0 days, not {days}")
            } else {
                "a committed limit of 0 days makes this a 即办件, but `handling` says otherwise"
                    .to_string()
            };
            let pointer = if view::doc(&doc.json).handling().is_some() {
                "/handling"
            } else {
                "/committed_limit/days"
            };
            out.push(
                doc.diagnostic(RULE.code, pointer, message)
                    .help("set `handling: immediate` exactly when `committed_limit.days` is 0"),
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
