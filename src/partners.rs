//! The partner map's data is built here: every institution with a `[location]` as a place,
//! every project as arcs from its home institution to its partners, labelled in one language,
//! and the table that says the same for screen readers and print. Also checks locations
//! against the country outlines. Drawing is left to `map`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::{Content, Entry, EntryKind, PARTNERS_SECTION, frontmatter, pick_source};
use crate::diagnostic::Diagnostic;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::map::{self, IssueKind, Link, MapText, Outlines, Place};
use crate::render::links::Links;

/// A project in the map's table.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRef {
    pub title: String,
    pub url: String,
    pub years: String,
}

/// One institution in the map's table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub url: String,
    pub city: Option<String>,
    pub country: String,
    pub country_name: String,
    pub home: bool,
    pub projects: Vec<ProjectRef>,
}

/// Everything a map of the site (or of some institutions) shows, in one language.
#[derive(Debug, Clone, Default)]
pub struct MapData {
    pub places: Vec<Place>,
    pub links: Vec<Link>,
    pub rows: Vec<Row>,
    pub text: MapText,
}

fn partner_id(entry: &Entry) -> Option<&str> {
    (entry.kind == EntryKind::Page)
        .then(|| entry.key.strip_prefix(PARTNERS_SECTION)?.strip_prefix('/'))
        .flatten()
}

/// `2014–2018`, `2014–` or `2016`.
fn years(entry_front: &crate::content::Front) -> String {
    match (entry_front.date, entry_front.end) {
        (Some(d), Some(e)) if e.year() != d.year() => format!("{}–{}", d.year(), e.year()),
        (Some(d), Some(_)) => d.year().to_string(),
        (Some(d), None) => format!("{}–", d.year()),
        _ => String::new(),
    }
}

/// The map data in `lang`; `only` limits it to some institutions (a project's map).
pub fn build(
    content: &Content,
    config: &SiteConfig,
    locales: &Locales,
    links: &Links,
    lang: &Lang,
    only: Option<&BTreeSet<String>>,
) -> MapData {
    let chain = config.fallback_chain(lang);
    let included = |id: &str| only.is_none_or(|set| set.contains(id));
    let mut projects_of: BTreeMap<String, Vec<ProjectRef>> = BTreeMap::new();
    let mut homes: BTreeSet<String> = BTreeSet::new();
    let mut arcs = Vec::new();
    for entry in &content.entries {
        if entry.kind != EntryKind::Page || partner_id(entry).is_some() {
            continue;
        }
        let Some(src) = pick_source(entry, lang, chain) else {
            continue;
        };
        let f = &src.front;
        let Some(home) = &f.home else { continue };
        let url = links
            .entry_dir(&entry.key, lang)
            .map(|d| links.href(d))
            .unwrap_or_default();
        let project = ProjectRef {
            title: f.title.clone(),
            url,
            years: years(f),
        };
        homes.insert(home.clone());
        for id in std::iter::once(home).chain(&f.partners) {
            projects_of
                .entry(id.clone())
                .or_default()
                .push(project.clone());
        }
        for p in &f.partners {
            if included(home) && included(p) {
                let title = if project.years.is_empty() {
                    project.title.clone()
                } else {
                    format!("{} ({})", project.title, project.years)
                };
                arcs.push(Link {
                    from: home.clone(),
                    to: p.clone(),
                    title,
                });
            }
        }
    }

    let msg = |id: &str| locales.format(lang, id, None).unwrap_or_default();
    let mut data = MapData::default();
    let mut countries = BTreeMap::new();
    for entry in &content.entries {
        let Some(id) = partner_id(entry) else {
            continue;
        };
        if !included(id) {
            continue;
        }
        let Some(src) = pick_source(entry, lang, chain) else {
            continue;
        };
        let f = &src.front;
        let Some(loc) = &f.location else { continue };
        let country = loc.country.clone().unwrap_or_default();
        let country_name = locales
            .format(lang, &format!("country-{country}"), None)
            .unwrap_or_else(|_| country.clone());
        countries.insert(country.clone(), country_name.clone());
        let url = links
            .entry_dir(&entry.key, lang)
            .map(|d| links.href(d))
            .unwrap_or_default();
        let label = f.short_title.clone().unwrap_or_else(|| f.title.clone());
        let tooltip = match &loc.city {
            Some(city) => format!("{}, {city}", f.title),
            None => f.title.clone(),
        };
        data.places.push(Place {
            id: id.to_string(),
            label,
            lat: loc.lat,
            lon: loc.lon,
            country: country.clone(),
            url: url.clone(),
            tooltip,
            home: homes.contains(id),
        });
        data.rows.push(Row {
            id: id.to_string(),
            title: f.title.clone(),
            url,
            city: loc.city.clone(),
            country,
            country_name,
            home: homes.contains(id),
            projects: projects_of.remove(id).unwrap_or_default(),
        });
    }
    let placed: BTreeSet<&str> = data.places.iter().map(|p| p.id.as_str()).collect();
    data.links = arcs
        .into_iter()
        .filter(|l| placed.contains(l.from.as_str()) && placed.contains(l.to.as_str()))
        .collect();
    data.rows.sort_by(|a, b| {
        b.home
            .cmp(&a.home)
            .then_with(|| a.country_name.cmp(&b.country_name))
            .then_with(|| a.title.cmp(&b.title))
    });
    let n_countries = countries.len();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("institutions", data.places.len());
    args.set("countries", n_countries);
    data.text = MapText {
        title: msg("map-title"),
        desc: locales
            .format(lang, "map-desc", Some(&args))
            .unwrap_or_default(),
        zoom_in: msg("map-zoom-in"),
        zoom_out: msg("map-zoom-out"),
        reset: msg("map-reset"),
        legend_home: msg("map-legend-home"),
        legend_partner: msg("map-legend-partner"),
        legend_link: msg("map-legend-link"),
        attribution: "Natural Earth".into(),
        countries,
    };
    data
}

/// Locations that cannot be right, and institutions a project needs on the map that have
/// no location: errors pointing at the frontmatter.
pub fn check(content: &Content, config: &SiteConfig, outlines: &Outlines) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut needed: BTreeMap<&str, &Entry> = BTreeMap::new();
    for entry in &content.entries {
        if partner_id(entry).is_some() {
            continue;
        }
        if let Some(src) = entry
            .sources
            .get(&config.default_language)
            .or_else(|| entry.sources.values().next())
        {
            for id in src.front.home.iter().chain(&src.front.partners) {
                needed.entry(id).or_insert(entry);
            }
        }
    }
    for entry in &content.entries {
        let Some(id) = partner_id(entry) else {
            continue;
        };
        let Some(src) = entry
            .sources
            .get(&config.default_language)
            .or_else(|| entry.sources.values().next())
        else {
            continue;
        };
        match &src.front.location {
            None => {
                if let Some(user) = needed.get(id) {
                    let user_file = user
                        .sources
                        .values()
                        .next()
                        .map(|s| s.file.path.display().to_string())
                        .unwrap_or_default();
                    out.push(
                        Diagnostic::error("location-missing", format!("institution `{id}` is on the partner map (via {user_file}) but has no `[location]`"))
                            .at(&src.file, 0..3)
                            .with_hint("add `[location]` with `lat`, `lon` and `country`"),
                    );
                }
            }
            Some(loc) => {
                let country = loc.country.clone().unwrap_or_default();
                if country.is_empty() {
                    continue;
                }
                if let Err(kind) = map::check_point(outlines, &country, loc.lat, loc.lon) {
                    let hint = match &kind {
                        IssueKind::OutsideCountry {
                            swapped_fits: true, ..
                        } => Some("latitude and longitude look swapped".to_string()),
                        IssueKind::OutsideCountry {
                            found_in: Some(_), ..
                        } => Some("check the coordinates and `country`".to_string()),
                        _ => None,
                    };
                    let what = match &kind {
                        IssueKind::OutsideCountry {
                            distance_km,
                            found_in,
                            ..
                        } => format!(
                            "the location of `{id}` is {distance_km:.0} km outside its country `{country}`{}",
                            found_in
                                .as_ref()
                                .map(|c| format!(" (it is in `{c}`)"))
                                .unwrap_or_default()
                        ),
                        IssueKind::UnknownCountry { country } => {
                            format!("country `{country}` is not in the map's data")
                        }
                        IssueKind::LatitudeOutOfRange { lat } => {
                            format!("latitude {lat} is out of range")
                        }
                        IssueKind::LongitudeOutOfRange { lon } => {
                            format!("longitude {lon} is out of range")
                        }
                        _ => format!("the location of `{id}` cannot be drawn"),
                    };
                    let key = match &kind {
                        IssueKind::UnknownCountry { .. } => LocationKey::Country,
                        IssueKind::LongitudeOutOfRange { .. } => LocationKey::Lon,
                        _ => LocationKey::Lat,
                    };
                    let d = Diagnostic::error("location-country", what)
                        .at(&src.file, location_span(&src.file.text, key));
                    out.push(match hint {
                        Some(h) => d.with_hint(h),
                        None => d,
                    });
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum LocationKey {
    Lat,
    Lon,
    Country,
}

/// Where a `[location]` key and its value are written in an institution's file (the `+++`
/// line if they cannot be found). The resolved frontmatter keeps no spans; reading the few institutions'
/// frontmatter again is cheap, and exact where a text search would find the wrong line.
fn location_span(text: &str, key: LocationKey) -> Range<usize> {
    let found = frontmatter::split(text).ok().and_then(|split| {
        let loc = frontmatter::parse(&text[split.toml.clone()])
            .ok()?
            .location?;
        let span = match key {
            LocationKey::Lat => loc.lat?.span(),
            LocationKey::Lon => loc.lon?.span(),
            LocationKey::Country => loc.country?.span(),
        };
        let (start, end) = (span.start + split.toml.start, span.end + split.toml.start);
        // From the start of the line, so that the key is underlined with its value.
        let line = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
        Some(line..end)
    });
    found.unwrap_or(0..3)
}
