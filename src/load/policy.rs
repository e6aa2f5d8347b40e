//! The conformance policy (`schema/policy.yaml`): what a region may change, field by field.
//!
//! Policy is data. Each field of the standard is `fixed` (must equal the national value),
//! `local` (filled in by the region), or `narrow` (may move only in the applicant's favour, in the
//! direction the policy names). The one generic engine in `diff.rs` reads this; adding a field to
//! the standard means adding a line here, not writing a comparison.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::SourceFile;
use crate::load::schema::{SchemaError, Schemas, schema_text};
use crate::load::yaml::{self, Limits};
use crate::load::{Document, Kind};

/// Which way a value may move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Smaller numbers favour the applicant (copies, fees, visits, days).
    Lower,
    /// Larger numbers favour the applicant.
    Higher,
    /// `false` favours the applicant (`required`).
    FalseIsBetter,
    /// `true` favours the applicant (a channel offered).
    TrueIsBetter,
    /// Having a value favours the applicant (`waived_by`, an online address).
    SetIsBetter,
    /// A list that accepts more values favours the applicant (`medium`).
    More,
    /// Earlier values in the list favour the applicant (`form`: copy, original, both).
    Order(Vec<String>),
    /// Must equal the standard (reworded text).
    Same,
}

/// The rule for one field of the standard.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldPolicy {
    Fixed,
    Local {
        required: bool,
    },
    /// A list whose lines link to the standard by `key`: each inherited line is restated or
    /// explicitly omitted; lines may be relaxed, not added.
    Fewer {
        key: String,
        item: BTreeMap<String, Direction>,
        omit: Omit,
    },
    /// A number (or a mapping holding one in `value`, compared only when `unit` agrees) that may
    /// only move in `direction`; with a `bound`, the bound field is the baseline when the national
    /// item has no value of its own.
    Scalar {
        direction: Direction,
        value: Option<String>,
        unit: Option<String>,
        bound: Option<String>,
    },
    /// A mapping of options (channels) where each property moves in its own direction; compared
    /// with the national value, else with the parent region's.
    More {
        item: BTreeMap<String, Direction>,
    },
}

/// How an explicit omission of a line is judged: `improved` by default (`allowed`), or a
/// deviation; the national line's boolean `unless` flag turns the default around.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Omit {
    pub allowed: bool,
    pub unless: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Policy {
    pub fields: BTreeMap<String, FieldPolicy>,
}

impl Policy {
    /// Read `schema/policy.yaml` (the catalog's own, else the built-in one) and validate it.
    /// Problems in it are diagnostics; a policy that cannot be read at all is a `SchemaError`.
    pub fn load(
        root: &Path,
        schemas: &Schemas,
        limits: Limits,
        lang: crate::diagnostic::messages::Lang,
    ) -> Result<(Policy, Document, Vec<Diagnostic>), SchemaError> {
        let (text, _) = schema_text(root, "policy.yaml")?;
        let source = SourceFile::new("schema/policy.yaml", text);
        let parsed = yaml::parse(&source.text, limits);
        let problems = parsed.problems.clone();
        let mut document = Document::new(Kind::Policy, source, parsed.root, limits);
        let mut diagnostics =
            crate::load::problem_diagnostics(&problems, document.path(), limits, lang);
        if document.parsed && diagnostics.is_empty() {
            diagnostics.extend(schemas.validate(&document, lang));
            document.valid = diagnostics.is_empty();
        }
        let policy = if document.valid {
            Policy::from_json(&document.json)
        } else {
            Policy::default()
        };
        Ok((policy, document, diagnostics))
    }

    pub fn from_json(json: &Value) -> Policy {
        let mut fields = BTreeMap::new();
        if let Some(Value::Object(map)) = json.get("fields") {
            for (name, rule) in map {
                fields.insert(name.clone(), field_policy(rule));
            }
        }
        Policy { fields }
    }
}

fn field_policy(rule: &Value) -> FieldPolicy {
    let text = |key: &str| rule.get(key).and_then(Value::as_str).map(str::to_string);
    match rule {
        Value::String(s) if s == "fixed" => FieldPolicy::Fixed,
        Value::String(_) => FieldPolicy::Local { required: false },
        _ => match text("narrow").as_deref() {
            Some("fewer") => FieldPolicy::Fewer {
                key: text("key").unwrap_or_else(|| "ref".to_string()),
                item: directions(rule.get("item")),
                omit: omit(rule.get("omit")),
            },
            Some("more") => FieldPolicy::More {
                item: directions(rule.get("item")),
            },
            // An enumeration whose values are listed best first (`handle_area`).
            Some("order") => FieldPolicy::Scalar {
                direction: direction(rule.get("order").unwrap_or(&Value::Null)),
                value: None,
                unit: None,
                bound: None,
            },
            Some(other) => FieldPolicy::Scalar {
                direction: direction(&Value::String(other.to_string())),
                value: text("value"),
                unit: text("unit"),
                bound: text("bound"),
            },
            None => FieldPolicy::Local {
                required: text("local").as_deref() == Some("required"),
            },
        },
    }
}

fn omit(rule: Option<&Value>) -> Omit {
    let text = |key: &str| rule?.get(key)?.as_str();
    Omit {
        // Without a rule, dropping a line is the applicant's gain (the format before `omit`).
        allowed: text("default") != Some("deviation"),
        unless: text("unless").map(str::to_string),
    }
}

fn directions(item: Option<&Value>) -> BTreeMap<String, Direction> {
    item.and_then(Value::as_object)
        .map(|map| map.iter().map(|(k, v)| (k.clone(), direction(v))).collect())
        .unwrap_or_default()
}

fn direction(value: &Value) -> Direction {
    match value {
        Value::Array(order) => Direction::Order(
            order
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        Value::String(s) => match s.as_str() {
            "lower" => Direction::Lower,
            "higher" => Direction::Higher,
            "false_is_better" => Direction::FalseIsBetter,
            "true_is_better" => Direction::TrueIsBetter,
            "set_is_better" => Direction::SetIsBetter,
            "more" => Direction::More,
            _ => Direction::Same,
        },
        _ => Direction::Same,
    }
}
