//! CAT012 code-pattern: an item code that does not follow the catalog's coding rule.

use crate::t;
use regex::Regex;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::CODE_PATTERN,
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
    let lang = catalog.lang;
    let compile = |key: &str, pattern: &str, out: &mut Vec<Diagnostic>| match Regex::new(pattern) {
        Ok(regex) => Some(regex),
        Err(error) => {
            out.push(config_doc.diagnostic(
                RULE.code,
                &format!("/code_patterns/{key}"),
                t!(lang, "cat012-regex", error = error.to_string()),
            ));
            None
        }
    };
    if let Some(regex) = compile("national", &patterns.national, out) {
        let example = catalog
            .items
            .values()
            .map(|i| i.value.code.as_str())
            .find(|c| regex.is_match(c));
        for item in catalog.items.values() {
            if !catalog.keeps_doc(item.doc) {
                continue;
            }
            let doc = catalog.doc(item);
            report(
                doc,
                &item.value.code,
                &regex,
                "national",
                example,
                lang,
                out,
            );
        }
    }
    if let Some(regex) = compile("local", &patterns.local, out) {
        let example = catalog
            .local_items
            .values()
            .map(|i| i.value.item.code.as_str())
            .find(|c| regex.is_match(c));
        for local in catalog.local_items.values() {
            report(
                catalog.doc(local),
                &local.value.item.code,
                &regex,
                "local",
                example,
                lang,
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
    example: Option<&str>,
    lang: crate::diagnostic::messages::Lang,
    out: &mut Vec<Diagnostic>,
) {
    if !regex.is_match(code) {
        // The catalog's own regex is not shown: a code that follows it is.
        let label = match example {
            Some(example) => t!(lang, "cat012-label-example", kind = kind, example = example),
            None => t!(lang, "cat012-label", kind = kind),
        };
        out.push(
            doc.diagnostic(
                RULE.code,
                "/code",
                t!(lang, "cat012-message", code = code, kind = kind),
            )
            .label(label)
            .help(t!(lang, "cat012-help", kind = kind)),
        );
    }
}
