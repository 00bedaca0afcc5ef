//! The command line: `clap` definitions turned into plain option values. Touches no files.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "mosty",
    version,
    about = "Builds a multilingual static site of international cooperation reports",
    long_about = "mosty builds a static website of international cooperation reports from a folder of \
Markdown files, in every language of the site at once.\n\nA site is any folder with site.toml; \
see README.md for the layout.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default: ./public)
    ///
    /// The old output stays as it is until the new one is complete; a build with errors
    /// changes nothing.
    Build(BuildArgs),
    /// Create a new site that builds at once
    Init(InitArgs),
    /// Work with the theme
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Serve the site from memory, rebuild on every change and reload the browser
    ///
    /// Nothing is written to the output folder. Errors are shown in the terminal and over
    /// every page; the last good version keeps being served until they are fixed.
    Serve(ServeArgs),
    /// Create a new entry in every language, e.g. `mosty new projects/boskovice-2025`
    New(NewArgs),
    /// Check the site without writing anything: everything `build` checks, plus translations
    ///
    /// Fluent files (syntax, missing and obsolete messages, variables, plural variants,
    /// references), missing and stale translations, links and anchors. Exit 1 on errors
    /// (and on warnings with --strict).
    Check(CheckArgs),
    /// Show translation coverage per language: messages and entries translated, missing, stale
    Status(StatusArgs),
    /// Work with the Fluent files of the site's languages
    #[command(subcommand)]
    Locales(LocalesCommand),
}

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// For people: code frames and tables
    #[default]
    Text,
    /// One JSON document, for CI and editors
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// text or json
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Treat warnings as errors (exit 1 if there are any)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// text or json
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Show only this language
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Record in these translations that they match their source now (sets translated_from)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub mark: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum LocalesCommand {
    /// Add the messages a translation lacks to its .ftl files, commented out, to translate
    ///
    /// Only lines are added; nothing a translator wrote is changed. Running it again adds
    /// nothing new.
    Sync(SyncArgs),
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Only this language [default: every language but the default one]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to create (must be empty or not exist)
    pub dir: PathBuf,
    /// The site's languages, comma-separated BCP 47 tags
    #[arg(long, value_delimiter = ',', default_value = "en")]
    pub languages: Vec<String>,
    /// The language of files without a language suffix [default: the first of --languages]
    #[arg(long, value_name = "LANG")]
    pub default_language: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in default theme into themes/default/ to customise it
    Eject {
        /// The site folder (the one holding site.toml)
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/public]
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Overrides base_url from site.toml, e.g. for a preview host
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Build entries marked `draft = true` too
    #[arg(long)]
    pub drafts: bool,
    /// Treat warnings as errors (exit 1 if there are any)
    #[arg(long)]
    pub strict: bool,
    /// Write links that name index.html, so the output also works opened from a disk
    #[arg(long)]
    pub portable: bool,
    /// Replace the output folder even if it holds files mosty did not build
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on; 0 picks a free one
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; anything but loopback makes the server reachable from the network
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
    /// Show entries marked `draft = true` too
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The entry to create: <section>/<slug>, e.g. projects/boskovice-2025
    #[arg(value_name = "SECTION/SLUG")]
    pub path: String,
    /// The site folder (the one holding site.toml)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}
