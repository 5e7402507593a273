use chrono::Datelike;

use crate::checks::{Check, CheckInfo, SourceContext, declare_check, one_line};
use crate::claim::ClaimKind;
use crate::extract::Needs;
use crate::finding::{Finding, Location, Severity};

declare_check! {
    /// ## What it flags
    /// A weekday and a date given together that disagree: "Friday, 11 January 2026" (a
    /// Sunday).
    ///
    /// ## Why
    /// One of the two is wrong, and a reader cannot tell which. No rules are needed: the
    /// calendar decides. A date without a year is read in the year nearest the article's date.
    /// A day without a month ("Tuesday the 15th") is read in the nearest month where it falls
    /// on that weekday; when that is not the nearest 15th, the nearest one, which news means,
    /// is on another weekday: a warning, as the month is not written.
    ///
    /// ## Example
    /// ```text
    /// The talks resume on Friday, 11 January 2026.
    /// ```
    WeekdayMismatch, "date.weekday-mismatch", Error, "a weekday and a date given together disagree"
}

impl Check for WeekdayMismatch {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { weekday_dates: true, ..Needs::default() }
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for claim in cx.claims {
            let ClaimKind::Date(date) = &claim.kind else { continue };
            let Some(stated) = date.weekday else { continue };
            // A day without a month has the nearest reading as its alternative when the
            // weekday does not fit it (see `extract::date`).
            let (day, severity, help) = match date.alternative.filter(|a| a.is_day() && a.start.weekday() != stated) {
                Some(nearest) => (
                    nearest.start,
                    Severity::Warning,
                    "no month is written, so the day nearest the article's date is read; check the weekday or the day",
                ),
                None => (date.interval.start, Self::INFO.default_severity, "check the weekday or the date"),
            };
            if !date.interval.is_day() || day.weekday() == stated {
                continue;
            }
            let location = Location::new(&cx.source.file, claim.span);
            let written = one_line(location.text());
            out.push(
                Finding::new(
                    Self::INFO.code,
                    severity,
                    location,
                    format!(
                        "“{written}”: {} was a {}, not a {}",
                        day.format("%-d %B %Y"),
                        day.format("%A"),
                        weekday_name(stated)
                    ),
                )
                .label(format!("{} is a {}", day, day.format("%A")))
                .help(help),
            );
        }
    }
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.num_days_from_monday() as usize]
}
