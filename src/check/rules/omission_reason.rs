//! CAT211 omission-reason: an explicit omission without its reason.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Kind;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::OMISSION_REASON,
    what: "An omitted line must say why the region no longer asks for it: `omitted:` holds the \
           reason as text (`{ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交}`). \
           `catalogc migrate` writes `omitted: true` where a catalog written for the previous \
           format left a line out, because it cannot know the reason; this warning stays until \
           an editor gives it.",
    why: "The reason is what a reviewer in the national office reads, and what the guide can \
          tell an applicant who expected to bring the document. An omission without one cannot \
          be checked.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: true}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog
        .documents
        .iter()
        .filter(|d| d.valid && d.kind == Kind::Entry)
    {
        for field in &resolved.line_fields {
            let lines = view::doc(&doc.json).written_lines(field);
            for (i, line) in lines.iter().map(crate::resolve::Line::Plain).enumerate() {
                let reason = line.omitted();
                let given = reason
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|r| !r.trim().is_empty());
                if reason.is_some() && !given {
                    out.push(
                        doc.diagnostic(
                            RULE.code,
                            &format!("/{field}/{i}/omitted"),
                            format!(
                                "`{}` is omitted without a reason",
                                line.reference().unwrap_or("?")
                            ),
                        )
                        .label("no reason")
                        .help("write the reason the region no longer asks for it: `omitted: 理由`"),
                    );
                }
            }
        }
    }
}
