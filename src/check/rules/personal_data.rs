//! CAT110 personal-data: personal information collected without purpose or basis.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::PERSONAL_DATA,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "personal_data:\n  - {field: 身份证号码, purpose: 身份核验}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "personal_data:\n  - {field: 身份证号码, purpose: 身份核验, basis: residence-permit-regulation}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked() {
        for (i, line) in view::doc(&doc.json).personal_data().enumerate() {
            let field = line.field().unwrap_or("?");
            let missing: Vec<&str> = [("purpose", line.purpose()), ("basis", line.basis())]
                .into_iter()
                .filter(|(_, v)| v.is_none_or(|s| s.trim().is_empty()))
                .map(|(k, _)| k)
                .collect();
            if !missing.is_empty() {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/personal_data/{i}"),
                        t!(
                            catalog.lang,
                            "cat110-message",
                            field = field,
                            missing = missing.join(" ")
                        ),
                    )
                    .help(t!(
                        catalog.lang,
                        "cat110-help",
                        missing = missing.join(" ")
                    )),
                );
            }
        }
    }
}
