//! CAT108 duplicate-id: two lines of one list share an id.

use crate::t;
use std::collections::BTreeMap;

use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::{Document, Kind};
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::DUPLICATE_ID,
    fails: &[(
        "catalog/national/000120010000.yaml",
        "conditions:\n  - {id: residence, text: 居住半年以上}\n  - {id: residence, text: 有合法稳定住所}\n",
    )],
    passes: &[(
        "catalog/national/000120010000.yaml",
        "conditions:\n  - {id: residence, text: 居住半年以上}\n  - {id: housing, text: 有合法稳定住所}\n",
    )],
    check: Some(check),
    since: false,
};

/// Lists with ids besides the policy's lists of lines: process steps and the registries.
const OTHER_LISTS: [&str; 3] = ["process", "laws", "certificates"];

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for doc in catalog.checked().filter(|d| d.kind != Kind::Policy) {
        let lists = resolved.line_fields.iter().map(String::as_str);
        for list in lists.chain(OTHER_LISTS) {
            if let Some(Value::Array(lines)) = doc.json.get(list) {
                duplicates(doc, list, lines, catalog.lang, out);
            }
        }
    }
}

fn duplicates(
    doc: &Document,
    list: &str,
    lines: &[Value],
    lang: crate::diagnostic::messages::Lang,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        for key in ["id", "ref"] {
            let Some(id) = line.get(key).and_then(Value::as_str) else {
                continue;
            };
            // The same `ref` on lines for given situations is CAT317's to judge (overlap).
            if key == "ref" && line.get("situations").is_some() {
                continue;
            }
            match seen.get(&(key, id)) {
                Some(&first) => out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/{list}/{i}/{key}"),
                        t!(lang, "cat108-message", key = key, id = id, list = list),
                    )
                    .label(t!(lang, "cat108-label"))
                    .with_label(
                        doc.path(),
                        doc.span(&format!("/{list}/{first}/{key}")),
                        t!(lang, "cat108-first"),
                    )
                    .help(t!(lang, "cat108-help")),
                ),
                None => {
                    seen.insert((key, id), i);
                }
            }
        }
    }
}
