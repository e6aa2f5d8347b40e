//! Stage 5: emit the portal, the guides, the open data and the reports.
//!
//! `build` runs the whole pipeline first and refuses to emit while the catalog has errors. It then
//! renders every file in memory, writes them into a fresh temporary folder beside the output
//! folder, and only when everything is written swaps that folder in. A failed or interrupted build
//! leaves the previous output as it was. Output paths are made only of codes that passed their
//! patterns (checked again here), never of free catalog text.

pub mod files;
mod json;
mod jsonld;
mod opendata;
mod portal;
pub mod templates;
mod workbook;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diff::Conformance;
use crate::load::schema::FieldLabels;
use crate::pipeline::Compiled;
use crate::resolve::Resolved;
use crate::resolve::catalog::Catalog;
use crate::resolve::model::Law;
use templates::{TemplateError, Templates};

/// Everything the page builders read.
pub struct Site<'a> {
    pub resolved: &'a Resolved,
    /// The schemas' Chinese field titles.
    pub labels: &'a FieldLabels,
    pub catalog: &'a Catalog,
    pub conformance: &'a Conformance,
    pub templates: &'a Templates,
    pub title: String,
    pub base_url: String,
    pub laws: BTreeMap<&'a str, &'a Law>,
    pub certificates: BTreeMap<String, String>,
    /// Only these regions' pages (all when empty).
    pub regions: Vec<String>,
    /// Whether Atom feeds are written (and linked).
    pub feeds: bool,
    /// Whether pages whose templates and context are unchanged since the previous build are
    /// taken from it instead of being rendered again (off with `--no-cache`).
    pub reuse_pages: bool,
    /// The attachments (forms, examples, samples of results) the build publishes.
    pub files: files::Files,
}

impl<'a> Site<'a> {
    pub fn new(compiled: &'a Compiled, templates: &'a Templates, regions: Vec<String>) -> Site<'a> {
        let catalog = &compiled.resolved.catalog;
        let config = catalog.config.as_ref().map(|c| &c.value);
        Site {
            resolved: &compiled.resolved,
            labels: &compiled.labels,
            catalog,
            conformance: &compiled.conformance,
            templates,
            title: config.map_or_else(|| "政务服务事项目录".to_string(), |c| c.title.clone()),
            base_url: config.map_or_else(
                || "https://example.invalid/".to_string(),
                |c| c.base_url.clone(),
            ),
            laws: catalog
                .laws
                .iter()
                .flat_map(|l| l.value.laws.iter())
                .map(|l| (l.id.as_str(), l))
                .collect(),
            certificates: catalog
                .certificates
                .iter()
                .flat_map(|c| c.value.certificates.iter())
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            regions,
            feeds: false,
            reuse_pages: true,
            files: files::Files::read(catalog),
        }
    }
}

/// Why a build could not finish (exit status 2); the previous output is untouched.
#[derive(Debug)]
pub enum BuildError {
    Template(TemplateError),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    UnsafePath(String),
    /// The workbook (`opendata/catalog.xlsx`) could not be made.
    Workbook(rust_xlsxwriter::XlsxError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(_) => f.write_str("a template could not be rendered"),
            BuildError::Io { path, .. } => write!(f, "cannot write {}", path.display()),
            BuildError::UnsafePath(p) => write!(f, "refusing to write the output path `{p}`"),
            BuildError::Workbook(_) => f.write_str("the workbook could not be made"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Template(e) => Some(e),
            BuildError::Io { error, .. } => Some(error),
            BuildError::Workbook(e) => Some(e),
            BuildError::UnsafePath(_) => None,
        }
    }
}

impl From<TemplateError> for BuildError {
    fn from(e: TemplateError) -> BuildError {
        BuildError::Template(e)
    }
}

/// Where rendered files go: a path under the output folder and the file's bytes. Called from
/// several threads at once.
pub trait Sink: Sync {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), BuildError>;

    /// Files `paths`, rendered from inputs whose hash is `key`, are about to be made. True when
    /// the previous build made them from the same `key` and they were taken from it as they
    /// are (the caller then renders nothing); false when the caller must render and `put` them.
    fn reuse(&self, _key: u128, _paths: &[&str]) -> Result<bool, BuildError> {
        Ok(false)
    }
}

/// Keeps the files in memory (for tests and tools).
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<(String, Vec<u8>)>>);

impl Sink for Collect {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), BuildError> {
        if !safe(&path) {
            return Err(BuildError::UnsafePath(path));
        }
        self.0
            .lock()
            .map_err(|_| BuildError::UnsafePath(path.clone()))?
            .push((path, bytes));
        Ok(())
    }
}

/// Writes into a staging folder. A file whose bytes equal the previous output's is hard-linked
/// from it instead of being written again.
struct Staging {
    dir: PathBuf,
    previous: Option<PathBuf>,
    written: std::sync::atomic::AtomicUsize,
    kept: std::sync::atomic::AtomicUsize,
    bytes: std::sync::atomic::AtomicUsize,
    /// The previous build's pages: path → (key, length), from its manifest.
    pages_before: std::collections::HashMap<String, (u128, u64)>,
    /// This build's pages and their keys, for its manifest.
    pages_now: std::sync::Mutex<Vec<(String, u128)>>,
    reused: std::sync::atomic::AtomicUsize,
}

/// The manifest of the pages a build rendered, kept in the output folder (hidden) so that it is
/// replaced together with the files it describes: one line per page, `<key> <length> <path>`.
const MANIFEST: &str = ".catalogc-pages";
const MANIFEST_HEADER: &str = "catalogc-pages 1";

fn read_manifest(out: &Path) -> std::collections::HashMap<String, (u128, u64)> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return Default::default();
    };
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEADER) {
        return Default::default();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let key = u128::from_str_radix(parts.next()?, 16).ok()?;
            let len = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), (key, len)))
        })
        .collect()
}

impl Staging {
    fn write_manifest(&self) -> Result<(), BuildError> {
        use std::fmt::Write;
        let mut pages = self.pages_now.lock().map(|p| p.clone()).unwrap_or_default();
        pages.sort();
        let mut text = format!("{MANIFEST_HEADER}\n");
        for (path, key) in pages {
            if let Ok(meta) = std::fs::metadata(self.dir.join(&path)) {
                let _ = writeln!(text, "{key:032x} {} {path}", meta.len());
            }
        }
        let path = self.dir.join(MANIFEST);
        std::fs::write(&path, text).map_err(io(&path))
    }
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), BuildError> {
        use std::sync::atomic::Ordering::Relaxed;
        if !safe(&path) {
            return Err(BuildError::UnsafePath(path));
        }
        let target = self.dir.join(&path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        self.bytes.fetch_add(bytes.len(), Relaxed);
        if let Some(previous) = self.previous.as_ref().map(|p| p.join(&path))
            && std::fs::metadata(&previous).is_ok_and(|m| m.len() == bytes.len() as u64)
            && std::fs::read(&previous).is_ok_and(|old| old == bytes)
            && std::fs::hard_link(&previous, &target).is_ok()
        {
            self.kept.fetch_add(1, Relaxed);
            return Ok(());
        }
        std::fs::write(&target, &bytes).map_err(io(&target))?;
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }

    fn reuse(&self, key: u128, paths: &[&str]) -> Result<bool, BuildError> {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(path) = paths.iter().find(|p| !safe(p)) {
            return Err(BuildError::UnsafePath(path.to_string()));
        }
        if let Ok(mut now) = self.pages_now.lock() {
            now.extend(paths.iter().map(|p| (p.to_string(), key)));
        }
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        // Every file must have been made from the same inputs, and still be as it was made.
        let mut sizes = Vec::with_capacity(paths.len());
        for path in paths {
            match self.pages_before.get(*path) {
                Some(&(k, len))
                    if k == key
                        && std::fs::metadata(previous.join(path)).is_ok_and(|m| m.len() == len) =>
                {
                    sizes.push(len)
                }
                _ => return Ok(false),
            }
        }
        for (i, path) in paths.iter().enumerate() {
            let target = self.dir.join(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            if std::fs::hard_link(previous.join(path), &target).is_err() {
                // Undo the links made so far: `put` must not write through a link into the
                // previous output.
                for made in &paths[..i] {
                    let _ = std::fs::remove_file(self.dir.join(made));
                }
                return Ok(false);
            }
        }
        self.kept.fetch_add(paths.len(), Relaxed);
        self.reused.fetch_add(paths.len(), Relaxed);
        self.bytes
            .fetch_add(sizes.iter().sum::<u64>() as usize, Relaxed);
        Ok(true)
    }
}

/// The portal page (relative to the portal root) a change is about: the guide, the national
/// item, or the region's page (for the region itself and its local items, which have no page).
pub fn page_of(change: &crate::history::Change) -> String {
    let local = change.kind.starts_with("local_item_");
    match (&change.region, &change.item) {
        (Some(region), Some(item)) if !local => format!("regions/{region}/{item}.html"),
        (Some(region), _) => format!("regions/{region}/index.html"),
        (None, Some(item)) => format!("items/{item}.html"),
        (None, None) => "index.html".to_string(),
    }
}

/// The Atom feeds of recent changes: every change once, and one feed per region with every
/// change of its effective entries, inherited ones included ([`crate::history::Changelog::feed`]).
fn feeds(
    site: &Site<'_>,
    log: &crate::history::Changelog,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let render = |changes: Vec<crate::history::Change>,
                  title: String,
                  path: String|
     -> Result<(), BuildError> {
        let context = crate::report::changelog::atom::feed_context(
            &changes,
            &title,
            &site.base_url,
            &path,
            &page_of,
        );
        let xml = site.templates.render(
            "feed.xml",
            minijinja::Value::from(minijinja::value::Serde(&context)),
        )?;
        sink.put(format!("portal/{path}"), xml.into_bytes())
    };
    render(
        log.feed(None),
        format!("{}：最近变更", site.title),
        "feed.xml".to_string(),
    )?;
    for (code, region) in site
        .catalog
        .regions
        .iter()
        .filter(|(code, _)| site.regions.is_empty() || site.regions.contains(code))
    {
        render(
            log.feed(Some(code)),
            format!("{}：{}的最近变更", site.title, region.value.name),
            format!("regions/{code}/feed.xml"),
        )?;
    }
    Ok(())
}

/// Render every file of the build into `sink`; `log` adds the Atom feeds. The portal and the
/// guides, the open data, the workbook, the JSON-LD, the conformance report and the feeds are
/// made at the same time (each file's bytes do not depend on which is first).
pub fn emit(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let pages = || -> Result<(), BuildError> {
        for (path, bytes) in site.pages(sink)? {
            sink.put(path, bytes)?;
        }
        Ok(())
    };
    let opendata = || -> Result<(), BuildError> {
        for (path, bytes) in opendata::files(site) {
            sink.put(path, bytes)?;
        }
        Ok(())
    };
    let jsonld = || {
        sink.put(
            "opendata/catalog.jsonld".to_string(),
            jsonld::document(site),
        )
    };
    let workbook = || {
        let bytes = workbook::file(site).map_err(BuildError::Workbook)?;
        sink.put("opendata/catalog.xlsx".to_string(), bytes)
    };
    let attachments = || -> Result<(), BuildError> {
        for (path, bytes) in site.files.outputs()? {
            sink.put(path, bytes)?;
        }
        Ok(())
    };
    let report = || {
        sink.put(
            "reports/conformance.json".to_string(),
            crate::report::diff::DiffReport::new(compiled, &[])
                .json()
                .into_bytes(),
        )
    };
    let feeds = || match log {
        Some(log) => feeds(site, log, sink),
        None => Ok(()),
    };
    let ((a, (b, f)), ((c, d), e)) = rayon::join(
        || rayon::join(pages, || rayon::join(opendata, workbook)),
        || rayon::join(|| rayon::join(jsonld, report), feeds),
    );
    a.and(b).and(f).and(c).and(d).and(e).and(attachments())
}

/// Every file of the build in memory, sorted by path.
pub fn render(site: &Site<'_>, compiled: &Compiled) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let collect = Collect::default();
    emit(site, compiled, None, &collect)?;
    let mut files = collect.0.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// What a build wrote.
#[derive(Clone, Copy, Debug, Default)]
pub struct Written {
    pub files: usize,
    /// Files identical to the previous output, hard-linked rather than written.
    pub unchanged: usize,
    /// Of those, pages not even rendered: made from the same templates and context as before.
    pub reused: usize,
    pub bytes: usize,
}

/// A relative path of plain segments: letters, digits, `-`, `_` and `.`, no `..`, no empty part.
fn safe(path: &str) -> bool {
    path.split('/').all(|part| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && !part.starts_with('.')
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    })
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |error| BuildError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Clean up after a build that was killed: a staging folder is removed; a previous output moved
/// aside but not yet replaced is put back.
fn recover(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let Some(file) = path.file_name().map(|f| f.to_string_lossy().into_owned()) else {
            continue;
        };
        if file.starts_with(&format!(".{name}.old-")) && !out.exists() {
            let _ = std::fs::rename(&path, out);
        } else if file.starts_with(&format!(".{name}.old-"))
            || file.starts_with(&format!(".{name}.tmp-"))
        {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Build into `out`, replacing its previous content only once everything is written.
pub fn build(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    out: &Path,
) -> Result<Written, BuildError> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = out
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    recover(parent, &name, out);
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        let previous = out.is_dir().then(|| out.to_path_buf());
        let sink = Staging {
            dir: staging.clone(),
            pages_before: match &previous {
                Some(out) if site.reuse_pages => read_manifest(out),
                _ => Default::default(),
            },
            previous,
            written: Default::default(),
            kept: Default::default(),
            bytes: Default::default(),
            pages_now: Default::default(),
            reused: Default::default(),
        };
        emit(site, compiled, log, &sink)?;
        sink.write_manifest()?;
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if out.exists() {
            std::fs::rename(out, &old).map_err(io(out))?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&old, out);
            return Err(io(out)(e));
        }
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(io(&old))?;
        }
        let (written, kept) = (sink.written.into_inner(), sink.kept.into_inner());
        Ok(Written {
            files: written + kept,
            unchanged: kept,
            reused: sink.reused.into_inner(),
            bytes: sink.bytes.into_inner(),
        })
    })();
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}
