//! CAT313 event-size: a regional event with fewer than 3 or more than 9 members.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

/// A regional event bundles 3 to 9 items (docs/format.md, regional events).
const MEMBERS: std::ops::RangeInclusive<usize> = 3..=9;

/// A local item of 广东省, the third member of the passing example.
const LOCAL_ITEM: &str = "code: \"442000100001\"\nname: 新生儿预防接种电子档案申领\ntype: public_service\n\
audience: [person]\nlevels: [province]\nstatus: active\nversion: 1\nlegal_basis: [{law: residence-permit-regulation}]\n\
statutory_limit: {days: 5, unit: working_day}\nconditions: []\nmaterials: []\nfees: []\n\
result: {type: other, name: 预防接种电子档案}\nreviewed: 2026-06-30\n\
department: {name: 广东省卫生健康委员会, credit_code: \"11440000006939767F\"}\nlevel: province\n\
contact: {phone: \"020-12345678\", complaint: \"12345\"}\n";

pub static RULE: Rule = Rule {
    code: &codes::EVENT_SIZE,
    fails: &[(
        "catalog/regions/440000/events/newborn.yaml",
        "id: newborn\nname: 新生儿出生“一件事”\nkind: life\nlead_department: 广东省卫生健康委员会\n\
         members: [\"000120010000\", \"000120020000\"]\nreviewed: 2026-06-30\n",
    )],
    passes: &[
        (
            "catalog/regions/440000/events/newborn.yaml",
            "id: newborn\nname: 新生儿出生“一件事”\nkind: life\nlead_department: 广东省卫生健康委员会\n\
             members: [\"000120010000\", \"000120020000\", \"442000100001\"]\nreviewed: 2026-06-30\n",
        ),
        ("catalog/regions/440000/local/442000100001.yaml", LOCAL_ITEM),
    ],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, _), event) in &catalog.events {
        let count = event.value.members.len();
        if region.is_some() && !MEMBERS.contains(&count) {
            out.push(
                catalog
                    .doc(event)
                    .diagnostic(
                        RULE.code,
                        "/members",
                        t!(catalog.lang, "cat313-message", count = count),
                    )
                    .help(t!(catalog.lang, "cat313-help")),
            );
        }
    }
}
