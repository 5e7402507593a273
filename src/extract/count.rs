//! Count expressions, as intervals: "18 countries", "about 50 nations", "more than 200".

use std::ops::Range;

use super::number::parse_number;
use crate::interval::CountInterval;

/// Settings for reading counts.
#[derive(Debug, Clone, Copy)]
pub struct CountSettings {
    /// Relative tolerance of "about", "around", "some" … (SPEC §5: 0.1).
    pub approximate: f64,
}

impl Default for CountSettings {
    fn default() -> Self {
        CountSettings { approximate: 0.1 }
    }
}

/// A count expression in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct CountMention {
    /// Byte range in the text given to [`extract_counts`].
    pub range: Range<usize>,
    pub interval: CountInterval,
    /// The counted noun as written, if any ("countries").
    pub unit: Option<Range<usize>>,
}

/// Every count expression in `text`, in order.
pub fn extract_counts(text: &str, settings: &CountSettings) -> Vec<CountMention> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(offset) = text[at..].find(|c: char| c.is_ascii_digit()) else { break };
        let start = at + offset;
        if text[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '$' || c == '.' || c == ',') {
            at = start + 1;
            continue;
        }
        let Some(number) = parse_number(&text[start..]) else {
            at = start + 1;
            continue;
        };
        let end = start + number.len;
        at = end;
        if number.value.fract() != 0.0 || text[end..].starts_with('%') {
            continue;
        }
        let n = number.value as u64;
        let (prefix_start, interval) = qualify(text, start, n, settings);
        let unit = text[end..]
            .strip_prefix(' ')
            .map(|rest| rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
            .filter(|w| !w.is_empty())
            .map(|w| end + 1..end + 1 + w.len());
        out.push(CountMention { range: prefix_start..end, interval, unit });
    }
    out
}

/// Reads a qualifier before the number ("about", "more than", …) into an interval.
fn qualify(text: &str, start: usize, n: u64, settings: &CountSettings) -> (usize, CountInterval) {
    let before = text[..start].to_lowercase();
    let approx = |low: f64, high: f64| CountInterval::closed(low.floor() as u64, high.ceil() as u64);
    let table: [(&str, CountInterval); 12] = [
        ("more than ", CountInterval { low: n, high: None, low_open: true, high_open: false }),
        ("over ", CountInterval { low: n, high: None, low_open: true, high_open: false }),
        ("at least ", CountInterval { low: n, high: None, low_open: false, high_open: false }),
        (
            "nearly ",
            CountInterval { low: (0.9 * n as f64).ceil() as u64, high: Some(n), low_open: false, high_open: true },
        ),
        (
            "almost ",
            CountInterval { low: (0.9 * n as f64).ceil() as u64, high: Some(n), low_open: false, high_open: true },
        ),
        ("up to ", CountInterval::closed(0, n)),
        ("at most ", CountInterval::closed(0, n)),
        ("about ", approx(n as f64 * (1.0 - settings.approximate), n as f64 * (1.0 + settings.approximate))),
        ("around ", approx(n as f64 * (1.0 - settings.approximate), n as f64 * (1.0 + settings.approximate))),
        ("some ", approx(n as f64 * (1.0 - settings.approximate), n as f64 * (1.0 + settings.approximate))),
        ("roughly ", approx(n as f64 * (1.0 - settings.approximate), n as f64 * (1.0 + settings.approximate))),
        ("approximately ", approx(n as f64 * (1.0 - settings.approximate), n as f64 * (1.0 + settings.approximate))),
    ];
    for (prefix, interval) in table {
        if before.ends_with(prefix) {
            return (start - prefix.len(), interval);
        }
    }
    (start, CountInterval::exact(n))
}
