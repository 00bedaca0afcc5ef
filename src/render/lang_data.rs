//! The site-wide data of one language, built once and shared by every page of it: each
//! entry's summary and each timeline item, typed (so that `serve` can tell whether an edit
//! changed anything other pages show) and converted to a Tera value once. Tera values are
//! reference-counted, so `site.pages`, `site.sections`, `site.tags`, section lists and
//! timelines all point at the same few thousand values instead of copying them per page.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use tera::Value;

use super::context::{PageKind, SiteLanguage, SiteView, Summary};
use super::{LATEST_EVENTS, Site, lang_name, map};
use crate::content::{Entry, pick_source};
use crate::lang::Lang;
use crate::timeline::{Filter, Item};

pub(crate) struct LangData {
    /// By entry index (the order of `Content::entries`).
    pub summaries: Vec<Summary>,
    summary_values: Vec<Value>,
    /// Empty when neither timeline pages nor the calendar are written.
    pub timeline: Vec<Item>,
    item_values: Vec<Value>,
    /// Positions in `timeline` by entry key and by institution id, so that a page finds its
    /// items without scanning the whole timeline (which made large sites quadratic).
    timeline_by_entry: HashMap<String, Vec<usize>>,
    timeline_by_partner: HashMap<String, Vec<usize>>,
    /// Entries that name each institution, with its role there, newest first.
    related: HashMap<String, Vec<(usize, &'static str)>>,
    /// Every timeline filter that selects something, with its count.
    pub filters: Vec<(Filter, usize)>,
    /// Entry indices listed in each section, in list order.
    sections: BTreeMap<String, Vec<usize>>,
    /// Subsection indices of each section, in list order.
    subsections: BTreeMap<String, Vec<usize>>,
    pub site: Value,
}

impl LangData {
    pub fn build(site: &Site<'_>, lang: &Lang) -> LangData {
        let summaries: Vec<Summary> = site
            .content
            .entries
            .par_iter()
            .map(|e| summary(site, e, lang))
            .collect();
        let summary_values: Vec<Value> =
            summaries.par_iter().map(Value::from_serializable).collect();
        let timeline = crate::timeline::build(site.content, site.config, lang);
        let item_values: Vec<Value> = timeline.par_iter().map(Value::from_serializable).collect();

        let mut sections: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut subsections: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut tags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, s) in summaries.iter().enumerate() {
            if let Some(section) = &s.section {
                match s.kind {
                    PageKind::Page => sections.entry(section.clone()).or_default().push(i),
                    PageKind::Section => subsections.entry(section.clone()).or_default().push(i),
                    _ => {}
                }
            }
            for t in &s.tags {
                tags.entry(t.clone()).or_default().push(i);
            }
        }
        let by_list_order = |list: &mut Vec<usize>| {
            list.sort_by(|&a, &b| list_order(&summaries[a], &summaries[b]));
        };
        sections.values_mut().for_each(by_list_order);
        subsections.values_mut().for_each(by_list_order);
        for list in tags.values_mut() {
            list.sort_by(|&a, &b| {
                let (a, b) = (&summaries[a], &summaries[b]);
                b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key))
            });
        }

        let mut timeline_by_entry: HashMap<String, Vec<usize>> = HashMap::new();
        let mut timeline_by_partner: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, item) in timeline.iter().enumerate() {
            timeline_by_entry
                .entry(item.entry_key.clone())
                .or_default()
                .push(i);
            for p in &item.partners {
                timeline_by_partner.entry(p.clone()).or_default().push(i);
            }
        }
        let filters = Filter::all(&timeline);
        let related = related_index(&summaries);

        let mut data = LangData {
            summaries,
            summary_values,
            timeline,
            item_values,
            timeline_by_entry,
            timeline_by_partner,
            related,
            filters,
            sections,
            subsections,
            site: Value::none(),
        };
        data.site = data.site_value(site, lang, &tags);
        // Only timeline pages and the calendar read the typed items; without them the Tera
        // values are enough, and a large site keeps a quarter less in memory.
        let outputs = site.config.outputs;
        if !outputs.timeline && !outputs.calendar {
            data.timeline = Vec::new();
        }
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
        let latest: Vec<Value> = self
            .timeline
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, i)| i.milestone.is_none())
            .take(LATEST_EVENTS)
            .map(|(i, _)| self.item_values[i].clone())
            .collect();
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

    /// An entry's own items; for an institution (`institution` is its id), every item it
    /// took part in.
    pub fn entry_items(&self, entry: &Entry, institution: Option<&str>) -> &[usize] {
        match institution {
            Some(id) => self.timeline_by_partner.get(id),
            None => self.timeline_by_entry.get(&entry.key),
        }
        .map_or(&[], Vec::as_slice)
    }

    /// Entries that name institution `id`, with its role there, newest first.
    pub fn related(&self, id: &str) -> &[(usize, &'static str)] {
        self.related.get(id).map_or(&[], Vec::as_slice)
    }
}

/// For each institution id, the entries that name it: as `home`, as a partner, or only in
/// some of their events. Built once, since every institution page and map asks.
fn related_index(summaries: &[Summary]) -> HashMap<String, Vec<(usize, &'static str)>> {
    let mut index: HashMap<String, Vec<(usize, &'static str)>> = HashMap::new();
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
            index.entry(id.to_string()).or_default().push((i, role));
        }
    }
    for list in index.values_mut() {
        list.sort_by(|&(a, _), &(b, _)| {
            let (a, b) = (&summaries[a], &summaries[b]);
            b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key))
        });
    }
    index
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
