//! CAT115 illustrative-path: an `illustrative` mark names no value of its file.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Kind;
use crate::resolve::Resolved;
use crate::resolve::view::{self, at_path, illustrative_paths};
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::ILLUSTRATIVE_PATH,
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
    let lang = resolved.catalog.lang;
    let documents = resolved.catalog.checked().filter(|d| {
        matches!(
            d.kind,
            Kind::National | Kind::Entry | Kind::LocalItem | Kind::Event
        )
    });
    for doc in documents {
        let exceptions = view::doc(&doc.json)
            .exceptions()
            .enumerate()
            .map(|(k, e)| (format!("/exceptions/{k}"), e.0));
        for (pointer, json) in std::iter::once((String::new(), &*doc.json)).chain(exceptions) {
            for (i, path) in illustrative_paths(json).enumerate() {
                if at_path(json, path).is_some() {
                    continue;
                }
                let holder = if pointer.is_empty() {
                    "file"
                } else {
                    "exception"
                };
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("{pointer}/illustrative/{i}"),
                        t!(lang, "cat115-message", path = path, holder = holder),
                    )
                    .label(t!(lang, "cat115-label"))
                    .help(t!(lang, "cat115-help")),
                );
            }
        }
    }
}
