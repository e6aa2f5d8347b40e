//! CAT021 format-version: the catalog is written for an earlier format version.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::load::FORMAT;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::FORMAT_VERSION,
    what: "Compares `schema_version` in `catalog/catalog.yaml` with the format this catalogc \
           reads (2). Format 2 made omissions explicit: a regional list that restates lines \
           accounts for every line it inherits, restating it or omitting it with a reason, where \
           format 1 dropped an unlisted line silently. `catalogc migrate` rewrites a format-1 \
           catalog so that it means the same (it writes `omitted: true` for each line a list \
           left out) and sets the version; `catalogc migrate --diff` shows the patch first.",
    why: "Read under the new rules, a format-1 catalog reports every silently dropped line as an \
          error (CAT210). The version says which rules a file was written for, so the upgrade is \
          one command and not a surprise.",
    fails: &[("catalog/catalog.yaml", "schema_version: 1\n")],
    passes: &[("catalog/catalog.yaml", "schema_version: 2\n")],
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
                    format!("the catalog is written for format {version}; this catalogc reads format {FORMAT}"),
                )
                .label("an earlier format")
                .help("run `catalogc migrate` (or `catalogc migrate --diff` to see the changes first)"),
        );
    }
}
