//! The partner map: drawn at build time, localized, with its table, and checked locations.

use crate::support::{SITE4, TestSite};

/// The example theme's outlines, copied into a test site's `data/`.
fn with_outlines(site: &TestSite) {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/data/countries-50m.json");
    std::fs::create_dir_all(site.root().join("data")).unwrap();
    std::fs::copy(src, site.root().join("data/countries-50m.json")).unwrap();
}

const PARTNERS: &str = r#"
-- content/partners/kirovsk.ru.md --
+++
title = "Кировский политехнический техникум"
short_title = "Кировск"
[location]
lat = 59.88
lon = 30.9955
country = "RU"
city = "Кировск"
+++
-- content/partners/kirovsk.cs.md --
+++
title = "Kirovská polytechnická škola"
short_title = "Kirovsk"
[location]
city = "Kirovsk"
+++
-- content/partners/boskovice.ru.md --
+++
title = "ВОШ Босковице"
short_title = "Босковице"
[location]
lat = 49.4875
lon = 16.66
country = "CZ"
city = "Босковице"
+++
-- content/projects/exchange.ru.md --
+++
title = "Обмен"
date = 2014
home = "kirovsk"
partners = ["boskovice"]
+++
-- themes/default/templates/page.html --
{{ page.title }}{% if page.map %}<div class="m">{{ page.map }}</div>{% endif %}
"#;

#[test]
fn the_map_page_draws_every_institution_in_the_readers_language_with_a_table() {
    let site = TestSite::with_theme(&format!("{SITE4}{PARTNERS}"));
    with_outlines(&site);
    site.build();
    let ru = site.file("ru/map/index.html");
    assert!(ru.contains("<svg"), "{ru}");
    assert!(
        ru.contains(">Кировск<") && ru.contains(">Босковице<"),
        "labels in Russian"
    );
    assert!(ru.contains("Карта партнёров"));
    assert!(ru.contains("<table>") && ru.contains("Кировский политехнический техникум"));
    let cs = site.file("cs/map/index.html");
    assert!(cs.contains(">Kirovsk<"), "Czech label from the Czech file");
    assert!(cs.contains("Mapa partnerů"));
    for page in [
        "ru/map/index.html",
        "cs/map/index.html",
        "ru/projects/exchange/index.html",
    ] {
        let html = site.file(page);
        for host in ["http://", "https://", "src=\"//", "href=\"//"] {
            let hits: Vec<&str> = html
                .match_indices(host)
                .map(|(i, _)| &html[i..(i + 60).min(html.len())])
                .collect();
            assert!(
                hits.iter()
                    .all(|h| h.starts_with("https://college.example/")
                        || h.starts_with("http://www.w3.org/")),
                "{page} points to another host: {hits:?}"
            );
        }
    }
    // A project's page carries the map of its own institutions, an institution's page the
    // map of it and those it works with.
    site.assert_file("ru/projects/exchange/index.html", "<div class=\"m\"><svg");
    let partner = site.file("ru/partners/boskovice/index.html");
    assert!(
        partner.contains("<div class=\"m\"><svg") && partner.contains(">Кировск<"),
        "{partner}"
    );
}

#[test]
fn two_builds_draw_the_same_bytes() {
    let site = TestSite::with_theme(&format!("{SITE4}{PARTNERS}"));
    with_outlines(&site);
    site.build();
    let first = site.file("ka/map/index.html");
    site.build();
    assert_eq!(first, site.file("ka/map/index.html"));
}

#[test]
fn swapped_coordinates_are_an_error_at_the_line() {
    let site = TestSite::with_theme(&format!("{SITE4}{PARTNERS}"));
    with_outlines(&site);
    site.write(
        "content/partners/boskovice.ru.md",
        "+++\ntitle = \"ВОШ Босковице\"\n[location]\nlat = 16.66\nlon = 49.4875\ncountry = \"CZ\"\n+++\n",
    );
    let err = site.build_err();
    assert!(
        err.contains("content/partners/boskovice.ru.md:4:1"),
        "{err}"
    );
    assert!(
        err.contains("outside its country `CZ`") && err.contains("swapped"),
        "{err}"
    );
}

#[test]
fn an_institution_on_the_map_needs_a_location() {
    let site = TestSite::with_theme(&format!("{SITE4}{PARTNERS}"));
    with_outlines(&site);
    site.write(
        "content/partners/boskovice.ru.md",
        "+++\ntitle = \"ВОШ Босковице\"\n+++\n",
    );
    let err = site.build_err();
    assert!(
        err.contains("content/partners/boskovice.ru.md") && err.contains("no `[location]`"),
        "{err}"
    );
}
