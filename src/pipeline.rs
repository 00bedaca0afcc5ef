//! The build order, in one place: config → content → locales → templates → render → write.
//! Each stage is a function of the previous stages' values; problems of independent stages
//! are collected together so one run reports them all.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::SiteConfig;
use crate::content::{self, Content, LoadOptions};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{self, Locales};
use crate::output::{self, LinkStyle, Sink, Staging};
use crate::render::{self, Site, Templates, functions, links::Links};
use crate::theme::Theme;
use crate::timings::stage;

/// What `mosty build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Links that name `index.html`, for opening the output from a disk.
    pub portable: bool,
    /// Replace an output folder even if it holds files mosty did not build.
    pub force: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            portable: false,
            force: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// A site read and checked, ready to render.
pub struct Loaded {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub content: Arc<Content>,
    pub locales: Arc<Locales>,
    pub links: Arc<Links>,
    pub templates: Templates,
    pub theme: Theme,
    pub link_style: LinkStyle,
    /// The map's country outlines (`data/countries-50m.json` of the site or the theme).
    pub outlines: Option<Arc<crate::map::Outlines>>,
    pub warnings: Vec<Diagnostic>,
}

/// The result of a successful build.
#[derive(Debug)]
pub struct Built {
    pub pages: usize,
    pub files: usize,
    pub languages: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// The site as loaded and prepared, freed when this is dropped. `mosty build` exits
    /// without dropping it: the system takes the memory back at once, while freeing a large
    /// site's millions of small allocations one by one took a tenth of its build.
    pub site: BuiltSite,
}

/// What a build kept in memory; see [`Built::site`].
pub struct BuiltSite {
    _loaded: Loaded,
    _prepared: render::Prepared,
}

impl std::fmt::Debug for BuiltSite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltSite").finish_non_exhaustive()
    }
}

/// Reads everything a build needs, reporting the problems of every stage that could run.
pub fn load(options: &BuildOptions) -> Result<Loaded, Diagnostics> {
    let root = options.root.clone();
    let config = stage("config", || {
        SiteConfig::load(&root, options.base_url.as_deref())
    })?;
    let mut diags = Diagnostics::default();

    let content = match stage("content", || {
        content::load(
            &root,
            &config,
            &LoadOptions {
                drafts: options.drafts,
            },
        )
    }) {
        Ok((c, w)) => {
            diags.extend(w);
            Some(c)
        }
        Err(d) => {
            diags.extend(d.0);
            None
        }
    };
    let theme = match stage("theme", || Theme::load(&root, &config.theme)) {
        Ok(t) => Some(t),
        Err(d) => {
            diags.extend(d.0);
            None
        }
    };
    let theme_locales = theme.as_ref().map_or(&[][..], |t| t.locales.as_slice());
    let locales = match stage("locales", || {
        i18n::load(&config, theme_locales, &root.join("locales"))
    }) {
        Ok((l, w)) => {
            diags.extend(w);
            Some(Arc::new(l))
        }
        Err(d) => {
            diags.extend(d.0);
            None
        }
    };
    let (Some(content), Some(locales), Some(theme)) = (content, locales, theme) else {
        return Err(diags);
    };
    diags.extend(stage("timeline check", || {
        crate::timeline::check(&content, &config)
    }));
    let outlines = match stage("map outlines", || load_outlines(&root, Some(&theme))) {
        Ok(o) => o,
        Err(d) => {
            diags.push(d);
            None
        }
    };
    if let Some(o) = &outlines {
        diags.extend(stage("partners check", || {
            crate::partners::check(&content, &config, o)
        }));
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let content = Arc::new(content);
    let links = Arc::new(stage("links", || Links::new(&config, &content)));
    let shared = functions::Shared {
        locales: locales.clone(),
        links: links.clone(),
        dates: Arc::new(functions::DateFormatters::new(&config.languages)),
    };
    let templates = match stage("templates", || {
        Templates::load(&root, &config.theme, &theme, shared)
    }) {
        Ok(t) => t,
        Err(d) => {
            diags.extend(d.0);
            return Err(diags);
        }
    };
    Ok(Loaded {
        root,
        config,
        content,
        locales,
        links,
        templates,
        theme,
        outlines,
        link_style: if options.portable {
            LinkStyle::Files
        } else {
            LinkStyle::Folders
        },
        warnings: diags.0,
    })
}

/// The map's country outlines: the site's `data/countries-50m.json`, else the theme's.
fn load_outlines(
    root: &Path,
    theme: Option<&Theme>,
) -> Result<Option<Arc<crate::map::Outlines>>, Diagnostic> {
    const FILE: &str = "countries-50m.json";
    let site_file = root.join("data").join(FILE);
    let (bytes, shown) = if site_file.is_file() {
        let b = std::fs::read(&site_file).map_err(|e| {
            Diagnostic::error("io-read", format!("cannot read: {e}"))
                .in_file(format!("data/{FILE}"))
        })?;
        (std::borrow::Cow::Owned(b), format!("data/{FILE}"))
    } else {
        match theme.and_then(|t| t.data_file(FILE)) {
            Some(b) => (b, format!("themes/…/data/{FILE}")),
            None => return Ok(None),
        }
    };
    // Parsed once per process and data: `serve` rebuilds then skip the parse and keep the
    // outlines' cache of drawn coastlines and borders.
    static PARSED: std::sync::Mutex<Option<(u64, Arc<crate::map::Outlines>)>> =
        std::sync::Mutex::new(None);
    let key = fnv1a(&bytes);
    let mut parsed = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, o)) = parsed.as_ref()
        && *k == key
    {
        return Ok(Some(o.clone()));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Diagnostic::error("map-data", "the country outlines are not UTF-8 JSON").in_file(&shown)
    })?;
    let outlines = Arc::new(crate::map::Outlines::parse(text).map_err(|e| {
        Diagnostic::error("map-data", format!("cannot read the country outlines: {e}"))
            .in_file(&shown)
    })?);
    *parsed = Some((key, outlines.clone()));
    Ok(Some(outlines))
}

/// FNV-1a, 64 bits, eight bytes at a time: a fingerprint of the outline data.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(0x0000_0100_0000_01b3);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ bytes.len() as u64
}

impl Loaded {
    /// What the render stage reads, borrowed from this site.
    pub fn site(&self) -> Site<'_> {
        Site {
            root: &self.root,
            config: &self.config,
            content: &self.content,
            locales: &self.locales,
            links: &self.links,
            templates: &self.templates,
            theme: &self.theme,
            link_style: self.link_style,
            outlines: self.outlines.as_deref(),
        }
    }
}

/// Renders a loaded site into `sink`.
pub fn render_into(
    loaded: &Loaded,
    sink: &dyn Sink,
) -> Result<(render::Rendered, Vec<Diagnostic>), Diagnostics> {
    let prepared = stage("prepare", || render::Prepared::new(&loaded.site()));
    render_prepared(loaded, &prepared, sink, render::Scope::All)
}

/// Renders the pages of `scope` with per-language data prepared before; returns what was
/// rendered and every warning of the site.
pub fn render_prepared(
    loaded: &Loaded,
    prepared: &render::Prepared,
    sink: &dyn Sink,
    scope: render::Scope<'_>,
) -> Result<(render::Rendered, Vec<Diagnostic>), Diagnostics> {
    let site = loaded.site();
    let rendered = stage("render", || {
        render::render_scoped(&site, prepared, sink, scope)
    });
    let mut warnings = loaded.warnings.clone();
    warnings.extend(loaded.locales.take_warnings());
    if let Ok(r) = &rendered {
        warnings.extend(r.warnings.iter().cloned());
    }
    let mut w = Diagnostics(warnings);
    w.sort();
    match rendered {
        Ok(r) => Ok((r, w.0)),
        Err(mut e) => {
            e.extend(w.0);
            Err(e)
        }
    }
}

/// `mosty build`: loads, renders into a staging folder, and swaps it in on success.
pub fn build(options: &BuildOptions) -> Result<Built, Diagnostics> {
    let start = Instant::now();
    let out = options.output_dir();
    output::check_output_dir(&options.root, &out, options.force)?;
    let loaded = stage("load", || load(options))?;
    let staging = Staging::begin(&out)?;
    let prepared = stage("prepare", || render::Prepared::new(&loaded.site()));
    match render_prepared(&loaded, &prepared, &staging, render::Scope::All) {
        Ok((rendered, warnings)) => {
            stage("commit", || staging.commit())?;
            Ok(Built {
                pages: rendered.pages,
                files: rendered.files,
                languages: loaded.config.languages.len(),
                warnings,
                elapsed: start.elapsed(),
                site: BuiltSite {
                    _loaded: loaded,
                    _prepared: prepared,
                },
            })
        }
        Err(e) => {
            staging.abort();
            Err(e)
        }
    }
}
