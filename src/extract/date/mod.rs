//! Date expressions, normalised to inclusive day intervals relative to the article date.
//!
//! The text is split into tokens once (`lex`); at each token the grammar (`parse`) tries
//! every form that can start there and keeps the longest; the scan then moves past it. Every
//! form reads a bounded number of tokens, so a text is read in linear time.
//!
//! Conventions (documented for checks that compare intervals):
//!
//! - Year-less days, months, weekdays and holidays resolve to the reading nearest the article
//!   date (news talks about the recent past and the near future): "January 3" written on
//!   2026-01-18 is 2026-01-03, written on 2025-12-20 it is 2026-01-03 too.
//! - Weeks run Monday to Sunday (ISO). "this Friday" is the Friday of this week, "next Friday"
//!   that of next week, "last Friday" that of last week; "past Friday" is the latest Friday
//!   before today and "coming Friday" the first after it. A weekend is Saturday and Sunday.
//! - "this/next/last September" is September of this, next or last year.
//! - Parts of a month: early 1–15, mid 10–20, late 16–end ("end of March" is late March).
//!   Parts of a named year ("late 2024", "the end of 2025", "mid-2024"): January–April,
//!   May–August, September–December. Parts of a relative year ("late this year", "early next
//!   year", "end of the year"): January–June / May–August / July–December. Parts of a week:
//!   Monday–Wednesday, Tuesday–Friday, Thursday–Sunday. Of a decade: years 0–3, 3–6, 6–9. Of a
//!   century: 0–32, 33–66, 67–99. "earlier this month" runs from the 1st to the day before
//!   (at most the 15th), "later this year" from today (at the earliest July 1) to the end.
//!   These follow Microsoft Recognizers-Text, the peer suite's reference.
//! - Explicit ranges run through the end of their last part: "between 2014 and 2018" is
//!   2014-01-01 to 2018-12-31, "January 3-5" the 3rd to the 5th.
//! - "next/past N days (weeks, months, years)" start tomorrow / end yesterday; "within N days"
//!   starts today. Quarters, decades and centuries counted so are whole calendar units.
//! - Islamic holidays follow the tabular calendar and span two days, as observance depends on
//!   the moon sighting; Ramadan is the whole month.
//! - Open ranges ("since 2022", "until March", "by 2030", "before 2020", "after January 5")
//!   give nothing: they are not closed intervals.
//! - "N years (months, weeks) ago" is the day counted back, with a looser alternative reading
//!   of half the unit either way: news rounds. "today", "yesterday", "tomorrow" and "tonight"
//!   also read a day either way: a copy published after midnight or in another time zone.
//! - Other languages: day-month(-year) dates and a month with its year, in German, French,
//!   Spanish, Russian and Ukrainian ("1. März 2024", "5 января 2025 года", "el 5 de enero"); their
//!   month names are data (`data/foreign-months.txt`) and are never read alone.
//! - Not dates: decimals ("2082.1", "28.7 million"), holiday names inside other names ("St.
//!   Patrick's Cathedral", "the 'Groundhog Day' speech"), "the march", and relative words
//!   capitalised mid-sentence, the names of programmes ("This Week").

mod cal;
mod holidays;
mod lex;
mod parse;

#[cfg(test)]
mod tests;

use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::interval::DateInterval;
use lex::{Keyword, TokenKind, WordKind};
use parse::{Meaning, Parser, YearlessSpan};

/// A date expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the text given to [`extract_dates`].
    pub range: Range<usize>,
    pub interval: DateInterval,
    /// A weekday written together with a full date ("Friday, 11 January 2026").
    pub weekday: Option<Weekday>,
    /// Another reading the words allow: a weekday on its own ("on Thursday") may be the one
    /// before or after the article date when the sentence's tense does not say which.
    pub alternative: Option<DateInterval>,
}

/// Every date expression in `text`, in order and not overlapping. Expressions that need the
/// article date (a day without a year, "yesterday") are skipped when `reference` is `None`.
pub fn extract_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let parser = Parser { text, tokens: lex::tokenize(text), reference };
    let mut out: Vec<DateMention> = Vec::new();
    // The days and months written without a year, by index in `out`, and the last year written.
    let mut yearless: Vec<(usize, YearlessSpan)> = Vec::new();
    let mut written_year: Option<(i32, usize)> = None;
    let mut i = 0;
    let n = parser.tokens.len();
    while i < n {
        let Some(found) = parser.expr(i) else {
            i += 1;
            continue;
        };
        let end = found.end.clamp(i + 1, n);
        if !open_range(&parser, i, end) && !title_case_name(&parser, i, end) {
            let range = parser.tokens[i].start..parser.tokens[end - 1].end;
            let readings = match found.meaning {
                Meaning::Wd(w) => parser.weekday_readings(w).map(|(nearest, other)| {
                    let (pick, alternative) = match (other, tense(text, &range)) {
                        // The article's own weekday: one reading.
                        (None, _) => (nearest, None),
                        // The tense is silent: both readings stand, the nearest first.
                        (Some(other), None) => (nearest, Some(other)),
                        (Some(other), Some(tense)) => {
                            let other_fits = match tense {
                                Tense::Past => other < nearest,
                                Tense::Future => other > nearest,
                            };
                            (if other_fits { other } else { nearest }, None)
                        }
                    };
                    (DateInterval::day(pick), alternative.map(DateInterval::day))
                }),
                Meaning::WdDay(w, d) => parser
                    .weekday_day_readings(w, d)
                    .map(|(fitting, nearest)| (DateInterval::day(fitting), nearest.map(DateInterval::day))),
                // A day or month without a year, in a sentence that wrote one out before it, is
                // in that year ("in September 2022 and … that November"; "on 17 February 2025
                // and on 2 March").
                Meaning::YearlessSpan(yl) => {
                    match written_year.filter(|&(_, at)| same_time_frame(text, at, &range)) {
                        Some((year, _)) => parser.yl_in(yl, year).map(|interval| (interval, None)),
                        None => parser.resolve(found.meaning).map(|nearest| {
                            // "He left that job in July", in the past tense, may be the July gone
                            // by even when the coming one is nearer; "will meet in March", the
                            // next. The nearest stays the reading (as the peer suites read it),
                            // the other an alternative.
                            let year = nearest.start.year();
                            // The tense is read only for a date on the other side of the
                            // article's: most are not.
                            let shifted = match reference {
                                Some(r) if nearest.start > r && tense(text, &range) == Some(Tense::Past) => {
                                    parser.yl_in(yl, year - 1)
                                }
                                Some(r) if nearest.end < r && tense(text, &range) == Some(Tense::Future) => {
                                    parser.yl_in(yl, year + 1)
                                }
                                _ => None,
                            };
                            (nearest, shifted)
                        }),
                    }
                }
                p => parser.resolve(p).map(|interval| (interval, loose_reading(&parser, i, end, interval))),
            };
            if let Some((interval, alternative)) = readings {
                if let Meaning::YearlessSpan(yl) = found.meaning {
                    yearless.push((out.len(), yl));
                } else if let Some(year) = written_out_year(&text[range.clone()], interval) {
                    // "27 March and 4 September 2025": a yearless day just before, joined to
                    // this one, shares its year.
                    if let Some(&(at, yl)) = yearless.last().filter(|(at, _)| at + 1 == out.len()) {
                        let between = text[out[at].range.end..range.start].trim();
                        if between == "," || parse::is_coordinator(between) {
                            if let Some(interval) = parser.yl_in(yl, year) {
                                out[at].interval = interval;
                            }
                        }
                    }
                    written_year = Some((year, range.end));
                }
                out.push(DateMention { range, interval, weekday: found.weekday, alternative });
            }
        }
        i = end;
    }
    out
}

/// The year a date writes out in digits ("4 September 2025", "2022"), if it lies in one year.
fn written_out_year(written: &str, interval: DateInterval) -> Option<i32> {
    let year = interval.start.year();
    let digits = written.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4 && w.parse() == Ok(year));
    (digits && interval.end.year() == year).then_some(year)
}

/// Is a yearless date at `range` in the time frame of a year written out ending at `at`: in the
/// same sentence? Any full stop followed by a space, a quotation mark or a bracket ends one here
/// ("Jan. 6" too): the frame never reaches across a sentence the source's reader would part,
/// so a date reads the same in the whole text as in the sentences read alone.
fn same_time_frame(text: &str, at: usize, range: &Range<usize>) -> bool {
    let between = &text[at.min(range.start)..range.start];
    !between.char_indices().any(|(k, c)| {
        matches!(c, '.' | '!' | '?' | '\n')
            && (c == '\n' || between[k + 1..].chars().next().is_none_or(|n| !n.is_alphanumeric()))
    })
}

/// True when relative date words are written capitalised inside a sentence, as the name of a
/// programme or a publication is: "appeared on This Week", "NBC's Today show". Relative words
/// are lower-case in prose; at the start of a sentence or a line they may be capitalised.
fn title_case_name(p: &Parser, i: usize, end: usize) -> bool {
    let first = if p.kw(i, Keyword::The) && p.text[p.tokens[i].start..].starts_with('t') { i + 1 } else { i };
    if first == 0 || first >= end {
        return false;
    }
    // Capitalised, not an acronym ("at the EOY").
    let words = p.tokens[first..end].iter().all(|t| {
        let word = &p.text[t.start..t.end];
        matches!(t.kind, TokenKind::Word(WordKind::Keyword(_)))
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.bytes().skip(1).any(|b| b.is_ascii_lowercase())
    });
    let before = p.tokens[first - 1];
    let mid_sentence = matches!(before.kind, TokenKind::Word(_) | TokenKind::Num { .. } | TokenKind::Punct(',' | '\''))
        && !p.text[before.end..p.tokens[first].start].contains('\n');
    words && mid_sentence
}

/// A second, looser reading. "four years ago" is rarely four years to the day: news rounds.
/// Counted back in years, months or weeks, the expression also allows a reading as loose as its
/// unit: half a year either way for years, half a month for months, half a week for weeks.
fn loose_reading(p: &Parser, i: usize, end: usize, interval: DateInterval) -> Option<DateInterval> {
    // "today", "yesterday": counted from when the words were written, which a copy published
    // after midnight, or in another time zone, puts a day off the article's date.
    let deictic = end == i + 1
        && [Keyword::Today, Keyword::Tonight, Keyword::Yesterday, Keyword::Tomorrow].iter().any(|&k| p.kw(i, k));
    if deictic {
        let day = chrono::Duration::days(1);
        return Some(DateInterval::new(interval.start.checked_sub_signed(day)?, interval.end.checked_add_signed(day)?));
    }
    if end == i + 2 && p.kw(i, Keyword::This) {
        return this_weekday_past(p, i, interval);
    }
    if end == i + 2 && p.kw(i, Keyword::The) && p.kw(i + 1, Keyword::Weekend) {
        return the_weekend_past(p, i, interval);
    }
    if !p.kw(end - 1, Keyword::Ago) {
        return None;
    }
    let slack = (i..end).find_map(|k| match p.tokens[k].kind {
        TokenKind::Word(WordKind::Keyword(Keyword::Year)) => Some(182),
        TokenKind::Word(WordKind::Keyword(Keyword::Month)) => Some(15),
        TokenKind::Word(WordKind::Keyword(Keyword::Week)) => Some(3),
        _ => None,
    })?;
    let days = chrono::Duration::days(slack);
    // "more than 30 years ago" is any time before then, within reason: half as far back again.
    let before = p.text[..p.tokens[i].start].trim_end().to_ascii_lowercase();
    let at_least = before.ends_with("more than") || before.ends_with(" over") || before.ends_with("upwards of");
    let earliest = if at_least {
        let back = p.reference?.signed_duration_since(interval.start).num_days() / 2;
        interval.start.checked_sub_signed(chrono::Duration::days(back.max(slack)))?
    } else {
        interval.start.checked_sub_signed(days)?
    };
    Some(DateInterval::new(earliest, interval.end.checked_add_signed(days)?))
}

/// "He died this Sunday", in the past tense, is the Sunday just gone, as "este domingo" is in a
/// translation; "this Sunday" alone is the one of the current week, as the peer suites read it.
fn this_weekday_past(p: &Parser, i: usize, interval: DateInterval) -> Option<DateInterval> {
    let TokenKind::Word(WordKind::Weekday(weekday, _)) = p.tokens.get(i + 1)?.kind else { return None };
    let reference = p.reference?;
    let range = p.tokens[i].start..p.tokens[i + 1].end;
    if interval.start <= reference || tense(p.text, &range) != Some(Tense::Past) {
        return None;
    }
    let today = i64::from(reference.weekday().num_days_from_monday());
    let wanted = i64::from(weekday.num_days_from_monday());
    let back = (7 + today - wanted - 1) % 7 + 1;
    Some(DateInterval::day(reference.checked_sub_signed(chrono::Duration::days(back))?))
}

/// "The weekend talks focused on territory", in the past tense on a weekday, is the weekend just
/// gone; "the weekend" alone is the coming one, as the peer suites read it.
fn the_weekend_past(p: &Parser, i: usize, interval: DateInterval) -> Option<DateInterval> {
    let range = p.tokens[i].start..p.tokens[i + 1].end;
    if interval.start <= p.reference? || tense(p.text, &range) != Some(Tense::Past) {
        return None;
    }
    let week = chrono::Duration::days(7);
    Some(DateInterval::new(interval.start.checked_sub_signed(week)?, interval.end.checked_sub_signed(week)?))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// Words that put a clause in the future, or in the present that news uses for what is planned
/// ("The summit opens on Thursday").
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "won't",
    "going",
    "due",
    "scheduled",
    "set",
    "expected",
    "plans",
    "planned",
    "planning",
    "upcoming",
    "opens",
    "begins",
    "starts",
    "resumes",
    "meets",
    "arrives",
    "visits",
    "travels",
    "holds",
    "hosts",
    "precede",
    "precedes",
    "ahead",
];

/// Past forms that do not end in -ed.
const PAST: &[&str] = &[
    "was", "were", "had", "said", "met", "held", "took", "gave", "made", "told", "came", "went", "saw", "spoke",
    "began", "led", "left", "won", "lost", "sent", "brought", "wrote", "became", "rose", "fell", "struck", "hit",
    "ran", "met", "flew", "signed", "agreed", "did", "got", "found", "thought", "felt", "kept", "paid", "sold", "died",
    "fled", "quit",
];

/// The tense of the sentence around `range`, when its verbs say: a bare weekday is then the one
/// before ("opened on Thursday") or after ("will meet on Thursday") the article date.
fn tense(text: &str, range: &Range<usize>) -> Option<Tense> {
    let start = text[..range.start].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let end = text[range.end..].find(['.', '!', '?', '\n']).map_or(text.len(), |i| range.end + i);
    let (mut past, mut future) = (false, false);
    let mut words = text[start..end]
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(word) = words.next() {
        let lower = word.to_lowercase().replace('’', "'");
        // "a summit on Tuesday, hosted by Macron": a passive participle, not a past verb.
        let participle = words.peek().is_some_and(|next| next.eq_ignore_ascii_case("by"));
        if FUTURE.contains(&lower.as_str()) || lower.ends_with("'ll") {
            future = true;
        } else if participle {
            continue;
        } else if PAST.contains(&lower.as_str())
            || (lower.len() > 4
                && lower.ends_with("ed")
                && !lower.ends_with("eed")
                && !matches!(lower.as_str(), "scheduled" | "planned" | "expected"))
        {
            past = true;
        }
    }
    match (past, future) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Future),
        _ => None,
    }
}

/// True when the expression at tokens `i..end` is the bound of an open range ("since 2022",
/// "until March", "by the end of 2025", "later than 2020"), which is no closed interval. A
/// possessive keeps it: "after Monday's meeting" dates the meeting.
fn open_range(p: &Parser, i: usize, end: usize) -> bool {
    if i == 0 {
        return false;
    }
    if p.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Punct('\'')) && p.kw(end + 1, Keyword::S) {
        return false;
    }
    // "seit Februar 2022", "depuis 2014", "desde enero", "с 2022 года", "до 2030".
    const OTHER_LANGUAGES: &[&str] = &["seit", "bis", "depuis", "jusqu", "desde", "hasta", "с", "до", "з", "від"];
    if OTHER_LANGUAGES.iter().any(|w| p.text[p.tokens[i - 1].start..p.tokens[i - 1].end].eq_ignore_ascii_case(w)) {
        return true;
    }
    let kw = |j: usize| match p.tokens.get(j).map(|t| t.kind) {
        Some(TokenKind::Word(WordKind::Keyword(k))) => Some(k),
        _ => None,
    };
    match kw(i - 1) {
        Some(
            Keyword::Since
            | Keyword::Until
            | Keyword::Till
            | Keyword::Before
            | Keyword::After
            | Keyword::By
            | Keyword::Through,
        ) => true,
        Some(Keyword::To) => i >= 2 && matches!(kw(i - 2), Some(Keyword::Up | Keyword::Prior)),
        Some(Keyword::Than) => i >= 2 && matches!(kw(i - 2), Some(Keyword::Later | Keyword::Earlier)),
        Some(Keyword::Of) => i >= 2 && kw(i - 2) == Some(Keyword::Ahead),
        _ => false,
    }
}
