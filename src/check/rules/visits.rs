//! CAT105 visits: zero visits promised without a remote channel.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::VISITS,
    what: "An entry or local item whose `channels.visits` (到办事现场次数) is 0 must offer a way to \
           apply without going anywhere: an `online` address, `mobile` or `mail`.",
    why: "“零跑动” is a promise to the applicant. Without an online, mobile or postal channel the \
          applicant has to come to a window after all.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        judge(doc, out);
    }
}

fn judge(doc: &Document, out: &mut Vec<Diagnostic>) {
    let channels = view::doc(&doc.json).channels();
    if channels.visits().and_then(serde_json::Value::as_u64) == Some(0) && !channels.remote() {
        out.push(
            doc.diagnostic(
                RULE.code,
                "/channels/visits",
                "zero visits, but no online, mobile or mail channel",
            )
            .label("0 visits")
            .help("add `online: {url: …}`, `mobile: true` or `mail: true`, or count the visits"),
        );
    }
}
