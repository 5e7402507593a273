use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use std::path::Path;

use crate::finding::{Finding, Location};
use crate::input::{Format, Source};

declare_check! {
    /// ## What it flags
    /// A source for which no date could be found: no `--date`, no `published`/`date` in front
    /// matter or in the corpus line, no dated header or dateline.
    ///
    /// ## Why
    /// Titles and relative dates ("yesterday", "January 3") are judged against the article's
    /// date. Without one those checks skip the source — and say so here, once, rather than
    /// skipping silently. A date field that is present but unreadable is pointed at.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// title: Talks resume
    /// ---
    /// ```
    /// Add `published: 2026-01-06`, or run with `--date 2026-01-06`.
    Undated, "source.undated", Info, "no date could be found for a source"
}

/// Quoted text from an article, cut short: a message is one line, whatever the field held.
fn shortened(text: &str) -> String {
    const MOST: usize = 60;
    match text.char_indices().nth(MOST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// How to give this kind of source a date: front matter exists only in Markdown, a field only
/// in a corpus line.
fn how_to_date(source: &Source) -> &'static str {
    if source.meta.id.is_some() {
        return "add `\"published\": \"YYYY-MM-DD\"` to the corpus line, or pass --date";
    }
    match Format::of(Path::new(&source.file.path)) {
        Format::Markdown => "add `published: YYYY-MM-DD` to the front matter, or pass --date",
        Format::Html => "add <meta property=\"article:published_time\" content=\"YYYY-MM-DD\">, or pass --date",
        Format::Text | Format::Jsonl => {
            "add a dated line at the top (\"Updated: January 6, 2026\" or a dateline), or pass --date"
        }
    }
}

impl Check for Undated {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        if source.meta.published.is_some() {
            return;
        }
        let finding = match (&source.meta.bad_date, &source.meta.bad_front_matter) {
            (Some((value, span)), _) => Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, *span),
                format!(
                    "the date “{}” is not a date; checks that need the article's date skipped this source",
                    shortened(value)
                ),
            )
            .label("not a date")
            .help("write the date as YYYY-MM-DD"),
            (None, Some((why, span))) => Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, *span),
                format!(
                    "the front matter is not valid TOML ({}), so no date was read from it; checks that need \
                     the article's date skipped this source",
                    shortened(why)
                ),
            )
            .label("not TOML")
            .help("fix the front matter, or pass --date"),
            (None, None) => Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, source.span(0..0)),
                "no date found for this source; checks that need the article's date skipped it",
            )
            .label("undated")
            .help(how_to_date(source)),
        };
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Loaded, load};

    #[test]
    fn the_help_fits_the_kind_of_file() {
        let table = [
            ("a.md", "Talks resumed.\n", "front matter"),
            ("a.txt", "Talks resumed.\n", "dated line at the top"),
            ("a.html", "<p>Talks resumed.</p>", "article:published_time"),
            ("a.jsonl", "{\"id\": \"1\", \"text\": \"Talks resumed.\"}\n", "corpus line"),
        ];
        for (path, text, expected) in table {
            let Loaded::Articles(sources) = load(path, text.as_bytes(), Format::of(Path::new(path)), None) else {
                panic!("{path}: not read");
            };
            assert!(how_to_date(&sources[0]).contains(expected), "{path}: {}", how_to_date(&sources[0]));
        }
    }
}
