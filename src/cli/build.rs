//! What `build` does with each compile unit (`pipeline::units`): the national unit reads the
//! feeds' history; every other unit renders its regions and hands the national pages its
//! summaries and its part of the report, or takes them from its record when its inputs are
//! those of the build that wrote it (`emit::memo`).

use std::collections::BTreeSet;
use std::path::Path;

use crate::emit::memo::{LastReport, Record, Replay, Store};
use crate::emit::templates::Templates;
use crate::emit::{BuildError, Sink, Summary};
use crate::pipeline::{self, Compiled, Options};
use crate::report::diff::spill::{Piece, Spill};
use crate::report::diff::{DiffReport, Format as Json, piece_region};

use super::Error;

pub(super) struct EachUnit<'a> {
    pub root: &'a Path,
    pub options: &'a Options,
    pub templates: &'a Templates,
    pub sink: &'a dyn Sink,
    pub columns: crate::emit::merge::Columns,
    pub spill: Spill,
    /// The attachments published so far.
    pub published: BTreeSet<String>,
    pub summaries: Vec<Summary>,
    /// The feeds' changes, read by the national unit.
    pub log: Option<crate::history::Changelog>,
    /// The units' records (none with `--no-cache`).
    pub records: Option<Store>,
    pub failed: Option<BuildError>,
    pub stopped: Option<Error>,
    /// A unit had errors: nothing more is rendered.
    pub refused: bool,
    pub outside_git: bool,
    /// How many units (not the national one) there were, and how many came from their records.
    pub units: usize,
    /// The units taken from their records, whose parts of the report are read only if the
    /// report is made again.
    pub replayed: Vec<Replayed>,
    /// The report the last build wrote, looked for once (`None` until then): unchanged regions'
    /// parts of the report are taken from it ([`from_last_report`]).
    pub last_report: Option<Option<LastReport>>,
    /// Of the regions of the units compiled, how many, and how many of them were unchanged and
    /// taken from their unit's last record.
    pub regions: (usize, usize),
    /// Each unit's record key, compiled or taken (for the conformance report's key).
    pub keys: Vec<u128>,
}

/// A unit taken from its record.
pub(super) struct Replayed {
    pub key: u128,
    pub regions: Vec<String>,
    /// The record is the one the last build named for the unit: its regions' parts of the
    /// report are those of the report the last build wrote.
    pub last: bool,
}

/// Put the parts of the report of `regions` (of a unit whose record is the one the last build
/// named) into `spill` as they are in the report the last build wrote (looked for once, in
/// `last`): false when there is no such report, and they must be read from the unit's record.
pub(super) fn from_last_report<'r>(
    last: &mut Option<Option<LastReport>>,
    records: &Store,
    sink: &dyn Sink,
    regions: impl IntoIterator<Item = &'r String>,
    spill: &mut Spill,
) -> Result<bool, BuildError> {
    let report = last.get_or_insert_with(|| {
        let report = records.last_report(sink.previous_file(crate::emit::REPORT)?)?;
        report.attach(spill).ok()?;
        sink.previous_was(crate::emit::REPORT, report.len, report.hash);
        Some(report)
    });
    let Some(report) = report else {
        return Ok(false);
    };
    report
        .refer(regions, spill)
        .map_err(|error| BuildError::Io {
            path: std::env::temp_dir(),
            error,
        })?;
    Ok(true)
}

impl<'a> EachUnit<'a> {
    pub fn new(
        root: &'a Path,
        options: &'a Options,
        templates: &'a Templates,
        sink: &'a dyn Sink,
        columns: crate::emit::merge::Columns,
        spill: Spill,
    ) -> EachUnit<'a> {
        EachUnit {
            root,
            options,
            templates,
            sink,
            columns,
            spill,
            published: BTreeSet::new(),
            summaries: Vec::new(),
            log: None,
            records: options.cache.then(|| Store::open(root)),
            failed: None,
            stopped: None,
            refused: false,
            outside_git: false,
            units: 0,
            replayed: Vec::new(),
            last_report: None,
            regions: (0, 0),
            keys: Vec::new(),
        }
    }

    /// The key of the conformance report's inputs, when every unit has a record key.
    pub fn report_key(&self) -> Option<u128> {
        (self.records.is_some() && self.units > 0 && self.keys.len() == self.units)
            .then(|| crate::emit::memo::report_key(&self.keys))
    }

    fn done(&self) -> bool {
        self.failed.is_some() || self.stopped.is_some() || self.refused
    }

    fn key(&self, key: u128, folders: &[String]) -> u128 {
        crate::emit::memo::key(key, self.templates.fingerprint, self.log.as_ref(), folders)
    }
}

impl pipeline::units::PerUnit for EachUnit<'_> {
    fn compiled(
        &mut self,
        unit: &str,
        folders: &[String],
        key: Option<u128>,
        compiled: &mut Compiled,
    ) {
        if !unit.is_empty() {
            self.units += 1;
        }
        if self.done() {
            return;
        }
        // The unit's own errors (those the findings keep: on its folders' files, or on the
        // national files for the national unit) stop the rendering; the build is refused.
        let owned = |file: &str| match pipeline::units::folder_of(file) {
            Some(folder) => folders.iter().any(|f| f == folder),
            None => unit.is_empty(),
        };
        if compiled.diagnostics.iter().any(|d| {
            d.severity == crate::diagnostic::Severity::Error
                && d.suppressed.is_none()
                && owned(&d.file)
        }) {
            self.refused = true;
            return;
        }
        // The national unit comes first: the feeds' history is read once, from its settings.
        if unit.is_empty() {
            // Outside git, the note that no feed is written is said once the build is made, as
            // the one-compile build says it (not before a refusal).
            if crate::load::git::Git::open(self.root).is_none() {
                self.outside_git = true;
                return;
            }
            match super::recent_changes(self.root, compiled, self.options) {
                Ok(changes) => self.log = changes,
                Err(e) => self.stopped = Some(e),
            }
            return;
        }
        let key = key.map(|key| self.key(key, folders));
        self.keys.extend(key);
        let mut record: Option<Record> = match (key, self.records.as_mut()) {
            (Some(key), Some(records)) => {
                records.named(unit, key);
                records.record(key)
            }
            _ => None,
        };
        // The unit's last record: its regions whose files are unchanged are taken from it.
        let (last, last_regions) = match self.records.as_ref().and_then(|r| r.previous(unit)) {
            Some((key, regions)) => (Some(key), regions),
            None => (None, Default::default()),
        };
        let mut site = crate::emit::Site::new(compiled, self.templates, folders.to_vec());
        site.feeds = self.log.is_some();
        site.reuse_pages = self.options.cache;
        let made = crate::emit::unit(
            &site,
            compiled,
            self.log.as_ref(),
            self.sink,
            &mut self.columns,
            &mut self.published,
            &last_regions,
            record.as_mut(),
        )
        .and_then(|(mut made, unchanged)| {
            let spilled = |error| BuildError::Io {
                path: std::env::temp_dir(),
                error,
            };
            self.regions.0 += folders.len();
            self.regions.1 += unchanged.len();
            let mark = self.spill.mark();
            let report = DiffReport::new(compiled, &[]);
            report
                .spill_regions(Json::Json, &mut self.spill, &|code| {
                    !unchanged.contains(code)
                })
                .map_err(spilled)?;
            // The unchanged regions' summaries and columns, from the unit's last record, its
            // blocks (their parts of the report too) copied into the new record as they are.
            let last = last.filter(|_| !unchanged.is_empty());
            if let (Some(last), Some(records)) = (last, &self.records) {
                records.take_regions(
                    last,
                    &unchanged,
                    &mut self.columns,
                    &mut made,
                    record.as_mut(),
                )?;
            }
            // The changed regions' pieces (all since the mark) into the new record, a region's
            // together.
            if let Some(record) = record.as_mut() {
                fn region(p: &Piece) -> &str {
                    piece_region(p.section, &p.first, &p.second)
                }
                self.spill
                    .sort_since(mark, &|a, b| region(a).cmp(region(b)));
                self.spill
                    .each_since(mark, &mut |section, first, second, text| {
                        record.piece(section, first, second, text);
                        Ok(())
                    })
                    .map_err(spilled)?;
            }
            // The unchanged regions' pieces of the report: from the last report, or else from
            // the unit's last record.
            if let (Some(last), Some(records)) = (last, &self.records) {
                let sink = self.sink;
                let spill = &mut self.spill;
                if !from_last_report(&mut self.last_report, records, sink, &unchanged, spill)? {
                    records.pieces_of(last, Some(&unchanged), &mut self.spill)?;
                }
            }
            Ok(made)
        });
        match made {
            Ok(made) => {
                self.summaries.extend(made);
                if let Some(record) = record {
                    record.finish();
                }
            }
            Err(e) => self.failed = Some(e),
        }
    }

    fn remembered(&mut self, unit: &str, folders: &[String], key: u128) -> bool {
        // Once the build is refused or failed, the findings are all that is needed.
        if self.done() {
            self.units += 1;
            return true;
        }
        let key = self.key(key, folders);
        let Some(records) = self.records.as_mut() else {
            return false;
        };
        let into = Replay {
            sink: self.sink,
            columns: &mut self.columns,
            summaries: &mut self.summaries,
            published: &mut self.published,
        };
        match records.replay(key, into) {
            Ok(Some(regions)) => {
                records.named(unit, key);
                self.units += 1;
                self.replayed.push(Replayed {
                    key,
                    regions,
                    last: records.last_key(unit) == Some(key),
                });
                self.keys.push(key);
                true
            }
            Ok(None) => false,
            Err(e) => {
                self.failed = Some(e);
                self.units += 1;
                true
            }
        }
    }
}
