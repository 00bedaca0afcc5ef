//! Frontmatter: splits the `+++` block off a content file and reads it into typed fields
//! (unknown keys are errors), then lets a translation inherit what it does not set.
//! Spans are kept so later checks can point at the exact key. Knows nothing of Markdown.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::dates::PartialDate;

/// Where the frontmatter and the body are inside a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Byte range of the TOML text (between the `+++` lines).
    pub toml: Range<usize>,
    /// Byte range of the Markdown body (after the closing `+++` line).
    pub body: Range<usize>,
}

/// Why a file has no usable `+++` block: a message, where, and a hint.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitError {
    pub message: &'static str,
    pub span: Range<usize>,
    pub hint: &'static str,
}

/// Finds the `+++` block. The file must start with a `+++` line; the block ends at the first
/// line that is `+++` alone, so `+++` inside a code block of the body stays in the body.
pub fn split(text: &str) -> Result<Split, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError {
            message: "the file is empty",
            span: 0..0,
            hint: "a content file starts with a `+++` block holding at least `title = \"...\"`; was the file saved half-way?",
        });
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "+++" {
        return Err(SplitError {
            message: "missing frontmatter: the first line must be `+++`",
            span: 0..first_end,
            hint: "start the file with `+++`, then `title = \"...\"`, then a closing `+++` line",
        });
    }
    let toml_start = (first_end + 1).min(text.len());
    let mut pos = toml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                toml: toml_start..pos,
                body: body_start..text.len(),
            });
        }
        pos = end + 1;
    }
    Err(SplitError {
        message: "the frontmatter is not closed",
        span: 0..first_end,
        hint: "did you forget the closing `+++` line after the frontmatter?",
    })
}

/// A date as written: `2016-06-01` (TOML date), `"2017-11"`, `"2014"` or `2014`.
#[derive(Debug, Clone)]
pub struct DateField(pub Result<PartialDate, String>);

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = toml::Value::deserialize(d)?;
        Ok(DateField(match value {
            toml::Value::Datetime(dt) => match (dt.date, dt.time) {
                (Some(date), None) if dt.offset.is_none() => {
                    PartialDate::from_ymd(i32::from(date.year), date.month, date.day)
                        .map_err(|e| e.to_string())
                }
                _ => Err(format!(
                    "`{dt}` has a time; write only the date, e.g. 2016-06-01"
                )),
            },
            toml::Value::String(s) => s
                .parse()
                .map_err(|e: crate::dates::DateError| e.to_string()),
            toml::Value::Integer(y) if (1000..=9999).contains(&y) => {
                PartialDate::from_year(y as i32).map_err(|e| e.to_string())
            }
            other => Err(format!(
                "expected a date such as 2016-06-01, \"2017-11\" or 2014, found {}",
                other.type_str()
            )),
        }))
    }
}

/// The frontmatter of one file as written: every key optional, spans kept.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFront {
    pub title: Option<String>,
    pub short_title: Option<String>,
    pub date: Option<Spanned<DateField>>,
    pub end: Option<Spanned<DateField>>,
    pub summary: Option<String>,
    pub draft: Option<bool>,
    pub slug: Option<Spanned<String>>,
    pub weight: Option<i64>,
    pub template: Option<Spanned<String>>,
    pub translated_from: Option<String>,
    pub tags: Option<Vec<String>>,
    pub home: Option<Spanned<String>>,
    pub partners: Option<Vec<Spanned<String>>>,
    pub website: Option<String>,
    pub location: Option<RawLocation>,
    pub events: Option<Spanned<Vec<Spanned<RawEvent>>>>,
    pub extra: Option<toml::Table>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    pub lat: Option<Spanned<f64>>,
    pub lon: Option<Spanned<f64>>,
    pub country: Option<Spanned<String>>,
    pub city: Option<String>,
    pub precision: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub date: Option<Spanned<DateField>>,
    pub end: Option<Spanned<DateField>>,
    pub kind: Option<Spanned<String>>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub participants: Option<BTreeMap<String, Spanned<u32>>>,
    pub partners: Option<Vec<Spanned<String>>>,
    pub place: Option<String>,
}

/// Parses the TOML text of a frontmatter block. Errors carry a span in the TOML text.
pub fn parse(toml_text: &str) -> Result<RawFront, (String, Option<Range<usize>>)> {
    toml::from_str(toml_text).map_err(|e| (e.message().to_string(), e.span()))
}

fn inherit<T: Clone>(mine: &mut Option<T>, source: &Option<T>) {
    if mine.is_none() {
        mine.clone_from(source);
    }
}

/// Why a translation cannot inherit from its source.
#[derive(Debug, Clone)]
pub struct InheritError {
    pub message: String,
    pub span: Range<usize>,
}

impl RawFront {
    /// Fills every key this translation does not set from the default-language file. Events
    /// are matched by position, so a translation may give only their titles.
    pub fn inherit_from(&mut self, source: &RawFront) -> Result<(), InheritError> {
        inherit(&mut self.title, &source.title);
        inherit(&mut self.short_title, &source.short_title);
        inherit(&mut self.date, &source.date);
        inherit(&mut self.end, &source.end);
        inherit(&mut self.summary, &source.summary);
        inherit(&mut self.draft, &source.draft);
        inherit(&mut self.slug, &source.slug);
        inherit(&mut self.weight, &source.weight);
        inherit(&mut self.template, &source.template);
        inherit(&mut self.tags, &source.tags);
        inherit(&mut self.home, &source.home);
        inherit(&mut self.partners, &source.partners);
        inherit(&mut self.website, &source.website);
        match (&mut self.location, &source.location) {
            (Some(mine), Some(src)) => {
                inherit(&mut mine.lat, &src.lat);
                inherit(&mut mine.lon, &src.lon);
                inherit(&mut mine.country, &src.country);
                inherit(&mut mine.city, &src.city);
                inherit(&mut mine.precision, &src.precision);
            }
            (mine, src) => inherit(mine, src),
        }
        match (&mut self.events, &source.events) {
            (Some(mine), Some(src)) => {
                if mine.get_ref().len() != src.get_ref().len() {
                    return Err(InheritError {
                        message: format!(
                            "this translation lists {} events, its source lists {}; list the same events in the same order",
                            mine.get_ref().len(),
                            src.get_ref().len()
                        ),
                        span: mine.span(),
                    });
                }
                for (m, s) in mine.get_mut().iter_mut().zip(src.get_ref()) {
                    let (m, s) = (m.get_mut(), s.get_ref());
                    inherit(&mut m.date, &s.date);
                    inherit(&mut m.end, &s.end);
                    inherit(&mut m.kind, &s.kind);
                    inherit(&mut m.title, &s.title);
                    inherit(&mut m.summary, &s.summary);
                    inherit(&mut m.participants, &s.participants);
                    inherit(&mut m.partners, &s.partners);
                    inherit(&mut m.place, &s.place);
                }
            }
            (mine, src) => inherit(mine, src),
        }
        match (&mut self.extra, &source.extra) {
            (Some(mine), Some(src)) => {
                for (k, v) in src {
                    mine.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            (mine, src) => inherit(mine, src),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_the_block_and_keeps_plus_in_body() {
        let text = "+++\ntitle = \"a\"\n+++\n```\n+++\n```\n";
        let s = split(text).unwrap();
        assert_eq!(&text[s.toml.clone()], "title = \"a\"\n");
        assert_eq!(&text[s.body], "```\n+++\n```\n");
    }

    #[test]
    fn split_errors_have_hints() {
        assert_eq!(split("").unwrap_err().message, "the file is empty");
        assert!(
            split("+++\ntitle=\"x\"\n\n# Body\n")
                .unwrap_err()
                .hint
                .contains("closing `+++`")
        );
        assert!(
            split("# Title\n")
                .unwrap_err()
                .message
                .contains("missing frontmatter")
        );
    }

    #[test]
    fn dates_in_every_form() {
        let f = parse("date = 2016-06-01\nend = \"2017-11\"\n[[events]]\ndate = 2014\n").unwrap();
        assert_eq!(
            f.date.unwrap().into_inner().0.unwrap().to_string(),
            "2016-06-01"
        );
        assert_eq!(
            f.end.unwrap().into_inner().0.unwrap().to_string(),
            "2017-11"
        );
        let e = &f.events.unwrap().into_inner()[0];
        assert_eq!(
            e.get_ref()
                .date
                .as_ref()
                .unwrap()
                .get_ref()
                .0
                .as_ref()
                .unwrap()
                .to_string(),
            "2014"
        );
    }

    #[test]
    fn translation_inherits_events_by_position() {
        let mut ka = parse("title = \"ka\"\n[[events]]\ntitle = \"ერთი\"\n").unwrap();
        let ru = parse("title = \"ru\"\ndate = 2014\n[[events]]\ndate = 2015\nkind = \"visit\"\ntitle = \"один\"\n").unwrap();
        ka.inherit_from(&ru).unwrap();
        let ev = ka.events.unwrap().into_inner();
        assert_eq!(ev[0].get_ref().title.as_deref(), Some("ერთი"));
        assert_eq!(ev[0].get_ref().kind.as_ref().unwrap().get_ref(), "visit");
        assert_eq!(ka.title.as_deref(), Some("ka"));
        assert!(ka.date.is_some());
    }
}
