//! Names compared across accents, scripts and transliterations.
//!
//! Three readings of a written name, each coarser than the last: its *plain* form (lower case,
//! accents dropped, Cyrillic romanised by a table), in which "Díaz" and "Diaz" are one spelling;
//! its *skeleton* (the spellings transliterations differ by read alike, by a second table), in
//! which "Zelenskyy", "Zelenskiy" and "Зеленский" meet; and its Double Metaphone codes, a
//! phonetic key beside Jaro-Winkler for near misses. Given names add a third table of
//! equivalents ("Vladimir" and "Volodymyr", "Steve" and "Steven"). All three tables are data,
//! read once.

use std::sync::LazyLock;

use rphonetic::DoubleMetaphone;
use rustc_hash::FxHashMap;

use crate::text::fold;

/// `letter latin [ukrainian]` lines.
static ROMANISATION: &str = include_str!("../data/romanisation.txt");
/// `spelling reading` lines.
static TRANSLITERATION: &str = include_str!("../data/transliteration.txt");
/// A group of equivalent given names to a line.
static GIVEN_NAMES: &str = include_str!("../data/given-names.txt");
static ALTERNATES: &str = include_str!("../data/transliteration-alternates.txt");

/// The lines of a data file that are not comments or blank, split into words.
fn data_lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
}

/// Each letter's Latin reading, and its Ukrainian one where that differs.
static LETTERS: LazyLock<FxHashMap<char, (&'static str, Option<&'static str>)>> = LazyLock::new(|| {
    let none = |s: &'static str| if s == "-" { "" } else { s };
    data_lines(ROMANISATION)
        .filter_map(|words| {
            let letter = words[0].chars().next()?;
            Some((letter, (none(words.get(1)?), words.get(2).map(|s| none(s)))))
        })
        .collect()
});

/// Rewrites for the skeleton, the longest spelling first.
static REWRITES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut rewrites: Vec<_> = data_lines(TRANSLITERATION).filter_map(|w| Some((w[0], *w.get(1)?))).collect();
    rewrites.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    rewrites
});

/// Each given name → the groups it is in.
static GIVEN_NAME_GROUPS: LazyLock<FxHashMap<&'static str, Vec<u16>>> = LazyLock::new(|| {
    let mut groups: FxHashMap<&str, Vec<u16>> = FxHashMap::default();
    for (group, names) in data_lines(GIVEN_NAMES).enumerate() {
        for name in names {
            groups.entry(name).or_default().push(group as u16);
        }
    }
    groups
});

/// Codes up to eight letters: long surnames differ past the fourth.
static METAPHONE: LazyLock<DoubleMetaphone> = LazyLock::new(|| DoubleMetaphone::new(Some(8)));

/// A plain name as another language's transliteration may mean it: each letter group of
/// `data/transliteration-alternates.txt` read the other way ("arachamija" → "arakhamija").
pub fn alternate_readings(plain: &str) -> impl Iterator<Item = String> + '_ {
    static PAIRS: LazyLock<Vec<(&'static str, &'static str)>> =
        LazyLock::new(|| data_lines(ALTERNATES).filter_map(|w| Some((w[0], *w.get(1)?))).collect());
    PAIRS.iter().filter(|(from, _)| plain.contains(from)).map(|(from, to)| plain.replace(from, to))
}

/// `LANG spelling reading` lines.
static CONVENTIONS: &str = include_str!("../data/romanisation-conventions.txt");

/// One language's rewrites: (spelling, reading, at a word's start only), longest first.
type Convention = Vec<(&'static str, &'static str, bool)>;

/// The plain readings of a Latin name as the romanisations of other newsrooms may mean it
/// (`data/romanisation-conventions.txt`): the name itself first, then one reading per
/// language whose rewrites change it ("selenskyj" → "zelenskyj").
pub fn foreign_readings(plain: &str) -> Vec<String> {
    static LANGUAGES: LazyLock<Vec<Convention>> = LazyLock::new(|| {
        let mut languages: Vec<(&str, Convention)> = Vec::new();
        for words in data_lines(CONVENTIONS) {
            let [language, spelling, reading] = words[..] else { continue };
            let rewrite = match spelling.strip_prefix('^') {
                Some(spelling) => (spelling, reading, true),
                None => (spelling, reading, false),
            };
            match languages.iter_mut().find(|(l, _)| *l == language) {
                Some((_, rewrites)) => rewrites.push(rewrite),
                None => languages.push((language, vec![rewrite])),
            }
        }
        languages
            .into_iter()
            .map(|(_, mut rewrites)| {
                rewrites.sort_by_key(|(spelling, _, _)| std::cmp::Reverse(spelling.len()));
                rewrites
            })
            .collect()
    });
    let mut readings = vec![plain.to_string()];
    for rewrites in LANGUAGES.iter() {
        let reading = rewrite(plain, rewrites);
        if !readings.contains(&reading) {
            readings.push(reading);
        }
    }
    readings
}

/// `plain` with one language's rewrites applied, the longest spelling first at each place.
fn rewrite(plain: &str, rewrites: &Convention) -> String {
    let mut out = String::with_capacity(plain.len() + 4);
    let mut rest = plain;
    while let Some(c) = rest.chars().next() {
        let word_start = out.is_empty() || out.ends_with(' ');
        let applies = |&&(spelling, _, at_start): &&(&str, &str, bool)| {
            rest.starts_with(spelling)
                && (!at_start || (word_start && rest[spelling.len()..].starts_with(['a', 'e', 'i', 'o', 'u', 'y'])))
        };
        match rewrites.iter().find(applies) {
            Some((spelling, reading, _)) => {
                out.push_str(reading);
                rest = &rest[spelling.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

pub fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The name folded, its accents dropped and any Cyrillic romanised (the Russian reading, see
/// [`plain_readings`] for both): "Erdoğan" → "erdogan", "Зеленский" → "zelenskiy".
pub fn plain(text: &str) -> String {
    read(text, false)
}

/// The plain readings of a name: one, or for Cyrillic with letters read apart in Ukrainian
/// ("Гончаренко": "goncharenko", "honcharenko"), two.
pub fn plain_readings(text: &str) -> Vec<String> {
    let first = read(text, false);
    let ukrainian = read(text, true);
    if ukrainian == first { vec![first] } else { vec![first, ukrainian] }
}

/// A Latin name without its accents, its case kept: "Díaz" → "Diaz", "Łukasz" → "Lukasz".
/// Other scripts are left as they are.
pub fn without_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match LETTERS.get(&lower) {
            Some(&(latin, _)) if c.is_alphabetic() && !has_cyrillic(c.encode_utf8(&mut [0; 4])) => {
                if c.is_uppercase() {
                    out.extend(latin.chars().take(1).flat_map(char::to_uppercase));
                    out.push_str(latin.get(1..).unwrap_or(""));
                } else {
                    out.push_str(latin);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn read(text: &str, ukrainian: bool) -> String {
    let folded = fold(text);
    if folded.is_ascii() {
        return folded;
    }
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        match LETTERS.get(&c) {
            Some(&(latin, other)) => out.push_str(if ukrainian { other.unwrap_or(latin) } else { latin }),
            None => out.push(c),
        }
    }
    out
}

/// The name as transliterations of it read alike (see `data/transliteration.txt`), from its plain
/// form: "zelenskyy", "zelenskiy" and "zelenskij" are all "zelenski". Apostrophes and hyphens
/// are dropped.
pub fn skeleton(plain: &str) -> String {
    let mut rewritten = String::with_capacity(plain.len());
    let mut rest = plain;
    while let Some(c) = rest.chars().next() {
        match REWRITES.iter().find(|(from, _)| rest.starts_with(from)) {
            Some((from, to)) => {
                rewritten.push_str(to);
                rest = &rest[from.len()..];
            }
            None => {
                if !matches!(c, '\'' | '’' | '-' | '.') {
                    rewritten.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    let mut out = String::with_capacity(rewritten.len());
    for c in rewritten.chars().map(|c| if c == 'y' { 'i' } else { c }) {
        if !out.ends_with(c) || c == ' ' {
            out.push(c);
        }
    }
    out
}

/// Whether two plain names share a Double Metaphone code, primary or alternate.
pub fn sounds_alike(a: &str, b: &str) -> bool {
    let (a, b) = (METAPHONE.double_metaphone(a), METAPHONE.double_metaphone(b));
    let (a, b) = ([a.primary(), a.alternate()], [b.primary(), b.alternate()]);
    a.iter().any(|code| !code.is_empty() && b.contains(code))
}

/// Whether two given names are one name by the table: each an accepted spelling of it, in a
/// language or as a short form ("Vladimir", "Volodymyr"; "Steve", "Steven").
pub fn equivalent_given_names(a: &str, b: &str) -> bool {
    let (a, b) = (plain(a), plain(b));
    a == b
        || GIVEN_NAME_GROUPS
            .get(a.as_str())
            .zip(GIVEN_NAME_GROUPS.get(b.as_str()))
            .is_some_and(|(a, b)| a.iter().any(|group| b.contains(group)))
}

/// Whether two given names may be one person's: equivalents by the table, or spelled alike
/// but for transliteration ("Volodimir", "Volodymyr").
pub fn same_given_name(a: &str, b: &str) -> bool {
    equivalent_given_names(a, b) || skeleton(&plain(a)) == skeleton(&plain(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drops_accents_and_romanises() {
        let table = [
            ("Díaz", "diaz"),
            ("Erdoğan", "erdogan"),
            ("Macrón", "macron"),
            ("Łukasz Wałęsa", "lukasz walesa"),
            ("Зеленский", "zelenskiy"),
            ("Шевченко", "shevchenko"),
            ("Умеров", "umerov"),
            ("Witkoff", "witkoff"),
        ];
        for (written, expected) in table {
            assert_eq!(plain(written), expected, "{written}");
        }
        assert_eq!(without_accents("Recep Erdoğan, Łukasz, ÉMILE"), "Recep Erdogan, Lukasz, EMILE");
        assert_eq!(without_accents("Зеленский"), "Зеленский");
        assert_eq!(plain_readings("Гончаренко"), ["goncharenko", "honcharenko"]);
        assert_eq!(plain_readings("Зеленський"), ["zelenskiy", "zelenskyy"]);
    }

    #[test]
    fn transliterations_of_one_name_share_a_skeleton() {
        // Groups of spellings: alike within a group, apart across groups.
        let groups: &[&[&str]] = &[
            &["Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyi", "Zelenskij", "Зеленский", "Зеленський"],
            &["Volodymyr", "Volodimir", "Wolodymyr"],
            &["Khodorkovsky", "Hodorkovskiy"],
            &["Shevchenko", "Chevtchenko", "Schewtschenko"],
            &["Witkoff", "Witkof", "Whitkoff"],
            &["Yermak", "Jermak"],
            &["Kyiv", "Kiiv"],
            &["Johnson"],
            &["Johnston"],
            &["Umerov", "Умеров", "Oumerov"],
            &["Umarov"],
        ];
        let key = |name: &str| skeleton(&plain(name));
        for (i, group) in groups.iter().enumerate() {
            for name in group.iter() {
                assert_eq!(key(name), key(group[0]), "{name} ~ {}", group[0]);
            }
            for other in &groups[i + 1..] {
                assert_ne!(key(group[0]), key(other[0]), "{} !~ {}", group[0], other[0]);
            }
        }
    }

    #[test]
    fn phonetic_codes() {
        let table = [
            ("witkoff", "whitkoff", true),
            ("zelenskyy", "zelensky", true),
            ("umerov", "umarov", true),
            ("johnson", "johnston", false),
            ("umerov", "witkoff", false),
        ];
        for (a, b, expected) in table {
            assert_eq!(sounds_alike(a, b), expected, "{a} ~ {b}");
        }
    }

    #[test]
    fn given_name_equivalents() {
        let table = [
            ("vladimir", "volodymyr", true),
            ("kirill", "kyrylo", true),
            ("sergey", "serhii", true),
            ("serhiy", "serhii", true),
            ("andrey", "andriy", true),
            ("oleksandr", "alexander", true),
            ("mykhailo", "mikhail", true),
            ("dmitry", "dmytro", true),
            ("yuri", "yurii", true),
            ("steve", "steven", true),
            ("stephen", "steven", true),
            ("mike", "michael", true),
            ("bill", "william", true),
            ("bob", "robert", true),
            ("joe", "joseph", true),
            ("alex", "aleksei", true),
            ("Володимир", "volodymyr", true),
            ("volodimir", "volodymyr", true),
            // Different names, however alike.
            ("michael", "mikhail", false),
            ("steven", "stefan", false),
            ("john", "joseph", false),
            ("oleksandr", "aleksei", false),
        ];
        for (a, b, expected) in table {
            assert_eq!(same_given_name(a, b), expected, "{a} ~ {b}");
        }
        // Equivalent by the table, or only spelled alike.
        let table = [("Steve", "Steven", true), ("Vladimir", "Volodymyr", true), ("Volodimir", "Volodymyr", false)];
        for (a, b, expected) in table {
            assert_eq!(equivalent_given_names(a, b), expected, "{a} ~ {b}");
        }
    }
}
