//! Whether a date and an event's trigger in one sentence belong to one clause. A sentence often
//! tells of several things, each with its own time: "Thune was elected leader, putting him on
//! track to become majority leader next year"; "Beckenbauer died on Sunday, his family said on
//! Monday". A date is the trigger's only when no other verb or clause stands between them.
//!
//! Without a parser this is read from the words between: a clause opener ("when", "while"), a
//! semicolon, a comma before an -ing word (", putting"), or a verb in the past tense (an
//! irregular one, or a lower-case -ed word not after a determiner) that is not followed by "to"
//! ("voted to confirm" is one act) and is not one that tells when the event itself was ("the
//! summit, held on January 3").

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::{lower, words};

/// What a word is to a clause (see `data/clause-words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Opener,
    Past,
    Transparent,
    Determiner,
    NotVerb,
    Function,
    Relation,
    Pronoun,
    Step,
    Plan,
    Shift,
}

/// Each listed word with the kinds it has, as bits: "the" is a determiner and a function
/// word, "began" a past verb that also tells when an event was.
fn kinds() -> &'static HashMap<&'static str, u16> {
    static KINDS: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let mut kinds = HashMap::new();
        for line in include_str!("../../data/clause-words.txt").lines().filter(|l| !l.starts_with('#')) {
            let Some((kind, word)) = line.split_once(' ') else { continue };
            let kind = match kind {
                "opener" => Kind::Opener,
                "past" => Kind::Past,
                "transparent" => Kind::Transparent,
                "determiner" => Kind::Determiner,
                "not-verb" => Kind::NotVerb,
                "function" => Kind::Function,
                "relation" => Kind::Relation,
                "pronoun" => Kind::Pronoun,
                "step" => Kind::Step,
                "plan" => Kind::Plan,
                "shift" => Kind::Shift,
                _ => continue,
            };
            *kinds.entry(word).or_insert(0) |= 1 << kind as u16;
        }
        kinds
    })
}

/// Does the (lower-case) word have this kind?
fn is(word: &str, kind: Kind) -> bool {
    kinds().get(word).is_some_and(|bits| bits & (1 << kind as u16) != 0)
}

/// Does a word relate two times ("after", "since", "ahead of")? "about" does only as a topic,
/// not before a number ("about 50 people").
fn relates_times(word: &str, next: Option<&str>) -> bool {
    is(word, Kind::Relation)
        && !(word == "about"
            && next.is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_digit()) || crate::extract::number::word_value(n).is_some()
            }))
}

/// Does the trigger ending at `trigger_end` name another step of its story than the event, by
/// the noun after it ("the confirmation hearing on July 15")?
pub fn names_another_step(text: &str, trigger_end: usize) -> bool {
    let rest = &text[trigger_end..];
    words(rest).next().is_some_and(|w| rest[..w.start].trim().is_empty() && is(&lower(w.text), Kind::Step))
}

/// Is the trigger the time an adverbial phrase counts from ("A day after being sworn in, she
/// took over on Sunday"), while the date, past a comma, is the main clause's?
fn trigger_in_relation_phrase(text: &str, trigger: &Range<usize>, date: &Range<usize>) -> bool {
    if date.start < trigger.end || !text[trigger.end..date.start].contains(',') {
        return false;
    }
    let mut from = trigger.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = &text[from..trigger.start];
    let before = before.rsplit([',', ';', '.', ':', '(', '"', '“']).next().unwrap_or(before);
    let before_words: Vec<_> = words(before).collect();
    before_words.iter().rev().take(4).any(|w| is(&lower(w.text), Kind::Relation) && lower(w.text) != "about")
}

/// Do `date` and `trigger`, two ranges of one sentence of `text`, belong to different clauses?
pub fn clauses_apart(text: &str, trigger: &Range<usize>, date: &Range<usize>) -> bool {
    let between = if trigger.end <= date.start {
        trigger.end..date.start
    } else if date.end <= trigger.start {
        date.end..trigger.start
    } else {
        return false;
    };
    let gap = &text[between.clone()];
    if gap.contains(';') || trigger_in_relation_phrase(text, trigger, date) {
        return true;
    }
    let gap_words: Vec<_> = words(gap).collect();
    for (i, word) in gap_words.iter().enumerate() {
        if !word.text.starts_with(char::is_lowercase) || word.text.contains(['-', '\'', '.']) {
            continue;
        }
        let folded = lower(word.text);
        let before = i.checked_sub(1).map(|j| lower(gap_words[j].text));
        let next = gap_words.get(i + 1).map(|w| lower(w.text));
        let after_is_to = next.as_deref() == Some("to");
        let after_comma = gap[..word.start].trim_end().ends_with(',');
        // Right after the trigger, a participle describes it: "the Victory Plan, unveiled in".
        let describes_trigger = i == 0 && trigger.end <= date.start;
        let apart = if relates_times(&folded, next.as_deref()) {
            true
        } else if is(&folded, Kind::Pronoun) {
            // "the record it set in 1989", "… on Wednesday, and she was sworn in"; not an
            // object ("signed it on", "for it"). After an opener ("when she resigned") the
            // opener has been judged.
            i > 0
                && before.as_deref().is_some_and(|b| {
                    matches!(b, "and" | "but" | "or")
                        || (!is(b, Kind::Function) && !is(b, Kind::Past) && !is(b, Kind::Opener))
                })
        } else if is(&folded, Kind::Opener) {
            // "until July 2023, when he resigned": a "when" right after the date is about it.
            !(i == 0 && date.end <= trigger.start && folded == "when")
        } else if is(&folded, Kind::Transparent) || is(&folded, Kind::NotVerb) {
            false
        } else if is(&folded, Kind::Past) {
            !after_is_to && !describes_trigger
        } else if folded.len() >= 5 && folded.ends_with("ed") {
            // "the embattled minister", "key allied nations": an adjective, not a verb.
            let after_determiner = before.as_deref().is_some_and(|b| is(b, Kind::Determiner));
            // After a comma or "and", an -ed word is the next verb of a list of acts.
            let coordinated = after_comma || matches!(before.as_deref(), Some("and" | "or" | "then" | "but"));
            let before_noun = !coordinated
                && next
                    .as_deref()
                    .is_some_and(|n| n.starts_with(char::is_lowercase) && !is(n, Kind::Function) && !n.ends_with("ly"));
            !after_determiner && !before_noun && !after_is_to && !describes_trigger
        } else {
            after_comma && folded.len() >= 5 && folded.ends_with("ing") && !is(&folded, Kind::Function)
        };
        if apart {
            return true;
        }
    }
    false
}

/// Is the date at `date` in `sentence` (ranges of `text`) the time of something other than any
/// event its sentence names?
/// - a relative date inside a quotation is the speaker's, whose "today" is not the article's;
/// - "in three years" after "first" or a superlative is a span of time, not a date ("the first
///   direct talks in three years").
pub fn tells_other_time(text: &str, sentence: Range<usize>, date: &Range<usize>) -> bool {
    let written = &text[date.clone()];
    let before = &text[sentence.start..date.start];
    let first_word = lower(written.split_whitespace().next().unwrap_or(""));
    let relative = matches!(
        first_word.as_ref(),
        "today" | "tonight" | "yesterday" | "tomorrow" | "this" | "next" | "last" | "earlier" | "later"
    );
    if relative && before.matches('"').count() % 2 == 1 {
        return true;
    }
    if is_baseline(text, sentence.end, before, date) || given_up(before) {
        return true;
    }
    first_word == "in"
        && words(before).collect::<Vec<_>>().iter().rev().take(8).any(|w| {
            let w = lower(w.text);
            matches!(w.as_ref(), "first" | "initial" | "only") || (w.len() > 4 && w.ends_with("est"))
        })
}

/// Is the date after `before` a plan given up: "originally set for Sunday, Feb. 1",
/// "postponed from Feb. 1"? Read in the date's clause, up to four words back.
fn given_up(before: &str) -> bool {
    let clause = before.rsplit([',', ';', '(', '—', '–']).next().unwrap_or(before);
    let last: Vec<_> = words(clause).collect();
    let last = &last[last.len().saturating_sub(4)..];
    let moved_from = last.iter().rposition(|w| lower(w.text) == "from").is_some_and(|from| {
        from + 1 == last.len() && from > 0 && last[..from].iter().any(|w| is(&lower(w.text), Kind::Shift))
    });
    moved_from || last.iter().any(|w| is(&lower(w.text), Kind::Plan))
}

/// Is the date the baseline of a change ("up 2% from Wednesday", "an increase of 17 from
/// Wednesday"): "from" with no end of a span after it ("from Monday to Friday")?
fn is_baseline(text: &str, sentence_end: usize, before: &str, date: &Range<usize>) -> bool {
    let from = words(before).last().is_some_and(|w| lower(w.text) == "from" && before[w.end..].trim().is_empty());
    if !from {
        return false;
    }
    let after = &text[date.end..sentence_end.max(date.end)];
    let closes_span = after.trim_start().starts_with(['-', '–', '—'])
        || words(after)
            .take(4)
            .any(|w| matches!(lower(w.text).as_ref(), "to" | "until" | "through" | "till" | "and" | "thru"));
    !closes_span
}

/// Does a date describe the noun after it, which is not the trigger? A bare year ("a 2029 draft
/// pick", "its 1989 record") or a possessive ("his New Year's address", "Tuesday's vote") tells
/// the time of that noun. "The 2022 invasion" and "Monday's meeting" date the trigger.
pub fn date_describes_other(text: &str, date: &Range<usize>, trigger: &Range<usize>) -> bool {
    let written = &text[date.clone()];
    let year = written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit());
    let rest = &text[date.end..];
    let (possessive, noun_at) = match ["'s", "’s"].iter().find(|s| written.ends_with(*s) || rest.starts_with(*s)) {
        Some(s) if rest.starts_with(s) => (true, date.end + s.len()),
        Some(_) => (true, date.end),
        None => (false, date.end),
    };
    // "a January 12 article": a date between a determiner and a noun is attributive too.
    let attributive = {
        let before = text[..date.start].trim_end();
        let last = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
        before.len() < date.start
            && ["a", "an", "the", "its", "his", "her", "their"].iter().any(|d| last.eq_ignore_ascii_case(d))
    };
    if !year && !possessive && !attributive {
        return false;
    }
    // "Tuesday's out-of-control wildfires": the noun phrase may open with adjectives.
    if possessive && trigger.start >= noun_at {
        let between = &text[noun_at..trigger.start];
        let adjectives = words(between).all(|w| !is(w.text, Kind::Function));
        if adjectives && words(between).count() <= 3 && !between.contains([',', ';', '.', ':', '(', '—', '–']) {
            return false;
        }
    }
    words(&text[noun_at..]).next().is_some_and(|w| {
        w.start == 1
            && w.text.starts_with(char::is_lowercase)
            && !is(w.text, Kind::Function)
            && noun_at + w.start != trigger.start
    })
}

/// Words that open a relative clause after a comma: ", which groups 30 countries,".
const RELATIVE_PRONOUNS: [&str; 4] = ["which", "who", "whose", "whom"];

/// Is `claim` inside a relative clause set off by commas (", which groups more than 30
/// countries,") that does not hold `trigger`? Such a clause describes its noun, not the event:
/// the coalition's members are not the meeting's participants.
pub fn in_other_relative_clause(
    text: &str,
    sentence: Range<usize>,
    trigger: &Range<usize>,
    claim: &Range<usize>,
) -> bool {
    let before = &text[sentence.start..claim.start];
    let Some(comma) = before.rfind(',') else { return false };
    let opened = sentence.start + comma;
    let opens_relative =
        words(&text[opened..claim.start]).next().is_some_and(|w| RELATIVE_PRONOUNS.contains(&lower(w.text).as_ref()));
    // ", which" right after the trigger describes the event itself: "the summit, which drew".
    // So does ", which" after the trigger and its place: "the expo in Riga, which opened".
    let describes_trigger = trigger.end <= opened && {
        let gap: Vec<&str> = text[trigger.end..opened].split_whitespace().collect();
        gap.is_empty() || (gap.len() <= 3 && matches!(gap[0], "in" | "at" | "of" | "on"))
    };
    if !opens_relative || describes_trigger {
        return false;
    }
    // The clause runs to the next comma, dash or semicolon, or to the end of the sentence.
    let after = &text[claim.end..sentence.end];
    let closed = claim.end + after.find([',', ';', '—', '–']).unwrap_or(after.len());
    !(opened..closed).contains(&trigger.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_clause_describes_its_noun_not_the_event() {
        // sentence, trigger, claim, in another relative clause?
        let cases: &[(&str, &str, &str, bool)] = &[
            (
                "The coalition, which groups more than 30 countries, held a meeting in Kyiv.",
                "meeting",
                "more than 30 countries",
                true,
            ),
            ("The alliance, whose 32 members met in Vilnius, agreed.", "agreed", "32 members", true),
            ("Leaders from 35 countries met in Paris for a summit.", "summit", "35 countries", false),
            ("The summit, which drew 35 countries, ended late.", "summit", "35 countries", false),
            ("The talks, held in Paris, drew 35 countries, which was a record.", "talks", "35 countries", false),
            ("The group, which the summit of 35 countries founded, met again.", "summit", "35 countries", false),
        ];
        for &(sentence, trigger, claim, expected) in cases {
            let range = |part: &str| {
                let at = sentence.find(part).unwrap();
                at..at + part.len()
            };
            let got = in_other_relative_clause(sentence, 0..sentence.len(), &range(trigger), &range(claim));
            assert_eq!(got, expected, "{sentence}");
        }
    }

    #[test]
    fn a_date_goes_with_the_trigger_of_its_own_clause() {
        // sentence, trigger, date, apart?
        let cases: &[(&str, &str, &str, bool)] = &[
            ("Tusk was elected prime minister by the Sejm on Monday.", "elected", "Monday", false),
            ("On Monday, the Senate voted to confirm Rubio.", "confirm", "Monday", false),
            ("The summit, held in Paris on January 6, ended late.", "summit", "January 6", false),
            ("The meeting of national security advisers took place on January 3.", "meeting", "January 3", false),
            ("Beckenbauer died on Sunday, his family said on Monday.", "died", "Monday", true),
            (
                "Thune was elected leader, putting him on track to lead the Senate next year.",
                "elected",
                "next year",
                true,
            ),
            (
                "The Senate will confirm him, which it will consider when it returns on Sept. 29.",
                "confirm",
                "Sept. 29",
                true,
            ),
            (
                "Trump signed orders, fired officials and pardoned rioters of Jan. 6, 2021.",
                "signed",
                "Jan. 6, 2021",
                true,
            ),
            ("Gelsinger, who made $16.9 million in 2023, wrote that the layoff hurt.", "layoff", "2023", true),
            ("The embattled minister resigned on Friday.", "resigned", "Friday", false),
            ("Trump signed the order, which fired the staff on Friday.", "signed", "Friday", true),
            ("She led the party until July 2023, when she resigned.", "resigned", "July 2023", false),
            ("Today marks one month since the fire.", "fire", "Today", true),
            ("Advisers from allied nations convened in Kyiv on January 3.", "Advisers", "January 3", false),
            ("The \"Victory Plan,\" unveiled in late 2024, failed.", "Victory Plan", "late 2024", false),
            ("The fire killed 53 people; officials feared more on Wednesday.", "fire", "Wednesday", true),
            ("She takes over on Sunday, a day after being sworn in.", "sworn in", "Sunday", true),
            ("His confirmation came ahead of the assembly next week.", "confirmation", "next week", true),
            (
                "A day after the confidence vote that toppled the cabinet, the president named a premier on Tuesday.",
                "vote",
                "Tuesday",
                true,
            ),
            ("The index surged past the record it set in 1989.", "surged past", "1989", true),
            (
                "The Senate on Wednesday confirmed the senator, and she was sworn in later.",
                "sworn in",
                "Wednesday",
                true,
            ),
            ("He was confirmed on Monday and sworn in.", "sworn in", "Monday", false),
            ("The governor will speak today about the fires.", "fires", "today", true),
            ("The president signed it on Monday.", "signed", "Monday", false),
            ("After the election on November 5, markets rose.", "election", "November 5", false),
            ("The fire killed about 50 people on Tuesday.", "fire", "Tuesday", false),
        ];
        for &(sentence, trigger, date, apart) in cases {
            let t = sentence.find(trigger).unwrap();
            let d = sentence.find(date).unwrap();
            assert_eq!(
                clauses_apart(sentence, &(t..t + trigger.len()), &(d..d + date.len())),
                apart,
                "{trigger} / {date} in {sentence}"
            );
        }
    }

    #[test]
    fn a_noun_after_a_trigger_may_make_it_another_step() {
        for (sentence, trigger, other) in [
            ("The confirmation hearing was held on July 15.", "confirmation", true),
            ("The election campaign began in May.", "election", true),
            ("The confirmation vote was on July 15.", "confirmation", false),
            ("The inauguration took place on January 20.", "inauguration", false),
        ] {
            let end = sentence.find(trigger).unwrap() + trigger.len();
            assert_eq!(names_another_step(sentence, end), other, "{sentence}");
        }
    }

    #[test]
    fn some_dates_tell_the_time_of_something_else() {
        let cases: &[(&str, &str, bool)] = &[
            ("The statement said: \"He passed away today.\"", "today", true),
            ("He passed away today, his family said.", "today", false),
            ("It was the first direct talks in three years.", "in three years", true),
            ("The initial direct talks between the two countries in three years began.", "in three years", true),
            ("Talks will resume in three weeks.", "in three weeks", false),
            ("The index ended up 2% from Wednesday at a record.", "Wednesday", true),
            ("The toll rose by 17 from Wednesday.", "Wednesday", true),
            ("The summit runs from Monday to Wednesday.", "Monday", false),
            // A plan given up is not the event's date; the date it moved to is.
            ("Originally set for Sunday, Feb. 1, the round was held on Wednesday.", "Sunday, Feb. 1", true),
            ("Originally set for Sunday, Feb. 1, the round was held on Wednesday.", "Wednesday", false),
            ("The vote, postponed from March 3, took place on March 10.", "March 3", true),
            ("The vote, postponed from March 3, took place on March 10.", "March 10", false),
            ("Der Gipfel war ursprünglich für den 1. Februar geplant.", "1. Februar", true),
            ("The summit is set for March 3.", "March 3", false),
            ("Moved to Geneva, the talks began on Friday.", "Friday", false),
        ];
        for &(sentence, date, other) in cases {
            let d = sentence.find(date).unwrap();
            assert_eq!(
                tells_other_time(sentence, 0..sentence.len(), &(d..d + date.len())),
                other,
                "{date} in {sentence}"
            );
        }
        // sentence, date, trigger, describes another noun?
        let years: &[(&str, &str, &str, bool)] = &[
            ("The trade also sent a 2029 first-round draft pick.", "2029", "trade", true),
            ("The index closed above its 1989 record.", "1989", "closed", true),
            ("The 2022 invasion changed everything.", "2022", "invasion", false),
            ("The invasion began in 2022.", "2022", "invasion", false),
            ("He called it the first such meeting in his New Year's address.", "New Year's", "meeting", true),
            ("He spoke of it in Tuesday's speech after the meeting.", "Tuesday", "meeting", true),
            ("Monday's meeting went well.", "Monday", "meeting", false),
            ("A January 12 article said the summit was held then.", "January 12", "summit", true),
            ("The January 3 meeting went well.", "January 3", "meeting", false),
            ("On January 6 leaders met.", "January 6", "met", false),
            ("The toll from Tuesday's out-of-control wildfires rose.", "Tuesday", "wildfires", false),
            ("On Monday the meeting went well.", "Monday", "meeting", false),
        ];
        for &(sentence, date, trigger, other) in years {
            let (d, t) = (sentence.find(date).unwrap(), sentence.find(trigger).unwrap());
            assert_eq!(
                date_describes_other(sentence, &(d..d + date.len()), &(t..t + trigger.len())),
                other,
                "{sentence}"
            );
        }
    }
}
