//! The article date written in the article itself: a labelled date in the header ("Updated:
//! January 6, 2026") or a dateline ("Kyiv, Ukraine – January 6, 2026 – ..."). Only the top of
//! the article is searched, and only a full day counts: a date in the body is news, not the
//! article's date.

use chrono::NaiveDate;

use super::{DateOrigin, Source};
use crate::extract::date::extract_dates;

/// How far into the text a header or dateline may be.
const HEADER_LINES: usize = 15;
const HEADER_BYTES: usize = 2000;

const LABELS: &[&str] =
    &["updated", "published", "posted", "date", "dated", "last updated", "modified", "first published"];

/// Is this the start of a line up to a date a dateline? "Kyiv, Ukraine –", "KYIV (Reuters) —".
pub fn is_dateline(line_before_date: &str) -> bool {
    let before = line_before_date.trim_end();
    before.ends_with(['–', '—', '-', ',', '|'])
        && before.len() <= 80
        && before.trim_end_matches(['–', '—', '-', ',', '|']).trim().chars().next().is_some_and(char::is_uppercase)
}

pub fn article_date(source: &Source) -> Option<(NaiveDate, DateOrigin)> {
    let text = &source.text;
    let mut start = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if index >= HEADER_LINES || start >= HEADER_BYTES {
            break;
        }
        start += line.len();
        for date in extract_dates(line, None) {
            if !date.interval.is_day() {
                continue;
            }
            let before = line[..date.range.start].trim_end();
            let label = before.trim_end_matches(':').trim().to_lowercase();
            if LABELS
                .iter()
                .any(|l| label == *l || label.ends_with(&format!(" {l}")) || label.ends_with(&format!("|{l}")))
            {
                return Some((date.interval.start, DateOrigin::Header));
            }
            // "Place – date –" or "PLACE, date (Agency) –", or the date alone on its line.
            let dateline = before.ends_with(['–', '—', '-', ',', '|'])
                && before.len() <= 80
                && before
                    .trim_end_matches(['–', '—', '-', ',', '|'])
                    .trim()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let alone =
                before.is_empty() && line[date.range.end..].trim().trim_matches(['–', '—', '-', '|']).trim().is_empty();
            if dateline || alone {
                return Some((date.interval.start, DateOrigin::Dateline));
            }
        }
    }
    None
}
