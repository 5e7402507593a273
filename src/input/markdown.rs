//! Markdown and plain text: front matter, and masking of what is not prose.
//!
//! Masked bytes become spaces (newlines stay), so the masked text has the file's length and
//! every offset in it is an offset in the file.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{Meta, Suppression, parse_meta_date};
use crate::source::{FileRef, Span};

/// Reads a Markdown article: metadata from front matter, the masked prose, the suppressions.
pub fn read(file: &FileRef) -> (String, Meta, Vec<Suppression>) {
    let text = &file.text;
    let mut masked = text.as_bytes().to_vec();
    let (meta, front) = front_matter(text);
    if let Some(front) = front {
        blank(&mut masked, front);
    }
    let mut comments = Vec::new();
    for range in non_prose(text) {
        if text[range.clone()].starts_with("<!--") {
            comments.push(range.clone());
        }
        blank(&mut masked, range);
    }
    let masked = String::from_utf8(masked).unwrap_or_else(|_| unreachable!("only whole characters are blanked"));
    let suppressions = comments
        .into_iter()
        .filter_map(|range| {
            let inner = text[range.clone()].trim_start_matches("<!--").trim_end_matches("-->");
            directive(inner).map(|codes| (codes, range.end))
        })
        .map(|(codes, after)| Suppression { codes, covers: next_paragraph(&masked, after) })
        .collect();
    (masked, meta, suppressions)
}

/// Plain text: URLs are masked, and `factlint-ignore: CODE` lines are directives.
pub fn mask_plain(text: &str) -> (String, Vec<Suppression>) {
    let mut masked = text.as_bytes().to_vec();
    for m in url_pattern().find_iter(text) {
        blank(&mut masked, m.range());
    }
    let mut directives = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.trim_end().len();
        start += line.len();
        if let Some(rest) = line.trim().strip_prefix("factlint-ignore") {
            let rest = rest.trim_start_matches(':');
            if let Some(codes) = directive(&format!("factlint-ignore {rest}")) {
                blank(&mut masked, range.clone());
                directives.push((codes, range.end));
            }
        }
    }
    let masked = String::from_utf8(masked).unwrap_or_else(|_| unreachable!("only whole characters are blanked"));
    let suppressions = directives
        .into_iter()
        .map(|(codes, after)| Suppression { codes, covers: next_paragraph(&masked, after) })
        .collect();
    (masked, suppressions)
}

/// `factlint-ignore CODE, CODE` → the codes (empty: all).
pub(super) fn directive(inner: &str) -> Option<Vec<String>> {
    let rest = inner.trim().strip_prefix("factlint-ignore")?;
    if !(rest.is_empty() || rest.starts_with([' ', ':', '\t'])) {
        return None;
    }
    Some(
        rest.trim_start_matches([':', ' ', '\t'])
            .split([',', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The first paragraph starting at or after `offset`.
fn next_paragraph(masked: &str, offset: usize) -> Span {
    let paragraphs = super::paragraphs(masked);
    paragraphs.into_iter().find(|p| p.start >= offset).map_or(Span::new(offset, offset), |p| Span::new(p.start, p.end))
}

fn blank(bytes: &mut [u8], range: Range<usize>) {
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

fn url_pattern() -> &'static Regex {
    static URL: OnceLock<Regex> = OnceLock::new();
    URL.get_or_init(|| Regex::new(r"(?:https?://|www\.)[^\s<>()\[\]]+").expect("valid"))
}

/// Byte ranges of Markdown that is not prose, in order.
fn non_prose(text: &str) -> Vec<Range<usize>> {
    // The constructs that begin with a rare character ("<", "`", "]") are found by one regex,
    // which skips from one such character to the next; reference definitions, which begin a
    // line, line by line; bare URLs by their "://" or "www.". Each construct is the leftmost
    // still ahead (no two begin at the same place), as one regex with every construct would
    // find them, but without stepping through every byte.
    static INLINE: OnceLock<Regex> = OnceLock::new();
    let inline = INLINE.get_or_init(|| {
        Regex::new(concat!(
            r"(?s)<!--.*?(?:-->|\z)",                     // comments (possibly unclosed)
            r"|`+",                                       // inline code opener, closed below
            r"|\]\([^)\n]*\)",                            // link and image targets
            r"|\]\[[^\]\n]*\]",                           // reference links
            r"|<(?:https?://|mailto:)[^>\s]*>",           // autolinks
            r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", // HTML tags
        ))
        .expect("valid")
    });
    let mut out = fenced_code(text);
    let mut definitions = reference_definitions(text).into_iter().peekable();
    let mut urls = bare_urls(text).into_iter().peekable();
    let mut next_inline: Option<Range<usize>> = None;
    let mut at = 0;
    loop {
        if next_inline.as_ref().is_none_or(|m| m.start < at) {
            next_inline = inline.find_at(text, at).map(|m| m.range());
        }
        while definitions.next_if(|d| d.start < at).is_some() {}
        while urls.next_if(|u| u.start < at).is_some() {}
        let leftmost = [next_inline.clone(), definitions.peek().cloned(), urls.peek().cloned()];
        let Some(whole) = leftmost.into_iter().flatten().min_by_key(|r| r.start) else { break };
        let written = &text[whole.clone()];
        let range = if written.starts_with('`') {
            // An inline code span ends at the same number of backticks.
            let closer = text[whole.end..].find(written).map(|i| whole.end + i + written.len());
            whole.start..closer.unwrap_or(whole.end)
        } else if written.starts_with("](") || written.starts_with("][") {
            whole.start + 1..whole.end // keep the "]" that closes the link text
        } else {
            whole.clone()
        };
        at = range.end.max(whole.start + 1);
        if !out.iter().any(|r: &Range<usize>| r.start <= range.start && range.start < r.end) {
            out.push(range);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Reference definitions ("[1]: https://…"): a line that opens, after at most three spaces,
/// with a bracketed label and a colon.
fn reference_definitions(text: &str) -> Vec<Range<usize>> {
    // Only lines that open with "[" can be one: found from the (rare) brackets.
    line_openers(text, memchr::memchr_iter(b'[', text.as_bytes()))
        .filter_map(|(start, bracket)| {
            let line = &text[bracket..text[bracket..].find('\n').map_or(text.len(), |i| bracket + i)];
            let close = line[1..].find(']')?;
            (close > 0 && line[1 + close..].starts_with("]:")).then(|| start..bracket + line.len())
        })
        .collect()
}

/// Of `marks` (offsets in order), those that open their line after at most three spaces, each
/// with its line's start. Each byte is looked at once, however long the lines.
fn line_openers(text: &str, marks: impl Iterator<Item = usize>) -> impl Iterator<Item = (usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut scanned) = (0, 0);
    let mut seen_line = None;
    marks.filter_map(move |mark| {
        if let Some(newline) = memchr::memrchr(b'\n', &bytes[scanned..mark]) {
            line = scanned + newline + 1;
        }
        scanned = mark;
        // Only the first mark of a line can open it.
        if seen_line == Some(line) {
            return None;
        }
        seen_line = Some(line);
        (mark - line <= 3 && bytes[line..mark].iter().all(|&b| b == b' ')).then_some((line, mark))
    })
}

/// Bare URLs, in order: "http://…", "https://…" or "www.…" up to white space, "<", ">" or a
/// bracket.
fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let schemes = memchr::memmem::find_iter(bytes, "://").filter_map(|colon| {
        let before = &text[..colon];
        let scheme = if before.ends_with("https") { 5 } else { usize::from(before.ends_with("http")) * 4 };
        (scheme > 0).then(|| (colon - scheme, colon + 3))
    });
    let hosts = memchr::memmem::find_iter(bytes, "www.").map(|at| (at, at + 4));
    let mut starts: Vec<(usize, usize)> = schemes.chain(hosts).collect();
    starts.sort_unstable();
    starts
        .into_iter()
        .filter_map(|(start, body)| {
            let rest = &text[body..];
            let end = rest.find(|c: char| c.is_whitespace() || "<>()[]".contains(c)).unwrap_or(rest.len());
            (end > 0).then_some(start..body + end)
        })
        .collect()
}

/// Fenced code blocks: from an opening ``` or ~~~ line to its closing fence (or the end).
fn fenced_code(text: &str) -> Vec<Range<usize>> {
    let mut fences = Fences::default();
    // Only lines that open with "`" or "~" can be fences: found from those characters.
    for (start, _) in line_openers(text, memchr::memchr2_iter(b'`', b'~', text.as_bytes())) {
        fences.line(start, &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i + 1)]);
    }
    fences.end(text.len())
}

/// Fenced code blocks, read a line at a time: every line that may open or close one, in order.
#[derive(Default)]
struct Fences {
    found: Vec<Range<usize>>,
    /// The open fence: where its line starts, its character and how many of them.
    open: Option<(usize, char, usize)>,
}

impl Fences {
    /// Reads the line at `start` (with its newline, if it has one).
    fn line(&mut self, start: usize, line: &str) {
        let stripped = line.trim_start_matches(' ');
        let indent = line.len() - stripped.len();
        let fence = stripped.chars().next().filter(|c| matches!(c, '`' | '~') && indent <= 3);
        let run = fence.map_or(0, |c| stripped.chars().take_while(|&x| x == c).count());
        match (self.open, fence) {
            (None, Some(c)) if run >= 3 => self.open = Some((start, c, run)),
            (Some((from, c, len)), Some(f)) if f == c && run >= len && stripped[run..].trim().is_empty() => {
                self.found.push(from..start + line.len());
                self.open = None;
            }
            _ => {}
        }
    }

    /// The blocks, a fence still open running to `end`, the end of the text.
    fn end(mut self, end: usize) -> Vec<Range<usize>> {
        if let Some((from, _, _)) = self.open {
            self.found.push(from..end);
        }
        self.found
    }
}

/// Front matter between `---` (YAML) or `+++` (TOML) lines at the top: the metadata and the
/// block's range.
fn front_matter(text: &str) -> (Meta, Option<Range<usize>>) {
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[body_start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return (Meta::default(), None);
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim() != fence {
        return (Meta::default(), None);
    }
    let mut offset = body_start + first_line_end;
    let content_start = offset;
    let mut end = None;
    for line in text[content_start..].split_inclusive('\n') {
        if line.trim() == fence || (fence == "---" && line.trim() == "...") {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((content_end, block_end)) = end else {
        return (Meta::default(), None);
    };
    if fence == "---" {
        return (meta_from(yaml_fields(text, content_start..content_end)), Some(0..block_end));
    }
    match toml_fields(text, content_start..content_end) {
        Ok(fields) => (meta_from(fields), Some(0..block_end)),
        Err(bad) => (Meta { bad_front_matter: Some(bad), ..Meta::default() }, Some(0..block_end)),
    }
}

/// A front-matter field: its lowercased key, its value, and the value's span.
type Field = (String, String, Span);

/// `key: value` lines of flat YAML, with the span of each value. Nested values are ignored:
/// only the article's own top-level fields matter here.
fn yaml_fields(text: &str, range: Range<usize>) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut offset = range.start;
    for line in text[range].split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let raw = value.trim();
        let value_start = here + key.len() + 1 + (value.len() - value.trim_start().len());
        let unquoted = raw.trim_matches(|c| c == '"' || c == '\'');
        fields.push((key.trim().to_lowercase(), unquoted.to_string(), Span::new(value_start, value_start + raw.len())));
    }
    fields
}

/// The string and date fields of TOML front matter, with the span of each value; or why the
/// block is not TOML, and where.
fn toml_fields(text: &str, range: Range<usize>) -> Result<Vec<Field>, (String, Span)> {
    let table = text[range.clone()].parse::<toml::Table>().map_err(|err| {
        let at = err.span().map_or(range.clone(), |s| range.start + s.start..range.start + s.end);
        (err.message().trim().to_string(), Span::from(at))
    })?;
    Ok(table
        .into_iter()
        .filter_map(|(key, value)| {
            let rendered = match &value {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                _ => return None,
            };
            // Point at the value: find the key's line in the block.
            let block = &text[range.clone()];
            let at = block.find(&format!("{key} ")).or_else(|| block.find(&format!("{key}=")))?;
            let line_end = block[at..].find('\n').map_or(block.len(), |i| at + i);
            let eq = block[at..line_end].find('=').map_or(at, |i| at + i + 1);
            let value_text = block[eq..line_end].trim();
            let start = range.start + eq + (block[eq..line_end].len() - block[eq..line_end].trim_start().len());
            Some((key.to_lowercase(), rendered, Span::new(start, start + value_text.len())))
        })
        .collect())
}

fn meta_from(fields: Vec<Field>) -> Meta {
    let mut meta = Meta::default();
    let field = |name: &str| fields.iter().find(|(k, v, _)| k == name && !v.is_empty());
    meta.title = field("title").map(|f| f.1.clone());
    meta.outlet = field("outlet").or_else(|| field("publisher")).map(|f| f.1.clone());
    meta.url = field("url").or_else(|| field("link")).map(|f| f.1.clone());
    if let Some((_, value, span)) = field("published").or_else(|| field("date")) {
        match parse_meta_date(value) {
            Some(day) => {
                meta.published = Some(day);
                meta.date_from = Some(super::DateOrigin::FrontMatter);
            }
            None => meta.bad_date = Some((value.clone(), *span)),
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn masks_code_comments_links_and_front_matter_keeping_offsets() {
        let text = "---\npublished: 2026-01-06\noutlet: \"Wire\"\n---\nSee [Umerov](https://x.org/Umarov) and `Umarov`.\n```\nUmarov\n```\n<!-- Umarov --> Umerov\n";
        let file = SourceFile::new("a.md", text);
        let (masked, meta, suppressions) = read(&file);
        assert_eq!(masked.len(), text.len());
        assert_eq!(meta.published.unwrap().to_string(), "2026-01-06");
        assert_eq!(meta.outlet.as_deref(), Some("Wire"));
        assert!(!masked.contains("Umarov"), "{masked}");
        assert!(masked.contains("[Umerov]") && masked.contains("Umerov\n"));
        assert!(suppressions.is_empty());
        assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
    }

    proptest::proptest! {
        /// Reference definitions are found line by line, the rest by one regex: together they
        /// find what one regex with every construct found.
        #[test]
        fn non_prose_is_what_one_regex_finds(
            text in "([abhstpw. \t\n\\[\\]():`~<>/!-]|https?://|www\\.|mailto:|<!--|-->|```|~~~|é|\u{a0}){0,40}"
        ) {
            let whole = Regex::new(concat!(
                r"(?s)<!--.*?(?:-->|\z)",
                r"|`+",
                r"|\]\([^)\n]*\)",
                r"|\]\[[^\]\n]*\]",
                r"|(?m:^ {0,3}\[[^\]\n]+\]:[^\n]*)",
                r"|<(?:https?://|mailto:)[^>\s]*>",
                r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
                r"|(?:https?://|www\.)[^\s<>()\[\]]+",
            ))
            .unwrap();
            // Fences read from every line, not only those that open with a fence character.
            let mut fences = Fences::default();
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                fences.line(start, line);
                start += line.len();
            }
            let mut expected = fences.end(text.len());
            let mut at = 0;
            while let Some(m) = whole.find_at(&text, at) {
                let range = if m.as_str().starts_with('`') {
                    let closer = text[m.end()..].find(m.as_str()).map(|i| m.end() + i + m.len());
                    m.start()..closer.unwrap_or(m.end())
                } else if m.as_str().starts_with("](") || m.as_str().starts_with("][") {
                    m.start() + 1..m.end()
                } else {
                    m.range()
                };
                at = range.end.max(m.start() + 1);
                if !expected.iter().any(|r: &Range<usize>| r.start <= range.start && range.start < r.end) {
                    expected.push(range);
                }
            }
            expected.sort_by_key(|r| r.start);
            proptest::prop_assert_eq!(non_prose(&text), expected);
        }
    }

    #[test]
    fn toml_front_matter_and_bad_dates() {
        let file = SourceFile::new("a.md", "+++\ntitle = \"T\"\ndate = 2026-01-02\n+++\nBody\n");
        let (_, meta, _) = read(&file);
        assert_eq!(meta.published.unwrap().to_string(), "2026-01-02");
        assert_eq!(meta.title.as_deref(), Some("T"));

        let text = "+++\ndate = [unclosed\n+++\nBody\n";
        let (_, meta, _) = read(&SourceFile::new("c.md", text));
        let (why, span) = meta.bad_front_matter.unwrap();
        assert!(!why.is_empty() && span.start >= 4 && span.end <= 20, "{why} at {span:?}");

        let text = "---\ndate: someday\n---\nBody\n";
        let (_, meta, _) = read(&SourceFile::new("b.md", text));
        let (value, span) = meta.bad_date.unwrap();
        assert_eq!((value.as_str(), &text[span.range()]), ("someday", "someday"));
    }

    #[test]
    fn directives_cover_the_next_paragraph() {
        let text = "One.\n\n<!-- factlint-ignore name.misspelled, title -->\nTwo Umarov.\n\nThree.\n";
        let (masked, _, suppressions) = read(&SourceFile::new("a.md", text));
        let s = &suppressions[0];
        assert_eq!(s.codes, ["name.misspelled", "title"]);
        assert_eq!(&masked[s.covers.range()], "Two Umarov.");
        assert!(s.applies("title.stale", Span::new(s.covers.start + 4, s.covers.start + 10)));
        assert!(!s.applies("name.inconsistent", s.covers));

        let (masked, suppressions) = mask_plain("factlint-ignore: date.conflict\nIn 2027 it was.\n");
        assert_eq!(suppressions[0].codes, ["date.conflict"]);
        assert!(masked.starts_with("          "));
        let (_, all) = mask_plain("factlint-ignore\nx\n");
        assert!(all[0].codes.is_empty());
    }
}
