//! Stale translations. A translation records in `translated_from = "<hash>"` which version of
//! the default-language source it was translated from; when the source's hash changes, the
//! translation is stale.
//!
//! The hash ([`source_hash`]) covers only the source's language-dependent text — `title`,
//! `summary`, the Markdown body, and each event's `title` and `summary` — so correcting a date,
//! a coordinate, a partner id or a participant count does not make every translation stale
//! (those fields are inherited, so the translations show the new value at once). Whitespace at
//! line ends and blank lines around the body are ignored, so re-saving a file in another
//! editor changes nothing. It is 12 hex digits of a 64-bit FNV-1a hash: stable across
//! platforms, builds and mosty versions, and short enough to read in a diff.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::{Entry, Source, frontmatter};
use crate::lang::{self, Lang};

/// Where a translation stands against its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum TranslationState {
    /// The entry has no file in this language.
    Missing,
    /// `translated_from` matches the source's current hash.
    Current,
    /// The source changed after the translation was made.
    Stale {
        source_hash: String,
        recorded: String,
    },
    /// A translation without `translated_from`: counted apart, never called stale.
    Unmarked,
    /// The file is the original: the default language's, or a translation whose entry has no
    /// default-language file to compare with.
    Source,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    /// A field: its tag, then its text or an absence mark, then a separator, so moving text
    /// from one field to the next changes the hash.
    fn field(&mut self, tag: &str, value: Option<&str>) {
        self.bytes(tag.as_bytes());
        match value {
            Some(v) => {
                self.bytes(b"=");
                self.bytes(v.as_bytes());
            }
            None => self.bytes(b"\x1e"),
        }
        self.bytes(b"\x1f");
    }
}

/// Lines without trailing whitespace, blank lines at the start and end dropped.
fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    lines[first..last].join("\n")
}

/// The short hash of a source's language-dependent text (see the module docs).
pub fn source_hash(source: &Source) -> String {
    let f = &source.front;
    let mut h = Fnv(FNV_OFFSET);
    h.field("title", Some(f.title.trim()));
    h.field("summary", f.summary.as_deref().map(str::trim));
    h.field("body", Some(&normalize(source.body())));
    for (i, e) in f.events.iter().enumerate() {
        h.field(&format!("event{i}.title"), Some(e.title.trim()));
        h.field(
            &format!("event{i}.summary"),
            e.summary.as_deref().map(str::trim),
        );
    }
    format!("{:012x}", h.0 >> 16)
}

/// True for the section and home pages mosty adds itself (a folder without `_index.md`):
/// they have no file in any language.
pub fn is_generated(entry: &Entry) -> bool {
    entry.sources.values().all(|s| s.file.text.is_empty())
}

/// The state of `entry` in `lang`, against the `default` language's file.
pub fn translation_state(entry: &Entry, lang: &Lang, default: &Lang) -> TranslationState {
    let Some(mine) = entry.sources.get(lang) else {
        return TranslationState::Missing;
    };
    if lang == default {
        return TranslationState::Source;
    }
    let Some(source) = entry.sources.get(default) else {
        return TranslationState::Source;
    };
    let Some(recorded) = mine.front.translated_from.as_deref() else {
        return TranslationState::Unmarked;
    };
    let recorded = recorded.trim().to_ascii_lowercase();
    let current = source_hash(source);
    if recorded == current {
        TranslationState::Current
    } else {
        TranslationState::Stale {
            source_hash: current,
            recorded,
        }
    }
}

/// Where the file of `lang` would be, beside the file `existing` of another language:
/// `content/a/index.ru.md` → `content/a/index.ka.md`; a file without a suffix (`index.md`)
/// gets one.
pub fn translation_path(existing: &Path, lang: &Lang) -> PathBuf {
    let stem = existing
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let (base, _) = lang::split_suffix(&stem);
    existing.with_file_name(format!("{base}.{lang}.md"))
}

/// The span of the value of the top-level frontmatter key `translated_from`, if set.
pub fn translated_from_span(text: &str) -> Option<Range<usize>> {
    let split = frontmatter::split(text).ok()?;
    let toml_text = &text[split.toml.clone()];
    let table = toml::de::DeTable::parse(toml_text).ok()?;
    table
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "translated_from")
        .map(|(_, v)| {
            let s = v.span();
            s.start + split.toml.start..s.end + split.toml.start
        })
}

/// Sets `translated_from = "<hash>"` in the frontmatter of a content file's text, changing
/// nothing else: an existing value is replaced in place; otherwise one line is added after
/// the last top-level key (before any `[table]`), with the file's line ending.
pub fn set_translated_from(text: &str, hash: &str) -> Result<String, String> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    let split = frontmatter::split(body).map_err(|e| e.message.to_string())?;
    let toml_start = split.toml.start;
    let toml_text = &body[split.toml.clone()];
    let table = toml::de::DeTable::parse(toml_text)
        .map_err(|e| format!("the frontmatter is not valid TOML: {}", e.message()))?;
    let quoted = format!("\"{hash}\"");
    let mut out = String::with_capacity(text.len() + 40);
    if let Some((_, v)) = table
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "translated_from")
    {
        let span = v.span();
        let (a, b) = (bom + toml_start + span.start, bom + toml_start + span.end);
        out.push_str(&text[..a]);
        out.push_str(&quoted);
        out.push_str(&text[b..]);
        return Ok(out);
    }
    let is_header = |key_start: usize| {
        let line_start = toml_text[..key_start].rfind('\n').map_or(0, |i| i + 1);
        toml_text[line_start..key_start]
            .trim_start()
            .starts_with('[')
    };
    let last_end = table
        .get_ref()
        .iter()
        .filter(|(k, _)| !is_header(k.span().start))
        .map(|(_, v)| v.span().end)
        .max();
    let insert_at = match last_end {
        Some(end) => toml_text[end..]
            .find('\n')
            .map_or(toml_text.len(), |i| end + i + 1),
        None => 0,
    };
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let at = bom + toml_start + insert_at;
    out.push_str(&text[..at]);
    if !out.ends_with('\n') {
        out.push_str(eol);
    }
    out.push_str("translated_from = ");
    out.push_str(&quoted);
    out.push_str(eol);
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_existing_value_in_place() {
        let t = "+++\ntitle = \"A\" # the title\ntranslated_from = \"old\"  # kept\n\n[location]\nlat = 1.0\n+++\nbody\n";
        let out = set_translated_from(t, "abc").unwrap();
        assert_eq!(out, t.replace("\"old\"", "\"abc\""));
    }

    #[test]
    fn inserts_after_the_last_top_level_key_keeping_comments_and_crlf() {
        let t = "\u{feff}+++\r\n# comment\r\ntitle = \"A\"\r\nsummary = \"\"\"\r\nmany\r\nlines\"\"\" # note\r\n\r\n[[events]]\r\ntitle = \"E\"\r\n+++\r\nbody\r\n";
        let out = set_translated_from(t, "abc").unwrap();
        assert_eq!(
            out,
            t.replace(
                "lines\"\"\" # note\r\n",
                "lines\"\"\" # note\r\ntranslated_from = \"abc\"\r\n"
            )
        );
        let again = set_translated_from(&out, "def").unwrap();
        assert_eq!(again, out.replace("abc", "def"));
    }

    #[test]
    fn inserts_first_when_only_tables_are_set() {
        let t = "+++\n[[events]]\ntitle = \"E\"\n+++\n";
        let out = set_translated_from(t, "abc").unwrap();
        assert_eq!(
            out,
            "+++\ntranslated_from = \"abc\"\n[[events]]\ntitle = \"E\"\n+++\n"
        );
    }

    #[test]
    fn translation_paths() {
        let ka = Lang::parse("ka").unwrap();
        assert_eq!(
            translation_path(Path::new("content/a/index.ru.md"), &ka),
            Path::new("content/a/index.ka.md")
        );
        assert_eq!(
            translation_path(Path::new("content/a.md"), &ka),
            Path::new("content/a.ka.md")
        );
    }

    #[test]
    fn normalize_ignores_trailing_space_and_outer_blank_lines() {
        assert_eq!(normalize("\n\na  \nb\n\n"), "a\nb");
    }
}
