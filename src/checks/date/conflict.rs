use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::checks::compare::{Said, disagreements};
use crate::checks::{Check, CheckInfo, CorpusContext, SourceContext, declare_check, one_line};
use crate::claim::{Claim, ClaimKind, DateClaim, EventTie, TieStrength};
use crate::extract::Needs;
use crate::finding::{Finding, Location, Severity};
use crate::interval::DateInterval;
use crate::kb::{EventId, KnowledgeBase};

declare_check! {
    /// ## What it flags
    /// A date given for an event of the rules that does not meet the rules' date, or that does
    /// not meet the date other sources of the run give for it.
    ///
    /// ## Why
    /// Dates are compared as intervals: "late 2024" and "December 2024" agree; "January 2027"
    /// and 2025-01-20 do not. A date is tied to an event when its sentence names one of the
    /// event's triggers and one of its entities (or its place), or refers back to an event just
    /// named ("The gathering …"), and the date stands in the trigger's own clause: no other verb
    /// or clause lies between them ("…, his family said on Monday" dates the saying, not the
    /// death). When several events share a trigger (two inaugurations), a
    /// date is reported only if it fits none of them. Generic triggers ("meeting") are compared
    /// across sources but never reported against the rules alone: the rules cannot list every
    /// meeting of a group. A date written before the event, for a day still to come and within
    /// two months of the event's, is a plan that may have changed: it is reported as info.
    ///
    /// ## Example
    /// ```text
    /// (2026-01-06) … though Trump – set to take office in January 2027 – has vowed …
    /// ```
    /// The rules date Donald Trump's second inauguration 2025-01-20.
    Conflict, "date.conflict", Error, "an event's date differs from the rules or from another source"
}

impl Check for Conflict {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { event_claims: true, ..Needs::default() }
    }

    /// Dates against the rules.
    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for claim in cx.claims {
            let ClaimKind::Date(date) = &claim.kind else { continue };
            let Some(tie) = &date.event else { continue };
            // A generic trigger ("meeting") may name an unlisted meeting: never against the rules.
            if tie.strength == TieStrength::Weak {
                continue;
            }
            if let Some(reading) = fitting_reading(cx.kb, date) {
                // "13–14 December" for talks held on the 14th and 15th: the span meets the
                // event's but runs past it.
                if let Some(finding) = span_partly_outside(cx, claim, tie, reading) {
                    out.push(finding);
                }
                continue;
            }
            // The candidates are ordered nearest in time first.
            let event = &cx.kb.events[tie.event()];
            let location = Location::new(&cx.source.file, claim.span);
            let written = one_line(location.text());
            let mut finding = Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                location,
                format!("“{written}” for {}, which the rules date {}", event.name, event.when),
            )
            .label(format!("{} here", date.interval))
            .help(format!("the rules give {} ({}); check the date or the event", event.when, event.origin))
            .rule(&event.origin, format!("{}: {}", event.name, event.when), event.source.as_ref());
            if is_plan(cx.source.meta.published, date.interval, event.when) {
                finding.severity = Severity::Info;
                finding
                    .message
                    .push_str("; the article was written before the event, so this may be a plan that changed");
            }
            out.push(finding);
        }
    }

    /// Dates that fit the rules but not each other (the rules may know only the month).
    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut by_event: BTreeMap<EventId, Vec<Said<DateInterval>>> = BTreeMap::new();
        for (source, fact) in &cx.facts.dates {
            let Some(tie) = &fact.date.event else { continue };
            if let Some(reading) = fitting_reading(cx.kb, &fact.date) {
                by_event.entry(tie.event()).or_default().push(Said {
                    source: *source,
                    span: fact.span,
                    value: reading,
                });
            }
        }
        for (event, said) in by_event {
            let event = &cx.kb.events[event];
            // Two days of a multi-day event are both right: "the summit opened on the 20th" and
            // "at the summit on the 22nd" do not disagree.
            let span = stated_span(&event.when);
            let agree = |a: &DateInterval, b: &DateInterval| {
                a.meets(b)
                    || span.is_some_and(|s| {
                        s.contains(a.start) && s.contains(a.end) && s.contains(b.start) && s.contains(b.end)
                    })
            };
            for (claim, reference) in disagreements(&said, agree) {
                let other = cx.label(reference.source);
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Self::INFO.default_severity,
                        cx.locate(claim.source, claim.span),
                        format!("{} is dated {} here but {} in {other}", event.name, claim.value, reference.value),
                    )
                    .label(format!("{}", claim.value))
                    .related(cx.locate(reference.source, reference.span), format!("{} here", reference.value))
                    .help(format!("the rules give {} ({})", event.when, event.origin)),
                );
            }
        }
    }
}

/// A warning for a span of days that meets an event's span of days but does not lie within it.
/// A warning only: a side meeting may have opened the day before.
fn span_partly_outside(cx: &SourceContext, claim: &Claim, tie: &EventTie, reading: DateInterval) -> Option<Finding> {
    // Only days written out ("13-14 December"), not a month, a year or "late 2024".
    let written = &cx.source.text[claim.range.clone()];
    let days_written = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
        .count();
    if !(2..=14).contains(&reading.days()) || days_written < 2 {
        return None;
    }
    let event = tie.candidates.iter().map(|&e| &cx.kb.events[e]).find(|e| e.when.meets(&reading))?;
    let span = stated_span(&event.when)?;
    if span.contains(reading.start) && span.contains(reading.end) {
        return None;
    }
    let location = Location::new(&cx.source.file, claim.span);
    let written = one_line(location.text());
    Some(
        Finding::new(
            Conflict::INFO.code,
            Severity::Warning,
            location,
            format!(
                "“{written}” for {}, which the rules date {}: the days run past the event's",
                event.name, event.when
            ),
        )
        .label(format!("{reading} here"))
        .help(format!("the rules give {} ({}); check the first and last day", event.when, event.origin))
        .rule(&event.origin, format!("{}: {}", event.name, event.when), event.source.as_ref()),
    )
}

/// How far a plan may drift from the day the event took place and still be taken for a plan
/// that changed, not a slip ("January 2027" for an inauguration two years before is a slip).
const PLAN_DRIFT_DAYS: i64 = 60;

/// Is a date a plan: written before the event took place, for a day still to come and near the
/// event's? Plans change ("talks set for Sunday" that open on Wednesday), so such a date is no
/// sure error.
fn is_plan(published: Option<NaiveDate>, stated: DateInterval, event: DateInterval) -> bool {
    let near = (stated.start - event.end).num_days() <= PLAN_DRIFT_DAYS
        && (event.start - stated.end).num_days() <= PLAN_DRIFT_DAYS;
    near && published.is_some_and(|day| day < event.start && stated.start > day)
}

/// An event's dates when the rules give a span of days (`from`/`until`), as opposed to a
/// month or a year given because only that much is known, within which the day is unknown.
fn stated_span(when: &DateInterval) -> Option<DateInterval> {
    let whole_months = when.start.day() == 1 && when.end.succ_opt().is_none_or(|next| next.day() == 1);
    (!when.is_day() && !whole_months).then_some(*when)
}

/// The reading of a date that fits one of its events, if any: a date the words allow to be
/// read two ways conflicts only if neither reading fits.
fn fitting_reading(kb: &KnowledgeBase, date: &DateClaim) -> Option<DateInterval> {
    let tie = date.event.as_ref()?;
    date.readings().find(|r| tie.candidates.iter().any(|&e| kb.events[e].when.meets(r))).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_future_date_written_before_the_event_is_a_plan() {
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let iv = |a: &str, b: &str| DateInterval::new(day(a), day(b));
        let event = iv("2026-02-04", "2026-02-05");
        // (published, stated, a plan)
        for (published, stated, plan) in [
            (Some("2026-01-29"), iv("2026-02-01", "2026-02-01"), true),
            (Some("2026-01-29"), iv("2026-03-01", "2026-03-31"), true),
            // Too far from the event to be a plan that moved.
            (Some("2026-01-29"), iv("2027-02-01", "2027-02-28"), false),
            // Written before, but of a day already past: a slip, not a plan.
            (Some("2026-01-29"), iv("2026-01-20", "2026-01-20"), false),
            // Written after the event.
            (Some("2026-02-10"), iv("2026-02-12", "2026-02-12"), false),
            (None, iv("2026-02-01", "2026-02-01"), false),
        ] {
            assert_eq!(is_plan(published.map(day), stated, event), plan, "{published:?} {stated}");
        }
    }

    #[test]
    fn a_span_of_days_is_stated_a_month_or_year_is_not() {
        let iv = |a: &str, b: &str| DateInterval::new(a.parse().unwrap(), b.parse().unwrap());
        for (when, stated) in [
            (iv("2026-01-20", "2026-01-23"), true),
            (iv("2026-03-30", "2026-04-02"), true),
            (iv("2026-04-01", "2026-04-30"), false),
            (iv("2025-01-01", "2025-12-31"), false),
            (iv("2025-01-20", "2025-01-20"), false),
        ] {
            assert_eq!(stated_span(&when).is_some(), stated, "{when}");
        }
    }
}
