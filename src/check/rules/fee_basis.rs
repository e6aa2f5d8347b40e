//! CAT104 fee-basis: a charged fee without a legal basis.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::{Document, Kind};
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::FEE_BASIS,
    fails: &[(
        "catalog/national/000120020000.yaml",
        "fees:\n  - {id: replacement, name: 居住证工本费, amount: 10}\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "fees:\n  - {id: replacement, name: 居住证工本费, amount: 10, basis: fee-regulation}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked() {
        if matches!(doc.kind, Kind::National | Kind::LocalItem | Kind::Entry) {
            check_fees(doc, catalog.lang, out);
        }
    }
}

fn check_fees(doc: &Document, lang: crate::diagnostic::messages::Lang, out: &mut Vec<Diagnostic>) {
    let fees = view::doc(&doc.json).written_lines(ListField::Fees.name());
    for (i, fee) in fees.iter().map(Line::Plain).enumerate() {
        let charged = fee.amount() > 0.0;
        // A restated national fee (`ref`) inherits its basis.
        if charged && fee.basis().is_none() && fee.reference().is_none() {
            let message = match Some(fee.name()).filter(|n| !n.is_empty()) {
                Some(name) => t!(lang, "cat104-message", name = name),
                None => t!(lang, "cat104-message-unnamed"),
            };
            out.push(
                doc.diagnostic(RULE.code, &format!("/fees/{i}"), message)
                    .help(t!(lang, "cat104-help")),
            );
        }
    }
}
