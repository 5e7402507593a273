//! Known names, event triggers and places, found word by word.
//!
//! A phrase (a name, a trigger) is only found where a word begins, so the index is keyed by a hash of each
//! pattern's first word, lower-cased: the text is read once, each word hashed as it is read and
//! tested against a small bit set, and only for the few words that pass are the patterns that
//! begin with that word looked up and compared. An automaton over every pattern would step
//! through each byte of the text in a table as large as the rules (thousands of names), which
//! costs far more in cache misses.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::text::Word;

/// Where a pattern of the index was found, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub range: Range<usize>,
    pub pattern: usize,
}

/// Patterns matched as whole words, ASCII letters in any case; where several overlap, the
/// leftmost wins, and of those the longest.
///
/// A word that passes the filter costs three reads of memory: its slot, its candidates, their
/// bytes — each laid out in one array, since with thousands of names they miss the cache.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PhraseIndex {
    /// The bytes of the patterns that begin with a word, one after another, in the order of
    /// `candidates`.
    bytes: Vec<u8>,
    /// Those patterns, grouped by the hash of their first word (lower-cased) and longest first
    /// within a group. Words whose hashes collide share a group: every candidate is compared.
    candidates: Vec<Candidate>,
    /// Open addressing on first-word hashes: where each group is in `candidates`.
    slots: Vec<Slot>,
    /// The first words of the patterns: most words of a text begin none, and are rejected here.
    filter: Filter,
    /// Patterns that do not begin with a letter or digit ("’t Hooft").
    others: Others,
}

/// Patterns that do not begin with a letter or digit: rare, so an automaton over them alone,
/// built when first searched (a knowledge base read from the cache has none yet).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Others {
    texts: Vec<String>,
    /// Their pattern numbers in the index.
    ids: Vec<usize>,
    #[serde(skip)]
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl Others {
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| super::build_matcher(self.texts.iter().map(String::as_str), MatchKind::LeftmostLongest))
            .as_ref()
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Candidate {
    /// Where its bytes start in `bytes`, and how many there are.
    start: u32,
    len: u32,
    pattern: u32,
    /// The hash of its second word, if it has one: most candidates of a common first name are
    /// told apart by it without reading their bytes ("John Smith", "John Brown").
    second: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Slot {
    hash: u64,
    /// The group's first candidate, and how many it has (0: an empty slot).
    first: u32,
    count: u32,
}

impl PhraseIndex {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        let mut others: Vec<(usize, &str)> = Vec::new();
        let mut starting: Vec<(u64, usize, &str)> = Vec::new();
        for (id, pattern) in patterns.into_iter().enumerate() {
            match run_end(pattern, 0) {
                (0, _) if !pattern.is_empty() => others.push((id, pattern)),
                (0, _) => {}
                (_, hash) => starting.push((hash, id, pattern)),
            }
        }
        index.filter = Filter::sized(starting.len());
        starting.iter().for_each(|&(hash, _, _)| index.filter.insert(hash));
        // Groups by first word, longest first, then in the order given.
        starting.sort_by_key(|&(hash, id, pattern)| (hash, std::cmp::Reverse(pattern.len()), id));
        let groups = starting.chunk_by(|a, b| a.0 == b.0).count();
        index.slots = vec![Slot::default(); (2 * groups).next_power_of_two().max(16)];
        for group in starting.chunk_by(|a, b| a.0 == b.0) {
            let slot = Slot { hash: group[0].0, first: index.candidates.len() as u32, count: group.len() as u32 };
            for &(_, id, pattern) in group {
                let start = index.bytes.len() as u32;
                index.bytes.extend_from_slice(pattern.as_bytes());
                let second = second_word_hash(pattern);
                index.candidates.push(Candidate { start, len: pattern.len() as u32, pattern: id as u32, second });
            }
            let mut at = index.slot_of(slot.hash);
            while index.slots[at].count != 0 {
                at = (at + 1) & (index.slots.len() - 1);
            }
            index.slots[at] = slot;
        }
        index.others = Others {
            texts: others.iter().map(|&(_, text)| text.to_string()).collect(),
            ids: others.iter().map(|&(id, _)| id).collect(),
            automaton: OnceLock::new(),
        };
        index
    }

    /// The slot a first-word hash is looked for from: its top bits.
    fn slot_of(&self, hash: u64) -> usize {
        (hash >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The patterns that begin with a word of this hash, longest first.
    fn candidates(&self, hash: u64) -> &[Candidate] {
        let mut at = self.slot_of(hash);
        loop {
            let slot = self.slots[at];
            if slot.count == 0 {
                return &[];
            }
            if slot.hash == hash {
                return &self.candidates[slot.first as usize..(slot.first + slot.count) as usize];
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// Every match in `text`, whose words are `words`, in order and not overlapping.
    pub fn find(&self, text: &str, words: &WordHashes) -> Vec<PhraseMatch> {
        let [found] = search([self], &self.filter, text, words);
        found
    }

    /// The longest pattern beginning with `word`, if one is written there; `next` is the hash
    /// of the word after it.
    fn match_at(&self, text: &str, word: &WordHash, next: Option<u64>) -> Option<PhraseMatch> {
        let start = word.start;
        let hit = self.candidates(word.hash).iter().find(|c| {
            let (from, len) = (c.start as usize, c.len as usize);
            c.second.is_none_or(|second| next == Some(second))
                && text
                    .as_bytes()
                    .get(start..start + len)
                    .is_some_and(|written| written.eq_ignore_ascii_case(&self.bytes[from..from + len]))
                && !starts_word(text, start + len)
        })?;
        Some(PhraseMatch { range: start..start + hit.len as usize, pattern: hit.pattern as usize })
    }

    /// Adds the matches of the patterns that begin with no letter or digit, keeping the leftmost
    /// of overlapping ones, the longest of those.
    fn add_others(&self, text: &str, span: Range<usize>, found: &mut Vec<PhraseMatch>) {
        if let Some(automaton) = self.others.automaton() {
            let ids = &self.others.ids;
            found.extend(
                automaton
                    .find_iter(aho_corasick::Input::new(text).span(span))
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
    }
}

/// Several indexes searched together, in one reading of the words, behind one filter: a word
/// that begins no pattern of any of them — most words — is rejected with one read of memory
/// rather than one per index.
#[derive(Debug)]
pub struct PhraseSet<const N: usize> {
    indexes: [PhraseIndex; N],
    /// The union of the indexes' filters.
    any: Filter,
}

impl<const N: usize> PhraseSet<N> {
    pub fn new(indexes: [PhraseIndex; N]) -> PhraseSet<N> {
        let any = Filter::union(indexes.iter().map(|i| &i.filter));
        PhraseSet { indexes, any }
    }

    pub fn indexes(&self) -> &[PhraseIndex; N] {
        &self.indexes
    }

    /// The matches of each index, as [`PhraseIndex::find`] finds them.
    pub fn find_each(&self, text: &str, words: &WordHashes) -> [Vec<PhraseMatch>; N] {
        search(self.indexes.each_ref(), &self.any, text, words)
    }
}

/// Stored as its indexes; their union filter is made again when read.
impl<const N: usize> Serialize for PhraseSet<N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.indexes)
    }
}

impl<'de, const N: usize> Deserialize<'de> for PhraseSet<N> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let indexes = Vec::<PhraseIndex>::deserialize(deserializer)?;
        let indexes: [PhraseIndex; N] = indexes.try_into().map_err(|read: Vec<PhraseIndex>| {
            serde::de::Error::invalid_length(read.len(), &"one index per kind of phrase")
        })?;
        Ok(PhraseSet::new(indexes))
    }
}

/// The matches of each index in `text`, whose words are `words`; `any` passes every word that
/// may begin a pattern of one of them.
fn search<const N: usize>(
    indexes: [&PhraseIndex; N],
    any: &Filter,
    text: &str,
    words: &WordHashes,
) -> [Vec<PhraseMatch>; N] {
    let mut found: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
    // Where each index's last match ends: its next one starts no earlier.
    let mut after = [0; N];
    for (at, word) in words.words.iter().enumerate().filter(|(_, w)| any.may_begin(w.hash)) {
        let next = words.words.get(at + 1).map(|w| w.hash);
        for (i, index) in indexes.iter().enumerate() {
            if word.start < after[i] || !index.filter.may_begin(word.hash) {
                continue;
            }
            if let Some(m) = index.match_at(text, word, next) {
                after[i] = m.range.end;
                found[i].push(m);
            }
        }
    }
    for (index, found) in indexes.iter().zip(&mut found) {
        index.add_others(text, words.span.clone(), found);
    }
    found
}

/// One bit per bucket of first-word hashes, set where a pattern's first word falls: a word
/// whose bit is clear begins no pattern. Sized to the patterns, [`BITS_PER_WORD`] bits for each
/// first word, so that it stays in the L1 cache while the words of a text are read.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Filter {
    bits: Vec<u64>,
}

impl Filter {
    fn sized(first_words: usize) -> Filter {
        Filter { bits: vec![0; (first_words * BITS_PER_WORD).next_power_of_two().clamp(MIN_BITS, MAX_BITS) / 64] }
    }

    /// The filter of every word any of `filters` lets pass. Sizes are powers of two and a
    /// bucket is the low bits of the hash's top ones, so a smaller filter's bucket is the larger
    /// one's, cut: its words repeat across the larger.
    fn union<'a>(filters: impl Iterator<Item = &'a Filter> + Clone) -> Filter {
        let len = filters.clone().map(|f| f.bits.len()).max().unwrap_or(0);
        let bits = (0..len)
            .map(|w| filters.clone().filter(|f| !f.bits.is_empty()).fold(0, |acc, f| acc | f.bits[w % f.bits.len()]))
            .collect();
        Filter { bits }
    }

    /// The word of the filter and the bit in it for a first-word hash.
    fn slot(&self, hash: u64) -> (usize, u64) {
        let bucket = (hash >> 40) as usize & (self.bits.len() * 64).wrapping_sub(1);
        (bucket / 64, 1 << (bucket % 64))
    }

    fn insert(&mut self, hash: u64) {
        let (word, bit) = self.slot(hash);
        self.bits[word] |= bit;
    }

    /// Might a pattern begin with a word of this hash?
    fn may_begin(&self, hash: u64) -> bool {
        let (word, bit) = self.slot(hash);
        self.bits.get(word).is_some_and(|w| w & bit != 0)
    }
}

/// The words of a text (runs of letters and digits) with a hash of each, lower-cased: read once
/// and shared by every index searched in the same text. They may be the words of a part of it
/// only (see [`WordHashes::within`]); offsets are always into the whole text.
#[derive(Debug, Default)]
pub struct WordHashes {
    words: Vec<WordHash>,
    /// The part of the text read.
    span: Range<usize>,
}

#[derive(Debug, Clone, Copy)]
struct WordHash {
    start: usize,
    end: usize,
    hash: u64,
}

impl WordHashes {
    pub fn new(text: &str) -> WordHashes {
        WordHashes::within(text, 0..text.len())
    }

    /// The words of `text[span]`, `span` starting and ending between words: a long text is read
    /// a part at a time, so that its words (four times its bytes) are never all in memory.
    pub fn within(text: &str, span: Range<usize>) -> WordHashes {
        let bytes = &text.as_bytes()[..span.end];
        let mut words = Vec::with_capacity(span.len() / 6);
        let mut i = span.start;
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
        WordHashes { words, span }
    }

    /// The index of the first run that ends after `offset`: where [`WordHashes::words_in`] may
    /// start looking for a range that begins at `offset` or later.
    pub fn after(&self, offset: usize, from: usize) -> usize {
        let from = from.min(self.words.len());
        from + self.words[from..].iter().take_while(|w| w.end <= offset).count()
    }

    /// The words of `text[range]` as [`crate::text::words`] reads them — runs joined across an
    /// apostrophe, hyphen or dot between them, a dotted abbreviation's last dot kept — made
    /// from the runs already found rather than by reading the text again. `text` is the text
    /// these hashes were made of.
    ///
    /// `from` is where to start looking, a run index no later than the range's first run: for
    /// ranges asked in text order, the end of the previous one (see [`WordHashes::after`]),
    /// which keeps reading them all linear.
    pub fn words_in<'t>(&self, text: &'t str, range: Range<usize>, from: usize) -> impl Iterator<Item = Word<'t>> {
        let from = from.min(self.words.len());
        let first = from + self.words[from..].iter().take_while(|w| w.end <= range.start).count();
        let runs = self.words[first..].iter().take_while(move |w| w.start.max(range.start) < range.end);
        let mut runs = runs.peekable();
        std::iter::from_fn(move || {
            let run = runs.next()?;
            let (start, mut end) = (run.start.max(range.start), run.end.min(range.end));
            let mut dotted = false;
            while let Some(next) = runs.peek() {
                // Joined across one apostrophe, hyphen or dot; read as bytes ("’" is three).
                match text.as_bytes()[end..next.start] {
                    [b'\'' | b'-'] | [0xE2, 0x80, 0x99] => {}
                    [b'.'] => dotted = true,
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

/// Bits of filter per first word of the patterns: about one word of text in sixteen that begins
/// no pattern passes it and is looked up; fewer for the smallest indexes, a few more for the
/// largest (thousands of names), whose filter would otherwise crowd the others out of the cache.
const BITS_PER_WORD: usize = 16;
const MIN_BITS: usize = 1 << 12;
const MAX_BITS: usize = 1 << 16;

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
/// Inlined into the word pass: a call per word costs as much as hashing it.
#[inline(always)]
fn run_end(text: &str, pos: usize) -> (usize, u64) {
    let bytes = text.as_bytes();
    let (mut i, mut hash) = ascii_run(bytes, pos, 0);
    // Letters of other scripts, each followed by more ASCII ones. Most words end at an ASCII
    // byte: decoded only when the next byte begins another script's character.
    while bytes.get(i).is_some_and(|&b| b >= 0x80)
        && let Some(c) = text[i..].chars().next().filter(|c| c.is_alphanumeric())
    {
        for &b in &bytes[i..i + c.len_utf8()] {
            hash = hash.rotate_left(5) ^ u64::from(b);
        }
        (i, hash) = ascii_run(bytes, i + c.len_utf8(), hash);
    }
    (if i == pos { 0 } else { i }, hash.wrapping_mul(0x517c_c1b7_2722_0a95))
}

/// The ASCII letters and digits from `i`: where they end, and `hash` carried over them.
#[inline(always)]
fn ascii_run(bytes: &[u8], mut i: usize, mut hash: u64) -> (usize, u64) {
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 || !ASCII_WORD[usize::from(b)] {
            break;
        }
        // `| 0x20` lower-cases an ASCII letter and leaves a digit as it is.
        hash = hash.rotate_left(5) ^ u64::from(b | 0x20);
        i += 1;
    }
    (i, hash)
}

/// The hash of the second run of letters and digits of a pattern, as [`WordHashes`] would
/// hash it in a text.
fn second_word_hash(pattern: &str) -> Option<u64> {
    let mut at = run_end(pattern, 0).0;
    while at < pattern.len() {
        match run_end(pattern, at) {
            (0, _) => at += utf8_len(pattern.as_bytes()[at]),
            (_, hash) => return Some(hash),
        }
    }
    None
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
            let first = hashes.after(from, 0);
            let read: Vec<(usize, usize)> = hashes.words_in(&text, from..to, first).map(|w| (w.start, w.end)).collect();
            let expected: Vec<(usize, usize)> =
                crate::text::words(&text[from..to]).map(|w| (w.start + from, w.end + from)).collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }

    #[test]
    fn several_indexes_in_one_reading_find_what_each_finds() {
        let names = PhraseIndex::new(["Rustem Umerov", "Umerov", "Kyiv"]);
        let triggers = PhraseIndex::new(["security advisers", "Kyiv meeting", "’t Hooft"]);
        let empty = PhraseIndex::default();
        let text = "Umerov met security advisers at the Kyiv meeting with Rustem Umerov and ’t Hooft in Kyiv.";
        let words = WordHashes::new(text);
        let set = PhraseSet::new([names, triggers, empty]);
        let [names, triggers, _] = set.indexes();
        let [a, b, c] = set.find_each(text, &words);
        assert_eq!((a, b), (names.find(text, &words), triggers.find(text, &words)));
        assert!(c.is_empty());
        assert_eq!(found(triggers, text), ["security advisers", "Kyiv meeting", "’t Hooft"]);
    }

    #[test]
    fn a_set_of_indexes_of_different_sizes_finds_what_each_finds() {
        // Thousands of first words take a larger filter than two do: the union of the filters
        // repeats the smaller one across the larger.
        let many: Vec<String> = (0..2000).map(|i| format!("Name{i} Person")).collect();
        let large = PhraseIndex::new(many.iter().map(String::as_str));
        let small = PhraseIndex::new(["summit", "Geneva"]);
        let text: String = (0..3000).step_by(7).map(|i| format!("Name{i} Person at the summit in Geneva; ")).collect();
        let words = WordHashes::new(&text);
        let set = PhraseSet::new([large, small]);
        let [large, small] = set.indexes();
        let [a, b] = set.find_each(&text, &words);
        assert_eq!((a.len(), b.len()), (286, 2 * 429));
        assert_eq!((a, b), (large.find(&text, &words), small.find(&text, &words)));
    }

    #[test]
    fn patterns_that_begin_with_punctuation_are_found_too() {
        let index = PhraseIndex::new(["’t Hooft", "Hooft"]);
        assert_eq!(found(&index, "Gerard ’t Hooft and Hooft."), ["’t Hooft", "Hooft"]);
    }
}
