//! `site.toml`: the site's languages, fallback chains, base URL and theme, validated.
//! Knows nothing of pages, templates or Fluent.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::lang::Lang;

pub const CONFIG_FILE: &str = "site.toml";

/// The validated configuration of a site.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Absolute URL with a trailing slash, e.g. `https://college.example/international/`.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub base_path: String,
    pub default_language: Lang,
    /// In the order of `site.toml`; the default language is among them.
    pub languages: Vec<Lang>,
    pub theme: String,
    /// For each language, where missing entries and messages are taken from, in order:
    /// the configured chain, then the default language, then every other language.
    pub fallback: BTreeMap<Lang, Vec<Lang>>,
    /// Whether `build` writes `/status/`, the translation coverage page.
    pub status_page: bool,
    /// Which site-wide files are written besides the pages.
    pub outputs: Outputs,
}

/// `[outputs]`: the files mosty writes besides the entry pages, each on unless turned off
/// (a site without events may not want a timeline; a benchmark compares like with like).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Outputs {
    /// `/<lang>/timeline/` and its filtered pages.
    pub timeline: bool,
    /// `/<lang>/events.ics`.
    pub calendar: bool,
    /// `/<lang>/atom.xml`.
    pub feeds: bool,
    /// `/sitemap.xml`.
    pub sitemap: bool,
    /// `/robots.txt`.
    pub robots: bool,
}

impl Default for Outputs {
    fn default() -> Self {
        Outputs {
            timeline: true,
            calendar: true,
            feeds: true,
            sitemap: true,
            robots: true,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Option<Spanned<String>>,
    default_language: Option<Spanned<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    fallback: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    status_page: Option<bool>,
    #[serde(default)]
    outputs: Outputs,
}

impl SiteConfig {
    /// Parses and validates `site.toml`; `text` is the file's content.
    pub fn parse(text: &str, base_url_override: Option<&str>) -> Result<SiteConfig, Diagnostics> {
        let source = SourceText {
            path: CONFIG_FILE.into(),
            text: Arc::from(text),
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let d = Diagnostic::error("config-toml", e.message().to_string());
            match e.span() {
                Some(span) => d.at(&source, span),
                None => d.in_file(CONFIG_FILE),
            }
            .with_hint(
                "known keys: base_url, default_language, languages, theme, status_page, [fallback], [outputs] (timeline, calendar, feeds, sitemap, robots)",
            )
        })?;
        let mut errors = Diagnostics::default();
        let err = |code, msg: String, span: std::ops::Range<usize>| {
            Diagnostic::error(code, msg).at(&source, span)
        };

        let mut languages: Vec<Lang> = Vec::new();
        if let Some(list) = &raw.languages {
            for code in list.get_ref() {
                match Lang::parse(code.get_ref()) {
                    Ok(l) if languages.contains(&l) => errors.push(err(
                        "config-language",
                        format!("language `{l}` is listed twice"),
                        code.span(),
                    )),
                    Ok(l) => languages.push(l),
                    Err(m) => errors.push(err("config-language", m, code.span())),
                }
            }
        }
        let default_language = match &raw.default_language {
            Some(code) => match Lang::parse(code.get_ref()) {
                Ok(l) => {
                    if languages.is_empty() {
                        languages.push(l.clone());
                    } else if !languages.contains(&l) {
                        errors.push(err(
                            "config-language",
                            format!("default_language `{l}` is not in `languages`"),
                            code.span(),
                        ));
                    }
                    Some(l)
                }
                Err(m) => {
                    errors.push(err("config-language", m, code.span()));
                    None
                }
            },
            None => languages.first().cloned(),
        };
        let Some(default_language) = default_language else {
            errors.push(
                Diagnostic::error("config-language", "no language is configured")
                    .in_file(CONFIG_FILE)
                    .with_hint(
                        "add `languages = [\"ru\", \"en\"]` and `default_language = \"ru\"`",
                    ),
            );
            return Err(errors);
        };

        let (base_url, base_path) = match base_url_override {
            Some(url) => match normalize_base_url(url) {
                Ok(v) => v,
                Err(m) => {
                    errors.push(Diagnostic::error(
                        "config-base-url",
                        format!("--base-url: {m}"),
                    ));
                    (String::new(), String::new())
                }
            },
            None => match &raw.base_url {
                Some(url) => match normalize_base_url(url.get_ref()) {
                    Ok(v) => v,
                    Err(m) => {
                        errors.push(err("config-base-url", m, url.span()));
                        (String::new(), String::new())
                    }
                },
                None => {
                    errors.push(
                        Diagnostic::error("config-base-url", "missing key `base_url`")
                            .in_file(CONFIG_FILE)
                            .with_hint(
                                "add `base_url = \"https://college.example/international/\"`",
                            ),
                    );
                    (String::new(), String::new())
                }
            },
        };

        let theme = raw
            .theme
            .as_ref()
            .map_or_else(|| "default".to_string(), |t| t.get_ref().clone());
        if let Some(t) = &raw.theme
            && (t.get_ref().is_empty()
                || !t
                    .get_ref()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                || t.get_ref().starts_with('.'))
        {
            errors.push(err(
                "config-theme",
                format!("theme `{}` must be a folder name in themes/", t.get_ref()),
                t.span(),
            ));
        }

        let mut explicit: BTreeMap<Lang, Vec<Lang>> = BTreeMap::new();
        for (key, chain) in &raw.fallback {
            let Some(lang) = languages
                .iter()
                .find(|l| l.as_str() == key || Lang::parse(key).ok().as_ref() == Some(*l))
            else {
                errors.push(err(
                    "config-fallback",
                    format!("[fallback] names language `{key}`, which is not in `languages`"),
                    chain.span(),
                ));
                continue;
            };
            let mut list = Vec::new();
            for target in chain.get_ref() {
                match languages
                    .iter()
                    .find(|l| Lang::parse(target.get_ref()).ok().as_ref() == Some(*l))
                {
                    Some(t) if t == lang => errors.push(err(
                        "config-fallback",
                        format!("[fallback] `{key}` falls back to itself"),
                        target.span(),
                    )),
                    Some(t) => list.push(t.clone()),
                    None => errors.push(err(
                        "config-fallback",
                        format!(
                            "[fallback] `{key}` falls back to `{}`, which is not in `languages`",
                            target.get_ref()
                        ),
                        target.span(),
                    )),
                }
            }
            explicit.insert(lang.clone(), list);
        }
        if let Some(cycle) = find_cycle(&explicit) {
            let first = &cycle[0];
            let span = raw
                .fallback
                .iter()
                .find(|(k, _)| Lang::parse(k).ok().as_ref() == Some(first))
                .map_or(0..0, |(_, v)| v.span());
            let path: Vec<&str> = cycle.iter().map(Lang::as_str).collect();
            errors.push(err(
                "config-fallback",
                format!("[fallback] has a cycle: {}", path.join(" → ")),
                span,
            ));
        }
        if errors.has_errors() {
            return Err(errors);
        }

        let fallback = languages
            .iter()
            .map(|lang| {
                let mut chain: Vec<Lang> = Vec::new();
                let push = |chain: &mut Vec<Lang>, l: &Lang| {
                    if l != lang && !chain.contains(l) {
                        chain.push(l.clone());
                    }
                };
                for l in explicit.get(lang).into_iter().flatten() {
                    push(&mut chain, l);
                }
                push(&mut chain, &default_language);
                for l in &languages {
                    push(&mut chain, l);
                }
                (lang.clone(), chain)
            })
            .collect();

        Ok(SiteConfig {
            base_url,
            base_path,
            default_language,
            languages,
            theme,
            fallback,
            status_page: raw.status_page.unwrap_or(true),
            outputs: raw.outputs,
        })
    }

    /// Reads `site.toml` from a site root.
    pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<SiteConfig, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        let text = crate::fs::read_text(&path, Path::new(CONFIG_FILE)).map_err(|e| {
            e.with_hint(format!(
                "a site is a folder with `{CONFIG_FILE}`; run mosty in it or pass --root DIR"
            ))
        })?;
        SiteConfig::parse(&text, base_url_override)
    }

    /// The languages to try, in order, when `lang` lacks an entry or a message.
    pub fn fallback_chain(&self, lang: &Lang) -> &[Lang] {
        self.fallback.get(lang).map_or(&[], Vec::as_slice)
    }
}

/// Checks the URL and splits off its path: `https://h.example/a` → (`https://h.example/a/`, `/a/`).
fn normalize_base_url(url: &str) -> Result<(String, String), String> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("base_url `{url}` contains spaces"));
    }
    let mut full = url.to_string();
    if !full.ends_with('/') {
        full.push('/');
    }
    if let Some(rest) = full
        .strip_prefix("http://")
        .or_else(|| full.strip_prefix("https://"))
    {
        let slash = rest.find('/').unwrap_or(rest.len());
        if slash == 0 {
            return Err(format!("base_url `{url}` has no host"));
        }
        let path = rest[slash..].to_string();
        if path.contains("/../") || path.contains("/./") || path.contains(['?', '#']) {
            return Err(format!("base_url `{url}` must be a plain folder URL"));
        }
        Ok((full.clone(), path))
    } else if full.starts_with('/') && !full.starts_with("//") {
        Ok((full.clone(), full))
    } else {
        Err(format!(
            "base_url `{url}` must start with https://, http:// or /"
        ))
    }
}

fn find_cycle(graph: &BTreeMap<Lang, Vec<Lang>>) -> Option<Vec<Lang>> {
    fn visit(
        node: &Lang,
        graph: &BTreeMap<Lang, Vec<Lang>>,
        stack: &mut Vec<Lang>,
        done: &mut Vec<Lang>,
    ) -> Option<Vec<Lang>> {
        if let Some(pos) = stack.iter().position(|l| l == node) {
            let mut cycle = stack[pos..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.push(node.clone());
        None
    }
    let mut done = Vec::new();
    graph
        .keys()
        .find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, String> {
        SiteConfig::parse(text, None).map_err(|d| d.to_string())
    }

    #[test]
    fn chains_end_with_default_then_the_rest() {
        let c = parse(
            "base_url = \"https://c.example/intl\"\ndefault_language = \"ru\"\nlanguages = [\"ru\", \"ka\", \"en\", \"cs\"]\n[fallback]\nka = [\"en\"]\n",
        )
        .unwrap();
        let ka = Lang::parse("ka").unwrap();
        let chain: Vec<&str> = c.fallback_chain(&ka).iter().map(Lang::as_str).collect();
        assert_eq!(chain, ["en", "ru", "cs"]);
        assert_eq!(c.base_path, "/intl/");
        assert_eq!(c.base_url, "https://c.example/intl/");
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = parse("base_url = \"/\"\nlanguages = [\"ru\"]\ntitel = 1\n").unwrap_err();
        assert!(e.contains("site.toml:3:1"), "{e}");
        assert!(e.contains("titel"), "{e}");
    }

    #[test]
    fn default_language_must_be_listed() {
        let e = parse("base_url = \"/\"\ndefault_language = \"de\"\nlanguages = [\"ru\"]\n")
            .unwrap_err();
        assert!(e.contains("site.toml:2:"), "{e}");
    }

    #[test]
    fn fallback_errors() {
        let base = "base_url = \"/\"\nlanguages = [\"ru\", \"ka\", \"en\"]\n[fallback]\n";
        let e = parse(&format!("{base}ka = [\"de\"]\n")).unwrap_err();
        assert!(e.contains("site.toml:4:") && e.contains("`de`"), "{e}");
        let e = parse(&format!("{base}ka = [\"en\"]\nen = [\"ka\"]\n")).unwrap_err();
        assert!(e.contains("cycle"), "{e}");
    }

    #[test]
    fn any_bcp47_language_works() {
        let c = parse("base_url = \"/\"\nlanguages = [\"de\", \"pl\", \"sr-Latn\"]\n").unwrap();
        assert_eq!(c.default_language.as_str(), "de");
        assert_eq!(c.languages.len(), 3);
    }
}
