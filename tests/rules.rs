//! Every rule's documented examples are real: the failing one fires the rule, the passing one
//! does not. Each example is merged into the small valid catalog `tests/fixtures/base`, and the
//! failing example's text output is snapshotted.

mod common;

use catalogc::rules::codes;
use common::*;

#[test]
fn the_base_fixture_is_clean() {
    let dir = copy_of("base");
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
}

/// The codes found, and the text output, after applying an example to the base catalog. Rules
/// that compare with git see the base catalog committed and the example as the change.
fn run(rule: &catalogc::rules::Rule, example: catalogc::rules::Example) -> (Vec<String>, String) {
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

#[test]
fn every_failing_example_fires_its_rule() {
    for rule in codes::ALL {
        let (codes, output) = run(rule, rule.fails);
        assert!(
            codes.iter().any(|c| c == rule.code),
            "{}: the failing example does not fire the rule:\n{output}",
            rule.code
        );
        insta::assert_snapshot!(format!("{}-{}", rule.code, rule.name), output);
    }
}

#[test]
fn every_passing_example_does_not_fire_its_rule() {
    for rule in codes::ALL {
        let (codes, output) = run(rule, rule.passes);
        assert!(
            codes.iter().all(|c| c != rule.code),
            "{}: the passing example fires the rule:\n{output}",
            rule.code
        );
    }
}
