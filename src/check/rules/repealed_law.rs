//! CAT314 repealed-law: a file cites a law the registry marks repealed.

use super::Rule;
use super::unknown_law::registered_citations;
use crate::dates;
use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::REPEALED_LAW,
    fails: &[(
        "catalog/registries/laws.yaml",
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, number: 国务院令第663号, kind: administrative_regulation, repealed: 2026-01-01, replaced_by: example-replacement}\n  - {id: example-replacement, title: 示例替代条例（虚构）, kind: administrative_regulation, effective: 2026-01-01}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )],
    passes: &[(
        "catalog/registries/laws.yaml",
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, number: 国务院令第663号, kind: administrative_regulation}\n  - {id: old-fee-rules, title: 已废止的收费办法, kind: normative_document, repealed: 2020-01-01, replaced_by: fee-regulation}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(laws) = &catalog.laws else {
        return;
    };
    for doc in catalog.checked() {
        for (pointer, law) in registered_citations(&laws.value.laws, &doc.json) {
            let id = &law.id;
            let Some(repealed) = law.repealed.as_deref() else {
                continue;
            };
            let Some(day) = dates::parse(repealed) else {
                continue;
            };
            let replacement = law
                .replaced_by
                .as_deref()
                .and_then(|r| laws.value.laws.iter().find(|l| l.id == r));
            let lang = catalog.lang;
            let help = match replacement {
                Some(new) => t!(
                    lang,
                    "cat314-help-replaced",
                    title = new.title.as_str(),
                    id = new.id.as_str()
                ),
                None => t!(lang, "cat314-help"),
            };
            let (title, date) = (law.title.as_str(), repealed);
            let mut found = if day <= catalog.today {
                doc.diagnostic(
                    RULE.code,
                    &pointer,
                    t!(
                        lang,
                        "cat314-message",
                        title = title,
                        id = id.as_str(),
                        date = date
                    ),
                )
            } else {
                doc.diagnostic(
                    RULE.code,
                    &pointer,
                    t!(
                        lang,
                        "cat314-message-future",
                        title = title,
                        id = id.as_str(),
                        date = date
                    ),
                )
                .severity(Severity::Warning)
            };
            found = found.help(help);
            out.push(found);
        }
    }
}
