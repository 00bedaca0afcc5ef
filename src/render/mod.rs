//! Rendering: every entry in every language (its own text or an announced fallback), the root
//! language chooser, 404, sitemap, feeds and robots.txt, in parallel, into a [`Sink`].
//! Site-wide data is built once per language and shared by all its pages.

pub mod context;
pub mod functions;
mod lang_data;
pub mod links;
pub mod map;
mod static_files;
pub mod templates;
pub mod timeline;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use tera::{Context, Value};

use crate::config::SiteConfig;
use crate::content::{Content, Entry, EntryKind, markdown, pick_source};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::output::{LinkStyle, Sink, relativize};
use crate::theme::Theme;
use context::{Alternate, LangLink, PageFields, PageKind, PageView, Summary};
use lang_data::LangData;
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

/// Which pages a render writes.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The whole site.
    All,
    /// Only the pages of these entries (by index, in every language): what `serve` renders
    /// after an edit that changed nothing other pages show. And the status page, when it
    /// shows a stale translation's source hash, which a body edit changes.
    Entries {
        entries: &'a BTreeSet<usize>,
        status: bool,
    },
}

/// The data every page of a language reads, built once per render.
pub struct Prepared {
    langs: BTreeMap<Lang, LangData>,
}

impl Prepared {
    pub fn new(site: &Site<'_>) -> Prepared {
        Prepared {
            langs: site
                .config
                .languages
                .par_iter()
                .map(|lang| (lang.clone(), LangData::build(site, lang)))
                .collect(),
        }
    }

    /// Whether the summaries of `entries` (by index), computed again from `site`, are the
    /// ones prepared: then no page but the entries' own can show a difference.
    pub fn summaries_unchanged(&self, site: &Site<'_>, entries: &BTreeSet<usize>) -> bool {
        self.langs.iter().all(|(lang, data)| {
            entries.iter().all(|&i| {
                site.content.entries.get(i).is_some_and(|e| {
                    data.summaries.get(i) == Some(&lang_data::summary(site, e, lang))
                })
            })
        })
    }
}

/// One unit of independent work, so that large timeline pages, feeds and calendars run in
/// parallel with the entry pages instead of after them.
enum Job<'a> {
    Entry(usize, &'a Lang),
    /// A timeline page: the unfiltered one (`None`) or the filter at this position.
    Timeline(&'a Lang, Option<usize>),
    Calendar(&'a Lang),
    Feed(&'a Lang),
    Map(&'a Lang),
    Root,
    Robots,
    Sitemap,
    Status,
    Assets,
    Static,
}

pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<Rendered, Diagnostics> {
    render_scoped(site, &Prepared::new(site), sink, Scope::All)
}

/// Renders the pages of `scope` with data prepared before.
pub fn render_scoped(
    site: &Site<'_>,
    prepared: &Prepared,
    sink: &dyn Sink,
    scope: Scope<'_>,
) -> Result<Rendered, Diagnostics> {
    let lang_data = &prepared.langs;
    let config = site.config;
    let mut jobs: Vec<Job<'_>> = Vec::new();
    match scope {
        Scope::All => {
            // The longest jobs first, so that no core waits for one at the end.
            let outputs = config.outputs;
            for lang in &config.languages {
                if outputs.timeline {
                    let filters = lang_data[lang].filters.len();
                    jobs.push(Job::Timeline(lang, None));
                    jobs.extend((0..filters).map(|f| Job::Timeline(lang, Some(f))));
                }
                if outputs.calendar {
                    jobs.push(Job::Calendar(lang));
                }
                if outputs.feeds {
                    jobs.push(Job::Feed(lang));
                }
                jobs.push(Job::Map(lang));
            }
            jobs.extend([Job::Root, Job::Assets, Job::Static]);
            if outputs.sitemap {
                jobs.push(Job::Sitemap);
            }
            if outputs.robots {
                jobs.push(Job::Robots);
            }
            if config.status_page {
                jobs.push(Job::Status);
            }
            jobs.extend(
                (0..site.content.entries.len())
                    .flat_map(|i| config.languages.iter().map(move |l| Job::Entry(i, l))),
            );
        }
        Scope::Entries { entries, status } => {
            jobs.extend(
                entries
                    .iter()
                    .flat_map(|&i| config.languages.iter().map(move |l| Job::Entry(i, l))),
            );
            if status && config.status_page {
                jobs.push(Job::Status);
            }
        }
    }
    let one = |r: Result<usize, Diagnostic>| r.map_err(|d| vec![d]);
    // Short tasks (see `crate::par`): a large site's tag pages, all at the end of the list,
    // cost ten times an entry page.
    let results: Vec<(bool, Result<usize, Vec<Diagnostic>>)> = jobs
        .par_iter()
        .with_max_len(crate::par::TASK_LEN)
        .map(|job| match *job {
            Job::Entry(i, lang) => (
                true,
                render_entry(site, &lang_data[lang], i, lang, sink).map(|()| 1),
            ),
            Job::Timeline(lang, filter) => (
                false,
                one(timeline::render_page(
                    site,
                    &lang_data[lang],
                    lang,
                    filter,
                    sink,
                )),
            ),
            Job::Calendar(lang) => (
                false,
                one(timeline::render_calendar(
                    site,
                    &lang_data[lang].timeline,
                    lang,
                    sink,
                )),
            ),
            Job::Feed(lang) => (false, one(render_feed(site, &lang_data[lang], lang, sink))),
            Job::Map(lang) => (
                false,
                one(map::render_page(site, &lang_data[lang].site, lang, sink)),
            ),
            Job::Root => (false, one(render_root(site, lang_data, sink))),
            Job::Robots => (false, one(render_robots(site, lang_data, sink))),
            Job::Sitemap => (false, one(render_sitemap(site, sink))),
            Job::Status => (false, one(render_status(site, lang_data, sink))),
            Job::Assets => (false, one(copy_assets(site, sink))),
            Job::Static => {
                // Copies what it can and reports collisions and skipped links alike.
                let mut d = Diagnostics::default();
                let n = static_files::copy(site, sink, &mut d);
                (false, if d.0.is_empty() { Ok(n) } else { Err(d.0) })
            }
        })
        .collect();
    let mut diags = Diagnostics::default();
    let (mut pages, mut files) = (0, 0);
    for (is_entry, r) in results {
        match r {
            Ok(n) => {
                files += n;
                if is_entry {
                    pages += n;
                }
            }
            Err(d) => diags.extend(d),
        }
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
    let summary = &data.summaries[index];
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
    let institution = institution_id(entry);
    let fields = PageFields {
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
        institution: institution.map(str::to_string),
    };
    let mut page = page_value(data.summary_value(index), &fields);
    let (pages, subsections) = match entry.kind {
        EntryKind::Page => (
            Value::from(Vec::<Value>::new()),
            Value::from(Vec::<Value>::new()),
        ),
        _ => (
            data.list(data.section(&entry.key)),
            data.list(data.subsections(&entry.key)),
        ),
    };
    page.insert("pages".into(), pages);
    page.insert("subsections".into(), subsections);
    // Fields no template can read are left out: no template can tell.
    let reads = site.templates.page_reads;
    if reads.timeline {
        page.insert(
            "timeline".into(),
            Value::from(data.items(data.entry_items(index, institution))),
        );
    }
    if reads.related {
        let related: Vec<Value> = institution
            .map_or(&[][..], |id| data.related(id))
            .iter()
            .map(|&(i, role)| {
                let mut m = summary_map(data.summary_value(i), 1);
                m.insert("role".into(), Value::from(role));
                Value::from(m)
            })
            .collect();
        page.insert("related".into(), Value::from(related));
    }
    let md_len = md.html.len();
    page.insert("content".into(), Value::safe_string(&md.html));
    if reads.map
        && let Some(svg) = entry_map(site, data, entry, source, lang)
    {
        page.insert("map".into(), Value::safe_string(&svg));
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
    ctx.insert_value("page", Value::from(page));
    ctx.insert_value("site", data.site.clone());
    match render_bytes(site, &template, &ctx, md_len) {
        Ok(html) => {
            if !errors.is_empty() {
                return Err(errors);
            }
            let html = relativize(&html, &site.config.base_path, &dir, site.link_style);
            sink.write(&format!("{dir}index.html"), html)
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

/// A page's map: its entry's shared summary value with the page's own fields added.
fn page_value(summary: &Value, fields: &PageFields) -> tera::Map {
    // Room for the page's own fields and the lists, content and map that `render_entry`
    // adds. Only a size hint: a field added later costs one growth, not a wrong page.
    const PAGE_FIELDS: usize = 13;
    let mut page = summary_map(summary, PAGE_FIELDS);
    if let Some(own) = Value::from_serializable(fields).into_map() {
        page.extend(own);
    }
    page
}

/// A copy of a summary value's fields with room for `more`, so that adding a page's or a
/// list item's own fields does not grow it: a plain clone has no room to spare, and growing
/// it copied the fields once more (an institution page copies dozens of summaries). Copied
/// with `clone_from`, which keeps each key's hash instead of hashing the key again.
fn summary_map(summary: &Value, more: usize) -> tera::Map {
    let Some(fields) = summary.as_map() else {
        return tera::Map::new();
    };
    let mut map = tera::Map::with_capacity(fields.len() + more);
    map.clone_from(fields);
    map
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
        fields: PageFields {
            translations,
            alternates,
            canonical: site.links.permalink(&dir),
            ..PageFields::default()
        },
        events: Vec::new(),
        pages: Vec::new(),
        subsections: Vec::new(),
        timeline: Vec::new(),
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
            let mut ids: std::collections::BTreeSet<String> = data
                .related(id)
                .iter()
                .filter(|&&(_, role)| role != "events")
                .flat_map(|&(i, _)| {
                    let s = &data.summaries[i];
                    s.home.iter().chain(&s.partners).cloned()
                })
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

/// How many items `site.latest_events` holds.
pub(crate) const LATEST_EVENTS: usize = 8;

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
        .with_max_len(crate::par::TASK_LEN)
        .map(|(rel, src)| sink.copy(rel, src))
        .collect::<Result<Vec<()>, _>>()?;
    Ok(jobs.len())
}

pub(crate) fn render_builtin(
    site: &Site<'_>,
    name: &str,
    ctx: &Context,
) -> Result<Vec<u8>, Diagnostic> {
    render_bytes(site, name, ctx, 0).map_err(|e| site.templates.diagnostic(&e))
}

/// Renders template `name` into bytes. Tera writes only valid UTF-8 (it turns byte values
/// into text itself), so the page goes to disk as it is, without the check that rendering to
/// a `String` makes of every byte again.
fn render_bytes(
    site: &Site<'_>,
    name: &str,
    ctx: &Context,
    size_hint: usize,
) -> Result<Vec<u8>, tera::Error> {
    let mut out = Vec::with_capacity(size_hint + 8 * 1024);
    site.templates.tera.render_to(name, ctx, &mut out)?;
    Ok(out)
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
        relativize(&html, &site.config.base_path, "", site.link_style),
    )?;
    // 404.html is served at any depth, so its links stay absolute paths.
    let html = render_builtin(site, "404.html", &ctx)?;
    sink.write("404.html", html)?;
    Ok(2)
}

fn render_robots(
    site: &Site<'_>,
    data: &BTreeMap<Lang, LangData>,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let mut ctx = root_context(site, data);
    ctx.insert("sitemap", &site.config.outputs.sitemap);
    let robots = render_builtin(site, "robots.txt", &ctx)?;
    sink.write("robots.txt", robots)?;
    Ok(1)
}

#[derive(serde::Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<Alternate>,
}

fn render_sitemap(site: &Site<'_>, sink: &dyn Sink) -> Result<usize, Diagnostic> {
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
    sink.write("sitemap.xml", xml)?;
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
        relativize(&html, &site.config.base_path, "status/", site.link_style),
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
    let mut entries: Vec<(usize, &Summary)> = data
        .summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == PageKind::Page && !s.is_fallback && s.date.is_some())
        .collect();
    entries.sort_by(|(_, a), (_, b)| b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key)));
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
        .map(|&(i, s)| {
            let mut m = summary_map(data.summary_value(i), 1);
            m.insert("updated".into(), Value::from(stamp(s)));
            Value::from(m)
        })
        .collect();
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |&(_, s)| stamp(s));
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
    sink.write(&format!("{lang}/atom.xml"), xml)?;
    Ok(1)
}
