//! CAT310 local-code-region: a local item code that does not begin with its region's code prefix.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;
use crate::resolve::view;

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
    what: "The `code` of a local item (catalog/regions/<region>/local/<code>.yaml) must begin with \
           the code prefix of its region, read from the region's GB/T 2260 code:\n\n\
           - a city's local item: the city's 4 leading digits (杭州市 `330100`: `3301…`);\n\
           - a province's, a county's or a township's local item: the province's 2 leading \
             digits (浙江省 `330000` and every county of it: `33…`).\n\n\
           A county's or a township's local item is held to its province's 2 digits only: local \
           coding rules differ on whether county items repeat the city's digits (the sample \
           catalog's 张店区 item `372082001001` does not), and catalogc reports only what is \
           certainly wrong. Local items of a region without a valid region.yaml are not checked.",
    why: "A local item's code is unique nationally only because it begins with its region's \
          digits: the code `440520001001` belongs to 汕头 (4405). Filed under 杭州, it collides \
          with 汕头's own item of that number on the national platform, and every search, \
          statistic and 实施编码 built from it names the wrong place.",
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
            Level::City => "the city's 4 leading digits",
            _ => "the 2 leading digits of its province",
        };
        let region_doc = catalog.doc(region);
        out.push(
            doc.diagnostic(
                RULE.code,
                "/code",
                format!(
                    "local item code `{code}` does not begin with `{prefix}`: a local item of {} \
                     `{}` ({}) begins with {whose}",
                    region.value.name,
                    region.value.code,
                    labels::level(level.as_str())
                ),
            )
            .with_label(
                region_doc.path(),
                region_doc.span("/code"),
                "the region's code",
            )
            .help(format!(
                "number the item from `{prefix}` (a city's local items begin with its 4 leading \
                 digits, other regions' with their province's 2), and rename the file to the new \
                 code"
            )),
        );
    }
}
