//! Loaded files and byte spans into them.
//!
//! Every span factlint reports is a byte range into a file *as stored on disk*, whether the file
//! is an article or a rule file. Text that is decoded (HTML entities, JSON escapes) or masked
//! (front matter, code) is read through an [`OffsetMap`] so that spans still point at the
//! original bytes.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

/// A byte range `[start, end)` into a file as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        (span.start, span.len()).into()
    }
}

/// A file factlint has read: an article file or a rule file.
///
/// `text` has exactly the byte length of the stored file: invalid UTF-8 bytes are each replaced
/// by one ASCII substitute byte, so offsets into `text` are offsets into the file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as found when walking a folder), for display.
    pub path: String,
    pub text: String,
    line_starts: OnceLock<Vec<usize>>,
    /// Characters before each block of [`BLOCK`] bytes, so a column is found without counting
    /// from the start of a long line.
    char_blocks: OnceLock<Vec<usize>>,
    /// `path` shared by the findings located in the file, made when the first is.
    shared_path: OnceLock<Arc<str>>,
}

const BLOCK: usize = 4096;

/// Files are shared between the sources, claims and findings that point into them.
pub type FileRef = Arc<SourceFile>;

/// Replaces an undecodable byte so that byte offsets are kept (see [`SourceFile`]).
pub const SUBSTITUTE: char = '\u{1A}';

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> FileRef {
        Arc::new(SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
            char_blocks: OnceLock::new(),
            shared_path: OnceLock::new(),
        })
    }

    /// The path, shared: every place located in the file holds the same one.
    pub fn shared_path(&self) -> Arc<str> {
        self.shared_path.get_or_init(|| Arc::from(self.path.as_str())).clone()
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1)).collect()
        })
    }

    /// Characters in `text[..offset]`: UTF-8 bytes that start a character.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let blocks = self.char_blocks.get_or_init(|| {
            let mut total = 0;
            bytes
                .chunks(BLOCK)
                .map(|chunk| {
                    let before = total;
                    total += chunk.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                    before
                })
                .collect()
        });
        let block = offset / BLOCK;
        let base = blocks.get(block).copied().unwrap_or(0);
        base + bytes[block * BLOCK..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// 1-based line and column of a byte offset; columns count characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let column = if offset - start < BLOCK {
            self.text.get(start..offset).map_or(offset - start, |s| s.chars().count())
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, column + 1)
    }

    /// The byte range of the (1-based) line holding `offset`, without its newline.
    pub fn line_span(&self, offset: usize) -> Span {
        let starts = self.line_starts();
        let offset = offset.min(self.text.len());
        let line = starts.partition_point(|&s| s <= offset) - 1;
        // The next line's start is one past this line's newline.
        let end = starts.get(line + 1).map_or(self.text.len(), |next| next - 1);
        Span::new(starts[line], end)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Line, column (characters) and byte column of an offset, all 1-based.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let (line, column) = self.line_col(offset);
        Position { line, column, byte_column: offset - self.line_span(offset).start + 1 }
    }

    /// A hash of the text as read, to tell later whether the file on disk still holds it.
    pub fn content_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        self.text.hash(&mut hasher);
        hasher.finish()
    }
}

/// Where an offset is, as reports need it: 1-based line, column in characters, and column in
/// bytes (reviewdog counts bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub byte_column: usize,
}

/// Files by path, for what needs their text after the run: the terminal report's snippets.
/// Files kept in memory (rule files, standard input) are held; others are read again from
/// disk, once, when first asked for — so a run need not keep every article it read.
#[derive(Debug, Default)]
pub struct Files {
    held: std::collections::HashMap<String, FileRef>,
    read: std::sync::Mutex<std::collections::HashMap<String, Option<FileRef>>>,
}

impl Files {
    pub fn hold(&mut self, file: &FileRef) {
        self.held.insert(file.path.clone(), file.clone());
    }

    /// Holds what `other` holds, and keeps what it has read.
    pub fn absorb(&mut self, other: Files) {
        self.held.extend(other.held);
        let read = other.read.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.read.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner()).extend(read);
    }

    pub fn get(&self, path: &str) -> Option<FileRef> {
        if let Some(file) = self.held.get(path) {
            return Some(file.clone());
        }
        let read = || self.read.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(known) = read().get(path) {
            return known.clone();
        }
        // Read without the lock held: the checks across sources ask for files in parallel.
        let file = std::fs::read(path).ok().and_then(|bytes| match decode_with_bom(&bytes) {
            Some((text, _)) => Some(SourceFile::new(path, text)),
            // A binary file has no text to show (it was skipped as such).
            None => (!bytes[..bytes.len().min(8192)].contains(&0))
                .then(|| SourceFile::new(path, decode_keeping_offsets(bytes).0)),
        });
        read().entry(path.to_string()).or_insert(file).clone()
    }
}

/// Lines longer than this are shown as a window around the span, not whole: prose pasted from
/// the web has one paragraph per line.
const SNIPPET_WIDTH: usize = 96;

/// Snippets of a file carry its path, so a report can show several files side by side.
impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if context_lines_before == 0 && context_lines_after == 0 {
            // The span alone, at its own position: the report's header names where the finding
            // is, not where its snippet starts.
            let end = end.min(self.text.len());
            let (line, column) = self.line_col(start);
            let data = &self.text.as_bytes()[start.min(end)..end];
            let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
            return Ok(Box::new(miette::MietteSpanContents::new_named(
                self.path.clone(),
                data,
                *span,
                line - 1,
                column - 1,
                lines,
            )));
        }
        let line = self.line_span(start);
        let long = line.len() > SNIPPET_WIDTH && end <= line.end;
        if !long {
            // Context lines that are whole paragraphs would drown the snippet: leave them out.
            let before = self.text[..line.start].trim_end_matches('\n');
            let after = self.text.get(line.end + 1..).unwrap_or("");
            let long_line = |text: &str| text.len() > SNIPPET_WIDTH;
            let previous = before.rsplit('\n').next().unwrap_or("");
            let next = after.split('\n').next().unwrap_or("");
            let context_lines_before = if long_line(previous) { 0 } else { context_lines_before };
            let context_lines_after = if long_line(next) { 0 } else { context_lines_after };
            let inner = self.text.as_str().read_span(span, context_lines_before, context_lines_after)?;
            return Ok(Box::new(miette::MietteSpanContents::new_named(
                self.path.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                inner.column(),
                inner.line_count(),
            )));
        }
        // A window of the line around the span, cut at spaces where possible.
        let margin = SNIPPET_WIDTH.saturating_sub(end - start) / 2;
        let mut from = start.saturating_sub(margin).max(line.start);
        let mut to = (end + margin).min(line.end);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        while !self.text.is_char_boundary(to) {
            to += 1;
        }
        if from > line.start {
            from = self.text[from..start].find(' ').map_or(from, |i| from + i + 1);
        }
        if to < line.end {
            to = self.text[end..to].rfind(' ').map_or(to, |i| end + i);
        }
        let (line_number, column) = self.line_col(from);
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.clone(),
            &self.text.as_bytes()[from..to],
            (from, to - from).into(),
            line_number - 1,
            column - 1,
            1,
        )))
    }
}

/// Decodes UTF-16 and UTF-32 text that starts with a byte-order mark (as Windows tools save
/// it); returns the text, without the mark, and the encoding's name. Offsets into the text are
/// no longer offsets into the stored bytes, so such files are read but never fixed.
pub fn decode_with_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (encoding, unit, big_endian) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => ("UTF-32LE", 4, false),
        [0, 0, 0xFE, 0xFF, ..] => ("UTF-32BE", 4, true),
        [0xFF, 0xFE, ..] => ("UTF-16LE", 2, false),
        [0xFE, 0xFF, ..] => ("UTF-16BE", 2, true),
        _ => return None,
    };
    let body = &bytes[unit..];
    let mut text: String = if unit == 2 {
        let units = body.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
        });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    } else {
        body.chunks_exact(4)
            .map(|quad| {
                let quad = [quad[0], quad[1], quad[2], quad[3]];
                let value = if big_endian { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) };
                char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect()
    };
    if body.len() % unit != 0 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some((text, encoding))
}

/// Decodes stored bytes, keeping their length: each byte of an invalid UTF-8 sequence becomes
/// [`SUBSTITUTE`]. Returns the text and the offset of the first invalid byte, if any.
/// Owned bytes are decoded in place when they are valid, as most are: no second copy.
pub fn decode_keeping_offsets(bytes: impl Into<Vec<u8>>) -> (String, Option<usize>) {
    match String::from_utf8(bytes.into()) {
        Ok(text) => (text, None),
        Err(err) => {
            let first = err.utf8_error();
            let bytes = err.into_bytes();
            let mut text = String::with_capacity(bytes.len());
            let mut rest = bytes.as_slice();
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(valid) => {
                        text.push_str(valid);
                        break;
                    }
                    Err(err) => {
                        let (valid, after) = rest.split_at(err.valid_up_to());
                        // SAFETY-free: `valid_up_to` guarantees this prefix is UTF-8.
                        text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                        let bad = err.error_len().unwrap_or(after.len());
                        text.extend(std::iter::repeat_n(SUBSTITUTE, bad));
                        rest = &after[bad..];
                    }
                }
            }
            (text, Some(first.valid_up_to()))
        }
    }
}

/// Maps offsets in a derived text (decoded HTML, an unescaped JSON string) back to the file.
///
/// The derived text is a sequence of runs, each copied from a place in the file: verbatim runs
/// (the same bytes) and decoded units (an entity or escape, whose text and stored lengths differ).
/// Stored bytes between runs (tags, markup) belong to no run. Texts that are copies of the file
/// with masked bytes blanked out use the identity map, which costs nothing.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Sorted by text offset, contiguous in the text; empty means identity.
    runs: Vec<Run>,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    text: usize,
    file: usize,
    text_len: usize,
    file_len: usize,
}

impl Run {
    fn verbatim(&self) -> bool {
        self.text_len == self.file_len
    }
}

impl OffsetMap {
    pub fn identity() -> Self {
        OffsetMap::default()
    }

    /// Records that the next `text_len` bytes of the derived text come from the stored bytes
    /// `file..file + file_len`. Runs must be pushed in text order.
    pub fn push(&mut self, file: usize, text_len: usize, file_len: usize) {
        let text = self.runs.last().map_or(0, |r| r.text + r.text_len);
        if let Some(last) = self.runs.last_mut() {
            if last.verbatim() && text_len == file_len && last.file + last.file_len == file {
                last.text_len += text_len;
                last.file_len += file_len;
                return;
            }
        }
        if text_len > 0 {
            self.runs.push(Run { text, file, text_len, file_len });
        }
    }

    /// The file offset where the text starting at `offset` begins.
    pub fn start(&self, offset: usize) -> usize {
        if self.runs.is_empty() {
            return offset;
        }
        let i = self.runs.partition_point(|r| r.text + r.text_len <= offset);
        match self.runs.get(i) {
            Some(r) if r.verbatim() => r.file + (offset - r.text),
            Some(r) => r.file,
            None => self.runs.last().map_or(offset, |r| r.file + r.file_len),
        }
    }

    /// The file offset where the text ending at `offset` ends.
    pub fn end(&self, offset: usize) -> usize {
        if self.runs.is_empty() {
            return offset;
        }
        let i = self.runs.partition_point(|r| r.text + r.text_len < offset);
        match self.runs.get(i) {
            Some(r) if offset <= r.text => r.file,
            Some(r) if r.verbatim() => r.file + (offset - r.text),
            Some(r) => r.file + r.file_len,
            None => self.runs.last().map_or(offset, |r| r.file + r.file_len),
        }
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        let start = self.start(range.start);
        Span::new(start, self.end(range.end).max(start))
    }

    /// The map of a text derived twice: `self` maps it to an intermediate text, which `inner`
    /// maps to the file.
    pub fn then(self, inner: &OffsetMap) -> OffsetMap {
        if inner.runs.is_empty() {
            return self;
        }
        if self.runs.is_empty() {
            return inner.clone();
        }
        let mut out = OffsetMap::identity();
        for outer in &self.runs {
            if !outer.verbatim() {
                let start = inner.start(outer.file);
                out.push(start, outer.text_len, inner.end(outer.file + outer.file_len).max(start) - start);
                continue;
            }
            // A verbatim run may cross several runs of the intermediate text: each is followed.
            let (from, to) = (outer.file, outer.file + outer.text_len);
            let first = inner.runs.partition_point(|r| r.text + r.text_len <= from);
            for run in inner.runs[first..].iter().take_while(|r| r.text < to) {
                let (a, b) = (from.max(run.text), to.min(run.text + run.text_len));
                if run.verbatim() {
                    out.push(run.file + (a - run.text), b - a, b - a);
                } else {
                    // Part of a decoded unit stands for all of it (the first part) or nothing.
                    out.push(run.file, b - a, if a == run.text { run.file_len } else { 0 });
                }
            }
        }
        out
    }

    /// Is the text `range` decoded from one unbroken stretch of stored bytes — entities and
    /// escapes whole, nothing between them (no tag)? Then rewriting the stretch rewrites that
    /// text and nothing else. False for the identity map, whose text differs from the file only
    /// where bytes are masked.
    pub fn decodes_whole(&self, range: Range<usize>) -> bool {
        let first = self.runs.partition_point(|r| r.text + r.text_len <= range.start);
        let covering = self.runs[first..].iter().take_while(|r| r.text < range.end);
        let mut previous: Option<&Run> = None;
        for run in covering {
            let split = range.start > run.text || range.end < run.text + run.text_len;
            if (!run.verbatim() && split) || previous.is_some_and(|p| p.file + p.file_len != run.file) {
                return false;
            }
            previous = Some(run);
        }
        previous.is_some_and(|last| last.text + last.text_len >= range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let file = SourceFile::new("a.txt", "ab\nçé x\n");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
        // "çé " is 5 bytes, 3 characters.
        assert_eq!(file.line_col(8), (2, 4));
        assert_eq!(file.line_span(4), Span::new(3, 9));
        // Far into a long line the count goes through block totals; it must agree.
        let long = format!("x\n{}é{}", "ab".repeat(5000), "c".repeat(9000));
        let file = SourceFile::new("b.txt", long.clone());
        let offset = long.len() - 10;
        assert_eq!(file.line_col(offset), (2, long[2..offset].chars().count() + 1));
    }

    #[test]
    fn byte_order_marks_tell_the_encoding() {
        let utf16le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Kyiv é".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_with_bom(&utf16le), Some(("Kyiv é".to_string(), "UTF-16LE")));
        let utf16be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("a😀".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode_with_bom(&utf16be), Some(("a😀".to_string(), "UTF-16BE")));
        let utf32le: Vec<u8> =
            [0xFF, 0xFE, 0, 0].into_iter().chain("né".chars().flat_map(|c| (c as u32).to_le_bytes())).collect();
        assert_eq!(decode_with_bom(&utf32le), Some(("né".to_string(), "UTF-32LE")));
        assert_eq!(decode_with_bom(b"plain"), None);
    }

    #[test]
    fn lossy_decoding_keeps_offsets() {
        let (text, first) = decode_keeping_offsets(b"ab\xffcd\xe2\x82");
        assert_eq!(text.len(), 7);
        assert_eq!(first, Some(2));
        assert_eq!(&text[3..5], "cd");
    }

    #[test]
    fn offset_map_follows_decoded_runs() {
        // file: "<b>a</b> &amp; b" -> text: "a & b"
        let mut map = OffsetMap::identity();
        map.push(3, 1, 1); // "a"
        map.push(8, 1, 1); // " "
        map.push(9, 1, 5); // "&" stands for "&amp;"
        map.push(14, 2, 2); // " b"
        assert_eq!(map.span(0..1), Span::new(3, 4));
        assert_eq!(map.span(2..3), Span::new(9, 14));
        assert_eq!(map.span(4..5), Span::new(15, 16));
        assert_eq!(map.span(0..5), Span::new(3, 16));
        assert_eq!(map.span(2..5), Span::new(9, 16));
        assert!(map.decodes_whole(2..5), "an entity and the text after it");
        assert!(!map.decodes_whole(0..3), "a tag between");
        assert!(!OffsetMap::identity().decodes_whole(0..1));
    }
}
