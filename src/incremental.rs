//! Rebuilding after an edit, for `serve`: a site built into memory is kept, and when every
//! changed file is the Markdown body of an existing entry (its frontmatter byte for byte
//! unchanged), only that entry's pages are rendered again over the previous output.
//!
//! Why that is the same as a full build: every value other pages read — summaries, links,
//! the timeline, the map, feeds, the sitemap — is derived from frontmatter, file names,
//! configuration, locales and templates, none of which changed. The one exception, a body's
//! part in the stale-translation hash, shows in summaries (`is_stale`) and on the status page:
//! the summaries of the edited entries are recomputed and compared (any difference means a
//! full render), and the status page is rendered again when an edited entry has a stale
//! translation (the page shows the source's hash). Anything else — a new or
//! deleted file, a frontmatter edit, a template, locale, static or configuration change, a
//! missed event — is a full build. `tests/it/incremental.rs` checks the equality on random
//! edit sequences.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::content::frontmatter;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::lang::Lang;
use crate::output::MemorySink;
use crate::pipeline::{self, BuildOptions, Loaded};
use crate::render::{self, Prepared, Scope};
use crate::timings::stage;

/// Output path (`ru/projects/x/index.html`) → bytes, exactly what `mosty build` writes.
pub type Files = HashMap<String, Bytes>;

/// A good build held in memory, with what is needed to rebuild it after an edit.
pub struct Session {
    options: BuildOptions,
    loaded: Loaded,
    prepared: Prepared,
    files: Arc<Files>,
    pages: usize,
    warnings: Vec<Diagnostic>,
    /// `content/…md` → the entry (by index) and language it is the source of.
    sources: HashMap<String, (usize, Lang)>,
    /// Entries whose pages failed to render after an edit: rendered again with every later
    /// edit until they succeed, so that an error elsewhere cannot hide theirs.
    failed: BTreeSet<usize>,
}

/// The result of a build or rebuild.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub files: Arc<Files>,
    /// The output paths this rebuild wrote; `None` after a full build.
    pub written: Option<Vec<String>>,
    /// Entry pages of the site (not only the ones rendered now).
    pub pages: usize,
    /// Entry pages rendered by this rebuild.
    pub rendered: usize,
    pub base_path: String,
    pub languages: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl Session {
    /// A full build into memory.
    pub fn build(options: &BuildOptions) -> Result<(Session, Rebuilt), Diagnostics> {
        let start = Instant::now();
        let loaded = pipeline::load(options)?;
        let prepared = render::Prepared::new(&loaded.site());
        let sink = MemorySink::default();
        let (rendered, warnings) =
            pipeline::render_prepared(&loaded, &prepared, &sink, Scope::All)?;
        let files: Files = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Bytes::from(v)))
            .collect();
        let sources = loaded
            .content
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.sources.iter().map(move |(l, s)| {
                    (
                        crate::diagnostic::display_path(&s.file.path),
                        (i, l.clone()),
                    )
                })
            })
            .collect();
        let session = Session {
            options: options.clone(),
            loaded,
            prepared,
            files: Arc::new(files),
            pages: rendered.pages,
            warnings,
            sources,
            failed: BTreeSet::new(),
        };
        let out = session.result(None, rendered.pages, start);
        Ok((session, out))
    }

    /// Rebuilds after the files `changed` (paths relative to the site root, `/`-separated)
    /// changed on disk: only the edited entries' pages when the edit allows it, else a full
    /// build. On an error the session is gone when the error came from a full build (the
    /// inputs no longer match it) and kept after a failed partial one.
    pub fn rebuild(
        mut self,
        changed: &BTreeSet<String>,
    ) -> (Option<Session>, Result<Rebuilt, Diagnostics>) {
        let start = Instant::now();
        let Some(edits) = stage("edits found", || self.body_edits(changed)) else {
            return full(&self.options);
        };
        let content = stage("content unshared", || {
            Arc::make_mut(&mut self.loaded.content)
        });
        let mut entries: BTreeSet<usize> = self.failed.clone();
        for edit in edits {
            let source = content.entries[edit.entry]
                .sources
                .get_mut(&edit.lang)
                .expect("the source an edit was matched to exists");
            source.file = edit.file;
            source.body = edit.body;
            entries.insert(edit.entry);
        }
        let site = self.loaded.site();
        if !stage("summaries compared", || {
            self.prepared.summaries_unchanged(&site, &entries)
        }) {
            return full(&self.options);
        }
        let config = &self.loaded.config;
        // The status page shows the source hash of stale translations, which a body edit of
        // their original changes; nothing else of it depends on a body.
        let status = entries.iter().any(|&i| {
            let entry = &self.loaded.content.entries[i];
            config.languages.iter().any(|l| {
                matches!(
                    crate::stale::translation_state(entry, l, &config.default_language),
                    crate::stale::TranslationState::Stale { .. }
                )
            })
        });
        let sink = MemorySink::default();
        let scope = Scope::Entries {
            entries: &entries,
            status,
        };
        let rendered = pipeline::render_prepared(&self.loaded, &self.prepared, &sink, scope);
        match rendered {
            Ok((r, _)) => {
                self.failed.clear();
                let written = sink.into_files();
                let mut files = stage("files copied", || (*self.files).clone());
                let keys: Vec<String> = written.keys().cloned().collect();
                files.extend(written.into_iter().map(|(k, v)| (k, Bytes::from(v))));
                self.files = Arc::new(files);
                let out = self.result(Some(keys), r.pages, start);
                (Some(self), Ok(out))
            }
            Err(e) => {
                self.failed = entries;
                (Some(self), Err(e))
            }
        }
    }

    fn result(&self, written: Option<Vec<String>>, rendered: usize, start: Instant) -> Rebuilt {
        let config = &self.loaded.config;
        Rebuilt {
            files: self.files.clone(),
            written,
            pages: self.pages,
            rendered,
            base_path: config.base_path.clone(),
            languages: config
                .languages
                .iter()
                .map(|l| l.as_str().to_string())
                .collect(),
            warnings: self.warnings.clone(),
            elapsed: start.elapsed(),
        }
    }

    /// The new text of each changed file, if every change is a body edit of a known source.
    fn body_edits(&self, changed: &BTreeSet<String>) -> Option<Vec<BodyEdit>> {
        if changed.is_empty() {
            return None;
        }
        changed
            .iter()
            .map(|rel| {
                let &(entry, ref lang) = self.sources.get(rel)?;
                let old = self.loaded.content.entries[entry].sources.get(lang)?;
                let text =
                    crate::fs::read_text(&self.options.root.join(rel), Path::new(rel)).ok()?;
                let split = frontmatter::split(&text).ok()?;
                let head = &text[..split.body.start];
                (head == &old.file.text[..old.body.start]).then(|| BodyEdit {
                    entry,
                    lang: lang.clone(),
                    body: split.body.clone(),
                    file: SourceText {
                        path: old.file.path.clone(),
                        text: Arc::from(text),
                    },
                })
            })
            .collect()
    }
}

struct BodyEdit {
    entry: usize,
    lang: Lang,
    file: SourceText,
    body: std::ops::Range<usize>,
}

fn full(options: &BuildOptions) -> (Option<Session>, Result<Rebuilt, Diagnostics>) {
    match Session::build(options) {
        Ok((s, r)) => (Some(s), Ok(r)),
        Err(e) => (None, Err(e)),
    }
}
