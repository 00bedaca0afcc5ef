//! `mosty locales sync`: adds every message of the site's default-language `locales/` that a
//! translation lacks to the translator's file of the same name, as a commented-out block with
//! the source text and the source's comment, ready to translate and uncomment.
//!
//! What the translator wrote is never changed: blocks are only inserted between entries, after
//! the translation of the message that precedes it in the source (so the file follows the
//! source's order), or at the end. A message counts as present when the language's site files
//! define it or already hold it commented out (a comment line `id = …`), so a second run
//! changes nothing. Only the site's own `locales/` are synced: a theme's messages a language
//! lacks fall back to the theme's English.

/// `println!` to stdout that ignores a closed pipe (`mosty status | head`).
macro_rules! say {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), true) };
}
/// `print!` to stdout that ignores a closed pipe.
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), false) };
}

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::check::catalog::{Catalog, FtlFile, Layer};
use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, display_path};
use crate::lang::Lang;
use crate::theme::Theme;

/// What sync did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// Relative to the site root: `locales/ka/site.ftl`.
    pub path: PathBuf,
    pub created: bool,
    /// The ids added, in source order.
    pub added: Vec<String>,
}

/// The ids a comment line holds commented out: `id = …` or `-term = …`.
fn commented_id(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(line.len());
    let id = &line[..end];
    let first = id.trim_start_matches('-').chars().next()?;
    (first.is_ascii_alphabetic() && line[end..].trim_start().starts_with('=')).then_some(id)
}

/// Ids a file defines or holds commented out, with where each one ends.
fn present(file: &FtlFile) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = file
        .entries
        .iter()
        .map(|e| (e.id.clone(), e.span.start, e.span.end))
        .collect();
    for c in &file.comments {
        for line in &c.lines {
            if let Some(id) = commented_id(line) {
                out.push((id.to_string(), c.span.start, c.span.end));
            }
        }
    }
    for e in &file.entries {
        if let Some(c) = &e.comment {
            for line in file.text(c.clone()).lines() {
                let line = line.trim_start_matches('#');
                if let Some(id) = commented_id(line) {
                    out.push((id.to_string(), e.span.start, e.span.end));
                }
            }
        }
    }
    out
}

/// The commented-out block for one source entry.
fn block(source: &FtlFile, id: &str, eol: &str) -> String {
    let Some(e) = source.entry(id) else {
        return String::new();
    };
    let mut lines = vec![format!(
        "# ↓ translate, then delete this line and the \"# \" marks below (from {})",
        display_path(&source.source.path)
    )];
    for line in source.text(e.span.clone()).lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            lines.push("#".into());
        } else {
            lines.push(format!("# {line}"));
        }
    }
    lines.join(eol)
}

/// Adds the blocks for `missing` (ids of `source`, in source order) to `target`'s text
/// (`None`: a new file). Returns the new text.
pub fn insert_blocks(
    target: Option<&str>,
    source: &FtlFile,
    missing: &[String],
    from: &Lang,
) -> String {
    let text = target.unwrap_or("");
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &text[bom.len()..];
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let parsed = FtlFile::parse(
        Layer::Site,
        from.as_str(),
        SourceText {
            path: PathBuf::new(),
            text: Arc::from(body),
        },
    );
    let have = present(&parsed);
    let order: Vec<&str> = source.entries.iter().map(|e| e.id.as_str()).collect();
    let missing_set: BTreeSet<&str> = missing.iter().map(String::as_str).collect();

    // Insertions: (offset, kind, source index, text). `After` blocks go after the last line
    // of an entry, `Before` blocks before an entry, `End` ones at the end of the file.
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Kind {
        After,
        Before,
        End,
    }
    let mut inserts: Vec<(usize, Kind, usize, String)> = Vec::new();
    // Where each id is (or was put), for the missing ones that follow it in the source.
    let mut placed: Vec<(&str, usize, Kind)> = have
        .iter()
        .map(|(id, _, end)| (id.as_str(), *end, Kind::After))
        .collect();
    for (i, id) in order.iter().enumerate() {
        if !missing_set.contains(id) || inserts.iter().any(|x| order[x.2] == *id) {
            continue;
        }
        let prev = order[..i].iter().rev().find_map(|p| {
            placed
                .iter()
                .filter(|(x, _, _)| x == p)
                .map(|(_, o, k)| (*o, *k))
                .max()
        });
        let (offset, kind) = prev.unwrap_or_else(|| {
            let next = order[i + 1..]
                .iter()
                .find_map(|n| have.iter().find(|(h, _, _)| h == n).map(|(_, s, _)| *s));
            match next {
                Some(start) => (start, Kind::Before),
                None => (body.len(), Kind::End),
            }
        });
        inserts.push((offset, kind, i, block(source, id, eol)));
        placed.push((id, offset, kind));
    }
    inserts.sort_by_key(|a| (a.0, a.1, a.2));

    let mut out = String::with_capacity(body.len() + 256 * inserts.len());
    out.push_str(bom);
    let mut pos = 0;
    let mut k = 0;
    while k < inserts.len() {
        let (offset, kind) = (inserts[k].0, inserts[k].1);
        let group: Vec<&str> = inserts[k..]
            .iter()
            .take_while(|x| x.0 == offset && x.1 == kind)
            .map(|x| x.3.as_str())
            .collect();
        k += group.len();
        out.push_str(&body[pos..offset]);
        pos = offset;
        let rest = &body[pos..];
        match kind {
            Kind::After => {
                for b in &group {
                    out.push_str(eol);
                    out.push_str(eol);
                    out.push_str(b);
                }
                // Keep a blank line between the last block and an entry right after it.
                let double = format!("{eol}{eol}");
                if !rest.starts_with(&double) && !rest.trim().is_empty() {
                    out.push_str(eol);
                }
            }
            Kind::Before => {
                for b in &group {
                    out.push_str(b);
                    out.push_str(eol);
                    out.push_str(eol);
                }
            }
            Kind::End => {
                if !body.is_empty() && !body.ends_with('\n') {
                    out.push_str(eol);
                }
                for (n, b) in group.iter().enumerate() {
                    if n > 0 || !body.trim().is_empty() {
                        out.push_str(eol);
                    }
                    out.push_str(b);
                    out.push_str(eol);
                }
            }
        }
    }
    out.push_str(&body[pos..]);
    out
}

/// Syncs every language but the default one (or only `only`); writes the files and says
/// what it added.
pub fn sync(root: &Path, only: Option<&Lang>) -> Result<Vec<Synced>, Diagnostics> {
    let config = SiteConfig::load(root, None)?;
    // The theme is not synced; an empty one keeps its files out of the catalog.
    let (cat, problems) = Catalog::load(root, &config, &Theme::default());
    if problems.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(problems));
    }
    let default = &config.default_language;
    let mut done = Vec::new();
    let langs: Vec<&Lang> = config
        .languages
        .iter()
        .filter(|l| *l != default && only.is_none_or(|o| o == *l))
        .collect();
    for lang in langs {
        let mut have: BTreeSet<String> = BTreeSet::new();
        for (_, f) in cat.files_of(lang).filter(|(_, f)| f.layer == Layer::Site) {
            have.extend(present(f).into_iter().map(|(id, _, _)| id));
        }
        for (_, src) in cat
            .files_of(default)
            .filter(|(_, f)| f.layer == Layer::Site)
        {
            let missing: Vec<String> = src
                .entries
                .iter()
                .filter(|e| !have.contains(&e.id))
                .map(|e| e.id.clone())
                .collect::<Vec<_>>();
            // An id defined twice in the source is added once.
            let mut seen = BTreeSet::new();
            let missing: Vec<String> = missing
                .into_iter()
                .filter(|id| seen.insert(id.clone()))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let rel = Catalog::site_path(lang, &src.file_name());
            let abs = root.join(&rel);
            let existing = match std::fs::read(&abs) {
                Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
                    Diagnostic::error(
                        "encoding",
                        "the file is not UTF-8; sync changes nothing in it",
                    )
                    .in_file(&rel)
                })?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(Diagnostic::error("io-read", format!("cannot read: {e}"))
                        .in_file(&rel)
                        .into());
                }
            };
            let new = insert_blocks(existing.as_deref(), src, &missing, default);
            if let Some(parent) = abs.parent() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    Diagnostic::error("io-write", format!("cannot create the folder: {e}"))
                        .in_file(&rel)
                })?;
            }
            std::fs::write(&abs, new).map_err(|e| {
                Diagnostic::error("io-write", format!("cannot write: {e}")).in_file(&rel)
            })?;
            have.extend(missing.iter().cloned());
            done.push(Synced {
                path: rel,
                created: existing.is_none(),
                added: missing,
            });
        }
    }
    Ok(done)
}

/// `mosty locales sync`.
pub fn run(root: &Path, lang: Option<&str>) -> ExitCode {
    let only = match lang {
        None => None,
        Some(code) => {
            let config = match SiteConfig::load(root, None) {
                Ok(c) => c,
                Err(d) => {
                    for d in &d.0 {
                        eprintln!("{}\n", d.render(false));
                    }
                    return ExitCode::from(1);
                }
            };
            match Lang::parse(code)
                .ok()
                .filter(|l| config.languages.contains(l))
            {
                Some(l) if l == config.default_language => {
                    eprintln!(
                        "error: `{l}` is the default language, the source of the others; pass a language to sync into"
                    );
                    return ExitCode::from(2);
                }
                Some(l) => Some(l),
                None => {
                    eprintln!("error: `{code}` is not one of the site's languages");
                    return ExitCode::from(2);
                }
            }
        }
    };
    match sync(root, only.as_ref()) {
        Ok(done) if done.is_empty() => {
            say!(
                "nothing to add: every message of the default language is in the translations (translated or commented out)"
            );
            ExitCode::SUCCESS
        }
        Ok(done) => {
            for s in done {
                say!(
                    "{}: {} {} message{} to translate: {}",
                    display_path(&s.path),
                    if s.created { "created with" } else { "added" },
                    s.added.len(),
                    if s.added.len() == 1 { "" } else { "s" },
                    s.added.join(", ")
                );
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            for d in &d.0 {
                eprintln!("{}\n", d.render(false));
            }
            ExitCode::from(1)
        }
    }
}
