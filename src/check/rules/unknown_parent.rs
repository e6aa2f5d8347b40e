//! CAT306 unknown-parent: a region whose parent region does not exist.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_PARENT,
    fails: &[("catalog/regions/440300/region.yaml", "parent: \"450000\"\n")],
    passes: &[("catalog/regions/440300/region.yaml", "parent: \"440000\"\n")],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for region in catalog.regions.values() {
        let Some(parent) = &region.value.parent else {
            continue;
        };
        if !catalog.region_folders.contains(parent) {
            out.push(
                catalog
                    .doc(region)
                    .diagnostic(
                        RULE.code,
                        "/parent",
                        t!(catalog.lang, "cat306-message", parent = parent.as_str()),
                    )
                    .help(t!(catalog.lang, "cat306-help", parent = parent.as_str())),
            );
        }
    }
}
