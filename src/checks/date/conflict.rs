use std::collections::BTreeMap;

use crate::checks::compare::{Said, disagreements};
use crate::checks::{Check, CheckInfo, CorpusContext, declare_check, one_line};
use crate::claim::{ClaimKind, TieStrength};
use crate::finding::{Finding, Location};
use crate::interval::DateInterval;
use crate::kb::EventId;

declare_check! {
    /// ## What it flags
    /// A date given for an event of the rules that does not meet the rules' date, or that does
    /// not meet the date other sources of the run give for it.
    ///
    /// ## Why
    /// Dates are compared as intervals: "late 2024" and "December 2024" agree; "January 2027"
    /// and 2025-01-20 do not. A date is tied to an event when its sentence names one of the
    /// event's triggers and one of its entities (or its place), or refers back to an event just
    /// named ("The gathering …"). When several events share a trigger (two inaugurations), a
    /// date is reported only if it fits none of them. Generic triggers ("meeting") are compared
    /// across sources but never reported against the rules alone: the rules cannot list every
    /// meeting of a group.
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

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut by_event: BTreeMap<EventId, Vec<Said<DateInterval>>> = BTreeMap::new();
        for (index, (source, claims)) in cx.sources.iter().zip(cx.claims).enumerate() {
            for claim in claims {
                let ClaimKind::Date(date) = &claim.kind else { continue };
                let Some(tie) = &date.event else { continue };
                let location = Location::new(&source.file, claim.span);
                // A date the words allow to be read two ways conflicts only if neither reading
                // fits; the one that fits is what other sources are compared with.
                let fitting = date.readings().find(|r| tie.candidates.iter().any(|&e| cx.kb.events[e].when.meets(r)));
                if let Some(reading) = fitting {
                    by_event.entry(tie.event()).or_default().push(Said { source: index, location, value: *reading });
                    continue;
                }
                if tie.strength == TieStrength::Weak {
                    continue;
                }
                // The candidates are ordered nearest in time first.
                let event = &cx.kb.events[tie.event()];
                let written = one_line(location.text());
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Self::INFO.default_severity,
                        location,
                        format!("“{written}” for {}, which the rules date {}", event.name, event.when),
                    )
                    .label(format!("{} here", date.interval))
                    .help(format!("the rules give {} ({}); check the date or the event", event.when, event.origin))
                    .rule(
                        &event.origin,
                        format!("{}: {}", event.name, event.when),
                        event.source.as_ref(),
                    ),
                );
            }
        }
        // Dates that fit the rules but not each other (the rules may know only the month).
        for (event, said) in by_event {
            let event = &cx.kb.events[event];
            for (claim, reference) in disagreements(&said, |a, b| a.meets(b)) {
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Self::INFO.default_severity,
                        claim.location.clone(),
                        format!(
                            "{} is dated {} here but {} in {}",
                            event.name, claim.value, reference.value, reference.location.file.path
                        ),
                    )
                    .label(format!("{}", claim.value))
                    .related(reference.location.clone(), format!("{} here", reference.value))
                    .help(format!("the rules give {} ({})", event.when, event.origin)),
                );
            }
        }
    }
}
