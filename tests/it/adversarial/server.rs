//! S/O — the dev server (reliability.md S39–S57, O60–O64): traversal payloads (raw, encoded,
//! double-encoded, backslashes, absolute, Windows forms, overlong UTF-8, look-alike dots, NUL),
//! open redirects, methods, odd request targets, oversized and malformed requests, Host and
//! Origin checks, requests during rebuilds, idle connections, injection scope. Every request
//! goes over raw TCP to `mosty serve --port 0`; no response may carry the canary or
//! `/etc/passwd`, and the server must be alive after each case.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Fx, treehash};

pub use crate::support::serve::{Reply, Server, UPDATE, parse};

impl crate::support::serve::SiteRoot for Fx {
    fn site_root(&self) -> std::path::PathBuf {
        self.root()
    }
}

/// Each payload, as given and under the base path, answers 4xx in time and leaks nothing.
fn refuses(payloads: &[&str]) {
    let fx = Fx::new("-- content/canary.txt --\nSITE-CANARY\n");
    let mut server = Server::start(&fx);
    check_payloads(&fx, &server, payloads);
    server.assert_alive();
    // Again after a rebuild: the new snapshot must be as strict as the first.
    fx.write(
        "content/projects/a.md",
        "+++\ntitle = \"after\"\n+++\nafter rebuild\n",
    );
    server.wait_for("ru/projects/a/", "the rebuild", |r| {
        r.text().contains("after rebuild")
    });
    check_payloads(&fx, &server, payloads);
    server.assert_alive();
}

fn check_payloads(fx: &Fx, server: &Server, payloads: &[&str]) {
    let canary = std::fs::read_to_string(fx.w.path().join("canary.txt")).unwrap();
    for p in payloads {
        for path in [
            p.to_string(),
            format!("{}{}", server.base, p.trim_start_matches('/')),
        ] {
            let start = Instant::now();
            let raw = server.raw(
                format!(
                    "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                    server.host()
                )
                .as_bytes(),
            );
            let took = start.elapsed();
            let r = parse(&raw);
            let text = r.text();
            assert!(
                (400..500).contains(&r.status),
                "{path:?} answered {}:\n{}",
                r.status,
                r.head
            );
            assert!(!text.contains("root:x:0:0"), "{path:?} leaked /etc/passwd");
            assert!(!text.contains(&canary), "{path:?} leaked the canary");
            assert!(
                !text.contains("SITE-CANARY"),
                "{path:?} served a source file"
            );
            assert!(took < Duration::from_secs(5), "{path:?} took {took:?}");
        }
    }
}

#[test]
fn s39_raw_dot_dot() {
    refuses(&[
        "/../../../../../../etc/passwd",
        "/ru/../../../../canary.txt",
        "/../canary.txt",
        "/../site/content/canary.txt",
        "/..",
        "/ru/..",
    ]);
}

#[test]
fn s40_encoded_dot_dot() {
    refuses(&[
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e%2f%2e%2e%2fetc/passwd",
        "/.%2e/.%2e/etc/passwd",
        "/%2E%2E/%2E%2E/canary.txt",
        "/ru/..%2f..%2f..%2f..%2fcanary.txt",
        "/content%2fcanary.txt",
    ]);
}

#[test]
fn s40_semicolon_and_dot_segments() {
    refuses(&[
        "/..;/..;/etc/passwd",
        "/ru/./index.html",
        "/./index.html",
        "/ru/.%2e/index.html",
    ]);
}

#[test]
fn s41_double_encoding() {
    refuses(&[
        "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/%252e%252e/%252e%252e/canary.txt",
        "/%25%32%65%25%32%65/canary.txt",
    ]);
}

#[test]
fn s42_backslashes() {
    refuses(&[
        "/..\\..\\..\\etc\\passwd",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/ru\\..\\..\\canary.txt",
        "/ru%5C..%5C..%5Ccanary.txt",
    ]);
}

#[test]
fn s43_absolute_and_root_replacing_paths() {
    refuses(&[
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/%2F%2Fetc/passwd",
        "///etc/passwd",
        "/ru//etc/passwd",
    ]);
}

#[test]
fn s44_windows_forms() {
    refuses(&[
        "/C:/Windows/win.ini",
        "/foo/c:/windows/win.ini",
        "/c%3a/windows/win.ini",
        "/%5c%5chost%5cshare%5cx",
        "/CON",
        "/nul.txt",
        "/com1.html",
    ]);
}

#[test]
fn s45_overlong_and_invalid_utf8() {
    refuses(&[
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/%c0%af..%c0%afetc%c0%afpasswd",
        "/weird_%c3%28_path",
        "/%ff",
        "/%",
        "/%zz",
        "/%e0%80%ae%e0%80%ae/canary.txt",
    ]);
}

#[test]
fn s46_unicode_look_alike_dots() {
    refuses(&[
        "/%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/etc/passwd",
        "/%E2%80%A5/etc/passwd",
        "/%E2%80%A4%E2%80%A4/x",
        "/%EF%BC%8F..%EF%BC%8Fcanary.txt",
    ]);
}

#[test]
fn s47_nul_bytes() {
    refuses(&["/index.html%00.md", "/%00", "/ru/%00/", "/ru/index.html%00"]);
}

#[test]
fn s48_symlinks_in_static_are_not_served() {
    let fx = Fx::new("");
    std::os::unix::fs::symlink(fx.w.path().join("canary.txt"), fx.path("static/leak.txt")).unwrap();
    std::os::unix::fs::symlink(fx.w.path(), fx.path("static/up")).unwrap();
    let mut server = Server::start(&fx);
    for rel in ["leak.txt", "up/canary.txt", "up/site/site.toml"] {
        let r = server.page(rel);
        assert_eq!(r.status, 404, "{rel}");
        assert!(!r.text().contains(&fx.canary), "{rel} leaked the canary");
    }
    server.assert_alive();
}

#[test]
fn s49_folders_without_index_and_folder_redirects() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let r = server.page("files/");
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("plan.txt"), "a directory listing");
    let r = server.page("ru");
    assert!(matches!(r.status, 301 | 302 | 307 | 308), "{}", r.head);
    assert_eq!(r.header("location").as_deref(), Some("/intl/ru/"));
    let r = server.get("/intl");
    assert_eq!(r.header("location").as_deref(), Some("/intl/"));
    let r = server.get("/");
    assert_eq!(r.header("location").as_deref(), Some("/intl/"));
    server.assert_alive();
}

#[test]
fn s50_no_open_redirect() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    for path in [
        "//evil.example/%2e%2e%2f%2e%2e/ru",
        "/\\evil.example/%2e%2e%2f",
        "/intl//evil.example/",
        "/intl/%2f%2fevil.example",
        "/intl/%5cevil.example",
        "/intl/ru?next=//evil.example",
        "//evil.example",
        "/%09/evil.example",
    ] {
        let r = server.get(path);
        if let Some(loc) = r.header("location") {
            assert!(
                loc.starts_with('/') && !loc.starts_with("//") && !loc.starts_with("/\\"),
                "{path} → Location {loc}"
            );
        }
    }
    server.assert_alive();
}

#[test]
fn s51_methods_other_than_get_and_head() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let before = treehash(&fx.root());
    for m in ["POST", "PUT", "DELETE", "PATCH"] {
        let r = server.request(m, "/intl/ru/", "Content-Length: 4\r\n");
        assert_eq!(r.status, 405, "{m}: {}", r.head);
    }
    let r = server.request("OPTIONS", "/intl/ru/", "Origin: http://evil.example\r\n");
    assert!(
        r.header("access-control-allow-origin").is_none(),
        "{}",
        r.head
    );
    assert!(
        r.header("access-control-allow-methods").is_none(),
        "{}",
        r.head
    );
    let r = server.request("HEAD", "/intl/ru/", "");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty(), "HEAD has no body");
    assert_eq!(treehash(&fx.root()), before, "a request changed the site");
    server.assert_alive();
}

#[test]
fn s52_odd_request_targets() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    for line in [
        "GET http://evil.example/etc/passwd HTTP/1.1",
        "GET * HTTP/1.1",
        "OPTIONS * HTTP/1.1",
        "CONNECT 127.0.0.1:22 HTTP/1.1",
        "GET intl/ru/ HTTP/1.1",
    ] {
        let raw = server.raw(
            format!(
                "{line}\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.host()
            )
            .as_bytes(),
        );
        let r = parse(&raw);
        assert!((400..500).contains(&r.status), "{line}: {}", r.head);
        assert!(!r.text().contains("root:x:0:0"));
    }
    server.assert_alive();
}

#[test]
fn s53_oversized_requests() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let long_path = format!("/intl/{}", "a".repeat(100_000));
    let r = server.get(&long_path);
    assert!((400..500).contains(&r.status), "100 KB path: {}", r.head);
    let many = format!("/intl{}", "/a".repeat(10_000));
    let r = server.get(&many);
    assert!(
        (400..500).contains(&r.status),
        "10,000 segments: {}",
        r.head
    );
    let r = server.request(
        "GET",
        "/intl/ru/",
        &format!("X-Big: {}\r\n", "b".repeat(64 << 10)),
    );
    assert!(
        matches!(r.status, 200 | 400 | 431),
        "64 KB header: {}",
        r.head
    );
    let r = server.request("GET", "/intl/ru/", &"X-A: b\r\n".repeat(2000));
    assert!(
        matches!(r.status, 200 | 400 | 431),
        "2,000 headers: {}",
        r.head
    );
    server.assert_alive();
}

#[test]
fn s54_malformed_host_and_origin_headers() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let send =
        |head: &str| {
            parse(&server.raw(
                format!("GET /intl/ru/ HTTP/1.1\r\n{head}Connection: close\r\n\r\n").as_bytes(),
            ))
        };
    let host = server.host();
    for (head, what) in [
        ("Host: [\r\n".to_string(), "Host: ["),
        ("Host:\r\n".to_string(), "empty Host"),
        (String::new(), "no Host"),
        (
            format!("Host: {host}\r\nHost: evil.example\r\n"),
            "two Host headers",
        ),
        (
            format!("Host: {host}\r\nOrigin: http://[\r\n"),
            "Origin: http://[",
        ),
        (format!("Host: {host}\r\nOrigin: null\r\n"), "Origin: null"),
        ("Host: \u{1}\u{2}\r\n".to_string(), "control bytes"),
        (format!("Host: {host}:{host}\r\n"), "doubled port"),
    ] {
        let r = send(&head);
        assert!(matches!(r.status, 400 | 403 | 421), "{what}: {}", r.head);
    }
    // A WebSocket upgrade with a bad key on the reload channel: never 101.
    let r = send(&format!(
        "Host: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: !\r\nSec-WebSocket-Version: 13\r\n"
    ));
    assert_ne!(r.status, 101);
    // Garbage instead of a request line.
    let r = parse(&server.raw(b"\x00\x01\x02\xff\r\n\r\n"));
    assert!(
        r.status == 0 || (400..500).contains(&r.status),
        "{}",
        r.head
    );
    server.assert_alive();
}

#[test]
fn s55_requests_during_rebuilds_always_get_a_whole_page() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let port = server.port;
    let mut clients = Vec::new();
    for _ in 0..4 {
        let stop = stop.clone();
        clients.push(std::thread::spawn(move || {
            let mut bad = Vec::new();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 400 {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                let req = format!(
                    "GET /intl/ru/projects/a/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
                );
                let mut out = Vec::new();
                let ok = s.write_all(req.as_bytes()).is_ok() && s.read_to_end(&mut out).is_ok();
                let r = parse(&out);
                if !ok || r.status != 200 || !r.text().contains("</html>") {
                    bad.push(format!("{} ({} bytes)", r.status, out.len()));
                }
                n += 1;
            }
            (n, bad)
        }));
    }
    for i in 0..20 {
        fx.write(
            "content/projects/a.md",
            &format!("+++\ntitle = \"v{i}\"\n+++\nsave {i}\n"),
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server.wait_for("ru/projects/a/", "the last save", |r| {
        r.text().contains("save 19")
    });
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total = 0;
    for c in clients {
        let (n, bad) = c.join().unwrap();
        total += n;
        assert!(bad.is_empty(), "bad replies during rebuilds: {bad:?}");
    }
    eprintln!("s55: {total} requests during 20 saves, all whole pages");
    server.assert_alive();
}

#[test]
fn s56_idle_connections_do_not_block_others() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let idle: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    let half: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            s.write_all(b"GET /intl/ru/ HTTP/1.1\r\nHo").unwrap();
            s
        })
        .collect();
    let start = Instant::now();
    let r = server.page("ru/");
    assert_eq!(r.status, 200);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    drop(idle);
    drop(half);
    server.assert_alive();
}

#[test]
fn s57_injection_only_into_html_and_exactly_once() {
    let fx = Fx::new("-- templates/projects/page.html --\n<p>{{ page.title }}</p>\n");
    let built = Fx::new("-- templates/projects/page.html --\n<p>{{ page.title }}</p>\n");
    built.build_ok();
    let mut server = Server::start(&fx);
    for rel in [
        "sitemap.xml",
        "ru/atom.xml",
        "ru/events.ics",
        "style.css",
        "files/plan.txt",
        "ru/projects/b/photo.jpg",
        "robots.txt",
    ] {
        let r = server.page(rel);
        assert_eq!(r.status, 200, "{rel}");
        let on_disk = std::fs::read(built.path("public").join(rel)).unwrap();
        assert!(r.body == on_disk, "{rel} differs from the built file");
    }
    for rel in ["ru/", "en/", "ru/projects/a/", "ru/projects/b/"] {
        let body = server.page(rel).text();
        assert_eq!(body.matches("/__mosty/events").count(), 1, "{rel}:\n{body}");
    }
    server.assert_alive();
}

#[test]
fn o60_dns_rebinding_is_refused_and_loopback_names_accepted() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let p = server.port;
    let with_host = |host: &str| {
        parse(
            &server.raw(
                format!("GET /intl/ru/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            ),
        )
    };
    for bad in [
        format!("attacker.example:{p}"),
        format!("localhost.attacker.example:{p}"),
        format!("127.0.0.1.nip.io:{p}"),
        format!("192.168.1.5:{p}"),
        format!("localhost:{}", p.wrapping_add(1)),
    ] {
        let r = with_host(&bad);
        assert!(matches!(r.status, 403 | 421), "{bad}: {}", r.head);
    }
    for good in [
        format!("localhost:{p}"),
        format!("127.0.0.1:{p}"),
        format!("[::1]:{p}"),
        format!("x.localhost:{p}"),
    ] {
        assert_eq!(with_host(&good).status, 200, "{good}");
    }
    server.assert_alive();
}

#[test]
fn o61_no_cors_headers_for_foreign_origins() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    for path in [
        "/intl/ru/",
        "/intl/style.css",
        "/intl/sitemap.xml",
        "/__mosty/events",
        "/nope",
    ] {
        let r = server.request("GET", path, "Origin: http://evil.example\r\n");
        assert!(
            r.header("access-control-allow-origin").is_none(),
            "{path}: {}",
            r.head
        );
        assert_eq!(r.status, 403, "{path}: {}", r.head);
    }
    let r = server.request("GET", "/intl/ru/", "");
    assert!(r.header("access-control-allow-origin").is_none());
    server.assert_alive();
}

#[test]
fn o62_reload_channel_refuses_cross_origin_and_rebinding() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let head_of = |headers: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
        s.write_all(format!("GET /__mosty/events HTTP/1.1\r\n{headers}\r\n").as_bytes())
            .unwrap();
        let mut buf = [0u8; 2048];
        let n = s.read(&mut buf).unwrap_or(0);
        parse(&buf[..n])
    };
    let host = server.host();
    let r = head_of(&format!("Host: {host}\r\nOrigin: http://evil.example\r\n"));
    assert_eq!(r.status, 403, "{}", r.head);
    let r = head_of(&format!(
        "Host: attacker.example:{}\r\nOrigin: http://attacker.example:{}\r\n",
        server.port, server.port
    ));
    assert!(matches!(r.status, 403 | 421), "{}", r.head);
    let r = head_of(&format!("Host: {host}\r\nOrigin: http://{host}\r\n"));
    assert_eq!(r.status, 200, "{}", r.head);
    assert!(
        r.header("content-type")
            .is_some_and(|t| t.starts_with("text/event-stream"))
    );
    server.assert_alive();
}

#[test]
fn o64_busy_port_is_a_clean_error() {
    let fx = Fx::new("");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let r = fx.mosty(&["serve", "--port", &port]);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "{}", r.show());
    assert!(r.stderr.contains(&port), "{}", r.show());
}

#[test]
fn o64_bad_bind_address_is_a_usage_error() {
    let fx = Fx::new("");
    let r = fx.mosty(&["serve", "--port", "0", "--bind", "not-an-ip"]);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "{}", r.show());
    let r = fx.mosty(&["serve", "--port", "99999"]);
    r.assert_no_crash();
    assert_eq!(r.code, Some(2), "{}", r.show());
}

#[test]
fn s58_query_strings_and_fragments_do_not_reach_paths() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let r = server.get("/intl/ru/?x=../../../etc/passwd");
    assert_eq!(r.status, 200);
    assert!(!r.text().contains("root:x:0:0"));
    let r = server.get("/intl/ru/%3F..%2F..%2Fcanary.txt");
    assert!((400..500).contains(&r.status), "{}", r.head);
    let r = server.get("/intl/ru/#../../canary.txt");
    assert!(r.status == 200 || (400..500).contains(&r.status));
    assert!(!r.text().contains(&fx.canary));
    server.assert_alive();
}

#[test]
fn s59_many_concurrent_clients() {
    let fx = Fx::new("");
    let mut server = Server::start(&fx);
    let port = server.port;
    let threads: Vec<_> = (0..32)
        .map(|_| {
            std::thread::spawn(move || {
                (0..10)
                    .filter(|_| {
                        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                        let _ = s.write_all(
                            format!("GET /intl/en/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").as_bytes(),
                        );
                        let mut out = Vec::new();
                        let _ = s.read_to_end(&mut out);
                        parse(&out).status != 200
                    })
                    .count()
            })
        })
        .collect();
    let failed: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(failed, 0, "of 320 requests");
    server.assert_alive();
}
