//! W — watch mode (reliability.md W65–W87): editor save styles (vim with its 4913 probe and
//! backup, rename-over, JetBrains safe-write, Emacs locks, Kate/Helix), bursts, an event storm
//! of 1,000 files, deletes and renames of files and folders, broken and crash-class files
//! saved while serving. The server must stay alive, show the error over the last good page
//! naming the file, and recover without a restart.

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use super::Fx;
use super::server::{Server, UPDATE};

const A: &str = "content/projects/a.md";
const PAGE: &str = "ru/projects/a/";
/// The error overlay's element (the reload script mentions its id too, so match the tag).
const OVERLAY: &str = "<div id=\"mosty-errors\"";

fn page(text: &str) -> String {
    format!("+++\ntitle = \"Проект А\"\n+++\n{text}\n")
}

fn started() -> (Fx, Server) {
    let fx = Fx::new("");
    let server = Server::start(&fx);
    server.wait_for(PAGE, "the first build", |r| r.status == 200);
    (fx, server)
}

fn has(marker: &'static str) -> impl Fn(&super::server::Reply) -> bool {
    move |r| r.status == 200 && r.text().contains(marker)
}

/// The page shows `marker`, and at most `max` rebuilds were logged for the step.
fn updated(server: &Server, before: usize, marker: &'static str, max: usize) {
    let (_, took) = server.wait_for_timed(PAGE, marker, has(marker));
    let n = server.settled_rebuilds() - before;
    eprintln!("watch: `{marker}` shown after {took:?}, {n} rebuild(s)");
    assert!(
        n <= max,
        "{n} rebuilds for one save (at most {max}):\n{}",
        server.log()
    );
    let body = server.page(PAGE).text();
    assert!(
        !body.contains(OVERLAY),
        "an error overlay after a clean save:\n{body}"
    );
}

#[test]
fn w65_in_place_write() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    fx.write(A, &page("in-place-65"));
    updated(&server, before, "in-place-65", 2);
}

#[test]
fn w66_vim_save_with_probe_and_backup_never_404s() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let stop = stop.clone();
        let port = server.port;
        std::thread::spawn(move || {
            let mut statuses = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let raw = raw_get(port, "/intl/ru/projects/a/");
                statuses.push(super::server::parse(&raw).status);
                std::thread::sleep(Duration::from_millis(5));
            }
            statuses
        })
    };
    let dir = fx.path("content/projects");
    std::fs::write(dir.join(".a.md.swp"), "swap").unwrap();
    std::fs::write(dir.join("4913"), "").unwrap();
    std::fs::remove_file(dir.join("4913")).unwrap();
    std::fs::rename(dir.join("a.md"), dir.join("a.md~")).unwrap();
    std::fs::write(dir.join("a.md"), page("vim-66")).unwrap();
    std::fs::remove_file(dir.join("a.md~")).unwrap();
    std::fs::write(dir.join(".a.md.swp"), "swap 2").unwrap();
    std::fs::remove_file(dir.join(".a.md.swp")).unwrap();
    updated(&server, before, "vim-66", 2);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let statuses = watcher.join().unwrap();
    assert!(
        statuses.iter().all(|s| *s == 200),
        "a request failed during the save: {statuses:?}"
    );
}

pub fn raw_get(port: u16, path: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

#[test]
fn w67_rename_over_save() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    let tmp = fx.path("content/projects/.a.md.tmp123");
    std::fs::write(&tmp, page("rename-67")).unwrap();
    std::fs::rename(&tmp, fx.path(A)).unwrap();
    updated(&server, before, "rename-67", 2);
}

#[test]
fn w68_jetbrains_safe_write() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    let dir = fx.path("content/projects");
    std::fs::write(dir.join("a.md___jb_tmp___"), page("jetbrains-68")).unwrap();
    std::fs::rename(dir.join("a.md"), dir.join("a.md___jb_old___")).unwrap();
    std::fs::rename(dir.join("a.md___jb_tmp___"), dir.join("a.md")).unwrap();
    std::fs::remove_file(dir.join("a.md___jb_old___")).unwrap();
    updated(&server, before, "jetbrains-68", 2);
    for junk in ["a.md___jb_tmp___/", "a.md___jb_old___/"] {
        assert_eq!(server.page(&format!("ru/projects/{junk}")).status, 404);
    }
}

#[test]
fn w69_emacs_lock_and_autosave_files() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    let dir = fx.path("content/projects");
    symlink("user@host.4242:1700000000", dir.join(".#a.md")).unwrap();
    std::fs::write(dir.join("#a.md#"), "autosave").unwrap();
    fx.write(A, &page("emacs-69"));
    std::fs::remove_file(dir.join(".#a.md")).unwrap();
    std::fs::remove_file(dir.join("#a.md#")).unwrap();
    updated(&server, before, "emacs-69", 3);
}

#[test]
fn w70_kate_and_helix_swap_files() {
    let (fx, server) = started();
    let dir = fx.path("content/projects");
    std::fs::write(dir.join(".a.md.kate-swp"), "swap").unwrap();
    std::fs::write(dir.join("a.md.bck"), "backup").unwrap();
    fx.write(A, &page("kate-70"));
    std::fs::remove_file(dir.join(".a.md.kate-swp")).unwrap();
    std::fs::remove_file(dir.join("a.md.bck")).unwrap();
    let before = server.rebuilds();
    updated(&server, before.saturating_sub(3), "kate-70", 6);
    assert_eq!(server.page(PAGE).status, 200);
}

#[test]
fn w71_extensionless_static_file_and_non_utf8_name() {
    use std::os::unix::ffi::OsStrExt;
    let (fx, mut server) = started();
    fx.write("static/CNAME", "one.example\n");
    server.wait_for("CNAME", "CNAME served", |r| {
        r.text().contains("one.example")
    });
    fx.write("static/CNAME", "two.example\n");
    server.wait_for("CNAME", "the CNAME change", |r| {
        r.text().contains("two.example")
    });
    let name = std::ffi::OsStr::from_bytes(b"\xff.bin");
    std::fs::write(fx.path("static").join(name), "x").unwrap();
    fx.write(A, &page("after-non-utf8-71"));
    server.wait_for(PAGE, "a rebuild after a non-UTF-8 name", |r| {
        r.text().contains("after-non-utf8-71") || r.text().contains(OVERLAY)
    });
    server.assert_alive();
}

#[test]
fn w72_write_burst_settles_on_the_last_write() {
    let (fx, server) = started();
    let before = server.settled_rebuilds();
    for i in 0..50 {
        fx.write(A, &page(&format!("burst-{i}-end")));
        std::thread::sleep(Duration::from_millis(20));
    }
    server.wait_for(PAGE, "the last write", has("burst-49-end"));
    let n = server.settled_rebuilds() - before;
    eprintln!("watch: 50 writes in 1 s → {n} rebuilds");
    assert!(n <= 3, "{n} rebuilds for a burst of 50 writes");
}

#[test]
fn w73_event_storm_of_1000_files() {
    let (fx, mut server) = started();
    let before = server.settled_rebuilds();
    let start = Instant::now();
    for i in 0..1000 {
        fx.write(
            &format!("content/storm/p{i}.md"),
            &format!("+++\ntitle = \"P{i}\"\n+++\nstorm {i}\n"),
        );
    }
    let wrote = start.elapsed();
    let mut slowest = Duration::ZERO;
    let (_, took) = {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let t = Instant::now();
            let r = server.page("ru/storm/p999/");
            slowest = slowest.max(t.elapsed());
            if r.status == 200 && r.text().contains("storm 999") {
                break (r, start.elapsed());
            }
            assert!(
                Instant::now() < deadline,
                "the storm never settled:\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let n = server.settled_rebuilds() - before;
    eprintln!(
        "watch: 1,000 files written in {wrote:?}, shown after {took:?}, {n} rebuilds, slowest GET {slowest:?}"
    );
    assert!(n <= 3, "{n} rebuilds for one storm");
    assert!(
        slowest < Duration::from_secs(2),
        "a GET took {slowest:?} during the storm"
    );
    for i in [0, 1, 500, 998] {
        assert_eq!(server.page(&format!("ru/storm/p{i}/")).status, 200, "p{i}");
    }
    server.assert_alive();
}

#[test]
fn w74_deleted_page_is_gone() {
    let (fx, mut server) = started();
    fx.remove(A);
    fx.remove("content/projects/a.en.md");
    server.wait_for(PAGE, "a 404", |r| r.status == 404);
    server.assert_alive();
}

#[test]
fn w75_renamed_page_moves() {
    let (fx, mut server) = started();
    std::fs::rename(fx.path(A), fx.path("content/projects/z.md")).unwrap();
    std::fs::rename(
        fx.path("content/projects/a.en.md"),
        fx.path("content/projects/z.en.md"),
    )
    .unwrap();
    server.wait_for("ru/projects/z/", "the new URL", |r| r.status == 200);
    server.wait_for(PAGE, "the old URL gone", |r| r.status == 404);
    assert_eq!(server.page(PAGE).status, 404);
    server.assert_alive();
}

#[test]
fn w76_renamed_folder_moves() {
    let (fx, mut server) = started();
    std::fs::rename(fx.path("content/projects"), fx.path("content/works")).unwrap();
    server.wait_for("ru/works/b/", "the new URL", |r| r.status == 200);
    assert_eq!(server.page("ru/projects/b/").status, 404);
    assert_eq!(server.page("ru/works/b/photo.jpg").status, 200);
    server.assert_alive();
}

#[test]
fn w77_removed_and_restored_locale_and_section() {
    let (fx, mut server) = started();
    let ftl = std::fs::read_to_string(fx.path("locales/en/site.ftl")).unwrap();
    fx.remove("locales/en");
    fx.remove("content/projects");
    server.wait_for(PAGE, "the section gone", |r| r.status == 404);
    server.assert_alive();
    fx.write(
        "locales/en/site.ftl",
        &ftl.replace("Bridges", "Bridges-restored"),
    );
    fx.write(A, &page("restored-77"));
    server.wait_for(PAGE, "the page back", has("restored-77"));
    server.wait_for("en/", "the en messages back", |r| {
        r.text().contains("Bridges-restored")
    });
    server.assert_alive();
}

#[test]
fn w78_new_folder_appears() {
    let (fx, mut server) = started();
    fx.write(
        "content/news/first/index.md",
        "+++\ntitle = \"Новость\"\n+++\nnews-78\n",
    );
    server.wait_for("ru/news/first/", "the new page", |r| {
        r.text().contains("news-78")
    });
    server.assert_alive();
}

/// Saves `bytes` to `rel` while serving: the last good page stays (200) with an overlay that
/// names `at`; the server stays alive; restoring the file recovers without a restart.
fn broken_while_serving(rel: &str, bytes: &[u8], at: &str) {
    let (fx, mut server) = started();
    let good = std::fs::read(fx.path(rel)).ok();
    fx.write_bytes(rel, bytes);
    let (r, took) =
        server.wait_for_timed(PAGE, "the error overlay", |r| r.text().contains(OVERLAY));
    eprintln!("watch: overlay for {rel} after {took:?}");
    assert_eq!(r.status, 200, "the last good page is still served");
    let body = r.text();
    assert!(
        body.contains("Текст проекта"),
        "the last good page is under the overlay"
    );
    assert!(
        body.contains(at),
        "the overlay names `{at}`:\n{}",
        &body[body.find(OVERLAY).unwrap()..]
    );
    server.assert_alive();
    match good {
        Some(g) => fx.write_bytes(rel, &g),
        None => fx.remove(rel),
    }
    let (_, took) = server.wait_for_timed(PAGE, "recovery", |r| !r.text().contains(OVERLAY));
    eprintln!("watch: recovered from {rel} after {took:?}");
    server.assert_alive();
}

#[test]
fn w79_broken_template() {
    broken_while_serving(
        "templates/projects/page.html",
        b"<p>\n{{ page.title \n",
        "templates/projects/page.html:2:",
    );
}

#[test]
fn w80_broken_ftl() {
    broken_while_serving(
        "locales/ru/site.ftl",
        b"a = A\nsite-title = Hello { $ }\n",
        "locales/ru/site.ftl:2:",
    );
}

#[test]
fn w81_broken_frontmatter() {
    broken_while_serving(
        A,
        "+++\ntitle = \"Отчёт\ndate = 2024-01-01\n+++\n".as_bytes(),
        "content/projects/a.md:2:",
    );
}

#[test]
fn w82_broken_site_toml_saved_vim_style() {
    let (fx, mut server) = started();
    let good = std::fs::read_to_string(fx.path("site.toml")).unwrap();
    std::fs::rename(fx.path("site.toml"), fx.path("site.toml~")).unwrap();
    fx.write("site.toml", &format!("{good}languages = [\n"));
    std::fs::remove_file(fx.path("site.toml~")).unwrap();
    let (r, _) = server.wait_for_timed(PAGE, "the overlay", |r| r.text().contains(OVERLAY));
    assert!(r.text().contains("site.toml:"), "{}", r.text());
    server.assert_alive();
    std::fs::rename(fx.path("site.toml"), fx.path("site.toml~")).unwrap();
    fx.write("site.toml", &good);
    std::fs::remove_file(fx.path("site.toml~")).unwrap();
    server.wait_for(PAGE, "recovery", |r| {
        r.status == 200 && !r.text().contains(OVERLAY)
    });
    server.assert_alive();
}

#[test]
fn w83a_deeply_nested_ftl_while_serving() {
    let text = format!(
        "site-title = {}\"y\"{}\n",
        "{".repeat(5000),
        "}".repeat(5000)
    );
    broken_while_serving(
        "locales/ru/site.ftl",
        text.as_bytes(),
        "locales/ru/site.ftl:1:",
    );
}

#[test]
fn w83a_unclosed_deep_ftl_while_serving() {
    let text = format!("site-title = {}\n", "{".repeat(100_000));
    broken_while_serving(
        "locales/ru/site.ftl",
        text.as_bytes(),
        "locales/ru/site.ftl:1:",
    );
}

#[test]
fn w83b_self_including_template_while_serving() {
    // Alive and recovering; the overlay names the cycle at its tag (as in tera.rs).
    broken_while_serving(
        "templates/page.html",
        b"{% include \"page.html\" %}\n",
        "templates/page.html:1:12</b> circular include",
    );
}

#[test]
fn w83c_mutual_includes_while_serving() {
    let (fx, mut server) = started();
    fx.write("templates/b.html", "{% include \"c.html\" %}");
    fx.write("templates/c.html", "{% include \"b.html\" %}");
    let (r, _) = server.wait_for_timed(PAGE, "the overlay", |r| r.text().contains(OVERLAY));
    assert!(
        r.text()
            .contains("templates/c.html:1:12</b> circular include"),
        "{}",
        r.text()
    );
    server.assert_alive();
    fx.remove("templates");
    server.wait_for(PAGE, "recovery", |r| !r.text().contains(OVERLAY));
    server.assert_alive();
}

#[test]
fn w83c_infinite_component_recursion_while_serving() {
    broken_while_serving(
        "templates/projects/page.html",
        b"{% component rec(n) %}{{ <rec n={n} /> }}{% endcomponent rec %}\n{{ <rec n=1 /> }}\n",
        "templates/projects/page.html",
    );
}

#[test]
fn w83d_empty_file_while_serving() {
    broken_while_serving(A, b"", "content/projects/a.md:1:");
}

#[test]
fn w83e_invalid_utf8_while_serving() {
    broken_while_serving(
        A,
        b"+++\ntitle = \"x\"\n+++\nok\n\xC3\x28\n",
        "content/projects/a.md:5:",
    );
}

#[test]
fn w83f_deep_toml_while_serving() {
    let text = format!("+++\nx = {}\n+++\n", "[".repeat(20_000));
    broken_while_serving(A, text.as_bytes(), "content/projects/a.md:2:");
}

#[test]
fn w83g_utf16_file_while_serving() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "+++\ntitle = \"x\"\n+++\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    broken_while_serving(A, &bytes, "content/projects/a.md:1:");
}

#[test]
fn w83h_pathological_markdown_while_serving() {
    let (fx, mut server) = started();
    let body = format!("{}a\n\n{}", "> ".repeat(20_000), "[a](<b".repeat(20_000));
    fx.write(A, &page(&format!("{body}\n\npathological-83h")));
    server.wait_for(PAGE, "the page", has("pathological-83h"));
    server.assert_alive();
}

#[test]
fn w86_removing_public_while_serving() {
    let (fx, mut server) = started();
    let r = fx.mosty(&["build"]);
    assert_eq!(r.code, Some(0), "{}", r.show());
    fx.remove("public");
    std::thread::sleep(Duration::from_millis(300));
    server.assert_alive();
    assert_eq!(server.page(PAGE).status, 200);
    assert!(
        !fx.path("public").exists(),
        "serve writes nothing to public/"
    );
}

#[test]
fn w87_sigint_stops_cleanly_and_keeps_public() {
    let (fx, mut server) = started();
    fx.write("public/mine.txt", "user file");
    let pid = server.child.id().to_string();
    let start = Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    let code = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s.code();
        }
        assert!(start.elapsed() < UPDATE, "still running after SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    };
    eprintln!("watch: SIGINT → exit {code:?} after {:?}", start.elapsed());
    assert_eq!(code, Some(0), "{}", server.log());
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(fx.path("public/mine.txt").exists(), "serve deleted public/");
}
