//! Renders the timeline pages (`/<lang>/timeline/` and one page per filter, so filtering
//! works without JavaScript and every filtered view has a URL to share) and the iCalendar
//! file of every dated item (`/<lang>/events.ics`). The items come from `crate::timeline`.

use tera::{Context, Value};

use super::context::{FilterLink, PageKind};
use super::{Site, generated_page, render_builtin};
use crate::diagnostic::Diagnostic;
use crate::ics::{Calendar, IcsEvent, IcsStamp, stable_uid};
use crate::lang::Lang;
use crate::output::{Sink, relativize};
use crate::timeline::{Filter, Item, by_year};

/// The unfiltered timeline and one page per filter that selects something.
pub fn render_pages(
    site: &Site<'_>,
    items: &[Item],
    site_value: &Value,
    lang: &Lang,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let filters = Filter::all(items);
    let mut pages: Vec<Option<&Filter>> = vec![None];
    pages.extend(filters.iter().map(|(f, _)| Some(f)));
    let title = site
        .locales
        .format(lang, "timeline-title", None)
        .map_err(|m| Diagnostic::error("fluent-missing", m))?;
    for active in &pages {
        let sub = active.map_or_else(String::new, Filter::path);
        let dir_of = |l: &Lang| format!("{l}/timeline/{sub}");
        let dir = dir_of(lang);
        let shown: Vec<&Item> = items
            .iter()
            .filter(|i| active.is_none_or(|f| f.matches(i)))
            .collect();
        let links: Vec<FilterLink> = filters
            .iter()
            .map(|(f, count)| FilterLink {
                filter: f.clone(),
                count: *count,
                url: site.links.href(&format!("{lang}/timeline/{}", f.path())),
                active: *active == Some(f),
            })
            .collect();
        let page = generated_page(site, lang, PageKind::Timeline, &dir_of, title.clone());
        let mut ctx = Context::new();
        ctx.insert("lang", lang.as_str());
        ctx.insert_value("site", site_value.clone());
        ctx.insert("page", &page);
        ctx.insert("timeline", &by_year(shown));
        ctx.insert("filters", &links);
        ctx.insert("filter", active);
        ctx.insert("all_url", &site.links.href(&format!("{lang}/timeline/")));
        let html = render_builtin(site, "timeline.html", &ctx)?;
        sink.write(
            &format!("{dir}index.html"),
            relativize(&html, &site.config.base_path, &dir, site.link_style).into_bytes(),
        )?;
    }
    Ok(pages.len())
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
