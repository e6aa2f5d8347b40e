//! CAT310 local-code-region: a local item code that does not begin with its region's code prefix.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;
use crate::resolve::view;
use crate::t;

/// A local item of 杭州市 (330100) with the given code, valid in every other respect.
macro_rules! hangzhou_local_item {
    ($code:literal) => {
        concat!(
            "code: \"",
            $code,
            "\"\n",
            "name: 居住证积分申请\n",
            "type: public_service\n",
            "audience: [person]\n",
            "levels: [city]\n",
            "status: active\n",
            "version: 1\n",
            "legal_basis:\n  - {law: residence-permit-regulation, article: 第十六条}\n",
            "statutory_limit: {days: 20, unit: working_day}\n",
            "conditions: []\n",
            "materials: []\n",
            "fees: []\n",
            "result: {type: other, name: 积分结果告知}\n",
            "department: {name: 杭州市公安局, credit_code: \"11330100002482162N\"}\n",
            "level: city\n",
            "contact: {phone: \"0571-12345678\", complaint: \"12345\"}\n",
            "reviewed: 2026-06-30\n",
        )
    };
}

pub static RULE: Rule = Rule {
    code: &codes::LOCAL_CODE_REGION,
    fails: &[
        (
            "catalog/regions/330000/region.yaml",
            "code: \"330000\"\nname: 浙江省\nlevel: province\n",
        ),
        (
            "catalog/regions/330100/region.yaml",
            "code: \"330100\"\nname: 杭州市\nlevel: city\nparent: \"330000\"\n",
        ),
        (
            "catalog/regions/330100/local/440520001001.yaml",
            hangzhou_local_item!("440520001001"),
        ),
    ],
    passes: &[
        (
            "catalog/regions/330000/region.yaml",
            "code: \"330000\"\nname: 浙江省\nlevel: province\n",
        ),
        (
            "catalog/regions/330100/region.yaml",
            "code: \"330100\"\nname: 杭州市\nlevel: city\nparent: \"330000\"\n",
        ),
        (
            "catalog/regions/330100/local/330120001001.yaml",
            hangzhou_local_item!("330120001001"),
        ),
    ],
    check: Some(check),
    since: false,
};

/// How many leading digits of its region's code a local item's code repeats.
pub fn prefix_length(level: Level) -> usize {
    match level {
        Level::City => 4,
        _ => 2,
    }
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, _), local) in &catalog.local_items {
        let Some(region) = catalog.regions.get(region) else {
            continue;
        };
        let doc = catalog.doc(local);
        let Some(code) = view::doc(&doc.json).code() else {
            continue;
        };
        let level = region.value.level;
        let length = prefix_length(level);
        let Some(prefix) = region.value.code.get(..length) else {
            continue;
        };
        if code.starts_with(prefix) {
            continue;
        }
        let whose = match level {
            Level::City => "city",
            _ => "province",
        };
        let lang = catalog.lang;
        let region_doc = catalog.doc(region);
        out.push(
            doc.diagnostic(
                RULE.code,
                "/code",
                t!(
                    lang,
                    "cat310-message",
                    code = code,
                    prefix = prefix,
                    name = region.value.name.as_str(),
                    region = region.value.code.as_str(),
                    level = labels::level(level.as_str()),
                    whose = whose
                ),
            )
            .with_label(
                region_doc.path(),
                region_doc.span("/code"),
                t!(lang, "region-code-label"),
            )
            .help(t!(lang, "cat310-help", prefix = prefix)),
        );
    }
}
