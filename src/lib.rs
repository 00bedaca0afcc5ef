//! mosty builds a static site of international cooperation reports from Markdown files,
//! in several languages at once.
//!
//! The build runs in one direction (see [`pipeline`]):
//!
//! ```text
//! site.toml ─ config::load ─► SiteConfig
//! content/  ─ content::load ─► Content          (entries, translations, frontmatter)
//! locales/  ─ i18n::load ───► Locales           (Fluent bundles per language)
//! themes/   ─ render::Templates::load           (Tera, site templates over the theme's)
//!           ─ render::render ─► files            (pages in every language, feeds, sitemap)
//!           ─ output::Staging ─► public/         (changed only when the build succeeded)
//! ```
//!
//! | Where is …? | |
//! |---|---|
//! | the build order | [`pipeline`] |
//! | frontmatter parsing | [`content::frontmatter`] |
//! | Fluent messages loaded | [`i18n`] |
//! | what templates can see | [`render::context`] |
//! | template functions (`t`, `url`) | [`render::functions`] |
//! | the timeline built | [`timeline`] |
//! | where the map gets its points | [`partners`] (drawn by [`map`]) |
//! | files written | [`output`] |
//! | what `serve` renders again after an edit | [`incremental`] |
//! | how long each stage took (`MOSTY_TIMINGS=1`) | [`timings`] |
//! | how parallel loops share the cores | [`par`] |
//! | error messages with code frames | [`diagnostic`] |

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostic;
pub mod fs;
pub mod graph;
pub mod i18n;
pub mod ics;
pub mod incremental;
pub mod lang;
pub mod locales_sync;
pub mod map;
pub mod output;
pub mod par;
pub mod partners;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod stale;
pub mod status;
pub mod theme;
pub mod timeline;
pub mod timings;
