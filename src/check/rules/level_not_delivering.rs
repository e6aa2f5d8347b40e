//! CAT201 level-not-delivering: an entry at a level below the item's delivering levels.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::LEVEL_NOT_DELIVERING,
    what: "A national item's `levels` (行使层级) say where it is delivered. A region at one of those \
           levels implements it; a region above them may hold an entry that its sub-regions \
           inherit (省级统一编制、市县认领); a region below all of them must not have an entry.",
    why: "An entry below the delivering levels claims a power the region does not have: the \
          applicant would be sent to an office that cannot decide the case.",
    fails: &[("catalog/national/000120010000.yaml", "levels: [province]\n")],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "levels: [province, city]\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, code), entry) in &catalog.entries {
        let (Some(item), Some(region)) = (catalog.items.get(code), catalog.regions.get(region))
        else {
            continue;
        };
        let level = region.value.level;
        let Some(lowest) = item.value.levels.iter().max_by_key(|l| l.depth()) else {
            continue;
        };
        if level.depth() > lowest.depth() {
            let item_doc = catalog.doc(item);
            out.push(
                catalog
                    .doc(entry)
                    .diagnostic(RULE.code, "/level", format!("{} ({}) is a {} region, below every level that delivers item {code}", region.value.name, region.value.code, crate::resolve::labels::level(level.as_str())))
                    .with_label(item_doc.path(), item_doc.span("/levels"), "the item is delivered at these levels")
                    .help("remove the entry, or ask the national office to extend the item's `levels`"),
            );
        }
    }
}
