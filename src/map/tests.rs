//! Tests of the map module on the shipped Natural Earth data and the project's example
//! data (nine places, five links): projection, fitting, clipping, labels, arcs, output
//! hygiene, determinism, size, and validation.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::geom::{self, Rect};
use super::labels::text_width;
use super::projection::{EqualEarth, Lcc, Projection};
use super::*;

pub(crate) const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/data/countries-50m.json"
);

fn outlines() -> &'static Outlines {
    static O: OnceLock<Outlines> = OnceLock::new();
    O.get_or_init(|| {
        Outlines::parse(&std::fs::read_to_string(DATA).expect("outline data")).expect("parse")
    })
}

fn place(id: &str, label: &str, lat: f64, lon: f64, country: &str, home: bool) -> Place {
    Place {
        id: id.into(),
        label: label.into(),
        lat,
        lon,
        country: country.into(),
        url: format!("/ru/partners/{id}/"),
        tooltip: format!("{label} — колледж"),
        home,
    }
}

pub(crate) fn example() -> (Vec<Place>, Vec<Link>, MapText) {
    let places = vec![
        place("kirovsk", "Кировск", 59.8800, 30.9955, "RU", true),
        place("boskovice", "Босковице", 49.4875, 16.6600, "CZ", false),
        place(
            "blagoveshchenka",
            "Благовещенка",
            52.8340,
            79.8751,
            "RU",
            true,
        ),
        place("shcherbakty", "Щербакты", 52.4909, 78.1556, "KZ", false),
        place("spbpu", "Санкт-Петербург", 60.0072, 30.3727, "RU", true),
        place("astana", "Астана", 51.1801, 71.4460, "KZ", false),
        place("kutaisi", "Кутаиси", 42.2679, 42.6946, "GE", true),
        place("rakvere", "Раквере", 59.3481, 26.3578, "EE", false),
        place("poznan", "Познань", 52.4069, 16.9299, "PL", false),
    ];
    let link = |a: &str, b: &str, t: &str| Link {
        from: a.into(),
        to: b.into(),
        title: t.into(),
    };
    let links = vec![
        link("kirovsk", "boskovice", "Кировск — Босковице, 2014–2024"),
        link(
            "blagoveshchenka",
            "shcherbakty",
            "Благовещенка — Щербакты, 2016–2023",
        ),
        link(
            "spbpu",
            "astana",
            "Делегация Министерства образования Казахстана, 2019",
        ),
        link(
            "kutaisi",
            "rakvere",
            "Кутаиси — Раквере, Erasmus+, 2018–2020",
        ),
        link("kutaisi", "poznan", "Кутаиси — Познань, 2019–2022"),
    ];
    let countries: BTreeMap<String, String> = [
        ("RU", "Россия"),
        ("CZ", "Чехия"),
        ("KZ", "Казахстан"),
        ("GE", "Грузия"),
        ("EE", "Эстония"),
        ("PL", "Польша"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let text = MapText {
        title: "Карта партнёров".into(),
        desc: "Колледжи-участники и их партнёры в 6 странах".into(),
        zoom_in: "Приблизить".into(),
        zoom_out: "Отдалить".into(),
        reset: "Исходный масштаб".into(),
        legend_home: "Колледж-инициатор".into(),
        legend_partner: "Партнёр".into(),
        legend_link: "Проект".into(),
        attribution: "Natural Earth".into(),
        countries,
    };
    (places, links, text)
}

fn render_example() -> RenderedMap {
    let (p, l, t) = example();
    render(outlines(), &p, &l, &t, &MapOptions::default())
}

// ---- tiny readers for the SVG we write -------------------------------------------------

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    Some(&tag[i..i + tag[i..].find('"')?])
}

fn tags<'a>(svg: &'a str, open: &str) -> Vec<&'a str> {
    svg.match_indices(open)
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap()])
        .collect()
}

fn nums(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() && cur != "-" {
            out.push(cur.parse().unwrap());
        }
        cur.clear();
        if c == '-' {
            cur.push('-');
        }
    }
    if !cur.is_empty() && cur != "-" {
        out.push(cur.parse().unwrap());
    }
    out
}

/// Absolute points of path data written by `PathData` (M x y l dx dy … z).
fn path_points(d: &str) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    for sub in d.split('M').filter(|s| !s.is_empty()) {
        let sub = sub.trim_end_matches('z');
        let (m, rest) = sub.split_once('l').unwrap_or((sub, ""));
        let m = nums(m);
        let mut p = [m[0], m[1]];
        out.push(p);
        // relative pairs; "-" also separates numbers
        let mut toks = Vec::new();
        let mut cur = String::new();
        for c in rest.chars() {
            if c == ' ' || c == '-' {
                if !cur.is_empty() && cur != "-" {
                    toks.push(cur.parse::<f64>().unwrap());
                }
                cur.clear();
                if c == '-' {
                    cur.push('-');
                }
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            toks.push(cur.parse::<f64>().unwrap());
        }
        for pair in toks.chunks(2) {
            p = [p[0] + pair[0], p[1] + pair[1]];
            out.push(p);
        }
    }
    out
}

// ---- projection ------------------------------------------------------------------------

#[test]
fn lcc_round_trip() {
    for (lon0, lat0, p1, p2) in [
        (48.0, 51.0, 45.2, 57.0),
        (10.0, 52.0, 35.0, 65.0),
        (-60.0, -35.0, -45.0, -25.0),
    ] {
        let p = Lcc::new(lon0, lat0, p1, p2);
        for lat in [-60.0, -10.0, 0.0, 30.0, 42.2679, 59.88, 75.0, 84.0] {
            if p.cone() > 0.0 && lat < -40.0 || p.cone() < 0.0 && lat > 40.0 {
                continue;
            }
            for dlon in [-120.0, -31.2, 0.0, 16.66, 31.9, 100.0] {
                let q = p.forward_rel(dlon, lat);
                let back = p.inverse(q[0], q[1]);
                assert!(
                    (back[0] - (lon0 + dlon)).abs() < 1e-9,
                    "lon {dlon} {lat}: {back:?}"
                );
                assert!((back[1] - lat).abs() < 1e-9, "lat {dlon} {lat}: {back:?}");
            }
        }
    }
}

#[test]
fn equal_earth_round_trip() {
    let p = EqualEarth { lon0: 20.0 };
    for lat in [-85.0, -45.0, 0.0, 12.5, 60.0, 89.0] {
        for dlon in [-179.0, -90.0, 0.0, 45.5, 179.9] {
            let q = p.forward_rel(dlon, lat);
            let back = p.inverse(q[0], q[1]);
            assert!(
                (back[0] - (20.0 + dlon)).abs() < 1e-9 && (back[1] - lat).abs() < 1e-9,
                "{dlon} {lat} {back:?}"
            );
        }
    }
}

#[test]
fn fitted_projection_is_a_cone_centred_on_the_data() {
    let (places, _, _) = example();
    let pts: Vec<[f64; 2]> = places.iter().map(|p| [p.lon, p.lat]).collect();
    let Projection::Lcc(l) = Projection::fit(&pts) else {
        panic!("expected a conic")
    };
    assert!((l.lon0 - (16.66 + 79.8751) / 2.0).abs() < 1e-9);
    // standard parallels 1/6 and 5/6 into 42.27..60.01: n between their sines
    assert!(l.cone() > 45.2f64.to_radians().sin() && l.cone() < 57.0f64.to_radians().sin());
    // the data across the antimeridian stays one interval
    let (c, span) = projection::lon_center(&[[170.0, 60.0], [-170.0, 65.0]]);
    assert!((c.abs() - 180.0).abs() < 1e-9 && (span - 20.0).abs() < 1e-9);
    // world-wide sets fall back to Equal Earth
    assert!(matches!(
        Projection::fit(&[[-70.0, -30.0], [140.0, 40.0]]),
        Projection::EqualEarth(_)
    ));
}

#[test]
fn all_places_fit_inside_the_view_box_with_margin() {
    let m = render_example();
    let (w, h) = (m.report.width, m.report.height);
    assert_eq!(w, 1000.0);
    assert!((500.0..=800.0).contains(&h), "height {h}");
    let pins = tags(&m.svg, "<g class=\"mm-pin ");
    assert_eq!(
        pins.len(),
        8,
        "9 places, Kirovsk and St Petersburg share a marker"
    );
    for t in pins {
        let xy = nums(attr(t, "data-xy").unwrap());
        assert!(
            xy[0] >= 0.06 * w && xy[0] <= 0.94 * w && xy[1] >= 0.08 * h && xy[1] <= 0.92 * h,
            "{xy:?}"
        );
    }
    assert!(m.svg.contains(&format!("viewBox=\"0 0 {w} {h}\"")));
}

// ---- geometry ---------------------------------------------------------------------------

#[test]
fn clipping_rings_and_lines() {
    let r = Rect::new(0.0, 0.0, 10.0, 10.0);
    let sq = [[-5.0, -5.0], [5.0, -5.0], [5.0, 5.0], [-5.0, 5.0]];
    let c = geom::clip_ring(&sq, &r);
    assert!((geom::ring_area(&c).abs() - 25.0).abs() < 1e-9);
    assert!(c.iter().all(|p| r.contains(*p)));
    assert!(geom::clip_ring(&[[20.0, 20.0], [30.0, 20.0], [30.0, 30.0]], &r).is_empty());
    // a line leaving and re-entering gives two pieces
    let pieces = geom::clip_line(
        &[
            [-1.0, 5.0],
            [5.0, 5.0],
            [5.0, 15.0],
            [6.0, 15.0],
            [6.0, 5.0],
            [8.0, 5.0],
        ],
        &r,
    );
    assert_eq!(
        pieces,
        vec![
            vec![[0.0, 5.0], [5.0, 5.0], [5.0, 10.0]],
            vec![[6.0, 10.0], [6.0, 5.0], [8.0, 5.0]]
        ]
    );
}

#[test]
fn outlines_are_clipped_to_the_frame() {
    let m = render_example();
    let (w, h) = (m.report.width, m.report.height);
    for class in ["mm-land", "mm-border", "mm-grat"] {
        let t = tags(&m.svg, &format!("class=\"{class}\""))
            .into_iter()
            .next()
            .unwrap();
        let pts = path_points(attr(t, "d").unwrap());
        assert!(pts.len() > 50, "{class}");
        for p in pts {
            assert!(
                p[0] >= -6.2 && p[0] <= w + 6.2 && p[1] >= -6.2 && p[1] <= h + 6.2,
                "{class}: {p:?}"
            );
        }
    }
}

#[test]
fn outlines_parse_and_key_by_alpha2() {
    let o = outlines();
    let codes = o.country_codes();
    for c in ["RU", "CZ", "KZ", "GE", "EE", "PL", "XK", "CD", "TL", "AU"] {
        assert!(codes.contains(&c), "{c}");
    }
    assert!(!codes.contains(&"ZR") && !codes.contains(&"TP"));
    assert!(
        o.area("Somaliland").is_some(),
        "areas without a code are kept as land"
    );
    assert_eq!(
        Outlines::parse("{").unwrap_err(),
        OutlineError::Json("EOF while parsing an object at line 1 column 1".into())
    );
    assert_eq!(
        Outlines::parse(r#"{"type":"FeatureCollection"}"#).unwrap_err(),
        OutlineError::NotTopology
    );
    assert_eq!(
        Outlines::parse(r#"{"type":"Topology","objects":{},"arcs":[]}"#).unwrap_err(),
        OutlineError::NoCountries
    );
}

// ---- labels, markers, arcs ---------------------------------------------------------------

/// Label boxes as written: (pin index, box).
fn label_boxes(svg: &str) -> Vec<(usize, Rect)> {
    let mut out = Vec::new();
    for (pi, pin) in svg.split("<g class=\"mm-pin ").skip(1).enumerate() {
        let pin = &pin[..pin.find("</g>\n").unwrap()];
        for (i, _) in pin.match_indices("<text class=\"mm-lbl\"") {
            let tag = &pin[i..i + pin[i..].find('>').unwrap()];
            let body = &pin[i + tag.len() + 1..];
            let content = body[..body.find("</text>").unwrap()]
                .replace("&amp;", "&")
                .replace("&lt;", "<");
            let bold = tag.contains("font-weight");
            let tw = text_width(&content, 12.5, bold, 0.0);
            let (x, y) = (
                nums(attr(tag, "x").unwrap())[0],
                nums(attr(tag, "y").unwrap())[0],
            );
            let x0 = match attr(tag, "text-anchor").unwrap() {
                "start" => x,
                "end" => x - tw,
                _ => x - tw / 2.0,
            };
            let top = y - 12.5 * 0.86;
            out.push((pi, Rect::new(x0, top, x0 + tw, top + 12.5 * 1.2)));
        }
    }
    out
}

#[test]
fn labels_do_not_overlap_each_other_or_markers() {
    let m = render_example();
    let boxes = label_boxes(&m.svg);
    assert!(boxes.len() >= 8, "{} labels", boxes.len());
    assert!(
        m.report.dropped_labels.is_empty(),
        "dropped: {:?}",
        m.report.dropped_labels
    );
    for (i, (pa, a)) in boxes.iter().enumerate() {
        for (pb, b) in &boxes[i + 1..] {
            if pa != pb {
                assert!(!a.intersects(b), "labels overlap: {a:?} {b:?}");
            }
        }
        assert!(Rect::new(0.0, 0.0, m.report.width, m.report.height).contains_rect(a));
    }
    for c in tags(&m.svg, "<circle class=\"mm-mk\"") {
        let (x, y, r) = (
            nums(attr(c, "cx").unwrap())[0],
            nums(attr(c, "cy").unwrap())[0],
            nums(attr(c, "r").unwrap())[0],
        );
        let mk = Rect::new(x - r, y - r, x + r, y + r);
        for (_, b) in &boxes {
            assert!(!mk.intersects(b), "label {b:?} covers marker at {x},{y}");
        }
    }
}

#[test]
fn arcs_join_the_right_markers() {
    let m = render_example();
    let (places, links, _) = example();
    // marker position of each place, found through its link
    let mut at: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for pin in m.svg.split("<g class=\"mm-pin ").skip(1) {
        let pin = &pin[..pin.find("</g>\n").unwrap()];
        let xy = nums(attr(pin, "data-xy").unwrap());
        for p in &places {
            if pin.contains(&format!("href=\"{}\"", p.url))
                || pin.contains(&format!("<title>{}", p.tooltip))
            {
                at.insert(p.id.clone(), xy.clone());
            }
        }
    }
    assert_eq!(at.len(), places.len());
    assert_eq!(
        at["kirovsk"], at["spbpu"],
        "Kirovsk and St Petersburg share a marker"
    );
    let arcs = tags(&m.svg, "<path class=\"mm-arc\"");
    assert_eq!(arcs.len(), links.len());
    for (t, l) in arcs.iter().zip(&links) {
        let d = nums(attr(t, "d").unwrap());
        assert_eq!(&d[0..2], &at[&l.from][..], "{} start", l.from);
        assert_eq!(&d[4..6], &at[&l.to][..], "{} end", l.to);
    }
    // titles carry the project names
    for l in &links {
        assert!(
            m.svg
                .contains(&format!("<g class=\"mm-link\"><title>{}</title>", l.title))
        );
    }
}

#[test]
fn no_url_to_another_host() {
    let m = render_example();
    let (places, _, _) = example();
    let mut rest = m.svg.clone();
    for p in &places {
        rest = rest.replace(&format!("href=\"{}\"", p.url), "");
    }
    for bad in ["http:", "https:", "//", "url(", "xlink", "@import"] {
        assert!(!rest.contains(bad), "found {bad}");
    }
    // the only other href is the coastline's reference to the land path on the same page
    assert_eq!(tags(&rest, "href=").len(), 1);
    assert!(rest.contains("<use href=\"#map-land\""));
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = render_example().svg;
    let o2 = Outlines::parse(&std::fs::read_to_string(DATA).unwrap()).unwrap();
    let (p, l, t) = example();
    let b = render(&o2, &p, &l, &t, &MapOptions::default()).svg;
    assert_eq!(a, b);
}

#[test]
fn example_svg_is_small() {
    let m = render_example();
    assert!(m.svg.len() < 150_000, "{} bytes", m.svg.len());
}

#[test]
fn text_is_escaped_and_urls_sanitised() {
    let (mut p, l, mut t) = example();
    p[1].label = "A&B <script>".into();
    p[1].url = "javascript:alert(1)".into();
    p[2].url = "/a?x=1&y=\"2\"".into();
    t.title = "<b>\"Map\" & 'co'</b>".into();
    let svg = render(outlines(), &p, &l, &t, &MapOptions::default()).svg;
    assert!(svg.contains("A&amp;B &lt;script&gt;"));
    assert!(!svg.contains("<script") && !svg.contains("javascript:"));
    assert!(svg.contains("href=\"/a?x=1&amp;y=&quot;2&quot;\""));
    assert!(svg.contains("&lt;b&gt;&quot;Map&quot; &amp; &#39;co&#39;&lt;/b&gt;"));
}

#[test]
fn georgian_is_never_uppercased() {
    let (p, l, mut t) = example();
    t.countries = [("GE", "საქართველო"), ("RU", "რუსეთი"), ("KZ", "Kazakhstan")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let m = render(
        outlines(),
        &p,
        &l,
        &t,
        &MapOptions {
            lang: "ka".into(),
            ..MapOptions::default()
        },
    );
    assert!(
        m.svg.contains(">რუსეთი</text>")
            || m.report.dropped_country_labels.contains(&"RU".to_string())
    );
    assert!(
        !m.svg
            .chars()
            .any(|c| ('\u{1C90}'..='\u{1CBF}').contains(&c)),
        "Mtavruli found"
    );
    assert!(m.svg.contains(">KAZAKHSTAN</text>"));
    assert!(m.svg.contains("lang=\"ka\""));
    assert!(!m.svg.contains("text-transform"));
}

#[test]
fn compact_map_labels_only_homes() {
    let (p, l, t) = example();
    let m = render(
        outlines(),
        &p,
        &l,
        &t,
        &MapOptions {
            width: 480.0,
            compact: true,
            ..MapOptions::default()
        },
    );
    assert!(m.svg.contains("mm-compact"));
    assert!(!m.svg.contains("mm-legend"));
    assert!(!m.svg.contains(">Босковице<") && !m.svg.contains(">Астана<"));
    assert!(m.svg.contains(">Кутаиси<"));
    assert_eq!(
        tags(&m.svg, "<a href=").len(),
        9,
        "every place stays reachable"
    );
}

#[test]
fn degenerate_inputs_render() {
    let (p, _, t) = example();
    let o = outlines();
    let empty = render(o, &[], &[], &t, &MapOptions::default());
    assert!(empty.svg.starts_with("<svg") && empty.svg.len() > 10_000);
    let one = render(o, &p[6..7], &[], &t, &MapOptions::default());
    assert!(one.svg.contains(">Кутаиси<"));
    let mut bad = p.clone();
    bad[0].lat = 123.0;
    bad.push(p[1].clone());
    let links = vec![Link {
        from: "nowhere".into(),
        to: "poznan".into(),
        title: String::new(),
    }];
    let m = render(
        o,
        &bad,
        &links,
        &t,
        &MapOptions {
            height: Some(600.0),
            ..MapOptions::default()
        },
    );
    assert_eq!(m.report.height, 600.0);
    assert_eq!(
        m.report.skipped_places,
        vec![
            ("kirovsk".to_string(), SkipReason::BadCoordinates),
            ("boskovice".to_string(), SkipReason::DuplicateId)
        ]
    );
    assert_eq!(
        m.report.skipped_links,
        vec![(0, LinkSkip::UnknownPlace("nowhere".into()))]
    );
}

// ---- validation ------------------------------------------------------------------------------

#[test]
fn validation_of_the_example_points() {
    let o = outlines();
    assert_eq!(
        o.contains("RU", 59.88, 30.9955),
        Some(true),
        "Kirovsk, Leningrad oblast"
    );
    assert_eq!(o.contains("GE", 42.2679, 42.6946), Some(true), "Kutaisi");
    assert_eq!(o.contains("CZ", 49.4875, 16.66), Some(true), "Boskovice");
    assert_eq!(
        o.contains("CZ", 16.66, 49.4875),
        Some(false),
        "Boskovice with lat/lon swapped"
    );
    assert_eq!(
        o.contains("ru", 59.88, 30.9955),
        Some(true),
        "case-insensitive"
    );
    assert_eq!(o.contains("QQ", 59.88, 30.9955), None);
    assert_eq!(
        o.contains("RU", 53.27, 29.4706),
        Some(false),
        "Kirovsk, Belarus"
    );
    assert_eq!(o.country_at(53.27, 29.4706), Some("BY"));
    // Rakvere and Poznań, Astana, Shcherbakty, Blagoveshchenka, St Petersburg (coastal)
    let (places, links, _) = example();
    assert!(
        validate(o, &places, &links).is_empty(),
        "{:?}",
        validate(o, &places, &links)
    );
    // a coastal town just off the 1:50m coastline still counts, thanks to the tolerance
    assert_eq!(o.contains("EE", 59.4372, 24.7454), Some(true), "Tallinn");
    // 2.8 km off the 1:50m coast near Tallinn: outside strictly, inside with the tolerance
    assert_eq!(o.contains_within("EE", 59.52, 24.75, 0.0), Some(false));
    assert_eq!(o.contains("EE", 59.52, 24.75), Some(true));
    assert!((o.distance_km("EE", 59.52, 24.75).unwrap() - 2.8).abs() < 0.2);
    assert_eq!(o.contains("EE", 59.75, 24.75), Some(false), "mid-gulf");
}

#[test]
fn validation_issues_are_typed() {
    let o = outlines();
    let swapped = check_point(o, "CZ", 16.66, 49.4875).unwrap_err();
    match swapped {
        IssueKind::OutsideCountry {
            country,
            distance_km,
            swapped_fits,
            ..
        } => {
            assert_eq!(country, "CZ");
            assert!(distance_km > 3000.0);
            assert!(swapped_fits);
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(
        check_point(o, "RU", 91.0, 30.0),
        Err(IssueKind::LatitudeOutOfRange { lat: 91.0 })
    );
    assert_eq!(
        check_point(o, "RU", 60.0, 190.0),
        Err(IssueKind::LongitudeOutOfRange { lon: 190.0 })
    );
    assert_eq!(
        check_point(o, "XX", 60.0, 30.0),
        Err(IssueKind::UnknownCountry {
            country: "XX".into()
        })
    );
    let belarus = check_point(o, "RU", 53.27, 29.4706).unwrap_err();
    assert!(
        matches!(&belarus, IssueKind::OutsideCountry { found_in: Some(c), swapped_fits: false, .. } if c == "BY")
    );
    // Pristina counts for Kosovo and, leniently, for Serbia
    assert_eq!(check_point(o, "XK", 42.6629, 21.1655), Ok(()));
    assert_eq!(check_point(o, "RS", 42.6629, 21.1655), Ok(()));
    let (mut places, mut links, _) = example();
    places.push(places[0].clone());
    links.push(Link {
        from: "kutaisi".into(),
        to: "nowhere".into(),
        title: String::new(),
    });
    let issues = validate(o, &places, &links);
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[0].kind, IssueKind::DuplicateId);
    assert_eq!(
        issues[1].kind,
        IssueKind::UnknownLinkEnd {
            id: "nowhere".into()
        }
    );
    assert_eq!(
        issues[1].to_string(),
        "link #5 from `kutaisi`: no place has the id `nowhere`"
    );
}

#[test]
fn other_parts_of_the_world_render_cleanly() {
    let (_, _, t) = example();
    let o = outlines();
    let sets: [&[(&str, f64, f64, &str)]; 4] = [
        // across the antimeridian
        &[
            ("anadyr", 64.73, 177.51, "RU"),
            ("nome", 64.50, -165.41, "US"),
            ("petro", 53.02, 158.65, "RU"),
        ],
        // southern hemisphere cone
        &[
            ("bsas", -34.60, -58.38, "AR"),
            ("santiago", -33.45, -70.67, "CL"),
            ("lima", -12.05, -77.04, "PE"),
        ],
        // world-wide: Equal Earth
        &[
            ("recife", -8.05, -34.9, "BR"),
            ("osaka", 34.69, 135.50, "JP"),
            ("brno", 49.19, 16.61, "CZ"),
        ],
        // one place
        &[("tbilisi", 41.72, 44.79, "GE")],
    ];
    for set in sets {
        let places: Vec<Place> = set
            .iter()
            .map(|&(id, lat, lon, c)| place(id, id, lat, lon, c, id == set[0].0))
            .collect();
        let links: Vec<Link> = places[1..]
            .iter()
            .map(|p| Link {
                from: places[0].id.clone(),
                to: p.id.clone(),
                title: "x".into(),
            })
            .collect();
        assert!(
            validate(o, &places, &links).is_empty(),
            "{:?}",
            validate(o, &places, &links)
        );
        let m = render(o, &places, &links, &t, &MapOptions::default());
        assert!(!m.svg.contains("NaN") && !m.svg.contains("inf"), "{set:?}");
        let (w, h) = (m.report.width, m.report.height);
        for class in ["mm-land", "mm-border"] {
            let Some(t) = tags(&m.svg, &format!("class=\"{class}\""))
                .into_iter()
                .next()
            else {
                assert_eq!(class, "mm-border", "{set:?}"); // Bering Strait: no land border
                continue;
            };
            let pts = path_points(attr(t, "d").unwrap());
            assert!(pts.len() > 20, "{class} {set:?}");
            assert!(
                pts.iter()
                    .all(|p| p[0] >= -6.2 && p[0] <= w + 6.2 && p[1] >= -6.2 && p[1] <= h + 6.2),
                "{set:?}"
            );
        }
        // land covers the places' markers: the land path is not a frame-sized sliver
        assert!(
            m.report.dropped_labels.is_empty(),
            "{set:?}: {:?}",
            m.report
        );
        assert_eq!(tags(&m.svg, "<path class=\"mm-arc\"").len(), links.len());
    }
}

#[test]
fn many_places_at_one_spot_share_a_marker_with_a_count() {
    let (_, _, t) = example();
    let mut places: Vec<Place> = (0..12)
        .map(|i| {
            place(
                &format!("poz{i}"),
                &format!("Колледж {i}"),
                52.4069,
                16.9299,
                "PL",
                false,
            )
        })
        .collect();
    places.push(place("kutaisi", "Кутаиси", 42.2679, 42.6946, "GE", true));
    let links = vec![Link {
        from: "kutaisi".into(),
        to: "poz3".into(),
        title: "x".into(),
    }];
    let m = render(outlines(), &places, &links, &t, &MapOptions::default());
    assert_eq!(m.report.groups.len(), 1);
    assert_eq!(m.report.groups[0].len(), 12);
    assert!(m.svg.contains(">12</text>"));
    assert!(m.svg.contains(">+8</text>"), "four lines, then +8");
    assert_eq!(tags(&m.svg, "<path class=\"mm-arc\"").len(), 1);
}

#[test]
fn public_types_are_plain_data() {
    fn send_sync<T: Send + Sync + Clone + std::fmt::Debug>() {}
    send_sync::<Outlines>();
    send_sync::<Place>();
    send_sync::<Link>();
    send_sync::<MapText>();
    send_sync::<MapOptions>();
    send_sync::<RenderedMap>();
    send_sync::<Issue>();
}
