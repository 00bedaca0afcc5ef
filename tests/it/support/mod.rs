//! `TestSite`: a site written as one string of `-- path --` sections, built in a temp folder.

pub mod serve;

use std::path::{Path, PathBuf};

use mosty::diagnostic::Diagnostics;
use mosty::pipeline::{self, BuildOptions, Built};

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

/// A minimal theme that shows what the tests look at.
pub const THEME: &str = r#"
-- themes/default/templates/page.html --
{{ page.title }}|{{ lang }}|{{ page.content_lang }}|fallback={{ page.is_fallback }}|{% if page.is_fallback %}{{ t(key="fallback-notice", language=t(key="language-name", lang=page.content_lang)) }}{% endif %}|{{ page.content }}
-- themes/default/templates/section.html --
section {{ page.title }}|{% for p in page.pages %}{{ p.title }};{% endfor %}
"#;

impl TestSite {
    /// Writes the files of `txtar` (sections `-- path --`) into a new temp folder.
    pub fn new(txtar: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = TestSite { dir };
        site.write_all(txtar);
        site
    }

    /// The same with the minimal test theme added.
    pub fn with_theme(txtar: &str) -> TestSite {
        let site = TestSite::new(THEME);
        site.write_all(txtar);
        site
    }

    pub fn write_all(&self, txtar: &str) {
        for (path, text) in parse_txtar(txtar) {
            self.write(&path, &text);
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    /// A source file of the site (not the output).
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }

    pub fn options(&self) -> BuildOptions {
        BuildOptions::new(self.root())
    }

    pub fn try_build(&self) -> Result<Built, Diagnostics> {
        pipeline::build(&self.options())
    }

    /// Builds and panics with the rendered errors if the build fails.
    pub fn build(&self) -> Built {
        match self.try_build() {
            Ok(b) => b,
            Err(d) => panic!("build failed:\n{}", render(&d)),
        }
    }

    /// Builds, expects failure, and returns the errors as printed (plain text).
    pub fn build_err(&self) -> String {
        match self.try_build() {
            Ok(_) => panic!("the build was expected to fail"),
            Err(d) => render(&d),
        }
    }

    /// Runs the `mosty` binary with `args` and `--root` this site: (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mosty"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env("NO_COLOR", "1")
            .output()
            .expect("the mosty binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn out(&self, rel: &str) -> PathBuf {
        self.root().join("public").join(rel)
    }

    pub fn file(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out(rel))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}; files: {:?}", self.files()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out(rel).exists()
    }

    /// Every output file, sorted, relative to public/.
    pub fn files(&self) -> Vec<String> {
        let base = self.root().join("public");
        let mut v: Vec<String> = walkdir::WalkDir::new(&base)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        v.sort();
        v
    }

    /// Asserts that every line of `expected` appears in the file; a line starting with `! `
    /// must not appear.
    pub fn assert_file(&self, rel: &str, expected: &str) {
        let text = self.file(rel);
        for line in expected.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(neg) = line.strip_prefix("! ") {
                assert!(
                    !text.contains(neg),
                    "public/{rel} should not contain {neg:?}:\n{text}"
                );
            } else {
                assert!(
                    text.contains(line),
                    "public/{rel} should contain {line:?}:\n{text}"
                );
            }
        }
    }
}

pub fn render(d: &Diagnostics) -> String {
    d.0.iter()
        .map(|d| d.render(false))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `-- path --` headers, each followed by the file's text.
pub fn parse_txtar(text: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if let Some(name) = trimmed
            .strip_prefix("-- ")
            .and_then(|l| l.strip_suffix(" --"))
        {
            files.extend(current.take());
            current = Some((name.trim().to_string(), String::new()));
        } else if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
        }
    }
    files.extend(current);
    files
}

/// A four-language site config with fallback chains, under a sub-path.
pub const SITE4: &str = r#"
-- site.toml --
base_url = "https://college.example/international/"
default_language = "ru"
languages = ["ru", "ka", "en", "cs"]
[fallback]
ka = ["en", "ru"]
cs = ["en", "ru"]
en = ["ru"]
"#;

/// A one-language site config.
pub const SITE1: &str = r#"
-- site.toml --
base_url = "https://c.example/"
languages = ["en"]
"#;
