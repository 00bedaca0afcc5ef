//! The timeline is built here: every dated item of the site — each entry's `[[events]]` and
//! the start and end of dated entries — in one language, in chronological order, grouped by
//! year, with the institutions and countries involved and the filters a reader can apply.
//! Formatting dates for readers is left to the templates (`date`, `date_range`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
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
    /// The entry's position in `Content::entries`.
    #[serde(skip)]
    pub entry: usize,
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

    /// Every filter that selects at least one item, with its count, in `Filter` order.
    pub fn all(items: &[Item]) -> Vec<(Filter, usize)> {
        // Counted by borrowed keys: a key cloned for every item was most of the work.
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut countries: BTreeMap<&str, usize> = BTreeMap::new();
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        for item in items {
            *kinds.entry(&item.kind).or_default() += 1;
            *years.entry(item.year).or_default() += 1;
            for c in &item.countries {
                *countries.entry(c).or_default() += 1;
            }
        }
        let kinds = kinds.into_iter().map(|(k, n)| (Filter::Kind(k.into()), n));
        let countries = countries
            .into_iter()
            .map(|(c, n)| (Filter::Country(c.into()), n));
        let years = years.into_iter().map(|(y, n)| (Filter::Year(y), n));
        // The variants' order, as `Filter`'s derived `Ord` sorts them.
        kinds.chain(countries).chain(years).collect()
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
    let items = entry_by_entry(content, config, lang);
    let order = chronological(&items);
    reorder(items, &order)
}

/// Every dated item of the site in `lang`, entry by entry. A large site's items are best made
/// and read in this order, where each entry's text lies together in memory, and put in
/// chronological order only at the end ([`chronological`]).
pub(crate) fn entry_by_entry(content: &Content, config: &SiteConfig, lang: &Lang) -> Vec<Item> {
    let chain = config.fallback_chain(lang);
    let country = countries_by_partner(content);
    let countries_of = |ids: &[String]| -> Vec<String> {
        let set: BTreeSet<&str> = ids
            .iter()
            .filter_map(|id| country.get(id.as_str()).copied())
            .collect();
        set.into_iter().map(str::to_string).collect()
    };
    content
        .entries
        .par_iter()
        .with_max_len(crate::par::TASK_LEN)
        .enumerate()
        .flat_map_iter(|(index, entry)| {
            let mut items = Vec::new();
            let Some(source) = pick_source(entry, lang, chain) else {
                return items;
            };
            let f = &source.front;
            let base = anchor_base(&entry.key);
            let involved: Vec<String> = f.home.iter().chain(&f.partners).cloned().collect();
            let is_fallback = &source.lang != lang;
            let item = |id: String, date: PartialDate, kind: &str, title: &str| Item {
                id,
                entry_key: entry.key.clone(),
                entry: index,
                index: None,
                date,
                end: None,
                year: date.year(),
                kind: kind.to_string(),
                milestone: None,
                title: title.to_string(),
                summary: None,
                place: None,
                participants: BTreeMap::new(),
                partners: involved.clone(),
                countries: countries_of(&involved),
                content_lang: source.lang.clone(),
                is_fallback,
            };
            let is_project =
                entry.kind == EntryKind::Page && entry.section.as_deref() != Some(PARTNERS_SECTION);
            if is_project {
                let milestones = [
                    (f.date, Milestone::Start, "start"),
                    (f.end, Milestone::End, "end"),
                ];
                for (date, milestone, suffix) in milestones {
                    if let Some(date) = date {
                        let mut it = item(format!("{base}-{suffix}"), date, "milestone", &f.title);
                        it.milestone = Some(milestone);
                        items.push(it);
                    }
                }
            }
            for (i, ev) in f.events.iter().enumerate() {
                let mut it = item(format!("{base}-e{}", i + 1), ev.date, &ev.kind, &ev.title);
                it.index = Some(i);
                it.end = ev.end;
                it.summary = ev.summary.clone();
                it.place = ev.place.clone();
                it.participants = ev.participants.clone();
                if !ev.partners.is_empty() {
                    it.countries = countries_of(&ev.partners);
                    it.partners = ev.partners.clone();
                }
                items.push(it);
            }
            items
        })
        .collect()
}

/// Where an item goes in chronological order: by first day, coarse dates before fine ones,
/// milestones before events, then by entry (in key order) and by place in the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct SortKey {
    first_day: PartialDate,
    precision: crate::dates::Precision,
    is_event: bool,
    entry: usize,
    place: usize,
}

impl SortKey {
    pub(crate) fn of(item: &Item) -> SortKey {
        let place = match (item.milestone, item.index) {
            (Some(Milestone::Start), _) => 0,
            (Some(Milestone::End), _) => 1,
            (None, index) => 2 + index.unwrap_or(0),
        };
        SortKey {
            first_day: item.date.first_day(),
            precision: item.date.precision(),
            is_event: item.milestone.is_none(),
            entry: item.entry,
            place,
        }
    }

    /// The item's entry, by position in `Content::entries`.
    pub(crate) fn entry(&self) -> usize {
        self.entry
    }

    /// Whether the item is one of its entry's `[[events]]`, not a milestone.
    pub(crate) fn is_event(&self) -> bool {
        self.is_event
    }
}

/// The positions of `items` in chronological order (see [`SortKey`]).
pub(crate) fn chronological(items: &[Item]) -> Vec<usize> {
    in_order(items.iter().map(SortKey::of).collect())
}

/// The positions of `keys` in the order they sort in.
pub(crate) fn in_order(keys: Vec<SortKey>) -> Vec<usize> {
    let mut keyed: Vec<(SortKey, usize)> = keys.into_iter().zip(0..).collect();
    keyed.par_sort_unstable();
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// `items` moved into the order of `order`, a permutation of their positions.
pub(crate) fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&n| items[n].take()).collect()
}

/// The country code of each institution that has one, by id (`partners/<id>`).
fn countries_by_partner(content: &Content) -> HashMap<&str, &str> {
    let prefix = format!("{PARTNERS_SECTION}/");
    content
        .entries
        .iter()
        .filter_map(|e| {
            let id = e.key.strip_prefix(&prefix)?;
            let country = e
                .sources
                .values()
                .next()?
                .front
                .location
                .as_ref()?
                .country
                .as_deref()?;
            Some((id, country))
        })
        .collect()
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
