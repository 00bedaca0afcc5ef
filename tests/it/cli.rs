//! The `mosty` binary: exit codes and what it prints.

use std::process::Command;

use crate::support::{SITE1, TestSite};

fn mosty(site: &TestSite, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mosty"))
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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
