//! The theme: its templates, its interface messages and its static files, read from
//! `themes/<name>/` or, for `default` when the site has no such folder, from the copy built
//! into the binary. Knows what a theme holds, not what the files mean.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::fs;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum Bytes {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// A `locales/<lang>/*.ftl` file of the theme.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    /// The folder name under `locales/`: a language code.
    pub lang: String,
    pub source: SourceText,
}

/// The files of a theme, by kind.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (path under `templates/`) and text.
    pub templates: Vec<(String, SourceText)>,
    pub locales: Vec<LocaleFile>,
    /// Path under `static/` and its bytes.
    pub statics: Vec<(String, Bytes)>,
    /// Path under `data/` and its bytes (e.g. the map's country outlines).
    pub data: Vec<(String, Bytes)>,
    /// True when the theme comes from the binary rather than the site.
    pub builtin: bool,
}

impl Theme {
    /// Reads `themes/<name>/` of the site, or the built-in default theme.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            return Theme::from_dir(&dir, &Path::new("themes").join(name));
        }
        if name == "default" {
            return Ok(Theme::builtin());
        }
        Err(Diagnostic::error("theme-missing", format!("theme `{name}` not found: there is no folder `themes/{name}`"))
            .in_file("site.toml")
            .with_hint("set `theme` in site.toml to a folder of themes/, or to \"default\" for the built-in theme")
            .into())
    }

    fn from_dir(dir: &Path, shown: &Path) -> Result<Theme, Diagnostics> {
        let mut diags = Diagnostics::default();
        let mut theme = Theme::default();
        let (files, problems) = fs::walk(dir, shown);
        diags.extend(problems);
        for f in files {
            let rel = f.rel.to_string_lossy().replace('\\', "/");
            let shown_path = shown.join(&f.rel);
            if let Some(name) = rel.strip_prefix("templates/") {
                match fs::read_text(&f.path, &shown_path) {
                    Ok(text) => theme.templates.push((
                        name.to_string(),
                        SourceText {
                            path: shown_path,
                            text: Arc::from(text),
                        },
                    )),
                    Err(d) => diags.push(d),
                }
            } else if let Some(rest) = rel.strip_prefix("locales/") {
                let Some((lang, _)) = rest.split_once('/') else {
                    continue;
                };
                if !rest.ends_with(".ftl") {
                    continue;
                }
                match fs::read_text(&f.path, &shown_path) {
                    Ok(text) => theme.locales.push(LocaleFile {
                        lang: lang.to_string(),
                        source: SourceText {
                            path: shown_path,
                            text: Arc::from(text),
                        },
                    }),
                    Err(d) => diags.push(d),
                }
            } else if let Some(name) = rel.strip_prefix("static/") {
                theme.statics.push((name.to_string(), Bytes::Disk(f.path)));
            } else if let Some(name) = rel.strip_prefix("data/") {
                theme.data.push((name.to_string(), Bytes::Disk(f.path)));
            }
        }
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(theme)
        }
    }

    /// The default theme as built into this binary.
    pub fn builtin() -> Theme {
        let mut theme = Theme {
            builtin: true,
            ..Theme::default()
        };
        for (rel, bytes) in embedded::DEFAULT_THEME {
            let shown = PathBuf::from(format!("<mosty>/themes/default/{rel}"));
            let text = || Arc::from(String::from_utf8_lossy(bytes).trim_start_matches('\u{feff}'));
            if let Some(name) = rel.strip_prefix("templates/") {
                theme.templates.push((
                    name.to_string(),
                    SourceText {
                        path: shown,
                        text: text(),
                    },
                ));
            } else if let Some(rest) = rel.strip_prefix("locales/") {
                if let Some((lang, _)) = rest.split_once('/')
                    && rest.ends_with(".ftl")
                {
                    theme.locales.push(LocaleFile {
                        lang: lang.to_string(),
                        source: SourceText {
                            path: shown,
                            text: text(),
                        },
                    });
                }
            } else if let Some(name) = rel.strip_prefix("static/") {
                theme
                    .statics
                    .push((name.to_string(), Bytes::Embedded(bytes)));
            } else if let Some(name) = rel.strip_prefix("data/") {
                theme.data.push((name.to_string(), Bytes::Embedded(bytes)));
            }
        }
        theme
    }

    /// The bytes of `data/<name>`, if the theme has it.
    pub fn data_file(&self, name: &str) -> Option<std::borrow::Cow<'static, [u8]>> {
        let (_, bytes) = self.data.iter().find(|(n, _)| n == name)?;
        match bytes {
            Bytes::Embedded(b) => Some(std::borrow::Cow::Borrowed(*b)),
            Bytes::Disk(p) => std::fs::read(p).ok().map(std::borrow::Cow::Owned),
        }
    }

    /// Every file of the built-in default theme, for `mosty theme eject`.
    pub fn builtin_files() -> &'static [(&'static str, &'static [u8])] {
        embedded::DEFAULT_THEME
    }
}
