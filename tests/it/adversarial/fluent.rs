//! Fluent (reliability.md R101–R105, X88): deep nesting, huge files, BOM, cycles, billion
//! laughs, syntax errors, non-ASCII ids, encodings, translator markup. The `.ftl` under test
//! is `locales/ru/site.ftl`, whose `site-title` every page of the built-in theme shows.

use super::Fx;

const FTL: &str = "locales/ru/site.ftl";
const HOME: &str = "ru/index.html";

fn broken(bytes: &[u8], line: usize) -> super::Run {
    Fx::new("").break_with(FTL, bytes, &format!("{FTL}:{line}:"))
}

fn builds(text: &str) -> Fx {
    let fx = Fx::new("");
    fx.write(FTL, text);
    fx.build_ok();
    fx
}

fn nested(n: usize) -> String {
    format!("site-title = {}\"x\"{}\n", "{".repeat(n), "}".repeat(n))
}

#[test]
fn f01_nesting_100() {
    let r = broken(nested(100).as_bytes(), 1);
    assert!(r.stderr.contains("nested"), "{}", r.show());
}

#[test]
fn f01_nesting_1000() {
    broken(nested(1000).as_bytes(), 1);
}

#[test]
fn f01_nesting_5000() {
    broken(nested(5000).as_bytes(), 1);
}

#[test]
fn f01_nesting_20000() {
    broken(nested(20_000).as_bytes(), 1);
}

#[test]
fn f01_nesting_100000() {
    broken(nested(100_000).as_bytes(), 1);
}

#[test]
fn f02_unclosed_braces_5000() {
    broken(format!("site-title = {}\n", "{".repeat(5000)).as_bytes(), 1);
}

#[test]
fn f02_deep_nesting_on_a_later_line() {
    let text = format!("a = A\nb = B\n{}", nested(5000));
    broken(text.as_bytes(), 3);
}

#[test]
fn f03_moderate_nesting_builds() {
    let fx = builds(&nested(20));
    assert!(fx.out(HOME).contains("<title>"), "built");
}

#[test]
fn f03_braces_in_comments_and_strings_are_not_nesting() {
    let text = format!(
        "# {}\nsite-title = {{ \"{}\" }}\n",
        "{".repeat(10_000),
        "{".repeat(10_000)
    );
    builds(&text);
}

#[test]
fn f04_billion_laughs_stays_small() {
    let mut text = String::from("lol0 = LOL\n");
    for i in 1..10 {
        let refs = format!("{{lol{}}}", i - 1).repeat(10);
        text.push_str(&format!("lol{i} = {refs}\n"));
    }
    text.push_str("site-title = {lol9}\n");
    let fx = Fx::new("");
    fx.write(FTL, &text);
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    if r.code == Some(0) {
        let home = fx.out(HOME);
        assert!(
            !home.contains(&"LOL".repeat(3500)),
            "the expansion reached the page"
        );
        assert!(home.len() < 200_000, "{} bytes", home.len());
    }
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
    let all = format!("{}{}", c.stdout, c.stderr);
    assert!(
        all.contains(&format!("{FTL}:")),
        "check names the file:\n{}",
        c.show()
    );
}

#[test]
fn f05_cyclic_references_terminate() {
    let fx = Fx::new("");
    fx.write(FTL, "a = {b}\nb = {a}\nsite-title = {a}\n");
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
}

#[test]
fn f05_check_reports_a_cycle_at_its_line() {
    let fx = Fx::new("");
    fx.write(FTL, "a = {b}\nb = {a}\nsite-title = {a}\n");
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
    assert_eq!(c.code, Some(1), "{}", c.show());
    let all = format!("{}{}", c.stdout, c.stderr).to_lowercase();
    assert!(
        all.contains("cycl") && all.contains(&format!("{FTL}:1:")),
        "{}",
        c.show()
    );
}

#[test]
fn f05_self_referencing_term_terminates() {
    let fx = Fx::new("");
    fx.write(FTL, "-t = {-t}\nsite-title = {-t}\n");
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
}

#[test]
fn f05_check_reports_a_self_referencing_term() {
    let fx = Fx::new("");
    fx.write(FTL, "-t = {-t}\nsite-title = {-t}\n");
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
    assert_eq!(c.code, Some(1), "{}", c.show());
    assert!(c.stdout.contains(&format!("{FTL}:1:")), "{}", c.show());
}

#[test]
fn f05_long_reference_chain() {
    let mut text = String::from("m0 = end\n");
    for i in 1..5000 {
        text.push_str(&format!("m{i} = {{m{}}}\n", i - 1));
    }
    text.push_str("site-title = {m4999}\n");
    let fx = Fx::new("");
    fx.write(FTL, &text);
    // The same chain in en, so no message is missing there (see f08 for why that matters).
    fx.write("locales/en/site.ftl", &text);
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
}

#[test]
fn f06_bom_before_the_first_message_is_stripped() {
    let fx = Fx::new("");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("site-title = Мосты-BOM\n".as_bytes());
    fx.write_bytes(FTL, &bytes);
    fx.build_ok();
    assert!(
        fx.out(HOME).contains("Мосты-BOM"),
        "the first message survived"
    );
}

#[test]
fn f07_syntax_error_in_a_placeable() {
    broken(b"a = A\nsite-title = Hello { $ }\n", 2);
}

#[test]
fn f07_message_without_an_id() {
    broken(b"site-title = x\n= no id\n", 2);
}

#[test]
fn f07_non_ascii_message_id() {
    broken("site-title = x\nაბ = georgian id\n".as_bytes(), 2);
}

#[test]
fn f07_cyrillic_message_id() {
    broken("привет = мир\n".as_bytes(), 1);
}

#[test]
fn f07_undefined_term_is_reported_by_check() {
    let fx = Fx::new("");
    fx.write(FTL, "site-title = { -nowhere }\n");
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    let c = fx.mosty(&["check"]);
    c.assert_no_crash();
    assert_eq!(c.code, Some(1), "{}", c.show());
    assert!(c.stdout.contains(&format!("{FTL}:1:")), "{}", c.show());
}

#[test]
fn f08_huge_file_of_many_messages() {
    let mut text = String::new();
    for i in 0..50_000 {
        text.push_str(&format!("msg-{i} = Сообщение номер {i} {{ $n }}\n"));
    }
    text.push_str("site-title = Мосты\n");
    let fx = builds(&text);
    assert!(fx.out(HOME).contains("Мосты"));
}

#[test]
fn f08_huge_file_translated_in_both_languages() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("msg-{i} = Сообщение номер {i} {{ $n }}\n"));
    }
    let fx = Fx::new("");
    fx.write(FTL, &format!("{text}site-title = Мосты\n"));
    fx.write(
        "locales/en/site.ftl",
        &format!("{text}site-title = Bridges\n"),
    );
    let r = fx.build_ok();
    assert!(r.cpu < std::time::Duration::from_secs(30), "{}", r.show());
}

#[test]
fn f08_huge_single_message() {
    builds(&format!("site-title = {}\n", "ж".repeat(2 << 20)));
}

#[test]
fn f09_duplicate_id_is_a_warning_at_the_second() {
    let fx = builds("site-title = One\nsite-title = Two\n");
    let r = fx.mosty(&["build"]);
    assert!(r.stderr.contains(&format!("{FTL}:2:")), "{}", r.show());
}

#[test]
fn f10_invalid_utf8() {
    let r = broken(b"a = A\nsite-title = \xC3\x28\n", 2);
    assert!(r.stderr.contains("UTF-8"), "{}", r.show());
}

#[test]
fn f10_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "site-title = x\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let r = broken(&bytes, 1);
    assert!(r.stderr.contains("UTF-16"), "{}", r.show());
}

#[test]
fn f10_crlf_file() {
    let fx = builds("a = A\r\nsite-title = Мосты-CRLF\r\n");
    let home = fx.out(HOME);
    assert!(home.contains("Мосты-CRLF") && !home.contains('\r'));
}

#[test]
fn f10_empty_file() {
    builds("");
}

#[test]
fn f10_nul_bytes() {
    let fx = Fx::new("");
    fx.write(FTL, "site-title = a\0b\n\0\n");
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
    if r.code == Some(0) {
        assert!(!fx.out(HOME).contains('\0'), "a NUL reached the page");
    } else {
        assert!(r.stderr.contains(&format!("{FTL}:")), "{}", r.show());
    }
}

#[test]
fn f11_translator_markup_is_escaped() {
    let fx = builds(
        "site-title = <script>alert(1)</script>\nsite-tagline = \"><img src=x onerror=alert(1)>\n",
    );
    let home = fx.out(HOME);
    assert!(!home.contains("<script>alert(1)"), "{home}");
    assert!(!home.contains("<img src=x"), "{home}");
    assert!(home.contains("&lt;script&gt;alert(1)"), "{home}");
}

#[test]
fn f11_translator_script_breakout_in_attributes() {
    let fx = builds("site-title = \" onmouseover=\"alert(1)\n");
    let home = fx.out(HOME);
    assert!(!home.contains("\" onmouseover=\"alert(1)"), "{home}");
}

#[test]
fn f12_self_referencing_attribute() {
    let fx = Fx::new("");
    fx.write(FTL, "a = {a.attr}\n    .attr = {a}\nsite-title = {a}\n");
    let r = fx.mosty(&["build"]);
    r.assert_no_crash();
}

#[test]
fn f12_select_with_ten_thousand_variants() {
    let mut text = String::from("site-title = { $n ->\n");
    for i in 0..10_000 {
        text.push_str(&format!("    [v{i}] V{i}\n"));
    }
    text.push_str("   *[other] Мосты\n}\n");
    builds(&text);
}

#[test]
fn f13_ftl_in_an_unknown_language_folder_is_only_a_warning() {
    let fx = Fx::new("");
    fx.write("locales/xx/site.ftl", &nested(50_000));
    let r = fx.build_ok();
    assert!(r.stderr.contains("locales/xx"), "{}", r.show());
}
