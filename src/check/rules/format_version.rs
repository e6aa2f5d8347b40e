//! CAT021 format-version: the catalog is written for an earlier format version.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::FORMAT;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::FORMAT_VERSION,
    fails: &[("catalog/catalog.yaml", "schema_version: 1\n")],
    passes: &[("catalog/catalog.yaml", "schema_version: 3\n")],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(config) = &catalog.config else {
        return;
    };
    let version = config.value.schema_version;
    if version < FORMAT {
        out.push(
            catalog
                .doc(config)
                .diagnostic(
                    RULE.code,
                    "/schema_version",
                    t!(
                        catalog.lang,
                        "cat021-message",
                        version = version,
                        format = FORMAT
                    ),
                )
                .label(t!(catalog.lang, "cat021-label"))
                .help(t!(catalog.lang, "cat021-help")),
        );
    }
}
