//! Renders the partner map: the `/<lang>/map/` page with the full map and its table, and
//! the SVG strings that other pages embed (the compact map of the home page, a project's
//! own map). The data comes from `crate::partners`, the drawing from `crate::map`.

use std::collections::BTreeSet;

use tera::{Context, Value};

use super::context::PageKind;
use super::{Site, generated_page, render_builtin};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::map::MapOptions;
use crate::output::{Sink, relativize};
use crate::partners;

/// The SVG of a map in `lang`: of the whole site, or of the institutions in `only`.
pub fn svg(
    site: &Site<'_>,
    lang: &Lang,
    only: Option<&BTreeSet<String>>,
    id: &str,
    compact: bool,
) -> Option<String> {
    let outlines = site.outlines?;
    let data = partners::build(
        site.content,
        site.config,
        site.locales,
        site.links,
        lang,
        only,
    );
    if data.places.is_empty() {
        return None;
    }
    let opts = MapOptions {
        id: id.to_string(),
        lang: lang.to_string(),
        width: if compact { 640.0 } else { 1000.0 },
        height: None,
        compact,
        detail: only.is_some(),
    };
    Some(
        crate::map::render_svg_cached(outlines, &data.places, &data.links, &data.text, &opts)
            .to_string(),
    )
}

/// `/<lang>/map/`: the map, and a table with the same data.
pub fn render_page(
    site: &Site<'_>,
    site_value: &Value,
    lang: &Lang,
    sink: &dyn Sink,
) -> Result<usize, Diagnostic> {
    let Some(outlines) = site.outlines else {
        return Ok(0);
    };
    let data = partners::build(
        site.content,
        site.config,
        site.locales,
        site.links,
        lang,
        None,
    );
    let opts = MapOptions {
        id: "map".into(),
        lang: lang.to_string(),
        ..MapOptions::default()
    };
    let svg = crate::map::render_svg_cached(outlines, &data.places, &data.links, &data.text, &opts);
    let dir_of = |l: &Lang| format!("{l}/map/");
    let dir = dir_of(lang);
    let page = generated_page(site, lang, PageKind::Map, &dir_of, data.text.title.clone());
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());
    ctx.insert_value("site", site_value.clone());
    ctx.insert("page", &page);
    let mut map = tera::Map::new();
    map.insert("svg".into(), Value::safe_string(&svg));
    map.insert("rows".into(), Value::from_serializable(&data.rows));
    map.insert("desc".into(), Value::from(data.text.desc.clone()));
    ctx.insert_value("map", Value::from(map));
    let html = render_builtin(site, "map.html", &ctx)?;
    sink.write(
        &format!("{dir}index.html"),
        relativize(&html, &site.config.base_path, &dir, site.link_style),
    )?;
    Ok(1)
}
