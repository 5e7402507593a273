//! The grammar of date expressions, over tokens. Every parser starts at one token and reads a
//! bounded number of tokens ahead (looking back a few for context), so a whole text is read in
//! linear time. Parsers return a [`Match`]: where it ends and what it means ([`Meaning`]); meanings
//! that need the article date (a day without a year, a weekday) are resolved by the caller.

use chrono::{Datelike, NaiveDate, Weekday};

use super::cal::{self, add_days, add_months, span, ymd};
use super::holidays::{holidays, independence_days};
use super::lex::{Keyword, Token, TokenKind, WordKind};
use crate::extract::number::parse_number;
use crate::interval::DateInterval;

mod absolute;
mod holidays;
mod numbers;
mod periods;
mod ranges;
mod relative;
mod spans;

pub(super) use ranges::is_coordinator;

/// Days in each month, February as in a leap year.
const MAX_DAY: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A year-less stretch of days, from a month and day to a month and day (day 0: the month's
/// last day), into the next year when the end comes before the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct YearlessSpan {
    pub start_month: u32,
    pub start_day: u32,
    pub end_month: u32,
    pub end_day: u32,
}

impl YearlessSpan {
    fn day(m: u32, d: u32) -> Self {
        YearlessSpan { start_month: m, start_day: d, end_month: m, end_day: d }
    }
    fn month(m: u32) -> Self {
        YearlessSpan { start_month: m, start_day: 1, end_month: m, end_day: 0 }
    }
    fn is_day(&self) -> bool {
        self.start_month == self.end_month && self.start_day == self.end_day
    }
}

/// What an expression means, before the article date is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    Abs(DateInterval),
    YearlessSpan(YearlessSpan),
    /// A day of an unnamed month ("the 18th").
    Day(u32),
    /// A weekday on its own ("on Friday").
    Wd(Weekday),
    /// A weekday with a day of an unnamed month ("Thursday the 21st").
    WdDay(Weekday, u32),
}

/// A match: the token after it, its meaning, and a weekday written with a full date.
#[derive(Clone, Copy, Debug)]
pub(super) struct Match {
    pub end: usize,
    pub meaning: Meaning,
    pub weekday: Option<Weekday>,
}

fn matched(end: usize, meaning: Meaning) -> Option<Match> {
    Some(Match { end, meaning, weekday: None })
}

fn abs(end: usize, iv: Option<DateInterval>) -> Option<Match> {
    matched(end, Meaning::Abs(iv?))
}

fn day_iv(d: Option<NaiveDate>) -> Option<DateInterval> {
    d.map(DateInterval::day)
}

/// Units of durations and periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
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
struct Length {
    months: i64,
    days: i64,
    bdays: i64,
    /// Count and unit when the duration has a single part.
    single: Option<(i64, Unit)>,
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
enum PeriodKind {
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
enum Modifier {
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
    /// The text's tokens.
    pub tokens: Vec<Token>,
    /// The article's date, that relative expressions count from.
    pub reference: Option<NaiveDate>,
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------------------------------
    // Token helpers
    // ------------------------------------------------------------------------------------

    fn word_at(&self, i: usize) -> Option<WordKind> {
        match self.tokens.get(i)?.kind {
            TokenKind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub(super) fn kw(&self, i: usize, k: Keyword) -> bool {
        self.word_at(i) == Some(WordKind::Keyword(k))
    }

    fn kw_at(&self, i: usize) -> Option<Keyword> {
        match self.word_at(i)? {
            WordKind::Keyword(k) => Some(k),
            _ => None,
        }
    }

    /// `i` is the punctuation `c`.
    fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.tokens.get(i), Some(Token { kind: TokenKind::Punct(p), .. }) if *p == c)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Num { value: v, digits: len } => Some((v, len)),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        self.num(i).is_some()
    }

    /// Token `i` and token `i + 1` touch.
    fn adj(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn str(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn cap(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is(&self, i: usize, lower: &str) -> bool {
        self.word_at(i).is_some() && self.str(i).eq_ignore_ascii_case(lower)
    }

    fn prev_kw(&self, i: usize) -> Option<Keyword> {
        i.checked_sub(1).and_then(|p| self.kw_at(p))
    }

    /// The token index where byte offset `byte` is reached, reading from `i`.
    fn tok_end_at(&self, i: usize, byte: usize) -> usize {
        let mut k = i;
        while k < self.tokens.len() && self.tokens[k].end <= byte {
            k += 1;
        }
        k
    }

    /// A separator between parts of a date written without spaces: "-", "/".
    fn tight_sep(&self, i: usize) -> bool {
        (self.is_punct(i, '-') || self.is_punct(i, '/')) && i > 0 && self.adj(i - 1) && self.adj(i)
    }

    /// True when the number ending at token `last` is not continued: not "3:30", "3.5",
    /// "3,000", "5pm", "3x".
    fn num_ends(&self, last: usize) -> bool {
        let n = last + 1;
        if !self.adj(last) {
            return !self.is_time_word(n);
        }
        match self.tokens.get(n).map(|t| t.kind) {
            Some(TokenKind::Punct(':' | '%')) | Some(TokenKind::Num { .. }) | Some(TokenKind::Word(_)) => false,
            Some(TokenKind::Punct('.' | ',')) => !(self.adj(n) && self.is_num(n + 1)),
            _ => true,
        }
    }

    /// "pm", "am", "p.m.", "GMT": a time of day follows.
    fn is_time_word(&self, i: usize) -> bool {
        if self.is(i, "pm") || self.is(i, "am") || self.is(i, "gmt") || self.is(i, "utc") || self.is(i, "o") {
            return true;
        }
        (self.is(i, "p") || self.is(i, "a")) && self.is_punct(i + 1, '.') && self.is(i + 2, "m")
    }

    /// A plural noun that makes a number before it a count: "2000 people", "21 soldiers".
    fn plural_noun(&self, i: usize) -> bool {
        if self.word_at(i) != Some(WordKind::Other) {
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
        self.is_punct(i, '%')
            || self.kw(i, Keyword::Thousand)
            || self.kw(i, Keyword::Hundred)
            || (self.word_at(i) == Some(WordKind::Other) && MEASURES.iter().any(|w| self.is(i, w)))
    }

    /// A preposition that introduces a figure before token `i`: "closed at", "rose to".
    fn figure_before(&self, i: usize) -> bool {
        i > 0
            && (matches!(
                self.kw_at(i - 1),
                Some(Keyword::At | Keyword::To | Keyword::From | Keyword::By | Keyword::Of)
            ) || ["about", "around", "near", "over", "under", "above", "below"].iter().any(|w| self.is(i - 1, w)))
    }

    /// Words after which a number is money or a measure, not a date: "$", "£", "#".
    fn money_before(&self, i: usize) -> bool {
        i > 0 && matches!(self.tokens[i - 1].kind, TokenKind::Punct('$' | '£' | '€' | '#' | '¥' | '+'))
    }

    // ------------------------------------------------------------------------------------
    // Resolution
    // ------------------------------------------------------------------------------------

    /// The days of a year-less stretch in the year it starts.
    pub(super) fn yl_in(&self, yl: YearlessSpan, y: i32) -> Option<DateInterval> {
        let start = ymd(y, yl.start_month, yl.start_day)?;
        let end_day = if yl.end_day == 0 { 31 } else { yl.end_day };
        let ey = if (yl.end_month, end_day) < (yl.start_month, yl.start_day) { y + 1 } else { y };
        let end_day = if yl.end_day == 0 { cal::last_day(ey, yl.end_month) } else { yl.end_day };
        span(start, ymd(ey, yl.end_month, end_day)?)
    }

    fn yl_nearest(&self, yl: YearlessSpan, r: NaiveDate) -> Option<DateInterval> {
        let y = r.year();
        cal::nearest(r, (y - 4..=y + 4).filter_map(|y| self.yl_in(yl, y)))
    }

    /// The meaning as days, using the article date where needed (the nearest reading).
    pub(super) fn resolve(&self, p: Meaning) -> Option<DateInterval> {
        match p {
            Meaning::Abs(iv) => Some(iv),
            Meaning::YearlessSpan(yl) => self.yl_nearest(yl, self.reference?),
            Meaning::Day(d) => {
                let r = self.reference?;
                let first = ymd(r.year(), r.month(), 1)?;
                cal::nearest(
                    r,
                    (-1..=1).filter_map(|k| {
                        let f = add_months(first, k)?;
                        day_iv(ymd(f.year(), f.month(), d))
                    }),
                )
            }
            Meaning::Wd(w) => {
                let (nearest, _) = self.weekday_readings(w)?;
                Some(DateInterval::day(nearest))
            }
            Meaning::WdDay(w, d) => self.fit_weekday(w, d).map(DateInterval::day),
        }
    }

    /// A weekday with a day of an unnamed month read both ways: the nearest month in which the
    /// day falls on that weekday, and, when it is not that, the nearest such day whatever its
    /// weekday: news means a day near its date, and may give the wrong weekday for it.
    pub(super) fn weekday_day_readings(&self, w: Weekday, d: u32) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let fitting = self.fit_weekday(w, d)?;
        // The nearest day `d`, as "the 15th" alone is read.
        let nearest = self.resolve(Meaning::Day(d)).map(|interval| interval.start);
        Some((fitting, nearest.filter(|day| *day != fitting && day.weekday() != w)))
    }

    /// A weekday on its own read both ways: the nearest such day, and the other one (the
    /// same weekday a week the other way). The article date itself, when it is that weekday, is
    /// the nearest and has no other reading.
    pub(super) fn weekday_readings(&self, w: Weekday) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let r = self.reference?;
        let ahead = (7 + w.num_days_from_monday() - r.weekday().num_days_from_monday()) % 7;
        if ahead == 0 {
            return Some((r, None));
        }
        let fwd = add_days(r, i64::from(ahead))?;
        let back = add_days(fwd, -7)?;
        Some(if ahead < 7 - ahead { (fwd, Some(back)) } else { (back, Some(fwd)) })
    }

    /// One day out of a meaning, for arithmetic ("2 weeks from January 15").
    fn resolve_day(&self, p: Meaning) -> Option<NaiveDate> {
        let iv = self.resolve(p)?;
        iv.is_day().then_some(iv.start)
    }

    fn weekday_with(&self, md: Modifier, w: Weekday) -> Option<NaiveDate> {
        let r = self.reference?;
        let monday = cal::week_start(r);
        let wd = i64::from(w.num_days_from_monday());
        let today = i64::from(r.weekday().num_days_from_monday());
        match md {
            Modifier::This => add_days(monday, wd),
            Modifier::Next => add_days(monday, 7 + wd),
            Modifier::Last => add_days(monday, wd - 7),
            Modifier::Past => add_days(r, -((7 + today - wd - 1) % 7 + 1)),
            Modifier::Coming => add_days(r, (7 + wd - today - 1) % 7 + 1),
        }
    }

    // ------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------

    /// The longest simple expression at `i`.
    pub(super) fn atom(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        let mut take = |c: Option<Match>| {
            if let Some(c) = c {
                if best.is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        match self.tokens.get(i)?.kind {
            TokenKind::Num { .. } => {
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
            TokenKind::Punct('\'') => take(self.decade(i)),
            TokenKind::Word(WordKind::ForeignMonth(_)) => take(self.foreign_month_year(i)),
            TokenKind::Word(WordKind::Other) => {}
            TokenKind::Word(_) => {
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
            TokenKind::Punct(_) => {}
        }
        best
    }

    /// The longest expression at `i`, ranges and counted spans included.
    pub(super) fn expr(&self, i: usize) -> Option<Match> {
        match self.tokens.get(i)?.kind {
            TokenKind::Word(WordKind::Other) if !self.is(i, "for") => return None,
            TokenKind::Word(WordKind::Decade(_)) => return None,
            TokenKind::Word(WordKind::Keyword(k)) if !starts_expression(k) => return None,
            TokenKind::Punct(c) if c != '\'' => return None,
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
fn starts_expression(k: Keyword) -> bool {
    use Keyword::*;
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
