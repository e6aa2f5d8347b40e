//! CAT202 entry-level: an entry's `level` differs from its region's level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::ENTRY_LEVEL,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "level: province\n",
    )],
    passes: &[("catalog/regions/440300/000120010000.yaml", "level: city\n")],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, _), entry) in &catalog.entries {
        let (Some(level), Some(region)) = (entry.value.level, catalog.regions.get(region)) else {
            continue;
        };
        if level != region.value.level {
            let region_doc = catalog.doc(region);
            out.push(
                catalog
                    .doc(entry)
                    .diagnostic(
                        RULE.code,
                        "/level",
                        t!(
                            catalog.lang,
                            "cat202-message",
                            level = level.as_str(),
                            region_level = region.value.level.as_str()
                        ),
                    )
                    .with_label(
                        region_doc.path(),
                        region_doc.span("/level"),
                        t!(catalog.lang, "region-level"),
                    )
                    .help(t!(
                        catalog.lang,
                        "cat202-help",
                        region_level = region.value.level.as_str()
                    )),
            );
        }
    }
}
