//! Dates at year, month or day precision (`2014`, `2017-11`, `2019-02-15`), as written in
//! frontmatter. Formatting for readers lives with the templates.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u8),
    Day(i32, u8, u8),
}

impl PartialDate {
    pub fn year(&self) -> i32 {
        match *self {
            PartialDate::Year(y) | PartialDate::Month(y, _) | PartialDate::Day(y, _, _) => y,
        }
    }

    /// The first day the date covers, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        match *self {
            PartialDate::Year(y) => (y, 1, 1),
            PartialDate::Month(y, m) => (y, m, 1),
            PartialDate::Day(y, m, d) => (y, m, d),
        }
    }

    /// The last day the date covers, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        match *self {
            PartialDate::Year(y) => (y, 12, 31),
            PartialDate::Month(y, m) => (y, m, days_in_month(y, m)),
            PartialDate::Day(y, m, d) => (y, m, d),
        }
    }

    fn sort_key(&self) -> (i32, u8, u8) {
        match *self {
            PartialDate::Year(y) => (y, 0, 0),
            PartialDate::Month(y, m) => (y, m, 0),
            PartialDate::Day(y, m, d) => (y, m, d),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date: write 2014, 2017-11 or 2019-02-15");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts[0], 4)? as i32;
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("month {m} is out of range in `{s}`"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, 2)?;
                let m = month.unwrap_or(1);
                if d == 0 || d > u32::from(days_in_month(year, m)) {
                    return Err(format!("day {d} does not exist in month {m} of {year}"));
                }
                Some(d as u8)
            }
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(match (month, day) {
            (None, _) => PartialDate::Year(year),
            (Some(m), None) => PartialDate::Month(year, m),
            (Some(m), Some(d)) => PartialDate::Day(year, m, d),
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision_and_orders_them() {
        let y: PartialDate = "2017".parse().unwrap();
        let m: PartialDate = "2017-11".parse().unwrap();
        let d: PartialDate = "2017-11-05".parse().unwrap();
        assert!(y < m && m < d);
        assert_eq!(d.to_string(), "2017-11-05");
        assert!(
            "2024-13-01"
                .parse::<PartialDate>()
                .unwrap_err()
                .contains("month 13")
        );
        assert!("2023-02-29".parse::<PartialDate>().is_err());
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
    }
}
