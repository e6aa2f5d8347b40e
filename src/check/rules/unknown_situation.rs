//! CAT316 unknown-situation: a line's `situations` names no situation of the item.

use super::Rule;
use super::situation_lines::{NATIONAL, ids, national_ids, owned_lines};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_SITUATION,
    fails: &[
        (NATIONAL, super::situation_lines::NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, situations: [employmnet, employment, housing]}\n  - {ref: labor-contract}\n",
        ),
    ],
    passes: &[
        (NATIONAL, super::situation_lines::NATIONAL_YAML),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo, situations: [employment]}\n  - {ref: photo, situations: [housing], omitted: 已共享人像信息}\n  - {ref: labor-contract}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    // National items: their own situations.
    for item in catalog.items.values() {
        if !catalog.keeps_doc(item.doc) {
            continue;
        }
        let doc = catalog.doc(item);
        let known = national_ids(&doc.json);
        unknown(doc, &known, catalog.lang, out);
    }
    // Entries: the national situations and the ones the region (or a parent region) adds.
    for effective in &resolved.effective {
        let Some(national) = effective.national else {
            continue;
        };
        let mut known = national_ids(&catalog.documents[national].json);
        for line in effective.situations(catalog) {
            if !known.contains(&line.id()) {
                known.push(line.id());
            }
        }
        unknown(effective.own_doc(catalog), &known, catalog.lang, out);
    }
}

fn unknown(
    doc: &Document,
    known: &[&str],
    lang: crate::diagnostic::messages::Lang,
    out: &mut Vec<Diagnostic>,
) {
    for (list, i, line) in owned_lines(&doc.json) {
        for (k, id) in ids(line).enumerate() {
            if known.contains(&id) {
                continue;
            }
            let mut d = doc
                .diagnostic(
                    RULE.code,
                    &format!("/{list}/{i}/situations/{k}"),
                    t!(lang, "cat316-message", id = id, list = list),
                )
                .label(if known.is_empty() {
                    t!(lang, "cat316-label-none")
                } else {
                    t!(lang, "cat316-label", ids = known.join(", "))
                });
            d = match closest(id, known) {
                Some(near) => d.help(t!(lang, "cat316-help", id = near)),
                None => d.help(t!(lang, "cat316-help-none")),
            };
            out.push(d);
        }
    }
}

/// The known id closest to `wanted` (fewest edits), when one is close enough to be a typo.
fn closest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(wanted, k), *k))
        .min()
        .filter(|(d, k)| *d <= (k.chars().count().max(wanted.chars().count()) / 2).max(1))
        .map(|(_, k)| k)
}
