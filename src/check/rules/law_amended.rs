//! CAT315 law-amended: a law a file cites was amended after the file was last reviewed.

use super::Rule;
use super::unknown_law::registered_citations;
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::LAW_AMENDED,
    fails: &[(
        "catalog/registries/laws.yaml",
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, number: 国务院令第663号, kind: administrative_regulation, amended: 2026-10-01}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )],
    passes: &[(
        "catalog/registries/laws.yaml",
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, number: 国务院令第663号, kind: administrative_regulation, amended: 2019-03-02}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
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
        let Some(reviewed) = view::doc(&doc.json)
            .reviewed()
            .and_then(|v| v.as_str())
            .and_then(dates::parse)
        else {
            continue;
        };
        let mut seen = Vec::new();
        for (pointer, law) in registered_citations(&laws.value.laws, &doc.json) {
            let id = law.id.clone();
            if seen.contains(&id) {
                continue;
            }
            let Some(amended) = law.amended.as_deref() else {
                continue;
            };
            let Some(day) = dates::parse(amended) else {
                continue;
            };
            if day > reviewed && day <= catalog.today {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &pointer,
                        t!(
                            catalog.lang,
                            "cat315-message",
                            title = law.title.as_str(),
                            id = id.as_str(),
                            date = amended
                        ),
                    )
                    .help(t!(catalog.lang, "cat315-help")),
                );
                seen.push(id);
            }
        }
    }
}
