//! CAT116 on-site-step: zero visits promised while a process step needs the applicant on site.

use crate::t;
use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::{Effective, Resolved};

pub static RULE: Rule = Rule {
    code: &codes::ON_SITE_STEP,
    fails: &[
        (
            "catalog/national/000120010000.yaml",
            "process:\n  - {id: apply, name: 申请, text: 到居住地公安派出所提出申请, on_site: true}\n  - {id: issue, name: 发证, text: 邮寄送达}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "channels: {window: true, online: {url: \"https://example.invalid/sz/juzhuzheng\"}, mail: true, visits: 0}\n",
        ),
    ],
    passes: &[
        (
            "catalog/national/000120010000.yaml",
            "process:\n  - {id: apply, name: 申请, text: 到居住地公安派出所提出申请, on_site: true}\n  - {id: issue, name: 发证, text: 邮寄送达}\n",
        ),
        (
            "catalog/regions/440300/000120010000.yaml",
            "channels: {window: true, online: {url: \"https://example.invalid/sz/juzhuzheng\"}, mail: true, visits: 0}\nprocess:\n  - {id: apply, name: 网上申请, text: 在“i深圳”提交申请，刷脸核验身份}\n  - {id: issue, name: 发证, text: 邮寄送达}\n",
        ),
    ],
    check: Some(check),
    since: false,
};

/// The first step of `entry`'s effective process that needs the applicant on site, when the
/// entry promises zero visits: pages use this to withhold both claims.
pub fn conflict<'a>(
    resolved: &'a Resolved,
    entry: &Effective,
) -> Option<(&'a Value, crate::resolve::Sourced<'a>)> {
    let catalog = &resolved.catalog;
    let visits = entry.get(catalog, "channels")?.value.get("visits")?;
    if visits.as_u64() != Some(0) {
        return None;
    }
    let process = entry.get(catalog, "process")?;
    let step = process
        .value
        .as_array()?
        .iter()
        .find(|s| s.get("on_site").and_then(Value::as_bool) == Some(true))?;
    Some((step, process))
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for entry in resolved.effective.iter().chain(&resolved.local) {
        // Reported where the promise is written, once: in the document that states `visits`.
        let Some(channels) = entry.get(catalog, "channels") else {
            continue;
        };
        if channels.doc != entry.own() {
            continue;
        }
        let Some((step, process)) = conflict(resolved, entry) else {
            continue;
        };
        let lang = catalog.lang;
        let from = if process.doc == entry.own() {
            t!(lang, "cat116-from-own")
        } else if process.national {
            t!(lang, "cat116-from-national", item = entry.item.as_str())
        } else {
            t!(
                lang,
                "cat116-from-entry",
                file = catalog.documents[process.doc].path()
            )
        };
        let name = step.get("name").and_then(Value::as_str).unwrap_or_default();
        let id = step.get("id").and_then(Value::as_str).unwrap_or_default();
        out.push(
            catalog.documents[entry.own()]
                .diagnostic(
                    RULE.code,
                    "/channels/visits",
                    t!(lang, "cat116-message", id = id, name = name, from = from),
                )
                .label(t!(lang, "zero-visits"))
                .help(t!(lang, "cat116-help")),
        );
    }
}
