//! A synthetic news corpus for measuring factlint: a fictional population (people with dated
//! roles, organisations, places, events with dates and counts), the rule files that describe it,
//! and news-like Markdown articles about it with a controlled share of injected errors, each
//! recorded with the code factlint should report (SPEC §6).
//!
//! Used by `examples/gen_corpus.rs` (writes a corpus folder) and by the benches (in memory).
//!
//! Determinism: every random choice flows from the seed through SplitMix64 streams. The
//! population depends only on (seed, people); article `i` draws from its own stream and reads
//! only what articles before it left behind (which events already have a majority figure), so a
//! 1,000-article corpus is the prefix of a 10,000-article one with the same seed and people.
//! No hash-map iteration order reaches the output.

// Shared by `examples/gen_corpus.rs` (which writes files) and the benches (which keep the corpus
// in memory): each uses a part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use serde::Serialize;

/// Bumped whenever the output for a given (seed, articles, people) changes, so that
/// `scripts/bench.sh` knows when a corpus on disk can be reused.
pub const VERSION: u32 = 3;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub articles: usize,
    pub people: usize,
    pub seed: u64,
    pub shape: Shape,
}

/// How dense and how long the articles are. The default is the corpus of earlier versions, byte
/// for byte: the knobs only add to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Titled people, dated events and counted events per article, as a multiple of the usual
    /// (about 4 names, 1–2 dates and 1–2 counts).
    pub density: usize,
    /// Of the names added at a density above 1, the share that match no rule (analysts quoted).
    pub unknown: f64,
    /// Article length, in percent of the usual 4.5–6.6 KB (filler makes up the difference).
    pub length: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Shape { density: 1, unknown: 0.3, length: 100 }
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// SplitMix64: tiny, fast, and the same on every platform (no dependency whose algorithm could
/// change under a version bump and silently change the corpus).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// An independent stream for one purpose (`stream`) and one item (`index`).
    pub fn stream(seed: u64, stream: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        let mixed = rng.next() ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut rng = Rng(mixed);
        rng.next();
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of several strings (templates, words).
    pub fn choose(&mut self, options: &[&'static str]) -> &'static str {
        options[self.below(options.len())]
    }

    /// An index chosen with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut at = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if at < *w {
                return i;
            }
            at -= w;
        }
        weights.len() - 1
    }
}

// Stream numbers: one per purpose, so that adding draws to one never shifts another.
const STREAM_PEOPLE: u64 = 1;
const STREAM_PLACES: u64 = 2;
const STREAM_EVENTS: u64 = 3;
const STREAM_ARTICLE: u64 = 4;
const STREAM_ANALYSTS: u64 = 5;

// ---------------------------------------------------------------------------------------------
// Word data

/// The English word list factlint itself uses to tell names from ordinary words: a generated
/// name that is an ordinary word ("Moral", "Tavern") would not be read as a name.
static COMMON_WORDS: &str = include_str!("../../data/common-words.txt");

struct Lexicon {
    common: HashSet<&'static str>,
}

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon { common: COMMON_WORDS.lines().collect() }
    }

    /// Mirrors factlint's `is_common_word` (plural, possessive and -ly forms included), plus
    /// month and weekday names, which are capitalised but never names.
    fn is_ordinary(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let found = |w: &str| self.common.contains(w);
        found(&lower)
            || lower.strip_suffix('s').is_some_and(found)
            || lower.strip_suffix("ly").is_some_and(found)
            || MONTHS.iter().chain(WEEKDAYS.iter()).any(|m| m.eq_ignore_ascii_case(&lower))
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Real countries (all in factlint's `data/countries.txt`, so their names and adjectives are
/// read as nationality, not as part of a title or a name): the people holding their offices are
/// fictional.
const COUNTRIES: &[(&str, &str)] = &[
    ("Portugal", "Portuguese"),
    ("Chile", "Chilean"),
    ("Norway", "Norwegian"),
    ("Kenya", "Kenyan"),
    ("Canada", "Canadian"),
    ("Finland", "Finnish"),
    ("Ghana", "Ghanaian"),
    ("Peru", "Peruvian"),
    ("Austria", "Austrian"),
    ("Denmark", "Danish"),
    ("Ireland", "Irish"),
    ("Greece", "Greek"),
    ("Romania", "Romanian"),
    ("Malaysia", "Malaysian"),
    ("Morocco", "Moroccan"),
    ("Uruguay", "Uruguayan"),
    ("Croatia", "Croatian"),
    ("Estonia", "Estonian"),
    ("Latvia", "Latvian"),
    ("Lithuania", "Lithuanian"),
    ("Iceland", "Icelandic"),
    ("Jamaica", "Jamaican"),
    ("Namibia", "Namibian"),
    ("Nepal", "Nepalese"),
    ("Panama", "Panamanian"),
    ("Paraguay", "Paraguayan"),
    ("Senegal", "Senegalese"),
    ("Slovakia", "Slovak"),
    ("Slovenia", "Slovenian"),
    ("Tunisia", "Tunisian"),
    ("Zambia", "Zambian"),
    ("Mongolia", "Mongolian"),
    ("Malta", "Maltese"),
    ("Cyprus", "Cypriot"),
    ("Ecuador", "Ecuadorian"),
    ("Hungary", "Hungarian"),
    ("Poland", "Polish"),
    ("Sweden", "Swedish"),
    ("Bulgaria", "Bulgarian"),
    ("Moldova", "Moldovan"),
];

// Syllable tables. People's surnames are long enough (6+ letters) that a one-letter slip stays
// above factlint's Jaro-Winkler threshold, which is what a near miss needs to be.
const GIVEN_HEADS: &[&str] = &[
    "Al", "Ami", "Bel", "Cor", "Dal", "Eli", "Fen", "Gar", "Hal", "Ila", "Jor", "Kae", "Lio", "Mar", "Nel", "Ori",
    "Pav", "Ren", "Sil", "Tav", "Ulr", "Val", "Wen", "Yas", "Zor", "Ari", "Bram", "Cas", "Dov", "Esk", "Fil", "Gil",
    "Hen", "Ivo", "Kas", "Lem", "Mio", "Nad", "Osk", "Pim", "Rad", "Sev", "Tiv", "Vel",
];
const GIVEN_TAILS: &[&str] = &[
    "a", "an", "ar", "en", "ia", "id", "in", "is", "o", "on", "or", "ric", "ta", "ya", "el", "ena", "ius", "ko", "ra",
    "u", "mir", "dan", "eth", "ine", "ora",
];
const SURNAME_HEADS: &[&str] = &[
    "Adr", "Bald", "Brav", "Carv", "Dalv", "Dorn", "Eskv", "Falk", "Garv", "Hald", "Hov", "Isk", "Jarn", "Kalv",
    "Kest", "Lard", "Lov", "Mald", "Mirk", "Nord", "Orv", "Pald", "Parv", "Quel", "Rask", "Rov", "Sald", "Sterk",
    "Tald", "Torv", "Ulv", "Vard", "Velk", "Wald", "Yarv", "Zald", "Zerv", "Brun", "Grel", "Trav",
];
const SURNAME_MIDS: &[&str] = &["a", "e", "i", "o", "u", "en", "an", "ar", "el", "or"];
const SURNAME_TAILS: &[&str] = &[
    "ko", "enko", "ov", "ova", "ski", "ska", "ez", "ani", "ard", "ley", "wick", "berg", "ovic", "escu", "aki", "sen",
    "etti", "mont", "quist", "ridge", "stad", "holm", "ton", "vell",
];
// Analysts (quoted, never in the rules) get names built differently, so that none is a near
// miss of a person in the rules: they exercise unknown-name handling without being errors.
const ANALYST_GIVEN: &[&str] = &[
    "Maren", "Tobiah", "Ilse", "Corwin", "Anouk", "Fenna", "Lucan", "Odile", "Bastien", "Signe", "Emrys", "Talia",
    "Jorun", "Nerys", "Quillon", "Wrenna", "Hollis", "Ysolde", "Casimir", "Linnea",
];
const ANALYST_HEADS: &[&str] = &[
    "Whit", "Pem", "Ash", "Hart", "Stan", "Thorn", "Marl", "Fair", "Brock", "Crom", "Penn", "Kings", "Lang", "Shel",
    "Wex", "Dunc", "Hamm", "Pritch", "Gosw", "Elm", "Birk", "Chad", "Fulb", "Merr",
];
const ANALYST_TAILS: &[&str] = &[
    "combe", "worthy", "hurst", "field", "cott", "lowe", "bury", "thwaite", "ingham", "leigh", "more", "dale", "ham",
    "hope",
];
const CITY_HEADS: &[&str] = &[
    "Cast", "Mor", "Val", "Bel", "Tor", "Sar", "Lun", "Ost", "Ver", "Fal", "Kor", "Tam", "Ard", "Esp", "Hal", "Liv",
    "Mar", "Nor", "Pal", "Ros", "Sel", "Tir", "Ul", "Zan", "Dar", "Gil", "Quen", "Bri",
];
const CITY_TAILS: &[&str] = &[
    "avel", "mere", "haven", "port", "ford", "ston", "ria", "ola", "dora", "ova", "ssa", "enza", "mouth", "wick",
    "gard", "vik", "burg", "heim", "ina", "ento",
];
const REGION_TAILS: &[&str] = &["ania", "land", "mark", "shire", "vale", "esia"];
const ORG_ADJECTIVES: &[&str] = &[
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Coastal",
    "Upland",
    "Lowland",
    "Atlantic",
    "Riverside",
    "Metropolitan",
    "Allied",
    "Independent",
];
const ORG_NOUNS: &[&str] = &[
    "Grain",
    "Water",
    "Rail",
    "Energy",
    "Fisheries",
    "Steel",
    "Textile",
    "Shipping",
    "Teachers",
    "Nurses",
    "Farmers",
    "Miners",
    "Housing",
    "Transit",
    "Timber",
    "Dairy",
];
const ORG_KINDS: &[&str] = &[
    "Union",
    "Agency",
    "Council",
    "Association",
    "Federation",
    "Institute",
    "Commission",
    "Foundation",
    "Bank",
    "Fund",
    "Alliance",
    "Authority",
];
const OUTLETS: &[&str] = &[
    "Harbour Courier",
    "Northern Ledger",
    "Meridian Post",
    "Coastal Times",
    "Lakeside Herald",
    "Valley Press",
    "Continental Wire",
    "Morning Ledger",
    "Capital Dispatch",
    "Riverside Gazette",
];
const PORTFOLIOS: &[&str] = &[
    "Finance",
    "Defence",
    "Foreign Affairs",
    "Health",
    "Education",
    "Energy",
    "Justice",
    "Interior",
    "Agriculture",
    "Transport",
    "Labour",
    "Culture",
    "Trade",
    "Environment",
];
const THEMES: &[&str] = &[
    "water",
    "climate",
    "energy",
    "grain",
    "fisheries",
    "migration",
    "cyber",
    "health",
    "rail",
    "maritime",
    "digital",
    "forestry",
];
const TOPICS: &[&str] = &[
    "water security",
    "urban transport",
    "food safety",
    "coastal erosion",
    "public health",
    "renewable energy",
    "rural broadband",
    "housing policy",
];
const GOODS: &[&str] = &["rice", "fuel", "steel", "grain", "fertiliser", "timber", "coffee", "cement"];

// ---------------------------------------------------------------------------------------------
// Dates

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    date + TimeDelta::days(days)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    plus(day(ny, nm, 1), -1)
}

fn week_start(date: NaiveDate) -> NaiveDate {
    plus(date, -(date.weekday().num_days_from_monday() as i64))
}

fn random_day(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    plus(from, rng.between(0, days_between(from, to)))
}

/// An inclusive interval of days: what a date expression means (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Days {
    lo: NaiveDate,
    hi: NaiveDate,
}

impl Days {
    fn one(d: NaiveDate) -> Days {
        Days { lo: d, hi: d }
    }
    fn month(y: i32, m: u32) -> Days {
        Days { lo: day(y, m, 1), hi: month_end(y, m) }
    }
    fn year(y: i32) -> Days {
        Days { lo: day(y, 1, 1), hi: day(y, 12, 31) }
    }
    fn meets(&self, other: &Days) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
    fn widened(&self, days: i64) -> Days {
        Days { lo: plus(self.lo, -days), hi: plus(self.hi, days) }
    }
    fn contains(&self, d: NaiveDate) -> bool {
        self.lo <= d && d <= self.hi
    }
}

/// The window articles are published in.
fn articles_from() -> NaiveDate {
    day(2024, 1, 1)
}
fn articles_to() -> NaiveDate {
    day(2026, 6, 30)
}

// ---------------------------------------------------------------------------------------------
// Population

/// What kind of office: a person never holds two of one class, so a title as written matches
/// exactly one of their roles.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OfficeClass {
    Minister(usize),
    PrimeMinister,
    President,
    Mayor,
    Governor,
    Ambassador,
    CentralBank,
}

#[derive(Debug, Clone)]
pub struct Office {
    class: OfficeClass,
    /// The rules' title: "Minister of Finance of Portugal".
    title: String,
    /// The rules' forms.
    forms: Vec<String>,
    /// Forms written before a name: "Finance Minister".
    before: Vec<String>,
    /// Appositive bodies written after "the" or "Portugal's": "finance minister".
    appos: Vec<String>,
    country: Option<usize>,
    /// Offices one is elected to: "-elect" makes sense.
    elect: bool,
}

#[derive(Debug, Clone)]
pub struct Role {
    office: Office,
    from: NaiveDate,
    /// Exclusive, as in the rules.
    until: Option<NaiveDate>,
}

impl Role {
    fn held(&self, at: NaiveDate) -> bool {
        self.from <= at && self.until.is_none_or(|u| at < u)
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    id: String,
    surname: String,
    name: String,
    variants: Vec<String>,
    /// Listed in the rules: the full name and the surname, each misspelled.
    misspelled: Option<(String, String)>,
    /// Never listed: a near miss of the full name and of the surname.
    near: Option<(String, String)>,
    roles: Vec<Role>,
}

#[derive(Debug, Clone)]
pub struct Place {
    id: String,
    name: String,
}

#[derive(Debug, Clone)]
pub struct Org {
    id: String,
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EventKind {
    Summit,
    Conference,
    Floods,
    Strike,
    Election,
    Accord,
}

#[derive(Debug, Clone, Copy)]
enum When {
    Day(NaiveDate),
    /// The rules know only the month.
    Month(i32, u32),
    /// From the first day to the last (inclusive); the rules write `until` = last + 1.
    Span(NaiveDate, NaiveDate),
}

#[derive(Debug, Clone)]
pub struct Event {
    id: String,
    name: String,
    kind: EventKind,
    place: usize,
    triggers: Vec<String>,
    when: When,
    /// The day every correct day-precise mention gives (inside `when`): sources that agree
    /// must give the same day, or they conflict with each other.
    day: NaiveDate,
    entities: Vec<usize>,
    what: &'static str,
    units: &'static [&'static str],
    /// The figure in the rules, if any.
    value: Option<u64>,
    /// The true figure, which articles give (the rules may not know it).
    truth: u64,
}

impl Event {
    fn interval(&self) -> Days {
        match self.when {
            When::Day(d) => Days::one(d),
            When::Month(y, m) => Days::month(y, m),
            When::Span(a, b) => Days { lo: a, hi: b },
        }
    }
}

pub struct Population {
    seed: u64,
    people: Vec<Person>,
    places: Vec<Place>,
    /// The first `cities` places are cities; the rest are regions.
    cities: usize,
    orgs: Vec<Org>,
    events: Vec<Event>,
    analysts: Vec<(String, String)>,
}

/// Lower-case, hyphen-joined.
fn kebab(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// Keeps every name form, id and misspelling distinct (the rules reject a form claimed twice).
#[derive(Default)]
struct Taken {
    forms: HashSet<String>,
    ids: HashSet<String>,
}

impl Taken {
    fn free(&self, form: &str) -> bool {
        !self.forms.contains(&form.to_lowercase())
    }
    fn take(&mut self, form: &str) {
        self.forms.insert(form.to_lowercase());
    }
    fn id(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// One-letter slips that keep a name readable: a vowel swapped, a consonant doubled or
/// undoubled, a similar-sounding consonant, two letters transposed. Never in the first two
/// letters, which keeps the Jaro-Winkler prefix bonus (and the slip plausible).
fn slip(rng: &mut Rng, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let at = 2 + rng.below(n.saturating_sub(3).max(1));
    let at = at.min(n - 1);
    let mut out = chars.clone();
    let vowels = ['a', 'e', 'i', 'o', 'u'];
    match rng.below(4) {
        0 if vowels.contains(&chars[at]) => {
            let others: Vec<char> = vowels.iter().copied().filter(|v| *v != chars[at]).collect();
            out[at] = *rng.pick(&others);
        }
        1 => {
            if at + 1 < n && chars[at] == chars[at + 1] {
                out.remove(at);
            } else {
                out.insert(at, chars[at]);
            }
        }
        2 => {
            let swap = match chars[at] {
                'k' => 'c',
                'c' => 'k',
                'v' => 'w',
                'w' => 'v',
                'i' => 'y',
                'y' => 'i',
                's' => 'z',
                'z' => 's',
                'd' => 't',
                't' => 'd',
                'n' => 'm',
                'm' => 'n',
                'r' => 'l',
                'l' => 'r',
                c if vowels.contains(&c) => {
                    if c == 'o' {
                        'a'
                    } else {
                        'o'
                    }
                }
                _ => 'h',
            };
            out[at] = swap;
        }
        _ => {
            if at + 1 < n {
                out.swap(at, at + 1);
            } else {
                out[at] = if chars[at] == 'a' { 'e' } else { 'a' };
            }
        }
    }
    out.into_iter().collect()
}

fn jw(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase())
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Population {
    pub fn new(seed: u64, people: usize) -> Population {
        let lexicon = Lexicon::new();
        let mut taken = Taken::default();
        let places = Self::places(seed, people, &lexicon, &mut taken);
        let cities = (people / 10).max(10);
        let orgs = Self::orgs(seed, people, &mut taken);
        let people_list = Self::people(seed, people, &lexicon, &mut taken, &places, cities);
        let analysts = Self::analysts(seed, people, &lexicon, &mut taken, &people_list);
        let mut population =
            Population { seed, people: people_list, places, cities, orgs, events: Vec::new(), analysts };
        population.events = population.make_events(&mut taken);
        population
    }

    fn places(seed: u64, people: usize, lexicon: &Lexicon, taken: &mut Taken) -> Vec<Place> {
        let mut rng = Rng::stream(seed, STREAM_PLACES, 0);
        let cities = (people / 10).max(10);
        let regions = (people / 40).max(4);
        let mut out = Vec::new();
        let mut attempts = 0;
        while out.len() < cities + regions {
            attempts += 1;
            let head = rng.pick(CITY_HEADS);
            let tail = if out.len() < cities { rng.pick(CITY_TAILS) } else { rng.pick(REGION_TAILS) };
            // Two-part names ("Port Salavel") once the one-word ones run short.
            let name = if attempts > 2000 && out.len() < cities {
                format!("{} {head}{tail}", rng.pick(&["Port", "Upper", "Lower", "New", "Old"]))
            } else {
                format!("{head}{tail}")
            };
            let word = name.rsplit(' ').next().unwrap_or(&name);
            if !taken.free(&name) || lexicon.is_ordinary(word) || COUNTRIES.iter().any(|(c, _)| *c == name) {
                continue;
            }
            taken.take(&name);
            let id = taken.id(&kebab(&name));
            out.push(Place { id, name });
        }
        out
    }

    fn orgs(seed: u64, people: usize, taken: &mut Taken) -> Vec<Org> {
        let mut rng = Rng::stream(seed, STREAM_PLACES, 1);
        let count = (people / 10).max(10);
        let mut out = Vec::new();
        while out.len() < count {
            let name = format!("{} {} {}", rng.pick(ORG_ADJECTIVES), rng.pick(ORG_NOUNS), rng.pick(ORG_KINDS));
            if !taken.free(&name) {
                continue;
            }
            taken.take(&name);
            let id = taken.id(&kebab(&name));
            out.push(Org { id, name });
        }
        out
    }

    fn given_name(rng: &mut Rng, lexicon: &Lexicon) -> String {
        loop {
            let name = format!("{}{}", rng.pick(GIVEN_HEADS), rng.pick(GIVEN_TAILS));
            if name.len() >= 4 && !lexicon.is_ordinary(&name) {
                return name;
            }
        }
    }

    fn people(
        seed: u64,
        count: usize,
        lexicon: &Lexicon,
        taken: &mut Taken,
        places: &[Place],
        cities: usize,
    ) -> Vec<Person> {
        let mut out: Vec<Person> = Vec::with_capacity(count);
        for index in 0..count {
            let mut rng = Rng::stream(seed, STREAM_PEOPLE, index as u64);
            let (given, surname) = loop {
                let surname =
                    format!("{}{}{}", rng.pick(SURNAME_HEADS), rng.pick(SURNAME_MIDS), rng.pick(SURNAME_TAILS));
                if surname.len() < 6 || !taken.free(&surname) || lexicon.is_ordinary(&surname) {
                    continue;
                }
                let given = Self::given_name(&mut rng, lexicon);
                if given.eq_ignore_ascii_case(&surname) {
                    continue;
                }
                break (given, surname);
            };
            let name = format!("{given} {surname}");
            taken.take(&name);
            taken.take(&surname);
            let id = taken.id(&kebab(&name));

            // A slip of the surname that nothing else claims and that is not an ordinary word.
            let wrong = |rng: &mut Rng, taken: &mut Taken| -> Option<String> {
                for _ in 0..30 {
                    let candidate = capitalise(&slip(rng, &surname.to_lowercase()));
                    let full = format!("{given} {candidate}");
                    if candidate != surname
                        && taken.free(&candidate)
                        && taken.free(&full)
                        && !lexicon.is_ordinary(&candidate)
                        && jw(&candidate, &surname) >= 0.93
                        && jw(&full, &name) >= 0.93
                    {
                        taken.take(&candidate);
                        taken.take(&full);
                        return Some(candidate);
                    }
                }
                None
            };
            // About 30% have listed misspellings, 40% an unlisted near miss: with 2,000 people
            // that is about 2,000 wrong strings, the size of the reference list.
            let misspelled = if rng.chance(0.30) {
                wrong(&mut rng, taken).map(|s| {
                    // The listed full form sometimes slips the given name too ("Rustam Umarov").
                    let first = if rng.chance(0.4) {
                        let g = capitalise(&slip(&mut rng, &given.to_lowercase()));
                        if taken.free(&format!("{g} {s}")) { g } else { given.clone() }
                    } else {
                        given.clone()
                    };
                    let full = format!("{first} {s}");
                    taken.take(&full);
                    (full, s)
                })
            } else {
                None
            };
            let near =
                if rng.chance(0.40) { wrong(&mut rng, taken).map(|s| (format!("{given} {s}"), s)) } else { None };
            // An accepted transliteration for some: in the rules, never written in articles (a
            // second accepted spelling across sources is `name.cross-source` by design).
            let mut variants = Vec::new();
            if rng.chance(0.10) {
                let variant = format!("{given} {}", capitalise(&slip(&mut rng, &surname.to_lowercase())));
                let variant_surname = variant.split(' ').nth(1).unwrap_or_default().to_string();
                if taken.free(&variant) && taken.free(&variant_surname) {
                    taken.take(&variant);
                    taken.take(&variant_surname);
                    variants.push(variant);
                }
            }
            let roles = Self::career(&mut rng, places, cities);
            out.push(Person { id, surname, name, variants, misspelled, near, roles });
        }
        out
    }

    fn office(rng: &mut Rng, places: &[Place], cities: usize) -> Office {
        let country = rng.below(COUNTRIES.len());
        let (cname, _) = COUNTRIES[country];
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        match rng.weighted(&[45, 7, 8, 15, 8, 10, 7]) {
            0 => {
                let p = rng.below(PORTFOLIOS.len());
                let portfolio = PORTFOLIOS[p];
                let lower = portfolio.to_lowercase();
                Office {
                    class: OfficeClass::Minister(p),
                    title: format!("Minister of {portfolio} of {cname}"),
                    forms: vec![format!("{portfolio} Minister"), format!("Minister of {portfolio}")],
                    before: vec![format!("{portfolio} Minister"), format!("Minister of {portfolio}")],
                    appos: vec![format!("{lower} minister")],
                    country: Some(country),
                    elect: false,
                }
            }
            1 => Office {
                class: OfficeClass::PrimeMinister,
                title: format!("Prime Minister of {cname}"),
                forms: s(&["Prime Minister", "premier"]),
                before: s(&["Prime Minister"]),
                appos: s(&["prime minister"]),
                country: Some(country),
                elect: true,
            },
            2 => Office {
                class: OfficeClass::President,
                title: format!("President of {cname}"),
                forms: s(&["President"]),
                before: s(&["President"]),
                appos: s(&["president"]),
                country: Some(country),
                elect: true,
            },
            // The city is not written beside the name: a place mention between a title and
            // a name cuts the title off ("Mayor of Castavel Tomas Dravenko" is read without a
            // title), so articles write "Mayor Tomas Dravenko" and "…, the mayor,".
            3 => Office {
                class: OfficeClass::Mayor,
                title: format!("Mayor of {}", places[rng.below(cities)].name),
                forms: s(&["Mayor"]),
                before: s(&["Mayor"]),
                appos: s(&["mayor"]),
                country: None,
                elect: true,
            },
            4 => Office {
                class: OfficeClass::Governor,
                title: format!("Governor of {}", places[cities + rng.below(places.len() - cities)].name),
                forms: s(&["Governor", "regional governor"]),
                before: s(&["Governor"]),
                appos: s(&["governor", "regional governor"]),
                country: None,
                elect: true,
            },
            // "Ambassador to X": "to" ends a title phrase, so only the bare head is written.
            5 => Office {
                class: OfficeClass::Ambassador,
                title: format!("Ambassador to {cname}"),
                forms: s(&["Ambassador"]),
                before: s(&["Ambassador"]),
                appos: Vec::new(),
                country: None,
                elect: false,
            },
            _ => Office {
                class: OfficeClass::CentralBank,
                title: format!("Governor of the Central Bank of {cname}"),
                forms: s(&["Central Bank Governor", "central bank governor"]),
                before: s(&["Central Bank Governor"]),
                appos: s(&["central bank governor"]),
                country: Some(country),
                elect: false,
            },
        }
    }

    /// One to three consecutive roles from 2008 on; a fifth of people also get one that starts
    /// in 2025–2027, so that articles can name them by a title they do not hold yet.
    fn career(rng: &mut Rng, places: &[Place], cities: usize) -> Vec<Role> {
        let count = [1, 1, 2, 2, 3][rng.below(5)];
        let mut roles: Vec<Role> = Vec::new();
        let mut at = random_day(rng, day(2008, 1, 1), day(2023, 12, 31));
        let fresh = |rng: &mut Rng, roles: &[Role]| loop {
            let office = Self::office(rng, places, cities);
            if !roles.iter().any(|r| r.office.class == office.class) {
                break office;
            }
        };
        for i in 0..count {
            let office = fresh(rng, &roles);
            let last = i + 1 == count;
            let until = if last && rng.chance(0.55) { None } else { Some(plus(at, rng.between(500, 2600))) };
            roles.push(Role { office, from: at, until });
            match until {
                Some(u) => at = plus(u, rng.between(0, 300)),
                None => break,
            }
        }
        if rng.chance(0.20) && roles.len() < 4 {
            let earliest = roles.last().map_or(day(2024, 3, 1), |r| r.until.unwrap_or(plus(r.from, 400)));
            let from = random_day(rng, earliest.max(day(2024, 3, 1)), day(2027, 6, 30).max(plus(earliest, 30)));
            if let Some(last) = roles.last_mut() {
                if last.until.is_none_or(|u| u > from) {
                    last.until = Some(from);
                }
                if last.until.is_some_and(|u| u <= last.from) {
                    roles.pop();
                }
            }
            let office = fresh(rng, &roles);
            roles.push(Role { office, from, until: None });
        }
        roles
    }

    fn analysts(
        seed: u64,
        people: usize,
        lexicon: &Lexicon,
        taken: &mut Taken,
        persons: &[Person],
    ) -> Vec<(String, String)> {
        let mut rng = Rng::stream(seed, STREAM_ANALYSTS, 0);
        let want = (people / 10).clamp(10, 200);
        // Every surname the rules or the articles give a person, lower-cased once.
        let known: Vec<String> = persons
            .iter()
            .flat_map(|p| {
                let wrong = [p.near.as_ref(), p.misspelled.as_ref()].into_iter().flatten().map(|(_, s)| s);
                std::iter::once(&p.surname).chain(wrong)
            })
            .map(|s| s.to_lowercase())
            .collect();
        let mut surnames: Vec<String> =
            ANALYST_HEADS.iter().flat_map(|h| ANALYST_TAILS.iter().map(move |t| format!("{h}{t}"))).collect();
        // A fixed shuffle, so the analysts are spread over the table.
        for i in (1..surnames.len()).rev() {
            surnames.swap(i, rng.below(i + 1));
        }
        let mut out: Vec<(String, String)> = Vec::new();
        for surname in surnames {
            if out.len() >= want {
                break;
            }
            let lower = surname.to_lowercase();
            // Far from every person's surname: otherwise factlint would rightly take the
            // analyst for a near miss of that person.
            if !taken.free(&surname)
                || lexicon.is_ordinary(&surname)
                || known.iter().any(|k| strsim::jaro_winkler(&lower, k) >= 0.85)
            {
                continue;
            }
            let given = rng.pick(ANALYST_GIVEN).to_string();
            // Two analysts sharing a given name need clearly different surnames, or they read
            // as two spellings of one person.
            if out.iter().any(|(f, s)| f.starts_with(&format!("{given} ")) && jw(s, &surname) >= 0.85) {
                continue;
            }
            let full = format!("{given} {surname}");
            taken.take(&surname);
            taken.take(&full);
            out.push((full, surname));
        }
        out
    }

    fn make_events(&mut self, taken: &mut Taken) -> Vec<Event> {
        let count = (self.people.len() / 10).max(5);
        let mut out = Vec::with_capacity(count);
        for index in 0..count {
            let mut rng = Rng::stream(self.seed, STREAM_EVENTS, index as u64);
            // One event per city while cities last: triggers carry the city, so they stay unique.
            let place = index % self.cities;
            let city = self.places[place].name.clone();
            let kind = [
                EventKind::Summit,
                EventKind::Summit,
                EventKind::Conference,
                EventKind::Conference,
                EventKind::Floods,
                EventKind::Strike,
                EventKind::Election,
                EventKind::Accord,
            ][rng.below(8)];
            let theme = *rng.pick(THEMES);
            let topic = *rng.pick(TOPICS);
            let start = random_day(&mut rng, day(2023, 11, 1), day(2026, 6, 20));
            let (name, triggers, what, units, truth): (String, Vec<String>, &str, &[&str], u64) = match kind {
                EventKind::Summit => (
                    format!("{city} {} Summit", capitalise(theme)),
                    vec![format!("{city} {theme} summit"), format!("{theme} summit in {city}")],
                    "countries represented",
                    &["countries", "nations", "states"],
                    rng.between(8, 60) as u64,
                ),
                EventKind::Conference => (
                    format!("{city} Conference on {}", capitalise(topic)),
                    vec![format!("{city} {topic} conference"), format!("conference on {topic} in {city}")],
                    "delegates",
                    &["delegates", "participants"],
                    (rng.between(12, 400) * 10) as u64,
                ),
                EventKind::Floods => (
                    format!("{city} floods"),
                    vec![format!("{city} floods"), format!("flooding in {city}")],
                    "residents evacuated",
                    &["residents"],
                    round_figure(rng.between(300, 90_000) as u64),
                ),
                EventKind::Strike => (
                    format!("{city} port strike"),
                    vec![format!("{city} port strike"), format!("strike at the port of {city}")],
                    "workers on strike",
                    &["workers", "dockworkers"],
                    round_figure(rng.between(400, 60_000) as u64),
                ),
                EventKind::Election => (
                    format!("{city} mayoral election"),
                    vec![format!("{city} mayoral election"), format!("mayoral vote in {city}")],
                    "registered voters",
                    &["voters"],
                    (rng.between(20, 900) * 1000) as u64,
                ),
                EventKind::Accord => (
                    format!("{city} {} Accord", capitalise(theme)),
                    vec![format!("{city} {theme} accord")],
                    "signatory countries",
                    &["countries", "governments"],
                    rng.between(5, 40) as u64,
                ),
            };
            let (when, reference) = match kind {
                EventKind::Floods | EventKind::Strike => {
                    let last = plus(start, rng.between(3, 14));
                    (When::Span(start, last), start)
                }
                _ if rng.chance(0.15) => (When::Month(start.year(), start.month()), start),
                _ => (When::Day(start), start),
            };
            // Who the event is about: people who hold a role when it happens, if any do.
            let mut entities = Vec::new();
            let wanted = 1 + rng.below(2);
            for _ in 0..40 {
                if entities.len() >= wanted {
                    break;
                }
                let p = rng.below(self.people.len());
                if !entities.contains(&p) && self.people[p].roles.iter().any(|r| r.held(reference)) {
                    entities.push(p);
                }
            }
            let value = rng.chance(0.6).then_some(truth);
            let id = taken.id(&format!("{}-{}", kebab(&name), start.year()));
            out.push(Event {
                id,
                name,
                kind,
                place,
                triggers,
                when,
                day: reference,
                entities,
                what,
                units,
                value,
                truth,
            });
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Rules

    /// The rules folder: (file name, TOML text).
    pub fn rules(&self) -> Vec<(String, String)> {
        let source = |kind: &str, id: &str| format!("https://example.org/factlint-bench/{kind}/{id}");
        let list = |items: &[String]| items.iter().map(|s| toml_string(s)).collect::<Vec<_>>().join(", ");
        let header = format!(
            "# Generated by examples/gen_corpus.rs (version {VERSION}, seed {}, people {}).\n\
             # Every person, organisation, place and event here is fictional.\n",
            self.seed,
            self.people.len()
        );

        let mut people = header.clone();
        for p in &self.people {
            let _ = write!(
                people,
                "\n[[entity]]\nid = {}\nname = {}\nkind = \"person\"\n",
                toml_string(&p.id),
                toml_string(&p.name)
            );
            if !p.variants.is_empty() {
                let _ = writeln!(people, "variants = [{}]", list(&p.variants));
            }
            if let Some((full, surname)) = &p.misspelled {
                let _ = writeln!(people, "misspellings = [{}]", list(&[full.clone(), surname.clone()]));
            }
            let _ = writeln!(people, "source = {}", toml_string(&source("people", &p.id)));
            for (i, role) in p.roles.iter().enumerate() {
                let _ = write!(
                    people,
                    "\n[[entity.role]]\ntitle = {}\nforms = [{}]\nfrom = \"{}\"\n",
                    toml_string(&role.office.title),
                    list(&role.office.forms),
                    role.from
                );
                if let Some(until) = role.until {
                    let _ = writeln!(people, "until = \"{until}\"");
                }
                let _ = writeln!(
                    people,
                    "source = {}",
                    toml_string(&format!("{}#role-{}", source("people", &p.id), i + 1))
                );
            }
        }

        let mut orgs = header.clone();
        for o in &self.orgs {
            let _ = write!(
                orgs,
                "\n[[entity]]\nid = {}\nname = {}\nkind = \"organization\"\nsource = {}\n",
                toml_string(&o.id),
                toml_string(&o.name),
                toml_string(&source("organizations", &o.id))
            );
        }

        let mut places = header.clone();
        for p in &self.places {
            let _ = write!(
                places,
                "\n[[entity]]\nid = {}\nname = {}\nkind = \"place\"\nsource = {}\n",
                toml_string(&p.id),
                toml_string(&p.name),
                toml_string(&source("places", &p.id))
            );
        }

        let mut events = header;
        for e in &self.events {
            let _ = write!(events, "\n[[event]]\nid = {}\nname = {}\n", toml_string(&e.id), toml_string(&e.name));
            match e.when {
                When::Day(d) => {
                    let _ = writeln!(events, "date = \"{d}\"");
                }
                When::Month(y, m) => {
                    let _ = writeln!(events, "date = \"{y}-{m:02}\"");
                }
                When::Span(a, b) => {
                    let _ = writeln!(events, "from = \"{a}\"\nuntil = \"{}\"", plus(b, 1));
                }
            }
            let ids: Vec<String> = e.entities.iter().map(|&p| self.people[p].id.clone()).collect();
            let _ = write!(
                events,
                "place = {}\nentities = [{}]\ntriggers = [{}]\nsource = {}\n",
                toml_string(&self.places[e.place].name),
                list(&ids),
                list(&e.triggers),
                toml_string(&source("events", &e.id))
            );
            let units: Vec<String> = e.units.iter().map(|u| u.to_string()).collect();
            let _ = write!(events, "\n[[event.count]]\nwhat = {}\nunits = [{}]\n", toml_string(e.what), list(&units));
            if let Some(v) = e.value {
                let _ = writeln!(events, "value = {v}");
            }
            let _ = writeln!(events, "source = {}", toml_string(&format!("{}#count", source("events", &e.id))));
        }

        vec![
            ("people.toml".to_string(), people),
            ("organizations.toml".to_string(), orgs),
            ("places.toml".to_string(), places),
            ("events.toml".to_string(), events),
        ]
    }

    /// The wrong name strings articles may use, one per line: the reference list for `rg -F -w`.
    pub fn names_list(&self) -> String {
        let mut out = String::new();
        for p in &self.people {
            if let Some((full, surname)) = &p.misspelled {
                let _ = writeln!(out, "{full}\n{surname}");
            }
            // The bare surname slip also matches inside the full near miss.
            if let Some((_, surname)) = &p.near {
                let _ = writeln!(out, "{surname}");
            }
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A figure as reported: two or three significant digits.
fn round_figure(n: u64) -> u64 {
    match n {
        0..=999 => n / 10 * 10,
        1_000..=9_999 => n / 50 * 50,
        _ => n / 100 * 100,
    }
}

/// "58,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

// ---------------------------------------------------------------------------------------------
// Text with marks: what an injected error covers, so the ground truth has its exact span.

#[derive(Debug, Clone)]
struct Mark {
    range: Range<usize>,
    code: &'static str,
    kind: &'static str,
}

#[derive(Debug, Clone, Default)]
struct Text {
    text: String,
    marks: Vec<Mark>,
}

impl Text {
    fn plain(s: &str) -> Text {
        Text { text: s.to_string(), marks: Vec::new() }
    }

    fn marked(s: &str, code: &'static str, kind: &'static str) -> Text {
        Text { text: s.to_string(), marks: vec![Mark { range: 0..s.len(), code, kind }] }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn append(&mut self, other: Text) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.marks
            .extend(other.marks.into_iter().map(|m| Mark { range: m.range.start + offset..m.range.end + offset, ..m }));
    }

    /// Marks the whole text so far (a title with its name).
    fn mark_all(&mut self, from: usize, code: &'static str, kind: &'static str) {
        self.marks.push(Mark { range: from..self.text.len(), code, kind });
    }
}

/// Fills `{name}` slots of a template; slots name pieces in `values`.
fn fill(template: &str, values: &[(&str, Text)]) -> Text {
    let mut out = Text::default();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        let name = &rest[open + 1..close];
        let value = values.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no value for {{{name}}}"));
        out.append(value.1.clone());
        rest = &rest[close + 1..];
    }
    out.push(rest);
    // Sentences start with a capital, whatever the slot put first ("former", "more than").
    if let Some(first) = out.text.chars().next() {
        if first.is_ascii_lowercase() {
            out.text.replace_range(0..1, &first.to_ascii_uppercase().to_string());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Date and count expressions

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateForm {
    Full,
    FullUs,
    MonthDay,
    Month,
    Year,
    Part,
    Yesterday,
    Tomorrow,
    LastWeek,
    NextWeek,
    LastMonth,
    NextMonth,
    LastYear,
    Weekday,
}

struct DatePhrase {
    /// "on 3 March 2025"
    text: String,
    /// The part a finding should cover: "3 March 2025".
    core: Range<usize>,
    meaning: Days,
    kind: &'static str,
}

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize]
}

/// The expression `form` for the day `x`, written on `published`, if it can say `x` (a relative
/// expression only can when `x` is where it points; a year-less day only when the nearest such
/// day to the article date is `x`).
fn date_phrase(form: DateForm, x: NaiveDate, published: NaiveDate) -> Option<DatePhrase> {
    let month = MONTHS[x.month0() as usize];
    let ago = days_between(x, published);
    let (prefix, core, meaning, kind) = match form {
        DateForm::Full => ("on ", format!("{} {month} {}", x.day(), x.year()), Days::one(x), "date-full"),
        DateForm::FullUs => ("on ", format!("{month} {}, {}", x.day(), x.year()), Days::one(x), "date-full"),
        DateForm::MonthDay if ago.abs() <= 150 => {
            ("on ", format!("{month} {}", x.day()), Days::one(x), "date-monthday")
        }
        DateForm::Month => ("in ", format!("{month} {}", x.year()), Days::month(x.year(), x.month()), "date-month"),
        DateForm::Year => ("in ", x.year().to_string(), Days::year(x.year()), "date-year"),
        DateForm::Part => {
            let (word, lo, hi) = match x.day() {
                1..=10 => ("early", 1, 10),
                11..=20 => ("mid-", 11, 20),
                _ => ("late", 21, month_end(x.year(), x.month()).day()),
            };
            let core = if word.ends_with('-') {
                format!("{word}{month} {}", x.year())
            } else {
                format!("{word} {month} {}", x.year())
            };
            ("in ", core, Days { lo: day(x.year(), x.month(), lo), hi: day(x.year(), x.month(), hi) }, "date-part")
        }
        DateForm::Yesterday if ago == 1 => ("", "yesterday".into(), Days::one(x), "date-relative"),
        DateForm::Tomorrow if ago == -1 => ("", "tomorrow".into(), Days::one(x), "date-relative"),
        DateForm::Weekday if (2..=6).contains(&ago) => {
            ("on ", weekday_name(x.weekday()).into(), Days::one(x), "date-weekday")
        }
        DateForm::LastWeek | DateForm::NextWeek => {
            let shift = if form == DateForm::LastWeek { -7 } else { 7 };
            let lo = plus(week_start(published), shift);
            let week = Days { lo, hi: plus(lo, 6) };
            if !week.contains(x) {
                return None;
            }
            let word = if shift < 0 { "last week" } else { "next week" };
            ("", word.into(), week, "date-relative")
        }
        DateForm::LastMonth | DateForm::NextMonth => {
            let (y, m) = (published.year(), published.month());
            let (ty, tm) = if form == DateForm::LastMonth {
                if m == 1 { (y - 1, 12) } else { (y, m - 1) }
            } else if m == 12 {
                (y + 1, 1)
            } else {
                (y, m + 1)
            };
            let target = Days::month(ty, tm);
            if !target.contains(x) {
                return None;
            }
            let word = if form == DateForm::LastMonth { "last month" } else { "next month" };
            ("", word.into(), target, "date-relative")
        }
        DateForm::LastYear if x.year() == published.year() - 1 => {
            ("", "last year".into(), Days::year(x.year()), "date-relative")
        }
        _ => return None,
    };
    let text = format!("{prefix}{core}");
    Some(DatePhrase { core: prefix.len()..text.len(), text, meaning, kind })
}

const PAST_FORMS: &[(DateForm, u32)] = &[
    (DateForm::Full, 20),
    (DateForm::FullUs, 15),
    (DateForm::MonthDay, 20),
    (DateForm::Month, 8),
    (DateForm::Year, 5),
    (DateForm::Part, 4),
    (DateForm::Yesterday, 8),
    (DateForm::Weekday, 8),
    (DateForm::LastWeek, 6),
    (DateForm::LastMonth, 4),
    (DateForm::LastYear, 4),
];
const FUTURE_FORMS: &[(DateForm, u32)] = &[
    (DateForm::Full, 20),
    (DateForm::FullUs, 15),
    (DateForm::MonthDay, 25),
    (DateForm::Month, 8),
    (DateForm::Year, 3),
    (DateForm::Part, 4),
    (DateForm::Tomorrow, 8),
    (DateForm::NextWeek, 8),
    (DateForm::NextMonth, 6),
];

/// A correct expression for the event's day, as written on `published`. `day_precise` asks for
/// one that names the day (so sources agreeing with each other group together).
fn correct_date(rng: &mut Rng, event: &Event, published: NaiveDate, day_precise: bool) -> DatePhrase {
    let x = event.day;
    let forms = if x < published { PAST_FORMS } else { FUTURE_FORMS };
    let feasible: Vec<(DateForm, u32)> = forms
        .iter()
        .copied()
        .filter(|(f, _)| !day_precise || matches!(f, DateForm::Full | DateForm::FullUs | DateForm::MonthDay))
        .filter(|(f, _)| date_phrase(*f, x, published).is_some_and(|p| p.meaning.meets(&event.interval())))
        .collect();
    let weights: Vec<u32> = feasible.iter().map(|(_, w)| *w).collect();
    let form = if feasible.is_empty() { DateForm::Full } else { feasible[rng.weighted(&weights)].0 };
    date_phrase(form, x, published).expect("feasible form")
}

/// A wrong expression: its meaning misses the event's dates by a clear margin, so that no
/// reasonable reading of a fuzzy expression ("late 2024", "last week") would meet them.
fn wrong_date(rng: &mut Rng, event: &Event, published: NaiveDate) -> DatePhrase {
    let target = event.interval().widened(12);
    let forms = if event.day < published { PAST_FORMS } else { FUTURE_FORMS };
    let weights: Vec<u32> = forms.iter().map(|(_, w)| *w).collect();
    for _ in 0..60 {
        let form = forms[rng.weighted(&weights)].0;
        let x = match form {
            DateForm::Yesterday => plus(published, -1),
            DateForm::Tomorrow => plus(published, 1),
            DateForm::Weekday => plus(published, -rng.between(2, 6)),
            DateForm::LastWeek => plus(week_start(published), -7 + rng.between(0, 6)),
            DateForm::NextWeek => plus(week_start(published), 7 + rng.between(0, 6)),
            DateForm::LastMonth => plus(day(published.year(), published.month(), 1), -rng.between(1, 28)),
            DateForm::NextMonth => plus(month_end(published.year(), published.month()), rng.between(1, 28)),
            DateForm::LastYear => day(published.year() - 1, rng.between(1, 12) as u32, rng.between(1, 28) as u32),
            _ => {
                let shift = rng.between(25, 400);
                plus(event.day, if rng.chance(0.5) { shift } else { -shift })
            }
        };
        if let Some(phrase) = date_phrase(form, x, published) {
            if !phrase.meaning.meets(&target) {
                return phrase;
            }
        }
    }
    let x = plus(event.interval().hi, 90);
    date_phrase(DateForm::Full, x, published).expect("a full date always reads")
}

/// What a count expression means per SPEC §5, as an interval: low and high (None: unbounded).
/// Whether a bound is open does not matter here: figures are only chosen well inside or well
/// outside.
#[derive(Debug, Clone, Copy)]
struct Count {
    lo: f64,
    hi: Option<f64>,
}

impl Count {
    /// With a margin: the value is well inside the interval (an exact figure is its own
    /// interval), so no rounding convention of an extractor can push it out.
    fn clearly_contains(&self, v: u64) -> bool {
        if self.hi == Some(self.lo) {
            return self.lo == v as f64;
        }
        let margin = (v as f64 * 0.02).max(0.5);
        let v = v as f64;
        let above = self.lo == 0.0 || v >= self.lo + margin;
        let below = self.hi.is_none_or(|h| v <= h - margin);
        above && below
    }

    /// With a margin: the value is well clear of the interval (no rounding convention of an
    /// extractor can bring it in).
    fn clearly_excludes(&self, v: u64) -> bool {
        let lo = self.lo * 0.97 - 1.0;
        let hi = self.hi.map(|h| h * 1.03 + 1.0);
        let v = v as f64;
        v < lo || hi.is_some_and(|h| v > h)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountForm {
    Exact,
    About,
    MoreThan,
    AtLeast,
    Nearly,
    UpTo,
    Between,
    Range,
    Words,
}

struct CountPhrase {
    text: String,
    kind: &'static str,
}

fn count_phrase(rng: &mut Rng, form: CountForm, n: u64, m: u64, unit: &str) -> (CountPhrase, Count) {
    let exact = Count { lo: n as f64, hi: Some(n as f64) };
    let (text, count, kind) = match form {
        CountForm::Exact => (format!("{} {unit}", grouped(n)), exact, "count-exact"),
        CountForm::About => {
            let word = rng.pick(&["about", "around", "some", "roughly", "approximately"]);
            let c = Count { lo: n as f64 * 0.9, hi: Some(n as f64 * 1.1) };
            (format!("{word} {} {unit}", grouped(n)), c, "count-about")
        }
        CountForm::MoreThan => {
            let word = rng.pick(&["more than", "over"]);
            (format!("{word} {} {unit}", grouped(n)), Count { lo: n as f64, hi: None }, "count-more-than")
        }
        CountForm::AtLeast => {
            (format!("at least {} {unit}", grouped(n)), Count { lo: n as f64, hi: None }, "count-at-least")
        }
        CountForm::Nearly => {
            let word = rng.pick(&["nearly", "almost"]);
            (format!("{word} {} {unit}", grouped(n)), Count { lo: n as f64 * 0.9, hi: Some(n as f64) }, "count-nearly")
        }
        CountForm::UpTo => {
            let word = rng.pick(&["up to", "at most"]);
            (format!("{word} {} {unit}", grouped(n)), Count { lo: 0.0, hi: Some(n as f64) }, "count-up-to")
        }
        CountForm::Between => (
            format!("between {} and {} {unit}", grouped(n), grouped(m)),
            Count { lo: n as f64, hi: Some(m as f64) },
            "count-between",
        ),
        CountForm::Range => {
            (format!("{}-{} {unit}", grouped(n), grouped(m)), Count { lo: n as f64, hi: Some(m as f64) }, "count-range")
        }
        CountForm::Words => {
            let word =
                if n == 12 && rng.chance(0.5) { "a dozen".to_string() } else { NUMBER_WORDS[n as usize].to_string() };
            (format!("{word} {unit}"), exact, "count-words")
        }
    };
    (CountPhrase { text, kind }, count)
}

/// A figure near `v` as a reporter rounds it ("about 50" for 47).
fn nice_near(v: u64) -> u64 {
    let step = match v {
        0..=30 => 5,
        31..=200 => 10,
        201..=2_000 => 50,
        2_001..=20_000 => 500,
        _ => 5_000,
    };
    ((v + step / 2) / step * step).max(1)
}

/// A correct expression of the figure `v`: its interval contains `v`.
fn correct_count(rng: &mut Rng, v: u64, unit: &str, exact_only: bool) -> CountPhrase {
    for _ in 0..20 {
        let form = if exact_only {
            CountForm::Exact
        } else {
            [
                CountForm::Exact,
                CountForm::Exact,
                CountForm::Exact,
                CountForm::About,
                CountForm::About,
                CountForm::MoreThan,
                CountForm::AtLeast,
                CountForm::Nearly,
                CountForm::UpTo,
                CountForm::Between,
                CountForm::Words,
            ][rng.below(11)]
        };
        let (n, m) = match form {
            CountForm::Exact => (v, v),
            CountForm::About => (nice_near(v), 0),
            CountForm::MoreThan | CountForm::AtLeast => (nice_near(v * 85 / 100).min(v.saturating_sub(1)).max(1), 0),
            CountForm::Nearly => (nice_near(v * 105 / 100).max(v + 1), 0),
            CountForm::UpTo => (nice_near(v * 115 / 100).max(v), 0),
            CountForm::Between | CountForm::Range => (nice_near(v * 8 / 10).min(v), nice_near(v * 12 / 10).max(v)),
            CountForm::Words if v <= 20 => (v, v),
            CountForm::Words => continue,
        };
        let (phrase, count) = count_phrase(rng, form, n, m, unit);
        if count.clearly_contains(v) {
            return phrase;
        }
    }
    count_phrase(rng, CountForm::Exact, v, v, unit).0
}

/// A wrong expression: its interval clearly excludes `v`. Number words ("twelve delegates")
/// only for small figures, and only when `words` allows them.
fn wrong_count(rng: &mut Rng, v: u64, unit: &str, words: bool) -> CountPhrase {
    for _ in 0..40 {
        let form = [
            CountForm::Exact,
            CountForm::Exact,
            CountForm::Exact,
            CountForm::About,
            CountForm::MoreThan,
            CountForm::AtLeast,
            CountForm::Nearly,
            CountForm::UpTo,
            CountForm::Between,
            CountForm::Range,
            CountForm::Words,
        ][rng.below(11)];
        let higher = rng.chance(0.6);
        let far = |rng: &mut Rng| {
            let factor = rng.between(130, 250) as u64;
            if higher { nice_near(v * factor / 100).max(v + 2) } else { nice_near(v * 100 / factor).max(1) }
        };
        let (n, m) = match form {
            CountForm::Exact => {
                let n = far(rng);
                (if n == v { v + 3 } else { n }, 0)
            }
            CountForm::About | CountForm::Nearly => (far(rng), 0),
            CountForm::MoreThan | CountForm::AtLeast => {
                (nice_near(v * rng.between(125, 200) as u64 / 100).max(v + 1), 0)
            }
            CountForm::UpTo => (nice_near(v * 100 / rng.between(130, 200) as u64).max(1), 0),
            CountForm::Between | CountForm::Range => {
                let a = far(rng);
                (a, nice_near(a * 12 / 10).max(a + 1))
            }
            CountForm::Words if !words || v > 40 => continue,
            CountForm::Words => {
                let n = rng.between(2, 20) as u64;
                if (n as f64 - v as f64).abs() < 2.0 {
                    continue;
                }
                (n, n)
            }
        };
        let (phrase, count) = count_phrase(rng, form, n, m, unit);
        if count.clearly_excludes(v) {
            return phrase;
        }
    }
    count_phrase(rng, CountForm::Exact, v * 2 + 3, 0, unit).0
}

// ---------------------------------------------------------------------------------------------
// Templates

/// Background sentences, with the typography of real copy (curly quotes and apostrophes, en and
/// em dashes: nearly every published article has some non-ASCII text). Slots: {city} {country} {org} {analyst} {n} {big} {pct} {good} {year}
/// {link}. They avoid event nouns after "the" ("the meeting", "the session"), which would make
/// a sentence refer back to an event, and units that events count (countries, delegates,
/// residents, workers, voters).
const FILLER: &[&str] = &[
    "{analyst}, an economist at the {org}, said the figures pointed to a slower recovery than officials had forecast.",
    "Prices for {good} rose by {pct} percent over the previous quarter, according to data published by the {org}.",
    "Officials in {city} said repairs to {n} kilometres of road would continue through the winter.",
    "The {org} has warned that {big} households in the region still lack a reliable supply of clean water.",
    "Residents interviewed in {city} described long queues at petrol stations and steadily rising rents.",
    "Critics argue that the plan – drawn up in haste – does little to address the underlying shortage of skilled labour.",
    "The government in {country} has not commented publicly on the proposal.",
    "Opposition lawmakers called for an independent review of the spending figures.",
    "Trading volumes on the {city} exchange fell {pct} percent in the first hour of trading.",
    "Analysts at the {org} expect growth of around {pct} percent over the coming year.",
    "A spokesperson for the {org} declined to comment on the figures.",
    "Local businesses in {city} say they have struggled to hire staff since the start of the year.",
    "The {org} said it would publish a fuller assessment once the data had been verified.",
    "Farmers near {city} reported that yields of {good} were down sharply after a dry spring.",
    "More than half of those surveyed by the {org} said they expected conditions to worsen.",
    "The proposal would see {n} new schools built across the province over the next decade.",
    "Engineers have been inspecting {n} bridges along the main rail corridor south of {city}.",
    "Shipping companies said delays at the port of {city} had added several days to delivery times.",
    "{analyst} of the {org} described the outlook as uncertain but not alarming.",
    "Public transport in {city} was disrupted for several hours on the main commuter lines.",
    "Household spending in {country} has fallen for {n} consecutive months, the {org} said.",
    "Energy bills for a typical family in {city} have risen by about {pct} percent.",
    "The central bank kept its main interest rate unchanged at {pct} percent.",
    "Hospitals in {city} reported {n} additional admissions linked to the cold weather.",
    "Construction of the new ring road around {city} is running roughly {n} months behind schedule.",
    "The {org} estimates that {big} jobs depend directly on the sector.",
    "Environmental groups have criticised the project, citing the loss of {n} hectares of wetland.",
    "Tourism revenue in {city} recovered to pre-pandemic levels for the first time — sooner than officials had expected.",
    "The region’s exporters shipped {big} tonnes of {good} last season, a record.",
    "Officials stressed that the measures were temporary and would be reviewed every {n} weeks.",
    "Some economists have questioned whether the targets can be met without new borrowing.",
    "{analyst}, who has studied the sector for years, said the reforms were overdue.",
    "The city council in {city} approved a modest increase in property taxes.",
    "Water restrictions remain in place in parts of {city} after a prolonged dry spell.",
    "Rail operators announced {n} additional services to ease overcrowding at peak hours.",
    "The {org} has called for clearer rules on how public contracts are awarded.",
    "Across {country}, inflation has eased but remains above the official target.",
    "Small firms account for roughly {pct} percent of private-sector employment in the region.",
    "Several regional newspapers in {country} have run editorials urging restraint.",
    "Police in {city} said the protest had passed off peacefully.",
    "{analyst} said the numbers should be treated with caution until revised figures are available.",
    "Officials estimate that {big} homes in {city} will need new insulation by the end of the decade.",
    "A report by the {org} found that commuting times in {city} had risen by {n} minutes on average.",
    "The ministry said a tender for {n} new ferries would be launched before the end of the year.",
    "Growers say the price of fertiliser has doubled – squeezing already thin margins.",
    "Fishing crews operating out of {city} have complained about new quota rules.",
    "The {org} said that {big} applications for support had been received so far.",
    "Credit rating agencies are expected to publish their next assessments in the coming weeks.",
    "Demand for rental housing in {city} continues to outstrip supply, agents said.",
    "The dispute has drawn attention to long-standing shortages of nurses and teachers.",
    "Officials in {country} said they were monitoring the situation “very closely”.",
    "{big} passengers passed through the airport at {city} in the busiest month on record.",
    "Investors will be watching closely for signs that consumer demand is recovering.",
    "The {org} has set aside {n} million in emergency funding for affected districts.",
    "Maintenance work on the {city} water network is expected to take {n} weeks.",
    "The agreement still needs the approval of parliament, where the governing coalition holds a narrow majority.",
    "Bus drivers in {city} have voted to accept a revised pay offer.",
    "{analyst} noted that similar programmes elsewhere had taken years to show results.",
    "Unemployment in the region stood at {pct} percent, slightly below the national average.",
    "The {org} said its members would continue to press for better working conditions.",
    "Funding for the programme was first approved in {year} and has been extended twice since.",
    "The full assessment is available on the {link}.",
    "Officials in {city} said the new timetable would take effect once testing was complete.",
    "Port authorities in {city} reported a {pct} percent rise in container traffic.",
];

/// Sentences about a person `{p}` (subject first).
const PERSON_SUBJECT: &[&str] = &[
    "{p} said the government would present a revised budget before the summer recess.",
    "{p} told reporters in {city} that discussions with the {org} were continuing.",
    "{p} rejected calls for an early vote, saying the coalition still had a working majority.",
    "{p} is expected to travel to {city} to meet representatives of the {org}.",
    "{p} has argued for closer cooperation with {country} on energy and transport.",
    "{p} declined to say whether further spending cuts were planned.",
    "{p} welcomed the decision by the {org} to release emergency funds.",
    "{p} said the priority was to restore public confidence in public institutions.",
    "{p} warned that the coming months would be difficult for households.",
    "{p} defended the reforms in a speech to business owners in {city}.",
    "Speaking in {city}, {p} said the plan would be funded without new taxes.",
];
/// Sentences ending with a person `{p}`.
const PERSON_OBJECT: &[&str] = &[
    "The plan was presented by {p}.",
    "“We will not be rushed into a decision,” said {p}.",
    "Questions about the timetable were referred to {p}.",
    "The proposal has the backing of {p}.",
    "“The figures speak for themselves,” said {p}.",
];

// ---------------------------------------------------------------------------------------------
// Articles

/// One injected error, as `truth.jsonl` records it.
#[derive(Debug, Clone, Serialize)]
pub struct Truth {
    pub path: String,
    pub code: &'static str,
    pub kind: &'static str,
    pub text: String,
    pub span: TruthSpan,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct TruthSpan {
    pub start: usize,
    pub end: usize,
}

pub struct Article {
    /// Relative to the corpus folder: "articles/000042.md".
    pub path: String,
    pub text: String,
    pub truth: Vec<Truth>,
}

/// What earlier articles said, so that a conflict between sources is injected only once a
/// majority figure exists for it to conflict with (factlint compares with the figure most
/// sources give).
#[derive(Default)]
pub struct History {
    /// Per event: sources that gave the true figure exactly.
    count_sources: Vec<u32>,
    /// Per event: sources that gave the event's day (for month-only events).
    day_sources: Vec<u32>,
    /// Per event: sources that gave the date less precisely (month, year, relative…).
    other_date_sources: Vec<u32>,
}

impl History {
    pub fn new(population: &Population) -> History {
        let n = population.events.len();
        History { count_sources: vec![0; n], day_sources: vec![0; n], other_date_sources: vec![0; n] }
    }
}

/// How a person is given a title in one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qual {
    None,
    Former,
    Outgoing,
    Elect,
}

#[derive(Debug, Clone, Copy)]
struct TitleUse {
    role: usize,
    qual: Qual,
    appos: bool,
    /// Set when the use is an injected error.
    error: Option<(&'static str, &'static str)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    Correct,
    Listed,
    Near,
}

struct Paragraph {
    text: Text,
    /// Names an event or refers back to one: never duplicated (a copy elsewhere would change
    /// which event a "the gathering" refers to).
    eventful: bool,
}

struct Writer<'a> {
    pop: &'a Population,
    rng: Rng,
    date: NaiveDate,
    /// People already named in full in this article.
    introduced: HashSet<usize>,
    /// Filler templates not yet used in this article.
    unused: Vec<usize>,
    /// Events whose date/count this article already counted in the history.
    dated: HashSet<usize>,
    counted: HashSet<usize>,
}

impl Writer<'_> {
    fn slot(&mut self, name: &str) -> Text {
        let pop = self.pop;
        let rng = &mut self.rng;
        Text::plain(&match name {
            "city" => pop.places[rng.below(pop.cities)].name.clone(),
            "country" => rng.pick(COUNTRIES).0.to_string(),
            "org" => pop.orgs[rng.below(pop.orgs.len())].name.clone(),
            "analyst" => pop.analysts[rng.below(pop.analysts.len())].0.clone(),
            "n" => rng.between(3, 95).to_string(),
            "big" => grouped(round_figure(rng.between(1_200, 95_000) as u64)),
            "pct" => format!("{}.{}", rng.between(1, 9), rng.between(0, 9)),
            "good" => rng.pick(GOODS).to_string(),
            "year" => rng.between(2012, 2022).to_string(),
            "link" => {
                let org = &pop.orgs[rng.below(pop.orgs.len())];
                format!("[{} website](https://example.org/{}/reports/{})", org.name, org.id, rng.between(100, 999))
            }
            _ => panic!("unknown slot {name}"),
        })
    }

    /// Fills the background slots of a template, plus the given pieces.
    fn sentence(&mut self, template: &str, pieces: Vec<(&str, Text)>) -> Text {
        let mut values = pieces;
        for name in ["city", "country", "org", "analyst", "n", "big", "pct", "good", "year", "link"] {
            if template.contains(&format!("{{{name}}}")) {
                let value = self.slot(name);
                values.push((name, value));
            }
        }
        fill(template, &values)
    }

    /// A filler sentence that quotes an analyst: a name no rule lists.
    fn analyst_sentence(&mut self) -> Text {
        let quoting: Vec<&str> = FILLER.iter().copied().filter(|t| t.contains("{analyst}")).collect();
        let template = *self.rng.pick(&quoting);
        self.sentence(template, Vec::new())
    }

    fn filler(&mut self) -> Text {
        if self.unused.is_empty() {
            self.unused = (0..FILLER.len()).collect();
        }
        let i = self.unused.swap_remove(self.rng.below(self.unused.len()));
        self.sentence(FILLER[i], Vec::new())
    }

    /// A title this person may be given on the article's date without any finding.
    fn fitting_title(&mut self, p: usize) -> Option<TitleUse> {
        let pop = self.pop;
        let person = &pop.people[p];
        let d = self.date;
        let mut options: Vec<(TitleUse, u32)> = Vec::new();
        for (i, role) in person.roles.iter().enumerate() {
            let appos = !role.office.appos.is_empty() && self.rng.chance(0.3);
            let plain = TitleUse { role: i, qual: Qual::None, appos, error: None };
            if role.held(d) {
                options.push((plain, 12));
                if role.until.is_some_and(|u| (1..=60).contains(&days_between(d, u))) {
                    options.push((TitleUse { qual: Qual::Outgoing, ..plain }, 4));
                }
            } else if role.until.is_some_and(|u| u <= d) {
                options.push((TitleUse { qual: Qual::Former, ..plain }, 4));
            } else if role.office.elect && (1..=90).contains(&days_between(d, role.from)) {
                options.push((TitleUse { qual: Qual::Elect, appos: false, ..plain }, 4));
            }
        }
        if options.is_empty() || self.rng.chance(0.15) {
            return None;
        }
        let weights: Vec<u32> = options.iter().map(|(_, w)| *w).collect();
        Some(options[self.rng.weighted(&weights)].0)
    }

    /// A title that is wrong on the article's date, of the kind asked for, if this person has
    /// a role that allows it. Margins keep clear of `title_grace_days` and of edge days.
    fn wrong_title(&mut self, p: usize, stale: bool) -> Option<TitleUse> {
        let pop = self.pop;
        let person = &pop.people[p];
        let d = self.date;
        let mut options: Vec<TitleUse> = Vec::new();
        for (i, role) in person.roles.iter().enumerate() {
            let has_appos = !role.office.appos.is_empty();
            let base = TitleUse { role: i, qual: Qual::None, appos: false, error: None };
            if stale {
                if role.until.is_some_and(|u| days_between(u, d) >= 5) {
                    options.push(TitleUse { error: Some(("title.stale", "stale-bare")), ..base });
                    if has_appos {
                        options.push(TitleUse { appos: true, error: Some(("title.stale", "stale-appos")), ..base });
                    }
                    options.push(TitleUse {
                        qual: Qual::Outgoing,
                        error: Some(("title.stale", "stale-outgoing")),
                        ..base
                    });
                }
                if role.held(d) && days_between(role.from, d) >= 5 {
                    options.push(TitleUse { qual: Qual::Former, error: Some(("title.stale", "stale-former")), ..base });
                }
                if role.office.elect && days_between(role.from, d) >= 5 {
                    options.push(TitleUse { qual: Qual::Elect, error: Some(("title.stale", "stale-elect")), ..base });
                }
            } else if days_between(d, role.from) >= 5 {
                options.push(TitleUse { error: Some(("title.premature", "premature-bare")), ..base });
                if has_appos {
                    options.push(TitleUse { appos: true, error: Some(("title.premature", "premature-appos")), ..base });
                }
            }
        }
        (!options.is_empty()).then(|| *self.rng.pick(&options))
    }

    /// A person as written: name (spelled as asked), with a title before or after it.
    /// `end` is true when the phrase ends the sentence (no comma after an appositive).
    fn person(&mut self, p: usize, title: Option<TitleUse>, spelling: Spelling, end: bool) -> Text {
        let pop = self.pop;
        let person = &pop.people[p];
        // A person is named in full first, then often by surname; a wrong spelling comes in
        // either shape.
        let full = match spelling {
            Spelling::Correct => !self.introduced.contains(&p) || self.rng.chance(0.3),
            _ => self.rng.chance(0.6),
        };
        self.introduced.insert(p);
        let name = match (spelling, full) {
            (Spelling::Correct, true) => Text::plain(&person.name),
            (Spelling::Correct, false) => Text::plain(&person.surname),
            (Spelling::Listed, _) => {
                let (f, s) = person.misspelled.as_ref().expect("listed misspellings");
                if full {
                    Text::marked(f, "name.misspelled", "listed-full")
                } else {
                    Text::marked(s, "name.misspelled", "listed-surname")
                }
            }
            (Spelling::Near, _) => {
                let (f, s) = person.near.as_ref().expect("a near miss");
                if full {
                    Text::marked(f, "name.unknown-variant", "near-full")
                } else {
                    Text::marked(s, "name.unknown-variant", "near-surname")
                }
            }
        };
        let Some(title) = title else { return name };
        let office = &person.roles[title.role].office;
        let qual = match title.qual {
            Qual::Former => "former ",
            Qual::Outgoing => "outgoing ",
            _ => "",
        };
        let mut out = Text::default();
        if title.appos && !office.appos.is_empty() {
            out.append(name);
            out.push(", ");
            let det = match office.country {
                Some(c) if self.rng.chance(0.5) => format!("{}'s ", COUNTRIES[c].0),
                _ => "the ".to_string(),
            };
            let body = self.rng.pick(&office.appos).clone();
            out.push(&format!("{det}{qual}{body}"));
            if let Some((code, kind)) = title.error {
                out.mark_all(0, code, kind);
            }
            if !end {
                out.push(",");
            }
        } else {
            // Nationality goes before the title and is not part of it.
            match office.country {
                Some(c) if self.rng.chance(0.35) => {
                    let (country, adjective) = COUNTRIES[c];
                    out.push(&if self.rng.chance(0.5) { format!("{country}'s ") } else { format!("{adjective} ") });
                }
                _ => {}
            }
            let start = out.text.len();
            let form = self.rng.pick(&office.before).clone();
            let elect = if title.qual == Qual::Elect { "-elect" } else { "" };
            out.push(&format!("{qual}{form}{elect} "));
            out.append(name);
            if let Some((code, kind)) = title.error {
                out.mark_all(start, code, kind);
            }
        }
        out
    }

    fn person_sentence(&mut self, p: usize, title: Option<TitleUse>, spelling: Spelling) -> Text {
        // Never "… said Mayor-elect Filine Maldarmont." at the end of a sentence: factlint
        // (at the time of writing) panics when the next sentence opens with the bare surname
        // (src/extract/title.rs slices a range that ends before it starts: the surname check
        // walks back over "Maldarmont." and "Mayor-elect" as if they were given names, making a
        // mention that overlaps the full name). Until that is fixed, such a corpus would
        // measure a crash, not a run.
        let elect = title.is_some_and(|t| t.qual == Qual::Elect);
        let at_end = !elect && self.rng.chance(0.3);
        let phrase = self.person(p, title, spelling, at_end);
        let template = if at_end { *self.rng.pick(PERSON_OBJECT) } else { *self.rng.pick(PERSON_SUBJECT) };
        self.sentence(template, vec![("p", phrase)])
    }

    /// "In 2019, Finance Minister Tomas Dravenko launched …": a title true in the year the
    /// sentence speaks of, whatever it is on the article's date.
    fn anchored_sentence(&mut self, p: usize) -> Option<Text> {
        let pop = self.pop;
        let person = &pop.people[p];
        let d = self.date;
        let years: Vec<(usize, i32)> = person
            .roles
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                (r.from.year() + 1..d.year())
                    .filter(move |y| r.from <= day(*y, 1, 1) && r.until.is_none_or(|u| u > day(*y, 12, 31)))
                    .map(move |y| (i, y))
            })
            .collect();
        if years.is_empty() {
            return None;
        }
        let (role, year) = *self.rng.pick(&years);
        let phrase = self.person(
            p,
            Some(TitleUse { role, qual: Qual::None, appos: false, error: None }),
            Spelling::Correct,
            false,
        );
        let template = self.rng.choose(&[
            "In {year}, {p} launched a review of public spending.",
            "In {year}, {p} oversaw the reorganisation of the department.",
        ]);
        Some(fill(template, &[("year", Text::plain(&year.to_string())), ("p", phrase)]))
    }

    /// "Dravenko served as Minister of Finance of Portugal from 2016 to 2020." (no title claim:
    /// the title follows the name without a comma.)
    fn career_sentence(&mut self, p: usize) -> Option<Text> {
        let pop = self.pop;
        let person = &pop.people[p];
        let role = person.roles.iter().find(|r| r.until.is_some_and(|u| u < self.date))?;
        let until = role.until?;
        Some(Text::plain(&format!(
            "{} served as {} from {} to {}.",
            person.surname,
            role.office.title,
            role.from.year(),
            until.year()
        )))
    }

    /// A person of the event (or anyone) with a title that fits today, as an actor.
    fn actor(&mut self, event: &Event) -> Text {
        let p = if !event.entities.is_empty() && self.rng.chance(0.8) {
            *self.rng.pick(&event.entities)
        } else {
            self.rng.below(self.pop.people.len())
        };
        let title = self.fitting_title(p).map(|t| TitleUse { appos: false, ..t });
        self.person(p, title, Spelling::Correct, false)
    }

    /// A sentence giving the event's date (correct, wrong against the rules, or a different day
    /// than other sources when the rules know only the month).
    fn date_sentence(&mut self, history: &mut History, e: usize, mode: DateMode) -> Text {
        let pop = self.pop;
        let event = &pop.events[e];
        let past = event.day < self.date;
        let trigger = self.rng.pick(&event.triggers).clone();
        let phrase = match mode {
            DateMode::Correct => {
                // Month-only events are mostly given to the day, so that the day is the figure
                // most sources give.
                let precise = matches!(event.when, When::Month(..)) && self.rng.chance(0.85);
                correct_date(&mut self.rng, event, self.date, precise)
            }
            DateMode::WrongRule => wrong_date(&mut self.rng, event, self.date),
            DateMode::WrongSources => {
                let (y, m) = (event.day.year(), event.day.month());
                let last = month_end(y, m).day() as i64;
                let mut x = event.day;
                for _ in 0..20 {
                    let candidate = day(y, m, self.rng.between(1, last) as u32);
                    if days_between(candidate, event.day).abs() >= 3 {
                        x = candidate;
                        break;
                    }
                }
                let form = if (days_between(x, self.date)).abs() <= 150 && self.rng.chance(0.5) {
                    DateForm::MonthDay
                } else {
                    DateForm::Full
                };
                let mut p = date_phrase(form, x, self.date).expect("day forms read");
                p.kind = "date-vs-sources";
                p
            }
        };
        if mode == DateMode::Correct && !self.dated.contains(&e) {
            self.dated.insert(e);
            if phrase.meaning == Days::one(event.day) {
                history.day_sources[e] += 1;
            } else {
                history.other_date_sources[e] += 1;
            }
        }
        let mut date = Text::plain(&phrase.text);
        if mode != DateMode::Correct {
            date.marks.push(Mark { range: phrase.core.clone(), code: "date.conflict", kind: phrase.kind });
        }
        let spans = matches!(event.when, When::Span(..));
        let template: &str = match (event.kind, past) {
            (EventKind::Floods, true) => "{actor} toured districts hit by the {t}, which began {d}.",
            (EventKind::Strike, true) => "{actor} urged both sides to end the {t}, which began {d}.",
            (EventKind::Election, true) => {
                self.rng.choose(&["The {t} was held {d}.", "{actor} cast a ballot in the {t} {d}."])
            }
            (EventKind::Accord, true) => self.rng.choose(&["{actor} signed the {t} {d}.", "The {t} was signed {d}."]),
            (_, true) if spans => "The {t} began {d}.",
            (_, true) => self.rng.choose(&[
                "The {t} took place {d}.",
                "{actor} spoke at the {t} {d}.",
                "{actor} opened the {t} {d}.",
            ]),
            (_, false) => self.rng.choose(&[
                "The {t} is scheduled to begin {d}.",
                "{actor} is expected to attend the {t} {d}.",
                "Preparations are under way for the {t}, which is due to start {d}.",
            ]),
        };
        let actor = if template.contains("{actor}") { self.actor(event) } else { Text::default() };
        fill(template, &[("actor", actor), ("t", Text::plain(&trigger)), ("d", date)])
    }

    /// A sentence giving the event's figure; `back` refers back to the event named just before
    /// ("The gathering drew …") instead of naming it.
    fn count_sentence(&mut self, history: &mut History, e: usize, mode: CountMode, back: bool) -> Text {
        let pop = self.pop;
        let event = &pop.events[e];
        let unit = *self.rng.pick(event.units);
        let reference = event.value.unwrap_or(event.truth);
        let phrase = match mode {
            // Without a figure in the rules, sources are compared with each other: correct
            // articles give the exact figure, so that it is the one most sources give.
            CountMode::Correct => correct_count(&mut self.rng, event.truth, unit, event.value.is_none()),
            CountMode::WrongRule => wrong_count(&mut self.rng, reference, unit, true),
            CountMode::WrongSources => {
                // Digits only: this kind measures the comparison between sources, not the
                // reading of number words (which `count-words` measures).
                let mut p = wrong_count(&mut self.rng, event.truth, unit, false);
                p.kind = "count-vs-sources";
                p
            }
        };
        if mode == CountMode::Correct && event.value.is_none() && self.counted.insert(e) {
            history.count_sources[e] += 1;
        }
        let count = if mode == CountMode::Correct {
            Text::plain(&phrase.text)
        } else {
            Text::marked(&phrase.text, "count.conflict", phrase.kind)
        };
        let trigger = self.rng.pick(&event.triggers).clone();
        let template: &str = if back {
            match event.kind {
                EventKind::Accord => "The ceremony was attended by representatives of {c}.",
                EventKind::Conference => "The gathering drew {c}, organisers said.",
                _ => "The gathering brought together representatives of {c}.",
            }
        } else {
            match event.kind {
                EventKind::Summit => self.rng.choose(&[
                    "Delegations from {c} attended the {t}.",
                    "The {t} brought together representatives of {c}.",
                    "Organisers said {c} had sent delegations to the {t}.",
                ]),
                EventKind::Conference => {
                    self.rng.choose(&["{c} registered for the {t}, organisers said.", "The {t} drew {c}."])
                }
                EventKind::Floods => self.rng.choose(&[
                    "{c} were evacuated during the {t}.",
                    "Officials said {c} had been moved to shelters during the {t}.",
                ]),
                EventKind::Strike => {
                    self.rng.choose(&["{c} took part in the {t}.", "The {t} involved {c}, union officials said."])
                }
                EventKind::Election => {
                    self.rng.choose(&["{c} were registered to take part in the {t}.", "The {t} saw {c} cast ballots."])
                }
                EventKind::Accord => {
                    self.rng.choose(&["Representatives of {c} signed the {t}.", "The {t} was signed by {c}."])
                }
            }
        };
        fill(template, &[("c", count), ("t", Text::plain(&trigger))])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateMode {
    Correct,
    WrongRule,
    WrongSources,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountMode {
    Correct,
    WrongRule,
    WrongSources,
}

/// How often each error is injected, per article.
const P_LISTED: f64 = 0.10;
const P_NEAR: f64 = 0.07;
const P_STALE: f64 = 0.07;
const P_PREMATURE: f64 = 0.03;
const P_WRONG_DATE: f64 = 0.06;
const P_DATE_SOURCES: f64 = 0.02;
const P_COUNT_RULE: f64 = 0.05;
const P_COUNT_SOURCES: f64 = 0.03;
const P_DUPLICATE: f64 = 0.04;

const SUBHEADINGS: &[&str] = &["## Background", "## What comes next", "## Reaction", "## The numbers", "## Context"];

impl Population {
    pub fn article_path(index: usize) -> String {
        format!("articles/{index:06}.md")
    }

    /// Article `index`, given what the articles before it left in `history`.
    pub fn article(&self, index: usize, history: &mut History, shape: Shape) -> Article {
        let mut rng = Rng::stream(self.seed, STREAM_ARTICLE, index as u64);
        let kind = rng.weighted(&[55, 30, 15]); // event report, profile, roundup
        let main_event = rng.below(self.events.len());
        let date = match kind {
            0 => {
                let x = self.events[main_event].day;
                match rng.weighted(&[70, 15, 15]) {
                    0 => plus(x, rng.between(1, 10)),
                    1 => plus(x, rng.between(11, 400)),
                    _ => plus(x, -rng.between(2, 20)),
                }
            }
            _ => random_day(&mut rng, articles_from(), articles_to()),
        };
        let outlet = *rng.pick(OUTLETS);
        let mut w = Writer {
            pop: self,
            rng,
            date,
            introduced: HashSet::new(),
            unused: Vec::new(),
            dated: HashSet::new(),
            counted: HashSet::new(),
        };

        // Key sentences, each with the paragraph it goes in (0 = lede).
        let mut keys: Vec<(usize, Text, bool)> = Vec::new();
        let paragraphs = 5 + w.rng.below(4);
        let people = self.people.len();

        // Which errors this article carries.
        let listed = w.rng.chance(P_LISTED);
        let near = w.rng.chance(P_NEAR);
        let stale = w.rng.chance(P_STALE);
        let premature = w.rng.chance(P_PREMATURE);
        let wrong_date = w.rng.chance(P_WRONG_DATE);
        let date_sources = w.rng.chance(P_DATE_SOURCES);
        let count_rule = w.rng.chance(P_COUNT_RULE);
        let count_sources = w.rng.chance(P_COUNT_SOURCES);
        let duplicate = w.rng.chance(P_DUPLICATE);

        let title_text = match kind {
            0 => {
                let e = main_event;
                let event = &self.events[e];
                let mode = if wrong_date { DateMode::WrongRule } else { DateMode::Correct };
                let s = w.date_sentence(history, e, mode);
                keys.push((0, s, true));
                let count_mode =
                    if count_rule && event.value.is_some() { CountMode::WrongRule } else { CountMode::Correct };
                let back = w.rng.chance(0.3)
                    && matches!(event.kind, EventKind::Summit | EventKind::Conference | EventKind::Accord);
                let s = w.count_sentence(history, e, count_mode, back);
                keys.push((if back { 0 } else { 1 + w.rng.below(2) }, s, true));
                // The event's people speak.
                for &p in &event.entities.clone() {
                    let title = w.fitting_title(p);
                    let s = w.person_sentence(p, title, Spelling::Correct);
                    keys.push((1 + w.rng.below(2), s, false));
                }
                match w.rng.below(3) {
                    0 => format!("{}: what we know", event.name),
                    1 => format!("Officials take stock after {}", event.name),
                    _ => format!("{} in focus", event.name),
                }
            }
            1 => {
                let p = w.rng.below(people);
                let title = w.fitting_title(p);
                let s = w.person_sentence(p, title, Spelling::Correct);
                keys.push((0, s, false));
                if let Some(s) = w.career_sentence(p) {
                    keys.push((1, s, false));
                }
                if let Some(s) = w.anchored_sentence(p) {
                    keys.push((2, s, false));
                }
                for _ in 0..2 {
                    let title = w.fitting_title(p);
                    let s = w.person_sentence(p, title, Spelling::Correct);
                    keys.push((1 + w.rng.below(paragraphs - 1), s, false));
                }
                format!("{} under pressure over spending plans", self.people[p].name)
            }
            _ => {
                let first = main_event;
                let second = w.rng.below(self.events.len());
                for (i, e) in [first, second].into_iter().enumerate() {
                    let mode = if wrong_date && i == 0 { DateMode::WrongRule } else { DateMode::Correct };
                    let s = w.date_sentence(history, e, mode);
                    keys.push((i * 2, s, true));
                    let event = &self.events[e];
                    let count_mode = if count_rule && i == 0 && event.value.is_some() {
                        CountMode::WrongRule
                    } else {
                        CountMode::Correct
                    };
                    if w.rng.chance(0.6) || count_mode != CountMode::Correct {
                        let s = w.count_sentence(history, e, count_mode, false);
                        keys.push((i * 2 + 1, s, true));
                    }
                }
                format!("Week in review: {} and {}", self.events[first].name, self.events[second].name)
            }
        };
        // A wrong date or figure the article's own event could not carry goes with another.
        let event_count = self.events.len();
        if wrong_date && kind == 1 {
            let e = w.rng.below(event_count);
            let s = w.date_sentence(history, e, DateMode::WrongRule);
            keys.push((1 + w.rng.below(paragraphs - 1), s, true));
        }
        if count_rule && !keys.iter().any(|(_, t, _)| t.marks.iter().any(|m| m.code == "count.conflict")) {
            for _ in 0..30 {
                let e = w.rng.below(event_count);
                if self.events[e].value.is_some() {
                    let s = w.count_sentence(history, e, CountMode::WrongRule, false);
                    keys.push((1 + w.rng.below(paragraphs - 1), s, true));
                    break;
                }
            }
        }
        if count_sources {
            // Only against a figure that is already the majority: at least two sources gave it.
            for _ in 0..30 {
                let e = w.rng.below(event_count);
                if self.events[e].value.is_none() && history.count_sources[e] >= 2 && !w.counted.contains(&e) {
                    let s = w.count_sentence(history, e, CountMode::WrongSources, false);
                    keys.push((1 + w.rng.below(paragraphs - 1), s, true));
                    break;
                }
            }
        }
        if date_sources {
            for _ in 0..30 {
                let e = w.rng.below(event_count);
                let majority =
                    history.day_sources[e] >= 2 && history.day_sources[e] > history.other_date_sources[e] + 1;
                if matches!(self.events[e].when, When::Month(..)) && majority && !w.dated.contains(&e) {
                    let s = w.date_sentence(history, e, DateMode::WrongSources);
                    keys.push((1 + w.rng.below(paragraphs - 1), s, true));
                    break;
                }
            }
        }
        if listed {
            for _ in 0..50 {
                let p = w.rng.below(people);
                if self.people[p].misspelled.is_some() {
                    let title = w.fitting_title(p);
                    let s = w.person_sentence(p, title, Spelling::Listed);
                    keys.push((w.rng.below(paragraphs), s, false));
                    break;
                }
            }
        }
        if near {
            for _ in 0..50 {
                let p = w.rng.below(people);
                if self.people[p].near.is_some() {
                    let title = w.fitting_title(p);
                    let s = w.person_sentence(p, title, Spelling::Near);
                    keys.push((w.rng.below(paragraphs), s, false));
                    break;
                }
            }
        }
        for (wanted, is_stale) in [(stale, true), (premature, false)] {
            if !wanted {
                continue;
            }
            for _ in 0..60 {
                let p = w.rng.below(people);
                if let Some(title) = w.wrong_title(p, is_stale) {
                    let s = w.person_sentence(p, Some(title), Spelling::Correct);
                    keys.push((w.rng.below(paragraphs), s, false));
                    break;
                }
            }
        }
        // Other people in the news, correctly named.
        for _ in 0..1 + w.rng.below(3) {
            let p = w.rng.below(people);
            let title = w.fitting_title(p);
            let s = w.person_sentence(p, title, Spelling::Correct);
            keys.push((1 + w.rng.below(paragraphs - 1), s, false));
        }

        // A denser article: more of the same claims, all of them right, and unknown names; four
        // of each for every step of density, about what an article of density 1 holds.
        for _ in 0..(shape.density - 1) * 4 {
            let p = w.rng.below(people);
            let s = if w.rng.chance(shape.unknown) {
                w.analyst_sentence()
            } else {
                let title = w.fitting_title(p);
                w.person_sentence(p, title, Spelling::Correct)
            };
            keys.push((1 + w.rng.below(paragraphs - 1), s, false));
            let e = w.rng.below(event_count);
            let s = w.date_sentence(history, e, DateMode::Correct);
            keys.push((1 + w.rng.below(paragraphs - 1), s, true));
            let e = w.rng.below(event_count);
            let s = w.count_sentence(history, e, CountMode::Correct, false);
            keys.push((1 + w.rng.below(paragraphs - 1), s, true));
        }

        // Paragraphs: key sentences where asked, filler around them up to the article's size.
        let target = (4_500 + w.rng.below(2_100)) * shape.length / 100;
        let per_paragraph = target / paragraphs;
        let mut body: Vec<Paragraph> = Vec::new();
        for index in 0..paragraphs {
            let mut text = Text::default();
            let mut eventful = false;
            let mut sentences: Vec<Text> = Vec::new();
            for (_, sentence, names_event) in keys.iter().filter(|(at, _, _)| *at == index) {
                eventful |= *names_event;
                sentences.push(sentence.clone());
            }
            let mut length: usize = sentences.iter().map(|s| s.text.len() + 1).sum();
            // Filler goes before and after the key sentences, never between an event sentence
            // and the sentence referring back to it.
            let mut before = Vec::new();
            let mut after = Vec::new();
            while length < per_paragraph.saturating_sub(60) {
                let s = w.filler();
                length += s.text.len() + 1;
                if w.rng.chance(0.4) { before.push(s) } else { after.push(s) }
            }
            for s in before.into_iter().chain(sentences).chain(after) {
                if !text.text.is_empty() {
                    text.push(" ");
                }
                text.append(s);
            }
            body.push(Paragraph { text, eventful });
        }
        // A copied paragraph (a paste gone wrong): only one with nothing else to report.
        let mut duplicated: Option<(usize, usize)> = None;
        if duplicate {
            let clean: Vec<usize> =
                (0..body.len()).filter(|&i| !body[i].eventful && body[i].text.marks.is_empty()).collect();
            if !clean.is_empty() {
                let from = *w.rng.pick(&clean);
                let to = from + 1 + w.rng.below(body.len() - from);
                duplicated = Some((from, to));
            }
        }
        if let Some((from, to)) = duplicated {
            let mut copy = Text::plain(&body[from].text.text);
            copy.marks.push(Mark { range: 0..copy.text.len(), code: "draft.duplicate-paragraph", kind: "duplicate" });
            body.insert(to, Paragraph { text: copy, eventful: false });
        }
        if w.rng.chance(0.5) && body.len() > 3 {
            let at = 2 + w.rng.below(body.len() - 2);
            let heading = *w.rng.pick(SUBHEADINGS);
            body.insert(at, Paragraph { text: Text::plain(heading), eventful: false });
        }

        // The file: front matter, then paragraphs separated by blank lines.
        let path = Self::article_path(index);
        let mut text = String::with_capacity(target + 512);
        let _ = write!(text, "---\npublished: {date}\noutlet: \"{outlet}\"\ntitle: \"{title_text}\"\n---\n\n");
        let mut truth = Vec::new();
        for (i, paragraph) in body.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            let offset = text.len();
            text.push_str(&paragraph.text.text);
            for mark in &paragraph.text.marks {
                let span = TruthSpan { start: offset + mark.range.start, end: offset + mark.range.end };
                truth.push(Truth {
                    path: path.clone(),
                    code: mark.code,
                    kind: mark.kind,
                    text: text[span.start..span.end].to_string(),
                    span,
                });
            }
        }
        text.push('\n');
        truth.sort_by_key(|t| (t.span.start, t.span.end));
        Article { path, text, truth }
    }
}

/// A whole corpus in memory (for the benches): rule files and articles.
pub struct Corpus {
    pub rules: Vec<(String, String)>,
    pub articles: Vec<Article>,
    pub names: String,
}

pub fn generate(options: Options) -> Corpus {
    let population = Population::new(options.seed, options.people);
    let mut history = History::new(&population);
    let articles = (0..options.articles).map(|i| population.article(i, &mut history, options.shape)).collect();
    Corpus { rules: population.rules(), names: population.names_list(), articles }
}
