//! Integration tests: each builds a small site written inline (many files in one string)
//! and checks what a user would see in the output.

mod support;

mod adversarial; // issue #9: hostile inputs, traversal, watch storms, crash-class files (reliability.md (b))
mod build; // output layout, fallback pages, sitemap, feeds, safe writing, determinism
mod check; // `mosty check`: every check code, plural categories, JSON, exit codes
mod cli; // the binary: exit codes and messages
mod content; // frontmatter, inheritance, slugs, bundles, Markdown, links
mod example_site; // the repository's own site, in all four languages
mod i18n; // Fluent: plurals, escaping, fallback, syntax errors
mod incremental; // serve's partial rebuilds equal full builds, over random edit sequences
mod map; // the partner map page, project maps, location checks
mod serve; // `mosty serve` over HTTP: live edits, errors in the page, safety; `mosty new`
mod status; // `mosty status`, --mark and stale translations, `mosty locales sync`
mod templates; // theme and site templates, template errors
mod timeline; // the timeline pages, filters and the calendar file
