//! CAT214 standard-version: the national item has moved past the version an entry was reviewed
//! against.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::STANDARD_VERSION,
    fails: &[
        ("catalog/national/000120010000.yaml", "version: 2\n"),
        (
            "catalog/regions/440300/000120010000.yaml",
            "standard_version: 1\n",
        ),
    ],
    passes: &[
        ("catalog/national/000120010000.yaml", "version: 2\n"),
        (
            "catalog/regions/440300/000120010000.yaml",
            "standard_version: 2\n",
        ),
    ],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for (doc, national) in catalog.entries_with_items() {
        let item = national.stem();
        let (Some(recorded), Some(current)) = (
            view::doc(&doc.json).standard_version(),
            view::doc(&national.json).version(),
        ) else {
            continue;
        };
        let lang = catalog.lang;
        let message = if recorded < current {
            t!(
                lang,
                "cat214-behind",
                item = item,
                current = current,
                recorded = recorded
            )
        } else if recorded > current {
            t!(
                lang,
                "cat214-ahead",
                item = item,
                current = current,
                recorded = recorded
            )
        } else {
            continue;
        };
        out.push(
            doc.diagnostic(RULE.code, "/standard_version", message)
                .label(t!(lang, "cat214-label", recorded = recorded))
                .help(t!(lang, "cat214-help", current = current)),
        );
    }
}
