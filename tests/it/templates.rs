//! Theme and site templates, and template errors.

use crate::support::{SITE1, TestSite};

#[test]
fn site_templates_replace_the_themes_by_name_and_sections_pick_their_own() {
    let site = TestSite::new(&format!(
        "{SITE1}
-- content/partners/a.md --
+++
title = \"A\"
+++
-- content/projects/b.md --
+++
title = \"B\"
+++
-- themes/default/templates/base.html --
<body>{{% block main %}}theme{{% endblock %}}</body>
-- themes/default/templates/page.html --
{{% extends \"base.html\" %}}{{% block main %}}theme page {{{{ page.title }}}}{{% endblock %}}
-- themes/default/templates/section.html --
section
-- templates/partners/page.html --
{{% extends \"base.html\" %}}{{% block main %}}partner {{{{ page.title }}}}{{% endblock %}}
-- templates/base.html --
<main>{{% block main %}}{{% endblock %}}</main>
"
    ));
    site.build();
    site.assert_file("en/partners/a/index.html", "<main>partner A</main>");
    site.assert_file("en/projects/b/index.html", "<main>theme page B</main>");
}

#[test]
fn template_syntax_errors_point_into_the_template() {
    let site = TestSite::new(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"A\"
+++
-- themes/default/templates/page.html --
<h1>
{{{{ page.title }}
-- themes/default/templates/section.html --
ok
"
    ));
    let err = site.build_err();
    assert!(
        err.contains("themes/default/templates/page.html:2:"),
        "{err}"
    );
}

#[test]
fn a_missing_theme_is_named() {
    let site = TestSite::new(&format!(
        "{SITE1}theme = \"nope\"\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    let err = site.build_err();
    assert!(err.contains("theme `nope` not found"), "{err}");
}

#[test]
fn self_including_templates_are_refused() {
    let site = TestSite::new(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"A\"
+++
-- themes/default/templates/page.html --
{{% include \"page.html\" %}}
-- themes/default/templates/section.html --
ok
"
    ));
    let err = site.build_err();
    assert!(err.to_lowercase().contains("include"), "{err}");
}

#[test]
fn dates_and_ranges_are_written_in_each_languages_own_form() {
    let site = TestSite::with_theme(&format!(
        "{}
-- content/a.ru.md --
+++
title = \"A\"
date = 2024-03-29
end = 2024-03-30
+++
-- content/b.ru.md --
+++
title = \"B\"
date = 2017-09-02
end = 2017-10-22
+++
-- themes/default/templates/page.html --
[{{{{ page.date | date }}}}][{{{{ date_range(start=page.date, end=page.end) }}}}][{{{{ \"2017-11\" | date }}}}]
",
        crate::support::SITE4
    ));
    site.build();
    site.assert_file(
        "ru/a/index.html",
        "[29 марта 2024\u{202f}г.][29—30 марта 2024\u{202f}г.][ноябрь 2017\u{202f}г.]",
    );
    site.assert_file(
        "cs/a/index.html",
        "[29. března 2024][29.–30. března 2024][listopad 2017]",
    );
    site.assert_file("ka/a/index.html", "[29 მარტი, 2024]");
    site.assert_file("en/a/index.html", "[March 29, 2024]");
    site.assert_file(
        "ru/b/index.html",
        "[2 сентября\u{a0}— 22 октября 2017\u{202f}г.]",
    );
    site.assert_file(
        "cs/b/index.html",
        "[2. září\u{2009}–\u{2009}22. října 2017]",
    );
}

/// An institution and a project that names it as a partner, in one event too.
const PARTNER_AND_PROJECT: &str = r#"
-- content/partners/a.md --
+++
title = "A"
+++
-- content/projects/p.md --
+++
title = "P"
date = 2024-05-01
partners = ["a"]
[[events]]
date = 2024-05-02
title = "Visit"
partners = ["a"]
+++
"#;

#[test]
fn a_page_field_reached_other_than_by_name_is_still_there() {
    // mosty leaves out `related`, `timeline` and `map` when no template names them; a
    // template that reaches them through an alias, a filter or a subscript must still see them.
    let site = TestSite::new(&format!(
        "{SITE1}{PARTNER_AND_PROJECT}
-- themes/default/templates/section.html --
section
-- themes/default/templates/partners/page.html --
{{% set me = page %}}{{% for r in me.related %}}{{{{ r.title }}}}:{{{{ r.role }}}}{{% endfor %}} {{{{ page | get(key=\"timeline\") | length }}}}
-- themes/default/templates/page.html --
{{{{ page.title }}}} {{{{ page[\"timeline\"] | length }}}}
"
    ));
    site.build();
    site.assert_file("en/partners/a/index.html", "P:partner 2");
    site.assert_file("en/projects/p/index.html", "P 2");
}

#[test]
fn a_theme_that_never_reads_related_gets_the_same_pages() {
    let site = TestSite::new(&format!(
        "{SITE1}{PARTNER_AND_PROJECT}
-- themes/default/templates/section.html --
{{% for p in page.pages %}}{{{{ p.title }}}};{{% endfor %}}
-- themes/default/templates/page.html --
<h1>{{{{ page.title }}}}</h1>{{# page.related is not read #}}
"
    ));
    site.build();
    site.assert_file("en/partners/a/index.html", "<h1>A</h1>");
    site.assert_file("en/projects/index.html", "P;");
}
