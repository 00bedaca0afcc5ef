//! Renders the timeline pages (`/<lang>/timeline/` and one page per filter, so filtering
//! works without JavaScript and every filtered view has a URL to share) and the iCalendar
//! file of every dated item (`/<lang>/events.ics`). The items come from `crate::timeline`.

use tera::{Context, Value};

use super::context::{FilterLink, PageKind};
use super::lang_data::LangData;
use super::{Site, generated_page, render_builtin};
use crate::diagnostic::Diagnostic;
use crate::ics::{Calendar, IcsEvent, IcsStamp, stable_uid};
use crate::lang::Lang;
use crate::output::{Sink, relativize};
use crate::timeline::{Filter, Item};

/// One timeline page: the unfiltered one (`active` is none) or the page of the filter at
/// position `active` in `data.filters`.
pub(crate) fn render_page(
    site: &Site<'_>,
    data: &LangData,
    lang: &Lang,
    active: Option<usize>,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let title = site
        .locales
        .format(lang, "timeline-title", None)
        .map_err(|m| Diagnostic::error("fluent-missing", m))?;
    let active = active.map(|i| &data.filters[i].0);
    let sub = active.map_or_else(String::new, Filter::path);
    let dir_of = |l: &Lang| format!("{l}/timeline/{sub}");
    let dir = dir_of(lang);
    let shown: Vec<usize> = data
        .timeline
        .iter()
        .enumerate()
        .filter(|(_, i)| active.is_none_or(|f| f.matches(i)))
        .map(|(n, _)| n)
        .collect();
    let links: Vec<FilterLink> = data
        .filters
        .iter()
        .map(|(f, count)| FilterLink {
            filter: f.clone(),
            count: *count,
            url: site.links.href(&format!("{lang}/timeline/{}", f.path())),
            active: active == Some(f),
        })
        .collect();
    let page = generated_page(site, lang, PageKind::Timeline, &dir_of, title);
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());
    ctx.insert_value("site", data.site.clone());
    ctx.insert("page", &page);
    ctx.insert_value("timeline", by_year(data, &shown));
    ctx.insert("filters", &links);
    ctx.insert("filter", &active);
    ctx.insert("all_url", &site.links.href(&format!("{lang}/timeline/")));
    let html = render_builtin(site, "timeline.html", &ctx)?;
    sink.write(
        &format!("{dir}index.html"),
        relativize(&html, &site.config.base_path, &dir, site.link_style),
    )?;
    Ok(1)
}

/// `[{ year, items }]` of the items at `shown` (in order), from the shared item values.
fn by_year(data: &LangData, shown: &[usize]) -> Value {
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for &i in shown {
        let year = data.timeline[i].year;
        match years.last_mut() {
            Some((y, items)) if *y == year => items.push(i),
            _ => years.push((year, vec![i])),
        }
    }
    Value::from(
        years
            .into_iter()
            .map(|(year, items)| {
                let mut m = tera::Map::new();
                m.insert("year".into(), Value::from(year));
                m.insert("items".into(), Value::from(data.items(&items)));
                Value::from(m)
            })
            .collect::<Vec<Value>>(),
    )
}

/// `/<lang>/events.ics`: every dated item, with UIDs stable across builds.
pub fn render_calendar(
    site: &Site<'_>,
    items: &[Item],
    lang: &Lang,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let host = site
        .config
        .base_url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("mosty.invalid");
    let label = |key: String| site.locales.format(lang, &key, None).ok();
    let events = items
        .iter()
        .map(|i| {
            let url = site
                .links
                .entry_dir(&i.entry_key, lang)
                .map(|d| format!("{}#{}", site.links.permalink(d), i.id));
            let kind = match i.milestone {
                Some(_) => None,
                None => label(format!("event-kind-{}", i.kind)),
            };
            IcsEvent {
                uid: stable_uid(&[lang.as_str(), &i.id], host),
                start: i.date,
                end: i.end,
                summary: i.title.clone(),
                description: i.summary.clone(),
                url,
                location: i.place.clone(),
                categories: kind.into_iter().collect(),
            }
        })
        .collect::<Vec<_>>();
    // The stamp is derived from the data, never from the clock, so builds stay identical.
    let newest = items.iter().map(|i| i.date.first_day()).max();
    let calendar = Calendar {
        prodid: "-//mosty//mosty//EN".into(),
        name: site.locales.format(lang, "site-title", None).ok(),
        language: Some(lang.to_string()),
        dtstamp: newest.map_or_else(
            || IcsStamp::from_unix_seconds(0).expect("epoch"),
            IcsStamp::midnight,
        ),
        events,
    };
    let text = calendar.to_ics().map_err(|e| {
        Diagnostic::error("calendar", format!("cannot write {lang}/events.ics: {e}"))
    })?;
    sink.write(&format!("{lang}/events.ics"), text.into_bytes())?;
    Ok(1)
}
