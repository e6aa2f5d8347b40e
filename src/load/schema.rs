//! Stage 2: validate every document against the national schema.
//!
//! The schema files under `schema/` are compiled into the binary; a catalog's own `schema/`
//! folder overrides them file by file. Every error of every file is reported (not the first), each
//! mapped from its JSON Pointer back to the YAML node, and worded with the field's Chinese label
//! taken from the schema's `title`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Registry, Validator};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::diagnostic::messages::Lang;
use crate::load::yaml;
use crate::load::{Document, Kind};
use crate::t;

/// Base URI every schema's `$id` lives under, so relative `$ref`s resolve offline.
pub const BASE_URI: &str = "https://catalogc.invalid/schema/";

/// The schema files built into the binary.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "common.schema.json",
        include_str!("../../schema/common.schema.json"),
    ),
    (
        "catalog.schema.json",
        include_str!("../../schema/catalog.schema.json"),
    ),
    (
        "item.schema.json",
        include_str!("../../schema/item.schema.json"),
    ),
    (
        "entry.schema.json",
        include_str!("../../schema/entry.schema.json"),
    ),
    (
        "local-item.schema.json",
        include_str!("../../schema/local-item.schema.json"),
    ),
    (
        "region.schema.json",
        include_str!("../../schema/region.schema.json"),
    ),
    (
        "event.schema.json",
        include_str!("../../schema/event.schema.json"),
    ),
    (
        "laws.schema.json",
        include_str!("../../schema/laws.schema.json"),
    ),
    (
        "certificates.schema.json",
        include_str!("../../schema/certificates.schema.json"),
    ),
    (
        "policy.schema.json",
        include_str!("../../schema/policy.schema.json"),
    ),
    ("policy.yaml", include_str!("../../schema/policy.yaml")),
];

/// Why the schema itself cannot be used: catalogc cannot run (exit status 2).
#[derive(Debug)]
pub enum SchemaError {
    Read { file: String, error: String },
    Json { file: String, error: String },
    Compile { file: String, error: String },
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemaError::Read { file, error } => write!(f, "cannot read schema/{file}: {error}"),
            SchemaError::Json { file, error } => {
                write!(f, "schema/{file} is not valid JSON: {error}")
            }
            SchemaError::Compile { file, error } => {
                write!(f, "schema/{file} is not a usable JSON Schema: {error}")
            }
        }
    }
}

impl std::error::Error for SchemaError {}

/// The text of a schema file: the catalog's own copy if it has one, else the built-in one.
pub fn schema_text(root: &Path, name: &str) -> Result<(String, bool), SchemaError> {
    let own = root.join("schema").join(name);
    if own.is_file() {
        return std::fs::read_to_string(&own)
            .map(|text| (text, true))
            .map_err(|e| SchemaError::Read {
                file: name.to_string(),
                error: e.to_string(),
            });
    }
    BUILT_IN
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| (text.to_string(), false))
        .ok_or_else(|| SchemaError::Read {
            file: name.to_string(),
            error: "no such built-in schema".to_string(),
        })
}

/// The compiled validators, one per kind of file, and the labels of every property.
pub struct Schemas {
    validators: BTreeMap<Kind, Validator>,
    labels: Arc<FieldLabels>,
    /// Each `pattern` of the schemas → the `$defs` entry (or property) it belongs to, which names
    /// its human description (`pattern-credit_code`): a reader never sees the regex.
    patterns: BTreeMap<String, String>,
    /// Each enumeration value → the Chinese label the schema's description gives it
    /// (`working_day` → 工作日), to suggest the value a Chinese label means.
    enum_labels: BTreeMap<String, String>,
}

/// The Chinese titles the schemas give their properties: the one source of every field's name
/// wherever a person reads it (messages, pages, open data, feeds).
#[derive(Debug, Default)]
pub struct FieldLabels {
    /// property name → Chinese label (`title`), the first one found.
    labels: BTreeMap<String, String>,
    /// (definition, property) → label, for names whose meaning depends on where they are.
    def_labels: BTreeMap<(String, String), String>,
    /// property name → the `$defs` entry its schema refers to (`online` → `online_channel`).
    def_of: BTreeMap<String, String>,
}

impl FieldLabels {
    /// The Chinese label of a property, if the schema gives one.
    pub fn get(&self, property: &str) -> Option<&str> {
        self.labels.get(property).map(String::as_str)
    }

    /// The label of a field of an item or entry for people: its title in the item schema, else
    /// in the entry schema, else anywhere, else its name (`name` is 事项名称, not the 发布机构名称
    /// of `catalog.yaml`'s publisher).
    pub fn field<'a>(&'a self, field: &'a str) -> &'a str {
        ["item.schema.json", "entry.schema.json"]
            .into_iter()
            .find_map(|def| self.def_labels.get(&(def.to_string(), field.to_string())))
            .map(String::as_str)
            .or_else(|| self.get(field))
            .unwrap_or(field)
    }

    /// The title the schema gives `property` in `def` (a schema file such as
    /// `item.schema.json`, or a `$defs` entry such as `material`), if any.
    pub fn title(&self, def: &str, property: &str) -> Option<&str> {
        self.def_labels
            .get(&(def.to_string(), property.to_string()))
            .map(String::as_str)
    }

    /// The label of `property` inside the `$defs` type `def` (`channels`, `visits` →
    /// 到办事现场次数), else its label anywhere, else its name.
    pub fn property<'a>(&'a self, def: &str, property: &'a str) -> &'a str {
        self.title(def, property)
            .unwrap_or_else(|| self.field(property))
    }
}

impl Schemas {
    pub fn load(root: &Path) -> Result<Schemas, SchemaError> {
        let mut documents = BTreeMap::new();
        for (name, _) in BUILT_IN.iter().filter(|(name, _)| name.ends_with(".json")) {
            let (text, _) = schema_text(root, name)?;
            let json: Value = serde_json::from_str(&text).map_err(|e| SchemaError::Json {
                file: name.to_string(),
                error: e.to_string(),
            })?;
            documents.insert(name.to_string(), json);
        }
        let mut labels = BTreeMap::new();
        let mut def_labels = BTreeMap::new();
        let mut def_of = BTreeMap::new();
        let mut patterns = BTreeMap::new();
        let mut enum_labels = BTreeMap::new();
        for (name, json) in &documents {
            collect_patterns(json, name, &mut patterns);
            collect_enum_labels(json, &mut enum_labels);
            collect_labels(json, &mut labels);
            collect_def_labels(name, json, &mut def_labels, &mut def_of);
            if let Some(Value::Object(defs)) = json.get("$defs") {
                for (def, schema) in defs {
                    collect_def_labels(def, schema, &mut def_labels, &mut def_of);
                }
            }
        }
        let mut registry = Registry::new();
        for (name, json) in &documents {
            registry = registry
                .add(format!("{BASE_URI}{name}"), json.clone())
                .map_err(|e| SchemaError::Compile {
                    file: name.clone(),
                    error: e.to_string(),
                })?;
        }
        let registry = registry.prepare().map_err(|e| SchemaError::Compile {
            file: "common.schema.json".to_string(),
            error: e.to_string(),
        })?;
        let mut validators = BTreeMap::new();
        for kind in Kind::ALL {
            let name = kind.schema();
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .with_registry(&registry)
                .with_base_uri(format!("{BASE_URI}{name}"))
                .should_validate_formats(true)
                .build(&documents[name])
                .map_err(|e| SchemaError::Compile {
                    file: name.to_string(),
                    error: e.to_string(),
                })?;
            validators.insert(kind, validator);
        }
        Ok(Schemas {
            validators,
            labels: Arc::new(FieldLabels {
                labels,
                def_labels,
                def_of,
            }),
            patterns,
            enum_labels,
        })
    }

    /// The Chinese label of a property, if the schema gives one.
    pub fn label(&self, property: &str) -> Option<&str> {
        self.labels.get(property)
    }

    /// The labels, to share with the stages that name fields for people.
    pub fn labels(&self) -> Arc<FieldLabels> {
        Arc::clone(&self.labels)
    }

    /// Validate one parsed document; returns every error, each at its YAML node.
    pub fn validate(&self, document: &Document, lang: Lang) -> Vec<Diagnostic> {
        let Some(validator) = self.validators.get(&document.kind) else {
            return Vec::new();
        };
        if validator.is_valid(&document.json) {
            return Vec::new();
        }
        let mut found: Vec<Diagnostic> = validator
            .iter_errors(&document.json)
            .flat_map(|error| self.describe(document, &error, lang))
            .collect();
        crate::diagnostic::sort(&mut found);
        found
    }

    /// The label of the property a pointer ends in, read in the context of its parent property
    /// where the schema gives one (`/channels/online/url` is 网办地址, not any other `url`).
    fn label_at(&self, kind: Kind, pointer: &str) -> Option<&str> {
        let mut properties = pointer
            .rsplit('/')
            .filter(|s| !s.is_empty() && s.parse::<usize>().is_err());
        let property = properties.next()?;
        let def = match properties.next() {
            Some(parent) => self.labels.def_of.get(parent).map(String::as_str),
            None => Some(kind.schema()),
        };
        def.and_then(|def| {
            self.labels
                .def_labels
                .get(&(def.to_string(), property.to_string()))
        })
        .map(String::as_str)
        .or_else(|| self.label(property))
    }

    /// Name the property at a pointer for a message: `copies` (份数).
    fn name_at(&self, kind: Kind, pointer: &str, lang: Lang) -> String {
        let property = last_property(pointer).unwrap_or_default();
        match self.label_at(kind, pointer) {
            Some(label) => t!(lang, "field-labelled", property = property, label = label),
            None => t!(lang, "field", property = property),
        }
    }

    fn describe(
        &self,
        document: &Document,
        error: &jsonschema::ValidationError<'_>,
        lang: Lang,
    ) -> Vec<Diagnostic> {
        let pointer = error.instance_path().as_str().to_string();
        let field = last_property(&pointer);
        let what = match field {
            Some(_) => self.name_at(document.kind, &pointer, lang),
            None => t!(lang, "the-document"),
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => unexpected
                .iter()
                .map(|key| self.unknown_key(document, &pointer, key, lang))
                .collect(),
            ValidationErrorKind::Required { property } => {
                let property = property.as_str().unwrap_or_default();
                let inside = if pointer.is_empty() {
                    t!(lang, "the-document")
                } else {
                    what
                };
                vec![
                    document
                        .diagnostic(
                            &codes::MISSING_KEY,
                            &pointer,
                            t!(
                                lang,
                                "cat005-message",
                                inside = inside,
                                name = self.name_at(
                                    document.kind,
                                    &format!("{pointer}/{property}"),
                                    lang
                                )
                            ),
                        )
                        .help(t!(lang, "cat005-help", property = property)),
                ]
            }
            ValidationErrorKind::Type { kind } => {
                let names: Vec<String> = match kind {
                    TypeKind::Single(t) => vec![t.to_string()],
                    TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
                };
                let first = names.first().cloned().unwrap_or_default();
                let expected = names
                    .iter()
                    .map(|name| t!(lang, "type-name", kind = name.as_str()))
                    .reduce(|a, b| t!(lang, "type-either", first = a, second = b))
                    .unwrap_or_default();
                let found = json_type(error.instance(), lang);
                if let Some(d) = self.unquoted_code(document, &pointer, &what, &names, lang) {
                    return vec![d];
                }
                let key = field.unwrap_or("…");
                vec![
                    document
                        .diagnostic(
                            &codes::WRONG_TYPE,
                            &pointer,
                            t!(
                                lang,
                                "cat004-message",
                                what = what,
                                first = first.as_str(),
                                expected = expected,
                                found = found.as_str()
                            ),
                        )
                        .label(t!(lang, "cat004-label", found = found.as_str()))
                        .help(t!(lang, "cat004-help", first = first.as_str(), key = key)),
                ]
            }
            kind => vec![self.invalid_value(document, &pointer, &what, error, kind, lang)],
        }
    }

    /// CAT006: a value of the right type that the schema does not allow, said in the reader's
    /// terms: what the value must look like (with an example, never the regex), the allowed
    /// values (with the one a Chinese label means), the limit.
    fn invalid_value(
        &self,
        document: &Document,
        pointer: &str,
        what: &str,
        error: &jsonschema::ValidationError<'_>,
        kind: &ValidationErrorKind,
        lang: Lang,
    ) -> Diagnostic {
        let instance = error.instance();
        let value = match instance.as_ref() {
            Value::String(s) => format!("\"{s}\""),
            other => other.to_string(),
        };
        let number = |limit: &Value| limit.to_string();
        let (message, help) = match kind {
            ValidationErrorKind::Pattern { pattern } => {
                let def = self.patterns.get(pattern).map(String::as_str);
                let id = def
                    .map(|def| format!("pattern-{def}"))
                    .filter(|id| crate::diagnostic::messages::has(lang, id));
                let help = match &id {
                    Some(id) => t!(lang, id.as_str()),
                    None => t!(lang, "pattern-other"),
                };
                (t!(lang, "cat006-pattern", what = what, value = value), help)
            }
            ValidationErrorKind::Format { format } => (
                t!(
                    lang,
                    "cat006-format",
                    what = what,
                    value = value,
                    format = format.as_str()
                ),
                t!(lang, "cat006-format-help", format = format.as_str()),
            ),
            ValidationErrorKind::Enum { options } => {
                let allowed: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let list = allowed
                    .iter()
                    .map(|v| match self.enum_labels.get(*v) {
                        Some(label) => t!(
                            lang,
                            "enum-value-labelled",
                            value = *v,
                            label = label.as_str()
                        ),
                        None => t!(lang, "enum-value", value = *v),
                    })
                    .collect::<Vec<_>>()
                    .join(&t!(lang, "list-separator"));
                let meant = instance
                    .as_str()
                    .and_then(|written| self.value_meant(written, &allowed));
                let help = match meant {
                    Some((value, label)) => {
                        t!(lang, "cat006-enum-meant", value = value, label = label)
                    }
                    None => t!(lang, "cat006-enum-help", allowed = list.clone()),
                };
                (
                    t!(
                        lang,
                        "cat006-enum",
                        what = what,
                        value = value,
                        allowed = list
                    ),
                    help,
                )
            }
            ValidationErrorKind::Minimum { limit } => (
                t!(
                    lang,
                    "cat006-minimum",
                    what = what,
                    value = value,
                    limit = number(limit)
                ),
                t!(lang, "cat006-minimum-help", limit = number(limit)),
            ),
            ValidationErrorKind::ExclusiveMinimum { limit } => (
                t!(
                    lang,
                    "cat006-exclusive-minimum",
                    what = what,
                    value = value,
                    limit = number(limit)
                ),
                t!(lang, "cat006-exclusive-minimum-help", limit = number(limit)),
            ),
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => (
                t!(
                    lang,
                    "cat006-maximum",
                    what = what,
                    value = value,
                    limit = number(limit)
                ),
                t!(lang, "cat006-maximum-help", limit = number(limit)),
            ),
            ValidationErrorKind::MinLength { .. } => (
                t!(lang, "cat006-empty", what = what),
                t!(lang, "cat006-empty-help"),
            ),
            ValidationErrorKind::MaxLength { limit } => (
                t!(lang, "cat006-too-long", what = what, limit = *limit),
                t!(lang, "cat006-too-long-help", limit = *limit),
            ),
            ValidationErrorKind::MinItems { limit } => (
                t!(lang, "cat006-min-items", what = what, limit = *limit),
                t!(lang, "cat006-min-items-help", limit = *limit),
            ),
            ValidationErrorKind::MaxItems { limit } => (
                t!(lang, "cat006-max-items", what = what, limit = *limit),
                t!(lang, "cat006-max-items-help", limit = *limit),
            ),
            ValidationErrorKind::UniqueItems => (
                t!(lang, "cat006-unique", what = what),
                t!(lang, "cat006-unique-help"),
            ),
            ValidationErrorKind::Constant { expected_value } => (
                t!(
                    lang,
                    "cat006-const",
                    what = what,
                    value = value,
                    expected = expected_value.to_string()
                ),
                t!(
                    lang,
                    "cat006-const-help",
                    expected = expected_value.to_string()
                ),
            ),
            _ => (
                t!(lang, "cat006-other", what = what, value = value),
                t!(lang, "cat006-other-help"),
            ),
        };
        document
            .diagnostic(&codes::INVALID_VALUE, pointer, message)
            .label(t!(lang, "cat006-label"))
            .help(help)
    }

    /// The allowed value whose Chinese label the written value is (`工作日` → `working_day`),
    /// or contains, or is contained in, when exactly one allowed value matches.
    fn value_meant<'a>(&'a self, written: &str, allowed: &[&'a str]) -> Option<(&'a str, &'a str)> {
        let written = written.trim();
        if written.is_empty() {
            return None;
        }
        let labelled: Vec<(&str, &str)> = allowed
            .iter()
            .filter_map(|v| self.enum_labels.get(*v).map(|l| (*v, l.as_str())))
            .collect();
        if let Some(exact) = labelled.iter().find(|(_, label)| *label == written) {
            return Some(*exact);
        }
        let near: Vec<(&str, &str)> = labelled
            .into_iter()
            .filter(|(_, label)| label.contains(written) || written.contains(label))
            .collect();
        match near.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// CAT003 for `key` in the mapping at `pointer`: with a rename when exactly one allowed key
    /// is close (a safe fix only then), or, for a key that belongs to another mapping (an
    /// under-indented `nature` of `department`), where it belongs.
    fn unknown_key(&self, document: &Document, pointer: &str, key: &str, lang: Lang) -> Diagnostic {
        let span = document.key_span(pointer, key);
        let mut d = document
            .diagnostic(
                &codes::UNKNOWN_KEY,
                &format!("{pointer}/{key}"),
                t!(lang, "cat003-message", key = key),
            )
            .label(t!(lang, "cat003-label"));
        d.span = span;
        let siblings: Vec<&str> = match document.root().and_then(|r| r.pointer(pointer)) {
            Some((node, _)) => match &node.value {
                yaml::Value::Map(entries) => entries.iter().map(|e| e.key.as_str()).collect(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        let allowed = self.allowed_at(document.kind, pointer);
        let mut near: Vec<(usize, &str)> = match &allowed {
            Some(allowed) => allowed
                .iter()
                .map(|k| (edit_distance(key, k), *k))
                .filter(|(n, _)| *n > 0 && *n <= 2 && *n < key.len())
                .collect(),
            None => self.suggest(key).map(|k| (1, k)).into_iter().collect(),
        };
        near.sort();
        let best: Vec<&str> = near
            .iter()
            .take_while(|(n, _)| *n == near[0].0)
            .map(|(_, k)| *k)
            .collect();
        match best.as_slice() {
            [only] if siblings.contains(only) => {
                return d.help(t!(lang, "cat003-help-near", near = *only));
            }
            [only] => {
                let fix = crate::diagnostic::Fix {
                    description: t!(
                        lang,
                        "cat003-fix-rename",
                        key = (key).to_string(),
                        only = (only).to_string()
                    ),
                    // Only a key the schema allows here, with no rival, is renamed unasked.
                    safe: allowed.is_some(),
                    edits: vec![crate::diagnostic::Edit::new(&document.source, span, *only)],
                };
                return d.help(t!(lang, "cat003-help-near", near = *only)).fix(fix);
            }
            [_, ..] => {
                let list = best.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>();
                let choices = list.join(&t!(lang, "list-separator"));
                return d.help(t!(lang, "cat003-help-choices", choices = choices));
            }
            [] => {}
        }
        let mut homes = self.homes(key);
        homes.sort_by_key(|h| !siblings.contains(h));
        match homes.first() {
            Some(home) => {
                let label = self
                    .label(home)
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                let nearby = siblings.contains(home);
                if let Some(fix) = indent_under(document, pointer, key, home, span) {
                    d = d.fix(fix);
                }
                d.label = Some(t!(
                    lang,
                    "cat003-label-belongs",
                    key = (key).to_string(),
                    home = (home).to_string(),
                    label = (label).to_string()
                ));
                d.help(if nearby {
                    t!(
                        lang,
                        "cat003-help-indent",
                        key = (key).to_string(),
                        home = (home).to_string()
                    )
                } else {
                    t!(
                        lang,
                        "cat003-help-move",
                        key = (key).to_string(),
                        home = (home).to_string()
                    )
                })
            }
            None => d.help(t!(lang, "cat003-help")),
        }
    }

    /// The keys the schema allows in the mapping at `pointer`, when its definition is known.
    fn allowed_at(&self, kind: Kind, pointer: &str) -> Option<Vec<&str>> {
        let def = match last_property(pointer) {
            None if pointer.is_empty() => kind.schema(),
            None => return None,
            Some(parent) => self.labels.def_of.get(parent)?.as_str(),
        };
        let keys: Vec<&str> = self
            .labels
            .def_labels
            .keys()
            .filter(|(d, _)| d == def)
            .map(|(_, p)| p.as_str())
            .collect();
        (!keys.is_empty()).then_some(keys)
    }

    /// The properties whose mappings have `key` (`nature` → `department`, `entrusting_department`).
    fn homes(&self, key: &str) -> Vec<&str> {
        self.labels
            .def_of
            .iter()
            .filter(|(_, def)| {
                self.labels
                    .def_labels
                    .contains_key(&((*def).clone(), key.to_string()))
            })
            .map(|(property, _)| property.as_str())
            .collect()
    }

    /// A YAML number written where the schema wants a string, and that looks like a code.
    fn unquoted_code(
        &self,
        document: &Document,
        pointer: &str,
        what: &str,
        expected: &[String],
        lang: Lang,
    ) -> Option<Diagnostic> {
        if !expected.iter().any(|t| t == "string") {
            return None;
        }
        let (node, _) = document.root()?.pointer(pointer)?;
        if !node.plain || !matches!(node.value, yaml::Value::Int(_) | yaml::Value::Float(_)) {
            return None;
        }
        let written = document.source.slice(node.span).trim().to_string();
        let read = document
            .json
            .pointer(pointer)
            .map(|v| v.to_string())
            .unwrap_or_default();
        let key = last_property(pointer).unwrap_or("value");
        Some(
            document
                .diagnostic(
                    &codes::UNQUOTED_CODE,
                    pointer,
                    t!(
                        lang,
                        "cat007-message",
                        what = what,
                        written = written.as_str(),
                        read = read
                    ),
                )
                .label(t!(lang, "cat007-label"))
                .help(t!(
                    lang,
                    "cat007-help",
                    key = key,
                    written = written.as_str()
                ))
                .fix(crate::diagnostic::Fix {
                    description: t!(lang, "cat007-fix-quote", written = (written).to_string()),
                    // The digits as written (leading zeros included) become the string.
                    safe: !written.is_empty() && !written.contains(['"', '\'', '#', '\n']),
                    edits: vec![crate::diagnostic::Edit::new(
                        &document.source,
                        crate::diagnostic::source::Span::new(
                            node.span.start,
                            crate::diagnostic::source::Pos {
                                line: node.span.start.line,
                                column: node.span.start.column + written.chars().count() as u32,
                            },
                        ),
                        format!("\"{written}\""),
                    )],
                }),
        )
    }

    /// The known property name closest to a misspelt one.
    fn suggest(&self, key: &str) -> Option<&str> {
        self.labels
            .labels
            .keys()
            .map(|known| (edit_distance(key, known), known))
            .filter(|(d, _)| *d <= 2 && *d < key.len())
            .min()
            .map(|(_, known)| known.as_str())
    }
}

/// The repair of a key written one level too far out, right after the block mapping it belongs
/// to: indent it to that mapping's keys. Not safe: moving a key is the editor's decision.
fn indent_under(
    document: &Document,
    pointer: &str,
    key: &str,
    home: &str,
    key_span: crate::diagnostic::source::Span,
) -> Option<crate::diagnostic::Fix> {
    use crate::diagnostic::source::{Pos, Span};
    let (node, _) = document.root()?.pointer(pointer)?;
    let yaml::Value::Map(entries) = &node.value else {
        return None;
    };
    let at = entries.iter().position(|e| e.key == key)?;
    let before = entries.get(at.checked_sub(1)?)?;
    let yaml::Value::Map(children) = &before.value.value else {
        return None;
    };
    let child = children.first()?.key_span.start;
    // Only a block mapping (its keys on lines of their own) to the same line's column.
    if before.key != home || child.line == before.key_span.start.line {
        return None;
    }
    let more = child.column.checked_sub(key_span.start.column)?;
    let start = Pos {
        line: key_span.start.line,
        column: 1,
    };
    Some(crate::diagnostic::Fix {
        description: t!(
            document.lang(),
            "cat003-fix-indent",
            key = (key).to_string(),
            home = (home).to_string()
        ),
        safe: false,
        edits: vec![crate::diagnostic::Edit::new(
            &document.source,
            Span::new(start, start),
            " ".repeat(more as usize),
        )],
    })
}

/// Labels of the properties of one `$defs` entry, and which definitions properties refer to.
fn collect_def_labels(
    def: &str,
    schema: &Value,
    def_labels: &mut BTreeMap<(String, String), String>,
    def_of: &mut BTreeMap<String, String>,
) {
    let Some(Value::Object(properties)) = schema.get("properties") else {
        return;
    };
    for (name, property) in properties {
        if let Some(title) = property.get("title").and_then(Value::as_str) {
            def_labels.insert((def.to_string(), name.clone()), title.to_string());
        }
        let target = property
            .get("$ref")
            .or_else(|| property.get("items").and_then(|i| i.get("$ref")))
            // `statutory_limit`: a time limit, else the string `none`.
            .or_else(|| property.get("else").and_then(|e| e.get("$ref")));
        if let Some(target) = target
            .and_then(Value::as_str)
            .and_then(|r| r.rsplit("/$defs/").next())
        {
            def_of
                .entry(name.clone())
                .or_insert_with(|| target.to_string());
        }
    }
}

fn collect_labels(json: &Value, labels: &mut BTreeMap<String, String>) {
    match json {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (name, schema) in properties {
                    if let Some(title) = schema.get("title").and_then(Value::as_str) {
                        labels
                            .entry(name.clone())
                            .or_insert_with(|| title.to_string());
                    }
                }
            }
            map.values().for_each(|v| collect_labels(v, labels));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_labels(v, labels)),
        _ => {}
    }
}

/// The last non-index segment of a pointer: `/materials/2/copies` → `copies`.
fn last_property(pointer: &str) -> Option<&str> {
    pointer
        .rsplit('/')
        .find(|s| !s.is_empty() && s.parse::<usize>().is_err())
}

fn json_type(value: &Value, lang: Lang) -> String {
    match value {
        Value::Null => t!(lang, "value-null"),
        Value::Bool(b) => t!(lang, "value-boolean", value = b.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            t!(lang, "value-integer", value = n.to_string())
        }
        Value::Number(n) => t!(lang, "value-number", value = n.to_string()),
        Value::String(s) => t!(lang, "value-string", value = format!("{s:?}")),
        Value::Array(_) => t!(lang, "value-list"),
        Value::Object(_) => t!(lang, "value-mapping"),
    }
}

/// Each `pattern` in a schema → the name of the `$defs` entry or property it sits in.
fn collect_patterns(json: &Value, name: &str, patterns: &mut BTreeMap<String, String>) {
    match json {
        Value::Object(map) => {
            if let Some(Value::String(pattern)) = map.get("pattern") {
                patterns
                    .entry(pattern.clone())
                    .or_insert_with(|| name.to_string());
            }
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$defs" | "properties", Value::Object(children)) => {
                        for (child, schema) in children {
                            collect_patterns(schema, child, patterns);
                        }
                    }
                    _ => collect_patterns(value, name, patterns),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_patterns(v, name, patterns)),
        _ => {}
    }
}

/// The Chinese label of each enumeration value, from the description of the schema that lists
/// the values: `"working_day 工作日, calendar_day 自然日。"` (a GB/T 39046 code may sit between
/// the value and its label: `province 2 省级`).
fn collect_enum_labels(json: &Value, labels: &mut BTreeMap<String, String>) {
    match json {
        Value::Object(map) => {
            if let (Some(Value::Array(values)), Some(Value::String(description))) =
                (map.get("enum"), map.get("description"))
            {
                for value in values.iter().filter_map(Value::as_str) {
                    if let Some(label) = label_in(description, value) {
                        labels.entry(value.to_string()).or_insert(label);
                    }
                }
            }
            map.values().for_each(|v| collect_enum_labels(v, labels));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_enum_labels(v, labels)),
        _ => {}
    }
}

/// The label written after `value` in an enumeration's description, up to the next separator.
fn label_in(description: &str, value: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = description[from..].find(value) {
        let start = from + at;
        let end = start + value.len();
        from = end;
        let before = description[..start].chars().next_back();
        let after = description[end..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        if word(before) || word(after) {
            continue;
        }
        let rest = description[end..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        let label: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '。' | ';' | '；'))
            .collect();
        if !label.is_empty() && !label.is_ascii() {
            return Some(label.to_string());
        }
    }
    None
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::label_in;

    #[test]
    fn enumeration_labels_are_read_from_the_descriptions() {
        let units = "working_day 工作日, calendar_day 自然日。";
        assert_eq!(label_in(units, "working_day").as_deref(), Some("工作日"));
        assert_eq!(label_in(units, "calendar_day").as_deref(), Some("自然日"));
        let levels =
            "GB/T 39046 A.2：national 1 国家级, province 2 省级, township 5 镇（乡、街道）级。";
        assert_eq!(label_in(levels, "province").as_deref(), Some("省级"));
        assert_eq!(
            label_in(levels, "township").as_deref(),
            Some("镇（乡、街道）级")
        );
        // A value inside another word is not it; a value with no Chinese label has none.
        assert_eq!(label_in("other_power 10 其他行政权力", "other"), None);
        assert_eq!(label_in("http or https", "http"), None);
    }
}
