//! The catalog as typed values, indexed the way the rules look things up.
//!
//! Built from the documents that passed their schema. Each typed value remembers which document
//! it came from, so a rule that finds a problem in it can point at the YAML node. Names of files
//! that exist but failed their schema are kept too, so a broken national item does not also make
//! every entry that implements it "unknown".

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::de::DeserializeOwned;

use super::model::{Certificates, Config, Entry, Event, Item, Laws, LocalItem, Region};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::diagnostic::messages::Lang;
use crate::load::{Document, Kind};
use crate::t;

/// A value and the index of the document it was read from.
#[derive(Debug)]
pub struct Typed<T> {
    pub doc: usize,
    pub value: T,
}

#[derive(Debug, Default)]
pub struct Catalog {
    pub root: PathBuf,
    pub documents: Vec<Document>,
    pub config: Option<Typed<Config>>,
    /// National items by file name (which must equal their `code`).
    pub items: BTreeMap<String, Typed<Item>>,
    /// Regions by folder name.
    pub regions: BTreeMap<String, Typed<Region>>,
    /// Regional entries by (region folder, item file name).
    pub entries: BTreeMap<(String, String), Typed<Entry>>,
    /// Local items by (region folder, file name).
    pub local_items: BTreeMap<(String, String), Typed<LocalItem>>,
    /// Events (一件事) by (region folder, file name): national events (`catalog/events/`) have no
    /// region and sort first; a region's own are in `catalog/regions/<region>/events/`.
    pub events: BTreeMap<(Option<String>, String), Typed<Event>>,
    pub laws: Option<Typed<Laws>>,
    pub certificates: Option<Typed<Certificates>>,
    /// Every national item file and region folder that exists, valid or not.
    pub item_files: BTreeSet<String>,
    pub region_folders: BTreeSet<String>,
    /// Every local item file that exists, valid or not, by (region folder, file name).
    pub local_files: BTreeSet<(String, String)>,
    /// The reference date (days since 1970-01-01) for reviews and expiry.
    pub today: i64,
    /// The language of the findings' messages.
    pub lang: Lang,
    /// In a province's compile, for each document: whether the compile keeps its findings,
    /// that is whether it is in one of the region folders of `pipeline::Options::own_folders`
    /// ([`Catalog::keep_only`]); empty when every document's are kept.
    kept: Vec<bool>,
}

/// Whether [`Catalog::assemble`] reads the listed files of `kind` (national items, region folders
/// and local items: the files a reference may name whether or not they were read). A caller that
/// lists the nation's files hands on only these, not the 1.5 million entry paths.
pub fn indexes(kind: Kind) -> bool {
    matches!(kind, Kind::National | Kind::Region | Kind::LocalItem)
}

impl Catalog {
    /// The valid documents the rules that read one document at a time look at: every one, or
    /// in a province's compile those of its own region folders (the unit that owns a file keeps
    /// its findings, so no other unit need look for them).
    pub fn checked(&self) -> impl Iterator<Item = &Document> {
        self.documents
            .iter()
            .enumerate()
            .filter(|(i, d)| d.valid && self.keeps_doc(*i))
            .map(|(_, d)| d)
    }

    /// Whether this compile keeps the findings on `doc` (for a rule that reads the national
    /// items: a province's compile skips them).
    pub fn keeps_doc(&self, doc: usize) -> bool {
        self.kept.get(doc).is_none_or(|kept| *kept)
    }

    /// Keep only the findings on the files of `own` region folders (a province's compile);
    /// `None` keeps all.
    pub fn keep_only(&mut self, own: Option<&[String]>) {
        self.kept = match own {
            None => Vec::new(),
            Some(_) => self
                .documents
                .iter()
                .map(|d| Catalog::keeps(own, d))
                .collect(),
        };
    }

    /// Whether a compile that keeps the findings of `own` folders (all when `None`) keeps those
    /// on `document`.
    pub fn keeps(own: Option<&[String]>, document: &Document) -> bool {
        match own {
            None => true,
            Some(own) => document
                .region_folder()
                .is_some_and(|folder| own.iter().any(|o| o == folder)),
        }
    }

    /// Index the documents; documents that passed their schema become typed values.
    pub fn assemble(
        root: PathBuf,
        documents: Vec<Document>,
        listed: &[(Kind, String)],
        today: i64,
        lang: Lang,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Catalog {
        let mut catalog = Catalog {
            root,
            today,
            lang,
            ..Catalog::default()
        };
        for (kind, path) in listed {
            let parts: Vec<&str> = path.split('/').collect();
            match (kind, parts.as_slice()) {
                (Kind::National, [.., file]) => {
                    catalog
                        .item_files
                        .insert(file.trim_end_matches(".yaml").to_string());
                }
                (Kind::Region, [_, _, region, _]) => {
                    catalog.region_folders.insert(region.to_string());
                }
                (Kind::LocalItem, [_, _, region, _, file]) => {
                    catalog.local_files.insert((
                        region.to_string(),
                        file.trim_end_matches(".yaml").to_string(),
                    ));
                }
                _ => {}
            }
        }
        for (index, document) in documents.iter().enumerate() {
            let stem = document.stem().to_string();
            let region = document.region_folder().unwrap_or_default().to_string();
            if !document.valid {
                continue;
            }
            match document.kind {
                Kind::Config => catalog.config = typed(document, index, lang, diagnostics),
                Kind::National => insert(
                    &mut catalog.items,
                    stem,
                    typed(document, index, lang, diagnostics),
                ),
                Kind::Region => insert(
                    &mut catalog.regions,
                    region,
                    typed(document, index, lang, diagnostics),
                ),
                Kind::Entry => insert(
                    &mut catalog.entries,
                    (region, stem),
                    typed(document, index, lang, diagnostics),
                ),
                Kind::LocalItem => insert(
                    &mut catalog.local_items,
                    (region, stem),
                    typed(document, index, lang, diagnostics),
                ),
                Kind::Event => insert(
                    &mut catalog.events,
                    (document.region_folder().map(str::to_string), stem),
                    typed(document, index, lang, diagnostics),
                ),
                Kind::Laws => catalog.laws = typed(document, index, lang, diagnostics),
                Kind::Certificates => {
                    catalog.certificates = typed(document, index, lang, diagnostics)
                }
                Kind::Policy => {}
            }
        }
        catalog.documents = documents;
        catalog
    }

    /// `sample: true` in `catalog.yaml`: the catalog is an illustration, not a real catalog
    /// (docs/format.md, illustrative values).
    pub fn sample(&self) -> bool {
        self.config.as_ref().is_some_and(|c| c.value.sample)
    }

    /// Every regional entry with the document of the national item it implements (entries of
    /// an unknown or invalid item are left out: CAT301 reports those).
    pub fn entries_with_items(&self) -> impl Iterator<Item = (&Document, &Document)> + '_ {
        self.entries.iter().filter_map(|((_, code), entry)| {
            let item = self.items.get(code)?;
            Some((self.doc(entry), self.doc(item)))
        })
    }

    pub fn doc<T>(&self, typed: &Typed<T>) -> &Document {
        &self.documents[typed.doc]
    }

    /// The name of the region whose folder holds document `doc` (`广东省`), if it is a region's.
    pub fn region_name_of(&self, doc: usize) -> Option<&str> {
        let folder = self.documents[doc].region_folder()?;
        self.regions.get(folder).map(|r| r.value.name.as_str())
    }

    /// The name of the regional standard document `doc` states: `广东省标准` (docs/format.md,
    /// inheritance: a parent region's own value is the standard its descendants are measured by).
    pub fn standard_of(&self, doc: usize) -> Option<String> {
        self.region_name_of(doc).map(|name| format!("{name}标准"))
    }

    pub fn has_law(&self, id: &str) -> bool {
        self.laws
            .as_ref()
            .is_none_or(|laws| laws.value.laws.iter().any(|law| law.id == id))
    }

    pub fn has_certificate(&self, id: &str) -> bool {
        self.certificates
            .as_ref()
            .is_none_or(|c| c.value.certificates.iter().any(|cert| cert.id == id))
    }

    /// The chain of regions from `region` up to its province, nearest first (without `region`).
    /// Stops at a missing parent or a loop.
    pub fn ancestors(&self, region: &str) -> Vec<&str> {
        let mut chain: Vec<&str> = Vec::new();
        let mut current = self.regions.get(region);
        while let Some(r) = current {
            let Some(parent) = r.value.parent.as_deref() else {
                break;
            };
            if parent == region || chain.contains(&parent) {
                break;
            }
            match self.regions.get_key_value(parent) {
                Some((key, next)) => {
                    chain.push(key.as_str());
                    current = Some(next);
                }
                None => break,
            }
        }
        chain
    }

    /// How many days before its expiry an exception is announced (`exception_notice_days` in
    /// `catalog.yaml`, 60 when absent).
    pub fn exception_notice_days(&self) -> i64 {
        self.config
            .as_ref()
            .and_then(|c| c.value.exception_notice_days)
            .map_or(60, i64::from)
    }

    pub fn review_interval(&self) -> Option<u32> {
        self.config.as_ref().map(|c| c.value.review_interval_days)
    }
}

fn insert<K: Ord, T>(map: &mut BTreeMap<K, Typed<T>>, key: K, value: Option<Typed<T>>) {
    if let Some(value) = value {
        map.insert(key, value);
    }
}

/// Turn a schema-valid document into its typed value. A catalog whose own schema is looser than
/// the data model can still fail here; that is reported, not a panic.
fn typed<T: DeserializeOwned>(
    document: &Document,
    index: usize,
    lang: Lang,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Typed<T>> {
    match T::deserialize(&*document.json) {
        Ok(value) => Some(Typed { doc: index, value }),
        Err(error) => {
            diagnostics.push(
                document
                    .diagnostic(
                        &codes::WRONG_TYPE,
                        "",
                        t!(lang, "cat004-model", error = error.to_string()),
                    )
                    .help(t!(lang, "cat004-model-help")),
            );
            None
        }
    }
}
