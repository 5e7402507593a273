//! Paragraphs and sentences of a masked text.
//!
//! Articles come in two layouts: blocks separated by blank lines (Markdown, wrapped text), and
//! one paragraph per line (text pasted from the web, where a line runs for hundreds of
//! characters). A text with any line over [`LONG_LINE`] bytes is read the second way; nothing
//! hard-wrapped has such lines.

use std::ops::Range;

/// A line this long is never a soft-wrapped part of a paragraph.
const LONG_LINE: usize = 160;

/// A sentence: its byte range in the text and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = start..end;
        start = end + 1;
        Some(line)
    })
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// Paragraph ranges, trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let line_per_paragraph = lines(text).any(|l| l.len() > LONG_LINE);
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines(text) {
        let line = trimmed(text, line);
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        // A Markdown heading or list item stands alone even without a blank line around it.
        let content = &text[line.clone()];
        let own_line = line_per_paragraph || content.starts_with('#') || is_list_item(content);
        if own_line {
            out.extend(current.take());
        }
        match &mut current {
            Some(paragraph) => paragraph.end = line.end,
            None => current = Some(line.clone()),
        }
        if own_line {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

fn is_list_item(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let marker = rest.len() < line.len() && (rest.starts_with(". ") || rest.starts_with(") "));
    marker || line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")
}

/// Sentence ranges, each inside one paragraph.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let mut start = paragraph.start;
        let slice = &text[paragraph.clone()];
        // '.', '!' and '?' are ASCII, never part of another character: found a byte at a time.
        let mut from = 0;
        while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &slice.as_bytes()[from..]) {
            let i = from + found;
            let c = char::from(slice.as_bytes()[i]);
            // Closing quotes and brackets belong to the sentence they close.
            let closing = slice[i + 1..]
                .char_indices()
                .find(|&(_, next)| !matches!(next, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '.' | '!' | '?'))
                .map_or(slice.len() - i - 1, |(j, _)| j);
            let end = i + 1 + closing;
            from = end;
            let after = &slice[end..];
            let rest = after.trim_start();
            let spaced = rest.len() < after.len();
            let starts_sentence =
                rest.chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'([".contains(n));
            if !spaced
                || !starts_sentence
                || (c == '.' && (is_abbreviation(&slice[..i]) || is_ordinal_day(&slice[..i], rest)))
            {
                continue;
            }
            let absolute_end = paragraph.start + end;
            out.push(Sentence { range: start..absolute_end, paragraph: index });
            start = paragraph.start + end + (after.len() - rest.len());
        }
        if start < paragraph.end {
            out.push(Sentence { range: start..paragraph.end, paragraph: index });
        }
    }
    out
}

/// Is the full stop after `before` that of a day written as an ordinal before its month, as
/// German writes dates ("am 12. Dezember")?
fn is_ordinal_day(before: &str, rest: &str) -> bool {
    let day = before.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or_default();
    let digits_only = before.len() == day.len() || before[..before.len() - day.len()].ends_with([' ', '(', '\n']);
    if !(1..=2).contains(&day.len()) || !digits_only {
        return false;
    }
    let month = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default().to_lowercase();
    crate::lexicon::month_number(&month).is_some() || crate::lexicon::foreign_month_number(&month).is_some()
}

/// Does the text before a full stop end with an abbreviation or an initial ("J.")?
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        // A hyphen too: "then-U.S." ends in an abbreviation.
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    // "U.S" before the final dot is a dotted abbreviation.
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
    initial || dotted || crate::lexicon::is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        sentences(text, &paragraphs).into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn blocks_or_lines_make_paragraphs() {
        let blocks = "# Title\nFirst line\nwrapped here.\n\nSecond.\n- item\n";
        let got: Vec<&str> = paragraphs(blocks).into_iter().map(|r| &blocks[r]).collect();
        assert_eq!(got, ["# Title", "First line\nwrapped here.", "Second.", "- item"]);

        let long = "x".repeat(200);
        let lines = format!("Heading\n{long}\n{long}\n");
        assert_eq!(paragraphs(&lines).len(), 3);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        assert_eq!(
            sentence_texts("U.S. President Donald J. Trump met Mr. Umerov on Jan. 3. Talks went well! “Yes.” Then"),
            ["U.S. President Donald J. Trump met Mr. Umerov on Jan. 3.", "Talks went well!", "“Yes.”", "Then"]
        );
        assert_eq!(
            sentence_texts("It was then-U.S. Secretary of State Antony Blinken. Next"),
            ["It was then-U.S. Secretary of State Antony Blinken.", "Next"]
        );
        assert_eq!(sentence_texts("It rose 2.5 percent. ok. Next"), ["It rose 2.5 percent. ok.", "Next"]);
        assert_eq!(
            sentence_texts("Four Democrats, Sens. John Fetterman and Mark Kelly, voted yes. Gen. (Ret.) Smith agreed."),
            ["Four Democrats, Sens. John Fetterman and Mark Kelly, voted yes.", "Gen. (Ret.) Smith agreed."]
        );
        // A German ordinal day before its month; a count before a sentence is no day.
        assert_eq!(
            sentence_texts("Die Gespräche am 12. Dezember und am 3. Januar. Es kamen 12. Dezember war kalt."),
            ["Die Gespräche am 12. Dezember und am 3. Januar.", "Es kamen 12. Dezember war kalt."]
        );
        assert_eq!(sentence_texts("Es kamen 120. Dezember fiel Schnee."), ["Es kamen 120.", "Dezember fiel Schnee."]);
    }
}
