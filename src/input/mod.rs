//! Articles in: files and folders become [`Source`]s — the prose to read, with everything that
//! is not prose (front matter, code, markup, link targets) masked out, and the metadata.
//!
//! Masking keeps byte offsets: a masked Markdown text is the file with non-prose bytes turned
//! into spaces, so a span found in it is a span in the file. Formats that decode (HTML entities,
//! JSON escapes) carry an [`OffsetMap`] instead.

mod header;
mod html;
mod jsonl;
mod markdown;
mod structure;
mod typography;
mod walk;

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use header::is_dateline;
pub use structure::{Sentence, paragraphs, sentences};
pub(crate) use walk::not_regular;
pub use walk::{Discovered, WalkOptions, discover};

use crate::source::{FileRef, OffsetMap, SourceFile, Span, decode_keeping_offsets, decode_with_bom};

/// Where a source's date came from (SPEC §4, in order of precedence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    Flag,
    FrontMatter,
    Jsonl,
    Header,
    Dateline,
}

/// An article's metadata.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The article's id within a corpus file (`.jsonl`).
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_from: Option<DateOrigin>,
    /// A date field that was present but could not be read, and where.
    pub bad_date: Option<(String, Span)>,
    /// Front matter that could not be read (TOML that does not parse): why, and where.
    pub bad_front_matter: Option<(String, Span)>,
}

/// An inline `factlint-ignore` directive and the paragraph it covers.
#[derive(Debug, Clone)]
pub struct Suppression {
    /// Codes (or prefixes such as `name`); empty means every code.
    pub codes: Vec<String>,
    /// The covered file bytes.
    pub covers: Span,
}

impl Suppression {
    pub fn applies(&self, code: &str, at: Span) -> bool {
        self.covers.start <= at.start
            && at.start < self.covers.end.max(self.covers.start + 1)
            && (self.codes.is_empty()
                || self
                    .codes
                    .iter()
                    .any(|c| c == code || code.strip_prefix(c.as_str()).is_some_and(|r| r.starts_with('.'))))
    }
}

/// One article, ready to be read.
#[derive(Debug)]
pub struct Source {
    pub file: FileRef,
    /// The prose: masked or decoded from the file.
    pub text: String,
    /// From offsets in `text` to offsets in the file.
    pub map: OffsetMap,
    pub meta: Meta,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub suppressions: Vec<Suppression>,
    /// Offset of the first byte that was not valid UTF-8, if any.
    pub invalid_utf8_at: Option<usize>,
    /// The encoding a byte-order mark told (UTF-16, UTF-32): spans are then into the decoded
    /// text, not the stored bytes.
    pub decoded_from: Option<&'static str>,
    /// Which article of its file this is (0 but in a corpus).
    pub index_in_file: usize,
    /// Whether the prose is English (see [`crate::lexicon::is_english`]), worked out once.
    english: std::sync::OnceLock<bool>,
}

impl Source {
    /// The path shown for this source; a corpus article adds its id.
    pub fn label(&self) -> String {
        match &self.meta.id {
            Some(id) => format!("{}#{id}", self.file.path),
            None => self.file.path.clone(),
        }
    }

    /// Is the prose English? Title words and unknown names are read as English words are.
    pub fn is_english(&self) -> bool {
        *self.english.get_or_init(|| crate::lexicon::is_english(&self.text))
    }

    /// A range of `text` as a span of the file.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.map.span(range)
    }

    /// The sentence holding a text offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        holding(&self.sentences, self.sentences.partition_point(|s| s.range.end <= offset), offset)
    }

    /// Finds the sentences of offsets asked for in text order, following them.
    pub fn sentence_cursor(&self) -> SentenceCursor<'_> {
        SentenceCursor { sentences: &self.sentences, next: 0 }
    }

    fn new(file: FileRef, text: String, map: OffsetMap, meta: Meta, suppressions: Vec<Suppression>) -> Self {
        let (text, map) = typography::fold(text, map);
        let paragraphs = paragraphs(&text);
        let sentences = sentences(&text, &paragraphs);
        Source {
            file,
            text,
            map,
            meta,
            paragraphs,
            sentences,
            suppressions,
            invalid_utf8_at: None,
            decoded_from: None,
            index_in_file: 0,
            english: std::sync::OnceLock::new(),
        }
    }
}

/// The sentences holding offsets, for offsets asked for in text order: the cursor moves on
/// from the last one rather than searching each time (an offset before it is searched for).
pub struct SentenceCursor<'a> {
    sentences: &'a [Sentence],
    next: usize,
}

impl SentenceCursor<'_> {
    /// The sentence holding a text offset (see [`Source::sentence_at`]).
    pub fn at(&mut self, offset: usize) -> Option<usize> {
        let sentences = self.sentences;
        // Every sentence before the cursor ends at or before the offsets asked so far; an
        // offset before one of them ends is searched for.
        if self.next > 0 && sentences.get(self.next - 1).is_some_and(|s| offset < s.range.end) {
            self.next = sentences.partition_point(|s| s.range.end <= offset);
        }
        while sentences.get(self.next).is_some_and(|s| s.range.end <= offset) {
            self.next += 1;
        }
        holding(sentences, self.next, offset)
    }
}

/// Sentence `i`, the first that ends after `offset`, if it holds it.
fn holding(sentences: &[Sentence], i: usize, offset: usize) -> Option<usize> {
    sentences.get(i).filter(|s| s.range.start <= offset).map(|_| i)
}

/// What reading one file gave.
#[derive(Debug)]
pub enum Loaded {
    Articles(Vec<Source>),
    /// A binary file (a NUL byte in the first 8 KiB, and no UTF-16/32 byte-order mark):
    /// skipped, and said so.
    Binary(FileRef),
    /// A corpus line that is not a valid article, and why; the other lines are still read.
    Partial(Vec<Source>, Vec<(Span, String)>, FileRef),
}

/// The input formats, chosen by file extension (or `--stdin-filename`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdx" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => Format::Text,
        }
    }

    /// Extensions picked up when walking a folder.
    pub fn is_article_extension(ext: &str) -> bool {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "markdown" | "mdx" | "html" | "htm" | "xhtml" | "jsonl" | "ndjson"
        )
    }
}

/// Turns stored bytes into articles. `date` (from `--date`) overrides every other date.
pub fn load(path: &str, bytes: impl Into<Vec<u8>>, format: Format, date: Option<NaiveDate>) -> Loaded {
    let bytes = bytes.into();
    let (text, invalid_utf8_at, decoded_from) = match decode_with_bom(&bytes) {
        Some((text, encoding)) => (text, None, Some(encoding)),
        None if bytes[..bytes.len().min(8192)].contains(&0) => {
            return Loaded::Binary(SourceFile::new(path, String::new()));
        }
        None => {
            let (text, invalid_utf8_at) = decode_keeping_offsets(bytes);
            (text, invalid_utf8_at, None)
        }
    };
    let file = SourceFile::new(path, text);
    let finish = |mut source: Source| {
        source.invalid_utf8_at = invalid_utf8_at;
        source.decoded_from = decoded_from;
        if date.is_some() {
            source.meta.published = date;
            source.meta.date_from = Some(DateOrigin::Flag);
        } else if source.meta.published.is_none() {
            if let Some((day, origin)) = header::article_date(&source) {
                source.meta.published = Some(day);
                source.meta.date_from = Some(origin);
            }
        }
        source
    };
    match format {
        Format::Jsonl => {
            let (sources, problems) = jsonl::read(&file);
            let sources = sources.into_iter().map(finish).collect();
            if problems.is_empty() { Loaded::Articles(sources) } else { Loaded::Partial(sources, problems, file) }
        }
        Format::Markdown => {
            let (text, meta, suppressions) = markdown::read(&file);
            Loaded::Articles(vec![finish(Source::new(file, text, OffsetMap::identity(), meta, suppressions))])
        }
        Format::Html => {
            let (text, map, meta, suppressions) = html::read(&file);
            Loaded::Articles(vec![finish(Source::new(file, text, map, meta, suppressions))])
        }
        Format::Text => {
            let (text, suppressions) = markdown::mask_plain(&file.text);
            Loaded::Articles(vec![finish(Source::new(
                file,
                text,
                OffsetMap::identity(),
                Meta::default(),
                suppressions,
            ))])
        }
    }
}

/// Reads an article date as written in metadata: ISO `YYYY-MM-DD` (possibly with a time), or
/// a written date such as "January 6, 2026".
pub fn parse_meta_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim().trim_matches(['"', '\'']);
    if let Some(day) = value.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        return Some(day);
    }
    crate::extract::date::extract_dates(value, None)
        .into_iter()
        .find(|d| d.interval.is_day() && d.range.len() + 2 >= value.trim_end_matches('.').len())
        .map(|d| d.interval.start)
}

#[cfg(test)]
mod tests;
