//! The HTTP side of `catalogc serve`: a request path → a file of the last good build (or the
//! error page), the reload script injected into HTML, and the long-poll endpoint.
//!
//! A path is percent-decoded, then refused (403) when any segment is `..`, `.`, hidden, empty in
//! the middle, or holds a backslash or NUL; the file found must also lie inside the build folder
//! once symbolic links are resolved.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::{ErrorPage, Shared, View};

const RELOAD_JS: &str = include_str!("reload.js");
const ERRORS_HTML: &str = include_str!("errors.html");

/// The endpoint the reload script long-polls: `?since=N` answers with the generation once it is
/// not N (or after [`POLL`], with N again).
pub const EVENTS: &str = "/__catalogc/events";
const SCRIPT: &str = "/__catalogc/reload.js";
const POLL: Duration = Duration::from_secs(25);

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Every name and value here is ASCII, chosen in this file.
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| tiny_http::Header::from_bytes("X-Bad", "1").expect("ASCII header"))
}

fn respond(status: u16, content_type: &str, body: Vec<u8>) -> Response {
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(status: u16, body: &str) -> Response {
    respond(
        status,
        "text/plain; charset=utf-8",
        body.as_bytes().to_vec(),
    )
}

fn redirect(to: &str) -> Response {
    tiny_http::Response::from_data(Vec::new())
        .with_status_code(302)
        .with_header(header("Location", to))
        .with_header(header("Cache-Control", "no-store"))
}

/// Answer one request (on its own thread: the long poll blocks).
pub(super) fn answer(request: tiny_http::Request, shared: &Shared) {
    let head = matches!(request.method(), tiny_http::Method::Head);
    let response = if !matches!(
        request.method(),
        tiny_http::Method::Get | tiny_http::Method::Head
    ) {
        text(405, "只支持 GET 和 HEAD 请求")
    } else {
        route(request.url(), shared)
    };
    let response = if head {
        // The same headers, no body.
        let status = response.status_code();
        let headers = response.headers().to_vec();
        let mut empty = tiny_http::Response::from_data(Vec::new()).with_status_code(status);
        for h in headers {
            empty.add_header(h);
        }
        empty
    } else {
        response
    };
    let _ = request.respond(response);
}

fn route(url: &str, shared: &Shared) -> Response {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if path == EVENTS {
        let since = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("since="))
            .and_then(|n| n.parse::<u64>().ok());
        let generation = match since {
            Some(seen) => shared.wait_past(seen, POLL),
            None => shared.snapshot().0,
        };
        return text(200, &generation.to_string());
    }
    if path == SCRIPT {
        return respond(
            200,
            "text/javascript; charset=utf-8",
            RELOAD_JS.as_bytes().to_vec(),
        );
    }
    if path == "/" {
        return redirect("/portal/index.html");
    }
    let Some(relative) = safe_path(path) else {
        return text(403, "拒绝访问：路径不能离开预览的输出目录");
    };
    // A folder without its slash: relative links in its index.html need the slash.
    if !relative.is_empty() && !relative.ends_with('/') && shared.out.join(&relative).is_dir() {
        return redirect(&format!("{path}/"));
    }
    let (generation, view) = shared.snapshot();
    let html = relative.is_empty()
        || relative.ends_with('/')
        || relative.ends_with(".html")
        || !relative.rsplit('/').next().unwrap_or("").contains('.');
    if let View::Errors(page) = &view
        && html
    {
        return respond(
            200,
            "text/html; charset=utf-8",
            inject(error_page(page).into_bytes(), generation),
        );
    }
    let Some(file) = locate(&shared.out, &relative) else {
        return text(404, &format!("未找到：{path}"));
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return text(404, &format!("未找到：{path}"));
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") {
        respond(200, content_type, inject(bytes, generation))
    } else {
        respond(200, content_type, bytes)
    }
}

/// The percent-decoded path without its leading `/`, or `None` when it could leave the folder.
pub fn safe_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    if decoded.starts_with('/') || decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        let empty_inside = segment.is_empty() && i != last;
        if empty_inside || *segment == ".." || *segment == "." || segment.starts_with('.') {
            return None;
        }
        // A drive letter (`C:`) would make the joined path absolute on Windows.
        if segment.contains(':') {
            return None;
        }
    }
    Some(decoded)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file a safe relative path names inside `out` (a folder's `index.html`), if it exists and
/// lies inside `out` once links are resolved.
fn locate(out: &Path, relative: &str) -> Option<PathBuf> {
    let mut file = out.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let real = file.canonicalize().ok()?;
    let base = out.canonicalize().ok()?;
    (real.starts_with(&base) && real.is_file()).then_some(real)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" | "jsonld" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// The reload script, before `</body>` (or at the end), carrying the generation served.
fn inject(mut html: Vec<u8>, generation: u64) -> Vec<u8> {
    let tag = format!(r#"<script src="{SCRIPT}" data-generation="{generation}"></script>"#);
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

fn error_page(page: &Arc<ErrorPage>) -> String {
    let mut env = minijinja::Environment::new();
    let rendered = env
        .add_template("errors.html", ERRORS_HTML)
        .and_then(|()| env.get_template("errors.html"))
        .and_then(|t| t.render(minijinja::context! { page => minijinja::Value::from(minijinja::value::Serde(page.as_ref())) }));
    // The page is a fixed file compiled into catalogc, so this is not expected; say it plainly.
    rendered.unwrap_or_else(|e| format!("the error page could not be rendered: {e}"))
}

#[cfg(test)]
mod tests {
    use super::safe_path;

    #[test]
    fn paths_that_could_leave_the_folder_are_refused() {
        assert_eq!(
            safe_path("/portal/index.html").as_deref(),
            Some("portal/index.html")
        );
        assert_eq!(safe_path("/portal/").as_deref(), Some("portal/"));
        assert_eq!(
            safe_path("/portal/regions/%34%34.html").as_deref(),
            Some("portal/regions/44.html")
        );
        for bad in [
            "/../etc/passwd",
            "/portal/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/portal/..%5c..%5cx",
            "/.catalogc-pages",
            "/portal/%00",
            "/C:/x",
            "/%zz",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
    }
}
