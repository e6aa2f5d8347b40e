//! CAT012 code-pattern: an item code that does not follow the catalog's coding rule.

use regex::Regex;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::CODE_PATTERN,
    what: "Checks national item codes against `code_patterns.national` and local item codes \
           against `code_patterns.local` in catalog/catalog.yaml. The defaults follow the \
           12-character 基本编码 (`SS TT MMMMM NNN`, GB/T 39554.1) and a province-prefixed local \
           code.",
    why: "The national platform exchanges items by code; a code of the wrong shape cannot be \
          matched to the 基本目录 and breaks every link built from it. Codes are also file names, \
          so a strict pattern keeps paths safe.",
    fails: &[(
        "catalog/catalog.yaml",
        "code_patterns: {national: \"^99[0-9]{10}$\"}\n",
    )],
    passes: &[(
        "catalog/catalog.yaml",
        "code_patterns: {national: \"^00[0-9]{10}$\"}\n",
    )],
    check: Some(check),
    since: false,
};

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let Some(config) = &catalog.config else {
        return;
    };
    let patterns = &config.value.code_patterns;
    let config_doc = catalog.doc(config);
    let compile = |key: &str, pattern: &str, out: &mut Vec<Diagnostic>| match Regex::new(pattern) {
        Ok(regex) => Some(regex),
        Err(error) => {
            out.push(config_doc.diagnostic(
                RULE.code,
                &format!("/code_patterns/{key}"),
                format!("the pattern is not a valid regular expression: {error}"),
            ));
            None
        }
    };
    if let Some(regex) = compile("national", &patterns.national, out) {
        for item in catalog.items.values() {
            report(catalog.doc(item), &item.value.code, &regex, "national", out);
        }
    }
    if let Some(regex) = compile("local", &patterns.local, out) {
        for local in catalog.local_items.values() {
            report(
                catalog.doc(local),
                &local.value.item.code,
                &regex,
                "local",
                out,
            );
        }
    }
}

fn report(
    doc: &crate::load::Document,
    code: &str,
    regex: &Regex,
    kind: &str,
    out: &mut Vec<Diagnostic>,
) {
    if !regex.is_match(code) {
        out.push(
            doc.diagnostic(
                RULE.code,
                "/code",
                format!("code `{code}` does not match the {kind} code pattern"),
            )
            .label(format!("expected to match {}", regex.as_str()))
            .help(format!(
                "see `code_patterns.{kind}` in catalog/catalog.yaml"
            )),
        );
    }
}
