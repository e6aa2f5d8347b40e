//! The conformance report of a catalog compiled one unit at a time (`pipeline::units`), kept on
//! disk rather than in memory: each unit's part of the report (a region's JSON, text or Markdown
//! rows, every item's column in each of its regions) is written to an unnamed temporary file as
//! the unit finishes, with only its key and place remembered, and the report is then written out
//! piece by piece in key order. What stays in memory is the index (about 60 bytes a piece), not
//! the report (about 7 KiB of JSON an entry).
//!
//! A piece may also stay where it already is: in the report the last build wrote
//! ([`Spill::refer`]), which a build takes an unchanged region's pieces from.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// Where one piece of text is (in the spill file, or in the last build's report), and what it
/// is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub section: u8,
    /// Sorted by (section, first, second): a region's code, or an item's code and a region's.
    pub first: Box<str>,
    pub second: Box<str>,
    pub at: u64,
    pub len: u64,
    /// In the last build's report rather than in the spill file.
    pub last: bool,
}

/// The pieces as they are written, in any order.
pub struct Spill {
    out: BufWriter<File>,
    len: u64,
    pieces: Vec<Piece>,
    /// The last build's report, which [`Spill::refer`]'s pieces are in.
    last: Option<File>,
}

/// Read `len` bytes at `at` of `file` into `text`.
fn read_at(mut file: &File, at: u64, len: u64, text: &mut Vec<u8>) -> io::Result<()> {
    text.resize(len as usize, 0);
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(text)
}

impl Spill {
    /// A spill file in the temporary folder, removed by the system when it is closed.
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            len: 0,
            pieces: Vec::new(),
            last: None,
        })
    }

    /// The last build's report, which the pieces [`Spill::refer`] keeps are in.
    pub fn set_last(&mut self, report: File) {
        self.last = Some(report);
    }

    /// Keep a piece of the last build's report where it is (its `at` and `len` in that file),
    /// under its key. An error when that report was not given ([`Spill::set_last`]).
    pub fn refer(&mut self, piece: &Piece) -> io::Result<()> {
        if self.last.is_none() {
            return Err(io::Error::other(
                "no report of the last build to take pieces from",
            ));
        }
        self.pieces.push(Piece {
            last: true,
            ..piece.clone()
        });
        Ok(())
    }

    /// Keep `text` under its key; empty text is not kept (an empty section has no pieces).
    pub fn put(&mut self, section: u8, first: &str, second: &str, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.out.write_all(text.as_bytes())?;
        self.pieces.push(Piece {
            section,
            first: first.into(),
            second: second.into(),
            at: self.len,
            len: text.len() as u64,
            last: false,
        });
        self.len += text.len() as u64;
        Ok(())
    }

    /// How many pieces have been written: the mark [`Spill::each_since`] starts from.
    pub fn mark(&self) -> usize {
        self.pieces.len()
    }

    /// Order the pieces written since `mark` as `order` says (stably), for
    /// [`Spill::each_since`] to read them in that order (the report's order is its keys').
    pub fn sort_since(
        &mut self,
        mark: usize,
        order: &dyn Fn(&Piece, &Piece) -> std::cmp::Ordering,
    ) {
        if let Some(pieces) = self.pieces.get_mut(mark..) {
            pieces.sort_by(order);
        }
    }

    /// Each piece written since `mark`, in the order it was written, as `(section, first,
    /// second, text)` (to keep a unit's part of the report between builds).
    pub fn each_since(
        &mut self,
        mark: usize,
        each: &mut dyn FnMut(u8, &str, &str, &str) -> io::Result<()>,
    ) -> io::Result<()> {
        self.out.flush()?;
        let mut file = self.out.get_ref();
        let mut text = Vec::new();
        let read = (|| {
            for piece in self.pieces.get(mark..).unwrap_or_default() {
                let from = match (&self.last, piece.last) {
                    (Some(last), true) => last,
                    _ => file,
                };
                read_at(from, piece.at, piece.len, &mut text)?;
                let text = std::str::from_utf8(&text).map_err(io::Error::other)?;
                each(piece.section, &piece.first, &piece.second, text)?;
            }
            Ok(())
        })();
        // The file is written at its end: the reads moved the place the writer writes at.
        file.seek(SeekFrom::End(0))?;
        read
    }

    /// Every piece written, sorted by key, ready to be read back.
    pub fn finish(self) -> io::Result<Pieces> {
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        let mut pieces = self.pieces;
        pieces.sort_by(|a, b| {
            (a.section, &a.first, &a.second).cmp(&(b.section, &b.first, &b.second))
        });
        Ok(Pieces {
            file,
            last: self.last,
            pieces,
        })
    }
}

/// The pieces of a spill, in key order.
pub struct Pieces {
    file: File,
    last: Option<File>,
    pieces: Vec<Piece>,
}

impl Pieces {
    /// The pieces of `section`, in key order.
    pub fn section(&self, section: u8) -> &[Piece] {
        let start = self.pieces.partition_point(|p| p.section < section);
        let end = self.pieces.partition_point(|p| p.section <= section);
        &self.pieces[start..end]
    }

    /// The pieces of `section` whose first key is `first`, in key order.
    pub fn of(&self, section: u8, first: &str) -> &[Piece] {
        let pieces = self.section(section);
        let start = pieces.partition_point(|p| &*p.first < first);
        let end = pieces.partition_point(|p| &*p.first <= first);
        &pieces[start..end]
    }

    /// The file a piece is in.
    fn file_of(&self, piece: &Piece) -> io::Result<&File> {
        match (piece.last, &self.last) {
            (false, _) => Ok(&self.file),
            (true, Some(last)) => Ok(last),
            (true, None) => Err(io::Error::other("no report of the last build")),
        }
    }

    /// The text of one piece.
    pub fn read(&self, piece: &Piece) -> io::Result<String> {
        let mut text = Vec::new();
        read_at(self.file_of(piece)?, piece.at, piece.len, &mut text)?;
        String::from_utf8(text).map_err(io::Error::other)
    }

    /// Copy `pieces` to `out`, one after another.
    pub fn copy(&self, pieces: &[Piece], out: &mut dyn Write) -> io::Result<()> {
        let mut text = Vec::new();
        for piece in pieces {
            read_at(self.file_of(piece)?, piece.at, piece.len, &mut text)?;
            out.write_all(&text)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Spill;

    /// A unit's pieces are read back while the spill is still being written (to keep them in the
    /// unit's record); what is written after the reading lands after what was there.
    #[test]
    fn the_pieces_since_a_mark_are_read_back_and_writing_goes_on_at_the_end() {
        let mut spill = Spill::new().unwrap();
        spill.put(0, "110000", "", "region 11 ").unwrap();
        let mark = spill.mark();
        spill.put(1, "A", "320000", "a-32 ").unwrap();
        spill.put(0, "320000", "", "region 32 ").unwrap();
        let mut seen = Vec::new();
        spill
            .each_since(mark, &mut |section, first, second, text| {
                seen.push(format!("{section} {first} {second} {text}"));
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, ["1 A 320000 a-32 ", "0 320000  region 32 "]);
        spill.put(0, "440000", "", "region 44 ").unwrap();
        let pieces = spill.finish().unwrap();
        let mut out = Vec::new();
        pieces.copy(pieces.section(0), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "region 11 region 32 region 44 "
        );
    }

    #[test]
    fn pieces_come_back_in_key_order_whatever_order_they_were_written_in() {
        let mut spill = Spill::new().unwrap();
        spill.put(1, "B", "320000", "b-32 ").unwrap();
        spill.put(0, "320000", "", "region 32 ").unwrap();
        spill.put(1, "A", "320000", "a-32 ").unwrap();
        spill.put(1, "A", "110000", "a-11 ").unwrap();
        spill.put(1, "A", "120000", "").unwrap();
        spill.put(0, "110000", "", "region 11 ").unwrap();
        let pieces = spill.finish().unwrap();
        let mut out = Vec::new();
        pieces.copy(pieces.section(0), &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "region 11 region 32 ");
        let a: Vec<String> = pieces
            .of(1, "A")
            .iter()
            .map(|p| pieces.read(p).unwrap())
            .collect();
        assert_eq!(a, ["a-11 ", "a-32 "]);
        assert_eq!(pieces.of(1, "B").len(), 1);
        assert!(pieces.of(1, "C").is_empty());
        assert!(pieces.section(2).is_empty());
    }
}
