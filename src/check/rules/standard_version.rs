//! CAT214 standard-version: the national item has moved past the version an entry was reviewed
//! against.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::STANDARD_VERSION,
    what: "A regional entry may record, in `standard_version`, the `version` of the national item \
           it was last reviewed against. When the national office publishes a new version, every \
           entry that recorded an older one gets this warning until its editor has reviewed the \
           entry against the new standard and updated `standard_version`. When the catalog is a \
           git repository and the national item's file at the recorded version can be found in \
           its history, the help lists what changed since (materials, conditions and fees added, \
           removed or changed; other fields changed); otherwise it says only that the version \
           moved. The code, the place and the exit status never depend on the history available: \
           a shallow clone and `check --since` give the same finding.",
    why: "A region's list is written against one version of the standard. When the standard \
          changes (a new regulation adds a document, a condition is relaxed), nothing else tells \
          the region's editor that their guide may now be out of date. Flanders' shared product \
          catalogue (IPDC/LPDC) keeps municipal instances honest the same way: each instance \
          knows the concept version it follows.",
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
        let message = if recorded < current {
            format!(
                "the national item {item} is at version {current}; this entry was reviewed against version {recorded}"
            )
        } else if recorded > current {
            format!(
                "the entry records version {recorded} of national item {item}, which is at version {current}"
            )
        } else {
            continue;
        };
        out.push(
            doc.diagnostic(RULE.code, "/standard_version", message)
                .label(format!("version {recorded}"))
                .help(format!(
                    "review the entry against version {current} of the standard, then set `standard_version: {current}`"
                )),
        );
    }
}
