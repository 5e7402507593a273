//! Date and count intervals: what a claim or a rule says, as the set of values it allows.
//!
//! Conflicts are decided on intervals, never on single values: "late 2024" and "December 2024"
//! agree, "about 50" and "48" agree. Two claims conflict only when their intervals do not meet.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Inclusive days `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateInterval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Two days, as text formats (the JSON report) write an interval.
#[derive(Serialize, Deserialize)]
#[serde(rename = "DateInterval")]
struct Days {
    start: NaiveDate,
    end: NaiveDate,
}

/// Text formats write the days as dates; binary ones (the rules cache) as day numbers, since
/// parsing dates back was a tenth of reading the cache.
impl Serialize for DateInterval {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            Days { start: self.start, end: self.end }.serialize(serializer)
        } else {
            (self.start.num_days_from_ce(), self.end.num_days_from_ce()).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for DateInterval {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (start, end) = if deserializer.is_human_readable() {
            let days = Days::deserialize(deserializer)?;
            (days.start, days.end)
        } else {
            let (start, end) = <(i32, i32)>::deserialize(deserializer)?;
            (day_number::day(start)?, day_number::day(end)?)
        };
        if start > end {
            return Err(serde::de::Error::custom("an interval that ends before it starts"));
        }
        Ok(DateInterval { start, end })
    }
}

/// An optional day as a day number in binary formats, a date in text ones (see [`DateInterval`]).
pub mod day_number {
    use super::*;

    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            day.serialize(serializer)
        } else {
            day.map(|d| d.num_days_from_ce()).serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        if deserializer.is_human_readable() {
            Option::<NaiveDate>::deserialize(deserializer)
        } else {
            Option::<i32>::deserialize(deserializer)?.map(day).transpose()
        }
    }

    pub(super) fn day<E: serde::de::Error>(number: i32) -> Result<NaiveDate, E> {
        NaiveDate::from_num_days_from_ce_opt(number).ok_or_else(|| E::custom("a day out of range"))
    }
}

impl DateInterval {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        debug_assert!(start <= end);
        DateInterval { start, end }
    }

    pub fn day(day: NaiveDate) -> Self {
        DateInterval::new(day, day)
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(DateInterval::new(start, end))
    }

    pub fn year(year: i32) -> Option<Self> {
        Some(DateInterval::new(NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: a day, or the days of a month or year when only
    /// that much is known.
    pub fn parse_partial(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
        };
        match parts.as_slice() {
            [y] => DateInterval::year(number(y, 4)? as i32),
            [y, m] => DateInterval::month(number(y, 4)? as i32, number(m, 2)?),
            [y, m, d] => {
                NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?).map(DateInterval::day)
            }
            _ => None,
        }
    }

    pub fn is_day(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// True when the two intervals share at least one day.
    pub fn meets(&self, other: &DateInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Days between the two intervals (0 when they meet).
    pub fn gap_days(&self, other: &DateInterval) -> i64 {
        if self.meets(other) {
            0
        } else if self.end < other.start {
            (other.start - self.end).num_days()
        } else {
            (self.start - other.end).num_days()
        }
    }
}

impl fmt::Display for DateInterval {
    /// The shortest faithful form: a day, a month, a year, or a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        if s == e {
            write!(f, "{}", s.format("%Y-%m-%d"))
        } else if DateInterval::month(s.year(), s.month()) == Some(*self) {
            write!(f, "{}", s.format("%Y-%m"))
        } else if DateInterval::year(s.year()) == Some(*self) {
            write!(f, "{}", s.year())
        } else {
            write!(f, "{} to {}", s.format("%Y-%m-%d"), e.format("%Y-%m-%d"))
        }
    }
}

/// A count as the set of whole numbers it allows. `high: None` is unbounded.
///
/// The open flags say how the text put it ("more than 200" is `(200, ∞)`); comparisons use
/// the equivalent closed integer bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CountInterval {
    pub low: u64,
    pub high: Option<u64>,
    pub low_open: bool,
    pub high_open: bool,
}

impl CountInterval {
    pub fn exact(n: u64) -> Self {
        CountInterval { low: n, high: Some(n), low_open: false, high_open: false }
    }

    /// The interval of the count with `n` of its members taken away.
    pub fn less(self, n: u64) -> Self {
        CountInterval { low: self.low.saturating_sub(n), high: self.high.map(|h| h.saturating_sub(n)), ..self }
    }

    /// The interval of a count that is one part of a total: the total is at least as large.
    pub fn at_least(self) -> Self {
        CountInterval { high: None, high_open: false, ..self }
    }

    pub fn closed(low: u64, high: u64) -> Self {
        CountInterval { low, high: Some(high), low_open: false, high_open: false }
    }

    /// Closed integer bounds `[low, high]`; `None` when the interval holds no whole number.
    pub fn integer_bounds(&self) -> Option<(u64, Option<u64>)> {
        let low = if self.low_open { self.low.checked_add(1)? } else { self.low };
        let high = match self.high {
            Some(h) if self.high_open => Some(h.checked_sub(1)?),
            h => h,
        };
        match high {
            Some(h) if h < low => None,
            h => Some((low, h)),
        }
    }

    /// True when some whole number fits both intervals.
    pub fn meets(&self, other: &CountInterval) -> bool {
        let (Some((a_low, a_high)), Some((b_low, b_high))) = (self.integer_bounds(), other.integer_bounds()) else {
            return false;
        };
        a_high.is_none_or(|h| b_low <= h) && b_high.is_none_or(|h| a_low <= h)
    }

    pub fn contains(&self, n: u64) -> bool {
        self.meets(&CountInterval::exact(n))
    }

    pub fn is_exact(&self) -> bool {
        self.integer_bounds().is_some_and(|(l, h)| h == Some(l))
    }
}

impl fmt::Display for CountInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_exact() {
            let (low, _) = self.integer_bounds().unwrap_or((self.low, None));
            return write!(f, "{low}");
        }
        let open = if self.low_open { '(' } else { '[' };
        match self.high {
            Some(h) => write!(f, "{open}{}, {h}{}", self.low, if self.high_open { ')' } else { ']' }),
            None => write!(f, "{open}{}, ∞)", self.low),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates_cover_their_days() {
        let month = DateInterval::parse_partial("2025-07").unwrap();
        assert_eq!((month.start, month.end), (d("2025-07-01"), d("2025-07-31")));
        let year = DateInterval::parse_partial("2024").unwrap();
        assert_eq!(year.days(), 366);
        assert_eq!(DateInterval::parse_partial("2025-02-30"), None);
        assert_eq!(DateInterval::parse_partial("25-01-01"), None);
        assert_eq!(DateInterval::parse_partial("2025-1-01"), None);
    }

    #[test]
    fn display_is_shortest_form() {
        assert_eq!(DateInterval::parse_partial("2025-07").unwrap().to_string(), "2025-07");
        assert_eq!(DateInterval::parse_partial("2025").unwrap().to_string(), "2025");
        assert_eq!(DateInterval::parse_partial("2025-07-17").unwrap().to_string(), "2025-07-17");
        let range = DateInterval::new(d("2025-07-10"), d("2025-07-20"));
        assert_eq!(range.to_string(), "2025-07-10 to 2025-07-20");
    }

    #[test]
    fn date_meeting_is_symmetric() {
        let jan = DateInterval::parse_partial("2027-01").unwrap();
        let inauguration = DateInterval::day(d("2025-01-20"));
        assert!(!jan.meets(&inauguration) && !inauguration.meets(&jan));
        let late = DateInterval::new(d("2024-09-01"), d("2024-12-31"));
        let dec = DateInterval::parse_partial("2024-12").unwrap();
        assert!(late.meets(&dec) && dec.meets(&late));
        assert_eq!(jan.gap_days(&inauguration), 711);
    }

    #[test]
    fn count_intervals_meet_on_whole_numbers() {
        let more_than_15 = CountInterval { low: 15, high: None, low_open: true, high_open: false };
        assert!(!more_than_15.contains(15));
        assert!(more_than_15.contains(16));
        let nearly_40 = CountInterval { low: 36, high: Some(40), low_open: false, high_open: true };
        assert!(nearly_40.contains(39) && !nearly_40.contains(40));
        assert!(!CountInterval::exact(18).meets(&CountInterval::exact(15)));
        assert!(CountInterval::closed(15, 20).meets(&CountInterval::exact(18)));
        let empty = CountInterval { low: 3, high: Some(3), low_open: true, high_open: false };
        assert!(!empty.meets(&CountInterval::exact(3)));
    }
}
