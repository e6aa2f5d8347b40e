//! CAT201 level-not-delivering: an entry at a level below the item's delivering levels.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::LEVEL_NOT_DELIVERING,
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
                    .diagnostic(
                        RULE.code,
                        "/level",
                        t!(
                            catalog.lang,
                            "cat201-message",
                            name = region.value.name.as_str(),
                            region = region.value.code.as_str(),
                            level = crate::resolve::labels::level(level.as_str()),
                            item = code.as_str()
                        ),
                    )
                    .with_label(
                        item_doc.path(),
                        item_doc.span("/levels"),
                        t!(catalog.lang, "cat201-label"),
                    )
                    .help(t!(catalog.lang, "cat201-help")),
            );
        }
    }
}
