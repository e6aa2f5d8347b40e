//! `catalogc merge --kind site`: the national site from build shards ([`super::shard`]). The
//! regions' folders are taken from the shards as they are; the national pages (index, item pages,
//! conformance matrix, search), the national open data (its tables' national parts, the data
//! package listing every region's parts, `catalog.json`, `catalog.jsonld`, the workbook) are made
//! from the national files of the catalog and the shards' summaries, by the same code as a whole
//! build, so the merged site is byte-identical to `build`'s. The attachments (`portal/files/`)
//! are the national documents' and those each shard published for its regions. The conformance report
//! (`reports/conformance.json`) is the diff's, merged by `merge --kind conformance`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::shard::{ShardFile, VERSION};
use super::units::region_dirs;
use super::{BuildError, Regions, Sink, Site, Summary, Written};
use crate::diagnostic::messages::Lang;
use crate::t;

/// Why shards cannot be merged (exit status 2); nothing is written.
#[derive(Debug)]
pub enum MergeError {
    /// A shard without a readable `shard.json` of this version.
    NotAShard {
        shard: PathBuf,
        why: NotAShard,
    },
    /// Two shards hold the same region.
    Overlap {
        region: String,
        first: PathBuf,
        second: PathBuf,
    },
    /// A shard built from other national files, schemas, templates or catalogc.
    OtherCatalog {
        shard: PathBuf,
    },
    /// Shards built with and without feeds.
    Feeds {
        shard: PathBuf,
    },
    /// A region of the catalog that no shard holds.
    Missing {
        region: String,
    },
    /// Two shards hold different bytes at the same path outside their regions' folders (an
    /// attachment under `portal/files/`, named by its content's hash).
    Conflict {
        path: String,
        first: PathBuf,
        second: PathBuf,
    },
    Build(BuildError),
}

/// Why a folder is not a build shard.
#[derive(Debug)]
pub enum NotAShard {
    /// `shard.json` cannot be read or parsed: the reader's message.
    Unreadable(String),
    /// `shard.json` of another version.
    Version(u32),
}

impl MergeError {
    /// What went wrong, in `lang` (`merge-site-…` in `locales/*/reports.ftl`).
    pub fn text(&self, lang: Lang) -> String {
        let shown = |path: &Path| path.display().to_string();
        match self {
            MergeError::NotAShard { shard, why } => {
                let why = match why {
                    NotAShard::Unreadable(error) => format!("shard.json: {error}"),
                    NotAShard::Version(version) => t!(
                        lang,
                        "merge-site-version",
                        version = *version,
                        expected = VERSION
                    ),
                };
                t!(
                    lang,
                    "merge-site-not-a-shard",
                    shard = shown(shard),
                    why = why
                )
            }
            MergeError::Overlap {
                region,
                first,
                second,
            } => t!(
                lang,
                "merge-site-overlap",
                region = region.as_str(),
                first = shown(first),
                second = shown(second)
            ),
            MergeError::OtherCatalog { shard } => {
                t!(lang, "merge-site-other-catalog", shard = shown(shard))
            }
            MergeError::Feeds { shard } => t!(lang, "merge-site-feeds", shard = shown(shard)),
            MergeError::Missing { region } => {
                t!(lang, "merge-site-missing", region = region.as_str())
            }
            MergeError::Conflict {
                path,
                first,
                second,
            } => t!(
                lang,
                "merge-site-conflict",
                path = path.as_str(),
                first = shown(first),
                second = shown(second)
            ),
            MergeError::Build(_) => t!(lang, "cli-error-build"),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for MergeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MergeError::Build(e) => Some(e),
            _ => None,
        }
    }
}

/// Read a shard's `shard.json`.
fn read(shard: &Path) -> Result<ShardFile, MergeError> {
    let not = |why: NotAShard| MergeError::NotAShard {
        shard: shard.to_path_buf(),
        why,
    };
    let text = std::fs::read_to_string(shard.join("shard.json"))
        .map_err(|e| not(NotAShard::Unreadable(e.to_string())))?;
    let file: ShardFile =
        serde_json::from_str(&text).map_err(|e| not(NotAShard::Unreadable(e.to_string())))?;
    if file.version != VERSION {
        return Err(not(NotAShard::Version(file.version)));
    }
    Ok(file)
}

/// Every file under `dir`, as paths relative to `base`, in name order.
fn files_under(base: &Path, dir: &str) -> Vec<String> {
    crate::load::walk_sorted(&base.join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            Some(
                e.path()
                    .strip_prefix(base)
                    .ok()?
                    .to_string_lossy()
                    .replace('\\', "/"),
            )
        })
        .collect()
}

/// The regions' columns on the national item pages, in a merge: taken out of each shard's
/// summaries as the shard is read, written to an unnamed temporary file (deleted by the system
/// when catalogc ends, however it ends), and read back one item at a time. They are most of a
/// summary (94 % of `shard.json` at 50k entries) and would be about 9 GB of JSON for the nation,
/// more than the merge can hold.
pub struct Columns {
    file: std::sync::Mutex<std::io::BufWriter<std::fs::File>>,
    /// Each item's columns: (region, offset, length), sorted by region once all are taken.
    at: BTreeMap<String, Vec<(String, u64, usize)>>,
    end: u64,
    /// Where the file is, for a message when it cannot be written or read.
    dir: std::path::PathBuf,
}

impl Columns {
    /// A new, empty file in `dir` (the output's folder, which has room for the site).
    pub fn new(dir: &std::path::Path) -> Result<Columns, BuildError> {
        // The system's temporary folder when the output's folder does not exist yet.
        let file = tempfile::tempfile_in(dir)
            .or_else(|_| tempfile::tempfile())
            .map_err(super::io(dir))?;
        Ok(Columns {
            file: std::sync::Mutex::new(std::io::BufWriter::new(file)),
            at: BTreeMap::new(),
            end: 0,
            dir: dir.to_path_buf(),
        })
    }

    /// Move `summary`'s columns to the file.
    pub fn take(&mut self, summary: &mut Summary) -> Result<(), BuildError> {
        self.take_seen(summary, &mut |_, _| ())
    }

    /// Move `summary`'s columns to the file, showing `seen` each item's code and column as JSON.
    pub fn take_seen(
        &mut self,
        summary: &mut Summary,
        seen: &mut dyn FnMut(&str, &[u8]),
    ) -> Result<(), BuildError> {
        for (item, column) in std::mem::take(&mut summary.columns) {
            let bytes = serde_json::to_vec(&column).unwrap_or_default();
            seen(&item, &bytes);
            self.put(item, &summary.code, &bytes)?;
        }
        Ok(())
    }

    /// Add region `region`'s column of item `item`, as the JSON `take` makes of it.
    pub fn put(&mut self, item: String, region: &str, bytes: &[u8]) -> Result<(), BuildError> {
        use std::io::Write;
        let file = self.file.get_mut().unwrap_or_else(|e| e.into_inner());
        file.write_all(bytes).map_err(super::io(&self.dir))?;
        self.at
            .entry(item)
            .or_default()
            .push((region.to_string(), self.end, bytes.len()));
        self.end += bytes.len() as u64;
        Ok(())
    }

    /// Ready the file for reading, once every summary is taken.
    pub fn finish(&mut self) -> Result<(), BuildError> {
        use std::io::Write;
        let file = self.file.get_mut().unwrap_or_else(|e| e.into_inner());
        file.flush().map_err(super::io(&self.dir))?;
        for columns in self.at.values_mut() {
            columns.sort();
        }
        Ok(())
    }

    /// The columns of item `code`, in region code order, as the JSON `take` made of them: what
    /// an item page is made from, hashed to know whether the page must be made again.
    pub(super) fn raw(&self, code: &str) -> Result<Vec<Vec<u8>>, BuildError> {
        use std::io::{Read, Seek};
        let Some(at) = self.at.get(code) else {
            return Ok(Vec::new());
        };
        let mut writer = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let file = writer.get_mut();
        at.iter()
            .map(|(_, offset, len)| {
                let mut bytes = vec![0; *len];
                file.seek(std::io::SeekFrom::Start(*offset))
                    .and_then(|_| file.read_exact(&mut bytes))
                    .map_err(super::io(&self.dir))?;
                Ok(bytes)
            })
            .collect()
    }

    /// The columns `raw` read, as values.
    pub(super) fn parse(&self, raw: &[Vec<u8>]) -> Result<Vec<serde_json::Value>, BuildError> {
        raw.iter()
            .map(|bytes| {
                serde_json::from_slice(bytes).map_err(|e| BuildError::Io {
                    path: self.dir.clone(),
                    error: std::io::Error::other(e),
                })
            })
            .collect()
    }
}

/// Merge `shards` into `out`. `site` is the catalog compiled from its national files alone;
/// `regions`, every region of the catalog (each must be in one shard).
pub fn merge(
    site: &mut Site<'_>,
    compiled: &crate::pipeline::Compiled,
    regions: &[String],
    shards: &[PathBuf],
    out: &Path,
) -> Result<Written, MergeError> {
    let mut files = Vec::new();
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut columns = Columns::new(super::output::folder_of(out)).map_err(MergeError::Build)?;
    for (i, shard) in shards.iter().enumerate() {
        let mut file = read(shard)?;
        for summary in &mut file.summaries {
            columns.take(summary).map_err(MergeError::Build)?;
        }
        for region in &file.regions {
            if let Some(&first) = owner.get(region) {
                return Err(MergeError::Overlap {
                    region: region.clone(),
                    first: shards[first].clone(),
                    second: shard.clone(),
                });
            }
            owner.insert(region.clone(), i);
        }
        files.push(file);
    }
    if let Some(region) = regions.iter().find(|r| !owner.contains_key(*r)) {
        return Err(MergeError::Missing {
            region: region.clone(),
        });
    }
    let feeds = files.first().is_some_and(|f| f.feeds);
    if let Some(i) = files.iter().position(|f| f.feeds != feeds) {
        return Err(MergeError::Feeds {
            shard: shards[i].clone(),
        });
    }
    site.feeds = feeds;
    let units = super::units::Units::new(site, &compiled.policy_document.source.text);
    let national = format!("{:032x}", units.national());
    if let Some(i) = files.iter().position(|f| f.national != national) {
        return Err(MergeError::OtherCatalog {
            shard: shards[i].clone(),
        });
    }
    columns.finish().map_err(MergeError::Build)?;
    let mut summaries: Vec<Summary> = files.into_iter().flat_map(|f| f.summaries).collect();
    summaries.sort_by(|a, b| a.code.cmp(&b.code));
    let codes: Vec<&str> = summaries.iter().map(|s| s.code.as_str()).collect();
    let attachments = attachments(site, shards)?;
    let site = &*site;
    super::output::build_with(out, site.reuse_pages, |sink| {
        national_files(
            site,
            &units,
            &Regions::Shards(&summaries, &columns),
            &codes,
            sink,
        )?;
        // The national feed is the same in every shard (each made it from the whole history).
        if feeds && let Some(shard) = shards.first() {
            let path = "portal/feed.xml";
            let bytes = std::fs::read(shard.join(path)).map_err(super::io(&shard.join(path)))?;
            sink.put(path.to_string(), bytes)?;
        }
        for (path, bytes) in attachments {
            sink.put(path, bytes)?;
        }
        for (region, &i) in &owner {
            for dir in region_dirs(region) {
                for path in files_under(&shards[i], &dir) {
                    let from = shards[i].join(&path);
                    let bytes = std::fs::read(&from).map_err(super::io(&from))?;
                    sink.put(path, bytes)?;
                }
            }
        }
        Ok(())
    })
    .map_err(MergeError::Build)
}

/// The attachments of the merged site: the national documents' (`site` is compiled from the
/// national files alone) and those each shard published for its regions, once each (a file's
/// name is its content's hash, so two shards that publish one form hold the same bytes).
fn attachments(
    site: &Site<'_>,
    shards: &[PathBuf],
) -> Result<BTreeMap<String, Vec<u8>>, MergeError> {
    let mut found: BTreeMap<String, (Vec<u8>, PathBuf)> = BTreeMap::new();
    for (path, bytes) in site.files.outputs(None).map_err(MergeError::Build)? {
        found.insert(path, (bytes, site.catalog.root.join("catalog")));
    }
    for shard in shards {
        for path in files_under(shard, "portal/files") {
            let from = shard.join(&path);
            let bytes = std::fs::read(&from)
                .map_err(super::io(&from))
                .map_err(MergeError::Build)?;
            match found.get(&path) {
                Some((other, _)) if *other == bytes => {}
                Some((_, first)) => {
                    return Err(MergeError::Conflict {
                        path,
                        first: first.clone(),
                        second: shard.clone(),
                    });
                }
                None => {
                    found.insert(path, (bytes, shard.clone()));
                }
            }
        }
    }
    Ok(found
        .into_iter()
        .map(|(path, (bytes, _))| (path, bytes))
        .collect())
}

/// The national pages and open data, from `regions`.
pub(super) fn national_files(
    site: &Site<'_>,
    units: &super::units::Units,
    regions: &Regions<'_>,
    codes: &[&str],
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    site.national_pages(sink, regions)?;
    for (path, bytes) in super::opendata::national_files(site, codes) {
        sink.put(path, bytes)?;
    }
    sink.put(
        "opendata/catalog.jsonld".to_string(),
        super::jsonld::national_document(site),
    )?;
    let reviewed = units.newest_reviewed(site, None);
    let bytes = super::workbook::national(site, reviewed).map_err(BuildError::Workbook)?;
    sink.put("opendata/catalog.xlsx".to_string(), bytes)
}
