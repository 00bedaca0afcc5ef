//! P — output paths and containment (reliability.md P18–P38): slug traversal, collisions,
//! normalization twins, Windows-hostile names, symlinks, dangerous `--output` values.

use std::os::unix::fs::symlink;
use std::path::Path;

use super::{Fx, files, is_root, setpriv, treehash};

const A: &str = "content/projects/a.md";

fn slug_page(slug: &str) -> String {
    format!("+++\ntitle = \"x\"\nslug = {}\n+++\nbody\n", toml_str(slug))
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `slug` that must be refused at `a.md:3`, with nothing written anywhere.
fn bad_slug(slug: &str) {
    let fx = Fx::new("");
    fx.break_with(A, slug_page(slug).as_bytes(), &format!("{A}:3:"));
    assert!(!Path::new("/tmp/mosty-pwn").exists());
    assert!(!fx.w.path().join("x").exists() && !fx.w.path().join("b").exists());
}

/// A `slug` that builds into `ru/projects/<expected>/`.
fn good_slug(slug: &str, expected: &str) {
    let fx = Fx::new("");
    fx.write(A, &slug_page(slug));
    fx.build_ok();
    assert!(
        fx.out_exists(&format!("ru/projects/{expected}/index.html")),
        "{slug:?} → {:?}",
        files(&fx.path("public/ru/projects"))
    );
}

#[test]
fn p18_slug_traversal() {
    bad_slug("../../../tmp/mosty-pwn");
}

#[test]
fn p19_slug_rooted_traversal() {
    bad_slug("/../../x");
}

#[test]
fn p19_slug_backslash_traversal() {
    bad_slug("..\\..\\x");
}

#[test]
fn p19_slug_encoded_traversal_with_a_slash() {
    bad_slug("%2e%2e/x");
}

#[test]
fn p19_slug_inner_traversal() {
    bad_slug("a/../../b");
}

#[test]
fn p19_slug_absolute_path() {
    bad_slug("/etc/cron.d/x");
}

#[test]
fn p19_slug_drive_letter() {
    bad_slug("C:/x");
}

#[test]
fn p19_slug_dot_and_dotdot() {
    bad_slug(".");
    bad_slug("..");
    bad_slug("...");
}

#[test]
fn p19_slug_encoded_dots_alone_are_just_text() {
    // `%2e%2e` is never decoded: it becomes a harmless ASCII segment.
    good_slug("%2e%2e", "2e-2e");
}

#[test]
fn p21_slug_with_windows_forbidden_characters_is_made_portable() {
    good_slug("a*b?", "a-b");
    good_slug("a<b>|c", "a-b-c");
}

#[test]
fn p21_slug_with_a_control_character() {
    bad_slug("a\u{7}b");
}

#[test]
fn p21_no_output_path_has_a_hostile_character() {
    let fx = Fx::new("");
    fx.write(
        "content/projects/a \"b\" <c>|d?.md",
        "+++\ntitle = \"x\"\n+++\n",
    );
    fx.build_ok();
    for f in files(&fx.path("public")) {
        assert!(
            !f.chars().any(
                |c| matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control()
            ),
            "{f}"
        );
    }
}

#[test]
fn p22_empty_slug_from_a_file_name() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/—.md", "+++\ntitle = \"x\"\n+++\n");
    fx.fail(&["build"], "content/projects/—.md:1:");
}

#[test]
fn p22_empty_slug_from_frontmatter() {
    bad_slug("!!!");
    bad_slug("   ");
}

#[test]
fn p22_overlong_slug_names_the_file() {
    bad_slug(&"x".repeat(300));
}

#[test]
fn p23_duplicate_output_path_names_both_files() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/c.md", &slug_page("a"));
    let r = fx.fail(&["build"], "content/projects/c.md");
    assert!(r.stderr.contains(A), "{}", r.show());
}

#[test]
fn p23_bundle_and_flat_file_for_the_same_entry() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/a/index.md", "+++\ntitle = \"x\"\n+++\n");
    let r = fx.fail(&["build"], "content/projects/a");
    assert!(r.stderr.contains("two files"), "{}", r.show());
}

#[test]
fn p23_static_file_over_a_generated_page() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("static/ru/projects/a/index.html", "STATIC WINS");
    fx.fail(&["build"], "static/ru/projects/a/index.html");
}

#[test]
fn p24_case_only_collision_of_file_names() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/About.md", "+++\ntitle = \"x\"\n+++\n");
    fx.write("content/projects/about.md", "+++\ntitle = \"y\"\n+++\n");
    let r = fx.fail(&["build"], "content/projects/");
    assert!(
        r.stderr.contains("About.md") && r.stderr.contains("about.md"),
        "{}",
        r.show()
    );
}

#[test]
fn p24_case_only_collision_of_slugs() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/c.md", &slug_page("Report"));
    fx.write("content/projects/d.md", &slug_page("report"));
    fx.fail(&["build"], "content/projects/");
}

const NFC: &str = "\u{439}\u{43e}\u{434}"; // йод
const NFD: &str = "\u{438}\u{306}\u{43e}\u{434}"; // и + combining breve, од

#[test]
fn p25_nfc_nfd_twins_collide() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write(
        &format!("content/projects/{NFC}.md"),
        "+++\ntitle = \"nfc\"\n+++\n",
    );
    fx.write(
        &format!("content/projects/{NFD}.md"),
        "+++\ntitle = \"nfd\"\n+++\n",
    );
    fx.fail(&["build"], "content/projects/");
}

#[test]
fn p25_nfd_name_alone_gets_the_nfc_url() {
    let url = |name: &str| {
        let fx = Fx::new("");
        fx.write(
            &format!("content/projects/{name}.md"),
            "+++\ntitle = \"x\"\n+++\n",
        );
        fx.build_ok();
        files(&fx.path("public/ru/projects"))
    };
    assert_eq!(url(NFD), url(NFC));
}

#[test]
fn p25_nfc_link_to_an_nfd_file_resolves() {
    let fx = Fx::new("");
    fx.write(
        &format!("content/projects/{NFD}.md"),
        "+++\ntitle = \"x\"\n+++\n",
    );
    fx.write(
        "content/projects/b/index.md",
        &format!("+++\ntitle = \"b\"\n+++\n[x](@/projects/{NFC})\n"),
    );
    fx.build_ok();
}

/// `check` warns about a name Windows cannot store, naming the file.
fn windows_name(name: &str) {
    let fx = Fx::new("");
    let file = format!("content/projects/{name}.md");
    fx.write(&file, "+++\ntitle = \"x\"\n+++\n");
    fx.build_ok();
    let r = fx.mosty(&["check"]);
    r.assert_no_crash();
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(
        all.contains(&file) && all.contains("warning"),
        "check should warn about `{name}`:\n{}",
        r.show()
    );
}

#[test]
fn p26_windows_reserved_name_con() {
    windows_name("con");
}

#[test]
fn p26_windows_reserved_name_nul_and_com1() {
    windows_name("nul");
    windows_name("COM1");
    windows_name("aux");
}

#[test]
fn p26_trailing_dot_and_space_in_a_slug_are_dropped() {
    good_slug("report.", "report");
    good_slug("report ", "report");
}

#[test]
fn p27_georgian_cyrillic_czech_file_names() {
    let fx = Fx::new("");
    for name in ["ანგარიში", "отчёт", "zpráva"] {
        fx.write(
            &format!("content/projects/{name}.md"),
            "+++\ntitle = \"x\"\n+++\n",
        );
    }
    fx.build_ok();
    let got = files(&fx.path("public/ru/projects"));
    for slug in ["angarishi", "otchet", "zprava"] {
        assert!(
            got.contains(&format!("{slug}/index.html")),
            "{slug}: {got:?}"
        );
    }
    let r = fx.mosty(&["check"]);
    assert_eq!(r.code, Some(0), "{}", r.show());
}

#[test]
fn p28_symlink_loop_to_the_parent() {
    let fx = Fx::new("");
    symlink("..", fx.path("content/projects/loop")).unwrap();
    let r = fx.build_ok();
    assert!(r.stderr.contains("content/projects/loop"), "{}", r.show());
    assert!(r.elapsed.as_secs() < 5);
}

#[test]
fn p28_two_symlinks_pointing_at_each_other() {
    let fx = Fx::new("");
    symlink("b", fx.path("content/la")).unwrap();
    symlink("la", fx.path("content/b")).unwrap();
    symlink("self", fx.path("content/projects/self")).unwrap();
    let r = fx.build_ok();
    assert!(
        r.stderr.contains("content/la") && r.stderr.contains("content/b"),
        "{}",
        r.show()
    );
    assert!(r.stderr.contains("content/projects/self"), "{}", r.show());
}

#[test]
fn p28_symlink_loops_under_check_and_locales() {
    let fx = Fx::new("");
    symlink("..", fx.path("locales/ru/loop")).unwrap();
    symlink(".", fx.path("static/loop")).unwrap();
    fx.build_ok();
    let r = fx.mosty(&["check"]);
    r.assert_no_crash();
}

#[test]
fn p29_symlinked_page_outside_the_site_does_not_leak() {
    let fx = Fx::new("");
    let canary = fx.w.path().join("canary.txt");
    symlink(&canary, fx.path("content/projects/leak.md")).unwrap();
    let r = fx.build_ok();
    assert!(
        r.stderr.contains("content/projects/leak.md"),
        "a warning names the link:\n{}",
        r.show()
    );
}

#[test]
fn p29_symlinked_static_folder_and_file_do_not_leak() {
    let fx = Fx::new("");
    symlink(fx.w.path(), fx.path("static/outside")).unwrap();
    symlink(fx.w.path().join("canary.txt"), fx.path("static/leak.txt")).unwrap();
    symlink("/etc/passwd", fx.path("static/passwd")).unwrap();
    let r = fx.build_ok();
    assert!(r.stderr.contains("static/leak.txt"), "{}", r.show());
    assert!(!fx.out_exists("passwd") && !fx.out_exists("leak.txt"));
}

#[test]
fn p29_symlinked_bundle_asset_and_ftl_and_template_do_not_leak() {
    let fx = Fx::new("");
    let canary = fx.w.path().join("canary.txt");
    symlink(&canary, fx.path("content/projects/b/leak.txt")).unwrap();
    symlink(&canary, fx.path("locales/ru/leak.ftl")).unwrap();
    std::fs::create_dir_all(fx.path("templates")).unwrap();
    symlink(&canary, fx.path("templates/page.html")).unwrap();
    fx.build_ok();
}

#[test]
fn p30_dangling_emacs_lock_is_ignored() {
    let fx = Fx::new("");
    symlink(
        "user@host.1234:1700000000",
        fx.path("content/projects/.#a.md"),
    )
    .unwrap();
    let r = fx.build_ok();
    assert!(!r.stderr.contains(".#a.md"), "{}", r.show());
}

/// `build --output <out>` (run in the site folder) is refused before anything is touched.
fn refused_output(fx: &Fx, out: &str) {
    fx.build_ok();
    let before = treehash(fx.w.path());
    let r = fx.mosty_here(&["build", "--output", out]);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "--output {out}:\n{}", r.show());
    assert!(r.stderr.contains("refusing"), "{}", r.show());
    assert_eq!(
        treehash(fx.w.path()),
        before,
        "--output {out} changed files"
    );
}

#[test]
fn p31_output_is_the_site_itself() {
    let fx = Fx::new("");
    refused_output(&fx, ".");
    refused_output(&fx, &fx.root().display().to_string());
}

#[test]
fn p31_output_is_the_parent_of_the_site() {
    let fx = Fx::new("");
    refused_output(&fx, "..");
    refused_output(&fx, &fx.w.path().display().to_string());
}

#[test]
fn p31_output_is_content_or_another_source_folder() {
    let fx = Fx::new("");
    for out in [
        "content",
        "content/projects",
        "locales",
        "static",
        "static/out",
        "templates",
        "themes/x",
    ] {
        refused_output(&fx, out);
    }
}

#[test]
fn p31_output_is_the_file_system_root() {
    let fx = Fx::new("");
    refused_output(&fx, "/");
}

#[test]
fn p31_output_is_site_toml() {
    let fx = Fx::new("");
    refused_output(&fx, "site.toml");
}

#[test]
fn p31_output_is_a_symlink_to_the_site() {
    let fx = Fx::new("");
    symlink(fx.root(), fx.w.path().join("alias")).unwrap();
    refused_output(&fx, "../alias");
}

#[test]
fn p32_foreign_non_empty_output_is_refused() {
    let fx = Fx::new("");
    let docs = fx.w.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("thesis.odt"), "my only copy").unwrap();
    let r = fx.mosty_here(&["build", "--output", "../docs"]);
    r.assert_no_crash();
    assert!(
        docs.join("thesis.odt").exists(),
        "a foreign file was deleted:\n{}",
        r.show()
    );
    assert_eq!(r.code, Some(1), "{}", r.show());
}

#[test]
fn p33_failure_on_the_last_page_leaves_public_untouched() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write(
        "templates/projects/page.html",
        "{% if page.title == \"Проект Б\" %}{{ page.nope.x }}{% endif %}ok {{ page.title }}\n",
    );
    fx.fail(&["build"], "templates/projects/page.html:1:");
    let staging: Vec<_> = std::fs::read_dir(fx.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mosty"))
        .collect();
    assert!(staging.is_empty(), "left behind: {staging:?}");
}

#[test]
fn p35_deleted_page_is_gone_after_a_rebuild() {
    let fx = Fx::new("");
    fx.build_ok();
    assert!(fx.out_exists("ru/projects/b/photo.jpg"));
    fx.remove("content/projects/b");
    fx.build_ok();
    assert!(!fx.out_exists("ru/projects/b"));
}

#[test]
fn p36_unwritable_output_folder() {
    if !is_root() {
        eprintln!("skipped: p36 needs root to drop to nobody on a root-owned site");
        return;
    }
    let Some(setpriv) = setpriv() else {
        eprintln!("skipped: no setpriv");
        return;
    };
    let fx = Fx::new("");
    fx.build_ok();
    // nobody may read the site but not write beside public/.
    for e in walkdir::WalkDir::new(fx.w.path())
        .into_iter()
        .filter_map(Result::ok)
    {
        let mode = if e.file_type().is_dir() { 0o755 } else { 0o644 };
        if !e.path_is_symlink() {
            super::frontmatter::set_mode(e.path(), mode);
        }
    }
    let before = treehash(&fx.path("public"));
    let mut cmd = std::process::Command::new(setpriv);
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        super::BIN,
        "build",
        "--root",
    ])
    .arg(fx.root());
    let r = super::run_cmd(cmd, super::CASE_DEADLINE);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "{}", r.show());
    assert!(
        r.stderr.contains(&fx.root().display().to_string()),
        "names the path:\n{}",
        r.show()
    );
    assert!(
        r.stderr.to_lowercase().contains("permission denied"),
        "{}",
        r.show()
    );
    assert_eq!(treehash(&fx.path("public")), before);
}

#[test]
fn p37_concurrent_builds_end_in_a_consistent_tree() {
    let fx = Fx::new("");
    let spawn = || {
        std::process::Command::new(super::BIN)
            .args(["build", "--root"])
            .arg(fx.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
    }
    assert!(a.status.success() || b.status.success());
    let reference = fx.w.path().join("reference");
    let r = fx.mosty(&["build", "--output", &reference.display().to_string()]);
    assert_eq!(r.code, Some(0), "{}", r.show());
    let got = files(&fx.path("public"));
    assert_eq!(
        treehash(&fx.path("public")),
        treehash(&reference),
        "public/ after two concurrent builds (exit {:?} and {:?}; stderr {:?} / {:?}) holds {} files: {got:?}",
        a.status.code(),
        b.status.code(),
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr),
        got.len()
    );
}

#[test]
fn p39_template_key_cannot_name_a_file_outside() {
    let fx = Fx::new("");
    let r = fx.break_with(
        A,
        b"+++\ntitle = \"x\"\ntemplate = \"../../../../../../etc/passwd\"\n+++\n",
        &format!("{A}:3:"),
    );
    assert!(!r.stderr.contains("root:x:0:0"));
}

#[test]
fn p39_partner_id_cannot_be_a_path() {
    let fx = Fx::new("");
    fx.break_with(
        A,
        b"+++\ntitle = \"x\"\nhome = \"../../x\"\n+++\n",
        &format!("{A}:3:"),
    );
}

#[test]
fn p40_non_utf8_markdown_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let fx = Fx::new("");
    fx.build_ok();
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.md");
    std::fs::write(
        fx.path("content/projects").join(name),
        "+++\ntitle = \"x\"\n+++\n",
    )
    .unwrap();
    let r = fx.fail(&["build"], "content/projects/bad");
    assert!(r.stderr.contains("UTF-8"), "{}", r.show());
}

#[test]
fn p40_non_utf8_asset_name() {
    use std::os::unix::ffi::OsStrExt;
    let fx = Fx::new("");
    let name = std::ffi::OsStr::from_bytes(b"photo\xff.jpg");
    std::fs::write(fx.path("content/projects/b").join(name), "JPEG").unwrap();
    std::fs::write(fx.path("static").join(name), "JPEG").unwrap();
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    if r.code == Some(1) {
        assert!(
            r.stderr.contains("photo"),
            "the error names the file:\n{}",
            r.show()
        );
    }
}
