//! Language codes: a validated BCP 47 tag (`Lang`) and the language suffix of content file
//! names (`index.ka.md`). Knows nothing of the site's configuration or of files on disk.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use unic_langid::LanguageIdentifier;

/// A language of the site, as written in `site.toml` (`ru`, `ka`, `pt-BR`).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Lang(Arc<str>);

impl Lang {
    /// Accepts any well-formed BCP 47 language tag; the canonical form is kept
    /// (`pt-br` becomes `pt-BR`).
    pub fn parse(code: &str) -> Result<Lang, String> {
        if code.is_empty() {
            return Err("a language code cannot be empty".into());
        }
        let id: LanguageIdentifier = code
            .parse()
            .map_err(|_| format!("`{code}` is not a valid BCP 47 language tag"))?;
        Ok(Lang(Arc::from(id.to_string())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn langid(&self) -> LanguageIdentifier {
        self.0
            .parse()
            .expect("a Lang is always a valid language identifier")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.0)
    }
}

/// Splits `index.ka.md` into (`index`, Some(`ka`)) and `index.md` into (`index`, None).
/// Only a suffix that parses as a language tag counts, so `report.v2.md` keeps its dot.
pub fn split_suffix(stem: &str) -> (&str, Option<&str>) {
    match stem.rsplit_once('.') {
        Some((base, suffix))
            if !base.is_empty()
                && (2..=12).contains(&suffix.len())
                && suffix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && suffix.parse::<LanguageIdentifier>().is_ok() =>
        {
            (base, Some(suffix))
        }
        _ => (stem, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        assert_eq!(split_suffix("index.ka"), ("index", Some("ka")));
        assert_eq!(split_suffix("index"), ("index", None));
        assert_eq!(split_suffix("_index.pt-BR"), ("_index", Some("pt-BR")));
        assert_eq!(split_suffix("report.2024"), ("report.2024", None));
    }

    #[test]
    fn tags_are_canonicalised() {
        assert_eq!(Lang::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert!(Lang::parse("not a tag").is_err());
    }
}
