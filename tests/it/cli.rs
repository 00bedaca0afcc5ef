//! The `mosty` binary: exit codes and what it prints.

use std::process::Command;

use crate::support::{SITE1, TestSite};

fn mosty(site: &TestSite, args: &[&str]) -> (i32, String) {
    let (code, _, stderr) = site.run(args);
    (code, stderr)
}

#[test]
fn build_succeeds_with_exit_0_and_a_summary() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    let (code, err) = mosty(&site, &["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("built 2 pages in 1 languages"), "{err}");
}

#[test]
fn a_broken_site_exits_1_with_file_line_and_column() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = 5\n+++\n"
    ));
    let (code, err) = mosty(&site, &["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("content/a.md:2:9"), "{err}");
    assert!(err.contains("was not changed"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn strict_turns_warnings_into_exit_1() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n-- content/stray/notes.txt --\nx\n"
    ));
    let (code, err) = mosty(&site, &["build"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 warning"), "{err}");
    let (code, err) = mosty(&site, &["build", "--strict"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn a_bad_command_line_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["build", "--nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("build"));
}

#[test]
fn a_folder_without_site_toml_is_explained() {
    let site = TestSite::new("-- content/a.md --\n+++\ntitle = \"A\"\n+++\n");
    let (code, err) = mosty(&site, &["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("site.toml") && err.contains("--root"), "{err}");
}

#[test]
fn init_creates_a_site_that_builds_with_the_built_in_theme_in_any_language() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("college");
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["init", "--languages", "de,pl", "--default-language", "pl"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.join("content/projects/first-exchange/index.md")
            .exists()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["build", "--root"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        site.join("public/pl/projects/first-exchange/index.html")
            .exists()
    );
    assert!(
        site.join("public/de/projects/first-exchange/index.html")
            .exists()
    );
    // A second init into the same folder refuses and changes nothing.
    let again = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn theme_eject_copies_the_built_in_theme_once() {
    let site = TestSite::new(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["theme", "eject", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.root()
            .join("themes/default/templates/page.html")
            .exists()
    );
    let (code, err) = mosty(&site, &["build"]);
    assert_eq!(code, 0, "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(["theme", "eject", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
