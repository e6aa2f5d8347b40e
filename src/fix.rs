//! `check --fix`: apply the safe repairs the findings carry, as byte-range replacements in each
//! file's original text, so comments and formatting of everything else stay as they are.
//!
//! Only fixes marked safe (they cannot change what the catalog means) are applied, and only on
//! findings that are not acknowledged; a fix whose edits overlap one already taken waits for the
//! next run. Each file is written atomically (a temporary file renamed over it), and only if it
//! still holds the text that was checked.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Edit};
use crate::pipeline::Compiled;

/// The repairs of one file.
#[derive(Debug)]
pub struct FileFix {
    pub path: String,
    pub before: String,
    pub after: String,
    /// One line per applied fix: `file:line:column CODE description`.
    pub applied: Vec<String>,
}

/// The safe repairs of every file, not yet written.
pub fn plan(compiled: &Compiled) -> Vec<FileFix> {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &compiled.diagnostics {
        if d.suppressed.is_none() && d.fix.as_ref().is_some_and(|f| f.safe) {
            by_file.entry(d.file.as_str()).or_default().push(d);
        }
    }
    let documents = &compiled.resolved.catalog.documents;
    let mut out = Vec::new();
    for (path, found) in by_file {
        let Some(document) = documents.iter().find(|doc| doc.path() == path) else {
            continue;
        };
        let text = &document.source.text;
        let mut taken: Vec<&Edit> = Vec::new();
        let mut applied = Vec::new();
        for d in found {
            let Some(fix) = &d.fix else { continue };
            let overlaps = fix.edits.iter().any(|e| {
                e.end > text.len()
                    || !text.is_char_boundary(e.start)
                    || !text.is_char_boundary(e.end)
                    || taken.iter().any(|t| {
                        e.start < t.end.max(t.start + 1) && t.start < e.end.max(e.start + 1)
                    })
            });
            if overlaps {
                continue;
            }
            taken.extend(fix.edits.iter());
            applied.push(format!(
                "{}:{}:{} {} {}",
                d.file, d.span.start.line, d.span.start.column, d.code, fix.description
            ));
        }
        if taken.is_empty() {
            continue;
        }
        taken.sort_by_key(|e| std::cmp::Reverse(e.start));
        let mut after = text.clone();
        for e in taken {
            after.replace_range(e.start..e.end, &e.replacement);
        }
        out.push(FileFix {
            path: path.to_string(),
            before: text.clone(),
            after,
            applied,
        });
    }
    out
}

/// Write the repaired files. A file whose text changed since it was checked is left alone and
/// named in the error.
pub fn write(root: &Path, fixes: &[FileFix]) -> std::io::Result<usize> {
    let mut written = 0;
    for fix in fixes {
        let path = root.join(&fix.path);
        let on_disk = std::fs::read_to_string(&path)?;
        let (bom, text) = match on_disk.strip_prefix('\u{feff}') {
            Some(rest) => ("\u{feff}", rest),
            None => ("", on_disk.as_str()),
        };
        if text != fix.before {
            return Err(std::io::Error::other(format!(
                "{} changed while it was checked; nothing written to it",
                fix.path
            )));
        }
        let temp = path.with_extension("yaml.catalogc-fix");
        std::fs::write(&temp, format!("{bom}{}", fix.after))?;
        if let Ok(meta) = std::fs::metadata(&path) {
            let _ = std::fs::set_permissions(&temp, meta.permissions());
        }
        std::fs::rename(&temp, &path)?;
        written += 1;
    }
    Ok(written)
}

/// The repairs as a unified diff.
pub fn diff(fixes: &[FileFix]) -> String {
    fixes
        .iter()
        .map(|fix| {
            similar::TextDiff::from_lines(&fix.before, &fix.after)
                .unified_diff()
                .header(&format!("a/{}", fix.path), &format!("b/{}", fix.path))
                .to_string()
        })
        .collect()
}
