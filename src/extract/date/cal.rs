//! Calendar arithmetic: weeks (ISO, Monday first), months, quarters, nearest readings, and the
//! dates of holidays (fixed, nth weekday, Easter-based, Islamic by the tabular calendar).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::interval::DateInterval;

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of a month (28–31); 31 when the month is invalid.
pub(super) fn last_day(y: i32, m: u32) -> u32 {
    ymd(y, m, 1).and_then(|d| d.checked_add_months(Months::new(1))).and_then(|d| d.pred_opt()).map_or(31, |d| d.day())
}

/// `[a, b]` when `a <= b`.
pub(super) fn span(a: NaiveDate, b: NaiveDate) -> Option<DateInterval> {
    (a <= b).then(|| DateInterval::new(a, b))
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new(n.unsigned_abs())) }
}

/// Adds (or subtracts) months; the day is clamped to the month's end ("Jan 31" + 1 month = "Feb 28").
pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 { d.checked_add_months(m) } else { d.checked_sub_months(m) }
}

/// The Monday of the ISO week of `d`.
pub(super) fn week_start(d: NaiveDate) -> NaiveDate {
    add_days(d, -i64::from(d.weekday().num_days_from_monday())).unwrap_or(d)
}

/// Monday to Sunday around `d`.
pub(super) fn week(d: NaiveDate) -> Option<DateInterval> {
    let s = week_start(d);
    span(s, add_days(s, 6)?)
}

/// The day of weekday `wd` in the week that starts on Monday `monday`.
pub(super) fn in_week(monday: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    add_days(monday, i64::from(wd.num_days_from_monday()))
}

pub(super) fn month(y: i32, m: u32) -> Option<DateInterval> {
    DateInterval::month(y, m)
}

pub(super) fn year(y: i32) -> Option<DateInterval> {
    DateInterval::year(y)
}

pub(super) fn years(a: i32, b: i32) -> Option<DateInterval> {
    span(ymd(a, 1, 1)?, ymd(b, 12, 31)?)
}

pub(super) fn quarter(y: i32, q: u32) -> Option<DateInterval> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let m = 3 * q - 2;
    span(ymd(y, m, 1)?, ymd(y, m + 2, last_day(y, m + 2))?)
}

/// Months `a..=b` of year `y`.
pub(super) fn months(y: i32, a: u32, b: u32) -> Option<DateInterval> {
    span(ymd(y, a, 1)?, ymd(y, b, last_day(y, b))?)
}

/// Days between an interval and a day (0 when it contains it).
pub(super) fn distance(iv: &DateInterval, r: NaiveDate) -> i64 {
    if iv.contains(r) {
        0
    } else if iv.end < r {
        (r - iv.end).num_days()
    } else {
        (iv.start - r).num_days()
    }
}

/// The candidate nearest to `r`; on a tie the earlier one.
pub(super) fn nearest(r: NaiveDate, candidates: impl Iterator<Item = DateInterval>) -> Option<DateInterval> {
    candidates.min_by_key(|iv| (distance(iv, r), iv.start))
}

/// The `n`th (1-based) weekday `wd` of a month, or the last one when `n` is negative.
pub(super) fn nth_weekday(y: i32, m: u32, wd: Weekday, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        let first = ymd(y, m, 1)?;
        let offset = (7 + wd.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
        let d = add_days(first, i64::from(offset) + 7 * i64::from(n - 1))?;
        (d.month() == m).then_some(d)
    } else {
        let last = ymd(y, m, last_day(y, m))?;
        let offset = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        add_days(last, -i64::from(offset))
    }
}

/// The Monday of the `n`th week of a period (1-based; negative counts from the end), a week
/// belonging to the period whose Thursday lies in it (ISO's rule, applied to any period).
pub(super) fn nth_week(period: &DateInterval, n: i32) -> Option<NaiveDate> {
    let monday = if n > 0 {
        let s = period.start;
        let to_thu = (7 + 3 - s.weekday().num_days_from_monday()) % 7;
        let thu = add_days(s, i64::from(to_thu))?;
        add_days(thu, -3 + 7 * i64::from(n - 1))?
    } else {
        let e = period.end;
        let from_thu = (7 + e.weekday().num_days_from_monday() - 3) % 7;
        let thu = add_days(e, -i64::from(from_thu))?;
        add_days(thu, -3 - 7 * i64::from(-n - 1))?
    };
    let thu = add_days(monday, 3)?;
    period.contains(thu).then_some(monday)
}

/// Easter Sunday (Gregorian computus).
pub(super) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday (Julian computus), as a Gregorian date.
pub(super) fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian to Gregorian: the gap grows by one day each century not divisible by 400.
    let gap = y / 100 - y / 400 - 2;
    add_days(ymd(y, month as u32, day as u32)?, i64::from(gap))
}

/// A day of the tabular Islamic calendar (astronomical epoch). Observance by moon sighting may
/// fall a day later; callers widen the interval by one day.
pub(super) fn hijri(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=3000).contains(&y) {
        return None;
    }
    let m = i64::from(m);
    let y = i64::from(y);
    let days = i64::from(d) + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 - 1;
    let epoch = ymd(622, 7, 18)?;
    add_days(epoch, days)
}

/// How a holiday falls in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    Fixed(u32, u32),
    /// nth weekday of a month (n < 0: last), plus days.
    Nth(u32, Weekday, i32, i64),
    Easter(i64),
    OrthodoxEaster(i64),
    /// A day of an Islamic month, or the whole month when the day is 0.
    Hijri(u32, u32),
}

/// The days of a holiday in Gregorian year `y`.
pub(super) fn holiday(rule: Rule, y: i32) -> Option<DateInterval> {
    match rule {
        Rule::Fixed(m, d) => ymd(y, m, d).map(DateInterval::day),
        Rule::Nth(m, wd, n, plus) => add_days(nth_weekday(y, m, wd, n)?, plus).map(DateInterval::day),
        Rule::Easter(plus) => add_days(easter(y)?, plus).map(DateInterval::day),
        Rule::OrthodoxEaster(plus) => add_days(orthodox_easter(y)?, plus).map(DateInterval::day),
        Rule::Hijri(m, d) => {
            // The Islamic year drifts 11 days a year through the Gregorian one.
            let approx = ((i64::from(y) - 622) * 33 / 32) as i32;
            (approx - 1..=approx + 2).find_map(|hy| {
                let iv = if d == 0 {
                    let start = hijri(hy, m, 1)?;
                    let next = if m == 12 { hijri(hy + 1, 1, 1)? } else { hijri(hy, m + 1, 1)? };
                    span(start, next)?
                } else {
                    let day = hijri(hy, m, d)?;
                    span(day, add_days(day, 1)?)?
                };
                (iv.start.year() == y).then_some(iv)
            })
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
    fn computus() {
        assert_eq!(easter(2018), Some(d("2018-04-01")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(orthodox_easter(2024), Some(d("2024-05-05")));
        assert_eq!(orthodox_easter(2025), Some(d("2025-04-20")));
    }

    #[test]
    fn islamic_days() {
        assert_eq!(hijri(1441, 9, 1), Some(d("2020-04-23")));
        assert_eq!(hijri(1442, 10, 1), Some(d("2021-05-12")));
        assert_eq!(hijri(1443, 1, 1), Some(d("2021-08-09")));
        let eid = holiday(Rule::Hijri(10, 1), 2021).unwrap();
        assert_eq!((eid.start, eid.end), (d("2021-05-12"), d("2021-05-13")));
    }

    #[test]
    fn weeks_of_periods() {
        let y2015 = year(2015).unwrap();
        assert_eq!(nth_week(&y2015, 1), Some(d("2014-12-29")));
        assert_eq!(nth_week(&y2015, -1), Some(d("2015-12-28")));
        let oct = month(2016, 10).unwrap();
        assert_eq!(nth_week(&oct, 1), Some(d("2016-10-03")));
        assert_eq!(nth_weekday(2016, 7, Weekday::Fri, 1), Some(d("2016-07-01")));
        assert_eq!(nth_weekday(2016, 5, Weekday::Mon, -1), Some(d("2016-05-30")));
    }
}
