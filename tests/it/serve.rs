//! `mosty serve` as an editor meets it: the binary on a free port over a temp site, spoken to
//! over raw TCP (exact request lines), edited while it runs. `mosty new` too.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::serve::{Reply, Server, UPDATE, parse};
use crate::support::{SITE1, SITE4, TestSite};

/// Writes `text` to `rel` the way most editors save: a temp file renamed over the original.
fn save_atomically(site: &TestSite, rel: &str, text: &str) {
    let path = site.root().join(rel);
    let tmp = path.with_file_name(format!(
        ".{}.tmp{}",
        path.file_name().unwrap().to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
}

/// The served body without what the server adds to HTML.
fn strip_injected(body: &str) -> String {
    match body.find("<script data-mosty-reload>") {
        Some(i) => {
            let end = body[i..].find("</script>").unwrap() + i + "</script>".len();
            format!("{}{}", &body[..i], &body[end..])
        }
        None => body.to_string(),
    }
}

const PAGE: &str = "+++\ntitle = \"Alpha\"\n+++\nfirst text\n";

fn simple_site() -> TestSite {
    TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n{PAGE}-- content/b.md --\n+++\ntitle = \"Beta\"\n+++\nbeta text\n-- static/style.css --\nbody {{ color: black }}\n-- locales/en/main.ftl --\nhello = Hello\n"
    ))
}

#[test]
fn pages_are_served_from_memory_and_edits_show_up() {
    let site = simple_site();
    let server = Server::start(&site);
    let page = server.page("en/a/");
    assert_eq!(page.status, 200, "{}", server.log());
    assert_eq!(
        page.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(page.text().contains("Alpha|en|") && page.text().contains("first text"));
    assert_eq!(page.text().matches("<script").count(), 1, "{}", page.text());
    assert!(page.header("access-control-allow-origin").is_none());
    let css = server.page("style.css");
    assert_eq!(
        css.header("content-type").as_deref(),
        Some("text/css; charset=utf-8")
    );
    assert_eq!(css.text(), "body { color: black }\n");
    let folder = server.page("en/a");
    assert_eq!(folder.status, 302);
    assert_eq!(folder.header("location").as_deref(), Some("/en/a/"));
    let missing = server.page("en/nope/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("data-mosty-reload"),
        "{}",
        missing.text()
    );
    assert!(
        !site.root().join("public").exists(),
        "serve wrote to public/"
    );

    // A plain write.
    site.write("content/a.md", &PAGE.replace("first text", "second text"));
    server.wait_for("en/a/", "a plain write", |r| {
        r.text().contains("second text")
    });
    // Temp file + rename, as most editors save.
    save_atomically(
        &site,
        "content/a.md",
        &PAGE.replace("first text", "third text"),
    );
    server.wait_for("en/a/", "an atomic save", |r| {
        r.text().contains("third text")
    });
    // Vim: probe file, backup by rename, new file, backup removed.
    let a = site.root().join("content/a.md");
    std::fs::write(site.root().join("content/4913"), "").unwrap();
    std::fs::remove_file(site.root().join("content/4913")).unwrap();
    std::fs::rename(&a, site.root().join("content/a.md~")).unwrap();
    std::fs::write(&a, PAGE.replace("first text", "vim text")).unwrap();
    std::fs::remove_file(site.root().join("content/a.md~")).unwrap();
    server.wait_for("en/a/", "a vim save", |r| r.text().contains("vim text"));
    // Rapid successive saves: the last one wins, in a few rebuilds.
    let before = server.settled_rebuilds();
    for i in 0..10 {
        site.write(
            "content/a.md",
            &PAGE.replace("first text", &format!("burst {i}.")),
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    server.wait_for("en/a/", "the last of a burst", |r| {
        r.text().contains("burst 9.")
    });
    assert!(server.settled_rebuilds() - before <= 3, "{}", server.log());
    // Editor leftovers alone never rebuild.
    let before = server.settled_rebuilds();
    site.write("content/.a.md.swp", "x");
    site.write("content/a.md~", "x");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.rebuilds(), before, "{}", server.log());
}

#[test]
fn errors_are_shown_over_the_last_good_page_until_fixed() {
    let site = simple_site();
    let server = Server::start(&site);
    server.wait_for("en/a/", "the first build", |r| r.status == 200);
    let overlay = |r: &Reply| r.text().contains("<div id=\"mosty-errors\"");
    let cases = [
        (
            "content/a.md",
            "+++\ntitle = 5\n+++\nfirst text\n",
            "content/a.md:2:9",
        ),
        (
            "themes/default/templates/page.html",
            "{{ page.title \n",
            "themes/default/templates/page.html:1:",
        ),
        (
            "locales/en/main.ftl",
            "hello = Hello\nbroken = Hello { $ }\n",
            "locales/en/main.ftl:2:",
        ),
    ];
    for (file, broken, place) in cases {
        let good = std::fs::read_to_string(site.root().join(file)).unwrap();
        site.write(file, broken);
        let r = server.wait_for("en/a/", &format!("an overlay for {file}"), |r| {
            overlay(r) && r.text().contains(place)
        });
        // The last good text is still there, under the overlay.
        assert!(r.text().contains("first text"), "{}", r.text());
        assert_eq!(r.status, 200);
        assert!(
            server.stderr.lock().unwrap().contains(place),
            "{}",
            server.log()
        );
        // Every page shows it; other files stay as they are.
        assert!(overlay(&server.page("en/b/")));
        assert!(!server.page("style.css").text().contains("mosty-errors"));
        site.write(file, &good);
        server.wait_for("en/a/", &format!("recovery from {file}"), |r| {
            !overlay(r) && r.text().contains("Alpha|en|")
        });
    }
    server.responds();
}

#[test]
fn a_failing_first_build_serves_an_error_page_until_fixed() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\nwhat = <b>\n+++\n"
    ));
    let server = Server::start(&site);
    let r = server.page("en/a/");
    assert_eq!(r.status, 500);
    assert!(r.text().contains("<div id=\"mosty-errors\""));
    assert!(r.text().contains("content/a.md:3:"), "{}", r.text());
    assert!(
        r.text().contains("&lt;b&gt;") && !r.text().contains("<b>"),
        "{}",
        r.text()
    );
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\nfixed\n");
    server.wait_for("en/a/", "the fixed site", |r| {
        r.status == 200 && r.text().contains("fixed")
    });
}

#[test]
fn deleted_and_renamed_folders_and_a_new_language_are_followed() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/projects/_index.md --\n+++\ntitle = \"P\"\n+++\n-- content/projects/x/index.md --\n+++\ntitle = \"X\"\n+++\nx text\n-- content/projects/x/photo.jpg --\nJPEG\n"
    ));
    let server = Server::start(&site);
    assert_eq!(server.page("en/projects/x/photo.jpg").text(), "JPEG\n");
    let root = site.root();
    std::fs::rename(
        root.join("content/projects/x"),
        root.join("content/projects/y"),
    )
    .unwrap();
    server.wait_for("en/projects/y/", "the renamed folder", |r| r.status == 200);
    assert_eq!(server.page("en/projects/x/").status, 404);
    assert_eq!(server.page("en/projects/y/photo.jpg").text(), "JPEG\n");
    // A file inside the renamed folder is still watched.
    site.write(
        "content/projects/y/index.md",
        "+++\ntitle = \"Y\"\n+++\nafter rename\n",
    );
    server.wait_for("en/projects/y/", "an edit after the rename", |r| {
        r.text().contains("after rename")
    });
    // A new folder with a new entry.
    site.write("content/news/first.md", "+++\ntitle = \"N\"\n+++\nnews\n");
    server.wait_for("en/news/first/", "a new folder", |r| r.status == 200);
    // A deleted folder.
    std::fs::remove_dir_all(root.join("content/projects/y")).unwrap();
    server.wait_for("en/projects/y/", "the deleted folder", |r| r.status == 404);
    // A new language: its messages folder first, then site.toml saved by rename.
    site.write("locales/cs/main.ftl", "hello = Ahoj\n");
    site.write(
        "content/news/first.cs.md",
        "+++\ntitle = \"Novinka\"\n+++\n",
    );
    save_atomically(
        &site,
        "site.toml",
        "base_url = \"https://c.example/\"\nlanguages = [\"en\", \"cs\"]\n",
    );
    server.wait_for("cs/news/first/", "the new language", |r| {
        r.status == 200 && r.text().contains("Novinka")
    });
    // The input folder itself removed and made again.
    std::fs::remove_dir_all(root.join("content")).unwrap();
    server.wait_for("en/news/first/", "content/ removed", |r| r.status == 404);
    site.write("content/news/again.md", "+++\ntitle = \"Again\"\n+++\n");
    server.wait_for("en/news/again/", "content/ made again", |r| r.status == 200);
    site.write(
        "content/news/again.md",
        "+++\ntitle = \"Again\"\n+++\nand again\n",
    );
    server.wait_for("en/news/again/", "an edit in the new content/", |r| {
        r.text().contains("and again")
    });
}

#[test]
fn traversal_and_foreign_hosts_are_refused() {
    let site = simple_site();
    site.write("content/canary.txt", "CANARY-7f3a\n");
    site.write("canary.txt", "CANARY-7f3a\n");
    let server = Server::start(&site);
    let paths = [
        "/../../../../../../etc/passwd",
        "/../canary.txt",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e%2fcanary.txt",
        "/.%2e/.%2e/etc/passwd",
        "/..;/..;/etc/passwd",
        "/en/..%2f..%2fcanary.txt",
        "/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/..\\..\\..\\etc\\passwd",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/en\\..\\..\\canary.txt",
        "//etc/passwd",
        "///etc/passwd",
        "/%2fetc%2fpasswd",
        "/%2F%2Fetc/passwd",
        "/C:/Windows/win.ini",
        "/content/canary.txt",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/%ff",
        "/index.html%00.md",
        "/%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/etc/passwd",
        "/__mosty/../canary.txt",
        "http://evil.example/etc/passwd",
        "*",
    ];
    for p in paths {
        let req = format!(
            "GET {p} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.host()
        );
        let r = parse(&server.raw(req.as_bytes()));
        assert!(
            [400, 403, 404].contains(&r.status),
            "{p}: {} {}",
            r.status,
            r.text()
        );
        assert!(
            !r.text().contains("CANARY") && !r.text().contains("root:x:0:0"),
            "{p}"
        );
        assert!(r.header("access-control-allow-origin").is_none());
    }
    // An open redirect would send the browser to another host.
    for p in [
        "//evil.example/%2e%2e%2f%2e%2e/en",
        "/\\evil.example/%2e%2e%2f",
    ] {
        let r = parse(
            &server.raw(
                format!(
                    "GET {p} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                    server.host()
                )
                .as_bytes(),
            ),
        );
        if let Some(to) = r.header("location") {
            assert!(
                to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\"),
                "{p} → {to}"
            );
        }
    }
    // DNS rebinding: any other Host is refused, the loopback ones are answered.
    let port = server.port;
    for (host, status) in [
        (format!("attacker.example:{port}"), 403),
        (format!("localhost.attacker.example:{port}"), 403),
        ("127.0.0.1".to_string(), 403),
        (format!("localhost:{}", port.wrapping_add(1)), 403),
        (format!("localhost:{port}"), 200),
        (format!("[::1]:{port}"), 200),
    ] {
        let r = parse(&server.raw(
            format!("GET /en/a/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        ));
        assert_eq!(r.status, status, "Host: {host}");
    }
    // Malformed requests and headers never stop the server.
    for req in [
        "GARBAGE\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n".into(),
        "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n".into(),
        format!(
            "GET / HTTP/1.1\r\nHost: {0}\r\nHost: {0}\r\nConnection: close\r\n\r\n",
            server.host()
        ),
        "GET / HTTP/1.0\r\n\r\n".into(),
        format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nOrigin: http://[\r\nConnection: close\r\n\r\n",
            server.host()
        ),
        format!(
            "GET /{} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            "a/".repeat(20_000),
            server.host()
        ),
        "\u{0}\u{1}\u{2}\r\n\r\n".into(),
    ] {
        let r = parse(&server.raw(req.as_bytes()));
        assert!(
            r.status == 0 || r.status >= 400,
            "{:.80}: {}",
            req,
            r.status
        );
    }
    // A big header is answered like any request (or refused), and the server lives on.
    let big = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        server.host(),
        "x".repeat(70_000)
    );
    let _ = server.raw(big.as_bytes());
    // Other methods change nothing.
    let r = parse(&server.raw(
        format!("POST /en/a/ HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", server.host()).as_bytes(),
    ));
    assert_eq!(r.status, 405);
    // The live-reload channel checks the Origin.
    let r = server.request("GET", "/__mosty/events", "Origin: http://evil.example\r\n");
    assert_eq!(r.status, 403);
    let r = server.request("GET", "/en/a/", "Origin: http://evil.example\r\n");
    assert_eq!(r.status, 403);
    server.responds();
}

#[test]
#[cfg(target_os = "linux")]
fn the_server_listens_on_loopback_only() {
    let site = simple_site();
    let server = Server::start(&site);
    // /proc/net/tcp lists local addresses as hex `ADDR:PORT`; 0100007F is 127.0.0.1.
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap()
        + &std::fs::read_to_string("/proc/net/tcp6").unwrap_or_default();
    let port = format!(":{:04X}", server.port);
    let listening: Vec<&str> = table
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .filter(|local| local.ends_with(&port))
        .collect();
    assert!(!listening.is_empty(), "{table}");
    for local in listening {
        assert!(local.starts_with("0100007F"), "listening on {local}");
    }
}

#[test]
fn the_served_site_equals_the_built_site() {
    let site = TestSite::new(&format!(
        "{SITE4}\n-- content/_index.md --\n+++\ntitle = \"Главная\"\n+++\nТекст.\n-- content/projects/_index.md --\n+++\ntitle = \"Проекты\"\n+++\n-- content/projects/boskovice/index.md --\n+++\ntitle = \"Босковице\"\ndate = 2014-05-12\nsummary = \"Обмен\"\n[[events]]\ndate = 2014-05-12\nkind = \"delegation\"\ntitle = \"Делегация\"\n+++\nОтчёт.\n-- content/projects/boskovice/index.ka.md --\n+++\ntitle = \"ბოსკოვიცე\"\n+++\nანგარიში.\n-- content/projects/boskovice/photo.png --\nPNG\n-- static/files/plan.txt --\nplan\n"
    ));
    let server = Server::start(&site);
    assert_eq!(server.base, "/international/");
    let root = parse(
        &server.raw(
            format!(
                "GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.host()
            )
            .as_bytes(),
        ),
    );
    assert_eq!(root.status, 302);
    assert_eq!(root.header("location").as_deref(), Some("/international/"));

    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = site.files();
    assert!(files.len() > 20, "{files:?}");
    for rel in &files {
        let built = std::fs::read(site.out(rel)).unwrap();
        let built = String::from_utf8_lossy(&built);
        assert!(
            !built.contains("data-mosty-reload") && !built.contains("__mosty"),
            "the built {rel} has the reload script"
        );
        let served = server.page(rel);
        assert_eq!(served.status, 200, "{rel}");
        assert_eq!(strip_injected(&served.text()), built, "{rel} differs");
        if rel.ends_with(".html") {
            assert_eq!(
                served.text().matches("data-mosty-reload").count(),
                1,
                "{rel}"
            );
        } else {
            assert!(!served.text().contains("mosty-reload"), "{rel}");
        }
    }
    // Every language is announced.
    let printed = server.stdout.lock().unwrap().clone();
    for lang in ["ru", "ka", "en", "cs"] {
        assert!(
            printed.contains(&format!("/international/{lang}/")),
            "{printed}"
        );
    }
}

/// Reads Server-Sent Events until one named `name` arrives; returns its data.
fn next_event(stream: &mut TcpStream, seen: &mut String, name: &str) -> String {
    let start = Instant::now();
    let marker = format!("event: {name}\ndata: ");
    loop {
        if let Some(i) = seen.find(&marker) {
            let rest = &seen[i + marker.len()..];
            if let Some(end) = rest.find('\n') {
                let data = rest[..end].to_string();
                *seen = rest[end..].to_string();
                return data;
            }
        }
        assert!(start.elapsed() < UPDATE, "no `{name}` event in {seen}");
        let mut buf = [0u8; 4096];
        match stream.read(&mut buf) {
            Ok(0) => panic!("the event stream ended: {seen}"),
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => {}
        }
    }
}

#[test]
fn open_pages_are_told_what_changed() {
    let site = simple_site();
    let server = Server::start(&site);
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    write!(
        events,
        "GET /__mosty/events HTTP/1.1\r\nHost: {}\r\nOrigin: http://{}\r\n\r\n",
        server.host(),
        server.host()
    )
    .unwrap();
    let mut seen = String::new();
    let hello = next_event(&mut events, &mut seen, "hello");
    assert!(seen.is_empty() || !seen.contains("update"));
    assert!(
        server
            .page("en/a/")
            .text()
            .contains(&format!("let id=\"{hello}\"")),
        "pages carry the id the channel says hello with"
    );
    assert!(
        server.stderr.lock().unwrap().contains("built"),
        "{}",
        server.log()
    );
    // One page's text: only that page reloads.
    site.write("content/a.md", &PAGE.replace("first text", "new text"));
    let update = next_event(&mut events, &mut seen, "update");
    assert!(update.contains("\"pages\":[\"/en/a/\"]"), "{update}");
    assert!(update.contains("\"all\":false"), "{update}");
    // A stylesheet: swapped in place, no page reloads.
    site.write("static/style.css", "body { color: red }\n");
    let update = next_event(&mut events, &mut seen, "update");
    assert!(
        update.contains("\"pages\":[]") && update.contains("\"css\":[\"/style.css\"]"),
        "{update}"
    );
    // A broken file: the overlay goes to every page; the fix takes it away.
    site.write("content/b.md", "+++\ntitle = [\n+++\n");
    let errors = next_event(&mut events, &mut seen, "errors");
    assert!(errors.contains("content/b.md:2:"), "{errors}");
    assert!(
        !errors.contains('<'),
        "the overlay is escaped JSON: {errors}"
    );
    site.write("content/b.md", "+++\ntitle = \"Beta\"\n+++\nbeta text\n");
    let update = next_event(&mut events, &mut seen, "update");
    assert!(update.contains("\"pages\":[]"), "{update}");
}

#[test]
#[cfg(unix)]
fn ctrl_c_stops_the_server_cleanly() {
    let site = simple_site();
    let mut server = Server::start(&site);
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < UPDATE, "still running after SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(code.success(), "{code}: {}", server.log());
}

fn mosty(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn new_creates_an_entry_in_every_language_and_never_overwrites() {
    let site = TestSite::new(&format!(
        "{SITE4}\n-- content/projects/_index.ru.md --\n+++\ntitle = \"Проекты\"\n+++\n"
    ));
    let (code, out, err) = mosty(site.root(), &["new", "projects/boskovice-2025"]);
    assert_eq!(code, 0, "{err}");
    let dir = site.root().join("content/projects/boskovice-2025");
    for lang in ["ru", "ka", "en", "cs"] {
        let file = dir.join(format!("index.{lang}.md"));
        assert!(out.contains(&file.display().to_string()), "{out}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("title = \"Boskovice 2025\""), "{text}");
        assert!(!text.contains("\ntranslated_from"), "{text}");
        if lang == "ru" {
            assert!(text.contains("\ndate = ") && text.contains("\nsummary = "));
            assert!(text.contains("# [[events]]"), "{text}");
        }
    }
    let (code, _, err) = mosty(site.root(), &["build"]);
    assert_eq!(code, 0, "a new entry builds at once: {err}");
    assert!(site.exists("ka/projects/boskovice-2025/index.html"));

    let before = std::fs::read_to_string(dir.join("index.ru.md")).unwrap();
    let (code, _, err) = mosty(site.root(), &["new", "projects/boskovice-2025"]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("index.ru.md")).unwrap(),
        before
    );
    for bad in ["../outside", "projects/../../x", "/etc/x", "projects/.x"] {
        let (code, _, err) = mosty(site.root(), &["new", bad]);
        assert_eq!(code, 1, "{bad}: {err}");
    }
    assert!(!site.root().join("outside").exists());
    assert!(!site.root().parent().unwrap().join("x").exists());
}

#[test]
fn a_folder_without_site_toml_is_refused_at_once() {
    let site = TestSite::new("-- content/a.md --\n+++\ntitle = \"A\"\n+++\n");
    let (code, _, err) = mosty(site.root(), &["serve", "--port", "0"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("site.toml") && err.contains("--root"), "{err}");
}
