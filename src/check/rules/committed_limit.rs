//! CAT101 committed-limit: the committed time limit exceeds the statutory one.

use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::view::{self, Limit};

pub static RULE: Rule = Rule {
    code: &codes::COMMITTED_LIMIT,
    what: "Compares each entry's `committed_limit` (承诺办结时限) with the national item's \
           `statutory_limit` (法定办结时限) when both use the same unit, and a local item's with \
           its own. Limits in different units are reported by CAT102 instead.",
    why: "The statutory limit is set by law; a region may promise to be faster, never slower \
          (国发〔2022〕5号, GB/T 39046 §5). A committed limit above it is a promise the law does not \
          allow.",
    fails: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 20, unit: calendar_day}\n",
    )],
    passes: &[(
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 15, unit: calendar_day}\n",
    )],
    check: Some(check),
    since: false,
};

/// `(days, unit)` of a time limit value.
pub fn limit(value: &Value) -> Option<(u64, &str)> {
    let limit = Limit(value);
    Some((limit.days()?, limit.unit()?))
}

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
        compare(
            effective.own_doc(catalog),
            committed.value,
            &catalog.documents[statutory.doc],
            statutory.value,
            out,
        );
    }
    for local in catalog.local_items.values() {
        let doc = catalog.doc(local);
        let record = view::doc(&doc.json);
        if let (Some(committed), Some(statutory)) =
            (record.committed_limit(), record.statutory_limit())
        {
            compare(doc, committed.raw(), doc, statutory.raw(), out);
        }
    }
}

fn compare(
    doc: &Document,
    committed: &Value,
    statutory_doc: &Document,
    statutory: &Value,
    out: &mut Vec<Diagnostic>,
) {
    let (Some((c, c_unit)), Some((s, s_unit))) = (limit(committed), limit(statutory)) else {
        return;
    };
    if c_unit == s_unit && c > s {
        out.push(
            doc.diagnostic(
                RULE.code,
                "/committed_limit/days",
                format!("committed limit of {c} days exceeds the statutory limit of {s} days"),
            )
            .label(format!("{c} days"))
            .with_label(
                statutory_doc.path(),
                statutory_doc.span("/statutory_limit/days"),
                format!("the statutory limit is {s} days"),
            )
            .help(format!("promise at most {s} days")),
        );
    }
}
