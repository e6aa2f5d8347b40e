//! GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues, each with a
//! description, the check's name, a fingerprint, a severity and a location (path and lines).
//!
//! GitLab compares the fingerprints of the merge request's report with the target branch's to
//! say which findings a change introduces or resolves, so a fingerprint must not move when
//! unrelated lines do, nor from one day to the next: it is a hash of the code, the file, the JSON
//! Pointer of the node and the node's text (the offending value), never of a line number or of
//! the message (which may count days since a date). Two findings that would share one get an
//! occurrence number in the hash, so every fingerprint in a report is unique.
//!
//! Severity: an error (it fails `check`, exit status 1) is `critical`; a warning is `minor`; an
//! escape hatch that a `--since` change adds (an exception or omission for review) is `info`.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::Report;
use crate::diagnostic::Severity;
use crate::diagnostic::source::Span;

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "minor",
    }
}

/// The first fingerprint of `parts` not yet in `seen`: 32 hex digits of xxh3-128.
fn fingerprint(seen: &mut BTreeSet<String>, parts: &[&str]) -> String {
    let mut occurrence = 0u32;
    loop {
        let mut bytes = Vec::new();
        for part in parts {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
        if occurrence > 0 {
            bytes.extend_from_slice(occurrence.to_string().as_bytes());
        }
        let print = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
        if seen.insert(print.clone()) {
            return print;
        }
        occurrence += 1;
    }
}

/// The source text a span covers (the offending node), or "" when the file is not at hand.
fn node_text(report: &Report<'_>, file: &str, span: Span) -> String {
    let mut text = String::new();
    for line in span.start.line..=span.end.line.max(span.start.line) {
        let Some(source) = report.line(file, line) else {
            return String::new();
        };
        let from = if line == span.start.line {
            span.start.column.saturating_sub(1) as usize
        } else {
            0
        };
        let to = if line == span.end.line && span.end > span.start {
            span.end.column.saturating_sub(1) as usize
        } else {
            usize::MAX
        };
        text.extend(source.chars().skip(from).take(to.saturating_sub(from)));
        text.push('\n');
    }
    text
}

pub fn render(report: &Report<'_>) -> String {
    let mut seen = BTreeSet::new();
    let mut issues: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut description = d.message.clone();
            if let Some(help) = &d.help {
                description = format!("{description} (help: {help})");
            }
            json!({
                "type": "issue",
                "description": description,
                "check_name": d.code,
                "fingerprint": fingerprint(
                    &mut seen,
                    &[d.code, &d.file, &d.pointer, &node_text(report, &d.file, d.span)],
                ),
                "severity": severity(d.severity),
                "location": {
                    "path": d.file,
                    "lines": {"begin": d.span.start.line, "end": d.span.end.line.max(d.span.start.line)},
                },
            })
        })
        .collect();
    for e in report.escapes {
        let reference = e.reference.as_deref().unwrap_or_default();
        issues.push(json!({
            "type": "issue",
            "description": super::escape_line(e),
            "check_name": format!("escape-hatch/{}", e.kind),
            "fingerprint": fingerprint(&mut seen, &[e.kind, &e.file, &e.field, reference, &e.detail]),
            "severity": "info",
            "location": {"path": e.file, "lines": {"begin": e.line}},
        }));
    }
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
    out.push('\n');
    out
}
