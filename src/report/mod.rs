//! Renderers: one file per output format, all reading the same [`Diagnostic`] list.
//!
//! Output is deterministic: diagnostics arrive sorted (see `diagnostic::sort`), and nothing here
//! reads the clock or iterates a hash map.

pub mod changelog;
pub mod diff;
mod github;
mod gitlab;
mod json;
mod junit;
mod markdown;
mod sarif;
mod text;

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::SourceFile;
use crate::load::Document;
use crate::load::since::Escape;
use crate::pipeline::Compiled;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
    /// GitLab Code Quality (`artifacts:reports:codequality`).
    Gitlab,
    Junit,
    /// A pull-request comment: the counts, and the escape hatches a `--since` change adds.
    Markdown,
    /// A shard for `catalogc merge` (with `--region`: the findings of the regions' provinces).
    Shard,
}

/// What every renderer needs: the findings, the text of every file, and which files were checked.
pub struct Report<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub sources: BTreeMap<&'a str, &'a SourceFile>,
    /// Every file that was checked, in order (JUnit reports the clean ones too).
    pub files: Vec<&'a str>,
    /// With `check --since`: the exceptions and omissions the change adds, for review.
    pub escapes: &'a [Escape],
    /// The language of the report's own words (headings, the summary line).
    pub lang: crate::diagnostic::messages::Lang,
}

/// One line for an escape hatch: `catalog/…yaml:12 新增例外 conditions residence: 理由（批准…）`.
pub fn escape_line(e: &Escape) -> String {
    let what = match e.kind {
        "exception_added" => "新增例外",
        "exception_extended" => "例外延期",
        "exception_changed" => "例外变更",
        "omission_added" => "新增省略",
        _ => "省略理由变更",
    };
    let line = e
        .reference
        .as_deref()
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    format!(
        "{}:{} {what} {}{line}: {}",
        e.file, e.line, e.field, e.detail
    )
}

impl<'a> Report<'a> {
    /// The renderers' view of a compiled catalog: findings, every source file, every checked file.
    pub fn of(compiled: &'a Compiled) -> Report<'a> {
        let documents = &compiled.resolved.catalog.documents;
        let mut sources: BTreeMap<&str, &SourceFile> =
            documents.iter().map(|d| (d.path(), &*d.source)).collect();
        sources.insert(
            compiled.policy_document.path(),
            &compiled.policy_document.source,
        );
        Report {
            diagnostics: &compiled.diagnostics,
            sources,
            files: documents.iter().map(Document::path).collect(),
            escapes: &[],
            lang: compiled.lang,
        }
    }

    /// The renderers' view of a catalog checked one unit at a time: the same findings, the
    /// files they point at, every checked file.
    pub fn of_findings(findings: &'a crate::pipeline::units::Findings) -> Report<'a> {
        let mut sources: BTreeMap<&str, &SourceFile> = findings
            .sources
            .iter()
            .map(|(path, source)| (path.as_str(), source))
            .collect();
        sources.insert(
            findings.policy_document.path(),
            &findings.policy_document.source,
        );
        Report {
            diagnostics: &findings.diagnostics,
            sources,
            files: findings.files.iter().map(String::as_str).collect(),
            escapes: &[],
            lang: findings.lang,
        }
    }

    /// The source line a diagnostic points at, for formats that show a snippet.
    pub fn line(&self, file: &str, line: u32) -> Option<&str> {
        self.sources.get(file).map(|s| s.line(line))
    }
}

/// Render a report; `color` only affects the text format.
pub fn render(report: &Report<'_>, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(report, color),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Gitlab => gitlab::render(report),
        Format::Junit => junit::render(report),
        Format::Markdown => markdown::render(report),
        // A shard needs what the run was compiled from (`merge::findings_shard`); here, the JSON.
        Format::Shard => json::render(report),
    }
}
