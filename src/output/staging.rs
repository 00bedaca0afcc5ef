//! Writing a build into `public/` so that the old output stays intact until the new one is
//! complete. Files go to a staging folder beside the output; only when every page rendered
//! does [`Staging::commit`] change the output.
//!
//! A file whose bytes equal the one already in the output is not written at all: it stays
//! where it is, with its modification time, so that upload tools which compare times send
//! only what changed. The commit then moves the new and changed files in and removes the
//! files the site no longer has. On a rebuild where little changed this replaces writing the
//! whole site and deleting the old one, which on a disk took longer than rendering.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{Sink, check_rel, io_error};
use crate::diagnostic::Diagnostic;

/// A folder being filled beside the real output; see [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Whether `target` held an output when the build began: then files are compared with
    /// it and the commit updates it; otherwise the staging folder becomes the output.
    update: bool,
    /// Every file of the build, and whether it was staged (new or changed) or is already in
    /// the output as it should be.
    files: Mutex<Vec<(String, Fate)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Staged,
    Unchanged,
}

impl Staging {
    /// Creates `.<name>.mosty-staging-<pid>` next to `target`.
    pub fn begin(target: &Path) -> Result<Staging, Diagnostic> {
        let parent = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        // One staging folder per process, so two builds at once never mix their files.
        let dir = parent.join(format!(".{name}.mosty-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| io_error("remove", &dir, &e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, &e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            update: target.is_dir(),
            files: Mutex::new(Vec::new()),
        })
    }

    /// Makes the output hold exactly the files of this build.
    pub fn commit(self) -> Result<(), Diagnostic> {
        // Another build may have made the output since this one began: then its files are
        // replaced like an old output's (every file of this build is staged).
        if !self.update && !self.target.exists() {
            return std::fs::rename(&self.dir, &self.target)
                .map_err(|e| io_error("move into place", &self.target, &e));
        }
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let others = others(&self.target, &files)?;
        // A symlink standing where the site has a folder goes, and with it the files found
        // unchanged through it: those are copied into the staging folder first.
        let stand_ins: Vec<&str> = others
            .iter()
            .filter_map(|o| o.stands_in.as_deref())
            .collect();
        for (rel, fate) in &mut files {
            let under = |dir: &&str| rel.strip_prefix(*dir).is_some_and(|r| r.starts_with('/'));
            if *fate == Fate::Unchanged && stand_ins.iter().any(under) {
                let (from, to) = (self.target.join(&*rel), with_parent(&self.dir, rel)?);
                std::fs::copy(&from, &to).map_err(|e| io_error("copy", &from, &e))?;
                *fate = Fate::Staged;
            }
        }
        others.par_iter().try_for_each(|o| {
            let removed = if o.is_dir {
                std::fs::remove_dir_all(&o.path)
            } else {
                std::fs::remove_file(&o.path)
            };
            removed.map_err(|e| io_error("remove", &o.path, &e))
        })?;
        let staged: Vec<&str> = files
            .iter()
            .filter(|(_, fate)| *fate == Fate::Staged)
            .map(|(rel, _)| rel.as_str())
            .collect();
        staged.par_iter().try_for_each(|rel| {
            let (from, to) = (self.dir.join(rel), with_parent(&self.target, rel)?);
            std::fs::rename(&from, &to).map_err(|e| io_error("move into place", &to, &e))
        })?;
        // Only the emptied folders are left.
        std::fs::remove_dir_all(&self.dir).map_err(|e| io_error("remove", &self.dir, &e))
    }

    /// Throws the staged files away, leaving the output untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    fn record(&self, rel: &str, fate: Fate) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((rel.to_string(), fate));
    }

    /// The output's current file at `rel`, when it is a plain file of `len` bytes (a
    /// symlink or a folder there is replaced, never followed).
    fn current(&self, rel: &Path, len: u64) -> Option<PathBuf> {
        if !self.update {
            return None;
        }
        let path = self.target.join(rel);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        (meta.is_file() && meta.len() == len).then_some(path)
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let rel_path = check_rel(rel)?;
        let unchanged = self
            .current(rel_path, bytes.len() as u64)
            .is_some_and(|old| holds(&old, &bytes));
        if !unchanged {
            let path = with_parent(&self.dir, rel_path)?;
            std::fs::write(&path, bytes).map_err(|e| io_error("write", &path, &e))?;
        }
        self.record(rel, fate(unchanged));
        Ok(())
    }

    fn copy(&self, rel: &str, src: &Path) -> Result<(), Diagnostic> {
        let rel_path = check_rel(rel)?;
        let len = std::fs::metadata(src)
            .map_err(|e| io_error("read", src, &e))?
            .len();
        let unchanged = self
            .current(rel_path, len)
            .is_some_and(|old| same_contents(src, &old));
        if !unchanged {
            let path = with_parent(&self.dir, rel_path)?;
            std::fs::copy(src, &path).map_err(|e| io_error("copy", src, &e))?;
        }
        self.record(rel, fate(unchanged));
        Ok(())
    }
}

fn fate(unchanged: bool) -> Fate {
    if unchanged {
        Fate::Unchanged
    } else {
        Fate::Staged
    }
}

/// `root/rel`, with the folders above it created.
fn with_parent(root: &Path, rel: impl AsRef<Path>) -> Result<PathBuf, Diagnostic> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
    }
    Ok(path)
}

/// Something in the old output that is not one of the build's files or a folder above one:
/// a page the site no longer has, or anything else put there by hand.
#[derive(Debug)]
struct Other {
    path: PathBuf,
    is_dir: bool,
    /// Set (to its path in the output) when this is a file or a symlink where the site has a
    /// folder.
    stands_in: Option<String>,
}

/// Everything in `target` that is not one of `files`; folders are listed whole.
fn others(target: &Path, files: &[(String, Fate)]) -> Result<Vec<Other>, Diagnostic> {
    let keep = Keep {
        files: files.iter().map(|(rel, _)| rel.as_str()).collect(),
        dirs: files
            .iter()
            .flat_map(|(rel, _)| rel.match_indices('/').map(|(i, _)| &rel[..i]))
            .collect(),
    };
    let found = Mutex::new(Vec::new());
    // A large site's output is tens of thousands of folders (a page is a folder with its
    // `index.html`), so they are listed in parallel.
    keep.scan(target, "", &found)?;
    Ok(found.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// The files of a build, and the folders above them, by `/`-separated path.
struct Keep<'a> {
    files: HashSet<&'a str>,
    dirs: HashSet<&'a str>,
}

impl Keep<'_> {
    /// Collects in `found` what folder `dir` (at `rel`) holds that the build does not have.
    fn scan(&self, dir: &Path, rel: &str, found: &Mutex<Vec<Other>>) -> Result<(), Diagnostic> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_error("read", dir, &e)),
        };
        let entries: Vec<std::fs::DirEntry> = entries
            .collect::<Result<_, _>>()
            .map_err(|e| io_error("read", dir, &e))?;
        entries.par_iter().try_for_each(|entry| {
            // The entry's own type: a symlink is never followed.
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let child = entry.file_name().to_str().map(|name| {
                if rel.is_empty() {
                    name.to_string()
                } else {
                    format!("{rel}/{name}")
                }
            });
            let kept = child.as_deref().is_some_and(|child| {
                if is_dir {
                    self.dirs.contains(child)
                } else {
                    self.files.contains(child)
                }
            });
            match child {
                Some(child) if kept && is_dir => self.scan(&entry.path(), &child, found),
                _ if kept => Ok(()),
                child => {
                    let stands_in = child.filter(|c| !is_dir && self.dirs.contains(c.as_str()));
                    found.lock().unwrap_or_else(|e| e.into_inner()).push(Other {
                        path: entry.path(),
                        is_dir,
                        stands_in,
                    });
                    Ok(())
                }
            }
        })
    }
}

/// Whether the file at `path` holds exactly `bytes`: an unchanged page.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    File::open(path).is_ok_and(|file| same_stream(file, bytes))
}

/// Whether two files hold the same bytes: an unchanged static file.
fn same_contents(a: &Path, b: &Path) -> bool {
    match (File::open(a), File::open(b)) {
        (Ok(a), Ok(b)) => same_stream(a, b),
        _ => false,
    }
}

/// Whether two streams hold the same bytes, compared a block at a time on the stack: a large
/// photo is never held in memory twice, and a page costs no allocation (tens of thousands
/// of them in a large site's build).
fn same_stream(mut a: impl Read, mut b: impl Read) -> bool {
    let mut block_a = [0u8; 16 * 1024];
    let mut block_b = [0u8; 16 * 1024];
    loop {
        let n = match a.read(&mut block_a) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        if n == 0 {
            return b.read(&mut block_b[..1]).is_ok_and(|m| m == 0);
        }
        if b.read_exact(&mut block_b[..n]).is_err() || block_a[..n] != block_b[..n] {
            return false;
        }
    }
}
