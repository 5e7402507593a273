//! HTML: the visible text only, with an [`OffsetMap`] back to the file, and metadata from the
//! `<head>` (`<title>`, `<meta>` dates, site name, canonical URL).
//!
//! Not a full HTML parser: a single linear scan that skips tags, comments, scripts and styles,
//! decodes entities, and turns block-level tags into paragraph breaks. That is all reading prose
//! needs, and it cannot be slowed down by hostile markup.

use std::sync::OnceLock;

use regex::Regex;

use super::{Meta, Suppression, parse_meta_date};
use crate::source::{FileRef, OffsetMap, Span};

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "main",
    "dd",
    "dt",
    "title",
];

const HIDDEN_TAGS: &[&str] = &["script", "style", "noscript", "template", "head", "svg"];

pub fn read(file: &FileRef) -> (String, OffsetMap, Meta, Vec<Suppression>) {
    let html = file.text.as_str();
    let mut text = String::with_capacity(html.len());
    let mut map = OffsetMap::identity();
    let mut directives = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                let end = html[i + 4..].find("-->").map_or(html.len(), |e| i + 4 + e + 3);
                let inner = html[i + 4..end].trim_end_matches("-->");
                if let Some(codes) = super::markdown::directive(inner) {
                    directives.push((codes, text.len()));
                }
                i = end;
                continue;
            }
            if let Some((name, closing, end)) = tag_at(html, i) {
                if !closing && HIDDEN_TAGS.contains(&name.as_str()) {
                    i = closing_tag_end(html, end, &name);
                    continue;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    push_break(&mut text, &mut map, i, end - i);
                }
                i = end;
                continue;
            }
        }
        if bytes[i] == b'&' {
            if let Some((decoded, len)) = entity_at(&html[i..]) {
                text.push(decoded);
                map.push(i, decoded.len_utf8(), len);
                i += len;
                continue;
            }
        }
        // A run of plain text up to the next tag or entity; line breaks in HTML source are spaces.
        let step = html[i..].chars().next().map_or(1, char::len_utf8);
        let next = html[i + step..].find(['<', '&']).map_or(html.len(), |n| i + step + n);
        let run = &html[i..next];
        text.extend(run.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }));
        map.push(i, run.len(), run.len());
        i = next;
    }
    let paragraphs = super::paragraphs(&text);
    let suppressions = directives
        .into_iter()
        .map(|(codes, at)| {
            let covers = paragraphs.iter().find(|p| p.start >= at).map_or(Span::new(at, at), |p| map.span(p.clone()));
            Suppression { codes, covers }
        })
        .collect();
    (text, map, head_meta(html), suppressions)
}

fn push_break(text: &mut String, map: &mut OffsetMap, at: usize, len: usize) {
    if text.ends_with("\n\n") {
        return;
    }
    text.push_str("\n\n");
    map.push(at, 2, len);
}

/// The tag starting at `i`: its lower-case name, whether it closes, and where it ends.
fn tag_at(html: &str, i: usize) -> Option<(String, bool, usize)> {
    let rest = &html[i + 1..];
    let closing = rest.starts_with('/');
    let name_start = usize::from(closing);
    let name: String = rest[name_start..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    if name.is_empty() && !rest.starts_with('!') && !rest.starts_with('?') {
        return None;
    }
    // Quoted attribute values may contain '>'.
    let mut quote = None;
    for (j, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some((name.to_ascii_lowercase(), closing, i + 1 + j + 1)),
            _ => {}
        }
    }
    Some((name.to_ascii_lowercase(), closing, html.len()))
}

fn closing_tag_end(html: &str, from: usize, name: &str) -> usize {
    let lower = html[from..].to_ascii_lowercase();
    lower.find(&format!("</{name}")).map_or(html.len(), |at| {
        let close = from + at;
        html[close..].find('>').map_or(html.len(), |e| close + e + 1)
    })
}

fn entity_at(rest: &str) -> Option<(char, usize)> {
    // Entities are short; ';' is ASCII, so its byte index is a character boundary.
    let end = rest.bytes().take(12).position(|b| b == b';')?;
    let body = &rest[1..end];
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(value).filter(|c| *c != '\0')?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "oacute" => 'ó',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            "ccedil" => 'ç',
            _ => return None,
        }
    };
    Some((decoded, end + 1))
}

fn head_meta(html: &str) -> Meta {
    static META: OnceLock<Regex> = OnceLock::new();
    static TITLE: OnceLock<Regex> = OnceLock::new();
    let meta_tag = META.get_or_init(|| Regex::new(r#"(?is)<(?:meta|link)\s[^>]*>"#).expect("valid"));
    let title = TITLE.get_or_init(|| Regex::new(r"(?is)<title[^>]*>([^<]*)</title>").expect("valid"));
    let attribute = |tag: &str, name: &str| -> Option<String> {
        let lower = tag.to_ascii_lowercase();
        let at = lower.find(&format!("{name}="))? + name.len() + 1;
        let rest = &tag[at..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &rest[1..];
        Some(value[..value.find(quote)?].to_string())
    };
    let mut meta = Meta { title: title.captures(html).map(|c| c[1].trim().to_string()), ..Meta::default() };
    for tag in meta_tag.find_iter(html).map(|m| m.as_str()) {
        let key = attribute(tag, "property").or_else(|| attribute(tag, "name")).or_else(|| attribute(tag, "rel"));
        let value = attribute(tag, "content").or_else(|| attribute(tag, "href"));
        let (Some(key), Some(value)) = (key, value) else { continue };
        match key.to_ascii_lowercase().as_str() {
            "article:published_time" | "og:published_time" | "date" | "pubdate" | "publishdate" | "dc.date"
                if meta.published.is_none() =>
            {
                meta.published = parse_meta_date(&value);
                meta.date_from = meta.published.map(|_| super::DateOrigin::FrontMatter);
            }
            "og:site_name" | "publisher" => meta.outlet = meta.outlet.or(Some(value)),
            "canonical" | "og:url" => meta.url = meta.url.or(Some(value)),
            _ => {}
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn visible_text_with_spans_into_the_file() {
        let html = "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2026-01-06T10:00:00Z\"><script>var Umarov;</script></head>\n<body><p>Rustem <b>Umerov</b>&rsquo;s talks &amp; more</p><p>Second</p></body></html>";
        let file = SourceFile::new("a.html", html);
        let (text, map, meta, _) = read(&file);
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.published.unwrap().to_string(), "2026-01-06");
        assert!(!text.contains("Umarov"));
        let at = text.find("Umerov’s").unwrap();
        let span = map.span(at..at + "Umerov’s".len());
        assert_eq!(&html[span.range()], "Umerov</b>&rsquo;s");
        let name = map.span(at..at + 6);
        assert_eq!(&html[name.range()], "Umerov");
        assert_eq!(super::super::paragraphs(&text).len(), 2);
    }
}
