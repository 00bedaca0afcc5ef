//! `mosty check`: everything `build` validates (the site is loaded and rendered into memory,
//! nothing is written), plus the translators' checks of [`fluent`] and [`entries`]. Every
//! problem has a severity, a file, a line and column, a stable code, a message and a hint;
//! [`Report`] prints them as code frames or as one JSON document.
//!
//! Codes of its own: `fluent-missing`, `fluent-missing-attribute`, `fluent-obsolete`,
//! `fluent-variable`, `fluent-missing-plural`, `fluent-plural-category`, `fluent-reference`,
//! `fluent-cycle`, `fluent-markup`, `fluent-empty`, `fluent-duplicate`, `fluent-syntax`,
//! `fluent-nesting`, `translation-missing`, `translation-stale`, `translation-neutral`,
//! `link-unknown`, `link-anchor`, `link-file`; and every code of the build (`frontmatter-toml`,
//! `unknown-partner`, `template`, …).

/// `println!` to stdout that ignores a closed pipe (`mosty status | head`).
macro_rules! say {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), true) };
}
/// `print!` to stdout that ignores a closed pipe.
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($t:tt)*) => { crate::check::say(&format!($($t)*), false) };
}

pub mod catalog;
pub mod entries;
pub mod fluent;
pub mod plural;

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::OutputFormat;
use crate::config::SiteConfig;
use crate::content::{self, LoadOptions};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, display_path};
use crate::output::MemorySink;
use crate::pipeline::{self, BuildOptions};
use crate::theme::Theme;
use catalog::Catalog;

/// Codes the build reports that the static Fluent checks report better (with the exact
/// place): the build's are dropped.
const REPLACED: &[&str] = &["fluent-syntax", "fluent-nesting", "fluent-duplicate"];

/// What `check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by file and position.
    pub problems: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// 1 when there are errors (or, with `strict`, warnings), else 0.
    pub fn exit_code(&self, strict: bool) -> u8 {
        u8::from(self.errors() > 0 || (strict && self.warnings() > 0))
    }

    /// The problems with these codes.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.problems.iter().filter(move |d| d.code == code)
    }

    /// The JSON document of `--format json`.
    pub fn to_json(&self) -> JsonReport {
        JsonReport {
            version: 1,
            errors: self.errors(),
            warnings: self.warnings(),
            problems: self.problems.iter().map(JsonProblem::from).collect(),
        }
    }

    /// Code frames grouped by file, each group headed by the file's name, then a summary.
    pub fn render_text(&self, color: bool) -> String {
        let mut out = String::new();
        let mut files: Vec<Option<&PathBuf>> = Vec::new();
        for d in &self.problems {
            if !files.contains(&d.file.as_ref()) {
                files.push(d.file.as_ref());
            }
        }
        for file in &files {
            let group: Vec<&Diagnostic> = self
                .problems
                .iter()
                .filter(|d| d.file.as_ref() == *file)
                .collect();
            let errors = group.iter().filter(|d| d.is_error()).count();
            let name = file.map_or_else(|| "(the site)".to_string(), |f| display_path(f));
            out.push_str(&format!(
                "── {name}: {}\n\n",
                counts(errors, group.len() - errors)
            ));
            for d in group {
                out.push_str(&d.render(color));
                out.push_str("\n\n");
            }
        }
        if self.problems.is_empty() {
            out.push_str("check: no problems found\n");
        } else {
            out.push_str(&format!(
                "check: {} in {} file{}\n",
                counts(self.errors(), self.warnings()),
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// `{"version":1,"errors":N,"warnings":N,"problems":[…]}`.
#[derive(Debug, Clone, Serialize)]
pub struct JsonReport {
    pub version: u32,
    pub errors: usize,
    pub warnings: usize,
    pub problems: Vec<JsonProblem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonProblem {
    /// `error` or `warning`.
    pub severity: &'static str,
    pub code: &'static str,
    /// The path relative to the site root, with `/`; null when the problem is in no file.
    pub file: Option<String>,
    /// 1-based; 1 when the problem concerns a whole file; null without a file.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl From<&Diagnostic> for JsonProblem {
    fn from(d: &Diagnostic) -> Self {
        let (line, column) = match (&d.location, &d.file) {
            (Some(l), _) => {
                let (a, b) = l.line_col();
                (Some(a), Some(b))
            }
            (None, Some(_)) => (Some(1), Some(1)),
            (None, None) => (None, None),
        };
        JsonProblem {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code,
            file: d.file.as_deref().map(display_path),
            line,
            column,
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// Checks the site at `root`, writing nothing.
pub fn check(root: &Path) -> Report {
    let mut problems = Diagnostics::default();
    let config = match SiteConfig::load(root, None) {
        Ok(c) => c,
        Err(d) => return finish(d),
    };
    let theme = match Theme::load(root, &config.theme) {
        Ok(t) => Some(t),
        Err(d) => {
            problems.extend(d.0);
            None
        }
    };
    let mut static_missing: BTreeSet<String> = BTreeSet::new();
    let mut static_cycles = false;
    if let Some(theme) = &theme {
        let (cat, io) = Catalog::load(root, &config, theme);
        problems.extend(io);
        for d in fluent::check(&cat, &config) {
            if (d.code == "fluent-missing" || d.code == "fluent-missing-attribute")
                && let Some(key) = missing_key(&d.message)
            {
                static_missing.insert(key);
            }
            static_cycles |= d.code == "fluent-cycle";
            problems.push(d);
        }
    }

    let options = BuildOptions::new(root);
    let mut build_diags: Vec<Diagnostic> = Vec::new();
    let mut pages = None;
    let mut content = None;
    match pipeline::load(&options) {
        Ok(loaded) => {
            let sink = MemorySink::default();
            match pipeline::render_into(&loaded, &sink) {
                Ok((_, warnings)) => build_diags.extend(warnings),
                Err(d) => build_diags.extend(d.0),
            }
            pages = Some(sink.into_files());
            content = Some(loaded.content.clone());
        }
        Err(d) => {
            build_diags.extend(d.0);
            if let Ok((c, _)) = content::load(root, &config, &LoadOptions::default()) {
                content = Some(std::sync::Arc::new(c));
            }
        }
    }
    for d in build_diags {
        if theme.is_some() && REPLACED.contains(&d.code) {
            continue;
        }
        // The build's "used the fallback" notes repeat what the static check said.
        if d.code == "fluent-missing"
            && missing_key(&d.message).is_some_and(|k| static_missing.contains(&k))
        {
            continue;
        }
        // So does its resolver's note on a cycle, which names only the language's folder.
        if static_cycles && d.code == "fluent-resolve" && d.message.contains("Cyclical") {
            continue;
        }
        problems.push(d);
    }
    if let Some(content) = &content {
        problems.extend(entries::check(&config, content, pages.as_ref()));
    }
    finish(problems)
}

/// `message `x` is missing in `ka`…` → `ka x` (the same words in the static and the
/// build's warnings).
fn missing_key(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("message `")
        .or_else(|| message.strip_prefix("attribute `"))?;
    let (id, rest) = rest.split_once('`')?;
    let rest = rest.strip_prefix(" is missing in `")?;
    let (lang, _) = rest.split_once('`')?;
    Some(format!("{lang} {id}"))
}

fn finish(mut d: Diagnostics) -> Report {
    d.sort();
    Report { problems: d.0 }
}

/// Prints to stdout; a closed pipe (`mosty check | head`) is not an error.
pub(crate) fn say(text: &str, newline: bool) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    if newline {
        let _ = out.write_all(b"\n");
    }
    let _ = out.flush();
}

/// `mosty check`: prints the report and returns the exit code.
pub fn run(root: &Path, format: OutputFormat, strict: bool) -> ExitCode {
    let report = check(root);
    match format {
        OutputFormat::Json => {
            let json = serde_json::to_string_pretty(&report.to_json())
                .unwrap_or_else(|e| format!("{{\"version\":1,\"error\":\"{e}\"}}"));
            say!("{json}");
        }
        OutputFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            say_raw!("{}", report.render_text(color));
            if strict && report.errors() == 0 && report.warnings() > 0 {
                say!("error: --strict: the site has warnings");
            }
        }
    }
    ExitCode::from(report.exit_code(strict))
}
