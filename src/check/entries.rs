//! The content checks of `mosty check`: translations missing or stale, `@/` links and
//! `#anchors` that lead nowhere, files linked from a page that do not exist, and
//! language-neutral fields a translation sets to another value than its source.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag};

use crate::config::SiteConfig;
use crate::content::{Content, Entry, Source, frontmatter, markdown, pick_source};
use crate::diagnostic::{Diagnostic, display_path};
use crate::lang::Lang;
use crate::render::links::Links;
use crate::stale::{self, TranslationState};

use crate::content::markdown::OPTIONS;

/// Rendered pages by output path (`ru/projects/x/index.html`), when the render ran.
pub type Pages = BTreeMap<String, Vec<u8>>;

pub fn check(config: &SiteConfig, content: &Content, pages: Option<&Pages>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let links = Links::new(config, content);
    let mut anchors = Anchors {
        config,
        content,
        links: &links,
        pages,
        cache: HashMap::new(),
    };
    for entry in content.entries.iter().filter(|e| !stale::is_generated(e)) {
        translations(config, entry, &mut out);
        neutral_fields(config, entry, &mut out);
        entry_links(config, entry, &mut anchors, &mut out);
    }
    out
}

fn translations(config: &SiteConfig, entry: &Entry, out: &mut Vec<Diagnostic>) {
    let default = &config.default_language;
    let Some(any) = entry
        .sources
        .get(default)
        .or_else(|| entry.sources.values().next())
    else {
        return;
    };
    for lang in &config.languages {
        match stale::translation_state(entry, lang, default) {
            TranslationState::Missing => {
                let shown = pick_source(entry, lang, config.fallback_chain(lang))
                    .map_or_else(|| any.lang.to_string(), |s| s.lang.to_string());
                let path = stale::translation_path(&any.file.path, lang);
                out.push(
                    Diagnostic::warning(
                        "translation-missing",
                        format!(
                            "`@/{}` has no `{lang}` translation; `{lang}` readers see the `{shown}` text",
                            entry.key
                        ),
                    )
                    .in_file(&any.file.path)
                    .with_hint(format!("translate it into {}", display_path(&path))),
                );
            }
            TranslationState::Stale {
                source_hash,
                recorded,
            } => {
                let Some(mine) = entry.sources.get(lang) else {
                    continue;
                };
                let source_path = entry
                    .sources
                    .get(default)
                    .map_or_else(String::new, |s| display_path(&s.file.path));
                let span = stale::translated_from_span(&mine.file.text).unwrap_or(0..3);
                out.push(
                    Diagnostic::warning(
                        "translation-stale",
                        format!(
                            "this translation is stale: {source_path} changed after it was translated (recorded `{recorded}`, the source is now `{source_hash}`)"
                        ),
                    )
                    .at(&mine.file, span)
                    .with_hint(format!(
                        "bring the translation up to date with the source, then run `mosty status --mark {}`",
                        display_path(&mine.file.path)
                    )),
                );
            }
            TranslationState::Current | TranslationState::Unmarked | TranslationState::Source => {}
        }
    }
}

/// A step of a path into the frontmatter: a key, or an index into an array.
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The span of `key = value` at `path` in a content file's frontmatter.
fn locate(text: &str, path: &[Seg<'_>]) -> Option<Range<usize>> {
    let split = frontmatter::split(text).ok()?;
    let toml_text = &text[split.toml.clone()];
    let table = toml::de::DeTable::parse(toml_text).ok()?;
    let base = split.toml.start;
    let mut current = table.get_ref();
    let mut found: Option<Range<usize>> = None;
    let mut i = 0;
    while i < path.len() {
        let Seg::Key(k) = path[i] else { return None };
        let (key, value) = current.iter().find(|(key, _)| key.get_ref() == k)?;
        found = Some(key.span().start + base..value.span().end + base);
        i += 1;
        match (value.get_ref(), path.get(i)) {
            (_, None) => break,
            (toml::de::DeValue::Table(t), Some(Seg::Key(_))) => current = t,
            (toml::de::DeValue::Array(a), Some(Seg::Index(n))) => {
                let item = a.get(*n)?;
                i += 1;
                match item.get_ref() {
                    toml::de::DeValue::Table(t) => current = t,
                    _ => return None,
                }
                found = Some(item.span().start + base..item.span().end + base);
            }
            _ => return None,
        }
    }
    found
}

fn neutral_fields(config: &SiteConfig, entry: &Entry, out: &mut Vec<Diagnostic>) {
    let Some(src) = entry.sources.get(&config.default_language) else {
        return;
    };
    let s = &src.front;
    for (lang, tr) in entry
        .sources
        .iter()
        .filter(|(l, _)| **l != config.default_language)
    {
        let t = &tr.front;
        let mut diffs: Vec<(Vec<Seg<'_>>, String, String)> = Vec::new();
        let mut cmp = |path: Vec<Seg<'static>>, a: String, b: String| {
            if a != b {
                diffs.push((path, a, b));
            }
        };
        let date = |d: &Option<crate::dates::PartialDate>| {
            d.map_or_else(|| "(none)".into(), |d| d.to_string())
        };
        cmp(vec![Seg::Key("date")], date(&t.date), date(&s.date));
        cmp(vec![Seg::Key("end")], date(&t.end), date(&s.end));
        let loc = |l: &Option<crate::content::Location>, f: &str| {
            l.as_ref().map_or_else(
                || "(none)".to_string(),
                |l| match f {
                    "lat" => l.lat.to_string(),
                    "lon" => l.lon.to_string(),
                    _ => l.country.clone().unwrap_or_else(|| "(none)".into()),
                },
            )
        };
        for f in ["lat", "lon", "country"] {
            cmp(
                vec![Seg::Key("location"), Seg::Key(f)],
                loc(&t.location, f),
                loc(&s.location, f),
            );
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        cmp(vec![Seg::Key("home")], opt(&t.home), opt(&s.home));
        cmp(
            vec![Seg::Key("partners")],
            format!("{:?}", t.partners),
            format!("{:?}", s.partners),
        );
        for (i, (te, se)) in t.events.iter().zip(&s.events).enumerate() {
            let ev = |k: &'static str| vec![Seg::Key("events"), Seg::Index(i), Seg::Key(k)];
            cmp(ev("date"), te.date.to_string(), se.date.to_string());
            cmp(ev("end"), date(&te.end), date(&se.end));
            cmp(ev("kind"), te.kind.clone(), se.kind.clone());
            let counts = |p: &BTreeMap<String, u32>| {
                let parts: Vec<String> = p.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                format!("{{ {} }}", parts.join(", "))
            };
            cmp(
                ev("participants"),
                counts(&te.participants),
                counts(&se.participants),
            );
        }
        for (path, mine, theirs) in diffs {
            let name = path
                .iter()
                .map(|s| match s {
                    Seg::Key(k) => (*k).to_string(),
                    Seg::Index(n) => format!("[{}]", n + 1),
                })
                .collect::<Vec<_>>()
                .join(".")
                .replace(".[", "[");
            let span = locate(&tr.file.text, &path).unwrap_or(0..3);
            out.push(
                Diagnostic::warning(
                    "translation-neutral",
                    format!(
                        "`{name}` is {mine} here but {theirs} in the source {}; it does not depend on the language",
                        display_path(&src.file.path)
                    ),
                )
                .at(&tr.file, span)
                .with_hint(format!(
                    "delete `{}` from this `{lang}` file so it inherits the source's value, or correct the source if this one is right",
                    name.rsplit('.').next().unwrap_or(&name)
                )),
            );
        }
    }
}

/// The anchors each page has, per language: heading ids of the Markdown shown there, and
/// every `id="…"` of the rendered page when the render ran (template sections).
struct Anchors<'a> {
    config: &'a SiteConfig,
    content: &'a Content,
    links: &'a Links,
    pages: Option<&'a Pages>,
    cache: HashMap<(String, Lang), BTreeSet<String>>,
}

impl Anchors<'_> {
    fn of(&mut self, key: &str, lang: &Lang) -> &BTreeSet<String> {
        let k = (key.to_string(), lang.clone());
        if !self.cache.contains_key(&k) {
            let mut ids = BTreeSet::new();
            if let Some(entry) = self.content.get(key)
                && let Some(src) = pick_source(entry, lang, self.config.fallback_chain(lang))
            {
                let md = markdown::render(src.body(), &|t| Ok(t.to_string()));
                ids.extend(md.toc.into_iter().map(|h| h.id));
            }
            if let (Some(pages), Some(dir)) = (self.pages, self.links.entry_dir(key, lang))
                && let Some(html) = pages.get(&format!("{dir}index.html"))
            {
                ids.extend(html_ids(&String::from_utf8_lossy(html)));
            }
            self.cache.insert(k.clone(), ids);
        }
        &self.cache[&k]
    }
}

fn html_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        let after = &rest[i + 5..];
        let end = after.find('"').unwrap_or(after.len());
        ids.push(after[..end].replace("&amp;", "&").replace("&quot;", "\""));
        rest = &after[end..];
    }
    ids
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|c| (*c as char).to_digit(16)),
                b.get(i + 2).and_then(|c| (*c as char).to_digit(16)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The links of a Markdown body: destination and span in the body.
fn body_links(body: &str) -> Vec<(String, Range<usize>, bool)> {
    Parser::new_ext(body, OPTIONS)
        .into_offset_iter()
        .filter_map(|(e, r)| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some((dest_url.to_string(), r, false)),
            Event::Start(Tag::Image { dest_url, .. }) => Some((dest_url.to_string(), r, true)),
            _ => None,
        })
        .collect()
}

fn entry_links(
    config: &SiteConfig,
    entry: &Entry,
    anchors: &mut Anchors<'_>,
    out: &mut Vec<Diagnostic>,
) {
    // Each file once, with the languages it is shown in.
    let mut shown_in: BTreeMap<Lang, Vec<Lang>> = BTreeMap::new();
    for lang in &config.languages {
        if let Some(src) = pick_source(entry, lang, config.fallback_chain(lang)) {
            shown_in
                .entry(src.lang.clone())
                .or_default()
                .push(lang.clone());
        }
    }
    for (src_lang, langs) in shown_in {
        let Some(src) = entry.sources.get(&src_lang) else {
            continue;
        };
        for (dest, span, image) in body_links(src.body()) {
            let file_span = src.body.start + span.start..src.body.start + span.end;
            if let Some(target) = dest.strip_prefix("@/") {
                internal_link(src, target, file_span, &langs, anchors, out);
            } else if let Some(anchor) = dest.strip_prefix('#') {
                let target = format!("{}#{anchor}", entry.key);
                internal_link(src, &target, file_span, &langs, anchors, out);
            } else {
                file_link(entry, src, &dest, file_span, image, out);
            }
        }
    }
}

fn internal_link(
    src: &Source,
    target: &str,
    span: Range<usize>,
    langs: &[Lang],
    anchors: &mut Anchors<'_>,
    out: &mut Vec<Diagnostic>,
) {
    if let Err(message) = anchors.links.resolve_entry(target, &src.lang) {
        // The same error the build reports, so the two merge into one.
        out.push(Diagnostic::error("link-unknown", message).at(&src.file, span));
        return;
    }
    let Some((path, anchor)) = target.split_once('#') else {
        return;
    };
    if anchor.is_empty() {
        return;
    }
    let key = crate::render::links::normalize_key(path);
    let wanted = percent_decode(anchor);
    let mut failing = Vec::new();
    let mut known = BTreeSet::new();
    for l in langs {
        let ids = anchors.of(&key, l);
        if !ids.contains(&wanted) {
            failing.push(l.to_string());
            known.extend(ids.iter().cloned());
        }
    }
    if failing.is_empty() {
        return;
    }
    let known_list: Vec<String> = known.into_iter().collect();
    let hint = match crate::content::closest(&wanted, &known_list) {
        Some(c) => format!("did you mean `#{c}`?"),
        None if known_list.is_empty() => "the page has no headings".to_string(),
        None => format!(
            "its anchors: {}",
            known_list
                .iter()
                .take(12)
                .map(|a| format!("#{a}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let page = if key.is_empty() {
        "the home page".to_string()
    } else {
        format!("`@/{key}`")
    };
    out.push(
        Diagnostic::error(
            "link-anchor",
            format!(
                "`#{wanted}` is not a heading or anchor of {page} (in {})",
                failing.join(", ")
            ),
        )
        .at(&src.file, span)
        .with_hint(hint),
    );
}

/// A relative link to a file (`photo.jpg`, `files/plan.pdf`) must be one of the files beside
/// the entry's `index.md`, which are copied next to the page.
fn file_link(
    entry: &Entry,
    src: &Source,
    dest: &str,
    span: Range<usize>,
    image: bool,
    out: &mut Vec<Diagnostic>,
) {
    let scheme = dest.find(':').is_some_and(|i| {
        dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if dest.is_empty() || scheme || dest.starts_with(['/', '#', '?', '@']) || dest.contains("..") {
        return;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || path.ends_with('/') {
        return;
    }
    let path = percent_decode(path);
    let path = path.trim_start_matches("./");
    let file_name = src
        .file
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let is_bundle = file_name.starts_with("index.") || file_name.starts_with("_index.");
    let bundle: PathBuf = src
        .file
        .path
        .parent()
        .and_then(|p| p.strip_prefix("content").ok())
        .map_or_else(PathBuf::new, Path::to_path_buf);
    let exists = is_bundle && entry.assets.iter().any(|a| a.rel == bundle.join(path));
    if exists {
        return;
    }
    let what = if image { "image" } else { "file" };
    let hint = if is_bundle {
        format!(
            "put `{path}` into {}/, beside this file",
            display_path(&Path::new("content").join(&bundle))
        )
    } else {
        let stem = file_name.split('.').next().unwrap_or("");
        format!(
            "files beside a page need a folder: move this file to {}/index.{}.md and `{path}` beside it",
            display_path(&Path::new("content").join(&bundle).join(stem)),
            src.lang
        )
    };
    out.push(
        Diagnostic::error(
            "link-file",
            format!("the {what} `{path}` does not exist beside this page"),
        )
        .at(&src.file, span)
        .with_hint(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_keys() {
        let t = "+++\ntitle = \"A\"\ndate = 2016-01-01\n[location]\nlat = 1.5\n[[events]]\ntitle = \"a\"\n[[events]]\ndate = 2017\nkind = \"visit\"\n+++\n";
        let at = |p: &[Seg<'_>]| locate(t, p).map(|r| &t[r]);
        assert_eq!(at(&[Seg::Key("date")]), Some("date = 2016-01-01"));
        assert_eq!(
            at(&[Seg::Key("location"), Seg::Key("lat")]),
            Some("lat = 1.5")
        );
        assert_eq!(
            at(&[Seg::Key("events"), Seg::Index(1), Seg::Key("kind")]),
            Some("kind = \"visit\"")
        );
        assert_eq!(
            at(&[Seg::Key("events"), Seg::Index(0), Seg::Key("kind")]),
            None
        );
    }

    #[test]
    fn percent_decoding_and_html_ids() {
        assert_eq!(percent_decode("%D0%BF%D0%BB%D0%B0%D0%BD"), "план");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(
            html_ids("<h2 id=\"a\">x</h2><div class=\"c\" id=\"map\">"),
            ["a", "map"]
        );
    }
}
