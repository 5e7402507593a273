//! `.jsonl` corpora: one article per line (`id`, `text`, `published`, `outlet`, `url`,
//! `title`). The article text is the unescaped `text` string; its [`OffsetMap`] points back into
//! the JSON line, so findings point at the stored bytes.

use super::{DateOrigin, Meta, Source, parse_meta_date};
use crate::source::{FileRef, OffsetMap, Span};

#[derive(serde::Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: String,
    published: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Every article of the corpus, and the lines that are not articles (with why).
pub fn read(file: &FileRef) -> (Vec<Source>, Vec<(Span, String)>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    let mut offset = 0;
    for (number, line) in file.text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        let span = Span::new(start, start + trimmed.len());
        let parsed: Line = match serde_json::from_str(trimmed) {
            Ok(parsed) => parsed,
            Err(err) => {
                problems.push((span, format!("line {} is not an article: {err}", number + 1)));
                continue;
            }
        };
        let Some((text, map)) = text_field(trimmed, start) else {
            problems.push((span, format!("line {}: cannot locate the `text` string", number + 1)));
            continue;
        };
        debug_assert_eq!(text, parsed.text);
        let mut meta = Meta {
            id: Some(match parsed.id {
                Some(serde_json::Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => (number + 1).to_string(),
            }),
            title: parsed.title,
            outlet: parsed.outlet,
            url: parsed.url,
            ..Meta::default()
        };
        if let Some(value) = parsed.published.or(parsed.date) {
            match parse_meta_date(&value) {
                Some(day) => {
                    meta.published = Some(day);
                    meta.date_from = Some(DateOrigin::Jsonl);
                }
                None => meta.bad_date = Some((value, span)),
            }
        }
        let mut source = Source::new(file.clone(), text, map, meta, Vec::new());
        source.index_in_file = sources.len();
        sources.push(source);
    }
    (sources, problems)
}

/// Finds the top-level `"text"` string of a JSON object and unescapes it with its offsets.
fn text_field(line: &str, base: usize) -> Option<(String, OffsetMap)> {
    let bytes = line.as_bytes();
    let mut i = line.find('{')? + 1;
    loop {
        i = skip_space(bytes, i);
        if bytes.get(i) == Some(&b'}') {
            return None;
        }
        let (key_end, key) = string_at(line, i)?;
        i = skip_space(bytes, key_end);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = skip_space(bytes, i + 1);
        if key == "\"text\"" && bytes.get(i) == Some(&b'"') {
            return Some(unescape(line, i, base));
        }
        i = skip_value(line, i)?;
        i = skip_space(bytes, i);
        match bytes.get(i) {
            Some(b',') => i += 1,
            _ => return None,
        }
    }
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// A JSON string starting at `i` (at its quote): where it ends and its raw text.
fn string_at(line: &str, i: usize) -> Option<(usize, &str)> {
    let bytes = line.as_bytes();
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some((j + 1, &line[i..=j])),
            _ => j += 1,
        }
    }
    None
}

fn skip_value(line: &str, i: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    match bytes.get(i)? {
        b'"' => string_at(line, i).map(|(end, _)| end),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'"' => {
                        j = string_at(line, j)?.0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => Some(i + line[i..].find([',', '}']).unwrap_or(line.len() - i)),
    }
}

/// Unescapes the JSON string at `i`, mapping each character back to its bytes in the file.
fn unescape(line: &str, i: usize, base: usize) -> (String, OffsetMap) {
    let mut text = String::new();
    let mut map = OffsetMap::identity();
    let bytes = line.as_bytes();
    let mut j = i + 1;
    while j < bytes.len() && bytes[j] != b'"' {
        if bytes[j] != b'\\' {
            let run_end = line[j..].find(['\\', '"']).map_or(line.len(), |n| j + n);
            text.push_str(&line[j..run_end]);
            map.push(base + j, run_end - j, run_end - j);
            j = run_end;
            continue;
        }
        let (c, len) = match bytes.get(j + 1) {
            Some(b'n') => ('\n', 2),
            Some(b't') => ('\t', 2),
            Some(b'r') => ('\r', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'u') => {
                let unit = |at: usize| line.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
                match unit(j + 2) {
                    Some(high @ 0xD800..=0xDBFF) if line.get(j + 6..j + 8) == Some("\\u") => {
                        let low = unit(j + 8).unwrap_or(0xDC00);
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                        (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                    }
                    Some(code) => (char::from_u32(code).unwrap_or('\u{FFFD}'), 6),
                    None => ('\u{FFFD}', 2),
                }
            }
            Some(&other) => (other as char, 2),
            None => break,
        };
        text.push(c);
        map.push(base + j, c.len_utf8(), len);
        j += len;
    }
    (text, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn articles_with_spans_into_the_corpus() {
        let corpus = "{\"id\": \"a1\", \"meta\": {\"x\": [1, \"}\"]}, \"text\": \"Rustam \\\"Umarov\\\" \\u2014 said\", \"published\": \"2026-01-18\"}\nnot json\n";
        let file = SourceFile::new("c.jsonl", corpus);
        let (sources, problems) = read(&file);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].1.starts_with("line 2 is not an article"));
        let source = &sources[0];
        assert_eq!(source.text, "Rustam \"Umarov\" — said");
        assert_eq!(source.meta.id.as_deref(), Some("a1"));
        assert_eq!(source.meta.published.unwrap().to_string(), "2026-01-18");
        let at = source.text.find("Umarov").unwrap();
        assert_eq!(&corpus[source.span(at..at + 6).range()], "Umarov");
        let dash = source.text.find('—').unwrap();
        assert_eq!(&corpus[source.span(dash..dash + 3).range()], "\\u2014");
    }
}
