//! `name.*`: how people and organisations are spelled.

pub mod cross_source;
pub mod inconsistent;
pub mod misspelled;
mod similar;
pub mod unknown_variant;

use crate::text::{fold, strip_possessive};

/// The surname of a written name, folded: its last word, without a possessive.
pub(crate) fn surname(written: &str) -> String {
    fold(strip_possessive(written.split_whitespace().next_back().unwrap_or(written)))
}

/// The given name of a written name with two or more words, folded.
pub(crate) fn given_name(written: &str) -> Option<String> {
    let words: Vec<&str> = written.split_whitespace().collect();
    (words.len() > 1).then(|| fold(words[0]))
}

/// A replacement written in the same case style as the text it replaces ("UMAROV" → "UMEROV").
pub(crate) fn in_case_of(written: &str, replacement: &str) -> String {
    if written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase) {
        replacement.to_uppercase()
    } else {
        replacement.to_string()
    }
}
