//! CAT304 unknown-certificate: a material or a result linked to an unregistered e-certificate
//! type.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_CERTIFICATE,
    what: "A material's `certificate` names the e-certificate (电子证照) that can replace it, and \
           a result's `certificate` the e-certificate an item issues; each must be an `id` in \
           catalog/registries/certificates.yaml.",
    why: "免提交 works only when the certificate type exists on the e-certificate platform. An \
          unknown type promises applicants a waiver that no office can grant, or, on a result, \
          an event a document that no step produces.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
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
                        format!("e-certificate type `{id}` is not in the certificates registry"),
                    )
                    .help("add it to catalog/registries/certificates.yaml, or correct the id"),
                );
            }
        }
    }
}
