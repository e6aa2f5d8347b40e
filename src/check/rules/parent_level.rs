//! CAT307 parent-level: a region whose parent is not at a higher level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::PARENT_LEVEL,
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
                        t!(
                            catalog.lang,
                            "cat307-message",
                            parent = parent_code.as_str(),
                            parent_level =
                                crate::resolve::labels::level(parent.value.level.as_str()),
                            level = crate::resolve::labels::level(region.value.level.as_str())
                        ),
                    )
                    .with_label(
                        parent_doc.path(),
                        parent_doc.span("/level"),
                        t!(catalog.lang, "cat307-label"),
                    )
                    .help(t!(catalog.lang, "cat307-help")),
            );
        }
    }
}
