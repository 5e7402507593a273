use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use crate::finding::{Finding, Location};

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

impl Check for Undated {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        if source.meta.published.is_some() {
            return;
        }
        let finding = match &source.meta.bad_date {
            Some((value, span)) => Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, *span),
                format!("the date “{value}” is not a date; checks that need the article's date skipped this source"),
            )
            .label("not a date")
            .help("write the date as YYYY-MM-DD"),
            None => Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, source.span(0..0)),
                "no date found for this source; checks that need the article's date skipped it",
            )
            .label("undated")
            .help("add `published: YYYY-MM-DD` to the front matter, or pass --date"),
        };
        out.push(finding);
    }
}
