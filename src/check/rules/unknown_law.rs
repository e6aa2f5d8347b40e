//! CAT303 unknown-law: a reference to a law that is not in the laws registry.

use crate::t;
use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_LAW,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "legal_basis:\n  - {law: residence-permit-regulations, article: 第九条}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "legal_basis:\n  - {law: residence-permit-regulation, article: 第九条}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(laws) = &catalog.laws else {
        return;
    };
    // The registry's own references: the law that replaces a repealed one.
    for (i, law) in laws.value.laws.iter().enumerate() {
        if let Some(id) = &law.replaced_by
            && !catalog.has_law(id)
        {
            out.push(
                catalog
                    .doc(laws)
                    .diagnostic(
                        RULE.code,
                        &format!("/laws/{i}/replaced_by"),
                        t!(catalog.lang, "cat303-message", id = id.as_str()),
                    )
                    .help(t!(catalog.lang, "cat303-replacement-help")),
            );
        }
    }
    for doc in catalog.checked() {
        for (pointer, id) in law_references(&doc.json) {
            if !catalog.has_law(&id) {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &pointer,
                        t!(catalog.lang, "cat303-message", id = id.as_str()),
                    )
                    .help(t!(catalog.lang, "cat303-help")),
                );
            }
        }
    }
}

/// The laws of the registry a document cites, each with the pointer of its citation (an id the
/// registry lacks is CAT303's, and left out).
pub fn registered_citations<'a>(
    laws: &'a [crate::resolve::model::Law],
    json: &Value,
) -> Vec<(String, &'a crate::resolve::model::Law)> {
    law_references(json)
        .into_iter()
        .filter_map(|(pointer, id)| Some((pointer, laws.iter().find(|l| l.id == id)?)))
        .collect()
}

/// Every law id a document cites, with its pointer.
pub fn law_references(json: &Value) -> Vec<(String, String)> {
    let record = view::doc(json);
    let mut found = Vec::new();
    for (list, laws) in [
        ("legal_basis", record.legal_basis()),
        ("implementation_basis", record.implementation_basis()),
    ] {
        for (i, cite) in laws.iter().enumerate() {
            if !cite.law().is_empty() {
                found.push((format!("/{list}/{i}/law"), cite.law().to_string()));
            }
        }
    }
    for field in [ListField::Materials, ListField::Fees] {
        for (i, line) in record
            .written_lines(field.name())
            .iter()
            .map(Line::Plain)
            .enumerate()
        {
            if let Some(id) = line.basis() {
                found.push((format!("/{}/{i}/basis", field.name()), id.to_string()));
            }
        }
    }
    for (i, line) in record.personal_data().enumerate() {
        if let Some(id) = line.basis() {
            found.push((format!("/personal_data/{i}/basis"), id.to_string()));
        }
    }
    found
}
