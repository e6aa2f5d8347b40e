//! CAT304 unknown-certificate: a material linked to an unregistered e-certificate type.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_CERTIFICATE,
    what: "A material's `certificate` names the e-certificate (电子证照) that can replace it; it \
           must be an `id` in catalog/registries/certificates.yaml.",
    why: "免提交 works only when the certificate type exists on the e-certificate platform. An \
          unknown type promises applicants a waiver that no office can grant.",
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
        let lines = view::doc(&doc.json).written_lines(ListField::Materials.name());
        for (i, line) in lines.iter().map(Line::Plain).enumerate() {
            let Some(id) = line.certificate() else {
                continue;
            };
            if !catalog.has_certificate(id) {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/materials/{i}/certificate"),
                        format!("e-certificate type `{id}` is not in the certificates registry"),
                    )
                    .help("add it to catalog/registries/certificates.yaml, or correct the id"),
                );
            }
        }
    }
}
