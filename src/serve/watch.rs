//! Watching the site's inputs and rebuilding: debounced file events (notify-debouncer-full)
//! from `content/`, `locales/`, `themes/`, `templates/`, `static/` and `site.toml` — never the
//! output — go through a pure classifier that drops access events and editor leftovers; each
//! burst of relevant changes is one full rebuild, whose result replaces the served snapshot
//! and is announced to the open pages. Serving is left to `http.rs`.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::Shared;
use super::reload::Message;
use super::state::{self, Builder, Changes, Outcome, Snapshot};
use crate::diagnostic::{Diagnostic, display_path};

/// How long a file must be quiet before its events are handed over. Short, because an
/// editor's save is one write or one rename; the debouncer checks twice as often.
const DEBOUNCE: Duration = Duration::from_millis(4);
const TICK: Duration = Duration::from_millis(2);
/// After the first batch, how long to wait for more before rebuilding (one save often
/// arrives as several batches: temp file, rename, backup removal).
const SETTLE: Duration = Duration::from_millis(3);
/// A change this soon after the previous rebuild starts a burst (a formatter, a `git
/// checkout`, a script writing many files, an editor saving on every keystroke)...
const BURST_GAP: Duration = Duration::from_millis(150);
/// ... which is collected until it has been quiet this long,
const BURST_QUIET: Duration = Duration::from_millis(120);
/// ... or cut into a rebuild at least this often, so the page keeps up.
const MAX_SETTLE: Duration = Duration::from_millis(1000);

/// The folders of a site that hold inputs, watched recursively.
pub const INPUT_DIRS: &[&str] = &["content", "locales", "themes", "templates", "static"];

/// What kind of input changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Config,
    Content,
    Locales,
    Theme,
    Templates,
    Static,
}

/// Decides whether an event on `rel` (a path relative to the site root) is an input change.
/// Access events (a file opened or read, also by the build itself) and editor temp, swap and
/// backup files never are; files without an extension (`static/CNAME`) are.
pub fn classify(rel: &Path, kind: &EventKind) -> Option<ChangeKind> {
    if matches!(kind, EventKind::Access(_)) {
        return None;
    }
    if matches!(
        kind,
        EventKind::Modify(ModifyKind::Metadata(
            notify_debouncer_full::notify::event::MetadataKind::AccessTime
        ))
    ) {
        return None;
    }
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy()),
            // Not a path below the root: not ours.
            _ => return None,
        }
    }
    if parts.iter().any(|p| crate::fs::is_ignored(p)) {
        return None;
    }
    let first = parts.first()?;
    match first.as_ref() {
        "site.toml" if parts.len() == 1 => Some(ChangeKind::Config),
        "content" => Some(ChangeKind::Content),
        "locales" => Some(ChangeKind::Locales),
        "themes" => Some(ChangeKind::Theme),
        "templates" => Some(ChangeKind::Templates),
        "static" => Some(ChangeKind::Static),
        _ => None,
    }
}

type Batch = DebounceEventResult;

/// The running watcher; dropping it stops watching.
pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<&'static str>,
}

/// Starts watching `root` (canonical): the root itself without recursion (for `site.toml`
/// saved by rename and for input folders created later) and each input folder recursively.
pub fn start(root: &Path) -> Result<(Watcher, Receiver<Batch>), Diagnostic> {
    let (tx, rx) = channel();
    let debouncer = new_debouncer(DEBOUNCE, Some(TICK), tx)
        .map_err(|e| Diagnostic::error("serve-watch", format!("cannot watch for changes: {e}")))?;
    let mut w = Watcher {
        root: root.to_path_buf(),
        debouncer,
        watched: BTreeSet::new(),
    };
    w.debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(root, &e))?;
    w.sync(&[]);
    Ok((w, rx))
}

fn watch_error(path: &Path, e: &notify_debouncer_full::notify::Error) -> Diagnostic {
    let d = Diagnostic::error(
        "serve-watch",
        format!("cannot watch `{}`: {e}", path.display()),
    );
    if e.to_string().to_lowercase().contains("limit") || e.to_string().contains("ENOSPC") {
        d.with_hint("the system's limit of watched folders is reached; raise it: sysctl fs.inotify.max_user_watches=524288")
    } else {
        d
    }
}

impl Watcher {
    /// Watches the input folders that exist and are not watched yet, and re-watches those
    /// that were removed, renamed or re-created (`touched` top-level names).
    fn sync(&mut self, touched: &[String]) {
        for dir in INPUT_DIRS {
            let path = self.root.join(dir);
            let was = self.watched.contains(dir);
            if was && touched.iter().any(|t| t == dir) {
                let _ = self.debouncer.unwatch(&path);
                self.watched.remove(dir);
            }
            if !self.watched.contains(dir) && path.is_dir() {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) => eprintln!("{}", watch_error(&path, &e).render(false)),
                }
            } else if self.watched.contains(dir) && !path.is_dir() {
                let _ = self.debouncer.unwatch(&path);
                self.watched.remove(dir);
            }
        }
    }
}

/// What a group of batches changed.
#[derive(Debug, Default)]
struct Pending {
    files: BTreeSet<String>,
    top_level: Vec<String>,
    rescan: bool,
}

impl Pending {
    fn add(&mut self, root: &Path, batch: Batch) {
        let events = match batch {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    eprintln!("warning: watching for changes: {e}; rebuilding everything");
                }
                self.rescan = true;
                return;
            }
        };
        for event in events {
            if event.need_rescan() {
                self.rescan = true;
                continue;
            }
            for path in &event.paths {
                let Ok(rel) = path.strip_prefix(root) else {
                    continue;
                };
                if classify(rel, &event.kind).is_some() {
                    self.files.insert(display_path(rel));
                    if rel.components().count() == 1 {
                        self.top_level.push(display_path(rel));
                    }
                }
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.rescan
    }

    fn describe(&self) -> String {
        let mut names = self.files.iter();
        match (names.next(), self.files.len()) {
            (None, _) => "files changed".into(),
            (Some(one), 1) => one.clone(),
            (Some(one), 2) => format!("{one} (+1 more file)"),
            (Some(one), n) => format!("{one} (+{} more files)", n - 1),
        }
    }
}

/// Runs the rebuild loop on its own thread (with a large stack, as deep templates and
/// messages recurse) until the process ends.
pub fn spawn_rebuilds(
    mut watcher: Watcher,
    batches: Receiver<Batch>,
    mut builder: Builder,
    shared: Arc<Shared>,
    color: bool,
    mut last_warnings: String,
) {
    let spawned = std::thread::Builder::new()
        .name("mosty-rebuild".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let mut last_rebuild: Option<Instant> = None;
            while let Ok(first) = batches.recv() {
                let mut pending = Pending::default();
                pending.add(&watcher.root, first);
                let start = Instant::now();
                let burst = last_rebuild.is_some_and(|t| t.elapsed() < BURST_GAP);
                let quiet = if burst { BURST_QUIET } else { SETTLE };
                while start.elapsed() < MAX_SETTLE {
                    match batches.recv_timeout(quiet) {
                        Ok(b) => pending.add(&watcher.root, b),
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                if pending.is_empty() {
                    continue;
                }
                watcher.sync(&pending.top_level);
                let changed = (!pending.rescan).then_some(&pending.files);
                let outcome = builder.build(changed);
                report(
                    &outcome,
                    &shared,
                    &pending.describe(),
                    color,
                    &mut last_warnings,
                );
                last_rebuild = Some(Instant::now());
            }
        });
    if let Err(e) = spawned {
        eprintln!("warning: cannot start the rebuild thread ({e}); changes will not be shown");
    }
}

/// After a rebuild: replace the snapshot, tell the pages, print one line.
fn report(outcome: &Outcome, shared: &Shared, what: &str, color: bool, last_warnings: &mut String) {
    let previous = shared.current();
    match outcome {
        Outcome::Built(b) => {
            let warnings: String = b
                .warnings
                .iter()
                .map(|w| w.render(color) + "\n\n")
                .collect();
            if warnings != *last_warnings {
                eprint!("{warnings}");
                *last_warnings = warnings;
            }
            let (changes, all) = match &previous.site {
                Some(old) => (
                    Changes::between(&old.files, &b.files, b.written.as_deref(), &b.base_path),
                    old.base_path != b.base_path,
                ),
                None => (Changes::default(), true),
            };
            let recovered = previous.errors.is_some();
            let rebuilt = if b.written.is_some() {
                format!("rebuilt {} of {} pages", b.rendered, b.pages)
            } else {
                format!("rebuilt {} pages", b.pages)
            };
            eprintln!(
                "{what}: {rebuilt} in {} ms, {}{}{}",
                b.elapsed.as_millis(),
                changes.describe(),
                state::warning_count(b.warnings.len()),
                if recovered { "; errors fixed" } else { "" },
            );
            if changes.is_empty() && !all && !recovered {
                return;
            }
            let next = Arc::new(previous.next(outcome));
            let message = Message::Update {
                id: next.id.clone(),
                all: all || changes.assets || changes.pages.len() > 500,
                changes,
            };
            publish(shared, next, message);
        }
        Outcome::Failed {
            diagnostics,
            elapsed,
        } => {
            for d in diagnostics {
                eprintln!("{}\n", d.render(color));
            }
            let first = diagnostics
                .iter()
                .find(|d| d.is_error())
                .and_then(|d| d.file.as_deref())
                .map_or_else(String::new, |f| format!(" (first in {})", display_path(f)));
            eprintln!(
                "{what}: rebuild failed in {} ms with {}{first}; {}",
                elapsed.as_millis(),
                state::error_count(diagnostics),
                if previous.site.is_some() {
                    "still serving the last good site, with the errors over every page"
                } else {
                    "serving the error page"
                }
            );
            let next = Arc::new(previous.next(outcome));
            let message = Message::Errors {
                id: next.id.clone(),
                overlay: next.overlay.clone().unwrap_or_else(|| Arc::from("")),
            };
            publish(shared, next, message);
        }
    }
}

fn publish(shared: &Shared, next: Arc<Snapshot>, message: Message) {
    *shared.snapshot.write().unwrap_or_else(|e| e.into_inner()) = next;
    // No page listening is fine.
    let _ = shared.events.send(message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{
        AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode,
    };

    #[test]
    fn events_are_classified_by_path_and_kind() {
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let create = EventKind::Create(CreateKind::File);
        let remove = EventKind::Remove(RemoveKind::Folder);
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let close = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let atime = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        let chmod = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions));
        use ChangeKind::*;
        let table: &[(&str, &EventKind, Option<ChangeKind>)] = &[
            ("content/projects/x/index.md", &write, Some(Content)),
            ("content/projects/x/index.ka.md", &create, Some(Content)),
            ("content/projects/x", &remove, Some(Content)),
            ("content/projects/y", &rename, Some(Content)),
            ("content", &remove, Some(Content)),
            ("content/projects/x/photo.jpg", &write, Some(Content)),
            ("locales/ka/main.ftl", &write, Some(Locales)),
            ("locales/de", &create, Some(Locales)),
            ("themes/default/templates/page.html", &write, Some(Theme)),
            ("templates/page.html", &write, Some(Templates)),
            ("static/style.css", &write, Some(Static)),
            ("static/CNAME", &write, Some(Static)),
            ("site.toml", &write, Some(Config)),
            ("site.toml", &rename, Some(Config)),
            ("site.toml", &chmod, Some(Config)),
            // reads, including the build's own, and atime updates
            ("content/a.md", &open, None),
            ("content/a.md", &close, None),
            ("content/a.md", &atime, None),
            ("site.toml", &open, None),
            // the output and anything else beside the inputs
            ("public/index.html", &write, None),
            ("public", &rename, None),
            (".public.mosty-staging/x", &create, None),
            ("target/debug/mosty", &write, None),
            ("README.md", &write, None),
            ("content.toml", &write, None),
            ("sub/site.toml", &write, None),
            // editor leftovers: vim, emacs, JetBrains, Kate, Helix, temp + rename saves
            ("content/.a.md.swp", &create, None),
            ("content/.a.md.swx", &create, None),
            ("content/a.md~", &rename, None),
            ("content/4913", &create, None),
            ("content/#a.md#", &write, None),
            ("content/.#a.md", &create, None),
            ("content/a.md___jb_tmp___", &write, None),
            ("content/a.md___jb_old___", &rename, None),
            ("content/.a.md.tmp123", &write, None),
            ("content/a.md.tmp", &write, None),
            ("site.toml~", &write, None),
            (".site.toml.swp", &write, None),
            ("content/.git/index", &write, None),
            ("locales/.ka.ftl.kate-swp", &create, None),
            // not below the root
            ("../elsewhere/content/a.md", &write, None),
            ("/etc/passwd", &write, None),
            ("", &write, None),
        ];
        for (path, kind, expected) in table {
            assert_eq!(
                classify(Path::new(path), kind),
                *expected,
                "{path} {kind:?}"
            );
        }
    }

    #[test]
    fn a_rename_counts_for_its_real_name() {
        let root = Path::new("/site");
        let mut pending = Pending::default();
        let event = notify_debouncer_full::notify::Event::new(EventKind::Modify(ModifyKind::Name(
            RenameMode::Both,
        )))
        .add_path(root.join("content/.a.md.tmp123"))
        .add_path(root.join("content/a.md"));
        pending.add(
            root,
            Ok(vec![notify_debouncer_full::DebouncedEvent::new(
                event,
                Instant::now(),
            )]),
        );
        assert_eq!(pending.files.iter().collect::<Vec<_>>(), ["content/a.md"]);
        assert_eq!(pending.describe(), "content/a.md");
    }
}
