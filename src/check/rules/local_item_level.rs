//! CAT312 local-item-level: a local item not delivered at its own region's level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;

pub static RULE: Rule = Rule {
    code: &codes::LOCAL_ITEM_LEVEL,
    what: "A local item (`regions/<region>/local/<code>.yaml`) is an item only its region has, \
           delivered by that region: its `levels` (行使层级) must include the level of the region \
           whose folder holds it. A city's local item listing only `county` is reported.",
    why: "The region that publishes a local item is the one that implements it; a level it does \
          not hold would route the item to offices that do not know it and leave the region's \
          own guide without an implementing level.",
    fails: &[(
        "catalog/regions/440300/local/440300001001.yaml",
        "code: \"440300001001\"\nname: 上门办证\ntype: public_service\naudience: [person]\nlevels: [county]\nstatus: active\nversion: 1\nlegal_basis:\n  - {law: residence-permit-regulation}\nstatutory_limit: {days: 15, unit: calendar_day}\nconditions: []\nmaterials: []\nfees: []\nresult: {type: other, name: 上门服务}\nreviewed: 2026-06-30\nlevel: city\ndepartment: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\ncontact: {phone: \"0755-12345678\", complaint: \"12345\"}\n",
    )],
    passes: &[(
        "catalog/regions/440300/local/440300001001.yaml",
        "code: \"440300001001\"\nname: 上门办证\ntype: public_service\naudience: [person]\nlevels: [city]\nstatus: active\nversion: 1\nlegal_basis:\n  - {law: residence-permit-regulation}\nstatutory_limit: {days: 15, unit: calendar_day}\nconditions: []\nmaterials: []\nfees: []\nresult: {type: other, name: 上门服务}\nreviewed: 2026-06-30\nlevel: city\ndepartment: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\ncontact: {phone: \"0755-12345678\", complaint: \"12345\"}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, _), local) in &catalog.local_items {
        let Some(region) = catalog.regions.get(region) else {
            continue;
        };
        let level = region.value.level;
        if local.value.item.levels.contains(&level) {
            continue;
        }
        out.push(
            catalog
                .doc(local)
                .diagnostic(
                    RULE.code,
                    "/levels",
                    format!(
                        "local item {} of {} ({}) is not delivered at {}",
                        local.value.item.code,
                        region.value.name,
                        labels::level(level.as_str()),
                        labels::level(level.as_str())
                    ),
                )
                .help(format!(
                    "add `{}` to `levels`, or move the item to the folder of the region that delivers it",
                    level.as_str()
                )),
        );
    }
}
