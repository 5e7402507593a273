use std::collections::BTreeMap;

use crate::checks::compare::{Said, disagreements};
use crate::checks::{Check, CheckInfo, CorpusContext, SourceContext, declare_check, one_line};
use crate::claim::{ClaimKind, CountClaim, TieStrength};
use crate::extract::Needs;
use crate::finding::{Finding, Location, Severity};
use crate::interval::CountInterval;
use crate::kb::{EventId, KnowledgeBase};
use crate::text::fold;

declare_check! {
    /// ## What it flags
    /// A count for an event that does not fit the rules' figure (an error), or whose interval
    /// does not meet the count other sources give for the same thing (a warning).
    ///
    /// ## Why
    /// Counts are intervals: "about 50" is 45–55, "more than 200" is anything above 200,
    /// "nearly 40" is 36–39. A count is tied to an event when its sentence names the event (or
    /// refers back to it) and the counted noun is one of the event's units ("countries",
    /// "nations"). Without a figure in the rules, sources are only compared with each other.
    ///
    /// ## Example
    /// ```text
    /// The gathering … involved representatives from 18 countries …
    /// ```
    /// The rules give 15 countries for the meeting of national security advisers in Kyiv.
    Conflict, "count.conflict", Error, "a count differs from the rules or from another source"
}

impl Check for Conflict {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { event_claims: true, ..Needs::default() }
    }

    /// Counts against the rules' figures.
    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for claim in cx.claims {
            let ClaimKind::Count(count) = &claim.kind else { continue };
            let Some((event_id, position, value)) = against_rules(cx.kb, count) else { continue };
            let event = &cx.kb.events[event_id];
            let rule = &event.counts[position];
            let location = Location::new(&cx.source.file, claim.span);
            let written = one_line(location.text());
            out.push(
                Finding::new(
                    Self::INFO.code,
                    Self::INFO.default_severity,
                    location,
                    format!("“{written}” for {}: the rules give {value} {}", event.name, rule.what),
                )
                .label(format!("{} here", count.interval))
                .help(format!("the rules give {value} ({})", rule.origin))
                .rule(
                    &rule.origin,
                    format!("{value} {}", rule.what),
                    rule.source.as_ref().or(event.source.as_ref()),
                ),
            );
        }
    }

    /// Counts the rules do not settle, against each other.
    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut by_count: BTreeMap<(usize, usize), Vec<Said<CountInterval>>> = BTreeMap::new();
        for (source, fact) in &cx.facts.counts {
            if against_rules(cx.kb, &fact.count).is_some() {
                continue; // already reported against the rules
            }
            if let Some(key @ (event, position)) = counted(cx.kb, &fact.count) {
                let rule = &cx.kb.events[event].counts[position];
                by_count.entry(key).or_default().push(Said {
                    source: *source,
                    span: fact.span,
                    value: rule.comparable(fact.count.interval, &fact.count.including),
                });
            }
        }
        for ((event, position), said) in by_count {
            let event = &cx.kb.events[event];
            let rule = &event.counts[position];
            for (claim, reference) in disagreements(&said, |a, b| a.meets(b)) {
                let (here, there) = (cx.locate(claim.source, claim.span), cx.locate(reference.source, reference.span));
                let (written, other) = (one_line(here.text()), one_line(there.text()));
                let other_label = format!("“{other}” here");
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Severity::Warning,
                        here,
                        format!("“{written}” for {} here, but “{other}” in {}", event.name, cx.label(reference.source)),
                    )
                    .label(format!("{} {}", claim.value, rule.what))
                    .related(there, other_label)
                    .help(match rule.value {
                        Some(value) => format!("the sources disagree; the rules give {value} ({})", rule.origin),
                        None => "the sources disagree; the rules give no figure to settle it".to_string(),
                    }),
                );
            }
        }
    }
}

/// Which count of which event a count is about: the first candidate event that counts its unit.
fn counted(kb: &KnowledgeBase, count: &CountClaim) -> Option<(EventId, usize)> {
    let (tie, unit) = (count.event.as_ref()?, count.unit.as_deref().map(fold));
    tie.candidates.iter().find_map(|&e| {
        let position = kb.events[e].counts.iter().position(|c| c.counts(unit.as_deref(), count.outcome))?;
        Some((e, position))
    })
}

/// The event, count and figure a count contradicts, if it is firmly tied to a counted event with
/// a figure that does not fit.
fn against_rules(kb: &KnowledgeBase, count: &CountClaim) -> Option<(EventId, usize, u64)> {
    let (event, position) = counted(kb, count)?;
    let rule = &kb.events[event].counts[position];
    let value = rule.value?;
    let firm = count.event.as_ref().is_some_and(|t| t.strength != TieStrength::Weak);
    (firm && !rule.comparable(count.interval, &count.including).contains(value)).then_some((event, position, value))
}
