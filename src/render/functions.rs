//! Template functions: `t()` formats Fluent messages through `i18n::Locales`, `url()` turns
//! `@/` paths and static file names into URLs. They hold shared, read-only state only.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::dates::PartialDate;
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

pub fn register(tera: &mut Tera, locales: Arc<Locales>, links: Arc<Links>) {
    let l = links.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = call_lang(&l, &kwargs, state)?;
            let mut args = FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if name == "key" || name == "lang" {
                    continue;
                }
                if let Some(v) = fluent_value(value) {
                    args.set(name.to_string(), v);
                }
            }
            locales
                .format(&lang, &key, Some(&args))
                .map_err(tera::Error::message)
        },
    );
    tera.register_filter(
        "date",
        |value: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            let d: PartialDate = value.parse().map_err(tera::Error::message)?;
            Ok(d.to_string())
        },
    );
    tera.register_function(
        "date_range",
        |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let start: PartialDate = kwargs
                .must_get::<&str>("start")?
                .parse()
                .map_err(tera::Error::message)?;
            match kwargs.get::<&str>("end")? {
                Some(end) => {
                    let end: PartialDate = end.parse().map_err(tera::Error::message)?;
                    Ok(format!("{start} – {end}"))
                }
                None => Ok(start.to_string()),
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
