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

#[test]
fn every_failing_example_fires_its_rule() {
    for rule in codes::ALL {
        let dir = copy_of("base");
        for (path, yaml) in rule.fails {
            merge(dir.path(), path, yaml);
        }
        let compiled = compile(dir.path());
        let output = text(&compiled);
        assert!(
            compiled.diagnostics.iter().any(|d| d.code == rule.code),
            "{}: the failing example does not fire the rule:\n{output}",
            rule.code
        );
        insta::assert_snapshot!(format!("{}-{}", rule.code, rule.name), output);
    }
}

#[test]
fn every_passing_example_does_not_fire_its_rule() {
    for rule in codes::ALL {
        let dir = copy_of("base");
        for (path, yaml) in rule.passes {
            merge(dir.path(), path, yaml);
        }
        let compiled = compile(dir.path());
        assert!(
            compiled.diagnostics.iter().all(|d| d.code != rule.code),
            "{}: the passing example fires the rule:\n{}",
            rule.code,
            text(&compiled)
        );
    }
}
