//! Stage 5: emit the portal, the guides, the open data and the reports.
//!
//! `build` runs the whole pipeline first and refuses to emit while the catalog has errors. It then
//! renders every file in memory, writes them into a fresh temporary folder beside the output
//! folder, and only when everything is written swaps that folder in. A failed or interrupted build
//! leaves the previous output as it was. Output paths are made only of codes that passed their
//! patterns (checked again here), never of free catalog text.

mod jsonld;
mod opendata;
mod portal;
pub mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::check::Compiled;
use crate::diff::Conformance;
use crate::model::Law;
use templates::{TemplateError, Templates};

/// Everything the page builders read.
pub struct Site<'a> {
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
}

impl<'a> Site<'a> {
    pub fn new(compiled: &'a Compiled, templates: &'a Templates, regions: Vec<String>) -> Site<'a> {
        let catalog = &compiled.catalog;
        let config = catalog.config.as_ref().map(|c| &c.value);
        Site {
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
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(e) => write!(f, "{e}"),
            BuildError::Io { path, error } => write!(f, "cannot write {}: {error}", path.display()),
            BuildError::UnsafePath(p) => write!(f, "refusing to write the output path `{p}`"),
        }
    }
}

impl From<TemplateError> for BuildError {
    fn from(e: TemplateError) -> BuildError {
        BuildError::Template(e)
    }
}

/// The portal page (relative to the portal root) a change is about.
pub fn page_of(change: &crate::changelog::Change) -> String {
    match &change.region {
        Some(region) => format!("regions/{region}/{}.html", change.item),
        None => format!("items/{}.html", change.item),
    }
}

/// The Atom feeds of recent changes: all changes, and one feed per region (its own changes and
/// national changes to items it implements).
pub fn feeds(
    site: &Site<'_>,
    log: &crate::changelog::Changelog,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let render = |changes: Vec<crate::changelog::Change>,
                  title: String,
                  path: String|
     -> Result<(String, Vec<u8>), BuildError> {
        let log = crate::changelog::Changelog {
            range: log.range.clone(),
            changes,
            warnings: Vec::new(),
        };
        let context = log.feed_context(&title, &site.base_url, &path, &page_of);
        let xml = site.templates.render(
            "feed.xml",
            minijinja::Value::from(minijinja::value::Serde(&context)),
        )?;
        Ok((format!("portal/{path}"), xml.into_bytes()))
    };
    let mut files = vec![render(
        log.changes.clone(),
        format!("{}：最近变更", site.title),
        "feed.xml".to_string(),
    )?];
    for (code, region) in site
        .catalog
        .regions
        .iter()
        .filter(|(code, _)| site.regions.is_empty() || site.regions.contains(code))
    {
        let changes: Vec<_> = log
            .changes
            .iter()
            .filter(|c| match &c.region {
                Some(r) => r == code,
                None => site
                    .catalog
                    .entries
                    .contains_key(&(code.clone(), c.item.clone())),
            })
            .cloned()
            .collect();
        files.push(render(
            changes,
            format!("{}：{}的最近变更", site.title, region.value.name),
            format!("regions/{code}/feed.xml"),
        )?);
    }
    Ok(files)
}

/// Every file of the build, as (path under the output folder, bytes), sorted by path.
pub fn render(site: &Site<'_>, compiled: &Compiled) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let mut files = site.pages()?;
    files.extend(opendata::files(site));
    files.push((
        "opendata/catalog.jsonld".to_string(),
        jsonld::document(site),
    ));
    let report = crate::diff_report::DiffReport::new(compiled, &[]);
    files.push((
        "reports/conformance.json".to_string(),
        report.json().into_bytes(),
    ));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, _) in &files {
        if !safe(path) {
            return Err(BuildError::UnsafePath(path.clone()));
        }
    }
    Ok(files)
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

/// Write `files` into `out`, replacing its previous content only once everything is written.
pub fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<(), BuildError> {
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
        for (path, bytes) in files {
            let target = staging.join(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            std::fs::write(&target, bytes).map_err(io(&target))?;
        }
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
        Ok(())
    })();
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}
