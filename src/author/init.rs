//! `catalogc init`: a new catalog root, ready for `new region` and `import`, and editor support
//! for a new or an existing one (`--editor vscode`).
//!
//! A region's catalog implements the national standard, so `--national DIR` copies the national
//! items, events and registries from the national office's catalog (a catalog root, or its
//! `catalog/` folder); without it the root starts empty and says where they go.

use std::path::Path;

use super::editor;
use super::flow::scalar;
use super::{AuthorError, write_new, write_replacing};
use crate::load::{FORMAT, Kind};

/// What `init` is asked for.
pub struct Init<'a> {
    pub title: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    pub national: Option<&'a Path>,
    pub vscode: bool,
}

/// Set up `root`; returns the files written, relative to it. A catalog that exists is kept as it
/// is (only the editor support is written).
pub fn init(root: &Path, init: &Init) -> Result<Vec<String>, AuthorError> {
    let mut written = Vec::new();
    if !root.join("catalog").join("catalog.yaml").is_file() {
        written.extend(catalog_root(root, init)?);
    } else if init.national.is_some() {
        return Err(AuthorError::refused(
            "author-already-a-root",
            &[("root", root.display().to_string())],
        ));
    }
    for (name, _, schema) in editor::schemas(root).map_err(AuthorError::Schema)? {
        let relative = format!("{}/{name}", editor::FOLDER);
        let mut text = serde_json::to_string_pretty(&schema).expect("JSON values print");
        text.push('\n');
        write_replacing(root, &relative, &text)?;
        written.push(relative);
    }
    if init.vscode {
        let relative = ".vscode/settings.json";
        let existing = std::fs::read_to_string(root.join(relative)).ok();
        let text = editor::vscode_settings(existing.as_deref()).map_err(|why| {
            AuthorError::refused(
                "author-settings-by-hand",
                &[
                    ("file", relative.to_string()),
                    ("why", why),
                    (
                        "lines",
                        serde_json::to_string_pretty(&editor::vscode_associations())
                            .expect("JSON values print"),
                    ),
                ],
            )
        })?;
        write_replacing(root, relative, &text)?;
        written.push(relative.to_string());
        let extensions = ".vscode/extensions.json";
        if !root.join(extensions).exists() {
            write_new(
                root,
                extensions,
                "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n",
            )?;
            written.push(extensions.to_string());
        }
    }
    Ok(written)
}

fn catalog_root(root: &Path, init: &Init) -> Result<Vec<String>, AuthorError> {
    if init.title.trim().is_empty() {
        return Err(AuthorError::refused("author-empty-title", &[]));
    }
    let national = match init.national {
        Some(dir) => Some(national_folder(dir)?),
        None => None,
    };
    let mut written = Vec::new();
    let config = "catalog/catalog.yaml";
    let text = format!(
        "{}# 目录设置（docs/format.md, catalog/catalog.yaml），由 catalogc init 写出。\n\
         title: {}\n\
         language: {}\n\
         base_url: {}   # 门户发布的网址\n\
         schema_version: {FORMAT}\n\
         review_interval_days: 730   # 实施清单最长多少天须重新核验一次\n",
        editor::modeline(Kind::Config, config),
        scalar(init.title),
        scalar(init.language),
        scalar(init.base_url),
    );
    write_new(root, config, &text)?;
    written.push(config.to_string());
    match national {
        Some(from) => {
            for folder in ["national", "events", "registries"] {
                written.extend(copy_yaml(&from.join(folder), root, folder)?);
            }
        }
        None => {
            for (relative, text) in [
                (
                    "catalog/registries/laws.yaml",
                    "# 法规登记册：设定依据等引用的法律法规。\nlaws: []\n",
                ),
                (
                    "catalog/registries/certificates.yaml",
                    "# 电子证照目录：材料和结果引用的证照类型。\ncertificates: []\n",
                ),
            ] {
                write_new(root, relative, text)?;
                written.push(relative.to_string());
            }
            std::fs::create_dir_all(root.join("catalog/national"))
                .map_err(|e| AuthorError::Io("catalog/national".to_string(), e))?;
        }
    }
    std::fs::create_dir_all(root.join("catalog/regions"))
        .map_err(|e| AuthorError::Io("catalog/regions".to_string(), e))?;
    let ignore = ".gitignore";
    if !root.join(ignore).exists() {
        write_new(
            root,
            ignore,
            "# catalogc's output and its cache of parsed files\n/out/\n.catalogc-cache/\n",
        )?;
        written.push(ignore.to_string());
    }
    Ok(written)
}

/// The `catalog/` folder of the national catalog given as `--national` (a root or the folder).
fn national_folder(dir: &Path) -> Result<std::path::PathBuf, AuthorError> {
    [dir.join("catalog"), dir.to_path_buf()]
        .into_iter()
        .find(|d| d.join("catalog.yaml").is_file() && d.join("national").is_dir())
        .ok_or_else(|| {
            AuthorError::refused("author-no-national", &[("dir", dir.display().to_string())])
        })
}

/// Copy the `.yaml` files of `from` (one level) into `catalog/<folder>/` under `root`.
fn copy_yaml(from: &Path, root: &Path, folder: &str) -> Result<Vec<String>, AuthorError> {
    let mut names: Vec<String> = std::fs::read_dir(from)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    let mut written = Vec::new();
    for name in names {
        let relative = format!("catalog/{folder}/{name}");
        let text = std::fs::read_to_string(from.join(&name))
            .map_err(|e| AuthorError::Io(format!("{}", from.join(&name).display()), e))?;
        write_new(root, &relative, &text)?;
        written.push(relative);
    }
    Ok(written)
}
