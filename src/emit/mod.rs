//! Stage 5: emit the portal, the guides, the open data and the reports.
//!
//! `build` compiles the catalog one province at a time ([`unit`], then [`national_of_units`]; or
//! whole, [`emit`]) and refuses to publish while the catalog has errors. It writes every file into
//! a fresh temporary folder beside the output folder, and only when everything is written swaps
//! that folder in. A failed or interrupted build leaves the previous output as it was. Output
//! paths are made only of codes that passed their patterns (checked again here), never of free
//! catalog text.

pub mod files;
mod json;
mod jsonld;
pub mod memo;
pub mod merge;
mod opendata;
mod output;
mod portal;
pub mod shard;
pub mod templates;
pub mod units;
mod workbook;

pub use output::{build, build_with, folder_of};
pub use portal::{Regions, Summary};

use std::collections::{BTreeMap, BTreeSet};
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
    /// A shard (`build --region`): the regions' folders, the national feed and `shard.json`,
    /// without the national pages and open data ([`shard`]).
    pub shard: bool,
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
            shard: false,
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
    /// A build record (`.catalogc-cache/builds/`, [`memo`]) the build took a province from could
    /// not be read as it was written.
    Record {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The workbook (`opendata/catalog.xlsx`) could not be made.
    Workbook(rust_xlsxwriter::XlsxError),
    /// The caller stopped the build for a reason it reports itself (errors in the catalog).
    Stopped,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(_) => f.write_str("a template could not be rendered"),
            BuildError::Io { path, .. } => write!(f, "cannot write {}", path.display()),
            BuildError::UnsafePath(p) => write!(f, "refusing to write the output path `{p}`"),
            BuildError::Record { path, .. } => {
                write!(f, "cannot read the build record {}", path.display())
            }
            BuildError::Workbook(_) => f.write_str("the workbook could not be made"),
            BuildError::Stopped => f.write_str("the build was stopped"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Template(e) => Some(e),
            BuildError::Io { error, .. } | BuildError::Record { error, .. } => Some(error),
            BuildError::Workbook(e) => Some(e),
            BuildError::UnsafePath(_) | BuildError::Stopped => None,
        }
    }
}

impl From<TemplateError> for BuildError {
    fn from(e: TemplateError) -> BuildError {
        BuildError::Template(e)
    }
}

/// What writes a streamed file's bytes (see [`Sink::put_streamed`]).
pub type Streamed<'a> = &'a dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>;

/// Where rendered files go: a path under the output folder and the file's bytes. Called from
/// several threads at once.
pub trait Sink: Sync {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), BuildError>;

    /// A file written as `write` produces it, for the outputs that are too large to hold
    /// (`reports/conformance.json`: hundreds of MB at 50k entries). By default it is rendered
    /// into memory and `put`.
    fn put_streamed(&self, path: String, write: Streamed<'_>) -> Result<(), BuildError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(io(Path::new(&path)))?;
        self.put(path, bytes)
    }

    /// Files `paths`, rendered from inputs whose hash is `key`, are about to be made. True when
    /// the previous build made them from the same `key` and they were taken from it as they
    /// are (the caller then renders nothing); false when the caller must render and `put` them.
    fn reuse(&self, _key: u128, _paths: &[&str]) -> Result<bool, BuildError> {
        Ok(false)
    }

    /// Every file of `region` (under [`units::region_dirs`]), made from inputs whose hash is
    /// `key`, is about to be made. True when the previous build made them from the same `key`
    /// and the sink takes its folders as they are (the caller then makes none of them).
    fn reuse_region(&self, _region: &str, _key: u128) -> Result<bool, BuildError> {
        Ok(false)
    }

    /// Whether [`Sink::reuse_region`] would take `region`'s folders for `key`, without taking
    /// them.
    fn can_reuse_region(&self, _region: &str, _key: u128) -> bool {
        false
    }

    /// The file at `path` is about to be made, and the caller knows it would be `len` bytes whose
    /// xxh3 hash is `hash`: true when the previous output's file is exactly that and the sink
    /// takes it as it is (the caller then makes nothing).
    fn keep(&self, _path: &str, _len: u64, _hash: u128) -> Result<bool, BuildError> {
        Ok(false)
    }

    /// The previous output's file at `path` is known to be `len` bytes whose xxh3 hash is
    /// `hash`: a streamed file is then not compared with it byte by byte (the same length and
    /// hash are the same file, as for [`Sink::keep`]).
    fn previous_was(&self, _path: &str, _len: u64, _hash: u128) {}

    /// The previous output's file at `path`, opened for reading, if there is one.
    fn previous_file(&self, _path: &str) -> Option<std::fs::File> {
        None
    }
}

/// The length and xxh3 hash of a file's bytes.
pub fn file_hash(path: &Path) -> std::io::Result<(u64, u128)> {
    hash_of(std::fs::File::open(path)?)
}

/// The length and xxh3 hash of what `reader` reads, to its end.
pub fn hash_of(reader: impl std::io::Read) -> std::io::Result<(u64, u128)> {
    let mut reader = std::io::BufReader::with_capacity(1 << 20, reader);
    let mut hashing = memo::Hashing::new(std::io::sink());
    std::io::copy(&mut reader, &mut hashing)?;
    Ok(hashing.written())
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

/// An Atom feed of `changes` at `path` (under the portal).
fn feed(
    site: &Site<'_>,
    changes: Vec<crate::history::Change>,
    title: String,
    path: &str,
) -> Result<Vec<u8>, BuildError> {
    let context = crate::report::changelog::atom::feed_context(
        &changes,
        &title,
        &site.base_url,
        path,
        &page_of,
    );
    let xml = site.templates.render(
        "feed.xml",
        minijinja::Value::from(minijinja::value::Serde(&context)),
    )?;
    Ok(xml.into_bytes())
}

/// The national Atom feed of recent changes: every change once.
fn national_feed(site: &Site<'_>, log: &crate::history::Changelog) -> Result<Vec<u8>, BuildError> {
    feed(
        site,
        log.feed(None),
        format!("{}：最近变更", site.title),
        "feed.xml",
    )
}

/// A region's feed: every change of its effective entries, inherited ones included
/// ([`crate::history::Changelog::feed`]).
fn region_feed(
    site: &Site<'_>,
    log: &crate::history::Changelog,
    code: &str,
) -> Result<Vec<u8>, BuildError> {
    let name = site
        .catalog
        .regions
        .get(code)
        .map_or(code, |r| r.value.name.as_str());
    feed(
        site,
        log.feed(Some(code)),
        format!("{}：{}的最近变更", site.title, name),
        &format!("regions/{code}/feed.xml"),
    )
}

/// Render every file of the build into `sink`; `log` adds the Atom feeds. The national files
/// (the portal's national pages, the national open data, workbook and JSON-LD, the conformance
/// report and feed) and each region's files are made at the same time (each file's bytes do not
/// depend on which is first). A region whose inputs are those of the previous build
/// ([`units::Units::key`]) is not made at all when the sink can take it from that build
/// ([`Sink::reuse_region`]).
pub fn emit(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    use rayon::prelude::*;
    let regions = site.units();
    let units = units::Units::new(site, &compiled.policy_document.source.text);
    let pages = || site.national_pages(sink, &Regions::Here);
    let opendata = || -> Result<(), BuildError> {
        for (path, bytes) in opendata::national_files(site, &regions) {
            sink.put(path, bytes)?;
        }
        Ok(())
    };
    let jsonld = || {
        sink.put(
            "opendata/catalog.jsonld".to_string(),
            jsonld::national_document(site),
        )
    };
    let workbook = || {
        let reviewed = units.newest_reviewed(site, None);
        let bytes = workbook::national(site, reviewed).map_err(BuildError::Workbook)?;
        sink.put("opendata/catalog.xlsx".to_string(), bytes)
    };
    // A shard publishes the attachments its regions' documents reference; `merge --kind site`
    // adds the national ones.
    let attachments = || -> Result<(), BuildError> {
        let only = site.shard.then_some(regions.as_slice());
        for (path, bytes) in site.files.outputs(only)? {
            sink.put(path, bytes)?;
        }
        Ok(())
    };
    // Streamed to its file: at 50k entries it is larger than the rest of a build's memory.
    let report = || {
        let report = crate::report::diff::DiffReport::new(compiled, &[]);
        sink.put_streamed(
            "reports/conformance.json".to_string(),
            &|out: &mut dyn std::io::Write| report.write(crate::report::diff::Format::Json, out),
        )
    };
    let feed = || match log {
        Some(log) => sink.put("portal/feed.xml".to_string(), national_feed(site, log)?),
        None => Ok(()),
    };
    let national = || {
        if site.shard {
            return feed().and(attachments()).and_then(|()| {
                // Streamed, a few regions' summaries at a time: a province's is about 300 MB
                // of JSON at 1.5M entries.
                let chunk = 2 * rayon::current_num_threads();
                let file = shard::ShardFile {
                    version: shard::VERSION,
                    national: format!("{:032x}", units.national()),
                    feeds: site.feeds,
                    regions: regions.iter().map(|r| r.to_string()).collect(),
                    summaries: json::Seq(|| {
                        regions.chunks(chunk).flat_map(|some| {
                            some.par_iter().map(|r| site.summary(r)).collect::<Vec<_>>()
                        })
                    }),
                };
                sink.put_streamed("shard.json".to_string(), &|out| shard::write(out, &file))
            });
        }
        let ((a, (b, f)), ((c, d), e)) = rayon::join(
            || rayon::join(pages, || rayon::join(opendata, workbook)),
            || rayon::join(|| rayon::join(jsonld, report), feed),
        );
        a.and(b).and(f).and(c).and(d).and(e).and(attachments())
    };
    let bar = crate::progress::phase("生成办事指南", site.guided().count());
    let regional = || {
        regions
            .par_iter()
            .try_for_each(|code| region(site, &units, log, sink, code, &bar).map(|_| ()))
    };
    let (a, b) = rayon::join(national, regional);
    bar.finish();
    a.and(b)
}

/// The files of one compile unit of a build made a province at a time (`catalogc build`, see
/// `pipeline::units`), into `sink`: each region's files as [`emit`] makes them, and the
/// attachments of the unit's documents that no earlier unit published (`published`). Returns the
/// regions' summaries for the national pages, with their item-page columns moved to `columns`.
/// `site` is made from the unit's compiled catalog, for the unit's regions. What the national
/// files take from the unit is also written to `record`, when there is one ([`memo`]).
///
/// `previous` holds the key each region's files had in the unit's last build. A region whose key
/// is the same is not summarised: its summary is a function of the same inputs as its files, and
/// the caller takes it from that build's record. The second value names those regions.
#[allow(clippy::too_many_arguments)]
pub fn unit(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    sink: &dyn Sink,
    columns: &mut merge::Columns,
    published: &mut BTreeSet<String>,
    previous: &BTreeMap<String, u128>,
    mut record: Option<&mut memo::Record>,
) -> Result<(Vec<Summary>, BTreeSet<String>), BuildError> {
    use rayon::prelude::*;
    let regions = site.units();
    let units = units::Units::new(site, &compiled.policy_document.source.text);
    // One bar for each unit, between the reading bar's turns: named by the unit's first region.
    let name = regions.first().map_or(String::new(), |first| {
        let first = site
            .catalog
            .regions
            .get(*first)
            .map_or(*first, |r| r.value.name.as_str());
        match regions.len() {
            1 => format!("（{first}）"),
            n => format!("（{first}等{n}个地区）"),
        }
    });
    let bar = crate::progress::phase(&format!("生成办事指南{name}"), site.guided().count());
    let keys = regions
        .par_iter()
        .map(|code| region(site, &units, log, sink, code, &bar))
        .collect::<Result<Vec<u128>, BuildError>>()?;
    bar.finish();
    if let Some(record) = record.as_deref_mut() {
        for (code, key) in regions.iter().zip(&keys) {
            record.region(code, *key);
        }
    }
    let unchanged: BTreeSet<String> = regions
        .iter()
        .zip(&keys)
        .filter(|(code, key)| previous.get(**code) == Some(*key))
        .map(|(code, _)| code.to_string())
        .collect();
    let changed: Vec<&str> = regions
        .iter()
        .copied()
        .filter(|code| !unchanged.contains(*code))
        .collect();
    for (path, bytes) in site.files.outputs(Some(&regions))? {
        if let Some(record) = record.as_deref_mut() {
            record.attachment(&path, &bytes);
        }
        if published.insert(path.clone()) {
            sink.put(path, bytes)?;
        }
    }
    // A few regions' at a time, their columns moved out at once: a province's columns are
    // hundreds of MB as values (94 % of a summary).
    let mut summaries = Vec::with_capacity(changed.len());
    for some in changed.chunks(rayon::current_num_threads()) {
        let mut made: Vec<Summary> = some.par_iter().map(|r| site.summary(r)).collect();
        for summary in &mut made {
            match record.as_deref_mut() {
                Some(record) => {
                    let code = summary.code.clone();
                    columns.take_seen(summary, &mut |item, bytes| {
                        record.column(item, &code, bytes)
                    })?;
                    record.summary(summary);
                }
                None => columns.take(summary)?,
            }
        }
        summaries.extend(made);
    }
    Ok((summaries, unchanged))
}

/// The national files of a build made a province at a time, once every unit is made: the
/// national pages and open data from the units' `summaries` (as `merge --kind site` makes them
/// from shards), the national feed, the national documents' attachments and the conformance
/// report (`report` writes it). `site` is made from the national files compiled alone.
#[allow(clippy::too_many_arguments)]
pub fn national_of_units(
    site: &Site<'_>,
    compiled: &Compiled,
    log: Option<&crate::history::Changelog>,
    summaries: &[Summary],
    columns: &merge::Columns,
    published: &BTreeSet<String>,
    report: Option<Streamed<'_>>,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let units = units::Units::new(site, &compiled.policy_document.source.text);
    let codes: Vec<&str> = summaries.iter().map(|s| s.code.as_str()).collect();
    let rest = || -> Result<(), BuildError> {
        let (files, feed) = rayon::join(
            || {
                merge::national_files(
                    site,
                    &units,
                    &Regions::Shards(summaries, columns),
                    &codes,
                    sink,
                )
            },
            || match log {
                Some(log) => sink.put("portal/feed.xml".to_string(), national_feed(site, log)?),
                None => Ok(()),
            },
        );
        files.and(feed)?;
        for (path, bytes) in site.files.outputs(None)? {
            if !published.contains(&path) {
                sink.put(path, bytes)?;
            }
        }
        Ok(())
    };
    let Some(report) = report else {
        return rest();
    };
    // The report (hundreds of MB, written by one thread) beside everything else.
    std::thread::scope(|scope| {
        let rest = scope.spawn(rest);
        let written = sink.put_streamed(REPORT.to_string(), report);
        let rest = rest
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        rest.and(written)
    })
}

/// Where the conformance report is written, under the output folder.
pub const REPORT: &str = "reports/conformance.json";

/// One region's files, unless the sink takes them from the previous build; the key of its
/// inputs ([`units::Units::key`]).
fn region(
    site: &Site<'_>,
    units: &units::Units,
    log: Option<&crate::history::Changelog>,
    sink: &dyn Sink,
    code: &str,
    bar: &crate::progress::Phase,
) -> Result<u128, BuildError> {
    let feed = log.map(|log| region_feed(site, log, code)).transpose()?;
    let key = units.key(site, code, feed.as_deref());
    if sink.reuse_region(code, key)? {
        bar.inc(site.guided_in(code).count() as u64);
        return Ok(key);
    }
    let data = || -> Result<(), BuildError> {
        for (path, bytes) in opendata::region_files(site, code) {
            sink.put(path, bytes)?;
        }
        sink.put(
            format!("opendata/regions/{code}/catalog.jsonld"),
            jsonld::region_document(site, code),
        )?;
        let reviewed = units.newest_reviewed(site, Some(code));
        let bytes = workbook::region(site, code, reviewed).map_err(BuildError::Workbook)?;
        sink.put(format!("opendata/regions/{code}/catalog.xlsx"), bytes)?;
        if let Some(feed) = feed {
            sink.put(format!("portal/regions/{code}/feed.xml"), feed)?;
        }
        Ok(())
    };
    let (a, b) = rayon::join(|| site.region_pages(sink, code, bar), data);
    a.and(b).map(|()| key)
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
