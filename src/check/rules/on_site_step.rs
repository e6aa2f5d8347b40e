//! CAT116 on-site-step: zero visits promised while a process step needs the applicant on site.

use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::{Effective, Resolved};

pub static RULE: Rule = Rule {
    code: &codes::ON_SITE_STEP,
    what: "An entry or local item whose `channels.visits` (到办事现场次数) is 0 must not keep a \
           `process` step marked `on_site: true` (本环节须到现场), whether the step is its own or \
           inherited from a parent region or the national item. Restate `process` for the region \
           (how the step is done without coming in), or count the visit.",
    why: "A guide that promises 零跑动 beside a process that sends the applicant to the \
          派出所 tells the citizen two contradictory things. Guides print neither claim on its \
          own while the contradiction stands (they say 请以办理流程为准).",
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
        let from = if process.doc == entry.own() {
            "this entry's own process".to_string()
        } else if process.national {
            format!("the national item {}", entry.item)
        } else {
            format!("the entry of {}", catalog.documents[process.doc].path())
        };
        let name = step.get("name").and_then(Value::as_str).unwrap_or_default();
        let id = step.get("id").and_then(Value::as_str).unwrap_or_default();
        out.push(
            catalog.documents[entry.own()]
                .diagnostic(
                    RULE.code,
                    "/channels/visits",
                    format!("0 visits are promised, but process step `{id}` ({name}, from {from}) needs the applicant on site"),
                )
                .label("0 visits")
                .help("restate `process` for this region (how the step is done without coming in), or count the visit in `visits`"),
        );
    }
}
