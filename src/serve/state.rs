//! What the server shows: the last good build held in memory (files by output path) and the
//! errors of the latest build, if it failed. A rebuild is a full build into memory, guarded
//! against panics; [`Changes`] says which files differ from the previous good build.
//! Serving and watching are left to `http.rs` and `watch.rs`.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::incremental::{Files, Session};
use crate::pipeline::BuildOptions;

pub use crate::incremental::Rebuilt as Built;

/// The result of one build.
#[derive(Debug)]
pub enum Outcome {
    Built(Built),
    Failed {
        /// Errors first, then warnings.
        diagnostics: Vec<Diagnostic>,
        elapsed: Duration,
    },
}

/// Builds the site into memory, turning a panic into an error diagnostic.
pub fn build_once(options: &BuildOptions) -> Outcome {
    catch_build(|| Session::build(options).map(|(_, built)| built))
}

/// Builds and rebuilds one site, keeping the last good build to rebuild only what an edit
/// can change (see `crate::incremental`).
pub struct Builder {
    options: BuildOptions,
    session: Option<Session>,
}

impl Builder {
    pub fn new(options: BuildOptions) -> Builder {
        Builder {
            options,
            session: None,
        }
    }

    /// Builds after `changed` files (relative to the root, `/`-separated) changed; `None`
    /// when it is unknown what changed (the first build, or the watcher lost events).
    pub fn build(&mut self, changed: Option<&BTreeSet<String>>) -> Outcome {
        // Taken out first: after a panic there is no session, so the next build is full.
        let session = self.session.take();
        let options = &self.options;
        let slot = &mut self.session;
        catch_build(|| {
            let (next, result) = match (session, changed) {
                (Some(s), Some(changed)) => s.rebuild(changed),
                _ => match Session::build(options) {
                    Ok((s, built)) => (Some(s), Ok(built)),
                    Err(e) => (None, Err(e)),
                },
            };
            *slot = next;
            result
        })
    }
}

static PANIC_PLACE: Mutex<Option<String>> = Mutex::new(None);

/// Runs `build`, catching a panic and reporting it like any other error, so that a bug in
/// mosty never stops the server.
pub fn catch_build(build: impl FnOnce() -> Result<Built, Diagnostics>) -> Outcome {
    install_panic_hook();
    let start = Instant::now();
    match catch_unwind(AssertUnwindSafe(build)) {
        Ok(Ok(built)) => Outcome::Built(built),
        Ok(Err(diags)) => {
            let (mut errors, warnings): (Vec<_>, Vec<_>) =
                diags.0.into_iter().partition(Diagnostic::is_error);
            if errors.is_empty() {
                errors.push(Diagnostic::error(
                    "build-failed",
                    "the build failed without saying why",
                ));
            }
            errors.extend(warnings);
            Outcome::Failed {
                diagnostics: errors,
                elapsed: start.elapsed(),
            }
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            let place = PANIC_PLACE
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .map_or_else(String::new, |p| format!(" at {p}"));
            Outcome::Failed {
                diagnostics: vec![
                    Diagnostic::error(
                        "internal-panic",
                        format!("mosty crashed while building the site: {what}{place}"),
                    )
                    .with_hint(
                        "this is a bug in mosty; the server keeps running. Please report it with the file you changed",
                    ),
                ],
                elapsed: start.elapsed(),
            }
        }
    }
}

/// Remembers where a panic happened (the payload does not say), then prints as usual.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Some(loc) = info.location() {
                *PANIC_PLACE.lock().unwrap_or_else(|e| e.into_inner()) =
                    Some(format!("{}:{}:{}", loc.file(), loc.line(), loc.column()));
            }
            previous(info);
        }));
    });
}

/// The good site being served.
#[derive(Debug)]
pub struct GoodSite {
    pub files: Arc<Files>,
    pub base_path: String,
    pub languages: Vec<String>,
}

/// What the server shows right now. Replaced whole after every build that changed anything.
#[derive(Debug)]
pub struct Snapshot {
    /// Changes whenever the snapshot does; pages embed it and reload when it moved on
    /// while they were not listening.
    pub id: String,
    pub site: Option<Arc<GoodSite>>,
    /// The errors of the latest build, when it failed.
    pub errors: Option<Arc<Vec<Diagnostic>>>,
    /// The error overlay for those errors, ready to inject.
    pub overlay: Option<Arc<str>>,
}

fn instance() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{:x}",
        (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
    )
}

impl Snapshot {
    /// The snapshot of the first build.
    pub fn first(outcome: &Outcome) -> Snapshot {
        let empty = Snapshot {
            id: format!("{}-0", instance()),
            site: None,
            errors: None,
            overlay: None,
        };
        empty.next(outcome)
    }

    /// The snapshot after `outcome`: a good build replaces the site and clears the errors;
    /// a failed one keeps the site and sets the errors.
    pub fn next(&self, outcome: &Outcome) -> Snapshot {
        let (prefix, n) = self.id.rsplit_once('-').unwrap_or((&self.id, "0"));
        let id = format!("{prefix}-{}", n.parse::<u64>().unwrap_or(0) + 1);
        match outcome {
            Outcome::Built(b) => Snapshot {
                id,
                site: Some(Arc::new(GoodSite {
                    files: b.files.clone(),
                    base_path: b.base_path.clone(),
                    languages: b.languages.clone(),
                })),
                errors: None,
                overlay: None,
            },
            Outcome::Failed { diagnostics, .. } => {
                let errors: Vec<Diagnostic> = diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect();
                let overlay = super::reload::overlay_html(&errors, self.site.is_some());
                Snapshot {
                    id,
                    site: self.site.clone(),
                    errors: Some(Arc::new(errors)),
                    overlay: Some(Arc::from(overlay)),
                }
            }
        }
    }

    pub fn base_path(&self) -> &str {
        self.site.as_ref().map_or("/", |s| s.base_path.as_str())
    }

    pub fn languages(&self) -> &[String] {
        self.site.as_ref().map_or(&[], |s| s.languages.as_slice())
    }
}

/// Which output files a rebuild changed, compared with the previous good build.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// URL paths of changed, added or removed pages (`/ru/projects/x/`).
    pub pages: Vec<String>,
    /// URL paths of changed stylesheets.
    pub css: Vec<String>,
    /// Other files a page may show (images, scripts, data) changed: reload everything.
    pub assets: bool,
}

impl Changes {
    /// Compares two builds' files; `base_path` is the new build's. `written` names the only
    /// files that can differ (after a partial rebuild); `None` compares everything.
    pub fn between(
        old: &Files,
        new: &Files,
        written: Option<&[String]>,
        base_path: &str,
    ) -> Changes {
        let mut changes = Changes::default();
        let mut note = |key: &str| {
            let ext = key.rsplit_once('.').map_or("", |(_, e)| e);
            match ext {
                "html" | "htm" => {
                    let page = key.strip_suffix("index.html").unwrap_or(key);
                    changes.pages.push(format!("{base_path}{page}"));
                }
                "css" => changes.css.push(format!("{base_path}{key}")),
                // Feeds, sitemap, calendars, robots.txt: no page shows them.
                "xml" | "ics" | "txt" => {}
                _ => changes.assets = true,
            }
        };
        let differs = |k: &String, v: &Bytes| old.get(k) != Some(v);
        match written {
            Some(keys) => {
                for k in keys {
                    if new.get(k).is_some_and(|v| differs(k, v)) {
                        note(k);
                    }
                }
            }
            None => {
                for (k, v) in new {
                    if differs(k, v) {
                        note(k);
                    }
                }
                for k in old.keys() {
                    if !new.contains_key(k) {
                        note(k);
                    }
                }
            }
        }
        changes.pages.sort();
        changes.css.sort();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.css.is_empty() && !self.assets
    }

    /// How many files differ, for the terminal line.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.pages.len() {
            0 => {}
            1 => parts.push("1 page changed".to_string()),
            n => parts.push(format!("{n} pages changed")),
        }
        match self.css.len() {
            0 => {}
            1 => parts.push("1 stylesheet changed".to_string()),
            n => parts.push(format!("{n} stylesheets changed")),
        }
        if self.assets {
            parts.push("files changed".to_string());
        }
        if parts.is_empty() {
            "no output changed".into()
        } else {
            parts.join(", ")
        }
    }
}

pub fn warning_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " and 1 warning".into(),
        n => format!(" and {n} warnings"),
    }
}

pub fn error_count(diags: &[Diagnostic]) -> String {
    match diags.iter().filter(|d| d.is_error()).count() {
        1 => "1 error".into(),
        n => format!("{n} errors"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(files: &[(&str, &str)]) -> Built {
        Built {
            files: Arc::new(
                files
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), Bytes::from(v.as_bytes().to_vec())))
                    .collect(),
            ),
            written: None,
            pages: 1,
            rendered: 1,
            base_path: "/intl/".into(),
            languages: vec!["ru".into()],
            warnings: vec![],
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn a_panic_in_a_build_becomes_an_error() {
        let outcome = catch_build(|| panic!("boom in a template"));
        let Outcome::Failed { diagnostics, .. } = outcome else {
            panic!("expected a failure");
        };
        assert_eq!(diagnostics[0].code, "internal-panic");
        assert!(diagnostics[0].message.contains("boom in a template"));
        assert!(
            diagnostics[0].message.contains("state.rs"),
            "{}",
            diagnostics[0].message
        );
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_site() {
        let good = Snapshot::first(&Outcome::Built(built(&[("ru/index.html", "a")])));
        let failed = good.next(&Outcome::Failed {
            diagnostics: vec![Diagnostic::error("x", "<bad>").in_file("content/a.md")],
            elapsed: Duration::ZERO,
        });
        assert!(failed.site.is_some());
        assert_ne!(good.id, failed.id);
        let overlay = failed.overlay.as_deref().unwrap();
        assert!(overlay.contains("content/a.md:1:1"), "{overlay}");
        assert!(
            overlay.contains("&lt;bad&gt;") && !overlay.contains("<bad>"),
            "{overlay}"
        );
        let fixed = failed.next(&Outcome::Built(built(&[("ru/index.html", "b")])));
        assert!(fixed.errors.is_none() && fixed.overlay.is_none());
    }

    #[test]
    fn changes_name_pages_by_url_and_stylesheets_apart() {
        let old = Snapshot::first(&Outcome::Built(built(&[
            ("ru/index.html", "a"),
            ("ru/x/index.html", "x"),
            ("style.css", "s"),
            ("sitemap.xml", "m"),
            ("gone/index.html", "g"),
        ])));
        let new = built(&[
            ("ru/index.html", "a"),
            ("ru/x/index.html", "x2"),
            ("style.css", "s2"),
            ("sitemap.xml", "m2"),
            ("ru/new/index.html", "n"),
        ]);
        let c = Changes::between(&old.site.unwrap().files, &new.files, None, "/intl/");
        assert_eq!(c.pages, ["/intl/gone/", "/intl/ru/new/", "/intl/ru/x/"]);
        assert_eq!(c.css, ["/intl/style.css"]);
        assert!(!c.assets);
        let only_img = built(&[("a.png", "1")]);
        let c = Changes::between(&Files::new(), &only_img.files, None, "/");
        assert!(c.assets && c.pages.is_empty());
        // After a partial rebuild only the written files are compared.
        let c = Changes::between(
            &new.files,
            &built(&[("ru/x/index.html", "x3"), ("ru/index.html", "a")]).files,
            Some(&["ru/x/index.html".to_string(), "ru/index.html".to_string()]),
            "/",
        );
        assert_eq!(c.pages, ["/ru/x/"]);
    }
}
