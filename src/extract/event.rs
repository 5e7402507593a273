//! Which event of the rules a date or count is about.
//!
//! A sentence names an event when it holds one of its triggers and one of its entities (or its
//! place), and the trigger is not someone else's: when the people next to it (its subject, its
//! object in the same clause) are others and none of them the event's entity, the trigger is
//! theirs. A trigger an anniversary is of ("the fourth anniversary of the invasion") names no
//! event: the date is the anniversary's. A date or count in that sentence goes with the nearest
//! trigger; a count only with an
//! event that counts that unit. A sentence that refers back with a definite noun phrase ("The
//! gathering …", "the meeting") inherits the event named in the same or the previous paragraph.
//!
//! Generic triggers ("meeting", "talks") make a *weak* tie: the rules cannot list every meeting
//! of a group, so a date that fits none of them may be an unlisted one. Checks compare weak ties
//! across sources but never report them against the rules.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::clause::{
    clauses_apart, date_describes_other, in_other_relative_clause, names_another_step, tells_other_time,
};
use super::mention::MentionHit;
use crate::claim::{Claim, ClaimKind, EventTie, TieStrength};
use crate::input::Source;
use crate::interval::DateInterval;
use crate::kb::phrases::PhraseMatch;
use crate::kb::{EntityId, EntityKind, EventId, KnowledgeBase};
use crate::lexicon;
use crate::text::{fold, same_noun};

/// An event a sentence names, and the trigger that named it.
#[derive(Debug, Clone)]
struct Named {
    event: EventId,
    trigger: Range<usize>,
    strong: bool,
}

/// The events each sentence of a source names, or refers back to: what its dates and counts
/// can be tied to. Worked out before any date or count is read, so that only the sentences that
/// can be tied need reading (see [`super::Scope`]).
#[derive(Debug, Default)]
pub struct SentenceEvents {
    named: Vec<Vec<Named>>,
    /// Sentences whose events are the focus carried from an earlier sentence.
    inherited: Vec<bool>,
}

impl SentenceEvents {
    /// `text` is the source's text with line breaks inside sentences read as spaces; `found`,
    /// the event phrases found in it; `mentions`, the names.
    pub fn new(
        source: &Source,
        text: &str,
        kb: &KnowledgeBase,
        found: EventPhrases,
        mentions: &[MentionHit],
    ) -> SentenceEvents {
        let sentences = &source.sentences;
        let place_offset = kb.place_offset;
        // Triggers (never places), each with its sentence, in text order. A source that names no
        // trigger names no event: most sources, which are then read no further.
        let mut cursor = source.sentence_cursor();
        let triggers: Vec<(usize, Range<usize>, usize)> = found
            .triggers
            .iter()
            .filter_map(|m| Some((cursor.at(m.range.start)?, m.range.clone(), m.pattern)))
            .collect();
        if triggers.is_empty() {
            return SentenceEvents::default();
        }
        let mut cursor = source.sentence_cursor();
        let places: Vec<(usize, usize)> =
            found.places.iter().filter_map(|m| Some((cursor.at(m.range.start)?, place_offset + m.pattern))).collect();
        // Only a sentence holding an event noun can refer back, and most hold none, so
        // `refers_back` is asked of few.
        let holds_noun = |range: &Range<usize>| {
            let next = found.nouns.partition_point(|m| m.range.start < range.start);
            found.nouns.get(next).is_some_and(|m| m.range.start < range.end)
        };
        let mut cursor = source.sentence_cursor();
        let entities: Vec<(usize, EntityId)> =
            mentions.iter().filter_map(|m| Some((cursor.at(m.range.start)?, m.entity?))).collect();
        // Every name, known or not, and whether it is a person's: who holds a trigger.
        let mut cursor = source.sentence_cursor();
        // A place the rules give an event is no person, however name-like ("Kryvyi Rih").
        let is_place = |range: &Range<usize>| {
            let next = found.places.partition_point(|p| p.range.end <= range.start);
            found.places.get(next).is_some_and(|p| p.range.start < range.end)
        };
        let names: Vec<(usize, Name)> = mentions
            .iter()
            .filter_map(|m| {
                let person = match m.entity {
                    Some(entity) => kb.entities[entity].kind == EntityKind::Person,
                    None => m.person_like && !is_place(&m.range),
                };
                Some((cursor.at(m.range.start)?, Name { range: m.range.clone(), entity: m.entity, person }))
            })
            .collect();

        // Events named by each sentence, then the focus carried to sentences that refer back.
        // Every sentence is taken to hold a date or count: those that hold none are never asked.
        let mut named: Vec<Vec<Named>> = Vec::with_capacity(sentences.len());
        let mut inherited: Vec<bool> = vec![false; sentences.len()];
        let mut focus: Option<(usize, Vec<Named>)> = None;
        for (index, sentence) in sentences.iter().enumerate() {
            let triggers = of_sentence(&triggers, index, |t| t.0);
            // Without a trigger, only a sentence within reach of the focus can name an event.
            let in_reach = focus.as_ref().is_some_and(|(paragraph, _)| sentence.paragraph <= paragraph + 1);
            if triggers.is_empty() && !in_reach {
                named.push(Vec::new());
                continue;
            }
            let places: Vec<EventId> = of_sentence(&places, index, |p| p.0)
                .iter()
                .flat_map(|(_, p)| kb.event_patterns[*p].events.iter().copied())
                .collect();
            let entities = of_sentence(&entities, index, |e| e.0);
            let names = of_sentence(&names, index, |n| n.0);
            let mut here = Vec::new();
            for (_, range, pattern) in triggers {
                // "the fourth anniversary of the invasion" dates the anniversary, and "the
                // confirmation hearing" is another step than the confirmation.
                if marks_anniversary(&text[sentence.range.clone()], range.start - sentence.range.start, range.len())
                    || names_another_step(text, range.end)
                {
                    continue;
                }
                for &event in &kb.event_patterns[*pattern].events {
                    let e = &kb.events[event];
                    let by_entity = e.entities.iter().any(|x| entities.iter().any(|(_, entity)| entity == x));
                    let by_place = places.contains(&event);
                    let anchored = !held_by_someone_else(text, names, range, &e.entities)
                        && (by_entity || by_place || (e.entities.is_empty() && e.place.is_none()));
                    if anchored {
                        // "a summit in Paris" with the coalition named is as specific as a
                        // specific trigger: two anchors of the event agree.
                        let strong = !is_generic(&text[range.clone()]) || (by_entity && by_place);
                        here.push(Named { event, trigger: range.clone(), strong });
                    }
                }
            }
            // A sentence that names another event by a specific trigger is about that one, not
            // the focus ("a gathering of military chiefs of staff" after the advisers' meeting).
            let names_other = |events: &[Named]| {
                triggers.iter().any(|(_, range, p)| {
                    let pattern = &kb.event_patterns[*p];
                    !is_generic(&text[range.clone()])
                        && pattern.events.iter().any(|e| !events.iter().any(|n| n.event == *e))
                })
            };
            // Stricter: a specific trigger none of whose events is in focus.
            let names_only_other = |events: &[Named]| {
                triggers.iter().any(|(_, range, p)| {
                    let pattern = &kb.event_patterns[*p];
                    !is_generic(&text[range.clone()])
                        && !pattern.events.iter().any(|e| events.iter().any(|n| n.event == *e))
                })
            };
            if !here.is_empty() {
                focus = Some((sentence.paragraph, here.clone()));
            } else if let Some((paragraph, events)) = &focus {
                // Only a gathering is referred back to by "the meeting": not a confirmation.
                // "The summit" refers back only to an event the rules call a summit; "the
                // meeting" to any gathering.
                let gatherings = |noun: &str| -> Vec<Named> {
                    let fits = |n: &&Named| {
                        let triggers = &kb.events[n.event].triggers;
                        is_gathering(triggers) && called_by(triggers, noun)
                    };
                    events.iter().filter(fits).cloned().collect()
                };
                let referred = (sentence.paragraph <= paragraph + 1 && holds_noun(&sentence.range))
                    .then(|| refers_back(&text[sentence.range.clone()]))
                    .flatten()
                    .map(|noun| gatherings(&fold(noun)))
                    .filter(|g| !g.is_empty() && !names_other(events));
                if let Some(gatherings) = referred {
                    here = gatherings;
                    inherited[index] = true;
                } else if sentence.paragraph <= paragraph + 1 && !names_only_other(events) {
                    // "Her inauguration took place on May 29": a sentence opening with a definite
                    // trigger of an event in focus refers back to it (to the events in focus that
                    // have that trigger). "After the inauguration, …" does not.
                    for (_, range, pattern) in triggers {
                        let pattern = &kb.event_patterns[*pattern];
                        if !opens_definite(&text[sentence.range.start..range.start]) {
                            continue;
                        }
                        for n in events.iter().filter(|n| pattern.events.contains(&n.event)) {
                            here.push(Named { event: n.event, trigger: range.clone(), strong: n.strong });
                        }
                    }
                    inherited[index] = !here.is_empty();
                }
            }
            named.push(here);
        }
        SentenceEvents { named, inherited }
    }

    /// Does a sentence name an event, or refer back to one?
    pub fn any(&self, sentence: usize) -> bool {
        self.named.get(sentence).is_some_and(|n| !n.is_empty())
    }

    /// Does a sentence name an event that counts something (a count can be tied to no other)?
    pub fn any_counted(&self, sentence: usize, kb: &KnowledgeBase) -> bool {
        self.named.get(sentence).is_some_and(|n| n.iter().any(|n| !kb.events[n.event].counts.is_empty()))
    }

    /// Ties the dates and counts among `claims` to the events of their sentences.
    pub fn tie(&self, source: &Source, kb: &KnowledgeBase, claims: &mut [Claim]) {
        for claim in claims.iter_mut() {
            let Some(candidates) = self.named.get(claim.sentence).filter(|n| !n.is_empty()) else { continue };
            let inherited = self.inherited[claim.sentence];
            let sentence = sentence_range(source, claim);
            match &mut claim.kind {
                // A dateline gives the article's date, not the event's.
                ClaimKind::Date(_) if in_dateline(&source.text, &claim.range) => {}
                ClaimKind::Date(_) if tells_other_time(&source.text, sentence.clone(), &claim.range) => {}
                ClaimKind::Date(date) => {
                    // A date in another clause than the trigger, or describing another noun,
                    // tells the time of something else.
                    let own_clause = |n: &Named| {
                        !clauses_apart(&source.text, &n.trigger, &claim.range)
                            && !date_describes_other(&source.text, &claim.range, &n.trigger)
                            // "Trump, who served from 2017 to 2021, returned to office".
                            && !in_other_relative_clause(&source.text, sentence.clone(), &n.trigger, &claim.range)
                    };
                    date.event = choose(candidates, &claim.range, inherited, own_clause).map(|mut tie| {
                        // Events the date fits come first; then the nearest in time.
                        tie.candidates.sort_by_key(|&e| {
                            let when = kb.events[e].when;
                            let fits = date.readings().any(|r| when.meets(r));
                            (!fits, when.gap_days(&date.interval))
                        });
                        tie
                    });
                }
                ClaimKind::Count(count) => {
                    let unit = count.unit.as_deref().map(fold);
                    if unit.is_none() && count.outcome.is_none() {
                        continue;
                    }
                    count.event = choose(candidates, &claim.range, inherited, |n| {
                        kb.events[n.event].counts.iter().any(|c| c.counts(unit.as_deref(), count.outcome))
                            && !in_other_relative_clause(&source.text, sentence.clone(), &n.trigger, &claim.range)
                    })
                    .map(|mut tie| {
                        // Events sharing a trigger: the one nearest the article's date is meant.
                        if let Some(published) = source.meta.published.map(DateInterval::day) {
                            tie.candidates.sort_by_key(|&e| kb.events[e].when.gap_days(&published));
                        }
                        tie
                    });
                }
                _ => {}
            }
        }
        untie_other_dates(kb, claims);
    }
}

/// A sentence that gives an event's date rightly does not also contradict it: its other dates
/// are other things' ("the fatality count from Tuesday's fires rose by 17 from Wednesday").
fn untie_other_dates(kb: &KnowledgeBase, claims: &mut [Claim]) {
    let fits = |claim: &Claim| match &claim.kind {
        ClaimKind::Date(date) => date.event.as_ref().and_then(|tie| {
            let event = tie.event();
            date.readings().any(|r| kb.events[event].when.meets(r)).then_some((claim.sentence, event))
        }),
        _ => None,
    };
    let dated: std::collections::HashSet<(usize, EventId)> = claims.iter().filter_map(fits).collect();
    if dated.is_empty() {
        return;
    }
    for claim in claims.iter_mut() {
        let sentence = claim.sentence;
        let ClaimKind::Date(date) = &mut claim.kind else { continue };
        let Some(tie) = &date.event else { continue };
        let event = tie.event();
        let fits_here = date.readings().any(|r| kb.events[event].when.meets(r));
        if !fits_here && dated.contains(&(sentence, event)) {
            date.event = None;
        }
    }
}

/// A name in a sentence.
#[derive(Debug, Clone)]
struct Name {
    range: Range<usize>,
    entity: Option<EntityId>,
    person: bool,
}

/// True when the names nearest a trigger, its subject before it ("Hegseth was sworn in") and its
/// object after it in the same clause ("the inauguration of Hegseth"), are other people and none
/// of them an entity of the event: "Hegseth was sworn in on January 25, with Trump looking on"
/// is not Trump's inauguration. Names joined by "and" or commas count together ("Trump and
/// Vance were sworn in"). When no person stands next to the trigger, the sentence's entities
/// anchor it as before.
fn held_by_someone_else(text: &str, names: &[(usize, Name)], trigger: &Range<usize>, entities: &[EntityId]) -> bool {
    let joined = |a: &Range<usize>, b: &Range<usize>| {
        let between =
            text[a.end.min(b.start)..b.start.max(a.end)].trim_matches(|c: char| c == ',' || c.is_whitespace());
        between.is_empty() || between == "and" || between == "&"
    };
    // (any of the event's entities, any other person) among the names of one side.
    let mut sides = [(false, false); 2];
    let mut note = |side: usize, name: &Name| match name.entity {
        Some(entity) if entities.contains(&entity) => sides[side].0 = true,
        _ if name.person => sides[side].1 = true,
        _ => {}
    };
    // The subject: the names ending nearest before the trigger (or inside it: "Trump's inauguration").
    let before: Vec<&Name> = names.iter().map(|(_, n)| n).filter(|n| n.range.start < trigger.end).collect();
    if let Some(last) = before.len().checked_sub(1) {
        note(0, before[last]);
        for k in (0..last).rev() {
            if !joined(&before[k].range, &before[k + 1].range) {
                break;
            }
            note(0, before[k]);
        }
    }
    // The object: the names after the trigger, in its clause.
    let after: Vec<&Name> = names.iter().map(|(_, n)| n).filter(|n| n.range.start >= trigger.end).collect();
    if let Some(first) = after.first() {
        if !text[trigger.end..first.range.start].contains([',', ';', '(', '—', '–']) {
            note(1, first);
            for pair in after.windows(2) {
                if !joined(&pair[0].range, &pair[1].range) {
                    break;
                }
                note(1, pair[1]);
            }
        }
    }
    let [(subject_is_event, subject_other), (object_is_event, object_other)] = sides;
    (subject_other || object_other) && !subject_is_event && !object_is_event
}

/// True when the trigger at `start..start + len` of `sentence` names what an anniversary is of
/// ("the fourth anniversary of the invasion", "the invasion's anniversary"): a date there is the
/// anniversary's, not the event's.
fn marks_anniversary(sentence: &str, start: usize, len: usize) -> bool {
    let mut from = start.saturating_sub(80);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let before = sentence[from..start].to_ascii_lowercase();
    // "anniversary of the invasion", "anniversary of Russia's full-scale invasion"
    let of_before = before.rfind("anniversary of").is_some_and(|at| before[at..].split_whitespace().count() <= 6);
    // "the invasion's fourth anniversary", "the invasion anniversary"
    let after: Vec<String> =
        sentence[start + len..].split_whitespace().take(3).map(|w| w.to_ascii_lowercase()).collect();
    let anniversary_after = after.iter().any(|w| w.starts_with("anniversar"));
    of_before || anniversary_after
}

fn in_dateline(text: &str, range: &Range<usize>) -> bool {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..range.start];
    let after = text[range.end..].trim_start_matches([' ', '\u{a0}']);
    // "Kyiv, Ukraine – January 6, 2026 –", "Sep. 8—Today marks", "Washington, Nov 13 (UNI)".
    let agency = after
        .strip_prefix('(')
        .and_then(|a| a.split_once(')'))
        .is_some_and(|(name, _)| (2..=12).contains(&name.len()) && !name.contains(char::is_lowercase));
    let dash = after.starts_with(['–', '—', '-', '|']) || text[range.clone()].contains(['–', '—']);
    (crate::input::is_dateline(before) || before.trim().is_empty()) && (dash || agency)
}

/// The sentence a claim is in, as a range of the text.
fn sentence_range(source: &Source, claim: &Claim) -> Range<usize> {
    source.sentences.get(claim.sentence).map_or(claim.range.clone(), |s| s.range.clone())
}

/// The candidates sharing the trigger nearest to the claim (all of them for an inherited focus).
fn choose(candidates: &[Named], at: &Range<usize>, inherited: bool, fits: impl Fn(&Named) -> bool) -> Option<EventTie> {
    let fitting: Vec<&Named> = candidates.iter().filter(|n| fits(n)).collect();
    let distance = |n: &Named| {
        if n.trigger.end <= at.start { at.start - n.trigger.end } else { n.trigger.start.saturating_sub(at.end) }
    };
    let nearest = fitting.iter().map(|n| distance(n)).min()?;
    let chosen: Vec<&&Named> = fitting.iter().filter(|n| inherited || distance(n) == nearest).collect();
    let strong = chosen.iter().any(|n| n.strong);
    let mut events: Vec<EventId> = Vec::new();
    for n in chosen {
        if !events.contains(&n.event) {
            events.push(n.event);
        }
    }
    let strength = match (inherited, strong) {
        (_, false) => TieStrength::Weak,
        (true, true) => TieStrength::Focus,
        (false, true) => TieStrength::Strong,
    };
    Some(EventTie { candidates: events.into_boxed_slice(), strength })
}

/// A trigger made only of generic event words ("meeting", "talks", "first meeting").
fn is_generic(trigger: &str) -> bool {
    fold(trigger).split([' ', '-']).all(lexicon::is_generic_event_word)
}

/// The items of a list in text order that belong to sentence `index`.
fn of_sentence<T>(list: &[T], index: usize, sentence: impl Fn(&T) -> usize) -> &[T] {
    let start = list.partition_point(|item| sentence(item) < index);
    let end = start + list[start..].partition_point(|item| sentence(item) == index);
    &list[start..end]
}

/// Is the text before a noun the opening of a definite noun phrase at the start of its sentence
/// ("The ", "Her formal ")?
fn opens_definite(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let determiner = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "this" | "that" | "these" | "those" | "its" | "his" | "her" | "their"
        )
    });
    determiner && words.len() <= 3 && !before.contains([',', ';', ':'])
}

/// The phrases of a text that name events: the rules' triggers and places, and the nouns a
/// reference back calls an event by.
pub struct EventPhrases<'a> {
    pub triggers: &'a [PhraseMatch],
    pub places: &'a [PhraseMatch],
    pub nouns: &'a [PhraseMatch],
}

/// Is an event with these triggers one that "the meeting" or "the ceremony" can refer back to:
/// a gathering or a ceremony, named by one of the words a reference back uses, a generic event
/// word or a ceremony's word ("sworn in")?
fn is_gathering(triggers: &[String]) -> bool {
    triggers.iter().any(|t| {
        fold(t).split([' ', '-']).any(|w| {
            lexicon::is_generic_event_word(w)
                || lexicon::EVENT_NOUNS.contains(&w)
                || lexicon::CEREMONY_WORDS.contains(&w)
        })
    })
}

/// May a reference back by `noun` mean an event with these triggers: is it a noun for any
/// gathering, or a word of one of the triggers ("the summit" for a "leaders' summit")?
fn called_by(triggers: &[String], noun: &str) -> bool {
    lexicon::ANY_GATHERING_NOUNS.contains(&noun)
        || triggers.iter().any(|t| {
            fold(t).split([' ', '-']).any(|w| {
                // "The ceremony" for a swearing-in.
                same_noun(w, noun) || (noun == "ceremony" && lexicon::CEREMONY_WORDS.contains(&w))
            })
        })
}

/// "The gathering …", "this summit", "the January 3 meeting": a definite reference to an event
/// named before. The noun is lower-case: "the Political Action Conference" is a name. The word
/// boundaries are ASCII ones, which the fast automaton handles whatever the text: a Unicode
/// boundary makes it give up on curly quotes and dashes. Gives the noun that refers back.
fn refers_back(sentence: &str) -> Option<&str> {
    static BACK: OnceLock<Regex> = OnceLock::new();
    let back = BACK.get_or_init(|| {
        let pattern = format!(
            r"(?-u:\b)(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?({})(?-u:\b)",
            lexicon::EVENT_NOUNS.join("|")
        );
        Regex::new(&pattern).expect("valid")
    });
    Some(back.captures(sentence)?.get(1)?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name as written, its entity, and whether it is a person's.
    type Written<'a> = (&'a str, Option<EntityId>, bool);

    /// Names in `text`; the trigger's surface; the event's entities.
    fn someone_else(text: &str, names: &[Written], trigger: &str, entities: &[EntityId]) -> bool {
        let at = |s: &str| text.find(s).map(|i| i..i + s.len()).expect("in the text");
        let names: Vec<(usize, Name)> =
            names.iter().map(|&(s, entity, person)| (0, Name { range: at(s), entity, person })).collect();
        held_by_someone_else(text, &names, &at(trigger), entities)
    }

    #[test]
    fn a_trigger_belongs_to_the_names_next_to_it() {
        const TRUMP: EntityId = 1;
        const HEGSETH: EntityId = 2;
        const VANCE: EntityId = 3;
        let cases: &[(&str, &[Written], &str, bool)] = &[
            (
                "Hegseth was sworn in on January 25, with Trump looking on.",
                &[("Hegseth", Some(HEGSETH), true), ("Trump", Some(TRUMP), true)],
                "sworn in",
                true,
            ),
            (
                "Mark Olsen was sworn in on Friday, with Trump looking on.",
                &[("Mark Olsen", None, true), ("Trump", Some(TRUMP), true)],
                "sworn in",
                true,
            ),
            (
                "Trump was sworn in by Chief Justice John Roberts.",
                &[("Trump", Some(TRUMP), true), ("John Roberts", None, true)],
                "sworn in",
                false,
            ),
            (
                "Hegseth attended Trump's inauguration.",
                &[("Hegseth", Some(HEGSETH), true), ("Trump", Some(TRUMP), true)],
                "inauguration",
                false,
            ),
            (
                "Vance and Trump were sworn in on Monday.",
                &[("Vance", Some(VANCE), true), ("Trump", Some(TRUMP), true)],
                "sworn in",
                false,
            ),
            (
                "At the inauguration of Trump, Vance spoke.",
                &[("Trump", Some(TRUMP), true), ("Vance", Some(VANCE), true)],
                "inauguration",
                false,
            ),
            // No person next to the trigger: the sentence's entities anchor it as before.
            ("At the inauguration, Trump spoke.", &[("Trump", Some(TRUMP), true)], "inauguration", false),
        ];
        for (text, names, trigger, want) in cases {
            assert_eq!(someone_else(text, names, trigger, &[TRUMP]), *want, "{text}");
        }
    }

    #[test]
    fn an_anniversary_is_not_its_event() {
        for (sentence, trigger, want) in [
            ("On February 24, the fourth anniversary of the full-scale invasion, crowds gathered.", "invasion", true),
            ("The invasion's fourth anniversary fell on a Tuesday.", "invasion", true),
            ("The invasion anniversary was marked in Kyiv.", "invasion", true),
            ("The invasion began on February 24, 2022.", "invasion", false),
            ("An anniversary of the treaty was marked, and a year later the invasion began.", "invasion", false),
        ] {
            let start = sentence.find(trigger).unwrap();
            assert_eq!(marks_anniversary(sentence, start, trigger.len()), want, "{sentence}");
        }
    }

    #[test]
    fn generic_triggers_and_references() {
        assert!(is_generic("meeting") && is_generic("first meeting") && is_generic("video call"));
        assert!(!is_generic("national security advisers") && !is_generic("take office"));
        assert_eq!(refers_back("The gathering, described by the president, involved 18 countries."), Some("gathering"));
        assert_eq!(refers_back("The January 3 meeting marked a shift."), Some("meeting"));
        assert_eq!(refers_back("Officials said (the talks) went well."), Some("talks"));
        assert_eq!(refers_back("“This week’s long-awaited summit” opened."), Some("summit"));
        assert_eq!(refers_back("A meeting is planned."), None);
        assert_eq!(refers_back("The long and very difficult meeting ended."), None, "four words between");
        assert_eq!(refers_back("The meetingroom was full."), None);
        assert_eq!(refers_back("He spoke at the Conservative Political Action Conference."), None, "a name");
        // "The summit" is no reference to consultations; "the meeting" may be to any gathering.
        let consultations = vec!["consultations in Geneva".to_string(), "met in Geneva".to_string()];
        assert!(!called_by(&consultations, "summit"));
        assert!(called_by(&consultations, "meeting"));
        assert!(called_by(&["leaders' summit".to_string()], "summit"));
        assert!(called_by(&["sworn in".to_string()], "ceremony"));
        let triggers = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert!(is_gathering(&triggers(&["advisers' meeting", "Kyiv talks"])));
        assert!(is_gathering(&triggers(&["summit"])));
        assert!(is_gathering(&triggers(&["sworn in", "inauguration"])));
        assert!(!is_gathering(&triggers(&["confirm", "confirmed", "confirmation"])));
        for (before, definite) in [
            ("The ", true),
            ("Her ", true),
            ("The formal ", true),
            ("After the ", false),
            ("Officials said the ", false),
            ("A ", false),
            ("", false),
            ("The, ", false),
        ] {
            assert_eq!(opens_definite(before), definite, "{before}");
        }
    }
}
