//! Every rule's documented examples are real: the failing one fires the rule, the passing one
//! does not. Each example is merged into the small valid catalog `tests/fixtures/base`, and the
//! failing example's text output is snapshotted.

mod common;

use catalogc::diagnostic::codes;
use common::*;

#[test]
fn the_base_fixture_is_clean() {
    let dir = copy_of("base");
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
}

/// The codes found, and the text output, after applying an example to the base catalog. Rules
/// that compare with git see the base catalog committed and the example as the change.
fn run(rule: &catalogc::check::Rule, example: catalogc::check::Example) -> (Vec<String>, String) {
    let dir = copy_of("base");
    if rule.since {
        commit_all(dir.path(), "base");
    }
    for (path, yaml) in example {
        merge(dir.path(), path, yaml);
    }
    if rule.since {
        let (_, json, _) = check_since(dir.path(), "HEAD", "json");
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let codes = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        return (codes, check_since(dir.path(), "HEAD", "text").1);
    }
    let compiled = compile(dir.path());
    (
        compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect(),
        text(&compiled),
    )
}

/// The failing example fires the rule (and its output is snapshotted); the passing one does not.
fn examples_hold(rule: &catalogc::check::Rule) {
    let code = rule.code.code;
    let (codes, output) = run(rule, rule.fails);
    assert!(
        codes.iter().any(|c| c == code),
        "{code}: the failing example does not fire the rule:\n{output}"
    );
    insta::assert_snapshot!(format!("{code}-{}", rule.code.name), output);
    let (codes, output) = run(rule, rule.passes);
    assert!(
        codes.iter().all(|c| c != code),
        "{code}: the passing example fires the rule:\n{output}"
    );
}

/// One test per rule, named after the rule's file, so that a failure names its rule.
macro_rules! rule_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                examples_hold(&catalogc::check::rules::$name::RULE);
            }
        )*

        #[test]
        fn every_rule_has_its_test() {
            let tested: Vec<&str> = vec![$(catalogc::check::rules::$name::RULE.code.code),*];
            let registered: Vec<&str> = catalogc::check::rules::ALL.iter().map(|r| r.code.code).collect();
            assert_eq!(tested, registered, "add the rule's file name to rule_tests! in code order");
            let codes: Vec<&str> = codes::ALL.iter().map(|c| c.code).collect();
            assert_eq!(registered, codes, "every code in diagnostic::codes has its rule file");
        }
    };
}

rule_tests!(
    yaml_syntax,
    duplicate_key,
    unknown_key,
    wrong_type,
    missing_key,
    invalid_value,
    unquoted_code,
    unknown_file,
    unsupported_yaml,
    unreadable_file,
    file_name,
    code_pattern,
    file_size,
    empty_file,
    nesting_depth,
    alias_expansion,
    string_length,
    file_count,
    control_character,
    yml_extension,
    format_version,
    committed_limit,
    limit_unit,
    handling,
    fee_basis,
    visits,
    insecure_url,
    credit_code,
    duplicate_id,
    review,
    personal_data,
    stale_review,
    task_code,
    waiver_without_certificate,
    level_not_delivering,
    entry_level,
    fixed_field,
    added_requirement,
    stricter_requirement,
    changed_text,
    approved_deviation,
    expired_exception,
    unmatched_exception,
    unaccounted_line,
    omission_reason,
    omitted_requirement,
    exception_expiring,
    standard_version,
    unknown_item,
    unknown_ref,
    unknown_law,
    unknown_certificate,
    unknown_member,
    unknown_parent,
    parent_level,
    region_code,
    credit_code_region,
    local_code_region,
    duplicate_region_name,
    local_item_level,
);
