//! Acknowledged findings: inline acknowledgements and the adoption baseline.
//!
//! An inline acknowledgement accepts one finding on one node, with a reason and an end date:
//!
//! ```yaml
//! reviewed: 2019-01-01   # catalogc: allow CAT109 -- 等待新条例出台后统一复核 until 2027-06-30
//! ```
//!
//! written at the end of the node's line, or on a comment line of its own just above it. The
//! baseline (`.catalogc-baseline.json` at the catalog root, written by `check --write-baseline`)
//! accepts the findings a catalog had when it adopted catalogc; its entries are keyed by code,
//! file, JSON Pointer and a hash of the node's value, not by line, so edits elsewhere in a file
//! keep them matched and a change of the value revives the finding.
//!
//! A suppressed finding stays in the list, marked with its reason and date; it only stops
//! counting toward the exit status (see `diagnostic::Summary`). Nothing else reads the mark: the
//! conformance diff, the scores and the reports are the same with or without it. Expired, unused
//! and malformed acknowledgements and stale baseline entries are warnings (CAT023–CAT026).

use crate::t;
use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::codes;
use crate::diagnostic::source::{Pos, Span};
use crate::diagnostic::{Diagnostic, Suppressed};
use crate::load::Document;
use crate::load::editor::Lang;

/// The baseline's file name, at the catalog root.
pub const BASELINE: &str = ".catalogc-baseline.json";

/// The adoption baseline.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    /// Why these findings are accepted (shown with each of them).
    pub reason: String,
    /// The day the baseline was written (YYYY-MM-DD).
    pub written: String,
    /// The last day the baseline holds, when the catalog sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub entries: Vec<Entry>,
}

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub file: String,
    pub pointer: String,
    /// A hash of the node's value (or of the finding's source line when it has no node).
    pub hash: String,
}

/// One `# catalogc: allow …` comment.
#[derive(Clone, Debug)]
struct Inline {
    /// The comment itself, for findings about it.
    at: Span,
    /// The line whose findings it accepts.
    applies_to: u32,
    code: &'static str,
    reason: String,
    until: String,
    until_day: i64,
}

/// The inline acknowledgements of one document, and findings about malformed ones.
fn inline(document: &Document, lang: Lang) -> (Vec<Inline>, Vec<Diagnostic>) {
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    let text = &document.source.text;
    if !text.contains("catalogc:") {
        return (found, bad);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        let Some(hash) = line.find("# catalogc:").or_else(|| line.find("#catalogc:")) else {
            continue;
        };
        let n = index as u32 + 1;
        let column = line[..hash].chars().count() as u32 + 1;
        let at = Span::new(
            Pos { line: n, column },
            Pos {
                line: n,
                column: line.trim_end().chars().count() as u32 + 1,
            },
        );
        let body = line[hash..]
            .trim_start_matches('#')
            .trim()
            .trim_start_matches("catalogc:")
            .trim()
            .trim_end_matches('\r');
        // On its own line it applies to the next line holding YAML.
        let applies_to = if line[..hash].trim().is_empty() {
            (index + 1..lines.len())
                .find(|&i| {
                    let l = lines[i].trim();
                    !l.is_empty() && !l.starts_with('#')
                })
                .map_or(n, |i| i as u32 + 1)
        } else {
            n
        };
        match parse(body) {
            Some((code, reason, until, until_day)) => found.push(Inline {
                at,
                applies_to,
                code,
                reason,
                until,
                until_day,
            }),
            None => bad.push(
                Diagnostic::new(
                    &codes::SUPPRESSION_MALFORMED,
                    t!(lang, "cat025-message"),
                    document.path(),
                    at,
                )
                .label(t!(lang, "cat025-label"))
                .help("# catalogc: allow CAT109 -- 理由 until 2027-06-30"),
            ),
        }
    }
    (found, bad)
}

/// `allow CODE -- reason until YYYY-MM-DD`.
fn parse(body: &str) -> Option<(&'static str, String, String, i64)> {
    let rest = body.strip_prefix("allow")?.trim_start();
    let (code, rest) = rest.split_once(" -- ")?;
    let code = codes::find(code.trim())?.code;
    let (reason, until) = rest.rsplit_once(" until ")?;
    let reason = reason.trim();
    let until = until.trim();
    let day = crate::dates::parse(until)?;
    (!reason.is_empty()).then(|| (code, reason.to_string(), until.to_string(), day))
}

/// The hash that keys a finding in the baseline: its node's value, or its source line.
pub fn value_hash(d: &Diagnostic, document: Option<&Document>) -> String {
    let material = match document {
        Some(doc) if !d.pointer.is_empty() && doc.parsed => match doc.json.pointer(&d.pointer) {
            Some(value) => value.to_string(),
            None => doc.source.line(d.span.start.line).trim().to_string(),
        },
        Some(doc) => doc.source.line(d.span.start.line).trim().to_string(),
        None => d.message.clone(),
    };
    let hash = crate::load::cache::fingerprint(&[d.code.as_bytes(), material.as_bytes()]);
    format!("{:016x}", (hash >> 64) as u64)
}

/// The baseline entry of a finding.
pub fn entry(d: &Diagnostic, document: Option<&Document>) -> Entry {
    Entry {
        code: d.code.to_string(),
        file: d.file.clone(),
        pointer: d.pointer.clone(),
        hash: value_hash(d, document),
    }
}

/// The codes about suppressions themselves, which neither the baseline nor an inline comment
/// accepts.
pub fn about_suppressions(code: &str) -> bool {
    [
        &codes::SUPPRESSION_EXPIRED,
        &codes::SUPPRESSION_UNUSED,
        &codes::SUPPRESSION_MALFORMED,
        &codes::BASELINE_STALE,
    ]
    .iter()
    .any(|c| c.code == code)
}

/// Read the baseline at `root`, if there is one; a baseline that cannot be read is a finding.
pub fn read_baseline(root: &Path, lang: Lang) -> (Option<Baseline>, Option<Diagnostic>) {
    let Ok(text) = std::fs::read_to_string(root.join(BASELINE)) else {
        return (None, None);
    };
    match serde_json::from_str::<Baseline>(&text) {
        Ok(baseline) => (Some(baseline), None),
        Err(error) => {
            let at = Pos {
                line: error.line().max(1) as u32,
                column: error.column().max(1) as u32,
            };
            (
                None,
                Some(
                    Diagnostic::new(
                        &codes::SUPPRESSION_MALFORMED,
                        t!(
                            lang,
                            "suppress-baseline-unreadable",
                            error = (error).to_string()
                        ),
                        BASELINE,
                        Span::new(at, at),
                    )
                    .help("catalogc check --write-baseline"),
                ),
            )
        }
    }
}

/// Mark the findings that an inline acknowledgement or the baseline accepts, and add the
/// findings about the acknowledgements themselves.
pub fn apply(
    documents: &[Document],
    diagnostics: &mut Vec<Diagnostic>,
    root: &Path,
    today: i64,
    lang: Lang,
) {
    let by_path: BTreeMap<&str, &Document> = documents.iter().map(|d| (d.path(), d)).collect();
    let mut extra = Vec::new();
    // Inline acknowledgements first: they are the more specific.
    for document in documents {
        let (inlines, bad) = inline(document, lang);
        extra.extend(bad);
        for a in inlines {
            if a.until_day < today {
                extra.push(
                    Diagnostic::new(
                        &codes::SUPPRESSION_EXPIRED,
                        t!(
                            lang,
                            "cat023-message",
                            code = (a.code).to_string(),
                            until = (a.until).to_string()
                        ),
                        document.path(),
                        a.at,
                    )
                    .help(t!(lang, "cat023-help")),
                );
                continue;
            }
            let mut used = false;
            for d in diagnostics.iter_mut().filter(|d| {
                d.suppressed.is_none()
                    && d.file == document.path()
                    && d.code == a.code
                    && d.span.start.line == a.applies_to
            }) {
                used = true;
                d.suppressed = Some(Suppressed {
                    kind: "inline",
                    reason: a.reason.clone(),
                    until: Some(a.until.clone()),
                    at: format!("{}:{}", document.path(), a.at.start.line),
                });
            }
            if !used {
                extra.push(
                    Diagnostic::new(
                        &codes::SUPPRESSION_UNUSED,
                        t!(lang, "cat024-message", code = (a.code).to_string()),
                        document.path(),
                        a.at,
                    )
                    .label(t!(
                        lang,
                        "cat024-label",
                        line = (a.applies_to).to_string(),
                        code = (a.code).to_string()
                    ))
                    .help(t!(lang, "cat024-help")),
                );
            }
        }
    }
    let (baseline, bad) = read_baseline(root, lang);
    extra.extend(bad);
    if let Some(baseline) = baseline {
        let expired = baseline
            .until
            .as_deref()
            .and_then(crate::dates::parse)
            .is_some_and(|day| day < today);
        if expired {
            extra.push(Diagnostic::new(
                &codes::SUPPRESSION_EXPIRED,
                t!(
                    lang,
                    "suppress-baseline-expired",
                    until = (baseline.until.clone().unwrap_or_default()).to_string()
                ),
                BASELINE,
                Span::file_start(),
            ));
        } else {
            let mut open: BTreeMap<Entry, usize> = BTreeMap::new();
            for e in baseline.entries {
                *open.entry(e).or_default() += 1;
            }
            for d in diagnostics
                .iter_mut()
                .filter(|d| d.suppressed.is_none() && !about_suppressions(d.code))
            {
                let key = entry(d, by_path.get(d.file.as_str()).copied());
                if let Some(left) = open.get_mut(&key)
                    && *left > 0
                {
                    *left -= 1;
                    d.suppressed = Some(Suppressed {
                        kind: "baseline",
                        reason: baseline.reason.clone(),
                        until: baseline.until.clone(),
                        at: format!("{BASELINE} ({})", baseline.written),
                    });
                }
            }
            for (e, left) in open {
                for _ in 0..left {
                    let span = by_path
                        .get(e.file.as_str())
                        .map_or_else(Span::file_start, |doc| doc.span(&e.pointer));
                    extra.push(
                        Diagnostic::new(
                            &codes::BASELINE_STALE,
                            t!(
                                lang,
                                "cat026-message",
                                code = (e.code).to_string(),
                                pointer = (e.pointer).to_string()
                            ),
                            &e.file,
                            span,
                        )
                        .pointer(e.pointer.clone())
                        .help(t!(lang, "cat026-help")),
                    );
                }
            }
        }
    }
    diagnostics.extend(extra);
}

/// Write the baseline for `diagnostics` (every finding not accepted inline), atomically.
pub fn write_baseline(
    root: &Path,
    documents: &[Document],
    diagnostics: &[Diagnostic],
    written: &str,
    reason: &str,
) -> std::io::Result<usize> {
    let by_path: BTreeMap<&str, &Document> = documents.iter().map(|d| (d.path(), d)).collect();
    let mut entries: Vec<Entry> = diagnostics
        .iter()
        .filter(|d| {
            !about_suppressions(d.code)
                && d.suppressed.as_ref().is_none_or(|s| s.kind == "baseline")
        })
        .map(|d| entry(d, by_path.get(d.file.as_str()).copied()))
        .collect();
    entries.sort();
    let count = entries.len();
    let baseline = Baseline {
        version: 1,
        reason: reason.to_string(),
        written: written.to_string(),
        until: None,
        entries,
    };
    let mut text = serde_json::to_string_pretty(&baseline).map_err(std::io::Error::other)?;
    text.push('\n');
    let path = root.join(BASELINE);
    let temp = root.join(format!("{BASELINE}.tmp"));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, &path)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn an_acknowledgement_needs_a_code_a_reason_and_a_date() {
        let (code, reason, until, _) =
            parse("allow 109 -- 等待新条例 -- 出台 until 2027-06-30").unwrap();
        assert_eq!(
            (code, reason.as_str(), until.as_str()),
            ("CAT109", "等待新条例 -- 出台", "2027-06-30")
        );
        assert!(parse("allow CAT109").is_none());
        assert!(parse("allow CAT109 --  until 2027-06-30").is_none());
        assert!(parse("allow CAT109 -- 理由").is_none());
        assert!(parse("allow CAT999 -- 理由 until 2027-06-30").is_none());
        assert!(parse("allow CAT109 -- 理由 until 2027-13-40").is_none());
    }
}
