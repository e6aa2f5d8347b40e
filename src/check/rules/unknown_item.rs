//! CAT301 unknown-item: a regional entry for a national item that does not exist.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_ITEM,
    fails: &[(
        "catalog/regions/440300/000120099000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\nlevel: city\ncontact: {phone: \"0755-12345678\"}\nreviewed: 2026-06-30\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120020000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\nlevel: city\ncontact: {phone: \"0755-12345678\"}\nreviewed: 2026-06-30\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for ((_, code), entry) in &catalog.entries {
        if !catalog.item_files.contains(code) {
            let suggestion = catalog.item_files.iter().find(|known| {
                known.len() == code.len()
                    && known
                        .chars()
                        .zip(code.chars())
                        .filter(|(a, b)| a != b)
                        .count()
                        == 1
            });
            let d = catalog.doc(entry).diagnostic(
                RULE.code,
                "",
                t!(catalog.lang, "cat301-message", code = code.as_str()),
            );
            out.push(match suggestion {
                Some(known) => d.help(t!(catalog.lang, "cat301-help-near", near = known.as_str())),
                None => d.help(t!(catalog.lang, "cat301-help", code = code.as_str())),
            });
        }
    }
}
