//! CAT104 fee-basis: a charged fee without a legal basis.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::{Document, Kind};
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view::{self, ListField};

pub static RULE: Rule = Rule {
    code: &codes::FEE_BASIS,
    what: "Every fee with an amount above zero, in a national item, a local item or added by a \
           regional entry, must name its `basis` (收费依据): a law in the laws registry.",
    why: "A government fee may only be charged on a published legal basis (行政事业性收费 must be \
          listed and approved). A fee without one cannot be published in a service guide.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        if matches!(doc.kind, Kind::National | Kind::LocalItem | Kind::Entry) {
            check_fees(doc, out);
        }
    }
}

fn check_fees(doc: &Document, out: &mut Vec<Diagnostic>) {
    let fees = view::doc(&doc.json).written_lines(ListField::Fees.name());
    for (i, fee) in fees.iter().map(Line::Plain).enumerate() {
        let charged = fee.amount() > 0.0;
        // A restated national fee (`ref`) inherits its basis.
        if charged && fee.basis().is_none() && fee.reference().is_none() {
            let name = Some(fee.name())
                .filter(|n| !n.is_empty())
                .unwrap_or("this fee");
            out.push(
                doc.diagnostic(
                    RULE.code,
                    &format!("/fees/{i}"),
                    format!("fee `{name}` is charged but names no legal basis"),
                )
                .help("add `basis:` with the id of the law that allows the fee"),
            );
        }
    }
}
