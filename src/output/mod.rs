//! Where files are written: in memory for `serve` and tests, or through a [`Staging`] folder
//! into `public/`, so that a failed build leaves the old output exactly as it was. Paths are
//! checked so nothing is written outside the output folder.

mod staging;

pub use staging::Staging;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostic::Diagnostic;

/// Receives the files of a build. Called from many threads at once.
pub trait Sink: Sync {
    /// Stores `bytes` at `rel`, a `/`-separated path inside the output.
    fn write(&self, rel: &str, bytes: Vec<u8>) -> Result<(), Diagnostic>;
    /// Stores a copy of the file `src` at `rel`.
    fn copy(&self, rel: &str, src: &Path) -> Result<(), Diagnostic>;
}

/// Checks that `rel` stays inside the output folder.
pub fn check_rel(rel: &str) -> Result<&Path, Diagnostic> {
    let p = Path::new(rel);
    let ok = !rel.is_empty()
        && !rel.contains('\\')
        && !rel.contains('\0')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(p)
    } else {
        Err(Diagnostic::error(
            "output-path",
            format!("refusing to write `{rel}`: it is not a plain path inside the output folder"),
        ))
    }
}

/// Keeps the files in memory (tests, `serve`).
#[derive(Debug, Default)]
pub struct MemorySink {
    pub files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, rel: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        check_rel(rel)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_string(), bytes);
        Ok(())
    }

    fn copy(&self, rel: &str, src: &Path) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(src).map_err(|e| {
            Diagnostic::error("io-read", format!("cannot read `{}`: {e}", src.display()))
        })?;
        self.write(rel, bytes)
    }
}

pub(crate) fn io_error(what: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "io-write",
        format!("cannot {what} `{}`: {e}", path.display()),
    )
}

/// Refuses output folders whose replacement would destroy the site or anything above it.
pub fn check_output_dir(root: &Path, output: &Path, force: bool) -> Result<(), Diagnostic> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| abs(root));
    let out = match std::fs::canonicalize(output) {
        Ok(p) => p,
        Err(_) => {
            // Not there yet: canonicalize the nearest existing parent.
            let a = abs(output);
            match (
                a.parent().and_then(|p| std::fs::canonicalize(p).ok()),
                a.file_name(),
            ) {
                (Some(p), Some(n)) => p.join(n),
                _ => a,
            }
        }
    };
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            "output-dir",
            format!("refusing to use `{}` as the output folder: {why}", output.display()),
        )
        .with_hint("the output folder is replaced on every build; choose a folder of its own, such as `public`"))
    };
    if out.parent().is_none() {
        return refuse("it is the file system root");
    }
    if root.starts_with(&out) {
        return refuse("it contains the site");
    }
    for protected in [
        "content",
        "locales",
        "themes",
        "templates",
        "static",
        "site.toml",
    ] {
        if out.starts_with(root.join(protected)) {
            return refuse(&format!("it is inside the site's `{protected}`"));
        }
    }
    if out.is_file() {
        return refuse("it is a file");
    }
    // A folder with other files than a site mosty built is somebody's work: never replace it.
    let foreign = out.is_dir()
        && std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some())
        && !built_by_mosty(&out);
    if foreign && !force {
        return Err(Diagnostic::error(
            "output-dir",
            format!(
                "refusing to replace `{}`: it holds files that mosty did not build",
                output.display()
            ),
        )
        .with_hint("choose an empty or new folder, or pass --force to replace it with the site"));
    }
    Ok(())
}

/// Whether `dir` looks like mosty's output: its 404 page, and its language chooser saying
/// mosty made it (or, from before that mark, its sitemap; `[outputs]` may turn that off).
fn built_by_mosty(dir: &Path) -> bool {
    const MARK: &str = "<meta name=\"generator\" content=\"mosty\">";
    dir.join("404.html").is_file()
        && (dir.join("sitemap.xml").is_file()
            || std::fs::read_to_string(dir.join("index.html")).is_ok_and(|t| t.contains(MARK)))
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// How links between pages are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LinkStyle {
    /// `../projects/x/`: clean URLs on any web server.
    #[default]
    Folders,
    /// `../projects/x/index.html`: also works when the files are opened from a disk or a
    /// USB stick, where no server turns a folder into its `index.html`.
    Files,
}

/// Rewrites URL paths under `base_path` in `href`, `src` and similar attributes into paths
/// relative to the page at `dir` (`ru/projects/x/`), so the site works under any sub-path
/// and, with [`LinkStyle::Files`], when opened from the file system.
///
/// Works on the rendered bytes: everything it looks for and writes is ASCII, so valid UTF-8
/// stays valid, and the page is never checked or copied as a `String` on its way to disk.
pub fn relativize(html: &[u8], base_path: &str, dir: &str, style: LinkStyle) -> Vec<u8> {
    let depth = dir.matches('/').count();
    let prefix = if depth == 0 {
        b"./".to_vec()
    } else {
        b"../".repeat(depth)
    };
    let needle = format!("=\"{base_path}");
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out = Vec::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(i) = finder.find(rest) {
        let after = &rest[i + needle.len()..];
        out.extend_from_slice(&rest[..i]);
        // `="//host"` is another host, not a path of this site.
        if base_path == "/" && after.starts_with(b"/") {
            out.extend_from_slice(needle.as_bytes());
            rest = after;
            continue;
        }
        out.extend_from_slice(b"=\"");
        out.extend_from_slice(&prefix);
        let end = memchr::memchr(b'"', after).unwrap_or(after.len());
        let value = &after[..end];
        let path_end = memchr::memchr2(b'#', b'?', value).unwrap_or(value.len());
        out.extend_from_slice(&value[..path_end]);
        if style == LinkStyle::Files && (path_end == 0 || value[..path_end].ends_with(b"/")) {
            out.extend_from_slice(b"index.html");
        }
        out.extend_from_slice(&value[path_end..]);
        rest = &after[end..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relativize(html: &str, base_path: &str, dir: &str, style: LinkStyle) -> String {
        String::from_utf8(super::relativize(html.as_bytes(), base_path, dir, style)).unwrap()
    }

    #[test]
    fn relative_links() {
        let html =
            r#"<a href="/intl/ru/x/">x</a><img src="/intl/style.css"><a href="https://h/intl/">"#;
        assert_eq!(
            relativize(html, "/intl/", "ru/projects/y/", LinkStyle::Folders),
            r#"<a href="../../../ru/x/">x</a><img src="../../../style.css"><a href="https://h/intl/">"#
        );
        assert_eq!(
            relativize(r#"<a href="/">"#, "/", "", LinkStyle::Folders),
            r#"<a href="./">"#
        );
        assert_eq!(
            relativize(
                r#"<a href="//cdn.example/x">"#,
                "/",
                "ru/",
                LinkStyle::Folders
            ),
            r#"<a href="//cdn.example/x">"#
        );
    }

    #[test]
    fn file_style_links_name_the_index_file() {
        let html = r#"<a href="/ru/x/#a">x</a><a href="/">h</a><link href="/style.css">"#;
        assert_eq!(
            relativize(html, "/", "ru/y/", LinkStyle::Files),
            r#"<a href="../../ru/x/index.html#a">x</a><a href="../../index.html">h</a><link href="../../style.css">"#
        );
    }

    #[test]
    fn traversal_is_refused() {
        for bad in ["../x", "/etc/x", "a/../../b", "a\\b", ""] {
            assert!(check_rel(bad).is_err(), "{bad}");
        }
        assert!(check_rel("ru/projects/x/index.html").is_ok());
    }
}
