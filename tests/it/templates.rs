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
