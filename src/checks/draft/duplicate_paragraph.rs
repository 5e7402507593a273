use std::collections::hash_map::Entry;
use std::hash::Hasher;

use rustc_hash::FxHashMap;

use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use crate::finding::{Finding, Location};

declare_check! {
    /// ## What it flags
    /// A paragraph that appears twice in one source (white space and case aside), when it has
    /// at least `duplicate_min_words` words (default 8), so repeated bylines and labels are not
    /// reported.
    ///
    /// ## Why
    /// Duplicated paragraphs are the mark of a paste gone wrong or of a scraped page; they also
    /// repeat every other finding inside them.
    ///
    /// ## Example
    /// The same "Kyiv, Ukraine – January 6, 2026 – National security advisors …" paragraph at
    /// the top of the story and again after the first section.
    DuplicateParagraph, "draft.duplicate-paragraph", Warning, "the same paragraph appears twice in one source"
}

impl Check for DuplicateParagraph {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        // Paragraphs by a hash of their first and last words (case and white space aside): two
        // copies share them, and most paragraphs are then read no further. Paragraphs whose ends
        // repeat are hashed whole, each once, and compared word by word only with those of the
        // same hash: many paragraphs with the same ends (a template's) would otherwise be
        // compared each with all before it.
        let mut ends: FxHashMap<u64, Option<usize>> = FxHashMap::default();
        let mut whole: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let paragraph_text = |index: usize| &source.text[source.paragraphs[index].clone()];
        for (index, paragraph) in source.paragraphs.iter().enumerate() {
            let text = &source.text[paragraph.clone()];
            match ends.entry(ends_hash(text)) {
                Entry::Vacant(entry) => {
                    // The first with these ends: hashed whole only if another one comes.
                    entry.insert(Some(index));
                    continue;
                }
                Entry::Occupied(mut entry) => {
                    if let Some(first) = entry.get_mut().take() {
                        whole.entry(words_hash(paragraph_text(first))).or_default().push(first);
                    }
                }
            }
            let earlier = whole.entry(words_hash(text)).or_default();
            if !earlier.is_empty() && text.split_whitespace().count() < cx.settings.duplicate_min_words {
                continue;
            }
            let same = earlier.iter().copied().find(|&e| same_words(paragraph_text(e), text));
            match same {
                None => earlier.push(index),
                Some(earlier) => {
                    let original = Location::new(&source.file, source.span(source.paragraphs[earlier].clone()));
                    let (line, _) = original.line_col();
                    out.push(
                        Finding::new(
                            Self::INFO.code,
                            Self::INFO.default_severity,
                            Location::new(&source.file, source.span(paragraph.clone())),
                            format!("this paragraph repeats the one on line {line}"),
                        )
                        .label("repeated paragraph")
                        .related(original, "first here")
                        .help("delete one of the copies"),
                    );
                }
            }
        }
    }
}

/// The words of a text, lower-case.
fn lower_words(text: &str) -> impl DoubleEndedIterator<Item = impl Iterator<Item = char> + '_> + '_ {
    text.split_whitespace().map(|w| w.chars().flat_map(char::to_lowercase))
}

/// Words at each end of a paragraph that [`ends_hash`] reads.
const END_WORDS: usize = 3;

/// A hash of all the words of a text, lower-case.
fn words_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for word in lower_words(text) {
        word.for_each(|c| hasher.write_u32(u32::from(c)));
        hasher.write_u8(0);
    }
    hasher.finish()
}

/// A hash of a text's first and last few words, lower-case.
fn ends_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for word in lower_words(text).take(END_WORDS).chain(lower_words(text).rev().take(END_WORDS)) {
        word.for_each(|c| hasher.write_u32(u32::from(c)));
        hasher.write_u8(0);
    }
    hasher.finish()
}

fn same_words(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (lower_words(a), lower_words(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !x.eq(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}
