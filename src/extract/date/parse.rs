//! The grammar of date expressions, over tokens. Every parser starts at one token and reads a
//! bounded number of tokens ahead (looking back a few for context), so a whole text is read in
//! linear time. Parsers return a [`M`]atch: where it ends and what it means ([`P`]); meanings
//! that need the article date (a day without a year, a weekday) are resolved by the caller.

use chrono::{Datelike, NaiveDate, Weekday};

use super::cal::{self, add_days, add_months, span, ymd};
use super::holidays::{HOLIDAYS, INDEPENDENCE};
use super::lex::{Kind, Kw, Tok, W};
use crate::extract::number::parse_number;
use crate::interval::DateInterval;

/// Days in each month, February as in a leap year.
const MAX_DAY: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A year-less stretch of days: from month `sm` day `sd` to month `em` day `ed` (0: the
/// month's last day), into the next year when the end comes before the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Yl {
    pub sm: u32,
    pub sd: u32,
    pub em: u32,
    pub ed: u32,
}

impl Yl {
    fn day(m: u32, d: u32) -> Self {
        Yl { sm: m, sd: d, em: m, ed: d }
    }
    fn month(m: u32) -> Self {
        Yl { sm: m, sd: 1, em: m, ed: 0 }
    }
    fn is_day(&self) -> bool {
        self.sm == self.em && self.sd == self.ed
    }
}

/// What an expression means, before the article date is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum P {
    Abs(DateInterval),
    Yl(Yl),
    /// A day of an unnamed month ("the 18th").
    Day(u32),
    /// A weekday on its own ("on Friday").
    Wd(Weekday),
    /// A weekday with a day of an unnamed month ("Thursday the 21st").
    WdDay(Weekday, u32),
}

/// A match: the token after it, its meaning, and a weekday written with a full date.
#[derive(Clone, Copy, Debug)]
pub(super) struct M {
    pub end: usize,
    pub p: P,
    pub wd: Option<Weekday>,
}

fn m(end: usize, p: P) -> Option<M> {
    Some(M { end, p, wd: None })
}

fn abs(end: usize, iv: Option<DateInterval>) -> Option<M> {
    m(end, P::Abs(iv?))
}

fn day_iv(d: Option<NaiveDate>) -> Option<DateInterval> {
    d.map(DateInterval::day)
}

/// Units of durations and periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum U {
    Day,
    BDay,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A length of time: months and days (weeks in days), business days apart.
#[derive(Clone, Copy, Debug, Default)]
struct Dur {
    months: i64,
    days: i64,
    bdays: i64,
    /// Count and unit when the duration has a single part.
    single: Option<(i64, U)>,
}

/// Early, middle or late part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

/// Periods that early/mid/late and the like apply to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PerKind {
    Month,
    /// `true` when relative ("this year"), `false` when named ("2024").
    Year(bool),
    Week,
    Decade,
    Century,
    Weekday,
}

/// Modifiers before a weekday or a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mod {
    This,
    Next,
    Last,
    /// "past Wednesday": the most recent one before today.
    Past,
    /// "coming Thursday": the first one after today.
    Coming,
}

pub(super) struct Parser<'a> {
    pub text: &'a str,
    pub t: Vec<Tok>,
    pub r: Option<NaiveDate>,
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------
    // Token helpers
    // ------------------------------------------------------------------------------------

    fn wk(&self, i: usize) -> Option<W> {
        match self.t.get(i)?.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub(super) fn kw(&self, i: usize, k: Kw) -> bool {
        self.wk(i) == Some(W::Kw(k))
    }

    fn kw_at(&self, i: usize) -> Option<Kw> {
        match self.wk(i)? {
            W::Kw(k) => Some(k),
            _ => None,
        }
    }

    /// `i` is the punctuation `c`.
    fn pc(&self, i: usize, c: char) -> bool {
        matches!(self.t.get(i), Some(Tok { kind: Kind::Punct(p), .. }) if *p == c)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i)?.kind {
            Kind::Num { v, len } => Some((v, len)),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        self.num(i).is_some()
    }

    /// Token `i` and token `i + 1` touch.
    fn adj(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }

    fn str(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    fn cap(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is(&self, i: usize, lower: &str) -> bool {
        self.wk(i).is_some() && self.str(i).eq_ignore_ascii_case(lower)
    }

    fn prev_kw(&self, i: usize) -> Option<Kw> {
        i.checked_sub(1).and_then(|p| self.kw_at(p))
    }

    /// The token index where byte offset `byte` is reached, reading from `i`.
    fn tok_end_at(&self, i: usize, byte: usize) -> usize {
        let mut k = i;
        while k < self.t.len() && self.t[k].e <= byte {
            k += 1;
        }
        k
    }

    /// A separator between parts of a date written without spaces: "-", "/".
    fn tight_sep(&self, i: usize) -> bool {
        (self.pc(i, '-') || self.pc(i, '/')) && i > 0 && self.adj(i - 1) && self.adj(i)
    }

    /// True when the number ending at token `last` is not continued: not "3:30", "3.5",
    /// "3,000", "5pm", "3x".
    fn num_ends(&self, last: usize) -> bool {
        let n = last + 1;
        if !self.adj(last) {
            return !self.is_time_word(n);
        }
        match self.t.get(n).map(|t| t.kind) {
            Some(Kind::Punct(':' | '%')) | Some(Kind::Num { .. }) | Some(Kind::Word(_)) => false,
            Some(Kind::Punct('.' | ',')) => !(self.adj(n) && self.is_num(n + 1)),
            _ => true,
        }
    }

    /// "pm", "am", "p.m.", "GMT": a time of day follows.
    fn is_time_word(&self, i: usize) -> bool {
        if self.is(i, "pm") || self.is(i, "am") || self.is(i, "gmt") || self.is(i, "utc") || self.is(i, "o") {
            return true;
        }
        (self.is(i, "p") || self.is(i, "a")) && self.pc(i + 1, '.') && self.is(i + 2, "m")
    }

    /// A plural noun that makes a number before it a count: "2000 people", "21 soldiers".
    fn plural_noun(&self, i: usize) -> bool {
        if self.wk(i) != Some(W::Other) {
            return false;
        }
        let w = self.str(i);
        w.len() > 3
            && w.chars().next().is_some_and(char::is_lowercase)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
    }

    /// A scale or unit that makes the number before it a figure: "million", "percent", "%".
    fn measure_after(&self, i: usize) -> bool {
        const MEASURES: &[&str] =
            &["percent", "per", "pct", "million", "billion", "trillion", "bn", "mn", "m", "points", "pts", "times"];
        self.pc(i, '%')
            || self.kw(i, Kw::Thousand)
            || self.kw(i, Kw::Hundred)
            || (self.wk(i) == Some(W::Other) && MEASURES.iter().any(|w| self.is(i, w)))
    }

    /// A preposition that introduces a figure before token `i`: "closed at", "rose to".
    fn figure_before(&self, i: usize) -> bool {
        i > 0
            && (matches!(self.kw_at(i - 1), Some(Kw::At | Kw::To | Kw::From | Kw::By | Kw::Of))
                || ["about", "around", "near", "over", "under", "above", "below"].iter().any(|w| self.is(i - 1, w)))
    }

    /// Words after which a number is money or a measure, not a date: "$", "£", "#".
    fn money_before(&self, i: usize) -> bool {
        i > 0 && matches!(self.t[i - 1].kind, Kind::Punct('$' | '£' | '€' | '#' | '¥' | '+'))
    }

    // ------------------------------------------------------------------------------------
    // Resolution
    // ------------------------------------------------------------------------------------

    /// The days of a year-less stretch in the year it starts.
    fn yl_in(&self, yl: Yl, y: i32) -> Option<DateInterval> {
        let start = ymd(y, yl.sm, yl.sd)?;
        let end_day = if yl.ed == 0 { 31 } else { yl.ed };
        let ey = if (yl.em, end_day) < (yl.sm, yl.sd) { y + 1 } else { y };
        let ed = if yl.ed == 0 { cal::last_day(ey, yl.em) } else { yl.ed };
        span(start, ymd(ey, yl.em, ed)?)
    }

    fn yl_nearest(&self, yl: Yl, r: NaiveDate) -> Option<DateInterval> {
        let y = r.year();
        cal::nearest(r, (y - 4..=y + 4).filter_map(|y| self.yl_in(yl, y)))
    }

    /// The meaning as days, using the article date where needed (the nearest reading).
    pub(super) fn resolve(&self, p: P) -> Option<DateInterval> {
        match p {
            P::Abs(iv) => Some(iv),
            P::Yl(yl) => self.yl_nearest(yl, self.r?),
            P::Day(d) => {
                let r = self.r?;
                let first = ymd(r.year(), r.month(), 1)?;
                cal::nearest(
                    r,
                    (-1..=1).filter_map(|k| {
                        let f = add_months(first, k)?;
                        day_iv(ymd(f.year(), f.month(), d))
                    }),
                )
            }
            P::Wd(w) => {
                let (nearest, _) = self.weekday_readings(w)?;
                Some(DateInterval::day(nearest))
            }
            P::WdDay(w, d) => self.fit_weekday(w, d).map(DateInterval::day),
        }
    }

    /// A weekday with a day of an unnamed month read both ways: the nearest month in which the
    /// day falls on that weekday, and, when it is not that, the nearest such day whatever its
    /// weekday: news means a day near its date, and may give the wrong weekday for it.
    pub(super) fn weekday_day_readings(&self, w: Weekday, d: u32) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let fitting = self.fit_weekday(w, d)?;
        // The nearest day `d`, as "the 15th" alone is read.
        let nearest = self.resolve(P::Day(d)).map(|interval| interval.start);
        Some((fitting, nearest.filter(|day| *day != fitting && day.weekday() != w)))
    }

    /// A weekday on its own read both ways: the nearest such day, and the other one (the
    /// same weekday a week the other way). The article date itself, when it is that weekday, is
    /// the nearest and has no other reading.
    pub(super) fn weekday_readings(&self, w: Weekday) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let r = self.r?;
        let ahead = (7 + w.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7;
        if ahead == 0 {
            return Some((r, None));
        }
        let fwd = add_days(r, i64::from(ahead))?;
        let back = add_days(fwd, -7)?;
        Some(if ahead < 7 - ahead { (fwd, Some(back)) } else { (back, Some(fwd)) })
    }

    /// One day out of a meaning, for arithmetic ("2 weeks from January 15").
    fn resolve_day(&self, p: P) -> Option<NaiveDate> {
        let iv = self.resolve(p)?;
        iv.is_day().then_some(iv.start)
    }

    fn weekday_with(&self, md: Mod, w: Weekday) -> Option<NaiveDate> {
        let r = self.r?;
        let monday = cal::week_start(r);
        let wd = i64::from(w.num_days_from_monday());
        let today = i64::from(r.weekday().num_days_from_monday());
        match md {
            Mod::This => add_days(monday, wd),
            Mod::Next => add_days(monday, 7 + wd),
            Mod::Last => add_days(monday, wd - 7),
            Mod::Past => add_days(r, -((7 + today - wd - 1) % 7 + 1)),
            Mod::Coming => add_days(r, (7 + wd - today - 1) % 7 + 1),
        }
    }

    // ------------------------------------------------------------------------------------
    // Numbers: days, years, counts
    // ------------------------------------------------------------------------------------

    /// A day of the month in digits: "3", "03", "3rd". With its end and whether it had a suffix.
    fn day_num(&self, i: usize) -> Option<(usize, u32, bool)> {
        let (v, len) = self.num(i)?;
        if len > 2 || v == 0 || v > 31 {
            return None;
        }
        if self.adj(i) && self.kw(i + 1, Kw::Suffix) {
            return Some((i + 2, v, true));
        }
        self.num_ends(i).then_some((i + 1, v, false))
    }

    /// A day of the month in words: "ninth", "twenty-first", "twenty one", "fifteen".
    fn day_word(&self, i: usize) -> Option<(usize, u32, bool)> {
        match self.wk(i)? {
            W::Ord(v) if v <= 31 => Some((i + 1, v, true)),
            W::Card(t @ (20 | 30)) => {
                let mut j = i + 1;
                if self.pc(j, '-') && self.adj(i) {
                    j += 1;
                }
                match self.wk(j) {
                    Some(W::Ord(u @ 1..=9)) if t + u <= 31 => Some((j + 1, t + u, true)),
                    Some(W::Card(u @ 1..=9)) if t + u <= 31 => Some((j + 1, t + u, false)),
                    _ => Some((i + 1, t, false)),
                }
            }
            W::Card(v @ 1..=19) => Some((i + 1, v, false)),
            _ => None,
        }
    }

    fn day(&self, i: usize) -> Option<(usize, u32, bool)> {
        self.day_num(i).or_else(|| self.day_word(i))
    }

    /// A four-digit year 1000–2999 in digits, not part of a longer number.
    fn year4(&self, i: usize) -> Option<(usize, i32)> {
        let (v, len) = self.num(i)?;
        let run_on =
            self.adj(i) && (self.pc(i + 1, '-') || self.pc(i + 1, '/')) && self.adj(i + 1) && self.is_num(i + 2);
        (len == 4 && (1000..=2999).contains(&v) && self.num_ends(i) && !run_on).then_some((i + 1, v as i32))
    }

    /// A number from 1 to 99 in words: "ninety six", "seventy-two", "twelve".
    fn two_digit_words(&self, i: usize) -> Option<(usize, u32)> {
        let W::Card(a) = self.wk(i)? else { return None };
        if a >= 20 {
            let mut j = i + 1;
            if self.pc(j, '-') && self.adj(i) {
                j += 1;
            }
            if let Some(W::Card(u @ 1..=9)) = self.wk(j) {
                return Some((j + 1, a + u));
            }
            return Some((i + 1, a));
        }
        (a >= 1).then_some((i + 1, a))
    }

    /// A year in words: "nineteen ninety six", "nineteen oh five", "seventeen hundred thirty
    /// three", "two thousand and fifteen".
    fn year_words(&self, i: usize) -> Option<(usize, i32)> {
        let W::Card(a) = self.wk(i)? else { return None };
        if (11..=99).contains(&a) && (a < 20 || a % 10 == 0) {
            let j = i + 1;
            if self.kw(j, Kw::Hundred) {
                let mut k = j + 1;
                if self.kw(k, Kw::And) && self.two_digit_words(k + 1).is_some() {
                    k += 1;
                }
                return match self.two_digit_words(k) {
                    Some((e, n)) => Some((e, (a * 100 + n) as i32)),
                    None => Some((j + 1, (a * 100) as i32)),
                };
            }
            if self.kw(j, Kw::Oh) || self.wk(j) == Some(W::Card(0)) {
                if let Some(W::Card(u @ 1..=9)) = self.wk(j + 1) {
                    return Some((j + 2, (a * 100 + u) as i32));
                }
            }
            if let Some((e, n)) = self.two_digit_words(j) {
                if n >= 10 {
                    return Some((e, (a * 100 + n) as i32));
                }
            }
        }
        if !matches!(a, 1..=2) || !self.kw(i + 1, Kw::Thousand) {
            return None;
        }
        let s = self.t[i].s;
        let n = parse_number(&self.text[s..])?;
        if n.value.fract() != 0.0 || !(1000.0..3000.0).contains(&n.value) {
            return None;
        }
        Some((self.tok_end_at(i, s + n.len), n.value as i32))
    }

    /// Two-digit years: 00–39 are 2000–2039, 40–99 are 1940–1999.
    fn pivot(v: u32) -> i32 {
        if v < 40 { 2000 + v as i32 } else { 1900 + v as i32 }
    }

    /// A year after a month or a day: four digits, words, "'87", or two digits when `two`.
    fn year_any(&self, i: usize, two: bool) -> Option<(usize, i32)> {
        if let Some(y) = self.year4(i).or_else(|| self.year_words(i)) {
            return Some(y);
        }
        if self.pc(i, '\'') && self.adj(i) {
            let (v, len) = self.num(i + 1)?;
            return (len == 2 && self.num_ends(i + 1)).then_some((i + 2, Self::pivot(v)));
        }
        let (v, len) = self.num(i)?;
        (two && len == 2 && self.num_ends(i)).then_some((i + 1, Self::pivot(v)))
    }

    /// "this year", "next year", "last year" (also after "of"/"in"), or "the year" when
    /// `the_year`: the year and where it ends.
    fn rel_year(&self, i: usize, the_year: bool) -> Option<(usize, i32)> {
        let r = self.r?;
        let mut k = i;
        if self.kw(k, Kw::Of) || self.kw(k, Kw::In) {
            k += 1;
        }
        if self.kw(k, Kw::The) && self.kw(k + 1, Kw::Current) {
            k += 1;
        }
        let delta = match self.kw_at(k)? {
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Coming | Kw::Following => 1,
            Kw::Last | Kw::Previous | Kw::Past => -1,
            Kw::The if the_year => 0,
            _ => return None,
        };
        let mut e = k + 1;
        if self.kw(e, Kw::Calendar) {
            e += 1;
        }
        self.kw(e, Kw::Year).then_some((e + 1, r.year() + delta))
    }

    /// "this month", "next month", "last month" (also after "of"/"in"): first day and end.
    fn rel_month(&self, i: usize) -> Option<(usize, NaiveDate)> {
        let r = self.r?;
        let mut k = i;
        if self.kw(k, Kw::Of) || self.kw(k, Kw::In) {
            k += 1;
        }
        if self.kw(k, Kw::The) && self.kw(k + 1, Kw::Following) {
            k += 1;
        }
        let delta = match self.kw_at(k)? {
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Coming | Kw::Following => 1,
            Kw::Last | Kw::Previous => -1,
            _ => return None,
        };
        if !self.kw(k + 1, Kw::Month) {
            return None;
        }
        Some((k + 2, add_months(ymd(r.year(), r.month(), 1)?, delta)?))
    }

    /// A year given any way after "of"/"in" or alone: (end, year, relative).
    fn year_spec(&self, i: usize, the_year: bool) -> Option<(usize, i32, bool)> {
        let k = if self.kw(i, Kw::Of) || self.kw(i, Kw::In) { i + 1 } else { i };
        if let Some((e, y)) = self.year4(k).or_else(|| self.year_words(k)) {
            return Some((e, y, false));
        }
        self.rel_year(k, the_year).map(|(e, y)| (e, y, true))
    }

    /// How many: digits, number words, "a", "a few", "a couple of".
    fn count(&self, i: usize) -> Option<(usize, i64)> {
        match self.t.get(i)?.kind {
            Kind::Num { v, len } if len <= 5 => {
                if self.adj(i)
                    && (self.pc(i + 1, ':')
                        || ((self.pc(i + 1, '.') || self.pc(i + 1, ',')) && self.adj(i + 1) && self.is_num(i + 2)))
                {
                    return None;
                }
                Some((i + 1, i64::from(v)))
            }
            Kind::Word(W::Kw(Kw::A)) => {
                if self.kw(i + 1, Kw::Few) {
                    Some((i + 2, 3))
                } else if self.kw(i + 1, Kw::Couple) {
                    Some((if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 }, 2))
                } else {
                    Some((i + 1, 1))
                }
            }
            Kind::Word(W::Kw(Kw::Few)) => Some((i + 1, 3)),
            Kind::Word(W::Kw(Kw::Couple)) => Some((if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 }, 2)),
            Kind::Word(W::Card(_)) => {
                let s = self.t[i].s;
                let n = parse_number(&self.text[s..])?;
                if n.value.fract() != 0.0 || !(0.0..=100_000.0).contains(&n.value) {
                    return None;
                }
                let e = self.tok_end_at(i, s + n.len);
                (e > i).then_some((e, n.value as i64))
            }
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> Option<(usize, U)> {
        let u = match self.kw_at(i)? {
            Kw::Day => U::Day,
            Kw::Week => U::Week,
            Kw::Fortnight => U::Fortnight,
            Kw::Month => U::Month,
            Kw::Quarter => U::Quarter,
            Kw::Year => U::Year,
            Kw::Decade => U::Decade,
            Kw::Century => U::Century,
            Kw::Business | Kw::Working if self.kw(i + 1, Kw::Day) => return Some((i + 2, U::BDay)),
            _ => return None,
        };
        Some((i + 1, u))
    }

    /// "3 days", "two weeks", "1 month 21 days", "2 years, 1 month and 12 days".
    fn duration(&self, i: usize, max_parts: usize) -> Option<(usize, Dur)> {
        let mut d = Dur::default();
        let mut k = i;
        let mut parts = 0;
        let mut end = i;
        while parts < max_parts {
            let mut s = k;
            if parts > 0 {
                if self.pc(s, ',') {
                    s += 1;
                }
                if self.kw(s, Kw::And) {
                    s += 1;
                }
            }
            let Some((ce, n)) = self.count(s) else { break };
            // "a" counts only as the first part, and not before a number word ("a dozen").
            let Some((ue, u)) = self.unit(ce) else { break };
            if n > 10_000 {
                return None;
            }
            match u {
                U::Day => d.days += n,
                U::BDay => d.bdays += n,
                U::Week => d.days += 7 * n,
                U::Fortnight => d.days += 14 * n,
                U::Month => d.months += n,
                U::Quarter => d.months += 3 * n,
                U::Year => d.months += 12 * n,
                U::Decade => d.months += 120 * n,
                U::Century => d.months += 1200 * n,
            }
            d.single = if parts == 0 { Some((n, u)) } else { None };
            parts += 1;
            end = ue;
            k = ue;
        }
        (parts > 0).then_some((end, d))
    }

    /// `d` moved by a duration (`sign` ±1).
    fn shift(&self, d: NaiveDate, dur: &Dur, sign: i64) -> Option<NaiveDate> {
        let mut x = add_months(d, sign * dur.months)?;
        x = add_days(x, sign * dur.days)?;
        let mut left = dur.bdays;
        while left > 0 {
            x = add_days(x, sign)?;
            if !matches!(x.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        Some(x)
    }

    // ------------------------------------------------------------------------------------
    // Months and days
    // ------------------------------------------------------------------------------------

    /// A month name, with the dot of an abbreviation: (end, month, abbreviated).
    fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let W::Month(mo, abbr) = self.wk(i)? else { return None };
        let mut e = i + 1;
        if self.pc(e, '.') && self.adj(i) && (abbr || self.is_num(e + 1)) {
            e += 1;
        }
        Some((e, mo, abbr))
    }

    /// "May" or "march" written lower-case, or "May" at all: words that are often not months.
    fn doubtful_month(&self, i: usize, mo: u32) -> bool {
        (mo == 5 || mo == 3) && !self.cap(i)
    }

    /// After a month and day: ", 2026", " of 2020", " in 2020", " next year".
    fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        let mut q = i;
        if self.pc(q, ',') || self.tight_sep(q) {
            q += 1;
        }
        let of = self.kw(q, Kw::Of) || self.kw(q, Kw::In);
        if let Some(y) = self.year_any(if of { q + 1 } else { q }, of || self.pc(q - 1, ',')) {
            // A two-digit year after a comma must end the phrase ("08/12,15"), not be a count.
            return Some(y);
        }
        self.rel_year(q, false)
    }

    /// "January 3", "Jan. 3rd, 2026", "Oct/2", "Dec31 , 1994", "May twenty nine",
    /// "june 26th of 2020", "April the ninth", "January 2027", "Dec-2018", "April of 87",
    /// "June next year".
    fn month_first(&self, i: usize) -> Option<M> {
        let (j, mo, _abbr) = self.month(i)?;
        if self.money_before(i) {
            return None;
        }
        let mut k = j;
        if self.pc(k, ',') || self.tight_sep(k) {
            k += 1;
        }
        let kd = if self.kw(k, Kw::The) { k + 1 } else { k };
        if let Some((ye, y)) = self.year_words(k) {
            return abs(ye, cal::month(y, mo));
        }
        if let Some((e, d, ord)) = self.day(kd) {
            let word = !self.is_num(kd);
            let plural = !ord && self.plural_noun(e);
            let doubtful = word && self.doubtful_month(i, mo) && !ord && kd == j;
            if d <= MAX_DAY[mo as usize - 1] && !plural && !doubtful {
                if let Some((ye, y)) = self.year_after(e) {
                    return abs(ye, day_iv(ymd(y, mo, d)));
                }
                return m(e, P::Yl(Yl::day(mo, d)));
            }
        }
        // Month and year.
        let mut q = j;
        let mut two = false;
        if self.pc(q, ',') || self.tight_sep(q) {
            q += 1;
        } else if self.kw(q, Kw::Of) || self.kw(q, Kw::In) {
            q += 1;
            two = self.kw(q - 1, Kw::Of);
        }
        // "september-2020-23"
        if let (Some((v, 4)), true) = (self.num(q), q > j && self.tight_sep(q + 1)) {
            if let Some((de, d, _)) = self.day_num(q + 2) {
                return abs(de, day_iv(ymd(v as i32, mo, d)));
            }
        }
        if let Some((ye, y)) = self.year_any(q, two) {
            return abs(ye, cal::month(y, mo));
        }
        if let Some((ye, y)) = self.rel_year(j, false) {
            return abs(ye, cal::month(y, mo));
        }
        None
    }

    /// "3 January 2026", "the 09th of May", "second of Aug.", "16. Nov. 2016", "twenty third
    /// day of september", "15 April of 87", "the 20th of next month".
    fn day_first(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (mut e, d, ord) = self.day(k)?;
        let word = !self.is_num(k);
        if !word && !ord && self.pc(e, '.') && self.wk(e + 1).is_some() {
            e += 1;
        }
        let mut day_kw = false;
        if ord && self.kw(e, Kw::Day) {
            e += 1;
            day_kw = true;
        }
        let of = self.kw(e, Kw::Of);
        if of {
            e += 1;
        } else if day_kw {
            return None;
        } else if self.tight_sep(e) && !word {
            e += 1;
        }
        if let Some((me, mo, _)) = self.month(e) {
            if d > MAX_DAY[mo as usize - 1] || (word && !of && !ord && self.doubtful_month(e, mo)) {
                return None;
            }
            if self.money_before(k) {
                return None;
            }
            if let Some((ye, y)) = self.year_after(me) {
                return abs(ye, day_iv(ymd(y, mo, d)));
            }
            return m(me, P::Yl(Yl::day(mo, d)));
        }
        let rel_start = if of { e - 1 } else { e };
        if let Some((re, first)) = self.rel_month(rel_start) {
            if of || ord || self.is_num(k) {
                return abs(re, day_iv(ymd(first.year(), first.month(), d)));
            }
        }
        None
    }

    /// A day-month(-year) date in another language: "1. März 2024", "5 января 2025 года",
    /// "6 січня 2026", "3 janvier 2026", "1er mai", "5 de enero de 2026". The month's name makes
    /// it foreign; English relative words play no part.
    fn foreign_day(&self, i: usize) -> Option<M> {
        let (d, _) = self.num(i).filter(|&(v, len)| len <= 2 && (1..=31).contains(&v))?;
        if self.money_before(i) || self.inside_cluster(i) {
            return None;
        }
        let mut k = i + 1;
        // "1." (German), "1er" (French), "5 de" (Spanish)
        if ((self.pc(k, '.') || self.is(k, "er")) && self.adj(i)) || self.is(k, "de") {
            k += 1;
        }
        let Some(W::ForeignMonth(mo)) = self.wk(k) else { return None };
        if d > MAX_DAY[mo as usize - 1] {
            return None;
        }
        match self.foreign_year(k + 1) {
            Some((e, y)) => abs(e, day_iv(ymd(y, mo, d))),
            None => m(k + 1, P::Yl(Yl::day(mo, d))),
        }
    }

    /// A month of another language and its year: "März 2024", "enero de 2026", "января 2025
    /// года". A foreign month alone is never read: "mars", "mai" and "mayo" are words too.
    fn foreign_month_year(&self, i: usize) -> Option<M> {
        let Some(W::ForeignMonth(mo)) = self.wk(i) else { return None };
        let (e, y) = self.foreign_year(i + 1)?;
        abs(e, cal::month(y, mo))
    }

    /// The year after a foreign month: "2024", "de 2026", "2025 года", "2026 р.".
    fn foreign_year(&self, i: usize) -> Option<(usize, i32)> {
        let k = if self.is(i, "de") { i + 1 } else { i };
        let (mut e, y) = self.year4(k)?;
        // The word "year" after it, in Russian and Ukrainian, with its abbreviation.
        if ["года", "году", "року"].contains(&self.str(e)) {
            e += 1;
        } else if ["г", "р"].contains(&self.str(e)) && self.pc(e + 1, '.') && self.adj(e) {
            e += 2;
        }
        Some((e, y))
    }

    /// A month alone where the context makes it one: "in May", "from October", "February".
    fn month_bare(&self, i: usize) -> Option<M> {
        let (e, mo, abbr) = self.month(i)?;
        if self.money_before(i) || (self.adj(i) && self.is_num(i + 1)) {
            return None;
        }
        // "Mar-a-Lago"
        if self.adj(i) && self.pc(i + 1, '-') && self.wk(i + 2).is_some_and(|w| !matches!(w, W::Month(..))) {
            return None;
        }
        let prev = self.prev_kw(i);
        let ctx = matches!(
            prev,
            Some(
                Kw::In
                    | Kw::During
                    | Kw::Of
                    | Kw::From
                    | Kw::Since
                    | Kw::Until
                    | Kw::Till
                    | Kw::By
                    | Kw::Through
                    | Kw::Before
                    | Kw::After
                    | Kw::Early
                    | Kw::Late
                    | Kw::Between
                    | Kw::To
                    | Kw::Mid
            )
        ) || (prev == Some(Kw::The) && i >= 2 && self.kw(i - 2, Kw::In))
            || (i >= 2 && self.pc(i - 1, '-') && self.kw(i - 2, Kw::Mid));
        // After an article, "march" and "may" are the noun ("in the march"), and a month before
        // a preposition and a name is an event's name ("the March for Life", "the March on
        // Washington").
        if prev == Some(Kw::The)
            && (self.doubtful_month(i, mo)
                || (["for", "on", "against", "to"].iter().any(|w| self.is(e, w)) && self.cap(e + 1)))
        {
            return None;
        }
        // A capitalised month before a capitalised word is a name: "April Ryan", "June Carter".
        let name_follows = self.cap(e) && self.wk(e) == Some(W::Other);
        let standalone = self.cap(i) && !abbr && !matches!(mo, 3 | 4 | 5 | 6 | 8) && !name_follows;
        (ctx || standalone).then(|| M { end: e, p: P::Yl(Yl::month(mo)), wd: None })
    }

    /// "this September", "next june", "last sept": the month in this, next or last year.
    fn month_rel(&self, i: usize) -> Option<M> {
        let delta = match self.kw_at(i)? {
            Kw::This => 0,
            Kw::Next => 1,
            Kw::Last => -1,
            _ => return None,
        };
        let (e, mo, _) = self.month(i + 1)?;
        if self.doubtful_month(i + 1, mo) || self.is_num(e) || self.day_word(e).is_some() {
            return None; // "this May 5": a day, read elsewhere
        }
        let r = self.r?;
        abs(e, cal::month(r.year() + delta, mo))
    }

    /// "this 5/12", "next 6th of April", "last March 3": a year-less day in this year, the
    /// next one after today, or the last one before it.
    fn day_rel(&self, i: usize) -> Option<M> {
        let md = match self.kw_at(i)? {
            Kw::This => Mod::This,
            Kw::Next => Mod::Next,
            Kw::Last => Mod::Last,
            _ => return None,
        };
        let inner = self.cluster(i + 1).or_else(|| self.month_first(i + 1)).or_else(|| self.day_first(i + 1))?;
        let P::Yl(yl) = inner.p else { return None };
        if !yl.is_day() {
            return None;
        }
        let r = self.r?;
        let y = r.year();
        let d = match md {
            Mod::This => ymd(y, yl.sm, yl.sd)?,
            Mod::Next => (y..=y + 8).filter_map(|y| ymd(y, yl.sm, yl.sd)).find(|d| *d > r)?,
            _ => (y - 8..=y).rev().filter_map(|y| ymd(y, yl.sm, yl.sd)).find(|d| *d < r)?,
        };
        abs(inner.end, Some(DateInterval::day(d)))
    }

    /// A day alone: "the 18th", "on the 4th", "on 15", "the twenty second".
    fn bare_day(&self, i: usize) -> Option<M> {
        let the = self.kw(i, Kw::The);
        if !the && self.prev_kw(i) != Some(Kw::On) {
            return None;
        }
        let k = if the { i + 1 } else { i };
        let (e, d, ord) = self.day(k)?;
        let digits = self.is_num(k);
        // What follows must end the phrase: "the 18th century" and "the second time" are not days.
        let end = e >= self.t.len() || matches!(self.t[e].kind, Kind::Punct('.' | '!' | '?' | ';'));
        let soft = end
            || matches!(self.t[e].kind, Kind::Punct(',' | ')' | '-' | '–'))
            || matches!(self.kw_at(e), Some(Kw::At | Kw::And | Kw::Or | Kw::To | Kw::Till | Kw::Until | Kw::Through));
        let ok = if digits && ord { soft } else { end };
        (ok && (the || digits)).then_some(M { end: e, p: P::Day(d), wd: None })
    }

    // ------------------------------------------------------------------------------------
    // Numeric dates
    // ------------------------------------------------------------------------------------

    /// True when token `i` continues a numeric date that starts before it.
    pub(super) fn inside_cluster(&self, i: usize) -> bool {
        i >= 2
            && matches!(self.t[i - 1].kind, Kind::Punct('-' | '/' | '.' | ','))
            && self.adj(i - 1)
            && self.adj(i - 2)
            && matches!(self.t[i - 2].kind, Kind::Num { .. } | Kind::Word(W::Month(..)))
    }

    /// Numeric and mixed dates written as one run: "2026-01-06", "1/6/2026", "21/04/16",
    /// "4/22", "2015-3", "3/2015", "20161016", "05-Aug-2016", "2019/aug/01", "2014-2018",
    /// "10/1-11/7", "02-02-2020 - 03-03-2020".
    pub(super) fn cluster(&self, i: usize) -> Option<M> {
        if !self.is_num(i) || self.inside_cluster(i) || self.money_before(i) {
            return None;
        }
        if i > 0 && self.adj(i - 1) && matches!(self.t[i - 1].kind, Kind::Word(W::Other | W::Hol)) {
            return None; // "A1B2", "FY2024"
        }
        // Parts: token indices; separators: (char, spaced).
        let mut parts = [0usize; 8];
        let mut seps = [(' ', false); 8];
        let mut n = 1;
        parts[0] = i;
        let mut k = i;
        loop {
            let s = k + 1;
            let Some(Tok { kind: Kind::Punct(c), .. }) = self.t.get(s).copied() else { break };
            if !matches!(c, '-' | '/' | '.' | ',' | '~' | '–') {
                break;
            }
            let next = s + 1;
            let next_num = self.num(next);
            let next_month = matches!(self.wk(next), Some(W::Month(..)));
            if next_num.is_none() && !next_month {
                break;
            }
            let tight = self.adj(k) && self.adj(s);
            let ok = match c {
                '.' => tight && next_num.is_some(),
                ',' => {
                    // Only before a final year: "08/12,2015", "08/12, 2015".
                    self.adj(k) && n == 2 && next_num.is_some_and(|(_, l)| l == 4 || (l == 2 && self.adj(s)))
                }
                _ => tight || next_num.is_some(),
            };
            if !ok || n == 8 {
                break;
            }
            if !tight && next_month {
                break;
            }
            seps[n - 1] = (c, !tight);
            parts[n] = next;
            n += 1;
            k = next;
            if c == ',' {
                break;
            }
        }
        let mut end = parts[n - 1] + 1;
        // Too long a run, or one that runs on into letters ("A1B2C3"), is not a date.
        if self.adj(end - 1) {
            match self.t.get(end).map(|t| t.kind) {
                Some(Kind::Word(W::Kw(Kw::Suffix))) => end += 1,
                Some(Kind::Word(_)) | Some(Kind::Num { .. }) => return None,
                Some(Kind::Punct('-' | '/' | '.' | ':')) if self.adj(end) && self.is_num(end + 1) => return None,
                Some(Kind::Punct(':' | '%')) => return None,
                _ => {}
            }
        }
        // "28.7 million", "3.5 percent": a decimal figure.
        if n == 2 && seps[0].0 == '.' && self.measure_after(end) {
            return None;
        }
        if n == 1 {
            // Eight digits: "20161016".
            let (v, len) = self.num(i)?;
            if len != 8 {
                return None;
            }
            let (y, mo, d) = ((v / 10000) as i32, v / 100 % 100, v % 100);
            if !(1900..=2100).contains(&y) {
                return None;
            }
            return abs(end, day_iv(ymd(y, mo, d)));
        }
        let p = self
            .interpret(&parts[..n], &seps[..n - 1], i, false)
            .or_else(|| self.split_range(&parts[..n], &seps[..n - 1], i))?;
        // "5/1-5/7, 2020": a year after a year-less run.
        if let P::Yl(yl) = p {
            if self.pc(end, ',') {
                if let Some((ye, y)) = self.year4(end + 1) {
                    return abs(ye, self.yl_in(yl, y));
                }
            }
        }
        let p = match p {
            P::Yl(_) if self.pc(end, '%') || self.is(end, "percent") => return None,
            p => p,
        };
        m(end, p)
    }

    /// A numeric run split at a dash into two dates: a range.
    fn split_range(&self, parts: &[usize], seps: &[(char, bool)], i: usize) -> Option<P> {
        let n = parts.len();
        (1..n).find_map(|cut| {
            let (c, _) = seps[cut - 1];
            if !matches!(c, '-' | '–' | '~') {
                return None;
            }
            let left = self.interpret_side(&parts[..cut], &seps[..cut - 1], i)?;
            let right = self.interpret_side(&parts[cut..], &seps[cut..], i)?;
            self.combine(left, right)
        })
    }

    fn interpret_side(&self, parts: &[usize], seps: &[(char, bool)], i: usize) -> Option<P> {
        if seps.iter().any(|(_, spaced)| *spaced) {
            return None;
        }
        if parts.len() == 1 {
            return None;
        }
        match self.interpret(parts, seps, i, true)? {
            P::Abs(iv) if iv.days() > 366 => None,
            p => Some(p),
        }
    }

    /// Whether token `k` is a lower-case plural word that is not a date word: what a number
    /// before it counts ("countries", "people").
    fn plural_noun_at(&self, k: usize) -> bool {
        let Some(tok) = self.t.get(k) else { return false };
        let word = &self.text[tok.s..tok.e];
        matches!(tok.kind, Kind::Word(W::Other))
            && word.len() > 3
            && word.ends_with('s')
            && word.chars().all(|c| c.is_ascii_lowercase())
    }

    /// Whether a short m-d or m.d date is written where a date is expected ("on 4-22",
    /// "Friday 7.6"), rather than a score or a decimal.
    fn date_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = if self.pc(i - 1, '(') && i >= 2 { i - 2 } else { i - 1 };
        matches!(self.wk(p), Some(W::Weekday(..)))
            || matches!(
                self.kw_at(p),
                Some(
                    Kw::On
                        | Kw::In
                        | Kw::This
                        | Kw::Next
                        | Kw::Last
                        | Kw::Between
                        | Kw::From
                        | Kw::To
                        | Kw::Till
                        | Kw::Until
                        | Kw::Through
                )
            )
    }

    /// The meaning of a numeric run.
    fn interpret(&self, parts: &[usize], seps: &[(char, bool)], i: usize, in_range: bool) -> Option<P> {
        #[derive(Clone, Copy)]
        enum Pt {
            N(u32, u8),
            Mo(u32),
        }
        let mut pts = [Pt::N(0, 0); 8];
        for (slot, &p) in pts.iter_mut().zip(parts) {
            *slot = match self.t[p].kind {
                Kind::Num { v, len } => Pt::N(v, len),
                Kind::Word(W::Month(mo, _)) => Pt::Mo(mo),
                _ => return None,
            };
        }
        let n = parts.len();
        let spaced = seps.iter().any(|(_, s)| *s);
        let same = seps.iter().all(|(c, _)| *c == seps[0].0 || *c == ',');
        let c0 = seps[0].0;
        let valid_md = |mo: u32, d: u32| (1..=12).contains(&mo) && d >= 1 && d <= MAX_DAY[mo as usize - 1];
        let day = |y: i32, mo: u32, d: u32| day_iv(ymd(y, mo, d)).map(P::Abs);
        let y4 = |v: u32, l: u8| l == 4 && (1000..=2999).contains(&v);
        match (n, pts[0], pts[1], pts.get(2).copied().filter(|_| n > 2)) {
            (2, Pt::N(a, la), Pt::N(b, lb), _) => {
                if y4(a, la) && lb <= 2 {
                    // "closed at 2082.1", "rose to 2015.3": a figure after a preposition that
                    // introduces one, not a month.
                    if c0 == '.' && self.figure_before(i) {
                        return None;
                    }
                    if (1..=12).contains(&b) && c0 != ',' {
                        return cal::month(a as i32, b).map(P::Abs);
                    }
                    // "2014-18", "1939-45"
                    let last = a % 100;
                    if lb == 2 && matches!(c0, '-' | '–') && b > last && b - last <= 10 {
                        return cal::years(a as i32, (a - last + b) as i32).map(P::Abs);
                    }
                    return None;
                }
                if y4(a, la) && y4(b, lb) {
                    return (matches!(c0, '-' | '–' | '~') && a < b && b - a <= 200)
                        .then(|| cal::years(a as i32, b as i32).map(P::Abs))
                        .flatten();
                }
                if la <= 2 && y4(b, lb) {
                    return ((1..=12).contains(&a) && c0 != ',').then(|| cal::month(b as i32, a).map(P::Abs)).flatten();
                }
                if spaced || la > 2 || lb > 2 {
                    return None;
                }
                // A year-less day: "4/22", "22/04", "4-22", "4.22".
                if (a, b) == (9, 11) && c0 == '/' {
                    return day(2001, 9, 11);
                }
                if (a, b) == (24, 7) {
                    return None;
                }
                let next_month = matches!(self.wk(parts[1] + 1), Some(W::Month(..)))
                    || (self.kw(parts[1] + 1, Kw::In) || self.kw(parts[1] + 1, Kw::Of))
                        && self.rel_month(parts[1] + 1).is_some();
                if next_month {
                    return None; // "4-22 January": a range of days
                }
                match c0 {
                    '/' => {
                        if a < b && b <= 10 && !in_range {
                            return None; // a fraction
                        }
                    }
                    '-' | '.' => {
                        if !in_range && !self.date_context(i) {
                            return None;
                        }
                        // "from 10-11 countries": a range of numbers before what they count.
                        if !in_range && self.plural_noun_at(parts[1] + 1) {
                            return None;
                        }
                    }
                    _ => return None,
                }
                if valid_md(a, b) {
                    Some(P::Yl(Yl::day(a, b)))
                } else if valid_md(b, a) {
                    Some(P::Yl(Yl::day(b, a)))
                } else {
                    None
                }
            }
            (2, Pt::Mo(mo), Pt::N(b, lb), _) | (2, Pt::N(b, lb), Pt::Mo(mo), _) => {
                if spaced {
                    return None;
                }
                if y4(b, lb) {
                    return cal::month(b as i32, mo).map(P::Abs);
                }
                (lb <= 2 && valid_md(mo, b)).then_some(P::Yl(Yl::day(mo, b)))
            }
            (3, Pt::N(a, la), Pt::N(b, lb), Some(Pt::N(c, lc))) => {
                if spaced || !same || la > 4 || lb > 2 || lc > 4 {
                    return None;
                }
                if y4(a, la) {
                    return if c0 == ',' || lc > 2 { None } else { day(a as i32, b, c) };
                }
                if la > 2 {
                    return None;
                }
                let y = if y4(c, lc) {
                    c as i32
                } else if lc == 2 && c0 != '.' {
                    Self::pivot(c)
                } else {
                    return None;
                };
                let dot = c0 == '.';
                let (mo, d) = if dot {
                    if valid_md(b, a) { (b, a) } else { (a, b) }
                } else if valid_md(a, b) {
                    (a, b)
                } else {
                    (b, a)
                };
                day(y, mo, d)
            }
            (3, Pt::N(d, ld), Pt::Mo(mo), Some(Pt::N(y, ly))) if ld <= 2 && y4(y, ly) => day(y as i32, mo, d),
            (3, Pt::N(y, ly), Pt::Mo(mo), Some(Pt::N(d, ld))) if ld <= 2 && y4(y, ly) => day(y as i32, mo, d),
            (3, Pt::N(y, ly), Pt::N(d, ld), Some(Pt::Mo(mo))) if ld <= 2 && y4(y, ly) => day(y as i32, mo, d),
            (3, Pt::N(d, ld), Pt::N(y, ly), Some(Pt::Mo(mo))) if ld <= 2 && y4(y, ly) => day(y as i32, mo, d),
            (3, Pt::Mo(mo), Pt::N(d, ld), Some(Pt::N(y, ly))) if ld <= 2 && y4(y, ly) => day(y as i32, mo, d),
            _ => None,
        }
    }

    /// Two ends of a range into one meaning.
    pub(super) fn combine(&self, a: P, b: P) -> Option<P> {
        let next_month = |d: NaiveDate, day: u32| -> Option<NaiveDate> {
            let f = add_months(ymd(d.year(), d.month(), 1)?, 1)?;
            ymd(f.year(), f.month(), day)
        };
        match (a, b) {
            (P::Abs(x), P::Abs(y)) => span(x.start, y.end).map(P::Abs),
            (P::Yl(x), P::Abs(y)) => {
                let mut s = self.yl_in(x, y.start.year())?;
                if s.start > y.start {
                    s = self.yl_in(x, y.start.year() - 1)?;
                }
                span(s.start, y.end).map(P::Abs)
            }
            (P::Abs(x), P::Yl(y)) => {
                let mut e = self.yl_in(y, x.start.year())?;
                if e.end < x.start {
                    e = self.yl_in(y, x.start.year() + 1)?;
                }
                span(x.start, e.end).map(P::Abs)
            }
            (P::Yl(x), P::Yl(y)) => Some(P::Yl(Yl { sm: x.sm, sd: x.sd, em: y.em, ed: y.ed })),
            (P::Day(d), P::Yl(y)) => {
                // "from 28 to 3 March": the start is in the month before.
                let sm = if y.sm == y.em && y.ed != 0 && d > y.ed { (y.sm + 10) % 12 + 1 } else { y.sm };
                (d <= MAX_DAY[sm as usize - 1]).then_some(P::Yl(Yl { sm, sd: d, em: y.em, ed: y.ed }))
            }
            (P::Day(d), P::Abs(y)) => {
                let mut s = ymd(y.start.year(), y.start.month(), d)?;
                if s > y.start {
                    s = add_months(s, -1)?;
                }
                span(s, y.end).map(P::Abs)
            }
            (P::Yl(x), P::Day(d)) => {
                let em = if d < x.ed || (x.ed == 0 && d < x.sd) { x.em % 12 + 1 } else { x.em };
                (d <= MAX_DAY[em as usize - 1]).then_some(P::Yl(Yl { sm: x.sm, sd: x.sd, em, ed: d }))
            }
            (P::Abs(x), P::Day(d)) => {
                let mut e = ymd(x.end.year(), x.end.month(), d)?;
                if e < x.end {
                    e = next_month(x.end, d)?;
                }
                span(x.start, e).map(P::Abs)
            }
            (P::Abs(x), P::Wd(w)) => {
                let ahead = (7 + w.num_days_from_monday() - x.end.weekday().num_days_from_monday()) % 7;
                span(x.start, add_days(x.end, i64::from(ahead))?).map(P::Abs)
            }
            (P::Day(_), P::Day(_)) => None,
            (a, b) => {
                let a = self.resolve(a)?;
                let b = match b {
                    P::Wd(w) => {
                        let ahead = (7 + w.num_days_from_monday() - a.end.weekday().num_days_from_monday()) % 7;
                        DateInterval::day(add_days(a.end, i64::from(ahead))?)
                    }
                    b => self.resolve(b)?,
                };
                span(a.start, b.end).map(P::Abs)
            }
        }
    }

    // ------------------------------------------------------------------------------------
    // Weekdays and relative days
    // ------------------------------------------------------------------------------------

    /// "this", "next", "last", "this past", "coming", ... before a weekday: (after it, modifier).
    fn weekday_mod(&self, i: usize) -> (usize, Option<Mod>) {
        let md = match self.kw_at(i) {
            Some(Kw::This) => match self.kw_at(i + 1) {
                Some(Kw::Past) => return (i + 2, Some(Mod::Past)),
                Some(Kw::Coming | Kw::Upcoming) => return (i + 2, Some(Mod::Coming)),
                _ => Mod::This,
            },
            Some(Kw::Next | Kw::Following) => Mod::Next,
            Some(Kw::Last | Kw::Previous) => Mod::Last,
            Some(Kw::Past) => Mod::Past,
            Some(Kw::Coming | Kw::Upcoming) => Mod::Coming,
            _ => return (i, None),
        };
        (i + 1, Some(md))
    }

    /// "next week", "the following week", "last week" after a weekday: that week's Monday.
    fn week_after_weekday(&self, i: usize) -> Option<(usize, NaiveDate)> {
        let mut k = i;
        if self.kw(k, Kw::Of) || self.kw(k, Kw::On) || self.pc(k, ',') || self.pc(k, '-') {
            k += 1;
        }
        if self.kw(k, Kw::The) {
            k += 1;
        }
        let delta = match self.kw_at(k)? {
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Following | Kw::Coming => 7,
            Kw::Last | Kw::Previous => -7,
            _ => return None,
        };
        if !self.kw(k + 1, Kw::Week) {
            return None;
        }
        Some((k + 2, add_days(cal::week_start(self.r?), delta)?))
    }

    /// Weekdays: "Friday", "on Thursday", "next Friday", "this past Wednesday", "Friday, 11
    /// January 2026", "Fri., Jan. 11", "Tue May 9", "Friday 7/6", "Thursday the 21st",
    /// "Mon 13th", "Friday next week", "tuesday of next week".
    fn weekday(&self, i: usize) -> Option<M> {
        let (k, md) = self.weekday_mod(i);
        let W::Weekday(w, abbr) = self.wk(k)? else { return None };
        let mut e = k + 1;
        if abbr && self.pc(e, '.') && self.adj(k) {
            e += 1;
        }
        if abbr
            && (self.pc(k + 1, '/') || self.pc(k + 1, '-'))
            && self.adj(k)
            && !self.is_num(k + 2)
            && self.month(k + 2).is_none()
        {
            return None; // "Sun/Star": not a weekday
        }
        // Weekdays in a list go with days in a list, in order: "Wednesday and Thursday, 15 and
        // 16 November", "miércoles y jueves 15 y 16": the last weekday is not the first day's.
        let in_list = k >= 2 && self.is_conjunction(k - 1) && matches!(self.wk(k - 2), Some(W::Weekday(..)));
        // A date written with the weekday.
        let mut q = e;
        let paren = self.pc(q, '(');
        if self.pc(q, ',') || paren || (self.pc(q, '-') && self.adj(q)) {
            q += 1;
        }
        let dated = if in_list {
            None
        } else {
            self.month_first(q)
                .or_else(|| self.day_first(q))
                .or_else(|| self.cluster(q))
                .or_else(|| self.foreign_day(q))
        };
        if let Some(dm) = dated {
            let is_day = match dm.p {
                P::Abs(iv) => iv.is_day(),
                P::Yl(yl) => yl.is_day(),
                _ => false,
            };
            if is_day {
                let end = if paren && self.pc(dm.end, ')') { dm.end + 1 } else { dm.end };
                return Some(M { end, p: dm.p, wd: Some(w) });
            }
        }
        if md.is_none() {
            // A day of an unnamed month that falls on this weekday: "Thursday the 21st".
            let mut q = e;
            if self.pc(q, ',') {
                q += 1;
            }
            let the = self.kw(q, Kw::The);
            let dq = if the { q + 1 } else { q };
            if let Some((de, d, _)) = self.day(dq).filter(|_| !in_list) {
                let digits = self.is_num(dq);
                let clean = !self.plural_noun(de) && self.unit(de).is_none() && !self.is_time_word(de);
                if clean && (the || digits) && self.fit_weekday(w, d).is_some() {
                    return Some(M { end: de, p: P::WdDay(w, d), wd: Some(w) });
                }
            }
            if let Some((we, monday)) = self.week_after_weekday(e) {
                return abs(we, day_iv(cal::in_week(monday, w)));
            }
        }
        // The weekday alone, or with a modifier.
        if md.is_none() {
            if abbr {
                // A weekday of another language is never read alone: its tense is not known.
                let written = self.text[self.t[k].s..self.t[k].e].to_ascii_lowercase();
                if !crate::lexicon::WEEKDAY_ABBREVIATIONS.contains(&written.as_str()) {
                    return None;
                }
                let listed = matches!(self.kw_at(e), Some(Kw::Or | Kw::And))
                    || matches!(self.prev_kw(k), Some(Kw::On | Kw::Or | Kw::And | Kw::To | Kw::From));
                if w == Weekday::Sun || !self.cap(k) || !(listed || self.pc(k + 1, '.')) {
                    return None;
                }
            }
            const NOT_DAYS: &[&str] = &[
                "good", "black", "cyber", "bloody", "super", "ash", "holy", "palm", "maundy", "shrove", "easter",
                "whit", "blue", "giving", "fat", "low", "spy", "trinity", "passion", "small", "travel", "manic",
            ];
            if k > 0 && NOT_DAYS.iter().any(|w| self.is(k - 1, w)) {
                return None;
            }
            const PAPERS: &[&str] = &[
                "times",
                "telegraph",
                "mirror",
                "express",
                "herald",
                "independent",
                "tribune",
                "sport",
                "night",
                "people",
                "post",
                "mail",
                "observer",
            ];
            if self.cap(k) && PAPERS.iter().any(|p| self.is(e, p)) && self.cap(e) {
                return None;
            }
            // "a Sunday", "every Friday": no particular day.
            if matches!(self.prev_kw(k), Some(Kw::A | Kw::Each | Kw::Every)) {
                return None;
            }
            return m(e, P::Wd(w));
        }
        let md = md?;
        abs(e, day_iv(self.weekday_with(md, w)))
    }

    /// The day numbered `d` nearest to the article date that falls on weekday `w`.
    /// "and", "or", or their equivalents in the languages whose dates are read.
    fn is_conjunction(&self, i: usize) -> bool {
        matches!(self.kw_at(i), Some(Kw::And | Kw::Or))
            || ["y", "e", "et", "und", "oder", "ou", "o", "и", "і", "та", "или", "або"].iter().any(|w| self.is(i, w))
    }

    fn fit_weekday(&self, w: Weekday, d: u32) -> Option<NaiveDate> {
        let r = self.r?;
        let first = ymd(r.year(), r.month(), 1)?;
        (-24..=24)
            .filter_map(|k| {
                let f = add_months(first, k)?;
                ymd(f.year(), f.month(), d)
            })
            .filter(|day| day.weekday() == w)
            .min_by_key(|day| ((*day - r).num_days().abs(), *day))
    }

    /// "today", "tomorrow", "yesterday", "the day after tomorrow", "the day before yesterday".
    fn relday(&self, i: usize) -> Option<M> {
        let r = self.r;
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        if self.kw(k, Kw::Day) && !self.is(k, "days") {
            let sign = match self.kw_at(k + 1)? {
                Kw::After => 1,
                Kw::Before => -1,
                _ => return None,
            };
            let base = match self.kw_at(k + 2)? {
                Kw::Tomorrow if sign == 1 => 1,
                Kw::Yesterday if sign == -1 => -1,
                _ => return None,
            };
            return abs(k + 3, day_iv(add_days(r?, base + sign)));
        }
        if k != i {
            return None;
        }
        let delta = match self.kw_at(i)? {
            Kw::Today | Kw::Tonight => 0,
            Kw::Tomorrow => 1,
            Kw::Yesterday => -1,
            _ => return None,
        };
        // "USA Today", "the Today programme".
        if self.is(i.wrapping_sub(1), "usa") || (self.cap(i) && (self.is(i + 1, "show") || self.is(i + 1, "programme")))
        {
            return None;
        }
        abs(i + 1, day_iv(add_days(r?, delta)))
    }

    // ------------------------------------------------------------------------------------
    // Relative periods
    // ------------------------------------------------------------------------------------

    /// The interval of a calendar unit containing `d`, moved by `delta` units.
    fn unit_iv(&self, u: U, d: NaiveDate, delta: i64) -> Option<DateInterval> {
        match u {
            U::Week => cal::week(add_days(cal::week_start(d), 7 * delta)?),
            U::Fortnight => {
                let s = add_days(cal::week_start(d), 14 * delta)?;
                span(s, add_days(s, 13)?)
            }
            U::Month => {
                let f = add_months(ymd(d.year(), d.month(), 1)?, delta)?;
                cal::month(f.year(), f.month())
            }
            U::Quarter => {
                let q = i64::from(d.month0() / 3) + delta;
                let y = i64::from(d.year()) + q.div_euclid(4);
                cal::quarter(i32::try_from(y).ok()?, q.rem_euclid(4) as u32 + 1)
            }
            U::Year => cal::year(d.year().checked_add(i32::try_from(delta).ok()?)?),
            U::Decade => {
                let y = d.year().div_euclid(10) * 10 + 10 * i32::try_from(delta).ok()?;
                cal::years(y, y + 9)
            }
            U::Century => {
                let y = d.year().div_euclid(100) * 100 + 100 * i32::try_from(delta).ok()?;
                cal::years(y, y + 99)
            }
            U::Day | U::BDay => day_iv(add_days(d, delta)),
        }
    }

    /// "this week", "next month", "last year", "the coming week", "the week after next",
    /// "this weekend", "next workweek", "current quarter", "this decade", "past fortnight",
    /// "next week Friday", "this calendar year", "year to date".
    fn relperiod(&self, i: usize) -> Option<M> {
        let the = self.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        // "year to date", "ytd"
        if self.kw(k, Kw::Ytd) || (self.kw(k, Kw::Year) && self.kw(k + 1, Kw::To) && self.kw(k + 2, Kw::Date)) {
            let r = self.r?;
            let e = if self.kw(k, Kw::Ytd) { k + 1 } else { k + 3 };
            let start = ymd(r.year(), 1, 1)?;
            return abs(e, span(start, add_days(r, -1)?.max(start)));
        }
        // "the week after next", "the month after the next"
        if the {
            if let Some((ue, u)) = self.period_unit(k) {
                if self.kw(ue, Kw::After) {
                    let n = if self.kw(ue + 1, Kw::The) { ue + 2 } else { ue + 1 };
                    if self.kw(n, Kw::Next) {
                        return self.unit_or_weekend(n + 1, u, 2, self.is_weekend(k));
                    }
                }
            }
        }
        let delta = match self.kw_at(k)? {
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
            Kw::Last | Kw::Previous | Kw::Past | Kw::Prior => -1,
            Kw::Weekend if !the && matches!(self.prev_kw(k), Some(Kw::On | Kw::At)) => {
                return self.unit_or_weekend(k + 1, U::Week, 0, true);
            }
            Kw::Weekend if the && i > 0 && self.is(i - 1, "over") => {
                // "over the weekend": the latest weekend begun, as news uses it.
                let r = self.r?;
                let back = if r.weekday().num_days_from_monday() >= 5 { 0 } else { -1 };
                return self.unit_or_weekend(k + 1, U::Week, back, true);
            }
            Kw::Weekend | Kw::Fortnight if the => {
                let u = if self.kw(k, Kw::Weekend) { U::Week } else { U::Fortnight };
                return self.unit_or_weekend(k + 1, u, 0, self.kw(k, Kw::Weekend));
            }
            _ => return None,
        };
        let rolling =
            matches!(self.kw_at(k), Some(Kw::Past)) || (the && matches!(self.kw_at(k), Some(Kw::Last | Kw::Next)));
        let (ue, u) = self.period_unit(k + 1)?;
        let weekend = self.is_weekend(k + 1);
        let workweek = self.kw(k + 1, Kw::Workweek) || self.kw(k + 2, Kw::Week) && !self.kw(k + 1, Kw::Week);
        if rolling && !weekend && matches!(u, U::Week | U::Month | U::Year) {
            // "the past week", "the next month": the days up to or from today.
            let r = self.r?;
            let dur = match u {
                U::Week => Dur { days: 7, ..Dur::default() },
                U::Month => Dur { months: 1, ..Dur::default() },
                _ => Dur { months: 12, ..Dur::default() },
            };
            let iv = if delta < 0 {
                span(self.shift(r, &dur, -1)?, add_days(r, -1)?)
            } else {
                span(add_days(r, 1)?, self.shift(r, &dur, 1)?)
            };
            return abs(ue, iv);
        }
        if workweek {
            let r = self.r?;
            let s = add_days(cal::week_start(r), 7 * delta)?;
            return abs(ue, span(s, add_days(s, 4)?));
        }
        self.unit_or_weekend(ue, u, delta, weekend)
    }

    fn is_weekend(&self, i: usize) -> bool {
        self.kw(i, Kw::Weekend)
    }

    /// A unit word for relative periods: (end, unit). "working week" and "workweek" are weeks,
    /// "weekend" is a week (its Saturday and Sunday), "calendar year" a year.
    fn period_unit(&self, i: usize) -> Option<(usize, U)> {
        let u = match self.kw_at(i)? {
            Kw::Week | Kw::Weekend | Kw::Workweek => U::Week,
            Kw::Fortnight => U::Fortnight,
            Kw::Month => U::Month,
            Kw::Quarter => U::Quarter,
            Kw::Year => U::Year,
            Kw::Decade => U::Decade,
            Kw::Century => U::Century,
            Kw::Calendar if self.kw(i + 1, Kw::Year) => return Some((i + 2, U::Year)),
            Kw::Working | Kw::Business if self.kw(i + 1, Kw::Week) => return Some((i + 2, U::Week)),
            _ => return None,
        };
        if self.str(i).ends_with('s') && !matches!(u, U::Week) {
            return None; // "last years" is not a period
        }
        if matches!(self.kw_at(i), Some(Kw::Week | Kw::Weekend)) && self.str(i).ends_with('s') {
            return None;
        }
        Some((i + 1, u))
    }

    /// A relative unit resolved, with "next week Friday"-style weekdays after weeks.
    fn unit_or_weekend(&self, e: usize, u: U, delta: i64, weekend: bool) -> Option<M> {
        let r = self.r?;
        let iv = self.unit_iv(u, r, delta)?;
        if weekend {
            return abs(e, span(add_days(iv.start, 5)?, iv.end));
        }
        if u == U::Week {
            let mut q = e;
            if self.kw(q, Kw::On) || self.pc(q, ',') || self.pc(q, '-') {
                q += 1;
            }
            if let Some(W::Weekday(w, abbr)) = self.wk(q) {
                if !abbr || self.cap(q) {
                    let mut we = q + 1;
                    if abbr && self.pc(we, '.') {
                        we += 1;
                    }
                    return abs(we, day_iv(cal::in_week(iv.start, w)));
                }
            }
        }
        abs(e, Some(iv))
    }

    // ------------------------------------------------------------------------------------
    // Years, decades, centuries, quarters
    // ------------------------------------------------------------------------------------

    /// Whether a four-digit number at `i` is a year by its context.
    fn year_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        let follows_year = |from: usize| {
            (from.saturating_sub(6)..from)
                .any(|j| self.num(j).is_some_and(|(v, l)| l == 4 && (1000..=2999).contains(&v)))
        };
        match self.t[p].kind {
            Kind::Word(W::Kw(k)) => match k {
                Kw::In | Kw::During | Kw::Of | Kw::From | Kw::Since | Kw::Until | Kw::Till | Kw::By | Kw::Through => {
                    true
                }
                Kw::Before | Kw::After | Kw::Early | Kw::Late | Kw::Mid | Kw::Between | Kw::Year | Kw::Calendar => true,
                Kw::The | Kw::A | Kw::My => self.wk(i + 1).is_some() || self.pc(i + 1, '-'),
                Kw::To => !(p > 0 && (self.kw(p - 1, Kw::Up) || self.kw(p - 1, Kw::Prior))),
                Kw::And | Kw::Or | Kw::Not | Kw::But | Kw::Than => follows_year(p),
                Kw::S => p > 0 && self.pc(p - 1, '\'') && self.wk(i + 1).is_some(),
                _ => false,
            },
            Kind::Punct('=') => true,
            Kind::Punct(',') => follows_year(p),
            Kind::Punct('(') => self.pc(i + 1, ')'),
            Kind::Word(W::Other) => {
                ["its", "his", "her", "their", "whose", "circa"].iter().any(|w| self.is(p, w))
                    && self.wk(i + 1).is_some()
            }
            _ => false,
        }
    }

    /// Years: "in 2024", "the 2014 annexation", "Russia's 2024 capture", "year 2008", "the year
    /// of 2008", "calendar year 2008", "cy18", "in nineteen twenty eight", "=2019".
    fn year(&self, i: usize) -> Option<M> {
        // "year 247", "calendar year 2008", "cy 2008", "cy18"
        let kyear = if self.kw(i, Kw::Calendar) && self.kw(i + 1, Kw::Year) {
            Some(i + 2)
        } else if self.kw(i, Kw::Year) && !self.str(i).ends_with('s') {
            Some(i + 1)
        } else {
            None
        };
        if let Some(k) = kyear {
            let k = if self.kw(k, Kw::Of) { k + 1 } else { k };
            if let Some((v, len)) = self.num(k) {
                if (1..=4).contains(&len)
                    && v >= 1
                    && self.num_ends(k)
                    && !self.plural_noun(k + 1)
                    && self.unit(k + 1).is_none()
                {
                    return abs(k + 1, cal::year(v as i32));
                }
            }
            if let Some((e, y)) = self.year_words(k) {
                return abs(e, cal::year(y));
            }
            if matches!(self.wk(k), Some(W::Card(_))) {
                let s = self.t[k].s;
                let n = parse_number(&self.text[s..])?;
                if n.value.fract() == 0.0 && (1.0..3000.0).contains(&n.value) {
                    return abs(self.tok_end_at(k, s + n.len), cal::year(n.value as i32));
                }
            }
            return None;
        }
        if self.kw(i, Kw::Cy) {
            if let Some((e, y)) = self.year4(i + 1) {
                return abs(e, cal::year(y));
            }
            let (v, len) = self.num(i + 1)?;
            return (len == 2 && self.adj(i) && self.num_ends(i + 1))
                .then(|| abs(i + 2, cal::year(Self::pivot(v))))
                .flatten();
        }
        if let Some((e, y)) = self.year4(i) {
            if !self.year_context(i) || self.money_before(i) || self.inside_cluster(i) {
                return None;
            }
            // "2000 people" is a count; "the 2016 elections" a year.
            if self.plural_noun(e) && y % 100 == 0 {
                return None;
            }
            if self.is(e, "percent") || self.is(e, "per") {
                return None;
            }
            return abs(e, cal::year(y));
        }
        if matches!(self.wk(i), Some(W::Card(_)))
            && matches!(self.prev_kw(i), Some(Kw::In | Kw::Of | Kw::During | Kw::Since | Kw::Until))
        {
            let (e, y) = self.year_words(i)?;
            if self.plural_noun(e) {
                return None;
            }
            return abs(e, cal::year(y));
        }
        None
    }

    /// "2017 april", "2016, nov", "2015 June": a year then a month.
    fn year_month(&self, i: usize) -> Option<M> {
        let (e, y) = self.year4(i)?;
        if self.money_before(i) || self.inside_cluster(i) {
            return None;
        }
        let q = if self.pc(e, ',') { e + 1 } else { e };
        let (me, mo, abbr) = self.month(q)?;
        if self.doubtful_month(q, mo) || (abbr && !self.cap(q) && q == e && !self.year_context(i)) {
            return None;
        }
        if self.day(me).is_some_and(|(de, _, _)| self.num(me).is_some() && !self.plural_noun(de)) && !self.pc(me, ',') {
            // "2016 June 5"
            let (de, d, _) = self.day(me)?;
            return abs(de, day_iv(ymd(y, mo, d)));
        }
        abs(me, cal::month(y, mo))
    }

    /// Which decade: the one starting at `base + d`, or for a bare "'70s" the latest such decade
    /// starting no later than the article's year.
    fn decade_of(&self, d: u32) -> Option<DateInterval> {
        let y = match self.r {
            Some(r) if 2000 + d as i32 <= r.year() => 2000 + d as i32,
            _ => 1900 + d as i32,
        };
        cal::years(y, y + 9)
    }

    /// "the 1990s", "1970's", "the '40s", "the 70s", "the seventies", "the nineteen seventies",
    /// "the two thousands", "the noughties", "the 1800s" (a century).
    fn decade(&self, i: usize) -> Option<M> {
        let the = self.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        let apos = self.pc(k, '\'') && self.adj(k);
        let n = if apos { k + 1 } else { k };
        if let Some((v, len)) = self.num(n) {
            if v % 10 != 0 || !(len == 4 || len == 2) || (apos && len != 2) {
                return None;
            }
            let e = if self.adj(n) && self.kw(n + 1, Kw::S) {
                n + 2
            } else if self.adj(n) && self.pc(n + 1, '\'') && self.adj(n + 1) && self.kw(n + 2, Kw::S) {
                n + 3
            } else if self.kw(n + 1, Kw::S) && (the || self.prev_kw(i) == Some(Kw::In)) {
                n + 2
            } else {
                return None;
            };
            if self.money_before(n) {
                return None;
            }
            if len == 4 {
                let y = v as i32;
                if v % 100 == 0 && v != 2000 {
                    return abs(e, cal::years(y, y + 99));
                }
                return abs(e, cal::years(y, y + 9));
            }
            if !(apos || the || self.prev_kw(i) == Some(Kw::In)) {
                return None;
            }
            return abs(e, self.decade_of(v));
        }
        if !the {
            return None;
        }
        // Words: "the seventies", "the nineteen seventies", "the twenty-tens", "the two thousand
        // and tens", "the two thousands", "the noughties".
        let mut q = k;
        let mut base = None;
        match self.wk(q) {
            Some(W::Card(19)) => {
                base = Some(1900);
                q += 1;
            }
            Some(W::Card(20)) if matches!(self.wk(q + 1 + usize::from(self.pc(q + 1, '-'))), Some(W::Decade(10))) => {
                base = Some(2000);
                q += 1 + usize::from(self.pc(q + 1, '-'));
            }
            Some(W::Card(2)) if self.kw(q + 1, Kw::Thousand) => {
                base = Some(2000);
                q += 2;
                if self.kw(q, Kw::And) {
                    q += 1;
                }
            }
            Some(W::Card(2)) if matches!(self.wk(q + 1), Some(W::Decade(1000))) => {
                return abs(q + 2, cal::years(2000, 2009));
            }
            _ => {}
        }
        let Some(W::Decade(d)) = self.wk(q) else { return None };
        if d >= 100 {
            return None;
        }
        match (base, d) {
            (Some(b), d) => abs(q + 1, cal::years(b + d as i32, b + d as i32 + 9)),
            (None, 0) => abs(q + 1, cal::years(2000, 2009)),
            (None, 10) => None,
            (None, d) => abs(q + 1, self.decade_of(d)),
        }
    }

    /// An ordinal 1–31 in digits or words: "21st", "twenty-first", "nineteenth".
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some((e, v, true)) = self.day_num(i) {
            return Some((e, v));
        }
        match self.day_word(i)? {
            (e, v, true) => Some((e, v)),
            _ => None,
        }
    }

    /// "the 21st century", "15th  century", "the nineteenth century".
    fn century(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (e, n) = self.ordinal(k)?;
        if !self.kw(e, Kw::Century) || self.str(e).ends_with('s') || n == 0 {
            return None;
        }
        let y = (n as i32 - 1) * 100;
        abs(e + 1, cal::years(y.max(1), y + 99))
    }

    /// "Q3 2016", "2016 Q3", "2017-q1", "q1 of 2017", "Q3 this year", "H2 2016", "2016H2",
    /// "the third quarter of 2016", "1st quarter of 2013", "the first half of 2024", "Q3".
    fn quarter(&self, i: usize) -> Option<M> {
        // Year first.
        if let Some((v, 4)) = self.num(i) {
            if self.money_before(i) || self.inside_cluster(i) {
                return None;
            }
            let y = v as i32;
            let mut q = i + 1;
            if (self.pc(q, '-') && self.adj(i) && self.adj(q)) || !self.adj(i) {
                q += usize::from(self.pc(q, '-'));
            }
            let half = self.kw(q, Kw::H);
            if !(half || self.kw(q, Kw::Q)) {
                return None;
            }
            let (n, _) = self.num(q + 1).filter(|_| self.adj(q))?;
            if !self.num_ends(q + 1) {
                return None;
            }
            return abs(q + 2, if half { self.half(y, n) } else { cal::quarter(y, n) });
        }
        // "Q3", "H2": a letter touching a digit.
        if self.kw(i, Kw::Q) || self.kw(i, Kw::H) {
            let half = self.kw(i, Kw::H);
            let (n, len) = self.num(i + 1).filter(|_| self.adj(i))?;
            if len != 1
                || (self.adj(i + 1)
                    && !matches!(self.t.get(i + 2).map(|t| t.kind), Some(Kind::Punct('-' | ',' | '.' | ')'))))
            {
                return None;
            }
            let mut q = i + 2;
            if self.pc(q, '-') && self.adj(q - 1) {
                q += 1;
            }
            if let Some((e, y, _)) = self.year_spec(q, false) {
                return abs(e, if half { self.half(y, n) } else { cal::quarter(y, n) });
            }
            if half || !(1..=4).contains(&n) {
                return None;
            }
            let r = self.r?;
            return abs(i + 2, cal::nearest(r, (r.year() - 1..=r.year() + 1).filter_map(|y| cal::quarter(y, n))));
        }
        // Words.
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let n = if self.kw(k, Kw::Last) { 4 } else { self.ordinal(k).map(|(_, n)| n)? };
        let oe = if self.kw(k, Kw::Last) { k + 1 } else { self.ordinal(k)?.0 };
        let half = self.kw(oe, Kw::Half);
        if !(half || self.kw(oe, Kw::Quarter)) || self.str(oe).ends_with('s') {
            return None;
        }
        let n = if half && self.kw(k, Kw::Last) { 2 } else { n };
        let (e, y, _) = self.year_spec(oe + 1, true)?;
        abs(e, if half { self.half(y, n) } else { cal::quarter(y, n) })
    }

    fn half(&self, y: i32, n: u32) -> Option<DateInterval> {
        match n {
            1 => cal::months(y, 1, 6),
            2 => cal::months(y, 7, 12),
            _ => None,
        }
    }

    // ------------------------------------------------------------------------------------
    // Parts of periods
    // ------------------------------------------------------------------------------------

    /// A period that early/mid/late, beginning/end of and the like apply to.
    fn period(&self, j: usize) -> Option<(usize, P, PerKind)> {
        if let Some(W::Weekday(w, false)) = self.wk(j) {
            return Some((j + 1, P::Wd(w), PerKind::Weekday));
        }
        if let Some((e, mo, _)) = self.month(j) {
            let mut q = e;
            let mut two = false;
            if self.pc(q, ',') || self.tight_sep(q) {
                q += 1;
            } else if self.kw(q, Kw::Of) || self.kw(q, Kw::In) {
                q += 1;
                two = self.kw(q - 1, Kw::Of);
            }
            if let Some((ye, y)) = self.year_any(q, two) {
                return Some((ye, P::Abs(cal::month(y, mo)?), PerKind::Month));
            }
            if let Some((ye, y)) = self.rel_year(e, false) {
                return Some((ye, P::Abs(cal::month(y, mo)?), PerKind::Month));
            }
            if self.is_num(e) {
                return None;
            }
            return Some((e, P::Yl(Yl::month(mo)), PerKind::Month));
        }
        if let Some(d) = self.decade(j).or_else(|| self.decade(j + 1).filter(|_| self.kw(j, Kw::The))) {
            let P::Abs(iv) = d.p else { return None };
            let kind = if iv.days() > 3660 { PerKind::Century } else { PerKind::Decade };
            return Some((d.end, d.p, kind));
        }
        if let Some(c) = self.century(j) {
            return Some((c.end, c.p, PerKind::Century));
        }
        if let Some((e, y)) = self.year4(j).or_else(|| self.year_words(j)) {
            if self.money_before(j) || self.inside_cluster(j) {
                return None;
            }
            return Some((e, P::Abs(cal::year(y)?), PerKind::Year(false)));
        }
        // "this week", "the month", "next year", "month"
        let mut k = j;
        let mut delta = 0;
        match self.kw_at(k) {
            Some(Kw::This | Kw::Current | Kw::The | Kw::My) => k += 1,
            Some(Kw::Next | Kw::Coming | Kw::Following) => {
                delta = 1;
                k += 1;
            }
            Some(Kw::Last | Kw::Previous | Kw::Past) => {
                delta = -1;
                k += 1;
            }
            _ => {}
        }
        let (e, u) = self.period_unit(k)?;
        if self.kw(k, Kw::Weekend) {
            return None;
        }
        let r = self.r?;
        let iv = self.unit_iv(u, r, delta)?;
        let kind = match u {
            U::Week => PerKind::Week,
            U::Month => PerKind::Month,
            U::Year => PerKind::Year(true),
            U::Decade => PerKind::Decade,
            U::Century => PerKind::Century,
            _ => return None,
        };
        Some((e, P::Abs(iv), kind))
    }

    /// The early, middle or late part of a period.
    fn apply_part(&self, part: Part, p: P, kind: PerKind) -> Option<P> {
        let month_days = |part: Part| match part {
            Part::Early => (1, 15),
            Part::Mid => (10, 20),
            Part::Late => (16, 0),
        };
        match (kind, p) {
            (PerKind::Weekday, p) => Some(p),
            (PerKind::Month, P::Yl(yl)) => {
                let (a, b) = month_days(part);
                Some(P::Yl(Yl { sm: yl.sm, sd: a, em: yl.sm, ed: b }))
            }
            (PerKind::Month, P::Abs(iv)) => {
                let (a, b) = month_days(part);
                let (y, mo) = (iv.start.year(), iv.start.month());
                let b = if b == 0 { cal::last_day(y, mo) } else { b };
                span(ymd(y, mo, a)?, ymd(y, mo, b)?).map(P::Abs)
            }
            (PerKind::Year(rel), P::Abs(iv)) => {
                let y = iv.start.year();
                let (a, b) = match (part, rel) {
                    (Part::Early, true) => (1, 6),
                    (Part::Late, true) => (7, 12),
                    (Part::Early, false) => (1, 4),
                    (Part::Mid, _) => (5, 8),
                    (Part::Late, false) => (9, 12),
                };
                cal::months(y, a, b).map(P::Abs)
            }
            (PerKind::Week, P::Abs(iv)) => {
                let (a, b) = match part {
                    Part::Early => (0, 2),
                    Part::Mid => (1, 4),
                    Part::Late => (3, 6),
                };
                span(add_days(iv.start, a)?, add_days(iv.start, b)?).map(P::Abs)
            }
            (PerKind::Decade, P::Abs(iv)) => {
                let y = iv.start.year();
                let (a, b) = match part {
                    Part::Early => (0, 3),
                    Part::Mid => (3, 6),
                    Part::Late => (6, 9),
                };
                cal::years(y + a, y + b).map(P::Abs)
            }
            (PerKind::Century, P::Abs(iv)) => {
                let y = iv.start.year().div_euclid(100) * 100;
                let (a, b) = match part {
                    Part::Early => (0, 32),
                    Part::Mid => (33, 66),
                    Part::Late => (67, 99),
                };
                cal::years((y + a).max(iv.start.year()), y + b).map(P::Abs)
            }
            _ => None,
        }
    }

    /// "early January", "mid-2024", "late this week", "the end of 2025", "beginning of next
    /// week", "end of month", "earlier this month", "later this year", "the rest of the week",
    /// "EOY", "early Monday".
    fn part(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let kw = self.kw_at(k)?;
        let part = match kw {
            Kw::Early | Kw::Beginning | Kw::Start => Part::Early,
            Kw::Mid | Kw::Middle => Part::Mid,
            Kw::Late | Kw::End => Part::Late,
            Kw::Earlier | Kw::Later => return self.earlier_later(k),
            Kw::Rest | Kw::Remaining => return self.rest(k),
            Kw::Eoy => {
                let r = self.r?;
                return abs(k + 1, cal::months(r.year(), 7, 12));
            }
            _ => return None,
        };
        if k != i && matches!(kw, Kw::Early | Kw::Mid | Kw::Late) && self.decade(k + 1).is_none() {
            return None; // "the late President"
        }
        let mut q = k + 1;
        if matches!(kw, Kw::Beginning | Kw::Start | Kw::Middle | Kw::End) {
            if !self.kw(q, Kw::Of) {
                return None;
            }
            q += 1;
        } else {
            if self.pc(q, '-') && self.adj(q - 1) {
                q += 1;
            }
            if self.kw(q, Kw::In) && kw != Kw::Mid {
                q += 1;
            }
        }
        let (e, p, kind) = self.period(q)?;
        if kind == PerKind::Weekday && !matches!(kw, Kw::Early | Kw::Late) {
            return None;
        }
        m(e, self.apply_part(part, p, kind)?)
    }

    /// "earlier this month", "later this week", "later in the year", "earlier previous week".
    fn earlier_later(&self, k: usize) -> Option<M> {
        let r = self.r?;
        let later = self.kw(k, Kw::Later);
        let mut q = k + 1;
        if self.kw(q, Kw::In) && self.kw(q + 1, Kw::The) {
            q += 2;
        } else if self.kw(q, Kw::This) || self.kw(q, Kw::The) || self.kw(q, Kw::Current) {
            q += 1;
        } else if matches!(self.kw_at(q), Some(Kw::Previous | Kw::Last | Kw::Next)) {
            let (e, p, kind) = self.period(q)?;
            let part = if later { Part::Late } else { Part::Early };
            return (kind == PerKind::Week).then(|| m(e, self.apply_part(part, p, kind)?)).flatten();
        } else {
            return None;
        }
        let (e, u) = self.period_unit(q)?;
        let iv = self.unit_iv(u, r, 0)?;
        let (a, b) = match u {
            U::Week => {
                if later {
                    (r.max(add_days(iv.start, 3)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.max(iv.start))
                }
            }
            U::Month => {
                if later {
                    (r.max(ymd(r.year(), r.month(), 16)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.min(ymd(r.year(), r.month(), 15)?).max(iv.start))
                }
            }
            U::Year => {
                if later {
                    (r.max(ymd(r.year(), 7, 1)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.max(iv.start))
                }
            }
            _ => return None,
        };
        abs(e, span(a, b))
    }

    /// "the rest of the week", "rest of the month", "rest of the year", "rest this week".
    fn rest(&self, k: usize) -> Option<M> {
        let r = self.r?;
        let mut q = k + 1;
        if self.kw(q, Kw::Of) {
            q += 1;
        }
        if matches!(self.kw_at(q), Some(Kw::The | Kw::This | Kw::My | Kw::Current)) {
            q += 1;
        }
        let (e, u) = self.period_unit(q)?;
        if !matches!(u, U::Week | U::Month | U::Year) || self.kw(q, Kw::Weekend) {
            return None;
        }
        let iv = self.unit_iv(u, r, 0)?;
        abs(e, span(r, iv.end))
    }

    // ------------------------------------------------------------------------------------
    // Weeks, months and weekdays counted in a period
    // ------------------------------------------------------------------------------------

    /// A period resolved to days, for "the first week of ...".
    fn period_iv(&self, j: usize) -> Option<(usize, DateInterval, PerKind)> {
        let (e, p, kind) = self.period(j)?;
        if kind == PerKind::Weekday {
            return None;
        }
        Some((e, self.resolve(p)?, kind))
    }

    /// "on Friday" after a week: the day of that week.
    fn on_weekday(&self, e: usize, monday: NaiveDate) -> Option<(usize, NaiveDate)> {
        let mut q = e;
        if self.kw(q, Kw::On) || self.pc(q, ',') {
            q += 1;
        }
        let Some(W::Weekday(w, _)) = self.wk(q) else { return None };
        Some((q + 1, cal::in_week(monday, w)?))
    }

    fn week_result(&self, e: usize, monday: NaiveDate) -> Option<M> {
        if let Some((we, day)) = self.on_weekday(e, monday) {
            return abs(we, Some(DateInterval::day(day)));
        }
        abs(e, span(monday, add_days(monday, 6)?))
    }

    /// "week 31", "week 3 of 2027", "the first week of Oct", "the last week of july", "3rd week
    /// of 2018", "the third week next year", "the first 2 weeks of 2021", "the last four months
    /// of 2021", "first ten days of last year", "the third month of 2021", "the first friday of
    /// july", "the second Monday of next month", "second Sunday".
    fn nth(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        // ISO weeks: "week 31", "week 3 of 2027"
        if self.kw(k, Kw::Week) && !self.str(k).ends_with('s') {
            let (n, len) = self.num(k + 1)?;
            if len > 2 || !(1..=53).contains(&n) || !self.num_ends(k + 1) || self.plural_noun(k + 2) {
                return None;
            }
            let (e, y) = match self.year_spec(k + 2, false) {
                Some((e, y, _)) if self.kw(k + 2, Kw::Of) || self.kw(k + 2, Kw::In) => (e, y),
                _ => (k + 2, self.r?.year()),
            };
            let monday = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)?;
            return self.week_result(e, monday);
        }
        // The ordinal.
        let (oe, n) = if self.kw(k, Kw::Last) {
            (k + 1, -1)
        } else {
            let (e, n) = self.ordinal(k)?;
            (e, n as i32)
        };
        // "the first 2 weeks of 2021", "the last four months of 2021"
        if n == 1 || n == -1 {
            if let Some((ce, c)) = self.count(oe).filter(|_| !self.kw(oe, Kw::A)) {
                if let Some((ue, u)) = self.unit(ce) {
                    if self.kw(ue, Kw::Of) && (1..=366).contains(&c) {
                        let (e, iv, _) = self.period_iv(ue + 1)?;
                        let c = c as i32;
                        let out = match u {
                            U::Week => {
                                let (a, b) = if n > 0 { (1, c) } else { (-c, -1) };
                                span(cal::nth_week(&iv, a)?, add_days(cal::nth_week(&iv, b)?, 6)?)
                            }
                            U::Day => {
                                if n > 0 {
                                    span(iv.start, add_days(iv.start, i64::from(c) - 1)?.min(iv.end))
                                } else {
                                    span(add_days(iv.end, 1 - i64::from(c))?.max(iv.start), iv.end)
                                }
                            }
                            U::Month => {
                                if n > 0 {
                                    span(iv.start, add_days(add_months(iv.start, i64::from(c))?, -1)?.min(iv.end))
                                } else {
                                    let s = add_months(add_days(iv.end, 1)?, -i64::from(c))?;
                                    span(s.max(iv.start), iv.end)
                                }
                            }
                            _ => None,
                        };
                        return abs(e, out);
                    }
                }
            }
        }
        if n > 12 || n == 0 {
            return None;
        }
        // "the first week of Oct", "the third week next year"
        if self.kw(oe, Kw::Week) && !self.str(oe).ends_with('s') {
            if n > 5 {
                return None;
            }
            let q = if self.kw(oe + 1, Kw::Of) || self.kw(oe + 1, Kw::In) { oe + 2 } else { oe + 1 };
            let (e, iv, kind) = self.period_iv(q)?;
            if !matches!(kind, PerKind::Month | PerKind::Year(_)) {
                return None;
            }
            let monday = cal::nth_week(&iv, n)?;
            return self.week_result(e, monday);
        }
        // "the third month of 2021"
        if self.kw(oe, Kw::Month) && self.kw(oe + 1, Kw::Of) {
            let (e, y, _) = self.year_spec(oe + 2, true)?;
            if n < 1 {
                return None;
            }
            return abs(e, cal::month(y, n as u32));
        }
        // "the first friday of july"
        let Some(W::Weekday(w, _)) = self.wk(oe) else { return None };
        if n > 5 {
            return None;
        }
        if self.kw(oe + 1, Kw::Of) || self.kw(oe + 1, Kw::In) {
            let (e, iv, kind) = self.period_iv(oe + 2)?;
            if kind != PerKind::Month {
                return None;
            }
            return abs(e, day_iv(cal::nth_weekday(iv.start.year(), iv.start.month(), w, n)));
        }
        let end = oe + 1 >= self.t.len() || matches!(self.t[oe + 1].kind, Kind::Punct('.' | '!' | '?'));
        if !end || n < 1 {
            return None;
        }
        let r = self.r?;
        abs(oe + 1, day_iv(cal::nth_weekday(r.year(), r.month(), w, n)))
    }

    // ------------------------------------------------------------------------------------
    // Holidays
    // ------------------------------------------------------------------------------------

    /// A holiday name at `i`: (end, rule, words matched).
    fn holiday_name(&self, i: usize) -> Option<(usize, super::cal::Rule, usize)> {
        match self.wk(i)? {
            W::Hol | W::Month(5, false) => {}
            W::Kw(Kw::Suffix) if self.is(i, "st") => {}
            _ => return None,
        }
        // Normalised words and the token after each.
        let mut words: [([u8; 16], usize, usize); 6] = [([0; 16], 0, 0); 6];
        let mut n = 0;
        let mut k = i;
        while n < 6 && k < self.t.len() {
            match self.t[k].kind {
                Kind::Word(_) => {
                    let w = self.str(k);
                    if w.len() > 16 || !w.is_ascii() {
                        break;
                    }
                    let mut buf = [0u8; 16];
                    for (d, b) in buf.iter_mut().zip(w.bytes()) {
                        *d = b.to_ascii_lowercase();
                    }
                    words[n] = (buf, w.len(), k + 1);
                    n += 1;
                    k += 1;
                }
                Kind::Punct('\'') if n > 0 => {
                    // "year's", "int'l": the letters after the apostrophe join the word.
                    if self.adj(k) && (self.is(k + 1, "s") || self.is(k + 1, "l")) && self.adj(k - 1) {
                        let (buf, len, _) = &mut words[n - 1];
                        if *len < 16 {
                            buf[*len] = self.str(k + 1).as_bytes()[0].to_ascii_lowercase();
                            *len += 1;
                        }
                        words[n - 1].2 = k + 2;
                        k += 2;
                    } else {
                        words[n - 1].2 = k + 1;
                        k += 1;
                    }
                }
                Kind::Punct('.' | '-') if n > 0 && self.wk(k + 1).is_some() => k += 1,
                _ => break,
            }
        }
        let word = |j: usize| std::str::from_utf8(&words[j].0[..words[j].1]).unwrap_or("");
        let mut best: Option<(usize, super::cal::Rule, usize)> = None;
        for (name, rule) in HOLIDAYS {
            if name.len() > n || best.is_some_and(|(_, _, l)| l >= name.len()) {
                continue;
            }
            if name.iter().enumerate().all(|(j, w)| word(j) == *w) {
                best = Some((words[name.len() - 1].2, *rule, name.len()));
            }
        }
        best
    }

    /// Is the holiday name at tokens `k..e` part of the name of something else? Quoted before a
    /// noun, it is a title ("the 'Groundhog Day' speech"); written capitalised and followed by a capitalised
    /// noun, it begins a proper name ("St. Patrick's Cathedral", "Christmas Island") unless a
    /// preposition of time puts it in time ("on Christmas Day Russia struck").
    fn names_a_thing(&self, k: usize, e: usize) -> bool {
        let after_quote = if matches!(self.t.get(e).map(|t| t.kind), Some(Kind::Punct('\'' | '"' | '”' | '»'))) {
            e + 1
        } else {
            e
        };
        let quoted = k > 0
            && self.adj(k - 1)
            && matches!(self.t[k - 1].kind, Kind::Punct('\'' | '"' | '“' | '«' | '„'))
            && self.wk(after_quote) == Some(W::Other)
            && self.str(after_quote).starts_with(|c: char| c.is_lowercase());
        let name_follows = self.cap(k)
            && self.cap(e)
            && self.wk(e) == Some(W::Other)
            && !matches!(
                self.prev_kw(k),
                Some(Kw::On | Kw::Since | Kw::Until | Kw::Till | Kw::Before | Kw::After | Kw::By | Kw::During)
            );
        // "the Christmas tree", "the Boxing Day tsunami": after an article the holiday only
        // qualifies the noun that follows, which may be of any year.
        let qualifies = k > 0
            && self.kw(k - 1, Kw::The)
            && self.wk(e) == Some(W::Other)
            && self.str(e).chars().next().is_some_and(char::is_lowercase);
        quoted || name_follows || qualifies
    }

    /// The Independence Day of the country named before `i`, if any is named.
    fn independence(&self, i: usize) -> Option<Option<(u32, u32)>> {
        let mut p = i.checked_sub(1)?;
        if self.kw(p, Kw::S) && p > 0 && self.pc(p - 1, '\'') {
            p = p.checked_sub(2)?;
        }
        if self.wk(p) != Some(W::Other) {
            return None;
        }
        let name = self.str(p);
        let lower: String = name.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
        if let Some((_, mo, d)) = INDEPENDENCE.iter().find(|(c, _, _)| *c == lower) {
            return Some(Some((*mo, *d)));
        }
        crate::lexicon::is_country(name).then_some(None)
    }

    /// "Christmas", "New Year's Eve", "Easter Monday 2017", "next easter", "Thanksgiving
    /// 2010", "father's day of 2015", "Yuandan of next year", "labor day weekend", "the weekend
    /// of halloween", "Ukraine's Independence Day".
    fn holiday(&self, i: usize) -> Option<M> {
        let mut k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let mut weekend = false;
        if self.kw(k, Kw::Weekend) && self.kw(k + 1, Kw::Of) {
            weekend = true;
            k += 2;
        }
        let md = match self.kw_at(k) {
            Some(Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following) => Some(Mod::Next),
            Some(Kw::Last | Kw::Previous | Kw::Past) => Some(Mod::Last),
            Some(Kw::This) => Some(Mod::This),
            _ => None,
        };
        if md.is_some() {
            k += 1;
        }
        let (mut e, mut rule, words) = self.holiday_name(k)?;
        // "the Good Friday Agreement", "the Easter Rising", "the Christmas offensive": events of
        // their own.
        const EVENTS: &[&str] =
            &["agreement", "accord", "accords", "offensive", "rising", "uprising", "massacre", "island", "islands"];
        if EVENTS.iter().any(|w| self.is(e, w)) || self.names_a_thing(k, e) {
            return None;
        }
        if k == i && self.kw(i, Kw::The) {
            return None;
        }
        let first = self.str(k);
        if words == 2 && first.eq_ignore_ascii_case("new") && !self.is(k + 1, "years") {
            // "a new year", "the new year", "Happy New Year" are not New Year's Day.
            if k > 0 && (matches!(self.kw_at(k - 1), Some(Kw::The | Kw::A)) || self.is(k - 1, "happy")) {
                return None;
            }
        }
        // "Lunar New Year", "Chinese New Year", "Jewish New Year": other calendars.
        if first.eq_ignore_ascii_case("new") && k > 0 && self.wk(k - 1) == Some(W::Other) && self.cap(k - 1) {
            return None;
        }
        if words == 2 && self.wk(k) == Some(W::Month(5, false)) && !self.cap(k) && !self.cap(k + 1) {
            return None; // "may day-trade"
        }
        if rule == super::cal::Rule::Fixed(7, 4) && first.eq_ignore_ascii_case("independence") {
            match self.independence(k) {
                Some(Some((mo, d))) => rule = super::cal::Rule::Fixed(mo, d),
                Some(None) => return None,
                None => {}
            }
        }
        // A year: "easter 2018", "father's day of 2015", "Yuandan of next year".
        let mut year = None;
        if let Some((ye, y, _)) = self.year_spec(e, false) {
            year = Some(y);
            e = ye;
        }
        if !weekend && self.kw(e, Kw::Weekend) && !self.str(e).ends_with('s') {
            weekend = true;
            e += 1;
            if year.is_none() {
                if let Some((ye, y)) = self.year4(e) {
                    year = Some(y);
                    e = ye;
                }
            }
        }
        let iv = match (year, md) {
            (Some(y), _) => super::cal::holiday(rule, y)?,
            (None, Some(md)) => {
                let r = self.r?;
                let y = r.year();
                match md {
                    Mod::Next | Mod::Coming => {
                        (y..=y + 1).filter_map(|y| super::cal::holiday(rule, y)).find(|iv| iv.start > r)?
                    }
                    Mod::Last | Mod::Past => {
                        (y - 1..=y).rev().filter_map(|y| super::cal::holiday(rule, y)).find(|iv| iv.start < r)?
                    }
                    Mod::This => super::cal::holiday(rule, y)?,
                }
            }
            (None, None) => {
                let r = self.r?;
                cal::nearest(r, (r.year() - 1..=r.year() + 1).filter_map(|y| super::cal::holiday(rule, y)))?
            }
        };
        if weekend {
            let h = iv.start;
            let (a, b) = match h.weekday() {
                Weekday::Mon => (-2, 0),
                Weekday::Tue => (-3, 0),
                Weekday::Wed => (3, 4),
                Weekday::Thu => (0, 3),
                Weekday::Fri => (0, 2),
                Weekday::Sat => (0, 1),
                Weekday::Sun => (-1, 0),
            };
            return abs(e, span(add_days(h, a)?, add_days(h, b)?));
        }
        abs(e, Some(iv))
    }

    // ------------------------------------------------------------------------------------
    // Weeks of a day, spans, offsets
    // ------------------------------------------------------------------------------------

    /// "the week of April 10th", "w/c Feb 4", "the week beginning February 4", "month of
    /// september.16th".
    fn week_of(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let (q, month) = if self.kw(k, Kw::WeekOf) && self.pc(k + 1, '/') && self.kw(k + 2, Kw::C) {
            (k + 3, false)
        } else if self.kw(k, Kw::Week) && !self.str(k).ends_with('s') {
            match self.kw_at(k + 1)? {
                Kw::Of | Kw::Beginning | Kw::Starting | Kw::Commencing | Kw::Start => {
                    (k + 2 + usize::from(self.kw(k + 2, Kw::On)), false)
                }
                _ => return None,
            }
        } else if self.kw(k, Kw::Month) && !self.str(k).ends_with('s') && self.kw(k + 1, Kw::Of) {
            (k + 2, true)
        } else {
            return None;
        };
        let a = self.atom(q)?;
        let day = match a.p {
            P::Abs(iv) if iv.is_day() => iv.start,
            P::Yl(yl) if yl.is_day() => self.resolve_day(a.p)?,
            P::Day(_) => self.resolve_day(a.p)?,
            _ => return None,
        };
        if month {
            return abs(a.end, cal::month(day.year(), day.month()));
        }
        abs(a.end, cal::week(day))
    }

    /// Whether the words before `i` make "in 3 years" a span of time, not a date: "the first
    /// time in 3 years", "the highest in a decade", "once in two years".
    fn duration_context(&self, i: usize) -> bool {
        for j in (i.saturating_sub(4)..i).rev() {
            match self.t[j].kind {
                Kind::Punct('.' | ';' | '!' | '?') => return false,
                Kind::Word(W::Kw(Kw::Time)) | Kind::Word(W::Ord(1)) => return true,
                Kind::Word(W::Other) => {
                    let w = self.str(j);
                    let lower = w.to_ascii_lowercase();
                    if (lower.len() > 4 && lower.ends_with("est"))
                        || matches!(lower.as_str(), "ever" | "most" | "least" | "record" | "once" | "twice" | "times")
                    {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// "3 days ago", "two weeks ago", "in two weeks", "in a fortnight's time", "two weeks from
    /// now", "3 days after January 12th", "2 weeks before Christmas", "two days before
    /// yesterday".
    fn offset(&self, i: usize) -> Option<M> {
        if self.kw(i, Kw::In) {
            let (e, dur) = self.duration(i + 1, 3)?;
            if self.kw(e, Kw::Of) || self.kw(e, Kw::Ago) || self.duration_context(i) {
                return None;
            }
            if matches!(self.kw_at(e), Some(Kw::From | Kw::After | Kw::Before | Kw::Since)) {
                return None;
            }
            let mut end = e;
            if self.pc(end, '\'') {
                end += 1;
                if self.kw(end, Kw::S) {
                    end += 1;
                }
                if self.kw(end, Kw::Time) {
                    end += 1;
                } else {
                    end = e;
                }
            } else if self.kw(end, Kw::Time) {
                end += 1;
            }
            return abs(end, day_iv(self.shift(self.r?, &dur, 1)));
        }
        let (e, dur) = self.duration(i, 3)?;
        match self.kw_at(e)? {
            Kw::Ago => abs(e + 1, day_iv(self.shift(self.r?, &dur, -1))),
            k @ (Kw::From | Kw::After | Kw::Before) => {
                let sign = if k == Kw::Before { -1 } else { 1 };
                if k == Kw::From && self.kw(e + 1, Kw::Now) {
                    return abs(e + 2, day_iv(self.shift(self.r?, &dur, 1)));
                }
                let a = self.atom(e + 1)?;
                let base = self.resolve_day(a.p)?;
                abs(a.end, day_iv(self.shift(base, &dur, sign)))
            }
            _ => None,
        }
    }

    /// Spans counted from today: "next 3 days", "the past three years", "last 2 quarters",
    /// "the next two decades", "5 upcoming years", "within 5 days", "less than 2 weeks from
    /// today", "4 weeks in the future", "2 days hence", "3 days starting from next Monday",
    /// "for 3 days from today", "next couple weeks", "the next 4 business days".
    fn rel_span(&self, i: usize) -> Option<M> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        let dir = |kw: Option<Kw>| match kw {
            Some(Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following) => Some(1),
            Some(Kw::Past | Kw::Last | Kw::Previous | Kw::Prior) => Some(-1),
            _ => None,
        };
        // "next 3 days", "the past three years"
        if let Some(sign) = dir(self.kw_at(k)) {
            let (mut e, mut dur) = self.duration(k + 1, 3)?;
            if self.kw(e, Kw::Ago) {
                let (e1, d1) = self.duration(k + 1, 1)?;
                e = e1;
                dur = d1;
            }
            if matches!(self.kw_at(e), Some(Kw::From | Kw::After | Kw::Before | Kw::Of | Kw::Ago)) {
                return None;
            }
            return abs(e, self.span_from_today(&dur, sign));
        }
        // "the 3 next weeks", "5 upcoming years"
        if let Some((ce, n)) = self.count(k) {
            if let Some(sign) = dir(self.kw_at(ce)) {
                let (ue, u) = self.unit(ce + 1)?;
                if n != 1 && !self.str(ue - 1).ends_with('s') {
                    return None;
                }
                let dur = self.dur_of(n, u);
                return abs(ue, self.span_from_today(&dur, sign));
            }
        }
        let r = self.r?;
        // "within 5 days", "within the next 3 years", "within 2 weeks from today"
        if self.kw(k, Kw::Within) || (self.kw(k, Kw::Less) && self.kw(k + 1, Kw::Than)) {
            let mut q = if self.kw(k, Kw::Within) { k + 1 } else { k + 2 };
            if self.kw(q, Kw::The) {
                q += 1;
            }
            if matches!(self.kw_at(q), Some(Kw::Next | Kw::Upcoming | Kw::Coming)) {
                q += 1;
            }
            let (e, dur) = self.duration(q, 3)?;
            let (e, base) = match self.kw_at(e) {
                Some(Kw::From | Kw::After) => match self.kw_at(e + 1) {
                    Some(Kw::Today | Kw::Now) => (e + 2, r),
                    Some(Kw::Tomorrow) => (e + 2, add_days(r, 1)?),
                    _ => return None,
                },
                Some(Kw::Before | Kw::Ago) => return None,
                _ if self.kw(k, Kw::Less) => return None,
                _ => (e, r),
            };
            return abs(e, span(base, add_days(self.shift(base, &dur, 1)?, -1)?));
        }
        // "for 3 days, from today"
        let (q, for_) = if self.is(k, "for") { (k + 1, true) } else { (k, false) };
        let (e, dur) = self.duration(q, 3)?;
        if !for_ && self.kw(e, Kw::In) && self.kw(e + 1, Kw::The) && self.kw(e + 2, Kw::Future) {
            return abs(e + 3, span(add_days(r, 1)?, self.shift(r, &dur, 1)?));
        }
        if !for_ && self.kw(e, Kw::Hence) {
            return abs(e + 1, span(add_days(r, 1)?, self.shift(r, &dur, 1)?));
        }
        let mut s = e;
        if self.pc(s, ',') {
            s += 1;
        }
        let starting = self.kw(s, Kw::Starting);
        if starting {
            s += 1;
            if self.kw(s, Kw::From) || self.kw(s, Kw::On) {
                s += 1;
            }
        } else if for_ && self.kw(s, Kw::From) {
            s += 1;
        } else {
            return None;
        }
        let a = self.atom(s)?;
        let base = self.resolve_day(a.p)?;
        abs(a.end, span(base, add_days(self.shift(base, &dur, 1)?, -1)?))
    }

    fn dur_of(&self, n: i64, u: U) -> Dur {
        let mut d = Dur { single: Some((n, u)), ..Dur::default() };
        match u {
            U::Day => d.days = n,
            U::BDay => d.bdays = n,
            U::Week => d.days = 7 * n,
            U::Fortnight => d.days = 14 * n,
            U::Month => d.months = n,
            U::Quarter => d.months = 3 * n,
            U::Year => d.months = 12 * n,
            U::Decade => d.months = 120 * n,
            U::Century => d.months = 1200 * n,
        }
        d
    }

    /// The days after (sign 1) or before (-1) today covered by a duration. Quarters, decades
    /// and centuries count whole calendar units.
    fn span_from_today(&self, dur: &Dur, sign: i64) -> Option<DateInterval> {
        let r = self.r?;
        if let Some((n, u @ (U::Quarter | U::Decade | U::Century | U::Fortnight))) = dur.single {
            if n < 1 {
                return None;
            }
            return if sign > 0 {
                span(self.unit_iv(u, r, 1)?.start, self.unit_iv(u, r, n)?.end)
            } else {
                span(self.unit_iv(u, r, -n)?.start, self.unit_iv(u, r, -1)?.end)
            };
        }
        if sign > 0 {
            let first =
                if dur.bdays > 0 { self.shift(r, &Dur { bdays: 1, ..Dur::default() }, 1)? } else { add_days(r, 1)? };
            span(first, self.shift(r, dur, 1)?)
        } else {
            let last =
                if dur.bdays > 0 { self.shift(r, &Dur { bdays: 1, ..Dur::default() }, -1)? } else { add_days(r, -1)? };
            span(self.shift(r, dur, -1)?, last)
        }
    }

    // ------------------------------------------------------------------------------------
    // Ranges
    // ------------------------------------------------------------------------------------

    /// One end of a range: any date, or what only a range makes a date ("4", "the ninth",
    /// "2014", "now", "date", "May"). `atom` is the caller's reading of the atom at `j`.
    fn side(&self, j: usize, atom: Option<M>, after_to: bool) -> Option<(M, Side)> {
        if let Some(a) = atom {
            let kind = match a.p {
                P::Day(_) => Side::Day,
                _ => Side::Date,
            };
            return Some((a, kind));
        }
        if self.kw(j, Kw::Now) || (after_to && self.kw(j, Kw::Date)) {
            return Some((M { end: j + 1, p: P::Abs(DateInterval::day(self.r?)), wd: None }, Side::Date));
        }
        if after_to && self.kw(j, Kw::Current) && self.kw(j + 1, Kw::Date) {
            return Some((M { end: j + 2, p: P::Abs(DateInterval::day(self.r?)), wd: None }, Side::Date));
        }
        if let Some((e, y)) = self.year4(j).or_else(|| self.year_words(j)) {
            if self.money_before(j) || self.inside_cluster(j) {
                return None;
            }
            return Some((M { end: e, p: P::Abs(cal::year(y)?), wd: None }, Side::Year));
        }
        if let Some((e, mo, _)) = self.month(j) {
            if !self.money_before(j) {
                return Some((M { end: e, p: P::Yl(Yl::month(mo)), wd: None }, Side::Date));
            }
        }
        let k = if self.kw(j, Kw::The) { j + 1 } else { j };
        let (e, d, ord) = self.day(k)?;
        if k != j && !ord {
            return None;
        }
        let kind = if ord || self.is_num(k) { Side::Day } else { Side::DayWord };
        Some((M { end: e, p: P::Day(d), wd: None }, kind))
    }

    /// "from X to Y", "between X and Y", "X-Y", "X through Y", "November between 19 and 20".
    fn range(&self, i: usize, atom_at_i: Option<M>) -> Option<M> {
        // "November between 19 and 20 (, 2018)"
        if let Some((me, mo, _)) = self.month(i) {
            if self.kw(me, Kw::Between) {
                let (e1, d1, _) = self.day(me + 1)?;
                let (e2, d2) = if self.kw(e1, Kw::And) {
                    let (e2, d2, _) = self.day(e1 + 1)?;
                    (e2, d2)
                } else if self.pc(e1, '-') {
                    let (e2, d2, _) = self.day_num(e1 + 1)?;
                    (e2, d2)
                } else {
                    return None;
                };
                let yl = Yl { sm: mo, sd: d1, em: mo, ed: d2 };
                if d1 >= d2 || d2 > MAX_DAY[mo as usize - 1] {
                    return None;
                }
                if let Some((ye, y)) = self.year_after(e2) {
                    return abs(ye, self.yl_in(yl, y));
                }
                return m(e2, P::Yl(yl));
            }
        }
        let pre = self.kw_at(i).filter(|k| matches!(k, Kw::From | Kw::Between));
        let k = if pre.is_some() { i + 1 } else { i };
        // The scan has read the atom at `i` already: most tokens have none, and reading it again
        // would double the scan's cost.
        let atom = if k == i { atom_at_i } else { self.atom(k) };
        let (s1, k1) = self.side(k, atom, false)?;
        let c = s1.end;
        let conn = match self.t.get(c)?.kind {
            Kind::Word(W::Kw(Kw::And)) => pre == Some(Kw::Between),
            Kind::Word(W::Kw(Kw::To | Kw::Till | Kw::Until | Kw::Through)) => true,
            Kind::Punct('-' | '–' | '—' | '~') => true,
            _ => false,
        };
        if !conn || (pre == Some(Kw::Between) && !self.kw(c, Kw::And) && !self.kw(c, Kw::Through) && !self.pc(c, '-')) {
            return None;
        }
        let after_to = matches!(self.kw_at(c), Some(Kw::To | Kw::Till | Kw::Until));
        let (s2, k2) = self.side(c + 1, self.atom(c + 1), after_to)?;
        // Bare numbers on both sides must be years, or days with a month on the other side.
        let (k1, k2) = match (k1, k2) {
            (Side::DayWord, _) if matches!(s2.p, P::Yl(_)) => (Side::Day, k2),
            (_, Side::DayWord) if matches!(s1.p, P::Yl(_)) => (k1, Side::Day),
            (Side::DayWord, _) | (_, Side::DayWord) => return None,
            kinds => kinds,
        };
        match (k1, k2) {
            (Side::Day, Side::Day) | (Side::Year, Side::Day) | (Side::Day, Side::Year) => return None,
            (Side::Year, Side::Year) => {
                let (P::Abs(a), P::Abs(b)) = (s1.p, s2.p) else { return None };
                let (ya, yb) = (a.start.year(), b.start.year());
                if ya >= yb || yb - ya > 200 || self.plural_noun(s2.end) {
                    return None;
                }
            }
            (Side::Day, Side::Date) if pre.is_none() && !matches!(s2.p, P::Yl(_) | P::Abs(_)) => return None,
            (Side::Date, Side::Day) if self.plural_noun(s2.end) || self.unit(s2.end).is_some() => {
                return None;
            }
            _ => {}
        }
        // A day number needs a day on the other side: "2014-5" is not a range.
        let dayish = |p: P| match p {
            P::Abs(iv) => iv.days() <= 31,
            P::Yl(_) => true,
            _ => true,
        };
        if (k1 == Side::Day && !dayish(s2.p)) || (k2 == Side::Day && !dayish(s1.p)) {
            return None;
        }
        let p = self.combine(s1.p, s2.p)?;
        m(s2.end, p)
    }

    // ------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------

    /// The longest simple expression at `i`.
    pub(super) fn atom(&self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut take = |c: Option<M>| {
            if let Some(c) = c {
                if best.is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        match self.t.get(i)?.kind {
            Kind::Num { .. } => {
                take(self.cluster(i));
                take(self.day_first(i));
                take(self.year(i));
                take(self.year_month(i));
                take(self.decade(i));
                take(self.century(i));
                take(self.quarter(i));
                take(self.bare_day(i));
                take(self.nth(i));
                take(self.foreign_day(i));
            }
            Kind::Punct('\'') => take(self.decade(i)),
            Kind::Word(W::ForeignMonth(_)) => take(self.foreign_month_year(i)),
            Kind::Word(W::Other) => {}
            Kind::Word(_) => {
                take(self.month_first(i));
                take(self.month_bare(i));
                take(self.month_rel(i));
                take(self.day_rel(i));
                take(self.day_first(i));
                take(self.weekday(i));
                take(self.relday(i));
                take(self.relperiod(i));
                take(self.year(i));
                take(self.decade(i));
                take(self.century(i));
                take(self.quarter(i));
                take(self.part(i));
                take(self.nth(i));
                take(self.holiday(i));
                take(self.bare_day(i));
            }
            Kind::Punct(_) => {}
        }
        best
    }

    /// The longest expression at `i`, ranges and counted spans included.
    pub(super) fn expr(&self, i: usize) -> Option<M> {
        match self.t.get(i)?.kind {
            Kind::Word(W::Other) if !self.is(i, "for") => return None,
            Kind::Word(W::Decade(_)) => return None,
            Kind::Word(W::Kw(k)) if !starts_expression(k) => return None,
            Kind::Punct(c) if c != '\'' => return None,
            _ => {}
        }
        let atom = self.atom(i);
        let mut best = atom;
        for c in [self.range(i, atom), self.offset(i), self.rel_span(i), self.week_of(i)].into_iter().flatten() {
            if best.is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }
}

/// Words that can begin a date expression; the scan skips the others at once.
fn starts_expression(k: Kw) -> bool {
    use Kw::*;
    matches!(
        k,
        The | This
            | Next
            | Last
            | Past
            | Previous
            | Prior
            | Coming
            | Upcoming
            | Following
            | Current
            | Today
            | Tomorrow
            | Yesterday
            | Tonight
            | Ytd
            | Year
            | Calendar
            | Cy
            | Q
            | H
            | Early
            | Mid
            | Late
            | Beginning
            | Start
            | Middle
            | End
            | Earlier
            | Later
            | Rest
            | Remaining
            | Eoy
            | Week
            | Weekend
            | Fortnight
            | Month
            | WeekOf
            | Day
            | From
            | Between
            | In
            | Within
            | Less
            | A
            | Few
            | Couple
            | Suffix
    )
}

/// What one end of a range is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Date,
    Day,
    /// A day as a cardinal word ("two"), a day only beside a month ("from two to seven Feb").
    DayWord,
    Year,
}
