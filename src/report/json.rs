//! JSON: one object with a summary and every diagnostic, positions as 1-based line and column
//! (columns count characters), and the source line for context.

use serde_json::json;

use super::Report;
use crate::diagnostic::Summary;

pub fn render(report: &Report<'_>) -> String {
    let diagnostics: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut value = json!({
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "file": d.file,
                "line": d.span.start.line,
                "column": d.span.start.column,
                "end_line": d.span.end.line,
                "end_column": d.span.end.column,
                "pointer": d.pointer,
                "label": d.label,
                "help": d.help,
                "source_line": report.line(&d.file, d.span.start.line),
                "related": d.labels.iter().map(|l| json!({
                    "file": l.file,
                    "line": l.span.start.line,
                    "column": l.span.start.column,
                    "message": l.message,
                })).collect::<Vec<_>>(),
            });
            // Present only when there is one, so a consumer can test for the key.
            if let Some(fix) = &d.fix {
                value["fix"] = json!(fix);
            }
            if let Some(suppressed) = &d.suppressed {
                value["suppressed"] = json!(suppressed);
            }
            value
        })
        .collect();
    let summary = Summary::of(report.diagnostics);
    let value = json!({
        "version": 1,
        "files": report.files.len(),
        "errors": summary.errors,
        "warnings": summary.warnings,
        "suppressed": summary.suppressed,
        "diagnostics": diagnostics,
        "escape_hatches": report.escapes,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
