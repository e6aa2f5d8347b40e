//! CAT109 review: content not confirmed within the review interval.

use super::Rule;
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::REVIEW,
    what: "Warns when a file's `reviewed` date (最近核验日期) is older than `review_interval_days` \
           in catalog/catalog.yaml, counted to the reference date (`--as-of`, else today), and \
           when it lies in the future.",
    why: "Guides go stale: fees are abolished, limits shortened, offices move. The portal shows \
          each page's `reviewed` date; an old one tells the public the page may be wrong and tells \
          editors what to re-confirm first.",
    fails: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2019-01-01\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "reviewed: 2026-06-30\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(interval) = catalog.review_interval() else {
        return;
    };
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        let Some(text) = view::doc(&doc.json).reviewed().and_then(|v| v.as_str()) else {
            continue;
        };
        let Some(day) = dates::parse(text) else {
            continue;
        };
        let age = catalog.today - day;
        if age > i64::from(interval) {
            out.push(
                doc.diagnostic(RULE.code, "/reviewed", format!("last reviewed {age} days ago, more than the review interval of {interval} days"))
                    .help("confirm the content with the implementing department and update `reviewed`"),
            );
        } else if age < 0 {
            out.push(
                doc.diagnostic(
                    RULE.code,
                    "/reviewed",
                    format!("reviewed date {text} lies in the future"),
                )
                .help("use the date the content was actually confirmed"),
            );
        }
    }
}
