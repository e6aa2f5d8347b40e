//! Stage 1: find the catalog, walk its files, read and parse each one with positions.
//!
//! The walk is sorted, so the order of documents never depends on the file system. Each file is
//! read and parsed on its own (in parallel); a problem with one file becomes a diagnostic and never
//! stops the others.

pub mod attachments;
pub mod cache;
pub mod editor;
pub mod git;
pub mod policy;
pub mod scheduled;
pub mod schema;
pub mod since;
pub mod suppress;
pub mod yaml;

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::diagnostic::messages::Lang;
use crate::diagnostic::source::{Pos, SourceFile, Span};
use crate::t;
use yaml::{Limits, Node, Problem};

/// The catalog format version this catalogc reads (`schema_version` in `catalog.yaml`); a
/// catalog written for an earlier one is upgraded by `catalogc migrate`.
pub const FORMAT: u64 = 3;

/// What a file is, decided by where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Config,
    National,
    Event,
    Laws,
    Certificates,
    Region,
    Entry,
    LocalItem,
    /// `schema/policy.yaml`, read from the schema folder rather than the catalog.
    Policy,
}

impl Kind {
    /// The schema file that describes this kind of file.
    pub fn schema(self) -> &'static str {
        match self {
            Kind::Config => "catalog.schema.json",
            Kind::National => "item.schema.json",
            Kind::Event => "event.schema.json",
            Kind::Laws => "laws.schema.json",
            Kind::Certificates => "certificates.schema.json",
            Kind::Region => "region.schema.json",
            Kind::Entry => "entry.schema.json",
            Kind::LocalItem => "local-item.schema.json",
            Kind::Policy => "policy.schema.json",
        }
    }

    pub const ALL: [Kind; 9] = [
        Kind::Config,
        Kind::National,
        Kind::Event,
        Kind::Laws,
        Kind::Certificates,
        Kind::Region,
        Kind::Entry,
        Kind::LocalItem,
        Kind::Policy,
    ];
}

/// Where a path inside the root belongs, from its components alone.
pub fn classify(relative: &str) -> Option<Kind> {
    let parts: Vec<&str> = relative.split('/').collect();
    let yaml = |name: &str| name.ends_with(".yaml");
    match parts.as_slice() {
        ["catalog", "catalog.yaml"] => Some(Kind::Config),
        ["catalog", "national", file] if yaml(file) => Some(Kind::National),
        ["catalog", "events", file] if yaml(file) => Some(Kind::Event),
        ["catalog", "registries", "laws.yaml"] => Some(Kind::Laws),
        ["catalog", "registries", "certificates.yaml"] => Some(Kind::Certificates),
        ["catalog", "regions", _, "region.yaml"] => Some(Kind::Region),
        ["catalog", "regions", _, file] if yaml(file) => Some(Kind::Entry),
        ["catalog", "regions", _, "local", file] if yaml(file) => Some(Kind::LocalItem),
        ["catalog", "regions", _, "events", file] if yaml(file) => Some(Kind::Event),
        _ => None,
    }
}

/// The name of a `.yml` file (any letter case) without its ending: `000120010000.yml` gives
/// `000120010000`. catalogc reads `.yaml` files only, so such a file is reported (CAT020).
pub fn yml_stem(name: &str) -> Option<&str> {
    let cut = name.len().checked_sub(4)?;
    (name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".yml")).then(|| &name[..cut])
}

/// A parsed catalog file.
#[derive(Clone, Debug)]
pub struct Document {
    pub kind: Kind,
    /// The text, shared by every clone as `json` is.
    pub source: std::sync::Arc<SourceFile>,
    /// Whether the text parsed into a YAML document (else `json` is null).
    pub parsed: bool,
    /// The document as JSON (`null` when it could not be parsed), shared by every clone: each
    /// province's compile holds the national documents, and these are not copied for it.
    pub json: std::sync::Arc<serde_json::Value>,
    /// Whether the file parsed and passed its schema; only valid files reach the rules.
    pub valid: bool,
    /// Whether the schema check has run (so `valid` is final).
    pub validated: bool,
    /// The content hash the cache knows this file by (see `cache.rs`).
    pub key: Option<u128>,
    limits: Limits,
    /// The YAML tree with positions: kept from parsing, or parsed again on demand (after
    /// [`Document::forget_tree`], or for a document that came from the cache).
    tree: std::sync::OnceLock<Option<Node>>,
    /// Set when a finding's position was found by a walk of the parser's events
    /// ([`yaml::locate`]); the next finding parses the tree, which answers the rest.
    walked: std::sync::OnceLock<()>,
    /// Where its top-level keys are, read from the text on first use.
    key_lines: std::sync::OnceLock<TopLevelKeys>,
    /// The text the tree is parsed from when it is not the source: the source with its
    /// full-width slips repaired (CAT022), same lines and columns.
    parse_text: Option<std::sync::Arc<str>>,
    /// Top-level fields whose values come from a scheduled change now in force: (`/field`,
    /// `/scheduled/N/set/field`), so that a finding points at the value that applies.
    moved: Vec<(String, String)>,
}

impl Document {
    pub fn new(kind: Kind, source: SourceFile, root: Option<Node>, limits: Limits) -> Document {
        let json = root.as_ref().map_or(serde_json::Value::Null, Node::to_json);
        let tree = std::sync::OnceLock::new();
        let parsed = root.is_some();
        let _ = tree.set(root);
        Document {
            kind,
            source: source.into(),
            parsed,
            json: json.into(),
            valid: false,
            validated: false,
            key: None,
            limits,
            tree,
            walked: Default::default(),
            key_lines: Default::default(),
            parse_text: None,
            moved: Vec::new(),
        }
    }

    /// A document parsed straight to JSON ([`yaml::parse_json`]): its tree is parsed only if a
    /// finding needs a position.
    pub fn from_json(
        kind: Kind,
        source: SourceFile,
        json: serde_json::Value,
        limits: Limits,
    ) -> Document {
        Document {
            kind,
            source: source.into(),
            parsed: true,
            json: json.into(),
            valid: false,
            validated: false,
            key: None,
            limits,
            tree: std::sync::OnceLock::new(),
            walked: Default::default(),
            key_lines: Default::default(),
            parse_text: None,
            moved: Vec::new(),
        }
    }

    /// A valid document whose JSON came from the cache; its tree is parsed only if a finding
    /// needs a position.
    pub fn cached(
        kind: Kind,
        source: SourceFile,
        json: serde_json::Value,
        key: u128,
        limits: Limits,
    ) -> Document {
        Document {
            valid: true,
            validated: true,
            key: Some(key),
            ..Document::from_json(kind, source, json, limits)
        }
    }

    /// The YAML tree with positions.
    pub fn root(&self) -> Option<&Node> {
        self.tree
            .get_or_init(|| {
                let text = self.parse_text.as_deref().unwrap_or(&self.source.text);
                yaml::parse(text, self.limits).root
            })
            .as_ref()
    }

    /// The line of a top-level key, found in the text without parsing (block-style documents
    /// start top-level keys at column 1); line 1 when it is not found.
    pub fn top_level_line(&self, key: &str) -> u32 {
        self.key_lines
            .get_or_init(|| TopLevelKeys::of(&self.source.text))
            .line(&self.source.text, key)
    }

    /// Check a document not yet checked against the schemas with `validate` (a document that did
    /// not parse is not checked) and [`Document::settle`] it; its findings, none when it was
    /// checked before.
    pub fn check_schema(
        &mut self,
        validate: impl FnOnce(&Document) -> Vec<Diagnostic>,
        cache: Option<&crate::load::cache::Cache>,
    ) -> Vec<Diagnostic> {
        if self.validated {
            return Vec::new();
        }
        let found = if self.parsed {
            validate(self)
        } else {
            Vec::new()
        };
        self.settle(found.is_empty(), cache);
        found
    }

    /// Record the schema check: a clean document is valid, remembered in the cache and its YAML
    /// tree freed (a position is parsed again only for a finding).
    pub fn settle(&mut self, clean: bool, cache: Option<&crate::load::cache::Cache>) {
        self.validated = true;
        self.valid = self.parsed && clean;
        if self.valid {
            if let (Some(cache), Some(key)) = (cache, self.key) {
                cache.put(key, &self.json);
            }
            self.forget_tree();
        }
    }

    /// Free the tree; it is parsed again if a position is asked for.
    pub fn forget_tree(&mut self) {
        self.tree = std::sync::OnceLock::new();
    }

    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// The language of the catalog this document belongs to, for loader messages.
    pub fn lang(&self) -> editor::Lang {
        self.limits.lang
    }

    /// The file name without `.yaml`.
    pub fn stem(&self) -> &str {
        let name = self.path().rsplit('/').next().unwrap_or("");
        name.strip_suffix(".yaml").unwrap_or(name)
    }

    /// The folder name of a region file or entry (`catalog/regions/<region>/…`).
    pub fn region_folder(&self) -> Option<&str> {
        let mut parts = self.path().split('/');
        (parts.next() == Some("catalog") && parts.next() == Some("regions"))
            .then(|| parts.next())
            .flatten()
    }

    /// The span a finding about `pointer` should underline. A pointer to something absent (a
    /// missing key) falls back to the nearest enclosing node that exists.
    pub fn span(&self, pointer: &str) -> Span {
        // A clean file whose tree is not parsed yet: a top-level key's simple value is found in
        // its line, without parsing the file (most findings of a catalog whose reviews are due
        // are about `reviewed`).
        if self.tree.get().is_none() && self.moved.is_empty() {
            let text = self.parse_text.as_deref().unwrap_or(&self.source.text);
            if let Some(span) = top_level_scalar(text, pointer) {
                return span;
            }
            // A file's first such finding is placed by a walk of the parser's events that
            // stops at the node; a second parses the tree, kept for the rest.
            if self.walked.set(()).is_ok()
                && let Some(span) = yaml::locate(text, pointer)
            {
                return span;
            }
        }
        let Some(root) = self.root() else {
            return Span::file_start();
        };
        let moved = self.located(pointer);
        let mut pointer = moved.as_str();
        loop {
            if let Some((node, key)) = root.pointer(pointer) {
                return node.anchor_span(key);
            }
            match pointer.rfind('/') {
                Some(i) => pointer = &pointer[..i],
                None => return Span::file_start(),
            }
        }
    }

    /// Where the value at `pointer` is written: in a scheduled change now in force
    /// ([`scheduled::apply`]), else where it points.
    fn located(&self, pointer: &str) -> String {
        for (field, set) in &self.moved {
            if let Some(rest) = pointer.strip_prefix(field.as_str())
                && (rest.is_empty() || rest.starts_with('/'))
            {
                return format!("{set}{rest}");
            }
        }
        pointer.to_string()
    }

    /// The span of the key `key` inside the mapping at `pointer`, or of the mapping itself.
    pub fn key_span(&self, pointer: &str, key: &str) -> Span {
        let pointer = &self.located(pointer);
        self.root()
            .and_then(|root| root.pointer(pointer))
            .and_then(|(node, _)| node.key_span(key))
            .unwrap_or_else(|| self.span(pointer))
    }

    /// A diagnostic with `code` at the node `pointer` of this document.
    pub fn diagnostic(
        &self,
        code: &crate::diagnostic::codes::Code,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(code, message, self.path(), self.span(pointer)).pointer(pointer)
    }
}

/// Everything read from a catalog root.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every catalog file found, by kind, whether it was read or not.
    pub listed: Vec<(Kind, String)>,
    /// Files with an attachment's ending, placed by [`attachments::check`] once the documents
    /// that may reference them are read.
    pub attachments: Vec<attachments::Found>,
}

/// Look for a catalog root (a folder holding `catalog/catalog.yaml`) from `start` upwards.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("catalog").join("catalog.yaml").is_file())
        .map(Path::to_path_buf)
}

/// The relative path of a file inside the root, with `/` separators.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if std::path::MAIN_SEPARATOR == '/' {
        // The walk joins names with `/`: the path is already the relative path.
        return rel.to_string_lossy().into_owned();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The limits a catalog sets in `catalog/catalog.yaml` (`limits:`), else the defaults. Read
/// leniently: a malformed value is reported by the schema, and the defaults apply meanwhile.
pub fn limits(root: &Path) -> Limits {
    let path = root.join("catalog").join("catalog.yaml");
    let defaults = Limits::default();
    let Ok(text) = std::fs::read_to_string(&path) else {
        return defaults;
    };
    if text.len() as u64 > defaults.max_file_bytes {
        return defaults;
    }
    let parsed = yaml::parse(&text, defaults);
    let json = parsed.root.map(|root| root.to_json());
    let mut limits: Limits = json
        .as_ref()
        .and_then(|json| json.get("limits").cloned())
        .and_then(|limits| serde_json::from_value(limits).ok())
        .unwrap_or(defaults);
    if let Some(language) = json.as_ref().and_then(|j| j.get("language")?.as_str()) {
        limits.lang = editor::Lang::of(language);
    }
    limits
}

/// The title and base URL from `catalog/catalog.yaml`, read leniently (defaults when unreadable).
pub fn read_config(root: &Path) -> (String, String) {
    let json = std::fs::read_to_string(root.join("catalog").join("catalog.yaml"))
        .ok()
        .and_then(|text| yaml::parse(&text, Limits::default()).root)
        .map(|node| node.to_json())
        .unwrap_or_default();
    let text = |key: &str, default: &str| {
        json.get(key)
            .and_then(|v| v.as_str())
            .unwrap_or(default)
            .to_string()
    };
    (
        text("title", "政务服务事项目录"),
        text("base_url", "https://example.invalid/"),
    )
}

/// The language `catalog/catalog.yaml` names (`language: zh-CN`), read leniently: Chinese when
/// it names none or cannot be read.
pub fn language(root: &Path) -> Lang {
    let json = std::fs::read_to_string(root.join("catalog").join("catalog.yaml"))
        .ok()
        .and_then(|text| yaml::parse(&text, Limits::default()).root)
        .map(|node| node.to_json())
        .unwrap_or_default();
    Lang::of_catalog(json.get("language").and_then(|v| v.as_str()))
}

/// Walk `root/catalog` and parse every file in it.
pub fn load(root: &Path, limits: Limits, lang: Lang) -> Loaded {
    load_some(root, limits, lang, &|_| true, None, None, None)
}

/// Walk `dir` without following links, each folder's entries sorted by name.
///
/// walkdir's own `sort_by_file_name` finds each name by parsing the path into components, which
/// is most of the cost of walking a large catalog; the name is the bytes after the last separator.
pub fn walk_sorted(dir: &Path) -> WalkDir {
    fn name(entry: &walkdir::DirEntry) -> &[u8] {
        let path = entry.path().as_os_str().as_encoded_bytes();
        let start = path
            .iter()
            .rposition(|&b| std::path::is_separator(b as char))
            .map_or(0, |i| i + 1);
        &path[start..]
    }
    WalkDir::new(dir)
        .follow_links(false)
        .sort_by(|a, b| name(a).cmp(name(b)))
}

/// The schema check, run on each document as soon as it is parsed so that its YAML tree can be
/// freed at once: the trees of a whole catalog are never in memory together.
pub type Validate<'a> = &'a (dyn Fn(&Document) -> Vec<Diagnostic> + Sync);

/// Walk `root/catalog`, list every file, and parse those `wanted` accepts; with `narrow`, list
/// as [`list_in`] does.
pub fn load_some(
    root: &Path,
    limits: Limits,
    lang: Lang,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    narrow: Option<&BTreeSet<String>>,
    cache: Option<&crate::load::cache::Cache>,
    validate: Option<Validate<'_>>,
) -> Loaded {
    let listing = list_in(root, limits, lang, wanted, narrow);
    let files: Vec<&(Kind, PathBuf, String)> = listing
        .files
        .iter()
        .filter(|(_, _, rel)| wanted(rel))
        .collect();
    let (documents, found) = parse_files(&files, limits, lang, cache, validate);
    let mut diagnostics = listing.diagnostics;
    diagnostics.extend(found);
    Loaded {
        root: root.to_path_buf(),
        documents,
        diagnostics,
        listed: listing
            .files
            .into_iter()
            .map(|(kind, _, rel)| (kind, rel))
            .collect(),
        attachments: listing.attachments,
    }
}

/// Every catalog file under `root/catalog`, in walk order, and what the walk itself found wrong
/// (unknown files, links, too many files).
pub struct Listing {
    /// Each file's kind, full path and path inside the root.
    pub files: Vec<(Kind, PathBuf, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files with an attachment's ending (see [`Loaded::attachments`]).
    pub attachments: Vec<attachments::Found>,
}

/// Walk `root/catalog` sorted and list its catalog files without reading them; an unknown file
/// that `wanted` refuses is passed over in silence.
pub fn list(
    root: &Path,
    limits: Limits,
    lang: Lang,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> Listing {
    list_in(root, limits, lang, wanted, None)
}

/// [`list`], or with `narrow` (the files a `check --since` loads, see `since.rs`) a listing that
/// does not walk the region folders: everything outside `catalog/regions/`, then in each region
/// folder its `region.yaml`, `events/` and `local/` (the files every selective check reads or
/// indexes) and the paths in `narrow`. The files come in the order the whole walk gives them, and
/// each carries the walk's findings, so the selected files' findings are the whole walk's. The
/// file limit (CAT018) counts the files listed.
pub fn list_in(
    root: &Path,
    limits: Limits,
    lang: Lang,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    narrow: Option<&BTreeSet<String>>,
) -> Listing {
    let mut lister = Lister {
        root,
        limits,
        lang,
        wanted,
        count: 0,
        listing: Listing {
            files: Vec::new(),
            diagnostics: Vec::new(),
            attachments: Vec::new(),
        },
    };
    let catalog = root.join("catalog");
    let Some(narrow) = narrow else {
        for entry in walk_sorted(&catalog) {
            if lister.visit(entry).is_break() {
                break;
            }
        }
        return lister.listing;
    };
    let regions = catalog.join("regions");
    let mut probes = BTreeSet::new();
    // A link in place of `catalog/regions` is not followed: the walk reports it (CAT008).
    let folders = std::fs::symlink_metadata(&regions)
        .is_ok_and(|m| m.is_dir())
        .then(|| std::fs::read_dir(&regions));
    for folder in folders.into_iter().flatten().flatten().flatten() {
        if folder.file_type().is_ok_and(|t| t.is_dir()) {
            for part in ["region.yaml", "events", "local"] {
                probes.insert(folder.path().join(part));
            }
        }
    }
    // A path under a probed folder is listed with it.
    let named: Vec<PathBuf> = narrow
        .iter()
        .filter(|rel| rel.starts_with("catalog/regions/"))
        .map(|rel| root.join(rel))
        .filter(|path| !path.ancestors().skip(1).any(|a| probes.contains(a)))
        .collect();
    probes.extend(named);
    let outside = walk_sorted(&catalog)
        .into_iter()
        .filter_entry(|e| e.path() != regions);
    let probed = probes.iter().flat_map(|path| {
        walk_sorted(path)
            .follow_root_links(false)
            .into_iter()
            .filter(|entry| {
                // A path the selection names may not exist (a deleted file, an item no region
                // implements): absent, not unreadable.
                !entry.as_ref().is_err_and(|e| {
                    e.depth() == 0
                        && e.io_error().is_some_and(|io| {
                            matches!(
                                io.kind(),
                                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                            )
                        })
                })
            })
    });
    for entry in outside.chain(probed) {
        if lister.visit(entry).is_break() {
            break;
        }
    }
    let mut listing = lister.listing;
    // The whole walk's order: depth first, each folder's entries by name, which is the order of
    // the paths' components.
    listing
        .files
        .sort_by(|a, b| a.2.split('/').cmp(b.2.split('/')));
    listing
        .attachments
        .sort_by(|a, b| a.path.split('/').cmp(b.path.split('/')));
    listing
}

/// One walk's listing, built entry by entry.
struct Lister<'a> {
    root: &'a Path,
    limits: Limits,
    lang: Lang,
    wanted: &'a (dyn Fn(&str) -> bool + Sync),
    count: usize,
    listing: Listing,
}

impl Lister<'_> {
    /// List one entry of the walk; `Break` once the catalog has more files than its limit.
    fn visit(&mut self, entry: walkdir::Result<walkdir::DirEntry>) -> ControlFlow<()> {
        let (root, limits, lang, wanted) = (self.root, self.limits, self.lang, self.wanted);
        let Listing {
            files,
            diagnostics,
            attachments: found_attachments,
        } = &mut self.listing;
        let count = &mut self.count;
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| "catalog".to_string(), |p| relative(root, p));
                diagnostics.push(Diagnostic::new(
                    &codes::UNREADABLE_FILE,
                    t!(lang, "cat010-folder", error = error.to_string()),
                    &path,
                    Span::file_start(),
                ));
                return ControlFlow::Continue(());
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            return ControlFlow::Continue(());
        }
        let rel = relative(root, entry.path());
        if entry.file_type().is_dir() {
            if name.ends_with(".yaml") {
                diagnostics.push(
                    Diagnostic::new(
                        &codes::UNKNOWN_FILE,
                        t!(lang, "cat008-folder"),
                        &rel,
                        Span::file_start(),
                    )
                    .help(t!(lang, "cat008-folder-help")),
                );
            }
            return ControlFlow::Continue(());
        }
        *count += 1;
        if *count > limits.max_files {
            diagnostics.push(
                Diagnostic::new(
                    &codes::FILE_COUNT,
                    t!(lang, "cat018-message", limit = limits.max_files),
                    &rel,
                    Span::file_start(),
                )
                .help(t!(lang, "cat018-help")),
            );
            return ControlFlow::Break(());
        }
        if attachments::extension(&name).is_some() && wanted(&rel) {
            let symlink = entry.file_type().is_symlink();
            if symlink || entry.file_type().is_file() {
                found_attachments.push(attachments::Found { path: rel, symlink });
                return ControlFlow::Continue(());
            }
        }
        if entry.file_type().is_symlink() {
            diagnostics.push(
                Diagnostic::new(
                    &codes::UNKNOWN_FILE,
                    t!(lang, "cat008-symlink"),
                    &rel,
                    Span::file_start(),
                )
                .help(t!(lang, "cat008-symlink-help")),
            );
            return ControlFlow::Continue(());
        }
        if !entry.file_type().is_file() {
            // A FIFO, socket or device would block or misbehave when read.
            diagnostics.push(
                Diagnostic::new(
                    &codes::UNKNOWN_FILE,
                    t!(lang, "cat008-special"),
                    &rel,
                    Span::file_start(),
                )
                .help(t!(lang, "cat008-special-help")),
            );
            return ControlFlow::Continue(());
        }
        match (classify(&rel), yml_stem(&name)) {
            (Some(kind), _) => files.push((kind, entry.into_path(), rel)),
            (None, _) if !wanted(&rel) => {}
            (None, Some(stem)) => diagnostics.push(
                Diagnostic::new(
                    &codes::YML_EXTENSION,
                    t!(lang, "cat020-message"),
                    &rel,
                    Span::file_start(),
                )
                .help(t!(lang, "cat020-help", stem = stem)),
            ),
            (None, None) => diagnostics.push(
                Diagnostic::new(
                    &codes::UNKNOWN_FILE,
                    t!(lang, "cat008-message"),
                    &rel,
                    Span::file_start(),
                )
                .help(t!(lang, "cat008-help")),
            ),
        }
        ControlFlow::Continue(())
    }
}

/// Read, parse and (with `validate`) schema-check `files` in parallel; the documents in the
/// order of `files`, and what was found wrong with them.
pub fn parse_files(
    files: &[&(Kind, PathBuf, String)],
    limits: Limits,
    lang: Lang,
    cache: Option<&crate::load::cache::Cache>,
    validate: Option<Validate<'_>>,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let bar = crate::progress::phase("读取并校验文件", files.len());
    let parsed = parse_counted(files, limits, lang, cache, validate, &bar);
    bar.finish();
    parsed
}

/// [`parse_files`], counting each file on `bar` (one bar for several calls).
pub fn parse_counted(
    files: &[&(Kind, PathBuf, String)],
    limits: Limits,
    lang: Lang,
    cache: Option<&crate::load::cache::Cache>,
    validate: Option<Validate<'_>>,
    bar: &crate::progress::Phase,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let parsed: Vec<(Option<Document>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(kind, path, rel)| {
            let (mut document, mut found) = read_document(*kind, path, rel, limits, lang, cache);
            if let (Some(validate), Some(document)) = (validate, document.as_mut()) {
                found.extend(document.check_schema(validate, cache));
            }
            bar.inc(1);
            (document, found)
        })
        .collect();
    let mut documents = Vec::with_capacity(parsed.len());
    let mut diagnostics = Vec::new();
    for (document, found) in parsed {
        documents.extend(document);
        diagnostics.extend(found);
    }
    (documents, diagnostics)
}

/// Read and parse one file into a document, reporting what is wrong with it as YAML.
pub fn read_document(
    kind: Kind,
    path: &Path,
    rel: &str,
    limits: Limits,
    lang: Lang,
    cache: Option<&crate::load::cache::Cache>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let unreadable = |error: std::io::Error| {
        let d = Diagnostic::new(
            &codes::UNREADABLE_FILE,
            t!(lang, "cat010-file", error = error.to_string()),
            rel,
            Span::file_start(),
        );
        (None, vec![d])
    };
    // One open and one fstat per file: the size is checked before anything is read.
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => return unreadable(error),
    };
    let size = file.metadata().map_or(0, |m| m.len());
    if size > limits.max_file_bytes {
        let d = Diagnostic::new(
            &codes::FILE_SIZE,
            t!(
                lang,
                "cat013-message",
                size = size,
                limit = limits.max_file_bytes
            ),
            rel,
            Span::file_start(),
        )
        .help(t!(lang, "cat013-help"));
        return (None, vec![d]);
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    if let Err(error) = std::io::Read::read_to_end(&mut file, &mut bytes) {
        return unreadable(error);
    }
    let Some(cache) = cache else {
        return document_from_bytes(kind, rel, bytes, limits, lang);
    };
    let key = cache.key(kind as u8, rel, &bytes);
    // Only valid UTF-8 is ever stored, so a file that is not is parsed (and reported) below.
    let bytes = match String::from_utf8(bytes) {
        Ok(mut text) => {
            // (The size limit was checked before reading.)
            if let Some(json) = cache.get(key) {
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                return (
                    Some(Document::cached(
                        kind,
                        SourceFile::new(rel, text),
                        json,
                        key,
                        limits,
                    )),
                    Vec::new(),
                );
            }
            text.into_bytes()
        }
        Err(error) => error.into_bytes(),
    };
    let (mut document, found) = document_from_bytes(kind, rel, bytes, limits, lang);
    if let Some(document) = &mut document
        && found.is_empty()
    {
        document.key = Some(key);
    }
    (document, found)
}

/// Decode and parse the bytes of a catalog file.
pub fn document_from_bytes(
    kind: Kind,
    rel: &str,
    bytes: Vec<u8>,
    limits: Limits,
    lang: Lang,
) -> (Option<Document>, Vec<Diagnostic>) {
    if bytes.len() as u64 > limits.max_file_bytes {
        let d = Diagnostic::new(
            &codes::FILE_SIZE,
            t!(
                lang,
                "cat013-message",
                size = bytes.len(),
                limit = limits.max_file_bytes
            ),
            rel,
            Span::file_start(),
        )
        .help(t!(lang, "cat013-help"));
        return (None, vec![d]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() as u32 + 1;
            let column = valid.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
            let at = crate::diagnostic::source::Pos { line, column };
            let d = Diagnostic::new(
                &codes::UNREADABLE_FILE,
                t!(lang, "cat010-utf8"),
                rel,
                Span::new(at, at),
            )
            .help(t!(lang, "cat010-utf8-help"));
            return (None, vec![d]);
        }
    };
    parse_document(kind, rel, text, limits, lang)
}

/// Parse the text of a catalog file into a document, reporting what is wrong with it as YAML.
pub fn parse_document(
    kind: Kind,
    rel: &str,
    text: String,
    limits: Limits,
    lang: Lang,
) -> (Option<Document>, Vec<Diagnostic>) {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let source = SourceFile::new(rel, text);
    // Full-width slips are reported once each, and the file is parsed with them repaired so
    // that they cause no follow-on findings.
    let slips = editor::find(&source.text);
    let parse_text: Option<std::sync::Arc<str>> =
        (!slips.is_empty()).then(|| editor::repaired(&source.text, &slips).into());
    let parse_from = parse_text.as_deref().unwrap_or(&source.text);
    // An ordinary file goes straight to JSON; a file with a problem is parsed again with
    // positions for the problem's diagnostic.
    let json = yaml::parse_json(parse_from, limits);
    let parsed = match json {
        Some(_) => None,
        None => Some(yaml::parse(parse_from, limits)),
    };
    let control = control_characters(&source, lang);
    let mut diagnostics: Vec<Diagnostic> = slips
        .iter()
        .map(|slip| editor::slip_diagnostic(slip, &source, lang))
        .collect();
    if let Some(parsed) = &parsed {
        diagnostics.extend(
            parsed
                .problems
                .iter()
                .map(|p| problem_diagnostic(p, rel, limits, lang, Some(&source))),
        );
    }
    diagnostics.extend(control);
    if let Some(parsed) = &parsed
        && parsed.root.is_none()
        && parsed.problems.is_empty()
    {
        diagnostics.push(
            Diagnostic::new(
                &codes::EMPTY_FILE,
                t!(lang, "cat014-message"),
                rel,
                Span::file_start(),
            )
            .help(t!(lang, "cat014-help")),
        );
    }
    for d in &mut diagnostics {
        d.span = source.clamp(d.span);
    }
    let mut document = match json {
        Some(json) => Document::from_json(kind, source, json, limits),
        None => Document::new(kind, source, parsed.and_then(|p| p.root), limits),
    };
    document.parse_text = parse_text;
    (Some(document), diagnostics)
}

/// Control characters (other than tab, line feed and carriage return) anywhere in the text: YAML
/// forbids most of them, and the rest have no place in a service guide. At most five per file.
fn control_characters(source: &SourceFile, lang: Lang) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Almost every file has none: its bytes are looked at once, its characters never.
    if !holds_control_character(source.text.as_bytes()) {
        return found;
    }
    for (index, line) in source.text.split('\n').enumerate() {
        for (column, c) in line.chars().enumerate() {
            if forbidden_character(c) && found.len() < 5 {
                let at = crate::diagnostic::source::Pos {
                    line: index as u32 + 1,
                    column: column as u32 + 1,
                };
                found.push(
                    Diagnostic::new(
                        &codes::CONTROL_CHARACTER,
                        t!(
                            lang,
                            "cat019-message",
                            character = format!("U+{:04X}", c as u32)
                        ),
                        &source.path,
                        Span::new(
                            at,
                            crate::diagnostic::source::Pos {
                                column: at.column + 1,
                                ..at
                            },
                        ),
                    )
                    .help(t!(lang, "cat019-help")),
                );
            }
        }
    }
    found
}

/// A character CAT019 reports: a control character other than tab, line feed and carriage
/// return, or a line or paragraph separator, or a byte-order mark inside the text.
fn forbidden_character(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether UTF-8 text holds a [`forbidden_character`], read as bytes: C0 controls and DEL are
/// one byte; C1 controls (U+0080–U+009F) are `C2 80`–`C2 9F`; U+2028 and U+2029 are
/// `E2 80 A8`/`A9`; U+FEFF is `EF BB BF`.
fn holds_control_character(bytes: &[u8]) -> bool {
    // The bytes that can start one; every other byte (most of a text) is passed over.
    const LEAD: [bool; 256] = {
        let mut lead = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            lead[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
            b += 1;
        }
        lead[0x7F] = true;
        lead[0xC2] = true;
        lead[0xE2] = true;
        lead[0xEF] = true;
        lead
    };
    bytes.iter().enumerate().any(|(i, &b)| {
        LEAD[b as usize]
            && match b {
                0x00..=0x1F | 0x7F => true,
                0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
                0xE2 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])),
                0xEF => matches!(bytes.get(i + 1..i + 3), Some([0xBB, 0xBF])),
                _ => false,
            }
    })
}

/// The diagnostics for what the YAML parser found wrong with a file.
pub fn problem_diagnostics(
    problems: &[Problem],
    rel: &str,
    limits: Limits,
    lang: Lang,
) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|p| problem_diagnostic(p, rel, limits, lang, None))
        .collect()
}

/// The parser's words for a YAML construct the format does not use, in `lang` (`cat009-*`); a
/// message this does not know is shown as the parser gives it.
fn unsupported(message: &str, lang: Lang) -> String {
    let quoted = || message.split('`').nth(1).unwrap_or_default();
    if message.starts_with("a catalog file holds one YAML document") {
        t!(lang, "cat009-second-document")
    } else if message.starts_with("YAML tag `") {
        t!(lang, "cat009-tag", tag = quoted())
    } else if message.ends_with("is not a finite number") {
        t!(lang, "cat009-not-finite", value = quoted())
    } else if message.starts_with("a mapping key must be a plain value") {
        t!(lang, "cat009-complex-key")
    } else if message.starts_with("merge keys") {
        t!(lang, "cat009-merge-key")
    } else {
        message.to_string()
    }
}

/// One problem as a diagnostic; with the source, a syntax error is said in the editor's terms
/// (see `editor.rs`) and points at the character at fault.
fn problem_diagnostic(
    problem: &Problem,
    rel: &str,
    limits: Limits,
    lang: Lang,
    source: Option<&SourceFile>,
) -> Diagnostic {
    match problem {
        Problem::Syntax { message, at } => match source {
            Some(source) => {
                let at = source.clamp(*at);
                let fix = editor::syntax_fix(message, at, source, lang);
                let (message, at, help) = editor::syntax(message, at, source, lang);
                let d = Diagnostic::new(&codes::YAML_SYNTAX, message, rel, at).help(help);
                match fix {
                    Some(fix) => d.fix(fix),
                    None => d,
                }
            }
            None => Diagnostic::new(&codes::YAML_SYNTAX, message.clone(), rel, *at)
                .help(t!(lang, "cat001-help")),
        },
        Problem::DuplicateKey { key, at, first } => Diagnostic::new(
            &codes::DUPLICATE_KEY,
            t!(lang, "cat002-message", key = key.as_str()),
            rel,
            *at,
        )
        .label(t!(lang, "cat002-label"))
        .with_label(rel, *first, t!(lang, "cat002-first"))
        .help(t!(lang, "cat002-help")),
        Problem::Unsupported { message, at } => Diagnostic::new(
            &codes::UNSUPPORTED_YAML,
            unsupported(message, lang),
            rel,
            *at,
        ),
        Problem::Limit {
            message: _,
            limit,
            at,
        } => {
            // The limit names the problem; the parser's own wording is not shown.
            let (rule, message) = match *limit {
                "max_depth" => (
                    &codes::NESTING_DEPTH,
                    t!(lang, "cat015-message", limit = limits.max_depth),
                ),
                "max_nodes" => (
                    &codes::ALIAS_EXPANSION,
                    t!(lang, "cat016-message", limit = limits.max_nodes),
                ),
                _ => (
                    &codes::STRING_LENGTH,
                    t!(lang, "cat017-message", limit = limits.max_string_chars),
                ),
            };
            Diagnostic::new(rule, message, rel, *at).help(t!(lang, "limit-help", limit = *limit))
        }
    }
}

/// The line (from 1) of the first line of `text` whose text before its first `:` is top-level
/// key `key` (white space after the key allowed); 1 when none is.
pub fn top_level_line(text: &str, key: &str) -> u32 {
    TopLevelKeys::of(text).line(text, key)
}

/// Where a file's top-level keys are: for each line that starts with one, the key's byte range
/// and the line, in file order. Made once per file and kept: a field's line is asked for each
/// field the conformance report lists, and a national item's for every entry of the item.
#[derive(Clone, Debug, Default)]
pub struct TopLevelKeys(Vec<(u32, u32, u32)>);

impl TopLevelKeys {
    pub fn of(text: &str) -> TopLevelKeys {
        let mut keys = Vec::new();
        let mut start = 0;
        let mut line = 1u32;
        while start <= text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let this = &text[start..end];
            // Most lines are indented: they are passed over before being searched.
            if !this.starts_with([' ', '#', '-', '\t'])
                && let Some(colon) = memchr::memchr(b':', this.as_bytes())
            {
                let key = this[..colon].trim_end();
                if !key.is_empty() {
                    keys.push((start as u32, (start + key.len()) as u32, line));
                }
            }
            start = end + 1;
            line += 1;
        }
        TopLevelKeys(keys)
    }

    /// The line of `key`'s first line in `text` (the text this was made of); 1 when none.
    pub fn line(&self, text: &str, key: &str) -> u32 {
        self.0
            .iter()
            .find(|(start, end, _)| text.get(*start as usize..*end as usize) == Some(key))
            .map_or(1, |(_, _, line)| *line)
    }
}

/// The span of the value of top-level key `pointer` (`/<key>`) when the text says it simply, as
/// the parser would place it: a line that starts with `<key>: ` followed by a plain scalar of
/// letters, digits, `-`, `_` and `.` (a date, a number, a code), then nothing or a comment, and
/// no more-indented line after it (which would continue the scalar). `None` otherwise (the tree
/// is parsed). Only for files that parse cleanly.
pub fn top_level_scalar(text: &str, pointer: &str) -> Option<Span> {
    let key = pointer.strip_prefix('/')?;
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return None;
    }
    let mut found = None;
    let mut lines = text.split('\n').enumerate();
    while let Some((index, line)) = lines.next() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if found.is_some() {
            // The key twice: the parser decides.
            return None;
        }
        let value = rest.trim_start_matches(' ');
        let spaces = rest.len() - value.len();
        if spaces == 0 {
            return None;
        }
        let end = value.find(' ').unwrap_or(value.len());
        let (token, after) = value.split_at(end);
        let simple = token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        let after = after.trim_start_matches(' ');
        if token.is_empty()
            || !token.as_bytes()[0].is_ascii_alphanumeric()
            || !simple
            || !(after.is_empty() || after.starts_with('#'))
        {
            return None;
        }
        // A more-indented line after it (before the next key or the end) continues the scalar.
        let next = lines
            .clone()
            .map(|(_, l)| l.strip_suffix('\r').unwrap_or(l))
            .find(|l| !l.trim().is_empty());
        if next.is_some_and(|l| l.starts_with([' ', '\t'])) {
            return None;
        }
        let column = (key.len() + 1 + spaces + 1) as u32;
        let line = index as u32 + 1;
        found = Some(Span::new(
            Pos { line, column },
            Pos {
                line,
                column: column + token.len() as u32,
            },
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte reading agrees with the character reading for every Unicode scalar value, at
    /// the start, in the middle and at the end of a text, and beside multi-byte neighbours
    /// whose bytes a careless reading would take for part of it.
    #[test]
    fn control_characters_are_found_in_the_bytes_as_in_the_characters() {
        let mut forbidden = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("a: {c}x"),
                format!("说明：{c}"),
                format!("{c}”"),
            ] {
                assert_eq!(
                    holds_control_character(text.as_bytes()),
                    text.chars().any(forbidden_character),
                    "U+{:04X} in {text:?}",
                    c as u32
                );
            }
            forbidden += usize::from(forbidden_character(c));
        }
        // C0 without tab, line feed and carriage return (29), DEL and C1 (33), U+2028, U+2029,
        // U+FEFF.
        assert_eq!(forbidden, 29 + 33 + 3);
        let source = SourceFile::new("a.yaml", "a: 1\nb: x\u{85}y\u{2029}\u{7}\n".to_string());
        let found: Vec<_> = control_characters(&source, Lang::En)
            .iter()
            .map(|d| (d.span.start.line, d.span.start.column))
            .collect();
        assert_eq!(found, vec![(2, 5), (2, 7), (2, 8)]);
    }
}
