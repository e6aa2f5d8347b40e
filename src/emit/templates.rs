//! Templates: built-ins compiled into the binary, overridden by name.
//!
//! Lookup order, written as plain code in [`Templates::load`]: `--templates DIR`, then the
//! catalog's own `output-templates/`, then the built-in file. Every built-in is also registered as
//! `builtin/<name>`, so an override can extend the file it replaces. Autoescaping is on for
//! `.html` and `.xml`; Markdown is not HTML and is not escaped. Static assets (`assets/…`) follow
//! the same lookup and are copied as they are.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{AutoEscape, Environment, Value};

/// The built-in templates and assets, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../output-templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../output-templates/index.html"),
    ),
    (
        "item.html",
        include_str!("../../output-templates/item.html"),
    ),
    (
        "region.html",
        include_str!("../../output-templates/region.html"),
    ),
    (
        "guide.html",
        include_str!("../../output-templates/guide.html"),
    ),
    (
        "event.html",
        include_str!("../../output-templates/event.html"),
    ),
    (
        "conformance.html",
        include_str!("../../output-templates/conformance.html"),
    ),
    (
        "search.html",
        include_str!("../../output-templates/search.html"),
    ),
    (
        "upcoming.html",
        include_str!("../../output-templates/upcoming.html"),
    ),
    ("guide.md", include_str!("../../output-templates/guide.md")),
    ("feed.xml", include_str!("../../output-templates/feed.xml")),
    (
        "assets/style.css",
        include_str!("../../output-templates/assets/style.css"),
    ),
    (
        "assets/search.js",
        include_str!("../../output-templates/assets/search.js"),
    ),
    (
        "assets/print.js",
        include_str!("../../output-templates/assets/print.js"),
    ),
    (
        "assets/situations.js",
        include_str!("../../output-templates/assets/situations.js"),
    ),
];

/// Why the templates cannot be used: catalogc cannot build (exit status 2).
#[derive(Debug)]
pub enum TemplateError {
    /// A template folder or file could not be read.
    Read {
        path: std::path::PathBuf,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A template file is not UTF-8 text.
    NotUtf8 { origin: String },
    /// A template does not compile, or rendering it failed.
    Template {
        name: String,
        source: minijinja::Error,
    },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Read { path, .. } => write!(f, "cannot read {}", path.display()),
            TemplateError::NotUtf8 { origin } => write!(f, "{origin} is not UTF-8"),
            TemplateError::Template { name, .. } => write!(f, "template {name}"),
        }
    }
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TemplateError::Read { source, .. } => Some(source.as_ref()),
            TemplateError::NotUtf8 { .. } => None,
            TemplateError::Template { source, .. } => Some(source),
        }
    }
}

pub struct Templates {
    env: Environment<'static>,
    /// Static files (`assets/…`) by name, after overrides.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// A hash of catalogc's version and every template's name and text: what, besides its
    /// context, decides a rendered page (see `Sink::reuse`).
    pub fingerprint: u128,
}

fn auto_escape(name: &str) -> AutoEscape {
    if name.ends_with(".html") || name.ends_with(".xml") {
        AutoEscape::Html
    } else {
        AutoEscape::None
    }
}

/// Every file under `dir`, by its `/`-separated name relative to `dir`, sorted.
fn files(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, TemplateError> {
    let mut found = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(found);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| TemplateError::Read {
            path: dir.to_path_buf(),
            source: Box::new(e),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if name.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| TemplateError::Read {
            path: entry.path().to_path_buf(),
            source: Box::new(e),
        })?;
        found.insert(name, bytes);
    }
    Ok(found)
}

impl Templates {
    /// The templates for a catalog at `root`, with `extra` (`--templates DIR`) taking precedence.
    pub fn load(root: &Path, extra: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut chosen: BTreeMap<String, (Vec<u8>, String)> = BTreeMap::new();
        for (name, text) in BUILT_IN {
            chosen.insert(
                name.to_string(),
                (text.as_bytes().to_vec(), format!("built-in {name}")),
            );
        }
        let catalog_dir = root.join("output-templates");
        let mut layers = vec![catalog_dir];
        layers.extend(extra.map(Path::to_path_buf));
        for dir in &layers {
            for (name, bytes) in files(dir)? {
                let origin = dir.join(&name).display().to_string();
                chosen.insert(name, (bytes, origin));
            }
        }
        let mut parts: Vec<&[u8]> = Vec::new();
        for (name, (bytes, _)) in &chosen {
            parts.push(name.as_bytes());
            parts.push(bytes);
        }
        let fingerprint = crate::load::cache::fingerprint(&parts);
        let mut env = Environment::new();
        env.set_auto_escape_callback(auto_escape);
        for (name, text) in BUILT_IN {
            if !name.starts_with("assets/") {
                env.add_template_owned(format!("builtin/{name}"), text.to_string())
                    .map_err(|source| TemplateError::Template {
                        name: format!("builtin/{name}"),
                        source,
                    })?;
            }
        }
        let mut assets = BTreeMap::new();
        for (name, (bytes, origin)) in chosen {
            if name.starts_with("assets/") {
                assets.insert(name, bytes);
                continue;
            }
            let text = String::from_utf8(bytes).map_err(|_| TemplateError::NotUtf8 {
                origin: origin.clone(),
            })?;
            env.add_template_owned(name, text)
                .map_err(|source| TemplateError::Template {
                    name: origin,
                    source,
                })?;
        }
        Ok(Templates {
            env,
            assets,
            fingerprint,
        })
    }

    /// Render template `name` with `context`.
    pub fn render(&self, name: &str, context: Value) -> Result<String, TemplateError> {
        self.get(name)?
            .render(context)
            .map_err(|source| TemplateError::Template {
                name: name.to_string(),
                source,
            })
    }

    /// Render template `name` with `context` into `out` as it is rendered, for pages too large
    /// to hold. The outer error is `out`'s, the inner one the template's.
    pub fn render_to(
        &self,
        name: &str,
        context: Value,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<Result<(), TemplateError>> {
        let template = match self.get(name) {
            Ok(template) => template,
            Err(e) => return Ok(Err(e)),
        };
        match template.render_captured_to(context, out) {
            Ok(_) => Ok(Ok(())),
            Err(e) if e.kind() == minijinja::ErrorKind::WriteFailure => {
                Err(std::io::Error::other(e))
            }
            Err(source) => Ok(Err(TemplateError::Template {
                name: name.to_string(),
                source,
            })),
        }
    }

    fn get(&self, name: &str) -> Result<minijinja::Template<'_, '_>, TemplateError> {
        self.env
            .get_template(name)
            .map_err(|source| TemplateError::Template {
                name: name.to_string(),
                source,
            })
    }
}
