//! `catalogc serve`: a preview of the build on 127.0.0.1 that rebuilds when the catalog changes
//! and reloads the open page.
//!
//! Three kinds of thread share one [`Shared`] state. The watcher (notify) sends the changed paths
//! (opening or reading a file is not a change); the builder runs the same pipeline as `catalogc
//! build` into a folder of its own (`.catalogc-cache/serve/`, never into the catalog), one build
//! at a time, so saves that arrive during a build are coalesced into the single next one; each
//! build, good or not, raises the *generation*. Every HTTP request runs on a thread of its own
//! (`http.rs`): files come from the last good build, an HTML page gets a small script (`reload.js`) that long-polls `/__catalogc/events` with the
//! generation it was served at and reloads when it moves on. While the catalog has errors, every
//! HTML page is the error page (`errors.html`: in Chinese, each error with its file, line and
//! column) instead of stale output, and the next good build brings the pages back.

mod http;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::diagnostic::{Severity, Summary};
use crate::pipeline::{self, Options};

/// What `catalogc serve` was asked for.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub options: Options,
    /// `--templates DIR`, overriding the catalog's and the built-in templates.
    pub templates: Option<PathBuf>,
    /// Where the builds go: catalogc's own folder, outside the catalog's sources.
    pub out: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
}

impl Config {
    /// Serve `root` on `port`, building into `.catalogc-cache/serve/` under the root: catalogc's
    /// own scratch folder (ignored by git and by the watcher), never the catalog's files, and
    /// kept between runs so that a later `serve` reuses the pages it rendered.
    pub fn new(root: PathBuf, options: Options, templates: Option<PathBuf>, port: u16) -> Config {
        let root = root.canonicalize().unwrap_or(root);
        let out = root.join(".catalogc-cache").join("serve");
        Config {
            root,
            options,
            templates,
            out,
            port,
        }
    }
}

/// Why serving could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port could not be bound on 127.0.0.1.
    Bind(u16, Box<dyn std::error::Error + Send + Sync>),
    /// The catalog's folders could not be watched.
    Watch(notify::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Bind(port, _) => write!(f, "cannot listen on 127.0.0.1:{port}"),
            ServeError::Watch(_) => f.write_str("cannot watch the catalog's files for changes"),
        }
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Bind(_, e) => Some(e.as_ref()),
            ServeError::Watch(e) => Some(e),
        }
    }
}

/// What the pages show now.
#[derive(Debug, Clone)]
enum View {
    /// The last build succeeded: serve its files.
    Site,
    /// The catalog (or the build) has errors: every HTML page is this page. Files other than
    /// pages still come from the last good build, if there was one.
    Errors(Arc<ErrorPage>),
}

/// The errors of a failed build, as the error page lists them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ErrorPage {
    /// Each error, in the order `catalogc check` reports them.
    pub errors: Vec<ErrorLine>,
    /// When catalogc itself could not go on (a broken schema or template): what it said.
    pub failure: Option<String>,
    /// The errors as `catalogc check` prints them, with the source lines.
    pub text: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ErrorLine {
    pub code: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub help: Option<String>,
}

struct State {
    generation: u64,
    view: View,
}

/// The state every thread reads, and the signal that it changed.
pub(crate) struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    out: PathBuf,
}

impl Shared {
    fn snapshot(&self) -> (u64, View) {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        (state.generation, state.view.clone())
    }

    fn publish(&self, view: View) -> u64 {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.generation += 1;
        state.view = view;
        self.changed.notify_all();
        state.generation
    }

    /// Wait until the generation differs from `seen`, at most `limit`; the generation then.
    fn wait_past(&self, seen: u64, limit: Duration) -> u64 {
        let deadline = Instant::now() + limit;
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.generation == seen {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            state = match self.changed.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(e) => e.into_inner().0,
            };
        }
        state.generation
    }
}

/// The folders a build reads, which are watched: the catalog, the schemas, the templates.
fn watched(config: &Config) -> Vec<PathBuf> {
    let mut dirs = vec![
        config.root.join("catalog"),
        config.root.join("schema"),
        config.root.join("output-templates"),
    ];
    dirs.extend(config.templates.clone());
    dirs.retain(|d| d.is_dir());
    dirs
}

/// Whether a changed path should start a build: not the output, not the cache, not a hidden
/// file (an editor's swap file, git's folder).
fn relevant(config: &Config, path: &Path) -> bool {
    if path.starts_with(&config.out) || path.starts_with(config.root.join(".catalogc-cache")) {
        return false;
    }
    let inside = path.strip_prefix(&config.root).unwrap_or(path);
    !inside.components().any(|part| {
        let part = part.as_os_str().to_string_lossy();
        part.starts_with('.') || part.ends_with('~')
    })
}

/// Serve until the process is stopped. Prints the address on stdout once the first build is done.
pub fn run(config: Config) -> Result<(), ServeError> {
    let server = tiny_http::Server::http(("127.0.0.1", config.port))
        .map_err(|e| ServeError::Bind(config.port, e))?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("127.0.0.1:{}", config.port), |a| a.to_string());

    use notify::Watcher as _;
    let (sender, changes) = std::sync::mpsc::channel();
    let mut watcher = notify::RecommendedWatcher::new(
        sender,
        notify::Config::default().with_follow_symlinks(false),
    )
    .map_err(ServeError::Watch)?;
    for dir in watched(&config) {
        watcher
            .watch(&dir, notify::RecursiveMode::Recursive)
            .map_err(ServeError::Watch)?;
    }

    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            generation: 0,
            view: View::Site,
        }),
        changed: Condvar::new(),
        out: config.out.clone(),
    });
    let started = Instant::now();
    let first = build(&config);
    report(&first, shared.publish(first.clone()), started.elapsed());

    println!("catalogc serve: http://{address}/ (Ctrl+C stops it)");
    use std::io::Write as _;
    let _ = std::io::stdout().flush();

    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || rebuild_on_change(&config, &shared, &changes));
    }
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || http::answer(request, &shared));
    }
    drop(watcher);
    Ok(())
}

/// How long the files must be quiet before a build starts: an editor's save is often several
/// events (write a temporary file, rename it over the old one).
const QUIET: Duration = Duration::from_millis(50);

/// One build after each burst of changes; changes that arrive during a build wait for it and are
/// then built once, together.
fn rebuild_on_change(
    config: &Config,
    shared: &Shared,
    changes: &Receiver<notify::Result<notify::Event>>,
) {
    while let Ok(event) = changes.recv() {
        let mut wanted = matters(config, event);
        // Everything that queued up meanwhile, and what follows within QUIET, joins this build.
        loop {
            match changes.recv_timeout(QUIET) {
                Ok(event) => wanted |= matters(config, event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if !wanted {
            continue;
        }
        let started = Instant::now();
        let view = build(config);
        report(&view, shared.publish(view.clone()), started.elapsed());
    }
}

/// Whether an event changes what a build reads: a file created, written, renamed or removed
/// (not opened or read, which the build itself does).
fn matters(config: &Config, event: notify::Result<notify::Event>) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode};
    match event {
        Ok(event) => {
            let changes = match event.kind {
                EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
                EventKind::Access(_) => false,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
                EventKind::Any | EventKind::Other => true,
            };
            changes && event.paths.iter().any(|p| relevant(config, p))
        }
        // The watcher lost track (too many events): build to be safe.
        Err(_) => true,
    }
}

fn report(view: &View, generation: u64, took: Duration) {
    match view {
        View::Site => eprintln!("build {generation}: done in {} ms", took.as_millis()),
        View::Errors(page) => eprintln!(
            "build {generation}: {} — the pages show the errors until they are fixed",
            page.failure
                .clone()
                .unwrap_or_else(|| match page.errors.len() {
                    1 => "the catalog has 1 error".to_string(),
                    n => format!("the catalog has {n} errors"),
                })
        ),
    }
}

/// The error text of `error` and each of its causes.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text
}

/// Run the pipeline and, when the catalog has no errors, write the build into `config.out`
/// (atomically, as `catalogc build` does; the Atom feeds, which read git history, are left out).
fn build(config: &Config) -> View {
    let failed = |failure: String| {
        View::Errors(Arc::new(ErrorPage {
            errors: Vec::new(),
            failure: Some(failure),
            text: String::new(),
        }))
    };
    let compiled = match pipeline::compile(&config.root, &config.options) {
        Ok(compiled) => compiled,
        Err(error) => return failed(chain(&error)),
    };
    if Summary::of(&compiled.diagnostics).errors > 0 {
        let errors = compiled
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| ErrorLine {
                code: d.code.to_string(),
                file: d.file.clone(),
                line: d.span.start.line,
                column: d.span.start.column,
                message: d.message.clone(),
                help: d.help.clone(),
            })
            .collect();
        let text = crate::report::render(
            &crate::report::Report::of(&compiled),
            crate::report::Format::Text,
            false,
        );
        return View::Errors(Arc::new(ErrorPage {
            errors,
            failure: None,
            text,
        }));
    }
    let templates =
        match crate::emit::templates::Templates::load(&config.root, config.templates.as_deref()) {
            Ok(templates) => templates,
            Err(error) => return failed(chain(&error)),
        };
    let mut site = crate::emit::Site::new(&compiled, &templates, config.options.regions.clone());
    site.feeds = false;
    site.reuse_pages = config.options.cache;
    match crate::emit::build(&site, &compiled, None, &config.out) {
        Ok(_) => View::Site,
        Err(error) => failed(chain(&error)),
    }
}
