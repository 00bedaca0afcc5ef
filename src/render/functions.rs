//! Template functions: `t()` formats Fluent messages through `i18n::Locales`, `url()` turns
//! `@/` paths and static file names into URLs. They hold shared, read-only state only.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::dates::{DateFormatter, PartialDate};
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::render::links::Links;

/// The language of a call: `lang=` if given, else the `lang` of the render context.
fn call_lang(links: &Links, kwargs: &Kwargs, state: &State) -> TeraResult<Lang> {
    let code: String = match kwargs.get::<String>("lang")? {
        Some(l) => l,
        None => state
            .get::<String>("lang")?
            .ok_or_else(|| tera::Error::message("no `lang` in the context; pass lang=\"..\""))?,
    };
    links
        .language(&code)
        .ok_or_else(|| tera::Error::message(format!("`{code}` is not one of the site's languages")))
}

/// What the functions read: messages, URLs and date formatters, shared by all threads.
#[derive(Clone)]
pub struct Shared {
    pub locales: Arc<Locales>,
    pub links: Arc<Links>,
    pub dates: Arc<DateFormatters>,
}

/// One CLDR date formatter per site language.
pub struct DateFormatters {
    by_lang: HashMap<Lang, DateFormatter>,
}

impl DateFormatters {
    pub fn new(languages: &[Lang]) -> DateFormatters {
        let by_lang = languages
            .iter()
            .filter_map(|l| {
                let f = DateFormatter::new(l.as_str())
                    .or_else(|_| DateFormatter::new("en"))
                    .ok()?;
                Some((l.clone(), f))
            })
            .collect();
        DateFormatters { by_lang }
    }

    pub fn get(&self, lang: &Lang) -> TeraResult<&DateFormatter> {
        self.by_lang
            .get(lang)
            .ok_or_else(|| tera::Error::message(format!("no date formatter for `{lang}`")))
    }
}

fn parse_date(text: &str) -> TeraResult<PartialDate> {
    text.parse()
        .map_err(|e: crate::dates::DateError| tera::Error::message(e.to_string()))
}

pub fn register(tera: &mut Tera, state: Shared) {
    let Shared {
        locales,
        links,
        dates,
    } = state;
    let l = links.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = call_lang(&l, &kwargs, state)?;
            let mut args = FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if name == "key" || name == "lang" || name == "default" {
                    continue;
                }
                if let Some(v) = fluent_value(value) {
                    args.set(name.to_string(), v);
                }
            }
            match locales.format(&lang, &key, Some(&args)) {
                Ok(text) => Ok(text),
                // `default=` makes a message optional, e.g. names of tags a site may add.
                Err(e) => match kwargs.get::<Value>("default")? {
                    Some(d) if !d.is_undefined() => {
                        Ok(d.as_str().map_or_else(|| d.to_string(), str::to_string))
                    }
                    _ => Err(tera::Error::message(e)),
                },
            }
        },
    );
    let (l, d) = (links.clone(), dates.clone());
    tera.register_filter(
        "date",
        move |value: &str, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = call_lang(&l, &kwargs, state)?;
            Ok(d.get(&lang)?.format(parse_date(value)?))
        },
    );
    let l = links.clone();
    tera.register_function(
        "date_range",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = call_lang(&l, &kwargs, state)?;
            let f = dates.get(&lang)?;
            let start = parse_date(&kwargs.must_get::<String>("start")?)?;
            match kwargs
                .get::<Value>("end")?
                .filter(|v| !v.is_none() && !v.is_undefined())
            {
                Some(end) => {
                    let end = parse_date(&end.to_string())?;
                    Ok(f.format_range(start, end))
                }
                None => Ok(f.format(start)),
            }
        },
    );
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            let lang = call_lang(&links, &kwargs, state)?;
            links.resolve(&path, &lang).map_err(tera::Error::message)
        },
    );
}

/// Numbers stay numbers so that plural selection works; `none` is left out.
fn fluent_value(v: &Value) -> Option<FluentValue<'static>> {
    if v.is_none() || v.is_undefined() {
        None
    } else if let Some(i) = v.as_i64() {
        Some(FluentValue::from(i))
    } else if let Some(f) = v.as_f64() {
        Some(FluentValue::from(f))
    } else if let Some(s) = v.as_str() {
        Some(FluentValue::from(s.to_string()))
    } else {
        Some(FluentValue::from(v.to_string()))
    }
}
