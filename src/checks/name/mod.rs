//! `name.*`: how people and organisations are spelled.

pub mod cross_source;
pub mod inconsistent;
pub mod misspelled;
pub mod unknown_variant;

use crate::kb::KnowledgeBase;
use crate::text::{fold, strip_possessive};
pub(crate) use crate::text::{given_name, surname, written_surname};

/// A replacement written in the same case style as the text it replaces ("UMAROV" → "UMEROV").
pub(crate) fn in_case_of(written: &str, replacement: &str) -> String {
    if written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase) {
        replacement.to_uppercase()
    } else {
        replacement.to_string()
    }
}

/// Is a written name listed in `[names] distinct`, whole or by its surname? "Johnston" there
/// covers "Boris Johnston" too.
pub(crate) fn is_distinct(kb: &KnowledgeBase, written: &str) -> bool {
    // Most rules list none: then nothing is folded.
    !kb.distinct.is_empty()
        && (kb.distinct.contains(&fold(strip_possessive(written))) || kb.distinct.contains(&surname(written)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn distinct_names_cover_full_names_with_that_surname() {
        let rules = "[names]\ndistinct = [\"Johnston\", \"Ewa Nowak\"]\n";
        let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", rules)]).unwrap();
        let table = [
            ("Johnston", true),
            ("Johnston's", true),
            ("Boris Johnston", true),
            ("JOHNSTON", true),
            ("Ewa Nowak", true),
            ("Nowak", false),
            ("Adam Nowak", false),
            ("Johnson", false),
        ];
        for (written, expected) in table {
            assert_eq!(is_distinct(&kb, written), expected, "{written}");
        }
    }
}
