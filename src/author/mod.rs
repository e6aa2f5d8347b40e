//! The commands that write an editor's files: `init` (a catalog root, and editor support),
//! `new` (a region, an entry, a local item). They never overwrite a file that exists.
//!
//! Like `migrate`, this sits beside the pipeline rather than in it: it reads the compiled
//! catalog to know what a new file inherits, and writes YAML for a person to edit.

pub mod editor;
pub mod flow;
pub mod init;
pub mod new;

use std::path::{Path, PathBuf};

use crate::diagnostic::messages::{self, FluentArgs, Lang};
use crate::load::schema::SchemaError;
use crate::t;

/// Why an authoring command wrote nothing.
#[derive(Debug)]
pub enum AuthorError {
    /// The request cannot be carried out as asked: a message (`author-*` in the message files)
    /// that says why and what to do, with its arguments.
    Refused(&'static str, Vec<(&'static str, String)>),
    /// The file exists: catalogc does not overwrite an editor's file.
    Exists(String),
    Io(String, std::io::Error),
    Schema(SchemaError),
}

impl AuthorError {
    pub fn refused(id: &'static str, args: &[(&'static str, String)]) -> AuthorError {
        AuthorError::Refused(id, args.to_vec())
    }

    /// The error in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AuthorError::Refused(id, args) => {
                let mut fluent = FluentArgs::new();
                for (name, value) in args {
                    fluent.set(*name, value.clone());
                }
                messages::t(lang, id, Some(&fluent))
            }
            AuthorError::Exists(path) => t!(lang, "author-exists", path = path.as_str()),
            AuthorError::Io(path, error) => t!(
                lang,
                "author-cannot-write",
                path = path.as_str(),
                error = error.to_string()
            ),
            AuthorError::Schema(error) => error.to_string(),
        }
    }
}

impl std::fmt::Display for AuthorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for AuthorError {}

/// Write `text` into a temporary file in the folder of `relative` under `root` (created if
/// needed); returns the file's final path and the temporary one.
fn staged(root: &Path, relative: &str, text: &str) -> Result<(PathBuf, PathBuf), AuthorError> {
    let path = root.join(relative);
    let io = |e| AuthorError::Io(relative.to_string(), e);
    let dir = path
        .parent()
        .expect("a relative path names a file in a folder");
    std::fs::create_dir_all(dir).map_err(io)?;
    let temporary = dir.join(format!(
        ".{}.catalogc-new-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&temporary, text).map_err(io)?;
    Ok((path, temporary))
}

/// Write `text` to `relative` under `root`, creating its folders, only if no file is there: the
/// text goes to a temporary file first and is linked into place, which fails if the name exists,
/// so a file is never half-written and never replaced.
pub fn write_new(root: &Path, relative: &str, text: &str) -> Result<(), AuthorError> {
    if root.join(relative).exists() {
        return Err(AuthorError::Exists(relative.to_string()));
    }
    let (path, temporary) = staged(root, relative, text)?;
    let linked = std::fs::hard_link(&temporary, &path);
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(AuthorError::Exists(relative.to_string()))
        }
        Err(e) => Err(AuthorError::Io(relative.to_string(), e)),
    }
}

/// Write `text` to `relative` under `root`, replacing what is there, atomically (a temporary file
/// renamed over it): for files catalogc owns, such as the editor schemas.
pub fn write_replacing(root: &Path, relative: &str, text: &str) -> Result<(), AuthorError> {
    let (path, temporary) = staged(root, relative, text)?;
    std::fs::rename(&temporary, &path).map_err(|e| AuthorError::Io(relative.to_string(), e))
}
