//! `mosty status`: translation coverage per language — interface messages translated,
//! missing and obsolete; entries translated, missing, stale and unmarked — as counts,
//! percentages and lists. [`StatusReport::compute`] returns plain data, printed as an aligned
//! table or as JSON here, and renderable as a coverage page by the site.
//! `mosty status --mark <file>` records in a translation which source version it matches.

/// `println!` to stdout that ignores a closed pipe (`mosty status | head`).
macro_rules! say {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), true) };
}
/// `print!` to stdout that ignores a closed pipe.
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), false) };
}

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::check::catalog::{Catalog, Layer};
use crate::check::fluent::missing_messages;
use crate::cli::OutputFormat;
use crate::config::SiteConfig;
use crate::content::{self, Content, LoadOptions, pick_source};
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::lang::Lang;
use crate::stale::{self, TranslationState};
use crate::theme::Theme;

/// Translation coverage of a whole site.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub default_language: Lang,
    pub languages: Vec<LanguageStatus>,
}

/// One language's coverage.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: Lang,
    pub is_default: bool,
    pub messages: MessageCounts,
    pub entries: EntryCounts,
    /// Messages of the default language (or mosty's English) this language lacks.
    pub missing_messages: Vec<MissingMessage>,
    /// Messages of this language's site files that the default language does not have.
    pub obsolete_messages: Vec<ObsoleteMessage>,
    pub missing_entries: Vec<MissingEntry>,
    pub stale_entries: Vec<StaleEntry>,
    /// Translations without `translated_from`.
    pub unmarked_entries: Vec<EntryFile>,
}

/// Interface messages. `total` counts the messages of the default language (every layer:
/// mosty's, the theme's, the site's) and of the English last resort; terms are not counted.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct MessageCounts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    /// `translated * 100 / total`, rounded down (100 only when complete).
    pub percent: u32,
}

/// Entries (pages with a file in some language; the section pages mosty adds are not counted).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct EntryCounts {
    pub total: usize,
    /// Has a file in this language (current, stale, unmarked or an original).
    pub translated: usize,
    /// `translated_from` matches the source.
    pub current: usize,
    pub stale: usize,
    pub unmarked: usize,
    pub missing: usize,
    /// `translated * 100 / total`, rounded down.
    pub percent: u32,
    /// `(translated - stale) * 100 / total`, rounded down: what is translated and not outdated.
    pub up_to_date_percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissingMessage {
    pub id: String,
    /// Where the source message is: `locales/ru/site.ftl:3:1`.
    pub source: String,
    /// The language whose text readers see instead: a language code, `English default` for
    /// mosty's own English, or `theme` when the language shows its theme's text because it
    /// has no translation of the site's own message.
    pub falls_back_to: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObsoleteMessage {
    pub id: String,
    /// `locales/ka/site.ftl:12:1`.
    pub position: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissingEntry {
    /// The entry as linked: `projects/boskovice` (empty for the home page).
    pub key: String,
    /// The file to create: `content/projects/boskovice/index.ka.md`.
    pub path: String,
    /// The language readers see instead.
    pub shown_in: Option<Lang>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StaleEntry {
    pub key: String,
    pub path: String,
    pub source: String,
    pub recorded: String,
    pub source_hash: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryFile {
    pub key: String,
    pub path: String,
}

fn percent(part: usize, total: usize) -> u32 {
    (part * 100)
        .checked_div(total)
        .map_or(100, |p| u32::try_from(p).unwrap_or(100))
}

impl StatusReport {
    /// Computes the coverage of every language of the site. Reads the site's
    /// `locales/<lang>/*.ftl` from `root`; takes the theme's messages from `theme`.
    pub fn compute(
        root: &Path,
        config: &SiteConfig,
        content: &Content,
        theme: &Theme,
    ) -> StatusReport {
        let (cat, _) = Catalog::load(root, config, theme);
        Self::from_catalog(&cat, config, content)
    }

    /// The same from an already loaded catalog.
    pub fn from_catalog(cat: &Catalog, config: &SiteConfig, content: &Content) -> StatusReport {
        let reference = cat.reference();
        let default = &config.default_language;
        let entries: Vec<&content::Entry> = content
            .entries
            .iter()
            .filter(|e| !stale::is_generated(e))
            .collect();
        let languages = config
            .languages
            .iter()
            .map(|lang| {
                let missing_messages: Vec<MissingMessage> =
                    missing_messages(cat, config, lang, &reference)
                        .into_iter()
                        .map(|m| MissingMessage {
                            source: cat.position(m.source),
                            id: m.id,
                            falls_back_to: m.falls_back_to,
                        })
                        .collect();
                let mut obsolete_messages = Vec::new();
                if lang != default {
                    for (fi, f) in cat.files_of(lang).filter(|(_, f)| f.layer == Layer::Site) {
                        for (ei, e) in f.entries.iter().enumerate() {
                            if !e.is_term() && !reference.contains_key(&e.id) {
                                obsolete_messages.push(ObsoleteMessage {
                                    id: e.id.clone(),
                                    position: cat.position(crate::check::catalog::DefRef {
                                        file: fi,
                                        entry: ei,
                                    }),
                                });
                            }
                        }
                    }
                }
                let messages = MessageCounts {
                    total: reference.len(),
                    translated: reference.len() - missing_messages.len(),
                    missing: missing_messages.len(),
                    obsolete: obsolete_messages.len(),
                    percent: percent(reference.len() - missing_messages.len(), reference.len()),
                };

                let mut counts = EntryCounts {
                    total: entries.len(),
                    ..EntryCounts::default()
                };
                let mut missing_entries = Vec::new();
                let mut stale_entries = Vec::new();
                let mut unmarked_entries = Vec::new();
                for e in &entries {
                    let file = |e: &content::Entry| {
                        e.sources
                            .get(lang)
                            .map(|s| display_path(&s.file.path))
                            .unwrap_or_default()
                    };
                    match stale::translation_state(e, lang, default) {
                        TranslationState::Missing => {
                            counts.missing += 1;
                            let any = e.sources.get(default).or_else(|| e.sources.values().next());
                            missing_entries.push(MissingEntry {
                                key: e.key.clone(),
                                path: any.map_or_else(String::new, |s| {
                                    display_path(&stale::translation_path(&s.file.path, lang))
                                }),
                                shown_in: pick_source(e, lang, config.fallback_chain(lang))
                                    .map(|s| s.lang.clone()),
                            });
                        }
                        TranslationState::Current => counts.current += 1,
                        TranslationState::Source => {}
                        TranslationState::Unmarked => {
                            counts.unmarked += 1;
                            unmarked_entries.push(EntryFile {
                                key: e.key.clone(),
                                path: file(e),
                            });
                        }
                        TranslationState::Stale {
                            source_hash,
                            recorded,
                        } => {
                            counts.stale += 1;
                            stale_entries.push(StaleEntry {
                                key: e.key.clone(),
                                path: file(e),
                                source: e
                                    .sources
                                    .get(default)
                                    .map(|s| display_path(&s.file.path))
                                    .unwrap_or_default(),
                                recorded,
                                source_hash,
                            });
                        }
                    }
                }
                counts.translated = counts.total - counts.missing;
                counts.percent = percent(counts.translated, counts.total);
                counts.up_to_date_percent = percent(counts.translated - counts.stale, counts.total);
                LanguageStatus {
                    lang: lang.clone(),
                    is_default: lang == default,
                    messages,
                    entries: counts,
                    missing_messages,
                    obsolete_messages,
                    missing_entries,
                    stale_entries,
                    unmarked_entries,
                }
            })
            .collect();
        StatusReport {
            default_language: default.clone(),
            languages,
        }
    }

    /// Keeps one language only.
    pub fn only(mut self, lang: &Lang) -> StatusReport {
        self.languages.retain(|l| &l.lang == lang);
        self
    }

    /// The terminal form: an aligned table, then what is missing or stale.
    pub fn render_text(&self) -> String {
        let mut rows: Vec<[String; 9]> = vec![[
            "language".into(),
            "messages".into(),
            "%".into(),
            "missing".into(),
            "obsolete".into(),
            "entries".into(),
            "%".into(),
            "missing".into(),
            "stale".into(),
        ]];
        let mut unmarked_note = Vec::new();
        for l in &self.languages {
            let m = &l.messages;
            let e = &l.entries;
            rows.push([
                if l.is_default {
                    format!("{} (source)", l.lang)
                } else {
                    l.lang.to_string()
                },
                format!("{}/{}", m.translated, m.total),
                format!("{}%", m.percent),
                m.missing.to_string(),
                m.obsolete.to_string(),
                format!("{}/{}", e.translated, e.total),
                format!("{}%", e.percent),
                e.missing.to_string(),
                e.stale.to_string(),
            ]);
            if e.unmarked > 0 {
                unmarked_note.push(format!("{} {}", l.lang, e.unmarked));
            }
        }
        let widths: Vec<usize> = (0..9)
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for r in &rows {
            let mut line = String::new();
            for (c, cell) in r.iter().enumerate() {
                let pad = widths[c] - cell.chars().count();
                if c == 0 {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                } else {
                    line.push_str(if c == 5 { "   " } else { "  " });
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if !unmarked_note.is_empty() {
            let _ = writeln!(
                out,
                "\nwithout translated_from (not checked for staleness): {}; after checking one against its source, run `mosty status --mark <file>`",
                unmarked_note.join(", ")
            );
        }
        for l in &self.languages {
            if !l.missing_messages.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{}: {} missing message{}",
                    l.lang,
                    l.missing_messages.len(),
                    plural_s(l.missing_messages.len())
                );
                let w = l
                    .missing_messages
                    .iter()
                    .map(|m| m.id.chars().count())
                    .max()
                    .unwrap_or(0);
                for m in &l.missing_messages {
                    let shown = match m.falls_back_to.as_deref() {
                        None => "shown as its id".to_string(),
                        Some(crate::check::fluent::THEME_TEXT) => {
                            format!("the theme's {} text is shown", l.lang)
                        }
                        Some(f) => format!("shown in {f}"),
                    };
                    let _ = writeln!(out, "  {:<w$}  {}  ({shown})", m.id, m.source);
                }
            }
            if !l.obsolete_messages.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{}: {} obsolete message{}",
                    l.lang,
                    l.obsolete_messages.len(),
                    plural_s(l.obsolete_messages.len())
                );
                for m in &l.obsolete_messages {
                    let _ = writeln!(out, "  {}  {}", m.id, m.position);
                }
            }
            if !l.missing_entries.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{}: {} missing entr{}",
                    l.lang,
                    l.missing_entries.len(),
                    if l.missing_entries.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    }
                );
                for e in &l.missing_entries {
                    let shown = e
                        .shown_in
                        .as_ref()
                        .map_or_else(String::new, |s| format!("  (shown in {s})"));
                    let _ = writeln!(out, "  {}{shown}", e.path);
                }
            }
            if !l.stale_entries.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{}: {} stale entr{}",
                    l.lang,
                    l.stale_entries.len(),
                    if l.stale_entries.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    }
                );
                for e in &l.stale_entries {
                    let _ = writeln!(out, "  {}  ({} changed since)", e.path, e.source);
                }
            }
        }
        out
    }
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What `--mark` did to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub path: PathBuf,
    pub hash: String,
    pub previous: Option<String>,
    pub changed: bool,
}

/// Writes the current source hash into the `translated_from` of the translation at `file`
/// (a path as typed, or relative to `root`).
pub fn mark(root: &Path, file: &Path) -> Result<Marked, Diagnostics> {
    let config = SiteConfig::load(root, None)?;
    let (content, _) = content::load(root, &config, &LoadOptions { drafts: true })?;
    let abs = if file.exists() {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    let not_found = || {
        Diagnostics::from(
            Diagnostic::error(
                "mark-file",
                format!(
                    "`{}` is not a content file of this site",
                    display_path(file)
                ),
            )
            .with_hint("pass the path of a translation, e.g. content/projects/x/index.ka.md"),
        )
    };
    let canon_root = root.canonicalize().map_err(|_| not_found())?;
    let canon = abs.canonicalize().map_err(|_| not_found())?;
    let rel = canon.strip_prefix(&canon_root).map_err(|_| not_found())?;
    let (entry, source) = content
        .entries
        .iter()
        .find_map(|e| {
            e.sources
                .values()
                .find(|s| s.file.path == rel)
                .map(|s| (e, s))
        })
        .ok_or_else(not_found)?;
    let shown = display_path(rel);
    if source.lang == config.default_language {
        return Err(Diagnostic::error(
            "mark-source",
            format!(
                "`{shown}` is in the default language `{}`: it is the source, not a translation",
                source.lang
            ),
        )
        .in_file(rel)
        .with_hint("mark its translations after bringing them up to date")
        .into());
    }
    let Some(original) = entry.sources.get(&config.default_language) else {
        return Err(Diagnostic::error(
            "mark-source",
            format!(
                "`@/{}` has no file in the default language `{}` to compare with",
                entry.key, config.default_language
            ),
        )
        .in_file(rel)
        .into());
    };
    let hash = stale::source_hash(original);
    let text = std::fs::read_to_string(&canon).map_err(|e| {
        Diagnostics::from(Diagnostic::error("io-read", format!("cannot read: {e}")).in_file(rel))
    })?;
    let new = stale::set_translated_from(&text, &hash)
        .map_err(|m| Diagnostics::from(Diagnostic::error("mark-file", m).in_file(rel)))?;
    let changed = new != text;
    if changed {
        std::fs::write(&canon, new).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error("io-write", format!("cannot write: {e}")).in_file(rel),
            )
        })?;
    }
    Ok(Marked {
        path: rel.to_path_buf(),
        hash,
        previous: source.front.translated_from.clone(),
        changed,
    })
}

fn print_diags(d: &Diagnostics) {
    for d in &d.0 {
        eprintln!("{}\n", d.render(false));
    }
}

/// `mosty status`.
pub fn run(root: &Path, format: OutputFormat, lang: Option<&str>, marks: &[PathBuf]) -> ExitCode {
    if !marks.is_empty() {
        let mut code = ExitCode::SUCCESS;
        for file in marks {
            match mark(root, file) {
                Ok(m) => {
                    let what = match (&m.previous, m.changed) {
                        (_, false) => "already up to date".to_string(),
                        (Some(p), true) => format!("was \"{p}\""),
                        (None, true) => "added".to_string(),
                    };
                    say!(
                        "{}: translated_from = \"{}\" ({what})",
                        display_path(&m.path),
                        m.hash
                    );
                }
                Err(d) => {
                    print_diags(&d);
                    code = ExitCode::from(1);
                }
            }
        }
        return code;
    }
    let config = match SiteConfig::load(root, None) {
        Ok(c) => c,
        Err(d) => {
            print_diags(&d);
            return ExitCode::from(1);
        }
    };
    let only = match lang {
        None => None,
        Some(code) => match Lang::parse(code)
            .ok()
            .filter(|l| config.languages.contains(l))
        {
            Some(l) => Some(l),
            None => {
                eprintln!("error: `{code}` is not one of the site's languages");
                return ExitCode::from(2);
            }
        },
    };
    let theme = match Theme::load(root, &config.theme) {
        Ok(t) => t,
        Err(d) => {
            print_diags(&d);
            return ExitCode::from(1);
        }
    };
    let content = match content::load(root, &config, &LoadOptions::default()) {
        Ok((c, _)) => c,
        Err(d) => {
            print_diags(&d);
            eprintln!("error: the content has errors; `mosty check` lists them all");
            return ExitCode::from(1);
        }
    };
    let mut report = StatusReport::compute(root, &config, &content, &theme);
    if let Some(l) = &only {
        report = report.only(l);
    }
    match format {
        OutputFormat::Json => match serde_json::to_string_pretty(&report) {
            Ok(j) => say!("{j}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
        OutputFormat::Text => say_raw!("{}", report.render_text()),
    }
    ExitCode::SUCCESS
}
