//! CAT117 scheduled-in-force: a scheduled change (docs/format.md, scheduled changes) has taken
//! effect. Its values are the ones published; the file still states the old ones beside it.

use super::Rule;
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::SCHEDULED_IN_FORCE,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "scheduled:\n  - effective: 2026-01-01\n    basis: 深府办〔2025〕9号\n    set: {committed_limit: {days: 5, unit: working_day}}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "scheduled:\n  - effective: 2099-01-01\n    basis: 深府办〔2025〕9号\n    set: {committed_limit: {days: 5, unit: working_day}}\n",
    )],
    check: Some(check),
    since: true,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked() {
        let Some(list) = doc.json.get("scheduled").and_then(|s| s.as_array()) else {
            continue;
        };
        for (i, change) in list.iter().enumerate() {
            let Some(effective) = change.get("effective").and_then(|e| e.as_str()) else {
                continue;
            };
            if dates::parse(effective).is_some_and(|day| day <= catalog.today) {
                let fields: Vec<&str> = change
                    .get("set")
                    .and_then(|s| s.as_object())
                    .map(|set| set.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/scheduled/{i}/effective"),
                        t!(
                            catalog.lang,
                            "cat117-message",
                            date = effective,
                            fields = fields.join(", ")
                        ),
                    )
                    .help(t!(catalog.lang, "cat117-help")),
                );
            }
        }
    }
}
