//! Claims out of a source: mentions, titles, dates and counts, and the events of the rules
//! that dates and counts are about.
//!
//! Each extractor reads the source's text and returns ranges in it; this module turns them
//! into [`Claim`]s with spans into the file. Extractors never see the file, only the prose.

mod clause;
mod correction;
pub mod count;
pub mod date;
mod event;
pub mod mention;
pub mod number;
mod post;
pub mod title;

use crate::claim::{Claim, ClaimKind, CountClaim, DateClaim, Mention, Title};
pub use crate::input::Sentence;
use crate::input::Source;
use crate::interval::DateInterval;
use crate::kb::phrases::{PhraseMatch, WordHashes};
use crate::kb::{EntityId, KnowledgeBase};
use count::{CountMention, CountSettings, extract_counts_around, follows_named_item, included_after, outcome_of};
use date::{DateMention, extract_dates};
use event::{EventPhrases, SentenceEvents};
use mention::{mentions_of, unwrap_lines};
use std::ops::Range;
use std::sync::Arc;
use title::{TitleHit, find_titles};

use crate::text::{strip_possessive, title_key};

/// Settings that change what is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractSettings {
    pub counts: CountSettings,
    pub scope: Scope,
}

/// Which dates and counts are read. Reading them is most of the cost of extraction, and the
/// checks use few of them — those tied to events, those dating a title, those written with a
/// weekday — so `factlint check` reads only the sentences where the enabled checks need them.
/// Mentions and titles are always read: everything else builds on them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every date and count (`factlint claims` lists them all).
    #[default]
    Everything,
    /// Only where these needs call for them.
    Needed(Needs),
}

/// The dates and counts a check reads (see [`crate::checks::Check::needs`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// Dates and counts of sentences that name an event of the rules or refer back to one.
    pub event_claims: bool,
    /// Dates of sentences that give someone a title: the time the sentence speaks of.
    pub title_dates: bool,
    /// Dates written with a weekday.
    pub weekday_dates: bool,
}

impl std::ops::BitOr for Needs {
    type Output = Needs;

    fn bitor(self, other: Needs) -> Needs {
        Needs {
            event_claims: self.event_claims || other.event_claims,
            title_dates: self.title_dates || other.title_dates,
            weekday_dates: self.weekday_dates || other.weekday_dates,
        }
    }
}

/// Text whose words are read at once, at most (but for a longer sentence): their hashes take
/// four times its bytes.
const WORD_BLOCK: usize = 1 << 20;

/// The sentences of a text of `len` bytes in blocks of whole sentences, each with the part of
/// the text it covers (all of it, between them). A block ends with a paragraph once it is half
/// full, and with any sentence once full: a name or phrase never runs across either.
fn blocks(sentences: &[Sentence], len: usize) -> Vec<(Range<usize>, Range<usize>)> {
    let mut blocks = Vec::new();
    let (mut first, mut from) = (0, 0);
    for (i, sentence) in sentences.iter().enumerate() {
        let size = sentence.range.end - from;
        let paragraph_ends = sentences.get(i + 1).is_none_or(|next| next.paragraph != sentence.paragraph);
        if size >= WORD_BLOCK || (size >= WORD_BLOCK / 2 && paragraph_ends) {
            blocks.push((first..i + 1, from..sentence.range.end));
            (first, from) = (i + 1, sentence.range.end);
        }
    }
    if from < len || first < sentences.len() || blocks.is_empty() {
        blocks.push((first..sentences.len(), from..len));
    }
    blocks
}

/// Every claim of a source, in text order.
pub fn extract(source: &Source, kb: &KnowledgeBase, settings: &ExtractSettings) -> Vec<Claim> {
    let text = &source.text;
    // Names and titles may wrap across lines within a sentence: read them on one line.
    let unwrapped = unwrap_lines(text, &source.sentences);
    // The phrases of the rules and of the lexicon, found in one reading of the words, and the
    // names: a block of sentences at a time.
    let mut phrases: [Vec<PhraseMatch>; 5] = Default::default();
    let mut mentions = Vec::new();
    let english = source.is_english();
    for (sentences, span) in blocks(&source.sentences, unwrapped.len()) {
        let words = WordHashes::within(&unwrapped, span);
        let found = kb.phrases.find_each(&unwrapped, &words);
        mentions.extend(mentions_of(&unwrapped, &words, &found[0], kb, &source.sentences[sentences], english));
        phrases.iter_mut().zip(found).for_each(|(all, block)| all.extend(block));
    }
    let [_, triggers, places, nouns, weekdays] = phrases;
    // A social post quoted in the article speaks for its poster: its names and titles are not
    // the article's.
    let posts = post::embedded_posts(text, &source.paragraphs);
    if !posts.is_empty() {
        mentions.retain(|m| !within_any(&posts, &m.range));
    }
    // Each title with the entity it is given to, if known.
    let titles: Vec<(TitleHit, Option<EntityId>)> = find_titles(&unwrapped, &mentions, &source.sentences, kb)
        .into_iter()
        .map(|t| {
            // Mentions are in text order: found by halving, not a scan per title (a text of many
            // titles would take the square of its length).
            let at = mentions.partition_point(|m| m.range.start < t.person.start);
            let entity = mentions[at..]
                .iter()
                .take_while(|m| m.range.start == t.person.start)
                .find(|m| m.range == t.person)
                .and_then(|m| m.entity);
            (t, entity)
        })
        .collect();
    let found = EventPhrases { triggers: &triggers, places: &places, nouns: &nouns };
    let events = SentenceEvents::new(source, &unwrapped, kb, found, &mentions);
    let (date_windows, count_windows) = match settings.scope {
        Scope::Everything => {
            let whole = || std::iter::once(0..text.len()).collect();
            (whole(), whole())
        }
        Scope::Needed(needs) => windows(source, kb, &titles, &weekdays, &events, needs),
    };
    let mut dates = dates_in(text, &date_windows, source.meta.published);
    if let Some(published) = source.meta.published {
        anchor_weekdays(text, &source.paragraphs, &weekdays, &mut dates, published);
    }
    let counts = counts_in(text, &count_windows, &dates, &settings.counts);

    // Sentences are given once the claims are in order, in one pass.
    let claim = |range: std::ops::Range<usize>, kind: ClaimKind| Claim {
        span: source.span(range.clone()),
        sentence: 0,
        range,
        kind,
    };
    let mut claims: Vec<Claim> = Vec::with_capacity(mentions.len() + titles.len() + dates.len() + counts.len());
    // Each distinct title once: its text and key are shared by all the claims written alike.
    let mut written: rustc_hash::FxHashMap<&str, (Arc<str>, Arc<[String]>)> = rustc_hash::FxHashMap::default();
    claims.extend(titles.into_iter().map(|(t, entity)| {
        let (title, key) = written
            .entry(&text[t.title.clone()])
            .or_insert_with_key(|title| (Arc::from(*title), title_key(title).into()))
            .clone();
        let kind = Title {
            entity,
            key,
            title,
            title_span: source.span(t.title.clone()),
            person: t.person,
            qualifier: t.qualifier,
            designated: t.designated,
        };
        claim(t.range, ClaimKind::Title(Box::new(kind)))
    }));
    claims.extend(mentions.into_iter().map(|m| {
        claim(m.range, ClaimKind::Mention(Mention { entity: m.entity, form: m.form, person_like: m.person_like }))
    }));
    claims.extend(dates.into_iter().map(|d| {
        claim(
            d.range,
            ClaimKind::Date(DateClaim {
                interval: d.interval,
                alternative: d.alternative,
                weekday: d.weekday,
                event: None,
            }),
        )
    }));
    claims.extend(counts.into_iter().map(|c| {
        // The claim reads "18 countries": the unit joins the span when it follows the number.
        let range = match &c.unit {
            Some(unit) if unit.start >= c.range.end => c.range.start..unit.end,
            _ => c.range.clone(),
        };
        let unit = c.unit.map(|u| text[u].to_string());
        let sentence = source.sentence_at(range.start).map(|i| source.sentences[i].range.clone());
        let outcome = sentence.clone().and_then(|s| outcome_of(text, s, range.clone()));
        let including = included_after(&text[range.end..]);
        let sentence_start = sentence.map_or(0, |s| s.start);
        let interval =
            if follows_named_item(&text[sentence_start..range.start]) { c.interval.at_least() } else { c.interval };
        claim(range, ClaimKind::Count(Box::new(CountClaim { interval, unit, outcome, including, event: None })))
    }));
    crate::lint::sort_stable_by(&mut claims, |a, b| (a.span.start, a.span.end).cmp(&(b.span.start, b.span.end)));
    // A correction notice quotes the errors it corrects: none of its words is a claim.
    let notices = correction::correction_notices(text, &source.paragraphs);
    if !notices.is_empty() {
        claims.retain(|c| !within_any(&notices, &c.range));
    }
    let mut sentences = source.sentence_cursor();
    for claim in &mut claims {
        claim.sentence = sentences.at(claim.range.start).unwrap_or(0);
    }
    events.tie(source, kb, &mut claims);
    claims
}

/// Whether `range` lies inside one of `ranges`, which are in text order and apart: found by
/// halving, so a text of many ranges is not read once per claim.
fn within_any(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    let at = ranges.partition_point(|r| r.end < range.end);
    ranges.get(at).is_some_and(|r| r.start <= range.start && range.end <= r.end)
}

/// Bare weekdays ("held on Wednesday") are read from the article's date; but in a paragraph
/// that opens with a date putting its story at another time ("Feb. 4–5 — Abu Dhabi. … held on Wednesday
/// and Thursday", a timeline's entry), a weekday is that week's: it is read as the day of that
/// weekday nearest the paragraph's first date. `weekdays` are the weekday words of the text, in
/// order: a date that is one of them alone is a bare weekday.
fn anchor_weekdays(
    text: &str,
    paragraphs: &[Range<usize>],
    weekdays: &[PhraseMatch],
    dates: &mut [DateMention],
    published: chrono::NaiveDate,
) {
    use chrono::Datelike;
    /// How far into a paragraph its opening date is looked for.
    const OPENING: usize = 400;
    // The paragraph last looked at, and its opening date (where it ends, and its day).
    let mut opening: Option<(usize, Option<(usize, chrono::NaiveDate)>)> = None;
    let mut paragraph = 0;
    let mut next_weekday = 0;
    for date in dates.iter_mut() {
        next_weekday += weekdays[next_weekday..].partition_point(|w| w.range.start < date.range.start);
        // "Wednesday", "Wednesday's": the date is the weekday word, a possessive aside.
        let bare = weekdays.get(next_weekday).is_some_and(|w| {
            w.range.start == date.range.start && strip_possessive(&text[w.range.end..date.range.end]).is_empty()
        });
        if !bare {
            continue;
        }
        paragraph += paragraphs[paragraph..].partition_point(|p| p.end <= date.range.start);
        let Some(span) = paragraphs.get(paragraph).filter(|p| p.start <= date.range.start) else { continue };
        if opening.is_none_or(|(p, _)| p != paragraph) {
            // Read once a paragraph, and only its opening: linear in the text.
            let end = crate::text::floor_char_boundary(text, (span.start + OPENING).min(span.end));
            let first = extract_dates(&text[span.start..end], Some(published)).into_iter().find(|d| {
                // The paragraph's opening words: a timeline's heading, "On June 12, …".
                let lead =
                    text[span.start..span.start + d.range.start].trim_start_matches(|c: char| !c.is_alphanumeric());
                lead.len() <= "On ".len()
                    && text[span.start + d.range.start..span.start + d.range.end].bytes().any(|b| b.is_ascii_digit())
                    && d.interval.days() <= 7
                    && (d.interval.start - published).num_days().abs() > 7
            });
            opening = Some((paragraph, first.map(|d| (span.start + d.range.end, d.interval.start))));
        }
        let Some((_, Some((anchor_end, day)))) = opening else { continue };
        if anchor_end > date.range.start {
            continue;
        }
        let weekday = date.interval.start.weekday();
        if let Some(near) = (-3..=3).map(|offset| day + chrono::Duration::days(offset)).find(|d| d.weekday() == weekday)
        {
            date.interval = DateInterval::day(near);
            date.alternative = None;
        }
    }
}

/// The dates of the windows of `text`, in text order.
fn dates_in(text: &str, windows: &[Range<usize>], published: Option<chrono::NaiveDate>) -> Vec<DateMention> {
    let read = |window: &Range<usize>| {
        let offset = window.start;
        extract_dates(&text[window.clone()], published).into_iter().map(move |mut d| {
            d.range = d.range.start + offset..d.range.end + offset;
            d
        })
    };
    windows.iter().flat_map(read).collect()
}

/// The counts of the windows of `text`, in text order. A number inside a date ("January 3",
/// "in 2024") is no count: `dates` (in text order, covering the windows) are looked up, never
/// scanned.
fn counts_in(
    text: &str,
    windows: &[Range<usize>],
    dates: &[DateMention],
    settings: &CountSettings,
) -> Vec<CountMention> {
    let read = |window: &Range<usize>| {
        let first = dates.partition_point(|d| d.range.end <= window.start);
        let last = dates.partition_point(|d| d.range.start < window.end);
        // Dates are read in windows of their own, which may begin before this one: clipped.
        let clip = |at: usize| at.clamp(window.start, window.end) - window.start;
        let inside: Vec<_> = dates[first..last].iter().map(|d| clip(d.range.start)..clip(d.range.end)).collect();
        let offset = window.start;
        extract_counts_around(&text[window.clone()], settings, &inside).into_iter().map(move |mut c| {
            c.range = c.range.start + offset..c.range.end + offset;
            c.unit = c.unit.map(|u| u.start + offset..u.end + offset);
            c
        })
    };
    let outside_dates = |c: &CountMention| {
        let next = dates.partition_point(|d| d.range.end <= c.range.start);
        dates.get(next).is_none_or(|d| d.range.start >= c.range.end)
    };
    windows.iter().flat_map(read).filter(outside_dates).collect()
}

/// The stretches of text to read dates in, and counts in, for `needs`: runs of whole sentences,
/// so an expression is read as it would be in the whole text. Counts are read where events that
/// count something are named; dates where any event is, and where a title to judge or a weekday
/// is.
fn windows(
    source: &Source,
    kb: &KnowledgeBase,
    titles: &[(TitleHit, Option<EntityId>)],
    weekdays: &[PhraseMatch],
    events: &SentenceEvents,
    needs: Needs,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let sentences = &source.sentences;
    let mut dated = vec![false; sentences.len()];
    let mut counted = vec![false; sentences.len()];
    if needs.event_claims {
        for i in (0..sentences.len()).filter(|&i| events.any(i)) {
            dated[i] = true;
            counted[i] = events.any_counted(i, kb);
        }
    }
    if needs.title_dates {
        // Only titles of people with roles in the rules are judged, against a date written
        // before or after the title in its sentence.
        let judged = titles.iter().filter(|(_, e)| e.is_some_and(|e| !kb.entities[e].roles.is_empty()));
        let mut cursor = source.sentence_cursor();
        for (title, _) in judged {
            if let Some(i) = cursor.at(title.range.start) {
                dated[i] = true;
            }
        }
    }
    if needs.weekday_dates {
        let mut cursor = source.sentence_cursor();
        for m in weekdays {
            if let Some(i) = cursor.at(m.range.start) {
                dated[i] = true;
            }
        }
    }
    (runs(sentences, &dated), runs(sentences, &counted))
}

/// The marked sentences, neighbours joined.
fn runs(sentences: &[Sentence], marked: &[bool]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<usize> = None;
    for (i, sentence) in sentences.iter().enumerate().filter(|(i, _)| marked[*i]) {
        match out.last_mut() {
            Some(run) if previous == Some(i - 1) => run.end = sentence.range.end,
            _ => out.push(sentence.range.clone()),
        }
        previous = Some(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_in_blocks_of_whole_sentences_covering_the_text() {
        const HALF: usize = WORD_BLOCK / 2;
        // Each sentence's length and paragraph, and where each block of sentences ends.
        type Case<'a> = (&'a [(usize, usize)], &'a [usize]);
        let cases: &[Case] = &[
            (&[], &[0]),
            (&[(10, 0), (20, 0)], &[2]),
            // Half full at a paragraph's end: cut there.
            (&[(HALF, 0), (10, 1), (10, 1)], &[1, 3]),
            // Not at a paragraph's end: cut once full.
            (&[(HALF, 0), (HALF, 0), (10, 0)], &[2, 3]),
            // A sentence longer than a block is a block.
            (&[(10, 0), (3 * WORD_BLOCK, 0), (10, 0)], &[2, 3]),
        ];
        for (lengths, expected) in cases {
            let mut at = 0;
            let sentences: Vec<Sentence> = lengths
                .iter()
                .map(|&(len, paragraph)| {
                    // One byte between sentences.
                    let range = at..at + len;
                    at += len + 1;
                    Sentence { range, paragraph }
                })
                .collect();
            let len = at + 5;
            let blocks = blocks(&sentences, len);
            let ends: Vec<usize> = blocks.iter().map(|(s, _)| s.end).collect();
            assert_eq!(&ends, expected, "{lengths:?}");
            assert!(blocks.iter().zip(blocks.iter().skip(1)).all(|(a, b)| a.0.end == b.0.start));
            // The spans cover the text, in order, without gaps.
            assert_eq!(blocks.first().unwrap().1.start, 0);
            assert_eq!(blocks.last().unwrap().1.end, len);
            assert!(blocks.windows(2).all(|pair| pair[0].1.end == pair[1].1.start));
        }
    }
}
