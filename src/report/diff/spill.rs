//! The conformance report of a catalog compiled one unit at a time (`pipeline::units`), kept on
//! disk rather than in memory: each unit's part of the report (a region's JSON, text or Markdown
//! rows, every item's column in each of its regions) is written to an unnamed temporary file as
//! the unit finishes, with only its key and place remembered, and the report is then written out
//! piece by piece in key order. What stays in memory is the index (about 60 bytes a piece), not
//! the report (about 7 KiB of JSON an entry).

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// Where one piece of text is in the spill file, and what it is.
#[derive(Debug)]
pub struct Piece {
    section: u8,
    /// Sorted by (section, first, second): a region's code, or an item's code and a region's.
    first: Box<str>,
    second: Box<str>,
    at: u64,
    len: u64,
}

/// The pieces as they are written, in any order.
pub struct Spill {
    out: BufWriter<File>,
    len: u64,
    pieces: Vec<Piece>,
}

impl Spill {
    /// A spill file in the temporary folder, removed by the system when it is closed.
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            len: 0,
            pieces: Vec::new(),
        })
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
        });
        self.len += text.len() as u64;
        Ok(())
    }

    /// How many pieces have been written: the mark [`Spill::each_since`] starts from.
    pub fn mark(&self) -> usize {
        self.pieces.len()
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
                text.resize(piece.len as usize, 0);
                file.seek(SeekFrom::Start(piece.at))?;
                file.read_exact(&mut text)?;
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
        Ok(Pieces { file, pieces })
    }
}

/// The pieces of a spill, in key order.
pub struct Pieces {
    file: File,
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

    /// The text of one piece.
    pub fn read(&self, piece: &Piece) -> io::Result<String> {
        let mut file = &self.file;
        file.seek(SeekFrom::Start(piece.at))?;
        let mut text = String::with_capacity(piece.len as usize);
        file.take(piece.len).read_to_string(&mut text)?;
        if text.len() as u64 != piece.len {
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
        }
        Ok(text)
    }

    /// Copy `pieces` to `out`, one after another.
    pub fn copy(&self, pieces: &[Piece], out: &mut dyn Write) -> io::Result<()> {
        let mut file = &self.file;
        for piece in pieces {
            file.seek(SeekFrom::Start(piece.at))?;
            let copied = io::copy(&mut file.take(piece.len), out)?;
            if copied != piece.len {
                return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
            }
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
