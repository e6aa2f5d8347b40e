//! The command line: argument definitions and one function per command.
//!
//! Every command returns an exit [`Status`]; only `main` exits. Problems in the catalog change the
//! status (1); problems that stop catalogc from running at all are an `Err` (status 2).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::check;
use crate::diagnostic::Summary;
use crate::diagnostic::messages::Lang;
use crate::load::git::GitError;
use crate::load::schema::SchemaError;
use crate::pipeline::{self, Compiled, Options};
use crate::report::{self, Format};
use crate::t;

mod build;
mod generate;

#[derive(Parser, Debug)]
#[command(
    name = "catalogc",
    version,
    about = "Compile, check and measure a government service catalog (政务服务事项目录)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate every file, resolve regions, run the rules and the conformance policy.
    Check {
        #[command(flatten)]
        common: Common,
        /// How to print the findings (sarif and gitlab are for code-scanning dashboards).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with status 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Only check what changed since this git revision (committed or not), and what depends on
        /// it; or, given a range `A..HEAD` (`A...HEAD`: from the merge base), what those commits
        /// changed, without looking for uncommitted changes.
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        #[command(flatten)]
        repair: Repair,
        /// Write the report to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Measure each region against the national standard.
    Diff {
        #[command(flatten)]
        common: Common,
        /// Only these national items (by code).
        #[arg(long = "item", value_name = "CODE")]
        items: Vec<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Write the report to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Join the shards of a check or a diff run one province each (`--region P --format shard`)
    /// into the national result, as the unsharded run writes it.
    Merge {
        /// What the shards hold.
        #[arg(long, value_enum)]
        kind: crate::merge::Kind,
        /// The report's format (`--kind findings`; conformance is written as `diff --format json`).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with status 1 on warnings too (`--kind findings`).
        #[arg(long)]
        deny_warnings: bool,
        /// Write the result to this file instead of standard output (`--kind site`: the output
        /// folder, required).
        #[arg(
            short = 'o',
            long = "output",
            visible_alias = "out",
            value_name = "OUT"
        )]
        output: Option<PathBuf>,
        /// The shard files, one or more per province (every province exactly once); for
        /// `--kind site`, the output folders of `build --region P`.
        #[arg(required = true, value_name = "SHARD")]
        shards: Vec<PathBuf>,
        /// `--kind site`: the catalog root the shards were built from (its national files make
        /// the national pages); found upwards from here if absent.
        #[arg(long)]
        root: Option<PathBuf>,
        /// `--kind site`: the reference date the shards were built with.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// `--kind site`: the templates the shards were built with.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// `--kind site`: write every file again, taking none from the previous output.
        #[arg(long)]
        no_cache: bool,
        /// The language of messages: zh (中文) or en; default: the language of the catalog at
        /// `--root` or found from here, else zh.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Check, then write the portal, the guides, the open data and the reports.
    Build {
        #[command(flatten)]
        common: Common,
        /// The output folder (default: out/ under the catalog root).
        #[arg(long)]
        out: Option<PathBuf>,
        /// A folder of templates that override the catalog's and the built-in ones.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Preview the build on 127.0.0.1: rebuilt when a file changes, the open page reloaded, and
    /// the errors shown on the page while the catalog has any.
    Serve {
        #[command(flatten)]
        common: Common,
        /// The port on 127.0.0.1; 0 picks a free one (the address is printed).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// A folder of templates that override the catalog's and the built-in ones.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// The changes between two revisions, in the catalog's terms (needs git).
    Changelog {
        /// A revision range, such as `HEAD~5..HEAD` or `v1..v2`.
        range: String,
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value_t = ChangelogFormat::Text)]
        format: ChangelogFormat,
    },
    /// Rewrite a catalog written for the previous format so that it means the same now
    /// (comments and layout kept); prints what it changes.
    Migrate {
        #[command(flatten)]
        common: Common,
        /// Print the changes as a unified diff and write nothing.
        #[arg(long)]
        diff: bool,
    },
    /// Set up a catalog root (here, or in DIR) ready for `new` and `import`, and editor support.
    Init {
        /// The folder to set up (default: the working directory).
        dir: Option<PathBuf>,
        /// The catalog's title (catalog.yaml `title`).
        #[arg(long, default_value = "政务服务事项实施清单")]
        title: String,
        /// The language of the catalog and its pages.
        #[arg(long, default_value = "zh-CN")]
        language: String,
        /// Where the portal will be published.
        #[arg(long, default_value = "https://example.invalid/")]
        base_url: String,
        /// Copy the national items, events and registries from this catalog (the national
        /// office's, a catalog root or its catalog/ folder).
        #[arg(long, value_name = "DIR")]
        national: Option<PathBuf>,
        /// Also write the editor's settings: the schema associations of VS Code's YAML extension.
        #[arg(long, value_enum)]
        editor: Option<Editor>,
    },
    /// Write a new region, entry or local item for an editor to fill in (never overwrites).
    New {
        #[command(subcommand)]
        what: New,
    },
    /// A language server on stdin/stdout: catalogc's findings in the editor as you type.
    Lsp {
        /// The catalog root (default: found from the workspace the editor opens).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Import a 实施清单 spreadsheet (XLSX or CSV) as the region's entries, with a report of
    /// what matched the standard and what needs a person.
    Import {
        /// The spreadsheet: an .xlsx workbook (its first sheet) or a .csv file.
        file: PathBuf,
        /// The catalog root (a folder holding catalog/catalog.yaml); found upwards from here if absent.
        #[arg(long)]
        root: Option<PathBuf>,
        /// The region whose entries the rows are (its folder under catalog/regions/).
        #[arg(long, value_name = "REGION")]
        region: String,
        /// A YAML file mapping the province's own headers to the national column names.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Overwrite entries that exist.
        #[arg(long)]
        force: bool,
        /// Print the report and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The `reviewed` date of the new entries (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        reviewed: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write a region's effective entries in the spreadsheet layout `import` reads.
    Export {
        /// The catalog root (a folder holding catalog/catalog.yaml); found upwards from here if absent.
        #[arg(long)]
        root: Option<PathBuf>,
        /// The region to export.
        #[arg(long, value_name = "REGION")]
        region: String,
        /// The file to write: .xlsx or .csv (default: <REGION>.xlsx here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the page of a rule: what it checks, why, and examples.
    Explain {
        /// A rule code: CAT101, cat101 or 101.
        code: String,
        /// zh or en; default: the language of the catalog found here, else zh.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// zh or en; default: the language of the catalog found here, else zh.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Print the shell completion script for SHELL (e.g. `catalogc completions bash >
    /// /usr/share/bash-completion/completions/catalogc`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page catalogc.1, or write one page per command into a folder.
    Man {
        /// Write catalogc.1 and catalogc-<command>.1 into this folder instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// What `catalogc new` writes.
#[derive(Subcommand, Debug)]
pub enum New {
    /// A region: catalog/regions/<CODE>/region.yaml.
    Region {
        /// The GB/T 2260 code, such as 330100.
        code: String,
        /// Its name, such as 杭州市.
        #[arg(long)]
        name: String,
        /// The parent region (default: the city, else the province, that the code lies under).
        #[arg(long)]
        parent: Option<String>,
        /// province, city, county or township (default: from the shape of the code).
        #[arg(long)]
        level: Option<String>,
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// A region's entry for a national item, listing what it inherits.
    Entry {
        #[arg(long)]
        region: String,
        /// The national item's code.
        #[arg(long)]
        item: String,
        /// The implementing department's name (实施主体).
        #[arg(long)]
        department: Option<String>,
        /// Its 18-character unified social credit code (also writes the task_code).
        #[arg(long)]
        credit_code: Option<String>,
        /// The enquiry phone number (咨询电话).
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// An item only this region has (a local item).
    Item {
        #[arg(long)]
        region: String,
        /// The local code, such as 330100001001.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// The editors `init --editor` sets up.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Editor {
    /// VS Code with Red Hat's YAML extension (yaml-language-server).
    Vscode,
}

#[derive(clap::Args, Debug)]
pub struct Common {
    /// The catalog root (a folder holding catalog/catalog.yaml); found upwards from here if absent.
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Only report on this region (repeatable); national files are always reported.
    #[arg(long = "region", value_name = "REGION")]
    pub regions: Vec<String>,
    /// Reference date (YYYY-MM-DD) for review intervals and exception expiry; default today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Do not read or write the cache of parsed files (`.catalogc-cache/` under the root); `build`
    /// also renders every page, reusing none from the previous output.
    #[arg(long)]
    pub no_cache: bool,
    /// The language of messages and reports: zh (中文) or en; default: the catalog's `language`.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// `check`, `diff`, `build` and `changelog`: compile the whole catalog at once instead of one
    /// province at a time (the same output; for tests that compare the two).
    #[arg(long, hide = true)]
    pub whole_catalog: bool,
    /// `changelog` and `build`: compile at most this many files of region folders at once when
    /// a commit reaches every province (for tests of the parts a province is split into).
    #[arg(long, hide = true, value_name = "FILES")]
    pub part_files: Option<usize>,
}

/// `--lang zh`, `zh-CN`, `en` ….
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_tag(value)
        .ok_or_else(|| format!("`{value}` is not a language catalogc speaks: use zh or en"))
}

/// `check`'s repairs and acknowledgements (issue 16).
#[derive(clap::Args, Debug, Default)]
pub struct Repair {
    /// Apply the safe fixes the findings carry (comments and layout kept), report what changed,
    /// then check again.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the fixes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub diff: bool,
    /// Record every current finding in .catalogc-baseline.json at the catalog root, so that
    /// from now on only new findings fail.
    #[arg(long)]
    pub write_baseline: bool,
    /// The reason the baseline records for its findings.
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "采用 catalogc 时已有的存量问题，逐步整改"
    )]
    pub baseline_reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    /// A shard for `catalogc merge --kind conformance` (with `--region`).
    Shard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChangelogFormat {
    Text,
    Json,
    Markdown,
    Atom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// The exit status of a command that ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Success = 0,
    Findings = 1,
}

/// Why catalogc could not run (exit status 2).
#[derive(Debug)]
pub enum Error {
    NoRoot(PathBuf),
    Schema(SchemaError),
    UnknownCode(String),
    BadDate(String),
    /// A `--region` that names no folder in catalog/regions/, and the closest one that exists.
    UnknownRegion(String, Option<String>),
    /// A `--item` that names no national item, and the closest one that exists.
    UnknownItem(String, Option<String>),
    Build(crate::emit::BuildError),
    Templates(crate::emit::templates::TemplateError),
    Git(GitError),
    Migrate(std::io::Error),
    Author(crate::author::AuthorError),
    Lsp(String),
    /// `import` or `export` could not run (a broken schema, a failed write).
    Onboard(String),
    /// The man pages or a completion script could not be written.
    Man(std::io::Error),
    /// `check --fix` or `--write-baseline` could not write.
    Write(std::io::Error),
    Serve(crate::serve::ServeError),
    /// `merge` refused its shards, or a shard could not be written.
    Merge(crate::merge::MergeError),
    /// `merge --kind site` refused its shards.
    MergeSite(crate::emit::merge::MergeError),
}

impl Error {
    /// The error in `lang`, from the message files (`cli-error-*`).
    pub fn text(&self, lang: Lang) -> String {
        let closest = |closest: &Option<String>| match closest {
            Some(near) => t!(lang, "cli-error-did-you-mean", near = near.as_str()),
            None => t!(lang, "cli-error-none-exist"),
        };
        match self {
            Error::NoRoot(dir) => t!(lang, "cli-error-no-root", dir = dir.display().to_string()),
            Error::Schema(error) => error.to_string(),
            Error::UnknownCode(code) => t!(lang, "cli-error-unknown-code", code = code.as_str()),
            Error::BadDate(date) => t!(lang, "cli-error-bad-date", date = date.as_str()),
            Error::UnknownRegion(region, near) => {
                t!(lang, "cli-error-unknown-region", region = region.as_str()) + &closest(near)
            }
            Error::UnknownItem(item, near) => {
                t!(lang, "cli-error-unknown-item", item = item.as_str()) + &closest(near)
            }
            Error::Git(GitError::NotARepository(root)) => t!(
                lang,
                "cli-error-not-a-repository",
                root = root.display().to_string()
            ),
            Error::Git(GitError::RangeNotAtHead(range)) => {
                t!(lang, "cli-error-range-not-at-head", range = range.as_str())
            }
            Error::Git(_) => t!(lang, "cli-error-git"),
            Error::Templates(_) => t!(lang, "cli-error-templates"),
            Error::Migrate(_) => t!(lang, "cli-error-migrate"),
            Error::Onboard(message) => message.clone(),
            Error::Man(_) => t!(lang, "cli-error-man"),
            Error::Write(_) => t!(lang, "cli-error-write"),
            Error::Build(_) => t!(lang, "cli-error-build"),
            Error::Author(error) => t!(lang, "cli-error-author", error = error.text(lang)),
            Error::Lsp(error) => t!(lang, "cli-error-lsp", error = error.as_str()),
            Error::Serve(crate::serve::ServeError::Bind(port, _)) => {
                t!(lang, "cli-error-serve-bind", port = port.to_string())
            }
            Error::Serve(crate::serve::ServeError::Watch(_)) => t!(lang, "cli-error-serve-watch"),
            Error::Merge(error) => error.text(lang),
            Error::MergeSite(error) => t!(lang, "cli-error-merge", error = error.text(lang)),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Schema(e) => Some(e),
            Error::Build(e) => Some(e),
            Error::Templates(e) => Some(e),
            Error::Migrate(e) | Error::Man(e) | Error::Write(e) => Some(e),
            Error::Serve(e) => std::error::Error::source(e),
            Error::Merge(e) => std::error::Error::source(e),
            Error::Git(GitError::NotARepository(_) | GitError::RangeNotAtHead(_)) => None,
            Error::Git(e) => Some(e),
            Error::NoRoot(_)
            | Error::Author(_)
            | Error::Lsp(_)
            | Error::Onboard(_)
            | Error::UnknownCode(_)
            | Error::BadDate(_)
            | Error::UnknownRegion(..)
            | Error::UnknownItem(..) => None,
            Error::MergeSite(_) => None,
        }
    }
}

impl From<GitError> for Error {
    fn from(error: GitError) -> Error {
        Error::Git(error)
    }
}

impl From<SchemaError> for Error {
    fn from(error: SchemaError) -> Error {
        Error::Schema(error)
    }
}

/// [`root`] for a command that takes only `--root`.
fn root_at(dir: Option<PathBuf>) -> Result<PathBuf, Error> {
    root(&Common {
        root: dir,
        regions: Vec::new(),
        as_of: None,
        no_cache: false,
        lang: None,
        whole_catalog: false,
        part_files: None,
    })
}

fn root(common: &Common) -> Result<PathBuf, Error> {
    match &common.root {
        Some(root) if root.join("catalog").join("catalog.yaml").is_file() => Ok(root.clone()),
        Some(root) => Err(Error::NoRoot(root.clone())),
        None => {
            let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            crate::load::find_root(&here).ok_or(Error::NoRoot(here))
        }
    }
}

/// The names of the entries of `dir` that `name_of` keeps, sorted; none when it cannot be read.
fn names_in(dir: &Path, name_of: impl Fn(&std::fs::DirEntry) -> Option<String>) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| name_of(&entry))
        .collect();
    names.sort();
    names
}

/// The number of single-character insertions, deletions and substitutions from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The known name closest to `wanted`: the fewest edits, then the longest common prefix, then the
/// first in order.
fn closest(wanted: &str, known: &[String]) -> Option<String> {
    let common_prefix = |name: &str| {
        wanted
            .chars()
            .zip(name.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    known
        .iter()
        .min_by_key(|name| {
            (
                edit_distance(wanted, name),
                std::cmp::Reverse(common_prefix(name)),
            )
        })
        .cloned()
}

/// Every `--region` must name a folder in catalog/regions/: a typo would otherwise report on
/// nothing and look like a clean region.
fn known_regions(root: &Path, regions: &[String]) -> Result<(), Error> {
    if regions.is_empty() {
        return Ok(());
    }
    let known = names_in(&root.join("catalog").join("regions"), |entry| {
        let name = entry.file_name().into_string().ok()?;
        (entry.file_type().ok()?.is_dir() && !name.starts_with('.')).then_some(name)
    });
    match regions.iter().find(|r| !known.contains(r)) {
        Some(region) => Err(Error::UnknownRegion(
            region.clone(),
            closest(region, &known),
        )),
        None => Ok(()),
    }
}

/// Every `--item` must name a national item (catalog/national/<code>.yaml).
fn known_items(root: &Path, items: &[String]) -> Result<(), Error> {
    if items.is_empty() {
        return Ok(());
    }
    let known = names_in(&root.join("catalog").join("national"), |entry| {
        let name = entry.file_name().into_string().ok()?;
        let code = name.strip_suffix(".yaml")?;
        entry.file_type().ok()?.is_file().then(|| code.to_string())
    });
    match items.iter().find(|i| !known.contains(i)) {
        Some(item) => Err(Error::UnknownItem(item.clone(), closest(item, &known))),
        None => Ok(()),
    }
}

fn options(common: &Common) -> Result<Options, Error> {
    let as_of = match &common.as_of {
        Some(date) => Some(crate::dates::parse(date).ok_or_else(|| Error::BadDate(date.clone()))?),
        None => None,
    };
    Ok(Options {
        as_of,
        regions: common.regions.clone(),
        selection: None,
        cache: !common.no_cache,
        skip_rules: false,
        lang: common.lang,
        whole_catalog: common.whole_catalog,
        part_files: common.part_files,
        whole_units: false,
        memo: false,
        own_folders: None,
    })
}

/// The language of a run on the catalog at `root`: `--lang`, else the catalog's `language`.
fn lang_of(root: &Path, lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(|| crate::load::language(root))
}

/// The language of a command that needs no catalog (`explain`, `rules`): `--lang`, else the
/// language of the catalog found from the working directory, else Chinese.
fn lang_here(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|dir| crate::load::find_root(&dir))
            .map_or_else(Lang::default, |root| crate::load::language(&root))
    })
}

fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// What a command ends with: its exit status and, for the commands that compiled the catalog,
/// the compiled catalog itself, handed back so that the binary decides when to free it (see
/// `main.rs`).
pub struct Outcome {
    pub status: Status,
    pub compiled: Option<Compiled>,
}

impl From<Status> for Outcome {
    fn from(status: Status) -> Outcome {
        Outcome {
            status,
            compiled: None,
        }
    }
}

impl Outcome {
    fn with(status: Status, compiled: Compiled) -> Outcome {
        Outcome {
            status,
            compiled: Some(compiled),
        }
    }
}

/// The language to report an error of `cli` in: its `--lang`, else the language of the catalog
/// it names with `--root` or finds from the working directory, else Chinese.
pub fn error_lang(cli: &Cli) -> Lang {
    let (lang, dir) = match &cli.command {
        Command::Check { common, .. }
        | Command::Diff { common, .. }
        | Command::Build { common, .. }
        | Command::Changelog { common, .. }
        | Command::Migrate { common, .. }
        | Command::Serve { common, .. } => (common.lang, common.root.clone()),
        Command::Explain { lang, .. } | Command::Rules { lang, .. } => (*lang, None),
        Command::Merge { lang, root, .. } => (*lang, root.clone()),
        _ => (None, None),
    };
    lang.unwrap_or_else(|| {
        let here = dir.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
        crate::load::find_root(&here)
            .map_or_else(Lang::default, |root| crate::load::language(&root))
    })
}

pub fn run(cli: Cli) -> Result<Outcome, Error> {
    match cli.command {
        Command::Check {
            common,
            format,
            deny_warnings,
            since,
            repair,
            output,
        } => {
            crate::progress::enable_on_terminal();
            let root = root(&common)?;
            let mut options = options(&common)?;
            known_regions(&root, &options.regions)?;
            let lang = lang_of(&root, options.lang);
            let mut extra = Vec::new();
            let mut review = None;
            if let Some(rev) = since {
                let git = crate::load::git::Git::open(&root)
                    .ok_or_else(|| GitError::NotARepository(root.clone()))?;
                // `A..B` (or `A...B`): the commits' changes only; a revision: everything since it,
                // committed or not.
                let range = rev.contains("..");
                let (base, changed) = if range {
                    git.changed_in(&rev)?
                } else {
                    (rev.clone(), git.changed_since(&rev)?)
                };
                let selection = crate::load::since::select(&root, &changed, lang);
                eprintln!(
                    "{}",
                    t!(
                        lang,
                        "report-since",
                        rev = rev.as_str(),
                        count = changed.len()
                    )
                );
                if range {
                    eprintln!("  {}", t!(lang, "report-since-range"));
                }
                for reason in &selection.reasons {
                    eprintln!("  {reason}");
                }
                let revised = crate::load::since::revised(&git, &base, &root, &changed)?;
                extra = crate::check::stale_reviews(&revised, lang);
                options.selection = Some(selection);
                review = Some(revised);
            }
            if repair.write_baseline && (options.selection.is_some() || !options.regions.is_empty())
            {
                return Err(Error::Write(std::io::Error::other(
                    "--write-baseline records the whole catalog: run it without --since and --region",
                )));
            }
            if repair.fix {
                let compiled = pipeline::compile(&root, &options)?;
                let fixes = crate::fix::plan(&compiled);
                drop(compiled);
                if repair.diff {
                    print!("{}", crate::fix::diff(&fixes));
                    let n: usize = fixes.iter().map(|f| f.applied.len()).sum();
                    eprintln!(
                        "{n} fix(es) in {} file(s); nothing written (--diff)",
                        fixes.len()
                    );
                    return Ok(Status::Success.into());
                }
                crate::fix::write(&root, &fixes).map_err(Error::Write)?;
                for fix in &fixes {
                    for line in &fix.applied {
                        eprintln!("fixed {line}");
                    }
                }
                eprintln!("{} file(s) fixed; checking again", fixes.len());
            }
            let outcome = run_check(
                &root,
                &options,
                format,
                deny_warnings,
                extra,
                review,
                &repair,
                output.as_deref(),
            )?;
            Ok(outcome)
        }
        Command::Build {
            common,
            out,
            templates,
        } => {
            crate::progress::enable_on_terminal();
            let root = root(&common)?;
            let options = options(&common)?;
            known_regions(&root, &options.regions)?;
            let out = out.unwrap_or_else(|| root.join("out"));
            run_build(&root, &options, &out, templates.as_deref())
        }
        Command::Serve {
            common,
            port,
            templates,
        } => {
            let root = root(&common)?;
            let options = options(&common)?;
            known_regions(&root, &options.regions)?;
            let config = crate::serve::Config::new(root, options, templates, port);
            crate::serve::run(config).map_err(Error::Serve)?;
            Ok(Status::Success.into())
        }
        Command::Diff {
            common,
            items,
            format,
            output,
        } => {
            let root = root(&common)?;
            let options = options(&common)?;
            known_regions(&root, &options.regions)?;
            known_items(&root, &items)?;
            run_diff(&root, &options, &items, format, output.as_deref())
        }
        Command::Merge {
            kind: crate::merge::Kind::Site,
            output,
            shards,
            root: dir,
            as_of,
            templates,
            no_cache,
            lang,
            ..
        } => {
            let common = Common {
                root: dir,
                regions: Vec::new(),
                as_of,
                no_cache,
                lang,
                whole_catalog: false,
                part_files: None,
            };
            let root = root(&common)?;
            let options = options(&common)?;
            let Some(out) = output else {
                return Err(Error::Merge(crate::merge::MergeError::Usage(
                    "merge-usage-site-output",
                )));
            };
            run_merge_site(&root, &options, &shards, &out, templates.as_deref())
        }
        Command::Merge {
            kind,
            format,
            deny_warnings,
            output,
            shards,
            ..
        } => run_merge(kind, format, deny_warnings, output.as_deref(), &shards),
        Command::Changelog {
            range,
            common,
            format,
        } => run_changelog(&root(&common)?, &options(&common)?, &range, format).map(Outcome::from),
        Command::Migrate { common, diff } => {
            let root = root(&common)?;
            run_migrate(&root, &options(&common)?, diff).map(Outcome::from)
        }
        Command::Init {
            dir,
            title,
            language,
            base_url,
            national,
            editor,
        } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            let init = crate::author::init::Init {
                title: &title,
                language: &language,
                base_url: &base_url,
                national: national.as_deref(),
                vscode: matches!(editor, Some(Editor::Vscode)),
            };
            let written = crate::author::init::init(&dir, &init).map_err(Error::Author)?;
            for file in &written {
                println!("wrote {file}");
            }
            Ok(Status::Success.into())
        }
        Command::New { what } => run_new(what).map(Outcome::from),
        Command::Lsp { root } => match crate::lsp::serve(root) {
            Ok(()) => Ok(Status::Success.into()),
            Err(error) => Err(Error::Lsp(error.to_string())),
        },
        Command::Import {
            file,
            root: dir,
            region,
            mapping,
            force,
            dry_run,
            reviewed,
            format,
        } => {
            crate::progress::enable_on_terminal();
            let root = root_at(dir)?;
            known_regions(&root, std::slice::from_ref(&region))?;
            let reviewed = match reviewed {
                Some(date) => {
                    crate::dates::parse(&date).ok_or(Error::BadDate(date.clone()))?;
                    date
                }
                None => crate::dates::format(crate::dates::today()),
            };
            let request = crate::onboard::import::Request {
                file,
                region,
                mapping: Default::default(),
                force,
                dry_run,
                reviewed,
                as_of: None,
            };
            let json = format == ListFormat::Json;
            let ok = crate::onboard::import::command(&root, request, mapping.as_deref(), json)
                .map_err(Error::Onboard)?;
            Ok(if ok {
                Status::Success
            } else {
                Status::Findings
            }
            .into())
        }
        Command::Export {
            root: dir,
            region,
            out,
        } => {
            let root = root_at(dir)?;
            known_regions(&root, std::slice::from_ref(&region))?;
            let out = out.unwrap_or_else(|| PathBuf::from(format!("{region}.xlsx")));
            let ok =
                crate::onboard::export::command(&root, &region, &out).map_err(Error::Onboard)?;
            Ok(if ok {
                Status::Success
            } else {
                Status::Findings
            }
            .into())
        }
        Command::Explain { code, lang } => {
            let rule = check::find(&code).ok_or(Error::UnknownCode(code))?;
            print!("{}", rule.page(lang_here(lang)));
            Ok(Status::Success.into())
        }
        Command::Rules { format, lang } => {
            print!("{}", list_rules(format, lang_here(lang)));
            Ok(Status::Success.into())
        }
        Command::Completions { shell } => {
            generate::completions(shell).map_err(Error::Man)?;
            Ok(Status::Success.into())
        }
        Command::Man { out } => {
            for page in generate::man(out.as_deref()).map_err(Error::Man)? {
                eprintln!("wrote {}", page.display());
            }
            Ok(Status::Success.into())
        }
    }
}

fn run_new(what: New) -> Result<Status, Error> {
    use crate::author::new;
    let root_of = |dir: Option<PathBuf>| {
        root(&Common {
            root: dir,
            regions: Vec::new(),
            as_of: None,
            no_cache: true,
            lang: None,
            whole_catalog: false,
            part_files: None,
        })
    };
    let written = match what {
        New::Region {
            code,
            name,
            parent,
            level,
            root,
        } => new::region(
            &root_of(root)?,
            &new::NewRegion {
                code: &code,
                name: &name,
                parent: parent.as_deref(),
                level: level.as_deref(),
            },
        ),
        New::Entry {
            region,
            item,
            department,
            credit_code,
            phone,
            root,
        } => new::entry(
            &root_of(root)?,
            &new::NewEntry {
                region: &region,
                item: &item,
                department: department.as_deref(),
                credit_code: credit_code.as_deref(),
                phone: phone.as_deref(),
            },
        ),
        New::Item {
            region,
            code,
            name,
            root,
        } => new::local_item(
            &root_of(root)?,
            &new::NewLocalItem {
                region: &region,
                code: &code,
                name: &name,
            },
        ),
    }
    .map_err(Error::Author)?;
    println!("wrote {written}");
    Ok(Status::Success)
}

// The command's own flags, passed on one by one as `Command::Check` has them.
#[allow(clippy::too_many_arguments)]
fn run_check(
    root: &Path,
    options: &Options,
    format: Format,
    deny_warnings: bool,
    extra: Vec<crate::diagnostic::Diagnostic>,
    review: Option<Vec<crate::load::since::Revised>>,
    repair: &Repair,
    output: Option<&Path>,
) -> Result<Outcome, Error> {
    if format == Format::Shard {
        if options.regions.is_empty()
            || options.selection.is_some()
            || options.whole_catalog
            || repair.write_baseline
        {
            return Err(Error::Merge(crate::merge::MergeError::Usage(
                "merge-usage-check-shard",
            )));
        }
        let options = Options {
            whole_units: true,
            ..options.clone()
        };
        return run_check_by_unit(root, &options, format, deny_warnings, output);
    }
    if options.selection.is_none() && !repair.write_baseline && !options.whole_catalog {
        return run_check_by_unit(root, options, format, deny_warnings, output);
    }
    let mut compiled = pipeline::compile(root, options)?;
    if repair.write_baseline {
        write_baseline(root, options, &mut compiled, &repair.baseline_reason)?;
    }
    if let Some(selection) = &options.selection {
        let checked = compiled
            .resolved
            .catalog
            .documents
            .iter()
            .filter(|d| selection.reports(d.path()))
            .count();
        let total = compiled.resolved.catalog.documents.len().max(checked);
        eprintln!(
            "{}",
            t!(
                compiled.lang,
                "report-checked-of",
                checked = checked,
                total = total
            )
        );
    }
    compiled.diagnostics.extend(extra);
    explain_version_changes(root, &mut compiled);
    crate::diagnostic::sort(&mut compiled.diagnostics);
    let escapes = review.as_deref().map_or_else(Vec::new, |revised| {
        crate::load::since::escapes(revised, &compiled.resolved.line_fields)
    });
    let mut report = crate::report::Report::of(&compiled);
    report.escapes = &escapes;
    // With `--since`, the files checked are the selected ones: the summary counts those, as the
    // line on stderr does.
    if let Some(selection) = &options.selection {
        report.files.retain(|file| selection.reports(file));
    }
    write_out(
        output,
        &report::render(
            &report,
            format,
            output.is_none() && color() && format == Format::Text,
        ),
    )?;
    let summary = Summary::of(&compiled.diagnostics);
    drop(report);
    let status = if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        Status::Findings
    } else {
        Status::Success
    };
    Ok(Outcome::with(status, compiled))
}

/// `check` one province at a time (`pipeline::units`): the same report in bounded memory.
fn run_check_by_unit(
    root: &Path,
    options: &Options,
    format: Format,
    deny_warnings: bool,
    output: Option<&Path>,
) -> Result<Outcome, Error> {
    let mut each =
        |_: &str, _: &[String], compiled: &mut Compiled| explain_version_changes(root, compiled);
    // Only the findings are needed: unchanged provinces come from the memo.
    let options = Options {
        memo: true,
        ..options.clone()
    };
    let findings = pipeline::units::compile(root, &options, false, &mut each)?;
    let text = if format == Format::Shard {
        let today = options.as_of.unwrap_or_else(crate::dates::today);
        let identity =
            crate::merge::Identity::new(crate::merge::Kind::Findings, root, &findings, today);
        crate::merge::findings_shard(&findings, identity)
    } else {
        let report = crate::report::Report::of_findings(&findings);
        report::render(
            &report,
            format,
            output.is_none() && color() && format == Format::Text,
        )
    };
    write_out(output, &text)?;
    let summary = Summary::of(&findings.diagnostics);
    // A shard written is a shard job done: the status of the whole catalog is merge's.
    let status = if format == Format::Shard {
        Status::Success
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        Status::Findings
    } else {
        Status::Success
    };
    Ok(status.into())
}

/// Print `text`, or write it to `output`.
fn write_out(output: Option<&Path>, text: &str) -> Result<(), Error> {
    match output {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Error::Merge(crate::merge::MergeError::Write(path.to_path_buf(), e))),
    }
}

/// `merge`: the national result from the shards.
fn run_merge(
    kind: crate::merge::Kind,
    format: Format,
    deny_warnings: bool,
    output: Option<&Path>,
    shards: &[PathBuf],
) -> Result<Outcome, Error> {
    match kind {
        // Dispatched to `run_merge_site` before this.
        crate::merge::Kind::Site => Err(Error::Merge(crate::merge::MergeError::Usage(
            "merge-usage-site",
        ))),
        crate::merge::Kind::Findings => {
            if format == Format::Shard {
                return Err(Error::Merge(crate::merge::MergeError::Usage(
                    "merge-usage-report-not-shard",
                )));
            }
            let merged = crate::merge::findings(shards).map_err(Error::Merge)?;
            let report = merged.report();
            write_out(
                output,
                &report::render(
                    &report,
                    format,
                    output.is_none() && color() && format == Format::Text,
                ),
            )?;
            let summary = Summary::of(&merged.diagnostics);
            let status = if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
                Status::Findings
            } else {
                Status::Success
            };
            Ok(status.into())
        }
        crate::merge::Kind::Conformance => {
            if format != Format::Text && format != Format::Json {
                return Err(Error::Merge(crate::merge::MergeError::Usage(
                    "merge-usage-conformance-format",
                )));
            }
            let text = crate::merge::conformance(shards).map_err(Error::Merge)?;
            write_out(output, &text)?;
            Ok(Status::Success.into())
        }
    }
}

/// Record every finding not acknowledged inline in the baseline, and count them as accepted in
/// this run too.
fn write_baseline(
    root: &Path,
    options: &Options,
    compiled: &mut Compiled,
    reason: &str,
) -> Result<(), Error> {
    use crate::load::suppress;
    let today = crate::dates::format(options.as_of.unwrap_or_else(crate::dates::today));
    compiled
        .diagnostics
        .retain(|d| d.code != crate::diagnostic::codes::BASELINE_STALE.code);
    let count = suppress::write_baseline(
        root,
        &compiled.resolved.catalog.documents,
        &compiled.diagnostics,
        &today,
        reason,
    )
    .map_err(Error::Write)?;
    for d in compiled
        .diagnostics
        .iter_mut()
        .filter(|d| d.suppressed.is_none() && !suppress::about_suppressions(d.code))
    {
        d.suppressed = Some(crate::diagnostic::Suppressed {
            kind: "baseline",
            reason: reason.to_string(),
            until: None,
            at: format!("{} ({today})", suppress::BASELINE),
        });
    }
    eprintln!(
        "wrote {} with {count} finding(s); from now on only new findings fail",
        suppress::BASELINE
    );
    Ok(())
}

/// Add to each CAT214 (the standard moved) what changed since the recorded version, when git
/// has it. Only the help grows: the finding's code, place and severity are the same without git.
fn explain_version_changes(root: &Path, compiled: &mut Compiled) {
    let code = crate::diagnostic::codes::STANDARD_VERSION.code;
    if !compiled.diagnostics.iter().any(|d| d.code == code) {
        return;
    }
    let Some(git) = crate::load::git::Git::open(root) else {
        return;
    };
    let catalog = &compiled.resolved.catalog;
    for d in compiled.diagnostics.iter_mut().filter(|d| d.code == code) {
        let Some(entry) = catalog.documents.iter().find(|doc| doc.path() == d.file) else {
            continue;
        };
        let item = entry.stem().to_string();
        let Some(national) = catalog.items.get(&item) else {
            continue;
        };
        let Some(recorded) = crate::resolve::view::doc(&entry.json).standard_version() else {
            continue;
        };
        let path = format!("catalog/national/{item}.yaml");
        let now = &catalog.doc(national).json;
        let said = crate::history::versions::changes_since(
            &git,
            &path,
            recorded,
            now,
            &compiled.resolved.line_fields,
            &compiled.labels,
            compiled.lang,
        );
        if let Ok(Some(said)) = said {
            let help = d.help.take().unwrap_or_default();
            let separator = t!(compiled.lang, "problem-separator");
            d.help = Some(format!("{help}{separator}{said}"));
        }
    }
}

fn run_build(
    root: &Path,
    options: &Options,
    out: &Path,
    templates: Option<&Path>,
) -> Result<Outcome, Error> {
    let started = std::time::Instant::now();
    // `--region P`: a shard of P's subtree, loading the national files, the subtree and P's
    // ancestors only. The whole catalog: one province at a time.
    let shard = !options.regions.is_empty();
    if !shard && !options.whole_catalog {
        return run_build_by_unit(root, options, out, templates);
    }
    let options = &match shard {
        true => {
            let (subtree, ancestors) = crate::emit::shard::subtree(root, &options.regions);
            let folders: Vec<String> = subtree.iter().chain(&ancestors).cloned().collect();
            Options {
                selection: Some(crate::emit::shard::selection(root, &folders)),
                regions: subtree,
                ..options.clone()
            }
        }
        false => options.clone(),
    };
    let compiled = pipeline::compile(root, options)?;
    if Summary::of(&compiled.diagnostics).errors > 0 {
        return Ok(refused_build(compiled));
    }
    let templates =
        crate::emit::templates::Templates::load(root, templates).map_err(Error::Templates)?;
    let mut site = crate::emit::Site::new(&compiled, &templates, options.regions.clone());
    let log = recent_changes(root, &compiled, options)?;
    site.feeds = log.is_some();
    site.reuse_pages = options.cache;
    site.shard = shard;
    let written = crate::emit::build(&site, &compiled, log.as_ref(), out).map_err(Error::Build)?;
    said_built(compiled.lang, &written, out, started, &compiled.diagnostics);
    drop(site);
    Ok(Outcome::with(Status::Success, compiled))
}

/// `build` one province at a time (`pipeline::units`): each unit's regions are rendered while
/// the unit is in memory, and the national pages, open data and report are made from the
/// regions' summaries once every unit is done, as `merge --kind site` makes them from shards.
/// The output is that of one compile of the whole catalog (tests/shards.rs), in memory bounded by
/// the largest province. Errors anywhere refuse the build; the previous output stays.
fn run_build_by_unit(
    root: &Path,
    options: &Options,
    out: &Path,
    templates: Option<&Path>,
) -> Result<Outcome, Error> {
    use crate::emit::BuildError;
    use crate::report::diff::{DiffReport, spill::Spill};
    let started = std::time::Instant::now();
    let templates =
        crate::emit::templates::Templates::load(root, templates).map_err(Error::Templates)?;
    // A province whose inputs are unchanged is taken from its record (`emit::memo`), its
    // findings from the memo of findings.
    let options = &Options {
        memo: options.cache,
        ..options.clone()
    };
    // What stopped the build other than a failure to write it, and the findings to report.
    let mut stopped: Option<Error> = None;
    let mut found = None;
    let mut outside_git = false;
    let mut units_kept = (0, 0);
    let mut regions_kept = (0, 0);
    let built = crate::emit::build_with(out, options.cache, |sink| {
        let spilled = |error| BuildError::Io {
            path: std::env::temp_dir(),
            error,
        };
        let folder = crate::emit::folder_of(out);
        let columns = crate::emit::merge::Columns::new(folder)?;
        let spill = Spill::new().map_err(spilled)?;
        let mut each = build::EachUnit::new(root, options, &templates, sink, columns, spill);
        let compiled = pipeline::units::compile(root, options, false, &mut each);
        let report_key = each.report_key();
        let build::EachUnit {
            mut columns,
            spill,
            mut summaries,
            published,
            log,
            records,
            failed,
            refused,
            stopped: unit_stopped,
            outside_git: no_git,
            units,
            replayed,
            mut last_report,
            regions,
            ..
        } = each;
        regions_kept = regions;
        (stopped, outside_git, units_kept) = (unit_stopped, no_git, (replayed.len(), units));
        let findings = match compiled {
            Ok(findings) => findings,
            Err(e) => {
                stopped = Some(e.into());
                return Err(BuildError::Stopped);
            }
        };
        if let Some(e) = failed {
            return Err(e);
        }
        if stopped.is_some() || refused || Summary::of(&findings.diagnostics).errors > 0 {
            found = Some(findings);
            return Err(BuildError::Stopped);
        }
        if let Some(records) = &records {
            records.prune();
        }
        columns.finish()?;
        summaries.sort_by(|a, b| a.code.cmp(&b.code));
        // The report the last build wrote, when every province's inputs are what they were
        // then: taken from the previous output if it is still that file (hundreds of MB at 50k).
        let last = records.as_ref().and_then(|r| r.report());
        let kept = match (report_key, last) {
            (Some(key), Some((last_key, len, hash))) if key == last_key => {
                sink.keep(crate::emit::REPORT, len, hash)?
            }
            _ => false,
        };
        // Otherwise it is made again, with the parts of the provinces taken from their records
        // copied from the last report (or, if it is not there as it was written, read from
        // their records).
        let mut spill = spill;
        if let (false, Some(records)) = (kept, &records) {
            for unit in &replayed {
                let last = &mut last_report;
                if !(unit.last
                    && build::from_last_report(last, records, sink, &unit.regions, &mut spill)?)
                {
                    records.pieces(unit.key, &mut spill)?;
                }
            }
        }
        let pieces = spill.finish().map_err(spilled)?;
        let report = DiffReport::of_units(&findings.national, &pieces);
        let mut site = crate::emit::Site::new(&findings.national, &templates, Vec::new());
        site.feeds = log.is_some();
        site.reuse_pages = options.cache;
        let written = std::cell::RefCell::new(None);
        let write = |out: &mut dyn std::io::Write| {
            let mut hashing = crate::emit::memo::Hashing::new(out);
            let placed = crate::report::diff::json::write_spilled(&report, &pieces, &mut hashing)?;
            *written.borrow_mut() = Some((hashing.written(), placed));
            Ok(())
        };
        crate::emit::national_of_units(
            &site,
            &findings.national,
            log.as_ref(),
            &summaries,
            &columns,
            &published,
            (!kept).then_some(&write),
            sink,
        )?;
        if let (Some(records), Some(key), Some(((len, hash), placed))) =
            (&records, report_key, written.take())
        {
            records.put_report(key, len, hash, &placed);
        }
        drop((site, report));
        found = Some(findings);
        Ok(())
    });
    if let Some(e) = stopped {
        return Err(e);
    }
    let Some(findings) = found else {
        return Err(Error::Build(built.err().unwrap_or(BuildError::Stopped)));
    };
    let summary = Summary::of(&findings.diagnostics);
    if summary.errors > 0 {
        let report = crate::report::Report::of_findings(&findings);
        said_refused(&report, findings.lang, summary.errors);
        return Ok(Status::Findings.into());
    }
    let written = built.map_err(Error::Build)?;
    if outside_git {
        let root = root.display().to_string();
        eprintln!("{}", t!(findings.lang, "report-no-git", root = root));
    }
    said_built(findings.lang, &written, out, started, &findings.diagnostics);
    let (kept, units) = units_kept;
    if kept > 0 {
        eprintln!(
            "{}",
            t!(
                findings.lang,
                "report-build-units-kept",
                kept = kept,
                units = units
            )
        );
    }
    let (regions, kept) = regions_kept;
    if kept > 0 {
        eprintln!(
            "{}",
            t!(
                findings.lang,
                "report-build-regions-kept",
                kept = kept,
                regions = regions
            )
        );
    }
    Ok(Status::Success.into())
}

/// What a build wrote, on stderr, and how many warnings the catalog has (`diagnostics`).
fn said_built(
    lang: Lang,
    written: &crate::emit::Written,
    out: &Path,
    started: std::time::Instant,
    diagnostics: &[crate::diagnostic::Diagnostic],
) {
    eprintln!(
        "{}",
        t!(
            lang,
            "report-build-wrote",
            files = written.files,
            kib = written.bytes / 1024,
            unchanged = written.unchanged,
            reused = written.reused,
            out = out.display().to_string(),
            ms = started.elapsed().as_millis() as u64,
            index = out.join("portal").join("index.html").display().to_string()
        )
    );
    let summary = Summary::of(diagnostics);
    if summary.warnings > 0 {
        eprintln!(
            "{}",
            t!(lang, "report-build-warnings", warnings = summary.warnings)
        );
    }
}

/// `merge --kind site`: the national files compiled alone, then the shards merged into `out`.
fn run_merge_site(
    root: &Path,
    options: &Options,
    shards: &[PathBuf],
    out: &Path,
    templates: Option<&Path>,
) -> Result<Outcome, Error> {
    let started = std::time::Instant::now();
    let options = Options {
        selection: Some(crate::emit::shard::selection(root, &[])),
        ..options.clone()
    };
    let compiled = pipeline::compile(root, &options)?;
    if Summary::of(&compiled.diagnostics).errors > 0 {
        return Ok(refused_build(compiled));
    }
    let templates =
        crate::emit::templates::Templates::load(root, templates).map_err(Error::Templates)?;
    let regions = names_in(&root.join("catalog").join("regions"), |entry| {
        let name = entry.file_name().into_string().ok()?;
        entry.file_type().ok()?.is_dir().then_some(name)
    });
    let mut site = crate::emit::Site::new(&compiled, &templates, Vec::new());
    site.reuse_pages = options.cache;
    let written = crate::emit::merge::merge(&mut site, &compiled, &regions, shards, out)
        .map_err(Error::MergeSite)?;
    said_built(compiled.lang, &written, out, started, &[]);
    drop(site);
    Ok(Outcome::with(Status::Success, compiled))
}

/// The changes of the last `feed.commits` commits (default 20) for the Atom feeds, or `None`
/// outside a git repository (said once on stderr).
fn recent_changes(
    root: &Path,
    compiled: &pipeline::Compiled,
    options: &Options,
) -> Result<Option<crate::history::Changelog>, Error> {
    let Some(git) = crate::load::git::Git::open(root) else {
        eprintln!(
            "{}",
            t!(
                compiled.lang,
                "report-no-git",
                root = root.display().to_string()
            )
        );
        return Ok(None);
    };
    let commits = compiled
        .resolved
        .catalog
        .config
        .as_ref()
        .and_then(|c| c.value.feed.as_ref()?.commits)
        .unwrap_or(20) as usize;
    let Some(range) = git.recent_range(commits)? else {
        return Ok(None);
    };
    let all_regions = Options {
        regions: Vec::new(),
        ..options.clone()
    };
    Ok(Some(crate::history::changelog(root, &range, &all_regions)?))
}

fn run_changelog(
    root: &Path,
    options: &Options,
    range: &str,
    format: ChangelogFormat,
) -> Result<Status, Error> {
    let log = crate::history::changelog(root, range, options)?;
    let out = match format {
        ChangelogFormat::Text => crate::report::changelog::text::render(&log),
        ChangelogFormat::Json => crate::report::changelog::json::render(&log),
        ChangelogFormat::Markdown => crate::report::changelog::markdown::render(&log),
        ChangelogFormat::Atom => {
            let templates =
                crate::emit::templates::Templates::load(root, None).map_err(Error::Templates)?;
            let config = crate::load::read_config(root);
            // Without `--region`, each change once; with it, the regions' feeds.
            let changes = if options.regions.is_empty() {
                log.feed(None)
            } else {
                log.changes.clone()
            };
            let context = crate::report::changelog::atom::feed_context(
                &changes,
                &format!("{}：{range}", config.0),
                &config.1,
                "feed.xml",
                &crate::emit::page_of,
            );
            templates
                .render(
                    "feed.xml",
                    minijinja::Value::from(minijinja::value::Serde(&context)),
                )
                .map_err(Error::Templates)?
        }
    };
    print!("{out}");
    Ok(Status::Success)
}

fn run_diff(
    root: &Path,
    options: &Options,
    items: &[String],
    format: DiffFormat,
    output: Option<&Path>,
) -> Result<Outcome, Error> {
    if format == DiffFormat::Shard {
        if options.regions.is_empty() || !items.is_empty() || options.whole_catalog {
            return Err(Error::Merge(crate::merge::MergeError::Usage(
                "merge-usage-diff-shard",
            )));
        }
        let options = Options {
            whole_units: true,
            ..options.clone()
        };
        return run_diff_by_unit(root, &options, format, output);
    }
    if items.is_empty() && !options.whole_catalog {
        return run_diff_by_unit(root, options, format, output);
    }
    let compiled = pipeline::compile(root, options)?;
    let report = crate::report::diff::DiffReport::new(&compiled, items);
    write_out(
        output,
        &match format {
            DiffFormat::Text => report.text(),
            DiffFormat::Json | DiffFormat::Shard => report.json(),
            DiffFormat::Markdown => report.markdown(),
        },
    )?;
    drop(report);
    Ok(Outcome::with(Status::Success, compiled))
}

/// `diff` one province at a time (`pipeline::units`): the same report in bounded memory. Each
/// unit's part of the report is spilled to a temporary file as the unit finishes, and the report
/// is then written to its output piece by piece (`report::diff::spill`).
fn run_diff_by_unit(
    root: &Path,
    options: &Options,
    format: DiffFormat,
    output: Option<&Path>,
) -> Result<Outcome, Error> {
    use crate::report::diff::{DiffReport, Format, spill::Spill};
    let spilling =
        |e: std::io::Error| Error::Merge(crate::merge::MergeError::Write(std::env::temp_dir(), e));
    let rendered = match format {
        DiffFormat::Text => Format::Text,
        DiffFormat::Json | DiffFormat::Shard => Format::Json,
        DiffFormat::Markdown => Format::Markdown,
    };
    let mut spill = Spill::new().map_err(spilling)?;
    let mut failed = None;
    // With `--region` (not a shard's whole units): those regions alone.
    let reported = |code: &str| {
        options.regions.is_empty()
            || options.whole_units
            || options.regions.iter().any(|r| r == code)
    };
    let mut each = |unit: &str, _: &[String], compiled: &mut Compiled| {
        if unit.is_empty() || failed.is_some() {
            return;
        }
        compiled.conformance.regions.retain(|r| reported(&r.code));
        if let Err(e) = DiffReport::new(compiled, &[]).spill(rendered, &mut spill) {
            failed = Some(e);
        }
    };
    let findings = pipeline::units::compile(root, options, false, &mut each)?;
    if let Some(e) = failed {
        return Err(spilling(e));
    }
    let pieces = spill.finish().map_err(spilling)?;
    let report = DiffReport::of_units(&findings.national, &pieces);
    if format == DiffFormat::Shard {
        // A shard is one province's report, wrapped with its identity: built in memory.
        let mut json = Vec::new();
        report.write(Format::Json, &mut json).map_err(spilling)?;
        let today = options.as_of.unwrap_or_else(crate::dates::today);
        let identity =
            crate::merge::Identity::new(crate::merge::Kind::Conformance, root, &findings, today);
        let json = String::from_utf8(json).unwrap_or_default();
        write_out(output, &crate::merge::conformance_shard(&json, &identity))?;
    } else {
        write_streamed(output, &mut |out| report.write(rendered, out))?;
    }
    Ok(Status::Success.into())
}

/// Write what `write` produces to `output` (standard output when absent) as it is produced. A
/// file is written beside its final name and renamed into place once complete, so a failed run
/// leaves the previous file as it was.
fn write_streamed(
    output: Option<&Path>,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    use std::io::Write;
    let failed = |path: &Path| {
        let path = path.to_path_buf();
        move |e| Error::Merge(crate::merge::MergeError::Write(path, e))
    };
    match output {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(failed(Path::new("-")))
        }
        Some(path) => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let stem = format!(".{}.partial-", name.as_deref().unwrap_or("output"));
            remove_dead_partials(path, &stem);
            let partial = path.with_file_name(format!("{stem}{}", std::process::id()));
            let result = std::fs::File::create(&partial).and_then(|file| {
                let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
                write(&mut out)?;
                out.into_inner()
                    .map_err(std::io::IntoInnerError::into_error)?;
                std::fs::rename(&partial, path)
            });
            if result.is_err() {
                let _ = std::fs::remove_file(&partial);
            }
            result.map_err(failed(path))
        }
    }
}

/// Delete what an earlier run killed while writing `path` left beside it (`<stem><pid>`, a
/// process that no longer runs). Only where a process can be asked after (`/proc`); elsewhere
/// such files stay, hidden, for the user to delete.
fn remove_dead_partials(path: &Path, stem: &str) {
    if !cfg!(target_os = "linux") || !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(crate::emit::folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(stem)) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn run_migrate(root: &Path, options: &Options, diff: bool) -> Result<Status, Error> {
    let migration = crate::migrate::plan(root, options)?;
    let lang = lang_of(root, options.lang);
    if migration.edits.is_empty() {
        eprintln!(
            "{}",
            t!(lang, "report-migrate-nothing", format = migration.from)
        );
        return Ok(Status::Success);
    }
    for edit in &migration.edits {
        if diff {
            let patch = similar::TextDiff::from_lines(&edit.before, &edit.after);
            print!(
                "{}",
                patch
                    .unified_diff()
                    .header(&format!("a/{}", edit.path), &format!("b/{}", edit.path))
            );
        } else {
            for note in &edit.notes {
                println!("{}: {note}", edit.path);
            }
        }
    }
    if !diff {
        crate::migrate::apply(root, &migration).map_err(Error::Migrate)?;
        eprintln!(
            "{}",
            t!(
                lang,
                "report-migrated",
                from = migration.from,
                to = crate::migrate::FORMAT,
                files = migration.edits.len()
            )
        );
    }
    Ok(Status::Success)
}

fn list_rules(format: ListFormat, lang: Lang) -> String {
    match format {
        ListFormat::Text => check::rules::ALL
            .iter()
            .map(|r| {
                let c = r.code;
                format!(
                    "{}  {:<22} {:<7}  {}\n",
                    c.code,
                    c.name,
                    c.severity.as_str(),
                    r.summary(lang)
                )
            })
            .collect(),
        ListFormat::Json => {
            let list: Vec<_> = check::rules::ALL
                .iter()
                .map(|r| {
                    let c = r.code;
                    serde_json::json!({
                        "code": c.code, "name": c.name, "severity": c.severity, "status": c.status,
                        "summary": r.summary(lang), "what": r.what(lang), "why": r.why(lang),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
    }
}

/// A build (or a merge of build shards) refused because the catalog has errors: the findings
/// and why nothing was written, on standard error.
fn refused_build(compiled: Compiled) -> Outcome {
    let errors = Summary::of(&compiled.diagnostics).errors;
    said_refused(&crate::report::Report::of(&compiled), compiled.lang, errors);
    Outcome::with(Status::Findings, compiled)
}

/// The findings of a refused build and why nothing was written, on standard error.
fn said_refused(report: &crate::report::Report<'_>, lang: Lang, errors: usize) {
    eprint!(
        "{}",
        report::render(report, Format::Text, std::io::stderr().is_terminal())
    );
    eprintln!("{}", t!(lang, "report-build-errors", errors = errors));
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn the_closest_name_has_the_fewest_edits_then_the_longest_common_prefix() {
        assert_eq!(edit_distance("330101", "330100"), 1);
        assert_eq!(edit_distance("4403", "440300"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        let known = ["330000", "330100", "440300"].map(String::from);
        assert_eq!(closest("330101", &known).as_deref(), Some("330100"));
        assert_eq!(closest("3301", &known).as_deref(), Some("330100"));
        assert_eq!(closest("440301", &known).as_deref(), Some("440300"));
        assert_eq!(closest("x", &[]), None);
    }
}
