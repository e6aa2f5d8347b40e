//! `catalogc lsp`: catalogc's own findings in the editor as the editor types (README, editing).
//!
//! A language server over stdio (the Language Server Protocol, through `lsp-server`, the
//! synchronous scaffold rust-analyzer uses). The schema alone (yaml-language-server with the
//! editor schemas) knows a file's shape; this server knows the catalog: every rule and the
//! conformance policy, a regional entry measured against the national item it implements.
//!
//! After each change (once the messages waiting are read, so a burst of keystrokes is one run),
//! the catalog is compiled with the open editors' unsaved text in place of the files on disk,
//! limited to what the open files can affect (the selection `check --since` uses), and the
//! findings are published for every file that has some; a file whose findings are gone gets an
//! empty list. Nothing is written to disk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Response};
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};
use crate::load;
use crate::pipeline::{self, Options};

/// Serve on stdin/stdout until the client says `exit`.
pub fn serve(root: Option<PathBuf>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, threads) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    let root = root
        .or_else(|| root_of(&params))
        .ok_or("no catalog root (a folder with catalog/catalog.yaml) in the workspace")?;
    connection.initialize_finish(
        id,
        json!({
            // Full text on every change: catalog files are small.
            "capabilities": {"textDocumentSync": {"openClose": true, "change": 1, "save": true}},
            "serverInfo": {"name": "catalogc", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        root,
        open: BTreeMap::new(),
        published: BTreeSet::new(),
    };
    server.run(&connection)?;
    drop(connection);
    threads.join()?;
    Ok(())
}

/// The catalog root of the workspace the client opened.
fn root_of(params: &Value) -> Option<PathBuf> {
    let uris = params["workspaceFolders"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["uri"].as_str())
        .chain(params["rootUri"].as_str());
    uris.filter_map(path_of)
        .find_map(|dir| load::find_root(&dir))
        .or_else(|| {
            params["rootPath"]
                .as_str()
                .and_then(|p| load::find_root(Path::new(p)))
        })
}

/// The path of a `file:` URI (percent-decoded).
fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%'
            && i + 2 < raw.len()
            && let Ok(byte) = u8::from_str_radix(std::str::from_utf8(&raw[i + 1..i + 3]).ok()?, 16)
        {
            bytes.push(byte);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// A `file:` URI for a path, percent-encoding what a URI cannot hold as it is.
fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

struct Server {
    root: PathBuf,
    /// The open documents' text, by path relative to the root.
    open: BTreeMap<String, String>,
    /// The files that were last published with findings.
    published: BTreeSet<String>,
}

impl Server {
    fn run(
        &mut self,
        connection: &Connection,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        loop {
            let Ok(message) = connection.receiver.recv() else {
                return Ok(());
            };
            let mut changed = self.handle(connection, message)?;
            // Read every message already waiting before compiling: one run per burst of edits.
            while let Ok(message) = connection.receiver.try_recv() {
                changed |= self.handle(connection, message)?;
            }
            if changed {
                self.publish(connection)?;
            }
        }
    }

    /// Handle one message; true when the open documents changed.
    fn handle(
        &mut self,
        connection: &Connection,
        message: Message,
    ) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(false);
                }
                connection.sender.send(Message::Response(Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("catalogc lsp does not answer {}", request.method),
                )))?;
                Ok(false)
            }
            Message::Response(_) => Ok(false),
            Message::Notification(Notification { method, params }) => {
                let document = &params["textDocument"];
                let Some(relative) = document["uri"]
                    .as_str()
                    .and_then(path_of)
                    .and_then(|p| self.relative(&p))
                else {
                    return Ok(false);
                };
                match method.as_str() {
                    "textDocument/didOpen" => {
                        let text = document["text"].as_str().unwrap_or_default().to_string();
                        self.open.insert(relative, text);
                    }
                    "textDocument/didChange" => {
                        // Full-text sync: the last change holds the whole text.
                        let Some(text) = params["contentChanges"]
                            .as_array()
                            .and_then(|c| c.last())
                            .and_then(|c| c["text"].as_str())
                        else {
                            return Ok(false);
                        };
                        self.open.insert(relative, text.to_string());
                    }
                    "textDocument/didClose" => {
                        self.open.remove(&relative);
                    }
                    "textDocument/didSave" => {}
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }
    }

    /// `path` relative to the root, if it is a catalog file under it.
    fn relative(&self, path: &Path) -> Option<String> {
        let relative = path.strip_prefix(&self.root).ok()?;
        let relative = relative.to_string_lossy().replace('\\', "/");
        load::classify(&relative).map(|_| relative)
    }

    /// Compile with the open documents' text and publish every file's findings.
    fn publish(
        &mut self,
        connection: &Connection,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let diagnostics = match self.findings() {
            Ok(found) => found,
            Err(error) => {
                connection
                    .sender
                    .send(Message::Notification(Notification::new(
                        "window/showMessage".to_string(),
                        json!({"type": 1, "message": format!("catalogc: {error}")}),
                    )))?;
                return Ok(());
            }
        };
        let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for file in &self.published {
            by_file.entry(file.clone()).or_default();
        }
        for open in self.open.keys() {
            by_file.entry(open.clone()).or_default();
        }
        for d in &diagnostics {
            let value = self.to_lsp(d);
            by_file.entry(d.file.clone()).or_default().push(value);
        }
        self.published.clear();
        for (file, found) in by_file {
            if !found.is_empty() {
                self.published.insert(file.clone());
            }
            connection
                .sender
                .send(Message::Notification(Notification::new(
                    "textDocument/publishDiagnostics".to_string(),
                    json!({"uri": uri_of(&self.root.join(&file)), "diagnostics": found}),
                )))?;
        }
        Ok(())
    }

    /// The findings of the catalog with the open documents in place of their files, limited to
    /// what the open documents can affect.
    fn findings(&self) -> Result<Vec<Diagnostic>, crate::load::schema::SchemaError> {
        let standard = pipeline::Standard::load(&self.root, None)?;
        let changed: Vec<String> = self.open.keys().cloned().collect();
        let selection = load::since::select(&self.root, &changed, standard.lang);
        let mut loaded = load::load_some(
            &self.root,
            standard.limits,
            standard.lang,
            &|rel| selection.loads(rel) && !self.open.contains_key(rel),
            selection.narrow(),
            None,
            None,
        );
        loaded
            .diagnostics
            .retain(|d| !self.open.contains_key(&d.file));
        for (relative, text) in &self.open {
            let Some(kind) = load::classify(relative) else {
                continue;
            };
            if !loaded.listed.iter().any(|(_, p)| p == relative) {
                loaded.listed.push((kind, relative.clone()));
            }
            let (document, found) = load::document_from_bytes(
                kind,
                relative,
                text.clone().into_bytes(),
                standard.limits,
                standard.lang,
            );
            loaded.documents.extend(document);
            loaded.diagnostics.extend(found);
        }
        let options = Options {
            selection: Some(selection),
            ..Options::default()
        };
        let compiled = pipeline::analyse(&standard, loaded, &options);
        Ok(compiled.diagnostics)
    }

    /// One finding as an LSP diagnostic: its range in UTF-16 code units, its code, its help and
    /// its secondary labels (the national standard's line) as related information.
    fn to_lsp(&self, d: &Diagnostic) -> Value {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .map(|l| {
                json!({
                    "location": {"uri": uri_of(&self.root.join(&l.file)), "range": self.range(&l.file, l.span)},
                    "message": l.message,
                })
            })
            .collect();
        json!({
            "range": self.range(&d.file, d.span),
            "severity": match d.severity { Severity::Error => 1, Severity::Warning => 2 },
            "code": d.code,
            "source": "catalogc",
            "message": message,
            "relatedInformation": related,
        })
    }

    /// A span (1-based lines, columns counted in characters) as an LSP range (0-based, UTF-16).
    fn range(&self, file: &str, span: crate::diagnostic::source::Span) -> Value {
        let text = self
            .open
            .get(file)
            .cloned()
            .or_else(|| std::fs::read_to_string(self.root.join(file)).ok())
            .unwrap_or_default();
        let position = |pos: crate::diagnostic::source::Pos| {
            let line = pos.line.saturating_sub(1);
            let units: usize = text
                .lines()
                .nth(line as usize)
                .unwrap_or_default()
                .chars()
                .take(pos.column.saturating_sub(1) as usize)
                .map(char::len_utf16)
                .sum();
            json!({"line": line, "character": units})
        };
        json!({"start": position(span.start), "end": position(span.end)})
    }
}
