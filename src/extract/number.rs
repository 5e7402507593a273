//! Numbers as news writes them: digits ("58,000", "1 234 567", "1.2"), with scale words and
//! suffixes ("2 million", "1.2bn", "10k", "13 lakh"), and number words ("eighteen", "two hundred
//! and fifty", "a dozen", "half a million", "five and a half million").
//!
//! Shared by count and date extraction. [`parse_number`] reads a number at the start of a text;
//! [`read_number`] gives the details count extraction needs (was it spelled out, written with a
//! decimal point, a plain four-digit run that may be a year, …). Neither decides whether the
//! number is a count: "3rd" reads as 3 and "29km" as 29, the callers look at what follows.

/// A number read at the start of a text: its value and how many bytes it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub len: usize,
}

/// A number read by [`read_number`], with how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reading {
    /// The value; near-whole results of decimal arithmetic are rounded ("2.12 hundred" = 212).
    pub value: f64,
    /// Bytes taken, from the start of the text.
    pub len: usize,
    /// Starts with a word ("eighteen", "a dozen") rather than digits.
    pub spelled: bool,
    /// A decimal point was written ("1.5 million", "2.5").
    pub decimal: bool,
    /// ASCII digits only: no separator, decimal point, scale or suffix ("2024").
    pub plain: bool,
    /// The digits start with a 0 and there is more than one of them ("007", "0958").
    pub leading_zero: bool,
    /// Digits of the integer part, separators left out.
    pub int_digits: usize,
    /// `(mantissa, scale)` when the number is one mantissa times scale words or a suffix
    /// ("15 million" = (15, 1e6), "three hundred" = (3, 100), "5k" = (5, 1000)): ranges such as
    /// "10-15 million" carry the scale over to their first number.
    pub scaled: Option<(f64, f64)>,
    /// Ends with a glued lower-case "m" ("5m"): millions or metres, the caller decides.
    pub bare_m: bool,
    /// Exactly the word "one", which is more often a pronoun than a count.
    pub lone_one: bool,
}

/// The value of one number word below a hundred, given in lower case.
fn unit_value(lower: &[u8]) -> Option<u64> {
    Some(match lower {
        b"zero" | b"nought" | b"naught" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// Scale words above a hundred. Plurals ("3 thousands", "3 dozens") are read the same.
const SCALES: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
    ("lakh", 100_000),
    ("lac", 100_000),
    ("crore", 10_000_000),
];

/// Scale abbreviations written straight after digits: "1.2bn", "10k", "10M", "1.2b".
/// A lower-case "m" is read too but flagged ([`Reading::bare_m`]).
const GLUED_SUFFIXES: &[(&str, u64)] = &[
    ("bln", 1_000_000_000),
    ("mln", 1_000_000),
    ("tln", 1_000_000_000_000),
    ("trn", 1_000_000_000_000),
    ("bn", 1_000_000_000),
    ("mn", 1_000_000),
    ("tn", 1_000_000_000_000),
    ("k", 1_000),
    ("m", 1_000_000),
    ("b", 1_000_000_000),
];

/// Scale abbreviations that may also stand apart from the digits: "2.33 k", "10 bln". The glued
/// ones but the last two: a lone "m" or "b" is a word, not a scale.
const SPACED_SUFFIXES: &[(&str, u64)] = GLUED_SUFFIXES.split_at(GLUED_SUFFIXES.len() - 2).0;

/// Fraction words and their denominators: "three quarters", "a half", "two fifths".
const FRACTIONS: &[(&str, u32)] = &[
    ("half", 2),
    ("halves", 2),
    ("third", 3),
    ("thirds", 3),
    ("quarter", 4),
    ("quarters", 4),
    ("fourth", 4),
    ("fourths", 4),
    ("fifth", 5),
    ("fifths", 5),
    ("sixth", 6),
    ("sixths", 6),
    ("seventh", 7),
    ("sevenths", 7),
    ("eighth", 8),
    ("eighths", 8),
    ("ninth", 9),
    ("ninths", 9),
    ("tenth", 10),
    ("tenths", 10),
];

const DOZENS: &[&str] = &["dozen", "dozens", "dz", "dzs", "doz", "dozs"];

/// The value of one number word ("eighteen", "Twenty-one", "dozen", "nought"), if it is one.
pub fn word_value(word: &str) -> Option<u64> {
    // Asked of most words of every article: lower-cased on the stack and matched as bytes, with
    // no allocation and no search. Not through `text::ascii_lower`, whose UTF-8 check of the
    // buffer costs more than the match (measured with callgrind, with the date lexer alike).
    let mut buf = [0u8; LONGEST_NUMBER_WORD];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    if lower == b"dozen" {
        return Some(12);
    }
    if let Some(dash) = lower.iter().position(|&b| b == b'-') {
        let tens = unit_value(&lower[..dash]).filter(|v| *v >= 20 && v % 10 == 0)?;
        let ones = unit_value(&lower[dash + 1..]).filter(|v| (1..10).contains(v))?;
        return Some(tens + ones);
    }
    unit_value(lower)
}

/// "seventeen-seven" is as long as a number word can be (and is none).
const LONGEST_NUMBER_WORD: usize = 2 * "seventeen".len() + 1;

/// Reads a number at the start of `text` (after any spaces, which `len` then includes).
pub fn parse_number(text: &str) -> Option<Number> {
    let trimmed = text.trim_start_matches([' ', '\u{a0}']);
    let skipped = text.len() - trimmed.len();
    read_number(trimmed).map(|r| Number { value: r.value, len: skipped + r.len })
}

/// True for the spaces a number may run across: spaces, tabs, no-break and thin spaces.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Skips spaces and at most one line break (a number or its unit may wrap onto the next line).
pub(crate) fn skip_space(text: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut newline = false;
    for (i, c) in text[pos..].char_indices() {
        if is_space(c) || c == '\r' {
            end = pos + i + c.len_utf8();
        } else if c == '\n' && !newline {
            newline = true;
            end = pos + i + 1;
        } else {
            break;
        }
    }
    end
}

/// The same; `None` when nothing was skipped.
fn skip_some_space(text: &str, pos: usize) -> Option<usize> {
    Some(skip_space(text, pos)).filter(|&end| end > pos)
}

/// The word at `pos`: ASCII letters, with hyphens inside ("twenty-one"). `None` unless it
/// ends at a non-letter.
fn word_at(text: &str, pos: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut end = pos;
    while end < bytes.len() {
        let b = bytes[end];
        let inner_hyphen = b == b'-' && end > pos && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
        if b.is_ascii_alphabetic() || inner_hyphen {
            end += 1;
        } else {
            break;
        }
    }
    if end == pos {
        return None;
    }
    // A word that runs on into other letters ("zwölf") or digits is not a number word.
    if text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some(&text[pos..end])
}

/// Digits with thousands separators and decimals at the start of `text`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Digits {
    value: f64,
    len: usize,
    decimal: bool,
    grouped: bool,
    leading_zero: bool,
    int_digits: usize,
}

/// Reads "58,000", "1 234 567", "40 000", "1.5", "1,674.5".
fn digits(text: &str) -> Option<Digits> {
    let bytes = text.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let first_group = end;
    let mut int_digits = end;
    let mut grouped = false;
    if first_group <= 3 {
        // Thousands separators: "," or a (thin, no-break) space, then exactly three digits.
        for sep in [",", " ", "\u{a0}", "\u{202f}", "\u{2009}"] {
            let mut at = end;
            let mut groups = 0;
            while text[at..].starts_with(sep) {
                let g = at + sep.len();
                if g + 3 <= bytes.len()
                    && bytes[g..g + 3].iter().all(u8::is_ascii_digit)
                    && !bytes.get(g + 3).is_some_and(u8::is_ascii_digit)
                {
                    at = g + 3;
                    groups += 1;
                } else {
                    break;
                }
            }
            if groups > 0 {
                end = at;
                int_digits += 3 * groups;
                grouped = true;
                break;
            }
        }
    }
    let mut decimal = false;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        decimal = true;
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    let clean: String = text[..end].chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    let value = clean.parse().ok()?;
    Some(Digits { value, len: end, decimal, grouped, leading_zero: first_group > 1 && bytes[0] == b'0', int_digits })
}

/// A scale suffix at the start of `rest` that ends the word: `(bytes, scale, lower-case m)`.
fn suffix_at(rest: &str, table: &[(&str, u64)]) -> Option<(usize, u64, bool)> {
    for (suffix, scale) in table {
        let Some(head) = rest.get(..suffix.len()) else { continue };
        if !head.eq_ignore_ascii_case(suffix) {
            continue;
        }
        if rest[suffix.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        return Some((suffix.len(), *scale, head == "m"));
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A number below a hundred as a word, or digits. `word`: spelled; `tens`: 20, 30 … 90.
    Num {
        value: f64,
        word: bool,
        tens: bool,
        digits: Digits,
    },
    Hundred,
    Big(f64),
    Dozen,
    And,
    A,
    Frac {
        den: f64,
        plural: bool,
    },
}

fn classify(word: &str) -> Option<Tok> {
    let lower = crate::text::ascii_lowercase(word);
    if DOZENS.contains(&&*lower) {
        return Some(Tok::Dozen);
    }
    if let Some(v) = word_value(&lower) {
        let tens = v >= 20 && v % 10 == 0 && !lower.contains('-');
        return Some(Tok::Num { value: v as f64, word: true, tens, digits: Digits::default() });
    }
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if singular == "hundred" {
        return Some(Tok::Hundred);
    }
    if let Some((_, v)) = SCALES.iter().find(|(w, _)| *w == singular) {
        return Some(Tok::Big(*v as f64));
    }
    match &*lower {
        "and" => return Some(Tok::And),
        "a" | "an" => return Some(Tok::A),
        _ => {}
    }
    FRACTIONS.iter().find(|(w, _)| *w == lower).map(|(w, d)| Tok::Frac { den: *d as f64, plural: w.ends_with('s') })
}

/// The token at `pos` (no leading spaces) and where it ends.
fn token_at(text: &str, pos: usize) -> Option<(Tok, usize)> {
    let first = text[pos..].chars().next()?;
    if first.is_ascii_digit() {
        let d = digits(&text[pos..])?;
        let end = pos + d.len;
        // Inside a number, digits must stand alone: "and 21st" ends it.
        if text[end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        return Some((Tok::Num { value: d.value, word: false, tens: false, digits: d }, end));
    }
    let word = word_at(text, pos)?;
    Some((classify(word)?, pos + word.len()))
}

/// What was read last, for deciding what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Prev {
    /// A number; `after`: what it followed.
    Num {
        value: f64,
        word: bool,
        after: After,
    },
    /// A numerator after "five and": only a fraction may follow ("five and three quarters").
    Numerator {
        value: f64,
        after: After,
    },
    Hundred,
    Big,
    Dozen,
    And(After),
    /// "a"/"an": at the start, after "and", or after a leading "half".
    A(After),
    /// A fraction that still needs a scale ("half", "a quarter") or one that completes a
    /// number ("three quarters", "and a half").
    Frac {
        complete: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum After {
    Start,
    Num,
    Hundred,
    Big,
    Frac,
}

#[derive(Debug, Clone, Copy)]
struct State {
    total: f64,
    hundreds: f64,
    units: f64,
    last_big: f64,
    /// The units are a fraction of the last scale ("one million and a half").
    frac_tail: bool,
    end: usize,
    /// `mantissa × scale` so far, while the number has that shape.
    simple: Option<(f64, f64)>,
    decimal: bool,
}

impl State {
    fn value(&self) -> f64 {
        let units = if self.frac_tail && self.last_big.is_finite() { self.units * self.last_big } else { self.units };
        self.total + self.hundreds + units
    }
}

/// Rounds results of decimal arithmetic that are meant to be whole ("2.12 hundred").
fn tidy(v: f64) -> f64 {
    let r = v.round();
    if (v - r).abs() <= 1e-9 * v.abs().max(1.0) { r } else { v }
}

/// Reads a number at the start of `text` (no leading spaces), with how it was written.
pub fn read_number(text: &str) -> Option<Reading> {
    let first_char = text.chars().next()?;
    let mut reading = Reading::default();
    let mut st = State {
        total: 0.0,
        hundreds: 0.0,
        units: 0.0,
        last_big: f64::INFINITY,
        frac_tail: false,
        end: 0,
        simple: None,
        decimal: false,
    };
    let mut pos;
    let mut prev;

    if first_char.is_ascii_digit() {
        let d = digits(text)?;
        reading.leading_zero = d.leading_zero;
        reading.int_digits = d.int_digits;
        pos = d.len;
        st.units = d.value;
        st.decimal = d.decimal;
        st.simple = Some((d.value, 1.0));
        st.end = pos;
        let rest = &text[pos..];
        // "1.2bn", "10k", "10M"; "2.33 k", "10 bln".
        let glued = suffix_at(rest, GLUED_SUFFIXES);
        let spaced = || {
            let after = skip_some_space(text, pos)?;
            if text[pos..after].contains('\n') {
                return None;
            }
            suffix_at(&text[after..], SPACED_SUFFIXES).map(|(l, s, m)| (after - pos + l, s, m))
        };
        if let Some((len, scale, bare_m)) = glued.or_else(spaced) {
            let value = tidy(d.value * scale as f64);
            return Some(Reading {
                value,
                len: pos + len,
                decimal: d.decimal,
                scaled: Some((d.value, scale as f64)),
                bare_m,
                ..reading
            });
        }
        reading.plain = !d.grouped && !d.decimal;
        prev = Prev::Num { value: d.value, word: false, after: After::Start };
    } else {
        let (tok, end) = token_at(text, 0)?;
        reading.spelled = true;
        pos = end;
        match tok {
            Tok::Num { value, word, .. } => {
                st.units = value;
                st.simple = Some((value, 1.0));
                st.end = end;
                prev = Prev::Num { value, word, after: After::Start };
                // "fifty two", "fifty - two"
                if let Some((v, e)) = tens_unit(text, end, &tok) {
                    st.units += v;
                    st.simple = Some((st.units, 1.0));
                    st.end = e;
                    pos = e;
                    prev = Prev::Num { value: st.units, word: true, after: After::Start };
                }
                reading.lone_one = value == 1.0 && text[..st.end].eq_ignore_ascii_case("one");
            }
            Tok::A => prev = Prev::A(After::Start),
            Tok::Frac { den, .. } if den == 2.0 || den == 4.0 => {
                st.units = 1.0 / den;
                prev = Prev::Frac { complete: false };
            }
            _ => return None,
        }
    }

    // The last state that makes a whole number, and the one before the current part started
    // (after the last "hundred" or scale): "3 hundred and 2 hundred" goes back to "3 hundred".
    let mut commit = (st.end > 0).then_some(st);
    let mut part_snap: Option<State> = None;
    let mut conflict = false;

    while let Some(next) = skip_some_space(text, pos) {
        let Some((tok, end)) = token_at(text, next) else { break };
        let mut new = st;
        new.end = end;
        let mut valid = true;
        let zero = matches!(tok, Tok::Num { value, .. } if value == 0.0);
        prev = match (tok, prev) {
            (Tok::Num { .. }, _) if zero => break,
            (Tok::Num { value, word, digits, .. }, Prev::Hundred | Prev::And(After::Hundred)) if value < 100.0 => {
                new.simple = None;
                new.decimal |= digits.decimal;
                let (v, e) = composed(text, end, value, &tok).unwrap_or((value, end));
                new.units = v;
                new.end = e;
                Prev::Num { value: v, word, after: After::Hundred }
            }
            (Tok::Num { value, word, digits, .. }, Prev::Big | Prev::And(After::Big)) if value < 1000.0 => {
                let (v, e) = composed(text, end, value, &tok).unwrap_or((value, end));
                new.units = v;
                new.end = e;
                new.simple = None;
                new.decimal |= digits.decimal;
                let after = if prev == Prev::And(After::Big) { After::Big } else { After::Hundred };
                Prev::Num { value: v, word, after }
            }
            // "five and three quarters": a numerator after "and" needs its fraction.
            (Tok::Num { value, word: true, .. }, Prev::And(After::Num)) if value <= 10.0 => {
                new.units += value;
                new.simple = None;
                valid = false;
                Prev::Numerator { value, after: After::Num }
            }
            (Tok::Hundred, Prev::Num { word, .. }) => {
                if st.hundreds == 0.0 && st.units > 0.0 && (st.units < 100.0 || !word) {
                    new.hundreds = st.units * 100.0;
                    new.units = 0.0;
                    new.simple = st.simple.map(|(m, s)| (m, s * 100.0));
                    Prev::Hundred
                } else {
                    conflict = true;
                    break;
                }
            }
            (Tok::Hundred, Prev::A(After::Start)) => {
                new.hundreds = 100.0;
                new.simple = Some((1.0, 100.0));
                Prev::Hundred
            }
            (Tok::Big(scale), Prev::Num { .. } | Prev::Hundred | Prev::Dozen | Prev::Frac { .. } | Prev::A(_)) => {
                let group = match prev {
                    Prev::A(After::Start) => 1.0,
                    Prev::A(_) | Prev::Frac { .. } => st.hundreds + st.units,
                    _ => st.hundreds + st.units,
                };
                if group <= 0.0 || matches!(prev, Prev::Frac { complete: true }) && st.frac_tail && scale >= st.last_big
                {
                    break;
                }
                if scale >= st.last_big {
                    conflict = true;
                    break;
                }
                new.total = st.total + group * scale;
                new.hundreds = 0.0;
                new.units = 0.0;
                new.last_big = scale;
                new.frac_tail = false;
                new.simple = match (st.simple, prev) {
                    (Some((m, s)), Prev::Num { .. } | Prev::Hundred | Prev::Dozen) => Some((m, s * scale)),
                    (_, Prev::A(After::Start)) => Some((1.0, scale)),
                    _ => None,
                };
                Prev::Big
            }
            // "three lakh crore", "a thousand million".
            (Tok::Big(scale), Prev::Big) if scale > st.last_big => {
                new.total = st.total * scale;
                new.last_big = st.last_big * scale;
                new.simple = st.simple.map(|(m, s)| (m, s * scale));
                Prev::Big
            }
            (Tok::Dozen, Prev::Num { .. }) if st.units > 0.0 => {
                new.units = st.units * 12.0;
                new.simple = st.simple.map(|(m, s)| (m, s * 12.0));
                Prev::Dozen
            }
            (Tok::Dozen, Prev::A(After::Start)) => {
                new.units = 12.0;
                new.simple = Some((1.0, 12.0));
                Prev::Dozen
            }
            (Tok::Dozen, Prev::A(After::Frac) | Prev::Frac { complete: false }) => {
                new.units = st.units * 12.0;
                new.simple = None;
                Prev::Dozen
            }
            (Tok::And, Prev::Hundred) => {
                valid = false;
                Prev::And(After::Hundred)
            }
            (Tok::And, Prev::Big) => {
                valid = false;
                Prev::And(After::Big)
            }
            (Tok::And, Prev::Num { after: After::Start, .. }) => {
                valid = false;
                Prev::And(After::Num)
            }
            (Tok::A, Prev::And(after)) => {
                valid = false;
                Prev::A(after)
            }
            (Tok::A, Prev::Frac { complete: false }) => {
                valid = false;
                Prev::A(After::Frac)
            }
            // "a half million", "a quarter million" (need a scale).
            (Tok::Frac { den, .. }, Prev::A(After::Start)) if den == 2.0 || den == 4.0 => {
                new.units = 1.0 / den;
                valid = false;
                Prev::Frac { complete: false }
            }
            // "and a half", "and a quarter".
            (Tok::Frac { den, plural: false }, Prev::A(after @ (After::Num | After::Big | After::Hundred))) => {
                new.units = st.units + 1.0 / den;
                new.frac_tail = after == After::Big;
                new.simple = None;
                Prev::Frac { complete: true }
            }
            // "three quarters", "one half", "two million and three fifths".
            (Tok::Frac { den, plural }, Prev::Num { value, word: true, after } | Prev::Numerator { value, after })
                if (1.0..=10.0).contains(&value) && plural == (value > 1.0) =>
            {
                new.units = st.units - value + value / den;
                new.frac_tail = after == After::Big;
                new.simple = None;
                Prev::Frac { complete: true }
            }
            _ => break,
        };
        st = new;
        pos = st.end;
        if matches!(prev, Prev::Hundred | Prev::Big) {
            part_snap = Some(st);
        }
        if valid {
            commit = Some(st);
        }
    }
    let mut done = commit?;
    if conflict && let Some(snap) = part_snap {
        done = snap;
    }
    let value = tidy(done.value());
    Some(Reading {
        value,
        len: done.end,
        decimal: done.decimal || reading.decimal,
        plain: reading.plain && done.end == reading.int_digits,
        scaled: done.simple.filter(|&(_, s)| s > 1.0),
        lone_one: reading.lone_one && done.end == 3,
        ..reading
    })
}

/// A unit word 1–9 after a tens word: "fifty two", "fifty - two". Returns `(unit, end)`.
fn tens_unit(text: &str, end: usize, tok: &Tok) -> Option<(f64, usize)> {
    let Tok::Num { tens: true, .. } = tok else { return None };
    let mut at = skip_space(text, end);
    if text[at..].starts_with('-') {
        at = skip_space(text, at + 1);
    } else if at == end {
        return None;
    }
    let word = word_at(text, at)?;
    let v = word_value(word)?;
    (word.bytes().all(|b| b.is_ascii_alphabetic()) && (1..10).contains(&v)).then_some((v as f64, at + word.len()))
}

/// A number token after "hundred"/a scale, with a following unit word composed in.
fn composed(text: &str, end: usize, value: f64, tok: &Tok) -> Option<(f64, usize)> {
    tens_unit(text, end, tok).map(|(v, e)| (value + v, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, &str)> {
        parse_number(text).map(|n| (n.value, &text[..n.len]))
    }

    #[test]
    fn digits_and_scales() {
        let table: &[(&str, f64, &str)] = &[
            ("18 countries", 18.0, "18"),
            ("58,000 workers", 58_000.0, "58,000"),
            ("1,234,567", 1_234_567.0, "1,234,567"),
            ("1 234 567 people", 1_234_567.0, "1 234 567"),
            ("40\u{202f}000", 40_000.0, "40\u{202f}000"),
            ("1.2bn people", 1_200_000_000.0, "1.2bn"),
            ("1.2b", 1_200_000_000.0, "1.2b"),
            ("10k", 10_000.0, "10k"),
            ("10M.", 10_000_000.0, "10M"),
            ("2.33 k", 2_330.0, "2.33 k"),
            ("10 bln or", 10_000_000_000.0, "10 bln"),
            ("10 million Ukrainians", 10_000_000.0, "10 million"),
            ("1.5 million", 1_500_000.0, "1.5 million"),
            ("1,674.5 million", 1_674_500_000.0, "1,674.5 million"),
            ("13 lakh", 1_300_000.0, "13 lakh"),
            ("1 crore boxes", 10_000_000.0, "1 crore"),
            ("322 hundred", 32_200.0, "322 hundred"),
            ("2.12 hundred", 212.0, "2.12 hundred"),
            ("3 dozens", 36.0, "3 dozens"),
            ("3 dzs", 36.0, "3 dzs"),
            ("1,23,456", 1.0, "1"),
            ("3.5", 3.5, "3.5"),
            ("2024", 2024.0, "2024"),
            ("3rd", 3.0, "3"),
            ("123456789101231", 123_456_789_101_231.0, "123456789101231"),
        ];
        for &(text, v, span) in table {
            assert_eq!(value(text), Some((v, span)), "{text}");
        }
    }

    #[test]
    fn number_words() {
        let table: &[(&str, f64, &str)] = &[
            ("eighteen nations", 18.0, "eighteen"),
            ("Twenty-one guns", 21.0, "Twenty-one"),
            ("fifty two", 52.0, "fifty two"),
            ("fifty - two", 52.0, "fifty - two"),
            ("fifty   two", 52.0, "fifty   two"),
            ("two hundred and fifty people", 250.0, "two hundred and fifty"),
            ("one hundred and sixty-one", 161.0, "one hundred and sixty-one"),
            ("Three hundred  and  thirty one", 331.0, "Three hundred  and  thirty one"),
            ("two hundred and two thousand", 202_000.0, "two hundred and two thousand"),
            ("two  thousand  and  two hundred", 2200.0, "two  thousand  and  two hundred"),
            ("one thousand two hundred", 1200.0, "one thousand two hundred"),
            ("twenty-one trillion three hundred", 21_000_000_000_300.0, "twenty-one trillion three hundred"),
            ("twenty-one trillion and three hundred", 21_000_000_000_300.0, "twenty-one trillion and three hundred"),
            ("twenty one hundred", 2100.0, "twenty one hundred"),
            ("a dozen states", 12.0, "a dozen"),
            ("half a  dozen", 6.0, "half a  dozen"),
            ("three hundred and two dozens", 324.0, "three hundred and two dozens"),
            ("five dozs", 60.0, "five dozs"),
            ("a thousand", 1000.0, "a thousand"),
            ("half a million", 500_000.0, "half a million"),
            ("half million", 500_000.0, "half million"),
            ("quarter million", 250_000.0, "quarter million"),
            ("one million and a half", 1_500_000.0, "one million and a half"),
            ("3 million and a quarter", 3_250_000.0, "3 million and a quarter"),
            ("two million and one half", 2_500_000.0, "two million and one half"),
            ("two million and three fifths", 2_600_000.0, "two million and three fifths"),
            ("five and a half million", 5_500_000.0, "five and a half million"),
            ("five billion and three quarters", 5_750_000_000.0, "five billion and three quarters"),
            ("one billion and a half million", 1_000_500_000.0, "one billion and a half million"),
            ("one billion and three quarters million", 1_000_750_000.0, "one billion and three quarters million"),
            ("three lakh crore", 3_000_000_000_000.0, "three lakh crore"),
            ("6 crore and two hundred", 60_000_200.0, "6 crore and two hundred"),
            ("4 thousand 3 hundred and 21", 4321.0, "4 thousand 3 hundred and 21"),
            ("4 thousand 3 hundred and 0", 4300.0, "4 thousand 3 hundred"),
            ("4000 3 hundred", 4000.0, "4000"),
            ("3 hundred and 2 hundred", 300.0, "3 hundred"),
            ("3 hundred and 2.12 hundred", 300.0, "3 hundred"),
            ("3 hundred and negative one", 300.0, "3 hundred"),
            ("3 hundred and one is", 301.0, "3 hundred and one"),
            ("one hundred and two hundred", 100.0, "one hundred"),
            ("five hundred and more", 500.0, "five hundred"),
            ("nought", 0.0, "nought"),
            ("three quarters", 0.75, "three quarters"),
            ("two and a half years", 2.5, "two and a half"),
        ];
        for &(text, v, span) in table {
            assert_eq!(value(text), Some((v, span)), "{text}");
        }
        for text in ["and then", "a man", "a", "an", "half of them", "hundred", "the third", "a quarter", "twentyfold"]
        {
            assert_eq!(value(text), None, "{text}");
        }
        assert_eq!(value("twenty fifth"), Some((20.0, "twenty")));
        assert_eq!(value("five six"), Some((5.0, "five")));
        assert_eq!(value("between 20 and 30"), None);
        assert_eq!(value("20 and 30"), Some((20.0, "20")));
    }

    #[test]
    fn word_values() {
        assert_eq!(word_value("eighteen"), Some(18));
        assert_eq!(word_value("Twenty-One"), Some(21));
        assert_eq!(word_value("dozen"), Some(12));
        assert_eq!(word_value("twenty-ten"), None);
        assert_eq!(word_value("one-off"), None);
        assert_eq!(word_value("hundred"), None);
        assert_eq!(word_value("zwölf"), None);
        assert_eq!(word_value("SEVENTY-seven"), Some(77));
    }

    #[test]
    fn readings_say_how_a_number_was_written() {
        let r = read_number("2024 was").unwrap();
        assert!(r.plain && !r.spelled && r.int_digits == 4);
        let r = read_number("2,024").unwrap();
        assert!(!r.plain);
        let r = read_number("15 million").unwrap();
        assert_eq!(r.scaled, Some((15.0, 1_000_000.0)));
        let r = read_number("three hundred thousand").unwrap();
        assert_eq!(r.scaled, Some((3.0, 100_000.0)));
        assert!(read_number("5m people").unwrap().bare_m);
        assert!(!read_number("5M people").unwrap().bare_m);
        assert!(read_number("007").unwrap().leading_zero);
        assert!(read_number("one person").unwrap().lone_one);
        assert!(!read_number("one hundred").unwrap().lone_one);
        assert!(read_number("2.5").unwrap().decimal);
    }
}
