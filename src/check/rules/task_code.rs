//! CAT112 task-code: a 实施编码 that is not the credit code, level and item code of its entry.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::TASK_CODE,
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
        check_code(doc, task_code, &parts, catalog.lang, out);
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
        check_code(doc, task_code, &parts, catalog.lang, out);
    }
}

fn check_code(
    doc: &Document,
    task_code: &str,
    parts: &Parts,
    lang: crate::diagnostic::messages::Lang,
    out: &mut Vec<Diagnostic>,
) {
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
        problems.push(t!(
            lang,
            "cat112-length",
            length = task_code.len(),
            expected = expected.len(),
            code = parts.code.len()
        ));
    } else {
        let (credit, rest) = task_code.split_at(18);
        let (level, code) = rest.split_at(1);
        if credit != parts.credit {
            credit_differs = true;
            problems.push(t!(
                lang,
                "cat112-credit",
                written = credit,
                credit = parts.credit
            ));
        }
        if level != digit.to_string() {
            problems.push(t!(
                lang,
                "cat112-level",
                written = level,
                digit = digit.to_string(),
                level = labels::level(parts.level.as_str())
            ));
        }
        if code != parts.code {
            problems.push(t!(
                lang,
                "cat112-code",
                end = expected.len(),
                written = code,
                code = parts.code
            ));
        }
    }
    let mut diagnostic = doc
        .diagnostic(
            RULE.code,
            "/task_code",
            t!(
                lang,
                "cat112-message",
                task_code = task_code,
                problems = problems.join(&t!(lang, "problem-separator"))
            ),
        )
        .label(t!(lang, "cat112-label", expected = expected.as_str()));
    if credit_differs {
        // `department` is required in every entry and local item: the effective one is the
        // file's own.
        diagnostic = diagnostic.with_label(
            doc.path(),
            doc.span("/department/credit_code"),
            t!(lang, "cat112-credit-label"),
        );
    }
    out.push(diagnostic.help(t!(lang, "cat112-help", expected = expected.as_str())));
}
