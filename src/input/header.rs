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
        // Only the header's bytes of a line: a whole article may be one line.
        let mut end = line.len().min(HEADER_BYTES - start);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        let line = &line[..end];
        start += line.len();
        for date in extract_dates(line, None) {
            if !date.interval.is_day() {
                continue;
            }
            let before = line[..date.range.start].trim_end();
            if is_labelled(before) {
                return Some((date.interval.start, DateOrigin::Header));
            }
            // "Place – date –" or "PLACE, date (Agency) –", or the date alone on its line.
            let alone =
                before.is_empty() && line[date.range.end..].trim().trim_matches(['–', '—', '-', '|']).trim().is_empty();
            if is_dateline(before) || alone {
                return Some((date.interval.start, DateOrigin::Dateline));
            }
        }
    }
    None
}

/// Does the text before a date end with a label such as "Updated:"?
fn is_labelled(before: &str) -> bool {
    let label = before.trim_end_matches(':').trim();
    let tail = &label[label.char_indices().rev().nth(20).map_or(0, |(i, _)| i)..];
    let tail = tail.to_lowercase();
    LABELS.iter().any(|l| tail == *l || tail.ends_with(&format!(" {l}")) || tail.ends_with(&format!("|{l}")))
}
