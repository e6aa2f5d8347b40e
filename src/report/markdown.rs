//! Markdown for a pull-request comment: the counts of findings, the findings themselves in a
//! table, and, with `check --since`, the escape hatches the change adds (exceptions granted or
//! extended, lines omitted) in their own section, so that national reviewers see each new one.

use super::{Report, escape_line};
use crate::diagnostic::{Severity, Summary};

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub fn render(report: &Report<'_>) -> String {
    let summary = Summary::of(report.diagnostics);
    let mut out = format!(
        "## catalogc check\n\n{} errors, {} warnings in {} files\n",
        summary.errors,
        summary.warnings,
        report.files.len()
    );
    if !report.diagnostics.is_empty() {
        out.push_str("\n| | code | file | message |\n|---|---|---|---|\n");
        for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            let mark = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "| {mark} | {} | `{}:{}` | {} |\n",
                d.code,
                d.file,
                d.span.start.line,
                cell(&d.message)
            ));
        }
    }
    out.push_str(&format!(
        "\n### Escape hatches for the national office's review ({})\n\n",
        report.escapes.len()
    ));
    if report.escapes.is_empty() {
        out.push_str("This change adds no exception and no omission.\n");
    }
    for e in report.escapes {
        out.push_str(&format!("- {}\n", cell(&escape_line(e))));
    }
    out
}
