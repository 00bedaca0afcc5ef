//! iCalendar (RFC 5545) export for mosty: one `.ics` file of all-day events per calendar.
//!
//! This module owns the byte-exact serialisation: CRLF line endings, folding at 75 octets
//! without splitting a UTF-8 character, TEXT escaping (`\` `;` `,` newlines), all-day
//! `DTSTART;VALUE=DATE` / exclusive `DTEND;VALUE=DATE` from [`PartialDate`]s of any precision,
//! a caller-supplied deterministic `DTSTAMP` ([`IcsStamp`]), UID checks, and the stable UID
//! helper [`stable_uid`] (FNV-1a, no randomness, no clock). Two builds from the same input
//! produce byte-identical files.
//!
//! It leaves to others: which entries become events, their localised summary/description text
//! (Fluent), absolute URLs, choosing the stamp (e.g. `SOURCE_DATE_EPOCH`, the newest content
//! commit time, or a fixed date from the config — never "now"), the file path and the
//! `text/calendar` link in templates. Dates come from `crate::dates` (keep the two modules
//! side by side when moving them).
//!
//! Output shape:
//! ```text
//! BEGIN:VCALENDAR
//! VERSION:2.0
//! PRODID:-//mosty//mosty 0.1//EN
//! CALSCALE:GREGORIAN
//! METHOD:PUBLISH
//! NAME;LANGUAGE=ru:…            (RFC 7986; also X-WR-CALNAME for older clients)
//! BEGIN:VEVENT
//! UID:…
//! DTSTAMP:20240101T000000Z
//! DTSTART;VALUE=DATE:20170902
//! DTEND;VALUE=DATE:20171023      (day after the last day: RFC 5545 DTEND is exclusive)
//! SUMMARY;LANGUAGE=ru:…
//! DESCRIPTION;LANGUAGE=ru:…
//! LOCATION;LANGUAGE=ru:…
//! URL:https://…
//! CATEGORIES;LANGUAGE=ru:…,…
//! TRANSP:TRANSPARENT             (multi-week internships should not block anyone's calendar)
//! END:VEVENT
//! END:VCALENDAR
//! ```

use std::collections::HashSet;
use std::fmt;
use std::fmt::Write as _;

use crate::dates::PartialDate;

/// A UTC timestamp for `DTSTAMP`, written `YYYYMMDDTHHMMSSZ`. Build it from something
/// deterministic (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IcsStamp {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl IcsStamp {
    /// Midnight UTC at the first day of `date`.
    pub fn midnight(date: PartialDate) -> IcsStamp {
        let d = date.first_day();
        IcsStamp {
            year: d.year() as u16, // PartialDate years are 1000..=9999
            month: d.month().unwrap_or(1),
            day: d.day().unwrap_or(1),
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// From seconds since 1970-01-01T00:00:00Z (e.g. `SOURCE_DATE_EPOCH`). `None` before
    /// 1970 or after 9999.
    pub fn from_unix_seconds(secs: i64) -> Option<IcsStamp> {
        if secs < 0 {
            return None;
        }
        let days = secs / 86_400;
        let rem = secs % 86_400;
        let (y, m, d) = civil_from_days(days);
        if y > 9999 {
            return None;
        }
        Some(IcsStamp {
            year: y as u16,
            month: m,
            day: d,
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: (rem % 60) as u8,
        })
    }
}

/// Howard Hinnant's days → civil date (proleptic Gregorian), for days ≥ 0 since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl fmt::Display for IcsStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// One all-day event. `end: None` means the event covers exactly `start`'s period
/// (a day, a whole month or a whole year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Globally unique and stable across builds, e.g. from [`stable_uid`].
    pub uid: String,
    pub start: PartialDate,
    /// Inclusive, at its own precision (`2017-10` = until the end of October).
    pub end: Option<PartialDate>,
    pub summary: String,
    pub description: Option<String>,
    /// Absolute URL of the entry's page.
    pub url: Option<String>,
    pub location: Option<String>,
    /// E.g. the localised event kind ("стажировка").
    pub categories: Vec<String>,
}

impl IcsEvent {
    /// An event with only the required properties.
    pub fn new(uid: impl Into<String>, start: PartialDate, summary: impl Into<String>) -> Self {
        IcsEvent {
            uid: uid.into(),
            start,
            end: None,
            summary: summary.into(),
            description: None,
            url: None,
            location: None,
            categories: Vec::new(),
        }
    }
}

/// A calendar (one `.ics` file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// E.g. `-//mosty//mosty 0.1//EN`.
    pub prodid: String,
    /// Calendar display name (`NAME` and `X-WR-CALNAME`).
    pub name: Option<String>,
    /// BCP 47 tag of the texts, added as `LANGUAGE=` to text properties.
    pub language: Option<String>,
    /// `DTSTAMP` of every event: deterministic, chosen by the caller.
    pub dtstamp: IcsStamp,
    pub events: Vec<IcsEvent>,
}

/// Why a calendar could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsError {
    EmptyUid {
        index: usize,
    },
    DuplicateUid(String),
    EndBeforeStart {
        uid: String,
        start: PartialDate,
        end: PartialDate,
    },
    /// The event ends on 9999-12-31, so its exclusive end is not representable.
    EndOutOfRange {
        uid: String,
    },
    /// Not usable as a `LANGUAGE=` parameter (letters, digits and `-` only).
    InvalidLanguage(String),
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IcsError::EmptyUid { index } => write!(f, "event #{index} has an empty UID"),
            IcsError::DuplicateUid(uid) => write!(f, "UID {uid:?} is used by more than one event"),
            IcsError::EndBeforeStart { uid, start, end } => {
                write!(f, "event {uid:?} ends ({end}) before it starts ({start})")
            }
            IcsError::EndOutOfRange { uid } => {
                write!(f, "event {uid:?} ends too late for iCalendar")
            }
            IcsError::InvalidLanguage(l) => {
                write!(f, "{l:?} is not usable as an iCalendar LANGUAGE parameter")
            }
        }
    }
}

impl std::error::Error for IcsError {}

impl Calendar {
    /// The `.ics` text: CRLF line endings, folded lines, byte-identical for identical input.
    pub fn to_ics(&self) -> Result<String, IcsError> {
        let lang_param = match &self.language {
            None => String::new(),
            Some(l)
                if !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
            {
                format!(";LANGUAGE={l}")
            }
            Some(l) => return Err(IcsError::InvalidLanguage(l.clone())),
        };
        let mut seen = HashSet::new();
        let mut out = String::new();
        let mut line = |s: &str| fold_line(s, &mut out);

        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:{}", escape_text(&self.prodid)));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        if let Some(name) = &self.name {
            line(&format!("NAME{lang_param}:{}", escape_text(name)));
            line(&format!("X-WR-CALNAME{lang_param}:{}", escape_text(name)));
        }
        for (index, ev) in self.events.iter().enumerate() {
            if ev.uid.trim().is_empty() {
                return Err(IcsError::EmptyUid { index });
            }
            if !seen.insert(ev.uid.as_str()) {
                return Err(IcsError::DuplicateUid(ev.uid.clone()));
            }
            let last = ev.end.unwrap_or(ev.start);
            if last.last_day() < ev.start.first_day() {
                return Err(IcsError::EndBeforeStart {
                    uid: ev.uid.clone(),
                    start: ev.start,
                    end: last,
                });
            }
            let dtend = last.day_after().ok_or_else(|| IcsError::EndOutOfRange {
                uid: ev.uid.clone(),
            })?;

            line("BEGIN:VEVENT");
            line(&format!("UID:{}", escape_text(&ev.uid)));
            line(&format!("DTSTAMP:{}", self.dtstamp));
            line(&format!(
                "DTSTART;VALUE=DATE:{}",
                ics_date(ev.start.first_day())
            ));
            line(&format!("DTEND;VALUE=DATE:{}", ics_date(dtend)));
            line(&format!("SUMMARY{lang_param}:{}", escape_text(&ev.summary)));
            if let Some(d) = &ev.description {
                line(&format!("DESCRIPTION{lang_param}:{}", escape_text(d)));
            }
            if let Some(l) = &ev.location {
                line(&format!("LOCATION{lang_param}:{}", escape_text(l)));
            }
            if let Some(u) = &ev.url {
                let uri: String = u.chars().filter(|c| !c.is_control()).collect();
                line(&format!("URL:{uri}"));
            }
            if !ev.categories.is_empty() {
                let cats: Vec<String> = ev.categories.iter().map(|c| escape_text(c)).collect();
                line(&format!("CATEGORIES{lang_param}:{}", cats.join(",")));
            }
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        Ok(out)
    }
}

/// `YYYYMMDD` of a day-precision date.
fn ics_date(d: PartialDate) -> String {
    let d = d.first_day();
    format!(
        "{:04}{:02}{:02}",
        d.year(),
        d.month().unwrap_or(1),
        d.day().unwrap_or(1)
    )
}

/// RFC 5545 §3.3.11 TEXT escaping: `\` → `\\`, `;` → `\;`, `,` → `\,`, any newline
/// (CRLF, LF, CR) → `\n`. Other control characters (not allowed in TEXT) are dropped;
/// TAB is kept.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded per RFC 5545 §3.1: at most 75 octets per
/// physical line (CRLF not counted), continuation lines start with one space (which counts),
/// and a multi-octet UTF-8 character is never split.
pub fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74; // the leading space takes one octet
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A UID stable across builds: 64-bit FNV-1a of `parts` (joined with U+001F so that
/// `["ab", "c"]` and `["a", "bc"]` differ), as 16 hex digits, `@domain`.
/// E.g. `stable_uid(&["projects/kirovsk-boskovice", "2017-autumn", "0"], "example.org")`.
/// Keep the parts language-independent so that every language's calendar uses the same UID
/// for the same event.
pub fn stable_uid(parts: &[&str], domain: &str) -> String {
    let mut bytes = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            bytes.push(0x1f);
        }
        bytes.extend_from_slice(p.as_bytes());
    }
    let mut uid = String::with_capacity(17 + domain.len());
    let _ = write!(uid, "{:016x}@{domain}", fnv1a64(&bytes));
    uid
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// RFC 5545 §3.1 unfolding: remove every CRLF followed by one space or tab.
    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "").replace("\r\n\t", "")
    }

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => panic!("dangling backslash in {s:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[derive(Debug, Default)]
    struct Prop {
        params: String,
        value: String,
    }

    /// A tiny RFC 5545 reader for the subset we write: returns the calendar's properties and
    /// each VEVENT's properties (name → params, raw value).
    fn parse(ics: &str) -> (BTreeMap<String, Prop>, Vec<BTreeMap<String, Prop>>) {
        assert!(ics.ends_with("\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR");
        let text = unfold(ics);
        let mut cal = BTreeMap::new();
        let mut events = Vec::new();
        let mut cur: Option<BTreeMap<String, Prop>> = None;
        let mut depth = 0;
        for line in text.split_terminator("\r\n") {
            // No quoted parameter values in our output, so the first ':' ends the name part.
            let (head, value) = line.split_once(':').expect("name:value");
            let (name, params) = head.split_once(';').unwrap_or((head, ""));
            let prop = Prop {
                params: params.to_string(),
                value: value.to_string(),
            };
            match (name, value) {
                ("BEGIN", "VCALENDAR") => depth += 1,
                ("END", "VCALENDAR") => depth -= 1,
                ("BEGIN", "VEVENT") => cur = Some(BTreeMap::new()),
                ("END", "VEVENT") => events.push(cur.take().expect("END without BEGIN")),
                _ => {
                    let map = cur.as_mut().unwrap_or(&mut cal);
                    assert!(
                        map.insert(name.to_string(), prop).is_none(),
                        "repeated {name}"
                    );
                }
            }
        }
        assert_eq!(depth, 0);
        assert!(cur.is_none());
        (cal, events)
    }

    fn sample() -> Calendar {
        let long_ka = "ქუთაისის სახელმწიფო სამშენებლო კოლეჯის სტუდენტების სტაჟირება ბოსკოვიცეში, ჩეხეთი; \
                       პროგრამა: შედუღება, ელექტრომონტაჟი\\ავტომატიკა";
        let long_ru = "Стажировка студентов Кировского политехнического техникума в Босковице (Чехия).\n\
                       Участники: 6 студентов, 2 преподавателя; руководитель — И. И. Иванов.\r\nВторая строка, с запятой";
        Calendar {
            prodid: "-//mosty//mosty 0.1//EN".into(),
            name: Some("Хроника сотрудничества, 2012–2024".into()),
            language: Some("ru".into()),
            dtstamp: IcsStamp::from_unix_seconds(1_700_000_000).unwrap(),
            events: vec![
                IcsEvent {
                    uid: stable_uid(
                        &["projects/kirovsk-boskovice", "2017-autumn"],
                        "mosty.example",
                    ),
                    start: pd("2017-09-02"),
                    end: Some(pd("2017-10-22")),
                    summary: long_ka.into(),
                    description: Some(long_ru.into()),
                    url: Some(
                        "https://mosty.example/ru/projects/kirovsk-boskovice/#e-2017-autumn".into(),
                    ),
                    location: Some("Босковице, Чехия".into()),
                    categories: vec!["стажировка".into(), "Чехия, Южноморавский край".into()],
                },
                IcsEvent::new(
                    "kirovsk-agreement@mosty.example",
                    pd("2014"),
                    "Соглашение о сотрудничестве",
                ),
                IcsEvent {
                    end: Some(pd("2020-02")),
                    ..IcsEvent::new("m@x", pd("2019-12"), "Зима")
                },
                IcsEvent::new("d@x", pd("2024-02-28"), "День"),
                IcsEvent {
                    end: Some(pd("2019-12-31")),
                    ..IcsEvent::new("y@x", pd("2019-06"), "Полгода")
                },
            ],
        }
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("1\n2\r\n3\r4"), r"1\n2\n3\n4");
        assert_eq!(escape_text("tab\tbell\u{7}nul\u{0}"), "tab\tbellnul");
        assert_eq!(escape_text("ქართული: ok"), "ქართული: ok"); // ':' needs no escape
        for s in [
            r"a\b;c,d",
            "x\ny",
            "\\n literal",
            "ends with \\",
            "Грузия, Кутаиси; 2024",
        ] {
            assert_eq!(unescape(&escape_text(s)), s);
        }
    }

    #[test]
    fn folding_respects_octets_and_utf8() {
        // 3-octet Georgian letters, 2-octet Cyrillic, 1-octet ASCII, 4-octet emoji, mixed so
        // that the 75-octet boundary falls inside characters at different offsets.
        let texts = [
            "ქ".repeat(100),
            "ж".repeat(200),
            format!("SUMMARY:{}", "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ ".repeat(7)),
            format!("DESCRIPTION:x{}", "Ёж🙂ქ".repeat(40)),
            "a".repeat(75),
            "a".repeat(76),
            String::new(),
        ];
        for t in &texts {
            let mut out = String::new();
            fold_line(t, &mut out);
            assert!(out.ends_with("\r\n"));
            let physical: Vec<&str> = out.split_terminator("\r\n").collect();
            for (i, l) in physical.iter().enumerate() {
                assert!(l.len() <= 75, "line {i} has {} octets", l.len());
                if i > 0 {
                    assert!(l.starts_with(' ') && l.len() > 1);
                }
            }
            // Lines are as full as possible: only a character boundary can shorten them.
            for l in &physical[..physical.len().saturating_sub(1)] {
                assert!(l.len() >= 72, "{} octets", l.len());
            }
            assert_eq!(unfold(&out), format!("{t}\r\n"));
        }
        let mut out = String::new();
        fold_line(&"a".repeat(75), &mut out);
        assert_eq!(out.matches("\r\n").count(), 1);
        out.clear();
        fold_line(&"a".repeat(150), &mut out);
        assert_eq!(
            out,
            format!("{}\r\n {}\r\n {}\r\n", "a".repeat(75), "a".repeat(74), "a")
        );
    }

    #[test]
    fn parse_back_every_property() {
        let cal = sample();
        let ics = cal.to_ics().unwrap();
        for l in ics.split_terminator("\r\n") {
            assert!(l.len() <= 75);
        }
        let (head, events) = parse(&ics);
        assert_eq!(head["VERSION"].value, "2.0");
        assert_eq!(unescape(&head["PRODID"].value), cal.prodid);
        assert_eq!(head["CALSCALE"].value, "GREGORIAN");
        assert_eq!(head["METHOD"].value, "PUBLISH");
        assert_eq!(head["NAME"].params, "LANGUAGE=ru");
        assert_eq!(
            unescape(&head["NAME"].value),
            "Хроника сотрудничества, 2012–2024"
        );
        assert_eq!(
            unescape(&head["X-WR-CALNAME"].value),
            "Хроника сотрудничества, 2012–2024"
        );
        assert_eq!(head.len(), 6);

        assert_eq!(events.len(), cal.events.len());
        let e = &events[0];
        let src = &cal.events[0];
        assert_eq!(unescape(&e["UID"].value), src.uid);
        assert_eq!(e["DTSTAMP"].value, "20231114T221320Z");
        assert_eq!(e["DTSTART"].params, "VALUE=DATE");
        assert_eq!(e["DTSTART"].value, "20170902");
        assert_eq!(e["DTEND"].params, "VALUE=DATE");
        assert_eq!(e["DTEND"].value, "20171023");
        assert_eq!(e["SUMMARY"].params, "LANGUAGE=ru");
        assert_eq!(unescape(&e["SUMMARY"].value), src.summary);
        // Newlines are normalised to LF by the \n escape.
        assert_eq!(
            unescape(&e["DESCRIPTION"].value),
            src.description.as_ref().unwrap().replace("\r\n", "\n")
        );
        assert_eq!(unescape(&e["LOCATION"].value), "Босковице, Чехия");
        assert_eq!(e["URL"].params, "");
        assert_eq!(e["URL"].value, src.url.as_deref().unwrap());
        assert_eq!(
            e["CATEGORIES"].value,
            r"стажировка,Чехия\, Южноморавский край" // list separator vs escaped comma
        );
        assert_eq!(e["TRANSP"].value, "TRANSPARENT");
        assert_eq!(e.len(), 10);

        let only_required = &events[1];
        let names: Vec<&str> = only_required.keys().map(|k| k.as_str()).collect();
        assert_eq!(
            names,
            ["DTEND", "DTSTAMP", "DTSTART", "SUMMARY", "TRANSP", "UID"]
        );
    }

    #[test]
    fn dtend_is_exclusive_for_ranges_and_partial_dates() {
        let ics = sample().to_ics().unwrap();
        let (_, ev) = parse(&ics);
        let span = |i: usize| (ev[i]["DTSTART"].value.clone(), ev[i]["DTEND"].value.clone());
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(span(0), s("20170902", "20171023")); // day range: day after the end
        assert_eq!(span(1), s("20140101", "20150101")); // a year: Jan 1 .. next Jan 1
        assert_eq!(span(2), s("20191201", "20200301")); // 2019-12..2020-02 (leap February)
        assert_eq!(span(3), s("20240228", "20240229")); // one day
        assert_eq!(span(4), s("20190601", "20200101")); // month .. day at year end

        let one = |start: &str, end: Option<&str>| {
            let cal = Calendar {
                prodid: "p".into(),
                name: None,
                language: None,
                dtstamp: IcsStamp::midnight(pd("2024")),
                events: vec![IcsEvent {
                    end: end.map(pd),
                    ..IcsEvent::new("u", pd(start), "s")
                }],
            };
            let (_, ev) = parse(&cal.to_ics().unwrap());
            (ev[0]["DTSTART"].value.clone(), ev[0]["DTEND"].value.clone())
        };
        assert_eq!(one("2017-11", None), s("20171101", "20171201"));
        assert_eq!(one("2023-02", None), s("20230201", "20230301"));
        assert_eq!(one("2017-12-31", None), s("20171231", "20180101"));
        assert_eq!(
            one("2017-09", Some("2017-09-15")),
            s("20170901", "20170916")
        );
        assert_eq!(
            one("2017-09-15", Some("2017-09")),
            s("20170915", "20171001")
        );
    }

    #[test]
    fn deterministic_and_crlf_only() {
        let a = sample().to_ics().unwrap();
        let b = sample().to_ics().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.matches('\n').count(), a.matches("\r\n").count());
        assert!(
            a.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mosty//mosty 0.1//EN\r\n")
        );
        assert!(a.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn errors() {
        let mut cal = sample();
        cal.events[1].uid = cal.events[0].uid.clone();
        assert!(matches!(cal.to_ics(), Err(IcsError::DuplicateUid(_))));
        let mut cal = sample();
        cal.events[2].uid = "  ".into();
        assert_eq!(cal.to_ics(), Err(IcsError::EmptyUid { index: 2 }));
        let mut cal = sample();
        cal.events[0].end = Some(pd("2017-08"));
        let e = cal.to_ics().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "event {:?} ends (2017-08) before it starts (2017-09-02)",
                cal.events[0].uid
            )
        );
        let mut cal = sample();
        cal.events[0].end = Some(pd("9999-12"));
        assert!(matches!(cal.to_ics(), Err(IcsError::EndOutOfRange { .. })));
        let mut cal = sample();
        cal.language = Some("ru\"; X=1".into());
        assert!(matches!(cal.to_ics(), Err(IcsError::InvalidLanguage(_))));
    }

    #[test]
    fn uids_and_stamps() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
        let u = stable_uid(
            &["projects/kirovsk-boskovice", "2017-autumn", "0"],
            "mosty.example",
        );
        assert_eq!(
            u,
            stable_uid(
                &["projects/kirovsk-boskovice", "2017-autumn", "0"],
                "mosty.example"
            )
        );
        assert_eq!(u.len(), 16 + 1 + "mosty.example".len());
        assert!(u.ends_with("@mosty.example") && u[..16].chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(stable_uid(&["ab", "c"], "d"), stable_uid(&["a", "bc"], "d"));
        assert_eq!(stable_uid(&["a"], "x"), "af63dc4c8601ec8c@x");

        assert_eq!(
            IcsStamp::from_unix_seconds(0).unwrap().to_string(),
            "19700101T000000Z"
        );
        assert_eq!(
            IcsStamp::from_unix_seconds(951_782_400)
                .unwrap()
                .to_string(),
            "20000229T000000Z"
        );
        assert_eq!(
            IcsStamp::from_unix_seconds(1_700_000_000)
                .unwrap()
                .to_string(),
            "20231114T221320Z"
        );
        assert_eq!(
            IcsStamp::from_unix_seconds(253_402_300_799)
                .unwrap()
                .to_string(),
            "99991231T235959Z"
        );
        assert_eq!(IcsStamp::from_unix_seconds(253_402_300_800), None);
        assert_eq!(IcsStamp::from_unix_seconds(-1), None);
        assert_eq!(
            IcsStamp::midnight(pd("2017-09")).to_string(),
            "20170901T000000Z"
        );
    }

    /// Independent check with a third-party parser (`ical` 0.11, dev-dependency): it unfolds
    /// the lines and must see the same events, properties, parameters and (raw) values.
    #[test]
    fn third_party_parser_agrees() {
        let cal = sample();
        let ics = cal.to_ics().unwrap();
        let reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let parsed: Vec<_> = reader
            .collect::<Result<_, _>>()
            .expect("ical parses our output");
        assert_eq!(parsed.len(), 1);
        let c = &parsed[0];
        let get = |props: &[ical::property::Property], name: &str| {
            props
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_else(|| panic!("no {name}"))
        };
        assert_eq!(get(&c.properties, "PRODID"), "-//mosty//mosty 0.1//EN");
        assert_eq!(c.events.len(), cal.events.len());
        for (ev, src) in c.events.iter().zip(&cal.events) {
            assert_eq!(get(&ev.properties, "UID"), escape_text(&src.uid));
            assert_eq!(get(&ev.properties, "SUMMARY"), escape_text(&src.summary));
            let dtstart = ev.properties.iter().find(|p| p.name == "DTSTART").unwrap();
            assert_eq!(
                dtstart.params.as_ref().unwrap()[0],
                ("VALUE".to_string(), vec!["DATE".to_string()])
            );
        }
        let first = &c.events[0];
        assert_eq!(
            unescape(&get(&first.properties, "DESCRIPTION")),
            cal.events[0]
                .description
                .as_ref()
                .unwrap()
                .replace("\r\n", "\n")
        );
        assert_eq!(
            get(&first.properties, "URL"),
            cal.events[0].url.clone().unwrap()
        );
    }
}
