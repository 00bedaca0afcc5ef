//! `mosty init` and `mosty theme eject`: create a new site, or copy the built-in default
//! theme into a site for customisation. They never overwrite an existing file.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::theme::Theme;

/// Creates a site in `dir` (which must not exist or be empty) that builds at once.
pub fn init(
    dir: &Path,
    languages: &[String],
    default_language: Option<&str>,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut langs = Vec::new();
    for code in languages {
        let l = Lang::parse(code.trim()).map_err(|m| Diagnostic::error("init", m))?;
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    if langs.is_empty() {
        return Err(Diagnostic::error(
            "init",
            "--languages needs at least one language",
        ));
    }
    let default = match default_language {
        Some(code) => {
            let l = Lang::parse(code).map_err(|m| Diagnostic::error("init", m))?;
            if !langs.contains(&l) {
                return Err(Diagnostic::error(
                    "init",
                    format!("--default-language `{l}` is not among --languages"),
                ));
            }
            l
        }
        None => langs[0].clone(),
    };
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(
            "init",
            format!(
                "`{}` is not empty; mosty init creates a new site in an empty folder",
                dir.display()
            ),
        ));
    }
    let list: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    let mut files: Vec<(PathBuf, String)> = vec![(
        "site.toml".into(),
        format!(
            "# Where the site will be published; may contain a sub-path.\nbase_url = \"https://college.example/international/\"\ndefault_language = \"{default}\"\nlanguages = [{}]\ntheme = \"default\"\n\n# Where a missing page or message is taken from, in order (then the default language).\n[fallback]\n",
            list.join(", ")
        ),
    )];
    for l in &langs {
        let suffix = if *l == default {
            String::new()
        } else {
            format!(".{l}")
        };
        files.push((
            format!("content/_index{suffix}.md").into(),
            "+++\ntitle = \"International cooperation\"\n+++\nWhat the college does with its partners abroad.\n".into(),
        ));
        files.push((
            format!("content/projects/_index{suffix}.md").into(),
            "+++\ntitle = \"Projects\"\n+++\n".into(),
        ));
    }
    files.push((
        "content/projects/first-exchange/index.md".into(),
        "+++\ntitle = \"First student exchange\"\ndate = 2024-05-12\nsummary = \"Six students and two teachers visited our partner college.\"\n\n[[events]]\ndate = 2024-05-12\nend = 2024-05-16\nkind = \"delegation\"\ntitle = \"Delegation to the partner college\"\nparticipants = { students = 6, teachers = 2 }\n+++\nWrite the report here. Translations go beside this file as `index.<lang>.md`.\n".into(),
    ));
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
        write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Copies the built-in default theme to `<root>/themes/default/`.
pub fn eject_theme(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let target = root.join("themes").join("default");
    if target.exists() {
        return Err(Diagnostic::error(
            "eject",
            format!(
                "`{}` already exists; remove or rename it first",
                target.display()
            ),
        ));
    }
    let mut written = Vec::new();
    for (rel, bytes) in Theme::builtin_files() {
        let path = target.join(rel);
        write_new(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes a new file, creating its folder; never replaces an existing file.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(
            "io-write",
            format!("cannot write `{}`: {e}", path.display()),
        )
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    std::io::Write::write_all(&mut file, bytes).map_err(fail)
}
