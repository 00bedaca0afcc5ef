//! Frontmatter, inheritance, slugs, drafts, bundles, Markdown and internal links.

use crate::support::{SITE1, SITE4, TestSite};

#[test]
fn translations_inherit_what_they_do_not_set() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- themes/default/templates/page.html --
{{{{ page.title }}}}|{{{{ page.date }}}}|{{{{ page.partners | join(sep=\",\") }}}}|{{% if page.location %}}{{{{ page.location.city }}}}|{{{{ page.location.lat }}}}{{% endif %}}|{{% for e in page.events %}}{{{{ e.date }}}}:{{{{ e.title }}}}:{{{{ e.participants.students }}}};{{% endfor %}}
-- content/partners/boskovice-vos.ru.md --
+++
title = \"ВОШ Босковице\"
[location]
lat = 49.4875
lon = 16.66
country = \"CZ\"
city = \"Босковице\"
+++
-- content/partners/boskovice-vos.cs.md --
+++
title = \"VOŠ Boskovice\"
[location]
city = \"Boskovice\"
+++
-- content/projects/a.ru.md --
+++
title = \"Обмен\"
date = 2016-06-01
partners = [\"boskovice-vos\"]
[[events]]
date = 2016-06-01
kind = \"delegation\"
title = \"Делегация\"
participants = {{ students = 6, teachers = 2 }}
+++
-- content/projects/a.cs.md --
+++
title = \"Výměna\"
[[events]]
title = \"Delegace\"
+++
"
    ));
    site.build();
    site.assert_file(
        "cs/projects/a/index.html",
        "Výměna|2016-06-01|boskovice-vos|",
    );
    site.assert_file("cs/projects/a/index.html", "2016-06-01:Delegace:6;");
    site.assert_file(
        "cs/partners/boskovice-vos/index.html",
        "VOŠ Boskovice|||Boskovice|49.4875|",
    );
}

#[test]
fn a_translation_without_a_default_language_original_still_builds() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}\n-- content/news/tbilisi.ka.md --\n+++\ntitle = \"ვიზიტი თბილისში\"\n+++\nტექსტი\n"
    ));
    site.build();
    site.assert_file(
        "ka/news/tbilisi/index.html",
        "ვიზიტი თბილისში|ka|ka|fallback=false|",
    );
    site.assert_file(
        "ru/news/tbilisi/index.html",
        "ვიზიტი თბილისში|ru|ka|fallback=true|",
    );
}

#[test]
fn bom_and_crlf_files_build_like_their_lf_twins() {
    let site = TestSite::with_theme(SITE1);
    site.write_bytes(
        "content/a.md",
        b"\xEF\xBB\xBF+++\r\ntitle = \"A\"\r\n+++\r\n# Title\r\n\r\nText\r\n",
    );
    site.write("content/b.md", "+++\ntitle = \"A\"\n+++\n# Title\n\nText\n");
    site.build();
    let a = site.file("en/a/index.html");
    assert!(a.contains("<h1 id=\"title\">Title</h1>"), "{a}");
    assert!(!a.contains('\r'));
    assert_eq!(a, site.file("en/b/index.html"));
}

#[test]
fn slugs_cannot_leave_the_output_folder() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\nslug = \"../../x\"\n+++\n"
    ));
    let err = site.build_err();
    assert!(err.contains("content/a.md:3:8"), "{err}");
    assert!(err.contains("single path segment"), "{err}");
    assert!(!site.root().join("x").exists());
    assert!(!site.root().parent().unwrap().join("x").exists());
}

#[test]
fn slugs_from_names_and_frontmatter() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/news/Отчёт о визите.md --
+++
title = \"R\"
+++
-- content/news/თანამშრომლობა.md --
+++
title = \"K\"
+++
-- content/news/WorldSkills_2016.md --
+++
title = \"W\"
+++
-- content/news/long-name.md --
+++
title = \"S\"
slug = \"Zpráva 2024\"
+++
"
    ));
    site.build();
    for p in [
        "en/news/otchet-o-vizite/index.html",
        "en/news/tanamshromloba/index.html",
        "en/news/WorldSkills_2016/index.html",
        "en/news/zprava-2024/index.html",
    ] {
        assert!(site.exists(p), "{p}: {:?}", site.files());
    }
}

#[test]
fn two_entries_on_one_path_are_an_error_naming_both() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\nslug = \"report\"\n+++\n-- content/report.md --\n+++\ntitle = \"B\"\n+++\n"
    ));
    let err = site.build_err();
    assert!(
        err.contains("content/a.md") && err.contains("content/report.md"),
        "{err}"
    );
    assert!(err.contains("/en/report/"), "{err}");
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\ndraft = true\n+++\n"
    ));
    site.build();
    assert!(!site.exists("en/a/index.html"));
    let mut opts = site.options();
    opts.drafts = true;
    mosty::pipeline::build(&opts).unwrap();
    assert!(site.exists("en/a/index.html"));
}

#[test]
fn every_broken_file_is_reported_with_line_and_column() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"Отчёт
date = 2024-01-01
+++
-- content/b.md --
+++
title = \"B\"
date = 2024-13-45
+++
-- content/c.md --
+++
title = \"C\"
titel = \"typo\"
+++
-- content/d.md --
+++
title = \"D\"

# Body without the closing line
"
    ));
    let err = site.build_err();
    assert!(err.contains("content/a.md:2:"), "{err}");
    assert!(err.contains("content/b.md:3:8"), "{err}");
    assert!(err.contains("content/c.md:3:1"), "{err}");
    assert!(err.contains("unknown field `titel`"), "{err}");
    assert!(err.contains("content/d.md:1:1"), "{err}");
    assert!(err.contains("did you forget the closing `+++`"), "{err}");
}

#[test]
fn empty_and_half_saved_files_are_clear_errors() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n-- content/b.md --\n# Just a heading\n"
    ));
    let err = site.build_err();
    assert!(
        err.contains("content/a.md") && err.contains("the file is empty"),
        "{err}"
    );
    assert!(
        err.contains("content/b.md:1:1") && err.contains("missing frontmatter"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_and_utf16_name_the_file() {
    let site = TestSite::with_theme(SITE1);
    site.write_bytes("content/a.md", b"+++\ntitle = \"A\"\n+++\nok\n\xC3\x28\n");
    site.write_bytes("content/b.md", b"\xFF\xFE+\x00+\x00+\x00");
    let err = site.build_err();
    assert!(err.contains("content/a.md:5:1"), "{err}");
    assert!(
        err.contains("content/b.md") && err.contains("UTF-16"),
        "{err}"
    );
}

#[test]
fn editor_leftovers_and_hidden_files_are_ignored() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"A\"
+++
-- content/.#a.md --
garbage
-- content/a.md~ --
garbage
-- content/.a.md.swp --
garbage
-- content/4913 --
-- content/.hidden/x.md --
garbage
"
    ));
    site.build();
    assert!(site.exists("en/a/index.html"));
}

#[cfg(unix)]
#[test]
fn symlinks_are_skipped_and_loops_do_not_hang() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    let secret = site
        .root()
        .parent()
        .unwrap()
        .join(format!("canary-{}.md", std::process::id()));
    std::fs::write(&secret, "+++\ntitle = \"SECRET-CANARY\"\n+++\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/leak.md")).unwrap();
    std::os::unix::fs::symlink("..", site.root().join("content/loop")).unwrap();
    let built = site.build();
    std::fs::remove_file(&secret).unwrap();
    assert!(built.warnings.iter().any(|w| w.code == "symlink-skipped"));
    for f in site.files() {
        assert!(!site.file(&f).contains("SECRET-CANARY"), "{f}");
    }
}

#[test]
fn markdown_extensions_and_readable_heading_ids() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"A\"
+++
## Сотрудничество с Босковице

## პარტნიორები

## პარტნიორები

## Custom {{#own-id}}

| a | b |
|---|---|
| 1 | 2 |

~~old~~ and a note[^1].

[^1]: The note.

- [x] done
"
    ));
    site.build();
    site.assert_file(
        "en/a/index.html",
        r#"<h2 id="сотрудничество-с-босковице">
        <h2 id="პარტნიორები">
        <h2 id="პარტნიორები-1">
        <h2 id="own-id">
        <table>
        <del>old</del>
        footnote-definition
        type="checkbox""#,
    );
}

#[test]
fn a_link_to_a_missing_entry_is_an_error_at_its_place() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/projects/boskovice.md --\n+++\ntitle = \"B\"\n+++\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\nSee [it](@/projects/boskovce).\n"
    ));
    let err = site.build_err();
    assert!(err.contains("content/a.md:4:5"), "{err}");
    assert!(err.contains("did you mean `@/projects/boskovice`"), "{err}");
}

#[test]
fn unknown_partner_references_and_bad_values_are_errors() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/partners/boskovice-vos.md --
+++
title = \"B\"
[location]
lat = 149.0
lon = 16.6
+++
-- content/projects/a.md --
+++
title = \"A\"
partners = [\"boskovice-vso\"]
end = 2014
date = 2016
[[events]]
date = 2016-06-01
kind = \"party\"
title = \"x\"
+++
"
    ));
    let err = site.build_err();
    assert!(
        err.contains("content/partners/boskovice-vos.md:4:7") && err.contains("latitude"),
        "{err}"
    );
    assert!(
        err.contains("content/projects/a.md:3:13") && err.contains("did you mean `boskovice-vos`"),
        "{err}"
    );
    assert!(
        err.contains("content/projects/a.md:4:7") && err.contains("is before"),
        "{err}"
    );
    assert!(
        err.contains("unknown event kind `party`") && err.contains("known kinds"),
        "{err}"
    );
}

#[test]
fn a_file_in_an_unknown_language_is_an_error_with_a_hint() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.de.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    let err = site.build_err();
    assert!(
        err.contains("content/a.de.md") && err.contains("language `de`"),
        "{err}"
    );
}
