//! Editor support: the national schemas in a form editors' YAML tooling reads, and the settings
//! that tie each kind of catalog file to its schema (README, editing in VS Code).
//!
//! The canonical schemas (`schema/*.schema.json`) are JSON Schema 2020-12 with relative `$ref`s
//! into `common.schema.json`. yaml-language-server (the engine of VS Code's YAML extension and of
//! most LSP clients) does not fully support either, so `catalogc init --editor vscode` writes one
//! self-contained draft-07 copy of each under `.catalogc/schemas/`: the shared definitions bundled
//! in, `$defs` renamed `definitions`, `dependentRequired` written as draft-07 `dependencies`. The
//! Chinese `title` and `description` of every field stay, so they are the hover text. A catalog's
//! own `schema/` files are converted instead of the built-in ones, as `check` uses them.

use std::path::Path;

use serde_json::{Map, Value, json};

use crate::load::Kind;
use crate::load::schema::{SchemaError, schema_text};

/// Where the editor schemas are written, under the catalog root.
pub const FOLDER: &str = ".catalogc/schemas";

/// Keywords of JSON Schema 2019-09/2020-12 that draft-07 does not have and that the conversion
/// does not rewrite: a schema using one cannot be given to an editor faithfully.
const NEWER_KEYWORDS: &[&str] = &[
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentSchemas",
    "minContains",
    "maxContains",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
];

/// The files of a catalog root each kind describes, as globs relative to the root (the
/// patterns of `load::classify`).
pub fn globs(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Config => &["catalog/catalog.yaml"],
        Kind::National => &["catalog/national/*.yaml"],
        Kind::Event => &["catalog/events/*.yaml", "catalog/regions/*/events/*.yaml"],
        Kind::Laws => &["catalog/registries/laws.yaml"],
        Kind::Certificates => &["catalog/registries/certificates.yaml"],
        Kind::Region => &["catalog/regions/*/region.yaml"],
        // Every other .yaml file directly in a region's folder (region.yaml is excluded).
        Kind::Entry => &["catalog/regions/*/!(region).yaml"],
        Kind::LocalItem => &["catalog/regions/*/local/*.yaml"],
        Kind::Policy => &["schema/policy.yaml"],
    }
}

/// The editor schema of each kind: (file name under [`FOLDER`], kind, the schema).
pub fn schemas(root: &Path) -> Result<Vec<(&'static str, Kind, Value)>, SchemaError> {
    let common = parse(root, "common.schema.json")?;
    let shared = common
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    Kind::ALL
        .iter()
        .map(|&kind| {
            let name = kind.schema();
            let schema = parse(root, name)?;
            let converted = draft07(&schema, &shared).map_err(|error| SchemaError::Compile {
                file: name.to_string(),
                error,
            })?;
            Ok((name, kind, converted))
        })
        .collect()
}

fn parse(root: &Path, name: &str) -> Result<Value, SchemaError> {
    let (text, _) = schema_text(root, name)?;
    serde_json::from_str(&text).map_err(|e| SchemaError::Json {
        file: name.to_string(),
        error: e.to_string(),
    })
}

/// One 2020-12 schema as a self-contained draft-07 schema, with `shared` (common.schema.json's
/// `$defs`) bundled in as `definitions`.
pub fn draft07(schema: &Value, shared: &Map<String, Value>) -> Result<Value, String> {
    let mut definitions = Map::new();
    for (name, definition) in shared {
        definitions.insert(name.clone(), rewrite(definition)?);
    }
    if let Some(own) = schema.get("$defs").and_then(Value::as_object) {
        for (name, definition) in own {
            let definition = rewrite(definition)?;
            if definitions
                .get(name)
                .is_some_and(|shared| *shared != definition)
            {
                return Err(format!(
                    "its definition `{name}` differs from common.schema.json's"
                ));
            }
            definitions.insert(name.clone(), definition);
        }
    }
    let Value::Object(mut top) = rewrite(schema)? else {
        return Err("the schema is not an object".to_string());
    };
    top.remove("$id");
    top.remove("definitions");
    let mut out = Map::new();
    out.insert(
        "$schema".to_string(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    for (key, value) in top {
        if key != "$schema" {
            out.insert(key, value);
        }
    }
    out.insert("definitions".to_string(), Value::Object(definitions));
    Ok(Value::Object(out))
}

/// `value` with every 2020-12 construct written the draft-07 way.
fn rewrite(value: &Value) -> Result<Value, String> {
    Ok(match value {
        Value::Array(items) => Value::Array(items.iter().map(rewrite).collect::<Result<_, _>>()?),
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                if let Some(keyword) = NEWER_KEYWORDS.iter().find(|k| **k == key) {
                    return Err(format!("`{keyword}` has no draft-07 equivalent"));
                }
                match (key.as_str(), value) {
                    // Definitions are collected at the top by `draft07`.
                    ("$defs", _) => {}
                    ("$ref", Value::String(target)) => {
                        out.insert(key.clone(), Value::String(reference(target)?));
                    }
                    ("dependentRequired", _) => {
                        out.insert("dependencies".to_string(), rewrite(value)?);
                    }
                    _ => {
                        out.insert(key.clone(), rewrite(value)?);
                    }
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

/// A `$ref` of the canonical schemas as a reference into the bundled `definitions`.
fn reference(target: &str) -> Result<String, String> {
    let (file, pointer) = target.split_once('#').unwrap_or((target, ""));
    if !(file.is_empty() || file == "common.schema.json") {
        return Err(format!(
            "`$ref: {target}` points into another file than common.schema.json"
        ));
    }
    if file.is_empty() && pointer.starts_with("/properties/") {
        // A file's own property (`scheduled` restates them): the bundle keeps them at its root.
        return Ok(format!("#{pointer}"));
    }
    match pointer.strip_prefix("/$defs/") {
        Some(name) => Ok(format!("#/definitions/{name}")),
        None => Err(format!(
            "`$ref: {target}` is not a reference to a definition"
        )),
    }
}

/// The `yaml-language-server` modeline for a file of `kind` at `relative` (from the catalog
/// root): the path from the file's folder to its editor schema.
pub fn modeline(kind: Kind, relative: &str) -> String {
    let depth = relative.matches('/').count();
    format!(
        "# yaml-language-server: $schema={}{FOLDER}/{}\n",
        "../".repeat(depth),
        kind.schema()
    )
}

/// What `.vscode/settings.json` gains: `yaml.schemas`, each editor schema with its globs.
pub fn vscode_associations() -> Map<String, Value> {
    Kind::ALL
        .iter()
        .map(|&kind| (format!("./{FOLDER}/{}", kind.schema()), json!(globs(kind))))
        .collect()
}

/// `settings` (the text of an existing `.vscode/settings.json`, if any) with catalogc's schema
/// associations set and everything else kept. `Err` when the file is not plain JSON (VS Code
/// allows comments there, which a rewrite would lose): the editor adds the lines by hand.
pub fn vscode_settings(settings: Option<&str>) -> Result<String, String> {
    let mut top = match settings {
        None => Map::new(),
        Some(text) if text.trim().is_empty() => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err("it is not a JSON object".to_string()),
            Err(e) => return Err(format!("it is not plain JSON ({e})")),
        },
    };
    let mut schemas = top
        .get("yaml.schemas")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    // Associations written by an earlier catalogc are replaced; the editor's own stay.
    schemas.retain(|key, _| !key.trim_start_matches("./").starts_with(FOLDER));
    schemas.extend(vscode_associations());
    top.insert("yaml.schemas".to_string(), Value::Object(schemas));
    let mut text = serde_json::to_string_pretty(&Value::Object(top)).expect("JSON values print");
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under the sample's `catalog/`, with its path relative to the root.
    fn sample_files(root: &Path) -> Vec<(std::path::PathBuf, String)> {
        walkdir::WalkDir::new(root.join("catalog"))
            .into_iter()
            .map(|entry| {
                let path = entry.unwrap().into_path();
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (path, relative)
            })
            .collect()
    }

    /// The globs give every file of the sample catalog exactly the schema `check` validates it
    /// with (`load::classify`), and none to files catalogc does not read.
    #[test]
    fn every_globbed_file_gets_the_schema_check_uses() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for (_, relative) in sample_files(root) {
            let matching: Vec<Kind> = Kind::ALL
                .into_iter()
                .filter(|&kind| globs(kind).iter().any(|g| glob_matches(g, &relative)))
                .collect();
            let expected = crate::load::classify(&relative);
            assert_eq!(
                matching,
                expected.into_iter().collect::<Vec<_>>(),
                "{relative}"
            );
            seen += usize::from(expected.is_some());
        }
        assert!(seen > 100, "only {seen} catalog files");
    }

    /// The subset of picomatch's globs used above: `*` within a segment and `!(name)`.
    fn glob_matches(glob: &str, path: &str) -> bool {
        let globs: Vec<&str> = glob.split('/').collect();
        let parts: Vec<&str> = path.split('/').collect();
        globs.len() == parts.len()
            && globs.iter().zip(&parts).all(|(g, p)| {
                if let Some(rest) = g.strip_prefix("!(") {
                    let (name, suffix) = rest.split_once(')').unwrap();
                    p.ends_with(suffix) && *p != format!("{name}{suffix}")
                } else if let Some((head, tail)) = g.split_once('*') {
                    p.len() >= head.len() + tail.len() && p.starts_with(head) && p.ends_with(tail)
                } else {
                    g == p
                }
            })
    }

    /// Converted, every schema accepts and rejects what the canonical one does, for every file
    /// of the sample catalog and for a broken copy of each.
    #[test]
    fn the_draft07_schemas_judge_the_sample_as_the_canonical_ones_do() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let converted = schemas(root).unwrap();
        let mut judged = 0;
        for (path, relative) in sample_files(root) {
            let Some(kind) = crate::load::classify(&relative) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).unwrap();
            let json = crate::load::yaml::parse(&text, Default::default())
                .root
                .unwrap()
                .to_json();
            let (_, _, schema) = converted.iter().find(|(_, k, _)| *k == kind).unwrap();
            let validator = jsonschema::draft7::new(schema).unwrap();
            assert!(
                validator.is_valid(&json),
                "{relative} fails its editor schema"
            );
            // A required key removed, or an unknown key added, fails both.
            let mut broken = json.clone();
            broken
                .as_object_mut()
                .unwrap()
                .insert("not_a_field".into(), json!(1));
            assert!(
                !validator.is_valid(&broken),
                "{relative}: unknown key accepted"
            );
            judged += 1;
        }
        assert!(judged > 100);
    }

    #[test]
    fn newer_keywords_and_foreign_references_are_refused() {
        let shared = Map::new();
        assert!(draft07(&json!({"prefixItems": []}), &shared).is_err());
        assert!(draft07(&json!({"$ref": "item.schema.json#/$defs/x"}), &shared).is_err());
        let ok = draft07(
            &json!({"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"}},
                    "dependentRequired": {"x": ["y"]}}),
            &shared,
        )
        .unwrap();
        assert_eq!(ok["properties"]["x"]["$ref"], "#/definitions/a");
        assert_eq!(ok["dependencies"]["x"], json!(["y"]));
        assert_eq!(ok["definitions"]["a"]["type"], "string");
    }

    #[test]
    fn settings_keep_the_editors_own_and_refuse_commented_json() {
        let before = r#"{"editor.tabSize": 2, "yaml.schemas": {"./mine.json": "x.yaml", "./.catalogc/schemas/old.json": "y"}}"#;
        let after: Value = serde_json::from_str(&vscode_settings(Some(before)).unwrap()).unwrap();
        assert_eq!(after["editor.tabSize"], 2);
        assert_eq!(after["yaml.schemas"]["./mine.json"], "x.yaml");
        assert!(
            after["yaml.schemas"]
                .get("./.catalogc/schemas/old.json")
                .is_none()
        );
        assert_eq!(
            after["yaml.schemas"]["./.catalogc/schemas/entry.schema.json"],
            json!(["catalog/regions/*/!(region).yaml"])
        );
        assert!(vscode_settings(Some("{ // comment\n}")).is_err());
    }

    #[test]
    fn the_modeline_climbs_to_the_root() {
        assert_eq!(
            modeline(Kind::Entry, "catalog/regions/330100/002000112001.yaml"),
            "# yaml-language-server: $schema=../../../.catalogc/schemas/entry.schema.json\n"
        );
    }
}
