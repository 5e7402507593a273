//! Reading articles: front matter, Markdown and HTML masking, JSONL corpora, on arbitrary bytes.
//! Every paragraph, sentence and mapped span lies on character boundaries inside its file.
#![no_main]

use factlint::input::{Format, Loaded, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl][usize::from(selector % 4)];
    let sources = match load("fuzz", bytes, format, None) {
        Loaded::Articles(sources) | Loaded::Partial(sources, _, _) => sources,
        Loaded::Binary(_) => return,
    };
    for source in &sources {
        // A corpus line, or a text decoded from UTF-16 or UTF-32, is not the stored bytes.
        assert!(source.file.text.len() == bytes.len() || format == Format::Jsonl || source.decoded_from.is_some());
        for sentence in &source.sentences {
            let span = source.span(sentence.range.clone());
            assert!(span.end <= source.file.text.len());
            assert!(source.file.text.is_char_boundary(span.start) && source.file.text.is_char_boundary(span.end));
        }
        for suppression in &source.suppressions {
            assert!(suppression.covers.end <= source.file.text.len());
        }
    }
});
