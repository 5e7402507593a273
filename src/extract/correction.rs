//! Correction notices: "Correction: An earlier version of this story misspelled the name of
//! …". A notice quotes the errors it corrects beside the right forms, so nothing in it is the
//! article's claim. The words that mark a notice are data (`data/correction-notices.txt`).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::text::floor_char_boundary;

struct NoticeWords {
    /// Lower case: the word a notice opens with.
    labels: Vec<&'static str>,
    /// The phrases that mark a notice anywhere in a paragraph.
    phrases: AhoCorasick,
}

fn notice_words() -> &'static NoticeWords {
    static WORDS: OnceLock<NoticeWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut labels = Vec::new();
        let mut phrases = Vec::new();
        let entries = include_str!("../../data/correction-notices.txt").lines().filter(|l| !l.starts_with('#'));
        for (kind, words) in entries.filter_map(|line| line.split_once(' ')) {
            match kind {
                "label" => labels.push(words),
                "phrase" => phrases.push(words),
                other => panic!("data/correction-notices.txt: unknown kind {other:?}"),
            }
        }
        let phrases = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(phrases)
            .expect("data/correction-notices.txt: the phrases build an automaton");
        NoticeWords { labels, phrases }
    })
}

/// How many paragraphs at each end of an article may hold a notice: newsrooms put them at the
/// top or the foot of the story, so the middle of the text is not read for them.
const ENDS: usize = 3;

/// How far into a paragraph a notice's phrase is looked for.
const OPENING: usize = 240;

/// The correction notices of `text`: whole paragraphs. `paragraphs` are in text order.
pub fn correction_notices(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let words = notice_words();
    let head = paragraphs.len().min(ENDS);
    let tail = paragraphs.len().saturating_sub(ENDS).max(head);
    paragraphs[..head]
        .iter()
        .chain(&paragraphs[tail..])
        .filter(|p| {
            let paragraph = &text[(*p).clone()];
            // A notice says what it is in its first sentence.
            let opening = &paragraph[..floor_char_boundary(paragraph, OPENING)];
            opens_with_label(paragraph, &words.labels) || words.phrases.is_match(opening)
        })
        .cloned()
        .collect()
}

/// Whether `paragraph` opens with a label, after any emphasis or bracket, and the label is
/// followed by a colon or a dash: "**Correction:**", "[CORRECTION — Jan. 28]".
fn opens_with_label(paragraph: &str, labels: &[&str]) -> bool {
    let opening = paragraph.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most paragraphs open with no label's first letter: nothing is lower-cased for them.
    let first = opening.chars().next().and_then(|c| c.to_lowercase().next());
    if !labels.iter().any(|label| label.chars().next() == first) {
        return false;
    }
    let lower = opening[..floor_char_boundary(opening, 48)].to_lowercase();
    labels.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '*', '_', '\u{a0}']);
            rest.starts_with([':', '—', '–', '-', '('])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::paragraphs;

    #[test]
    fn notices_are_found_by_their_label_or_their_phrase() {
        let table: [(&str, &[&str]); 8] = [
            (
                "Talks ended.\n\nCorrection: An earlier version misspelled the envoy's name.",
                &["Correction: An earlier version misspelled the envoy's name."],
            ),
            ("**CORRECTION** — The summit was on Jan. 6.\n\nNext.", &["**CORRECTION** — The summit was on Jan. 6."]),
            (
                "Talks ended.\n\nAn earlier version of this story gave the wrong date for the summit.",
                &["An earlier version of this story gave the wrong date for the summit."],
            ),
            (
                "Поправка: в первоначальной версии текста была допущена ошибка.\n\nДалее.",
                &["Поправка: в первоначальной версии текста была допущена ошибка."],
            ),
            (
                "In einer früheren Version dieses Artikels hieß es fälschlich, der Gipfel sei am 7. Januar.",
                &["In einer früheren Version dieses Artikels hieß es fälschlich, der Gipfel sei am 7. Januar."],
            ),
            // A correction spoken of in the news is no notice.
            ("The ministry issued a correction to its figures on Monday.", &[]),
            ("Corrections officers went on strike.", &[]),
            // A label must end its phrase: "Clarifications were sought" is a sentence.
            ("Clarification was sought from the ministry.", &[]),
        ];
        for (text, expected) in table {
            let found: Vec<&str> = correction_notices(text, &paragraphs(text)).into_iter().map(|r| &text[r]).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
