//! Word lists for reading counts: what a count may not be followed by (units of measure,
//! time, money, percentages), the words that end a noun phrase, labels that make a number an
//! identifier, and the qualifiers of a count.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words after a number that make it a measurement, duration, time, amount of money or
/// percentage rather than a count ("29 km", "5 years", "60 dollars", "5 percent", "3 p.m.").
/// Lower case; compared with the word as written, lower-cased.
static NON_COUNT: &str = include_str!("../../../data/count/non-count.txt");

/// Words that end the search for a counted noun: function words, pronouns, verbs that follow
/// a subject ("18 said", "5 of them", "12 in six boxes").
static STOP: &str = include_str!("../../../data/count/stop.txt");

/// Plurals without a final "s", and collective nouns counted as they are.
static IRREGULAR_PLURALS: &str = include_str!("../../../data/count/irregular-plurals.txt");

/// Words that end in "s" but are no plurals.
static NOT_PLURAL: &str = include_str!("../../../data/count/not-plural.txt");

/// Lower-case words that label the number after them: "Article 5", "page 12", "Flight 17".
static LABELS: &str = include_str!("../../../data/count/labels.txt");

/// Labels written abbreviated with a full stop ("No. 5", "Art. 5", "Vol. 3"). Only these label a
/// number across a full stop: a whole word before one ends a sentence ("… the sector. 3,000
/// people …").
static LABEL_ABBREVIATIONS: &str = include_str!("../../../data/count/label-abbreviations.txt");

/// Capitalised words before a number that do not label it ("In 18 countries", "About 50").
static CAPITAL_OK: &str = include_str!("../../../data/count/capital-ok.txt");

/// Words before a year-like number that make it a year ("in 2000", "since 2014").
static BEFORE_YEARS: &str = include_str!("../../../data/count/before-years.txt");

/// Street words that make "10 Downing Street" an address.
static STREETS: &str = include_str!("../../../data/count/streets.txt");

/// Words after "times" that make it a multiplier ("three times as many", "5 times higher").
static COMPARATIVES: &str = include_str!("../../../data/count/comparatives.txt");

/// Verbs that make a following "over"/"under"/"around"/"about" a particle or preposition:
/// "handed over 5 prisoners", "centre around three questions", "talked about two plans".
static PARTICLE_VERBS: &str = include_str!("../../../data/count/particle-verbs.txt");

/// Words after "one" that show it is a pronoun or part of an idiom.
static ONE_BEFORE: &str = include_str!("../../../data/count/one-before.txt");

/// The entries of a word list: one a line; `#` starts a comment line.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn set(list: &'static str, cell: &'static OnceLock<HashSet<&'static str>>) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| entries(list).collect())
}

macro_rules! lookup {
    ($name:ident, $list:ident) => {
        pub fn $name(word: &str) -> bool {
            static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
            set($list, &CELL).contains(word)
        }
    };
}

lookup!(is_non_count, NON_COUNT);
lookup!(is_stop, STOP);
lookup!(is_irregular_plural, IRREGULAR_PLURALS);
lookup!(is_not_plural, NOT_PLURAL);
lookup!(is_label, LABELS);
lookup!(is_label_abbreviation, LABEL_ABBREVIATIONS);
lookup!(is_capital_ok, CAPITAL_OK);
lookup!(is_before_years, BEFORE_YEARS);
lookup!(is_street, STREETS);
/// A month name or abbreviation: "3 Jan" is a date, not a count.
pub fn is_month(word: &str) -> bool {
    crate::lexicon::month_number(word).is_some()
}
lookup!(is_comparative, COMPARATIVES);
lookup!(is_particle_verb, PARTICLE_VERBS);
lookup!(is_one_before, ONE_BEFORE);

/// How a qualifier bounds the number it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qual {
    /// "equal to 20", "exactly 20": [n, n].
    Exact,
    /// "about 50": n ± the configured tolerance.
    Approx,
    /// "more than 200" (open) or "at least 15" (closed): a lower bound only.
    Lower { open: bool },
    /// "fewer than 10" (open) or "up to 20" (closed): [0, n) or [0, n].
    Upper { open: bool },
    /// "nearly 40": [ceil(0.9 n), n).
    Nearly,
}

static QUALIFIERS: &str = include_str!("../../../data/count/qualifiers.txt");

/// The qualifier phrases, as token lists (lower case; symbols are tokens of their own).
pub fn qualifiers() -> &'static [(Vec<&'static str>, Qual)] {
    static CELL: OnceLock<Vec<(Vec<&'static str>, Qual)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<(Vec<&'static str>, Qual)> = Vec::new();
        let mut add = |phrase: &'static str, q: Qual| out.push((phrase.split(' ').collect(), q));
        use Qual::*;
        let mut section = None;
        for line in entries(QUALIFIERS) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(match name {
                    "more-than" => Lower { open: true },
                    "at-least" => Lower { open: false },
                    "up-to" => Upper { open: false },
                    "below" => Upper { open: true },
                    "nearly" => Nearly,
                    "about" => Approx,
                    "exactly" => Exact,
                    _ => unreachable!("data/count/qualifiers.txt: unknown section [{name}]"),
                });
            } else {
                add(line, section.expect("data/count/qualifiers.txt: a phrase before the first section"));
            }
        }
        const MORE: [&str; 5] = ["more", "greater", "larger", "bigger", "higher"];
        const LESS: [&str; 5] = ["less", "fewer", "smaller", "lower", "lesser"];
        for (words, open, closed) in
            [(&MORE, Lower { open: true }, Lower { open: false }), (&LESS, Upper { open: true }, Upper { open: false })]
        {
            for w in words {
                let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
                add(leak(format!("{w} than")), open);
                for tail in ["than or equal to", "or equal than", "or equal to", "than or equal", "than or equals"] {
                    add(leak(format!("{w} {tail}")), closed);
                }
                for head in ["equal to or", "equal or", "equals or"] {
                    add(leak(format!("{head} {w} than")), closed);
                    add(leak(format!("{head} {w}")), closed);
                }
            }
        }
        out
    })
}

/// How a phrase after a number changes it: "200 or more", "500 or less", "less than 5000 or
/// equal", "20 or so".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    OrMore,
    OrLess,
    OrEqual,
    Approx,
}

/// The phrases after a number, as token lists.
pub fn postfixes() -> &'static [(Vec<&'static str>, Post)] {
    static CELL: OnceLock<Vec<(Vec<&'static str>, Post)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<(Vec<&'static str>, Post)> = Vec::new();
        for join in ["or", "and"] {
            for w in ["more", "greater", "larger", "bigger", "higher", "above", "over", "up"] {
                out.push((vec![join, w, "than"], Post::OrMore));
                out.push((vec![join, w], Post::OrMore));
            }
            for w in ["less", "fewer", "smaller", "lower", "below", "under"] {
                out.push((vec![join, w, "than"], Post::OrLess));
                out.push((vec![join, w], Post::OrLess));
            }
            for tail in [&["equal", "to", "it"][..], &["equal", "to", "that"], &["equal", "to"], &["equal"]] {
                let mut v = vec![join];
                v.extend_from_slice(tail);
                out.push((v, Post::OrEqual));
            }
        }
        out.push((vec!["or", "so"], Post::Approx));
        out.push((vec!["or", "thereabouts"], Post::Approx));
        out.push((vec!["odd"], Post::Approx));
        // Longest first, so that "or more than" is tried before "or more".
        out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        out
    })
}
