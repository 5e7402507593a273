//! Mentions: every form of every entity, found in one multi-pattern pass, and the name-like
//! capitalised sequences that match no entity (kept for fuzzy and cross-source comparison).
//!
//! Matching is case-aware: a person's name matches when written as listed, capitalised alike or
//! in capitals, never in lower case ("Rice" the person, not "rice"). A bare surname preceded by
//! another given name ("Melania Trump") is someone else, not the entity.

use std::borrow::Cow;
use std::ops::Range;

use super::Sentence;
use crate::claim::Form;
use crate::kb::phrases::{PhraseMatch, WordHashes};
use crate::kb::{EntityId, FormKind, KnowledgeBase};
use crate::lexicon::{self, Kinds};
use crate::text::{Word, strip_possessive};
use crate::transliteration::{equivalent_given_names, same_given_name};

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionHit {
    pub range: Range<usize>,
    pub entity: Option<EntityId>,
    pub form: Form,
    pub person_like: bool,
}

/// Particles inside personal and place names: "Faro de Vigo", "Ursula von der Leyen".
const PARTICLES: &[&str] =
    &["de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "del", "dos"];

/// Suffixes that end a personal name: "Jr.", "III".
const GENERATIONAL: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Finds every mention in `text` (with line breaks inside sentences read as spaces, see
/// [`unwrap_lines`]), whose words are `words`: known forms first, then unknown name-like
/// sequences.
pub fn find_mentions(text: &str, words: &WordHashes, kb: &KnowledgeBase, sentences: &[Sentence]) -> Vec<MentionHit> {
    let [names, ..] = kb.phrases.indexes();
    mentions_of(text, words, &names.find(text, words), kb, sentences, lexicon::is_english(text))
}

/// The same, where the names of the rules are already found (`names`, matches of
/// the first index of `kb.phrases`); `english` tells how the article romanises names.
pub(super) fn mentions_of(
    text: &str,
    words: &WordHashes,
    names: &[PhraseMatch],
    kb: &KnowledgeBase,
    sentences: &[Sentence],
    english: bool,
) -> Vec<MentionHit> {
    let mut known = known_mentions(text, names, kb);
    let unknown = unknown_mentions(text, words, kb, sentences, &known, english);
    known.extend(unknown);
    known.sort_by_key(|m| (m.range.start, m.range.end));
    known
}

/// The text with each line break inside a sentence read as a space, so that a name or title
/// wrapped across lines ("Ion\nVasilescu") reads as written on one line. Lengths, and so offsets,
/// are unchanged; breaks between sentences and paragraphs stay.
pub fn unwrap_lines<'t>(text: &'t str, sentences: &[Sentence]) -> Cow<'t, str> {
    let bytes = text.as_bytes();
    // Text laid out a paragraph to a line, as much is, has no break inside a sentence: kept as
    // it is.
    if !sentences.iter().any(|s| memchr::memchr(b'\n', &bytes[s.range.clone()]).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut bytes = bytes.to_vec();
    for s in sentences {
        for i in memchr::memchr_iter(b'\n', &text.as_bytes()[s.range.clone()]) {
            bytes[s.range.start + i] = b' ';
        }
    }
    String::from_utf8(bytes).map_or(Cow::Borrowed(text), Cow::Owned)
}

fn known_mentions(text: &str, names: &[PhraseMatch], kb: &KnowledgeBase) -> Vec<MentionHit> {
    let mut hits: Vec<MentionHit> = Vec::new();
    for m in names {
        let (start, end) = (m.range.start, m.range.end);
        let pattern = &kb.names[m.pattern];
        let written = &text[start..end];
        if !pattern.any_case && !same_capitalisation(written, &pattern.text) {
            continue;
        }
        let hit = match pattern.owners.as_slice() {
            [] => MentionHit { range: start..end, entity: None, form: Form::Distinct, person_like: true },
            [(entity, kind)] => {
                MentionHit { range: start..end, entity: Some(*entity), form: Form::Known(*kind), person_like: false }
            }
            owners => resolve_shared(start..end, owners, &hits, kb),
        };
        hits.push(hit);
    }
    let mut floor = 0;
    for hit in &mut hits {
        // A misspelled bare surname is checked alike: "Gordon Brown" is not a misspelling of
        // Katrin Braun's "Brown".
        let misspelled_surname =
            hit.form == Form::Known(FormKind::Misspelling) && !text[hit.range.clone()].contains(char::is_whitespace);
        if misspelled_surname
            || matches!(hit.form, Form::Known(FormKind::Surname | FormKind::Variant) | Form::Ambiguous)
        {
            given_name_check(text, floor, hit, kb);
        }
        floor = hit.range.end;
    }
    join_namesakes(text, &mut hits);
    hits
}

/// A given name another person is known by, right before a bare surname, is one name of someone
/// else: "Ambassador Charles Kushner" is neither King Charles nor Jared Kushner.
fn join_namesakes(text: &str, hits: &mut Vec<MentionHit>) {
    let single = |hit: &MentionHit| !text[hit.range.clone()].contains(char::is_whitespace);
    let mut joined = false;
    for i in 1..hits.len() {
        let (before, hit) = (&hits[i - 1], &hits[i]);
        let bare_surname = matches!(hit.form, Form::Known(FormKind::Surname | FormKind::Variant) | Form::Ambiguous);
        if before.entity.is_some()
            && before.entity != hit.entity
            && bare_surname
            && single(before)
            && single(hit)
            && text.get(before.range.end..hit.range.start) == Some(" ")
        {
            let range = before.range.start..hit.range.end;
            hits[i] = MentionHit { range, entity: None, form: Form::Unknown, person_like: true };
            hits[i - 1].range = 0..0;
            joined = true;
        }
    }
    if joined {
        hits.retain(|hit| !hit.range.is_empty());
    }
}

/// "Umerov" matches "Umerov", "UMEROV", but not "umerov": each word's first letter must be
/// written as in the form, unless the whole text is in capitals.
fn same_capitalisation(written: &str, form: &str) -> bool {
    if written == form || !written.chars().any(char::is_lowercase) {
        return true;
    }
    written.split_whitespace().zip(form.split_whitespace()).all(|(w, f)| {
        let (w, f) = (w.chars().next(), f.chars().next());
        w.map(char::is_uppercase) == f.map(char::is_uppercase)
    })
}

/// A surname several entities share stands for the one last named in full before it.
fn resolve_shared(
    range: Range<usize>,
    owners: &[(EntityId, FormKind)],
    before: &[MentionHit],
    kb: &KnowledgeBase,
) -> MentionHit {
    let named = before.iter().rev().find_map(|hit| {
        let entity = hit.entity?;
        let full = matches!(hit.form, Form::Known(FormKind::Name | FormKind::Variant));
        let owner = owners.iter().find(|(o, _)| *o == entity)?;
        (full && kb.entities[entity].name.contains(' ')).then_some(*owner)
    });
    match named {
        Some((entity, kind)) => MentionHit { range, entity: Some(entity), form: Form::Known(kind), person_like: false },
        None => MentionHit { range, entity: None, form: Form::Ambiguous, person_like: true },
    }
}

/// A bare surname right after a capitalised given name that is not the entity's is another
/// person: "Melania Trump", "Hunter Biden". A middle name is fine: "Donald John Trump".
fn given_name_check(text: &str, floor: usize, hit: &mut MentionHit, kb: &KnowledgeBase) {
    // Never reach back into the mention before: mentions do not overlap.
    let before = &text[floor..hit.range.start];
    let mut start = hit.range.start;
    let mut names: Vec<&str> = Vec::new();
    let mut rest = before;
    while let Some(trimmed) = rest.strip_suffix(' ') {
        let word_start = trimmed
            .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '.' || c == '\''))
            .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
        let word = &trimmed[word_start..];
        // A word ending in a full stop ends the sentence before ("in Vilnius. Kowalczyk said").
        if word.ends_with('.') || !is_given_name(word, kb) {
            break;
        }
        names.push(word);
        start = floor + word_start;
        rest = &trimmed[..word_start];
    }
    let Some(first) = names.last() else { return };
    let first = first.trim_end_matches('.');
    let given_names = || {
        hit.entity.into_iter().flat_map(|e| {
            let entity = &kb.entities[e];
            let listed = entity.accepted_forms().chain(entity.misspellings.iter().map(String::as_str));
            listed.filter_map(|f| f.split_whitespace().next())
        })
    };
    // A listed given name or one the same by the table of equivalents ("Steve" for "Steven",
    // "Vladimir" for "Volodymyr") is the entity's.
    if given_names().any(|g| g == first || equivalent_given_names(g, first)) {
        return;
    }
    // One spelled alike but for transliteration ("Volodimir") is still the entity, in a form
    // the rules do not list.
    let entity = hit.entity.filter(|_| given_names().any(|g| same_given_name(g, first)));
    *hit = MentionHit { range: start..hit.range.end, entity, form: Form::Unknown, person_like: true };
}

fn is_given_name(word: &str, kb: &KnowledgeBase) -> bool {
    let Some(first) = word.chars().next() else { return false };
    // A dotted word is a given name only as an initial ("J."): otherwise the dot ends a sentence.
    if word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return false;
    }
    if !first.is_uppercase() || word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches('.');
    // Each part of a hyphenated word counts: "Ex-Chancellor" is a title, "Jean-Pierre" a name.
    !(word.chars().all(|c| !c.is_lowercase())
        || bare.split('-').any(|part| is_descriptor(part, kb))
        || lexicon::is_country(strip_possessive(word))
        || lexicon::is_calendar_word(&lower)
        || lexicon::is_common_word(bare))
}

/// Capitalised sequences outside known mentions that look like names.
fn unknown_mentions(
    text: &str,
    words: &WordHashes,
    kb: &KnowledgeBase,
    sentences: &[Sentence],
    known: &[MentionHit],
    english: bool,
) -> Vec<MentionHit> {
    // Known mentions and words are both in text order: a cursor follows the words.
    let mut next_known = 0;
    let mut covered = |w: &Word| {
        while known.get(next_known).is_some_and(|k| k.range.end <= w.start) {
            next_known += 1;
        }
        known.get(next_known).is_some_and(|k| k.range.start < w.end)
    };
    let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.range.start).collect();
    let mut out = Vec::new();
    let mut sentence_words: Vec<Word> = Vec::new();
    let mut run: Vec<Word> = Vec::new();
    let mut classified: Vec<RunWord> = Vec::new();
    // A sentence at a time, in order: where its words begin among the runs is looked for from
    // where the last sentence's began.
    let mut first_run = 0;
    for sentence in sentences {
        first_run = words.after(sentence.range.start, first_run);
        let sentence_text = &text[sentence.range.clone()];
        // Most sentences end in a full stop, which no headline does: their words are not
        // gathered to be counted first.
        if !sentence_text.trim_end().ends_with(['.', '!', '?']) {
            sentence_words.clear();
            sentence_words.extend(words.words_in(text, sentence.range.clone(), first_run));
            if is_headline(text, &sentence_words) {
                continue;
            }
        }
        let mut previous_end = sentence.range.start;
        for word in words.words_in(text, sentence.range.clone(), first_run) {
            let joined = !run.is_empty() && text[previous_end..word.start] == *" ";
            let particle = joined && PARTICLES.contains(&word.text);
            let known_name = word.is_capitalised() && covered(&word);
            let capitalised = word.is_capitalised() && !known_name && word.text.chars().any(char::is_alphabetic);
            if (capitalised || particle) && (run.is_empty() || joined) {
                run.push(word);
            } else {
                if !run.is_empty() {
                    let before_known = known_name && joined;
                    out.extend(
                        name_from_run(text, &run, kb, &sentence_starts, before_known, &mut classified)
                            .map(|hit| resolve_foreign(text, hit, kb, english)),
                    );
                }
                run.clear();
                if capitalised {
                    run.push(word);
                }
            }
            previous_end = word.end;
        }
        if !run.is_empty() {
            out.extend(
                name_from_run(text, &run, kb, &sentence_starts, false, &mut classified)
                    .map(|hit| resolve_foreign(text, hit, kb, english)),
            );
        }
        run.clear();
    }
    out
}

/// An unknown name written with accents the rules' form lacks, or in Cyrillic, may be an
/// accepted form read in Latin without its accents: then it is that entity's ("Macrón",
/// "Зеленский"), from the first word on which it is (words before may be a title in a language
/// the lexicon lacks: "Президент Зеленский"). In an article not in English, a Latin name may
/// romanise Cyrillic as that language does ("Selenskyj"). Names in plain ASCII in English were
/// looked for as written.
fn resolve_foreign(text: &str, hit: MentionHit, kb: &KnowledgeBase, english: bool) -> MentionHit {
    let written = &text[hit.range.clone()];
    if english && written.is_ascii() {
        return hit;
    }
    let word_starts = std::iter::once(0).chain(written.match_indices(' ').map(|(at, _)| at + 1));
    for start in word_starts {
        let name = &written[start..];
        let entity = if english { kb.name_keys().entity_of(name) } else { kb.name_keys().entity_of_romanised(name) };
        if let Some(entity) = entity {
            let range = hit.range.start + start..hit.range.end;
            return MentionHit { range, entity: Some(entity), form: Form::Known(FormKind::Variant), ..hit };
        }
    }
    hit
}

/// Not a name: a title word, nationality, qualifier, honorific or rank.
fn is_descriptor(part: &str, kb: &KnowledgeBase) -> bool {
    described_as_descriptor(part, lexicon::describe(part), kb)
}

/// [`is_descriptor`], for a part whose lexicon kinds are known.
fn described_as_descriptor(part: &str, kinds: Kinds, kb: &KnowledgeBase) -> bool {
    kinds.has(
        Kinds::TITLE_HEAD | Kinds::TITLE_MODIFIER | Kinds::COUNTRY | Kinds::HONORIFIC | Kinds::QUALIFIER | Kinds::RANK,
    ) || kb.is_title_word(part)
}

/// What a word of a capitalised run is, worked out once: each test below is asked of it by
/// one or more steps of [`name_from_run`]. "All parts" means every hyphen-joined part of the
/// word, lower-cased, without a possessive or a final dot ("President-elect", "Western-supplied").
struct RunWord<'a> {
    word: Word<'a>,
    /// Every part a descriptor (title word, nationality, qualifier, honorific).
    descriptor: bool,
    /// Every part a common word or a descriptor.
    common: bool,
    /// Every part a title head.
    head: bool,
    /// Written as a name particle ("de", "von").
    particle: bool,
    /// A country, nationality or abbreviation of one, possessive aside.
    country: bool,
    /// A word that makes a run an organisation or a place ("Bank", "Council").
    not_person: bool,
    /// "Jr.", "III": ends a personal name.
    generational: bool,
    /// In capitals: "NATO", "U.S.".
    acronym: bool,
    /// A month or weekday, or one's abbreviation with its full stop ("Feb. 28"), which the
    /// word itself does not hold (see [`lexicon::is_calendar_word`]).
    calendar: bool,
}

impl<'a> RunWord<'a> {
    fn new(word: Word<'a>, text: &str, kb: &KnowledgeBase) -> Self {
        let mut buf = [0u8; 48];
        let owned;
        let lower = match crate::text::ascii_lower(word.text, &mut buf) {
            Some(lower) => lower,
            None => {
                owned = word.text.to_lowercase();
                &owned
            }
        };
        let bare = strip_possessive(crate::text::strip_elision(lower));
        let (mut descriptor, mut common, mut head) = (true, true, true);
        // The kinds of the whole word: those of its one part, when it is one.
        let mut whole = None;
        for part in bare.trim_end_matches('.').split('-') {
            if part.is_empty() {
                (descriptor, common, head) = (false, false, false);
                break;
            }
            let kinds = lexicon::describe(part);
            if part.len() == bare.len() {
                whole = Some(kinds);
            }
            let is_descriptor = described_as_descriptor(part, kinds, kb);
            head &= kinds.has(Kinds::TITLE_HEAD);
            descriptor &= is_descriptor;
            common &= is_descriptor || kinds.has(Kinds::COMMON);
        }
        let whole = whole.unwrap_or_else(|| lexicon::describe(bare));
        let dotted = text[word.end..].starts_with('.');
        let calendar_kinds = if dotted { Kinds::CALENDAR | Kinds::CALENDAR_ABBREVIATION } else { Kinds::CALENDAR };
        RunWord {
            word,
            descriptor,
            common,
            head,
            // Particles are lower-case; most words asked are not.
            particle: word.text.starts_with(|c: char| c.is_ascii_lowercase()) && PARTICLES.contains(&word.text),
            country: whole.has(Kinds::COUNTRY),
            not_person: whole.has(Kinds::NOT_PERSON),
            generational: lower.len() <= 4 && GENERATIONAL.contains(&lower.trim_end_matches('.')),
            acronym: word.is_acronym(),
            // Calendar kinds are the word's own, never a stem's: a possessive is none.
            calendar: bare.len() == lower.len() && whole.has(calendar_kinds),
        }
    }
}

/// Trims a run of capitalised words down to a name, or nothing. A run `before_known` a known
/// name ends in a description of it: its title words are no part of another name ("Auch
/// Defense Minister Rustem Umerov").
/// `classified` is room for the run's words, reused from run to run.
fn name_from_run<'t>(
    text: &'t str,
    run: &[Word<'t>],
    kb: &KnowledgeBase,
    sentence_starts: &[usize],
    before_known: bool,
    classified: &mut Vec<RunWord<'t>>,
) -> Option<MentionHit> {
    classified.clear();
    classified.extend(run.iter().map(|&w| RunWord::new(w, text, kb)));
    let mut words: &[RunWord] = classified;
    // Leading titles, nationalities, honorifics and sentence-initial ordinary words are not names.
    while let Some(first) = words.first() {
        let start = first.word.start;
        let sentence_start = || sentence_starts.binary_search(&start).is_ok() || line_start(text, start);
        let skip = first.descriptor
            || first.country
            || first.calendar
            || first.acronym
            || first.particle
            || (first.common && sentence_start());
        if !skip {
            break;
        }
        words = &words[1..];
    }
    while words.last().is_some_and(|w| w.particle || w.acronym || w.calendar || (before_known && w.descriptor)) {
        words = &words[..words.len() - 1];
    }
    // A title head inside the run ends a description before the name: "Fisheries Minister
    // Ingrid Halvorsen" names Ingrid Halvorsen ("Martin Luther King Jr." keeps its suffix).
    let inner = &words[..words.len().saturating_sub(1)];
    if let Some(head) = inner.iter().rposition(|w| w.head) {
        let rest = &words[head + 1..];
        if rest.iter().any(|w| !w.generational) {
            words = rest;
        }
    }
    let (first, last) = (&words.first()?.word, &words.last()?.word);
    let all_common = words.iter().all(|w| w.particle || w.common);
    if all_common || words.iter().any(|w| w.word.text.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let end = last.start + strip_possessive(last.text).len();
    let names = words.iter().filter(|w| !w.particle).count();
    let person_like = (2..=4).contains(&names) && words.iter().all(|w| !w.not_person && !w.country);
    Some(MentionHit { range: first.start..end, entity: None, form: Form::Unknown, person_like })
}

/// Small words left lower-case in title-case headlines.
const HEADLINE_SMALL: &[&str] =
    &["a", "an", "the", "and", "but", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs"];

/// A headline in title case ("Allies Hold High-Level Talks in Kyiv"), which ends in no full stop:
/// its capitalised words are not names. Words in parentheses are not counted: a photo caption
/// ends in its credit, in capitals ("Rustem Umerov (Photo: JANE DOE / AP)"), and is no headline.
fn is_headline(text: &str, words: &[Word]) -> bool {
    let mut counted = 0;
    let mut capitalised = 0;
    let mut depth = 0usize;
    let mut previous_end = words.first().map_or(0, |w| w.start);
    for word in words {
        for c in text[previous_end..word.start].chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        previous_end = word.end;
        if depth > 0 || !word.text.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if HEADLINE_SMALL.contains(&word.text) {
            continue;
        }
        counted += 1;
        capitalised += usize::from(word.is_capitalised());
    }
    counted >= 4 && capitalised * 10 >= counted * 8
}

fn line_start(text: &str, offset: usize) -> bool {
    text[..offset].trim_end_matches([' ', '\t', '#', '*', '>', '-', '"', '“']).ends_with('\n')
        || text[..offset].trim().is_empty()
}

#[cfg(test)]
mod tests;
