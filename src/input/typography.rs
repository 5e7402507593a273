//! Typography folded once, for every reader: no-break, thin and other fixed-width spaces become
//! a space, typographic apostrophes and quotes their plain forms, non-breaking hyphens a hyphen,
//! and soft hyphens and zero-width characters disappear. "President‑elect", "Rustam Umarov"
//! with a no-break space and "Zelenskyʼs" are then read as they are meant.
//!
//! The folded text is a derived text like decoded HTML: an [`OffsetMap`] keeps spans pointing
//! at the stored bytes. Text with nothing to fold (most of it) is returned as it is.

use crate::source::OffsetMap;

/// The plain form of a typographic character: `Some("")` to drop it, `None` to keep it.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => "",
        '\u{2010}' | '\u{2011}' => "-",
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => "\"",
        _ => return None,
    })
}

/// `text` with its typography folded, and the map from the folded text to the stored file
/// (through `map`, the map from `text` to the file).
pub fn fold(text: String, map: OffsetMap) -> (String, OffsetMap) {
    // Every character folded is outside ASCII: plain ASCII text is left alone in one pass.
    if text.is_ascii() || !text.chars().any(|c| plain(c).is_some()) {
        return (text, map);
    }
    let mut folded = String::with_capacity(text.len());
    let mut to_text = OffsetMap::identity();
    let mut verbatim_from = 0;
    for (at, c) in text.char_indices().filter(|&(_, c)| !c.is_ascii()) {
        let Some(replacement) = plain(c) else { continue };
        folded.push_str(&text[verbatim_from..at]);
        to_text.push(verbatim_from, at - verbatim_from, at - verbatim_from);
        folded.push_str(replacement);
        to_text.push(at, replacement.len(), c.len_utf8());
        verbatim_from = at + c.len_utf8();
    }
    folded.push_str(&text[verbatim_from..]);
    to_text.push(verbatim_from, text.len() - verbatim_from, text.len() - verbatim_from);
    (folded, to_text.then(&map))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded text and, for each given piece of it, the stored bytes its span covers.
    fn folded(stored: &str, pieces: &[&str]) -> (String, Vec<String>) {
        let (text, map) = fold(stored.to_string(), OffsetMap::identity());
        let spans = pieces
            .iter()
            .map(|piece| {
                let at = text.find(piece).expect("piece in folded text");
                stored[map.span(at..at + piece.len()).range()].to_string()
            })
            .collect();
        (text, spans)
    }

    #[test]
    fn typography_is_read_plain_and_spans_keep_the_stored_bytes() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // stored, folded, a piece of the folded text, the stored bytes under it
            (
                "President\u{2011}elect Donald Trump",
                "President-elect Donald Trump",
                "President-elect",
                "President\u{2011}elect",
            ),
            ("Rustam\u{a0}Umarov spoke", "Rustam Umarov spoke", "Rustam Umarov", "Rustam\u{a0}Umarov"),
            ("Zelensky\u{2bc}s plan", "Zelensky's plan", "plan", "plan"),
            ("“Kyiv’s” view", "\"Kyiv's\" view", "Kyiv's", "Kyiv’s"),
            ("Wit\u{ad}koff met", "Witkoff met", "Witkoff", "Wit\u{ad}koff"),
            ("15\u{202f}000 troops", "15 000 troops", "troops", "troops"),
            ("plain text", "plain text", "text", "text"),
        ];
        for &(stored, want, piece, under) in cases {
            let (text, spans) = folded(stored, &[piece]);
            assert_eq!(text, want, "{stored:?}");
            assert_eq!(spans, [under], "{stored:?}");
        }
    }

    #[test]
    fn folding_composes_with_a_decoding_map() {
        // file: "<b>Umerov</b>&rsquo;s" decoded to "Umerov’s", then folded to "Umerov's".
        let file = "<b>Umerov</b>&rsquo;s";
        let mut map = OffsetMap::identity();
        map.push(3, 6, 6); // "Umerov"
        map.push(13, 3, 7); // "’" stands for "&rsquo;"
        map.push(20, 1, 1); // "s"
        let (text, map) = fold("Umerov’s".to_string(), map);
        assert_eq!(text, "Umerov's");
        assert_eq!(&file[map.span(0..8).range()], "Umerov</b>&rsquo;s");
        assert_eq!(&file[map.span(6..7).range()], "&rsquo;");
        assert_eq!(&file[map.span(7..8).range()], "s");
    }
}
