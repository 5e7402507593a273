//! Known names, event triggers and places, found word by word.
//!
//! A phrase (a name, a trigger) is only found where a word begins, so the index is keyed by a hash of each
//! pattern's first word, lower-cased: the text is read once, each word hashed as it is read and
//! tested against a small bit set, and only for the few words that pass are the patterns that
//! begin with that word looked up and compared. An automaton over every pattern would step
//! through each byte of the text in a table as large as the rules (thousands of names), which
//! costs far more in cache misses.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::text::Word;

/// Where a pattern of the index was found, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub range: Range<usize>,
    pub pattern: usize,
}

/// Patterns matched as whole words, ASCII letters in any case; where several overlap, the
/// leftmost wins, and of those the longest.
#[derive(Debug, Default)]
pub struct PhraseIndex {
    patterns: Vec<Box<[u8]>>,
    /// Hash of a lower-case first word → the patterns that begin with it, longest first.
    /// Words whose hashes collide share a list: every candidate is compared anyway.
    by_first_word: FxHashMap<u64, Vec<usize>>,
    /// One bit per [`FILTER_BITS`] bucket of first-word hashes: most words of a text begin no
    /// pattern, and this rejects them from the L1 cache.
    filter: Vec<u64>,
    /// Patterns that do not begin with a letter or digit ("’t Hooft"): rare, so an automaton
    /// over them alone, with its pattern numbers into `patterns`.
    others: Option<(AhoCorasick, Vec<usize>)>,
}

impl PhraseIndex {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> PhraseIndex {
        let mut index = PhraseIndex { filter: vec![0; FILTER_BITS / 64], ..PhraseIndex::default() };
        let mut others = Vec::new();
        for (id, pattern) in patterns.into_iter().enumerate() {
            index.patterns.push(pattern.as_bytes().into());
            match run_end(pattern, 0) {
                (0, _) if !pattern.is_empty() => others.push(id),
                (0, _) => {}
                (_, hash) => {
                    index.filter[filter_slot(hash).0] |= filter_slot(hash).1;
                    index.by_first_word.entry(hash).or_default().push(id);
                }
            }
        }
        for ids in index.by_first_word.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(index.patterns[id].len()));
        }
        let texts: Vec<&str> = others.iter().filter_map(|&id| std::str::from_utf8(&index.patterns[id]).ok()).collect();
        index.others = super::build_matcher(texts.into_iter(), MatchKind::LeftmostLongest).map(|ac| (ac, others));
        index
    }

    /// Every match in `text`, whose words are `words`, in order and not overlapping.
    pub fn find(&self, text: &str, words: &WordHashes) -> Vec<PhraseMatch> {
        let mut found = self.find_words(text, words);
        if let Some((automaton, ids)) = &self.others {
            found.extend(
                automaton
                    .find_iter(text)
                    .filter(|m| crate::text::is_whole_word(text, m.start(), m.end()))
                    .map(|m| PhraseMatch { range: m.range(), pattern: ids[m.pattern().as_usize()] }),
            );
            found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
            let mut end = 0;
            found.retain(|m| {
                let keep = m.range.start >= end;
                if keep {
                    end = m.range.end;
                }
                keep
            });
        }
        found
    }

    fn find_words(&self, text: &str, words: &WordHashes) -> Vec<PhraseMatch> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        if self.by_first_word.is_empty() {
            return found;
        }
        let mut after = 0;
        for word in &words.0 {
            if word.start < after {
                continue;
            }
            let (slot, bit) = filter_slot(word.hash);
            if self.filter[slot] & bit == 0 {
                continue;
            }
            let start = word.start;
            let hit = self.by_first_word.get(&word.hash).and_then(|ids| {
                ids.iter().copied().find(|&id| {
                    let pattern = &self.patterns[id];
                    bytes.get(start..start + pattern.len()).is_some_and(|written| written.eq_ignore_ascii_case(pattern))
                        && !starts_word(text, start + pattern.len())
                })
            });
            if let Some(id) = hit {
                after = start + self.patterns[id].len();
                found.push(PhraseMatch { range: start..after, pattern: id });
            }
        }
        found
    }
}

/// The words of a text (runs of letters and digits) with a hash of each, lower-cased: read once
/// and shared by every index searched in the same text.
#[derive(Debug, Default)]
pub struct WordHashes(Vec<WordHash>);

#[derive(Debug, Clone, Copy)]
struct WordHash {
    start: usize,
    end: usize,
    hash: u64,
}

impl WordHashes {
    pub fn new(text: &str) -> WordHashes {
        let bytes = text.as_bytes();
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // Most bytes that start no word are ASCII white space and punctuation: stepped over
            // without a call.
            if b < 0x80 && !ASCII_WORD[usize::from(b)] {
                i += 1;
                continue;
            }
            match run_end(text, i) {
                // Not a letter or digit: step over the character.
                (0, _) => i += utf8_len(bytes[i]),
                (end, hash) => {
                    words.push(WordHash { start: i, end, hash });
                    i = end;
                }
            }
        }
        WordHashes(words)
    }

    /// The words of `text[range]` as [`crate::text::words`] reads them — runs joined across an
    /// apostrophe, hyphen or dot between them, a dotted abbreviation's last dot kept — made
    /// from the runs already found rather than by reading the text again. `text` is the text
    /// these hashes were made of.
    pub fn words_in<'t>(&self, text: &'t str, range: Range<usize>) -> impl Iterator<Item = Word<'t>> {
        let first = self.0.partition_point(|w| w.end <= range.start);
        let runs = self.0[first..].iter().take_while(move |w| w.start.max(range.start) < range.end);
        let mut runs = runs.peekable();
        std::iter::from_fn(move || {
            let run = runs.next()?;
            let (start, mut end) = (run.start.max(range.start), run.end.min(range.end));
            let mut dotted = false;
            while let Some(next) = runs.peek() {
                let between = &text[end..next.start];
                let mut chars = between.chars();
                match (chars.next(), chars.next()) {
                    (Some(c @ ('\'' | '’' | '-' | '.')), None) => dotted |= c == '.',
                    _ => break,
                }
                end = next.end.min(range.end);
                runs.next();
            }
            // "U.S." keeps its last dot: every part before it is a single letter.
            if dotted
                && text[end..range.end].starts_with('.')
                && text[start..end].split('.').all(|p| p.chars().count() == 1)
            {
                end += 1;
            }
            Some(Word { start, end, text: &text[start..end] })
        })
    }
}

const FILTER_BITS: usize = 1 << 16;

/// The word of the filter and the bit in it for a hash.
fn filter_slot(hash: u64) -> (usize, u64) {
    let slot = (hash >> 40) as usize % FILTER_BITS;
    (slot / 64, 1 << (slot % 64))
}

/// ASCII letters and digits, by byte: one load where a range test would take several.
static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of letters and digits that starts at `pos`, or 0 when none starts there
/// (`pos` at the end of the text included), and a hash of the run with ASCII letters
/// lower-cased, made while reading it. Every byte of every text passes here: a rotate and an
/// exclusive or per byte, one multiplication per word to spread the bits.
fn run_end(text: &str, pos: usize) -> (usize, u64) {
    let bytes = text.as_bytes();
    let mut hash: u64 = 0;
    let mut i = pos;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !ASCII_WORD[usize::from(b)] {
                break;
            }
            // `| 0x20` lower-cases an ASCII letter and leaves a digit as it is.
            hash = hash.rotate_left(5) ^ u64::from(b | 0x20);
            i += 1;
            continue;
        }
        match text[i..].chars().next() {
            Some(c) if c.is_alphanumeric() => {
                for &b in &bytes[i..i + c.len_utf8()] {
                    hash = hash.rotate_left(5) ^ u64::from(b);
                }
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    (if i == pos { 0 } else { i }, hash.wrapping_mul(0x517c_c1b7_2722_0a95))
}

/// Does a letter or digit start at `pos`?
fn starts_word(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[pos..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The length of the UTF-8 character whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(index: &PhraseIndex, text: &'t str) -> Vec<&'t str> {
        index.find(text, &WordHashes::new(text)).into_iter().map(|m| &text[m.range]).collect()
    }

    #[test]
    fn whole_words_in_any_ascii_case_longest_first() {
        let index = PhraseIndex::new(["Umerov", "Rustem Umerov", "O'Brien", "Kyiv"]);
        assert_eq!(
            found(&index, "Rustem Umerov met UMEROV and O'Brien in kyiv; Umerovs and Kyivan did not."),
            ["Rustem Umerov", "UMEROV", "O'Brien", "kyiv"]
        );
    }

    #[test]
    fn names_next_to_other_scripts_and_punctuation() {
        let index = PhraseIndex::new(["Zelenskyy", "Müller"]);
        assert_eq!(found(&index, "«Zelenskyy» and Müller, not Zelenskyyé or éMüller."), ["Zelenskyy", "Müller"]);
    }

    proptest::proptest! {
        #[test]
        fn words_from_runs_are_the_words_of_the_text(
            text in "([a-zA-Z0-9]{1,4}|[ .'’\\-]|é|Ü|—|\n){0,24}",
            cuts in proptest::array::uniform2(0usize..64),
        ) {
            let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
            bounds.sort();
            let (mut from, mut to) = (bounds[0], bounds[1]);
            while !text.is_char_boundary(from) { from -= 1; }
            while !text.is_char_boundary(to) { to += 1; }
            let hashes = WordHashes::new(&text);
            let read: Vec<(usize, usize)> = hashes.words_in(&text, from..to).map(|w| (w.start, w.end)).collect();
            let expected: Vec<(usize, usize)> =
                crate::text::words(&text[from..to]).map(|w| (w.start + from, w.end + from)).collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }

    #[test]
    fn patterns_that_begin_with_punctuation_are_found_too() {
        let index = PhraseIndex::new(["’t Hooft", "Hooft"]);
        assert_eq!(found(&index, "Gerard ’t Hooft and Hooft."), ["’t Hooft", "Hooft"]);
    }
}
