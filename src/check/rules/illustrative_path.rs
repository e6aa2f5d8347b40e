//! CAT115 illustrative-path: an `illustrative` mark names no value of its file.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Kind;
use crate::resolve::Resolved;
use crate::resolve::view::{self, at_path, illustrative_paths};

pub static RULE: Rule = Rule {
    code: &codes::ILLUSTRATIVE_PATH,
    what: "Each path listed under `illustrative` (on an item, an entry, a local item, an event, or \
           an exception line) must name a value that the same file, or the same exception line, \
           states: a top-level field (`statutory_limit`) or a field inside one \
           (`contact.phone`, `department.credit_code`).",
    why: "`illustrative` tells pages that a value is an illustration, not a fact (an invented \
          phone number, a made-up approval number). A mark that names nothing (a typo, or a \
          value since removed or inherited from another file) marks nothing, and the invented \
          value it was meant for is printed as if it were true.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "contact: {phone: \"0755-12345678\", complaint: \"12345\"}\nillustrative: [contact.fone]\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "contact: {phone: \"0755-12345678\", complaint: \"12345\"}\nillustrative: [contact.phone]\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let documents = resolved.catalog.documents.iter().filter(|d| {
        d.valid
            && matches!(
                d.kind,
                Kind::National | Kind::Entry | Kind::LocalItem | Kind::Event
            )
    });
    for doc in documents {
        let exceptions = view::doc(&doc.json)
            .exceptions()
            .enumerate()
            .map(|(k, e)| (format!("/exceptions/{k}"), e.0));
        for (pointer, json) in std::iter::once((String::new(), &doc.json)).chain(exceptions) {
            for (i, path) in illustrative_paths(json).enumerate() {
                if at_path(json, path).is_some() {
                    continue;
                }
                let holder = if pointer.is_empty() {
                    "this file"
                } else {
                    "this exception"
                };
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("{pointer}/illustrative/{i}"),
                        format!("`{path}` is marked illustrative, but {holder} states no such value"),
                    )
                    .label("marks nothing")
                    .help("name a value stated here (`statutory_limit`, `contact.phone`), or remove the path; an inherited value is marked in the file that states it"),
                );
            }
        }
    }
}
