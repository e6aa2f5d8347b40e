//! A province's part of a build kept between builds (`.catalogc-cache/builds/`), so that a
//! `build` in which a province's inputs did not change neither compiles nor summarises it: its
//! regions' folders are taken from the previous output, and what the national files need of it
//! (its regions' summaries and item-page columns, its part of the conformance report, the
//! attachments it publishes) is read back from the record its last compile left.
//!
//! A unit's part of the build is a function of its findings' inputs (the memo key of
//! [`crate::pipeline::memo`]: its files, the national files, catalogc itself, the reference date,
//! the language), of the templates, and of the changes its regions' feeds list. The key of a
//! record hashes all of them ([`key`]). A record is used only whole: its last line is a hash of
//! everything before it, checked before anything is taken from it, and only when the previous
//! output still holds every one of its regions' folders as the record's keys made them. Anything
//! else (no record, a damaged one, a region folder gone) compiles the unit as if there were no
//! record.
//!
//! A record is a line naming its format, then blocks, each a deflate stream (flate2, level 1: the
//! JSON they hold is about 11 times smaller, at a few hundred MB a second) of fields, each a length
//! (8 bytes, little-endian) and its bytes, grouped in entries that start with a tag and ended by an
//! `E` entry. The head block holds `R` a region and the key of its folders and `A` an attachment's
//! path and bytes; then a block for each region's `C` entries (an item, the region and the
//! region's column of the item as JSON) and its `S` summary as JSON; then a block for each
//! region's `P` pieces of the report (section, first key, second key, text). Then the index of the
//! blocks (for each, its kind, its region, its place and length), the index's place (8 bytes,
//! little-endian), and the xxh3 hash of every byte before it (16 bytes). The pieces are three
//! quarters of a record and are read only when the report is made again ([`Store::pieces`]): a
//! build whose report is kept does not inflate them, and a build that makes it again takes the
//! pieces of unchanged regions from the report the last build wrote, where the file
//! `report-pieces` says they are ([`LastReport`]), when the previous output still holds that
//! report as it was written. A province compiled again copies its unchanged regions' blocks from
//! its last record into its new one as they are, neither inflated nor deflated again.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use xxhash_rust::xxh3::Xxh3;

use super::merge::Columns;
use super::{BuildError, Sink, Summary};
use crate::report::diff::piece_region;
use crate::report::diff::spill::{Piece, Spill};

/// Changes whenever the layout of a record changes.
const FORMAT: &[u8] = b"catalogc build record 4\n";

/// The key of a unit's record: its memo key (`unit`), the templates' fingerprint, and whether
/// feeds are written and what each of its regions' feed lists.
pub fn key(
    unit: u128,
    templates: u128,
    log: Option<&crate::history::Changelog>,
    folders: &[String],
) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(FORMAT);
    hasher.update(&unit.to_le_bytes());
    hasher.update(&templates.to_le_bytes());
    match log {
        None => hasher.update(&[0]),
        Some(log) => {
            hasher.update(&[1]);
            for folder in folders {
                hasher.update(folder.as_bytes());
                hasher.update(&[0]);
                let changes = serde_json::to_vec(&log.feed(Some(folder))).unwrap_or_default();
                hasher.update(&(changes.len() as u64).to_le_bytes());
                hasher.update(&changes);
            }
        }
    }
    hasher.digest128()
}

/// The file that says which conformance report the last build wrote.
const REPORT_RECORD: &str = "report";
const REPORT_HEADER: &str = "catalogc report 1\n";
/// The file that says where each piece of that report is in it: a line naming the report as
/// [`REPORT_RECORD`] does, then a line a piece, its section, first and second keys, place and
/// length, separated by tabs.
const REPORT_PIECES: &str = "report-pieces";
const REPORT_PIECES_HEADER: &str = "catalogc report pieces 1\n";

/// The key of the conformance report's inputs: every province's record key (the national files,
/// catalogc, the date and the language are in each).
pub fn report_key(units: &[u128]) -> u128 {
    let mut sorted = units.to_vec();
    sorted.sort_unstable();
    let mut hasher = Xxh3::new();
    hasher.update(FORMAT);
    hasher.update(b"report\0");
    for key in sorted {
        hasher.update(&key.to_le_bytes());
    }
    hasher.digest128()
}

/// A writer that hashes what goes through it: a record's file (sealed with its hash), the
/// report a build wrote (recorded with its length and hash).
pub struct Hashing<W: Write> {
    pub out: W,
    hasher: Xxh3,
    len: u64,
}

impl<W: Write> Hashing<W> {
    pub fn new(out: W) -> Hashing<W> {
        Hashing {
            out,
            hasher: Xxh3::new(),
            len: 0,
        }
    }

    /// The length and xxh3 hash of what was written so far.
    pub fn written(&self) -> (u64, u128) {
        (self.len, self.hasher.digest128())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The file that names each unit's record in the last whole build.
const UNITS_RECORD: &str = "units";
const UNITS_HEADER: &str = "catalogc build units 1\n";

/// The records of the catalog at a root.
pub struct Store {
    dir: PathBuf,
    /// The keys asked for or recorded in this build.
    seen: BTreeSet<u128>,
    /// Each unit's record key in the last whole build, and in this one.
    last: BTreeMap<String, u128>,
    now: BTreeMap<String, u128>,
}

/// What a unit's record is taken into: the build's sink, its columns, the regions' summaries and
/// the attachments already published. Its part of the report is read later, if the report is
/// made again ([`Store::pieces`]).
pub struct Replay<'a> {
    pub sink: &'a dyn Sink,
    pub columns: &'a mut Columns,
    pub summaries: &'a mut Vec<Summary>,
    pub published: &'a mut BTreeSet<String>,
}

impl Store {
    pub fn open(root: &Path) -> Store {
        let dir = root.join(".catalogc-cache").join("builds");
        let last = std::fs::read_to_string(dir.join(UNITS_RECORD))
            .ok()
            .and_then(|text| {
                let mut last = BTreeMap::new();
                for line in text.strip_prefix(UNITS_HEADER)?.lines() {
                    let (unit, key) = line.split_once(' ')?;
                    last.insert(unit.to_string(), u128::from_str_radix(key, 16).ok()?);
                }
                Some(last)
            })
            .unwrap_or_default();
        Store {
            dir,
            seen: BTreeSet::new(),
            last,
            now: BTreeMap::new(),
        }
    }

    /// `unit`'s record in this build is the one under `key`.
    pub fn named(&mut self, unit: &str, key: u128) {
        self.now.insert(unit.to_string(), key);
    }

    /// The key of `unit`'s record in the last whole build, and the key each of its regions' files
    /// had then; `None` when there is no such record, or it is not whole.
    pub fn previous(&self, unit: &str) -> Option<(u128, BTreeMap<String, u128>)> {
        let key = *self.last.get(unit)?;
        let path = self.path(key);
        if !whole(&path) {
            return None;
        }
        let mut regions = BTreeMap::new();
        let blocks = Blocks::open(&path).ok()?;
        let head = blocks.entries(|b| b.kind == HEAD);
        for entry in head {
            if let Entry::Region(code, key) = entry.ok()? {
                regions.insert(code, key);
            }
        }
        Some((key, regions))
    }

    /// Take the summaries and item-page columns of `regions` from the record under `key` (a
    /// unit's last, [`Store::previous`]) into `summaries` and `columns`; copy their blocks and
    /// their parts of the report into the unit's new `record` as they are (not inflated and
    /// deflated again).
    pub fn take_regions(
        &self,
        key: u128,
        regions: &BTreeSet<String>,
        columns: &mut Columns,
        summaries: &mut Vec<Summary>,
        record: Option<&mut Record>,
    ) -> Result<(), BuildError> {
        let (blocks, damaged) = self.whole_blocks(key)?;
        let wanted = |b: &Block| b.kind == COLUMNS && regions.contains(&b.region);
        for entry in blocks.entries(wanted) {
            match entry.map_err(damaged)? {
                Entry::Column(item, region, bytes) => columns.put(item, &region, &bytes)?,
                Entry::Summary(summary) => summaries.push(summary),
                _ => return Err(damaged(io::Error::other("an entry out of its place"))),
            }
        }
        if let Some(record) = record {
            let copied = |b: &Block| b.kind != HEAD && regions.contains(&b.region);
            blocks.copy(copied, record).map_err(damaged)?;
        }
        Ok(())
    }

    fn path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}.bin"))
    }

    /// A new record for `key`, written beside its place and put there by [`Record::finish`].
    /// `None` when it cannot be created (a build without records is only slower).
    pub fn record(&mut self, key: u128) -> Option<Record> {
        self.seen.insert(key);
        std::fs::create_dir_all(&self.dir).ok()?;
        let temporary = self
            .dir
            .join(format!("{key:032x}.tmp-{}", std::process::id()));
        let mut out = Hashing::new(BufWriter::with_capacity(
            1 << 20,
            File::create(&temporary).ok()?,
        ));
        out.write_all(FORMAT).ok()?;
        Some(Record {
            out: Some(out),
            block: None,
            index: Vec::new(),
            temporary,
            path: self.path(key),
        })
    }

    /// Take the unit's part of the build but its part of the report from its record under `key`
    /// into `into`; the codes of its regions. `None`, with nothing taken, when there is no whole
    /// record or a region's folders cannot be taken from the previous output; an error only when
    /// the output cannot be written.
    pub fn replay(
        &mut self,
        key: u128,
        into: Replay<'_>,
    ) -> Result<Option<Vec<String>>, BuildError> {
        self.seen.insert(key);
        let path = self.path(key);
        if !whole(&path) {
            return Ok(None);
        }
        let Ok(blocks) = Blocks::open(&path) else {
            return Ok(None);
        };
        // The regions and attachments come first: every region must be reusable before
        // anything is taken.
        let mut regions = Vec::new();
        let mut attachments = Vec::new();
        for entry in blocks.entries(|b| b.kind == HEAD) {
            match entry {
                Ok(Entry::Region(code, key)) => regions.push((code, key)),
                Ok(Entry::Attachment(path, bytes)) => attachments.push((path, bytes)),
                _ => return Ok(None),
            }
        }
        if !regions
            .iter()
            .all(|(code, key)| into.sink.can_reuse_region(code, *key))
        {
            return Ok(None);
        }
        for (code, key) in &regions {
            into.sink.reuse_region(code, *key)?;
        }
        for (path, bytes) in attachments {
            if into.published.insert(path.clone()) {
                into.sink.put(path, bytes)?;
            }
        }
        let damaged = damaged(&path);
        for entry in blocks.entries(|b| b.kind == COLUMNS) {
            match entry.map_err(damaged)? {
                Entry::Column(item, region, bytes) => into.columns.put(item, &region, &bytes)?,
                Entry::Summary(summary) => into.summaries.push(summary),
                _ => return Err(damaged(io::Error::other("an entry out of its place"))),
            }
        }
        Ok(Some(regions.into_iter().map(|(code, _)| code).collect()))
    }

    /// Put the unit's part of the report, from its record under `key` (one [`Store::replay`]
    /// took), into `spill`. An error when the record is no longer whole: the report cannot be
    /// made without it.
    pub fn pieces(&self, key: u128, spill: &mut Spill) -> Result<(), BuildError> {
        self.pieces_of(key, None, spill)
    }

    /// [`Store::pieces`], of `regions` only (all with `None`).
    pub fn pieces_of(
        &self,
        key: u128,
        regions: Option<&BTreeSet<String>>,
        spill: &mut Spill,
    ) -> Result<(), BuildError> {
        let (blocks, damaged) = self.whole_blocks(key)?;
        let wanted = |b: &Block| b.kind == PIECES && regions.is_none_or(|r| r.contains(&b.region));
        for entry in blocks.entries(wanted) {
            match entry.map_err(damaged)? {
                Entry::Piece(section, first, second, text) => spill
                    .put(section, &first, &second, &text)
                    .map_err(|error| BuildError::Io {
                        path: std::env::temp_dir(),
                        error,
                    })?,
                _ => return Err(damaged(io::Error::other("an entry out of its place"))),
            }
        }
        Ok(())
    }

    /// The blocks of the record under `key`, which must still be whole (a record this build
    /// decided to take something from, read for it), and the error its damage is.
    fn whole_blocks(
        &self,
        key: u128,
    ) -> Result<(Blocks, impl Fn(io::Error) -> BuildError + Copy + '_), BuildError> {
        let path = self.path(key);
        let damaged = move |error| BuildError::Record {
            path: self.path(key),
            error,
        };
        if !whole(&path) {
            return Err(damaged(io::Error::other(
                "the build record changed during the build",
            )));
        }
        Ok((Blocks::open(&path).map_err(damaged)?, damaged))
    }

    /// The conformance report the last build wrote: the key of its inputs (every province's
    /// record key, [`report_key`]), its length and its xxh3 hash.
    pub fn report(&self) -> Option<(u128, u64, u128)> {
        let text = std::fs::read_to_string(self.dir.join(REPORT_RECORD)).ok()?;
        let mut words = text.strip_prefix(REPORT_HEADER)?.split_whitespace();
        let key = u128::from_str_radix(words.next()?, 16).ok()?;
        let len = words.next()?.parse().ok()?;
        let hash = u128::from_str_radix(words.next()?, 16).ok()?;
        Some((key, len, hash))
    }

    /// Keep what [`Store::report`] reads (a failure to write only costs a report written again),
    /// and where each of the report's pieces is in it (`placed`), for [`Store::last_report`].
    pub fn put_report(&self, key: u128, len: u64, hash: u128, placed: &[Piece]) {
        let named = format!("{key:032x} {len} {hash:032x}\n");
        let pieces = self.dir.join(REPORT_PIECES);
        let mut text = format!("{REPORT_PIECES_HEADER}{named}");
        for piece in placed {
            let (first, second) = (&*piece.first, &*piece.second);
            // Keys are codes; one that could not be read back leaves the pieces unsaid.
            if [first, second].iter().any(|k| k.contains(['\t', '\n'])) {
                let _ = std::fs::remove_file(&pieces);
                text.clear();
                break;
            }
            let (section, at, len) = (piece.section, piece.at, piece.len);
            text.push_str(&format!("{section}\t{first}\t{second}\t{at}\t{len}\n"));
        }
        if !text.is_empty() {
            crate::load::cache::replace(&pieces, text.as_bytes());
        }
        let text = format!("{REPORT_HEADER}{named}");
        crate::load::cache::replace(&self.dir.join(REPORT_RECORD), text.as_bytes());
    }

    /// The key of `unit`'s record in the last whole build.
    pub fn last_key(&self, unit: &str) -> Option<u128> {
        self.last.get(unit).copied()
    }

    /// The conformance report the last build wrote, in `file` (the previous output's): `None`
    /// unless it was made from the records that build named ([`Store::open`]), the file is the
    /// one recorded (its length and xxh3 hash) and `report-pieces` says where its pieces are.
    pub fn last_report(&self, mut file: File) -> Option<LastReport> {
        let (key, len, hash) = self.report()?;
        let units: Vec<u128> = self.last.values().copied().collect();
        if units.is_empty() || key != report_key(&units) {
            return None;
        }
        let text = std::fs::read_to_string(self.dir.join(REPORT_PIECES)).ok()?;
        let named = format!("{key:032x} {len} {hash:032x}\n");
        let lines = text
            .strip_prefix(REPORT_PIECES_HEADER)?
            .strip_prefix(&named)?;
        if file.metadata().ok()?.len() != len {
            return None;
        }
        if super::hash_of(&mut file).ok()? != (len, hash) {
            return None;
        }
        let mut regions: BTreeMap<Box<str>, Vec<Piece>> = BTreeMap::new();
        for line in lines.lines() {
            let mut fields = line.split('\t');
            let mut next = || fields.next();
            let piece = Piece {
                section: next()?.parse().ok()?,
                first: next()?.into(),
                second: next()?.into(),
                at: next()?.parse().ok()?,
                len: next()?.parse().ok()?,
                last: true,
            };
            if piece.at.checked_add(piece.len)? > len {
                return None;
            }
            let region = piece_region(piece.section, &piece.first, &piece.second);
            regions.entry(region.into()).or_default().push(piece);
        }
        Some(LastReport {
            file,
            len,
            hash,
            regions,
        })
    }

    /// After a build of every unit: delete the records no key of this build named, and say
    /// which record is each unit's ([`Store::previous`] in the next build).
    pub fn prune(&self) {
        crate::pipeline::memo::prune(
            &self.dir,
            ".bin",
            &self.seen,
            &[REPORT_RECORD, UNITS_RECORD],
        );
        let mut text = UNITS_HEADER.to_string();
        for (unit, key) in &self.now {
            text.push_str(&format!("{unit} {key:032x}\n"));
        }
        crate::load::cache::replace(&self.dir.join(UNITS_RECORD), text.as_bytes());
    }
}

/// The conformance report the last build wrote, as the previous output holds it, and where
/// each region's pieces are in it ([`Store::last_report`]).
pub struct LastReport {
    file: File,
    /// Its length and xxh3 hash.
    pub len: u64,
    pub hash: u128,
    regions: BTreeMap<Box<str>, Vec<Piece>>,
}

impl LastReport {
    /// Give `spill` the report's file, which the pieces [`LastReport::refer`] keeps are in.
    pub fn attach(&self, spill: &mut Spill) -> io::Result<()> {
        spill.set_last(self.file.try_clone()?);
        Ok(())
    }

    /// Keep the pieces of `regions` in `spill` as they are in this report (the spill must have
    /// been given it: [`LastReport::attach`]).
    pub fn refer<'r>(
        &self,
        regions: impl IntoIterator<Item = &'r String>,
        spill: &mut Spill,
    ) -> io::Result<()> {
        for region in regions {
            for piece in self.regions.get(region.as_str()).into_iter().flatten() {
                spill.refer(piece)?;
            }
        }
        Ok(())
    }
}

/// The kinds of block, in the order a record holds them: the head (`R` and `A` entries), a
/// region's columns and summary (`C` and `S`), a region's pieces of the report (`P`).
const HEAD: u8 = b'H';
const COLUMNS: u8 = b'C';
const PIECES: u8 = b'P';

/// The kind of block an entry (by its tag) goes in.
fn block_of(tag: u8) -> u8 {
    match tag {
        b'R' | b'A' => HEAD,
        b'C' | b'S' => COLUMNS,
        _ => PIECES,
    }
}

/// Where a block is in its record, and whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Block {
    kind: u8,
    /// The region whose entries it holds (empty for the head).
    region: String,
    at: u64,
    len: u64,
}

type Out = Hashing<BufWriter<File>>;

/// A record being written. A write that fails abandons it (the unit is compiled next time).
pub struct Record {
    /// The file, between blocks.
    out: Option<Out>,
    /// The block being written: its kind, region, place, and the stream deflating into the file.
    block: Option<(u8, String, u64, DeflateEncoder<Out>)>,
    index: Vec<Block>,
    temporary: PathBuf,
    path: PathBuf,
}

impl Record {
    fn entry(&mut self, tag: u8, region: &str, fields: &[&[u8]]) {
        let kind = block_of(tag);
        let same = matches!(&self.block, Some((k, r, ..)) if *k == kind && r == region);
        if !same && !self.start(kind, region) {
            return;
        }
        let Some((.., out)) = self.block.as_mut() else {
            return;
        };
        let mut write = || -> io::Result<()> {
            for field in std::iter::once(&[tag][..]).chain(fields.iter().copied()) {
                out.write_all(&(field.len() as u64).to_le_bytes())?;
                out.write_all(field)?;
            }
            Ok(())
        };
        if write().is_err() {
            self.abandon();
        }
    }

    /// End the block being written, if any; false once the record is abandoned.
    fn end_block(&mut self) -> bool {
        let Some((kind, region, at, mut out)) = self.block.take() else {
            return self.out.is_some();
        };
        let ended = (|| -> io::Result<Out> {
            out.write_all(&1u64.to_le_bytes())?;
            out.write_all(b"E")?;
            out.finish()
        })();
        match ended {
            Ok(file) => {
                let len = file.written().0 - at;
                self.index.push(Block {
                    kind,
                    region,
                    at,
                    len,
                });
                self.out = Some(file);
                true
            }
            Err(_) => {
                self.abandon();
                false
            }
        }
    }

    /// Whether a block of `kind` may come now: the kinds come in their order (a head, columns,
    /// pieces); one out of its place abandons the record.
    fn in_order(&mut self, kind: u8) -> bool {
        let rank = |k: u8| [HEAD, COLUMNS, PIECES].iter().position(|x| *x == k);
        let last = self
            .block
            .as_ref()
            .map(|(k, ..)| *k)
            .or(self.index.last().map(|b| b.kind));
        if last.is_some_and(|last| rank(last) > rank(kind)) {
            self.abandon();
            return false;
        }
        true
    }

    /// Start a block of `kind` for `region`, ending the one being written.
    fn start(&mut self, kind: u8, region: &str) -> bool {
        if !self.in_order(kind) || !self.end_block() {
            return false;
        }
        let Some(out) = self.out.take() else {
            return false;
        };
        let at = out.written().0;
        let encoder = DeflateEncoder::new(out, Compression::fast());
        self.block = Some((kind, region.to_string(), at, encoder));
        true
    }

    /// Copy a block of another record as it is (`bytes`, a whole deflate stream of entries).
    fn copy(&mut self, kind: u8, region: &str, bytes: &[u8]) {
        if !self.in_order(kind) || !self.end_block() {
            return;
        }
        let Some(out) = self.out.as_mut() else {
            return;
        };
        let at = out.written().0;
        if out.write_all(bytes).is_err() {
            return self.abandon();
        }
        self.index.push(Block {
            kind,
            region: region.to_string(),
            at,
            len: bytes.len() as u64,
        });
    }

    /// A region of the unit and the key its folders were made from.
    pub fn region(&mut self, code: &str, key: u128) {
        self.entry(b'R', "", &[code.as_bytes(), &key.to_le_bytes()]);
    }

    /// An attachment the unit publishes.
    pub fn attachment(&mut self, path: &str, bytes: &[u8]) {
        self.entry(b'A', "", &[path.as_bytes(), bytes]);
    }

    /// Region `region`'s column of item `item`, as JSON.
    pub fn column(&mut self, item: &str, region: &str, bytes: &[u8]) {
        self.entry(b'C', region, &[item.as_bytes(), region.as_bytes(), bytes]);
    }

    /// A region's summary, its columns taken.
    pub fn summary(&mut self, summary: &Summary) {
        match serde_json::to_vec(summary) {
            Ok(json) => self.entry(b'S', &summary.code, &[&json]),
            Err(_) => self.abandon(),
        }
    }

    /// A piece of the conformance report.
    pub fn piece(&mut self, section: u8, first: &str, second: &str, text: &str) {
        self.entry(
            b'P',
            piece_region(section, first, second),
            &[
                &[section],
                first.as_bytes(),
                second.as_bytes(),
                text.as_bytes(),
            ],
        );
    }

    /// Give up the record (the unit's part of the build was not all seen).
    pub fn abandon(&mut self) {
        if self.out.take().is_some() | self.block.take().is_some() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }

    /// Seal the record with its index and hash and put it in its place.
    pub fn finish(mut self) {
        if !self.end_block() {
            return;
        }
        let Some(mut out) = self.out.take() else {
            return;
        };
        let index = std::mem::take(&mut self.index);
        let sealed = (|| -> io::Result<()> {
            let at = out.written().0;
            for block in &index {
                out.write_all(&[block.kind])?;
                out.write_all(&(block.region.len() as u64).to_le_bytes())?;
                out.write_all(block.region.as_bytes())?;
                out.write_all(&block.at.to_le_bytes())?;
                out.write_all(&block.len.to_le_bytes())?;
            }
            out.write_all(&at.to_le_bytes())?;
            let digest = out.written().1.to_le_bytes();
            out.out.write_all(&digest)?;
            let file = out
                .out
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?;
            file.sync_data()?;
            std::fs::rename(&self.temporary, &self.path)
        })();
        if sealed.is_err() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        self.abandon();
    }
}

/// A record that cannot be read as it was written, as a build's error.
fn damaged(path: &Path) -> impl Fn(io::Error) -> BuildError + Copy + '_ {
    move |error| BuildError::Record {
        path: path.to_path_buf(),
        error,
    }
}

/// Whether the record at `path` is whole: its last 16 bytes are the hash of every byte before.
fn whole(path: &Path) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    if len < (FORMAT.len() + 8 + 16) as u64 {
        return false;
    }
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0; 1 << 20];
    let mut left = len - 16;
    while left > 0 {
        let n = left.min(buffer.len() as u64) as usize;
        if file.read_exact(&mut buffer[..n]).is_err() {
            return false;
        }
        hasher.update(&buffer[..n]);
        left -= n as u64;
    }
    let mut digest = [0; 16];
    file.read_exact(&mut digest).is_ok() && digest == hasher.digest128().to_le_bytes()
}

/// The number of fields after the tag in each kind of entry.
fn fields(tag: u8) -> Option<usize> {
    match tag {
        b'R' | b'A' => Some(2),
        b'C' => Some(3),
        b'S' => Some(1),
        b'P' => Some(4),
        _ => None,
    }
}

/// One entry of a record.
enum Entry {
    Region(String, u128),
    Attachment(String, Vec<u8>),
    Column(String, String, Vec<u8>),
    Summary(Summary),
    Piece(u8, String, String, String),
}

impl Entry {
    fn tag(&self) -> u8 {
        match self {
            Entry::Region(..) => b'R',
            Entry::Attachment(..) => b'A',
            Entry::Column(..) => b'C',
            Entry::Summary(..) => b'S',
            Entry::Piece(..) => b'P',
        }
    }
}

/// A record's blocks, from its index (the record must be whole: [`whole`]).
struct Blocks {
    path: PathBuf,
    index: Vec<Block>,
}

impl Blocks {
    fn open(path: &Path) -> io::Result<Blocks> {
        use std::io::{Seek, SeekFrom};
        let mut file = File::open(path)?;
        let mut format = vec![0; FORMAT.len()];
        file.read_exact(&mut format)?;
        if format != FORMAT {
            return Err(io::Error::other("another format"));
        }
        let len = file.metadata()?.len();
        let mut at = [0; 8];
        file.seek(SeekFrom::End(-(8 + 16)))?;
        file.read_exact(&mut at)?;
        let at = u64::from_le_bytes(at);
        let end = len.checked_sub(8 + 16).filter(|end| *end >= at);
        let end = end.ok_or_else(|| io::Error::other("a damaged index"))?;
        file.seek(SeekFrom::Start(at))?;
        let mut bytes = vec![0; (end - at) as usize];
        file.read_exact(&mut bytes)?;
        let mut index = Vec::new();
        let mut rest = bytes.as_slice();
        while !rest.is_empty() {
            let (block, left) =
                index_entry(rest).ok_or_else(|| io::Error::other("a damaged index"))?;
            if block.at.checked_add(block.len).is_none_or(|e| e > at) {
                return Err(io::Error::other("a block outside the record"));
            }
            index.push(block);
            rest = left;
        }
        Ok(Blocks {
            path: path.to_path_buf(),
            index,
        })
    }

    /// The entries of the blocks `wanted` says, block by block in the record's order.
    fn entries(&self, wanted: impl Fn(&Block) -> bool) -> impl Iterator<Item = io::Result<Entry>> {
        let blocks: Vec<Block> = self.index.iter().filter(|b| wanted(b)).cloned().collect();
        let path = self.path.clone();
        blocks.into_iter().flat_map(move |block| {
            let kind = block.kind;
            let entries = Entries::of(&path, &block);
            let entries: Box<dyn Iterator<Item = io::Result<Entry>>> = match entries {
                Ok(entries) => Box::new(entries.map(move |entry| {
                    let entry = entry?;
                    if block_of(entry.tag()) != kind {
                        return Err(io::Error::other("an entry out of its place"));
                    }
                    Ok(entry)
                })),
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
            entries
        })
    }

    /// Copy the blocks `wanted` says into `record` as they are.
    fn copy(&self, wanted: impl Fn(&Block) -> bool, record: &mut Record) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let mut file = File::open(&self.path)?;
        let mut bytes = Vec::new();
        for block in self.index.iter().filter(|b| wanted(b)) {
            bytes.resize(block.len as usize, 0);
            file.seek(SeekFrom::Start(block.at))?;
            file.read_exact(&mut bytes)?;
            record.copy(block.kind, &block.region, &bytes);
        }
        Ok(())
    }
}

/// One block of a record's index (its kind, its region's length and bytes, its place and
/// length, numbers as 8 bytes little-endian), and the bytes after it.
fn index_entry(bytes: &[u8]) -> Option<(Block, &[u8])> {
    let number = |bytes: &[u8]| Some(u64::from_le_bytes(bytes.try_into().ok()?));
    let (&kind, rest) = bytes.split_first()?;
    let (n, rest) = rest.split_at_checked(8)?;
    let (region, rest) = rest.split_at_checked(usize::try_from(number(n)?).ok()?)?;
    let (at, rest) = rest.split_at_checked(8)?;
    let (len, rest) = rest.split_at_checked(8)?;
    let block = Block {
        kind,
        region: String::from_utf8(region.to_vec()).ok()?,
        at: number(at)?,
        len: number(len)?,
    };
    Some((block, rest))
}

/// The entries of one block, in order.
struct Entries {
    input: BufReader<DeflateDecoder<io::Take<File>>>,
    done: bool,
}

impl Entries {
    fn of(path: &Path, block: &Block) -> io::Result<Entries> {
        use std::io::{Seek, SeekFrom};
        let mut file = File::open(path)?;
        file.seek(SeekFrom::Start(block.at))?;
        let input = DeflateDecoder::new(file.take(block.len));
        Ok(Entries {
            input: BufReader::with_capacity(1 << 20, input),
            done: false,
        })
    }

    fn field(&mut self) -> io::Result<Vec<u8>> {
        let mut len = [0; 8];
        self.input.read_exact(&mut len)?;
        let n = u64::from_le_bytes(len);
        // Room for the field at once (a field is at most a few MB; a damaged length reads to
        // the end of the stream and fails below).
        let mut bytes = Vec::with_capacity(n.min(1 << 24) as usize);
        (&mut self.input).take(n).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != n {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(bytes)
    }

    /// The next entry's tag and fields; `None` at the end.
    fn raw(&mut self) -> io::Result<Option<(u8, Vec<Vec<u8>>)>> {
        let tag = match self.field()?.as_slice() {
            [tag] => *tag,
            _ => return Err(io::Error::other("not an entry")),
        };
        if tag == b'E' {
            return Ok(None);
        }
        let n = fields(tag).ok_or_else(|| io::Error::other("an unknown entry"))?;
        let fields = (0..n).map(|_| self.field()).collect::<io::Result<_>>()?;
        Ok(Some((tag, fields)))
    }

    fn read(&mut self) -> io::Result<Option<Entry>> {
        let Some((tag, fields)) = self.raw()? else {
            return Ok(None);
        };
        let mut fields = fields.into_iter();
        let mut next = || fields.next().unwrap_or_default();
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(io::Error::other);
        let damaged = || io::Error::other("a damaged entry");
        Ok(Some(match tag {
            b'R' => {
                let code = text(next())?;
                let key = next().try_into().map_err(|_| damaged())?;
                Entry::Region(code, u128::from_le_bytes(key))
            }
            b'A' => Entry::Attachment(text(next())?, next()),
            b'C' => Entry::Column(text(next())?, text(next())?, next()),
            b'S' => Entry::Summary(serde_json::from_slice(&next()).map_err(io::Error::other)?),
            _ => {
                let section = *next().first().ok_or_else(damaged)?;
                Entry::Piece(section, text(next())?, text(next())?, text(next())?)
            }
        }))
    }
}

impl Iterator for Entries {
    type Item = io::Result<Entry>;

    fn next(&mut self) -> Option<io::Result<Entry>> {
        if self.done {
            return None;
        }
        let entry = self.read().transpose();
        if !matches!(entry, Some(Ok(_))) {
            self.done = true;
        }
        entry
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that takes every region's folders from a previous output and keeps what is put.
    #[derive(Default)]
    struct Taking(std::sync::Mutex<Vec<String>>);

    impl Sink for Taking {
        fn put(&self, path: String, _bytes: Vec<u8>) -> Result<(), BuildError> {
            self.0.lock().unwrap().push(path);
            Ok(())
        }

        fn reuse_region(&self, region: &str, key: u128) -> Result<bool, BuildError> {
            self.0.lock().unwrap().push(format!("{region} {key}"));
            Ok(true)
        }

        fn can_reuse_region(&self, _region: &str, _key: u128) -> bool {
            true
        }
    }

    /// Replay `key` from `store`: what the sink saw, the columns' count.
    fn replay(store: &mut Store, key: u128) -> Result<Option<Vec<String>>, BuildError> {
        let sink = Taking::default();
        let dir = tempfile::tempdir().unwrap();
        let mut columns = Columns::new(dir.path())?;
        let (mut summaries, mut published) = (Vec::new(), BTreeSet::new());
        let into = Replay {
            sink: &sink,
            columns: &mut columns,
            summaries: &mut summaries,
            published: &mut published,
        };
        if store.replay(key, into)?.is_none() {
            return Ok(None);
        }
        columns.finish()?;
        let mut seen = sink.0.into_inner().unwrap();
        for item in ["001", "002"] {
            for column in columns.raw(item)? {
                seen.push(format!("{item} {}", String::from_utf8(column).unwrap()));
            }
        }
        Ok(Some(seen))
    }

    /// The pieces `store` holds under `key`, as `(section, first, second, text)`.
    fn pieces(store: &Store, key: u128) -> Result<Vec<String>, BuildError> {
        let mut spill = Spill::new().unwrap();
        store.pieces(key, &mut spill)?;
        let mut seen = Vec::new();
        spill
            .each_since(0, &mut |section, first, second, text| {
                seen.push(format!("{section} {first} {second} {text}"));
                Ok(())
            })
            .unwrap();
        Ok(seen)
    }

    /// Every block of `kind` in the record at `path` replaced by bytes that do not inflate (as
    /// many), the record sealed again so that it is whole.
    fn damage(path: &Path, kind: u8) {
        let blocks = Blocks::open(path).unwrap();
        let mut bytes = std::fs::read(path).unwrap();
        for block in blocks.index.iter().filter(|b| b.kind == kind) {
            let (at, len) = (block.at as usize, block.len as usize);
            bytes[at..at + len].fill(0xff);
        }
        let body = bytes.len() - 16;
        let digest = xxhash_rust::xxh3::xxh3_128(&bytes[..body]);
        bytes[body..].copy_from_slice(&digest.to_le_bytes());
        std::fs::write(path, &bytes).unwrap();
        assert!(whole(path));
    }

    /// A record keeps a unit's regions, attachments and columns apart from its part of the
    /// report: a replay takes the first and never reads the second, which is read on its own
    /// when the report is made again. The pieces made unreadable (and the record sealed again, so
    /// that it is whole) do not stop a replay; they stop the report.
    #[test]
    fn the_reports_pieces_are_read_only_when_asked_for() {
        let root = tempfile::tempdir().unwrap();
        let mut store = Store::open(root.path());
        let mut record = store.record(7).unwrap();
        record.region("440300", 42);
        record.attachment("files/a.pdf", b"%PDF");
        record.column("001", "440300", br#"{"class":"same"}"#);
        record.column("002", "440300", br#"{"class":"stricter"}"#);
        record.piece(0, "440300", "", r#"{"score":1}"#);
        record.piece(1, "001", "440300", "{}");
        record.finish();

        let seen = replay(&mut store, 7).unwrap().unwrap();
        assert_eq!(
            seen,
            [
                "440300 42",
                "files/a.pdf",
                r#"001 {"class":"same"}"#,
                r#"002 {"class":"stricter"}"#
            ]
        );
        assert_eq!(
            pieces(&store, 7).unwrap(),
            [r#"0 440300  {"score":1}"#, "1 001 440300 {}"]
        );

        // The pieces' block replaced by bytes that do not inflate, the record sealed again.
        let path = store.path(7);
        let bytes = std::fs::read(&path).unwrap();
        damage(&path, PIECES);
        assert_eq!(replay(&mut store, 7).unwrap().unwrap(), seen);
        assert!(pieces(&store, 7).is_err());

        // A record cut short is not whole: nothing is taken.
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(replay(&mut store, 7).unwrap(), None);
        assert!(pieces(&store, 7).is_err());
    }

    /// A province compiled again takes its unchanged regions' blocks from its last record as
    /// they are (the same deflated bytes), beside its changed regions' new ones: the new record
    /// replays both, and gives both regions' pieces.
    #[test]
    fn an_unchanged_regions_blocks_are_copied_as_they_are_into_the_new_record() {
        let root = tempfile::tempdir().unwrap();
        let mut store = Store::open(root.path());
        let mut record = store.record(1).unwrap();
        for (region, key) in [("440300", 42), ("440304", 43)] {
            record.region(region, key);
        }
        for region in ["440300", "440304"] {
            record.column("001", region, format!(r#"{{"old":"{region}"}}"#).as_bytes());
        }
        for region in ["440300", "440304"] {
            record.piece(0, region, "", &format!("old {region}"));
            record.piece(1, "001", region, &format!("old 001 {region}"));
        }
        record.finish();

        // 440304 unchanged, 440300 made again.
        let kept: BTreeSet<String> = ["440304".to_string()].into();
        let mut record = store.record(2).unwrap();
        for (region, key) in [("440300", 52), ("440304", 43)] {
            record.region(region, key);
        }
        record.column("001", "440300", br#"{"new":"440300"}"#);
        let dir = tempfile::tempdir().unwrap();
        let mut columns = Columns::new(dir.path()).unwrap();
        let mut summaries = Vec::new();
        store
            .take_regions(1, &kept, &mut columns, &mut summaries, Some(&mut record))
            .unwrap();
        record.piece(1, "001", "440300", "new 001 440300");
        record.finish();
        columns.finish().unwrap();
        let taken: Vec<String> = columns
            .raw("001")
            .unwrap()
            .into_iter()
            .map(|c| String::from_utf8(c).unwrap())
            .collect();
        assert_eq!(taken, [r#"{"old":"440304"}"#]);

        assert_eq!(
            replay(&mut store, 2).unwrap().unwrap(),
            [
                "440300 52",
                "440304 43",
                r#"001 {"new":"440300"}"#,
                r#"001 {"old":"440304"}"#
            ]
        );
        let mut got = pieces(&store, 2).unwrap();
        got.sort();
        assert_eq!(
            got,
            [
                "0 440304  old 440304",
                "1 001 440300 new 001 440300",
                "1 001 440304 old 001 440304"
            ]
        );
        // The unchanged region's blocks are the old record's bytes.
        let (old, new) = (store.path(1), store.path(2));
        let (old_bytes, new_bytes) = (std::fs::read(&old).unwrap(), std::fs::read(&new).unwrap());
        let old_blocks = Blocks::open(&old).unwrap();
        for block in old_blocks.index.iter().filter(|b| b.region == "440304") {
            let bytes = &old_bytes[block.at as usize..(block.at + block.len) as usize];
            assert!(
                new_bytes.windows(bytes.len()).any(|w| w == bytes),
                "{block:?} was not copied"
            );
        }
        let new_blocks = Blocks::open(&new).unwrap();
        let kinds: Vec<(u8, &str)> = new_blocks
            .index
            .iter()
            .map(|b| (b.kind, b.region.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (HEAD, ""),
                (COLUMNS, "440300"),
                (COLUMNS, "440304"),
                (PIECES, "440304"),
                (PIECES, "440300")
            ]
        );
    }

    /// A unit without findings in the report has no pieces; an entry of the regions' blocks after
    /// a piece abandons the record.
    #[test]
    fn a_record_without_pieces_replays_and_one_out_of_order_is_abandoned() {
        let root = tempfile::tempdir().unwrap();
        let mut store = Store::open(root.path());
        let mut record = store.record(1).unwrap();
        record.region("110000", 5);
        record.finish();
        assert_eq!(replay(&mut store, 1).unwrap().unwrap(), ["110000 5"]);
        assert_eq!(pieces(&store, 1).unwrap(), Vec::<String>::new());

        let mut record = store.record(2).unwrap();
        record.region("110000", 5);
        record.piece(1, "110000", "", "{}");
        record.column("001", "110000", b"{}");
        record.finish();
        assert!(!store.path(2).exists());
        assert_eq!(replay(&mut store, 2).unwrap(), None);
    }
}
