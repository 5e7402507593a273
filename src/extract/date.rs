//! Date expressions, normalised to inclusive day intervals relative to the article date.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use crate::interval::DateInterval;
use crate::lexicon::MONTHS;

/// A date expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the text given to [`extract_dates`].
    pub range: Range<usize>,
    pub interval: DateInterval,
    /// A weekday written together with a full date ("Friday, 11 January 2026").
    pub weekday: Option<Weekday>,
}

fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().position(|m| *m == lower || (lower.len() >= 3 && m.starts_with(&lower))).map(|i| i as u32 + 1)
}

/// Every date expression in `text`, in order. Expressions that need the article date (a
/// day without a year) are skipped when `reference` is `None`.
pub fn extract_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        let month = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
        Regex::new(&format!(
            r"\b(?:(?P<md_m>{month})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>\d{{4}})\b)?|(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_m>{month})(?:,?\s+(?P<dm_y>\d{{4}})\b)?|(?P<my_m>{month})\s+(?P<my_y>\d{{4}})\b|(?:in|In)\s+(?P<y>(?:19|20)\d{{2}})\b)"
        ))
        .expect("valid")
    });
    let mut out = Vec::new();
    for caps in pattern.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let get = |name: &str| caps.name(name).map(|m| m.as_str());
        let interval = if let (Some(m), Some(d)) = (get("md_m").or(get("dm_m")), get("md_d").or(get("dm_d"))) {
            let (Some(month), Ok(day)) = (month_number(m), d.parse::<u32>()) else { continue };
            match get("md_y").or(get("dm_y")) {
                Some(y) => y.parse().ok().and_then(|y| NaiveDate::from_ymd_opt(y, month, day)).map(DateInterval::day),
                None => reference.and_then(|r| nearest(r, month, day)).map(DateInterval::day),
            }
        } else if let (Some(m), Some(y)) = (get("my_m"), get("my_y")) {
            month_number(m).and_then(|month| DateInterval::month(y.parse().ok()?, month))
        } else {
            get("y").and_then(|y| DateInterval::year(y.parse().ok()?))
        };
        let Some(interval) = interval else { continue };
        let start =
            if get("y").is_some() { caps.name("y").map_or(whole.start(), |m| m.start()) } else { whole.start() };
        out.push(DateMention { range: start..whole.end(), interval, weekday: None });
    }
    out
}

/// The reading of a year-less day nearest to the reference date.
fn nearest(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}
