//! CAT319 waived-deferrable: a material both waived (免提交) and accepted to follow (容缺).

use serde_json::Value;

use super::Rule;
use super::situation_lines::{NATIONAL, NATIONAL_YAML};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::{Line, Resolved};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::WAIVED_DEFERRABLE,
    fails: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, waived_by: e_certificate, deferrable: true, deferrable_days: 5}\n  - {ref: photo}\n  - {ref: labor-contract}\n",
        ),
    ],
    passes: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, waived_by: e_certificate}\n  - {ref: photo, deferrable: true, deferrable_days: 5}\n  - {ref: labor-contract}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let both = |m: &Line<'_>| {
        m.waived_by().is_some() && m.get("deferrable").and_then(Value::as_bool) == Some(true)
    };
    let mut report = |doc: &crate::load::Document, i: usize, m: &Line<'_>| {
        out.push(
            doc.diagnostic(
                RULE.code,
                &format!("/materials/{i}"),
                t!(
                    catalog.lang,
                    "cat319-message",
                    id = m.id(),
                    waived_by = m.waived_by().unwrap_or_default()
                ),
            )
            .help(t!(catalog.lang, "cat319-help")),
        );
    };
    for item in catalog.items.values() {
        if !catalog.keeps_doc(item.doc) {
            continue;
        }
        let doc = catalog.doc(item);
        let materials = doc.json.get("materials").and_then(Value::as_array);
        for (i, m) in materials.into_iter().flatten().enumerate() {
            if both(&Line::Plain(m)) {
                report(doc, i, &Line::Plain(m));
            }
        }
    }
    // An entry's restating line, merged with the national line: reported where the region
    // states one of the two.
    for (doc, national) in catalog.entries_with_items() {
        let national: &[Value] = national
            .json
            .get("materials")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        let written = doc.json.get("materials").and_then(Value::as_array);
        for (i, w) in written.into_iter().flatten().enumerate() {
            let line = Line::Plain(w);
            if line.omitted().is_some()
                || (line.get("waived_by").is_none() && line.get("deferrable").is_none())
            {
                continue;
            }
            let merged = match (line.reference(), w.as_object()) {
                (Some(r), Some(changes)) => Line::Merged {
                    base: national
                        .iter()
                        .find(|n| Line::Plain(n).id() == r)
                        .and_then(Value::as_object),
                    reference: w.get("ref").unwrap_or(&Value::Null),
                    changes,
                },
                _ => line,
            };
            if both(&merged) {
                report(doc, i, &merged);
            }
        }
    }
}
