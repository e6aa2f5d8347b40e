//! CAT105 visits: zero visits promised without a remote channel.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::VISITS,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "channels: {window: true, visits: 0}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "channels: {window: true, mail: true, visits: 0}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked() {
        judge(doc, catalog.lang, out);
    }
}

fn judge(doc: &Document, lang: crate::diagnostic::messages::Lang, out: &mut Vec<Diagnostic>) {
    let channels = view::doc(&doc.json).channels();
    if channels.visits().and_then(serde_json::Value::as_u64) == Some(0) && !channels.remote() {
        out.push(
            doc.diagnostic(RULE.code, "/channels/visits", t!(lang, "cat105-message"))
                .label(t!(lang, "zero-visits"))
                .help(t!(lang, "cat105-help")),
        );
    }
}
