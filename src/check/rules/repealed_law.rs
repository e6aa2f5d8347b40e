//! CAT314 repealed-law: a file cites a law the registry marks repealed.

use super::Rule;
use super::unknown_law::law_references;
use crate::dates;
use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::REPEALED_LAW,
    what: "A law in catalog/registries/laws.yaml with a `repealed` date (废止日期) on or before the \
           reference date (`--as-of`, else today) may no longer be cited: in `legal_basis`, \
           `implementation_basis`, a material's or fee's `basis` or a personal-data line's \
           `basis`. A repeal dated later is a warning until that day. The help names the law \
           that replaces it when the registry says (`replaced_by`).",
    why: "A guide that cites a repealed regulation tells the applicant a rule that no longer \
          binds anyone, and an item set by a repealed regulation may itself have lost its basis: \
          the national office must re-examine it. The registry records the repeal once; every \
          item citing the law is then found.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        for (pointer, id) in law_references(&doc.json) {
            let Some(law) = laws.value.laws.iter().find(|l| l.id == id) else {
                continue;
            };
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
            let help = match replacement {
                Some(new) => format!(
                    "cite the law that replaces it, {} (`{}`), and review the item against it",
                    new.title, new.id
                ),
                None => "cite the law in force; if none replaces it, the national office must \
                         re-examine the item's basis"
                    .to_string(),
            };
            let mut found = if day <= catalog.today {
                doc.diagnostic(
                    RULE.code,
                    &pointer,
                    format!("cites {} (`{id}`), repealed on {repealed}", law.title),
                )
            } else {
                doc.diagnostic(
                    RULE.code,
                    &pointer,
                    format!(
                        "cites {} (`{id}`), which is repealed on {repealed}",
                        law.title
                    ),
                )
                .severity(Severity::Warning)
            };
            found = found.help(help);
            out.push(found);
        }
    }
}
