//! SARIF 2.1.0, for code-scanning dashboards: one rule per code with its explanation, one result
//! per diagnostic. Columns are Unicode code points, SARIF's default `columnKind`.

use serde_json::{Value, json};

use super::Report;
use crate::diagnostic::Severity;
use crate::diagnostic::codes;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn region(span: crate::diagnostic::source::Span) -> Value {
    json!({
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column.max(span.start.column + u32::from(span.end == span.start)),
    })
}

pub fn render(report: &Report<'_>) -> String {
    let rules: Vec<Value> = crate::check::rules::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code.code,
                "name": rule.code.name,
                "shortDescription": {"text": rule.summary(report.lang)},
                "fullDescription": {"text": rule.what(report.lang)},
                "help": {"text": rule.why(report.lang), "markdown": rule.page(report.lang)},
                "defaultConfiguration": {"level": level(rule.code.severity)},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let index = codes::ALL
                .iter()
                .position(|r| r.code == d.code)
                .unwrap_or(0);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message = format!("{message}\nhelp: {help}");
            }
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.file, "uriBaseId": "CATALOG_ROOT"},
                        "region": region(d.span),
                    },
                    "logicalLocations": [{"fullyQualifiedName": d.pointer, "kind": "member"}],
                }],
                "relatedLocations": d.labels.iter().enumerate().map(|(i, l)| json!({
                    "id": i,
                    "message": {"text": l.message},
                    "physicalLocation": {
                        "artifactLocation": {"uri": l.file, "uriBaseId": "CATALOG_ROOT"},
                        "region": region(l.span),
                    },
                })).collect::<Vec<_>>(),
            });
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": {"text": fix.description},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": d.file, "uriBaseId": "CATALOG_ROOT"},
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": region(e.span),
                            "insertedContent": {"text": e.replacement},
                        })).collect::<Vec<_>>(),
                    }],
                    "properties": {"safe": fix.safe},
                }]);
            }
            if let Some(s) = &d.suppressed {
                result["suppressions"] = json!([{
                    "kind": if s.kind == "inline" { "inSource" } else { "external" },
                    "status": "accepted",
                    "justification": s.reason,
                    "location": {"physicalLocation": {"artifactLocation": {
                        "uri": s.at.split(':').next().unwrap_or_default().split(' ').next().unwrap_or_default(),
                        "uriBaseId": "CATALOG_ROOT",
                    }}},
                    "properties": {"until": s.until},
                }]);
            }
            result
        })
        .collect();
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "catalogc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/catalogc",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"escapeHatches": report.escapes},
        }],
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
