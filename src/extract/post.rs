//! Social posts embedded in an article: a tweet or X post quoted whole, signed
//! "— Name (@handle) August 19, 2025". Its words are the poster's, not the article's: the names
//! and titles in it are not the article's claims.

use std::ops::Range;

use crate::lexicon;

/// The embedded posts of `text`: each the paragraph that holds a signature, with the paragraph
/// before it when the signature stands alone. `paragraphs` are in text order.
pub fn embedded_posts(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut posts: Vec<Range<usize>> = Vec::new();
    for (at, _) in text.match_indices("(@") {
        let Some(end) = signature_end(&text[at..]).map(|n| at + n) else { continue };
        let i = paragraphs.partition_point(|p| p.end <= at);
        let Some(paragraph) = paragraphs.get(i).filter(|p| p.start <= at) else { continue };
        // The name, after a dash, is all the signature's paragraph holds before the handle.
        let alone = text[paragraph.start..at].trim_start().starts_with(['—', '–', '-', '―']);
        let start = match i.checked_sub(1) {
            Some(previous) if alone => paragraphs[previous].start,
            _ => paragraph.start,
        };
        let end = end.max(paragraph.end);
        match posts.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => posts.push(start..end),
        }
    }
    posts
}

/// The length of a signature's tail, "(@handle) August 19, 2025", at the start of `rest`: a
/// handle, then a date opening with a month or a day ("19 August 2025").
fn signature_end(rest: &str) -> Option<usize> {
    let handle = rest[2..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map(|n| n + 2)?;
    if handle == 2 || !rest[handle..].starts_with(')') {
        return None;
    }
    let after = &rest[handle + 1..];
    let date = after.trim_start();
    let mut words = date.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next()?;
    let month = |w: &str| lexicon::month_number(&w.to_lowercase()).is_some();
    let dated = month(first) || (first.bytes().all(|b| b.is_ascii_digit()) && words.next().is_some_and(month));
    dated.then(|| rest.len() - date.len() + date.find('\n').unwrap_or(date.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::paragraphs;

    #[test]
    fn posts_are_found_by_their_signature() {
        let table: [(&str, &[&str]); 5] = [
            (
                "Before.\n\nTalks went well today. pic.twitter.com/abc\n\n— Jan Kowal (@jkowal) August 19, 2025\n\nAfter.",
                &["Talks went well today. pic.twitter.com/abc\n\n— Jan Kowal (@jkowal) August 19, 2025"],
            ),
            (
                "Before.\n\nTalks went well. — Jan Kowal (@jkowal_2) 19 August 2025\n\nAfter.",
                &["Talks went well. — Jan Kowal (@jkowal_2) 19 August 2025"],
            ),
            // A handle without a date is no signature: "contact us (@desk) for more".
            ("Write to the desk (@desk) for more.", &[]),
            ("Write to (@) today, August 1.", &[]),
            ("It was posted by (@jkowal) Sept. 3, 2025", &["It was posted by (@jkowal) Sept. 3, 2025"]),
        ];
        for (text, expected) in table {
            let found: Vec<&str> = embedded_posts(text, &paragraphs(text)).into_iter().map(|r| &text[r]).collect();
            assert_eq!(found, expected, "{text}");
        }
    }
}
