//! Loads the Tera templates: mosty's built-ins, then the theme's `templates/`, then the site's
//! own `templates/`, a later one replacing an earlier one of the same name. Registers the
//! template functions first, since Tera checks calls when a template is added.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::fs;
use crate::render::functions;
use crate::theme::Theme;

mod code;
mod reads;
mod refs;

const BUILTIN_PREFIX: &str = "mosty/";

/// mosty's own templates: language chooser, 404, feeds, sitemap, robots.txt.
const BUILTIN: &[(&str, &str)] = &[
    (
        "status.html",
        include_str!("../builtin/templates/status.html"),
    ),
    ("map.html", include_str!("../builtin/templates/map.html")),
    (
        "timeline.html",
        include_str!("../builtin/templates/timeline.html"),
    ),
    ("root.html", include_str!("../builtin/templates/root.html")),
    ("404.html", include_str!("../builtin/templates/404.html")),
    ("atom.xml", include_str!("../builtin/templates/atom.xml")),
    (
        "sitemap.xml",
        include_str!("../builtin/templates/sitemap.xml"),
    ),
    (
        "robots.txt",
        include_str!("../builtin/templates/robots.txt"),
    ),
];

pub use reads::PageReads;

/// The compiled templates and the source of each, for error frames.
pub struct Templates {
    pub tera: Tera,
    /// Which costly page fields any template may read (see `reads.rs`).
    pub page_reads: PageReads,
    sources: HashMap<String, SourceText>,
    theme_prefix: String,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("names", &self.sources.keys())
            .finish()
    }
}

impl Templates {
    pub fn load(
        root: &Path,
        theme_name: &str,
        theme: &Theme,
        state: functions::Shared,
    ) -> Result<Templates, Diagnostics> {
        let mut diags = Diagnostics::default();
        let theme_prefix = format!("themes/{theme_name}/templates/");
        let mut tera = Tera::new();
        functions::register(&mut tera, state);
        tera.set_fallback_prefixes([theme_prefix.clone(), BUILTIN_PREFIX.to_string()])
            .expect("no templates added yet");

        let mut sources = HashMap::new();
        let mut files: Vec<(String, SourceText)> = BUILTIN
            .iter()
            .map(|(name, text)| {
                let full = format!("{BUILTIN_PREFIX}{name}");
                (
                    full.clone(),
                    SourceText {
                        path: PathBuf::from(format!("<mosty>/{name}")),
                        text: Arc::from(*text),
                    },
                )
            })
            .collect();
        for (name, src) in &theme.templates {
            files.push((format!("{theme_prefix}{name}"), src.clone()));
        }
        {
            let (dir, shown, prefix) = (
                root.join("templates"),
                PathBuf::from("templates"),
                String::new(),
            );
            let (found, problems) = fs::walk(&dir, &shown);
            diags.extend(problems);
            for f in found {
                let rel = f.rel.to_string_lossy().replace('\\', "/");
                let shown_path = shown.join(&f.rel);
                match fs::read_text(&f.path, &shown_path) {
                    Ok(text) => files.push((
                        format!("{prefix}{rel}"),
                        SourceText {
                            path: shown_path,
                            text: Arc::from(text),
                        },
                    )),
                    Err(d) => diags.push(d),
                }
            }
        }
        for (name, src) in &files {
            sources.insert(name.clone(), src.clone());
        }
        let mut templates = Templates {
            tera,
            page_reads: PageReads::scan(files.iter().map(|(_, s)| &*s.text)),
            sources,
            theme_prefix,
        };
        // One at a time, so that every broken template is reported, not only the first.
        let pairs: Vec<(String, String)> = files
            .iter()
            .map(|(n, s)| (n.clone(), s.text.to_string()))
            .collect();
        if let Err(e) = templates.tera.add_raw_templates(pairs.clone()) {
            for (name, text) in &pairs {
                let mut probe = Tera::new();
                probe.register_from(&templates.tera);
                let _ = probe.set_fallback_prefixes([
                    templates.theme_prefix.clone(),
                    BUILTIN_PREFIX.to_string(),
                ]);
                // Alone, a template cannot see the others: only its own syntax counts here.
                if let Err(e) = probe.add_raw_template(name, text)
                    && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
                    && !e.to_string().contains("Unknown component")
                {
                    diags.push(templates.diagnostic(&e));
                }
            }
            // Tera names no file for a cycle or an unknown target; once the syntax is known to
            // be good, the tags are read again to say where.
            if !diags.has_errors() {
                let prefixes = [templates.theme_prefix.clone(), BUILTIN_PREFIX.to_string()];
                diags.extend(refs::check(&files, &prefixes));
            }
            if !diags.has_errors() {
                diags.push(templates.diagnostic(&e));
            }
        }
        if diags.has_errors() {
            diags.sort();
            return Err(diags);
        }
        Ok(templates)
    }

    pub fn exists(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// The file a template name comes from, as shown to users.
    pub fn shown_path(&self, name: &str) -> String {
        self.sources
            .get(name)
            .or_else(|| self.sources.get(&format!("{}{name}", self.theme_prefix)))
            .map_or_else(|| name.to_string(), |s| s.path.display().to_string())
    }

    /// A Tera error as a diagnostic pointing into the template file.
    pub fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        use std::error::Error;
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let mut message = match report {
            Some(r) => r.message().to_string(),
            None => e.to_string(),
        };
        let mut cause = e.source();
        while let Some(c) = cause {
            let text = c.to_string();
            if !message.contains(&text) {
                message.push_str(": ");
                message.push_str(&text);
            }
            cause = c.source();
        }
        let d = Diagnostic::error("template", message);
        match report {
            Some(r) => match self.sources.get(r.filename()) {
                Some(src) => d.at(src, r.span().range.clone()),
                None => d.in_file(self.shown_path(r.filename())),
            },
            None => d,
        }
    }
}
