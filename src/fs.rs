//! Reading source files: text decoding (BOM, CRLF, invalid UTF-8, UTF-16) and directory walks
//! that never follow symlinks. Every error names the file. Knows nothing of what files mean.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, SourceText};

/// Reads a UTF-8 text file. A BOM is dropped and CRLF becomes LF, so that a file saved by a
/// Windows editor builds exactly like its LF twin. `shown` is the path printed in errors.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("io-read", format!("cannot read file: {}", io_reason(&e))).in_file(shown)
    })?;
    decode_text(bytes, shown)
}

/// The decoding half of [`read_text`], for text that is already in memory.
pub fn decode_text(bytes: Vec<u8>, shown: &Path) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            Diagnostic::error("encoding", "the file is UTF-16, not UTF-8")
                .in_file(shown)
                .with_hint("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let byte = bytes[valid];
            // Show the file as far as it can be read, with the caret on the bad byte.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let source = SourceText {
                path: shown.to_path_buf(),
                text: std::sync::Arc::from(text),
            };
            return Err(Diagnostic::error(
                "encoding",
                format!("invalid UTF-8 (byte 0x{byte:02X}); the file must be saved as UTF-8"),
            )
            .at(&source, valid..valid + 1)
            .with_hint("save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    })
}

/// A file found by [`walk`]: its absolute path and its path relative to the walked folder.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub rel: PathBuf,
}

/// Lists the regular files below `dir`, sorted, skipping hidden files and editor leftovers.
/// Symlinks are never followed (so no loop can hang a build and nothing outside the site
/// leaks into the output); each one is reported as a warning. A missing folder is empty.
pub fn walk(dir: &Path, shown: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (files, problems);
    }
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e
                    .path()
                    .and_then(|p| p.strip_prefix(dir).ok())
                    .map_or_else(|| shown.to_path_buf(), |p| shown.join(p));
                let reason = e.io_error().map_or_else(|| e.to_string(), io_reason);
                problems.push(
                    Diagnostic::error("io-read", format!("cannot read: {reason}")).in_file(at),
                );
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            problems.push(
                Diagnostic::warning("symlink-skipped", "symbolic link skipped: mosty never follows links, so nothing outside the site can leak into the output")
                    .in_file(shown.join(&rel)),
            );
            continue;
        }
        if entry.file_type().is_file() {
            files.push(Found {
                path: entry.path().to_path_buf(),
                rel,
            });
        }
    }
    (files, problems)
}

/// Hidden files, editor swap, lock and backup files, and vim's `4913` probe.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913"
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let t = decode_text(
            b"\xEF\xBB\xBF+++\r\ntitle = \"x\"\r\n".to_vec(),
            Path::new("a"),
        )
        .unwrap();
        assert_eq!(t, "+++\ntitle = \"x\"\n");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = decode_text(b"a\nb\n\xC3\x28".to_vec(), Path::new("c/a.md")).unwrap_err();
        assert!(e.to_string().contains("c/a.md:3:1"), "{e}");
    }

    #[test]
    fn editor_files_are_ignored() {
        for n in [".#a.md", "a.md~", ".a.md.swp", "4913", "#a.md#", ".hidden"] {
            assert!(is_ignored(n), "{n}");
        }
        assert!(!is_ignored("index.ru.md"));
    }
}
