//! Loading `content/`: finds the entries and their translations, parses and validates their
//! frontmatter, applies inheritance, drafts and slugs, and checks references between entries.
//! Markdown is rendered later (`markdown.rs`), once every entry's URL is known.

pub mod frontmatter;
pub mod markdown;
pub mod page;
pub mod slug;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::diagnostic::{self, Diagnostic, Diagnostics, SourceText};
use crate::fs::{self, Found};
use crate::lang::{self, Lang};
use frontmatter::{DateField, RawFront};
pub use page::{Content, Entry, EntryKind, Event, Front, Location, Source, pick_source};

/// The section whose entries are institutions, referenced by `home` and `partners`.
pub const PARTNERS_SECTION: &str = "partners";

/// Event kinds the default theme has labels and icons for.
pub const EVENT_KINDS: &[&str] = &[
    "agreement",
    "delegation",
    "visit",
    "contest",
    "conference",
    "internship",
    "meeting",
    "seminar",
    "training",
    "online",
    "plan",
];

/// Participant groups the default theme has plural messages for.
pub const PARTICIPANT_KINDS: &[&str] = &[
    "students",
    "teachers",
    "staff",
    "delegates",
    "organisations",
    "colleges",
    "participants",
];

/// Options of the load stage.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// One Markdown file after parsing, before it is grouped with its translations.
struct Parsed {
    key: String,
    kind: EntryKind,
    lang: Lang,
    rel: PathBuf,
    file: SourceText,
    body: std::ops::Range<usize>,
    raw: RawFront,
    toml_offset: usize,
}

/// Reads and validates every content file. All problems are collected, not only the first.
pub fn load(
    root: &Path,
    config: &SiteConfig,
    options: &LoadOptions,
) -> Result<(Content, Vec<Diagnostic>), Diagnostics> {
    let content_dir = root.join("content");
    let (files, mut problems) = crate::timings::stage("content walk", || {
        fs::walk(&content_dir, Path::new("content"))
    });
    let (markdown, others): (Vec<Found>, Vec<Found>) = files
        .into_iter()
        .partition(|f| f.rel.extension().is_some_and(|e| e == "md"));

    let results: Vec<Result<Parsed, Diagnostic>> = crate::timings::stage("content parse", || {
        markdown
            .par_iter()
            .with_max_len(crate::par::TASK_LEN)
            .map(|f| parse_file(f, config))
            .collect()
    });
    let mut parsed = Vec::new();
    for r in results {
        match r {
            Ok(p) => parsed.push(p),
            Err(d) => problems.push(d),
        }
    }

    let mut diags = Diagnostics(problems);
    let content = crate::timings::stage("content assemble", || {
        assemble(parsed, others, config, options, &mut diags)
    });
    diags.sort();
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((content, diags.0))
    }
}

fn shown(rel: &Path) -> PathBuf {
    Path::new("content").join(rel)
}

fn parse_file(found: &Found, config: &SiteConfig) -> Result<Parsed, Diagnostic> {
    let rel_shown = shown(&found.rel);
    let text = fs::read_text(&found.path, &rel_shown)?;
    let file = SourceText {
        path: rel_shown.clone(),
        text: Arc::from(text),
    };
    let (key, kind, lang) = classify(&found.rel, config).map_err(|(m, hint)| {
        let d = Diagnostic::error("content-file-name", m).in_file(&rel_shown);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    let split = frontmatter::split(&file.text).map_err(|e| {
        Diagnostic::error("frontmatter-missing", e.message)
            .at(&file, e.span.clone())
            .with_hint(e.hint)
    })?;
    let toml_offset = split.toml.start;
    let raw = frontmatter::parse(&file.text[split.toml.clone()]).map_err(|(message, span)| {
        let span = span.map_or(0..0, |s| s.start + toml_offset..s.end + toml_offset);
        let hint = unknown_key_hint(&message);
        let d = Diagnostic::error("frontmatter-toml", message).at(&file, span);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    Ok(Parsed {
        key,
        kind,
        lang,
        rel: found.rel.clone(),
        file,
        body: split.body,
        raw,
        toml_offset,
    })
}

fn unknown_key_hint(message: &str) -> Option<String> {
    message.contains("unknown field").then(|| {
        "put keys of your own under [extra]; see docs/content.md for the known keys".to_string()
    })
}

/// `projects/boskovice/index.ka.md` → (`projects/boskovice`, Page, ka).
fn classify(
    rel: &Path,
    config: &SiteConfig,
) -> Result<(String, EntryKind, Lang), (String, Option<String>)> {
    let stem = rel
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| ("the file name is not valid UTF-8".to_string(), None))?;
    let (base, suffix) = lang::split_suffix(stem);
    let lang = match suffix {
        None => config.default_language.clone(),
        Some(code) => {
            let parsed = Lang::parse(code).map_err(|m| (m, None))?;
            if !config.languages.contains(&parsed) {
                let known: Vec<&str> = config.languages.iter().map(Lang::as_str).collect();
                return Err((
                    format!("language `{code}` is not one of the site's languages"),
                    Some(format!(
                        "the site's languages are {}; add `{code}` to `languages` in site.toml or rename the file",
                        known.join(", ")
                    )),
                ));
            }
            parsed
        }
    };
    let parent: Vec<String> = rel
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let dir = parent.join("/");
    let (key, kind) = match base {
        "_index" if dir.is_empty() => (String::new(), EntryKind::Home),
        "_index" => (dir, EntryKind::Section),
        "index" if dir.is_empty() => {
            return Err((
                "`content/index.md` is ambiguous".into(),
                Some("the home page is `content/_index.md`".into()),
            ));
        }
        "index" => (dir, EntryKind::Page),
        name if dir.is_empty() => (name.to_string(), EntryKind::Page),
        name => (format!("{dir}/{name}"), EntryKind::Page),
    };
    Ok((slug::nfc(&key), kind, lang))
}

fn assemble(
    parsed: Vec<Parsed>,
    others: Vec<Found>,
    config: &SiteConfig,
    options: &LoadOptions,
    diags: &mut Diagnostics,
) -> Content {
    // Group files by entry key; two files for one (key, language) is an error. Positions are
    // sorted rather than the files, which are large; the sort is stable, so the first file
    // found of a key decides its kind.
    let mut order: Vec<usize> = (0..parsed.len()).collect();
    order.par_sort_by(|&a, &b| parsed[a].key.cmp(&parsed[b].key));
    let mut slots: Vec<Option<Parsed>> = parsed.into_iter().map(Some).collect();
    let mut groups: Vec<(String, EntryKind, BTreeMap<Lang, Parsed>)> = Vec::new();
    let mut bundle_dirs: HashMap<String, PathBuf> = HashMap::new();
    for p in order.into_iter().filter_map(|i| slots[i].take()) {
        let is_index = p.rel.file_stem().is_some_and(|s| {
            let s = s.to_string_lossy();
            s == "index" || s.starts_with("index.") || s == "_index" || s.starts_with("_index.")
        });
        if is_index {
            let dir = p.rel.parent().map(Path::to_path_buf).unwrap_or_default();
            bundle_dirs.insert(p.key.clone(), dir);
        }
        if groups.last().is_none_or(|group| group.0 != p.key) {
            groups.push((p.key.clone(), p.kind, BTreeMap::new()));
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        if group.1 != p.kind {
            diags.push(
                Diagnostic::error(
                    "content-duplicate",
                    format!("`{}` is both a section (`_index`) and a page", p.key),
                )
                .in_file(&p.file.path)
                .with_hint("a folder holds either `_index.md` (a section) or `index.md` (a page with its files)"),
            );
            continue;
        }
        if let Some(other) = group.2.get(&p.lang) {
            diags.push(duplicate_file(other, &p));
            continue;
        }
        group.2.insert(p.lang.clone(), p);
    }

    let mut partner_ids: Vec<String> = groups
        .iter()
        .filter(|(k, kind, _)| *kind == EntryKind::Page && k.starts_with("partners/"))
        .filter_map(|(k, _, _)| k.strip_prefix("partners/").map(str::to_string))
        .collect();
    partner_ids.sort();

    // Each entry is checked and resolved on its own, in parallel; problems keep key order.
    let built: Vec<(Option<Entry>, Diagnostics)> = groups
        .into_par_iter()
        .with_max_len(crate::par::TASK_LEN)
        .map(|(key, kind, files)| {
            let mut d = Diagnostics::default();
            let entry = build_entry(key, kind, files, config, options, &partner_ids, &mut d);
            (entry, d)
        })
        .collect();
    let mut entries = Vec::new();
    for (entry, d) in built {
        diags.extend(d.0);
        entries.extend(entry);
    }

    add_missing_sections(&mut entries, config);
    attach_assets(&mut entries, &bundle_dirs, others, diags);
    check_collisions(&entries, diags);

    let by_key = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.clone(), i))
        .collect();
    Content { entries, by_key }
}

/// Two files for one entry and language. Twins whose names differ only in Unicode form look
/// alike when printed, so the hint says what tells them apart.
fn duplicate_file(first: &Parsed, second: &Parsed) -> Diagnostic {
    let (a, b) = (first.file.path.display(), second.file.path.display());
    let d = Diagnostic::error(
        "content-duplicate",
        format!(
            "two files for `@/{}` in language `{}`: `{a}` and `{b}`",
            second.key, second.lang
        ),
    )
    .in_file(&second.file.path);
    if first.rel != second.rel
        && slug::nfc(&first.rel.to_string_lossy()) == slug::nfc(&second.rel.to_string_lossy())
    {
        d.with_hint("the two names differ only in their Unicode form: one is decomposed (NFD, as macOS writes names), the other composed (NFC); delete one of them")
    } else {
        d
    }
}

fn build_entry(
    key: String,
    kind: EntryKind,
    mut files: BTreeMap<Lang, Parsed>,
    config: &SiteConfig,
    options: &LoadOptions,
    partner_ids: &[String],
    diags: &mut Diagnostics,
) -> Option<Entry> {
    // Each file is checked on its own first, so every span points into the right file.
    for p in files.values() {
        validate(p, partner_ids, diags);
    }
    let source_raw = files.get(&config.default_language).map(|p| p.raw.clone());
    let inherited_template_at = files.get(&config.default_language).and_then(template_at);
    let mut sources = BTreeMap::new();
    for (lang, mut p) in std::mem::take(&mut files) {
        let own_template_at = template_at(&p);
        if let Some(src) = &source_raw
            && lang != config.default_language
            && let Err(e) = p.raw.inherit_from(src)
        {
            let span = e.span.start + p.toml_offset..e.span.end + p.toml_offset;
            diags.push(Diagnostic::error("translation-events", e.message).at(&p.file, span));
            continue;
        }
        let Some(mut front) = resolve(&p, diags) else {
            continue;
        };
        if front.template.is_some() {
            front.template_at = own_template_at.or_else(|| inherited_template_at.clone());
        }
        if front.draft && !options.drafts {
            continue;
        }
        sources.insert(
            lang.clone(),
            Source {
                lang,
                file: p.file,
                body: p.body,
                front,
            },
        );
    }
    if sources.is_empty() {
        return None;
    }

    // The folder path: each folder name made URL-safe, the last part replaced by `slug`.
    let mut segments = Vec::new();
    let parts: Vec<&str> = if key.is_empty() {
        vec![]
    } else {
        key.split('/').collect()
    };
    let any_file = &sources.values().next()?.file.path;
    for part in &parts {
        match slug::from_name(part) {
            Ok(s) => segments.push(s),
            Err(m) => {
                diags.push(Diagnostic::error("slug", m).in_file(any_file));
                return None;
            }
        }
    }
    let mut paths = BTreeMap::new();
    let fallback_source = sources
        .get(&config.default_language)
        .or_else(|| sources.values().next())
        .expect("sources is not empty");
    for lang in &config.languages {
        let source = sources.get(lang).unwrap_or(fallback_source);
        let mut segs = segments.clone();
        if let (Some(slug), Some(last)) = (&source.front.slug, segs.last_mut()) {
            last.clone_from(slug);
        }
        paths.insert(lang.clone(), segs.iter().map(|s| format!("{s}/")).collect());
    }

    let section = match kind {
        EntryKind::Home => None,
        _ => {
            let parent = parts[..parts.len() - 1].join("/");
            Some(parent)
        }
    };
    Some(Entry {
        key,
        kind,
        section,
        sources,
        paths,
        assets: Vec::new(),
    })
}

/// The `template` value of a file, as a place in it.
fn template_at(p: &Parsed) -> Option<diagnostic::Location> {
    let span = p.raw.template.as_ref()?.span();
    Some(diagnostic::Location {
        source: p.file.clone(),
        span: span.start + p.toml_offset..span.end + p.toml_offset,
    })
}

/// Checks one file's own values, with spans into that file.
fn validate(p: &Parsed, partner_ids: &[String], diags: &mut Diagnostics) {
    let off = p.toml_offset;
    let at = |code, msg: String, span: std::ops::Range<usize>| {
        Diagnostic::error(code, msg).at(&p.file, span.start + off..span.end + off)
    };
    let check_date = |field: &Option<toml::Spanned<DateField>>, diags: &mut Diagnostics| {
        if let Some(d) = field
            && let Err(m) = &d.get_ref().0
        {
            diags.push(at("frontmatter-date", m.clone(), d.span()));
        }
    };
    check_date(&p.raw.date, diags);
    check_date(&p.raw.end, diags);
    check_range(&p.raw.date, &p.raw.end, &at, diags);
    if let Some(s) = &p.raw.slug
        && let Err(m) = slug::from_frontmatter(s.get_ref())
    {
        diags.push(at("slug", m, s.span()));
    }
    if p.kind != EntryKind::Page
        && let Some(s) = &p.raw.slug
    {
        diags.push(at(
            "slug",
            "`slug` can only be set on pages; a section's URL is its folder name".into(),
            s.span(),
        ));
    }
    let check_ref = |id: &toml::Spanned<String>, what: &str, diags: &mut Diagnostics| {
        // Sorted (from a BTreeMap): a scan per reference made large sites quadratic.
        if partner_ids
            .binary_search_by(|p| p.as_str().cmp(id.get_ref()))
            .is_err()
        {
            let hint = closest(id.get_ref(), partner_ids)
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| {
                    format!("institutions are entries in content/{PARTNERS_SECTION}/<id>/")
                });
            diags.push(
                at(
                    "unknown-partner",
                    format!(
                        "{what} `{}` is not an institution in content/{PARTNERS_SECTION}/",
                        id.get_ref()
                    ),
                    id.span(),
                )
                .with_hint(hint),
            );
        }
    };
    if let Some(h) = &p.raw.home {
        check_ref(h, "home", diags);
    }
    for id in p.raw.partners.iter().flatten() {
        check_ref(id, "partner", diags);
    }
    if let Some(loc) = &p.raw.location {
        if let Some(lat) = &loc.lat
            && !(-90.0..=90.0).contains(lat.get_ref())
        {
            diags.push(at(
                "location-range",
                format!("latitude {} is out of range (-90 to 90)", lat.get_ref()),
                lat.span(),
            ));
        }
        if let Some(lon) = &loc.lon
            && !(-180.0..=180.0).contains(lon.get_ref())
        {
            diags.push(at(
                "location-range",
                format!("longitude {} is out of range (-180 to 180)", lon.get_ref()),
                lon.span(),
            ));
        }
        if let Some(c) = &loc.country {
            let code = c.get_ref();
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                diags.push(at(
                    "location-country",
                    format!("country `{code}` must be an ISO 3166-1 alpha-2 code such as CZ"),
                    c.span(),
                ));
            }
        }
    }
    if let Some(events) = &p.raw.events {
        for ev in events.get_ref() {
            let e = ev.get_ref();
            check_date(&e.date, diags);
            check_date(&e.end, diags);
            check_range(&e.date, &e.end, &at, diags);
            if let Some(kind) = &e.kind
                && !EVENT_KINDS.contains(&kind.get_ref().as_str())
            {
                diags.push(
                    at(
                        "event-kind",
                        format!("unknown event kind `{}`", kind.get_ref()),
                        kind.span(),
                    )
                    .with_hint(format!("known kinds: {}", EVENT_KINDS.join(", "))),
                );
            }
            for (name, count) in e.participants.iter().flatten() {
                if !PARTICIPANT_KINDS.contains(&name.as_str()) {
                    diags.push(
                        at(
                            "event-participants",
                            format!("unknown participant group `{name}`"),
                            count.span(),
                        )
                        .with_hint(format!("known groups: {}", PARTICIPANT_KINDS.join(", "))),
                    );
                }
            }
            for id in e.partners.iter().flatten() {
                check_ref(id, "partner", diags);
            }
        }
    }
}

fn check_range<F>(
    date: &Option<toml::Spanned<DateField>>,
    end: &Option<toml::Spanned<DateField>>,
    at: &F,
    diags: &mut Diagnostics,
) where
    F: Fn(&'static str, String, std::ops::Range<usize>) -> Diagnostic,
{
    if let (Some(d), Some(e)) = (date, end)
        && let (Ok(start), Ok(stop)) = (&d.get_ref().0, &e.get_ref().0)
        && stop.last_day() < start.first_day()
    {
        diags.push(at(
            "date-range",
            format!("`end` ({stop}) is before `date` ({start})"),
            e.span(),
        ));
    }
}

/// Turns the merged raw frontmatter into `Front`; reports what is still missing.
fn resolve(p: &Parsed, diags: &mut Diagnostics) -> Option<Front> {
    let raw = &p.raw;
    let date_of =
        |f: &Option<toml::Spanned<DateField>>| f.as_ref().and_then(|d| d.get_ref().0.clone().ok());
    let Some(title) = raw.title.clone().filter(|t| !t.trim().is_empty()) else {
        diags.push(
            Diagnostic::error("frontmatter-title", "missing `title`")
                .at(&p.file, 0..3)
                .with_hint("add `title = \"...\"` to the frontmatter"),
        );
        return None;
    };
    let mut events = Vec::new();
    for (i, ev) in raw.events.iter().flat_map(|e| e.get_ref()).enumerate() {
        let e = ev.get_ref();
        let span = ev.span().start + p.toml_offset..ev.span().end + p.toml_offset;
        let Some(date) = date_of(&e.date) else {
            if e.date.is_none() {
                diags.push(
                    Diagnostic::error("event-date", format!("event {} has no `date`", i + 1))
                        .at(&p.file, span),
                );
            }
            continue;
        };
        let Some(title) = e.title.clone() else {
            diags.push(
                Diagnostic::error("event-title", format!("event {} has no `title`", i + 1))
                    .at(&p.file, span),
            );
            continue;
        };
        events.push(Event {
            date,
            end: date_of(&e.end),
            kind: e
                .kind
                .as_ref()
                .map_or_else(|| "meeting".to_string(), |k| k.get_ref().clone()),
            title,
            summary: e.summary.clone(),
            participants: e
                .participants
                .iter()
                .flatten()
                .map(|(k, v)| (k.clone(), *v.get_ref()))
                .collect(),
            partners: e
                .partners
                .iter()
                .flatten()
                .map(|s| s.get_ref().clone())
                .collect(),
            place: e.place.clone(),
        });
    }
    let location = match &raw.location {
        Some(loc) => match (&loc.lat, &loc.lon) {
            (Some(lat), Some(lon)) => Some(Location {
                lat: *lat.get_ref(),
                lon: *lon.get_ref(),
                country: loc.country.as_ref().map(|c| c.get_ref().clone()),
                city: loc.city.clone(),
                precision: loc.precision.as_ref().map(|c| c.get_ref().clone()),
            }),
            _ => {
                diags.push(
                    Diagnostic::error(
                        "location-missing",
                        "`[location]` needs both `lat` and `lon`",
                    )
                    .in_file(&p.file.path),
                );
                None
            }
        },
        None => None,
    };
    Some(Front {
        title,
        short_title: raw.short_title.clone(),
        date: date_of(&raw.date),
        end: date_of(&raw.end),
        summary: raw.summary.clone(),
        draft: raw.draft.unwrap_or(false),
        slug: raw
            .slug
            .as_ref()
            .and_then(|s| slug::from_frontmatter(s.get_ref()).ok()),
        weight: raw.weight,
        template: raw.template.as_ref().map(|t| t.get_ref().clone()),
        template_at: None,
        translated_from: raw.translated_from.clone(),
        tags: raw.tags.clone().unwrap_or_default(),
        home: raw.home.as_ref().map(|h| h.get_ref().clone()),
        partners: raw
            .partners
            .iter()
            .flatten()
            .map(|s| s.get_ref().clone())
            .collect(),
        website: raw.website.clone(),
        location,
        events,
        extra: raw.extra.clone().unwrap_or_default(),
    })
}

/// Every folder of pages is a section and the site always has a home page, even without an
/// `_index.md`: links to them then work, and lists have a page to live on.
fn add_missing_sections(entries: &mut Vec<Entry>, config: &SiteConfig) {
    let existing: std::collections::HashSet<String> =
        entries.iter().map(|e| e.key.clone()).collect();
    let mut needed: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    needed.insert(String::new());
    for e in entries.iter() {
        let mut key = e.key.as_str();
        while let Some((parent, _)) = key.rsplit_once('/') {
            needed.insert(parent.to_string());
            key = parent;
        }
        if !e.key.is_empty() {
            needed.insert(String::new());
        }
    }
    for key in needed.into_iter().filter(|k| !existing.contains(k)) {
        let parts: Vec<&str> = if key.is_empty() {
            vec![]
        } else {
            key.split('/').collect()
        };
        let Ok(segments) = parts
            .iter()
            .map(|p| slug::from_name(p))
            .collect::<Result<Vec<_>, _>>()
        else {
            continue;
        };
        let dir: String = segments.iter().map(|s| format!("{s}/")).collect();
        let file = SourceText {
            path: Path::new("content").join(&key).join("_index.md"),
            text: Arc::from(""),
        };
        let front = Front::untitled(parts.last().copied().unwrap_or(""));
        let sources = config
            .languages
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    Source {
                        lang: l.clone(),
                        file: file.clone(),
                        body: 0..0,
                        front: front.clone(),
                    },
                )
            })
            .collect();
        let paths = config
            .languages
            .iter()
            .map(|l| (l.clone(), dir.clone()))
            .collect();
        entries.push(Entry {
            section: (!key.is_empty()).then(|| parts[..parts.len() - 1].join("/")),
            kind: if key.is_empty() {
                EntryKind::Home
            } else {
                EntryKind::Section
            },
            key,
            sources,
            paths,
            assets: Vec::new(),
        });
    }
    entries.sort_by(|a, b| a.key.cmp(&b.key));
}

/// Assets go to the entry whose folder is nearest above them.
fn attach_assets(
    entries: &mut [Entry],
    bundle_dirs: &HashMap<String, PathBuf>,
    others: Vec<Found>,
    diags: &mut Diagnostics,
) {
    let mut owner: HashMap<PathBuf, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(dir) = bundle_dirs.get(&e.key) {
            owner.insert(dir.clone(), i);
        }
    }
    for f in others {
        let mut dir = f.rel.parent().map(Path::to_path_buf);
        let mut found = None;
        while let Some(d) = dir {
            if let Some(&i) = owner.get(&d) {
                found = Some(i);
                break;
            }
            dir = d.parent().map(Path::to_path_buf);
        }
        match found {
            Some(i) => entries[i].assets.push(f),
            None => diags.push(
                Diagnostic::warning(
                    "asset-orphan",
                    "this file belongs to no entry and is not copied",
                )
                .in_file(shown(&f.rel))
                .with_hint(
                    "put files shared by many pages in static/, or beside an entry's index.md",
                ),
            ),
        }
    }
}

/// Two entries may not write the same folder, nor folders that differ only in case.
fn check_collisions(entries: &[Entry], diags: &mut Diagnostics) {
    let mut seen: HashMap<(Lang, String), &Entry> = HashMap::new();
    for e in entries {
        for (lang, path) in &e.paths {
            let k = (lang.clone(), path.to_lowercase());
            if let Some(other) = seen.get(&k) {
                let file = |e: &Entry| {
                    e.sources
                        .get(lang)
                        .or_else(|| e.sources.values().next())
                        .map(|s| s.file.path.display().to_string())
                        .unwrap_or_default()
                };
                diags.push(
                    Diagnostic::error(
                        "path-collision",
                        format!(
                            "`{}` and `{}` would both be written to `/{lang}/{path}`",
                            file(other),
                            file(e)
                        ),
                    )
                    .in_file(file(e))
                    .with_hint("change one file's name or its `slug`"),
                );
            } else {
                seen.insert(k, e);
            }
        }
    }
}

/// The known value nearest to `word`, for "did you mean" hints.
pub fn closest<'a>(word: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min()
        .map(|(_, k)| k.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
