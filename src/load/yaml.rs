//! YAML with a position on every node.
//!
//! catalogc reads YAML with one parser, `saphyr-parser` (pure Rust, YAML 1.2), and builds its own
//! small tree from the parser's events so that every node, and every mapping key, keeps its
//! [`Span`]. The tree converts to `serde_json::Value` for schema validation and answers JSON
//! Pointer look-ups, which is how a schema error at `/materials/2/copies` becomes `file:35:13`.
//!
//! Scalars are typed by the YAML 1.2 core schema (saphyr's rules): `010` is the integer 10 and
//! `yes` is a string. Unlike a plain loader, this one keeps going after a duplicate key (every
//! duplicate is reported), bounds nesting depth and alias expansion, and reports tags and
//! extra documents instead of silently accepting them.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr::Scalar;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

use crate::diagnostic::source::{Pos, Span};

/// A YAML node and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    /// True for a plain (unquoted, non-block) scalar.
    pub plain: bool,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping, in source order.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// Limits that keep hostile files cheap to reject, set in `catalog/catalog.yaml` under `limits:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Largest file, in bytes; a larger file is not read at all.
    pub max_file_bytes: u64,
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most nodes a file may expand to, counting every node an alias copies.
    pub max_nodes: usize,
    /// Longest string value, in characters.
    pub max_string_chars: usize,
    /// Most files under `catalog/`.
    pub max_files: usize,
    /// Largest attachment (a form, an example, a sample of the result), in bytes.
    pub max_attachment_bytes: u64,
    /// The language of the loader's own messages (CAT022, CAT001), from `language` in
    /// catalog.yaml; not a limit, but it travels with them to every parse.
    #[serde(skip)]
    pub lang: crate::load::editor::Lang,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 1024 * 1024,
            max_depth: 64,
            max_nodes: 200_000,
            max_string_chars: 20_000,
            max_files: 4_000_000,
            max_attachment_bytes: 10 * 1024 * 1024,
            lang: crate::load::editor::Lang::Zh,
        }
    }
}

/// What can be wrong with a YAML file itself, before any schema is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The text is not YAML; nothing after this point was read.
    Syntax { message: String, at: Span },
    /// A mapping has the same key twice; the first value is kept.
    DuplicateKey { key: String, at: Span, first: Span },
    /// A YAML feature the catalog format does not use (tags, several documents, complex keys,
    /// non-finite numbers).
    Unsupported { message: String, at: Span },
    /// A limit from [`Limits`] was hit; nothing after this point was read.
    Limit {
        message: String,
        /// The name of the limit in `catalog.yaml` (`max_depth`, `max_nodes`, `max_string_chars`).
        limit: &'static str,
        at: Span,
    },
}

/// The result of parsing one file: the tree if one could be built, and every problem found.
#[derive(Debug)]
pub struct Parsed {
    pub root: Option<Node>,
    pub problems: Vec<Problem>,
}

fn pos(m: &Marker) -> Pos {
    Pos {
        line: m.line() as u32,
        column: m.col() as u32 + 1,
    }
}

fn span(s: &saphyr_parser::Span) -> Span {
    Span::new(pos(&s.start), pos(&s.end))
}

/// A container being built from events.
enum Frame {
    Seq {
        start: Span,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: Span,
        anchor: usize,
        entries: Vec<Entry>,
        pending_key: Option<(String, Span)>,
    },
}

struct Builder {
    limits: Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    root: Option<Node>,
    documents: usize,
    problems: Vec<Problem>,
}

/// Parse one file. Never panics; the caller decides what the problems mean.
pub fn parse(text: &str, limits: Limits) -> Parsed {
    let mut builder = Builder {
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
        documents: 0,
        problems: Vec::new(),
    };
    let mut line_starts: Option<Vec<usize>> = None;
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, at)) => {
                let at = event_span(text, &event, &at, &mut line_starts);
                if let Err(problem) = builder.event(event, at) {
                    builder.problems.push(problem);
                    return builder.finish(true);
                }
            }
            Err(error) => {
                let at = pos(error.marker());
                let message = syntax_message(error.info());
                // The parser has a nesting limit of its own, reached while scanning ahead.
                builder
                    .problems
                    .push(if message.contains("recursion limit exceeded") {
                        Problem::Limit {
                            message: "the file nests mappings and sequences too deeply".to_string(),
                            limit: "max_depth",
                            at: Span::new(at, at),
                        }
                    } else {
                        Problem::Syntax {
                            message,
                            at: Span::new(at, at),
                        }
                    });
                return builder.finish(true);
            }
        }
    }
    builder.finish(false)
}

/// Parse one file straight to JSON, without the tree of positions, when it is an ordinary file:
/// `None` when [`parse`] would report any problem, or the file uses anchors or aliases, so that
/// the caller parses it again with [`parse`] for the problems and their positions.
///
/// A clean file's positions are needed only for a finding, and [`Document`] parses them again
/// then (as for a file from the cache). Skipping the tree saves allocating a [`Node`] for each
/// value and copying every string into the JSON (docs/format.md: one document, no tags).
///
/// [`Document`]: crate::load::Document
pub fn parse_json(text: &str, limits: Limits) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    enum Open {
        Seq(Vec<J>),
        // Kept as a list until the mapping ends: a map built in one go from its entries has
        // full B-tree nodes (about a quarter less memory than one built a key at a time).
        Map(Vec<(String, J)>, Option<String>),
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    let mut nodes = 0usize;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.ok()?;
        let done = match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Alias(_) => return None,
            Event::Scalar(text, style, anchor, tag) => {
                nodes += 1;
                if anchor > 0 || tag.is_some() || nodes > limits.max_nodes {
                    return None;
                }
                if text.len() > limits.max_string_chars
                    && text.chars().count() > limits.max_string_chars
                {
                    return None;
                }
                if let Some(Open::Map(_, pending @ None)) = stack.last_mut() {
                    // A key: named as `parse` names it.
                    let key = json_key(json_scalar(text, style)?);
                    if key == "<<" && style == ScalarStyle::Plain {
                        return None;
                    }
                    *pending = Some(key);
                    continue;
                }
                json_scalar(text, style)?
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                nodes += 1;
                if anchor > 0 || tag.is_some() || nodes > limits.max_nodes {
                    return None;
                }
                if stack.len() >= limits.max_depth {
                    return None;
                }
                if let Some(Open::Map(_, None)) = stack.last() {
                    // A mapping or a sequence as a key.
                    return None;
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(Vec::new())
                } else {
                    Open::Map(Vec::new(), None)
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop()? {
                Open::Seq(mut items) => {
                    items.shrink_to_fit();
                    J::Array(items)
                }
                Open::Map(entries, _) => J::Object(entries.into_iter().collect()),
            },
        };
        match stack.last_mut() {
            None => {
                if root.is_none() {
                    root = Some(done);
                }
            }
            Some(Open::Seq(items)) => items.push(done),
            Some(Open::Map(entries, pending)) => {
                let key = pending.take()?;
                if entries.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                entries.push((key, done));
            }
        }
    }
    root
}

/// A scalar typed by the YAML 1.2 core schema, as [`Builder::scalar`] types it; `None` for a
/// number that is not finite (a problem).
fn json_scalar(text: Cow<'_, str>, style: ScalarStyle) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    // Without a tag, saphyr always types the scalar.
    Some(
        match Scalar::parse_from_cow_and_metadata(text, style, None)? {
            Scalar::Null => J::Null,
            Scalar::Boolean(b) => J::Bool(b),
            Scalar::Integer(i) => J::from(i),
            Scalar::FloatingPoint(f) => J::Number(serde_json::Number::from_f64(f.into_inner())?),
            // A copy of exactly its length: the parser's own string has room to spare, and the
            // catalog keeps these strings for the whole run.
            Scalar::String(s) => J::String(String::from(&*s)),
        },
    )
}

/// A mapping key's text from its scalar, as [`Builder::push`] writes it (`1` for the integer 1,
/// `null` for `~`).
fn json_key(scalar: serde_json::Value) -> String {
    use serde_json::Value as J;
    match scalar {
        J::String(s) => s,
        J::Null => "null".to_string(),
        J::Bool(b) => b.to_string(),
        J::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().unwrap_or_default().to_string(),
        },
        // A scalar is none of these.
        J::Array(_) | J::Object(_) => String::new(),
    }
}

/// Where a finding about the value at JSON Pointer `pointer` belongs, found from the parser's
/// events without building the tree: the same span as [`Node::pointer`] and
/// [`Node::anchor_span`] give on the tree of [`parse`], for the pointer or, when it names
/// nothing, its longest prefix that names a node (`Document::span`'s fallback). `None` when the
/// events alone cannot say it as the tree would: an alias, a key that is not a string, a syntax
/// error, or no document; the caller then parses the tree. For a file that parsed cleanly.
///
/// A clean file's tree is parsed only for a finding's position; most findings are in files
/// that have one or two, and a walk that stops at the node costs less than a tree of the file.
pub fn locate(text: &str, pointer: &str) -> Option<Span> {
    let segments: Vec<String> = match pointer {
        "" => Vec::new(),
        _ => pointer
            .strip_prefix('/')?
            .split('/')
            .map(|raw| raw.replace("~1", "/").replace("~0", "~"))
            .collect(),
    };
    /// A collection being walked: whether its items or values are on the pointer's path, the
    /// next item's index or the key whose value comes next, and its own anchor span.
    struct Open {
        map: bool,
        on_path: bool,
        index: usize,
        key: Option<(Option<String>, Span)>,
        anchor: Span,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut line_starts: Option<Vec<usize>> = None;
    for event in Parser::new_from_str(text) {
        let (event, at) = event.ok()?;
        let at = event_span(text, &event, &at, &mut line_starts);
        let (is_scalar, is_start) = match &event {
            Event::Scalar(..) => (true, false),
            Event::SequenceStart(..) | Event::MappingStart(..) => (false, true),
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop()?;
                if open.on_path {
                    // The deepest node on the path ends without the rest of it: the tree's
                    // fallback lands here.
                    return Some(open.anchor);
                }
                if let Some(parent) = stack.last_mut() {
                    parent.index += 1;
                    parent.key = None;
                }
                continue;
            }
            Event::Alias(_) => return None,
            _ => continue,
        };
        // A mapping's key: a string on the path is kept to match the value that follows.
        if let Some(parent) = stack.last_mut()
            && parent.map
            && parent.key.is_none()
        {
            if !is_scalar {
                return None;
            }
            let name = match &event {
                Event::Scalar(text, style, ..) if parent.on_path => {
                    match Scalar::parse_from_cow_and_metadata(text.clone(), *style, None) {
                        Some(Scalar::String(s)) => Some(s.into_owned()),
                        None => Some(text.to_string()),
                        Some(_) => return None,
                    }
                }
                _ => None,
            };
            parent.key = Some((name, at));
            continue;
        }
        // A node: where it stands on the path.
        let depth = stack.len();
        let (on_path, key_span) = match stack.last() {
            None => (true, None),
            Some(parent) if parent.on_path => match &parent.key {
                Some((name, key_span)) => (
                    name.as_deref() == Some(segments[depth - 1].as_str()),
                    Some(*key_span),
                ),
                None => (
                    segments[depth - 1].parse::<usize>().ok() == Some(parent.index),
                    None,
                ),
            },
            Some(_) => (false, None),
        };
        if is_scalar {
            if on_path {
                // The node named, or a scalar the rest of the path cannot go into.
                return Some(at);
            }
            if let Some(parent) = stack.last_mut() {
                parent.index += 1;
                parent.key = None;
            }
        } else if is_start {
            let anchor = key_span.unwrap_or(Span::new(
                at.start,
                Pos {
                    line: at.start.line,
                    column: at.start.column + 1,
                },
            ));
            if on_path && depth == segments.len() {
                return Some(anchor);
            }
            stack.push(Open {
                map: matches!(event, Event::MappingStart(..)),
                on_path,
                index: 0,
                key: None,
                anchor,
            });
        }
    }
    None
}

/// An event's span as a node's: a quoted scalar's ends at its closing quote. `line_starts` is
/// made on the first quoted scalar and kept for the rest of the file.
fn event_span(
    text: &str,
    event: &Event<'_>,
    at: &saphyr_parser::Span,
    line_starts: &mut Option<Vec<usize>>,
) -> Span {
    let mut at = span(at);
    if let Event::Scalar(_, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted, ..) = event {
        let starts =
            line_starts.get_or_insert_with(|| crate::diagnostic::source::line_starts(text));
        if let Some(end) = quoted_end(text, starts, at.start) {
            at.end = end;
        }
    }
    at
}

/// The position just after the closing quote of the quoted scalar that starts at `start`: the
/// parser's own span of a quoted scalar runs on over the spaces and comment after it.
fn quoted_end(text: &str, line_starts: &[usize], start: Pos) -> Option<Pos> {
    let line_start = *line_starts.get(start.line.checked_sub(1)? as usize)?;
    let from = line_start
        + text[line_start..]
            .char_indices()
            .nth(start.column.checked_sub(1)? as usize)?
            .0;
    let mut chars = text[from..].chars().peekable();
    let quote = chars.next().filter(|c| matches!(c, '"' | '\''))?;
    let (mut line, mut column) = (start.line, start.column + 1);
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 1;
            continue;
        }
        column += 1;
        if quote == '"' && c == '\\' {
            if chars.next().is_some_and(|n| n == '\n') {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        } else if c == quote {
            if quote == '\'' && chars.peek() == Some(&'\'') {
                chars.next();
                column += 1;
                continue;
            }
            return Some(Pos { line, column });
        }
    }
    None
}

/// saphyr's messages say "at byte N" while meaning characters; the position is reported apart.
fn syntax_message(info: &str) -> String {
    let info = info.trim().trim_end_matches('.');
    match info.find(" at byte ") {
        Some(i) => info[..i].to_string(),
        None => info.to_string(),
    }
}

impl Builder {
    fn finish(mut self, aborted: bool) -> Parsed {
        if aborted {
            self.root = None;
        }
        Parsed {
            root: self.root,
            problems: self.problems,
        }
    }

    fn count(&mut self, n: usize, at: Span) -> Result<(), Problem> {
        self.nodes += n;
        if self.nodes > self.limits.max_nodes {
            return Err(Problem::Limit {
                message: format!(
                    "the file expands to more than {} YAML nodes",
                    self.limits.max_nodes
                ),
                limit: "max_nodes",
                at,
            });
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, at: Span) -> Result<(), Problem> {
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => Ok(()),
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    // Stop here: one file holds one document.
                    return Err(Problem::Unsupported {
                        message: "a catalog file holds one YAML document, this is a second one"
                            .to_string(),
                        at,
                    });
                }
                Ok(())
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id).cloned() else {
                    return Err(Problem::Syntax {
                        message: "alias to an unknown anchor".to_string(),
                        at,
                    });
                };
                self.count(size, at)?;
                let mut node = node;
                node.span = at;
                self.push(node, size)
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, at)?;
                if let Some(tag) = tag {
                    self.problems.push(Problem::Unsupported {
                        message: format!(
                            "YAML tag `{}{}` is not used by the catalog format",
                            tag.handle, tag.suffix
                        ),
                        at,
                    });
                }
                let node = self.scalar(text, style, at);
                if anchor > 0 {
                    self.anchors.insert(anchor, (node.clone(), 1));
                }
                self.push(node, 1)
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                self.count(1, at)?;
                if let Some(tag) = tag {
                    self.problems.push(Problem::Unsupported {
                        message: format!(
                            "YAML tag `{}{}` is not used by the catalog format",
                            tag.handle, tag.suffix
                        ),
                        at,
                    });
                }
                if self.stack.len() >= self.limits.max_depth {
                    return Err(Problem::Limit {
                        message: format!(
                            "the file nests mappings and sequences more than {} levels deep",
                            self.limits.max_depth
                        ),
                        limit: "max_depth",
                        at,
                    });
                }
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        start: at,
                        anchor,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Map {
                        start: at,
                        anchor,
                        entries: Vec::new(),
                        pending_key: None,
                    }
                };
                self.stack.push(frame);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let (node, anchor) = match frame {
                    Frame::Seq {
                        start,
                        anchor,
                        items,
                    } => (
                        Node {
                            span: Span::new(start.start, at.end.max(start.end)),
                            plain: false,
                            value: Value::Seq(items),
                        },
                        anchor,
                    ),
                    Frame::Map {
                        start,
                        anchor,
                        entries,
                        ..
                    } => (
                        Node {
                            span: Span::new(start.start, at.end.max(start.end)),
                            plain: false,
                            value: Value::Map(entries),
                        },
                        anchor,
                    ),
                };
                let size = node_count(&node);
                if anchor > 0 {
                    self.anchors.insert(anchor, (node.clone(), size));
                }
                self.push(node, size)
            }
        }
    }

    fn scalar(&mut self, text: Cow<'_, str>, style: ScalarStyle, at: Span) -> Node {
        let plain = style == ScalarStyle::Plain;
        let chars = text.chars().count();
        if chars > self.limits.max_string_chars {
            self.problems.push(Problem::Limit {
                message: format!(
                    "a string of {chars} characters is longer than the limit of {}",
                    self.limits.max_string_chars
                ),
                limit: "max_string_chars",
                at: Span::new(at.start, at.start),
            });
        }
        let value = match Scalar::parse_from_cow_and_metadata(text.clone(), style, None) {
            Some(Scalar::Null) => Value::Null,
            Some(Scalar::Boolean(b)) => Value::Bool(b),
            Some(Scalar::Integer(i)) => Value::Int(i),
            Some(Scalar::FloatingPoint(f)) => {
                let f = f.into_inner();
                if !f.is_finite() {
                    self.problems.push(Problem::Unsupported {
                        message: format!("`{text}` is not a finite number"),
                        at,
                    });
                }
                Value::Float(f)
            }
            Some(Scalar::String(s)) => Value::Str(s.into_owned()),
            None => Value::Str(text.into_owned()),
        };
        Node {
            span: at,
            plain,
            value,
        }
    }

    /// Put a finished node into its parent, or make it the document root.
    fn push(&mut self, node: Node, _size: usize) -> Result<(), Problem> {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                Some((key, key_span)) => {
                    if let Some(first) = entries.iter().find(|e| e.key == key) {
                        self.problems.push(Problem::DuplicateKey {
                            key,
                            at: key_span,
                            first: first.key_span,
                        });
                    } else {
                        entries.push(Entry {
                            key,
                            key_span,
                            value: node,
                        });
                    }
                    Ok(())
                }
                None => {
                    let key = match &node.value {
                        Value::Str(s) => s.clone(),
                        Value::Int(i) => i.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Float(f) => f.to_string(),
                        Value::Null => "null".to_string(),
                        Value::Seq(_) | Value::Map(_) => {
                            return Err(Problem::Unsupported {
                                message:
                                    "a mapping key must be a plain value, not a mapping or sequence"
                                        .to_string(),
                                at: node.span,
                            });
                        }
                    };
                    if key == "<<" && node.plain {
                        self.problems.push(Problem::Unsupported {
                            message: "merge keys (`<<`) are not used by the catalog format"
                                .to_string(),
                            at: node.span,
                        });
                    }
                    *pending_key = Some((key, node.span));
                    Ok(())
                }
            },
        }
    }
}

fn node_count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(node_count).sum(),
        Value::Map(entries) => entries.iter().map(|e| node_count(&e.value)).sum(),
        _ => 0,
    }
}

impl Node {
    /// The node as JSON, for the schema validator and for typed deserialisation.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// The node a JSON Pointer (RFC 6901) names, with the span of the key that holds it.
    pub fn pointer(&self, pointer: &str) -> Option<(&Node, Option<Span>)> {
        let mut node = self;
        let mut key_span = None;
        if pointer.is_empty() {
            return Some((node, None));
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let segment = raw.replace("~1", "/").replace("~0", "~");
            match &node.value {
                Value::Map(entries) => {
                    let entry = entries.iter().find(|e| e.key == segment)?;
                    key_span = Some(entry.key_span);
                    node = &entry.value;
                }
                Value::Seq(items) => {
                    node = items.get(segment.parse::<usize>().ok()?)?;
                    key_span = None;
                }
                _ => return None,
            }
        }
        Some((node, key_span))
    }

    /// The span of a mapping key inside this node, if this is a mapping that has it.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| e.key_span),
            _ => None,
        }
    }

    /// Where a finding about this node should point: a scalar itself; for a mapping or a
    /// sequence, the key that holds it (or its first line when it has none).
    pub fn anchor_span(&self, key_span: Option<Span>) -> Span {
        match (&self.value, key_span) {
            (Value::Seq(_) | Value::Map(_), Some(key)) => key,
            (Value::Seq(_) | Value::Map(_), None) => {
                let start = self.span.start;
                Span::new(
                    start,
                    Pos {
                        line: start.line,
                        column: start.column + 1,
                    },
                )
            }
            _ => self.span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        let parsed = parse(text, Limits::default());
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.root.expect("a root")
    }

    #[test]
    fn every_node_has_a_position_in_characters() {
        let root = parse_ok("名称: 居民身份证\nmaterials:\n  - copies: many\n");
        let (node, _) = root.pointer("/materials/0/copies").unwrap();
        assert_eq!(
            node.span.start,
            Pos {
                line: 3,
                column: 13
            }
        );
        let (name, key) = root.pointer("/名称").unwrap();
        assert_eq!(name.span.start, Pos { line: 1, column: 5 });
        assert_eq!(key.unwrap().start, Pos { line: 1, column: 1 });
    }

    #[test]
    fn scalars_follow_the_yaml_1_2_core_schema() {
        let root = parse_ok("a: 000120010000\nb: \"000120010000\"\nc: yes\nd: 2025-06-30\ne: ~\n");
        let json = root.to_json();
        assert_eq!(json["a"], serde_json::json!(120010000));
        assert!(root.pointer("/a").unwrap().0.plain);
        assert_eq!(json["b"], "000120010000");
        assert_eq!(json["c"], "yes");
        assert_eq!(json["d"], "2025-06-30");
        assert!(json["e"].is_null());
    }

    #[test]
    fn every_duplicate_key_is_reported_and_the_first_value_kept() {
        let parsed = parse("a: 1\nb: 2\na: 3\nb: 4\n", Limits::default());
        assert_eq!(parsed.problems.len(), 2);
        assert!(matches!(&parsed.problems[0],
            Problem::DuplicateKey { key, at, first } if key == "a" && at.start.line == 3 && first.start.line == 1));
        assert_eq!(parsed.root.unwrap().to_json()["a"], 1);
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let parsed = parse("a: [1, 2\nb: 3\n", Limits::default());
        assert!(parsed.root.is_none());
        assert!(matches!(parsed.problems[0], Problem::Syntax { .. }));
    }

    #[test]
    fn alias_expansion_is_bounded() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let parsed = parse(&text, Limits::default());
        assert!(parsed.root.is_none());
        assert!(matches!(
            parsed.problems[0],
            Problem::Limit {
                limit: "max_nodes",
                ..
            }
        ));
    }

    #[test]
    fn a_quoted_scalar_ends_at_its_closing_quote() {
        let root = parse_ok("a: \"x\"   # c\nb: ['y'  , z]\nc: 'it''s'  # d\nd: \"a\\\"b\"\n");
        let end = |p: &str| {
            let span = root.pointer(p).unwrap().0.span;
            (span.start.line, span.start.column, span.end.column)
        };
        assert_eq!(end("/a"), (1, 4, 7));
        assert_eq!(end("/b/0"), (2, 5, 8));
        assert_eq!(end("/c"), (3, 4, 11));
        assert_eq!(end("/d"), (4, 4, 10));
    }

    #[test]
    fn a_second_document_is_reported() {
        let parsed = parse("a: 1\n---\nb: 2\n", Limits::default());
        assert!(matches!(parsed.problems[0], Problem::Unsupported { .. }));
    }

    /// [`parse_json`] must give exactly the JSON of [`parse`]'s tree, or nothing.
    fn same_json(text: &str) {
        let parsed = parse(text, Limits::default());
        assert!(
            parsed.problems.is_empty(),
            "{text:?}: {:?}",
            parsed.problems
        );
        let tree = parsed.root.expect("a root").to_json();
        assert_eq!(
            parse_json(text, Limits::default()),
            Some(tree),
            "{text:?} straight to JSON"
        );
    }

    #[test]
    fn an_ordinary_file_goes_straight_to_the_json_of_its_tree() {
        for text in [
            "a: 000120010000\nb: \"000120010000\"\nc: yes\nd: 2025-06-30\ne: ~\nf:\ng: null\n",
            "int: 010\noct: 0o17\nhex: 0x1F\nneg: -3\nbig: 9223372036854775807\n",
            "f: 1.5\ne: 1e3\nd: -.5\nz: 0.0\nt: true\nF: False\nq: 'true'\n",
            "名称: 居民身份证\n材料:\n  - 名称: 户口簿\n    份数: 1\n  - {名称: 照片, 份数: 2}\n",
            "flow: [1, 'two', \"三\", [4], {五: 5}]\nempty: []\nnone: {}\n",
            "block: |\n  第一行\n  第二行\n\nfolded: >-\n  one\n  two\nplain: one\n  two\n",
            "1: int key\ntrue: bool key\n~: null key\n1.5: float key\n'2': quoted\n",
            "- just\n- a\n- list\n",
            "just a scalar\n",
            "# a comment\n---\nstart: explicit\n...\n",
            "\u{feff}bom: kept out by the caller, fine here\n",
            "'<<': a quoted merge key is a plain string\n",
            "deep: {a: {b: {c: [[[1]]]}}}\n",
            "long: \"escapes \\u00e9 \\n \\t \\\" done\"\n",
        ] {
            same_json(text);
        }
    }

    #[test]
    fn a_file_with_a_problem_or_an_anchor_is_left_to_the_parser_with_positions() {
        let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
        let long = format!("a: {}\n", "字".repeat(20_001));
        let many = format!("[{}]", vec!["1"; 200_001].join(","));
        for (text, problem) in [
            ("a: 1\nb: 2\na: 3\n", true),
            ("a: !!str 1\n", true),
            ("a: !custom {b: 1}\n", true),
            ("a: 1\n---\nb: 2\n", true),
            ("a: &x 1\nb: *x\n", false),
            ("a: &x {c: 1}\n", false),
            ("<<: {a: 1}\n", true),
            ("a: [1, 2\nb: 3\n", true),
            ("? [a, b]\n: c\n", true),
            ("a: .inf\n", true),
            ("a: .nan\n", true),
            (deep.as_str(), true),
            (long.as_str(), true),
            (many.as_str(), true),
            ("", true),
            ("# only a comment\n", true),
        ] {
            assert_eq!(
                parse_json(text, Limits::default()),
                None,
                "{:?} must go to the parser with positions",
                text.chars().take(40).collect::<String>()
            );
            let parsed = parse(text, Limits::default());
            assert_eq!(
                !parsed.problems.is_empty() || parsed.root.is_none(),
                problem,
                "{:?}: {:?}",
                text.chars().take(40).collect::<String>(),
                parsed.problems
            );
        }
    }

    #[test]
    fn every_file_of_the_sample_catalog_goes_straight_to_json() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let mut files = 0;
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                same_json(&text);
                files += 1;
            }
        }
        assert!(files > 50, "{files} files under {}", dir.display());
    }
}
