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
        // Paragraphs by the hash of their words (case and white space aside); a hash that repeats
        // is then compared word by word, so nothing is copied for paragraphs seen once.
        let mut seen: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (index, paragraph) in source.paragraphs.iter().enumerate() {
            let text = &source.text[paragraph.clone()];
            let (hash, words) = normalised_hash(text);
            if words < cx.settings.duplicate_min_words {
                continue;
            }
            let earlier = seen.entry(hash).or_default();
            let same = earlier.iter().copied().find(|&e| same_words(&source.text[source.paragraphs[e].clone()], text));
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
fn lower_words(text: &str) -> impl Iterator<Item = impl Iterator<Item = char> + '_> + '_ {
    text.split_whitespace().map(|w| w.chars().flat_map(char::to_lowercase))
}

/// The hash of a text's words, lower-case, and how many words it has.
fn normalised_hash(text: &str) -> (u64, usize) {
    // Every paragraph of every article is hashed, so a byte at a time with no buffer: ASCII
    // bytes as they are, other characters decoded and lower-cased. A rotate and an exclusive or
    // per byte, a multiplication per word.
    let bytes = text.as_bytes();
    let (mut hash, mut word, mut words, mut in_word) = (0u64, 0u64, 0, false);
    let mut end_word = |word: &mut u64, in_word: &mut bool| {
        if *in_word {
            hash = (hash.rotate_left(5) ^ *word).wrapping_mul(0x517c_c1b7_2722_0a95);
            words += 1;
        }
        (*word, *in_word) = (0, false);
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // The ASCII white space of `char::is_whitespace`.
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                end_word(&mut word, &mut in_word);
            } else {
                word = word.rotate_left(5) ^ u64::from(b.to_ascii_lowercase());
                in_word = true;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() {
            end_word(&mut word, &mut in_word);
            continue;
        }
        let mut utf8 = [0; 4];
        for lower in c.to_lowercase() {
            for &b in lower.encode_utf8(&mut utf8).as_bytes() {
                word = word.rotate_left(5) ^ u64::from(b);
            }
        }
        in_word = true;
    }
    end_word(&mut word, &mut in_word);
    (hash, words)
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
