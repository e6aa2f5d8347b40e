//! CAT311 duplicate-region-name: two regions with the same name.

use crate::t;
use std::collections::BTreeMap;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::catalog::Typed;
use crate::resolve::model::{Level, Region};

pub static RULE: Rule = Rule {
    code: &codes::DUPLICATE_REGION_NAME,
    fails: &[(
        "catalog/regions/440200/region.yaml",
        "code: \"440200\"\nname: 深圳市\nlevel: city\nparent: \"440000\"\n",
    )],
    passes: &[(
        "catalog/regions/440200/region.yaml",
        "code: \"440200\"\nname: 韶关市\nlevel: city\nparent: \"440000\"\n",
    )],
    check: Some(check),
    since: false,
};

/// Names GB/T 2260 gives to groupings of places rather than to one place.
const PLACEHOLDERS: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Whether GB/T 2260 can give both regions this name: counties or townships of different parents.
fn may_share(a: &Region, b: &Region) -> bool {
    let low = |r: &Region| matches!(r.level, Level::County | Level::Township | Level::Village);
    low(a) && low(b) && a.parent != b.parent
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let mut by_name: BTreeMap<&str, Vec<&Typed<Region>>> = BTreeMap::new();
    for region in catalog.regions.values() {
        let name = region.value.name.trim();
        if !PLACEHOLDERS.contains(&name) {
            by_name.entry(name).or_default().push(region);
        }
    }
    // Regions come in code order, so each finding lists the others in code order.
    for regions in by_name.values().filter(|r| r.len() > 1) {
        for region in regions {
            let others: Vec<&&Typed<Region>> = regions
                .iter()
                .filter(|other| {
                    !std::ptr::eq(**other, *region) && !may_share(&region.value, &other.value)
                })
                .collect();
            let Some(first) = others.first() else {
                continue;
            };
            let codes: Vec<String> = others
                .iter()
                .map(|o| format!("`{}`", o.value.code))
                .collect();
            let first_doc = catalog.doc(first);
            out.push(
                catalog
                    .doc(region)
                    .diagnostic(
                        RULE.code,
                        "/name",
                        t!(
                            catalog.lang,
                            "cat311-message",
                            name = region.value.name.as_str(),
                            others = codes.join(&t!(catalog.lang, "list-separator"))
                        ),
                    )
                    .with_label(
                        first_doc.path(),
                        first_doc.span("/name"),
                        t!(
                            catalog.lang,
                            "cat311-label",
                            code = first.value.code.as_str()
                        ),
                    )
                    .help(t!(catalog.lang, "cat311-help")),
            );
        }
    }
}
