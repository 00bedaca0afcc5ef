//! `mosty new <section>/<slug>`: creates an entry in every language of the site — the
//! default language's file with every common field and a commented `[[events]]` example, and
//! for each other language a file with a title to translate. Never overwrites anything and
//! never writes outside `content/`. Knows the file layout, not what the build does with it.

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::slug;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;

/// Creates `content/<path>/index[.<lang>].md` for every language; returns the files written.
pub fn new_entry(root: &Path, path: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let config = SiteConfig::load(root, None).map_err(|d| {
        d.0.into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::error("new", "cannot read site.toml"))
    })?;
    let (segments, title) = entry_path(path)?;
    let content = root.join("content");
    let rel = segments.join("/");
    let dir = content.join(&rel);
    let mut clashes = vec![dir.clone()];
    let (parent, last) = match rel.rsplit_once('/') {
        Some((p, l)) => (content.join(p), l.to_string()),
        None => (content.clone(), rel.clone()),
    };
    clashes.push(parent.join(format!("{last}.md")));
    for lang in &config.languages {
        clashes.push(parent.join(format!("{last}.{lang}.md")));
    }
    if let Some(existing) = clashes.iter().find(|p| p.exists()) {
        return Err(Diagnostic::error(
            "new",
            format!(
                "`@/{rel}` already exists: `{}`; mosty new never overwrites",
                existing.display()
            ),
        )
        .with_hint("choose another slug, or edit the existing entry"));
    }

    let suffixed = uses_suffix(&parent, &config.default_language);
    let today = today();
    let mut files = Vec::new();
    for lang in &config.languages {
        let is_default = *lang == config.default_language;
        let name = if is_default && !suffixed {
            "index.md".to_string()
        } else {
            format!("index.{lang}.md")
        };
        let text = if is_default {
            default_text(&title, &today)
        } else {
            translation_text(&title, lang, &config.default_language, suffixed)
        };
        files.push((dir.join(name), text));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        crate::scaffold::write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Splits and checks `projects/boskovice-2025`: every part must be one plain path segment.
/// Names in other scripts become readable ASCII (`Визит` → `vizit`); the last part as typed
/// is the suggested title.
fn entry_path(path: &str) -> Result<(Vec<String>, String), Diagnostic> {
    let bad = |why: &str| {
        Diagnostic::error("new", format!("`{path}` cannot be an entry: {why}"))
            .with_hint("write it as <section>/<slug>, for example `projects/boskovice-2025`")
    };
    let p = path.trim().trim_end_matches('/');
    if p.is_empty() {
        return Err(bad("it is empty"));
    }
    if p.starts_with(['/', '\\']) || p.contains(':') {
        return Err(bad(
            "it must be a path inside content/, not an absolute path",
        ));
    }
    let p = p.strip_prefix("content/").unwrap_or(p);
    let p = p.strip_prefix("@/").unwrap_or(p);
    let mut segments = Vec::new();
    for part in p.split('/') {
        if part.is_empty() {
            return Err(bad("it has an empty part (`//`)"));
        }
        let s = slug::from_frontmatter(part).map_err(|m| bad(&m))?;
        if matches!(s.as_str(), "index" | "_index") || s.ends_with(".md") {
            return Err(bad(&format!("`{part}` is a file name, not a slug")));
        }
        segments.push(s);
    }
    let last = p.rsplit('/').next().unwrap_or(p).trim();
    let title = if last.is_ascii() {
        let words = last.replace(['-', '_'], " ");
        let mut chars = words.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
    } else {
        last.to_string()
    };
    Ok((segments, title))
}

/// True when the section's files name the default language (`_index.ru.md`), so the new
/// entry does the same.
fn uses_suffix(section: &Path, default: &Lang) -> bool {
    let ending = format!(".{default}.md");
    let Ok(read) = std::fs::read_dir(section) else {
        return false;
    };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(&ending) {
            return true;
        }
        if entry.path().is_dir()
            && let Ok(inner) = std::fs::read_dir(entry.path())
            && inner
                .flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(&ending))
        {
            return true;
        }
    }
    false
}

fn default_text(title: &str, today: &str) -> String {
    format!(
        r#"+++
title = {title}
date = {today}
summary = ""
# end = {today}                       # the last day, for a visit or an internship
# tags = ["exchange"]
# home = "our-college"                # id of the home institution in content/partners/
# partners = ["partner-college"]      # ids of the partner institutions

# Timeline items of this entry; copy the block for each one.
# [[events]]
# date = {today}
# end = {today}
# kind = "delegation"                 # delegation, visit, contest, conference, internship, meeting, plan ...
# title = "..."
# participants = {{ students = 6, teachers = 2 }}
+++
Write the report here.
"#,
        title = toml_string(title)
    )
}

fn translation_text(title: &str, lang: &Lang, default: &Lang, suffixed: bool) -> String {
    let source = if suffixed {
        format!("index.{default}.md")
    } else {
        "index.md".into()
    };
    format!(
        r#"+++
# The {lang} translation of {source}. Translate the title and the text, then delete
# `draft = true`; until then readers of {lang} see the {default} text with a notice.
# Dates, partners and events are taken from {source}; add [[events]] blocks here only to
# translate their titles, in the same order.
title = {title}
draft = true
+++
"#,
        title = toml_string(title)
    )
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = crate::ics::civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_paths_stay_inside_content() {
        for bad in [
            "",
            "/etc/x",
            "../x",
            "projects/../../x",
            "projects/.hidden",
            "projects//x",
            "C:/x",
            "projects\\x",
            "projects/index",
            "projects/a.md",
        ] {
            assert!(entry_path(bad).is_err(), "{bad}");
        }
        let (segs, title) = entry_path("projects/boskovice-2025").unwrap();
        assert_eq!(segs, ["projects", "boskovice-2025"]);
        assert_eq!(title, "Boskovice 2025");
        let (segs, title) = entry_path("projects/Визит в Кутаиси").unwrap();
        assert_eq!(segs, ["projects", "vizit-v-kutaisi"]);
        assert_eq!(title, "Визит в Кутаиси");
    }

    #[test]
    fn dates() {
        assert_eq!(crate::ics::civil_from_days(0), (1970, 1, 1));
        assert_eq!(crate::ics::civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(crate::ics::civil_from_days(20_147), (2025, 2, 28));
        assert_eq!(crate::ics::civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(toml_string("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
    }
}
