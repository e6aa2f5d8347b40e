//! CAT011 file-name: a file's name or folder disagrees with the code inside it.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::FILE_NAME,
    fails: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120030000\"\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let lang = catalog.lang;
    let mut compare =
        |doc: &crate::load::Document, key: &str, value: &str, expected: &str, what: &str| {
            if value != expected {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/{key}"),
                        t!(
                            lang,
                            "cat011-message",
                            key = key,
                            value = value,
                            what = what,
                            expected = expected
                        ),
                    )
                    .label(t!(lang, "cat011-label", what = what, expected = expected))
                    .help(t!(
                        lang,
                        "cat011-help",
                        what = what,
                        value = value,
                        key = key
                    )),
                );
            }
        };
    for (stem, item) in &catalog.items {
        compare(catalog.doc(item), "code", &item.value.code, stem, "file");
    }
    for ((_, stem), local) in &catalog.local_items {
        compare(
            catalog.doc(local),
            "code",
            &local.value.item.code,
            stem,
            "file",
        );
    }
    for ((_, stem), event) in &catalog.events {
        compare(catalog.doc(event), "id", &event.value.id, stem, "file");
    }
    for (folder, region) in &catalog.regions {
        compare(
            catalog.doc(region),
            "code",
            &region.value.code,
            folder,
            "folder",
        );
    }
}
