//! rustc-style text: the message with its code, the source with the offending node underlined,
//! secondary labels, help, and a pointer to `catalogc explain`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::Report;
use crate::diagnostic::messages::Lang;
use crate::diagnostic::{Severity, Summary};
use crate::t;

pub fn render(report: &Report<'_>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let lang = report.lang;
    // The renderer's own words (error, warning, help, note) in the reader's language too.
    let named = |level: Level<'static>, id: &str| level.with_name(Some(t!(lang, id)));
    let (error, warning) = (
        named(Level::ERROR, "level-error"),
        named(Level::WARNING, "level-warning"),
    );
    let (help_level, note) = (
        named(Level::HELP, "level-help"),
        named(Level::NOTE, "level-note"),
    );
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
        let level = match d.severity {
            Severity::Error => error.clone(),
            Severity::Warning => warning.clone(),
        };
        let mut title = level.primary_title(d.message.as_str()).id(d.code);
        let primary = match report.sources.get(d.file.as_str()) {
            Some(source) if !source.text.is_empty() => {
                let mut annotation = AnnotationKind::Primary.span(source.byte_range(d.span));
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.as_str());
                }
                let mut snippet = Snippet::source(source.text.as_str())
                    .path(d.file.as_str())
                    .annotation(annotation);
                for label in d.labels.iter().filter(|l| l.file == d.file) {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(source.byte_range(label.span))
                            .label(label.message.as_str()),
                    );
                }
                Some(snippet)
            }
            _ => None,
        };
        let location = format!("{}:{}:{}", d.file, d.span.start.line, d.span.start.column);
        let mut group: Group<'_> = match primary {
            Some(snippet) => title.element(snippet),
            None => {
                title = title.id(d.code);
                title.element(note.clone().message(t!(
                    report.lang,
                    "report-in",
                    location = location
                )))
            }
        };
        for label in d.labels.iter().filter(|l| l.file != d.file) {
            if let Some(source) = report.sources.get(label.file.as_str()) {
                group = group.element(
                    Snippet::source(source.text.as_str())
                        .path(label.file.as_str())
                        .annotation(
                            AnnotationKind::Context
                                .span(source.byte_range(label.span))
                                .label(label.message.as_str()),
                        ),
                );
            }
        }
        if let Some(help) = &d.help {
            group = group.element(help_level.clone().message(help.as_str()));
        }
        let fix_line = d.fix.as_ref().map(|fix| {
            let how = if fix.safe {
                t!(report.lang, "report-fix-safe")
            } else {
                t!(report.lang, "report-fix-decision")
            };
            t!(
                report.lang,
                "report-fix",
                description = fix.description.as_str(),
                how = how
            )
        });
        if let Some(line) = &fix_line {
            group = group.element(Level::HELP.message(line.as_str()));
        }
        group = group.element(note.clone().message(t!(
            report.lang,
            "report-explain",
            code = d.code
        )));
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    let suppressed: Vec<_> = report
        .diagnostics
        .iter()
        .filter_map(|d| Some((d, d.suppressed.as_ref()?)))
        .collect();
    if !suppressed.is_empty() {
        out.push_str(&format!(
            "acknowledged findings, not counted ({}):\n",
            suppressed.len()
        ));
        for (d, s) in suppressed {
            let until = s
                .until
                .as_deref()
                .map(|u| format!(" until {u}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {}:{}:{} {} {} [{} {}: {}{until}]\n",
                d.file,
                d.span.start.line,
                d.span.start.column,
                d.code,
                d.message,
                s.kind,
                s.at,
                s.reason
            ));
        }
        out.push('\n');
    }
    if !report.escapes.is_empty() {
        out.push_str(&t!(
            report.lang,
            "report-escapes",
            count = report.escapes.len()
        ));
        out.push('\n');
        for e in report.escapes {
            out.push_str(&format!("  {}\n", super::escape_line(e)));
        }
        out.push('\n');
    }
    let summary = Summary::of(report.diagnostics);
    out.push_str(&summary_line(summary, report.files.len(), report.lang));
    out.push('\n');
    out
}

/// The last line of the text report: `checked 3 files: 1 error and no warnings`, and how many
/// findings were acknowledged (they do not count).
pub fn summary_line(summary: Summary, files: usize, lang: Lang) -> String {
    let acknowledged = if summary.suppressed > 0 {
        t!(lang, "report-acknowledged", count = summary.suppressed)
    } else {
        String::new()
    };
    if summary.errors == 0 && summary.warnings == 0 {
        t!(lang, "report-clean", files = files) + &acknowledged
    } else {
        t!(
            lang,
            "report-summary",
            files = files,
            errors = summary.errors,
            warnings = summary.warnings
        ) + &acknowledged
    }
}
