//! The site-wide data of one language, built once and shared by every page of it: each
//! entry's summary and each timeline item, typed (so that `serve` can tell whether an edit
//! changed anything other pages show) and converted to a Tera value once. Tera values are
//! reference-counted, so `site.pages`, `site.sections`, `site.tags`, section lists and
//! timelines all point at the same few thousand values instead of copying them per page.

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::Value;

use super::context::{PageKind, SiteLanguage, SiteView, Summary};
use super::{LATEST_EVENTS, Site, lang_name, map};
use crate::content::{Entry, pick_source};
use crate::lang::Lang;
use crate::timeline::{Filter, Item, SortKey};

pub(crate) struct LangData {
    /// By entry index (the order of `Content::entries`).
    pub summaries: Vec<Summary>,
    summary_values: Vec<Value>,
    /// Empty when neither timeline pages nor the calendar are written.
    pub timeline: Vec<Item>,
    item_values: Vec<Value>,
    /// Positions in date order (in `item_values`, and in `timeline` when it is kept) by entry
    /// index and by institution id, so that a page finds its items without scanning the
    /// whole timeline (which made large sites quadratic).
    timeline_by_entry: Vec<Vec<usize>>,
    timeline_by_partner: BTreeMap<String, Vec<usize>>,
    /// Entries that name each institution, with its role there, newest first.
    related: BTreeMap<String, Vec<(usize, &'static str)>>,
    /// Every timeline filter that selects something, with its count; empty when no timeline
    /// pages are written.
    pub filters: Vec<(Filter, usize)>,
    /// Positions in date order of the latest events (not milestones), newest first.
    latest: Vec<usize>,
    /// Entry indices listed in each section, in list order.
    sections: BTreeMap<String, Vec<usize>>,
    /// Subsection indices of each section, in list order.
    subsections: BTreeMap<String, Vec<usize>>,
    pub site: Value,
}

impl LangData {
    pub fn build(site: &Site<'_>, lang: &Lang) -> LangData {
        let outputs = site.config.outputs;
        // Only timeline pages and the calendar read the typed items; without them the Tera
        // values are enough, and a large site keeps a quarter less in memory.
        let keep_items = outputs.timeline || outputs.calendar;
        let summaries: Vec<Summary> = site
            .content
            .entries
            .par_iter()
            .with_max_len(crate::par::TASK_LEN)
            .map(|e| summary(site, e, lang))
            .collect();
        // Items are made entry by entry, where their text lies together, and each is then
        // turned into its Tera value and what the indexes need, and dropped unless timeline
        // pages need it, while it is in the cache: dropping them all at the end freed a large
        // site's items cold.
        let made_items: Vec<MadeItem> =
            crate::timeline::entry_by_entry(site.content, site.config, lang)
                .into_par_iter()
                .with_max_len(crate::par::TASK_LEN)
                .map(|item| made_item(item, keep_items))
                .collect();
        // A summary's `events` are its entry's item values, shared rather than converted
        // again (which held a large site's events in memory twice).
        let mut events: Vec<Vec<Value>> = vec![Vec::new(); summaries.len()];
        for made in &made_items {
            if made.key.is_event()
                && let Some(list) = events.get_mut(made.key.entry())
            {
                list.push(made.value.clone());
            }
        }
        // Summary values get a pass of their own, so that they lie together in memory: list
        // pages read thousands of them. Made entry by entry with the items, they lay among
        // the items' allocations, and a 10k site's list pages rendered 10-15% slower.
        let summary_values: Vec<Value> = summaries
            .par_iter()
            .with_max_len(crate::par::TASK_LEN)
            .zip(events)
            .map(|(summary, events)| {
                let mut map = Value::from_serializable(summary)
                    .into_map()
                    .unwrap_or_default();
                map.insert("events".into(), Value::from(events));
                Value::from(map)
            })
            .collect();
        // Every index below is made by reading entries and items in the order they were
        // made, which is the order they lie in memory, and then sorting each (short) list by
        // rank. Reading them in list or date order instead jumps all over a large site's
        // memory, and made these steps grow faster than the site.
        let order = crate::timeline::in_order(made_items.iter().map(|m| m.key).collect());
        let item_rank = ranks(&order);
        let mut item_values = vec![Value::none(); made_items.len()];
        let mut timeline_by_entry: Vec<Vec<usize>> = vec![Vec::new(); summaries.len()];
        let mut timeline_by_partner: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut items = Vec::with_capacity(if keep_items { made_items.len() } else { 0 });
        let mut is_event = Vec::with_capacity(made_items.len());
        for (n, made) in made_items.into_iter().enumerate() {
            let rank = item_rank[n];
            item_values[rank] = made.value;
            if let Some(list) = timeline_by_entry.get_mut(made.key.entry()) {
                list.push(rank);
            }
            for p in &made.partners {
                push_to(&mut timeline_by_partner, p, rank);
            }
            is_event.push(made.key.is_event());
            items.extend(made.item);
        }
        timeline_by_entry.iter_mut().for_each(|l| l.sort_unstable());
        timeline_by_partner
            .values_mut()
            .for_each(|l| l.sort_unstable());
        // Filters name timeline pages; without those pages nothing reads them.
        let filters = if outputs.timeline {
            Filter::all(&items)
        } else {
            Vec::new()
        };
        let latest: Vec<usize> = order
            .iter()
            .enumerate()
            .rev()
            .filter(|&(_, &n)| is_event[n])
            .take(LATEST_EVENTS)
            .map(|(k, _)| k)
            .collect();
        let timeline = if keep_items {
            crate::timeline::reorder(items, &order)
        } else {
            Vec::new()
        };

        // One sort per order, whose result every list follows: sorting each section, tag
        // and institution list on its own made a large site's lists cost more than linear.
        let newest_first = newest_first(&summaries);
        let newest_rank = ranks(&newest_first);
        let mut in_list_order: Vec<usize> = (0..summaries.len()).collect();
        in_list_order.par_sort_by(|&a, &b| list_order(&summaries[a], &summaries[b]));
        let list_rank = ranks(&in_list_order);
        let mut sections: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut subsections: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut tags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, s) in summaries.iter().enumerate() {
            if let Some(section) = &s.section {
                match s.kind {
                    PageKind::Page => push_to(&mut sections, section, i),
                    PageKind::Section => push_to(&mut subsections, section, i),
                    _ => {}
                }
            }
            for t in &s.tags {
                push_to(&mut tags, t, i);
            }
        }
        for list in sections.values_mut().chain(subsections.values_mut()) {
            list.sort_unstable_by_key(|&i| list_rank[i]);
        }
        tags.values_mut()
            .for_each(|l| l.sort_unstable_by_key(|&i| newest_rank[i]));
        let related = related_index(&summaries, &newest_rank);

        let mut data = LangData {
            summaries,
            summary_values,
            timeline,
            item_values,
            timeline_by_entry,
            timeline_by_partner,
            related,
            filters,
            latest,
            sections,
            subsections,
            site: Value::none(),
        };
        data.site = data.site_value(site, lang, &tags);
        data
    }

    fn site_value(
        &self,
        site: &Site<'_>,
        lang: &Lang,
        tags: &BTreeMap<String, Vec<usize>>,
    ) -> Value {
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
        let outputs = site.config.outputs;
        let view = SiteView {
            lang: lang.clone(),
            default_language: site.config.default_language.clone(),
            languages,
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            feed_url: outputs
                .feeds
                .then(|| site.links.href(&format!("{lang}/atom.xml"))),
            timeline_url: outputs
                .timeline
                .then(|| site.links.href(&format!("{lang}/timeline/"))),
            calendar_url: outputs
                .calendar
                .then(|| site.links.href(&format!("{lang}/events.ics"))),
        };
        let mut value = Value::from_serializable(&view)
            .into_map()
            .unwrap_or_default();
        let mut by_key: Vec<usize> = (0..self.summaries.len()).collect();
        by_key.sort_by(|&a, &b| self.summaries[a].key.cmp(&self.summaries[b].key));
        let pages: tera::Map = by_key
            .into_iter()
            .map(|i| {
                (
                    self.summaries[i].key.clone().into(),
                    self.summary_values[i].clone(),
                )
            })
            .collect();
        value.insert("pages".into(), Value::from(pages));
        let lists = |lists: &BTreeMap<String, Vec<usize>>| -> Value {
            let map: tera::Map = lists
                .iter()
                .map(|(k, list)| (k.clone().into(), self.list(list)))
                .collect();
            Value::from(map)
        };
        value.insert("sections".into(), lists(&self.sections));
        value.insert("tags".into(), lists(tags));
        let latest: Vec<Value> = self.items(&self.latest);
        value.insert("latest_events".into(), Value::from(latest));
        if let Some(svg) = map::svg(site, lang, None, "map-home", true) {
            value.insert("map".into(), Value::safe_string(&svg));
            value.insert(
                "map_url".into(),
                Value::from(site.links.href(&format!("{lang}/map/"))),
            );
        }
        Value::from(value)
    }

    /// The summary of entry `index`, as a Tera value.
    pub fn summary_value(&self, index: usize) -> &Value {
        &self.summary_values[index]
    }

    /// Summaries of the entries at `indices`, as one Tera list.
    pub fn list(&self, indices: &[usize]) -> Value {
        Value::from(
            indices
                .iter()
                .map(|&i| self.summary_values[i].clone())
                .collect::<Vec<Value>>(),
        )
    }

    /// The entries listed in section `key`.
    pub fn section(&self, key: &str) -> &[usize] {
        self.sections.get(key).map_or(&[], Vec::as_slice)
    }

    /// The subsections of section `key`.
    pub fn subsections(&self, key: &str) -> &[usize] {
        self.subsections.get(key).map_or(&[], Vec::as_slice)
    }

    /// Timeline items at `positions`, as Tera values.
    pub fn items<'a>(&'a self, positions: impl IntoIterator<Item = &'a usize>) -> Vec<Value> {
        positions
            .into_iter()
            .map(|&i| self.item_values[i].clone())
            .collect()
    }

    /// The items of entry `entry` (by index); for an institution (`institution` is its id), every item it
    /// took part in.
    pub fn entry_items(&self, entry: usize, institution: Option<&str>) -> &[usize] {
        match institution {
            Some(id) => self.timeline_by_partner.get(id),
            None => self.timeline_by_entry.get(entry),
        }
        .map_or(&[], Vec::as_slice)
    }

    /// Entries that name institution `id`, with its role there, newest first.
    pub fn related(&self, id: &str) -> &[(usize, &'static str)] {
        self.related.get(id).map_or(&[], Vec::as_slice)
    }
}

/// What a language keeps of one timeline item (see [`LangData::build`]).
struct MadeItem {
    /// Its place in date order; also names its entry and whether it is an event.
    key: SortKey,
    partners: Vec<String>,
    value: Value,
    /// The typed item, when timeline pages or the calendar need it.
    item: Option<Item>,
}

/// What the language keeps of `item`: its value and what the indexes need; the typed item
/// too when `keep_item`.
fn made_item(mut item: Item, keep_item: bool) -> MadeItem {
    let value = Value::from_serializable(&item);
    let partners = if keep_item {
        item.partners.clone()
    } else {
        std::mem::take(&mut item.partners)
    };
    MadeItem {
        key: SortKey::of(&item),
        partners,
        value,
        item: keep_item.then_some(item),
    }
}

/// For each institution id, the entries that name it: as `home`, as a partner, or only in
/// some of their events. Built once, since every institution page and map asks. The lists
/// are newest first (by `newest_rank`, each entry's place in that order).
fn related_index(
    summaries: &[Summary],
    newest_rank: &[usize],
) -> BTreeMap<String, Vec<(usize, &'static str)>> {
    let mut index: BTreeMap<String, Vec<(usize, &'static str)>> = BTreeMap::new();
    for (i, s) in summaries.iter().enumerate() {
        if s.kind != PageKind::Page {
            continue;
        }
        let mut named: Vec<(&str, &'static str)> = Vec::new();
        let home = s.home.iter().map(|h| (h.as_str(), "home"));
        let partners = s.partners.iter().map(|p| (p.as_str(), "partner"));
        let events = s
            .events
            .iter()
            .flat_map(|e| &e.partners)
            .map(|p| (p.as_str(), "events"));
        // The first role wins: home, then partner, then events only.
        for (id, role) in home.chain(partners).chain(events) {
            if !named.iter().any(|(n, _)| *n == id) {
                named.push((id, role));
            }
        }
        for (id, role) in named {
            push_to(&mut index, id, (i, role));
        }
    }
    index
        .values_mut()
        .for_each(|l| l.sort_unstable_by_key(|&(i, _)| newest_rank[i]));
    index
}

/// The place of each position in `order`, a permutation: `ranks(order)[order[k]] == k`.
fn ranks(order: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; order.len()];
    for (k, &n) in order.iter().enumerate() {
        rank[n] = k;
    }
    rank
}

/// Entry indices, newest first, then by key (entries are sorted by key, and the sort is
/// stable).
fn newest_first(summaries: &[Summary]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..summaries.len()).collect();
    order.par_sort_by_key(|&i| std::cmp::Reverse(summaries[i].date));
    order
}

/// Appends `value` to the list of `key`, allocating the key only for a new list.
fn push_to<V>(lists: &mut BTreeMap<String, Vec<V>>, key: &str, value: V) {
    match lists.get_mut(key) {
        Some(list) => list.push(value),
        None => {
            lists.insert(key.to_string(), vec![value]);
        }
    }
}

pub(crate) fn summary(site: &Site<'_>, entry: &Entry, lang: &Lang) -> Summary {
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
