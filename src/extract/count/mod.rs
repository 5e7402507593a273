//! Count expressions, as intervals of whole numbers (SPEC §5): "18 countries", "eighteen
//! nations", "about 50 nations", "some 58,000 workers", "more than 200 drones", "at least 15",
//! "nearly 40", "up to 20", "between 15 and 20", "15-20", "a dozen", "hundreds of".
//!
//! | written | interval |
//! | --- | --- |
//! | `18`, `eighteen`, `equal to 18`, `exactly 18` | [18, 18] |
//! | `about/around/roughly/some/approximately/an estimated/~ 50`, `50 or so` | [45, 55] with the default tolerance 0.1, rounded outwards |
//! | `more than/over/above/exceeding/upwards of/> 200` | (200, ∞) |
//! | `at least/a minimum of/no fewer than/no less than/>= 15`, `15 or more`, `15+`, `15-plus` | [15, ∞) |
//! | `nearly/almost/just under/close to 40` | [36, 40): [ceil(0.9 n), n) |
//! | `up to/at most/as many as/no more than/a maximum of/<= 20`, `20 or less` | [0, 20] |
//! | `fewer than/less than/under/below/< 10` | [0, 10) |
//! | `between 15 and 20`, `from 15 to 20`, `15-20`, `15–20`, `15 to 20`, `15 through 20`, `two or three` | [15, 20] (qualifiers before a range are ignored: the range says how vague it is) |
//! | `more than 10 and fewer than 40` | (10, 40) |
//!
//! Vague quantities run from twice the unit to just below the next named scale:
//!
//! | written | interval |
//! | --- | --- |
//! | `dozens (of)`, `several dozen` | [24, 99] |
//! | `tens of` | [20, 99] |
//! | `hundreds (of)`, `several/a few/many hundred(s)` | [200, 999] |
//! | `thousands (of)` | [2 000, 999 999] |
//! | `tens of thousands` | [20 000, 99 999] |
//! | `hundreds of thousands`, `several hundred thousand` | [200 000, 999 999] |
//! | `millions (of)` | [2 000 000, 999 999 999] |
//! | `tens/hundreds of millions` | [20 000 000, 99 999 999] / [200 000 000, 999 999 999] |
//! | `billions (of)` | [2·10⁹, 10¹² − 1] |
//!
//! Not counts: money ("$60 billion", "€5m", "60 dollars"), percentages, measurements and
//! durations ("29km", "5 years", "10 miles"), ordinals ("21st"), times ("10:30", "3 p.m."),
//! decimals that are not whole, phone numbers, IP addresses and versions, scores ("3-2 win"),
//! identifiers ("Article 5", "Flight 17", "F-16", "COVID-19", "G7"), list markers, and bare
//! years (a plain four-digit 1900–2100 without a plural noun after it).

mod including;
mod lexicon;
mod outcome;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

pub use including::{follows_named_item, included_after};
pub use outcome::{Outcome, outcome_of};

use super::number::{Reading, is_space, read_number, skip_space};
use crate::interval::CountInterval;
use crate::text::{ascii_lowercase, lower};
use lexicon::{Post, Qual};

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
    /// Byte range in the text given to [`extract_counts`]: the number with its qualifier
    /// ("more than 200", "between 15 and 20"), without the counted noun.
    pub range: Range<usize>,
    pub interval: CountInterval,
    /// The counted noun as written, if any ("countries" in "18 European countries").
    pub unit: Option<Range<usize>>,
}

/// Every count expression in `text`, in order, not overlapping.
pub fn extract_counts(text: &str, settings: &CountSettings) -> Vec<CountMention> {
    extract_counts_around(text, settings, &[])
}

/// The same, where `dates` (in text order) are date expressions already read: a number inside
/// one is no count on its own, and is not read as one. A count that would take in a number of
/// a date may still be returned, for the caller to drop.
pub fn extract_counts_around(text: &str, settings: &CountSettings, dates: &[Range<usize>]) -> Vec<CountMention> {
    let atoms = scan(text);
    let mut built: Vec<Built> = Vec::new();
    let mut next_date = 0;
    let mut i = 0;
    while i < atoms.len() {
        match range_at(text, &atoms, i) {
            RangeOutcome::Mention(b) => {
                built.push(b);
                i += 2;
                continue;
            }
            RangeOutcome::Reject => {
                i += 2;
                continue;
            }
            RangeOutcome::NotRange => {}
        }
        let atom = &atoms[i];
        while dates.get(next_date).is_some_and(|d| d.end <= atom.start) {
            next_date += 1;
        }
        let in_date = dates.get(next_date).is_some_and(|d| d.start < atom.end);
        if !in_date && let Some(b) = single(text, atom, settings) {
            built.push(b);
        }
        i += 1;
    }
    let merged = merge_bounds(text, built);
    let mut out: Vec<CountMention> = Vec::with_capacity(merged.len());
    for b in merged {
        match out.last() {
            Some(last) if b.mention.range.start < last.range.end => {}
            _ => out.push(b.mention),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Numbers in the text

/// A number found in the text, before its context is read.
#[derive(Debug, Clone)]
struct Atom {
    start: usize,
    end: usize,
    reading: Reading,
    /// "hundreds of thousands": the interval, and the number is no single value.
    vague: Option<(u64, u64)>,
    /// Cannot be a count whatever its context (glued to letters, part of a time …).
    bad: bool,
    /// Straight after "digit-": the second half of "15-20", or of a date or phone number.
    after_dash: bool,
    /// "50+", "50-plus", "50-odd", and where it ends.
    glued_post: Option<(Post, usize)>,
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₴'
            | '₽'
            | '₩'
            | '₪'
            | '₺'
            | '₦'
            | '฿'
            | '¢'
            | '₣'
            | '₿'
            | '₱'
            | '₫'
            | '₸'
            | '₼'
            | '₾'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑' | '‒')
}

/// Phone numbers, masked before reading numbers.
fn phones() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            // ASCII word boundaries keep the fast engines on non-ASCII text.
            r"(?x-u)
            \+[0-9]{1,3}[\ .\-]?\(?[0-9]{1,4}\)?(?:[\ .\-/]?[0-9]{2,4}){2,}
            | \([0-9]{2,5}\)[\ ]?[0-9]{3,4}[\ .\-]?[0-9]{3,4}
            | \b[0-9]{3}[.\-][0-9]{3}[.\-][0-9]{4}\b
            | \b0[0-9]{2,4}[\ \-][0-9]{3,4}[\ \-]?[0-9]{3,4}\b",
        )
        .expect("phone pattern")
    })
}

/// Finds every number (digits, number words, vague quantities) in one pass.
fn scan(text: &str) -> Vec<Atom> {
    let masks: Vec<Range<usize>> = phones().find_iter(text).map(|m| m.range()).collect();
    let mut mask_at = 0;
    let bytes = text.as_bytes();
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let Some(mut atom) = digit_atom(text, i) else {
                i += 1;
                continue;
            };
            while mask_at < masks.len() && masks[mask_at].end <= i {
                mask_at += 1;
            }
            if masks.get(mask_at).is_some_and(|m| m.start <= i) {
                atom.bad = true;
            }
            i = atom.end.max(i + 1);
            // Skip the rest of a glued token ("29km", "4th") so that it is not read as a word.
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            atoms.push(atom);
        } else if b.is_ascii_alphabetic() {
            let word_end = word_end(text, i);
            let starts_word = char_before(text, i).is_none_or(|c| !(c.is_alphanumeric() || c == '_' || is_dash(c)));
            if starts_word && let Some(atom) = word_atom(text, i, word_end) {
                i = atom.end.max(word_end);
                atoms.push(atom);
            } else {
                i = word_end;
            }
        } else if b < 0x80 {
            i += 1;
        } else {
            let c = char_at(text, i).unwrap_or(' ');
            // Words in other scripts are skipped whole, with any digits glued to them.
            if c.is_alphabetic() {
                i = word_end(text, i);
            } else {
                i += c.len_utf8();
            }
        }
    }
    atoms
}

/// The end of the alphanumeric run (with inner hyphens and apostrophes) starting at `pos`.
fn word_end(text: &str, pos: usize) -> usize {
    // ASCII letters and digits a byte at a time; hyphens, apostrophes and other scripts a char
    // at a time.
    let ascii = text.as_bytes()[pos..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    let (base, mut end) = (pos + ascii, pos + ascii);
    let mut chars = text[base..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            end = base + i + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’') && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    end.max(pos + 1)
}

fn digit_atom(text: &str, start: usize) -> Option<Atom> {
    let reading = read_number(&text[start..])?;
    let end = start + reading.len;
    let mut atom = Atom { start, end, reading, vague: None, bad: false, after_dash: false, glued_post: None };
    let before = char_before(text, start);
    let before2 = before.and_then(|c| char_before(text, start - c.len_utf8()));
    let digit2 = before2.is_some_and(|c| c.is_ascii_digit());
    match before {
        Some(c) if c.is_alphanumeric() || c == '_' => atom.bad = true,
        Some(c) if is_currency(c) => atom.bad = true,
        Some('#' | '№' | '@' | '/' | '\\' | '+' | '^' | '\'' | '’' | '‘' | '.' | '−' | '±' | '×' | '&' | '*') => {
            atom.bad = true
        }
        Some(',' | ':') if digit2 => atom.bad = true,
        Some(c) if is_dash(c) => match before2 {
            Some(d) if d.is_ascii_digit() => atom.after_dash = true,
            // "5k-20k": a suffix, not an identifier such as "F-16" or "COVID-19".
            Some(d) if d.is_alphanumeric() => {
                let dash = start - c.len_utf8();
                let letters = text[..dash].trim_end_matches(|l: char| l.is_ascii_alphabetic());
                let suffix = dash - letters.len();
                if suffix <= 3 && letters.ends_with(|l: char| l.is_ascii_digit()) {
                    atom.after_dash = true;
                } else {
                    atom.bad = true;
                }
            }
            // "-5": a minus sign.
            Some(d) if d.is_whitespace() || d == '(' => atom.bad = c == '-' || c == '‑',
            None => atom.bad = true,
            _ => {}
        },
        Some(c) if is_space(c) => {
            // "$ 5", "US$ 5"
            let trimmed = text[..start].trim_end_matches(is_space);
            if trimmed.chars().next_back().is_some_and(is_currency) {
                atom.bad = true;
            }
        }
        _ => {}
    }
    let after = char_at(text, end);
    let after2 = after.and_then(|c| char_at(text, end + c.len_utf8()));
    match after {
        Some(c) if c.is_alphanumeric() || c == '_' => atom.bad = true,
        Some('%' | '‰' | '°' | '′' | '″' | '×' | '½' | '¼' | '¾' | '⅓' | '²' | '³') => atom.bad = true,
        Some(':' | '/' | '.' | ',' | '\'' | '’') if after2.is_some_and(|c| c.is_alphanumeric()) => atom.bad = true,
        Some('+') => {
            if after2.is_some_and(|c| c.is_ascii_digit()) {
                atom.bad = true;
            } else {
                atom.glued_post = Some((Post::OrMore, end + 1));
            }
        }
        Some(c) if is_dash(c) && after2.is_some_and(|c| c.is_alphabetic()) => {
            let word_start = end + c.len_utf8();
            let w = &text[word_start..word_end(text, word_start)];
            if w.eq_ignore_ascii_case("plus") {
                atom.glued_post = Some((Post::OrMore, word_start + w.len()));
            } else if w.eq_ignore_ascii_case("odd") {
                atom.glued_post = Some((Post::Approx, word_start + w.len()));
            } else {
                atom.bad = true; // "30-year-old", "18-member"
            }
        }
        _ => {}
    }
    if reading.leading_zero || reading.int_digits > 15 {
        atom.bad = true;
    }
    // "[1]" footnotes; "1." and "2)" list markers at the start of a line.
    if before == Some('[') && after == Some(']') {
        atom.bad = true;
    }
    if matches!(after, Some('.' | ')')) && after2.is_some_and(char::is_whitespace) && at_line_start(text, start) {
        atom.bad = true;
    }
    Some(atom)
}

/// True when only spaces (at most a few) stand between the line start and `pos`.
fn at_line_start(text: &str, pos: usize) -> bool {
    for (n, c) in text[..pos].chars().rev().enumerate() {
        if c == '\n' {
            return true;
        }
        if !is_space(c) || n > 8 {
            return false;
        }
    }
    true
}

/// Vague plurals: (scale, next named scale).
fn vague_scale(word: &str) -> Option<(u64, u64)> {
    Some(match word {
        "tens" => (10, 100),
        "scores" => (20, 100),
        "dozens" => (12, 100),
        "hundreds" => (100, 1_000),
        "thousands" => (1_000, 1_000_000),
        "lakhs" => (100_000, 10_000_000),
        "crores" => (10_000_000, 1_000_000_000),
        "millions" => (1_000_000, 1_000_000_000),
        "billions" => (1_000_000_000, 1_000_000_000_000),
        "trillions" => (1_000_000_000_000, 1_000_000_000_000_000),
        _ => return None,
    })
}

/// The scale of a singular or plural scale word ("hundred", "thousands", "dozen").
fn scale_word(word: &str) -> Option<(u64, u64)> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    match singular {
        "dozen" => Some((12, 100)),
        "ten" => None,
        _ => vague_scale(&format!("{singular}s")),
    }
}

/// The ASCII word after `pos` (spaces skipped), lower-cased, with its range.
fn next_word_lower(text: &str, pos: usize) -> Option<(Cow<'_, str>, Range<usize>)> {
    let r = word_after(text, pos)?;
    Some((ascii_lowercase(&text[r.clone()]), r))
}

/// "hundreds of thousands", "dozens", "several hundred", "a few thousand", "tens of millions":
/// where the expression ends and its interval.
fn vague_at(text: &str, start: usize, first_end: usize) -> Option<(usize, u64, u64)> {
    let first = ascii_lowercase(&text[start..first_end]);
    let (mut scale, mut next, mut end);
    let plural_first = vague_scale(&first).is_some();
    if let Some((s, n)) = vague_scale(&first) {
        (scale, next, end) = (s, n, first_end);
    } else {
        let mut at = first_end;
        match &*first {
            "several" | "few" | "many" => {}
            "a" => {
                let (w, r) = next_word_lower(text, at)?;
                if w != "few" {
                    return None;
                }
                at = r.end;
            }
            _ => return None,
        }
        let (w, r) = next_word_lower(text, at)?;
        (scale, next) = scale_word(&w)?;
        end = r.end;
    }
    match next_word_lower(text, end) {
        // "hundreds of thousands", "tens of millions"
        Some((w, r)) if w == "of" => {
            if let Some((w2, r2)) = next_word_lower(text, r.end)
                && let Some((s, _)) = vague_scale(&w2).filter(|&(s, _)| s > scale && s >= 1000)
            {
                scale *= s;
                next *= s;
                end = r2.end;
            }
        }
        // "several hundred thousand"
        Some((w, r)) if !plural_first => {
            if let Some((s, _)) = scale_word(&w).filter(|&(s, _)| s > scale && s >= 1000) {
                scale *= s;
                next *= s;
                end = r.end;
            }
        }
        // A bare "tens" or "scores" is no quantity.
        _ if matches!(&*first, "tens" | "scores") => return None,
        _ => {}
    }
    Some((end, 2 * scale, next - 1))
}

fn word_atom(text: &str, start: usize, word_end: usize) -> Option<Atom> {
    let word = &text[start..word_end];
    // Every word of the text comes here: it is lower-cased on the stack, not allocated.
    let mut buf = [0u8; 12];
    let lower = crate::text::ascii_lower(word, &mut buf)?;
    let blank = |end| Atom {
        start,
        end,
        reading: Reading { spelled: true, ..Reading::default() },
        vague: None,
        bad: false,
        after_dash: false,
        glued_post: None,
    };
    let may_be_vague = vague_scale(lower).is_some() || matches!(lower, "several" | "few" | "many" | "a");
    if may_be_vague && let Some((end, low, high)) = vague_at(text, start, word_end) {
        let mut atom = blank(end);
        atom.reading.value = low as f64;
        atom.vague = Some((low, high));
        return Some(atom);
    }
    let candidate = super::number::word_value(lower).is_some_and(|_| lower != "dozen")
        || matches!(lower, "a" | "an" | "half" | "quarter");
    if !candidate {
        return None;
    }
    let reading = read_number(&text[start..])?;
    let mut atom = blank(start + reading.len);
    atom.reading = reading;
    Some(atom)
}

// ---------------------------------------------------------------------------------------------
// Words around a number

/// Skips spaces and at most one line break before `pos`.
fn skip_space_back(text: &str, pos: usize) -> usize {
    let mut start = pos;
    let mut newline = false;
    for (i, c) in text[..pos].char_indices().rev() {
        if is_space(c) || c == '\r' {
            start = i;
        } else if c == '\n' && !newline {
            newline = true;
            start = i;
        } else {
            break;
        }
        if pos - start > 64 {
            break;
        }
    }
    start
}

/// The word after `pos` (spaces skipped): letters with inner hyphens, apostrophes and dots
/// ("U.S.", "p.m.", "o'clock"). `None` when the next thing is no word.
fn word_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let start = skip_space(text, pos);
    let mut chars = text[start..].char_indices().peekable();
    let mut end = start;
    let mut dotted = false;
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            end = start + i + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’' | '.' | '/')
            && end > start
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
        {
            dotted |= c == '.';
        } else {
            if c == '.' && dotted {
                end = start + i + 1;
            }
            if c.is_numeric() {
                return None;
            }
            break;
        }
        if end - start > 40 {
            break;
        }
    }
    (end > start).then_some(start..end)
}

/// The word before `pos` (spaces skipped), with its range.
fn word_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let end = skip_space_back(text, pos);
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_alphabetic() || (matches!(c, '-' | '\'' | '’') && start < end) {
            start = i;
        } else {
            break;
        }
        if end - start > 40 {
            break;
        }
    }
    // Trim a leading hyphen/apostrophe.
    while start < end && matches!(char_at(text, start), Some('-' | '\'' | '’')) {
        start += char_at(text, start).map_or(1, char::len_utf8);
    }
    (start < end).then_some(start..end)
}

fn lower_before(text: &str, pos: usize) -> Option<Cow<'_, str>> {
    word_before(text, pos).map(|r| lower(&text[r]))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Tokens before `pos`, nearest first: words (lower case, "approx." with its dot) and the
/// symbols > < = ≥ ≤ ~. Stops at any other punctuation.
fn tokens_before(text: &str, pos: usize, max: usize) -> Vec<(usize, Cow<'_, str>)> {
    let mut out = Vec::with_capacity(max);
    let mut at = pos;
    while out.len() < max {
        let end = skip_space_back(text, at);
        let Some(c) = char_before(text, end) else { break };
        if matches!(c, '>' | '<' | '=' | '≥' | '≤' | '~') {
            let s = end - c.len_utf8();
            out.push((s, Cow::Owned(c.to_string())));
            at = s;
            continue;
        }
        let word_end = if c == '.' { end - 1 } else { end };
        let Some(r) = word_before(text, word_end).filter(|r| r.end == word_end) else { break };
        let mut word = lower(&text[r.clone()]);
        if c == '.' {
            if !matches!(&*word, "approx" | "c" | "ca" | "est") {
                break;
            }
            word.to_mut().push('.');
        }
        out.push((r.start, word));
        at = r.start;
    }
    out
}

/// The qualifier just before `pos`: its meaning, where it starts, and its last word.
fn qualifier_before(text: &str, pos: usize) -> Option<(Qual, usize, &'static str)> {
    let tokens = tokens_before(text, pos, 6);
    let mut best: Option<(usize, Qual, usize, &'static str)> = None;
    for (phrase, q) in lexicon::qualifiers() {
        let n = phrase.len();
        if n > tokens.len() || best.is_some_and(|(len, ..)| len >= n) {
            continue;
        }
        if phrase.iter().rev().zip(tokens.iter()).all(|(p, (_, t))| p == t) {
            best = Some((n, *q, tokens[n - 1].0, phrase[n - 1]));
        }
    }
    let (n, q, start, last) = best?;
    // "handed over 5 prisoners", "centre around three questions": a particle or a
    // preposition, not a bound. ("killed over 50 people" keeps its bound.)
    if n == 1
        && matches!(last, "over" | "under" | "around" | "about")
        && let Some((_, w)) = tokens.get(1)
        && lexicon::is_particle_verb(w)
    {
        return None;
    }
    Some((q, start, last))
}

/// The phrase just after `pos` that bounds the number ("or more", "or less than", "or so"),
/// unless a number follows it ("or more than 4500" starts a count of its own).
fn postfix_after(text: &str, pos: usize) -> Option<(Post, usize)> {
    let mut words: Vec<(Cow<str>, usize)> = Vec::with_capacity(4);
    let mut at = pos;
    while words.len() < 4 {
        let Some(r) = word_after(text, at) else { break };
        words.push((ascii_lowercase(&text[r.clone()]), r.end));
        at = r.end;
    }
    for (phrase, post) in lexicon::postfixes() {
        if phrase.len() > words.len() || !phrase.iter().zip(&words).all(|(p, (w, _))| p == w) {
            continue;
        }
        let end = words[phrase.len() - 1].1;
        // "odd" only right after the number: "50 odd people".
        if *post == Post::Approx && phrase[0] == "odd" && skip_space(text, pos) - pos > 1 {
            continue;
        }
        // "or more than 4500", "and less or equal than 35": a bound of another number.
        let next = skip_space(text, end);
        if char_at(text, next).is_some_and(|c| c.is_ascii_digit() || matches!(c, '<' | '>' | '=')) {
            return None;
        }
        if let Some(r) = word_after(text, end)
            && (read_number(&text[r.start..]).is_some()
                || matches!(&*ascii_lowercase(&text[r]), "than" | "or" | "equal" | "to"))
        {
            return None;
        }
        return Some((*post, end));
    }
    None
}

/// What follows a number.
enum UnitCheck {
    /// Money, a measurement, a time, a date: no count.
    NotCount,
    /// The counted noun, if any, and whether it is a lower-case plural.
    Unit(Option<Range<usize>>, bool),
}

/// Non-count symbols and abbreviations straight after a number.
fn non_count_after() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s\u{a0}\u{202f}\u{2009}]*(?:%|‰|°|per\s*cent\b|percentage\s+points?\b|[ap]\.\s?m\b|km/h\b|m/s\b|o['’]clock\b|×|local\s+time\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b)",
        )
        .expect("non-count pattern")
    })
}

fn is_plural(lower: &str) -> bool {
    // "grandchildren", "servicemen", "townspeople", "policewomen"
    if ["children", "men", "people", "folk", "personnel", "police"]
        .iter()
        .any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
    {
        return true;
    }
    lower.len() >= 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !lower.ends_with("’s")
        && !lexicon::is_not_plural(lower)
        && !lexicon::is_stop(lower)
}

fn is_adjective_like(word: &str) -> bool {
    let lower = lower(word);
    is_capitalised(word)
        || ["an", "ian", "ese", "ish", "ic", "al", "ive", "ous", "ful", "less", "ed", "ing", "ary", "ern", "ile"]
            .iter()
            .any(|s| lower.ends_with(s))
        || matches!(
            &*lower,
            "new"
                | "more"
                | "other"
                | "extra"
                | "old"
                | "young"
                | "small"
                | "large"
                | "big"
                | "major"
                | "minor"
                | "senior"
                | "junior"
                | "top"
                | "key"
                | "main"
                | "full"
                | "whole"
                | "own"
                | "few"
                | "last"
                | "first"
                | "next"
                | "same"
                | "different"
                | "such"
                | "single"
                | "double"
                | "total"
                | "further"
                | "separate"
                | "recent"
                | "possible"
                | "potential"
                | "alleged"
                | "suspected"
                | "fellow"
                | "foreign"
                | "local"
                | "civilian"
                | "military"
                | "armed"
                | "unarmed"
                | "elite"
                | "regular"
                | "active"
                | "reserve"
                | "private"
                | "public"
                | "state"
                | "federal"
                | "national"
                | "regional"
                | "rural"
                | "urban"
        )
}

/// Reads the words after a number for its noun, and rejects what is no count.
/// `singular`: the number is 1, so a singular noun is the unit. `skip_of`: a vague quantity
/// ("thousands of casualties").
fn unit_after(text: &str, pos: usize, singular: bool, skip_of: bool) -> UnitCheck {
    let window_end = (pos + 40).min(text.len());
    let window_end = (window_end..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(text.len());
    if non_count_after().is_match(&text[pos..window_end]) {
        return UnitCheck::NotCount;
    }
    let mut at = pos;
    let mut seen = 0;
    let mut of_skipped = false;
    while seen < 3 {
        let Some(r) = word_after(text, at) else { break };
        let word = &text[r.clone()];
        let lower = lower(word);
        let lower = lower.trim_end_matches('.');
        at = r.end;
        if skip_of && !of_skipped && seen == 0 && lower == "of" {
            of_skipped = true;
            continue;
        }
        if lexicon::is_non_count(lower) {
            // "5 pound notes" would be a count, but money is the common reading.
            return UnitCheck::NotCount;
        }
        if seen == 0 && is_capitalised(word) && lexicon::is_month(lower) {
            return UnitCheck::NotCount;
        }
        if is_capitalised(word) && lexicon::is_street(lower) {
            return UnitCheck::NotCount;
        }
        if lower == "times" {
            if let Some((next, _)) = next_word_lower(text, r.end)
                && lexicon::is_comparative(&next)
            {
                return UnitCheck::NotCount;
            }
            return UnitCheck::Unit(Some(r), true);
        }
        // "5 million US dollars": a capitalised "US" does not end the phrase.
        if lexicon::is_stop(lower)
            && !(is_capitalised(word) && seen > 0 || word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()))
        {
            break;
        }
        if is_plural(lower) || lexicon::is_irregular_plural(lower) {
            return UnitCheck::Unit(Some(r), !is_capitalised(word));
        }
        if singular && !is_adjective_like(word) {
            return UnitCheck::Unit(Some(r), false);
        }
        seen += 1;
    }
    UnitCheck::Unit(None, false)
}

// ---------------------------------------------------------------------------------------------
// Building counts

/// Which side a count bounds, for joining "more than 10 and fewer than 40".
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Lower,
    Upper,
    Other,
}

#[derive(Debug, Clone)]
struct Built {
    mention: CountMention,
    bound: Bound,
}

/// Rounds n ± tolerance outwards to whole numbers ("about 50" = [45, 55]).
fn approximate(n: u64, tolerance: f64) -> CountInterval {
    let nf = n as f64;
    let eps = 1e-9 * nf.max(1.0);
    let low = (nf * (1.0 - tolerance) + eps).floor().max(0.0);
    let high = (nf * (1.0 + tolerance) - eps).ceil().max(nf);
    CountInterval::closed((low as u64).min(n), high as u64)
}

fn interval_of(q: Qual, n: u64, settings: &CountSettings) -> CountInterval {
    match q {
        Qual::Exact => CountInterval::exact(n),
        Qual::Approx => approximate(n, settings.approximate),
        Qual::Lower { open } => CountInterval { low: n, high: None, low_open: open, high_open: false },
        Qual::Upper { open } => CountInterval { low: 0, high: Some(n), low_open: false, high_open: open },
        Qual::Nearly => {
            let low = ((n as f64) * 0.9 - 1e-9 * (n as f64).max(1.0)).ceil().max(0.0) as u64;
            CountInterval { low: low.min(n), high: Some(n), low_open: false, high_open: true }
        }
    }
}

/// True when the word before the number labels it ("Article 5", "Flight 17", "No. 10").
fn labelled(text: &str, atom: &Atom) -> bool {
    let start = atom.start;
    if atom.reading.spelled {
        if !is_capitalised(&text[start..]) {
            return false;
        }
        // A capitalised number word inside a sentence is part of a name: "the Group of Seven",
        // "the Five Eyes", "Formula One".
        let prev = text[..start].trim_end_matches(|c: char| is_space(c)).chars().next_back();
        return prev.is_some_and(|c| {
            !matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '"'
                    | '“'
                    | '”'
                    | '\''
                    | '‘'
                    | '’'
                    | '('
                    | '['
                    | '—'
                    | '–'
                    | '-'
                    | '*'
                    | '#'
                    | '>'
                    | '|'
                    | '\n'
                    | '\r'
                    | '…'
            )
        });
    }
    let before = &text[..start];
    let trimmed = before.trim_end_matches(is_space);
    if trimmed.len() == before.len() {
        return false; // punctuation or the start of the text right before the number
    }
    if let Some(t) = trimmed.strip_suffix('.') {
        return word_before(t, t.len())
            .filter(|r| r.end == t.len())
            .is_some_and(|r| lexicon::is_label_abbreviation(&lower(&t[r])));
    }
    // The word right before, digits and hyphens included ("MH-17 5" is rare, "A320 5" too).
    let Some(r) = word_before(trimmed, trimmed.len()).filter(|r| r.end == trimmed.len()) else {
        return false;
    };
    let word = &trimmed[r];
    if word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’") {
        return false;
    }
    let lower = lower(word);
    if lexicon::is_label(&lower) {
        return true;
    }
    if !word.chars().any(char::is_uppercase) || lexicon::is_capital_ok(&lower) {
        return false;
    }
    // Headlines in title case: "Russia Launches 200 Drones".
    if (lower.ends_with('s') || lower.ends_with("ed"))
        && let Some((next, _)) = next_word_lower(text, atom.end)
        && (is_plural(&next) || lexicon::is_irregular_plural(&next))
    {
        return false;
    }
    true
}

/// The count an atom makes on its own, if any.
fn single(text: &str, atom: &Atom, settings: &CountSettings) -> Option<Built> {
    if atom.bad || atom.after_dash {
        return None;
    }
    if let Some((low, high)) = atom.vague {
        let unit = match unit_after(text, atom.end, false, true) {
            UnitCheck::NotCount => return None,
            UnitCheck::Unit(u, _) => u,
        };
        return Some(Built {
            mention: CountMention { range: atom.start..atom.end, interval: CountInterval::closed(low, high), unit },
            bound: Bound::Other,
        });
    }
    let r = &atom.reading;
    let v = r.value;
    if !(0.0..=1e15).contains(&v) || v.fract() != 0.0 || (r.decimal && r.scaled.is_none()) {
        return None;
    }
    let n = v as u64;
    if labelled(text, atom) {
        return None;
    }
    let before = lower_before(text, atom.start);
    // "aged 45"; "5 x 3", "Kyiv vs 3".
    if before.as_deref().is_some_and(|w| {
        matches!(w, "aged" | "age" | "ages" | "ageing" | "aging" | "x" | "vs" | "versus" | "v" | "minus" | "negative")
    }) {
        return None;
    }
    if in_ratio(text, atom) {
        return None;
    }
    let pre = qualifier_before(text, atom.start);
    let mut post = atom.glued_post.or_else(|| postfix_after(text, atom.end));
    let mut end = post.map_or(atom.end, |(_, e)| e);
    let (unit, lower_plural) = match unit_after(text, end, n == 1, false) {
        UnitCheck::NotCount => return None,
        UnitCheck::Unit(u, p) => (u, p),
    };
    if post.is_none()
        && let Some(u) = &unit
    {
        // "50 people or more": the bound applies, the count's text stays "50".
        post = postfix_after(text, u.end).filter(|(p, _)| *p != Post::Approx);
    } else if post.is_some() && unit.is_none() {
        end = post.map_or(atom.end, |(_, e)| e);
    }
    if r.bare_m && unit.as_ref().is_none_or(|u| !is_plural(&lower(&text[u.clone()]))) {
        return None; // "1m" is a metre unless people or things follow
    }
    if r.lone_one && !lone_one_is_count(text, atom, unit.as_ref()) {
        return None;
    }
    if r.plain && r.int_digits == 4 && (1900..=2100).contains(&n) {
        let strong_pre = pre.is_some_and(|(q, _, last)| {
            q != Qual::Exact && !matches!(last, "over" | "under" | "above" | "below" | "around" | "about" | "some")
        });
        let year_word = before.as_deref().is_some_and(lexicon::is_before_years);
        if year_word || !(lower_plural || strong_pre) {
            return None;
        }
    }
    let q = match (pre.map(|p| p.0), post.map(|p| p.0)) {
        (None | Some(Qual::Exact | Qual::Approx), Some(Post::OrMore)) => Qual::Lower { open: false },
        (None | Some(Qual::Exact | Qual::Approx), Some(Post::OrLess)) => Qual::Upper { open: false },
        (Some(Qual::Lower { open: true }), Some(Post::OrEqual)) => Qual::Lower { open: false },
        (Some(Qual::Upper { open: true }), Some(Post::OrEqual)) => Qual::Upper { open: false },
        (None | Some(Qual::Exact), Some(Post::Approx)) => Qual::Approx,
        (Some(q), _) => q,
        (None, _) => Qual::Exact,
    };
    let bound = match q {
        Qual::Lower { .. } => Bound::Lower,
        Qual::Upper { .. } => Bound::Upper,
        _ => Bound::Other,
    };
    let start = pre.map_or(atom.start, |p| p.1);
    Some(Built { mention: CountMention { range: start..end, interval: interval_of(q, n, settings), unit }, bound })
}

/// True for either number of a ratio: "one in five adults", "9 out of 10 doctors". The first
/// number is not the larger ("12 in six boxes" is a count) and the second is no year ("5,000
/// in 2009").
fn in_ratio(text: &str, atom: &Atom) -> bool {
    let value = atom.reading.value;
    let number_at = |pos: usize| -> Option<Reading> {
        let at = skip_space(text, pos);
        read_number(&text[at..]).filter(|r| !(r.plain && r.int_digits == 4 && (1900.0..=2100.0).contains(&r.value)))
    };
    let number_before = |pos: usize| -> Option<f64> {
        let end = skip_space_back(text, pos);
        let digits = text[..end].trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
        if digits.len() < end {
            let start = digits.len() + text[digits.len()..end].find(|c: char| c.is_ascii_digit())?;
            return read_number(&text[start..]).filter(|r| start + r.len == end).map(|r| r.value);
        }
        word_before(text, end).and_then(|r| super::number::word_value(&text[r])).map(|v| v as f64)
    };
    // After: "in 5", "out of 10".
    if let Some((w, r)) = next_word_lower(text, atom.end) {
        let after = match &*w {
            "in" => Some(r.end),
            "out" => next_word_lower(text, r.end).filter(|(of, _)| of == "of").map(|(_, r2)| r2.end),
            _ => None,
        };
        if after.and_then(number_at).is_some_and(|r| value <= r.value) {
            return true;
        }
    }
    // Before: "1 in", "nine out of".
    if let Some(r) = word_before(text, atom.start) {
        let w = ascii_lowercase(&text[r.clone()]);
        let before = match &*w {
            "in" => Some(r.start),
            "of" => {
                word_before(text, r.start).filter(|r2| text[r2.clone()].eq_ignore_ascii_case("out")).map(|r2| r2.start)
            }
            _ => None,
        };
        let year = atom.reading.plain && atom.reading.int_digits == 4 && (1900.0..=2100.0).contains(&value);
        if !year && before.and_then(number_before).is_some_and(|x| x <= value) {
            return true;
        }
    }
    false
}

/// "one person" is a count; "the one you mentioned", "one of them", "no one" are not.
fn lone_one_is_count(text: &str, atom: &Atom, unit: Option<&Range<usize>>) -> bool {
    if lower_before(text, atom.start).is_some_and(|w| lexicon::is_one_before(&w)) {
        return false;
    }
    let Some(u) = unit else { return false };
    !matches!(&*lower(&text[u.clone()]), "time" | "way" | "thing" | "another" | "point")
}

enum RangeOutcome {
    Mention(Built),
    /// Both numbers are no count ("3-2 win", "555-1234", "2014-2018").
    Reject,
    NotRange,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Connector {
    Dash,
    To,
    And,
    Or,
}

fn connector(gap: &str) -> Option<Connector> {
    let t = gap.trim_matches(|c: char| c.is_whitespace());
    let spaced = t.len() < gap.len() && gap.starts_with(char::is_whitespace) && gap.ends_with(char::is_whitespace);
    match t {
        // A spaced em dash sets off a clause: "200 — 50 more than on Monday".
        "—" if spaced => None,
        "-" | "–" | "—" | "‑" | "~" => Some(Connector::Dash),
        _ if !spaced => None,
        _ => match &*lower(t) {
            "to" | "through" | "thru" | "till" | "until" => Some(Connector::To),
            "and" => Some(Connector::And),
            "or" => Some(Connector::Or),
            _ => None,
        },
    }
}

/// "between 15 and 20", "from 15 to 20", "15-20", "15 to 20", "two or three", "10-15 million".
fn range_at(text: &str, atoms: &[Atom], i: usize) -> RangeOutcome {
    let Some((a, b)) = atoms.get(i).zip(atoms.get(i + 1)) else { return RangeOutcome::NotRange };
    if a.vague.is_some() || b.vague.is_some() || b.start < a.end || b.start - a.end > 12 || a.glued_post.is_some() {
        return RangeOutcome::NotRange;
    }
    let Some(conn) = connector(&text[a.end..b.start]) else { return RangeOutcome::NotRange };
    let before = lower_before(text, a.start);
    let between = before.as_deref() == Some("between");
    let from = before.as_deref() == Some("from");
    match conn {
        Connector::And if !between => return RangeOutcome::NotRange,
        Connector::Or if a.reading.scaled.is_some() || before.as_deref() == Some("either") => {
            return RangeOutcome::NotRange;
        }
        _ => {}
    }
    if a.bad || b.bad {
        return if conn == Connector::Or { RangeOutcome::NotRange } else { RangeOutcome::Reject };
    }
    let (ra, rb) = (&a.reading, &b.reading);
    let mut low = ra.value;
    let high = rb.value;
    // "10-15 million", "two to three hundred": the scale of the second number.
    if ra.scaled.is_none()
        && let Some((mantissa, scale)) = rb.scaled
        && low < mantissa
    {
        low *= scale;
    }
    let whole = |v: f64| (0.0..=1e15).contains(&v) && (v - v.round()).abs() < 1e-9 * v.max(1.0);
    if !whole(low) || !whole(high) || (rb.decimal && rb.scaled.is_none()) {
        return if conn == Connector::Dash { RangeOutcome::Reject } else { RangeOutcome::NotRange };
    }
    let (low, high) = (low.round() as u64, high.round() as u64);
    if low >= high {
        let spaced = text[a.end..b.start].starts_with(char::is_whitespace);
        return match conn {
            Connector::Dash if !spaced => RangeOutcome::Reject,
            Connector::To if !from => RangeOutcome::Reject,
            _ => RangeOutcome::NotRange,
        };
    }
    if conn == Connector::Dash {
        // Phone numbers ("555-1234"), scores and votes ("1-3 defeat", "won 2-1").
        let phone_like =
            ra.plain && rb.plain && ra.int_digits >= 3 && rb.int_digits >= 3 && low % 10 != 0 && high % 10 != 0;
        let score_before = before.as_deref().is_some_and(|w| {
            matches!(
                w,
                "won"
                    | "lost"
                    | "beat"
                    | "beating"
                    | "defeated"
                    | "drew"
                    | "lead"
                    | "leads"
                    | "led"
                    | "trailing"
                    | "trailed"
                    | "scored"
                    | "score"
                    | "scoring"
                    | "voted"
                    | "vote"
                    | "ruled"
                    | "winning"
                    | "losing"
            )
        });
        let score_after = next_word_lower(text, b.end).is_some_and(|(w, _)| {
            matches!(
                &*w,
                "win"
                    | "victory"
                    | "defeat"
                    | "loss"
                    | "draw"
                    | "tie"
                    | "lead"
                    | "decision"
                    | "ruling"
                    | "vote"
                    | "verdict"
                    | "majority"
                    | "margin"
                    | "score"
                    | "scoreline"
                    | "result"
                    | "split"
                    | "record"
                    | "advantage"
                    | "aggregate"
                    | "triumph"
                    | "thrashing"
                    | "rout"
                    | "comeback"
                    | "upset"
            )
        });
        if phone_like || score_before || score_after {
            return RangeOutcome::Reject;
        }
    }
    if labelled(text, a) {
        return RangeOutcome::Reject;
    }
    let (unit, lower_plural) = match unit_after(text, b.end, false, false) {
        UnitCheck::NotCount => return RangeOutcome::Reject,
        UnitCheck::Unit(u, p) => (u, p),
    };
    let year = |r: &Reading, v: u64| r.plain && r.int_digits == 4 && (1900..=2100).contains(&v);
    if (year(ra, low) || year(rb, high)) && !lower_plural {
        return RangeOutcome::Reject; // "2014-2018", "between 2014 and 2018": dates
    }
    if before.as_deref().is_some_and(|w| matches!(w, "aged" | "age" | "ages")) {
        return RangeOutcome::Reject;
    }
    let start = match (conn, &before) {
        (_, Some(w)) if w == "between" || (w == "from" && conn == Connector::To) => {
            word_before(text, a.start).map_or(a.start, |r| r.start)
        }
        _ => a.start,
    };
    RangeOutcome::Mention(Built {
        mention: CountMention { range: start..b.end, interval: CountInterval::closed(low, high), unit },
        bound: Bound::Other,
    })
}

/// Joins a lower and an upper bound next to each other: "more than 10 and fewer than 40",
/// "at most 100 and at least 20", "higher or equal than 100, lower or equal than 300".
fn merge_bounds(text: &str, built: Vec<Built>) -> Vec<Built> {
    let mut out: Vec<Built> = Vec::with_capacity(built.len());
    for b in built {
        if let Some(last) = out.last_mut()
            && matches!((last.bound, b.bound), (Bound::Lower, Bound::Upper) | (Bound::Upper, Bound::Lower))
            && last.mention.range.end <= b.mention.range.start
            && last.mention.unit.as_ref().is_none_or(|u| u.start >= b.mention.range.start)
            && is_bound_joiner(&text[last.mention.range.end..b.mention.range.start])
        {
            let (lower, upper) =
                if last.bound == Bound::Lower { (&last.mention, &b.mention) } else { (&b.mention, &last.mention) };
            let joined = CountInterval {
                low: lower.interval.low,
                low_open: lower.interval.low_open,
                high: upper.interval.high,
                high_open: upper.interval.high_open,
            };
            if joined.integer_bounds().is_some() {
                last.mention = CountMention {
                    range: last.mention.range.start..b.mention.range.end,
                    interval: joined,
                    unit: b.mention.unit.clone().or(last.mention.unit.clone()),
                };
                last.bound = Bound::Other;
                continue;
            }
        }
        out.push(b);
    }
    out
}

fn is_bound_joiner(gap: &str) -> bool {
    let t = gap.trim().trim_start_matches(',').trim();
    gap.len() < 16 && (t.is_empty() || t.eq_ignore_ascii_case("and") || t.eq_ignore_ascii_case("but"))
}
