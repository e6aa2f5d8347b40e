//! CAT302 unknown-ref: a `ref` to a national line that does not exist.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_REF,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: foto}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for (doc, item_doc) in catalog.entries_with_items() {
        let code = item_doc.stem();
        let national = view::doc(&item_doc.json);
        for list in &resolved.line_fields {
            let list = list.as_str();
            let ids: Vec<&str> = national.lines_named(list).iter().map(Line::id).collect();
            let lines = view::doc(&doc.json).written_lines(list);
            for (i, line) in lines.iter().map(Line::Plain).enumerate() {
                let Some(reference) = line.reference() else {
                    continue;
                };
                if !ids.contains(&reference) {
                    out.push(
                        doc.diagnostic(
                            RULE.code,
                            &format!("/{list}/{i}/ref"),
                            t!(
                                catalog.lang,
                                "cat302-message",
                                code = code,
                                reference = reference,
                                list = list
                            ),
                        )
                        .with_label(
                            item_doc.path(),
                            item_doc.span(&format!("/{list}")),
                            if ids.is_empty() {
                                t!(catalog.lang, "cat302-label-none")
                            } else {
                                t!(catalog.lang, "cat302-label", ids = ids.join(", "))
                            },
                        )
                        .help(t!(catalog.lang, "cat302-help")),
                    );
                }
            }
        }
    }
}
