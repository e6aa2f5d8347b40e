//! The one model of a finding.
//!
//! A problem in the catalog is a [`Diagnostic`] value, never an `Err`: it carries a stable rule
//! code, a severity, a one-line message, the file with the span of the offending YAML node, the
//! JSON Pointer of that node, an optional help line and secondary labels (for example "the
//! national standard says … here"). Renderers in `render/` turn a list of them into text, JSON,
//! SARIF, GitHub workflow commands or JUnit.

pub mod codes;
pub mod messages;
pub mod source;

use serde::{Deserialize, Serialize};

use source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A secondary location that explains the primary one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub file: String,
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    #[serde(deserialize_with = "known_code")]
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub span: Span,
    /// JSON Pointer of the offending node inside its document ("" for the whole file).
    pub pointer: String,
    /// The label under the underlined text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// The mechanical repair, when there is one (`check --fix` applies the safe ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Set when an inline acknowledgement or the baseline accepts this finding: it is still
    /// reported, but does not count toward the exit status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
}

/// One replacement in a file's text: the span replaced (for editors and SARIF) and the same
/// range as byte offsets into the file's text (for applying it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    /// Replace the text `span` covers in `source` (an empty span inserts).
    pub fn new(source: &source::SourceFile, span: Span, replacement: impl Into<String>) -> Edit {
        let start = source.offset(span.start);
        let end = source.offset(span.end).max(start);
        Edit {
            span,
            start,
            end,
            replacement: replacement.into(),
        }
    }
}

/// A repair carried by a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the repair does, in the catalog's language.
    pub description: String,
    /// A safe repair cannot change what the catalog means, so `check --fix` applies it; an
    /// unsafe one is shown (text, JSON, SARIF) for the editor to decide.
    pub safe: bool,
    /// Non-overlapping edits of the diagnostic's own file, in order.
    pub edits: Vec<Edit>,
}

/// How a finding was acknowledged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    /// `inline` (a `# catalogc: allow` comment) or `baseline` (the baseline file).
    #[serde(deserialize_with = "suppression_kind")]
    pub kind: &'static str,
    pub reason: String,
    /// The last day the acknowledgement holds (YYYY-MM-DD), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Where the acknowledgement is written (`file:line`, or the baseline file).
    pub at: String,
}

impl Diagnostic {
    /// The files a finding shows: its own, then its labels' (whose text a report needs).
    pub fn files(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.file).chain(self.labels.iter().map(|l| &l.file))
    }

    pub fn new(
        code: &codes::Code,
        message: impl Into<String>,
        file: &str,
        span: Span,
    ) -> Diagnostic {
        Diagnostic {
            code: code.code,
            severity: code.severity,
            message: message.into(),
            file: file.to_string(),
            span,
            pointer: String::new(),
            label: None,
            help: None,
            labels: Vec::new(),
            fix: None,
            suppressed: None,
        }
    }

    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }

    pub fn pointer(mut self, pointer: impl Into<String>) -> Diagnostic {
        self.pointer = pointer.into();
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, file: &str, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            file: file.to_string(),
            span,
            message: message.into(),
        });
        self
    }

    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// The order every output uses: by file, position, then code and message.
    pub fn sort_key(&self) -> (&str, Span, &str, &str) {
        (&self.file, self.span, self.code, &self.message)
    }
}

/// Sort findings into their stable output order and drop exact duplicates.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// Counts of findings by severity; suppressed findings are counted apart and in neither.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let suppressed = diagnostics
            .iter()
            .filter(|d| d.suppressed.is_some())
            .count();
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
            .count();
        Summary {
            errors,
            warnings: diagnostics.len() - errors - suppressed,
            suppressed,
        }
    }
}

/// A code read back (from a shard, `catalogc merge`): one of the table's, else an error.
fn known_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let code = String::deserialize(d)?;
    codes::find(&code)
        .map(|c| c.code)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown code `{code}`")))
}

/// How a finding was acknowledged, read back: `inline` or `baseline`.
fn suppression_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    match String::deserialize(d)?.as_str() {
        "inline" => Ok("inline"),
        "baseline" => Ok("baseline"),
        other => Err(serde::de::Error::custom(format!(
            "unknown acknowledgement `{other}`"
        ))),
    }
}
