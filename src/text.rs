//! Small text helpers shared by extraction and rule compilation: word tokens with byte offsets,
//! word boundaries, and the normal forms names and titles are compared in.

use std::borrow::Cow;

use crate::lexicon;

/// A word with its byte range in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper-case: "NATO", "NSDC", "U.S.".
    pub fn is_acronym(&self) -> bool {
        // Most words asked are capitalised ones: their second letter answers.
        self.text.chars().all(|c| !c.is_lowercase()) && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Words: runs of letters and digits, joined across an apostrophe, hyphen or dot that has a
/// letter or digit on both sides ("O'Brien", "President-elect", "U.S"), and keeping the final dot
/// of a dotted abbreviation ("U.S.").
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let c = char_at(text, pos)?;
            pos += c.len_utf8();
            if c.is_alphanumeric() {
                break pos - c.len_utf8();
            }
        };
        let mut end = text.len();
        let mut dotted = false;
        while let Some(c) = char_at(text, pos) {
            let i = pos;
            if c.is_alphanumeric() {
                pos += c.len_utf8();
                continue;
            }
            let joiner = is_apostrophe(c) || c == '-' || c == '.';
            if joiner && char_at(text, i + c.len_utf8()).is_some_and(char::is_alphanumeric) {
                dotted |= c == '.';
                pos += c.len_utf8();
                continue;
            }
            end = i;
            // "U.S." keeps its last dot: every part before it is a single letter (after any
            // hyphen: "then-U.S.").
            let last = text[start..i].rsplit('-').next().unwrap_or_default();
            if c == '.' && dotted && last.split('.').all(|p| p.chars().count() == 1) {
                pos += 1;
                end = i + 1;
            }
            break;
        }
        Some(Word { start, end, text: &text[start..end] })
    })
}

/// The character at byte `pos` (a character boundary), ASCII without decoding.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[pos..].chars().next(),
    }
}

/// True when no letter or digit touches `start..end` from outside.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Removes a possessive ending: "Ukraine's" → "Ukraine", "allies’" → "allies".
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// The form names are compared in: lower-case, one kind of apostrophe, single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Most names: lower-cased in place, not a char at a time.
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase));
        }
    }
    out
}

/// An ASCII word lower-cased into `buf`, for lookups that must not allocate; `None` when it is
/// longer than `buf` or not ASCII (no word looked up so is). A word already in lower case, as
/// most are, is returned as it is.
pub fn ascii_lower<'a>(word: &'a str, buf: &'a mut [u8]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    // One pass: asked of most capitalised words of every article.
    let buf = &mut buf[..bytes.len()];
    let mut upper = false;
    for (to, &b) in buf.iter_mut().zip(bytes) {
        if !b.is_ascii() {
            return None;
        }
        upper |= b.is_ascii_uppercase();
        *to = b.to_ascii_lowercase();
    }
    if upper { std::str::from_utf8(buf).ok() } else { Some(word) }
}

/// `word.to_lowercase()`, borrowed when it is already in lower case (most words of prose are),
/// so that reading the words around a number allocates only for capitalised ones.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// `word.to_ascii_lowercase()`, borrowed when that changes nothing.
pub fn ascii_lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The largest char boundary of `text` at or before `offset` (at most its length).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The surname of a written name, folded (see [`written_surname`]).
pub fn surname(written: &str) -> String {
    fold(written_surname(written))
}

/// The surname as written: the last word, without a possessive, or the word before a
/// generational suffix or regnal number ("Oleh Kostiuk's" → "Kostiuk", "Robert F. Kennedy
/// Jr." → "Kennedy", "Queen Elizabeth II" → "Elizabeth").
pub fn written_surname(written: &str) -> &str {
    let mut words = written.split_whitespace().rev().map(strip_possessive);
    let last = words.next().unwrap_or(written);
    match words.next() {
        Some(before) if lexicon::is_generational_suffix(last) => before,
        _ => last,
    }
}

/// The given name of a written name with two or more words, folded.
pub fn given_name(written: &str) -> Option<String> {
    let words: Vec<&str> = written.split_whitespace().collect();
    (words.len() > 1).then(|| fold(words[0]))
}

/// The form titles are compared in, applied alike to a title in an article and to a role's
/// forms: lower-case, without articles, nationality words, dots and plural endings, and with one
/// spelling of "defence". "Ukraine's Defence Ministers" and "defense minister" share a key.
pub fn title_key(text: &str) -> Vec<String> {
    let mut key = Vec::new();
    // Words, a hyphen or dash parting them too ("President-elect").
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—')).filter(|w| !w.is_empty()) {
        let word = fold(word);
        let bare = strip_possessive(&word);
        if bare.is_empty() || matches!(bare, "the" | "a" | "an") || lexicon::is_country(bare) {
            continue;
        }
        let mut normal = if bare.len() < word.len() && word.ends_with("'s") {
            // A possessive inside a title ("President's Office") is part of it.
            format!("{bare}'s")
        } else if bare.contains('.') {
            bare.replace('.', "")
        } else {
            bare.to_string()
        };
        if normal == "defence" {
            normal = "defense".to_string();
        } else if normal == "presidential" {
            // "presidential press secretary" is the "press secretary of the president".
            normal = "president".to_string();
        } else {
            normal.truncate(singular(&normal).len());
        }
        key.push(normal);
    }
    // "Minister of Defence of Ukraine" loses its country, and with it the last "of".
    while key.last().is_some_and(|w| matches!(w.as_str(), "of" | "for" | "in")) {
        key.pop();
    }
    key
}

/// "countries" and "country", "nations" and "nation" name the same thing.
pub fn same_noun(a: &str, b: &str) -> bool {
    let singular = |w: &str| match w.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => w.strip_suffix('s').unwrap_or(w).to_string(),
    };
    a == b || singular(a) == singular(b)
}

/// A word without the article or preposition French elides into it: "l’ancien" → "ancien",
/// "d'Ukraine" → "Ukraine". Other words are returned as they are.
pub fn strip_elision(word: &str) -> &str {
    let mut chars = word.char_indices();
    match (chars.next(), chars.next(), chars.next()) {
        (Some((_, 'l' | 'L' | 'd' | 'D')), Some((_, '\'' | '’')), Some((at, c))) if c.is_alphabetic() => &word[at..],
        _ => word,
    }
}

/// A word without its plural "s", as title keys are written: "étrangères" → "étrangère".
pub fn singular(word: &str) -> &str {
    if word.len() > 4 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("'s") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).map(|w| w.text).collect()
    }

    #[test]
    fn words_join_names_and_abbreviations() {
        assert_eq!(
            texts("U.S. President-elect Donald Trump's O’Brien, 15-20 e.g. done."),
            ["U.S.", "President-elect", "Donald", "Trump's", "O’Brien", "15-20", "e.g.", "done"]
        );
        assert_eq!(texts("end. Next"), ["end", "Next"]);
        assert_eq!(texts("then-U.S. envoy, pre-war."), ["then-U.S.", "envoy", "pre-war"]);
        assert_eq!(texts("—"), Vec::<&str>::new());
    }

    #[test]
    fn surnames_skip_generational_suffixes() {
        for (written, expected) in [
            ("Rishi Sunak", "sunak"),
            ("Sunak's", "sunak"),
            ("Queen Elizabeth II", "elizabeth"),
            ("Robert F. Kennedy Jr.", "kennedy"),
            ("King Charles III's", "charles"),
            ("II", "ii"),
        ] {
            assert_eq!(surname(written), expected, "{written}");
        }
    }

    #[test]
    fn whole_words_allow_possessives_and_punctuation() {
        let text = "Umerov's and Umerovich";
        assert!(is_whole_word(text, 0, 6));
        assert!(!is_whole_word(text, 13, 19));
    }

    #[test]
    fn nouns_in_either_number() {
        assert!(same_noun("countries", "country") && same_noun("nations", "nation") && !same_noun("states", "nations"));
    }

    #[test]
    fn title_keys_ignore_nationality_articles_and_spelling() {
        assert_eq!(title_key("Ukraine's Defence Ministers"), ["defense", "minister"]);
        assert_eq!(title_key("defense minister"), ["defense", "minister"]);
        assert_eq!(title_key("U.S. Secretary of the Army"), ["secretary", "of", "army"]);
        assert_eq!(title_key("head of the Ukrainian president’s office"), ["head", "of", "president's", "office"]);
        assert_eq!(title_key("President-elect"), ["president", "elect"]);
    }
}
