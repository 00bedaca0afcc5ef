//! Diagnostics: every error and warning a user sees, with the file, line, column and a code
//! frame. Stages produce `Diagnostic` values; only the command layer prints them.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a problem is. Errors stop the build; warnings are counted and printed at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// A source file a diagnostic points into: its path relative to the site root and its text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// Where in a file a problem is. A span is in bytes of the whole file.
#[derive(Debug, Clone)]
pub struct Location {
    pub source: SourceText,
    pub span: Range<usize>,
}

impl Location {
    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(&self.source.text, self.span.start)
    }
}

/// One problem found while loading or building a site.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable identifier such as `frontmatter-toml` or `link-unknown`.
    pub code: &'static str,
    pub message: String,
    /// The file the problem is in, when it is in one.
    pub file: Option<PathBuf>,
    /// The exact place, when known; `file` is then `location.source.path`.
    pub location: Option<Box<Location>>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            location: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Points at a whole file (line 1, column 1 when printed).
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// Points at a span of a file's text.
    pub fn at(mut self, source: &SourceText, span: Range<usize>) -> Self {
        let len = source.text.len();
        let start = floor_char_boundary(&source.text, span.start.min(len));
        let end = floor_char_boundary(&source.text, span.end.clamp(start, len));
        self.file = Some(source.path.clone());
        self.location = Some(Box::new(Location {
            source: source.clone(),
            span: start..end,
        }));
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, the form editors and terminals turn into links.
    pub fn position(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        let (line, col) = self.location.as_ref().map_or((1, 1), |l| l.line_col());
        Some(format!("{}:{line}:{col}", display_path(file)))
    }

    /// Renders the diagnostic with a code frame, as printed on the terminal.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let path_text;
        let group: Group<'_> = match (&self.location, &self.file) {
            (Some(loc), _) => {
                path_text = display_path(&loc.source.path);
                title.element(
                    Snippet::source(&*loc.source.text)
                        .path(path_text.as_str())
                        .annotation(AnnotationKind::Primary.span(loc.span.clone())),
                )
            }
            (None, Some(file)) => {
                path_text = format!("{}:1:1", display_path(file));
                title.element(annotate_snippets::Origin::path(path_text.as_str()))
            }
            (None, None) => Group::with_title(title),
        };
        let mut report = vec![group];
        if let Some(hint) = &self.hint {
            report.push(Group::with_title(
                Level::HELP.secondary_title(hint.as_str()),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&report)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position() {
            Some(pos) => write!(f, "{pos}: {}", self.message)?,
            None => write!(f, "{}", self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// The problems of a failed stage, all of them, not only the first.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Sorts by file and position so output does not depend on thread scheduling.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.clone(),
                    d.location.as_ref().map(|l| l.span.start),
                    d.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        self.0.dedup_by(|a, b| {
            a.code == b.code && a.message == b.message && a.position() == b.position()
        });
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Paths are shown with forward slashes on every platform, as users type them.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nтитул = \"x\"\n";
        let off = text.find('"').unwrap();
        assert_eq!(line_col(text, off), (2, 9));
    }

    #[test]
    fn rendered_error_names_file_line_and_column() {
        let src = SourceText {
            path: PathBuf::from("content/a.md"),
            text: Arc::from("+++\ntitle = 5\n+++\n"),
        };
        let d = Diagnostic::error("frontmatter-type", "expected a string").at(&src, 12..13);
        assert_eq!(d.position().unwrap(), "content/a.md:2:9");
        let text = d.render(false);
        assert!(text.contains("content/a.md:2:9"), "{text}");
        assert!(text.contains("title = 5"), "{text}");
    }
}
