//! CAT113 waiver-without-certificate: a material waived by e-certificate that names no
//! e-certificate type.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};
use crate::resolve::{Effective, Line};
use crate::t;

const NATIONAL_MATERIALS: &str = "materials:
  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card}
  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}
  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}
";

pub static RULE: Rule = Rule {
    code: &codes::WAIVER_WITHOUT_CERTIFICATE,
    fails: &[
        ("catalog/national/000120010000.yaml", NATIONAL_MATERIALS),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: lease, waived_by: e_certificate}\n",
        ),
    ],
    passes: &[
        ("catalog/national/000120010000.yaml", NATIONAL_MATERIALS),
        (
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card, waived_by: e_certificate}\n  - {ref: photo}\n  - {ref: lease, waived_by: commitment}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn waived_by_e_certificate(line: &Line) -> bool {
    line.waived_by() == Some("e_certificate")
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let items = catalog.items.values().map(|i| i.doc);
    let locals = catalog.local_items.values().map(|l| l.doc);
    let kept = items.chain(locals).filter(|i| catalog.keeps_doc(*i));
    for doc in kept.map(|i| &catalog.documents[i]) {
        for (i, line) in view::doc(&doc.json)
            .lines(ListField::Materials)
            .iter()
            .enumerate()
        {
            if waived_by_e_certificate(line) && line.certificate().is_none() {
                out.push(finding(doc, i, line, catalog.lang));
            }
        }
    }
    for effective in &resolved.effective {
        if !effective.states(catalog, ListField::Materials.name()) {
            continue; // the waiver, if any, is stated and reported elsewhere
        }
        let doc = effective.own_doc(catalog);
        let written = view::doc(&doc.json).written_lines(ListField::Materials.name());
        let merged = view::effective(catalog, effective).lines(ListField::Materials);
        // The effective list has the written lines in order, less the omitted ones: pair them
        // without those, keeping each written line's index for the pointer.
        let kept = written
            .iter()
            .map(Line::Plain)
            .enumerate()
            .filter(|(_, own)| own.omitted().is_none());
        for ((i, own), line) in kept.zip(&merged) {
            if waived_by_e_certificate(&own) && line.certificate().is_none() {
                let mut diagnostic = finding(doc, i, line, catalog.lang);
                if let Some((national, j)) = national_line(resolved, effective, &own) {
                    diagnostic = diagnostic.with_label(
                        national.path(),
                        national.span(&format!("/materials/{j}")),
                        t!(catalog.lang, "cat113-national"),
                    );
                }
                out.push(diagnostic);
            }
        }
    }
}

/// The national item's document and the index of the material a regional line restates.
fn national_line<'a>(
    resolved: &'a Resolved,
    effective: &Effective,
    own: &Line,
) -> Option<(&'a Document, usize)> {
    let reference = own.reference()?;
    let national = &resolved.catalog.documents[effective.national?];
    let index = view::doc(&national.json)
        .lines(ListField::Materials)
        .iter()
        .position(|line| line.id() == reference)?;
    Some((national, index))
}

fn finding(
    doc: &Document,
    index: usize,
    line: &Line,
    lang: crate::diagnostic::messages::Lang,
) -> Diagnostic {
    let name = match line.name() {
        "" => t!(lang, "field", property = line.id()),
        name => t!(lang, "field-labelled", property = line.id(), label = name),
    };
    doc.diagnostic(
        RULE.code,
        &format!("/materials/{index}/waived_by"),
        t!(lang, "cat113-message", name = name),
    )
    .label(t!(lang, "cat113-label"))
    .help(t!(lang, "cat113-help"))
}
