//! The timeline: every dated item, ordered, grouped by year, filtered, and as iCalendar.

use crate::support::{SITE4, TestSite};

const SITE: &str = r#"
-- content/partners/boskovice-vos.ru.md --
+++
title = "ВОШ Босковице"
[location]
lat = 49.4875
lon = 16.66
country = "CZ"
+++
-- content/partners/kirovsk.ru.md --
+++
title = "Кировский техникум"
[location]
lat = 59.88
lon = 30.9955
country = "RU"
+++
-- content/projects/boskovice.ru.md --
+++
title = "Кировск — Босковице"
date = 2014
home = "kirovsk"
partners = ["boskovice-vos"]
[[events]]
date = 2017-09-02
end = 2017-10-22
kind = "internship"
title = "Стажировка"
participants = { students = 10, teachers = 7 }
[[events]]
date = "2016-06"
kind = "contest"
title = "Чемпионат"
[[events]]
date = 2016-05-10
kind = "delegation"
title = "Делегация"
participants = { students = 6, teachers = 2 }
+++
-- content/projects/boskovice.cs.md --
+++
title = "Kirovsk – Boskovice"
[[events]]
title = "Stáž"
[[events]]
title = "Mistrovství"
[[events]]
title = "Delegace"
+++
-- themes/default/templates/timeline.html --
{% if filter %}[{{ filter.by }}={{ filter.value }}]{% endif %}{% for y in timeline %}<{{ y.year }}>{% for i in y.items %}({{ i.id }}|{{ i.kind }}|{{ i.title }}|{% if i.end %}{{ date_range(start=i.date, end=i.end) }}{% else %}{{ i.date | date }}{% endif %}|{% for g, n in i.participants %}{{ t(key="participants-" ~ g, count=n) }};{% endfor %}){% endfor %}{% endfor %}
{% for f in filters %}{{ f.by }}:{{ f.value }}:{{ f.count }}:{{ f.url }};{% endfor %}
"#;

#[test]
fn the_timeline_lists_every_item_in_order_grouped_by_year_in_the_readers_words() {
    let site = TestSite::with_theme(&format!("{SITE4}{SITE}"));
    site.build();
    site.assert_file(
        "ru/timeline/index.html",
        "<2014>(projects-boskovice-start|milestone|Кировск — Босковице|2014|)<2016>(projects-boskovice-e3|delegation|Делегация|10 мая 2016\u{202f}г.|6 студентов;2 преподавателя;)(projects-boskovice-e2|contest|Чемпионат|июнь 2016\u{202f}г.|)<2017>(projects-boskovice-e1|internship|Стажировка|2 сентября\u{a0}— 22 октября 2017\u{202f}г.|10 студентов;7 преподавателей;)",
    );
    site.assert_file(
        "cs/timeline/index.html",
        "(projects-boskovice-e3|delegation|Delegace|10. května 2016|6 studentů;2 učitelé;)",
    );
    site.assert_file("cs/timeline/index.html", "(projects-boskovice-e1|internship|Stáž|2. září\u{2009}–\u{2009}22. října 2017|10 studentů;7 učitelů;)");
    site.assert_file(
        "en/timeline/index.html",
        "|delegation|Делегация|May 10, 2016|6 students;2 teachers;",
    );
    site.assert_file(
        "ka/timeline/index.html",
        "|10 მაისი, 2016|6 სტუდენტი;2 მასწავლებელი;",
    );
}

#[test]
fn filters_are_pages_of_their_own_that_work_without_javascript() {
    let site = TestSite::with_theme(&format!("{SITE4}{SITE}"));
    site.build();
    site.assert_file(
        "ru/timeline/index.html",
        "kind:delegation:1:/international/ru/timeline/kind/delegation/;
        country:CZ:4:/international/ru/timeline/country/cz/;
        year:2016:2:/international/ru/timeline/2016/;",
    );
    site.assert_file(
        "ru/timeline/kind/delegation/index.html",
        "[kind=delegation]<2016>(projects-boskovice-e3|\n! Чемпионат",
    );
    site.assert_file(
        "ru/timeline/2017/index.html",
        "[year=2017]<2017>(projects-boskovice-e1|\n! <2016>",
    );
    site.assert_file("ru/timeline/country/cz/index.html", "[country=CZ]<2014>");
}

#[test]
fn each_project_and_partner_page_carries_its_own_timeline() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}{SITE}
-- themes/default/templates/page.html --
{{% for i in page.timeline %}}{{{{ i.id }}}};{{% endfor %}}
"
    ));
    site.build();
    site.assert_file("ru/projects/boskovice/index.html", "projects-boskovice-start;projects-boskovice-e3;projects-boskovice-e2;projects-boskovice-e1;");
    site.assert_file(
        "ru/partners/boskovice-vos/index.html",
        "projects-boskovice-start;projects-boskovice-e3;",
    );
}

#[test]
fn the_calendar_file_is_valid_icalendar_with_stable_uids() {
    let site = TestSite::with_theme(&format!("{SITE4}{SITE}"));
    site.build();
    let ics = site.file("cs/events.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20170902\r\n"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20171023\r\n"), "{ics}");
    assert!(
        ics.contains("SUMMARY;LANGUAGE=cs:Stáž") || ics.contains("SUMMARY:Stáž"),
        "{ics}"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let reader = ical::IcalParser::new(ics.as_bytes());
    let calendars: Vec<_> = reader.collect::<Result<_, _>>().expect("parses back");
    assert_eq!(calendars[0].events.len(), 4);
    site.build();
    assert_eq!(
        site.file("cs/events.ics"),
        ics,
        "UIDs and stamps are stable"
    );
}

#[test]
fn events_outside_their_entry_are_warned_about() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}
-- content/projects/a.ru.md --
+++
title = \"A\"
date = 2016
end = 2017
[[events]]
date = 2019-01-01
kind = \"visit\"
title = \"Поздно\"
+++
"
    ));
    let built = site.build();
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.code == "event-outside" && w.message.contains("Поздно")),
        "{:?}",
        built.warnings
    );
}

#[test]
fn items_of_one_day_sort_coarse_dates_first_then_milestones_then_by_entry() {
    let site = TestSite::with_theme(&format!(
        r#"{SITE4}
-- content/projects/a.ru.md --
+++
title = "A"
date = 2016-01-01
[[events]]
date = 2016-01-01
title = "a1"
[[events]]
date = 2016
title = "a2"
+++
-- content/projects/b.ru.md --
+++
title = "B"
date = 2016
end = "2016-01"
[[events]]
date = 2016-01-01
title = "b1"
+++
-- themes/default/templates/timeline.html --
{{% for y in timeline %}}{{% for i in y.items %}}{{{{ i.id }}}};{{% endfor %}}{{% endfor %}}
"#
    ));
    site.build();
    site.assert_file(
        "ru/timeline/index.html",
        "projects-b-start;projects-a-e2;projects-b-end;projects-a-start;projects-a-e1;projects-b-e1;",
    );
}

#[test]
fn an_entrys_events_are_its_timeline_items_in_the_order_written_on_its_page_and_in_lists() {
    let site = TestSite::with_theme(&format!(
        "{SITE4}{SITE}
-- content/projects/_index.ru.md --
+++
title = \"Проекты\"
+++
-- themes/default/templates/page.html --
{{% for e in page.events %}}{{{{ e.id }}}}|{{{{ e.title }}}}|{{{{ e.partners | join(sep=\",\") }}}}|{{{{ e.countries | join(sep=\",\") }}}};{{% endfor %}}
-- themes/default/templates/section.html --
{{% for p in page.pages %}}{{{{ p.key }}}}:{{% for e in p.events %}}{{{{ e.id }}}}|{{{{ e.title }}}};{{% endfor %}}{{% endfor %}}
"
    ));
    site.build();
    site.assert_file(
        "ru/projects/boskovice/index.html",
        "projects-boskovice-e1|Стажировка|kirovsk,boskovice-vos|CZ,RU;projects-boskovice-e2|Чемпионат|kirovsk,boskovice-vos|CZ,RU;projects-boskovice-e3|Делегация|",
    );
    site.assert_file(
        "cs/projects/index.html",
        "projects/boskovice:projects-boskovice-e1|Stáž;projects-boskovice-e2|Mistrovství;projects-boskovice-e3|Delegace;",
    );
}
