//! CAT309 credit-code-region: a department's credit code registered outside the entry's region
//! and the regions above it.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::Document;
use crate::resolve::Resolved;
use crate::resolve::catalog::Catalog;
use crate::resolve::view;

pub static RULE: Rule = Rule {
    code: &codes::CREDIT_CODE_REGION,
    what: "Characters 3–8 of a 统一社会信用代码 are the GB/T 2260 code of the region where the \
           organisation was registered (登记管理机关行政区划码, GB 32100). For the \
           `department.credit_code` of every regional entry and local item, that region must be \
           the entry's own region or one of the regions above it (its parent, its parent's parent, \
           as the `parent` chain of catalog/regions/ has them); `100000`, the code of the central \
           registration authorities, is accepted everywhere. Entries whose region folder has no \
           valid region.yaml are not checked.",
    why: "The credit code identifies the implementing body (实施主体) on the national platform. A \
          code copied from another region's entry (a 广州 department's code in a 深圳 entry) \
          attaches the region's service to an office that does not deliver it. It is a warning, \
          not an error, because a department of a higher level sometimes really serves a region \
          itself (a provincial department handling an item in a city), and a code issued before \
          a change of the divisions can carry an old region code. An approved exception does not \
          apply here: exceptions approve deviations from the national standard, and a credit code \
          is either the department's or a mistake.",
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
    let named = |code: &str| match catalog.regions.get(code) {
        Some(r) => format!("`{code}` ({})", r.value.name),
        None => format!("`{code}`"),
    };
    let own_doc = catalog.doc(own);
    out.push(
        doc.diagnostic(
            RULE.code,
            "/department/credit_code",
            format!(
                "credit code `{code}` was registered in region {}, which is neither this entry's \
                 region {} nor a region above it",
                named(registered),
                named(region)
            ),
        )
        .label(format!("characters 3–8: registered in `{registered}`"))
        .with_label(own_doc.path(), own_doc.span("/code"), "the entry's region")
        .help(
            "correct the code from the 统一社会信用代码 register: a department registered in this \
             region, in a region above it (a provincial department may serve a city) or \
             centrally (`100000`) is accepted; if another region's department really implements \
             the item here, name it in `entrusting_department` or `co_departments` and give the \
             implementing body's own code (an `exceptions` entry is not the way: it approves \
             deviations from the national standard)",
        ),
    );
}
