//! Determinism, containment and privacy on the repository's own example site (issue #9,
//! items 4 and 5; reliability.md P38, X96): two builds byte-identical (also across LANG and
//! TZ), a canary beside the site never copied, nothing new outside the output folder after a
//! build, and no page or stylesheet that makes the browser ask another host for anything.

use std::path::Path;

use super::{Fx, files, run_cmd, treehash};

/// A copy of the example site in `W/site` (the canary is beside it in `W/canary.txt`).
fn example() -> Fx {
    let fx = Fx::empty();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for item in [
        "site.toml",
        "content",
        "locales",
        "themes",
        "static",
        "templates",
        "data",
    ] {
        let from = repo.join(item);
        if from.exists() {
            copy(&from, &fx.path(item));
        }
    }
    fx
}

fn copy(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
        return;
    }
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn build_with_env(fx: &Fx, out: &Path, env: &[(&str, &str)]) {
    let mut cmd = std::process::Command::new(super::BIN);
    cmd.args(["build", "--root"])
        .arg(fx.root())
        .arg("--output")
        .arg(out)
        .current_dir(fx.root());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let r = run_cmd(cmd, super::CASE_DEADLINE);
    r.assert_no_crash();
    assert_eq!(r.code, Some(0), "{}", r.show());
}

#[test]
fn c01_two_builds_are_byte_identical_across_locale_and_time_zone() {
    let fx = example();
    let a = fx.w.path().join("out-a");
    let b = fx.w.path().join("out-b");
    build_with_env(&fx, &a, &[("LANG", "C"), ("LC_ALL", "C"), ("TZ", "UTC")]);
    build_with_env(
        &fx,
        &b,
        &[
            ("LANG", "ka_GE.UTF-8"),
            ("LC_ALL", "ka_GE.UTF-8"),
            ("TZ", "Asia/Tbilisi"),
        ],
    );
    let (ta, tb) = (treehash(&a), treehash(&b));
    assert!(ta.len() > 100, "only {} files", ta.len());
    let differ: Vec<_> = ta
        .iter()
        .filter(|(k, v)| tb.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .chain(tb.keys().filter(|k| !ta.contains_key(*k)).cloned())
        .collect();
    assert!(differ.is_empty(), "the two builds differ in {differ:?}");
}

#[test]
fn c02_rebuild_in_place_is_byte_identical() {
    let fx = example();
    fx.build_ok();
    let first = treehash(&fx.path("public"));
    fx.build_ok();
    assert_eq!(treehash(&fx.path("public")), first);
}

#[test]
fn c03_canary_beside_the_site_and_in_tmp_never_reaches_the_output() {
    let fx = example();
    let tmp_canary = tempfile::Builder::new()
        .prefix("mosty-canary-")
        .tempfile()
        .unwrap();
    std::fs::write(tmp_canary.path(), &fx.canary).unwrap();
    fx.build_ok();
    fx.assert_no_canary_in(&fx.path("public"));
    let r = fx.mosty(&["check"]);
    r.assert_no_crash();
    assert!(!r.stdout.contains(&fx.canary) && !r.stderr.contains(&fx.canary));
}

#[test]
fn c04_nothing_new_outside_the_output_after_build_check_and_status() {
    let fx = example();
    let before = fx.outside_output();
    let cwd_listing = |p: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let parent_before = cwd_listing(fx.w.path());
    fx.build_ok();
    for args in [&["check"][..], &["status"][..]] {
        let r = fx.mosty(args);
        r.assert_no_crash();
    }
    fx.assert_hygiene(&before);
    assert_eq!(
        cwd_listing(fx.w.path()),
        parent_before,
        "new files beside the site"
    );
    assert!(files(&fx.path("public")).len() > 100);
}

#[test]
fn c05_no_third_party_requests_in_any_page_or_stylesheet() {
    let fx = example();
    fx.build_ok();
    let public = fx.path("public");
    let mut found = Vec::new();
    let mut scanned = 0;
    for rel in files(&public) {
        let text = match std::fs::read_to_string(public.join(&rel)) {
            Ok(t) => t,
            Err(_) => continue,
        };
        let refs = if rel.ends_with(".html") || rel.ends_with(".svg") {
            html_requests(&text)
        } else if rel.ends_with(".css") {
            css_requests(&text)
        } else {
            continue;
        };
        scanned += 1;
        for url in refs {
            if is_foreign(&url) {
                found.push(format!("{rel}: {url}"));
            }
        }
    }
    assert!(scanned > 100, "only {scanned} files scanned");
    assert!(
        found.is_empty(),
        "requests to other hosts:\n{}",
        found.join("\n")
    );
}

fn is_foreign(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http:")
        || u.starts_with("https:")
        || u.starts_with("//")
        || u.starts_with("\\\\")
        || u.starts_with("ftp:")
        || u.starts_with("ws:")
        || u.starts_with("wss:")
}

/// URLs the browser fetches on its own: src, srcset, poster, data, stylesheet/preload/icon
/// links, `<meta http-equiv=refresh>`, and CSS in `style` attributes and `<style>` blocks.
fn html_requests(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        let attrs = attributes(tag);
        let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        for (k, v) in &attrs {
            match k.as_str() {
                "src" | "poster" | "data" | "background" | "xlink:href" if name != "a" => {
                    out.push(v.clone())
                }
                "href" if name == "image" || name == "use" || name == "feimage" => {
                    out.push(v.clone())
                }
                "srcset" | "imagesrcset" => out.extend(
                    v.split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(String::from),
                ),
                "style" => out.extend(css_requests(v)),
                _ => {}
            }
        }
        if name == "link" {
            let rel = get("rel").unwrap_or_default().to_ascii_lowercase();
            let fetches = rel.split_whitespace().any(|r| {
                matches!(
                    r,
                    "stylesheet"
                        | "preload"
                        | "prefetch"
                        | "preconnect"
                        | "dns-prefetch"
                        | "icon"
                        | "apple-touch-icon"
                        | "manifest"
                        | "modulepreload"
                        | "prerender"
                )
            });
            if fetches && let Some(h) = get("href") {
                out.push(h);
            }
        }
        if name == "meta"
            && get("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
            && let Some(c) = get("content")
            && let Some((_, u)) = c.split_once("url=").or_else(|| c.split_once("URL="))
        {
            out.push(u.trim_matches(['\'', '"', ' ']).to_string());
        }
        if name == "style" {
            let body_end = rest.find("</style").unwrap_or(rest.len());
            out.extend(css_requests(&rest[end.min(body_end)..body_end]));
        }
        if name == "script" && get("src").is_none() {
            // Inline scripts: any fetch()/import of an absolute URL.
            let body_end = rest.find("</script").unwrap_or(rest.len());
            let body = &rest[end.min(body_end)..body_end];
            for needle in [
                "fetch(\"",
                "fetch('",
                "import(\"",
                "import('",
                "new WebSocket(\"",
                "new EventSource(\"",
            ] {
                for (i, _) in body.match_indices(needle) {
                    let tail = &body[i + needle.len()..];
                    out.push(tail[..tail.find(['"', '\'']).unwrap_or(tail.len())].to_string());
                }
            }
        }
        rest = &rest[end..];
    }
    out
}

fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = tag.as_bytes();
    let mut i = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let key = tag[start..i].to_ascii_lowercase();
        if key.is_empty() {
            i += 1;
            continue;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let s = i + 1;
                let e = tag[s..].find(q as char).map_or(b.len(), |p| s + p);
                value = tag[s..e].to_string();
                i = (e + 1).min(b.len());
            } else {
                let s = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = tag[s..i].to_string();
            }
        }
        out.push((key, value.replace("&amp;", "&")));
    }
    out
}

/// `url(...)` and `@import "..."` in CSS.
fn css_requests(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = css.to_ascii_lowercase();
    for (i, _) in lower.match_indices("url(") {
        let tail = &css[i + 4..];
        let end = tail.find(')').unwrap_or(tail.len());
        out.push(tail[..end].trim().trim_matches(['"', '\'']).to_string());
    }
    for (i, _) in lower.match_indices("@import") {
        let tail = css[i + 7..].trim_start();
        if let Some(q) = tail.strip_prefix(['"', '\'']) {
            out.push(q[..q.find(['"', '\'']).unwrap_or(q.len())].to_string());
        }
    }
    out
}

#[test]
fn c06_the_scanner_finds_what_it_should() {
    let html = r#"<link rel="stylesheet" href="https://fonts.googleapis.com/css"><img srcset="a.png 1x, //cdn.example/b.png 2x"><a href="https://ok.example/">x</a><div style="background:url('http://t.example/x.png')"></div><style>@import "https://s.example/a.css";</style><link rel="canonical" href="https://mosty.example/">"#;
    let foreign: Vec<String> = html_requests(html)
        .into_iter()
        .filter(|u| is_foreign(u))
        .collect();
    assert_eq!(
        foreign,
        [
            "https://fonts.googleapis.com/css",
            "//cdn.example/b.png",
            "http://t.example/x.png",
            "https://s.example/a.css"
        ]
    );
}
