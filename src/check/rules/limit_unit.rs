//! CAT102 limit-unit: committed and statutory limits use different units.

use super::Rule;
use super::committed_limit::limit;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::LIMIT_UNIT,
    what: "Reports an entry whose `committed_limit` is counted in working days while the \
           statutory limit is in calendar days, or the other way round. The two cannot be compared \
           exactly; the warning says what the committed limit is at most in the other unit.",
    why: "10 working days can be 14 calendar days or more around public holidays. An applicant \
          reading both limits cannot tell which is shorter, and neither can the conformance check.",
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 10, unit: working_day}\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 10, unit: calendar_day}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
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
        let (Some((c, c_unit)), Some((s, s_unit))) =
            (limit(committed.value), limit(statutory.value))
        else {
            continue;
        };
        if c_unit != s_unit {
            let statutory_doc = &catalog.documents[statutory.doc];
            out.push(
                effective
                    .own_doc(catalog)
                    .diagnostic(RULE.code, "/committed_limit/unit", format!("committed limit is in {c_unit}s but the statutory limit of {s} is in {s_unit}s ({c} days cannot be compared exactly)"))
                    .with_label(statutory_doc.path(), statutory_doc.span("/statutory_limit/unit"), format!("statutory unit: {s_unit}"))
                    .help(format!("state the committed limit in {s_unit}s")),
            );
        }
    }
}
