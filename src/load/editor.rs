//! Editor mistakes, said in the editor's terms: full-width punctuation typed on a Chinese input
//! method where YAML needs an ASCII character (CAT022), and the YAML parser's own errors
//! translated into 缩进 / 冒号 / 引号 and pointed at the character at fault (CAT001).
//!
//! A full-width slip is found by a small line scanner that knows where YAML syntax goes (after
//! a key, between the items of a flow collection, as indentation, around a quoted or bracketed
//! value) and skips values, comments and block scalars, so Chinese text keeps its own `，：“”`.
//! Every repair replaces one character with one character, so the text with the repairs applied
//! has the same line and column for every node: the loader parses that text, and the findings
//! after a slip are the real ones, not its cascade.
//!
//! The messages are in one table ([`Msg`]), in Chinese for a zh catalog and English otherwise.

use crate::diagnostic::codes;
use crate::diagnostic::source::{Pos, SourceFile, Span};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::t;

/// The language of the messages (one type for every stage: `diagnostic::messages`).
pub use crate::diagnostic::messages::Lang;

/// Where a full-width character stands in for YAML syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `：` right after a key.
    KeyColon,
    /// `，` between the items of a flow collection.
    FlowComma,
    /// U+3000 in a line's indentation.
    Indent,
    /// U+3000 right after `:`, `-` or a flow comma.
    Separator,
    /// `“` / `”` around a value.
    Quote,
    /// `【` / `】` around a flow sequence.
    Bracket,
}

/// One full-width slip: the character, where it is, and the 1:1 replacements that repair it
/// (a quote or bracket pair is one slip with two replacements).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub at: Pos,
    pub found: char,
    pub place: Place,
    /// (position, ASCII replacement) for every character the slip involves.
    pub replace: Vec<(Pos, char)>,
    /// A `：` followed directly by the value (`address：居住地`) is repaired as `: `, since
    /// YAML needs the space; only then does the repair move the rest of its line by a column.
    pub space_after: bool,
}

const FULL_COLON: char = '：';
const FULL_COMMA: char = '，';
const IDEO_SPACE: char = '\u{3000}';
const OPEN_QUOTE: char = '“';
const CLOSE_QUOTE: char = '”';
const OPEN_BRACKET: char = '【';
const CLOSE_BRACKET: char = '】';
/// Every character a slip can be ([`full_width_at`] reads them as bytes).
#[cfg(test)]
const FULL_WIDTH: [char; 7] = [
    FULL_COLON,
    FULL_COMMA,
    IDEO_SPACE,
    OPEN_QUOTE,
    CLOSE_QUOTE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
];

fn ascii_of(c: char) -> char {
    match c {
        FULL_COLON => ':',
        FULL_COMMA => ',',
        IDEO_SPACE => ' ',
        OPEN_QUOTE | CLOSE_QUOTE => '"',
        OPEN_BRACKET => '[',
        CLOSE_BRACKET => ']',
        other => other,
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Whether a value's text reads as data rather than prose: ASCII only.
fn ascii_text(chars: &[char]) -> bool {
    chars.iter().all(char::is_ascii)
}

/// The scanner's state carried from one line to the next.
#[derive(Default)]
struct Scan {
    slips: Vec<Slip>,
    /// Inside a block scalar (`|`, `>`): lines indented more than this are its content.
    block_scalar: Option<usize>,
    /// Open flow collections (`[`, `{`), across lines.
    flow: Vec<char>,
    /// Inside a multi-line quoted scalar, closed by this character.
    quote: Option<char>,
}

/// Every full-width slip in a file's text, in order.
pub fn find(text: &str) -> Vec<Slip> {
    scan(text, true)
}

/// [`find`], with the lines that can hold no slip skipped (`skip_neutral`) or scanned too.
fn scan(text: &str, skip_neutral: bool) -> Vec<Slip> {
    if !holds_full_width(text) {
        return Vec::new();
    }
    let mut scan = Scan::default();
    // One line's characters at a time, in one buffer (most files with Chinese text get here).
    let mut chars: Vec<char> = Vec::new();
    let mut start = 0;
    for (index, end) in memchr::memchr_iter(b'\n', text.as_bytes())
        .chain([text.len()])
        .enumerate()
    {
        let line = &text[start..end];
        start = end + 1;
        if skip_neutral {
            let skip = match scan.block_scalar {
                // A block scalar's content line (more indented than its key): only its
                // indentation is read.
                Some(parent) => line.bytes().take_while(|b| *b == b' ').count() > parent,
                None => scan.plain() && neutral(line),
            };
            if skip {
                continue;
            }
        }
        chars.clear();
        chars.extend(line.trim_end_matches('\r').chars());
        let before = scan.slips.len();
        scan.line(index as u32 + 1, &chars);
        for slip in &mut scan.slips[before..] {
            if slip.place == Place::KeyColon && slip.at.line == index as u32 + 1 {
                let next = chars.get(slip.at.column as usize);
                slip.space_after = !matches!(next, None | Some(' ' | '\t' | &IDEO_SPACE));
            }
        }
    }
    // A pair (`【…】`, `“…”`) is one slip: its second half is not another.
    let mut covered = std::collections::BTreeSet::new();
    let mut slips = Vec::with_capacity(scan.slips.len());
    for slip in scan.slips {
        if covered.insert((slip.at.line, slip.at.column)) {
            covered.extend(slip.replace.iter().map(|(p, _)| (p.line, p.column)));
            slips.push(slip);
        }
    }
    slips
}

/// Whether a line, read outside every block scalar, flow collection and quoted scalar, can
/// neither hold a slip nor leave the scanner in another state. It must have none of the
/// full-width characters; nothing that opens a block scalar (`|`, `>`) or a single-quoted
/// scalar (`'`), and no escape (`\`); every `"` closed on the line, and every `[` and `{`
/// outside double quotes closed on it; and no `#` beside a bracket or a quote, since a comment
/// ends the scanner's reading. Most lines of a file with Chinese text are such lines (a flow
/// mapping of Chinese text on one line is one); they are not decoded. Anything else is
/// scanned: this may say no to a line the scanner would leave as it found it, never yes to one
/// it would not.
fn neutral(line: &str) -> bool {
    let bytes = line.as_bytes();
    let (mut depth, mut quoted, mut syntax, mut hash) = (0u32, false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if !NOTABLE[b as usize] {
            continue;
        }
        match b {
            b'|' | b'>' | b'\'' | b'\\' => return false,
            b'#' => hash = true,
            b'"' => (quoted, syntax) = (!quoted, true),
            b'[' | b'{' if !quoted => (depth, syntax) = (depth + 1, true),
            // A `]` with none open is read past: the scanner opens a flow only at a value's
            // start and stops reading at the bracket that closes it, so a line whose count
            // ends at 0 has closed whatever it opened.
            b']' | b'}' if !quoted => depth = depth.saturating_sub(1),
            0xE2 | 0xE3 | 0xEF if full_width_at(bytes, i) => return false,
            _ => {}
        }
    }
    depth == 0 && !quoted && !(hash && syntax)
}

/// The bytes [`neutral`] reads; it passes over every other byte (most of a line).
const NOTABLE: [bool; 256] = {
    let mut notable = [false; 256];
    let syntax = b"|>'\\#\"[]{}";
    let mut i = 0;
    while i < syntax.len() {
        notable[syntax[i] as usize] = true;
        i += 1;
    }
    // The UTF-8 lead bytes of the full-width characters.
    notable[0xE2] = true;
    notable[0xE3] = true;
    notable[0xEF] = true;
    notable
};

/// Whether one of the full-width characters starts at byte `i` (`“ ” U+3000 【 】 ： ，`).
fn full_width_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        &bytes[i..bytes.len().min(i + 3)],
        [0xE2, 0x80, 0x9C | 0x9D] | [0xE3, 0x80, 0x80 | 0x90 | 0x91] | [0xEF, 0xBC, 0x9A | 0x8C]
    )
}

/// Whether the text holds any of the full-width characters, found by their lead bytes.
fn holds_full_width(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes).any(|i| full_width_at(bytes, i))
}

/// The text with every slip repaired (each character replaced by its ASCII counterpart).
pub fn repaired(text: &str, slips: &[Slip]) -> String {
    let mut at: std::collections::BTreeMap<(u32, u32), (char, bool)> = Default::default();
    for slip in slips {
        for (i, (pos, c)) in slip.replace.iter().enumerate() {
            at.insert((pos.line, pos.column), (*c, i == 0 && slip.space_after));
        }
    }
    let mut out = String::with_capacity(text.len());
    let (mut line, mut column) = (1u32, 1u32);
    for c in text.chars() {
        match at.get(&(line, column)) {
            Some((ascii, space)) => {
                out.push(*ascii);
                if *space {
                    out.push(' ');
                }
            }
            None => out.push(c),
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    out
}

impl Scan {
    /// Outside every block scalar, flow collection and multi-line quoted scalar.
    fn plain(&self) -> bool {
        self.block_scalar.is_none() && self.flow.is_empty() && self.quote.is_none()
    }

    fn slip(&mut self, line: u32, col: usize, found: char, place: Place, also: Option<usize>) {
        let at = Pos {
            line,
            column: col as u32 + 1,
        };
        let mut replace = vec![(at, ascii_of(found))];
        if let Some(other) = also {
            let pos = Pos {
                line,
                column: other as u32 + 1,
            };
            replace.push((pos, ascii_of(found_pair(found))));
        }
        self.slips.push(Slip {
            at,
            found,
            place,
            replace,
            space_after: false,
        });
    }

    fn line(&mut self, n: u32, line: &[char]) {
        let indent = line
            .iter()
            .take_while(|c| matches!(**c, ' ' | '\t' | IDEO_SPACE))
            .count();
        let blank = indent == line.len();
        if let Some(parent) = self.block_scalar {
            let spaces = line.iter().take_while(|c| **c == ' ').count();
            if blank || spaces > parent {
                return;
            }
            self.block_scalar = None;
        }
        // U+3000 in the indentation: one slip per run.
        if !blank || line.contains(&IDEO_SPACE) {
            let mut i = 0;
            while i < indent {
                if line[i] == IDEO_SPACE && (i == 0 || line[i - 1] != IDEO_SPACE) {
                    let at = Pos {
                        line: n,
                        column: i as u32 + 1,
                    };
                    let mut replace = Vec::new();
                    let mut j = i;
                    while j < indent && line[j] == IDEO_SPACE {
                        replace.push((
                            Pos {
                                line: n,
                                column: j as u32 + 1,
                            },
                            ' ',
                        ));
                        j += 1;
                    }
                    if self.quote.is_none() {
                        self.slips.push(Slip {
                            at,
                            found: IDEO_SPACE,
                            place: Place::Indent,
                            replace,
                            space_after: false,
                        });
                    }
                    i = j;
                } else {
                    i += 1;
                }
            }
        }
        if blank {
            return;
        }
        let mut i = indent;
        if let Some(close) = self.quote {
            match find_close(line, i, close) {
                Some(end) => {
                    self.quote = None;
                    i = end + 1;
                }
                None => return,
            }
        }
        if !self.flow.is_empty() {
            self.flow_items(n, line, i, false);
            return;
        }
        if i == indent {
            let rest: String = line[i..].iter().take(3).collect();
            if rest == "---" || rest == "..." || line[i] == '%' {
                return;
            }
        }
        self.block_node(n, line, i, indent);
    }

    /// A block-context node: sequence indicators, then a key or a value.
    fn block_node(&mut self, n: u32, line: &[char], mut i: usize, indent: usize) {
        loop {
            if i < line.len() && line[i] == '-' {
                match line.get(i + 1) {
                    None => return,
                    Some(' ') => {
                        i = skip_spaces(line, i + 1);
                        continue;
                    }
                    Some(&IDEO_SPACE) => {
                        self.slip(n, i + 1, IDEO_SPACE, Place::Separator, None);
                        i = skip_spaces(line, i + 2);
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        if i >= line.len() || line[i] == '#' {
            return;
        }
        // A key: an identifier followed by `:` or `：`.
        let start = i;
        let mut j = i;
        while j < line.len() && is_key_char(line[j]) {
            j += 1;
        }
        if j > start {
            let colon = skip_spaces(line, j);
            match line.get(colon) {
                Some(&FULL_COLON) => {
                    self.slip(n, colon, FULL_COLON, Place::KeyColon, None);
                    self.after_colon(n, line, colon + 1, indent);
                    return;
                }
                Some(':')
                    if colon == j
                        && matches!(line.get(colon + 1), None | Some(' ' | &IDEO_SPACE)) =>
                {
                    self.after_colon(n, line, colon + 1, indent);
                    return;
                }
                _ => {}
            }
        }
        // A quoted key (`"a b": …`) or a value standing alone.
        self.value(n, line, i, indent);
    }

    /// After a key's colon: the separator, then the value.
    fn after_colon(&mut self, n: u32, line: &[char], i: usize, indent: usize) {
        if line.get(i) == Some(&IDEO_SPACE) {
            self.slip(n, i, IDEO_SPACE, Place::Separator, None);
        }
        let i = skip_spaces(line, i);
        if i >= line.len() {
            return;
        }
        // `key: - x` is not YAML; `key: value` may itself hold `key2: …` only when quoted.
        self.value(n, line, i, indent);
    }

    /// A value in block context starting at `i`.
    fn value(&mut self, n: u32, line: &[char], i: usize, indent: usize) {
        let end = comment_start(line, i);
        let text = trim_end(line, i, end);
        match line[i] {
            '|' | '>' => self.block_scalar = Some(indent),
            '#' => {}
            '"' | '\'' => {
                let close = line[i];
                match find_close(line, i + 1, close) {
                    Some(end) if close == '"' && misclosed(line, i, end, false).is_some() => {
                        if let Some(at) = misclosed(line, i, end, false) {
                            self.slip(n, at, CLOSE_QUOTE, Place::Quote, None);
                        }
                    }
                    Some(end) => {
                        // `key: "x"` then maybe `: value` (a quoted key).
                        let after = skip_spaces(line, end + 1);
                        if line.get(after) == Some(&':') {
                            self.after_colon(n, line, after + 1, indent);
                        } else if line.get(after) == Some(&FULL_COLON) {
                            self.slip(n, after, FULL_COLON, Place::KeyColon, None);
                            self.after_colon(n, line, after + 1, indent);
                        }
                    }
                    None => {
                        // An ASCII quote closed by a full-width one at the end of the value.
                        if close == '"' && text > i + 1 && line[text - 1] == CLOSE_QUOTE {
                            self.slip(n, text - 1, CLOSE_QUOTE, Place::Quote, None);
                        } else {
                            self.quote = Some(close);
                        }
                    }
                }
            }
            OPEN_QUOTE => self.full_quote(n, line, i, text),
            OPEN_BRACKET
                if text > i + 1
                    && matches!(line[text - 1], CLOSE_BRACKET | ']')
                    && data_like(&line[i + 1..text - 1]) =>
            {
                let pair = (line[text - 1] == CLOSE_BRACKET).then_some(text - 1);
                self.slip(n, i, OPEN_BRACKET, Place::Bracket, pair);
                self.flow.push('[');
                self.flow_items(n, line, i + 1, true);
            }
            '[' | '{' => {
                self.flow.push(line[i]);
                self.flow_items(n, line, i + 1, true);
            }
            _ => {}
        }
    }

    /// A value opened with `“`: a slip when it is closed at the value's end by `”` or `"` and
    /// reads as data (ASCII), or when the pair is mixed; Chinese text in 「“”」 is left alone.
    fn full_quote(&mut self, n: u32, line: &[char], i: usize, end: usize) {
        if end <= i + 1 {
            return;
        }
        let last = line[end - 1];
        let inner = &line[i + 1..end - 1];
        if inner.contains(&OPEN_QUOTE) || inner.contains(&CLOSE_QUOTE) || inner.contains(&'"') {
            return;
        }
        match last {
            '"' => self.slip(n, i, OPEN_QUOTE, Place::Quote, None),
            CLOSE_QUOTE if ascii_text(inner) => {
                self.slip(n, i, OPEN_QUOTE, Place::Quote, Some(end - 1))
            }
            _ => {}
        }
    }

    /// The items of open flow collections, from `i` to the end of the line.
    fn flow_items(&mut self, n: u32, line: &[char], mut i: usize, mut item_start: bool) {
        while i < line.len() && !self.flow.is_empty() {
            let c = line[i];
            if item_start {
                if c == IDEO_SPACE {
                    self.slip(n, i, IDEO_SPACE, Place::Separator, None);
                    i += 1;
                    continue;
                }
                if c == ' ' || c == '\t' {
                    i += 1;
                    continue;
                }
                item_start = false;
                // A flow mapping key followed by `：`.
                let mut j = i;
                while j < line.len() && is_key_char(line[j]) {
                    j += 1;
                }
                if j > i {
                    let colon = skip_spaces(line, j);
                    if line.get(colon) == Some(&FULL_COLON) {
                        self.slip(n, colon, FULL_COLON, Place::KeyColon, None);
                        i = colon + 1;
                        item_start = true;
                        continue;
                    }
                }
                // `{situations: 【a, b]}`: a full-width bracket opening a nested sequence.
                if c == OPEN_BRACKET {
                    let end = comment_start(line, i);
                    let close = (i + 1..end).find(|&k| matches!(line[k], ']' | CLOSE_BRACKET));
                    if let Some(close) = close
                        && data_like(&line[i + 1..close])
                    {
                        let pair = (line[close] == CLOSE_BRACKET).then_some(close);
                        self.slip(n, i, OPEN_BRACKET, Place::Bracket, pair);
                        self.flow.push('[');
                        i += 1;
                        item_start = true;
                        continue;
                    }
                }
                if c == OPEN_QUOTE {
                    let end = flow_item_end(line, i);
                    let text = trim_end(line, i, end);
                    self.full_quote(n, line, i, text);
                    i = end;
                    continue;
                }
            }
            match c {
                '#' if i > 0 && matches!(line[i - 1], ' ' | '\t') => return,
                '"' | '\'' => match find_close(line, i + 1, c) {
                    Some(end) => match misclosed(line, i, end, true) {
                        Some(at) if c == '"' => {
                            self.slip(n, at, CLOSE_QUOTE, Place::Quote, None);
                            i = at + 1;
                        }
                        _ => i = end + 1,
                    },
                    None => {
                        let end = flow_item_end(line, i);
                        let text = trim_end(line, i, end);
                        if c == '"' && text > i + 1 && line[text - 1] == CLOSE_QUOTE {
                            self.slip(n, text - 1, CLOSE_QUOTE, Place::Quote, None);
                            i = end;
                        } else {
                            self.quote = Some(c);
                            return;
                        }
                    }
                },
                '[' | '{' => {
                    self.flow.push(c);
                    i += 1;
                    item_start = true;
                }
                ']' | '}' => {
                    self.flow.pop();
                    i += 1;
                }
                CLOSE_BRACKET if self.flow.last() == Some(&'[') && closes(line, i + 1) => {
                    self.slip(n, i, CLOSE_BRACKET, Place::Bracket, None);
                    self.flow.pop();
                    i += 1;
                }
                ',' => {
                    i += 1;
                    item_start = true;
                }
                ':' if matches!(line.get(i + 1), None | Some(' ' | &IDEO_SPACE)) => {
                    i += 1;
                    item_start = true;
                }
                FULL_COMMA if self.comma_slip(line, i) => {
                    self.slip(n, i, FULL_COMMA, Place::FlowComma, None);
                    i += 1;
                    item_start = true;
                }
                _ => i += 1,
            }
        }
    }

    /// A `，` inside a flow collection separates items when the next item is a `key:` (in a
    /// mapping) or when both neighbours are ASCII data (in a sequence); in Chinese text it is
    /// a comma of the text.
    fn comma_slip(&self, line: &[char], i: usize) -> bool {
        let next = skip_spaces(line, i + 1);
        let mut j = next;
        while j < line.len() && is_key_char(line[j]) {
            j += 1;
        }
        if j > next && matches!(line.get(j), Some(':' | &FULL_COLON)) {
            return true;
        }
        if self.flow.last() != Some(&'[') {
            return false;
        }
        let before: Vec<char> = line[..i]
            .iter()
            .rev()
            .take_while(|c| !matches!(**c, ',' | '[' | '{' | FULL_COMMA))
            .copied()
            .collect();
        let before: String = before.into_iter().rev().collect();
        let after: String = line[next..]
            .iter()
            .take_while(|c| !matches!(**c, ',' | ']' | '}' | FULL_COMMA | CLOSE_BRACKET))
            .collect();
        let data = |s: &str| {
            let s = s.trim();
            !s.is_empty() && s.is_ascii()
        };
        data(&before) && data(&after)
    }
}

/// The last `[` or `{` before `until` (outside quotes and comments) that is not closed.
fn unclosed_bracket(source: &SourceFile, until: Pos) -> Option<Pos> {
    let mut open: Vec<Pos> = Vec::new();
    for n in 1..=until.line.min(source.line_count()) {
        let (mut quote, mut prev) = (None, ' ');
        for (i, c) in source.line(n).chars().enumerate() {
            let here = Pos {
                line: n,
                column: i as u32 + 1,
            };
            if here >= until {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if prev == ' ' => break,
                (None, '[' | '{') => open.push(here),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            prev = c;
        }
    }
    open.pop()
}

fn found_pair(c: char) -> char {
    match c {
        OPEN_QUOTE => CLOSE_QUOTE,
        OPEN_BRACKET => CLOSE_BRACKET,
        other => other,
    }
}

/// Whether the bracketed text reads as a flow sequence of data: ASCII, or holding `,` `:` `{`.
fn data_like(inner: &[char]) -> bool {
    ascii_text(inner) || inner.iter().any(|c| matches!(c, ',' | ':' | '{'))
}

/// Whether only a flow terminator, a comment or the line end follows.
fn closes(line: &[char], i: usize) -> bool {
    let j = skip_spaces(line, i);
    matches!(line.get(j), None | Some(',' | ']' | '}' | '#'))
}

fn skip_spaces(line: &[char], mut i: usize) -> usize {
    while i < line.len() && matches!(line[i], ' ' | '\t') {
        i += 1;
    }
    i
}

/// The index of the closing quote, honouring `\"` in double quotes and `''` in single ones.
fn find_close(line: &[char], mut i: usize, close: char) -> Option<usize> {
    while i < line.len() {
        let c = line[i];
        if close == '"' && c == '\\' {
            i += 2;
            continue;
        }
        if c == close {
            if close == '\'' && line.get(i + 1) == Some(&'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A double-quoted string `open..=close` that is followed by something a string cannot be
/// (`"a”, b: "c"` read as one string up to the next quote): the `”` inside it that was meant to
/// close it, followed by what may follow a string.
fn misclosed(line: &[char], open: usize, close: usize, flow: bool) -> Option<usize> {
    let ends = |j: usize| {
        let j = skip_spaces(line, j);
        match line.get(j) {
            None | Some(':') => true,
            Some('#') => j > 0 && matches!(line[j - 1], ' ' | '\t'),
            Some(',' | ']' | '}') => flow,
            _ => false,
        }
    };
    if ends(close + 1) {
        return None;
    }
    (open + 1..close).find(|&k| line[k] == CLOSE_QUOTE && ends(k + 1))
}

/// Where a comment starts (` #`), or the line end.
fn comment_start(line: &[char], from: usize) -> usize {
    (from..line.len())
        .find(|&i| line[i] == '#' && i > from && matches!(line[i - 1], ' ' | '\t'))
        .unwrap_or(line.len())
}

/// The end of a value with trailing spaces removed.
fn trim_end(line: &[char], from: usize, mut end: usize) -> usize {
    while end > from && matches!(line[end - 1], ' ' | '\t') {
        end -= 1;
    }
    end
}

/// The end of a flow item: the next `,` `]` `}` (or the comment or line end).
fn flow_item_end(line: &[char], from: usize) -> usize {
    let end = comment_start(line, from);
    (from + 1..end)
        .find(|&i| matches!(line[i], ',' | ']' | '}'))
        .unwrap_or(end)
}

/// The messages of this module, one place each.
pub enum Msg<'a> {
    SlipTitle(char, char),
    SlipLabel(Place),
    SlipHelp(char),
    SlipFix(char, char),
    Syntax(&'a str),
}

/// The name of a full-width character, in the message files (`char-*`).
fn char_name(c: char, lang: Lang) -> String {
    let id = match c {
        FULL_COLON => "char-full-colon",
        FULL_COMMA => "char-full-comma",
        IDEO_SPACE => "char-full-space",
        OPEN_QUOTE | CLOSE_QUOTE => "char-chinese-quote",
        OPEN_BRACKET | CLOSE_BRACKET => "char-chinese-bracket",
        _ => return String::new(),
    };
    t!(lang, id)
}

/// A character as a message shows it: in backticks, or named when it is a kind of space.
fn shown(c: char, lang: Lang) -> String {
    match c {
        IDEO_SPACE => "U+3000".to_string(),
        ' ' => t!(lang, "char-space"),
        c => format!("`{c}`"),
    }
}

pub fn text(msg: Msg<'_>, lang: Lang) -> String {
    match msg {
        Msg::SlipTitle(found, meant) => t!(
            lang,
            "cat022-message",
            name = char_name(found, lang),
            found = shown(found, lang),
            meant = shown(meant, lang)
        ),
        Msg::SlipLabel(place) => {
            let place = match place {
                Place::KeyColon => "cat022-place-key-colon",
                Place::FlowComma => "cat022-place-flow-comma",
                Place::Indent => "cat022-place-indent",
                Place::Separator => "cat022-place-separator",
                Place::Quote => "cat022-place-quote",
                Place::Bracket => "cat022-place-bracket",
            };
            t!(lang, "cat022-label", place = t!(lang, place))
        }
        Msg::SlipHelp(meant) => t!(lang, "cat022-help", meant = shown(meant, lang)),
        Msg::SlipFix(found, meant) => t!(
            lang,
            "cat022-fix",
            found = shown(found, lang),
            meant = shown(meant, lang)
        ),
        Msg::Syntax(message) => message.to_string(),
    }
}

/// The CAT022 diagnostic of a slip, with its safe fix.
pub fn slip_diagnostic(slip: &Slip, source: &SourceFile, lang: Lang) -> Diagnostic {
    let meant = ascii_of(slip.found);
    let span = Span::new(
        slip.at,
        Pos {
            column: slip.at.column + 1,
            ..slip.at
        },
    );
    let edits = slip
        .replace
        .iter()
        .enumerate()
        .map(|(i, (pos, c))| {
            let end = Pos {
                column: pos.column + 1,
                ..*pos
            };
            let space = if i == 0 && slip.space_after { " " } else { "" };
            Edit::new(source, Span::new(*pos, end), format!("{c}{space}"))
        })
        .collect();
    let mut d = Diagnostic::new(
        &codes::FULLWIDTH_PUNCTUATION,
        text(Msg::SlipTitle(slip.found, meant), lang),
        &source.path,
        span,
    )
    .label(text(Msg::SlipLabel(slip.place), lang))
    .help(text(Msg::SlipHelp(meant), lang))
    .fix(Fix {
        description: text(Msg::SlipFix(slip.found, meant), lang),
        safe: true,
        edits,
    });
    if slip.replace.len() > 1 {
        let (pos, _) = slip.replace[1];
        d = d.with_label(
            &source.path,
            Span::new(
                pos,
                Pos {
                    column: pos.column + 1,
                    ..pos
                },
            ),
            t!(lang, "cat022-pair"),
        );
    }
    d
}

/// The line before an over-indented line and how many spaces too many it has: the parser read
/// the line as the continuation of the previous line's value.
fn over_indented(at: Span, source: &SourceFile) -> Option<(u32, u32)> {
    let indent_of = |l: &str| l.chars().take_while(|c| *c == ' ').count() as u32;
    let line = source.line(at.start.line);
    let (n, prev) = (1..at.start.line)
        .rev()
        .map(|n| (n, source.line(n)))
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    (indent_of(line) > indent_of(prev)
        && prev.trim_start().trim_start_matches("- ").contains(": ")
        && !prev.trim_end().ends_with(':'))
    .then(|| (n, indent_of(line) - indent_of(prev)))
}

/// The repair of a parser error, when there is a mechanical one: an over-indented line moved
/// back to the previous key's column. Not safe: the line may belong deeper or be text.
pub fn syntax_fix(message: &str, at: Span, source: &SourceFile, lang: Lang) -> Option<Fix> {
    if !message.starts_with("mapping values are not allowed") {
        return None;
    }
    let (n, extra) = over_indented(at, source)?;
    let line = at.start.line;
    let start = Pos { line, column: 1 };
    let end = Pos {
        line,
        column: extra + 1,
    };
    Some(Fix {
        description: t!(
            lang,
            "cat001-fix-dedent",
            extra = (extra).to_string(),
            n = (n).to_string()
        ),
        safe: false,
        edits: vec![Edit::new(source, Span::new(start, end), "")],
    })
}

/// A YAML parser error in the editor's terms, pointing at the character at fault: the message,
/// the span, and a help line.
pub fn syntax(message: &str, at: Span, source: &SourceFile, lang: Lang) -> (String, Span, String) {
    let line = source.line(at.start.line);
    let indent_of = |l: &str| l.chars().take_while(|c| *c == ' ').count() as u32;
    let previous = (1..at.start.line)
        .rev()
        .map(|n| (n, source.line(n)))
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let one = |pos: Pos| {
        Span::new(
            pos,
            Pos {
                column: pos.column + 1,
                ..pos
            },
        )
    };
    let first_char = Pos {
        line: at.start.line,
        column: indent_of(line) + 1,
    };
    if message.starts_with("mapping values are not allowed") {
        // The parser stops at a `:` it cannot take: over-indentation (the line is read as the
        // continuation of the previous value) or a value holding `: `.
        if let Some((n, extra)) = over_indented(at, source) {
            return (
                t!(
                    lang,
                    "cat001-over-indented",
                    n = (n).to_string(),
                    extra = (extra).to_string()
                ),
                one(first_char),
                t!(
                    lang,
                    "cat001-over-indented-help",
                    n = (n).to_string(),
                    extra = (extra).to_string()
                ),
            );
        }
        return (
            t!(lang, "cat001-colon-in-value"),
            one(at.start),
            t!(lang, "cat001-colon-in-value-help"),
        );
    }
    if message.contains("did not find expected key")
        || message.contains("did not find expected '-' indicator")
        || message == "invalid indentation"
    {
        let here = if at.start.column > 1 {
            at.start
        } else {
            first_char
        };
        let point = if at.start.line <= source.line_count() && !line.trim().is_empty() {
            one(Pos {
                line: at.start.line,
                column: indent_of(line) + 1,
            })
        } else {
            one(here)
        };
        let n = point.start.line;
        return (
            t!(lang, "cat001-indentation", n = (n).to_string()),
            point,
            t!(lang, "cat001-indentation-help"),
        );
    }
    if message.starts_with("simple key expect")
        || message.starts_with("could not find expected ':'")
    {
        // A line without a colon is read together with the next one as a key: the colon is
        // missing at the end of the line before.
        let point = match previous {
            Some((n, prev)) if !prev.contains(": ") && !prev.trim_end().ends_with(':') => Pos {
                line: n,
                column: prev.trim_end().chars().count() as u32 + 1,
            },
            _ => first_char,
        };
        let n = point.line;
        return (
            t!(lang, "cat001-missing-colon", n = (n).to_string()),
            one(point),
            t!(lang, "cat001-missing-colon-help"),
        );
    }
    if message.contains("quoted scalar")
        && (message.contains("end of stream") || message.contains("invalid indentation"))
    {
        // Point at the quote that opened the string: the last line before the error with an
        // odd number of quotes.
        let quote = (1..=at.start.line)
            .rev()
            .find_map(|n| {
                let l = source.line(n);
                let quotes: Vec<usize> = l
                    .chars()
                    .enumerate()
                    .filter(|(_, c)| *c == '"')
                    .map(|(i, _)| i)
                    .collect();
                let last = *quotes.last()?;
                (quotes.len() % 2 == 1).then_some(Pos {
                    line: n,
                    column: last as u32 + 1,
                })
            })
            .unwrap_or(at.start);
        return (
            t!(lang, "cat001-unclosed-quote"),
            one(quote),
            t!(lang, "cat001-unclosed-quote-help"),
        );
    }
    if let Some(open) = unclosed_bracket(source, at.start)
        && (message.contains("flow")
            || message.contains("illegal placement of ':'")
            || message.contains("misplaced bracket")
            || message.contains("did not find expected"))
    {
        let c = source
            .line(open.line)
            .chars()
            .nth(open.column as usize - 1)
            .unwrap_or('[');
        let close = if c == '{' { '}' } else { ']' };
        return (
            t!(
                lang,
                "cat001-unclosed-bracket",
                c = (c).to_string(),
                close = (close).to_string()
            ),
            one(open),
            t!(
                lang,
                "cat001-unclosed-bracket-help",
                close = (close).to_string()
            ),
        );
    }
    if message.contains("tab") {
        let tab = line
            .chars()
            .position(|c| c == '\t')
            .map_or(at.start, |c| Pos {
                line: at.start.line,
                column: c as u32 + 1,
            });
        return (
            t!(lang, "cat001-tab"),
            one(tab),
            t!(lang, "cat001-tab-help"),
        );
    }
    if message.contains("flow sequence")
        || message.contains("flow mapping")
        || message.contains("misplaced bracket")
    {
        return (
            t!(lang, "cat001-unmatched-bracket"),
            at,
            t!(lang, "cat001-unmatched-bracket-help"),
        );
    }
    (message.to_string(), at, t!(lang, "cat001-help-rest"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slips(text: &str) -> Vec<(u32, u32, char)> {
        find(text)
            .iter()
            .map(|s| (s.at.line, s.at.column, s.found))
            .collect()
    }

    /// Skipping the lines that can hold no slip changes nothing: every YAML file of the sample
    /// and the fixtures, as written and with a full-width slip typed into every line (`：` for
    /// `: `, `，` for `, `, U+3000 for a leading space, `“”` for `""`), and awkward texts where a
    /// skippable-looking line sits inside a block scalar, a flow collection or a quoted scalar.
    #[test]
    fn skipping_lines_that_cannot_hold_a_slip_finds_the_same_slips() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = vec![
            "a: |\n  plain\n  key： x\nb： y\n".into(),
            "a: >-\n  plain\n\n  “x”\nb: [1， 2]\n".into(),
            "a: [1,\n  2，\n  plain\n  3]\nb： c\n".into(),
            "a: {k: 1,\n  plain: 2,\n  m： 3}\n".into(),
            "a: \"open\n  plain\n  still， open\" \nb： c\n".into(),
            "a: 'x\n  plain\n  y'\nb： c\n".into(),
            "- plain\n-\u{3000}x\n\u{3000}\u{3000}k: v\n".into(),
            "k: 【a, b】\nplain: 中文、。《》（）！\nm: “abc”\n".into(),
            // Lines that open a state and look balanced to a reading that ignores quotes,
            // escapes or comments, each followed by a line read differently in that state.
            "a: [x, \"]\", [y]\n  b， c]\nd： e\n".into(),
            "a: [x, '[y', z\n  b， c]\nd： e\n".into(),
            "a: [x, ']', [y]\n  b， c]\nd： e\n".into(),
            "a: \"x\\\"\n  [y]\nb： c\"\nd： e\n".into(),
            "a: [x] [y\nb： c\n".into(),
            "a: x ] [\nb： c\n".into(),
            "\"k [\": [1,\n  2， 3]\nd： e\n".into(),
            "a: [x, # ]\n  y， z]\nd： e\n".into(),
            "a: {b: \"c}\", d: [e]}\nf： g\n".into(),
            "a: {b: \"c\", d: [e, {f: g}]}\nh： i\n".into(),
            "a: |\n    deeper\n  [x\n  y， z\nb： c\n".into(),
            "- a: |2\n     x\n    y\n  b： c\n".into(),
            "a: [\n  {b: 1}\n  ]\nc： d\n".into(),
            "a: \"[\"\nb： c\n".into(),
        ];
        for dir in ["catalog", "tests/fixtures"] {
            for entry in crate::load::walk_sorted(&root.join(dir))
                .into_iter()
                .flatten()
            {
                let path = entry.path();
                if path.extension().is_some_and(|x| x == "yaml")
                    && let Ok(text) = std::fs::read_to_string(path)
                {
                    let slipped: String = text
                        .lines()
                        .map(|l| {
                            let l = l.replacen(": ", "： ", 1).replacen(", ", "， ", 1);
                            let l = l.replacen("  ", "\u{3000}", 1);
                            l.replacen('"', "“", 1).replacen('"', "”", 1) + "\n"
                        })
                        .collect();
                    texts.push(text);
                    texts.push(slipped);
                }
            }
        }
        assert!(
            texts.len() > 100,
            "the corpus is read: {} texts",
            texts.len()
        );
        let mut found = 0;
        for text in &texts {
            let skipped = scan(text, true);
            assert_eq!(skipped, scan(text, false), "{text}");
            found += skipped.len();
        }
        assert!(found > 1000, "the corpus has slips to find: {found}");
        for c in FULL_WIDTH {
            assert!(!neutral(&format!("a: x{c}y")), "{c}");
        }
        // The lead-byte reading of the full-width characters agrees with the characters, for
        // every character, alone, beside ASCII and beside Chinese text.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("a{c}"), format!("中{c}文")] {
                let expected = text.contains(FULL_WIDTH);
                assert_eq!(holds_full_width(&text), expected, "U+{:04X}", c as u32);
                if !text.contains(['|', '>', '\'', '\\', '"', '[', ']', '{', '}']) {
                    assert_eq!(neutral(&text), !expected, "U+{:04X}", c as u32);
                }
            }
        }
        assert!(neutral("- ref: M001  # 中文、。《》（）"));
        assert!(neutral(
            "- {id: a, text: 中文、。《》（）, at: [\"x]\", 1]}"
        ));
        assert!(!neutral("a: [1, \"]\", [2]"));
        assert!(!neutral("a: [1] # ]"));
    }

    #[test]
    fn a_full_width_colon_after_a_key_is_a_slip() {
        assert_eq!(slips("address： 居住地\n"), vec![(1, 8, '：')]);
        assert_eq!(slips("a:\n  - ref： x\n"), vec![(2, 8, '：')]);
        assert_eq!(slips("m: {ref： application}\n"), vec![(1, 8, '：')]);
        // Typed straight on, the colon needs its space too.
        let text = "address：居住地\nhours: 9:00\n";
        assert_eq!(slips(text), vec![(1, 8, '：')]);
        assert_eq!(
            repaired(text, &find(text)),
            "address: 居住地\nhours: 9:00\n"
        );
    }

    #[test]
    fn chinese_text_keeps_its_punctuation() {
        for text in [
            "hours: 周一至周五 9:00-12:00，14:00-18:00\n",
            "question: 居住证签注什么时候办理？\n",
            "note: 他说“你好”和“再见”\n",
            "note: “最多跑一次”\n",
            "text: |\n  address： x\n  a， b\n",
            "a: {note: 提交回执，并签名}\n",
            "- 注意：事项\n",
            "a: x  # 注释：address： y\n",
            "note: 【重要】通知\n",
        ] {
            assert_eq!(slips(text), vec![], "{text}");
        }
    }

    #[test]
    fn commas_spaces_quotes_and_brackets_in_syntax_positions_are_slips() {
        assert_eq!(slips("a: [x， y]\n"), vec![(1, 6, '，')]);
        assert_eq!(slips("a: {x: 1， y: 2}\n"), vec![(1, 9, '，')]);
        assert_eq!(
            slips("a:\n\u{3000}\u{3000}b: 1\n"),
            vec![(2, 1, '\u{3000}')]
        );
        assert_eq!(slips("a:\u{3000}1\n"), vec![(1, 3, '\u{3000}')]);
        assert_eq!(slips("a: “0755-1234”\n"), vec![(1, 4, '“')]);
        assert_eq!(slips("a: \"0755-1234”\n"), vec![(1, 14, '”')]);
        assert_eq!(slips("a: 【x, y】\n"), vec![(1, 4, '【')]);
        assert_eq!(slips("a: [x, y】\n"), vec![(1, 9, '】')]);
        // Inside a flow mapping too, closed by either bracket; Chinese text in 【】 is text.
        assert_eq!(slips("- {ref: x, situations: 【a]}\n"), vec![(1, 24, '【')]);
        assert_eq!(
            slips("- {ref: x, situations: 【a, b】}\n"),
            vec![(1, 24, '【')]
        );
        assert_eq!(slips("- {ref: x, note: 【注意】原件}\n"), vec![]);
    }

    #[test]
    fn the_repair_keeps_every_position() {
        let text = "a: {ref： x， b: “1”}\n";
        let fixed = repaired(text, &find(text));
        assert_eq!(fixed, "a: {ref: x, b: \"1\"}\n");
        assert_eq!(fixed.chars().count(), text.chars().count());
    }
}

#[cfg(test)]
mod syntax_tests {
    use crate::load::yaml::Limits;
    use crate::load::{Kind, parse_document};

    /// (code, line, column, message) of each finding for a text.
    fn read(text: &str) -> Vec<(String, u32, u32, String)> {
        parse_document(
            Kind::National,
            "a.yaml",
            text.to_string(),
            Limits::default(),
            super::Lang::Zh,
        )
        .1
        .into_iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.span.start.line,
                d.span.start.column,
                d.message,
            )
        })
        .collect()
    }

    #[test]
    fn parser_errors_are_said_in_editor_terms_at_the_character_at_fault() {
        let cases: [(&str, u32, u32, &str); 8] = [
            // Over-indented: the line's first character.
            (
                "department:\n  name: x\n    credit_code: y\n",
                3,
                5,
                "缩进过深",
            ),
            (
                "department:\n    name: x\n  credit_code: y\n",
                3,
                3,
                "缩进不一致",
            ),
            ("a:\n  - x\n - y\n", 3, 2, "缩进不一致"),
            // The quote that is never closed.
            ("a: \"abc\nb: 1\n", 1, 4, "引号没有闭合"),
            ("a:\n\tb: 1\n", 2, 1, "制表符"),
            // The end of the line that lacks its colon, not the next line.
            ("a: 1\nb\nc: 2\n", 2, 2, "缺少冒号"),
            // The bracket that is never closed.
            ("a: [x, y\nb: 1\n", 1, 4, "括号没有闭合"),
            ("a: b: c\n", 1, 5, "冒号"),
        ];
        for (text, line, column, words) in cases {
            let found = read(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            let (code, l, c, message) = &found[0];
            assert_eq!(
                (code.as_str(), *l, *c),
                ("CAT001", line, column),
                "{text:?}: {message}"
            );
            assert!(message.contains(words), "{text:?}: {message}");
        }
    }

    #[test]
    fn an_over_indented_line_carries_its_dedent_which_fix_leaves_to_the_editor() {
        let text = "department:\n  name: x\n    credit_code: y\n";
        let (_, found) = parse_document(
            Kind::National,
            "a.yaml",
            text.to_string(),
            Limits::default(),
            super::Lang::Zh,
        );
        let fix = found[0].fix.clone().expect("a dedent");
        assert!(!fix.safe);
        let mut fixed = text.to_string();
        for e in fix.edits.iter().rev() {
            fixed.replace_range(e.start..e.end, &e.replacement);
        }
        assert_eq!(fixed, "department:\n  name: x\n  credit_code: y\n");
    }

    #[test]
    fn an_english_catalog_reads_english() {
        let limits = Limits {
            lang: super::Lang::En,
            ..Limits::default()
        };
        let (_, found) = parse_document(
            Kind::National,
            "a.yaml",
            "address： x\n".to_string(),
            limits,
            limits.lang,
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("full-width colon"),
            "{}",
            found[0].message
        );
    }
}
