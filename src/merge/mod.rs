//! `catalogc merge`: the national result from shards, each a `check` or `diff` of one province.
//!
//! CI runs `check --region P --format shard` (and `diff --region P --format shard`) for each
//! province P in parallel; each loads only the national files and P's unit (its province and
//! every region below it, see `pipeline::units`). `merge --kind findings` joins the findings
//! shards into the report `check` writes for the whole catalog, in any of its formats, with the
//! same exit status; `merge --kind conformance` joins the conformance shards into the report
//! `diff --format json` writes. Byte for byte, both equal the unsharded run's.
//!
//! A shard is JSON. A findings shard holds `version`, `shard` (what it was compiled from: the
//! kind, catalogc's version, the git commit, a hash of the schemas, limits, policy and national
//! files, the reference date, the language, its units and every unit of the catalog), the
//! national files and their findings, its units' files and findings (the model of
//! `diagnostic::Diagnostic`), and the text of every file a finding points at. A conformance
//! shard is the JSON report of `diff` over its units with the same `shard` object after
//! `version`. Merge refuses shards of another kind, from different commits, catalogs, standards,
//! dates or languages, two shards of one unit, and a unit no shard covers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::diagnostic::messages::Lang;
use crate::diagnostic::source::SourceFile;
use crate::diagnostic::{self, Diagnostic};
use crate::pipeline::units::{Findings, walk_order};
use crate::report::Report;
use crate::t;

/// The version of the shard format.
pub const VERSION: u32 = 1;

/// What `merge` joins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// `check --region P --format shard`: the findings, as `check` reports them.
    Findings,
    /// `diff --region P --format shard`: the conformance report, as `diff --format json`.
    Conformance,
    /// `build --region P`: the national site from the shards' output folders.
    Site,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Findings => "findings",
            Kind::Conformance => "conformance",
            Kind::Site => "site",
        }
    }
}

/// What a shard was compiled from, and what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub kind: String,
    pub catalogc: String,
    /// The commit checked out (`git rev-parse HEAD`), when the catalog is in git.
    pub commit: Option<String>,
    /// A hash of the schemas, limits, policy and national files.
    pub standard: String,
    /// The reference date of reviews and expiry (YYYY-MM-DD).
    pub as_of: String,
    pub lang: String,
    /// The units this shard compiled (provinces, by folder).
    pub units: Vec<String>,
    /// Every unit of the catalog.
    pub all_units: Vec<String>,
}

impl Identity {
    pub fn new(kind: Kind, root: &Path, findings: &Findings, as_of: i64) -> Identity {
        let commit = crate::load::git::Git::open(root).and_then(|git| git.verify("HEAD").ok());
        Identity {
            kind: kind.as_str().to_string(),
            catalogc: env!("CARGO_PKG_VERSION").to_string(),
            commit,
            standard: format!("{:032x}", findings.standard_hash),
            as_of: crate::dates::format(as_of),
            lang: match findings.lang {
                Lang::Zh => "zh".to_string(),
                Lang::En => "en".to_string(),
            },
            units: findings.compiled_units.clone(),
            all_units: findings.units.folders.keys().cloned().collect(),
        }
    }
}

/// A findings shard (see the module's documentation).
#[derive(Serialize)]
struct FindingsShard {
    version: u32,
    shard: Identity,
    national_files: Vec<String>,
    national: Vec<Diagnostic>,
    files: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
}

/// A findings shard as read: the findings are read as values first and then as the model, whose
/// codes are `'static` (the table's).
#[derive(Deserialize)]
struct FindingsShardIn {
    version: u32,
    shard: Identity,
    national_files: Vec<String>,
    national: Vec<serde_json::Value>,
    files: Vec<String>,
    diagnostics: Vec<serde_json::Value>,
    sources: BTreeMap<String, String>,
}

fn diagnostics_of(values: Vec<serde_json::Value>) -> Result<Vec<Diagnostic>, serde_json::Error> {
    values.into_iter().map(Diagnostic::deserialize).collect()
}

/// The findings shard of a unit-by-unit `check`.
pub fn findings_shard(findings: &Findings, identity: Identity) -> String {
    let national = |path: &str| findings.units.owner(path).is_none();
    let (national_files, files): (Vec<String>, Vec<String>) =
        findings.files.iter().cloned().partition(|f| national(f));
    let (national_found, found): (Vec<Diagnostic>, Vec<Diagnostic>) = findings
        .diagnostics
        .iter()
        .cloned()
        .partition(|d| national(&d.file));
    let shard = FindingsShard {
        version: VERSION,
        shard: identity,
        national_files,
        national: national_found,
        files,
        diagnostics: found,
        sources: findings
            .sources
            .iter()
            .map(|(path, source)| (path.clone(), source.text.clone()))
            .collect(),
    };
    serde_json::to_string_pretty(&shard).unwrap_or_default() + "\n"
}

/// The conformance shard: `diff --format json`'s report with the shard's identity after
/// `version` (every other value stands at the depth it has in the merged report).
pub fn conformance_shard(report_json: &str, identity: &Identity) -> String {
    let identity = serde_json::to_string_pretty(identity)
        .unwrap_or_default()
        .replace('\n', "\n  ");
    report_json.replacen(
        "  \"version\": 1,\n",
        &format!("  \"version\": 1,\n  \"shard\": {identity},\n"),
        1,
    )
}

/// Why shards cannot be merged (exit status 2). Its words are in the message files
/// (`merge-…` in `locales/*/reports.ftl`): [`MergeError::text`] says it in the reader's language.
#[derive(Debug)]
pub enum MergeError {
    /// A shard cannot be asked for this way (`--format shard` without `--region`, …): the id of
    /// the message that says why.
    Usage(&'static str),
    Read(PathBuf, std::io::Error),
    /// Not a shard of this format version: the parser's message, with line and column.
    NotAShard(PathBuf, String),
    /// A shard of another format version.
    OtherVersion(PathBuf, u32),
    /// A shard of another kind than `--kind`.
    Kind {
        path: PathBuf,
        expected: &'static str,
        found: String,
    },
    /// Two shards compiled from different commits, catalogs, standards, dates or languages:
    /// `what` is the id of the message naming the difference, `a` and `b` the two values (an
    /// empty commit is none).
    Differs {
        what: &'static str,
        first: PathBuf,
        other: PathBuf,
        a: String,
        b: String,
    },
    /// Two shards of the same unit.
    Overlap {
        unit: String,
        first: PathBuf,
        other: PathBuf,
    },
    /// Units of the catalog that no shard covers.
    Missing(Vec<String>),
    /// Shards that disagree on the national files' findings or items.
    National {
        first: PathBuf,
        other: PathBuf,
    },
    Write(PathBuf, std::io::Error),
}

impl MergeError {
    /// What went wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let shown = |path: &Path| path.display().to_string();
        match self {
            MergeError::Usage(id) => crate::diagnostic::messages::t(lang, id, None),
            MergeError::Read(path, error) => t!(
                lang,
                "merge-read",
                path = shown(path),
                error = error.to_string()
            ),
            MergeError::NotAShard(path, error) => t!(
                lang,
                "merge-not-a-shard",
                path = shown(path),
                version = VERSION,
                error = error.as_str()
            ),
            MergeError::OtherVersion(path, version) => t!(
                lang,
                "merge-not-a-shard",
                path = shown(path),
                version = VERSION,
                error = t!(lang, "merge-other-version", version = *version)
            ),
            MergeError::Kind {
                path,
                expected,
                found,
            } => t!(
                lang,
                "merge-kind",
                path = shown(path),
                found = found.as_str(),
                expected = *expected
            ),
            MergeError::Differs {
                what,
                first,
                other,
                a,
                b,
            } => {
                let value = |v: &str| match v {
                    "" => t!(lang, "merge-no-commit"),
                    v => v.to_string(),
                };
                t!(
                    lang,
                    "merge-differs",
                    what = crate::diagnostic::messages::t(lang, what, None),
                    first = shown(first),
                    a = value(a),
                    other = shown(other),
                    b = value(b)
                )
            }
            MergeError::Overlap { unit, first, other } => t!(
                lang,
                "merge-overlap",
                unit = unit.as_str(),
                first = shown(first),
                other = shown(other)
            ),
            MergeError::Missing(units) => {
                let shown: Vec<&str> = units.iter().take(10).map(String::as_str).collect();
                let more = units.len().saturating_sub(shown.len());
                let more = if more > 0 {
                    t!(lang, "merge-missing-more", count = more)
                } else {
                    String::new()
                };
                t!(lang, "merge-missing", units = shown.join(", "), more = more)
            }
            MergeError::National { first, other } => t!(
                lang,
                "merge-national",
                first = shown(first),
                other = shown(other)
            ),
            MergeError::Write(path, error) => t!(
                lang,
                "merge-write",
                path = shown(path),
                error = error.to_string()
            ),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for MergeError {}

fn read(path: &Path) -> Result<String, MergeError> {
    std::fs::read_to_string(path).map_err(|e| MergeError::Read(path.to_path_buf(), e))
}

/// Check that the shards' identities allow a merge: one kind, one catalog, every unit once.
fn agree(shards: &[(&Path, &Identity)], kind: Kind) -> Result<(), MergeError> {
    let Some(&(first, one)) = shards.first() else {
        return Err(MergeError::Usage("merge-usage-no-shard"));
    };
    let mut owner: BTreeMap<&str, &Path> = BTreeMap::new();
    for &(path, identity) in shards {
        if identity.kind != kind.as_str() {
            return Err(MergeError::Kind {
                path: path.to_path_buf(),
                expected: kind.as_str(),
                found: identity.kind.clone(),
            });
        }
        // (message id, the first shard's value, this shard's); an empty commit is none.
        let fields: [(&'static str, String, String); 6] = [
            (
                "merge-what-catalogc",
                one.catalogc.clone(),
                identity.catalogc.clone(),
            ),
            (
                "merge-what-commit",
                one.commit.clone().unwrap_or_default(),
                identity.commit.clone().unwrap_or_default(),
            ),
            (
                "merge-what-standard",
                one.standard.clone(),
                identity.standard.clone(),
            ),
            (
                "merge-what-as-of",
                one.as_of.clone(),
                identity.as_of.clone(),
            ),
            ("merge-what-lang", one.lang.clone(), identity.lang.clone()),
            (
                "merge-what-units",
                one.all_units.join(","),
                identity.all_units.join(","),
            ),
        ];
        for (what, a, b) in fields {
            if a != b {
                let short = |s: String| s.chars().take(80).collect::<String>();
                return Err(MergeError::Differs {
                    what,
                    first: first.to_path_buf(),
                    other: path.to_path_buf(),
                    a: short(a),
                    b: short(b),
                });
            }
        }
        for unit in &identity.units {
            if let Some(other) = owner.insert(unit, path) {
                return Err(MergeError::Overlap {
                    unit: unit.clone(),
                    first: other.to_path_buf(),
                    other: path.to_path_buf(),
                });
            }
        }
    }
    let missing: Vec<String> = one
        .all_units
        .iter()
        .filter(|u| !owner.contains_key(u.as_str()))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing(missing));
    }
    Ok(())
}

/// The findings of all shards, as a whole-catalog `check` has them.
pub struct Merged {
    pub diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, SourceFile>,
    files: Vec<String>,
    lang: Lang,
}

impl Merged {
    /// The renderers' view (as `Report::of` gives for a whole-catalog run).
    pub fn report(&self) -> Report<'_> {
        Report {
            diagnostics: &self.diagnostics,
            sources: self.sources.iter().map(|(p, s)| (p.as_str(), s)).collect(),
            files: self.files.iter().map(String::as_str).collect(),
            escapes: &[],
            lang: self.lang,
        }
    }
}

/// Join findings shards.
pub fn findings(paths: &[PathBuf]) -> Result<Merged, MergeError> {
    let mut shards = Vec::new();
    for path in paths {
        let text = read(path)?;
        let shard: FindingsShardIn =
            serde_json::from_str(&text).map_err(|e| not_a_shard(path, &text, e, Kind::Findings))?;
        let national = diagnostics_of(shard.national)
            .map_err(|e| MergeError::NotAShard(path.clone(), e.to_string()))?;
        let found = diagnostics_of(shard.diagnostics)
            .map_err(|e| MergeError::NotAShard(path.clone(), e.to_string()))?;
        let shard = FindingsShard {
            version: shard.version,
            shard: shard.shard,
            national_files: shard.national_files,
            national,
            files: shard.files,
            diagnostics: found,
            sources: shard.sources,
        };
        if shard.version != VERSION {
            return Err(MergeError::OtherVersion(path.clone(), shard.version));
        }
        shards.push((path.as_path(), shard));
    }
    let identities: Vec<(&Path, &Identity)> = shards.iter().map(|(p, s)| (*p, &s.shard)).collect();
    // The kind first: a conformance shard does not even parse as a findings one.
    agree(&identities, Kind::Findings)?;
    let (first, one) = &shards[0];
    for (path, shard) in &shards[1..] {
        if shard.national != one.national || shard.national_files != one.national_files {
            return Err(MergeError::National {
                first: first.to_path_buf(),
                other: path.to_path_buf(),
            });
        }
    }
    let lang = if one.shard.lang == "en" {
        Lang::En
    } else {
        Lang::Zh
    };
    let mut diagnostics = one.national.clone();
    let mut files = one.national_files.clone();
    let mut sources = BTreeMap::new();
    for (_, shard) in shards {
        diagnostics.extend(shard.diagnostics);
        files.extend(shard.files);
        for (path, text) in shard.sources {
            sources
                .entry(path.clone())
                .or_insert_with(|| SourceFile::new(path, text));
        }
    }
    diagnostic::sort(&mut diagnostics);
    files.sort_by(|a, b| walk_order(a, b));
    files.dedup();
    Ok(Merged {
        diagnostics,
        sources,
        files,
        lang,
    })
}

/// A conformance shard, read without rebuilding its values: each region and column is kept as
/// the exact text the shard has, which is the text the merged report has at the same place.
#[derive(Deserialize)]
struct ConformanceShard<'a> {
    version: u32,
    shard: Identity,
    #[serde(borrow)]
    regions: Vec<&'a RawValue>,
    #[serde(borrow)]
    items: Vec<ItemShard<'a>>,
}

#[derive(Deserialize, Serialize)]
struct ItemShard<'a> {
    #[serde(borrow)]
    code: &'a RawValue,
    #[serde(borrow)]
    name: &'a RawValue,
    #[serde(borrow)]
    statutory_limit: &'a RawValue,
    #[serde(borrow)]
    materials: &'a RawValue,
    #[serde(borrow)]
    fees: &'a RawValue,
    /// The national materials per situation, for an item with situations.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    situations: Option<&'a RawValue>,
    #[serde(borrow)]
    regions: Vec<&'a RawValue>,
}

/// The key a region or a column is ordered by.
#[derive(Deserialize)]
struct Code {
    #[serde(alias = "region")]
    code: String,
}

fn code_of(raw: &RawValue) -> String {
    serde_json::from_str::<Code>(raw.get())
        .map(|c| c.code)
        .unwrap_or_default()
}

#[derive(Serialize)]
struct Report2<'a> {
    version: u32,
    regions: Vec<&'a RawValue>,
    items: Vec<ItemShard<'a>>,
}

/// Join conformance shards into the text of `diff --format json`.
pub fn conformance(paths: &[PathBuf]) -> Result<String, MergeError> {
    let mut texts = Vec::new();
    for path in paths {
        texts.push((path.as_path(), read(path)?));
    }
    let mut shards = Vec::new();
    for (path, text) in &texts {
        let shard: ConformanceShard<'_> = serde_json::from_str(text)
            .map_err(|e| not_a_shard(path, text, e, Kind::Conformance))?;
        if shard.version != VERSION {
            return Err(MergeError::OtherVersion(path.to_path_buf(), shard.version));
        }
        shards.push((*path, shard));
    }
    let identities: Vec<(&Path, &Identity)> = shards.iter().map(|(p, s)| (*p, &s.shard)).collect();
    agree(&identities, Kind::Conformance)?;
    let mut regions: Vec<(String, &RawValue)> = Vec::new();
    let mut items: Vec<ItemShard<'_>> = Vec::new();
    let mut columns: Vec<BTreeMap<String, &RawValue>> = Vec::new();
    let first = shards[0].0;
    for (index, (path, shard)) in shards.into_iter().enumerate() {
        regions.extend(shard.regions.into_iter().map(|r| (code_of(r), r)));
        if index == 0 {
            columns = vec![BTreeMap::new(); shard.items.len()];
        }
        if shard.items.len() != columns.len() {
            return Err(MergeError::National {
                first: first.to_path_buf(),
                other: path.to_path_buf(),
            });
        }
        for (i, mut item) in shard.items.into_iter().enumerate() {
            for column in std::mem::take(&mut item.regions) {
                columns[i].insert(code_of(column), column);
            }
            if index == 0 {
                items.push(item);
            } else if items[i].code.get() != item.code.get() {
                return Err(MergeError::National {
                    first: first.to_path_buf(),
                    other: path.to_path_buf(),
                });
            }
        }
    }
    regions.sort_by(|a, b| a.0.cmp(&b.0));
    for (item, columns) in items.iter_mut().zip(columns) {
        item.regions = columns.into_values().collect();
    }
    let report = Report2 {
        version: 1,
        regions: regions.into_iter().map(|(_, r)| r).collect(),
        items,
    };
    Ok(serde_json::to_string_pretty(&report).unwrap_or_default() + "\n")
}

#[derive(Deserialize)]
struct KindOnly {
    shard: KindOf,
}

#[derive(Deserialize)]
struct KindOf {
    kind: String,
}

/// Why a file does not read as a shard of `kind`: a shard of the other kind is named as such
/// rather than by what it lacks.
fn not_a_shard(path: &Path, text: &str, error: serde_json::Error, kind: Kind) -> MergeError {
    match serde_json::from_str::<KindOnly>(text) {
        Ok(k) if k.shard.kind != kind.as_str() => MergeError::Kind {
            path: path.to_path_buf(),
            expected: kind.as_str(),
            found: k.shard.kind,
        },
        _ => MergeError::NotAShard(path.to_path_buf(), error.to_string()),
    }
}
