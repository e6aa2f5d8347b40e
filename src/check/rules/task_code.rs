//! CAT112 task-code: a 实施编码 that is not the credit code, level and item code of its entry.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::TASK_CODE,
    what: "A `task_code` (实施编码, GB/T 39554.1) is the implementing department's 18-character \
           统一社会信用代码, then the one-digit code of the level that exercises the item (GB/T \
           39046 A.2: 1 national, 2 province, 3 city, 4 county, 5 township, 6 village), then the \
           item's code: 31 characters for a 12-character 基本编码, as in \
           `11440300007542417R3000120010000` (深圳市公安局, city level, 000120010000). In a \
           regional entry that states a `task_code`, the first 18 characters must equal the \
           entry's effective `department.credit_code`, the 19th the digit of the entry's `level`, \
           and the rest the code of the national item it implements; in a local item, the same \
           with the local item's own department, level and code.",
    why: "The 实施编码 is the key under which the national platform exchanges the region's \
          implementation of an item: cases, evaluations (好差评) and statistics are filed under \
          it. A code copied from another entry, or left unchanged when the department or the \
          level changed, files them under another office's or another item's implementation.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "task_code: \"11440300007542417R9999999999999\"\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "task_code: \"11440300007542417R3000120010000\"\n",
    )],
    check: Some(check),
    since: false,
};

/// What a 实施编码 is made of.
struct Parts<'a> {
    credit: &'a str,
    level: Level,
    code: &'a str,
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for effective in &resolved.effective {
        let doc = effective.own_doc(catalog);
        let Some(task_code) = view::doc(&doc.json).task_code().and_then(|v| v.as_str()) else {
            continue;
        };
        let key = (effective.region.clone(), effective.item.clone());
        let Some(level) = catalog.entries.get(&key).and_then(|e| e.value.level) else {
            continue;
        };
        let record = view::effective(catalog, effective);
        let Some(department) = record.department() else {
            continue;
        };
        let parts = Parts {
            credit: department.credit_code(),
            level,
            code: &effective.item,
        };
        check_code(doc, task_code, &parts, out);
    }
    for local in catalog.local_items.values() {
        let doc = catalog.doc(local);
        let record = view::doc(&doc.json);
        let Some(task_code) = record.task_code().and_then(|v| v.as_str()) else {
            continue;
        };
        let (Some(level), Some(department)) = (local.value.level, record.department()) else {
            continue;
        };
        let parts = Parts {
            credit: department.credit_code(),
            level,
            code: &local.value.item.code,
        };
        check_code(doc, task_code, &parts, out);
    }
}

fn check_code(doc: &Document, task_code: &str, parts: &Parts, out: &mut Vec<Diagnostic>) {
    if parts.credit.chars().count() != 18 {
        return; // the schema reports a malformed credit code
    }
    let digit = parts.level.digit();
    let expected = format!("{}{digit}{}", parts.credit, parts.code);
    if task_code == expected {
        return;
    }
    let mut problems = Vec::new();
    let mut credit_differs = false;
    if task_code.len() != expected.len() {
        problems.push(format!(
            "it has {} characters where this entry's has {} (18 of the credit code, 1 of the \
             level, {} of the item code)",
            task_code.len(),
            expected.len(),
            parts.code.len()
        ));
    } else {
        let (credit, rest) = task_code.split_at(18);
        let (level, code) = rest.split_at(1);
        if credit != parts.credit {
            credit_differs = true;
            problems.push(format!(
                "characters 1–18 are `{credit}`, not the department's credit code `{}`",
                parts.credit
            ));
        }
        if level != digit.to_string() {
            problems.push(format!(
                "character 19 is `{level}`, not `{digit}` for the {} level",
                labels::level(parts.level.as_str())
            ));
        }
        if code != parts.code {
            problems.push(format!(
                "characters 20–{} are `{code}`, not the item code `{}`",
                expected.len(),
                parts.code
            ));
        }
    }
    let mut diagnostic = doc
        .diagnostic(
            RULE.code,
            "/task_code",
            format!(
                "实施编码 `{task_code}` is not this entry's: {}",
                problems.join("; ")
            ),
        )
        .label(format!("expected `{expected}`"));
    if credit_differs {
        // `department` is required in every entry and local item: the effective one is the
        // file's own.
        diagnostic = diagnostic.with_label(
            doc.path(),
            doc.span("/department/credit_code"),
            "the department's credit code",
        );
    }
    out.push(diagnostic.help(format!(
        "a 实施编码 is the department's credit code, the level's digit and the item code: write \
         `task_code: \"{expected}\"`, or remove `task_code`"
    )));
}
