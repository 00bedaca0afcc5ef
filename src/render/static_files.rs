//! The theme's `static/` and the site's, copied into the output as they are. A site file
//! replaces the theme's of the same name; no static file may take the place of a file that
//! mosty generates, since one of the two would be lost without a word.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Site, asset_rel};
use crate::content::pick_source;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::theme::Bytes;

/// A static file: where its bytes come from and the path users know it by.
struct StaticFile {
    bytes: Bytes,
    shown: PathBuf,
}

/// Copies every static file into `sink`; returns how many. Collisions with generated files
/// are errors, symbolic links in `static/` warnings, both pushed to `diags`.
pub fn copy(site: &Site<'_>, sink: &dyn Sink, diags: &mut Diagnostics) -> usize {
    let files = collect(site, diags);
    let generated = generated_files(site);
    let collisions: Vec<Diagnostic> = files
        .iter()
        .filter_map(|(rel, f)| Some(collision(rel, f, generated.get(rel)?)))
        .collect();
    if !collisions.is_empty() {
        diags.extend(collisions);
        return 0;
    }
    // A list, so that the copies go out in short tasks (see `crate::par`): a photo takes far
    // longer than an icon.
    let files: Vec<(&String, &StaticFile)> = files.iter().collect();
    let copied = files
        .par_iter()
        .with_max_len(crate::par::TASK_LEN)
        .map(|(rel, f)| match &f.bytes {
            Bytes::Disk(path) => sink.copy(rel, path),
            Bytes::Embedded(bytes) => sink.write(rel, bytes.to_vec()),
        })
        .collect::<Result<Vec<()>, _>>();
    match copied {
        Ok(_) => files.len(),
        Err(d) => {
            diags.push(d);
            0
        }
    }
}

/// The theme's static files, then the site's over them, by output path.
fn collect(site: &Site<'_>, diags: &mut Diagnostics) -> BTreeMap<String, StaticFile> {
    let theme_dir = if site.theme.builtin {
        PathBuf::from("<mosty>/themes/default/static")
    } else {
        Path::new("themes").join(&site.config.theme).join("static")
    };
    let mut files: BTreeMap<String, StaticFile> = site
        .theme
        .statics
        .iter()
        .map(|(rel, bytes)| {
            let file = StaticFile {
                bytes: bytes.clone(),
                shown: theme_dir.join(rel),
            };
            (rel.clone(), file)
        })
        .collect();
    let shown = Path::new("static");
    // Symbolic links are skipped like everywhere else, and said so as in content/.
    let (found, problems) = crate::fs::walk(&site.root.join("static"), shown);
    diags.extend(problems);
    for f in found {
        let file = StaticFile {
            shown: shown.join(&f.rel),
            bytes: Bytes::Disk(f.path),
        };
        files.insert(f.rel.to_string_lossy().replace('\\', "/"), file);
    }
    files
}

/// What a generated file is made from.
enum Origin<'a> {
    /// An entry's page, from this Markdown file (`content/…`).
    Page(&'a Path),
    /// A bundle file, at this path under `content/`.
    Asset(&'a Path),
    /// A site-wide file of mosty's own.
    Builtin,
}

/// The output paths that rendering writes and that a static file could name: every entry's
/// page and bundle files in every language, and the site-wide files of `render()` with fixed
/// names (keep in step with it).
fn generated_files<'a>(site: &'a Site<'_>) -> BTreeMap<String, Origin<'a>> {
    let mut out = BTreeMap::new();
    for entry in &site.content.entries {
        for lang in &site.config.languages {
            let Some(dir) = site.links.entry_dir(&entry.key, lang) else {
                continue;
            };
            let chain = site.config.fallback_chain(lang);
            if let Some(source) = pick_source(entry, lang, chain) {
                out.insert(format!("{dir}index.html"), Origin::Page(&source.file.path));
            }
            for asset in &entry.assets {
                if let Some(rel) = asset_rel(entry, asset) {
                    out.insert(format!("{dir}{rel}"), Origin::Asset(&asset.rel));
                }
            }
        }
    }
    let outputs = site.config.outputs;
    let mut fixed = vec!["index.html".to_string(), "404.html".into()];
    if outputs.robots {
        fixed.push("robots.txt".into());
    }
    if outputs.sitemap {
        fixed.push("sitemap.xml".into());
    }
    if site.config.status_page {
        fixed.push("status/index.html".into());
    }
    for lang in &site.config.languages {
        if outputs.feeds {
            fixed.push(format!("{lang}/atom.xml"));
        }
        if outputs.calendar {
            fixed.push(format!("{lang}/events.ics"));
        }
        if outputs.timeline {
            fixed.push(format!("{lang}/timeline/index.html"));
        }
        if site.outlines.is_some() {
            fixed.push(format!("{lang}/map/index.html"));
        }
    }
    for rel in fixed {
        out.entry(rel).or_insert(Origin::Builtin);
    }
    out
}

fn collision(rel: &str, file: &StaticFile, origin: &Origin<'_>) -> Diagnostic {
    let (what, hint) = match origin {
        Origin::Page(path) => (
            format!("the page built from `{}`", path.display()),
            "remove or rename the static file, or give the page another `slug`",
        ),
        Origin::Asset(path) => (
            format!("the bundle file `content/{}`", path.display()),
            "remove or rename one of the two files",
        ),
        Origin::Builtin => (
            "a file mosty generates".to_string(),
            "remove or rename the static file; to change a file mosty writes, override its template in templates/ (such as templates/robots.txt)",
        ),
    };
    Diagnostic::error(
        "path-collision",
        format!(
            "`{}` and {what} would both be written to `/{rel}`",
            file.shown.display()
        ),
    )
    .in_file(&file.shown)
    .with_hint(hint)
}
