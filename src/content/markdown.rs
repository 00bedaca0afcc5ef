//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, task lists,
//! heading ids readable in every script, and `@/section/entry` links resolved through a
//! function the caller passes. Knows nothing of files, templates or Fluent.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// A heading of the page, for tables of contents.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link that could not be resolved, with its place in the Markdown text.
#[derive(Debug, Clone)]
pub struct LinkError {
    pub message: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    pub link_errors: Vec<LinkError>,
}

/// The Markdown extensions mosty turns on (also used by `check` to find link positions).
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Renders `text`. `resolve` turns the part after `@/` (`projects/boskovice#plan`) into a URL.
pub fn render(text: &str, resolve: &dyn Fn(&str) -> Result<String, String>) -> Rendered {
    // CommonMark: U+0000 is replaced by U+FFFD (pulldown-cmark passes it through).
    let replaced;
    let text = if text.contains('\0') {
        replaced = text.replace('\0', "\u{fffd}");
        replaced.as_str()
    } else {
        text
    };
    let mut events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(text, OPTIONS).into_offset_iter().collect();
    let mut out = Rendered::default();

    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();

    let mut next: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = *level as u8;
                let explicit = id.as_ref().map(|s| s.to_string());
                let mut title = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                        title.push_str(t);
                    }
                    j += 1;
                }
                let id = match explicit {
                    Some(id) => id,
                    None => {
                        let id = unique_id(&heading_id(&title), &mut used, &mut next);
                        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                            *slot = Some(CowStr::from(id.clone()));
                        }
                        id
                    }
                };
                out.toc.push(Heading { level, id, title });
                i = j;
            }
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with("@/") => {
                let target = dest_url[2..].to_string();
                match resolve(&target) {
                    Ok(url) => {
                        if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i].0 {
                            *dest_url = CowStr::from(url);
                        }
                    }
                    Err(message) => out.link_errors.push(LinkError {
                        message,
                        span: events[i].1.clone(),
                    }),
                }
                i += 1;
            }
            _ => i += 1,
        }
    }

    out.html.reserve(text.len() * 3 / 2);
    // Wide tables scroll inside their own box on narrow screens instead of the whole page.
    // (Made without a list per event: a page has hundreds of events.)
    let events = events.into_iter().flat_map(|(e, _)| {
        let (before, after) = match e {
            Event::Start(Tag::Table(_)) => (
                Some(Event::Html(CowStr::Borrowed(
                    "<div class=\"table-wrap\" tabindex=\"0\">",
                ))),
                None,
            ),
            Event::End(TagEnd::Table) => (None, Some(Event::Html(CowStr::Borrowed("</div>")))),
            _ => (None, None),
        };
        before.into_iter().chain(std::iter::once(e)).chain(after)
    });
    pulldown_cmark::html::push_html(&mut out.html, events);
    out
}

/// A heading id that keeps the letters of any script: `Сотрудничество с Босковице` →
/// `сотрудничество-с-босковице`.
pub fn heading_id(title: &str) -> String {
    let mut id = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() || c == '_' {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() { "section".into() } else { id }
}

/// `base`, or `base-1`, `base-2`, ... The next number to try is remembered per base, so a
/// page of many equal headings stays linear.
fn unique_id(base: &str, used: &mut HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    let mut id = base.to_string();
    let n = next.entry(base.to_string()).or_insert(1);
    while used.contains(&id) {
        id = format!("{base}-{n}");
        *n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Rendered {
        render(text, &|t| {
            if t.starts_with("projects/boskovice") {
                Ok(format!("/ru/{}", t.replace("boskovice", "boskovice/")))
            } else {
                Err(format!("no entry `{t}`"))
            }
        })
    }

    #[test]
    fn heading_ids_keep_cyrillic_and_georgian_and_are_unique() {
        let r = md(
            "# Партнёры {#partners}\n## Сотрудничество с Босковице\n## პარტნიორები\n## პარტნიორები\n",
        );
        assert!(
            r.html.contains("<h1 id=\"partners\">Партнёры</h1>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<h2 id=\"сотрудничество-с-босковице\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"პარტნიორები\">"));
        assert!(r.html.contains("<h2 id=\"პარტნიორები-1\">"));
        assert_eq!(r.toc.len(), 4);
    }

    #[test]
    fn internal_links_resolve_or_report_their_place() {
        let r = md("See [B](@/projects/boskovice#plan) and [X](@/projects/nowhere).\n");
        assert!(
            r.html.contains("href=\"/ru/projects/boskovice/#plan\""),
            "{}",
            r.html
        );
        assert_eq!(r.link_errors.len(), 1);
        assert_eq!(r.link_errors[0].span.start, 39);
    }

    #[test]
    fn extensions_are_on() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: note\n\n- [x] done\n");
        assert!(
            r.html
                .contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("footnote"));
        assert!(r.html.contains("checkbox"));
    }
}
