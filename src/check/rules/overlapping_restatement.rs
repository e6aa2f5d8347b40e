//! CAT317 overlapping-restatement: two lines for the same `ref` cover the same situation.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Rule;
use super::situation_lines::{NATIONAL, NATIONAL_YAML, ids, national_ids, owned_lines};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::OVERLAPPING_RESTATEMENT,
    fails: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, situations: [employment, housing]}\n  - {ref: photo, situations: [housing], omitted: 已共享人像信息}\n  - {ref: labor-contract}\n",
        ),
    ],
    passes: &[
        (NATIONAL, NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, situations: [employment]}\n  - {ref: photo, situations: [housing], omitted: 已共享人像信息}\n  - {ref: labor-contract}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

/// The situations a line covers: its own `situations`, else all of them.
fn covers<'a>(line: &'a Value, all: &BTreeSet<&'a str>) -> BTreeSet<&'a str> {
    if line.get("situations").is_some() {
        ids(line).collect()
    } else {
        all.clone()
    }
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for effective in &resolved.effective {
        let Some(national) = effective.national else {
            continue;
        };
        let national = &catalog.documents[national].json;
        // The situations a line without `situations` covers: all of the item's.
        let mut all: BTreeSet<&str> = national_ids(national).into_iter().collect();
        all.extend(effective.situations(catalog).iter().map(|s| s.id()));
        let doc = effective.own_doc(catalog);
        let lines: Vec<(&str, usize, &Value)> = owned_lines(&doc.json).collect();
        for (n, &(list, i, line)) in lines.iter().enumerate() {
            let Some(reference) = line.get("ref").and_then(Value::as_str) else {
                continue;
            };
            // Two lines without `situations` are CAT108's finding (the same ref twice).
            let earlier = lines[..n].iter().find(|(l, _, other)| {
                *l == list
                    && other.get("ref").and_then(Value::as_str) == Some(reference)
                    && (line.get("situations").is_some() || other.get("situations").is_some())
                    && !covers(line, &all).is_disjoint(&covers(other, &all))
            });
            let Some(&(_, first, other)) = earlier else {
                continue;
            };
            let shared: Vec<&str> = covers(line, &all)
                .intersection(&covers(other, &all))
                .copied()
                .collect();
            out.push(
                doc.diagnostic(
                    RULE.code,
                    &format!("/{list}/{i}"),
                    t!(
                        catalog.lang,
                        "cat317-message",
                        reference = reference,
                        list = list,
                        situations = shared.join(", ")
                    ),
                )
                .label(t!(catalog.lang, "cat317-label"))
                .with_label(
                    doc.path(),
                    doc.span(&format!("/{list}/{first}")),
                    t!(catalog.lang, "cat317-first"),
                )
                .help(t!(catalog.lang, "cat317-help")),
            );
        }
    }
}
