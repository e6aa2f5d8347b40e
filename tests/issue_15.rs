//! Issue 15 (what real 办事指南 say), the parts built so far. Law status in the registry
//! (docs/format.md, registries): a repealed law cited is an error from its repeal date on
//! (CAT314), an amendment after a file's review asks for a review (CAT315), each in the file that
//! cites the law. 通办: the national target cannot be narrowed without an exception.

mod common;

use common::*;

const LAWS: &str = "catalog/registries/laws.yaml";

fn findings_of(setup: &[(&str, &str)]) -> Vec<(String, String, u32, u32)> {
    let dir = copy_of("base");
    for (path, yaml) in setup {
        merge(dir.path(), path, yaml);
    }
    findings(&compile(dir.path()))
}

fn with_codes<'a>(
    found: &'a [(String, String, u32, u32)],
    code: &str,
) -> Vec<&'a (String, String, u32, u32)> {
    found.iter().filter(|f| f.0 == code).collect()
}

#[test]
fn a_repeal_is_an_error_from_its_date_and_a_warning_before() {
    let past = "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, repealed: 2026-11-29}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n";
    let compiled = {
        let dir = copy_of("base");
        merge(dir.path(), LAWS, past);
        compile(dir.path())
    };
    let repealed: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT314")
        .collect();
    assert!(!repealed.is_empty());
    assert!(
        repealed
            .iter()
            .all(|d| d.severity == catalogc::diagnostic::Severity::Error)
    );
    // No replacement named: the help says what to do without inventing one.
    assert!(repealed[0].help.as_deref().unwrap().contains("re-examine"));
    // Repealed the day after the reference date: a warning, the same places.
    let future = past.replace("repealed: 2026-11-29", "repealed: 2026-11-30");
    let dir = copy_of("base");
    merge(dir.path(), LAWS, &future);
    let compiled = compile(dir.path());
    let warned: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT314")
        .collect();
    assert_eq!(warned.len(), repealed.len());
    assert!(
        warned
            .iter()
            .all(|d| d.severity == catalogc::diagnostic::Severity::Warning
                && d.message.contains("which is repealed on 2026-11-30"))
    );
}

#[test]
fn a_replacement_must_be_in_the_registry_and_requires_a_repeal() {
    let found = findings_of(&[(
        LAWS,
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation}\n  - {id: old, title: 旧办法, kind: normative_document, repealed: 2020-01-01, replaced_by: no-such-law}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )]);
    let unknown = with_codes(&found, "CAT303");
    assert_eq!(unknown.len(), 1, "{found:?}");
    assert_eq!((unknown[0].1.as_str(), unknown[0].2), (LAWS, 3));
    // replaced_by without a repeal date is a schema error.
    let found = findings_of(&[(
        LAWS,
        "laws:\n  - {id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, replaced_by: fee-regulation}\n  - {id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}\n",
    )]);
    assert!(
        found
            .iter()
            .any(|f| f.1 == LAWS && f.0.starts_with("CAT00")),
        "{found:?}"
    );
}

#[test]
fn an_amendment_asks_for_review_only_between_the_review_and_the_reference_date() {
    let laws = |amended: &str| {
        format!(
            "laws:\n  - {{id: residence-permit-regulation, title: 居住证暂行条例, kind: administrative_regulation, amended: {amended}}}\n  - {{id: fee-regulation, title: 行政事业性收费标准管理办法, kind: normative_document}}\n"
        )
    };
    // After the items' review and before the reference date: one warning per citing file,
    // even where a file cites the law twice.
    let found = findings_of(&[(LAWS, &laws("2026-10-01"))]);
    let amended = with_codes(&found, "CAT315");
    assert!(!amended.is_empty());
    let mut files: Vec<&str> = amended.iter().map(|f| f.1.as_str()).collect();
    files.dedup();
    assert_eq!(files.len(), amended.len(), "{amended:?}");
    // Amended after the reference date (announced, not yet in force): nothing yet.
    assert!(with_codes(&findings_of(&[(LAWS, &laws("2026-12-15"))]), "CAT315").is_empty());
    // Amended before the files were reviewed: they were reviewed against the amended text.
    assert!(with_codes(&findings_of(&[(LAWS, &laws("2019-01-01"))]), "CAT315").is_empty());
    // A file reviewed after the amendment is not asked again, while another still is.
    let found = findings_of(&[
        (LAWS, &laws("2026-10-01")),
        (
            "catalog/national/000120010000.yaml",
            "reviewed: 2026-11-01\n",
        ),
    ]);
    let files: Vec<&str> = with_codes(&found, "CAT315")
        .iter()
        .map(|f| f.1.as_str())
        .collect();
    assert!(
        !files.contains(&"catalog/national/000120010000.yaml"),
        "{files:?}"
    );
    assert!(
        files.contains(&"catalog/national/000120020000.yaml"),
        "{files:?}"
    );
}

/// Issue 15, point 5 (通办): the national 通办 target cannot be narrowed without an exception
/// (`handle_area: {narrow: order}` in schema/policy.yaml); widening it is an improvement.
#[test]
fn the_national_tongban_target_cannot_be_narrowed_without_an_exception() {
    use catalogc::diff::Class;
    const NATIONAL: &str = "catalog/national/000120010000.yaml";
    const ENTRY: &str = "catalog/regions/440300/000120010000.yaml";
    let class = |national: &str, regional: &str| {
        let dir = copy_of("base");
        merge(dir.path(), NATIONAL, national);
        merge(dir.path(), ENTRY, regional);
        let compiled = compile(dir.path());
        let entry = compiled
            .conformance
            .regions
            .iter()
            .flat_map(|r| &r.entries)
            .find(|e| e.file == ENTRY)
            .unwrap();
        let field = entry.fields.iter().find(|f| &*f.field == "handle_area");
        let codes: Vec<&str> = compiled.diagnostics.iter().map(|d| d.code).collect();
        (field.map(|f| f.class), codes)
    };
    let (narrowed, codes) = class("handle_area: nationwide\n", "handle_area: cross_city\n");
    assert_eq!(narrowed, Some(Class::Deviation));
    assert!(codes.contains(&"CAT205"), "{codes:?}");
    let (widened, codes) = class("handle_area: cross_city\n", "handle_area: nationwide\n");
    assert_eq!(widened, Some(Class::Improved));
    assert!(codes.is_empty(), "{codes:?}");
    let (approved, codes) = class(
        "handle_area: nationwide\n",
        "handle_area: cross_province\nexceptions:\n  - {field: handle_area, reason: 系统尚未接入全国平台, approval: 示例批文, expires: 2027-12-31}\n",
    );
    assert_eq!(approved, Some(Class::Approved));
    assert!(!codes.contains(&"CAT205"), "{codes:?}");
    // No national target: the region's value is its own.
    let (local, codes) = class("", "handle_area: cross_city\n");
    assert_eq!(local, Some(Class::Local));
    assert!(codes.is_empty(), "{codes:?}");
}
