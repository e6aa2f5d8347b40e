//! CAT312 local-item-level: a local item not delivered at its own region's level.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::LOCAL_ITEM_LEVEL,
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
                    t!(
                        catalog.lang,
                        "cat312-message",
                        code = local.value.item.code.as_str(),
                        name = region.value.name.as_str(),
                        level = labels::level(level.as_str())
                    ),
                )
                .help(t!(catalog.lang, "cat312-help", level = level.as_str())),
        );
    }
}
