//! General English word lists that extraction leans on: which capitalised words are ordinary
//! words rather than names, which are nationalities, which make up an office title.
//!
//! These are language data, not facts about any article: facts live in the rule files. Each list
//! is built on first use, so a run that never needs one never pays for it.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

/// Lower-case English words (SCOWL size 35, see `data/common-words.LICENSE`), sorted.
static COMMON_WORDS: &str = include_str!("../data/common-words.txt");

/// `name|adjectives|abbreviations` lines.
static COUNTRIES: &str = include_str!("../data/countries.txt");

/// True for an ordinary English word (given lower-case), as opposed to a name.
pub fn is_common_word(lower: &str) -> bool {
    // Looked up for most capitalised words of every article: a hash set, not a search of the
    // sorted list.
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| COMMON_WORDS.lines().collect());
    let found = |w: &str| words.contains(w);
    found(lower)
        || lower.strip_suffix("'s").is_some_and(found)
        || lower.strip_suffix('s').is_some_and(found)
        || lower.strip_suffix("ly").is_some_and(found)
}

struct Countries {
    /// Lower-case names, adjectives and abbreviations without dots ("us", "uk").
    words: HashSet<String>,
    /// Longest name in words, to bound multi-word lookups.
    max_words: usize,
}

fn countries() -> &'static Countries {
    static COUNTRY_SET: OnceLock<Countries> = OnceLock::new();
    COUNTRY_SET.get_or_init(|| {
        let mut words = HashSet::default();
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            for field in line.split('|') {
                for item in field.split(',').filter(|s| !s.is_empty()) {
                    words.insert(country_key(item));
                }
            }
        }
        let max_words = words.iter().map(|w| w.split(' ').count()).max().unwrap_or(1);
        Countries { words, max_words }
    })
}

fn country_key(text: &str) -> String {
    text.trim().replace('.', "").to_lowercase()
}

/// True for a country name, nationality adjective or abbreviation: "Ukraine", "Ukrainian",
/// "U.S.", "UK". Possessives are the caller's to strip.
pub fn is_country(text: &str) -> bool {
    let words = &countries().words;
    // "Ukrainians" are people of a country, still not a name.
    let found = |key: &str| words.contains(key) || key.strip_suffix('s').is_some_and(|k| words.contains(k));
    // Asked of most capitalised words: a plain ASCII word is lower-cased on the stack.
    let text = text.trim();
    let mut buf = [0u8; 32];
    match crate::text::ascii_lower(text, &mut buf).filter(|_| !text.contains('.')) {
        Some(key) => found(key),
        None => found(&country_key(text)),
    }
}

/// The most words a country name has ("United Arab Emirates": 3).
pub fn country_max_words() -> usize {
    countries().max_words
}

/// Nouns that make a phrase an office title on their own.
const TITLE_HEADS: &[&str] = &[
    "administrator",
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "attorney",
    "boss",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "coordinator",
    "czar",
    "delegate",
    "deputy",
    "director",
    "emir",
    "emperor",
    "envoy",
    "general",
    "governor",
    "head",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "leader",
    "marshal",
    "mayor",
    "mep",
    "minister",
    "monarch",
    "mp",
    "negotiator",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prosecutor",
    "queen",
    "representative",
    "secretary",
    "senator",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "treasurer",
    "tsar",
    "vice",
];

/// Words that only ever describe a person loosely: never the basis of a `title.never-held`.
const VAGUE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "boss",
    "chief",
    "coordinator",
    "delegate",
    "deputy",
    "head",
    "leader",
    "negotiator",
    "representative",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Words that modify a title head: "Defense Minister", "Secretary of State", "Prime Minister".
const TITLE_MODIFIERS: &[&str] = &[
    "affairs",
    "agriculture",
    "air",
    "armed",
    "army",
    "assistant",
    "cabinet",
    "central",
    "chief",
    "civil",
    "commerce",
    "council",
    "culture",
    "defence",
    "defense",
    "development",
    "digital",
    "economy",
    "economic",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "first",
    "force",
    "forces",
    "foreign",
    "general",
    "health",
    "high",
    "home",
    "house",
    "infrastructure",
    "intelligence",
    "interior",
    "joint",
    "justice",
    "labor",
    "labour",
    "lady",
    "majority",
    "military",
    "minority",
    "national",
    "navy",
    "office",
    "principal",
    "public",
    "security",
    "senate",
    "senior",
    "social",
    "special",
    "staff",
    "state",
    "supreme",
    "top",
    "trade",
    "transport",
    "treasury",
    "under",
    "war",
];

/// Qualifiers SPEC §5 names, as they precede a title.
pub const QUALIFIER_WORDS: &[&str] =
    &["former", "ex", "late", "outgoing", "incoming", "acting", "then", "interim", "designate", "elect"];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

pub fn is_title_head(lower: &str) -> bool {
    static HEADS: OnceLock<HashSet<&str>> = OnceLock::new();
    let heads = HEADS.get_or_init(|| set(TITLE_HEADS));
    heads.contains(lower) || lower.strip_suffix('s').is_some_and(|w| heads.contains(w))
}

pub fn is_vague_head(lower: &str) -> bool {
    static VAGUE: OnceLock<HashSet<&str>> = OnceLock::new();
    let vague = VAGUE.get_or_init(|| set(VAGUE_HEADS));
    vague.contains(lower) || lower.strip_suffix('s').is_some_and(|w| vague.contains(w))
}

pub fn is_title_modifier(lower: &str) -> bool {
    static MODIFIERS: OnceLock<HashSet<&str>> = OnceLock::new();
    MODIFIERS.get_or_init(|| set(TITLE_MODIFIERS)).contains(lower)
}

/// Words that name an event only generically: "meeting", "talks", "first meeting".
const GENERIC_EVENT_WORDS: &[&str] = &[
    "a",
    "annual",
    "announced",
    "announcement",
    "call",
    "calls",
    "ceremony",
    "conference",
    "conferences",
    "consultations",
    "created",
    "discussions",
    "established",
    "event",
    "events",
    "first",
    "formed",
    "forum",
    "forums",
    "founded",
    "gathering",
    "gatherings",
    "held",
    "hosted",
    "inaugural",
    "launch",
    "launched",
    "leaders",
    "leaders'",
    "meet",
    "meeting",
    "meetings",
    "meets",
    "met",
    "negotiations",
    "session",
    "sessions",
    "summit",
    "summits",
    "talk",
    "talks",
    "the",
    "video",
    "videoconference",
    "visit",
    "visits",
    "was",
    "were",
];

pub fn is_generic_event_word(lower: &str) -> bool {
    static WORDS: OnceLock<HashSet<&str>> = OnceLock::new();
    WORDS.get_or_init(|| set(GENERIC_EVENT_WORDS)).contains(lower)
}

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The abbreviations the date reader takes for weekdays.
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

/// Weekdays and their abbreviations as whole words, in any case: finds the sentences where a
/// weekday may be written with a date.
pub fn weekdays() -> &'static crate::kb::phrases::PhraseIndex {
    static INDEX: OnceLock<crate::kb::phrases::PhraseIndex> = OnceLock::new();
    INDEX.get_or_init(|| crate::kb::phrases::PhraseIndex::new(WEEKDAYS.iter().chain(WEEKDAY_ABBREVIATIONS).copied()))
}

/// The number of a month (1–12) from its name or usual abbreviation, lower-case and without a
/// dot: "january", "jan", "sept".
pub fn month_number(lower: &str) -> Option<u32> {
    let position = MONTHS.iter().position(|m| *m == lower).or_else(|| {
        (lower.len() == 3 || lower == "sept").then(|| MONTHS.iter().position(|m| m.starts_with(lower))).flatten()
    })?;
    Some(position as u32 + 1)
}

/// Month and weekday names, and their abbreviations when written with a dot ("Jan.", "Thurs."):
/// capitalised, but not names. Without the dot "Jan" may well be a first name.
pub fn is_calendar_word(lower: &str) -> bool {
    let full = |w: &str| MONTHS.iter().chain(WEEKDAYS).any(|m| *m == w);
    match lower.strip_suffix('.') {
        Some(abbr) => {
            full(abbr)
                || ((abbr.len() == 3 || matches!(abbr, "sept" | "tues" | "thur" | "thurs"))
                    && MONTHS.iter().chain(WEEKDAYS).any(|m| m.starts_with(abbr)))
        }
        None => full(lower),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_exclude_names() {
        assert!(is_common_word("following"));
        assert!(is_common_word("analysts"));
        assert!(!is_common_word("zelensky"));
        assert!(!is_common_word("kyiv"));
    }

    #[test]
    fn countries_cover_names_adjectives_and_abbreviations() {
        for word in ["Ukraine", "Ukrainian", "U.S.", "US", "UK", "Dutch", "United Arab Emirates"] {
            assert!(is_country(word), "{word}");
        }
        assert!(!is_country("Kyiv"));
        assert!(country_max_words() >= 3);
    }

    #[test]
    fn title_words() {
        assert!(is_title_head("president") && is_title_head("envoys"));
        assert!(is_vague_head("head") && !is_vague_head("president"));
        assert!(is_title_modifier("defense"));
        assert!(is_calendar_word("jan.") && is_calendar_word("thursday"));
        assert!(!is_calendar_word("jan") && !is_calendar_word("marc.") && !is_calendar_word("ma."));
        assert_eq!((month_number("may"), month_number("sept"), month_number("dec")), (Some(5), Some(9), Some(12)));
        assert_eq!((month_number("ma"), month_number("marc")), (None, None));
    }
}
