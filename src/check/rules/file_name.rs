//! CAT011 file-name: a file's name or folder disagrees with the code inside it.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::FILE_NAME,
    what: "A national item lives in `national/<code>.yaml`, a local item in \
           `regions/<region>/local/<code>.yaml`, an event in `events/<id>.yaml` and a region in \
           `regions/<code>/region.yaml`: the name of the file (or folder) must equal the `code` \
           or `id` inside it.",
    why: "Regional entries find their national item by file name, and generated pages are named \
          by code. If the two disagree, entries attach to the wrong item and links break.",
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
    let mut compare =
        |doc: &crate::load::Document, key: &str, value: &str, expected: &str, what: &str| {
            if value != expected {
                out.push(
                    doc.diagnostic(
                        RULE.code,
                        &format!("/{key}"),
                        format!("{key} `{value}` differs from the {what} `{expected}`"),
                    )
                    .label(format!("the {what} says `{expected}`"))
                    .help(format!(
                        "rename the {what} to `{value}`, or correct the {key}"
                    )),
                );
            }
        };
    for (stem, item) in &catalog.items {
        compare(
            catalog.doc(item),
            "code",
            &item.value.code,
            stem,
            "file name",
        );
    }
    for ((_, stem), local) in &catalog.local_items {
        compare(
            catalog.doc(local),
            "code",
            &local.value.item.code,
            stem,
            "file name",
        );
    }
    for ((_, stem), event) in &catalog.events {
        compare(catalog.doc(event), "id", &event.value.id, stem, "file name");
    }
    for (folder, region) in &catalog.regions {
        compare(
            catalog.doc(region),
            "code",
            &region.value.code,
            folder,
            "folder name",
        );
    }
}
