//! CAT315 law-amended: a law a file cites was amended after the file was last reviewed.

use super::Rule;
use super::unknown_law::law_references;
use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::LAW_AMENDED,
    what: "Warns when a national item, regional entry or local item cites a law (in any basis, as \
           CAT303 lists them) whose `amended` date (最近修正日期) in catalog/registries/laws.yaml \
           is later than the file's `reviewed` date and not later than the reference date. One \
           warning per law, at its first citation.",
    why: "An amendment can change conditions, materials, limits or fees. The file's `reviewed` \
          date says when its content was last confirmed; if the law changed since, the content \
          may be out of date until an editor confirms it against the amended text and moves \
          `reviewed`.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        let Some(reviewed) = view::doc(&doc.json)
            .reviewed()
            .and_then(|v| v.as_str())
            .and_then(dates::parse)
        else {
            continue;
        };
        let mut seen = Vec::new();
        for (pointer, id) in law_references(&doc.json) {
            if seen.contains(&id) {
                continue;
            }
            let Some(law) = laws.value.laws.iter().find(|l| l.id == id) else {
                continue;
            };
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
                        format!(
                            "{} (`{id}`) was amended on {amended}, after this file was last reviewed",
                            law.title
                        ),
                    )
                    .help(
                        "confirm the content against the amended text, then move `reviewed` to the date you did",
                    ),
                );
                seen.push(id);
            }
        }
    }
}
