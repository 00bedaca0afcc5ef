//! Formatting dates and ranges in a language's own CLDR forms with ICU4X (see the module
//! docs of `dates` for the range rules). Owns `DateFormatter`; leaves parsing to `dates`.

use super::*;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{Y, YM, YMD};
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use writeable::{TryWriteable, Writeable};
/// Why a [`DateFormatter`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatterError {
    /// Not a well-formed BCP 47 language tag.
    InvalidTag { tag: String, reason: String },
    /// ICU4X refused to build a formatter (should not happen with compiled data).
    Data { tag: String, reason: String },
}

impl fmt::Display for FormatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatterError::InvalidTag { tag, reason } => write!(
                f,
                "{tag:?} is not a valid BCP 47 language tag ({reason}); use e.g. \"ru\", \"ka\", \"cs\", \"en\", \"de-AT\""
            ),
            FormatterError::Data { tag, reason } => {
                write!(f, "no date formatting data for {tag:?}: {reason}")
            }
        }
    }
}

impl std::error::Error for FormatterError {}

/// When a range dash may be written without spaces (see [`RangePunct`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedWhen {
    /// Always spaced (en: `2012 – 2018` with thin spaces).
    Never,
    /// Closed when one side is a single numeric field (ru `15—16`, `2012—2018`, but
    /// `сентябрь — ноябрь`).
    SingleNumber,
    /// Closed when one side is a single field, numeric or not (cs `16.–27.`, `září–listopad`).
    SingleField,
    /// Always closed (sv, ja).
    Always,
}

/// The range dash of one language, from CLDR interval formats (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangePunct {
    /// Separator when closed, e.g. `–`.
    pub closed: &'static str,
    /// Separator when spaced, e.g. `\u{2009}–\u{2009}`.
    pub spaced: &'static str,
    pub closed_when: ClosedWhen,
}

const THIN: &str = "\u{2009}–\u{2009}";

/// Range punctuation per language, transcribed from ICU4X 2.4 compiled CLDR interval data
/// (month-name ranges `YM`, numeric `YMD::short`, year `Y`; see the module docs).
/// Languages not listed get CLDR root's: en dash, closed around a single field, else thin
/// spaces.
pub fn punct_for(language: &str) -> RangePunct {
    use ClosedWhen::*;
    let p = |closed, spaced, closed_when| RangePunct {
        closed,
        spaced,
        closed_when,
    };
    match language {
        "ru" => p("—", "\u{a0}— ", SingleNumber),
        "uk" => p("–", "\u{a0}— ", SingleNumber),
        "ka" | "kk" | "hy" | "sr" | "zh" => p("–", " – ", SingleNumber),
        "be" => p("–", " – ", SingleField),
        "bg" => p("–", " – ", Never),
        "en" => p("–", THIN, Never),
        "fr" | "tr" | "ro" | "lv" => p("–", THIN, SingleNumber),
        "sk" => p("–", THIN, Never),
        "sv" => p("–", "–", Always),
        "ja" => p("～", "～", Always),
        // cs, de, pl, az, es, it, hu, lt, et, fi, root …
        _ => p("–", THIN, SingleField),
    }
}

/// Formats [`PartialDate`]s and ranges for one language. Build once per language with
/// [`DateFormatter::new`]; `Send + Sync`, so share it across rayon threads by reference.
pub struct DateFormatter {
    requested: Locale,
    used: Locale,
    fallback: bool,
    ymd: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    ym: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    y: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    // The same names as the formatters above, for rendering reduced range patterns.
    ymd_names: FixedCalendarDateTimeNames<Gregorian, YMD>,
    ym_names: FixedCalendarDateTimeNames<Gregorian, YM>,
    decimal: DecimalFormatter,
    punct: RangePunct,
}

impl fmt::Debug for DateFormatter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DateFormatter")
            .field("requested", &self.requested.to_string())
            .field("used", &self.used.to_string())
            .field("fallback", &self.fallback)
            .finish_non_exhaustive()
    }
}

fn parse_tag(tag: &str) -> Result<Locale, FormatterError> {
    tag.parse::<Locale>()
        .map_err(|e| FormatterError::InvalidTag {
            tag: tag.to_string(),
            reason: format!("{e:?}"),
        })
}

fn data_err(tag: &Locale, e: impl fmt::Debug) -> FormatterError {
    FormatterError::Data {
        tag: tag.to_string(),
        reason: format!("{e:?}"),
    }
}

/// Whether ICU4X's compiled data has month names for `locale`'s language, i.e. it does not
/// silently fall back to CLDR root (whose month names are `M01`…`M12`).
fn has_cldr_data(locale: &Locale) -> bool {
    if locale.id.language.is_unknown() {
        return true; // "und" asked for explicitly
    }
    let Ok(probe) = Date::try_new_gregorian(2000, 1, 1) else {
        return true;
    };
    let fmt = |l: &Locale| {
        FixedCalendarDateTimeFormatter::<Gregorian, YM>::try_new(l.into(), YM::long())
            .map(|f| f.format(&probe).to_string())
            .ok()
    };
    let root = Locale::UNKNOWN;
    fmt(locale) != fmt(&root)
}

impl DateFormatter {
    /// A formatter for a BCP 47 tag (`"ru"`, `"ka"`, `"cs"`, `"en"`, `"pl"`, `"de-AT"`,
    /// `"sr-Latn"`, …). Fails only for a malformed tag. A language without CLDR data (`"tlh"`)
    /// is formatted in English; see [`is_fallback`](Self::is_fallback).
    pub fn new(tag: &str) -> Result<Self, FormatterError> {
        Self::with_fallback(tag, "en")
    }

    /// Like [`new`](Self::new), with `fallback` used when `tag`'s language has no CLDR data
    /// (`"und"` = CLDR root: `2024 M03 29`).
    pub fn with_fallback(tag: &str, fallback: &str) -> Result<Self, FormatterError> {
        let requested = parse_tag(tag)?;
        let (used, is_fallback) = if has_cldr_data(&requested) {
            (requested.clone(), false)
        } else {
            (parse_tag(fallback)?, true)
        };
        let ymd =
            FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new((&used).into(), YMD::long())
                .map_err(|e| data_err(&used, e))?;
        let ym =
            FixedCalendarDateTimeFormatter::<Gregorian, YM>::try_new((&used).into(), YM::long())
                .map_err(|e| data_err(&used, e))?;
        let y = FixedCalendarDateTimeFormatter::<Gregorian, Y>::try_new((&used).into(), Y::long())
            .map_err(|e| data_err(&used, e))?;
        let ymd_names = FixedCalendarDateTimeNames::from_formatter((&used).into(), ymd.clone());
        let ym_names = FixedCalendarDateTimeNames::from_formatter((&used).into(), ym.clone());
        let decimal = DecimalFormatter::try_new((&used).into(), Default::default())
            .map_err(|e| data_err(&used, e))?;
        let punct = punct_for(used.id.language.as_str());
        Ok(DateFormatter {
            requested,
            used,
            fallback: is_fallback,
            ymd,
            ym,
            y,
            ymd_names,
            ym_names,
            decimal,
            punct,
        })
    }

    /// The tag asked for, canonicalised (`"EN-gb"` → `"en-GB"`).
    pub fn locale(&self) -> String {
        self.requested.to_string()
    }

    /// The locale whose data is used (differs from [`locale`](Self::locale) on fallback).
    pub fn data_locale(&self) -> String {
        self.used.to_string()
    }

    /// True when the requested language has no CLDR data and the fallback is used.
    pub fn is_fallback(&self) -> bool {
        self.fallback
    }

    /// The range punctuation in use.
    pub fn range_punct(&self) -> RangePunct {
        self.punct
    }

    /// The long CLDR form at the date's precision: ru «29 марта 2024 г.», «март 2024 г.»,
    /// «2024»; en «March 29, 2024», «March 2024», «2024».
    pub fn format(&self, d: PartialDate) -> String {
        let Some(date) = d.to_icu() else {
            return d.to_string(); // unreachable for a valid PartialDate
        };
        match d.precision() {
            Precision::Day => self.ymd.format(&date).to_string(),
            Precision::Month => self.ym.format(&date).to_string(),
            Precision::Year => self.y.format(&date).to_string(),
        }
    }

    /// Month heading for timelines, nominative where the language distinguishes it
    /// (ru «март 2024 г.», cs «březen 2024»). An invalid month yields the ISO `YYYY-MM`.
    pub fn month_year_heading(&self, year: i32, month: u8) -> String {
        match PartialDate::from_year_month(year, month) {
            Ok(d) => self.format(d),
            Err(_) => format!("{year:04}-{month:02}"),
        }
    }

    /// Year heading for timelines (CLDR long year: «2024» in ru/cs/ka/en, «2024.» in hu,
    /// «2024年» in ja). A year out of range yields the plain number.
    pub fn year_heading(&self, year: i32) -> String {
        match PartialDate::from_year(year) {
            Ok(d) => self.format(d),
            Err(_) => year.to_string(),
        }
    }

    /// An integer with the locale's digits and grouping: ru «1 234 567» (U+00A0), en
    /// «1,234,567», ka «2500» (CLDR minimum grouping 2: four digits are not grouped).
    pub fn format_number(&self, n: i64) -> String {
        let n = Decimal::from(n);
        self.decimal.format(&n).write_to_string().into_owned()
    }

    /// A date range at any mix of precisions, in CLDR interval style (see the module docs):
    /// ru «2 сентября\u{a0}— 22 октября 2017 г.», «15—16 февраля 2019 г.»;
    /// cs «16.–27. listopadu 2020»; en «September 2\u{2009}–\u{2009}October 22, 2017».
    /// Equal ends format as one date. The ends are written in the order given.
    pub fn format_range(&self, start: PartialDate, end: PartialDate) -> String {
        if start == end {
            return self.format(start);
        }
        let (Some(sd), Some(ed)) = (start.to_icu(), end.to_icu()) else {
            return format!("{start}–{end}");
        };
        let mut shared = Vec::new();
        if start.year == end.year {
            shared.push(Part::Year);
            if start.precision() == Precision::Day
                && end.precision() == Precision::Day
                && start.month == end.month
            {
                shared.push(Part::Month);
            }
        }
        let s_full = Pattern::parse(&self.pattern_for(start, &sd));
        let e_full = Pattern::parse(&self.pattern_for(end, &ed));
        let (s_pat, e_pat) = interval_sides(&s_full, &e_full, &shared);
        let s_txt = self.render(start, &sd, &s_pat, &s_full);
        let e_txt = self.render(end, &ed, &e_pat, &e_full);
        // CLDR closes the dash only between two like fields with one side a single field:
        // `15–16 …`, `16.–27. …`, `září–listopad …`, `2012–2018`, hu `… 15.–16.`. Mixed
        // precisions stay spaced: `2014–2015. március` would read as "March of 2014–2015".
        let (s_last, e_first) = (s_pat.last_field(), e_pat.first_field());
        let like = start.precision() == end.precision()
            && matches!((s_last, e_first), (Some(a), Some(b)) if part_of(a.0) == part_of(b.0));
        let single = if !like {
            None
        } else if s_pat.field_count() == 1 {
            s_last
        } else if e_pat.field_count() == 1 {
            e_first
        } else {
            None
        };
        let closed = match (self.punct.closed_when, single) {
            (ClosedWhen::Always, _) => true,
            (ClosedWhen::Never, _) | (_, None) => false,
            (ClosedWhen::SingleField, Some(_)) => true,
            (ClosedWhen::SingleNumber, Some((ch, len))) => is_numeric_field(ch, len),
        };
        let sep = if closed {
            self.punct.closed
        } else {
            self.punct.spaced
        };
        format!("{s_txt}{sep}{e_txt}")
    }

    fn pattern_for(&self, d: PartialDate, date: &Date<Gregorian>) -> String {
        match d.precision() {
            Precision::Day => self.ymd.format(date).pattern().to_string(),
            Precision::Month => self.ym.format(date).pattern().to_string(),
            Precision::Year => self.y.format(date).pattern().to_string(),
        }
    }

    /// Renders one side of a range with a (possibly reduced) pattern.
    fn render(
        &self,
        d: PartialDate,
        date: &Date<Gregorian>,
        pat: &Pattern,
        full: &Pattern,
    ) -> String {
        if pat == full {
            return self.format(d);
        }
        let Ok(icu_pat) = DateTimePattern::try_from_pattern_str(&pat.to_uts35()) else {
            return self.format(d);
        };
        let out = match d.precision() {
            Precision::Day => {
                let f = self.ymd_names.with_pattern_unchecked(&icu_pat);
                let formatted = f.format(date);
                formatted
                    .try_write_to_string()
                    .map(|s| s.into_owned())
                    .map_err(|_| ())
            }
            Precision::Month => {
                let f = self.ym_names.with_pattern_unchecked(&icu_pat);
                let formatted = f.format(date);
                formatted
                    .try_write_to_string()
                    .map(|s| s.into_owned())
                    .map_err(|_| ())
            }
            Precision::Year => return self.format(d),
        };
        match out {
            Ok(s) => s,
            // Missing names cannot happen (the reduced pattern only has fields of the full
            // one, whose names are loaded); if it did, use the full date rather than a
            // placeholder.
            Err(_) => self.format(d),
        }
    }
}

// ───────────────────── UTS 35 patterns and the interval algorithm ─────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Field(char, usize),
    Literal(String),
}

fn part_of(ch: char) -> Part {
    match ch {
        'G' | 'y' | 'Y' | 'u' | 'U' | 'r' => Part::Year,
        'M' | 'L' => Part::Month,
        _ => Part::Day, // d, E, c, e, D, F, g …: anything finer than a month
    }
}

fn is_numeric_field(ch: char, len: usize) -> bool {
    match ch {
        'd' | 'y' | 'u' | 'r' | 'D' | 'F' => true,
        'M' | 'L' => len <= 2,
        _ => false,
    }
}

/// A UTS 35 date pattern split into fields and literals.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern(Vec<Item>);

impl Pattern {
    fn parse(s: &str) -> Pattern {
        let mut items: Vec<Item> = Vec::new();
        let mut lit = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    lit.push('\'');
                    continue;
                }
                // quoted literal; '' inside stands for '
                while let Some(q) = chars.next() {
                    if q == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            lit.push('\'');
                        } else {
                            break;
                        }
                    } else {
                        lit.push(q);
                    }
                }
            } else if c.is_ascii_alphabetic() {
                let mut len = 1;
                while chars.peek() == Some(&c) {
                    chars.next();
                    len += 1;
                }
                if !lit.is_empty() {
                    items.push(Item::Literal(std::mem::take(&mut lit)));
                }
                items.push(Item::Field(c, len));
            } else {
                lit.push(c);
            }
        }
        if !lit.is_empty() {
            items.push(Item::Literal(lit));
        }
        Pattern(items)
    }

    fn to_uts35(&self) -> String {
        let mut out = String::new();
        for item in &self.0 {
            match item {
                Item::Field(c, n) => out.extend(std::iter::repeat_n(*c, *n)),
                Item::Literal(s) => {
                    out.push('\'');
                    out.push_str(&s.replace('\'', "''"));
                    out.push('\'');
                }
            }
        }
        out
    }

    fn fields(&self) -> impl Iterator<Item = (usize, char, usize)> + '_ {
        self.0.iter().enumerate().filter_map(|(i, it)| match it {
            Item::Field(c, n) => Some((i, *c, *n)),
            Item::Literal(_) => None,
        })
    }

    fn field_count(&self) -> usize {
        self.fields().count()
    }

    fn first_field(&self) -> Option<(char, usize)> {
        self.fields().next().map(|(_, c, n)| (c, n))
    }

    fn last_field(&self) -> Option<(char, usize)> {
        self.fields().last().map(|(_, c, n)| (c, n))
    }

    fn has_part(&self, part: Part) -> bool {
        self.fields().any(|(_, c, _)| part_of(c) == part)
    }
}

/// Reduces the two ends of a range per the CLDR interval rule: `shared` parts are written once.
/// Returns the patterns for the start and end sides (possibly the full ones).
fn interval_sides(start: &Pattern, end: &Pattern, shared: &[Part]) -> (Pattern, Pattern) {
    let full = (start.clone(), end.clone());
    if shared.is_empty() {
        return full;
    }
    let is_shared = |c: char| shared.contains(&part_of(c));

    // Positions of the varying fields, and whether shared fields sit before/inside/after them.
    struct Layout {
        first: usize,
        last: usize,
        before: bool,
        inside: bool,
        after: bool,
    }
    let layout = |p: &Pattern| -> Option<Layout> {
        let varying: Vec<usize> = p
            .fields()
            .filter(|(_, c, _)| !is_shared(*c))
            .map(|(i, _, _)| i)
            .collect();
        let (&first, &last) = (varying.first()?, varying.last()?);
        let mut l = Layout {
            first,
            last,
            before: false,
            inside: false,
            after: false,
        };
        for (i, c, _) in p.fields() {
            if is_shared(c) {
                if i < first {
                    l.before = true;
                } else if i > last {
                    l.after = true;
                } else {
                    l.inside = true;
                }
            }
        }
        Some(l)
    };

    let (Some(sl), Some(el)) = (layout(start), layout(end)) else {
        return full;
    };
    if sl.inside || el.inside {
        return full;
    }

    // Start side: drop shared fields that follow the varying ones, keeping the literal glued
    // to the last varying field up to the first space or comma (cs "d." in "d. MMMM y").
    let s_side = if sl.after {
        let mut items = start.0[..=sl.last].to_vec();
        if let Some(Item::Literal(s)) = start.0.get(sl.last + 1) {
            let glued: String = s
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != ',')
                .collect();
            if !glued.is_empty() {
                items.push(Item::Literal(glued));
            }
        }
        Pattern(items)
    } else {
        start.clone()
    };
    // End side: drop shared fields that precede the varying ones.
    let e_side = if el.before {
        Pattern(end.0[el.first..].to_vec())
    } else {
        end.clone()
    };

    // Every shared part that the full patterns show must still be shown once.
    for &part in shared {
        let shown = start.has_part(part) || end.has_part(part);
        if shown && !s_side.has_part(part) && !e_side.has_part(part) {
            return full;
        }
    }
    (s_side, e_side)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
