//! JUnit XML: one test case per checked file; a file with errors fails, with every finding in
//! the failure's text. Warnings go to the case's `system-out`.

use std::collections::BTreeMap;

use super::Report;
use crate::diagnostic::{Diagnostic, Severity};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn line(d: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {} {}: {}",
        d.file,
        d.span.start.line,
        d.span.start.column,
        d.severity.as_str(),
        d.code,
        d.message
    )
}

pub fn render(report: &Report<'_>) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }
    let mut files: Vec<&str> = report.files.clone();
    files.extend(by_file.keys().filter(|f| !report.files.contains(f)));
    files.sort_unstable();
    files.dedup();
    let failures = files
        .iter()
        .filter(|f| {
            by_file
                .get(*f)
                .is_some_and(|ds| ds.iter().any(|d| d.severity == Severity::Error))
        })
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"catalogc\" tests=\"{}\" failures=\"{failures}\">\n",
        files.len()
    ));
    out.push_str(&format!("  <testsuite name=\"catalogc check\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n", files.len()));
    for file in files {
        let found = by_file.get(file).map(Vec::as_slice).unwrap_or_default();
        let errors: Vec<String> = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| line(d))
            .collect();
        let warnings: Vec<String> = found
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| line(d))
            .collect();
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"catalog\"",
            escape(file)
        ));
        if errors.is_empty() && warnings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if let Some(first) = found.iter().find(|d| d.severity == Severity::Error) {
            out.push_str(&format!(
                "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                escape(&first.message),
                first.code,
                escape(&errors.join("\n"))
            ));
        }
        if !warnings.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&warnings.join("\n"))
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
