//! CAT309 credit-code-region: a department's credit code registered outside the entry's region
//! and the regions above it.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::catalog::Catalog;
use crate::resolve::view;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::CREDIT_CODE_REGION,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"11440100007502417G\"}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "department: {name: 广东省公安厅, credit_code: \"11440000006939767F\"}\n",
    )],
    check: Some(check),
    since: false,
};

/// The registration region of the central authorities (中央登记管理机关).
const CENTRAL: &str = "100000";

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((region, _), entry) in &catalog.entries {
        check_document(catalog, region, catalog.doc(entry), out);
    }
    for ((region, _), local) in &catalog.local_items {
        check_document(catalog, region, catalog.doc(local), out);
    }
}

fn check_document(catalog: &Catalog, region: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(own) = catalog.regions.get(region) else {
        return;
    };
    let Some(code) = view::doc(&doc.json).department().map(|d| d.credit_code()) else {
        return;
    };
    let Some(registered) = code
        .get(2..8)
        .filter(|r| r.bytes().all(|b| b.is_ascii_digit()))
    else {
        return;
    };
    let ancestors = catalog.ancestors(region);
    if registered == region || registered == CENTRAL || ancestors.contains(&registered) {
        return;
    }
    let lang = catalog.lang;
    let named = |code: &str| match catalog.regions.get(code) {
        Some(r) => t!(
            lang,
            "region-named",
            code = code,
            name = r.value.name.as_str()
        ),
        None => t!(lang, "region-code", code = code),
    };
    let own_doc = catalog.doc(own);
    out.push(
        doc.diagnostic(
            RULE.code,
            "/department/credit_code",
            t!(
                lang,
                "cat309-message",
                code = code,
                registered = named(registered),
                region = named(region)
            ),
        )
        .label(t!(lang, "cat309-label", registered = registered))
        .with_label(
            own_doc.path(),
            own_doc.span("/code"),
            t!(lang, "cat309-region"),
        )
        .help(t!(lang, "cat309-help")),
    );
}
