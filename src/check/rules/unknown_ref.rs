//! CAT302 unknown-ref: a `ref` to a national line that does not exist.

use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

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
    for ((_, code), entry) in &catalog.entries {
        let Some(item) = catalog.items.get(code) else {
            continue;
        };
        let national = &catalog.doc(item).json;
        let doc = catalog.doc(entry);
        for list in ["conditions", "materials", "fees"] {
            let ids: Vec<&str> = national
                .get(list)
                .and_then(Value::as_array)
                .map(|lines| lines.iter().filter_map(|l| l.get("id")?.as_str()).collect())
                .unwrap_or_default();
            let Some(lines) = doc.json.get(list).and_then(Value::as_array) else {
                continue;
            };
            for (i, line) in lines.iter().enumerate() {
                let Some(reference) = line.get("ref").and_then(Value::as_str) else {
                    continue;
                };
                if !ids.contains(&reference) {
                    let item_doc = catalog.doc(item);
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
