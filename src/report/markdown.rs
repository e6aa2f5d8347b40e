//! Markdown for a pull-request comment: the counts of findings, the findings themselves in a
//! table, and, with `check --since`, the escape hatches the change adds (exceptions granted or
//! extended, lines omitted) in their own section, so that national reviewers see each new one.

use super::{Report, escape_line};
use crate::diagnostic::Summary;
use crate::t;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let summary = Summary::of(report.diagnostics);
    let mut out = format!(
        "## catalogc check\n\n{}\n",
        t!(
            lang,
            "markdown-counts",
            errors = summary.errors,
            warnings = summary.warnings,
            files = report.files.len()
        )
    );
    if !report.diagnostics.is_empty() {
        out.push_str(&format!(
            "\n{}\n|---|---|---|---|\n",
            t!(lang, "markdown-header")
        ));
        for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            let mark = t!(lang, "severity", severity = d.severity.as_str());
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
        "\n### {}\n\n",
        t!(lang, "markdown-escapes", count = report.escapes.len())
    ));
    if report.escapes.is_empty() {
        out.push_str(&t!(lang, "markdown-no-escapes"));
        out.push('\n');
    }
    for e in report.escapes {
        out.push_str(&format!("- {}\n", cell(&escape_line(e))));
    }
    out
}
