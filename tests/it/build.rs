//! Output layout, fallback pages, alternates, sitemap, feeds, safe writing, determinism.

use crate::support::{SITE1, SITE4, TestSite};

const FOUR_LANG: &str = r#"
-- content/_index.ru.md --
+++
title = "Главная"
+++
-- content/projects/_index.ru.md --
+++
title = "Проекты"
+++
-- content/projects/boskovice/index.ru.md --
+++
title = "Кировск — Босковице"
date = 2014-05-12
+++
Текст [план](@/projects/boskovice#plan).
-- content/projects/boskovice/index.cs.md --
+++
title = "Kirovsk – Boskovice"
+++
Text.
-- content/projects/boskovice/photo.jpg --
JPEG
"#;

#[test]
fn every_language_gets_every_page_with_an_announced_fallback() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    site.assert_file(
        "ru/projects/boskovice/index.html",
        "Кировск — Босковице|ru|ru|fallback=false|",
    );
    site.assert_file(
        "cs/projects/boskovice/index.html",
        "Kirovsk – Boskovice|cs|cs|fallback=false|",
    );
    // en has no translation: it falls back to ru (its chain) and says so in English.
    site.assert_file(
        "en/projects/boskovice/index.html",
        "Кировск — Босковице|en|ru|fallback=true|This page has not been translated into English yet. It is shown in Русский.",
    );
    // ka falls back along ka → en → ru.
    site.assert_file(
        "ka/projects/boskovice/index.html",
        "|ka|ru|fallback=true|ეს გვერდი ჯერ ქართულად არ არის თარგმნილი",
    );
    // Internal links lead to the same language's page (relative to the page).
    site.assert_file(
        "ka/projects/boskovice/index.html",
        "href=\"../../../ka/projects/boskovice/#plan\"",
    );
    // Bundle files are copied beside the page in every language.
    for lang in ["ru", "ka", "en", "cs"] {
        assert_eq!(
            site.file(&format!("{lang}/projects/boskovice/photo.jpg")),
            "JPEG\n"
        );
    }
}

#[test]
fn switcher_alternates_and_canonical_follow_real_translations() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}{FOUR_LANG}
-- themes/default/templates/page.html --
{{% for t in page.translations %}}[{{{{ t.lang }}}}:{{{{ t.url }}}}:{{{{ t.is_fallback }}}}]{{% endfor %}}
{{% for a in page.alternates %}}<link rel=\"alternate\" hreflang=\"{{{{ a.lang }}}}\" href=\"{{{{ a.permalink }}}}\">{{% endfor %}}
<link rel=\"canonical\" href=\"{{{{ page.canonical }}}}\">
"
    ));
    site.build();
    let en = site.file("en/projects/boskovice/index.html");
    assert!(
        en.contains("[ka:/international/ka/projects/boskovice/:true]"),
        "{en}"
    );
    assert!(
        en.contains("[cs:/international/cs/projects/boskovice/:false]"),
        "{en}"
    );
    assert!(
        en.contains(
            "hreflang=\"ru\" href=\"https://college.example/international/ru/projects/boskovice/\""
        ),
        "{en}"
    );
    assert!(
        !en.contains("hreflang=\"en\""),
        "a fallback page is no translation: {en}"
    );
    assert!(en.contains("rel=\"canonical\" href=\"https://college.example/international/ru/projects/boskovice/\""), "{en}");
}

#[test]
fn sitemap_feeds_robots_404_and_root_chooser() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    site.assert_file(
        "sitemap.xml",
        r#"<loc>https://college.example/international/cs/projects/boskovice/</loc>
        <xhtml:link rel="alternate" hreflang="ru" href="https://college.example/international/ru/projects/boskovice/"/>
        <xhtml:link rel="alternate" hreflang="x-default" href="https://college.example/international/"/>
        ! <loc>https://college.example/international/en/projects/boskovice/</loc>"#,
    );
    site.assert_file(
        "ru/atom.xml",
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
        <title>Кировск — Босковице</title>
        <updated>2014-05-12T00:00:00Z</updated>"#,
    );
    site.assert_file("en/atom.xml", "! <entry");
    site.assert_file(
        "robots.txt",
        "Sitemap: https://college.example/international/sitemap.xml",
    );
    // 404 is served at any depth: absolute paths, every language offered.
    site.assert_file(
        "404.html",
        r#"href="/international/ru/"
        href="/international/ka/"
        Page not found
        გვერდი ვერ მოიძებნა
        Stránka nenalezena"#,
    );
    // The root chooser works without JavaScript: plain links to every language.
    site.assert_file(
        "index.html",
        r#"<a href="./ru/" hreflang="ru" lang="ru">Русский
        <a href="./ka/" hreflang="ka" lang="ka">ქართული
        navigator.languages"#,
    );
}

#[test]
fn outputs_can_be_turned_off_and_the_theme_stops_linking_them() {
    let site = TestSite::new(&format!(
        "{SITE4}
[outputs]
timeline = false
calendar = false
feeds = false
sitemap = false
{FOUR_LANG}
-- content/projects/boskovice/index.en.md --
+++
title = \"Kirovsk – Boskovice\"
[[events]]
date = 2014-05-12
title = \"Visit\"
+++
"
    ));
    site.build();
    let files = site.files();
    for gone in [
        "ru/timeline/index.html",
        "ru/events.ics",
        "ru/atom.xml",
        "sitemap.xml",
    ] {
        assert!(
            !files.iter().any(|f| f == gone),
            "{gone} was written: {files:?}"
        );
    }
    assert!(!files.iter().any(|f| f.contains("/timeline/")), "{files:?}");
    site.assert_file("robots.txt", "User-agent: *\n! Sitemap:");
    for page in ["ru/index.html", "en/projects/boskovice/index.html"] {
        site.assert_file(page, "! atom.xml\n! timeline/\n! events.ics");
    }
}

#[test]
fn a_second_build_replaces_its_own_output_without_a_sitemap() {
    // mosty recognises its own output by the language chooser's generator mark, not only by
    // the sitemap, which `[outputs]` may turn off.
    let site = TestSite::new(&format!(
        "{SITE1}\n[outputs]\nsitemap = false\nrobots = false\n"
    ));
    site.build();
    site.assert_file("index.html", "<meta name=\"generator\" content=\"mosty\">");
    site.build();
    // A folder of somebody's files without the mark is still refused.
    std::fs::remove_file(site.out("index.html")).unwrap();
    let err = site.build_err();
    assert!(
        err.contains("it holds files that mosty did not build"),
        "{err}"
    );
}

#[test]
fn an_unknown_output_is_an_error_that_lists_the_known_ones() {
    let site = TestSite::new(&format!("{SITE1}\n[outputs]\ntimelines = false\n"));
    let err = site.build_err();
    assert!(err.contains("site.toml:5:1"), "{err}");
    assert!(
        err.contains("timeline, calendar, feeds, sitemap, robots"),
        "{err}"
    );
}

#[test]
fn sub_path_base_url_gives_links_that_work_anywhere() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}{FOUR_LANG}
-- themes/default/templates/section.html --
<a href=\"{{{{ url(path='@/projects/boskovice') }}}}\">p</a><link href=\"{{{{ url(path='style.css') }}}}\">{{{{ page.permalink }}}}
"
    ));
    site.build();
    site.assert_file(
        "cs/projects/index.html",
        r#"<a href="../../cs/projects/boskovice/">p</a>
        <link href="../../style.css">
        https://college.example/international/cs/projects/"#,
    );
    // --base-url overrides site.toml for a preview host.
    let mut opts = site.options();
    opts.base_url = Some("https://preview.example/x".into());
    mosty::pipeline::build(&opts).unwrap();
    site.assert_file(
        "cs/projects/index.html",
        "https://preview.example/x/cs/projects/",
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    let before: Vec<(String, String)> = site
        .files()
        .into_iter()
        .map(|f| (f.clone(), site.file(&f)))
        .collect();
    site.write("content/projects/broken.ru.md", "+++\ntitle = \"x\n+++\n");
    site.build_err();
    let after: Vec<(String, String)> = site
        .files()
        .into_iter()
        .map(|f| (f.clone(), site.file(&f)))
        .collect();
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mosty"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn deleted_pages_disappear_from_the_output() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    assert!(site.exists("ru/projects/boskovice/index.html"));
    std::fs::remove_dir_all(site.root().join("content/projects/boskovice")).unwrap();
    site.build();
    assert!(!site.exists("ru/projects/boskovice/index.html"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    let first: Vec<(String, Vec<u8>)> = site
        .files()
        .into_iter()
        .map(|f| {
            let b = std::fs::read(site.out(&f)).unwrap();
            (f, b)
        })
        .collect();
    site.build();
    let second: Vec<(String, Vec<u8>)> = site
        .files()
        .into_iter()
        .map(|f| {
            let b = std::fs::read(site.out(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert_eq!(first, second);
}

/// Every output file with its bytes and modification time.
fn snapshot(site: &TestSite) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    site.files()
        .into_iter()
        .map(|f| {
            let path = site.out(&f);
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            (f, std::fs::read(path).unwrap(), modified)
        })
        .collect()
}

#[test]
fn a_rebuild_writes_only_the_files_that_changed() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    // Back-date every file, so that a rewrite shows whatever the clock's resolution.
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for f in site.files() {
        let file = std::fs::File::options()
            .write(true)
            .open(site.out(&f))
            .unwrap();
        file.set_modified(long_ago).unwrap();
    }
    let before = snapshot(&site);
    site.write(
        "content/projects/boskovice/index.cs.md",
        "+++\ntitle = \"Kirovsk – Boskovice\"\n+++\nNový text.\n",
    );
    site.build();
    let after = snapshot(&site);
    assert_eq!(
        before.iter().map(|f| &f.0).collect::<Vec<_>>(),
        after.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let rewritten: Vec<&str> = after
        .iter()
        .filter(|(_, _, modified)| *modified != long_ago)
        .map(|(f, _, _)| f.as_str())
        .collect();
    assert_eq!(rewritten, ["cs/projects/boskovice/index.html"]);
    assert!(
        site.file("cs/projects/boskovice/index.html")
            .contains("Nový text.")
    );
    // Files kept in place are the ones the build made, byte for byte.
    for ((f, old, _), (_, new, _)) in before.iter().zip(&after) {
        if f != "cs/projects/boskovice/index.html" {
            assert_eq!(old, new, "{f}");
        }
    }
}

#[test]
fn a_rebuild_leaves_exactly_the_sites_files_whatever_was_in_the_output() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    let fresh = snapshot(&site);
    // Left over from an older site, or put there by hand.
    site.write("public/stray.txt", "x");
    site.write("public/ru/old-section/page/index.html", "old");
    site.write("public/ru/projects/boskovice/index.html", "edited by hand");
    // A folder where the build writes a file, and a file where it needs a folder.
    std::fs::remove_file(site.out("sitemap.xml")).unwrap();
    site.write("public/sitemap.xml/inner.xml", "x");
    std::fs::remove_dir_all(site.out("cs")).unwrap();
    site.write("public/cs", "a file");
    #[cfg(unix)]
    {
        // A symlink where a page goes is replaced, and what it points at is left alone,
        // even when it points at the very bytes of the page.
        site.write("outside.html", &site.file("en/index.html"));
        std::fs::remove_file(site.out("en/index.html")).unwrap();
        std::os::unix::fs::symlink(site.root().join("outside.html"), site.out("en/index.html"))
            .unwrap();
        // A named pipe where a page goes is replaced too, without waiting for a writer.
        std::fs::remove_file(site.out("ka/index.html")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(site.out("ka/index.html"))
            .status()
            .unwrap();
        assert!(made.success());
    }
    site.build();
    let rebuilt = snapshot(&site);
    let strip = |v: &[(String, Vec<u8>, std::time::SystemTime)]| -> Vec<(String, Vec<u8>)> {
        v.iter().map(|(f, b, _)| (f.clone(), b.clone())).collect()
    };
    assert_eq!(strip(&fresh), strip(&rebuilt));
    assert!(!site.exists("ru/old-section"));
    #[cfg(unix)]
    {
        assert_eq!(site.read("outside.html"), site.file("en/index.html"));
        for page in ["en/index.html", "ka/index.html"] {
            let meta = std::fs::symlink_metadata(site.out(page)).unwrap();
            assert!(meta.is_file(), "{page}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_in_the_output_becomes_a_real_one_with_every_file() {
    let site = TestSite::with_theme(&format!("{SITE4}{FOUR_LANG}"));
    site.build();
    let fresh = site.files();
    // The same files, reached through a symlink: each compares unchanged.
    std::fs::rename(site.out("ru"), site.root().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(site.root().join("elsewhere"), site.out("ru")).unwrap();
    site.build();
    assert!(std::fs::symlink_metadata(site.out("ru")).unwrap().is_dir());
    assert_eq!(site.files(), fresh);
    assert!(
        site.file("ru/projects/boskovice/index.html")
            .contains("Кировск — Босковице")
    );
    assert!(
        site.root()
            .join("elsewhere/projects/boskovice/index.html")
            .is_file()
    );
}

#[test]
fn output_folders_that_would_destroy_the_site_are_refused() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}\n-- content/a.md --\n+++\ntitle = \"A\"\n+++\n"
    ));
    for bad in [".", "content", "content/x", "..", "/", "static"] {
        let mut opts = site.options();
        opts.output = Some(if bad == "/" {
            "/".into()
        } else {
            site.root().join(bad)
        });
        let err = mosty::pipeline::build(&opts).expect_err(bad);
        assert!(crate::support::render(&err).contains("refusing"), "{bad}");
    }
    assert!(site.root().join("content/a.md").exists());
}

#[test]
fn static_files_of_the_site_replace_the_themes() {
    let site = TestSite::with_theme(&format!(
        "{SITE1}
-- content/a.md --
+++
title = \"A\"
+++
-- themes/default/static/style.css --
theme
-- themes/default/static/js/app.js --
app
-- static/style.css --
site
"
    ));
    site.build();
    assert_eq!(site.file("style.css"), "site\n");
    assert_eq!(site.file("js/app.js"), "app\n");
}

#[test]
fn portable_builds_link_index_files_for_opening_from_a_disk() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}{FOUR_LANG}
-- themes/default/templates/section.html --
<a href=\"{{{{ url(path='@/projects/boskovice#plan') }}}}\">p</a><a href=\"{{{{ url(path='@/') }}}}\">h</a><link href=\"{{{{ url(path='style.css') }}}}\">
"
    ));
    let mut opts = site.options();
    opts.portable = true;
    mosty::pipeline::build(&opts).unwrap();
    site.assert_file(
        "cs/projects/index.html",
        r#"<a href="../../cs/projects/boskovice/index.html#plan">p</a>
        <a href="../../cs/index.html">h</a>
        <link href="../../style.css">"#,
    );
}
