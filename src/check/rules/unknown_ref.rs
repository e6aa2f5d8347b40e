//! CAT302 unknown-ref: a `ref` to a national line that does not exist.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Line;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_REF,
    what: "Each `ref` in an entry's `conditions`, `materials` and `fees` must name the `id` of a \
           line in the same list of the national item.",
    why: "`ref` is how a regional line stays linked to the catalogue line it implements \
          (目录材料关联ID). A dangling ref is an unlinked, unchecked requirement.",
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
                        doc.diagnostic(RULE.code, &format!("/{list}/{i}/ref"), format!("national item {code} has no line `{reference}` in `{list}`"))
                            .with_label(item_doc.path(), item_doc.span(&format!("/{list}")), format!("known ids: {}", if ids.is_empty() { "none".to_string() } else { ids.join(", ") }))
                            .help("use one of the national ids, or drop `ref` to add a line (a deviation that needs an exception)"),
                    );
                }
            }
        }
    }
}
