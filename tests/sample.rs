//! The sample catalog shipped in `catalog/` is clean, and each classic mistake injected into a
//! copy of it is found at the right line.

mod common;

use common::*;

const ITEM: &str = "catalog/national/002000112001.yaml";

#[test]
fn the_sample_catalog_has_no_errors() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let errors: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == catalogc::diagnostic::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{}", text(&compiled));
}

#[test]
fn the_sample_catalog_meets_the_size_the_issue_asks_for() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let catalog = &compiled.resolved.catalog;
    assert!(catalog.items.len() >= 12, "{} items", catalog.items.len());
    let types: std::collections::BTreeSet<_> = catalog
        .items
        .values()
        .map(|i| i.value.kind.clone())
        .collect();
    assert!(types.len() >= 4, "{types:?}");
    assert!(catalog.regions.len() >= 6);
    assert!(catalog.regions.values().any(|r| r.value.parent.is_some()));
    assert!(
        catalog.entries.len() >= 30,
        "{} entries",
        catalog.entries.len()
    );
    assert!(catalog.events.len() >= 2);
    assert!(catalog.events.keys().any(|(region, _)| region.is_some()));
    assert!(!catalog.local_items.is_empty());
}

fn injected(path: &str, text: &str, code: &str) {
    let dir = sample_copy();
    let line = append(dir.path(), path, text);
    let compiled = compile(dir.path());
    let d = finding(&compiled, code);
    assert_eq!(
        (d.file.as_str(), d.span.start.line),
        (path, line),
        "{}",
        common::text(&compiled)
    );
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1));
}

#[test]
fn an_unknown_key_is_found_at_its_line() {
    injected(ITEM, "colour: red\n", "CAT003");
}

#[test]
fn malformed_yaml_is_found_at_its_line() {
    injected(ITEM, "topics: [户籍\n", "CAT001");
}

/// Replace the line starting with `prefix` by `with`; returns its line number.
fn replace_line(root: &std::path::Path, path: &str, prefix: &str, with: &str) -> u32 {
    let file = root.join(path);
    let original = std::fs::read_to_string(&file).unwrap();
    let index = original
        .lines()
        .position(|l| l.starts_with(prefix))
        .unwrap();
    let text: Vec<&str> = original
        .lines()
        .enumerate()
        .map(|(i, l)| if i == index { with } else { l })
        .collect();
    std::fs::write(&file, text.join("\n") + "\n").unwrap();
    index as u32 + 1
}

#[test]
fn a_wrong_type_is_found_at_its_line() {
    let dir = sample_copy();
    let line = replace_line(dir.path(), ITEM, "version:", "version: 第一版");
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT004");
    assert_eq!(
        (d.file.as_str(), d.span.start.line, d.span.start.column),
        (ITEM, line, 10)
    );
}

#[test]
fn a_duplicate_key_is_found_at_its_line() {
    injected(ITEM, "name: 居住证办理\n", "CAT002");
}

#[test]
fn an_unquoted_numeric_code_is_found_at_its_line() {
    let dir = sample_copy();
    let line = replace_line(dir.path(), ITEM, "code:", "code: 002000112001");
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT007");
    assert_eq!(
        (d.file.as_str(), d.span.start.line, d.span.start.column),
        (ITEM, line, 7)
    );
    assert!(
        d.help.as_deref().unwrap().contains("\"002000112001\""),
        "{:?}",
        d.help
    );
}

#[test]
fn an_entry_for_a_national_item_that_does_not_exist_is_found() {
    let dir = sample_copy();
    let entry = dir.path().join("catalog/regions/440300");
    let existing = std::fs::read_dir(&entry)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name().unwrap() != "region.yaml" && p.extension().is_some_and(|e| e == "yaml")
        })
        .unwrap();
    std::fs::copy(&existing, entry.join("009999999999.yaml")).unwrap();
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT301");
    assert_eq!(d.file, "catalog/regions/440300/009999999999.yaml");
    // The finding is about the whole file: it points at the document's first key.
    let text = std::fs::read_to_string(&existing).unwrap();
    let first_key = text
        .lines()
        .position(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap();
    assert_eq!(d.span.start.line, first_key as u32 + 1);
}

#[test]
fn the_sample_says_it_is_one_and_marks_every_invented_value() {
    use catalogc::resolve::view;
    let root: &std::path::Path = env!("CARGO_MANIFEST_DIR").as_ref();
    let compiled = compile(root);
    let catalog = &compiled.resolved.catalog;
    assert!(catalog.sample());
    let mut marked = 0;
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        let source = std::fs::read_to_string(root.join(doc.path())).unwrap();
        let record = view::doc(&doc.json);
        // A value its comment calls invented is marked so, in the file that states it.
        for (comment, path) in [
            ("# [UNSURE] illustrative phone", "contact.phone"),
            (
                "# [UNSURE] illustrative credit code",
                "department.credit_code",
            ),
            ("# [UNSURE] illustrative code", "code"),
        ] {
            if source.contains(comment) {
                assert!(record.illustrative(path), "{}: `{path}`", doc.path());
                marked += 1;
            }
        }
        // A phone number of the invented 12345xx shape is never shown as real.
        let phone = record
            .contact()
            .and_then(|c| c.phone())
            .and_then(|p| p.as_str());
        if phone.is_some_and(|p| p.contains("-123456")) {
            assert!(record.illustrative("contact.phone"), "{}", doc.path());
        }
        // So is every approval number the sample made up.
        for exception in record.exceptions() {
            assert!(
                exception.illustrative("approval"),
                "{}: {}",
                doc.path(),
                exception.approval()
            );
        }
    }
    assert!(marked > 100, "only {marked} marks checked");
}

#[test]
fn national_standards_ask_for_what_their_regulation_asks_for() {
    use catalogc::resolve::view::{self, ListField};
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let catalog = &compiled.resolved.catalog;
    let national = |code: &str| view::doc(&catalog.doc(&catalog.items[code]).json);
    // 机动车驾驶证申领和使用规定: the 身份证明 and the 身体条件证明, not the licence and photos
    // some older local guides ask for.
    let renewal: Vec<&str> = national("000101069003")
        .lines(ListField::Materials)
        .iter()
        .map(|l| l.id())
        .collect();
    assert_eq!(renewal, ["id-card", "health-certificate"]);
    // 居住证暂行条例: the 15-day rule is in 第九条.
    let articles: Vec<String> = national("002000112001")
        .legal_basis()
        .iter()
        .filter_map(|c| c.article().and_then(|a| a.as_str()).map(String::from))
        .collect();
    assert!(articles.contains(&"第九条".to_string()), "{articles:?}");
    assert!(!articles.contains(&"第十三条".to_string()), "{articles:?}");
}
