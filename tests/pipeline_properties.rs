//! Property-based test: structurally valid but randomly mutated items and entries go through the
//! whole pipeline (load, schema, rules, conformance diff, and, when the catalog is clean, the
//! rendering of every output file) without a panic, and nothing a mutation writes reaches HTML
//! unescaped.

mod common;

use catalogc::emit::{self, Site, templates::Templates};
use common::*;
use proptest::prelude::*;
use serde_json::Value;

const ITEM: &str = "catalog/national/000120010000.yaml";
const ENTRY: &str = "catalog/regions/440300/000120010000.yaml";

/// The JSON of a catalog file (JSON is YAML, so a mutated file is written back as JSON).
fn json_of(path: &str) -> Value {
    let text = std::fs::read_to_string(fixture("base").join(path)).unwrap();
    catalogc::load::yaml::parse(&text, catalogc::load::yaml::Limits::default())
        .root
        .unwrap()
        .to_json()
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (0u32..40).prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        "\\PC{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "<script>alert(1)</script>",
            "=cmd|' /C calc'!A0",
            "../../x",
            "居住证",
            "2026-02-30",
            "e_certificate",
            "calendar_day",
            "\u{202e}txt"
        ])
        .prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "id", "ref", "name", "text", "copies", "days", "unit", "amount"
                ]),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Replace the value at a random path of `doc` (a key of the document, or of one of its list
/// lines) with `new`.
fn mutate(doc: &mut Value, choice: usize, inner: usize, new: Value) {
    let Some(map) = doc.as_object_mut() else {
        return;
    };
    let keys: Vec<String> = map.keys().cloned().collect();
    let key = &keys[choice % keys.len()];
    let target = map.get_mut(key).unwrap();
    match target {
        Value::Array(lines) if !lines.is_empty() => {
            let len = lines.len();
            if let Some(line) = lines[inner % len]
                .as_object_mut()
                .filter(|line| !line.is_empty())
            {
                let fields: Vec<String> = line.keys().cloned().collect();
                let field = fields[inner % fields.len()].clone();
                line.insert(field, new);
            } else {
                lines[inner % len] = new;
            }
        }
        Value::Object(fields) if !fields.is_empty() => {
            let names: Vec<String> = fields.keys().cloned().collect();
            fields.insert(names[inner % names.len()].clone(), new);
        }
        _ => *target = new,
    }
}

fn run(edits: Vec<(bool, usize, usize, Value)>) {
    let dir = copy_of("base");
    let (mut item, mut entry) = (json_of(ITEM), json_of(ENTRY));
    for (in_item, choice, inner, new) in edits {
        mutate(
            if in_item { &mut item } else { &mut entry },
            choice,
            inner,
            new,
        );
    }
    std::fs::write(
        dir.path().join(ITEM),
        serde_json::to_string_pretty(&item).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(ENTRY),
        serde_json::to_string_pretty(&entry).unwrap(),
    )
    .unwrap();
    let compiled = compile(dir.path());
    let _ = text(&compiled);
    for format in [
        catalogc::report::Format::Json,
        catalogc::report::Format::Sarif,
        catalogc::report::Format::Junit,
    ] {
        let _ = catalogc::report::render(&catalogc::report::Report::of(&compiled), format, false);
    }
    if compiled
        .diagnostics
        .iter()
        .any(|d| d.severity == catalogc::diagnostic::Severity::Error)
    {
        return;
    }
    let templates = Templates::load(dir.path(), None).unwrap();
    let site = Site::new(&compiled, &templates, Vec::new());
    let files = emit::render(&site, &compiled).expect("a clean catalog renders");
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            !String::from_utf8_lossy(bytes).contains("<script>alert"),
            "{path}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_items_and_entries_never_panic(edits in prop::collection::vec((any::<bool>(), any::<usize>(), any::<usize>(), value()), 1..4)) {
        run(edits);
    }
}
