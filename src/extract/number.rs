//! Numbers as news writes them: digits ("58,000", "1.2"), with scale words ("2 million",
//! "1.2bn"), and number words ("eighteen", "two hundred and fifty", "a dozen").
//! Shared by count and date extraction.

/// A number read at the start of a text: its value and how many bytes it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub len: usize,
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
    ("lakh", 100_000),
    ("crore", 10_000_000),
];

/// Abbreviated scales written straight after digits: "1.2bn", "5m", "10k".
const SUFFIXES: &[(&str, u64)] =
    &[("bn", 1_000_000_000), ("b", 1_000_000_000), ("m", 1_000_000), ("k", 1_000), ("tn", 1_000_000_000_000)];

/// The value of one number word ("eighteen", "dozen"), if it is one.
pub fn word_value(word: &str) -> Option<u64> {
    let lower = word.to_lowercase();
    if lower == "dozen" {
        return Some(12);
    }
    if let Some((tens, unit)) = lower.split_once('-') {
        let tens = UNITS.iter().find(|(w, v)| *w == tens && *v >= 20 && v % 10 == 0)?.1;
        let unit = UNITS.iter().find(|(w, v)| *w == unit && *v < 10 && *v > 0)?.1;
        return Some(tens + unit);
    }
    UNITS.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

fn scale_value(word: &str) -> Option<u64> {
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    SCALES.iter().find(|(w, _)| *w == singular).map(|(_, v)| *v)
}

/// Splits off the next word (letters, digits, internal hyphens) after optional spaces.
fn next_word(text: &str) -> Option<(&str, usize)> {
    let trimmed = text.trim_start_matches([' ', '\u{a0}']);
    let skipped = text.len() - trimmed.len();
    let len = trimmed
        .char_indices()
        .find(|&(i, c)| !(c.is_alphanumeric() || (c == '-' && i > 0)))
        .map_or(trimmed.len(), |(i, _)| i);
    let word = trimmed[..len].trim_end_matches('-');
    (!word.is_empty()).then_some((word, skipped + word.len()))
}

/// Reads digits with optional thousands separators and decimals: "58,000", "1.5".
fn digits(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut groups_ok = true;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let first_group = end;
    // Thousands separators: groups of exactly three digits after a comma.
    while end + 4 <= bytes.len() && bytes[end] == b',' && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit) {
        if bytes.get(end + 4).is_some_and(u8::is_ascii_digit) {
            groups_ok = false;
            break;
        }
        end += 4;
    }
    if !groups_ok || (end > first_group && first_group > 3) {
        end = first_group;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    let value = text[..end].replace(',', "").parse().ok()?;
    Some((value, end))
}

/// Reads a number at the start of `text`.
pub fn parse_number(text: &str) -> Option<Number> {
    if let Some((value, len)) = digits(text) {
        let rest = &text[len..];
        // "1.2bn", "5m" straight after the digits.
        for (suffix, scale) in SUFFIXES {
            if rest.get(..suffix.len()).is_some_and(|r| r.eq_ignore_ascii_case(suffix))
                && !rest[suffix.len()..].chars().next().is_some_and(char::is_alphanumeric)
            {
                return Some(Number { value: value * *scale as f64, len: len + suffix.len() });
            }
        }
        // "2 million", "1.5 billion", "13 lakh"; "3 hundred thousand".
        let mut value = value;
        let mut len = len;
        while let Some((word, used)) = next_word(&text[len..]) {
            match scale_value(word) {
                Some(scale) => {
                    value *= scale as f64;
                    len += used;
                }
                None => break,
            }
        }
        return Some(Number { value, len });
    }
    words(text)
}

/// Number words: "eighteen", "two hundred and fifty", "a dozen", "half a million".
fn words(text: &str) -> Option<Number> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    // `pos` is how far words were read; `len` how far they make a number ("and" and "a" only
    // count when a number word follows them).
    let (mut pos, mut len) = (0, 0);
    let mut seen = false;
    let mut half = false;
    let mut article = false;
    while let Some((word, used)) = next_word(&text[pos..]) {
        let lower = word.to_lowercase();
        if let Some(v) = word_value(&lower) {
            if lower == "dozen" {
                current = current.max(1) * 12;
            } else if seen && current % 100 != 0 && !(current >= 20 && current % 10 == 0 && v < 10) {
                break; // "five six" is two numbers; "twenty one" is one
            } else {
                current += v;
            }
        } else if let Some(scale) = scale_value(&lower) {
            let base = match current {
                0 if article || half || seen => 1,
                0 => break,
                n => n,
            };
            if scale == 100 {
                current = base * 100;
            } else {
                total += base * scale;
                current = 0;
            }
        } else if (lower == "a" || lower == "an") && !article && (!seen || half) {
            article = true;
            pos += used;
            continue;
        } else if lower == "and" && seen {
            pos += used;
            continue;
        } else if lower == "half" && !seen && !half {
            half = true;
        } else {
            break;
        }
        seen |= !(lower == "half");
        pos += used;
        len = pos;
    }
    if !seen {
        return None;
    }
    let value = (total + current) as f64;
    Some(Number { value: if half { value / 2.0 } else { value }, len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, &str)> {
        parse_number(text).map(|n| (n.value, &text[..n.len]))
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(value("18 countries"), Some((18.0, "18")));
        assert_eq!(value("58,000 workers"), Some((58_000.0, "58,000")));
        assert_eq!(value("1.2bn people"), Some((1_200_000_000.0, "1.2bn")));
        assert_eq!(value("10 million Ukrainians"), Some((10_000_000.0, "10 million")));
        assert_eq!(value("13 lakh"), Some((1_300_000.0, "13 lakh")));
        assert_eq!(value("1,23,456"), Some((1.0, "1")));
        assert_eq!(value("3.5"), Some((3.5, "3.5")));
    }

    #[test]
    fn number_words() {
        assert_eq!(value("eighteen nations"), Some((18.0, "eighteen")));
        assert_eq!(value("Twenty-one guns"), Some((21.0, "Twenty-one")));
        assert_eq!(value("two hundred and fifty people"), Some((250.0, "two hundred and fifty")));
        assert_eq!(value("a dozen states"), Some((12.0, "a dozen")));
        assert_eq!(value("half a million"), Some((500_000.0, "half a million")));
        assert_eq!(value("one thousand two hundred"), Some((1200.0, "one thousand two hundred")));
        assert_eq!(value("and then"), None);
        assert_eq!(value("a man"), None);
    }
}
