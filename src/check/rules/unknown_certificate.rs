//! CAT304 unknown-certificate: a material or a result linked to an unregistered e-certificate
//! type.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_CERTIFICATE,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper], required: true, source: issuing_authority, certificate: id-card-e}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper], required: true, source: issuing_authority, certificate: resident-id-card}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    if catalog.certificates.is_none() {
        return;
    }
    for doc in catalog.checked() {
        let record = view::doc(&doc.json);
        let lines = record.written_lines(ListField::Materials.name());
        let materials = lines
            .iter()
            .map(Line::Plain)
            .enumerate()
            .filter_map(|(i, line)| {
                Some((format!("/materials/{i}/certificate"), line.certificate()?))
            });
        let result = record
            .result()
            .and_then(|r| r.certificate())
            .map(|id| ("/result/certificate".to_string(), id));
        for (pointer, id) in materials.chain(result) {
            if !catalog.has_certificate(id) {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &pointer,
                        t!(catalog.lang, "cat304-message", id = id),
                    )
                    .help(t!(catalog.lang, "cat304-help")),
                );
            }
        }
    }
}
