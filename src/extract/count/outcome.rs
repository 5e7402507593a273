//! What happened to the people a count counts: "killing 35 people and injuring at least 117"
//! gives two counts of people, one of the dead and one of the injured, and only the first may be
//! compared with a death toll. The outcome is read from the verb or adjective next to the count,
//! in its own clause: before it ("killing 35", "wounded 16", "the death toll rose to 35") or
//! after it ("20 people were killed", "61 injured", "35 dead").

use std::ops::Range;

use crate::text::{lower, words};

/// The outcome of a casualty count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Killed,
    Injured,
}

impl Outcome {
    /// The outcome a word names: "killing", "dead", "deaths" → killed; "wounded" → injured.
    pub fn of_word(lower: &str) -> Option<Outcome> {
        if KILLED.contains(&lower) {
            Some(Outcome::Killed)
        } else if INJURED.contains(&lower) {
            Some(Outcome::Injured)
        } else {
            None
        }
    }

    /// The one outcome the words of a phrase name ("people killed", "children killed"); none
    /// when they name none or both.
    pub fn of_phrase(phrase: &str) -> Option<Outcome> {
        let mut found = None;
        for word in words(phrase) {
            match (Outcome::of_word(&lower(word.text)), found) {
                (Some(outcome), Some(seen)) if outcome != seen => return None,
                (Some(outcome), _) => found = Some(outcome),
                (None, _) => {}
            }
        }
        found
    }
}

const KILLED: &[&str] = &[
    "killing",
    "killed",
    "kill",
    "kills",
    "dead",
    "died",
    "deaths",
    "death",
    "fatalities",
    "fatality",
    "slain",
    "lives",
    "perished",
    "toll",
];
const INJURED: &[&str] =
    &["injuring", "injured", "injures", "injure", "injuries", "wounding", "wounded", "wounds", "hurt", "hurting"];

/// Words that may stand between a count and its outcome after it: "20 people were killed".
const BETWEEN_AFTER: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "children",
    "adults",
    "others",
    "soldiers",
    "residents",
    "were",
    "was",
    "are",
    "is",
    "have",
    "had",
    "has",
    "been",
    "reportedly",
    "confirmed",
    "believed",
    "later",
    "also",
    "more",
];

/// Words that may stand between an outcome and the count after it: "the death toll rose to 35".
const BETWEEN_BEFORE: &[&str] = &[
    "at", "to", "rose", "risen", "climbed", "reached", "stood", "stands", "is", "was", "has", "had", "now", "of", "a",
    "the", "another", "further", "least", "more", "than", "nearly", "almost", "about", "around", "some",
];

/// The outcome of the count at `count` (number, qualifier and unit) in `sentence`, a range of
/// `text` holding it.
pub fn outcome_of(text: &str, sentence: Range<usize>, count: Range<usize>) -> Option<Outcome> {
    // The counted noun may say it: "35 deaths", "claimed 12 lives".
    if let Some(outcome) = words(&text[count.clone()]).last().and_then(|w| Outcome::of_word(&lower(w.text))) {
        return Some(outcome);
    }
    // After the count, in its clause (nothing if its unit ends the sentence or was read past
    // its end, on the next line).
    let after = &text[count.end.min(sentence.end)..sentence.end];
    let clause_end = after.find([',', ';', ':', '.', '(', ')']).unwrap_or(after.len());
    // Up to four words of its clause, a coordinated count aside: one coordinated with another
    // shares its outcome ("the 11 children and nine adults killed").
    let after_words: Vec<_> = words(&after[..clause_end]).take(8).map(|w| lower(w.text).into_owned()).collect();
    let is_number =
        |word: &str| word.bytes().all(|b| b.is_ascii_digit()) || crate::extract::number::word_value(word).is_some();
    let (mut i, mut read) = (0, 0);
    while let Some(word) = after_words.get(i).filter(|_| read < 4) {
        if let Some(outcome) = Outcome::of_word(word) {
            return Some(outcome);
        }
        if word == "and" && after_words.get(i + 1).is_some_and(|next| is_number(next)) {
            i += 2;
            continue;
        }
        if !BETWEEN_AFTER.contains(&word.as_str()) {
            break;
        }
        i += 1;
        read += 1;
    }
    // Before it: up to four words of its clause, the nearest first.
    let before = &text[sentence.start..count.start];
    let clause_start = before.rfind([',', ';', ':', '(', ')']).map_or(0, |i| i + 1);
    let preceding: Vec<_> = words(&before[clause_start..]).collect();
    for word in preceding.iter().rev().take(4) {
        let word = lower(word.text);
        if let Some(outcome) = Outcome::of_word(&word) {
            return Some(outcome);
        }
        if !BETWEEN_BEFORE.contains(&word.as_ref()) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outcome_is_read_beside_the_count() {
        let cases: &[(&str, &str, Option<Outcome>)] = &[
            ("The strike killed 35 people on Sunday.", "35 people", Some(Outcome::Killed)),
            (
                "The strike hit Sumy, killing 35 people and injuring at least 117.",
                "at least 117",
                Some(Outcome::Injured),
            ),
            ("The strike hit Sumy, killing 35 people and injuring at least 117.", "35 people", Some(Outcome::Killed)),
            ("The missile killed three and wounded 16, officials said.", "16", Some(Outcome::Injured)),
            ("The missile killed three and wounded 16, officials said.", "three", Some(Outcome::Killed)),
            ("At least 20 people were killed and 61 injured.", "At least 20 people", Some(Outcome::Killed)),
            ("At least 20 people were killed and 61 injured.", "61", Some(Outcome::Injured)),
            ("The death toll rose to 35.", "35", Some(Outcome::Killed)),
            ("The floods claimed 229 lives.", "229 lives", Some(Outcome::Killed)),
            ("Rescuers pulled 12 people from the rubble, one of whom died.", "12 people", None),
            ("The attack, which killed 23 people, drew condemnation from 40 countries.", "40 countries", None),
            ("The 15 countries that attended were spared.", "15 countries", None),
            ("A vigil remembered the 11 children and nine adults killed.", "11 children", Some(Outcome::Killed)),
            ("The strike killed 35 people and injured 117.", "35 people", Some(Outcome::Killed)),
        ];
        for &(sentence, count, want) in cases {
            let at = sentence.find(count).unwrap();
            assert_eq!(outcome_of(sentence, 0..sentence.len(), at..at + count.len()), want, "{count} in {sentence}");
        }
    }

    #[test]
    fn a_rule_count_names_its_outcome_in_what_it_counts() {
        assert_eq!(Outcome::of_phrase("people killed"), Some(Outcome::Killed));
        assert_eq!(Outcome::of_phrase("deaths"), Some(Outcome::Killed));
        assert_eq!(Outcome::of_phrase("wounded civilians"), Some(Outcome::Injured));
        assert_eq!(Outcome::of_phrase("killed and injured"), None);
        assert_eq!(Outcome::of_phrase("countries represented"), None);
    }
}
