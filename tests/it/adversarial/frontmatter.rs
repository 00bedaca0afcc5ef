//! B — frontmatter and encodings (reliability.md B1–B17, plus wrong types and unknown keys).
//! The broken file is always `content/projects/a.md` of the fixture (a ru page).

use super::{Fx, is_root, setpriv};

const A: &str = "content/projects/a.md";

/// Builds the good fixture, breaks `a.md` with `bytes`, expects CLEAN-FAIL at `a.md:line`.
fn broken(bytes: &[u8], line: usize) -> super::Run {
    Fx::new("").break_with(A, bytes, &format!("{A}:{line}:"))
}

/// Writes `a.md` = `bytes` and expects a clean build; returns the fixture.
fn builds(bytes: &[u8]) -> Fx {
    let fx = Fx::new("");
    fx.write_bytes(A, bytes);
    fx.build_ok();
    fx
}

const PAGE: &str = "ru/projects/a/index.html";

#[test]
fn b01_unterminated_string_names_the_file_line() {
    broken(
        "+++\ntitle = \"Отчёт\ndate = 2024-01-01\n+++\nТекст\n".as_bytes(),
        2,
    );
}

#[test]
fn b02_impossible_month() {
    let r = broken(b"+++\ntitle = \"x\"\ndate = 2024-13-45\n+++\n", 3);
    assert!(r.stderr.to_lowercase().contains("month"), "{}", r.show());
}

#[test]
fn b02_february_30_as_a_string() {
    broken(b"+++\ntitle = \"x\"\ndate = \"2024-02-30\"\n+++\n", 3);
}

#[test]
fn b02_february_29_in_a_common_year() {
    broken(b"+++\ntitle = \"x\"\ndate = 2023-02-29\n+++\n", 3);
}

#[test]
fn b02_event_end_before_start() {
    broken(
        b"+++\ntitle = \"x\"\n[[events]]\ndate = 2024-05-02\nend = 2024-05-01\nkind = \"visit\"\ntitle = \"e\"\n+++\n",
        5,
    );
}

#[test]
fn b03_duplicate_key_points_at_the_second() {
    broken(b"+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", 3);
}

#[test]
fn b04_missing_closing_delimiter() {
    let r = broken(b"+++\ntitle=\"x\"\n\n# Body\n", 1);
    assert!(r.stderr.contains("not closed"), "{}", r.show());
}

#[test]
fn b04_missing_opening_delimiter() {
    let r = broken("# Заголовок\n\nТекст\n".as_bytes(), 1);
    assert!(r.stderr.contains("missing frontmatter"), "{}", r.show());
}

#[test]
fn b04_yaml_delimiters_instead_of_toml() {
    broken(b"---\ntitle: x\n---\nbody\n", 1);
}

#[test]
fn b04_doubled_opening_delimiter() {
    // The block is empty (it closes on line 2), so the page has no title.
    let r = broken(b"+++\n+++\ntitle = \"x\"\n+++\nbody\n", 1);
    assert!(r.stderr.contains("missing `title`"), "{}", r.show());
}

#[test]
fn b05_empty_file() {
    let r = broken(b"", 1);
    assert!(r.stderr.contains("empty"), "{}", r.show());
}

#[test]
fn b05_whitespace_only_file() {
    broken(b"\n \n\t\n", 1);
}

#[test]
fn b06_plus_inside_a_code_block_stays_in_the_body() {
    let fx = builds(b"+++\ntitle = \"x\"\n+++\n```\n+++\n```\n");
    assert!(
        fx.out(PAGE).contains("<code>+++\n</code>"),
        "{}",
        fx.out(PAGE)
    );
}

const GOOD: &str = "+++\ntitle = \"Отчёт\"\ndate = 2024-05-01\n+++\n# Заголовок\n\nТекст.\n";

#[test]
fn b07_bom_builds_like_its_twin_and_keeps_the_heading() {
    let plain = builds(GOOD.as_bytes());
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(GOOD.as_bytes());
    let with_bom = builds(&bom);
    assert_eq!(with_bom.out(PAGE), plain.out(PAGE));
    assert!(with_bom.out(PAGE).contains("Заголовок</h1>"));
}

#[test]
fn b08_crlf_builds_like_its_twin() {
    let plain = builds(GOOD.as_bytes());
    let crlf = builds(GOOD.replace('\n', "\r\n").as_bytes());
    assert_eq!(crlf.out(PAGE), plain.out(PAGE));
    assert!(!crlf.out(PAGE).contains('\r'));
}

#[test]
fn b09_lone_cr_line_endings() {
    // Classic Mac line endings: the whole file is one line, so the first line is not `+++`.
    broken(GOOD.replace('\n', "\r").as_bytes(), 1);
}

#[test]
fn b10_invalid_utf8_in_the_body_names_the_line() {
    let mut bytes = b"+++\ntitle = \"x\"\n+++\none\ntwo\nthree\n".to_vec();
    bytes.extend_from_slice(b"\xC3\x28 bad\n");
    let r = broken(&bytes, 7);
    assert!(r.stderr.contains("UTF-8"), "{}", r.show());
}

#[test]
fn b10_invalid_utf8_in_the_frontmatter() {
    broken(b"+++\ntitle = \"\xFF\"\n+++\n", 2);
}

#[test]
fn b11_utf16le_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in GOOD.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let r = broken(&bytes, 1);
    assert!(r.stderr.contains("UTF-16"), "{}", r.show());
}

#[test]
fn b11_utf16be_with_bom() {
    let mut bytes = vec![0xFE, 0xFF];
    for u in GOOD.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    let r = broken(&bytes, 1);
    assert!(r.stderr.contains("UTF-16"), "{}", r.show());
}

#[test]
fn b11_utf16le_without_bom() {
    let mut bytes = Vec::new();
    for u in GOOD.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    broken(&bytes, 1);
}

#[test]
fn b12_nul_in_the_body_becomes_the_replacement_character() {
    let fx = builds(b"+++\ntitle = \"x\"\n+++\nabc\0de\0\n");
    let page = fx.out(PAGE);
    assert!(page.contains("abc\u{FFFD}de"), "{page}");
    assert!(!page.contains('\0'));
}

#[test]
fn b12_nul_in_a_frontmatter_string() {
    broken(b"+++\ntitle = \"a\0b\"\n+++\n", 2);
}

#[test]
fn b13_huge_page_builds_in_time() {
    let mut text = String::from("+++\ntitle = \"big\"\n+++\n");
    let para = "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit.\n\n";
    while text.len() < 16 << 20 {
        text.push_str(para);
    }
    let fx = builds(text.as_bytes());
    assert!(
        std::fs::metadata(fx.path("public").join(PAGE))
            .unwrap()
            .len()
            > 16 << 20
    );
}

#[test]
fn b13_huge_frontmatter_string() {
    let text = format!("+++\ntitle = \"{}\"\n+++\n", "Я".repeat(1 << 20));
    builds(text.as_bytes());
}

#[test]
fn b14_deep_toml_arrays() {
    broken(
        format!("+++\nx = {}\n+++\n", "[".repeat(20000)).as_bytes(),
        2,
    );
}

#[test]
fn b14_deep_toml_inline_tables() {
    let text = format!(
        "+++\ntitle = \"x\"\nx = {}1{}\n+++\n",
        "{a=".repeat(20000),
        "}".repeat(20000)
    );
    broken(text.as_bytes(), 3);
}

#[test]
fn b14_deep_toml_closed_arrays_under_extra() {
    // Valid-looking nesting in the one table that takes any keys.
    let text = format!(
        "+++\ntitle = \"x\"\n[extra]\nx = {}1{}\n+++\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    broken(text.as_bytes(), 4);
}

#[test]
fn b14_hundred_thousand_dotted_keys() {
    let text = format!("+++\ntitle = \"x\"\n{}= 1\n+++\n", "a.".repeat(100_000));
    broken(text.as_bytes(), 3);
}

#[test]
fn b14_deep_table_header() {
    // toml gives no span for its recursion limit; mosty points at the block's first line.
    let text = format!("+++\ntitle = \"x\"\n[{}a]\n+++\n", "a.".repeat(50_000));
    let r = broken(text.as_bytes(), 1);
    assert!(r.stderr.contains("recursion limit"), "{}", r.show());
}

#[test]
fn b14_deep_toml_in_site_toml() {
    let fx = Fx::new("");
    fx.build_ok();
    let mut cfg = std::fs::read_to_string(fx.path("site.toml")).unwrap();
    cfg.push_str(&format!("x = {}\n", "[".repeat(20000)));
    fx.write("site.toml", &cfg);
    fx.fail(&["build"], "site.toml:4:");
}

#[test]
fn b15_unknown_key_is_named() {
    let r = broken("+++\ntitel = \"Отчёт\"\n+++\n".as_bytes(), 2);
    assert!(r.stderr.contains("titel"), "{}", r.show());
}

#[test]
fn b15_unknown_key_in_location() {
    broken(
        b"+++\ntitle = \"x\"\n[location]\nlat = 1.0\nlng = 2.0\n+++\n",
        5,
    );
}

#[test]
fn b15_unknown_key_in_an_event() {
    broken(
        b"+++\ntitle = \"x\"\n[[events]]\ndate = 2024-01-01\nkind = \"visit\"\ntitle = \"e\"\nwhen = 1\n+++\n",
        7,
    );
}

#[test]
fn b15_unknown_key_in_site_toml() {
    let fx = Fx::new("");
    fx.build_ok();
    let mut cfg = std::fs::read_to_string(fx.path("site.toml")).unwrap();
    cfg.push_str("titel = \"x\"\n");
    fx.write("site.toml", &cfg);
    let r = fx.fail(&["build"], "site.toml:4:");
    assert!(r.stderr.contains("titel"), "{}", r.show());
}

#[test]
fn b16_weight_as_a_word() {
    broken(b"+++\ntitle = \"x\"\nweight = \"ten\"\n+++\n", 3);
}

#[test]
fn b16_date_as_a_word() {
    broken(b"+++\ntitle = \"x\"\ndate = \"yesterday\"\n+++\n", 3);
}

#[test]
fn b16_draft_as_a_string() {
    broken(b"+++\ntitle = \"x\"\ndraft = \"yes\"\n+++\n", 3);
}

#[test]
fn b16_tags_as_a_string() {
    broken(b"+++\ntitle = \"x\"\ntags = \"a, b\"\n+++\n", 3);
}

#[test]
fn b16_title_as_a_number() {
    broken(b"+++\ntitle = 5\n+++\n", 2);
}

#[test]
fn b16_negative_participants() {
    broken(
        b"+++\ntitle = \"x\"\n[[events]]\ndate = 2024-01-01\nkind = \"visit\"\ntitle = \"e\"\nparticipants = { students = -1 }\n+++\n",
        7,
    );
}

#[test]
fn b16_latitude_out_of_range() {
    broken(
        b"+++\ntitle = \"x\"\n[location]\nlat = 200.0\nlon = 10.0\ncountry = \"CZ\"\n+++\n",
        4,
    );
}

#[test]
fn b16_date_with_a_time() {
    broken(b"+++\ntitle = \"x\"\ndate = 2024-01-01T10:00:00\n+++\n", 3);
}

#[test]
fn b16_year_out_of_range() {
    broken(b"+++\ntitle = \"x\"\ndate = 99999\n+++\n", 3);
}

#[test]
fn b16_unknown_event_kind() {
    broken(
        b"+++\ntitle = \"x\"\n[[events]]\ndate = 2024-01-01\nkind = \"party\"\ntitle = \"e\"\n+++\n",
        5,
    );
}

#[test]
fn b16_unknown_country_code_on_a_partner() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write(
        "content/partners/p.md",
        "+++\ntitle = \"x\"\n[location]\nlat = 1.0\nlon = 2.0\ncountry = \"XX\"\n+++\n",
    );
    fx.fail(&["build"], "content/partners/p.md:6:");
}

#[test]
fn b17_unreadable_file_names_the_file() {
    if !is_root() {
        // Not root: chmod is enough.
        let fx = Fx::new("");
        fx.build_ok();
        set_mode(&fx.path(A), 0o000);
        let r = fx.fail(&["build"], A);
        assert!(r.stderr.contains("permission denied"), "{}", r.show());
        set_mode(&fx.path(A), 0o644);
        return;
    }
    let Some(setpriv) = setpriv() else {
        eprintln!("skipped: running as root without setpriv, cannot test an unreadable file");
        return;
    };
    // As root: run `check` as nobody (it writes nothing) on a world-readable copy.
    let fx = Fx::new("");
    set_mode(fx.w.path(), 0o755);
    for e in walkdir::WalkDir::new(fx.root())
        .into_iter()
        .filter_map(Result::ok)
    {
        set_mode(e.path(), if e.file_type().is_dir() { 0o755 } else { 0o644 });
    }
    set_mode(&fx.path(A), 0o000);
    let mut cmd = std::process::Command::new(setpriv);
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        super::BIN,
        "check",
        "--root",
    ])
    .arg(fx.root());
    let r = super::run_cmd(cmd, super::CASE_DEADLINE);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "{}", r.show());
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(
        all.contains(A) && all.contains("permission denied"),
        "{}",
        r.show()
    );
}

pub fn set_mode(p: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn b18_unknown_language_suffix() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/projects/a.de.md", "+++\ntitle = \"x\"\n+++\n");
    fx.fail(&["build"], "content/projects/a.de.md:1:");
}

#[test]
fn b18_content_index_md_is_refused() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write("content/index.md", "+++\ntitle = \"x\"\n+++\n");
    fx.fail(&["build"], "content/index.md:1:");
}

#[test]
fn b19_trailing_spaces_on_delimiters_are_accepted() {
    builds(b"+++  \ntitle = \"x\"\n+++\t\nbody\n");
}

#[test]
fn b19_translation_with_a_broken_frontmatter_names_its_own_file() {
    let fx = Fx::new("");
    fx.build_ok();
    fx.write(
        "content/projects/a.en.md",
        "+++\ntitle = \"x\"\ndate = 2024-99-01\n+++\n",
    );
    fx.fail(&["build"], "content/projects/a.en.md:3:");
}

#[test]
fn b19_check_reports_the_same_position() {
    let fx = Fx::new("");
    fx.write(A, "+++\ntitle = \"x\"\ndraft = \"yes\"\n+++\n");
    fx.fail(&["check"], &format!("{A}:3:"));
}

#[test]
fn b19_check_json_has_file_and_line() {
    let fx = Fx::new("");
    fx.write(A, "+++\ntitle = \"x\"\ndraft = \"yes\"\n+++\n");
    let r = fx.mosty(&["check", "--format", "json"]);
    r.assert_no_crash();
    assert_eq!(r.code, Some(1), "{}", r.show());
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("check --format json");
    let text = v.to_string();
    assert!(text.contains("content/projects/a.md"), "{text}");
    assert!(text.contains("\"line\":3"), "{text}");
}
