//! The HTTP side of `serve`: refuses foreign Host and Origin headers (DNS rebinding,
//! cross-site reads), resolves a request path to a file of the in-memory site by a
//! normalized key (so no request can reach the disk), and answers with the right content
//! type, a folder redirect or the site's 404 page. HTML gets the reload script (and the error
//! overlay) here, at response time. Building and watching are left to the others.

use std::net::IpAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;

use super::reload::{self, EVENTS};
use super::state::Snapshot;
use super::{RESERVED, Shared};

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    if let Err((status, why)) = shared.hosts.check(&parts.headers) {
        return plain(status, why);
    }
    // `GET http://host/x` (absolute form) or `OPTIONS *`: not for a file server.
    if parts.uri.scheme().is_some() || parts.uri.authority().is_some() {
        return plain(StatusCode::BAD_REQUEST, "bad request target");
    }
    if parts.method != Method::GET && parts.method != Method::HEAD {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "mosty serve only answers GET and HEAD",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = parts.uri.path();
    if path == EVENTS {
        return reload::events(shared);
    }
    if path.starts_with(RESERVED) {
        return plain(StatusCode::NOT_FOUND, "not found");
    }
    let snapshot = shared.current();
    let Some(site) = &snapshot.site else {
        let page = reload::error_page(snapshot.overlay.as_deref().unwrap_or(""), &snapshot.id);
        return respond(StatusCode::INTERNAL_SERVER_ERROR, HTML, page.into());
    };
    match resolve(path, &site.base_path, |k| site.files.contains_key(k)) {
        Resolved::File(key) => {
            let bytes = site.files.get(&key).cloned().unwrap_or_default();
            file_response(StatusCode::OK, &key, bytes, &snapshot)
        }
        Resolved::Redirect(mut to) => {
            if let Some(q) = parts.uri.query() {
                to.push('?');
                to.push_str(q);
            }
            let mut r = respond(StatusCode::FOUND, TEXT, Bytes::new());
            match HeaderValue::from_str(&to) {
                Ok(v) => {
                    r.headers_mut().insert(header::LOCATION, v);
                    r
                }
                Err(_) => plain(StatusCode::BAD_REQUEST, "bad path"),
            }
        }
        Resolved::NotFound => match site.files.get("404.html") {
            Some(page) => file_response(StatusCode::NOT_FOUND, "404.html", page.clone(), &snapshot),
            None => plain(StatusCode::NOT_FOUND, "not found"),
        },
        Resolved::BadRequest => plain(StatusCode::BAD_REQUEST, "bad path"),
    }
}

fn file_response(status: StatusCode, key: &str, bytes: Bytes, snapshot: &Snapshot) -> Response {
    let kind = content_type(key);
    if kind == HTML {
        let mut snippet = String::new();
        if let Some(overlay) = &snapshot.overlay {
            snippet.push_str(overlay);
        }
        snippet.push_str(&reload::script(&snapshot.id));
        let body = reload::inject(&bytes, &snippet);
        respond(status, kind, body.into())
    } else {
        respond(status, kind, bytes)
    }
}

fn respond(status: StatusCode, kind: &'static str, body: Bytes) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    respond(status, TEXT, Bytes::from_static(text.as_bytes()))
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The `Content-Type` of an output file, by its extension; text types say UTF-8.
pub fn content_type(key: &str) -> &'static str {
    let name = key.rsplit('/').next().unwrap_or(key);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" | "md" | "ftl" => TEXT,
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// Where a request path leads in the in-memory site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The output file with this key (`ru/projects/x/index.html`).
    File(String),
    /// Elsewhere on this server: a folder without its slash, or the root when the site
    /// lives under a sub-path. Always a path starting with one `/`.
    Redirect(String),
    NotFound,
    /// Bad percent-encoding, invalid UTF-8, `.` or `..`, a backslash, NUL or an encoded `/`.
    BadRequest,
}

/// Maps a raw (still percent-encoded) request path to a file key. Each segment is decoded
/// exactly once and must be a plain name, so nothing can climb out of the site: there is no
/// file system behind the keys anyway.
pub fn resolve(raw: &str, base_path: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    if !raw.starts_with('/') {
        return Resolved::BadRequest;
    }
    let base_bare = base_path.trim_end_matches('/');
    if raw != base_path && (raw == "/" || raw == base_bare) {
        return Resolved::Redirect(base_path.to_string());
    }
    let Some(rest) = raw.strip_prefix(base_path) else {
        return Resolved::NotFound;
    };
    let raw_segments: Vec<&str> = rest.split('/').collect();
    let last = raw_segments.len() - 1;
    let mut segments = Vec::with_capacity(raw_segments.len());
    for (i, seg) in raw_segments.iter().enumerate() {
        if seg.is_empty() {
            if i == last {
                break;
            }
            // `//` anywhere: no file has an empty name.
            return Resolved::NotFound;
        }
        let Some(decoded) = percent_decode(seg) else {
            return Resolved::BadRequest;
        };
        let Ok(text) = String::from_utf8(decoded) else {
            return Resolved::BadRequest;
        };
        if text == "."
            || text == ".."
            || text.contains(['/', '\\'])
            || text.chars().any(char::is_control)
        {
            return Resolved::BadRequest;
        }
        segments.push(text);
    }
    let joined = segments.join("/");
    if raw.ends_with('/') {
        let key = if joined.is_empty() {
            "index.html".to_string()
        } else {
            format!("{joined}/index.html")
        };
        return if exists(&key) {
            Resolved::File(key)
        } else {
            Resolved::NotFound
        };
    }
    if exists(&joined) {
        Resolved::File(joined)
    } else if exists(&format!("{joined}/index.html")) {
        // `raw` starts with the base path and has no empty segment: never `//host`.
        Resolved::Redirect(format!("{raw}/"))
    } else {
        Resolved::NotFound
    }
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let hi = b.get(i + 1).copied().and_then(hex)?;
            let lo = b.get(i + 2).copied().and_then(hex)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Which `Host` and `Origin` headers the server answers: loopback names and addresses (and
/// the bound address) with the bound port. Anything else is a page on another site talking
/// to this server through DNS rebinding, or a cross-site read.
#[derive(Debug, Clone)]
pub struct HostCheck {
    ip: IpAddr,
    port: u16,
}

impl HostCheck {
    pub fn new(ip: IpAddr, port: u16) -> HostCheck {
        HostCheck { ip, port }
    }

    /// `Err` is the status and reason to answer instead.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), (StatusCode, &'static str)> {
        let mut hosts = headers.get_all(header::HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else {
            return Err((StatusCode::BAD_REQUEST, "one Host header is required"));
        };
        if !host.to_str().is_ok_and(|h| self.allows_host(h)) {
            return Err((
                StatusCode::FORBIDDEN,
                "mosty serve answers only requests for localhost, 127.0.0.1 or [::1] with its port",
            ));
        }
        for origin in headers.get_all(header::ORIGIN) {
            if !origin.to_str().is_ok_and(|o| self.allows_origin(o)) {
                return Err((StatusCode::FORBIDDEN, "cross-origin requests are refused"));
            }
        }
        Ok(())
    }

    /// `localhost:1111`, `127.0.0.1:1111`, `[::1]:1111`, `x.localhost:1111`.
    pub fn allows_host(&self, value: &str) -> bool {
        let value = value.trim();
        let (host, port) = if let Some(rest) = value.strip_prefix('[') {
            let Some((inside, after)) = rest.split_once(']') else {
                return false;
            };
            let port = match after {
                "" => None,
                p => match p.strip_prefix(':') {
                    Some(p) => Some(p),
                    None => return false,
                },
            };
            match inside.parse::<std::net::Ipv6Addr>() {
                Ok(v6) => (Host::Ip(IpAddr::V6(v6)), port),
                Err(_) => return false,
            }
        } else {
            let (name, port) = match value.split_once(':') {
                Some((n, p)) => (n, Some(p)),
                None => (value, None),
            };
            match name.parse::<std::net::Ipv4Addr>() {
                Ok(v4) => (Host::Ip(IpAddr::V4(v4)), port),
                Err(_) => (Host::Name(name.to_ascii_lowercase()), port),
            }
        };
        let port_ok = match port {
            None => self.port == 80,
            Some(p) => p.parse::<u16>().is_ok_and(|p| p == self.port),
        };
        let host_ok = match host {
            Host::Name(n) => n == "localhost" || n.ends_with(".localhost"),
            Host::Ip(ip) => ip.is_loopback() || ip == self.ip || self.ip.is_unspecified(),
        };
        port_ok && host_ok
    }

    /// `http://` and an allowed host; `null` and other schemes are refused.
    pub fn allows_origin(&self, value: &str) -> bool {
        value
            .strip_prefix("http://")
            .is_some_and(|authority| !authority.contains('/') && self.allows_host(authority))
    }
}

enum Host {
    Name(String),
    Ip(IpAddr),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(key: &str) -> bool {
        [
            "index.html",
            "404.html",
            "style.css",
            "ru/index.html",
            "ru/projects/x/index.html",
            "ru/projects/x/photo.jpg",
            "ru/%/index.html",
        ]
        .contains(&key)
    }

    #[test]
    fn paths_resolve_to_keys() {
        let f = |k: &str| Resolved::File(k.to_string());
        let r = |p: &str| resolve(p, "/", site);
        assert_eq!(r("/"), f("index.html"));
        assert_eq!(r("/ru/"), f("ru/index.html"));
        assert_eq!(r("/ru/projects/x/"), f("ru/projects/x/index.html"));
        assert_eq!(
            r("/ru/projects/x/index.html"),
            f("ru/projects/x/index.html")
        );
        assert_eq!(r("/ru/projects/x/photo.jpg"), f("ru/projects/x/photo.jpg"));
        assert_eq!(r("/ru/%25/"), f("ru/%/index.html"));
        assert_eq!(r("/style.css"), f("style.css"));
        assert_eq!(
            r("/ru/projects/x"),
            Resolved::Redirect("/ru/projects/x/".into())
        );
        assert_eq!(r("/ru/projects/"), Resolved::NotFound);
        assert_eq!(r("/nope"), Resolved::NotFound);
    }

    #[test]
    fn a_sub_path_site_is_served_under_its_path() {
        let r = |p: &str| resolve(p, "/intl/", site);
        assert_eq!(r("/"), Resolved::Redirect("/intl/".into()));
        assert_eq!(r("/intl"), Resolved::Redirect("/intl/".into()));
        assert_eq!(r("/intl/"), Resolved::File("index.html".into()));
        assert_eq!(r("/intl/ru/"), Resolved::File("ru/index.html".into()));
        assert_eq!(r("/ru/"), Resolved::NotFound);
        assert_eq!(r("/intlx/ru/"), Resolved::NotFound);
    }

    #[test]
    fn traversal_payloads_never_resolve() {
        let payloads = [
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/%2e%2e%2f%2e%2e%2fetc/passwd",
            "/.%2e/.%2e/etc/passwd",
            "/ru/..%2f..%2f..%2fstyle.css",
            "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
            "/..\\..\\etc\\passwd",
            "/..%5c..%5cetc%5cpasswd",
            "/ru\\..\\style.css",
            "//etc/passwd",
            "///etc/passwd",
            "/%2fetc%2fpasswd",
            "/%2F%2Fetc/passwd",
            "/C:/Windows/win.ini",
            "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
            "/weird_%c3%28_path",
            "/%ff",
            "/index.html%00.md",
            "/%00",
            "/%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/etc/passwd",
            "/ru/./index.html",
            "/ru/../style.css",
            "/%",
            "/%zz",
            "etc/passwd",
            "*",
        ];
        for p in payloads {
            let got = resolve(p, "/", site);
            assert!(
                matches!(got, Resolved::NotFound | Resolved::BadRequest),
                "{p} → {got:?}"
            );
        }
        // An open redirect would start with `//` or `/\`.
        for p in [
            "//evil.example/%2e%2e%2f%2e%2e/ru",
            "/\\evil.example/%2e%2e%2f",
        ] {
            if let Resolved::Redirect(to) = resolve(p, "/", site) {
                panic!("{p} redirected to {to}");
            }
        }
    }

    #[test]
    fn hosts_and_origins() {
        let c = HostCheck::new("127.0.0.1".parse().unwrap(), 1111);
        for ok in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "x.localhost:1111",
            "LOCALHOST:1111",
        ] {
            assert!(c.allows_host(ok), "{ok}");
        }
        for bad in [
            "attacker.example:1111",
            "localhost.attacker.example:1111",
            "localhost:1112",
            "localhost",
            "127.0.0.1",
            "[",
            "",
            "[::1",
            "::1:1111",
            "192.168.1.5:1111",
            "localhost:1111:1111",
            "localhost:abc",
        ] {
            assert!(!c.allows_host(bad), "{bad}");
        }
        assert!(c.allows_origin("http://localhost:1111"));
        assert!(c.allows_origin("http://127.0.0.1:1111"));
        for bad in [
            "http://evil.example",
            "null",
            "https://localhost:1111",
            "http://localhost:1111/x",
            "http://[",
            "http://evil.example:1111",
        ] {
            assert!(!c.allows_origin(bad), "{bad}");
        }
        let any = HostCheck::new("0.0.0.0".parse().unwrap(), 80);
        assert!(any.allows_host("192.168.1.5"));
        assert!(!any.allows_host("attacker.example"));
    }

    #[test]
    fn content_types_say_utf8_for_text() {
        assert_eq!(content_type("ru/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("map.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("favicon.svg"), "image/svg+xml; charset=utf-8");
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type("ru/events.ics"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(content_type("a/PHOTO.JPG"), "image/jpeg");
        assert_eq!(content_type("CNAME"), "application/octet-stream");
    }
}
