//! The template API: everything a theme can read, as plain serializable views. Changing a
//! field here is a breaking change for themes; each one is documented.
//!
//! Every template receives:
//!
//! | variable | what it is |
//! |---|---|
//! | `lang` | the language being rendered (`ru`) |
//! | `page` | a [`PageView`] (home, section and entry pages; absent in feeds and the root chooser) |
//! | `site` | the [`SiteView`] of the language, built once per language and shared |
//!
//! Functions: `t(key, lang?, default?, ...args)` formats a Fluent message (numbers stay
//! numbers, so plurals work; output is escaped; with `default=` a message missing in every
//! language gives that text instead of an error); `url(path, lang?)` gives the URL of `@/section/entry`,
//! of `@/` (the home page) or of a static file (`style.css`); `date_range(start, end?)` formats
//! a date range in the page's language.
//!
//! Filters: `date` formats a date (`2024-03-29`, `2017-11`, `2014`) in the page's language.

use serde::Serialize;

use crate::content::markdown::Heading;
use crate::content::{EntryKind, Event, Location};
use crate::dates::PartialDate;
use crate::lang::Lang;
use crate::timeline::{Filter, Item};

/// What kind of page is rendered: an entry's (`home`, `section`, `page`) or one mosty makes
/// (`timeline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Home,
    Section,
    Page,
    Timeline,
    Map,
}

impl From<EntryKind> for PageKind {
    fn from(k: EntryKind) -> Self {
        match k {
            EntryKind::Home => PageKind::Home,
            EntryKind::Section => PageKind::Section,
            EntryKind::Page => PageKind::Page,
        }
    }
}

/// What lists, cards and look-ups show of an entry (everything but its body).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// `home`, `section`, `page` or `timeline`.
    pub kind: PageKind,
    /// The content path, as in `@/` links: `projects/boskovice`; `` for the home page.
    pub key: String,
    /// The key of the section the entry is listed in (`projects`), `` for the home page.
    pub section: Option<String>,
    /// The last part of the URL.
    pub slug: String,
    /// The language the page is shown in.
    pub lang: Lang,
    /// The language its text is in (differs from `lang` on a fallback page).
    pub content_lang: Lang,
    /// True when the entry has no translation in `lang` and is shown from `content_lang`.
    pub is_fallback: bool,
    /// True when this translation's `translated_from` no longer matches its original (the
    /// default-language file changed since): themes show a notice linking to the original.
    pub is_stale: bool,
    pub title: String,
    pub short_title: Option<String>,
    pub summary: Option<String>,
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// The year of `date`, for grouping.
    pub year: Option<i32>,
    pub weight: Option<i64>,
    pub tags: Vec<String>,
    /// Institution id (a key under `partners/`, without the prefix).
    pub home: Option<String>,
    pub partners: Vec<String>,
    pub website: Option<String>,
    pub location: Option<Location>,
    /// The entry's `[[events]]` as written. Templates read them as `events`, the entry's
    /// timeline items in the order written, which `lang_data.rs` adds to every summary
    /// value so that lists and timelines share them.
    #[serde(skip)]
    pub events: Vec<Event>,
    pub extra: toml::Table,
    /// The page's URL path on the site (`/international/ru/projects/boskovice/`).
    pub url: String,
    /// The absolute URL (`https://college.example/international/ru/projects/boskovice/`).
    pub permalink: String,
}

/// A language version of the current page, for the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct LangLink {
    pub lang: Lang,
    /// The language's own name (`ქართული`), from its `language-name` message.
    pub name: String,
    pub url: String,
    pub permalink: String,
    /// True when that language shows this entry from a fallback language.
    pub is_fallback: bool,
    pub is_current: bool,
}

/// An `<link rel="alternate" hreflang>` target: only real translations.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: Lang,
    pub permalink: String,
}

/// The page being rendered: its summary fields, its own fields, and its lists. Entry pages
/// build the same map from values shared across the language (see `lang_data.rs`); mosty's
/// own pages (timeline, map) use this type.
///
/// `timeline`, `related` and `map` cost the most to make, so an entry page has them only when
/// some template can read them: when one names them (`page.related`, `page["map"]`) or uses
/// `page` as a whole (`page | json_encode`, `{% set p = page %}`, a macro argument). A
/// template cannot tell the difference (see `templates/reads.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    #[serde(flatten)]
    pub summary: Summary,
    #[serde(flatten)]
    pub fields: PageFields,
    /// On a section or the home page: the entries listed in it (weight, then newest first).
    pub pages: Vec<Summary>,
    /// On a section or the home page: its subsections.
    pub subsections: Vec<Summary>,
    /// The entry's own `[[events]]` in the order written, as timeline items (with `id`,
    /// `year` and `countries`; `partners` filled in from the entry where an event names
    /// none). Summaries in lists have them too.
    pub events: Vec<Item>,
    /// Dated items of this page: an entry's own events and milestones; on an institution's
    /// page, every item it took part in. Chronological; see [`crate::timeline::Item`].
    pub timeline: Vec<Item>,
    /// On an institution's page: the entries that name it, with its `role` there (`home`,
    /// `partner`, or `events` when only some of their events do). Newest first.
    pub related: Vec<Related>,
}

/// What only the page itself has (not its summary, not the lists it shows).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PageFields {
    /// The body as HTML (already safe; `{{ page.content }}` prints it as is).
    /// Besides: `page.map`, on a project's page the inline SVG map of its institutions, on
    /// an institution's page the map of it and the institutions it works with (absent when
    /// there is nothing to draw).
    pub content: String,
    /// The headings of the body, for a table of contents.
    pub toc: Vec<Heading>,
    /// Every site language, in `site.toml` order, for the switcher.
    pub translations: Vec<LangLink>,
    /// Real translations for `hreflang` links (the page itself included).
    pub alternates: Vec<Alternate>,
    /// The canonical URL: the page's own, or the source's on a fallback page.
    pub canonical: String,
    /// Files of the bundle, copied beside the page (names relative to the page).
    pub assets: Vec<String>,
    /// On an institution's page (`partners/<id>`): its id, as used in `home` and `partners`.
    pub institution: Option<String>,
}

/// An entry that names an institution, and how.
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    #[serde(flatten)]
    pub summary: Summary,
    pub role: &'static str,
}

/// A language of the site, for menus and the root language chooser.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLanguage {
    pub lang: Lang,
    pub name: String,
    /// The home page in that language.
    pub url: String,
    pub is_default: bool,
}

/// Site-wide data of one language, built once and shared by every page of that language.
/// Besides these fields, `site` has collections of values shared with every list:
///
/// | field | what it is |
/// |---|---|
/// | `site.pages` | every entry's [`Summary`] by key (`site.pages["partners/boskovice-vos"].title`) |
/// | `site.sections` | the entries listed in each section, by section key (`site.sections["projects"]`), weight then newest first |
/// | `site.tags` | entries by tag id, newest first |
/// | `site.latest_events` | the newest dated items of the site (events, not milestones), newest first |
/// | `site.map`, `site.map_url` | the compact inline SVG map of every institution, and the map page (both absent when the theme has no outlines) |
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub lang: Lang,
    pub default_language: Lang,
    pub languages: Vec<SiteLanguage>,
    pub base_url: String,
    pub base_path: String,
    /// The URL of this language's Atom feed (none when `[outputs] feeds = false`).
    pub feed_url: Option<String>,
    /// The URL of this language's timeline page (none when `[outputs] timeline = false`).
    pub timeline_url: Option<String>,
    /// The URL of this language's iCalendar file of every dated item (none when
    /// `[outputs] calendar = false`).
    pub calendar_url: Option<String>,
}

/// On timeline pages (`timeline.html`), besides `page` and `site`:
/// `timeline` — the years shown, each `{ year, items }`; `filters` — every filter with its
/// `by` (`kind`, `country`, `year`), `value`, `count`, `url` and `active`; `filter` — the
/// active filter or none; `all_url` — the unfiltered timeline.
#[derive(Debug, Clone, Serialize)]
pub struct FilterLink {
    #[serde(flatten)]
    pub filter: Filter,
    pub count: usize,
    pub url: String,
    pub active: bool,
}
