//! CAT114 waiver-note: a waived material keeps a national note about handing it in.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::WAIVER_NOTE,
    fails: &[
        (
            "catalog/national/000120010000.yaml",
            "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, note: 现场核验后退还}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, waived_by: e_certificate}\n  - {ref: photo}\n",
        ),
    ],
    passes: &[
        (
            "catalog/national/000120010000.yaml",
            "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, note: 现场核验后退还}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, waived_by: e_certificate, note: 通过电子证照核验身份，无需携带}\n  - {ref: photo}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for (doc, national) in catalog.entries_with_items() {
        let national = view::doc(&national.json).lines(ListField::Materials);
        let written = view::doc(&doc.json).written_lines(ListField::Materials.name());
        for (i, line) in written.iter().enumerate() {
            let line = crate::resolve::Line::Plain(line);
            let (Some(reference), Some(_)) = (line.reference(), line.waived_by()) else {
                continue;
            };
            if line.omitted().is_some() || line.note().is_some() {
                continue;
            }
            let Some(note) = national
                .iter()
                .find(|n| n.id() == reference)
                .and_then(|n| n.note())
                .and_then(serde_json::Value::as_str)
            else {
                continue;
            };
            out.push(
                doc.diagnostic(
                    RULE.code,
                    &format!("/materials/{i}"),
                    t!(
                        catalog.lang,
                        "cat114-message",
                        reference = reference,
                        note = note
                    ),
                )
                .label(t!(catalog.lang, "cat114-label"))
                .help(t!(catalog.lang, "cat114-help")),
            );
        }
    }
}
