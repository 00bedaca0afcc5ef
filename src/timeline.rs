//! The timeline is built here: every dated item of the site — each entry's `[[events]]` and
//! the start and end of dated entries — in one language, in chronological order, grouped by
//! year, with the institutions and countries involved and the filters a reader can apply.
//! Formatting dates for readers is left to the templates (`date`, `date_range`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::{Content, EntryKind, PARTNERS_SECTION, pick_source};
use crate::dates::PartialDate;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;

/// What a milestone marks: the start or the end of a dated entry (a project).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Milestone {
    Start,
    End,
}

/// One dated item, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// An id unique on the site and stable across builds, used as the HTML anchor and in
    /// calendar UIDs: `projects-boskovice-e2`, `projects-boskovice-start`.
    pub id: String,
    pub entry_key: String,
    /// Position of the event in the entry's `[[events]]`; none for milestones.
    pub index: Option<usize>,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub year: i32,
    /// The event kind (`delegation`, ...), or `milestone`.
    pub kind: String,
    pub milestone: Option<Milestone>,
    pub title: String,
    pub summary: Option<String>,
    pub place: Option<String>,
    pub participants: BTreeMap<String, u32>,
    /// Institution ids involved: the event's own `partners`, else the entry's `home` and
    /// `partners`.
    pub partners: Vec<String>,
    /// ISO country codes of those institutions, sorted.
    pub countries: Vec<String>,
    /// The language of the words (differs from the page language on a fallback).
    pub content_lang: Lang,
    pub is_fallback: bool,
}

/// Which items a filtered timeline page shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "by", content = "value", rename_all = "lowercase")]
pub enum Filter {
    Kind(String),
    Country(String),
    Year(i32),
}

impl Filter {
    pub fn matches(&self, item: &Item) -> bool {
        match self {
            Filter::Kind(k) => &item.kind == k,
            Filter::Country(c) => item.countries.contains(c),
            Filter::Year(y) => item.year == *y,
        }
    }

    /// The page of the filter under the timeline folder: `kind/delegation/`, `2017/`.
    pub fn path(&self) -> String {
        match self {
            Filter::Kind(k) => format!("kind/{k}/"),
            Filter::Country(c) => format!("country/{}/", c.to_lowercase()),
            Filter::Year(y) => format!("{y}/"),
        }
    }

    /// Every filter that selects at least one item, with its count.
    pub fn all(items: &[Item]) -> Vec<(Filter, usize)> {
        let mut counts: BTreeMap<Filter, usize> = BTreeMap::new();
        for item in items {
            *counts.entry(Filter::Kind(item.kind.clone())).or_default() += 1;
            *counts.entry(Filter::Year(item.year)).or_default() += 1;
            for c in &item.countries {
                *counts.entry(Filter::Country(c.clone())).or_default() += 1;
            }
        }
        counts.into_iter().collect()
    }
}

/// An id segment from an entry key: `projects/boskovice` → `projects-boskovice`.
fn anchor_base(key: &str) -> String {
    let base: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if base.is_empty() { "home".into() } else { base }
}

/// Every dated item of the site in `lang`, in chronological order.
pub fn build(content: &Content, config: &SiteConfig, lang: &Lang) -> Vec<Item> {
    let chain = config.fallback_chain(lang);
    let countries_of = |ids: &[String]| -> Vec<String> {
        let set: BTreeSet<String> = ids
            .iter()
            .filter_map(|id| content.get(&format!("{PARTNERS_SECTION}/{id}")))
            .filter_map(|e| {
                e.sources
                    .values()
                    .next()?
                    .front
                    .location
                    .as_ref()?
                    .country
                    .clone()
            })
            .collect();
        set.into_iter().collect()
    };
    let mut items = Vec::new();
    for entry in &content.entries {
        let Some(source) = pick_source(entry, lang, chain) else {
            continue;
        };
        let f = &source.front;
        let base = anchor_base(&entry.key);
        let mut involved: Vec<String> = f.home.iter().cloned().collect();
        involved.extend(f.partners.iter().cloned());
        let is_fallback = &source.lang != lang;
        let item = |id: String, index, date, end, kind: &str, milestone, title: &str| Item {
            id,
            entry_key: entry.key.clone(),
            index,
            date,
            end,
            year: PartialDate::year(&date),
            kind: kind.to_string(),
            milestone,
            title: title.to_string(),
            summary: None,
            place: None,
            participants: BTreeMap::new(),
            partners: involved.clone(),
            countries: countries_of(&involved),
            content_lang: source.lang.clone(),
            is_fallback,
        };
        if entry.kind == EntryKind::Page && entry.section.as_deref() != Some(PARTNERS_SECTION) {
            if let Some(start) = f.date {
                items.push(item(
                    format!("{base}-start"),
                    None,
                    start,
                    None,
                    "milestone",
                    Some(Milestone::Start),
                    &f.title,
                ));
            }
            if let Some(end) = f.end {
                items.push(item(
                    format!("{base}-end"),
                    None,
                    end,
                    None,
                    "milestone",
                    Some(Milestone::End),
                    &f.title,
                ));
            }
        }
        for (i, ev) in f.events.iter().enumerate() {
            let partners = if ev.partners.is_empty() {
                involved.clone()
            } else {
                ev.partners.clone()
            };
            let mut it = item(
                format!("{base}-e{}", i + 1),
                Some(i),
                ev.date,
                ev.end,
                &ev.kind,
                None,
                &ev.title,
            );
            it.summary = ev.summary.clone();
            it.place = ev.place.clone();
            it.participants = ev.participants.clone();
            it.countries = countries_of(&partners);
            it.partners = partners;
            items.push(it);
        }
    }
    items.sort_by(|a, b| {
        a.date
            .first_day()
            .cmp(&b.date.first_day())
            .then_with(|| a.date.precision().cmp(&b.date.precision()))
            .then_with(|| a.milestone.is_none().cmp(&b.milestone.is_none()))
            .then_with(|| a.entry_key.cmp(&b.entry_key))
            .then_with(|| a.index.cmp(&b.index))
    });
    items
}

/// Warnings for events dated outside their entry's own range.
pub fn check(content: &Content, config: &SiteConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in &content.entries {
        let Some(source) = entry
            .sources
            .get(&config.default_language)
            .or_else(|| entry.sources.values().next())
        else {
            continue;
        };
        let f = &source.front;
        let Some(start) = f.date else { continue };
        let first = start.first_day();
        let last = f.end.map(|e| e.last_day());
        for ev in &f.events {
            let ev_end = ev.end.unwrap_or(ev.date).last_day();
            let before = ev.date.last_day() < first;
            let after = last.is_some_and(|l| ev.date.first_day() > l);
            if before || after {
                let what = if before {
                    "before the entry's `date`"
                } else {
                    "after the entry's `end`"
                };
                let _ = ev_end;
                out.push(
                    Diagnostic::warning(
                        "event-outside",
                        format!("event `{}` ({}) is {what}", ev.title, ev.date),
                    )
                    .in_file(&source.file.path)
                    .with_hint("correct the event's date or widen the entry's `date`/`end`"),
                );
            }
        }
    }
    out
}
