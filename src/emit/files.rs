//! The attachments a build publishes: each file a document references (checked by
//! `load::attachments`), copied under its content hash as `portal/files/<sha256 prefix>.<ext>`
//! (`href` is relative to the portal root, as templates' `{{ root }}` is), so the
//! same form referenced from many entries is written once and a changed file gets a new name.
//!
//! The index is keyed by the attachment's value in the catalog's documents (its address), so a
//! page builder that holds a material line's `blank_form` finds its published file without
//! knowing which document (national item or which region's entry) stated it.
//!
//! Each published file knows the region folders whose documents reference it (none for a
//! national item's): a build shard (`build --region P`) publishes those of its regions, and
//! `merge --kind site` joins them with the national ones, so that the merged `portal/files/` is
//! the whole build's.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::load::attachments;
use crate::resolve::catalog::Catalog;

/// Hex digits of the SHA-256 in a published file's name: 64 bits, ample for one catalog.
const PREFIX: usize = 16;

/// One attachment as pages and open data show it.
#[derive(Clone, Debug, Serialize)]
pub struct Attachment<'a> {
    /// The name readers see (`name:`).
    pub name: &'a str,
    /// The published file, relative to the portal root: `files/<hash>.<ext>` (written to
    /// `portal/files/`).
    pub href: &'a str,
    pub media_type: &'static str,
    pub bytes: u64,
    /// A stand-in rather than the official form (`illustrative: true`).
    pub illustrative: bool,
}

/// A file that was read for publishing.
#[derive(Debug)]
struct Stored {
    href: String,
    media_type: &'static str,
    bytes: u64,
}

/// The attachments of a catalog, read once.
#[derive(Debug, Default)]
pub struct Files {
    /// Attachment value (address) → its published file.
    by_value: HashMap<usize, Stored>,
    /// The published files' contents, by path.
    contents: BTreeMap<String, Vec<u8>>,
    /// Each published file's owners: the region folders whose documents reference it, and `""`
    /// for the national files.
    owners: BTreeMap<String, BTreeSet<String>>,
    /// Files that could not be read (the check passed, so something changed since).
    errors: Vec<(std::path::PathBuf, std::io::Error)>,
}

impl Files {
    /// Read every attachment the valid documents reference that passes the attachment check
    /// (a path inside its folder, no link, the right type and size); others are left out.
    pub fn read(catalog: &Catalog) -> Files {
        let limit = crate::load::limits(&catalog.root).max_attachment_bytes;
        let mut files = Files::default();
        let mut by_path: HashMap<String, (String, &'static str, u64)> = HashMap::new();
        let stating =
            |d: &&crate::load::Document| d.valid && attachments::may_reference(&d.source.text);
        for document in catalog.documents.iter().filter(stating) {
            for reference in attachments::references(&document.json) {
                let object = reference
                    .pointer
                    .strip_suffix("/file")
                    .and_then(|p| document.json.pointer(p));
                let (Some(object), Ok(rel)) = (
                    object,
                    attachments::resolve(document.path(), reference.file),
                ) else {
                    continue;
                };
                let key = object as *const Value as usize;
                let owner = owner(document.path());
                if let Some((href, media_type, bytes)) = by_path.get(&rel) {
                    files
                        .owners
                        .entry(href.clone())
                        .or_default()
                        .insert(owner.to_string());
                    files.by_value.insert(
                        key,
                        Stored {
                            href: href.clone(),
                            media_type,
                            bytes: *bytes,
                        },
                    );
                    continue;
                }
                let Ok(checked) = attachments::inspect(&catalog.root, document.path(), &rel, limit)
                else {
                    continue;
                };
                let path = catalog.root.join(&rel);
                let mut content = Vec::with_capacity(checked.bytes as usize);
                if let Err(error) =
                    std::fs::File::open(&path).and_then(|f| f.take(limit).read_to_end(&mut content))
                {
                    files.errors.push((path, error));
                    continue;
                }
                let hash = Sha256::digest(&content);
                let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
                let href = format!("files/{}.{}", &hex[..PREFIX], checked.ext);
                let media_type = attachments::media_type(checked.ext);
                let bytes = content.len() as u64;
                by_path.insert(rel, (href.clone(), media_type, bytes));
                files.contents.entry(href.clone()).or_insert(content);
                files
                    .owners
                    .entry(href.clone())
                    .or_default()
                    .insert(owner.to_string());
                files.by_value.insert(
                    key,
                    Stored {
                        href,
                        media_type,
                        bytes,
                    },
                );
            }
        }
        files
    }

    /// Whether no attachment is published (then no page links one).
    pub fn is_empty(&self) -> bool {
        self.by_value.is_empty()
    }

    /// The published attachment for `value` (a `blank_form`, `example` or `sample_file` as the
    /// catalog's documents hold it), if its file is published.
    pub fn get<'a>(&'a self, value: Option<&'a Value>) -> Option<Attachment<'a>> {
        let value = value?;
        let stored = self.by_value.get(&(value as *const Value as usize))?;
        Some(Attachment {
            name: value
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default(),
            href: &stored.href,
            media_type: stored.media_type,
            bytes: stored.bytes,
            illustrative: value
                .get("illustrative")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    /// The files to write, sorted by path; an attachment that could not be read is an error.
    /// `regions`: only the files that documents of these region folders reference (a shard's);
    /// none: every file.
    pub fn outputs(
        &self,
        regions: Option<&[&str]>,
    ) -> Result<Vec<(String, Vec<u8>)>, super::BuildError> {
        if let Some((path, error)) = self.errors.first() {
            return Err(super::BuildError::Io {
                path: path.clone(),
                error: std::io::Error::new(error.kind(), error.to_string()),
            });
        }
        let wanted = |path: &String| match regions {
            None => true,
            Some(regions) => self
                .owners
                .get(path)
                .is_some_and(|owners| regions.iter().any(|r| owners.contains(*r))),
        };
        Ok(self
            .contents
            .iter()
            .filter(|(path, _)| wanted(path))
            .map(|(path, bytes)| (format!("portal/{path}"), bytes.clone()))
            .collect())
    }
}

/// The region folder of a document (`catalog/regions/<code>/…`), or `""` for a national one.
fn owner(document: &str) -> &str {
    document
        .strip_prefix("catalog/regions/")
        .and_then(|rest| rest.split_once('/'))
        .map_or("", |(region, _)| region)
}
