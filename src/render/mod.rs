//! Rendering: every entry in every language (its own text or an announced fallback), the root
//! language chooser, 404, sitemap, feeds and robots.txt, in parallel, into a [`Sink`].
//! Site-wide data is built once per language and shared by all its pages.

pub mod context;
pub mod functions;
pub mod links;
pub mod map;
mod static_files;
pub mod templates;
pub mod timeline;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Value};

use crate::config::SiteConfig;
use crate::content::{Content, Entry, EntryKind, markdown, pick_source};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::output::{LinkStyle, Sink, relativize};
use crate::theme::Theme;
use context::{Alternate, LangLink, PageKind, PageView, SiteLanguage, SiteView, Summary};
use links::Links;
pub use templates::Templates;

/// Everything the render stage reads.
pub struct Site<'a> {
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub locales: &'a Locales,
    pub links: &'a Links,
    pub templates: &'a Templates,
    pub theme: &'a Theme,
    pub link_style: LinkStyle,
    /// The country outlines for maps, when the theme or the site has them.
    pub outlines: Option<&'a crate::map::Outlines>,
}

/// What was rendered, for the summary line.
#[derive(Debug, Default, Clone)]
pub struct Rendered {
    pub pages: usize,
    pub files: usize,
    /// Problems that do not stop the build (symbolic links skipped in `static/`).
    pub warnings: Vec<Diagnostic>,
}

/// The shared per-language data: summaries of every entry and the site view.
struct LangData {
    summaries: Vec<Summary>,
    timeline: Vec<crate::timeline::Item>,
    /// Positions in `timeline` by entry key and by institution id, so that a page finds its
    /// items without scanning the whole timeline (which made large sites quadratic).
    timeline_by_entry: std::collections::HashMap<String, Vec<usize>>,
    timeline_by_partner: std::collections::HashMap<String, Vec<usize>>,
    site: Value,
    sections: BTreeMap<String, Vec<Summary>>,
}

pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<Rendered, Diagnostics> {
    let config = site.config;
    let lang_data: BTreeMap<Lang, LangData> = config
        .languages
        .par_iter()
        .map(|lang| (lang.clone(), lang_data(site, lang)))
        .collect();

    let jobs: Vec<(usize, &Lang)> = (0..site.content.entries.len())
        .flat_map(|i| config.languages.iter().map(move |l| (i, l)))
        .collect();
    let results: Vec<Result<(), Vec<Diagnostic>>> = jobs
        .par_iter()
        .map(|&(i, lang)| render_entry(site, &lang_data[lang], i, lang, sink))
        .collect();
    let mut diags = Diagnostics::default();
    let mut pages = 0;
    for r in results {
        match r {
            Ok(()) => pages += 1,
            Err(d) => diags.extend(d),
        }
    }

    let mut files = pages;
    files += static_files::copy(site, sink, &mut diags);
    let mut extra = |r: Result<usize, Diagnostic>| match r {
        Ok(n) => files += n,
        Err(d) => diags.push(d),
    };
    extra(copy_assets(site, sink));
    extra(render_root(site, &lang_data, sink));
    extra(render_sitemap(site, &lang_data, sink));
    if site.config.status_page {
        extra(render_status(site, &lang_data, sink));
    }
    for lang in &config.languages {
        let data = &lang_data[lang];
        extra(render_feed(site, data, lang, sink));
        extra(timeline::render_pages(
            site,
            &data.timeline,
            &data.site,
            lang,
            sink,
        ));
        extra(timeline::render_calendar(site, &data.timeline, lang, sink));
        extra(map::render_page(site, &data.site, lang, sink));
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(Rendered {
        pages,
        files,
        warnings: diags.0,
    })
}

pub(crate) fn lang_name(site: &Site<'_>, lang: &Lang) -> String {
    site.locales
        .own(lang, "language-name")
        .unwrap_or_else(|| lang.as_str().to_string())
}

fn summary(site: &Site<'_>, entry: &Entry, lang: &Lang) -> Summary {
    let chain = site.config.fallback_chain(lang);
    let source = pick_source(entry, lang, chain).expect("an entry has at least one source");
    let dir = site.links.entry_dir(&entry.key, lang).unwrap_or_default();
    let f = &source.front;
    Summary {
        kind: entry.kind.into(),
        key: entry.key.clone(),
        section: entry.section.clone(),
        slug: entry.slug(lang).to_string(),
        lang: lang.clone(),
        content_lang: source.lang.clone(),
        is_fallback: &source.lang != lang,
        is_stale: matches!(
            crate::stale::translation_state(entry, lang, &site.config.default_language),
            crate::stale::TranslationState::Stale { .. }
        ),
        title: f.title.clone(),
        short_title: f.short_title.clone(),
        summary: f.summary.clone(),
        date: f.date,
        end: f.end,
        year: f.date.map(|d| d.year()),
        weight: f.weight,
        tags: f.tags.clone(),
        home: f.home.clone(),
        partners: f.partners.clone(),
        website: f.website.clone(),
        location: f.location.clone(),
        events: f.events.clone(),
        extra: f.extra.clone(),
        url: site.links.href(dir),
        permalink: site.links.permalink(dir),
    }
}

/// Weight first (entries without one last), then newest first, then title.
fn list_order(a: &Summary, b: &Summary) -> std::cmp::Ordering {
    let w = |s: &Summary| (s.weight.is_none(), s.weight);
    w(a).cmp(&w(b))
        .then_with(|| b.date.cmp(&a.date))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.key.cmp(&b.key))
}

fn lang_data(site: &Site<'_>, lang: &Lang) -> LangData {
    let summaries: Vec<Summary> = site
        .content
        .entries
        .iter()
        .map(|e| summary(site, e, lang))
        .collect();
    let timeline = crate::timeline::build(site.content, site.config, lang);
    let mut latest_events: Vec<crate::timeline::Item> = timeline
        .iter()
        .filter(|i| i.milestone.is_none())
        .cloned()
        .collect();
    latest_events.reverse();
    latest_events.truncate(LATEST_EVENTS);
    let mut sections: BTreeMap<String, Vec<Summary>> = BTreeMap::new();
    let mut tags: BTreeMap<String, Vec<Summary>> = BTreeMap::new();
    for s in &summaries {
        if let Some(section) = &s.section
            && s.kind == PageKind::Page
        {
            sections.entry(section.clone()).or_default().push(s.clone());
        }
        for t in &s.tags {
            tags.entry(t.clone()).or_default().push(s.clone());
        }
    }
    for list in sections.values_mut() {
        list.sort_by(list_order);
    }
    for list in tags.values_mut() {
        list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key)));
    }
    let languages = site
        .config
        .languages
        .iter()
        .map(|l| SiteLanguage {
            lang: l.clone(),
            name: lang_name(site, l),
            url: site.links.href(&format!("{l}/")),
            is_default: *l == site.config.default_language,
        })
        .collect();
    let view = SiteView {
        lang: lang.clone(),
        default_language: site.config.default_language.clone(),
        languages,
        base_url: site.config.base_url.clone(),
        base_path: site.config.base_path.clone(),
        pages: summaries
            .iter()
            .map(|s| (s.key.clone(), s.clone()))
            .collect(),
        sections: sections.clone(),
        tags,
        feed_url: site.links.href(&format!("{lang}/atom.xml")),
        timeline_url: site.links.href(&format!("{lang}/timeline/")),
        calendar_url: site.links.href(&format!("{lang}/events.ics")),
        latest_events,
    };
    let mut site_value = Value::from_serializable(&view)
        .into_map()
        .unwrap_or_default();
    if let Some(svg) = map::svg(site, lang, None, "map-home", true) {
        site_value.insert("map".into(), Value::safe_string(&svg));
        site_value.insert(
            "map_url".into(),
            Value::from(site.links.href(&format!("{lang}/map/"))),
        );
    }
    let mut timeline_by_entry: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let mut timeline_by_partner: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, item) in timeline.iter().enumerate() {
        timeline_by_entry
            .entry(item.entry_key.clone())
            .or_default()
            .push(i);
        for p in &item.partners {
            timeline_by_partner.entry(p.clone()).or_default().push(i);
        }
    }
    LangData {
        summaries,
        timeline,
        timeline_by_entry,
        timeline_by_partner,
        site: Value::from(site_value),
        sections,
    }
}

fn template_for(site: &Site<'_>, entry: &Entry, explicit: Option<&str>) -> Result<String, String> {
    let mut candidates: Vec<String> = Vec::new();
    if let Some(t) = explicit {
        candidates.push(t.to_string());
    } else {
        let section = entry.section.as_deref().unwrap_or("");
        match entry.kind {
            EntryKind::Home => candidates.extend(["index.html".into(), "section.html".into()]),
            EntryKind::Section => {
                candidates.push(format!("{}/section.html", entry.key));
                candidates.push("section.html".into());
            }
            EntryKind::Page => {
                if !section.is_empty() {
                    candidates.push(format!("{section}/page.html"));
                }
                candidates.push("page.html".into());
            }
        }
    }
    candidates
        .iter()
        .find(|c| site.templates.exists(c))
        .cloned()
        .ok_or_else(|| {
            format!(
                "no template to render it with: looked for {} in templates/ and themes/{}/templates/",
                candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "),
                site.config.theme
            )
        })
}

fn render_entry(
    site: &Site<'_>,
    data: &LangData,
    index: usize,
    lang: &Lang,
    sink: &dyn Sink,
) -> Result<(), Vec<Diagnostic>> {
    let entry = &site.content.entries[index];
    let chain = site.config.fallback_chain(lang);
    let source = pick_source(entry, lang, chain).expect("an entry has at least one source");
    let summary = data.summaries[index].clone();
    let dir = site
        .links
        .entry_dir(&entry.key, lang)
        .unwrap_or_default()
        .to_string();

    let md = markdown::render(source.body(), &|target| {
        site.links.resolve_entry(target, lang)
    });
    let mut errors: Vec<Diagnostic> = md
        .link_errors
        .iter()
        .map(|e| {
            let start = source.body.start + e.span.start;
            Diagnostic::error("link-unknown", e.message.clone())
                .at(&source.file, start..source.body.start + e.span.end)
        })
        .collect();

    let translations = site
        .config
        .languages
        .iter()
        .map(|l| {
            let d = site.links.entry_dir(&entry.key, l).unwrap_or_default();
            LangLink {
                lang: l.clone(),
                name: lang_name(site, l),
                url: site.links.href(d),
                permalink: site.links.permalink(d),
                is_fallback: !entry.sources.contains_key(l),
                is_current: l == lang,
            }
        })
        .collect::<Vec<_>>();
    let alternates = translations
        .iter()
        .filter(|t| !t.is_fallback)
        .map(|t| Alternate {
            lang: t.lang.clone(),
            permalink: t.permalink.clone(),
        })
        .collect();
    let canonical = site
        .links
        .entry_dir(&entry.key, &source.lang)
        .map_or_else(|| summary.permalink.clone(), |d| site.links.permalink(d));
    let (pages, subsections) = match entry.kind {
        EntryKind::Page => (Vec::new(), Vec::new()),
        _ => {
            let pages = data.sections.get(&entry.key).cloned().unwrap_or_default();
            let mut subs: Vec<Summary> = data
                .summaries
                .iter()
                .filter(|s| {
                    s.kind == PageKind::Section && s.section.as_deref() == Some(entry.key.as_str())
                })
                .cloned()
                .collect();
            subs.sort_by(list_order);
            (pages, subs)
        }
    };
    let view = PageView {
        summary,
        content: String::new(),
        toc: md.toc,
        translations,
        alternates,
        canonical,
        assets: entry
            .assets
            .iter()
            .filter_map(|a| asset_rel(entry, a))
            .collect(),
        pages,
        subsections,
        timeline: entry_timeline(data, entry),
        institution: institution_id(entry).map(str::to_string),
        related: institution_id(entry).map_or_else(Vec::new, |id| related(&data.summaries, id)),
    };
    let mut page_value = Value::from_serializable(&view)
        .into_map()
        .unwrap_or_default();
    page_value.insert("content".into(), Value::safe_string(&md.html));
    if let Some(svg) = entry_map(site, data, entry, source, lang) {
        page_value.insert("map".into(), Value::safe_string(&svg));
    }

    let template = match template_for(site, entry, source.front.template.as_deref()) {
        Ok(t) => t,
        Err(m) => {
            let d = Diagnostic::error("template-missing", m);
            errors.push(match &source.front.template_at {
                Some(at) => d.at(&at.source, at.span.clone()),
                None => d.in_file(&source.file.path),
            });
            return Err(errors);
        }
    };
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());
    ctx.insert_value("page", Value::from(page_value));
    ctx.insert_value("site", data.site.clone());
    match site.templates.tera.render(&template, &ctx) {
        Ok(html) => {
            if !errors.is_empty() {
                return Err(errors);
            }
            let html = relativize(&html, &site.config.base_path, &dir, site.link_style);
            sink.write(&format!("{dir}index.html"), html.into_bytes())
                .map_err(|d| vec![d])
        }
        Err(e) => {
            let d = site.templates.diagnostic(&e);
            let position = source.file.path.display();
            errors.push(Diagnostic {
                message: format!("{} (while rendering {position} in `{lang}`)", d.message),
                ..d
            });
            Err(errors)
        }
    }
}

/// A page mosty makes itself, with the same fields templates read on entry pages.
pub(crate) fn generated_page(
    site: &Site<'_>,
    lang: &Lang,
    kind: PageKind,
    dir_of: &dyn Fn(&Lang) -> String,
    title: String,
) -> PageView {
    let key = match kind {
        PageKind::Map => "map",
        _ => "timeline",
    };
    let dir = dir_of(lang);
    let translations = site
        .config
        .languages
        .iter()
        .map(|l| LangLink {
            lang: l.clone(),
            name: lang_name(site, l),
            url: site.links.href(&dir_of(l)),
            permalink: site.links.permalink(&dir_of(l)),
            is_fallback: false,
            is_current: l == lang,
        })
        .collect::<Vec<_>>();
    let alternates = translations
        .iter()
        .map(|t| Alternate {
            lang: t.lang.clone(),
            permalink: t.permalink.clone(),
        })
        .collect();
    PageView {
        summary: Summary {
            kind,
            key: key.to_string(),
            section: Some(String::new()),
            slug: key.to_string(),
            lang: lang.clone(),
            content_lang: lang.clone(),
            is_fallback: false,
            is_stale: false,
            title,
            short_title: None,
            summary: None,
            date: None,
            end: None,
            year: None,
            weight: None,
            tags: Vec::new(),
            home: None,
            partners: Vec::new(),
            website: None,
            location: None,
            events: Vec::new(),
            extra: toml::Table::new(),
            url: site.links.href(&dir),
            permalink: site.links.permalink(&dir),
        },
        content: String::new(),
        toc: Vec::new(),
        translations,
        alternates,
        canonical: site.links.permalink(&dir),
        assets: Vec::new(),
        pages: Vec::new(),
        subsections: Vec::new(),
        timeline: Vec::new(),
        institution: None,
        related: Vec::new(),
    }
}

/// The map of a project's institutions (home and partners), or of an institution and the
/// institutions it works with.
fn entry_map(
    site: &Site<'_>,
    data: &LangData,
    entry: &Entry,
    source: &crate::content::Source,
    lang: &Lang,
) -> Option<String> {
    site.outlines?;
    if entry.kind != EntryKind::Page {
        return None;
    }
    let mut ids: std::collections::BTreeSet<String> = match institution_id(entry) {
        Some(id) => {
            let mut ids: std::collections::BTreeSet<String> = related(&data.summaries, id)
                .into_iter()
                .filter(|r| r.role != "events")
                .flat_map(|r| r.summary.home.into_iter().chain(r.summary.partners))
                .collect();
            ids.insert(id.to_string());
            ids
        }
        None => source
            .front
            .home
            .iter()
            .chain(&source.front.partners)
            .cloned()
            .collect(),
    };
    ids.retain(|id| {
        site.content
            .get(&format!("{}/{id}", crate::content::PARTNERS_SECTION))
            .is_some()
    });
    if ids.is_empty() {
        return None;
    }
    map::svg(site, lang, Some(&ids), "map-page", true)
}

/// The id of an institution's entry (`partners/<id>`).
fn institution_id(entry: &Entry) -> Option<&str> {
    (entry.kind == EntryKind::Page)
        .then(|| {
            entry
                .key
                .strip_prefix(crate::content::PARTNERS_SECTION)?
                .strip_prefix('/')
        })
        .flatten()
}

/// Entries that name institution `id`, newest first.
fn related(summaries: &[Summary], id: &str) -> Vec<context::Related> {
    let mut out: Vec<context::Related> = summaries
        .iter()
        .filter(|s| s.kind == PageKind::Page)
        .filter_map(|s| {
            let role = if s.home.as_deref() == Some(id) {
                "home"
            } else if s.partners.iter().any(|p| p == id) {
                "partner"
            } else if s.events.iter().any(|e| e.partners.iter().any(|p| p == id)) {
                "events"
            } else {
                return None;
            };
            Some(context::Related {
                summary: s.clone(),
                role,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.summary
            .date
            .cmp(&a.summary.date)
            .then_with(|| a.summary.key.cmp(&b.summary.key))
    });
    out
}

/// How many items `site.latest_events` holds.
const LATEST_EVENTS: usize = 8;

/// An entry's own items; for an institution, every item it took part in.
fn entry_timeline(data: &LangData, entry: &Entry) -> Vec<crate::timeline::Item> {
    let index = match institution_id(entry) {
        Some(id) => data.timeline_by_partner.get(id),
        None => data.timeline_by_entry.get(&entry.key),
    };
    index
        .into_iter()
        .flatten()
        .map(|&i| data.timeline[i].clone())
        .collect()
}

/// A bundle file's path relative to the bundle folder.
fn asset_rel(entry: &Entry, asset: &crate::fs::Found) -> Option<String> {
    let bundle_depth = if entry.key.is_empty() {
        0
    } else {
        entry.key.split('/').count()
    };
    let parts: Vec<String> = asset
        .rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (parts.len() > bundle_depth).then(|| parts[bundle_depth..].join("/"))
}

fn copy_assets(site: &Site<'_>, sink: &dyn Sink) -> Result<usize, Diagnostic> {
    let jobs: Vec<(String, &Path)> = site
        .content
        .entries
        .iter()
        .flat_map(|e| {
            e.assets
                .iter()
                .filter_map(move |a| asset_rel(e, a).map(|r| (e, a, r)))
        })
        .flat_map(|(e, a, rel)| {
            site.config.languages.iter().filter_map(move |l| {
                let dir = site.links.entry_dir(&e.key, l)?;
                Some((format!("{dir}{rel}"), a.path.as_path()))
            })
        })
        .collect();
    jobs.par_iter()
        .map(|(rel, src)| sink.copy(rel, src))
        .collect::<Result<Vec<()>, _>>()?;
    Ok(jobs.len())
}

pub(crate) fn render_builtin(
    site: &Site<'_>,
    name: &str,
    ctx: &Context,
) -> Result<String, Diagnostic> {
    site.templates
        .tera
        .render(name, ctx)
        .map_err(|e| site.templates.diagnostic(&e))
}

fn root_context(site: &Site<'_>, data: &BTreeMap<Lang, LangData>) -> Context {
    let default = &site.config.default_language;
    let mut ctx = Context::new();
    ctx.insert("lang", default.as_str());
    ctx.insert_value("site", data[default].site.clone());
    ctx
}

/// `/index.html` (language chooser) and `/404.html`.
fn render_root(
    site: &Site<'_>,
    data: &BTreeMap<Lang, LangData>,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let ctx = root_context(site, data);
    let html = render_builtin(site, "root.html", &ctx)?;
    sink.write(
        "index.html",
        relativize(&html, &site.config.base_path, "", site.link_style).into_bytes(),
    )?;
    // 404.html is served at any depth, so its links stay absolute paths.
    let html = render_builtin(site, "404.html", &ctx)?;
    sink.write("404.html", html.into_bytes())?;
    let robots = render_builtin(site, "robots.txt", &ctx)?;
    sink.write("robots.txt", robots.into_bytes())?;
    Ok(3)
}

#[derive(serde::Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<Alternate>,
}

fn render_sitemap(
    site: &Site<'_>,
    _data: &BTreeMap<Lang, LangData>,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let mut urls = Vec::new();
    for entry in &site.content.entries {
        let alternates: Vec<Alternate> = site
            .config
            .languages
            .iter()
            .filter(|l| entry.sources.contains_key(*l))
            .filter_map(|l| {
                Some(Alternate {
                    lang: l.clone(),
                    permalink: site.links.permalink(site.links.entry_dir(&entry.key, l)?),
                })
            })
            .collect();
        for a in &alternates {
            urls.push(SitemapUrl {
                loc: a.permalink.clone(),
                alternates: alternates.clone(),
            });
        }
    }
    let mut ctx = Context::new();
    ctx.insert("lang", site.config.default_language.as_str());
    ctx.insert("urls", &urls);
    ctx.insert("x_default", &site.config.base_url);
    let xml = render_builtin(site, "sitemap.xml", &ctx)?;
    sink.write("sitemap.xml", xml.into_bytes())?;
    Ok(1)
}

/// `/status/`: translation coverage of every language, for translators and coordinators.
fn render_status(
    site: &Site<'_>,
    data: &BTreeMap<Lang, LangData>,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let report =
        crate::status::StatusReport::compute(site.root, site.config, site.content, site.theme);
    let mut ctx = root_context(site, data);
    ctx.insert("status", &report);
    let html = render_builtin(site, "status.html", &ctx)?;
    sink.write(
        "status/index.html",
        relativize(&html, &site.config.base_path, "status/", site.link_style).into_bytes(),
    )?;
    Ok(1)
}

/// How many entries a language's Atom feed carries.
const FEED_LIMIT: usize = 50;

fn render_feed(
    site: &Site<'_>,
    data: &LangData,
    lang: &Lang,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let mut entries: Vec<&Summary> = data
        .summaries
        .iter()
        .filter(|s| s.kind == PageKind::Page && !s.is_fallback && s.date.is_some())
        .collect();
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key)));
    entries.truncate(FEED_LIMIT);
    let stamp = |s: &Summary| {
        let (y, m, d) = s.date.map_or((1970, 1, 1), |d| {
            let f = d.first_day();
            (f.year(), f.month().unwrap_or(1), f.day().unwrap_or(1))
        });
        format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
    };
    let items: Vec<Value> = entries
        .iter()
        .map(|s| {
            let mut m = Value::from_serializable(*s).into_map().unwrap_or_default();
            m.insert("updated".into(), Value::from(stamp(s)));
            Value::from(m)
        })
        .collect();
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |s| stamp(s));
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());
    ctx.insert_value("site", data.site.clone());
    ctx.insert_value("entries", Value::from(items));
    ctx.insert("updated", &updated);
    ctx.insert(
        "feed_permalink",
        &site.links.permalink(&format!("{lang}/atom.xml")),
    );
    ctx.insert("home_permalink", &site.links.permalink(&format!("{lang}/")));
    let xml = render_builtin(site, "atom.xml", &ctx)?;
    sink.write(&format!("{lang}/atom.xml"), xml.into_bytes())?;
    Ok(1)
}

/// Kept for callers that need a page's language data outside a build.
pub fn shared<T>(v: T) -> Arc<T> {
    Arc::new(v)
}
