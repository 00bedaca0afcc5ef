use super::*;

fn pd(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn fmt(tag: &str) -> DateFormatter {
    DateFormatter::new(tag).unwrap_or_else(|e| panic!("{tag}: {e}"))
}

// ── PartialDate ──

#[test]
fn parse_and_display_round_trip() {
    for s in [
        "2014",
        "2017-11",
        "2019-02-15",
        "2024-02-29",
        "1000",
        "9999-12-31",
    ] {
        assert_eq!(pd(s).to_string(), s);
    }
    assert_eq!(pd("2014").precision(), Precision::Year);
    assert_eq!(pd("2017-11").precision(), Precision::Month);
    assert_eq!(pd("2019-02-15").precision(), Precision::Day);
    let d = pd("2019-02-15");
    assert_eq!((d.year(), d.month(), d.day()), (2019, Some(2), Some(15)));
    assert_eq!((pd("2014").month(), pd("2014").day()), (None, None));
}

#[test]
fn parse_errors_are_clear() {
    let err = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
    assert_eq!(err("2017-13"), "month 13 is out of range (1–12)");
    assert_eq!(err("2017-00"), "month 0 is out of range (1–12)");
    assert_eq!(
        err("2019-02-29"),
        "day 29 is out of range for 2019-02 (1–28)"
    );
    assert_eq!(
        err("2017-04-31"),
        "day 31 is out of range for 2017-04 (1–30)"
    );
    assert_eq!(
        err("2017-04-00"),
        "day 0 is out of range for 2017-04 (1–30)"
    );
    assert_eq!(
        err("2017-04-99"),
        "day 99 is out of range for 2017-04 (1–30)"
    );
    assert_eq!(err("0999"), "year 999 is out of range (1000–9999)");
    assert_eq!(
        err("2019-2-15"),
        "invalid date \"2019-2-15\": the month must be two digits (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014, 2017-11, 2019-02-15)"
    );
    assert!(err("19").contains("the year must be four digits"));
    assert!(err("2019/02/15").contains("the year must be four digits"));
    assert!(err("2019-02-15-01").contains("too many parts"));
    assert!(err("2019-02-1x").contains("the day must be two digits"));
    assert!(err(" 2019").contains("surrounding spaces"));
    assert!(err("").contains("empty"));
    assert!(err("+2019").contains("four digits"));
    assert!(PartialDate::from_ymd(2000, 2, 29).is_ok()); // 400-year rule
    assert!(PartialDate::from_ymd(1900, 2, 29).is_err()); // 100-year rule
}

#[test]
fn chronological_order() {
    let mut v: Vec<PartialDate> = [
        "2018",
        "2017-02",
        "2017-01-02",
        "2017",
        "2017-01-01",
        "2017-01",
        "2016-12-31",
    ]
    .iter()
    .map(|s| pd(s))
    .collect();
    v.sort();
    let got: Vec<String> = v.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        got,
        [
            "2016-12-31",
            "2017",
            "2017-01",
            "2017-01-01",
            "2017-01-02",
            "2017-02",
            "2018"
        ]
    );
}

#[test]
fn first_last_day_and_containment() {
    assert_eq!(pd("2017").first_day(), pd("2017-01-01"));
    assert_eq!(pd("2017").last_day(), pd("2017-12-31"));
    assert_eq!(pd("2024-02").last_day(), pd("2024-02-29"));
    assert_eq!(pd("2023-02").last_day(), pd("2023-02-28"));
    assert_eq!(pd("2019-02-15").last_day(), pd("2019-02-15"));
    assert_eq!(pd("2017-11").day_after(), Some(pd("2017-12-01")));
    assert_eq!(pd("2017-12").day_after(), Some(pd("2018-01-01")));
    assert_eq!(pd("2017").day_after(), Some(pd("2018-01-01")));
    assert_eq!(pd("2024-02-28").day_after(), Some(pd("2024-02-29")));
    assert_eq!(pd("9999-12-31").day_after(), None);

    assert!(pd("2017").contains(&pd("2017-09")));
    assert!(pd("2017").contains(&pd("2017-09-02")));
    assert!(pd("2017-09").contains(&pd("2017-09-30")));
    assert!(!pd("2017-09").contains(&pd("2017")));
    assert!(!pd("2017-09").contains(&pd("2017-10-01")));
    assert!(pd("2017-09-02").contains(&pd("2017-09-02")));
    assert!(pd("2017-09").overlaps(&pd("2017")));
    assert!(!pd("2017-09").overlaps(&pd("2017-10")));

    let r = DateRange::new(pd("2017-09-02"), pd("2017-10-22")).unwrap();
    assert!(r.contains(&pd("2017-09-05")));
    assert!(r.contains(&pd("2017-10-22")));
    assert!(!r.contains(&pd("2017-09"))); // the month starts before the range
    assert!(!r.contains(&pd("2017-10-23")));
    let project = DateRange::new(pd("2014"), pd("2018")).unwrap();
    assert!(project.contains_range(&r));
    assert!(project.overlaps(&DateRange::single(pd("2018-12"))));
    let e = DateRange::new(pd("2017-10"), pd("2017-09-30")).unwrap_err();
    assert_eq!(e.to_string(), "end 2017-09-30 is before start 2017-10");
    assert!(DateRange::new(pd("2017-09-15"), pd("2017-09")).is_ok());
}

#[test]
fn serde_iso_string_and_bare_year() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Span {
        start: PartialDate,
        end: Option<PartialDate>,
    }
    let s: Span = toml::from_str("start = \"2017-09-02\"\nend = \"2017-10\"").unwrap();
    assert_eq!(s.start, pd("2017-09-02"));
    assert_eq!(s.end, Some(pd("2017-10")));
    assert_eq!(
        toml::to_string(&s).unwrap(),
        "start = \"2017-09-02\"\nend = \"2017-10\"\n"
    );
    let s: Span = toml::from_str("start = 2014").unwrap();
    assert_eq!(s.start, pd("2014"));
    let e = toml::from_str::<Span>("start = \"2017-13\"").unwrap_err();
    assert!(
        e.to_string().contains("month 13 is out of range (1–12)"),
        "{e}"
    );
    let e = toml::from_str::<Span>("start = 14").unwrap_err();
    assert!(e.to_string().contains("year 14 is out of range"), "{e}");
}

// ── DateFormatter ──

#[test]
fn formatter_is_send_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<DateFormatter>();
}

/// (tag, day, month, year) for 2024-03-29, 2024-03, 2024.
const SINGLE: &[(&str, &str, &str, &str)] = &[
    (
        "ru",
        "29 марта 2024\u{202f}г.",
        "март 2024\u{202f}г.",
        "2024",
    ),
    ("cs", "29. března 2024", "březen 2024", "2024"),
    ("ka", "29 მარტი, 2024", "მარტი, 2024", "2024"),
    ("en", "March 29, 2024", "March 2024", "2024"),
    ("pl", "29 marca 2024", "marzec 2024", "2024"),
    ("de-AT", "29. März 2024", "März 2024", "2024"),
    ("en-GB", "29 March 2024", "March 2024", "2024"),
];

#[test]
fn single_dates_every_precision() {
    for (tag, day, month, year) in SINGLE {
        let f = fmt(tag);
        assert!(!f.is_fallback(), "{tag}");
        assert_eq!(f.format(pd("2024-03-29")), *day, "{tag} day");
        assert_eq!(f.format(pd("2024-03")), *month, "{tag} month");
        assert_eq!(f.format(pd("2024")), *year, "{tag} year");
        assert_eq!(f.month_year_heading(2024, 3), *month, "{tag} heading");
        assert_eq!(f.year_heading(2024), *year, "{tag} year heading");
    }
}

#[test]
fn genitive_in_dates_nominative_in_headings() {
    let ru = fmt("ru");
    assert_eq!(ru.format(pd("2017-09-02")), "2 сентября 2017\u{202f}г.");
    assert_eq!(ru.month_year_heading(2017, 9), "сентябрь 2017\u{202f}г.");
    let cs = fmt("cs");
    assert_eq!(cs.format(pd("2017-09-02")), "2. září 2017");
    assert_eq!(cs.format(pd("2020-11-16")), "16. listopadu 2020");
    assert_eq!(cs.month_year_heading(2020, 11), "listopad 2020");
    let ka = fmt("ka");
    assert_eq!(ka.format(pd("2017-09-02")), "2 სექტემბერი, 2017");
    assert_eq!(ka.month_year_heading(2017, 9), "სექტემბერი, 2017");
    assert_eq!(ru.month_year_heading(2017, 13), "2017-13");
}

/// (tag, [same month, same year, across years, months same year, months across years,
///  years, month→day, day→month, year→month])
const RANGES: &[(&str, [&str; 9])] = &[
    (
        "ru",
        [
            "15—16 февраля 2019\u{202f}г.",
            "2 сентября\u{a0}— 22 октября 2017\u{202f}г.",
            "20 декабря 2017\u{202f}г.\u{a0}— 5 января 2018\u{202f}г.",
            "сентябрь\u{a0}— ноябрь 2017\u{202f}г.",
            "сентябрь 2017\u{202f}г.\u{a0}— февраль 2018\u{202f}г.",
            "2012—2018",
            "сентябрь\u{a0}— 22 октября 2017\u{202f}г.",
            "2 сентября\u{a0}— октябрь 2017\u{202f}г.",
            "2014\u{a0}— март 2015\u{202f}г.",
        ],
    ),
    (
        "cs",
        [
            "15.–16. února 2019",
            "2. září\u{2009}–\u{2009}22. října 2017",
            "20. prosince 2017\u{2009}–\u{2009}5. ledna 2018",
            "září–listopad 2017",
            "září 2017\u{2009}–\u{2009}únor 2018",
            "2012–2018",
            "září\u{2009}–\u{2009}22. října 2017",
            "2. září\u{2009}–\u{2009}říjen 2017",
            "2014\u{2009}–\u{2009}březen 2015",
        ],
    ),
    (
        "ka",
        [
            "15–16 თებერვალი, 2019",
            "2 სექტემბერი – 22 ოქტომბერი, 2017",
            "20 დეკემბერი, 2017 – 5 იანვარი, 2018",
            "სექტემბერი – ნოემბერი, 2017",
            "სექტემბერი, 2017 – თებერვალი, 2018",
            "2012–2018",
            "სექტემბერი – 22 ოქტომბერი, 2017",
            "2 სექტემბერი – ოქტომბერი, 2017",
            "2014 – მარტი, 2015",
        ],
    ),
    (
        "en",
        [
            "February 15\u{2009}–\u{2009}16, 2019",
            "September 2\u{2009}–\u{2009}October 22, 2017",
            "December 20, 2017\u{2009}–\u{2009}January 5, 2018",
            "September\u{2009}–\u{2009}November 2017",
            "September 2017\u{2009}–\u{2009}February 2018",
            "2012\u{2009}–\u{2009}2018",
            "September\u{2009}–\u{2009}October 22, 2017",
            "September 2\u{2009}–\u{2009}October 2017",
            "2014\u{2009}–\u{2009}March 2015",
        ],
    ),
    (
        "pl",
        [
            "15–16 lutego 2019",
            "2 września\u{2009}–\u{2009}22 października 2017",
            "20 grudnia 2017\u{2009}–\u{2009}5 stycznia 2018",
            "wrzesień–listopad 2017",
            "wrzesień 2017\u{2009}–\u{2009}luty 2018",
            "2012–2018",
            "wrzesień\u{2009}–\u{2009}22 października 2017",
            "2 września\u{2009}–\u{2009}październik 2017",
            "2014\u{2009}–\u{2009}marzec 2015",
        ],
    ),
];

#[test]
fn ranges_in_every_shape() {
    let cases = [
        ("2019-02-15", "2019-02-16"),
        ("2017-09-02", "2017-10-22"),
        ("2017-12-20", "2018-01-05"),
        ("2017-09", "2017-11"),
        ("2017-09", "2018-02"),
        ("2012", "2018"),
        ("2017-09", "2017-10-22"),
        ("2017-09-02", "2017-10"),
        ("2014", "2015-03"),
    ];
    for (tag, expected) in RANGES {
        let f = fmt(tag);
        for ((a, b), want) in cases.iter().zip(expected) {
            assert_eq!(f.format_range(pd(a), pd(b)), *want, "{tag} {a}..{b}");
        }
    }
}

#[test]
fn more_ranges() {
    let cs = fmt("cs");
    assert_eq!(
        cs.format_range(pd("2020-11-16"), pd("2020-11-27")),
        "16.–27. listopadu 2020"
    );
    let ru = fmt("ru");
    assert_eq!(
        ru.format_range(pd("2019-02-15"), pd("2019-02-15")),
        "15 февраля 2019\u{202f}г."
    );
    assert_eq!(
        ru.format_range(pd("2017"), pd("2017-10")),
        "2017\u{a0}— октябрь 2017\u{202f}г."
    );
    // Year-first locales keep the shared year on the start side (CLDR root/hu/zh style).
    let hu = fmt("hu");
    assert_eq!(
        hu.format_range(pd("2019-02-15"), pd("2019-02-16")),
        "2019. február 15.–16."
    );
    assert_eq!(
        hu.format_range(pd("2017-09-02"), pd("2017-10-22")),
        "2017. szeptember 2.\u{2009}–\u{2009}október 22."
    );
    let es = fmt("es");
    assert_eq!(
        es.format_range(pd("2017-09-02"), pd("2017-10-22")),
        "2 de septiembre\u{2009}–\u{2009}22 de octubre de 2017"
    );
    assert_eq!(
        es.format_range(pd("2017-09-02"), pd("2017-09-22")),
        "2–22 de septiembre de 2017"
    );
    let de = fmt("de-AT");
    assert_eq!(
        de.format_range(pd("2018-01-02"), pd("2018-01-05")),
        "2.–5. Jänner 2018"
    );
    // Mixed precisions are spaced even where CLDR would close a dash between years.
    assert_eq!(
        hu.format_range(pd("2014"), pd("2015-03")),
        "2014.\u{2009}–\u{2009}2015. március"
    );
    assert_eq!(hu.format_range(pd("2012"), pd("2018")), "2012.–2018.");
    let ja = fmt("ja");
    assert_eq!(
        ja.format_range(pd("2019-02-15"), pd("2019-02-16")),
        "2019年2月15日～16日"
    );
}

#[test]
fn numbers() {
    assert_eq!(fmt("ru").format_number(1_234_567), "1\u{a0}234\u{a0}567");
    assert_eq!(fmt("cs").format_number(1_234_567), "1\u{a0}234\u{a0}567");
    assert_eq!(fmt("ka").format_number(1_234_567), "1\u{a0}234\u{a0}567");
    assert_eq!(fmt("ka").format_number(2500), "2500");
    assert_eq!(fmt("en").format_number(-1_234_567), "-1,234,567");
    assert_eq!(fmt("pl").format_number(2500), "2500");
}

#[test]
fn other_and_unknown_languages() {
    // Invalid BCP 47 → error, never a panic.
    for bad in ["x-klingon", "i-klingon", "de_AT", "", "not a tag"] {
        let e = DateFormatter::new(bad).unwrap_err();
        assert!(matches!(e, FormatterError::InvalidTag { .. }), "{bad}: {e}");
        assert!(e.to_string().contains("not a valid BCP 47"), "{e}");
    }
    // Valid but without CLDR data → English, flagged.
    let tlh = fmt("tlh");
    assert!(tlh.is_fallback());
    assert_eq!(tlh.locale(), "tlh");
    assert_eq!(tlh.data_locale(), "en");
    assert_eq!(tlh.format(pd("2024-03-29")), "March 29, 2024");
    assert_eq!(
        tlh.format_range(pd("2017-09-02"), pd("2017-10-22")),
        "September 2\u{2009}–\u{2009}October 22, 2017"
    );
    // …or CLDR root if asked for.
    let root = DateFormatter::with_fallback("tlh", "und").unwrap();
    assert!(root.is_fallback());
    assert_eq!(root.format(pd("2024-03-29")), "2024 M03 29");
    assert_eq!(root.format(pd("2024-03")), "2024 M03");
    assert_eq!(
        root.format_range(pd("2017-09-02"), pd("2017-10-22")),
        "2017 M09 2\u{2009}–\u{2009}M10 22"
    );
    assert_eq!(
        root.format_range(pd("2019-02-15"), pd("2019-02-16")),
        "2019 M02 15–16"
    );
    // Region variants and odd casing are fine.
    let f = fmt("EN-gb");
    assert_eq!(f.locale(), "en-GB");
    assert!(!f.is_fallback());
    assert!(!fmt("und").is_fallback());
    // Unicode extensions are honoured (digits) without breaking ranges.
    let arab = fmt("ru-u-nu-arab");
    assert_eq!(arab.format(pd("2024")), "٢٠٢٤");
}

#[test]
fn pattern_parser() {
    let p = Pattern::parse("d 'de' MMMM 'de' y");
    assert_eq!(
        p.0,
        vec![
            Item::Field('d', 1),
            Item::Literal(" de ".into()),
            Item::Field('M', 4),
            Item::Literal(" de ".into()),
            Item::Field('y', 1),
        ]
    );
    assert_eq!(Pattern::parse(&p.to_uts35()), p);
    let q = Pattern::parse("h 'o''clock' ''");
    assert_eq!(q.0[1], Item::Literal(" o'clock '".into()));
    assert_eq!(Pattern::parse(&q.to_uts35()), q);
}
