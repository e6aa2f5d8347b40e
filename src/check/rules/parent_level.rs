//! CAT307 parent-level: a region whose parent is not at a higher level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::PARENT_LEVEL,
    what: "A region's parent must sit at a higher administrative level (a city's parent is a \
           province, a county's a city or a province), and following parents must never come \
           back to the region itself.",
    why: "Inheritance runs from the higher level down. A parent at the same or a lower level, or \
          a loop, makes the effective entry of a region undefined.",
    fails: &[(
        "catalog/regions/440000/region.yaml",
        "level: city\nparent: \"440300\"\n",
    )],
    passes: &[("catalog/regions/440000/region.yaml", "level: province\n")],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for region in catalog.regions.values() {
        let Some(parent_code) = &region.value.parent else {
            continue;
        };
        let Some(parent) = catalog.regions.get(parent_code) else {
            continue;
        };
        if parent.value.level.depth() >= region.value.level.depth() {
            let parent_doc = catalog.doc(parent);
            out.push(
                catalog
                    .doc(region)
                    .diagnostic(
                        RULE.code,
                        "/parent",
                        format!(
                            "parent `{parent_code}` is a {} region, not above this {} region",
                            crate::resolve::labels::level(parent.value.level.as_str()),
                            crate::resolve::labels::level(region.value.level.as_str())
                        ),
                    )
                    .with_label(
                        parent_doc.path(),
                        parent_doc.span("/level"),
                        "the parent's level",
                    )
                    .help("a region's parent must be at a higher level"),
            );
        }
    }
}
