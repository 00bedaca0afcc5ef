//! URLs: where each entry lives in each language, `@/section/entry#anchor` resolution, and
//! site-relative paths made into URL paths and absolute permalinks under `base_url`.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{Content, closest};
use crate::lang::Lang;

#[derive(Debug)]
pub struct Links {
    base_url: String,
    base_path: String,
    languages: Vec<Lang>,
    /// Entry key → language → output folder relative to the site root (`ru/projects/x/`).
    paths: HashMap<String, BTreeMap<Lang, String>>,
    keys: Vec<String>,
}

impl Links {
    pub fn new(config: &SiteConfig, content: &Content) -> Links {
        // Four folders for each of a large site's entries: made in parallel, like the rest of
        // the build, since this runs before any page can.
        let paths: Vec<(String, BTreeMap<Lang, String>)> = content
            .entries
            .par_iter()
            .map(|e| {
                let per_lang = e
                    .paths
                    .iter()
                    .map(|(l, p)| (l.clone(), format!("{l}/{p}")))
                    .collect();
                (e.key.clone(), per_lang)
            })
            .collect();
        let paths = paths.into_iter().collect();
        Links {
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
            languages: config.languages.clone(),
            paths,
            keys: content.entries.iter().map(|e| e.key.clone()).collect(),
        }
    }

    /// The site language with this code.
    pub fn language(&self, code: &str) -> Option<Lang> {
        self.languages
            .iter()
            .find(|l| l.as_str() == code)
            .cloned()
            .or_else(|| {
                let parsed = Lang::parse(code).ok()?;
                self.languages.iter().find(|l| **l == parsed).cloned()
            })
    }

    /// The output folder of an entry, relative to the site root (`ru/projects/x/`).
    pub fn entry_dir(&self, key: &str, lang: &Lang) -> Option<&str> {
        self.paths.get(key)?.get(lang).map(String::as_str)
    }

    /// `ru/projects/x/` → `/international/ru/projects/x/`.
    pub fn href(&self, site_rel: &str) -> String {
        format!("{}{}", self.base_path, site_rel)
    }

    /// `ru/projects/x/` → `https://college.example/international/ru/projects/x/`.
    pub fn permalink(&self, site_rel: &str) -> String {
        format!("{}{}", self.base_url, site_rel)
    }

    /// Resolves what follows `@/`: `projects/boskovice#plan` in `lang`.
    pub fn resolve_entry(&self, target: &str, lang: &Lang) -> Result<String, String> {
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let key = normalize_key(path);
        let Some(dir) = self.entry_dir(&key, lang) else {
            let hint = closest(&key, &self.keys)
                .map(|k| format!("; did you mean `@/{k}`?"))
                .unwrap_or_default();
            return Err(format!(
                "link to `@/{target}`: there is no such entry{hint}"
            ));
        };
        let mut url = self.href(dir);
        if let Some(a) = anchor {
            url.push('#');
            url.push_str(a);
        }
        Ok(url)
    }

    /// `@/…` as an entry, `https://…` as is, anything else as a file of the site's root.
    pub fn resolve(&self, path: &str, lang: &Lang) -> Result<String, String> {
        if let Some(target) = path.strip_prefix("@/") {
            self.resolve_entry(target, lang)
        } else if path.contains("://") || path.starts_with('#') {
            Ok(path.to_string())
        } else {
            Ok(self.href(path.trim_start_matches('/')))
        }
    }
}

/// `projects/boskovice/`, `/projects/boskovice/index.md` and `projects/boskovice` are one key;
/// composed (NFC) like the keys of the entries.
pub(crate) fn normalize_key(path: &str) -> String {
    let mut p = path.trim_matches('/');
    for suffix in ["/_index.md", "/index.md", "_index.md", "index.md", ".md"] {
        if let Some(s) = p.strip_suffix(suffix) {
            p = s;
            break;
        }
    }
    crate::content::slug::nfc(p.trim_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::normalize_key;

    #[test]
    fn keys() {
        assert_eq!(normalize_key("projects/boskovice/"), "projects/boskovice");
        assert_eq!(
            normalize_key("projects/boskovice/index.md"),
            "projects/boskovice"
        );
        assert_eq!(normalize_key(""), "");
        assert_eq!(normalize_key("projects/_index.md"), "projects");
    }
}
