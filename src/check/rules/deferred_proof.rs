//! CAT318 deferred-proof: the material that proves a situation is accepted to follow later.

use serde_json::Value;

use super::Rule;
use super::situation_lines::{NATIONAL, NATIONAL_YAML};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::{Line, Resolved};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::DEFERRED_PROOF,
    fails: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: labor-contract, deferrable: true, deferrable_days: 5}\n",
        ),
    ],
    passes: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, deferrable: true, deferrable_days: 5}\n  - {ref: labor-contract}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn deferrable(line: &Line<'_>) -> bool {
    line.get("deferrable").and_then(Value::as_bool) == Some(true)
}

/// The material ids a situation's `proof` lists.
fn proof<'a>(situation: &Line<'a>) -> Vec<&'a str> {
    situation
        .get("proof")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let lang = catalog.lang;
    // National items: a proof material marked deferrable where it proves the situation.
    for item in catalog.items.values() {
        if !catalog.keeps_doc(item.doc) {
            continue;
        }
        let doc = catalog.doc(item);
        let record = crate::resolve::view::doc(&doc.json);
        for situation in record.situations().iter().map(Line::Plain) {
            let proof = proof(&situation);
            let materials = doc.json.get("materials").and_then(Value::as_array);
            for (j, m) in materials.into_iter().flatten().enumerate() {
                let m = Line::Plain(m);
                if proof.contains(&m.id())
                    && deferrable(&m)
                    && crate::resolve::lines::applies_in(&m, situation.id())
                {
                    out.push(finding(
                        doc,
                        &format!("/materials/{j}/deferrable"),
                        &m,
                        &situation,
                        lang,
                    ));
                }
            }
        }
    }
    // Entries: the effective lines in each situation the region handles; reported where the
    // region's own file makes the proof deferrable.
    for effective in &resolved.effective {
        let doc = effective.own_doc(catalog);
        let Some(written) = doc.json.get("materials").and_then(Value::as_array) else {
            continue;
        };
        for situation in effective.situations(catalog) {
            let proof = proof(&situation);
            for m in effective.lines_in(catalog, "materials", situation.id()) {
                if !proof.contains(&m.id()) || !deferrable(&m) {
                    continue;
                }
                let stated = written.iter().position(|w| {
                    let w = Line::Plain(w);
                    w.reference() == Some(m.id())
                        && w.get("deferrable").is_some()
                        && crate::resolve::lines::applies_in(&w, situation.id())
                });
                if let Some(i) = stated {
                    out.push(finding(
                        doc,
                        &format!("/materials/{i}/deferrable"),
                        &m,
                        &situation,
                        lang,
                    ));
                }
            }
        }
    }
}

fn finding(
    doc: &crate::load::Document,
    pointer: &str,
    material: &Line<'_>,
    situation: &Line<'_>,
    lang: crate::diagnostic::messages::Lang,
) -> Diagnostic {
    doc.diagnostic(
        RULE.code,
        pointer,
        t!(
            lang,
            "cat318-message",
            id = material.id(),
            situation = situation.name()
        ),
    )
    .label(t!(lang, "cat318-label"))
    .help(t!(lang, "cat318-help"))
}
