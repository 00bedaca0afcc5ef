//! The invariants the fuzz targets check, one function per target. Each takes arbitrary
//! bytes and panics when mosty breaks a promise (a panic inside mosty counts too).
//!
//! This file is used twice: by the cargo-fuzz targets in `fuzz/fuzz_targets/` (through
//! `fuzz/src/lib.rs`) and by the main test suite as plain property tests over a few thousand
//! generated inputs each (`tests/it/adversarial/props.rs` includes it with `#[path]`), so it
//! may use only `std` and `mosty`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use mosty::content::{frontmatter, markdown, slug};
use mosty::serve::{Resolved, resolve as resolve_path};

/// Frontmatter: decoding (BOM, CRLF, UTF-16, invalid UTF-8), `split`, then `parse`.
/// Every error names the file; every span lies inside the text.
pub fn frontmatter(data: &[u8]) {
    let shown = Path::new("content/fuzz.md");
    let text = match mosty::fs::decode_text(data.to_vec(), shown) {
        Ok(t) => t,
        Err(d) => {
            let shown_text = d.to_string();
            assert!(
                shown_text.starts_with("content/fuzz.md:"),
                "a decoding error must name the file and line: {shown_text}"
            );
            return;
        }
    };
    assert!(
        !text.starts_with('\u{feff}') || data.starts_with(b"\xEF\xBB\xBF\xEF\xBB\xBF"),
        "the BOM is dropped"
    );
    match frontmatter::split(&text) {
        Ok(s) => {
            assert!(s.toml.start <= s.toml.end, "{s:?}");
            assert!(s.toml.end <= s.body.start, "{s:?}");
            assert!(s.body.end == text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.toml.start) && text.is_char_boundary(s.toml.end));
            assert!(text.is_char_boundary(s.body.start));
            let toml = &text[s.toml.clone()];
            assert!(
                !toml.lines().any(|l| l.trim_end() == "+++"),
                "the block ends at the first `+++` line"
            );
            match frontmatter::parse(toml) {
                Ok(front) => {
                    // A slug that parses must stay one plain segment.
                    if let Some(sl) = &front.slug
                        && let Ok(seg) = slug::from_frontmatter(sl.get_ref())
                    {
                        assert_plain_segment(&seg);
                    }
                }
                Err((message, span)) => {
                    assert!(!message.is_empty());
                    if let Some(sp) = span {
                        assert!(
                            sp.start <= sp.end && sp.end <= toml.len(),
                            "{sp:?} in {}",
                            toml.len()
                        );
                    }
                }
            }
        }
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(e.span.end <= text.len(), "{:?} in {}", e.span, text.len());
        }
    }
}

/// Markdown: renders with `@/` links resolved; spans of link errors lie inside the text;
/// heading ids are unique and attribute-safe.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let r = markdown::render(text, &|t: &str| {
        if t.starts_with('x') {
            Err(format!("no entry `{t}`"))
        } else {
            Ok(format!("/ru/{t}/"))
        }
    });
    for e in &r.link_errors {
        assert!(
            e.span.start <= e.span.end && e.span.end <= text.len(),
            "{:?}",
            e.span
        );
    }
    let mut seen = std::collections::HashSet::new();
    for h in &r.toc {
        assert!((1..=6).contains(&h.level), "{h:?}");
        assert!(!h.id.is_empty(), "{h:?}");
        assert!(
            seen.insert(h.id.clone()) || explicit_id(text, &h.id),
            "duplicate id {h:?}"
        );
    }
}

fn explicit_id(text: &str, id: &str) -> bool {
    text.contains(&format!("#{id}"))
}

thread_local! {
    static FLUENT_SITE: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// Fluent: the bytes become `locales/en/fuzz.ftl` of a one-language site and go through
/// `mosty::i18n::load` (with its nesting guard); when it loads, every message id found in
/// the file is formatted (cycles, billion laughs, missing references).
pub fn fluent(data: &[u8]) {
    let root = FLUENT_SITE.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| {
                let dir = std::env::temp_dir().join(format!(
                    "mosty-fuzz-fluent-{}-{:?}",
                    std::process::id(),
                    std::thread::current().id()
                ));
                std::fs::create_dir_all(dir.join("locales/en")).expect("temp dir");
                dir
            })
            .clone()
    });
    let config = mosty::config::SiteConfig::parse(
        "base_url = \"https://c.example/\"\nlanguages = [\"en\"]\n",
        None,
    )
    .expect("a valid config");
    std::fs::write(root.join("locales/en/fuzz.ftl"), data).expect("write the .ftl");
    let text = String::from_utf8_lossy(data);
    match mosty::i18n::load(&config, &[], &root.join("locales")) {
        Ok((locales, _warnings)) => {
            let lang = &config.languages[0];
            for id in message_ids(&text).take(50) {
                if let Ok(s) = locales.format(lang, &id, None) {
                    assert!(s.len() <= 1 << 20, "`{id}` formats to {} bytes", s.len());
                }
            }
            let _ = locales.take_warnings();
        }
        Err(d) => {
            for diag in &d.0 {
                if diag.is_error() {
                    let pos = diag.position().unwrap_or_default();
                    assert!(
                        pos.starts_with("locales/en/fuzz.ftl:"),
                        "an error in the .ftl must name it: {diag}"
                    );
                }
            }
        }
    }
}

/// Removes this thread's scratch site of [`fluent`] (the property tests call it at the end).
pub fn fluent_cleanup() {
    FLUENT_SITE.with(|s| {
        if let Some(dir) = s.borrow_mut().take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    });
}

fn message_ids(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().filter_map(|l| {
        let (id, _) = l.split_once('=')?;
        let id = id.trim_end();
        let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| id.to_string())
    })
}

/// Slugs: any name gives a plain segment or an error; results are stable when fed back.
pub fn slug(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let t = slug::transliterate(text);
    assert_eq!(
        slug::transliterate(&t),
        t,
        "transliterate is idempotent on {text:?}"
    );
    assert!(
        t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{t:?}"
    );
    if let Ok(s) = slug::from_name(text) {
        assert_plain_segment(&s);
        assert_eq!(
            slug::from_name(&s).as_deref(),
            Ok(s.as_str()),
            "from_name is idempotent"
        );
    }
    if let Ok(s) = slug::from_frontmatter(text) {
        assert_plain_segment(&s);
    }
}

/// One path segment that cannot leave the output folder on any system.
pub fn assert_plain_segment(s: &str) {
    assert!(!s.is_empty(), "an empty segment");
    assert!(s != "." && s != "..", "{s:?}");
    assert!(
        s.len() <= slug::MAX_SEGMENT_BYTES,
        "a segment too long for a file name: {} bytes",
        s.len()
    );
    assert!(!s.starts_with('.'), "a hidden or relative segment {s:?}");
    assert!(
        !s.chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '\0')),
        "{s:?}"
    );
    assert!(
        mosty::output::check_rel(&format!("ru/{s}/index.html")).is_ok(),
        "{s:?} is not a plain output path"
    );
}

/// The dev server's request-path resolver: a file key is always a plain relative path;
/// a redirect stays on this server (`/x`, never `//host` or `/\host`).
pub fn resolve(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(raw) = std::str::from_utf8(rest) else {
        return;
    };
    let base = if first & 1 == 0 { "/" } else { "/intl/" };
    let asked = RefCell::new(Vec::new());
    let exists = |k: &str| {
        asked.borrow_mut().push(k.to_string());
        // Every key looks like a file, so every branch of the resolver is reached.
        first & 2 == 0 || k.ends_with("index.html")
    };
    let got = resolve_path(raw, base, exists);
    for k in asked.borrow().iter() {
        assert!(
            mosty::output::check_rel(k).is_ok(),
            "{raw:?} made the resolver look up {k:?}"
        );
    }
    match got {
        Resolved::File(key) => {
            assert!(mosty::output::check_rel(&key).is_ok(), "{raw:?} → {key:?}");
            assert!(
                !key.split('/').any(|s| s == ".." || s == "."),
                "{raw:?} → {key:?}"
            );
        }
        Resolved::Redirect(to) => {
            assert!(to.starts_with('/'), "{raw:?} → {to:?}");
            assert!(
                !to.starts_with("//") && !to.starts_with("/\\"),
                "{raw:?} redirects off-site to {to:?}"
            );
        }
        Resolved::NotFound | Resolved::BadRequest => {}
    }
}
