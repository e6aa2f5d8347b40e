//! CAT306 unknown-parent: a region whose parent region does not exist.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_PARENT,
    what: "A region's `parent` must be the code of another region in catalog/regions/.",
    why: "Entries inherit from the parent region's entries. A broken chain makes a city silently \
          skip its province's regional standard.",
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
                        format!("parent region `{parent}` does not exist"),
                    )
                    .help(format!(
                        "add catalog/regions/{parent}/region.yaml, or correct the code"
                    )),
            );
        }
    }
}
