//! The Fluent checks of `mosty check`: syntax, duplicates, messages and attributes missing in
//! a language (and where they fall back to), obsolete messages, variables that differ from the
//! source, plural variants CLDR needs, references that resolve to nothing, HTML in messages,
//! and empty values. Each definition is checked as the language shows it (the last layer
//! that defines it); syntax and duplicates are checked in every file of the site and theme.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::catalog::{Catalog, DefRef, Entry, FtlFile, Layer, PatternInfo, Reference};
use super::plural;
use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, display_path};
use crate::lang::Lang;

/// What a language's fallback chain offers: the definitions each language of the chain shows,
/// then mosty's English. Built once per language; building them again for each missing
/// message made a catalog with many untranslated messages quadratic.
pub struct Fallbacks<'a> {
    cat: &'a Catalog,
    chain: Vec<(String, BTreeMap<String, DefRef>)>,
    last_resort: BTreeMap<String, DefRef>,
}

impl<'a> Fallbacks<'a> {
    pub fn new(cat: &'a Catalog, config: &SiteConfig, lang: &Lang) -> Fallbacks<'a> {
        Fallbacks {
            cat,
            chain: config
                .fallback_chain(lang)
                .iter()
                .map(|l| (l.to_string(), cat.effective(l)))
                .collect(),
            last_resort: cat.last_resort(),
        }
    }

    /// Where the language finds a message (or one of its attributes) it lacks.
    pub fn falls_back_to(&self, id: &str, attribute: Option<&str>) -> Option<String> {
        let has = |d: &DefRef| {
            let (_, e) = self.cat.get(*d);
            match attribute {
                Some(a) => e.attribute(a).is_some(),
                None => e.value.is_some(),
            }
        };
        for (lang, eff) in &self.chain {
            if eff.get(id).is_some_and(has) {
                return Some(lang.clone());
            }
        }
        self.last_resort
            .get(id)
            .is_some_and(has)
            .then(|| "English default".to_string())
    }
}

/// `falls_back_to` of a message the language has only from its theme (or mosty), while
/// the default language's site files replace that text.
pub const THEME_TEXT: &str = "theme";

/// A message a language lacks.
#[derive(Debug, Clone)]
pub struct Missing {
    pub id: String,
    /// The definition it is measured against (the default language's, or mosty's English).
    pub source: DefRef,
    /// The language whose text readers see instead, `English default` for mosty's own
    /// English, [`THEME_TEXT`] when the language's theme text is shown instead of a
    /// translation of the site's own message, or `None` when nothing has it.
    pub falls_back_to: Option<String>,
}

/// The messages of `reference` that `lang` lacks: not defined in any of its layers, or (for a
/// translation) defined only by the theme or mosty while the default language's site files
/// replace that message with the site's own text.
pub fn missing_messages(
    cat: &Catalog,
    config: &SiteConfig,
    lang: &Lang,
    reference: &BTreeMap<String, DefRef>,
) -> Vec<Missing> {
    let eff = cat.effective(lang);
    let fallbacks = Fallbacks::new(cat, config, lang);
    let mut out = Vec::new();
    for (id, src) in reference {
        match eff.get(id) {
            None => out.push(Missing {
                id: id.clone(),
                source: *src,
                falls_back_to: fallbacks.falls_back_to(id, None),
            }),
            Some(mine) => {
                let site_source = cat.files[src.file].layer == Layer::Site
                    && cat.files[src.file].lang.as_ref() == Some(&config.default_language);
                if *lang != config.default_language
                    && site_source
                    && cat.files[mine.file].layer != Layer::Site
                {
                    out.push(Missing {
                        id: id.clone(),
                        source: *src,
                        falls_back_to: Some(THEME_TEXT.to_string()),
                    });
                }
            }
        }
    }
    out
}

fn fallback_words(to: &Option<String>) -> String {
    match to {
        Some(l) if l == "English default" => "readers see mosty's English default".into(),
        Some(l) => format!("readers see the `{l}` text"),
        None => "no language has it, so the page shows its id".into(),
    }
}

/// Every Fluent problem of the site.
pub fn check(cat: &Catalog, config: &SiteConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in cat.files.iter().filter(|f| f.layer != Layer::Builtin) {
        file_problems(f, &mut out);
    }
    duplicates(cat, &mut out);
    let reference = cat.reference();
    for lang in &config.languages {
        language_problems(cat, config, lang, &reference, &mut out);
    }
    out
}

fn file_problems(f: &FtlFile, out: &mut Vec<Diagnostic>) {
    if let Some(pos) = f.too_deep {
        out.push(
            Diagnostic::error(
                "fluent-nesting",
                "placeables are nested more than 32 levels deep",
            )
            .at(&f.source, pos..pos + 1)
            .with_hint("a message rarely needs more than two levels of `{ }`; is a `}` missing?"),
        );
    }
    for e in &f.errors {
        // The parser stops at the start of the next line; the mistake is at the end of the
        // line before, which is where a translator must look.
        let text = &f.source.text;
        let mut start = e.pos.start.min(text.len());
        if e.slice.as_ref().is_some_and(|s| s.start < start)
            && start > 0
            && text.as_bytes()[start - 1] == b'\n'
        {
            start -= 1;
        }
        let message = e.message.replace('\n', "\\n").replace('\r', "\\r");
        let mut d = Diagnostic::error("fluent-syntax", format!("Fluent syntax error: {message}"))
            .at(&f.source, start..start + 1);
        if let Some(h) = syntax_hint(&message) {
            d = d.with_hint(h);
        }
        out.push(d);
    }
}

fn syntax_hint(message: &str) -> Option<&'static str> {
    if message.contains("\\n") {
        Some(
            "a select expression spans several lines: `{ $count ->`, then one `[key] text` per line, then `}`",
        )
    } else if message.contains("default variant") {
        Some("mark exactly one variant as the default with `*`, e.g. `*[other] ...`")
    } else if message.contains("message field")
        || message.contains("term field")
        || message == "Expected a value"
    {
        Some("a message needs text after `=`; to leave it for later, comment the line out with `#`")
    } else if message.contains("\"}\"") {
        Some("every `{` needs a closing `}` on the same message")
    } else if message.contains("closing brace") {
        Some("a `{` or `}` meant as text is written `{ \"{\" }` or `{ \"}\" }`")
    } else if message.contains("Unterminated string") {
        Some("a string literal inside `{ }` needs its closing `\"`")
    } else {
        None
    }
}

/// A second definition of an id in the same language and layer: in one file, or in two
/// files of the same folder (the later one wins, silently).
fn duplicates(cat: &Catalog, out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(Layer, String, String), DefRef> = BTreeMap::new();
    for (fi, f) in cat.files.iter().enumerate() {
        if f.layer == Layer::Builtin {
            continue;
        }
        // Theme folders are grouped by folder (their path differs per theme).
        for (ei, e) in f.entries.iter().enumerate() {
            let key = (f.layer, f.folder.clone(), e.id.clone());
            if let Some(first) = seen.get(&key) {
                let kind = if e.is_term() { "term" } else { "message" };
                out.push(
                    Diagnostic::error(
                        "fluent-duplicate",
                        format!(
                            "{kind} `{}` is defined twice in `{}`; this later definition replaces the one at {}",
                            e.id,
                            f.folder,
                            cat.position(*first)
                        ),
                    )
                    .at(&f.source, e.id_span.clone())
                    .with_hint("keep one definition and delete the other"),
                );
            } else {
                seen.insert(
                    key,
                    DefRef {
                        file: fi,
                        entry: ei,
                    },
                );
            }
        }
    }
}

/// Which variables a source's plural selects choose on, so a translation's select on the
/// same variable counts as plural even without `[one]`-style keys.
fn plural_variables(p: &PatternInfo) -> BTreeSet<String> {
    p.selects
        .iter()
        .filter(|s| is_plural(s, &BTreeSet::new()))
        .filter_map(|s| s.variable.clone())
        .collect()
}

fn is_plural(s: &super::catalog::Select, known: &BTreeSet<String>) -> bool {
    s.number_fn
        || s.numeric_keys
        || s.keys
            .iter()
            .any(|k| plural::NAMES.contains(&k.as_str()) && k != "other")
        || s.variable.as_ref().is_some_and(|v| known.contains(v))
}

fn missing_target(cat: &Catalog, lang: &Lang, source: DefRef) -> (std::path::PathBuf, bool) {
    let (f, _) = cat.get(source);
    if f.layer == Layer::Site {
        (Catalog::site_path(lang, &f.file_name()), true)
    } else {
        (Path::new("locales").join(lang.as_str()), false)
    }
}

fn language_problems(
    cat: &Catalog,
    config: &SiteConfig,
    lang: &Lang,
    reference: &BTreeMap<String, DefRef>,
    out: &mut Vec<Diagnostic>,
) {
    let eff = cat.effective(lang);
    let fallbacks = Fallbacks::new(cat, config, lang);
    let cats = plural::categories(lang);
    let is_default = *lang == config.default_language;

    // Missing messages.
    for m in missing_messages(cat, config, lang, reference) {
        let (id, src) = (&m.id, m.source);
        let (path, in_site) = missing_target(cat, lang, src);
        let hint = if in_site && !is_default {
            format!(
                "the source is at {}; add `{id} = ...` to {} (`mosty locales sync --lang {lang}` adds it as a comment to translate)",
                cat.position(src),
                display_path(&path)
            )
        } else {
            format!(
                "the source is at {}; add `{id} = ...` to a file in locales/{lang}/",
                cat.position(src)
            )
        };
        let message = if m.falls_back_to.as_deref() == Some(THEME_TEXT) {
            format!(
                "message `{id}` is missing in `{lang}`; the site replaces the theme's text in `{}` but `{lang}` readers see the theme's",
                config.default_language
            )
        } else {
            format!(
                "message `{id}` is missing in `{lang}`; {}",
                fallback_words(&m.falls_back_to)
            )
        };
        out.push(
            Diagnostic::warning("fluent-missing", message)
                .in_file(path)
                .with_hint(hint),
        );
    }

    for (id, def) in &eff {
        let (file, entry) = cat.get(*def);
        let source = reference.get(id).copied().filter(|s| s != def);
        if let Some(src) = source {
            compare_with_source(cat, &fallbacks, lang, id, (file, entry), src, out);
        }
        if file.layer == Layer::Builtin {
            continue;
        }
        references(lang, &eff, cat, file, entry, out);
        let known_plural = source.map_or_else(BTreeSet::new, |s| {
            let (_, se) = cat.get(s);
            let mut v = se.value.as_ref().map(plural_variables).unwrap_or_default();
            for (_, _, p) in &se.attributes {
                v.extend(plural_variables(p));
            }
            v
        });
        let patterns = entry.value.iter().map(|p| (None, p)).chain(
            entry
                .attributes
                .iter()
                .map(|(n, _, p)| (Some(n.as_str()), p)),
        );
        for (attr, p) in patterns {
            plurals(lang, &cats, file, id, p, &known_plural, out);
            let what = match attr {
                Some(a) => format!("`{id}.{a}`"),
                None => format!("`{id}`"),
            };
            if let Some(span) = &p.markup {
                let tag = &file.source.text[span.clone()];
                out.push(
                    Diagnostic::warning(
                        "fluent-markup",
                        format!("{what} contains `{tag}`, which looks like HTML; messages are escaped, so readers see it as typed"),
                    )
                    .at(&file.source, span.clone())
                    .with_hint("write plain text (use the character itself instead of an entity); formatting belongs in the templates"),
                );
            }
            if p.empty {
                out.push(
                    Diagnostic::warning("fluent-empty", format!("{what} is empty"))
                        .at(&file.source, entry.id_span.clone())
                        .with_hint(
                            "give it text, or delete it so the language's fallback is shown",
                        ),
                );
            }
        }
    }

    out.extend(cycles(cat, &eff));

    // Obsolete messages: in this translation's own files, but in no layer of the default
    // language (nor in the English last resort).
    if !is_default {
        for (_, f) in cat.files_of(lang).filter(|(_, f)| f.layer == Layer::Site) {
            for e in f.entries.iter().filter(|e| !e.is_term()) {
                if !reference.contains_key(&e.id) {
                    out.push(
                        Diagnostic::warning(
                            "fluent-obsolete",
                            format!(
                                "message `{}` is not defined in the default language `{}`; no template asks for it",
                                e.id, config.default_language
                            ),
                        )
                        .at(&f.source, e.id_span.clone())
                        .with_hint(format!(
                            "delete it if the source message was removed or renamed; if it is new, add it to locales/{}/ first",
                            config.default_language
                        )),
                    );
                }
            }
        }
    }
}

/// Attributes and variables of a translation against the source definition.
fn compare_with_source(
    cat: &Catalog,
    fallbacks: &Fallbacks<'_>,
    lang: &Lang,
    id: &str,
    (file, entry): (&FtlFile, &Entry),
    src: DefRef,
    out: &mut Vec<Diagnostic>,
) {
    let (sf, se) = cat.get(src);
    let src_pos = cat.position(src);
    if se.value.is_some() && entry.value.is_none() {
        let to = fallbacks.falls_back_to(id, None);
        out.push(
            Diagnostic::warning(
                "fluent-missing-attribute",
                format!(
                    "message `{id}` has no value in `{lang}`, only attributes; {}",
                    fallback_words(&to)
                ),
            )
            .at(&file.source, entry.id_span.clone())
            .with_hint(format!("the source at {src_pos} has a value")),
        );
    }
    for (name, _, _) in &se.attributes {
        if entry.attribute(name).is_none() {
            let to = fallbacks.falls_back_to(id, Some(name));
            out.push(
                Diagnostic::warning(
                    "fluent-missing-attribute",
                    format!(
                        "attribute `{id}.{name}` is missing in `{lang}`; {}",
                        fallback_words(&to)
                    ),
                )
                .at(&file.source, entry.id_span.clone())
                .with_hint(format!(
                    "add a line `    .{name} = ...` under `{id}` (the source is at {src_pos})"
                )),
            );
        }
    }
    if file.layer == Layer::Builtin {
        return;
    }
    let pairs = se
        .value
        .iter()
        .map(|p| (None, p))
        .chain(se.attributes.iter().map(|(n, _, p)| (Some(n.as_str()), p)));
    for (attr, sp) in pairs {
        let mine = match attr {
            None => entry.value.as_ref(),
            Some(a) => entry.attribute(a),
        };
        let Some(mine) = mine else { continue };
        let what = match attr {
            Some(a) => format!("`{id}.{a}`"),
            None => format!("`{id}`"),
        };
        let theirs = sp.variable_names();
        let listed = |set: &BTreeSet<&str>| {
            if set.is_empty() {
                "no variables".to_string()
            } else {
                set.iter()
                    .map(|v| format!("`${v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let mut reported = BTreeSet::new();
        for v in &mine.variables {
            if !theirs.contains(v.id.as_str()) && reported.insert(v.id.clone()) {
                let suggestion = crate::content::closest(
                    &v.id,
                    &theirs.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
                .map(|c| format!("did you mean `${c}`? "))
                .unwrap_or_default();
                out.push(
                    Diagnostic::error(
                        "fluent-variable",
                        format!(
                            "{what} uses `${}`, which the source ({}) does not pass: it has {}",
                            v.id,
                            display_path(&sf.source.path),
                            listed(&theirs)
                        ),
                    )
                    .at(&file.source, v.span.clone())
                    .with_hint(format!(
                        "{suggestion}a variable the source does not have shows as `{{${}}}` on the page; the source is at {src_pos}",
                        v.id
                    )),
                );
            }
        }
        let ours = mine.variable_names();
        for v in theirs.difference(&ours) {
            out.push(
                Diagnostic::warning(
                    "fluent-variable",
                    format!("{what} does not use `${v}`, which the source passes"),
                )
                .at(&file.source, entry.id_span.clone())
                .with_hint(format!(
                    "the source ({src_pos}) shows `${v}`; leave it out only on purpose"
                )),
            );
        }
    }
}

/// Message and term references must resolve in the same language: Fluent looks them up in
/// the language's own messages, without fallback.
fn references(
    lang: &Lang,
    eff: &BTreeMap<String, DefRef>,
    cat: &Catalog,
    file: &FtlFile,
    entry: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    let patterns = entry
        .value
        .iter()
        .chain(entry.attributes.iter().map(|(_, _, p)| p));
    for p in patterns {
        for r in p.messages.iter().chain(&p.terms) {
            let kind = if r.id.starts_with('-') {
                "term"
            } else {
                "message"
            };
            let problem = match eff.get(&r.id) {
                None => Some(format!(
                    "{kind} `{}`, which does not exist in `{lang}`",
                    r.id
                )),
                Some(d) => {
                    let (_, target) = cat.get(*d);
                    match &r.attribute {
                        Some(a) if target.attribute(a).is_none() => Some(format!(
                            "`{}.{a}`, but {kind} `{}` has no attribute `.{a}` in `{lang}`",
                            r.id, r.id
                        )),
                        None if target.value.is_none() => Some(format!(
                            "{kind} `{}`, which has no value in `{lang}`, only attributes",
                            r.id
                        )),
                        _ => None,
                    }
                }
            };
            if let Some(message) = problem {
                let ids: Vec<String> = eff
                    .keys()
                    .filter(|k| k.starts_with('-') == r.id.starts_with('-'))
                    .cloned()
                    .collect();
                let hint = match crate::content::closest(&r.id, &ids) {
                    Some(c) if c != r.id => format!(
                        "did you mean `{c}`? references are looked up in the same language only"
                    ),
                    _ => format!(
                        "references are looked up in `{lang}` only, without fallback; define it in locales/{lang}/"
                    ),
                };
                out.push(
                    Diagnostic::error(
                        "fluent-reference",
                        format!("`{}` refers to {message}", entry.id),
                    )
                    .at(&file.source, r.span.clone())
                    .with_hint(hint),
                );
            }
        }
    }
}

/// One pattern of a language: a message's or term's value, or one of its attributes.
struct PatternNode<'a> {
    def: DefRef,
    attribute: Option<&'a str>,
    info: &'a PatternInfo,
}

impl PatternNode<'_> {
    fn name(&self, cat: &Catalog) -> String {
        let id = &cat.get(self.def).1.id;
        match self.attribute {
            Some(a) => format!("{id}.{a}"),
            None => id.clone(),
        }
    }

    fn references(&self) -> impl Iterator<Item = &Reference> {
        self.info.messages.iter().chain(&self.info.terms)
    }
}

/// Messages and terms that refer to themselves, directly or through others. Fluent finds
/// such a cycle only when formatting and shows `{???}`; here each one is an error at a
/// reference on it: the first one in a file of the site or theme.
fn cycles(cat: &Catalog, eff: &BTreeMap<String, DefRef>) -> Vec<Diagnostic> {
    let mut nodes = Vec::new();
    for def in eff.values() {
        let (_, entry) = cat.get(*def);
        let patterns = entry.value.iter().map(|p| (None, p)).chain(
            entry
                .attributes
                .iter()
                .map(|(n, _, p)| (Some(n.as_str()), p)),
        );
        for (attribute, info) in patterns {
            nodes.push(PatternNode {
                def: *def,
                attribute,
                info,
            });
        }
    }
    let index: HashMap<(&str, Option<&str>), usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| ((cat.get(n.def).1.id.as_str(), n.attribute), i))
        .collect();
    let edges: Vec<Vec<(usize, usize)>> = nodes
        .iter()
        .map(|n| {
            n.references()
                .enumerate()
                .filter_map(|(ri, r)| {
                    let to = index.get(&(r.id.as_str(), r.attribute.as_deref()))?;
                    Some((*to, ri))
                })
                .collect()
        })
        .collect();
    crate::graph::cycles(&edges)
        .into_iter()
        .filter_map(|cycle| cycle_diagnostic(cat, &nodes, &edges, &cycle.nodes))
        .collect()
}

fn cycle_diagnostic(
    cat: &Catalog,
    nodes: &[PatternNode<'_>],
    edges: &[Vec<(usize, usize)>],
    chain: &[usize],
) -> Option<Diagnostic> {
    // Each step of the cycle as (pattern, its reference to the next one).
    let steps: Vec<(usize, &Reference)> = chain
        .iter()
        .enumerate()
        .filter_map(|(i, &n)| {
            let next = chain[(i + 1) % chain.len()];
            let &(_, ri) = edges[n].iter().find(|(to, _)| *to == next)?;
            Some((n, nodes[n].references().nth(ri)?))
        })
        .collect();
    let &(first, reference) = steps
        .iter()
        .filter(|(n, _)| cat.files[nodes[*n].def.file].layer != Layer::Builtin)
        .min_by_key(|(n, r)| (nodes[*n].def.file, r.span.start))?;
    let start = chain.iter().position(|&n| n == first).unwrap_or(0);
    let mut names: Vec<String> = chain[start..]
        .iter()
        .chain(&chain[..start])
        .map(|&n| format!("`{}`", nodes[n].name(cat)))
        .collect();
    let what = if chain.len() == 1 {
        format!("cyclic reference: {} refers to itself", names[0])
    } else {
        names.push(names[0].clone());
        format!("cyclic reference: {}", names.join(" → "))
    };
    let (file, _) = cat.get(nodes[first].def);
    Some(
        Diagnostic::error("fluent-cycle", format!("{what}; Fluent shows `{{???}}` in its place"))
            .at(&file.source, reference.span.clone())
            .with_hint("a message cannot contain itself, directly or through other messages; write the text, or refer to a message outside the cycle"),
    )
}

fn plurals(
    lang: &Lang,
    cats: &plural::Categories,
    file: &FtlFile,
    id: &str,
    p: &PatternInfo,
    known: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for s in p.selects.iter().filter(|s| is_plural(s, known)) {
        let var = s
            .variable
            .as_ref()
            .map_or_else(|| "a number".to_string(), |v| format!("`${v}`"));
        let missing: Vec<&str> = cats
            .integers
            .iter()
            .copied()
            .filter(|c| *c != "other" && !s.keys.iter().any(|k| k == c))
            .collect();
        if !missing.is_empty() {
            let examples: Vec<String> = missing
                .iter()
                .map(|c| format!("[{c}] for {}", plural::examples(lang, c).join(", ")))
                .collect();
            out.push(
                Diagnostic::warning(
                    "fluent-missing-plural",
                    format!(
                        "`{id}` selects on {var} but has no variant for {} (`{lang}` uses {})",
                        missing
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        cats.all.join(", ")
                    ),
                )
                .at(&file.source, s.span.clone())
                .with_hint(format!(
                    "those numbers show the default variant instead; add {}",
                    examples.join("; ")
                )),
            );
        }
        for k in &s.keys {
            if plural::NAMES.contains(&k.as_str()) && !cats.all.contains(&k.as_str()) {
                out.push(
                    Diagnostic::warning(
                        "fluent-plural-category",
                        format!(
                            "`{id}` has a `[{k}]` variant, but `{lang}` has no `{k}` numbers (its categories: {}); it is never shown",
                            cats.all.join(", ")
                        ),
                    )
                    .at(&file.source, s.span.clone())
                    .with_hint("delete the variant, or check that the file is in the right language folder"),
                );
            }
        }
    }
}
