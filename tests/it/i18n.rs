//! Fluent messages: plurals, escaping, layering, fallback and errors.

use crate::support::{SITE4, TestSite};

const PLURALS: &str = r#"
-- content/a.ru.md --
+++
title = "A"
+++
-- themes/default/templates/page.html --
{% for n in [1, 2, 5, 21] %}[{{ t(key="students", count=n) }}]{% endfor %}
-- locales/ru/main.ftl --
students = { $count ->
    [one] { $count } студент
    [few] { $count } студента
    [many] { $count } студентов
   *[other] { $count } студента
}
-- locales/cs/main.ftl --
students = { $count ->
    [one] { $count } student
    [few] { $count } studenti
    [many] { $count } studenta
   *[other] { $count } studentů
}
"#;

#[test]
fn plurals_follow_cldr_rules_in_russian_and_czech() {
    let site = TestSite::with_theme(&format!("{SITE4}{PLURALS}"));
    site.build();
    site.assert_file(
        "ru/a/index.html",
        "[1 студент][2 студента][5 студентов][21 студент]",
    );
    site.assert_file(
        "cs/a/index.html",
        "[1 student][2 studenti][5 studentů][21 studentů]",
    );
}

#[test]
fn markup_in_a_message_is_escaped() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- content/a.ru.md --
+++
title = \"A\"
+++
-- themes/default/templates/page.html --
<p>{{{{ t(key=\"evil\", name=\"<b>\") }}}}</p>
-- locales/ru/main.ftl --
evil = <script>alert(1)</script> {{ $name }}
"
    ));
    site.build();
    site.assert_file(
        "ru/a/index.html",
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;\n! <script>",
    );
}

#[test]
fn site_messages_override_the_themes_one_by_one_and_missing_ones_fall_back() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- content/a.ru.md --
+++
title = \"A\"
+++
-- themes/default/templates/page.html --
{{{{ t(key=\"hello\") }}}}|{{{{ t(key=\"bye\") }}}}|{{{{ t(key=\"only-en\") }}}}
-- themes/default/locales/ru/theme.ftl --
hello = Привет от темы
bye = Пока от темы
-- themes/default/locales/en/theme.ftl --
only-en = English only
-- locales/ru/site.ftl --
hello = Привет от сайта
"
    ));
    let built = site.build();
    site.assert_file(
        "ru/a/index.html",
        "Привет от сайта|Пока от темы|English only",
    );
    // ka has none of them: ka → en → ru.
    site.assert_file(
        "ka/a/index.html",
        "Привет от сайта|Пока от темы|English only",
    );
    let warned: Vec<String> = built.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(
        warned
            .iter()
            .any(|w| w.contains("`only-en` is missing in `ru`; used the en text")),
        "{warned:?}"
    );
    assert!(
        warned
            .iter()
            .any(|w| w.contains("`hello` is missing in `ka`")),
        "{warned:?}"
    );
}

#[test]
fn isolation_marks_are_off() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- content/a.ru.md --
+++
title = \"A\"
+++
-- themes/default/templates/page.html --
[{{{{ t(key=\"hi\", name=\"Boskovice\") }}}}]
-- locales/ru/m.ftl --
hi = Привет, {{ $name }}!
"
    ));
    site.build();
    site.assert_file("ru/a/index.html", "[Привет, Boskovice!]");
    assert!(!site.file("ru/a/index.html").contains('\u{2068}'));
}

#[test]
fn fluent_syntax_errors_name_file_line_and_column() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- content/a.ru.md --
+++
title = \"A\"
+++
-- locales/ka/main.ftl --
ok = კარგი
broken = {{ $x
also-ok = x
"
    ));
    let err = site.build_err();
    assert!(err.contains("locales/ka/main.ftl:2:"), "{err}");
}

#[test]
fn deeply_nested_placeables_are_refused_without_crashing() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}\n-- content/a.ru.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    site.write(
        "locales/ru/deep.ftl",
        &format!("k = {}\"x\"{}\n", "{".repeat(20000), "}".repeat(20000)),
    );
    let err = site.build_err();
    assert!(
        err.contains("locales/ru/deep.ftl:1:") && err.contains("nested"),
        "{err}"
    );
}

#[test]
fn a_bom_before_the_first_message_does_not_lose_it() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}\n-- content/a.ru.md --\n+++\ntitle = \"A\"\n+++\n-- themes/default/templates/page.html --\n{{{{ t(key=\"hello\") }}}}\n"
    ));
    site.write_bytes("locales/ru/m.ftl", "\u{feff}hello = Привет\n".as_bytes());
    site.build();
    site.assert_file("ru/a/index.html", "Привет");
}

#[test]
fn a_message_missing_everywhere_is_an_error_at_the_call() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}\n-- content/a.ru.md --\n+++\ntitle = \"A\"\n+++\n-- themes/default/templates/page.html --\nx\n{{{{ t(key=\"nowhere\") }}}}\n"
    ));
    let err = site.build_err();
    assert!(
        err.contains("themes/default/templates/page.html:2:"),
        "{err}"
    );
    assert!(err.contains("`nowhere` is not defined"), "{err}");
}
