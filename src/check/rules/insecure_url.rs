//! CAT106 insecure-url: an online service address that is not https.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::INSECURE_URL,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "channels: {window: true, online: {url: \"http://example.invalid/sz\", depth: pre_review}, visits: 1}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "channels: {window: true, online: {url: \"https://example.invalid/sz\", depth: pre_review}, visits: 1}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked() {
        let pointer = "/channels/online/url";
        let Some(url) = doc.json.pointer(pointer).and_then(|v| v.as_str()) else {
            continue;
        };
        if !url.starts_with("https://") {
            let fixed = url
                .strip_prefix("http://")
                .map(|rest| format!("https://{rest}"));
            let d = doc
                .diagnostic(RULE.code, pointer, t!(catalog.lang, "cat106-message"))
                .label(t!(catalog.lang, "cat106-label"));
            out.push(match fixed {
                Some(fixed) => d.help(t!(catalog.lang, "cat106-help-fixed", url = fixed)),
                None => d.help(t!(catalog.lang, "cat106-help")),
            });
        }
    }
}
