//! Dates for mosty: partial dates and their localised display.
//!
//! This module owns
//! * [`PartialDate`] — a Gregorian date known to year, month or day precision, as written in
//!   content files (`"2014"`, `"2017-11"`, `"2019-02-15"`): parsing with readable errors,
//!   ISO display, chronological order, serde (de)serialisation as the ISO string, and the
//!   period arithmetic needed for validation and iCalendar ([`PartialDate::first_day`],
//!   [`PartialDate::last_day`], [`PartialDate::contains`], [`DateRange`]);
//! * [`DateFormatter`] — one per site language, built from a BCP 47 tag: long CLDR dates for
//!   each precision, nominative month headings for timelines, date ranges, and locale-grouped
//!   integers. It is `Send + Sync`; build it once per language and share it by reference.
//!
//! It leaves to others: the content data model (spans, open-ended "ongoing" projects, what an
//! absent end means), validation policy (which checks are errors or warnings), the Tera filter
//! and Fluent `DATETIME()` glue that call [`DateFormatter`], and HTML markup such as
//! `<time datetime="…">` (use [`PartialDate`]'s `Display` for the attribute).
//!
//! # Where the strings come from
//!
//! Single dates, month headings and year headings are ICU4X 2.4 output with its compiled CLDR
//! data (`icu_datetime` static field sets `YMD`, `YM`, `Y`, length long). The calendar is fixed
//! to Gregorian (`FixedCalendarDateTimeFormatter<Gregorian, _>`): content dates are Gregorian,
//! a `th` or `fa` page still shows Gregorian years, and only Gregorian data is linked.
//! Note the CLDR details tests must spell out: Russian puts U+202F NARROW NO-BREAK SPACE before
//! «г.», and uses genitive month names in full dates but nominative ones in month headings.
//! CLDR's long *year-only* form is the bare number in ru/cs/ka/en (`2024`, not `2024 г.`).
//!
//! # Ranges: composed here, because ICU4X 2.4 cannot do them yet
//!
//! `icu_datetime::range::DateRangeFormatter` exists in 2.4 only behind the `unstable` feature
//! and is broken for long dates: the interval data for `YMD::long()` uses abbreviated-month
//! fields (`MMM`) while only wide names are loaded, so a debug build panics
//! (`NamesNotLoaded(… Month(Format), length: Three)`) and a release build prints placeholders
//! (`"2 M09 — 22 M10 2017 г."`). We therefore compose ranges from CLDR's own material:
//!
//! 1. the locale's long pattern for each side (`d MMMM y 'г'.`, `MMMM d, y`, `y. MMMM d.` …),
//!    taken from ICU4X at run time, so every CLDR locale works and day/month/year order is right;
//! 2. the CLDR interval algorithm: fields that both ends share (the year; the year and month for
//!    a range inside one month) are written once — dropped from the start side when they come
//!    after the varying fields, from the end side when they come before them (en
//!    `MMMM d – d, y`, ru `d–d MMMM y 'г'.`, hu `y. MMMM d–d.`); if a shared field sits between
//!    varying ones, both ends are written in full; ranges across years always show both years;
//! 3. the range dash and its spacing, per language, transcribed from the range patterns in
//!    ICU4X 2.4's compiled CLDR data (verified by running the unstable range formatter on
//!    numeric and month-name field sets, where it works): see [`RangePunct`] and `punct_for`.
//!    A dash is *closed* (no spaces) when one side is a single field, e.g. `15–16`, `16.–27.`,
//!    `2012–2018`, cs `září–listopad`; ru, uk, ka, kk, hy, sr, zh, fr, tr, ro, lv close it
//!    only between numbers, en, sk and bg never, sv and ja always; a range whose ends have
//!    different precisions is always spaced (`2014 – March 2015`). Russian uses an em dash
//!    (`15—16`, `сентябрь\u{a0}— ноябрь`); en, cs, de, pl … put U+2009 THIN SPACEs around the
//!    en dash (`September 2\u{2009}–\u{2009}October 22, 2017`), as CLDR 48 does.
//!    One deliberate deviation: in Russian the space *before* a spaced em dash is always a
//!    no-break space (CLDR has it in `LLLL – LLLL` but not in `d MMMM – d MMMM`), so the dash
//!    never starts a line.
//!
//! Known differences from CLDR's own interval patterns (all read naturally): hu keeps the
//! ordinal dot on the start day (`2019. február 15.–16.`, CLDR `15–16.`); bg repeats «г.» on
//! both years (`2012 г. – 2018 г.`, CLDR `2012 – 2018 г.`); pl spaces the dash between
//! month-year ends across years (CLDR closes it); zh uses a dash where CLDR has «至».
//!
//! Each side is then rendered by ICU4X itself (`FixedCalendarDateTimeNames` with the reduced
//! pattern), so month names keep their CLDR grammatical form: genitive `2 сентября` on the start
//! side of a day range, nominative `сентябрь` on the start side of a month range.
//!
//! # Languages without CLDR data
//!
//! A syntactically valid tag whose language CLDR does not cover (e.g. `tlh`) would get CLDR root
//! output from ICU4X (`2024 M03 29`). [`DateFormatter::new`] detects that and formats in English
//! instead ([`DateFormatter::is_fallback`] reports it, so the build can warn);
//! [`DateFormatter::with_fallback`] picks another fallback, `"und"` keeps root. An invalid tag
//! (`x-klingon`, `de_AT`, empty) is an error.

use std::fmt;
use std::str::FromStr;

use icu_calendar::{Date, Gregorian};

// ───────────────────────────── PartialDate ─────────────────────────────

/// Smallest and largest supported years. Four-digit ISO years only: this is what content files
/// use, what `<time datetime>` and RFC 5545 `DATE` values accept without extensions, and it
/// keeps ICU4X from adding era names (which it does for years < 1000).
pub const MIN_YEAR: i32 = 1000;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 9999;

/// How much of a [`PartialDate`] is known. Ordered `Year < Month < Day` (coarse to fine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A Gregorian date known to year, month or day precision: `2014`, `2017-11`, `2019-02-15`.
///
/// Always valid (month 1–12, day within the month incl. leap years, year
/// [`MIN_YEAR`]..=[`MAX_YEAR`]): the fields are private and every constructor checks them.
///
/// Ordering is chronological, and a coarser date sorts before the finer dates it contains:
/// `2017 < 2017-01 < 2017-01-01 < 2017-01-02 < 2017-02 < 2018`.
///
/// Serialises as the ISO string; deserialises from the ISO string or, for a year, from an
/// integer (so TOML `start = 2014` works as well as `start = "2014"`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    // Field order matters: the derived `Ord` compares year, then month, then day, and an
    // absent month/day is 0, so a year sorts before its months and a month before its days.
    year: i16,
    month: u8, // 0 = not known
    day: u8,   // 0 = not known
}

/// Why a [`PartialDate`] could not be built or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Syntax { input: String, reason: &'static str },
    /// Year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange(i64),
    /// Month outside 1–12.
    MonthOutOfRange(u32),
    /// Day outside the month (`days_in_month` is that month's length).
    DayOutOfRange {
        year: i32,
        month: u8,
        day: u32,
        days_in_month: u8,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Syntax { input, reason } => write!(
                f,
                "invalid date {input:?}: {reason} (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014, 2017-11, 2019-02-15)"
            ),
            DateError::YearOutOfRange(y) => {
                write!(f, "year {y} is out of range ({MIN_YEAR}–{MAX_YEAR})")
            }
            DateError::MonthOutOfRange(m) => write!(f, "month {m} is out of range (1–12)"),
            DateError::DayOutOfRange {
                year,
                month,
                day,
                days_in_month,
            } => write!(
                f,
                "day {day} is out of range for {year:04}-{month:02} (1–{days_in_month})"
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// Gregorian leap year rule.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn check_year(year: i64) -> Result<i16, DateError> {
    if (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year) {
        Ok(year as i16)
    } else {
        Err(DateError::YearOutOfRange(year))
    }
}

fn check_month(month: u32) -> Result<u8, DateError> {
    if (1..=12).contains(&month) {
        Ok(month as u8)
    } else {
        Err(DateError::MonthOutOfRange(month))
    }
}

impl PartialDate {
    /// A year: `2014`.
    pub fn from_year(year: i32) -> Result<Self, DateError> {
        Ok(PartialDate {
            year: check_year(year.into())?,
            month: 0,
            day: 0,
        })
    }

    /// A month: `2017-11`.
    pub fn from_year_month(year: i32, month: u8) -> Result<Self, DateError> {
        Ok(PartialDate {
            year: check_year(year.into())?,
            month: check_month(month.into())?,
            day: 0,
        })
    }

    /// A day: `2019-02-15`.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let y = check_year(year.into())?;
        let m = check_month(month.into())?;
        let dim = days_in_month(year, m);
        if day == 0 || day > dim {
            return Err(DateError::DayOutOfRange {
                year,
                month: m,
                day: day.into(),
                days_in_month: dim,
            });
        }
        Ok(PartialDate {
            year: y,
            month: m,
            day,
        })
    }

    pub fn year(&self) -> i32 {
        self.year.into()
    }

    /// The month (1–12), if known.
    pub fn month(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first day of the period (`2017` → `2017-01-01`, `2017-11` → `2017-11-01`); a day
    /// is its own first day. Always [`Precision::Day`].
    pub fn first_day(&self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day of the period (`2017` → `2017-12-31`, `2024-02` → `2024-02-29`); a day is
    /// its own last day. Always [`Precision::Day`].
    pub fn last_day(&self) -> PartialDate {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year(), month)
        } else {
            self.day
        };
        PartialDate {
            year: self.year,
            month,
            day,
        }
    }

    /// The day after [`last_day`](Self::last_day) (`2017-11` → `2017-12-01`,
    /// `2017` → `2018-01-01`): the exclusive end that RFC 5545 `DTEND` wants.
    /// `None` only after 9999-12-31.
    pub fn day_after(&self) -> Option<PartialDate> {
        let last = self.last_day();
        let (y, m, d) = (last.year(), last.month, last.day);
        if d < days_in_month(y, m) {
            Some(PartialDate { day: d + 1, ..last })
        } else if m < 12 {
            Some(PartialDate {
                month: m + 1,
                day: 1,
                ..last
            })
        } else {
            PartialDate::from_ymd(y + 1, 1, 1).ok()
        }
    }

    /// Whether `other`'s whole period lies inside this one's:
    /// `2017` contains `2017-09` and `2017-09-02`; `2017-09` contains `2017-09-30` but not
    /// `2017`; a day contains only itself.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }

    /// Whether the two periods share at least one day (`2017` and `2017-12-31`; `2017-09`
    /// and `2017`).
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    fn to_icu(self) -> Option<Date<Gregorian>> {
        let first = self.first_day();
        Date::try_new_gregorian(first.year(), first.month, first.day).ok()
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 at the date's own precision: `2014`, `2017-11`, `2019-02-15`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

fn digits(part: &str, n: usize) -> Option<u32> {
    (part.len() == n && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        let syntax = |reason| DateError::Syntax {
            input: s.to_string(),
            reason,
        };
        if s.is_empty() {
            return Err(syntax("the date is empty"));
        }
        if s.trim() != s {
            return Err(syntax("remove the surrounding spaces"));
        }
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() > 3 {
            return Err(syntax("too many parts"));
        }
        let year = digits(parts[0], 4).ok_or_else(|| syntax("the year must be four digits"))?;
        let month = match parts.get(1) {
            None => return PartialDate::from_year(year as i32),
            Some(m) => digits(m, 2).ok_or_else(|| syntax("the month must be two digits"))?,
        };
        let month = check_month(month)?;
        let day = match parts.get(2) {
            None => return PartialDate::from_year_month(year as i32, month),
            Some(d) => digits(d, 2).ok_or_else(|| syntax("the day must be two digits"))?,
        };
        if day == 0 || day > 31 {
            // from_ymd would say the same, but `day` may not fit into u8 in other paths.
            let year = year as i32;
            check_year(year.into())?;
            return Err(DateError::DayOutOfRange {
                year,
                month,
                day,
                days_in_month: days_in_month(year, month),
            });
        }
        PartialDate::from_ymd(year as i32, month, day as u8)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                let y = check_year(v).map_err(E::custom)?;
                PartialDate::from_year(y.into()).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A closed period from `start` to `end` (both inclusive at their own precision):
/// `2017-09-02..2017-10-22`, `2014..2018`, `2017-09..2017-10-22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct DateRange {
    pub start: PartialDate,
    pub end: PartialDate,
}

/// `end` ends before `start` begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndBeforeStart {
    pub start: PartialDate,
    pub end: PartialDate,
}

impl fmt::Display for EndBeforeStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "end {} is before start {}", self.end, self.start)
    }
}

impl std::error::Error for EndBeforeStart {}

impl DateRange {
    /// Fails when `end`'s last day is before `start`'s first day. (`2017-09..2017-09-15` and
    /// `2017-09-15..2017-09` are both accepted: the periods touch.)
    pub fn new(start: PartialDate, end: PartialDate) -> Result<Self, EndBeforeStart> {
        if end.last_day() < start.first_day() {
            Err(EndBeforeStart { start, end })
        } else {
            Ok(DateRange { start, end })
        }
    }

    /// A one-date range.
    pub fn single(date: PartialDate) -> Self {
        DateRange {
            start: date,
            end: date,
        }
    }

    pub fn first_day(&self) -> PartialDate {
        self.start.first_day()
    }

    pub fn last_day(&self) -> PartialDate {
        self.end.last_day()
    }

    /// Whether `date`'s whole period lies inside the range.
    pub fn contains(&self, date: &PartialDate) -> bool {
        self.first_day() <= date.first_day() && date.last_day() <= self.last_day()
    }

    /// Whether `other` lies entirely inside this range.
    pub fn contains_range(&self, other: &DateRange) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }

    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

// ───────────────────────────── DateFormatter ─────────────────────────────

mod format;
pub use format::*;
