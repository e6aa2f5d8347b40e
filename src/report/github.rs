//! GitHub Actions workflow commands (`::error file=…,line=…::message`).
//!
//! GitHub shows at most 10 error and 10 warning annotations per step; more are dropped
//! silently. So at most that many are printed, followed by a notice that counts the rest.

use super::Report;
use crate::diagnostic::Severity;
use crate::t;

/// GitHub's per-step limit for each of errors and warnings.
pub const PER_STEP: usize = 10;

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut hidden) = (0, 0, 0);
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
        let (command, shown) = match d.severity {
            Severity::Error => ("error", &mut errors),
            Severity::Warning => ("warning", &mut warnings),
        };
        if *shown >= PER_STEP {
            hidden += 1;
            continue;
        }
        *shown += 1;
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message = format!(
                "{message}\n{}",
                t!(report.lang, "github-help", help = help.as_str())
            );
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&d.file),
            d.span.start.line,
            d.span.start.column,
            d.span.end.line,
            d.span.end.column,
            escape_property(&format!(
                "{} {}",
                d.code,
                crate::diagnostic::codes::find(d.code).map_or("", |c| c.name)
            )),
            escape_data(&message)
        ));
    }
    for e in report.escapes {
        out.push_str(&format!(
            "::notice file={},line={},title={}::{}\n",
            escape_property(&e.file),
            e.line,
            escape_property(&t!(report.lang, "github-escape")),
            escape_data(&super::escape_line(e))
        ));
    }
    if hidden > 0 {
        out.push_str(&format!(
            "::notice title=catalogc::{}\n",
            escape_data(&t!(
                report.lang,
                "github-hidden",
                hidden = hidden,
                limit = PER_STEP
            ))
        ));
    }
    out
}
