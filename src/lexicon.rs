//! General English word lists that extraction leans on: which capitalised words are ordinary
//! words rather than names, which are nationalities, which make up an office title.
//!
//! These are language data, not facts about any article: facts live in the rule files. Each list
//! is built on first use, so a run that never needs one never pays for it.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use crate::claim::Qualifier;

/// Lower-case English words (SCOWL size 35, see `data/common-words.LICENSE`), sorted.
static COMMON_WORDS: &str = include_str!("../data/common-words.txt");

/// `name|adjectives|abbreviations` lines.
static COUNTRIES: &str = include_str!("../data/countries.txt");

/// The lists a lower-case word is on. The lists are asked of most capitalised words of every
/// article, often several at once: one table answers them all, in one lookup per form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    /// An ordinary English word, as opposed to a name.
    pub const COMMON: Kinds = Kinds(1);
    /// A noun that makes a phrase an office title on its own ("minister").
    pub const TITLE_HEAD: Kinds = Kinds(2);
    /// A title head too vague to say a person never held it ("official").
    pub const VAGUE_HEAD: Kinds = Kinds(4);
    /// A word that qualifies a title head ("defense").
    pub const TITLE_MODIFIER: Kinds = Kinds(8);
    /// A country name, nationality adjective or abbreviation without dots ("us").
    pub const COUNTRY: Kinds = Kinds(16);
    /// A qualifier of a title ("former", "elect").
    pub const QUALIFIER: Kinds = Kinds(32);
    /// An honorific ("mr", "dame").
    pub const HONORIFIC: Kinds = Kinds(64);
    /// A word that makes a capitalised sequence an organisation or a place ("bank", "council").
    pub const NOT_PERSON: Kinds = Kinds(128);
    /// A month or weekday name.
    pub const CALENDAR: Kinds = Kinds(256);
    /// An abbreviation of one, without its dot ("jan", "thurs").
    pub const CALENDAR_ABBREVIATION: Kinds = Kinds(512);
    /// A word after which a full stop does not end a sentence ("mr", "approx").
    pub const ABBREVIATION: Kinds = Kinds(1024);
    /// A military rank or its abbreviation ("general", "lt"): a rank, not an office.
    pub const RANK: Kinds = Kinds(2048);

    pub fn has(self, kinds: Kinds) -> bool {
        self.0 & kinds.0 != 0
    }
}

impl std::ops::BitOr for Kinds {
    type Output = Kinds;

    fn bitor(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
}

struct Table {
    /// The embedded lists' words are borrowed: only country keys, normalised, are allocated.
    kinds: rustc_hash::FxHashMap<Cow<'static, str>, Kinds>,
    /// Longest country name in words, to bound multi-word lookups.
    country_words: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut kinds = rustc_hash::FxHashMap::with_capacity_and_hasher(45_000, Default::default());
        let mut add = |word: Cow<'static, str>, kind: Kinds| {
            let entry = kinds.entry(word).or_default();
            *entry = *entry | kind;
        };
        COMMON_WORDS.lines().for_each(|w| add(w.into(), Kinds::COMMON));
        TITLE_HEADS.iter().for_each(|&w| add(w.into(), Kinds::TITLE_HEAD));
        VAGUE_HEADS.iter().for_each(|&w| add(w.into(), Kinds::VAGUE_HEAD));
        TITLE_MODIFIERS.iter().for_each(|&w| add(w.into(), Kinds::TITLE_MODIFIER));
        title_qualifiers().words.keys().for_each(|&w| add(w.into(), Kinds::QUALIFIER));
        ABBREVIATIONS.iter().for_each(|&w| add(w.into(), Kinds::ABBREVIATION));
        HONORIFICS.iter().for_each(|&w| add(w.into(), Kinds::HONORIFIC));
        RANKS.iter().for_each(|&w| add(w.into(), Kinds::RANK));
        NOT_PERSON.iter().for_each(|&w| add(w.into(), Kinds::NOT_PERSON));
        for &name in MONTHS.iter().chain(WEEKDAYS) {
            add(name.into(), Kinds::CALENDAR);
            add(name[..3].into(), Kinds::CALENDAR_ABBREVIATION);
        }
        for abbreviation in ["sept", "tues", "thur", "thurs"] {
            add(abbreviation.into(), Kinds::CALENDAR_ABBREVIATION);
        }
        let mut country_words = 1;
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            for item in line.split(['|', ',']).filter(|s| !s.is_empty()) {
                let key = country_key(item);
                country_words = country_words.max(key.split(' ').count());
                add(key.into(), Kinds::COUNTRY);
            }
        }
        Table { kinds, country_words }
    })
}

/// The lists a word is on, exactly as written (lower-case).
fn kinds(lower: &str) -> Kinds {
    table().kinds.get(lower).copied().unwrap_or_default()
}

/// The lists a lower-case word is on, allowing for the endings each list allows: a plural or
/// possessive of a common word, or its adverb in -ly; a plural title head; a plural nationality
/// ("Ukrainians"). What [`is_common_word`], [`is_title_head`], [`is_vague_head`],
/// [`is_title_modifier`] and [`is_country`] answer, in one call; the other kinds as written.
pub fn describe(lower: &str) -> Kinds {
    let plural_kinds = Kinds::COMMON | Kinds::TITLE_HEAD | Kinds::VAGUE_HEAD | Kinds::COUNTRY;
    let mut found = kinds(lower);
    if let Some(stem) = lower.strip_suffix('s') {
        found = found | Kinds(kinds(stem).0 & plural_kinds.0);
    }
    for ending in ["'s", "ly"] {
        if let Some(stem) = lower.strip_suffix(ending) {
            found = found | Kinds(kinds(stem).0 & Kinds::COMMON.0);
        }
    }
    // A country is looked up without its dots ("u.s") and white space.
    if lower.contains('.') || lower.trim().len() < lower.len() {
        found = Kinds(found.0 & !Kinds::COUNTRY.0) | if is_country(lower) { Kinds::COUNTRY } else { Kinds::default() };
    }
    found
}

/// True for an ordinary English word (given lower-case), as opposed to a name.
pub fn is_common_word(lower: &str) -> bool {
    let found = |w: &str| kinds(w).has(Kinds::COMMON);
    found(lower)
        || lower.strip_suffix("'s").is_some_and(found)
        || lower.strip_suffix('s').is_some_and(found)
        || lower.strip_suffix("ly").is_some_and(found)
}

fn country_key(text: &str) -> String {
    text.trim().replace('.', "").to_lowercase()
}

/// True for a country name, nationality adjective or abbreviation: "Ukraine", "Ukrainian",
/// "U.S.", "UK". Possessives are the caller's to strip.
pub fn is_country(text: &str) -> bool {
    // "Ukrainians" are people of a country, still not a name.
    let found = |key: &str| {
        kinds(key).has(Kinds::COUNTRY) || key.strip_suffix('s').is_some_and(|k| kinds(k).has(Kinds::COUNTRY))
    };
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
    table().country_words
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

/// Honorifics: part of neither a title nor a name.
const HONORIFICS: &[&str] =
    &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mx", "rev", "reverend"];

/// Military ranks and their usual abbreviations (without the dot). Before a name they say what
/// the person is, not which office they hold: "General Valerii Zaluzhnyi" is no title to judge.
const RANKS: &[&str] = &[
    "admiral",
    "brigadier",
    "captain",
    "colonel",
    "commodore",
    "corporal",
    "general",
    "lieutenant",
    "major",
    "marshal",
    "sergeant",
    "adm",
    "brig",
    "capt",
    "cmdr",
    "col",
    "cpl",
    "gen",
    "lt",
    "maj",
    "sgt",
];

/// Offices that "general" follows as part of their name ("Attorney General", "Secretary
/// General"): there it is no rank.
const GENERAL_OFFICES: &[&str] = &[
    "accountant",
    "advocate",
    "attorney",
    "auditor",
    "comptroller",
    "consul",
    "director",
    "governor",
    "inspector",
    "postmaster",
    "procurator",
    "prosecutor",
    "secretary",
    "solicitor",
    "surgeon",
];

/// Is this word (lower-case, any final dot dropped) a rank or an honorific, which name what a
/// person is rather than an office ("General", "Lt", "Sir", "Dr")?
pub fn is_rank_or_honorific(lower: &str) -> bool {
    kinds(lower).has(Kinds::RANK | Kinds::HONORIFIC)
}

/// Does "general" after this word (lower-case) belong to an office's name ("Attorney General")?
pub fn takes_general(lower: &str) -> bool {
    GENERAL_OFFICES.contains(&lower)
}

/// The commonest English function words: a fifth or more of the words of English prose, few of
/// any other language's. Matched, not looked up: this is asked of hundreds of words an article.
fn is_english_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "he"
            | "his"
            | "in"
            | "is"
            | "it"
            | "its"
            | "not"
            | "of"
            | "on"
            | "said"
            | "she"
            | "that"
            | "the"
            | "their"
            | "they"
            | "this"
            | "to"
            | "was"
            | "were"
            | "which"
            | "who"
            | "with"
    )
}

/// How many words of a text [`is_english`] reads: enough to tell, few enough to be cheap.
const LANGUAGE_SAMPLE_WORDS: usize = 120;

/// Is `text` English prose, or too short to tell? Its share of English function words says so:
/// other languages' prose (German, French, Russian, Ukrainian…) has far fewer.
pub fn is_english(text: &str) -> bool {
    // Words are runs of ASCII letters and of bytes of other scripts' letters, read a byte at a
    // time: this is asked of every article.
    let bytes = text.as_bytes();
    let is_letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
    let (mut total, mut english) = (0usize, 0usize);
    let mut buf = [0u8; 8];
    let mut at = 0;
    while at < bytes.len() && total < LANGUAGE_SAMPLE_WORDS {
        if !is_letter(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && is_letter(bytes[at]) {
            at += 1;
        }
        total += 1;
        // Every function word is short and ASCII: a slice of ASCII letters is a `str`.
        if at - start <= 5 && bytes[start..at].is_ascii() {
            let word = &text[start..at];
            english += usize::from(crate::text::ascii_lower(word, &mut buf).is_some_and(is_english_function_word));
        }
    }
    // Below a score of words the share says little: a headline, a caption.
    total < 20 || english * 10 >= total
}

/// Words that make a capitalised sequence an organisation or a place rather than a person.
const NOT_PERSON: &[&str] = &[
    "agency",
    "air",
    "airport",
    "alliance",
    "army",
    "assembly",
    "association",
    "bank",
    "base",
    "bay",
    "bridge",
    "cabinet",
    "center",
    "centre",
    "church",
    "city",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corporation",
    "council",
    "county",
    "court",
    "department",
    "directorate",
    "district",
    "embassy",
    "federation",
    "force",
    "forces",
    "forum",
    "foundation",
    "front",
    "fund",
    "group",
    "guard",
    "hall",
    "hospital",
    "house",
    "institute",
    "island",
    "islands",
    "kingdom",
    "lake",
    "league",
    "ministry",
    "mountains",
    "museum",
    "navy",
    "news",
    "ocean",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "plan",
    "post",
    "press",
    "province",
    "region",
    "republic",
    "river",
    "school",
    "sea",
    "senate",
    "service",
    "square",
    "state",
    "states",
    "station",
    "street",
    "summit",
    "times",
    "tower",
    "treaty",
    "tribunal",
    "union",
    "university",
    "valley",
    "war",
];

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "rep",
    "sen", "gov", "pres", "rev", "hon", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx",
    "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mt", "ft", "ave", "blvd", "e.g", "i.e", "cf", "al",
    // Plural and less common titles before names: "Sens. John Fetterman (PA), Mark Kelly".
    "sens", "reps", "govs", "gens", "messrs", "supt", "det", "cpl", "pvt", "brig", "lieut", "mme", "ret",
];

/// Offices few people hold and rules list when they know a person: a title naming one that
/// none of a person's roles has is likely wrong ("Deputy Prime Minister" for the prime minister).
const HIGH_OFFICES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "governor",
    "mayor",
    "ambassador",
    "commissioner",
    "speaker",
];

pub fn is_high_office(lower: &str) -> bool {
    HIGH_OFFICES.contains(&lower)
}

/// Nouns of a change of office: a title after "the sacking of" is the one held until then.
const CHANGE_NOUNS: &[&str] = &[
    "sacking",
    "resignation",
    "dismissal",
    "departure",
    "ouster",
    "ousting",
    "firing",
    "removal",
    "exit",
    "replacement",
    "death",
    "killing",
    "assassination",
    "impeachment",
    "arrest",
    "retirement",
    "defeat",
];

pub fn is_change_noun(lower: &str) -> bool {
    CHANGE_NOUNS.contains(&lower)
}

/// Words that say someone was named to an office not yet taken up: "picked as", "nominee".
const DESIGNATION_WORDS: &[&str] = &[
    "named",
    "names",
    "appointed",
    "appoints",
    "picked",
    "picks",
    "pick",
    "tapped",
    "taps",
    "nominated",
    "nominates",
    "nominee",
    "nomination",
    "chosen",
    "chose",
    "selected",
    "designate",
    "incoming",
    "successor",
    "replace",
    "succeed",
    "confirmed",
    "confirmation",
];

pub fn is_designation_word(lower: &str) -> bool {
    DESIGNATION_WORDS.contains(&lower)
}

/// "Jr.", "Sr", "III": a generational suffix after a surname, not the surname.
pub fn is_generational_suffix(word: &str) -> bool {
    matches!(word.trim_end_matches(['.', ',']).to_ascii_lowercase().as_str(), "jr" | "sr" | "ii" | "iii" | "iv")
}

/// A word (any case) after which a full stop does not end a sentence: "Mr", "approx", "e.g".
pub fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 8];
    crate::text::ascii_lower(word, &mut buf).is_some_and(|lower| kinds(lower).has(Kinds::ABBREVIATION))
}

/// Words that say when a title is held, in the languages articles are read in, and the stems
/// of nouns that put a title in an earlier time (see `data/title-qualifiers.txt`).
struct TitleQualifiers {
    words: rustc_hash::FxHashMap<&'static str, Qualifier>,
    earlier: Vec<&'static str>,
}

fn title_qualifiers() -> &'static TitleQualifiers {
    static QUALIFIERS: OnceLock<TitleQualifiers> = OnceLock::new();
    QUALIFIERS.get_or_init(|| {
        let mut list = TitleQualifiers { words: Default::default(), earlier: Vec::new() };
        let entries = include_str!("../data/title-qualifiers.txt").lines().filter(|l| !l.starts_with('#'));
        for (kind, word) in entries.filter_map(|line| line.split_once(' ')) {
            let qualifier = match kind {
                "former" => Qualifier::Former,
                "outgoing" => Qualifier::Outgoing,
                "elect" => Qualifier::Elect,
                "acting" => Qualifier::Acting,
                "then" => Qualifier::Then,
                "earlier" => {
                    list.earlier.push(word);
                    continue;
                }
                other => panic!("data/title-qualifiers.txt: unknown kind {other:?}"),
            };
            list.words.insert(word, qualifier);
        }
        list
    })
}

/// Offices that are each other's counterparts in different governments, as title keys: a
/// translation of one names the others (see `data/office-counterparts.txt`).
pub fn office_counterparts() -> &'static [Vec<Vec<String>>] {
    static COUNTERPARTS: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    COUNTERPARTS.get_or_init(|| {
        include_str!("../data/office-counterparts.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|line| line.split('|').map(crate::text::title_key).collect())
            .collect()
    })
}

/// The qualifier a lower-case word is ("former", "ehemalige", "бывший"), if any.
pub fn title_qualifier(lower: &str) -> Option<Qualifier> {
    title_qualifiers().words.get(lower).copied()
}

/// Is a word (any case) one that puts a later title in an earlier time ("predecessor",
/// "Vorgängerin", "предшественника")? Asked of every word before a title: compared a letter at
/// a time, without lower-casing the word.
pub fn marks_earlier_holder(word: &str) -> bool {
    let Some(first) = word.chars().next().and_then(|c| c.to_lowercase().next()) else { return false };
    title_qualifiers().earlier.iter().any(|stem| {
        stem.starts_with(first) && {
            let mut letters = word.chars().flat_map(char::to_lowercase);
            stem.chars().all(|s| letters.next() == Some(s))
        }
    })
}

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

pub fn is_title_head(lower: &str) -> bool {
    let found = |w: &str| kinds(w).has(Kinds::TITLE_HEAD);
    found(lower) || lower.strip_suffix('s').is_some_and(found)
}

pub fn is_vague_head(lower: &str) -> bool {
    let found = |w: &str| kinds(w).has(Kinds::VAGUE_HEAD);
    found(lower) || lower.strip_suffix('s').is_some_and(found)
}

pub fn is_title_modifier(lower: &str) -> bool {
    kinds(lower).has(Kinds::TITLE_MODIFIER)
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

/// Weekday names of other languages (see `data/foreign-weekdays.txt`): each form with the
/// weekday's number, 1 for Monday to 7 for Sunday.
pub fn foreign_weekdays() -> impl Iterator<Item = (u32, &'static str)> {
    include_str!("../data/foreign-weekdays.txt").lines().filter(|l| !l.starts_with('#')).flat_map(|line| {
        let mut words = line.split_whitespace();
        let number = words.next().and_then(|n| n.parse().ok());
        number.into_iter().flat_map(move |n| words.clone().map(move |w| (n, w)))
    })
}

/// The abbreviations the date reader takes for weekdays.
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

/// Nouns a reference back calls an event by ("the summit").
pub const EVENT_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "gathering",
    "summit",
    "talks",
    "conference",
    "session",
    "event",
    "forum",
    "visit",
    "ceremony",
    "consultations",
    "negotiations",
];

/// Nouns a reference back may call any gathering by ("the meeting", "the gathering"). The others
/// of [`EVENT_NOUNS`] name a kind of gathering: "the summit" refers back only to an event the
/// rules call a summit, not to consultations in the paragraph before.
pub const ANY_GATHERING_NOUNS: &[&str] =
    &["meeting", "meetings", "gathering", "event", "session", "talks", "consultations", "negotiations"];

/// Words of events held as ceremonies, which "the ceremony" refers back to.
pub const CEREMONY_WORDS: &[&str] = &[
    "inauguration",
    "inaugurated",
    "sworn",
    "swearing",
    "coronation",
    "crowned",
    "funeral",
    "buried",
    "burial",
    "wedding",
    "investiture",
    "memorial",
    "commemoration",
    "parade",
];

/// The number of a month (1–12) from its name or usual abbreviation, lower-case and without a
/// dot: "january", "jan", "sept".
pub fn month_number(lower: &str) -> Option<u32> {
    let position = MONTHS.iter().position(|m| *m == lower).or_else(|| {
        (lower.len() == 3 || lower == "sept").then(|| MONTHS.iter().position(|m| m.starts_with(lower))).flatten()
    })?;
    Some(position as u32 + 1)
}

/// The number of a month (1–12) from its name in another language, lower-case: "dezember",
/// "января", "січня" (`data/foreign-months.txt`).
pub fn foreign_month_number(lower: &str) -> Option<u32> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<&'static str, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lines = include_str!("../data/foreign-months.txt").lines().filter(|l| !l.starts_with('#'));
        lines
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let number = words.next()?.parse().ok()?;
                Some(words.map(move |w| (w, number)))
            })
            .flatten()
            .collect()
    });
    table.get(lower).copied()
}

/// Month and weekday names, and their abbreviations when written with a dot ("Jan.", "Thurs."):
/// capitalised, but not names. Without the dot "Jan" may well be a first name.
pub fn is_calendar_word(lower: &str) -> bool {
    match lower.strip_suffix('.') {
        Some(abbreviation) => kinds(abbreviation).has(Kinds::CALENDAR | Kinds::CALENDAR_ABBREVIATION),
        None => kinds(lower).has(Kinds::CALENDAR),
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
    fn english_is_told_from_other_languages() {
        let table = [
            (
                "The minister said on Monday that the talks with the allies were over, and he would return to the capital \
              by the end of the week to brief the cabinet.",
                true,
            ),
            (
                "Der Minister sagte am Montag, die Gespräche mit den Verbündeten seien beendet, und er werde bis zum Ende \
              der Woche in die Hauptstadt zurückkehren.",
                false,
            ),
            (
                "Министр заявил в понедельник, что переговоры с союзниками завершены и что он вернется в столицу до \
              конца недели, чтобы проинформировать правительство.",
                false,
            ),
            (
                "Le ministre a déclaré lundi que les pourparlers avec les alliés étaient terminés et qu'il rentrerait \
              dans la capitale avant la fin de la semaine.",
                false,
            ),
            (
                "El ministro dijo el lunes que las conversaciones con los aliados habían terminado y que regresaría a \
              la capital antes del fin de semana.",
                false,
            ),
            // Too short to tell: English is assumed.
            ("Минист заявил", true),
        ];
        for (text, expected) in table {
            assert_eq!(is_english(text), expected, "{text}");
        }
    }

    #[test]
    fn ranks_and_offices() {
        for word in ["general", "gen", "lt", "colonel", "sir", "dr", "rev"] {
            assert!(is_rank_or_honorific(word), "{word}");
        }
        assert!(!is_rank_or_honorific("president") && !is_rank_or_honorific("minister"));
        assert!(takes_general("attorney") && !takes_general("chief"));
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
