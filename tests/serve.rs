//! `catalogc serve` over loopback, with a real HTTP client (std's TcpStream speaking HTTP/1.1, so
//! that a path such as `/../x` reaches the server exactly as written): it listens on 127.0.0.1
//! only, serves the build, sees an edit of a temporary copy of the sample and reloads, shows the
//! errors (file, line, column) instead of stale pages and recovers, coalesces saves, refuses
//! paths that would leave its folder, and never writes into the catalog.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

/// The guide of 深圳's 居住证申领 and the file it is built from.
const GUIDE: &str = "/portal/regions/440300/002000112001.html";
const ENTRY: &str = "catalog/regions/440300/002000112001.yaml";
/// Generous: a build of the sample takes about a second, a loaded CI machine much longer.
const LIMIT: Duration = Duration::from_secs(60);

/// A running `catalogc serve`, killed when dropped (also when a test fails).
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`, as printed.
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `catalogc serve --port 0` on `root` and wait for the address it prints.
fn serve(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["serve", "--port", "0", "--as-of", AS_OF, "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let mut server = Server {
        child,
        address: String::new(),
    };
    let line = receive
        .recv_timeout(LIMIT)
        .expect("catalogc serve printed no address");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    server.address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    server
}

struct Answer {
    status: u16,
    head: String,
    body: String,
}

/// `GET path` over a fresh connection, the path sent exactly as given.
fn get(server: &Server, path: &str) -> Answer {
    get_at(&server.address, path)
}

fn get_at(address: &str, path: &str) -> Answer {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(LIMIT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    Answer {
        status,
        head: head.to_string(),
        // The pages escape `/` in text as `&#x2f;`; a browser shows `/`.
        body: body.replace("&#x2f;", "/"),
    }
}

/// The build generation the server is at now.
fn generation(server: &Server) -> u64 {
    get(server, "/__catalogc/events")
        .body
        .trim()
        .parse()
        .unwrap()
}

/// Wait, as the reload script does, until the generation is past `seen`; the new one.
fn next_generation(server: &Server, seen: u64) -> u64 {
    let started = Instant::now();
    while started.elapsed() < LIMIT {
        let now: u64 = get(server, &format!("/__catalogc/events?since={seen}"))
            .body
            .trim()
            .parse()
            .unwrap();
        if now != seen {
            return now;
        }
    }
    panic!("no rebuild within {LIMIT:?} after generation {seen}");
}

/// Replace `from` by `to` in a file of the catalog, as an editor saves it.
fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let file = root.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{path} does not contain {from}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir` with its bytes, but catalogc's own scratch folder.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != ".catalogc-cache")
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The local address of every listening TCP socket on `port` (Linux's /proc/net/tcp and tcp6).
#[cfg(target_os = "linux")]
fn listening_on(port: u16) -> Vec<String> {
    let mut found = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state)) = (fields.get(1), fields.get(3)) else {
                continue;
            };
            let Some((ip, p)) = local.split_once(':') else {
                continue;
            };
            if *state == "0A" && u16::from_str_radix(p, 16) == Ok(port) {
                found.push(ip.to_string());
            }
        }
    }
    found
}

#[test]
fn an_edit_is_served_and_the_page_told_to_reload_on_loopback_only() {
    let root = sample_copy();
    let before = files(root.path());
    let server = serve(root.path());

    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    #[cfg(target_os = "linux")]
    {
        let port: u16 = server.address.rsplit(':').next().unwrap().parse().unwrap();
        // 0100007F is 127.0.0.1 as /proc writes it; a wildcard socket would read 00000000.
        assert_eq!(listening_on(port), vec!["0100007F".to_string()]);
    }

    let home = get(&server, "/");
    assert_eq!(home.status, 302);
    assert!(
        home.head.contains("Location: /portal/index.html"),
        "{}",
        home.head
    );

    let folder = get(&server, "/portal/regions/440300");
    assert_eq!(folder.status, 302);
    assert!(folder.head.contains("Location: /portal/regions/440300/"));
    let index = get(&server, "/portal/regions/440300/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("002000112001.html"));

    let first = generation(&server);
    let page = get(&server, GUIDE);
    assert_eq!(page.status, 200);
    assert!(page.head.contains("text/html"), "{}", page.head);
    assert!(page.body.contains("深圳市公安局"));
    assert!(!page.body.contains("深圳市公安局（预览）"));
    assert!(
        page.body.contains(&format!(
            r#"<script src="/__catalogc/reload.js" data-generation="{first}"></script></body>"#
        )),
        "the reload script is not before </body>"
    );
    let script = get(&server, "/__catalogc/reload.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("/__catalogc/events?since="));

    // A client polling at the current generation is answered once the edit is built.
    let address = server.address.clone();
    let poll = std::thread::spawn(move || {
        get_at(&address, &format!("/__catalogc/events?since={first}"))
            .body
            .trim()
            .parse::<u64>()
            .unwrap()
    });
    std::thread::sleep(Duration::from_millis(200));
    edit(
        root.path(),
        ENTRY,
        "name: 深圳市公安局\n",
        "name: 深圳市公安局（预览）\n",
    );
    let answered = poll.join().unwrap();
    let after = if answered == first {
        next_generation(&server, first)
    } else {
        answered
    };
    assert!(after > first);
    let page = get(&server, GUIDE);
    assert!(page.body.contains("深圳市公安局（预览）"));
    assert!(page.body.contains(&format!(r#"data-generation="{after}""#)));

    // serve wrote nothing into the catalog: every file but the edited one is as it was.
    let now = files(root.path());
    assert_eq!(
        now.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        before.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let changed: Vec<_> = now
        .iter()
        .zip(&before)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0.clone())
        .collect();
    assert_eq!(changed, vec![root.path().join(ENTRY)]);
}

#[test]
fn while_the_catalog_has_errors_every_page_shows_them_and_then_recovers() {
    let root = sample_copy();
    let server = serve(root.path());
    let good = generation(&server);
    let stylesheet = "/portal/assets/style.css";
    let css = get(&server, stylesheet);

    let line = append(root.path(), ENTRY, "level: city\n");
    let broken = next_generation(&server, good);
    for path in [
        GUIDE,
        "/portal/index.html",
        "/portal/items/002000112001.html",
    ] {
        let page = get(&server, path);
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.body.contains("目录有 1 个错误"),
            "{path}: {}",
            page.body
        );
        assert!(page.body.contains("CAT002"), "{path}");
        assert!(
            page.body
                .contains(&format!("文件 {ENTRY}，第 {line} 行，第 1 列")),
            "{path}: {}",
            page.body
        );
        assert!(page.body.contains(&format!("{ENTRY}:{line}:1")), "{path}");
        // Not the stale guide.
        assert!(!page.body.contains("site-footer"), "{path}");
        // The error page reloads too, so that the fix shows without a manual reload.
        assert!(
            page.body
                .contains(&format!(r#"data-generation="{broken}""#))
        );
    }
    // What is not a page still comes from the last good build.
    assert_eq!(get(&server, stylesheet).body, css.body);

    let text = std::fs::read_to_string(root.path().join(ENTRY)).unwrap();
    let fixed = text.strip_suffix("level: city\n").unwrap().to_string();
    std::fs::write(root.path().join(ENTRY), fixed).unwrap();
    next_generation(&server, broken);
    let page = get(&server, GUIDE);
    assert!(!page.body.contains("目录有"));
    assert!(page.body.contains("深圳市公安局"));
}

#[test]
fn several_saves_in_a_row_make_one_rebuild() {
    let root = sample_copy();
    let server = serve(root.path());
    let first = generation(&server);
    // Five saves back to back, each with 2 or more events (write, close).
    let file = root.path().join(ENTRY);
    let text = std::fs::read_to_string(&file).unwrap();
    let saves: Vec<String> = (0..5)
        .map(|n| text.replacen("name: 深圳市公安局", &format!("name: 深圳市公安局{n}"), 1))
        .collect();
    for save in &saves {
        std::fs::write(&file, save).unwrap();
    }
    let mut last = next_generation(&server, first);
    // Until 25 s pass with no build (the long poll answers with the same generation then).
    loop {
        let now: u64 = get(&server, &format!("/__catalogc/events?since={last}"))
            .body
            .trim()
            .parse()
            .unwrap();
        if now == last {
            break;
        }
        last = now;
    }
    // One build for the saves, or, when a save came after the build had started (a loaded
    // machine can pause this test between two writes), that build and exactly one more.
    assert!(last - first <= 2, "{} builds for 5 saves", last - first);
    assert!(get(&server, GUIDE).body.contains("深圳市公安局4"));
}

#[test]
fn paths_that_leave_the_preview_folder_are_refused() {
    let root = sample_copy();
    // A file beside the preview folder and one in the catalog: neither may be served.
    std::fs::create_dir_all(root.path().join(".catalogc-cache")).unwrap();
    std::fs::write(root.path().join(".catalogc-cache/secret.txt"), "SECRET").unwrap();
    let server = serve(root.path());
    assert_eq!(get(&server, GUIDE).status, 200);
    for path in [
        "/../secret.txt",
        "/portal/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/portal/%2E%2E/%2E%2E/secret.txt",
        "/portal/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%2f..%2fcatalog%2fcatalog.yaml",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/.catalogc-pages",
    ] {
        let answer = get(&server, path);
        assert_eq!(answer.status, 403, "{path}: {}", answer.head);
        assert!(!answer.body.contains("SECRET"), "{path}");
    }
    assert_eq!(get(&server, "/portal/no-such-page.css").status, 404);
}

#[test]
fn a_port_in_use_is_an_error_with_exit_status_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The sample is a zh-CN catalog: the error is Chinese.
    assert!(
        stderr.contains(&format!("错误：无法在 127.0.0.1:{port} 上监听")),
        "{stderr}"
    );
}
