//! Fluent messages are loaded here: mosty's own defaults, then the theme's
//! `locales/<lang>/*.ftl`, then the site's `locales/<lang>/*.ftl`, each layer overriding the
//! one before message by message; one concurrent bundle per language, shared by all render
//! threads. Lookups follow the language's fallback chain and record what fell back.
//! The Tera function that calls this lives in `render::functions`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::fs;
use crate::lang::Lang;
use crate::theme::LocaleFile;

type Bundle = FluentBundle<FluentResource>;

/// A placeable nested deeper than this is refused before fluent-syntax sees it: the parser
/// recurses once per level and overflows the stack at a few thousand.
pub const MAX_NESTING: usize = 32;

/// mosty's own messages, used by its built-in templates, so any theme works out of the box.
pub const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("builtin/locales/en.ftl")),
    ("ru", include_str!("builtin/locales/ru.ftl")),
    ("ka", include_str!("builtin/locales/ka.ftl")),
    ("cs", include_str!("builtin/locales/cs.ftl")),
];

/// A problem found while formatting, recorded for the end-of-build report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Note {
    FellBack {
        lang: Lang,
        id: String,
        used: String,
    },
    Resolver {
        lang: Lang,
        id: String,
        errors: String,
    },
}

/// Every language's messages, ready to format from many threads.
pub struct Locales {
    bundles: HashMap<Lang, Bundle>,
    /// The built-in English messages: the last resort of every chain.
    last_resort: Bundle,
    chains: BTreeMap<Lang, Vec<Lang>>,
    notes: Mutex<BTreeSet<Note>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// One parsed `.ftl` file.
struct LoadedFile {
    resource: FluentResource,
    ids: Vec<String>,
}

/// Loads, for every configured language, mosty's defaults, then the theme's messages, then
/// the site's `locales/<lang>/*.ftl`: a later layer wins, message by message.
pub fn load(
    config: &SiteConfig,
    theme: &[LocaleFile],
    site_dir: &Path,
) -> Result<(Locales, Vec<Diagnostic>), Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut per_lang: BTreeMap<Lang, Vec<Vec<LoadedFile>>> = BTreeMap::new();

    for lang in &config.languages {
        let mut lang_layers = Vec::new();
        if let Some((_, text)) = BUILTIN.iter().find(|(l, _)| *l == lang.as_str()) {
            let src = SourceText {
                path: format!("<mosty>/{lang}.ftl").into(),
                text: Arc::from(*text),
            };
            lang_layers.push(parse_file(&src, &mut diags).into_iter().collect());
        }
        let mut themed = Vec::new();
        for f in theme
            .iter()
            .filter(|f| Lang::parse(&f.lang).ok().as_ref() == Some(lang))
        {
            themed.extend(parse_file(&f.source, &mut diags));
        }
        lang_layers.push(themed);
        let shown = Path::new("locales").join(lang.as_str());
        let (files, problems) = fs::walk(&site_dir.join(lang.as_str()), &shown);
        diags.extend(problems);
        let mut loaded = Vec::new();
        for f in files
            .iter()
            .filter(|f| f.rel.extension().is_some_and(|e| e == "ftl"))
        {
            let shown = shown.join(&f.rel);
            match fs::read_text(&f.path, &shown) {
                Ok(text) => {
                    let src = SourceText {
                        path: shown,
                        text: Arc::from(text),
                    };
                    loaded.extend(parse_file(&src, &mut diags));
                }
                Err(d) => diags.push(d),
            }
        }
        lang_layers.push(loaded);
        per_lang.insert(lang.clone(), lang_layers);
    }
    warn_unknown_language_dirs(config, site_dir, &mut diags);
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }

    let mut bundles = HashMap::new();
    for (lang, lang_layers) in per_lang {
        bundles.insert(lang.clone(), build_bundle(&lang, lang_layers));
    }
    let en = Lang::parse("en").expect("valid tag");
    let builtin_en = SourceText {
        path: "<mosty>/en.ftl".into(),
        text: Arc::from(BUILTIN[0].1),
    };
    // English is the last resort of every chain, even on a site without English, so that
    // a site in any language builds with the theme's words until a translator adds them.
    let mut scratch = Diagnostics::default();
    let theme_en = theme
        .iter()
        .filter(|f| f.lang == "en")
        .filter_map(|f| parse_file(&f.source, &mut scratch))
        .collect();
    let last_resort = build_bundle(
        &en,
        vec![
            parse_file(&builtin_en, &mut diags).into_iter().collect(),
            theme_en,
        ],
    );
    diags.sort();
    Ok((
        Locales {
            bundles,
            last_resort,
            chains: config.fallback.clone(),
            notes: Mutex::new(BTreeSet::new()),
        },
        diags.0,
    ))
}

fn warn_unknown_language_dirs(config: &SiteConfig, dir: &Path, diags: &mut Diagnostics) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = read
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !fs::is_ignored(n))
        .collect();
    names.sort();
    for name in names {
        if !config.languages.iter().any(|l| l.as_str() == name) {
            diags.push(
                Diagnostic::warning(
                    "locale-unused",
                    format!(
                        "`{name}` is not one of the site's languages; its messages are not used"
                    ),
                )
                .in_file(Path::new("locales").join(&name)),
            );
        }
    }
}

/// Later layers win; within a layer, a second definition of an id is reported.
fn build_bundle(lang: &Lang, layers: Vec<Vec<LoadedFile>>) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    for layer in layers {
        for file in layer {
            let _ = &file.ids;
            bundle.add_resource_overriding(file.resource);
        }
    }
    bundle
}

/// Parses one file; syntax errors become diagnostics with line and column.
fn parse_file(src: &SourceText, diags: &mut Diagnostics) -> Option<LoadedFile> {
    if let Some(pos) = too_deep(&src.text) {
        diags.push(
            Diagnostic::error(
                "fluent-nesting",
                format!("placeables are nested more than {MAX_NESTING} levels deep"),
            )
            .at(src, pos..pos + 1)
            .with_hint("a message rarely needs more than two levels of `{ }`; is a `}` missing?"),
        );
        return None;
    }
    let resource = match FluentResource::try_new(src.text.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                // The parser stops at the start of the next line; the mistake is at the
                // end of the line before, which is where a translator must look.
                let mut start = e.pos.start.min(src.text.len());
                if e.slice.as_ref().is_some_and(|s| s.start < start)
                    && start > 0
                    && src.text.as_bytes()[start - 1] == b'\n'
                {
                    start -= 1;
                }
                diags.push(
                    Diagnostic::error("fluent-syntax", format!("Fluent syntax error: {}", e.kind))
                        .at(src, start..start + 1),
                );
            }
            r
        }
    };
    let mut ids = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in resource.entries() {
        let id = match entry {
            ast::Entry::Message(m) => m.id.name.to_string(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        if !seen.insert(id.clone()) {
            let offset = src.text.find(&format!("\n{id} ")).map_or(0, |o| o + 1);
            diags.push(
                Diagnostic::warning(
                    "fluent-duplicate",
                    format!("message `{id}` is defined twice in this file; the last one is used"),
                )
                .at(src, offset..offset + id.len()),
            );
        }
        ids.push(id);
    }
    Some(LoadedFile { resource, ids })
}

/// The byte offset of the first `{` that opens a placeable nested too deep, if any.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut line_start = true;
    let mut in_comment = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            line_start = true;
            in_comment = false;
            continue;
        }
        if line_start && depth == 0 && c == '#' {
            in_comment = true;
        }
        line_start = false;
        if in_comment {
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' if depth > 0 => in_string = true,
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

impl Locales {
    /// Formats message `id` (or `id.attribute`) in `lang`, falling back along the chain.
    /// Err when no language has it.
    pub fn format(
        &self,
        lang: &Lang,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let chain = self.chains.get(lang).map_or(&[][..], Vec::as_slice);
        let candidates = std::iter::once(lang)
            .chain(chain)
            .filter_map(|l| self.bundles.get(l).map(|b| (l.as_str().to_string(), b)))
            .chain(std::iter::once((
                "English default".to_string(),
                &self.last_resort,
            )));
        for (i, (used, bundle)) in candidates.enumerate() {
            let Some(message) = bundle.get_message(msg_id) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => message.get_attribute(a).map(|at| at.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
            let mut notes = self.notes.lock().unwrap_or_else(|e| e.into_inner());
            if i > 0 {
                notes.insert(Note::FellBack {
                    lang: lang.clone(),
                    id: id.to_string(),
                    used,
                });
            }
            if !errors.is_empty() {
                let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
                notes.insert(Note::Resolver {
                    lang: lang.clone(),
                    id: id.to_string(),
                    errors: errors.join("; "),
                });
            }
            return Ok(text);
        }
        let mut tried: Vec<&str> = vec![lang.as_str()];
        tried.extend(chain.iter().map(Lang::as_str));
        Err(format!(
            "message `{id}` is not defined in {} (nor in mosty's defaults)",
            tried.join(", ")
        ))
    }

    /// Formats `id` only if `lang`'s own messages define it (no fallback, nothing recorded).
    pub fn own(&self, lang: &Lang, id: &str) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    /// What fell back or failed to resolve while rendering, as warnings.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        let notes = std::mem::take(&mut *self.notes.lock().unwrap_or_else(|e| e.into_inner()));
        notes
            .into_iter()
            .map(|n| match n {
                Note::FellBack { lang, id, used } => Diagnostic::warning(
                    "fluent-missing",
                    format!("message `{id}` is missing in `{lang}`; used the {used} text"),
                )
                .in_file(Path::new("locales").join(lang.as_str()))
                .with_hint(format!("add `{id} = ...` to a file in locales/{lang}/")),
                Note::Resolver { lang, id, errors } => Diagnostic::warning(
                    "fluent-resolve",
                    format!("message `{id}` in `{lang}`: {errors}"),
                )
                .in_file(Path::new("locales").join(lang.as_str())),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_found_before_parsing() {
        let deep = format!("k = {}\"x\"{}\n", "{".repeat(5000), "}".repeat(5000));
        assert_eq!(too_deep(&deep), Some(4 + MAX_NESTING));
        assert_eq!(too_deep("k = { \"{{{{\" }\n# {{{{{{{{\n"), None);
    }
}
