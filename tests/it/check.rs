//! `mosty check`: every check code, on a site that triggers it and on one that does not;
//! CLDR plural categories in several languages; the JSON document; exit codes.

use mosty::check::{Report, check};
use mosty::diagnostic::Diagnostic;

use crate::support::TestSite;

/// Russian source, Georgian translation; ka falls back to ru.
const RU_KA: &str = r#"
-- site.toml --
base_url = "https://c.example/"
default_language = "ru"
languages = ["ru", "ka"]
-- content/_index.ru.md --
+++
title = "Главная"
+++
-- content/_index.ka.md --
+++
title = "მთავარი"
+++
"#;

fn site(files: &str) -> TestSite {
    TestSite::with_theme(&format!("{RU_KA}{files}"))
}

fn run(site: &TestSite) -> Report {
    check(site.root())
}

fn with_code<'a>(r: &'a Report, code: &str) -> Vec<&'a Diagnostic> {
    r.problems.iter().filter(|d| d.code == code).collect()
}

fn all(r: &Report) -> String {
    r.problems
        .iter()
        .map(|d| format!("{} {d}", d.code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Exactly one problem with `code`, at `position` (`file:line:col`); returns it.
fn one<'a>(r: &'a Report, code: &str, position: &str) -> &'a Diagnostic {
    let found = with_code(r, code);
    assert_eq!(found.len(), 1, "expected one {code}:\n{}", all(r));
    assert_eq!(
        found[0].position().as_deref(),
        Some(position),
        "{}",
        found[0]
    );
    found[0]
}

fn none(r: &Report, code: &str) {
    assert!(
        with_code(r, code).is_empty(),
        "no {code} expected:\n{}",
        all(r)
    );
}

fn mosty(site: &TestSite, args: &[&str]) -> (i32, String, String) {
    site.run(args)
}

// ---- Fluent ----

#[test]
fn a_clean_site_has_no_problems_and_writes_nothing() {
    let s = site(
        "-- locales/ru/site.ftl --\nhello = Привет, { $name }!\n-- locales/ka/site.ftl --\nhello = გამარჯობა, { $name }!\n",
    );
    let r = run(&s);
    assert!(r.problems.is_empty(), "{}", all(&r));
    assert!(!s.root().join("public").exists());
    let (code, out, _) = mosty(&s, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("check: no problems found"), "{out}");
}

#[test]
fn fluent_syntax_errors_name_the_line_and_column() {
    let s = site(
        "-- locales/ka/site.ftl --\nok = კარგი\nstudents = { $count -> [one] ერთი *[other] ბევრი }\n",
    );
    let r = run(&s);
    let d = one(&r, "fluent-syntax", "locales/ka/site.ftl:2:24");
    assert!(d.is_error());
    assert!(d.hint.as_deref().unwrap().contains("several lines"), "{d}");
    // The build's own report of the same error is not repeated.
    assert_eq!(with_code(&r, "fluent-syntax").len(), 1);

    let s = site(
        "-- locales/ka/site.ftl --\nstudents = { $count ->\n    [one] ერთი\n   *[other] ბევრი\n}\n",
    );
    none(&run(&s), "fluent-syntax");
}

#[test]
fn deep_nesting_is_reported_not_parsed() {
    let deep = format!("k = {}\"x\"{}\n", "{".repeat(3000), "}".repeat(3000));
    let s = site(&format!("-- locales/ru/site.ftl --\n{deep}"));
    let r = run(&s);
    assert_eq!(with_code(&r, "fluent-nesting").len(), 1, "{}", all(&r));
    none(
        &run(&site("-- locales/ru/site.ftl --\nk = { { \"x\" } }\n")),
        "fluent-nesting",
    );
}

#[test]
fn duplicate_ids_in_one_language_are_errors_at_the_second() {
    let s = site(
        "-- locales/ru/a.ftl --\nhello = Привет\n-- locales/ru/b.ftl --\n\nhello = Здравствуйте\n",
    );
    let r = run(&s);
    let d = one(&r, "fluent-duplicate", "locales/ru/b.ftl:2:1");
    assert!(d.message.contains("locales/ru/a.ftl:1:1"), "{d}");

    let s = site("-- locales/ru/a.ftl --\nhello = Привет\nhello = Здравствуйте\n");
    one(&run(&s), "fluent-duplicate", "locales/ru/a.ftl:2:1");

    // The same id in two languages, or overriding the theme's, is what ids are for.
    let s = site(
        "-- locales/ru/a.ftl --\nhello = Привет\nlanguage-name = Русский язык\n-- locales/ka/a.ftl --\nhello = გამარჯობა\n",
    );
    none(&run(&s), "fluent-duplicate");
}

#[test]
fn a_missing_message_names_the_language_it_falls_back_to() {
    let four = r#"
-- site.toml --
base_url = "https://c.example/"
default_language = "ru"
languages = ["ru", "ka", "en", "cs"]
[fallback]
ka = ["en", "ru"]
-- content/_index.ru.md --
+++
title = "Главная"
+++
-- locales/ru/site.ftl --
# Кнопка
hello = Привет
only-ru = Только
-- locales/en/site.ftl --
hello = Hello
only-ru = Only
-- locales/cs/site.ftl --
hello = Ahoj
only-ru = Jen
-- locales/ka/site.ftl --
only-ru = მხოლოდ
"#;
    let s = TestSite::with_theme(four);
    let r = run(&s);
    let d = one(&r, "fluent-missing", "locales/ka/site.ftl:1:1");
    assert!(
        d.message.contains("`hello`") && d.message.contains("`en` text"),
        "{d}"
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("locales/ru/site.ftl:2:1"),
        "{d}"
    );
    assert!(!d.is_error());

    s.write(
        "locales/ka/site.ftl",
        "only-ru = მხოლოდ\nhello = გამარჯობა\n",
    );
    none(&run(&s), "fluent-missing");
}

#[test]
fn a_site_message_replacing_the_themes_needs_its_own_translation() {
    let s = site(
        "-- themes/default/locales/ru/theme.ftl --\nsite-title = Сайт колледжа\n-- themes/default/locales/ka/theme.ftl --\nsite-title = კოლეჯის საიტი\n-- locales/ru/site.ftl --\nsite-title = Мосты сотрудничества\n",
    );
    let r = run(&s);
    let d = one(&r, "fluent-missing", "locales/ka/site.ftl:1:1");
    assert!(d.message.contains("readers see the theme's"), "{d}");

    s.write(
        "locales/ka/site.ftl",
        "site-title = თანამშრომლობის ხიდები\n",
    );
    none(&run(&s), "fluent-missing");
    // Without the site's own Russian text, the theme's Georgian one is the translation.
    std::fs::remove_file(s.root().join("locales/ru/site.ftl")).unwrap();
    std::fs::remove_file(s.root().join("locales/ka/site.ftl")).unwrap();
    none(&run(&s), "fluent-missing");
}

#[test]
fn a_missing_attribute_is_reported() {
    let s = site(
        "-- locales/ru/site.ftl --\nlogin = Войти\n    .title = Вход на сайт\n-- locales/ka/site.ftl --\nlogin = შესვლა\n",
    );
    let r = run(&s);
    let d = one(&r, "fluent-missing-attribute", "locales/ka/site.ftl:1:1");
    assert!(
        d.message.contains("login.title") && d.message.contains("`ru` text"),
        "{d}"
    );

    s.write(
        "locales/ka/site.ftl",
        "login = შესვლა\n    .title = საიტზე შესვლა\n",
    );
    none(&run(&s), "fluent-missing-attribute");
}

#[test]
fn obsolete_messages_are_those_the_default_language_lacks() {
    let s = site(
        "-- locales/ru/site.ftl --\nhello = Привет\n-- locales/ka/site.ftl --\nhello = გამარჯობა\n\nold-title = ძველი\n-brand = მოსტი\n",
    );
    let r = run(&s);
    let d = one(&r, "fluent-obsolete", "locales/ka/site.ftl:3:1");
    assert!(d.message.contains("old-title"), "{d}");

    s.write("locales/ka/site.ftl", "hello = გამარჯობა\n-brand = მოსტი\n");
    none(&run(&s), "fluent-obsolete");
}

#[test]
fn variables_must_match_the_source() {
    let s = site(
        "-- locales/ru/site.ftl --\nreports = { $count } отчётов\n-- locales/ka/site.ftl --\nreports = { $cnt } ანგარიში\n",
    );
    let r = run(&s);
    let found = with_code(&r, "fluent-variable");
    assert_eq!(found.len(), 2, "{}", all(&r));
    let unknown = found.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(unknown.position().unwrap(), "locales/ka/site.ftl:1:13");
    assert!(unknown.message.contains("`$cnt`") && unknown.message.contains("`$count`"));
    assert!(
        unknown
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `$count`")
    );
    let unused = found.iter().find(|d| !d.is_error()).unwrap();
    assert!(unused.message.contains("does not use `$count`"), "{unused}");

    s.write("locales/ka/site.ftl", "reports = { $count } ანგარიში\n");
    none(&run(&s), "fluent-variable");
}

#[test]
fn references_must_exist_in_the_same_language() {
    let s = site(
        "-- locales/ru/site.ftl --\n-brand = Мосты\ntitle = { -brand }: { tagline }\ntagline = Сотрудничество\n-- locales/ka/site.ftl --\ntitle = { -brand }: { taglin }\ntagline = თანამშრომლობა\n",
    );
    let r = run(&s);
    let found = with_code(&r, "fluent-reference");
    assert_eq!(found.len(), 2, "{}", all(&r));
    assert_eq!(found[0].position().unwrap(), "locales/ka/site.ftl:1:11");
    assert!(found[0].message.contains("term `-brand`"), "{}", found[0]);
    assert!(
        found[1]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `tagline`")
    );

    s.write(
        "locales/ka/site.ftl",
        "-brand = ხიდები\ntitle = { -brand }: { tagline }\ntagline = თანამშრომლობა\n",
    );
    none(&run(&s), "fluent-reference");
}

#[test]
fn reference_cycles_are_reported_once_at_their_first_reference() {
    let s = site(
        "-- locales/ru/site.ftl --\nok = { d.x }\nd = { ok }\n    .x = текст\nb = { c.y }\nc = { b }\n    .y = { b }\n-- locales/ka/site.ftl --\n-t = { -t }\n",
    );
    let r = run(&s);
    let found = with_code(&r, "fluent-cycle");
    assert_eq!(found.len(), 2, "{}", all(&r));
    // `ok` → `d.x` is plain text, not a cycle; `b` → `c.y` → `b` is one.
    assert_eq!(found[0].position().unwrap(), "locales/ka/site.ftl:1:8");
    assert_eq!(found[1].position().unwrap(), "locales/ru/site.ftl:4:7");
    assert!(
        found[1].message.contains("`b` → `c.y` → `b`"),
        "{}",
        found[1]
    );
    assert_eq!(r.exit_code(false), 1);
    none(&r, "fluent-resolve");
}

#[test]
fn html_in_messages_is_reported() {
    let s = site("-- locales/ru/site.ftl --\nintro = Это <b>важно</b>\nsigns = 1 &amp; 2\n");
    let r = run(&s);
    let found = with_code(&r, "fluent-markup");
    assert_eq!(found.len(), 2, "{}", all(&r));
    assert_eq!(found[0].position().unwrap(), "locales/ru/site.ftl:1:13");

    let s = site("-- locales/ru/site.ftl --\ncompare = 1 < 2 и 3 > 2, Том & Джерри\n");
    none(&run(&s), "fluent-markup");
}

#[test]
fn empty_values_are_reported() {
    let s = site(
        "-- locales/ru/site.ftl --\nempty = { \"\" }\nalso = { $n ->\n    [one] { \"\" }\n   *[other] { $n }\n}\n",
    );
    let r = run(&s);
    assert_eq!(with_code(&r, "fluent-empty").len(), 2, "{}", all(&r));
    none(
        &run(&site("-- locales/ru/site.ftl --\nfull = { \"x\" }\n")),
        "fluent-empty",
    );
}

// ---- Plural categories (CLDR) ----

fn plural_site(langs: &[&str], files: &str) -> TestSite {
    let list: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    TestSite::with_theme(&format!(
        "-- site.toml --\nbase_url = \"https://c.example/\"\ndefault_language = \"{}\"\nlanguages = [{}]\n-- content/_index.md --\n+++\ntitle = \"H\"\n+++\n{files}",
        langs[0],
        list.join(", ")
    ))
}

fn plural_message(keys: &[&str]) -> String {
    let mut m = String::from("students = { $count ->\n");
    for k in keys {
        m.push_str(&format!("    [{k}] {{ $count }} x\n"));
    }
    m.push_str("   *[other] { $count } x\n}\n");
    m
}

fn plural_warnings(lang: &str, langs: &[&str], keys: &[&str]) -> Vec<String> {
    let s = plural_site(
        langs,
        &format!("-- locales/{lang}/site.ftl --\n{}", plural_message(keys)),
    );
    run(&s)
        .problems
        .iter()
        .filter(|d| d.code == "fluent-missing-plural" || d.code == "fluent-plural-category")
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

#[test]
fn russian_needs_one_few_and_many() {
    let w = plural_warnings("ru", &["ru"], &["one"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("`few`, `many`") && w[0].contains("fluent-missing-plural"),
        "{w:?}"
    );
    assert!(plural_warnings("ru", &["ru"], &["one", "few", "many"]).is_empty());
}

#[test]
fn russian_hint_gives_example_numbers_and_points_at_the_selector() {
    let s = plural_site(
        &["ru"],
        &format!(
            "-- locales/ru/site.ftl --\n{}",
            plural_message(&["one", "few"])
        ),
    );
    let r = run(&s);
    let d = one(&r, "fluent-missing-plural", "locales/ru/site.ftl:1:15");
    assert!(
        d.hint.as_deref().unwrap().contains("[many] for 0, 5, 6"),
        "{d}"
    );
}

#[test]
fn czech_needs_few_but_many_only_for_decimals() {
    let w = plural_warnings("cs", &["en", "cs"], &["one"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("`few`") && !w[0].contains("`many`"), "{w:?}");
    // `many` is only for decimals (1.5); mosty passes whole numbers, so it is not needed.
    assert!(plural_warnings("cs", &["en", "cs"], &["one", "few"]).is_empty());
}

#[test]
fn georgian_and_english_have_one_and_other() {
    assert!(plural_warnings("ka", &["en", "ka"], &["one"]).is_empty());
    let w = plural_warnings("ka", &["en", "ka"], &["one", "few"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("fluent-plural-category") && w[0].contains("`[few]`"),
        "{w:?}"
    );
    // A select with only a default variant on a variable the source selects on as a plural.
    let s = plural_site(
        &["en", "ka"],
        &format!(
            "-- locales/en/site.ftl --\n{}-- locales/ka/site.ftl --\nstudents = {{ $count ->\n   *[other] {{ $count }} სტუდენტი\n}}\n",
            plural_message(&["one"])
        ),
    );
    let r = run(&s);
    one(&r, "fluent-missing-plural", "locales/ka/site.ftl:1:15");
}

#[test]
fn polish_and_arabic_follow_cldr_too() {
    let w = plural_warnings("pl", &["en", "pl"], &["one", "few"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("`many`") && w[0].contains("`pl` uses one, few, many, other"),
        "{w:?}"
    );
    assert!(plural_warnings("pl", &["en", "pl"], &["one", "few", "many"]).is_empty());

    let w = plural_warnings("ar", &["en", "ar"], &["one", "few", "many"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("`zero`, `two`"), "{w:?}");
    assert!(
        plural_warnings("ar", &["en", "ar"], &["zero", "one", "two", "few", "many"]).is_empty()
    );
}

#[test]
fn a_select_on_a_string_is_not_a_plural() {
    let s = site(
        "-- locales/ru/site.ftl --\nkind = { $kind ->\n    [visit] Визит\n   *[other] Событие\n}\n",
    );
    none(&run(&s), "fluent-missing-plural");
}

// ---- Content ----

#[test]
fn a_missing_translation_names_the_file_to_create() {
    let s = site("-- content/projects/a/index.ru.md --\n+++\ntitle = \"А\"\n+++\n");
    let r = run(&s);
    let d = one(
        &r,
        "translation-missing",
        "content/projects/a/index.ru.md:1:1",
    );
    assert!(
        d.message.contains("`@/projects/a` has no `ka` translation"),
        "{d}"
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("content/projects/a/index.ka.md")
    );

    s.write(
        "content/projects/a/index.ka.md",
        "+++\ntitle = \"ა\"\n+++\n",
    );
    none(&run(&s), "translation-missing");
}

#[test]
fn a_translation_is_stale_when_its_source_text_changes() {
    let s = site(
        "-- content/a.ru.md --\n+++\ntitle = \"А\"\ndate = 2016-06-01\n+++\nТекст.\n-- content/a.ka.md --\n+++\ntitle = \"ა\"\n+++\nტექსტი.\n",
    );
    // Unmarked: counted by `status`, never called stale.
    none(&run(&s), "translation-stale");
    let (code, out, err) = mosty(&s, &["status", "--mark", "content/a.ka.md"]);
    assert_eq!(code, 0, "{out}{err}");
    none(&run(&s), "translation-stale");

    // A new date is not a new text.
    s.write(
        "content/a.ru.md",
        "+++\ntitle = \"А\"\ndate = 2017-01-01\n+++\nТекст.\n",
    );
    none(&run(&s), "translation-stale");

    s.write(
        "content/a.ru.md",
        "+++\ntitle = \"А\"\ndate = 2017-01-01\n+++\nНовый текст.\n",
    );
    let r = run(&s);
    let d = one(&r, "translation-stale", "content/a.ka.md:3:19");
    assert!(d.message.contains("content/a.ru.md"), "{d}");
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("mosty status --mark content/a.ka.md")
    );
}

#[test]
fn language_neutral_fields_set_differently_in_a_translation_are_reported() {
    let s = site(
        r#"-- content/partners/b/index.ru.md --
+++
title = "Б"
[location]
lat = 49.4875
lon = 16.66
country = "CZ"
+++
-- content/partners/b/index.ka.md --
+++
title = "ბ"
[location]
lat = 49.4875
country = "SK"
city = "ბოსკოვიცე"
+++
-- content/projects/a/index.ru.md --
+++
title = "А"
date = 2016-06-01
home = "b"
[[events]]
date = 2016-06-02
kind = "visit"
title = "Визит"
participants = { students = 6 }
+++
-- content/projects/a/index.ka.md --
+++
title = "ა"
date = 2016-06-01
[[events]]
title = "ვიზიტი"
kind = "contest"
+++
"#,
    );
    let r = run(&s);
    let found = with_code(&r, "translation-neutral");
    let positions: Vec<String> = found.iter().map(|d| d.position().unwrap()).collect();
    assert_eq!(
        positions,
        [
            "content/partners/b/index.ka.md:5:1",
            "content/projects/a/index.ka.md:6:1"
        ],
        "{}",
        all(&r)
    );
    assert!(
        found[0]
            .message
            .contains("`location.country` is SK here but CZ"),
        "{}",
        found[0]
    );
    assert!(
        found[1].message.contains("`events[1].kind`"),
        "{}",
        found[1]
    );

    s.write(
        "content/projects/a/index.ka.md",
        "+++\ntitle = \"ა\"\n[[events]]\ntitle = \"ვიზიტი\"\n+++\n",
    );
    s.write(
        "content/partners/b/index.ka.md",
        "+++\ntitle = \"ბ\"\n[location]\ncity = \"ბოსკოვიცე\"\n+++\n",
    );
    none(&run(&s), "translation-neutral");
}

#[test]
fn references_to_unknown_institutions_are_errors() {
    let s =
        site("-- content/projects/a/index.ru.md --\n+++\ntitle = \"А\"\nhome = \"nowhere\"\n+++\n");
    let r = run(&s);
    let d = one(&r, "unknown-partner", "content/projects/a/index.ru.md:3:8");
    assert!(d.is_error());
    assert_eq!(r.exit_code(false), 1);
    let s = site(
        "-- content/projects/a/index.ru.md --\n+++\ntitle = \"А\"\nhome = \"b\"\n+++\n-- content/partners/b.ru.md --\n+++\ntitle = \"Б\"\n+++\n",
    );
    none(&run(&s), "unknown-partner");
}

#[test]
fn links_to_entries_that_do_not_exist_are_reported_once() {
    let s = site("-- content/a.ru.md --\n+++\ntitle = \"А\"\n+++\nСм. [Б](@/projects/nowhere).\n");
    let r = run(&s);
    let d = one(&r, "link-unknown", "content/a.ru.md:4:5");
    assert!(d.is_error());
    let s = site(
        "-- content/a.ru.md --\n+++\ntitle = \"А\"\n+++\nСм. [Б](@/b).\n-- content/b.ru.md --\n+++\ntitle = \"Б\"\n+++\n",
    );
    none(&run(&s), "link-unknown");
}

#[test]
fn anchors_must_be_headings_of_the_target_page_in_each_language() {
    let s = site(
        r#"-- content/a.ru.md --
+++
title = "А"
+++
# План работ

См. [план](#план-работ), [итоги](@/b#итоги), [итоги](@/b#%D0%B8%D1%82%D0%BE%D0%B3%D0%B8), [x](@/b#nope) и [верх](@/b#top).
-- content/b.ru.md --
+++
title = "Б"
+++
## Итоги
-- content/b.ka.md --
+++
title = "ბ"
+++
## შედეგები {#итоги}
-- themes/default/templates/page.html --
<a id="top"></a>{{ page.title }}|{{ page.content }}
"#,
    );
    let r = run(&s);
    let d = one(&r, "link-anchor", "content/a.ru.md:6:91");
    assert!(
        d.message.contains("`#nope`") && d.message.contains("`@/b`"),
        "{d}"
    );
    assert!(d.message.contains("(in ru, ka)"), "{d}");
    assert!(d.is_error());

    // A heading that exists in the Russian page but not in the Georgian one.
    s.write("content/b.ka.md", "+++\ntitle = \"ბ\"\n+++\n## შედეგები\n");
    let r = run(&s);
    let found = with_code(&r, "link-anchor");
    assert!(
        found
            .iter()
            .any(|d| d.message.contains("`#итоги`") && d.message.contains("(in ka)")),
        "{}",
        all(&r)
    );

    s.write(
        "content/a.ru.md",
        "+++\ntitle = \"А\"\n+++\n# План\n[п](#план) [т](@/b#top)\n",
    );
    none(&run(&s), "link-anchor");
}

#[test]
fn linked_files_must_be_beside_the_page() {
    let s = site(
        "-- content/projects/a/index.ru.md --\n+++\ntitle = \"А\"\n+++\n![Фото](photo.jpg) [план](files/plan.pdf) [сайт](https://example.org/x.pdf)\n-- content/projects/a/photo.jpg --\nJPEG\n",
    );
    let r = run(&s);
    let d = one(&r, "link-file", "content/projects/a/index.ru.md:4:20");
    assert!(d.message.contains("files/plan.pdf"), "{d}");
    s.write("content/projects/a/files/plan.pdf", "%PDF");
    none(&run(&s), "link-file");
}

// ---- Output ----

#[test]
fn json_output_follows_the_schema() {
    let s = site(
        "-- locales/ru/site.ftl --\nreports = { $count } отчётов\n-- locales/ka/site.ftl --\nreports = { $cnt } ანგარიში\n-- content/a.ru.md --\n+++\ntitle = \"А\"\n+++\n",
    );
    let (code, out, err) = mosty(&s, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["version"], 1);
    let problems = v["problems"].as_array().unwrap();
    let errors = problems.iter().filter(|p| p["severity"] == "error").count();
    let warnings = problems
        .iter()
        .filter(|p| p["severity"] == "warning")
        .count();
    assert_eq!(v["errors"], errors);
    assert_eq!(v["warnings"], warnings);
    assert_eq!(errors, 1, "{out}");
    for p in problems {
        let o = p.as_object().unwrap();
        let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "code", "column", "file", "hint", "line", "message", "severity"
            ]
        );
    }
    let e = problems.iter().find(|p| p["severity"] == "error").unwrap();
    assert_eq!(e["code"], "fluent-variable");
    assert_eq!(e["file"], "locales/ka/site.ftl");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(1), Some(13))
    );
    assert!(e["hint"].is_string());
    let missing = problems
        .iter()
        .find(|p| p["code"] == "translation-missing")
        .unwrap();
    assert_eq!(
        (missing["line"].as_u64(), missing["column"].as_u64()),
        (Some(1), Some(1))
    );

    // A clean site: an empty list.
    let s = site("");
    let (code, out, _) = mosty(&s, &["check", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
    assert_eq!(v["errors"], 0);
}

#[test]
fn exit_codes_text_output_and_strict() {
    // Warnings only.
    let s = site("-- content/a.ru.md --\n+++\ntitle = \"А\"\n+++\n");
    let (code, out, _) = mosty(&s, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("── content/a.ru.md: 0 errors, 1 warning"),
        "{out}"
    );
    assert!(out.contains("warning[translation-missing]"), "{out}");
    assert!(
        out.contains("check: 0 errors, 1 warning in 1 file"),
        "{out}"
    );
    let (code, out, _) = mosty(&s, &["check", "--strict"]);
    assert_eq!(code, 1, "{out}");

    // An error.
    s.write("content/a.ka.md", "+++\ntitle = 5\n+++\n");
    let (code, out, _) = mosty(&s, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("content/a.ka.md:2:9"), "{out}");

    // Bad arguments.
    let (code, _, err) = mosty(&s, &["check", "--format", "xml"]);
    assert_eq!(code, 2, "{err}");

    // No site.
    let empty = TestSite::new("-- x.txt --\nx\n");
    let (code, out, _) = mosty(&empty, &["check"]);
    assert_eq!(code, 1);
    assert!(out.contains("site.toml"), "{out}");
}

#[test]
fn template_errors_are_found_without_writing() {
    let s = site(
        "-- content/a.ru.md --\n+++\ntitle = \"А\"\n+++\n-- content/a.ka.md --\n+++\ntitle = \"ა\"\n+++\n-- themes/default/templates/page.html --\n{{ t(key=\"no-such-message\") }}\n",
    );
    let r = run(&s);
    assert!(r.errors() > 0, "{}", all(&r));
    assert!(!s.root().join("public").exists());
}
