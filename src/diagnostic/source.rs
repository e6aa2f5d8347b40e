//! Source files and positions.
//!
//! The YAML parser reports positions in *characters* (line 1-based, column 0-based); terminals,
//! SARIF and the snippet renderer want 1-based character columns or *byte* offsets. A
//! [`SourceFile`] keeps the text and a table of line starts so that one can be turned into the
//! other exactly, also for Chinese text where a character is three bytes.

use std::ops::Range;

/// A position in a source file: 1-based line and 1-based column counted in characters.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A range of a source file, end exclusive.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Span {
        Span { start, end }
    }

    /// A span covering the first character of line 1, for findings about a whole file.
    pub fn file_start() -> Span {
        let start = Pos { line: 1, column: 1 };
        Span {
            start,
            end: Pos { line: 1, column: 2 },
        }
    }
}

/// The byte offset of every line's start in `text`: 0, then one past each line feed.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// One file of the catalog: its path relative to the catalog root (with `/` separators) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> SourceFile {
        let line_starts = line_starts(&text);
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The text of a 1-based line, without its line end.
    pub fn line(&self, line: u32) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
            return "";
        };
        let rest = &self.text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The byte offset of a position; positions past the end of a line clamp to the line end.
    pub fn offset(&self, pos: Pos) -> usize {
        let Some(&start) = self.line_starts.get(pos.line.saturating_sub(1) as usize) else {
            return self.text.len();
        };
        let line = self.line(pos.line);
        let within = line
            .char_indices()
            .nth(pos.column.saturating_sub(1) as usize)
            .map_or(line.len(), |(i, _)| i);
        start + within
    }

    /// The byte range of a span, never empty when the file is not (so it can be underlined).
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        let start = self.offset(span.start);
        let mut end = self.offset(span.end).max(start);
        if end == start && start < self.text.len() {
            end = start + self.text[start..].chars().next().map_or(0, char::len_utf8);
        }
        start..end
    }

    /// Move a position that lies at the very end of the file (after its last line end) back to
    /// the end of the last non-empty line, where a reader expects "unexpected end of file".
    pub fn clamp(&self, span: Span) -> Span {
        let mut pos = span.start;
        if self.offset(pos) < self.text.trim_end().len() {
            return span;
        }
        while pos.line > 1 && self.line(pos.line).trim().is_empty() {
            pos.line -= 1;
        }
        pos.column = self.line(pos.line).chars().count() as u32 + 1;
        Span::new(pos, pos)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[self.byte_range(span)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.yaml", "名称: 居民身份证\nx: 1\n".to_string());
        // `居` is the 5th character of line 1 but starts at byte 8.
        assert_eq!(file.offset(Pos { line: 1, column: 5 }), 8);
        assert_eq!(file.offset(Pos { line: 2, column: 1 }), 24);
        let span = Span::new(
            Pos { line: 1, column: 5 },
            Pos {
                line: 1,
                column: 10,
            },
        );
        assert_eq!(file.slice(span), "居民身份证");
    }

    #[test]
    fn positions_at_the_end_of_the_file_move_to_the_last_line() {
        let file = SourceFile::new("a.yaml", "a: [1\n\n".to_string());
        let end = Pos { line: 3, column: 1 };
        assert_eq!(
            file.clamp(Span::new(end, end)).start,
            Pos { line: 1, column: 6 }
        );
        let inside = Span::new(Pos { line: 1, column: 2 }, Pos { line: 1, column: 3 });
        assert_eq!(file.clamp(inside), inside);
    }

    #[test]
    fn crlf_line_ends_are_not_part_of_the_line() {
        let file = SourceFile::new("a.yaml", "a: 1\r\nb: 2\r\n".to_string());
        assert_eq!(file.line(1), "a: 1");
        assert_eq!(file.line(2), "b: 2");
    }
}
