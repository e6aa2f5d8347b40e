//! Attachments: the files a catalog keeps beside its YAML (空白表格, 示例样表, 结果样本).
//!
//! A `blank_form`, `example` or `result.sample_file` is `{file, name, illustrative?}`, `file`
//! relative to the folder of the YAML file that states it. This module finds those references in
//! the parsed documents and checks each file without ever following a link or reading outside
//! the catalog: the path stays inside the folder (CAT034), no part of it is a symbolic link
//! (CAT033), the file exists (CAT030), it is PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG by its ending
//! and by its first bytes (CAT032), and it is no larger than `limits.max_attachment_bytes`
//! (CAT031). Only a file's first bytes are read here; the build copies the whole file.
//!
//! The walk hands over the files it found with an attachment's ending instead of reporting them
//! as unknown (CAT008): those no document references are reported here, as before.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Document;
use super::yaml::Limits;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::diagnostic::messages::Lang;
use crate::diagnostic::source::Span;
use crate::t;

/// The keys whose value is an attachment, wherever they appear in a document.
pub const KEYS: [&str; 3] = ["blank_form", "example", "sample_file"];

/// The endings an attachment may have, with the media type each publishes as.
const TYPES: [(&str, &str); 7] = [
    ("pdf", "application/pdf"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
];

/// The first bytes every file of a type starts with. Word and Excel share theirs: the older
/// formats are OLE compound files, the newer ones ZIP archives.
fn magic(ext: &str) -> &'static [u8] {
    match ext {
        "pdf" => b"%PDF-",
        "png" => b"\x89PNG\r\n\x1a\n",
        "jpg" => b"\xFF\xD8\xFF",
        "doc" | "xls" => b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        _ => b"PK\x03\x04",
    }
}

/// A file name's ending, lower case, `jpeg` counted as `jpg`, when it is one an attachment may
/// have.
pub fn extension(name: &str) -> Option<&'static str> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    let ext = if ext == "jpeg" {
        "jpg".to_string()
    } else {
        ext
    };
    TYPES.iter().map(|(e, _)| *e).find(|e| *e == ext)
}

/// The media type of an attachment's ending (as [`extension`] gives it).
pub fn media_type(ext: &str) -> &'static str {
    TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map_or("application/octet-stream", |(_, m)| m)
}

/// One attachment a document states.
#[derive(Clone, Debug)]
pub struct Reference<'a> {
    /// JSON Pointer to the `file:` value.
    pub pointer: String,
    pub file: &'a str,
}

/// Every attachment `json` states, in document order (also inside `scheduled[].set`).
pub fn references(json: &Value) -> Vec<Reference<'_>> {
    /// A step of the way from the document's root: a key or an index.
    enum Step<'a> {
        Key(&'a str),
        Index(usize),
    }
    /// The JSON pointer (RFC 6901) of a way, made only for a reference found.
    fn pointer(path: &[Step<'_>]) -> String {
        use std::fmt::Write as _;
        let mut pointer = String::new();
        for step in path {
            match step {
                // Most keys need no escape (no copy of the key).
                Step::Key(key) if key.contains(['~', '/']) => {
                    let _ = write!(pointer, "/{}", key.replace('~', "~0").replace('/', "~1"));
                }
                Step::Key(key) => {
                    pointer.push('/');
                    pointer.push_str(key);
                }
                Step::Index(i) => {
                    let _ = write!(pointer, "/{i}");
                }
            }
        }
        pointer
    }
    fn walk<'a>(value: &'a Value, path: &mut Vec<Step<'a>>, found: &mut Vec<Reference<'a>>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    path.push(Step::Key(key));
                    if KEYS.contains(&key.as_str())
                        && let Some(file) = value.get("file").and_then(Value::as_str)
                    {
                        found.push(Reference {
                            pointer: pointer(path) + "/file",
                            file,
                        });
                    } else if value.is_object() || value.is_array() {
                        walk(value, path, found);
                    }
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    if value.is_object() || value.is_array() {
                        path.push(Step::Index(i));
                        walk(value, path, found);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(json, &mut Vec::new(), &mut found);
    found
}

/// Why a `file:` value names no file inside its folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    Absolute,
    Backslash,
    Control,
    Parent,
    Empty,
}

impl Escape {
    fn message_id(self) -> &'static str {
        match self {
            Escape::Absolute => "cat034-absolute",
            Escape::Backslash => "cat034-backslash",
            Escape::Control => "cat034-control",
            Escape::Parent => "cat034-parent",
            Escape::Empty => "cat034-empty",
        }
    }
}

/// The catalog-relative path (from the root, `catalog/…`) of the file `file` names, relative to
/// the folder of the document at `document` (also catalog-relative). Only plain, non-empty
/// segments are accepted, so the path can never leave that folder, and so never reach another
/// region's folder.
pub fn resolve(document: &str, file: &str) -> Result<String, Escape> {
    if file.chars().any(char::is_control) {
        return Err(Escape::Control);
    }
    if file.contains('\\') {
        return Err(Escape::Backslash);
    }
    let bytes = file.as_bytes();
    if file.starts_with('/') || (bytes.len() >= 2 && bytes[1] == b':') {
        return Err(Escape::Absolute);
    }
    for segment in file.split('/') {
        match segment {
            "" => return Err(Escape::Empty),
            "." | ".." => return Err(Escape::Parent),
            _ => {}
        }
    }
    let folder = document.rsplit_once('/').map_or("", |(folder, _)| folder);
    Ok(format!("{folder}/{file}"))
}

/// What the check found out about a file that passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub ext: &'static str,
    pub bytes: u64,
}

/// What is wrong with an attachment's file on disk.
#[derive(Debug)]
pub enum Problem {
    Missing,
    Symlink(String),
    NotAFile,
    Extension,
    Content,
    TooLarge(u64),
    Unreadable(std::io::Error),
}

/// Look at the file at catalog-relative `rel` under `root` (see [`resolve`]): each folder of the
/// path below the document's own folder must be a real folder and the file a regular file, none
/// of them a link; only its first bytes are read.
pub fn inspect(root: &Path, document: &str, rel: &str, max_bytes: u64) -> Result<Checked, Problem> {
    let folder = document.rsplit_once('/').map_or("", |(folder, _)| folder);
    let below = rel
        .strip_prefix(folder)
        .unwrap_or(rel)
        .trim_start_matches('/');
    let mut path: PathBuf = root.join(folder);
    let segments: Vec<&str> = below.split('/').collect();
    let mut meta = None;
    for (i, segment) in segments.iter().enumerate() {
        path.push(segment);
        let m = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Problem::Missing),
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                return Err(Problem::Missing);
            }
            Err(e) => return Err(Problem::Unreadable(e)),
        };
        if m.file_type().is_symlink() {
            return Err(Problem::Symlink(segments[..=i].join("/")));
        }
        if i + 1 < segments.len() && !m.is_dir() {
            return Err(Problem::Missing);
        }
        meta = Some(m);
    }
    let Some(meta) = meta.filter(|m| m.is_file()) else {
        return Err(Problem::NotAFile);
    };
    let Some(ext) = extension(rel) else {
        return Err(Problem::Extension);
    };
    if meta.len() > max_bytes {
        return Err(Problem::TooLarge(meta.len()));
    }
    let expected = magic(ext);
    let mut head = Vec::with_capacity(expected.len());
    std::fs::File::open(&path)
        .and_then(|file| file.take(expected.len() as u64).read_to_end(&mut head))
        .map_err(Problem::Unreadable)?;
    if head != expected {
        return Err(Problem::Content);
    }
    Ok(Checked {
        ext,
        bytes: meta.len(),
    })
}

/// A file the walk found with an attachment's ending, left for [`check`] to place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Catalog-relative path.
    pub path: String,
    pub symlink: bool,
}

/// The kinds of document that may state attachments.
fn may_attach(document: &Document) -> bool {
    use super::Kind;
    matches!(
        document.kind,
        Kind::National | Kind::Entry | Kind::LocalItem
    ) && may_reference(&document.source.text)
}

/// Whether a file's text can state an attachment: a key of [`KEYS`] is written in it, or it has
/// a backslash (a double-quoted key may spell one with an escape). Most files have none, and
/// are not walked.
pub fn may_reference(text: &str) -> bool {
    text.contains('\\') || KEYS.iter().any(|key| text.contains(key))
}

/// Check every attachment the valid documents state, and report the files with an attachment's
/// ending that none of them references (CAT008, unless `partial`: a partial load does not see
/// every reference).
pub fn check<'a>(
    root: &Path,
    documents: impl Iterator<Item = &'a Document>,
    found: &[Found],
    limits: Limits,
    lang: Lang,
    partial: bool,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut referenced = BTreeSet::new();
    for document in documents.filter(|d| d.valid && may_attach(d)) {
        for reference in references(&document.json) {
            let at = |code, message: String| document.diagnostic(code, &reference.pointer, message);
            let rel = match resolve(document.path(), reference.file) {
                Ok(rel) => rel,
                Err(escape) => {
                    diagnostics.push(
                        at(
                            &codes::ATTACHMENT_PATH,
                            t!(lang, escape.message_id(), file = reference.file),
                        )
                        .help(t!(lang, "cat034-help")),
                    );
                    continue;
                }
            };
            referenced.insert(rel.clone());
            let problem = match inspect(root, document.path(), &rel, limits.max_attachment_bytes) {
                Ok(_) => continue,
                Err(problem) => problem,
            };
            let diagnostic = match problem {
                Problem::Missing => at(
                    &codes::ATTACHMENT_MISSING,
                    t!(lang, "cat030-message", path = rel.as_str()),
                )
                .help(t!(lang, "cat030-help")),
                Problem::NotAFile => at(
                    &codes::ATTACHMENT_MISSING,
                    t!(lang, "cat030-not-a-file", path = rel.as_str()),
                )
                .help(t!(lang, "cat030-help")),
                Problem::Unreadable(error) => at(
                    &codes::ATTACHMENT_MISSING,
                    t!(
                        lang,
                        "cat030-unreadable",
                        path = rel.as_str(),
                        error = error.to_string()
                    ),
                )
                .help(t!(lang, "cat030-help")),
                Problem::Symlink(link) => at(
                    &codes::ATTACHMENT_SYMLINK,
                    t!(lang, "cat033-message", link = link.as_str()),
                )
                .help(t!(lang, "cat033-help")),
                Problem::Extension => at(
                    &codes::ATTACHMENT_TYPE,
                    t!(lang, "cat032-extension", file = reference.file),
                )
                .help(t!(lang, "cat032-help")),
                Problem::Content => at(
                    &codes::ATTACHMENT_TYPE,
                    t!(
                        lang,
                        "cat032-content",
                        file = reference.file,
                        ext = extension(&rel).unwrap_or_default().to_ascii_uppercase()
                    ),
                )
                .help(t!(lang, "cat032-help")),
                Problem::TooLarge(size) => at(
                    &codes::ATTACHMENT_SIZE,
                    t!(
                        lang,
                        "cat031-message",
                        size = size,
                        limit = limits.max_attachment_bytes
                    ),
                )
                .help(t!(lang, "cat031-help")),
            };
            diagnostics.push(diagnostic);
        }
    }
    if !partial {
        for file in found.iter().filter(|f| !referenced.contains(&f.path)) {
            let (message, help) = if file.symlink {
                ("cat008-symlink", "cat008-symlink-help")
            } else {
                ("cat008-attachment", "cat008-attachment-help")
            };
            diagnostics.push(
                Diagnostic::new(
                    &codes::UNKNOWN_FILE,
                    t!(lang, message),
                    &file.path,
                    Span::file_start(),
                )
                .help(t!(lang, help)),
            );
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder_of_their_document() {
        let doc = "catalog/regions/440300/000120010000.yaml";
        assert_eq!(
            resolve(doc, "000120010000/表.pdf"),
            Ok("catalog/regions/440300/000120010000/表.pdf".to_string())
        );
        for (file, escape) in [
            ("../440000/a.pdf", Escape::Parent),
            ("a/../../b.pdf", Escape::Parent),
            ("./a.pdf", Escape::Parent),
            ("/etc/passwd", Escape::Absolute),
            ("C:/a.pdf", Escape::Absolute),
            ("a\\..\\b.pdf", Escape::Backslash),
            ("a\u{0}.pdf", Escape::Control),
            ("a\n.pdf", Escape::Control),
            ("a//b.pdf", Escape::Empty),
        ] {
            assert_eq!(resolve(doc, file), Err(escape), "{file:?}");
        }
    }

    #[test]
    fn references_are_found_wherever_a_document_states_them() {
        let json = serde_json::json!({
            "materials": [{"id": "a", "blank_form": {"file": "x/a.pdf", "name": "表"}}],
            "result": {"sample_file": {"file": "x/b.png", "name": "样本"}},
            "scheduled": [{"set": {"materials": [{"id": "a", "example": {"file": "x/c.pdf", "name": "例"}}]}}],
            "odd/key~": [{"example": {"file": "x/d.pdf", "name": "例"}}],
        });
        let found: Vec<(String, &str)> = references(&json)
            .into_iter()
            .map(|r| (r.pointer, r.file))
            .collect();
        assert_eq!(
            found,
            [
                ("/materials/0/blank_form/file".to_string(), "x/a.pdf"),
                ("/odd~1key~0/0/example/file".to_string(), "x/d.pdf"),
                ("/result/sample_file/file".to_string(), "x/b.png"),
                (
                    "/scheduled/0/set/materials/0/example/file".to_string(),
                    "x/c.pdf"
                ),
            ]
        );
    }

    #[test]
    fn endings_are_read_case_blind_and_jpeg_is_jpg() {
        assert_eq!(extension("a.PDF"), Some("pdf"));
        assert_eq!(extension("a.jpeg"), Some("jpg"));
        assert_eq!(extension("a.JPG"), Some("jpg"));
        assert_eq!(extension("a.exe"), None);
        assert_eq!(extension("pdf"), None);
        assert_eq!(media_type("jpg"), "image/jpeg");
        assert_eq!(media_type("doc"), "application/msword");
    }
}
