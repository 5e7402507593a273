use std::collections::BTreeMap;

use crate::checks::compare::{Said, disagreements};
use crate::checks::{Check, CheckInfo, CorpusContext, declare_check, one_line};
use crate::claim::{ClaimKind, TieStrength};
use crate::finding::{Finding, Location, Severity};
use crate::interval::CountInterval;
use crate::text::{fold, same_noun};

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

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut by_count: BTreeMap<(usize, usize), Vec<Said<CountInterval>>> = BTreeMap::new();
        for (index, (source, claims)) in cx.sources.iter().zip(cx.claims).enumerate() {
            for claim in claims {
                let ClaimKind::Count(count) = &claim.kind else { continue };
                let (Some(tie), Some(unit)) = (&count.event, &count.unit) else { continue };
                let unit = fold(unit);
                // The first candidate event that counts this unit, and which of its counts.
                let found = tie.candidates.iter().find_map(|&e| {
                    let position =
                        cx.kb.events[e].counts.iter().position(|c| c.units.iter().any(|u| same_noun(u, &unit)))?;
                    Some((e, position))
                });
                let Some((event_id, position)) = found else { continue };
                let event = &cx.kb.events[event_id];
                let rule = &event.counts[position];
                let location = Location::new(&source.file, claim.span);
                match rule.value {
                    Some(value) if tie.strength != TieStrength::Weak && !count.interval.contains(value) => {
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
                    _ => by_count.entry((event_id, position)).or_default().push(Said {
                        source: index,
                        location,
                        value: count.interval,
                    }),
                }
            }
        }
        for ((event, position), said) in by_count {
            let event = &cx.kb.events[event];
            let rule = &event.counts[position];
            for (claim, reference) in disagreements(&said, |a, b| a.meets(b)) {
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Severity::Warning,
                        claim.location.clone(),
                        format!(
                            "“{}” for {} here, but “{}” in {}",
                            one_line(claim.location.text()),
                            event.name,
                            one_line(reference.location.text()),
                            reference.location.file.path
                        ),
                    )
                    .label(format!("{} {}", claim.value, rule.what))
                    .related(reference.location.clone(), format!("“{}” here", one_line(reference.location.text())))
                    .help(match rule.value {
                        Some(value) => format!("the sources disagree; the rules give {value} ({})", rule.origin),
                        None => "the sources disagree; the rules give no figure to settle it".to_string(),
                    }),
                );
            }
        }
    }
}
