//! CAT211 omission-reason: an explicit omission without its reason.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Kind;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::OMISSION_REASON,
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
                            t!(
                                catalog.lang,
                                "cat211-message",
                                line = line.reference().unwrap_or("?")
                            ),
                        )
                        .label(t!(catalog.lang, "cat211-label"))
                        .help(t!(catalog.lang, "cat211-help")),
                    );
                }
            }
        }
    }
}
