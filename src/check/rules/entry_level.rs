//! CAT202 entry-level: an entry's `level` differs from its region's level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::ENTRY_LEVEL,
    what: "The `level` of a regional entry (its 行使层级) must equal the `level` of the region whose \
           folder it is in.",
    why: "The level is part of the 31-character 实施编码 and decides which office the national \
          platform routes cases to. A city entry marked `province` would be exchanged as the \
          province's.",
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
                        format!(
                            "entry level `{}` differs from the region's level `{}`",
                            level.as_str(),
                            region.value.level.as_str()
                        ),
                    )
                    .with_label(
                        region_doc.path(),
                        region_doc.span("/level"),
                        "the region's level",
                    )
                    .help(format!("set `level: {}`", region.value.level.as_str())),
            );
        }
    }
}
