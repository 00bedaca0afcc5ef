//! The content model: entries (home, sections, pages) and their per-language sources, with
//! frontmatter resolved into plain typed data. No behaviour that needs I/O.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::dates::PartialDate;
use crate::diagnostic::{self, SourceText};
use crate::fs::Found;
use crate::lang::Lang;

/// What an entry is, from its file name: `_index.md` at the root, `_index.md` in a folder,
/// or any other Markdown file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Home,
    Section,
    Page,
}

/// Frontmatter after inheritance and validation.
#[derive(Debug, Clone, Serialize)]
pub struct Front {
    pub title: String,
    pub short_title: Option<String>,
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub summary: Option<String>,
    pub draft: bool,
    /// The validated `slug`, if the file set one.
    pub slug: Option<String>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    /// Where `template` is written: in this file, or in the default language's file that this
    /// translation inherits it from; so a problem with it is reported once, at that line.
    #[serde(skip)]
    pub template_at: Option<diagnostic::Location>,
    pub translated_from: Option<String>,
    pub tags: Vec<String>,
    pub home: Option<String>,
    pub partners: Vec<String>,
    pub website: Option<String>,
    pub location: Option<Location>,
    pub events: Vec<Event>,
    pub extra: toml::Table,
}

impl Front {
    /// The frontmatter of a page mosty adds itself (a section folder without `_index.md`).
    pub fn untitled(title: &str) -> Front {
        Front {
            title: title.to_string(),
            short_title: None,
            date: None,
            end: None,
            summary: None,
            draft: false,
            slug: None,
            weight: None,
            template: None,
            template_at: None,
            translated_from: None,
            tags: Vec::new(),
            home: None,
            partners: Vec::new(),
            website: None,
            location: None,
            events: Vec::new(),
            extra: toml::Table::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub city: Option<String>,
    pub precision: Option<String>,
}

/// A dated happening inside an entry (`[[events]]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub kind: String,
    pub title: String,
    pub summary: Option<String>,
    pub participants: BTreeMap<String, u32>,
    pub partners: Vec<String>,
    pub place: Option<String>,
}

/// One language's file of an entry.
#[derive(Debug, Clone)]
pub struct Source {
    pub lang: Lang,
    pub file: SourceText,
    /// Byte range of the Markdown body in `file.text`.
    pub body: Range<usize>,
    pub front: Front,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.file.text[self.body.clone()]
    }
}

/// One entry of the site: the same path in every language.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The content path without language, as written in links after `@/`:
    /// `projects/boskovice`, `projects`, or `` for the home page.
    pub key: String,
    pub kind: EntryKind,
    /// The key of the section this entry is listed in (`projects`), if any.
    pub section: Option<String>,
    /// The sources that exist, by language (drafts removed unless asked for).
    pub sources: BTreeMap<Lang, Source>,
    /// The output folder of the entry in each language (`projects/boskovice/`, `` for home),
    /// relative to the language folder.
    pub paths: BTreeMap<Lang, String>,
    /// Files beside a bundle's `index.md`, copied next to the page in every language.
    pub assets: Vec<Found>,
}

impl Entry {
    /// The last part of the URL (`boskovice`).
    pub fn slug(&self, lang: &Lang) -> &str {
        let p = self.paths.get(lang).map_or("", String::as_str);
        p.trim_end_matches('/').rsplit('/').next().unwrap_or("")
    }
}

/// Everything under `content/`, ordered by key.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub entries: Vec<Entry>,
    pub by_key: BTreeMap<String, usize>,
}

impl Content {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.by_key.get(key).map(|&i| &self.entries[i])
    }
}

/// Where a translation's content comes from in language `lang`: its own file, or the first
/// language of the fallback chain that has one.
pub fn pick_source<'a>(entry: &'a Entry, lang: &Lang, chain: &[Lang]) -> Option<&'a Source> {
    entry
        .sources
        .get(lang)
        .or_else(|| chain.iter().find_map(|l| entry.sources.get(l)))
}
