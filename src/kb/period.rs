//! When a role is held. Dates known only to the month or year make the edges of a period
//! uncertain; a check only speaks where the answer is certain, so uncertainty means silence.

use std::fmt;

use crate::interval::DateInterval;

/// `[from, until)`, each edge a day or, when only that is known, the days it may be.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// First day held; `None` when the rules do not say.
    pub from: Option<DateInterval>,
    /// First day no longer held; `None` while still held.
    pub until: Option<DateInterval>,
}

/// A three-valued answer: uncertain edges give `Unknown`, never a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Yes,
    No,
    Unknown,
}

impl Period {
    /// True when some day of `days` is certainly inside the period.
    fn surely_meets(&self, days: &DateInterval) -> bool {
        let started = self.from.is_none_or(|from| from.end <= days.end);
        let first_sure = self.from.map_or(days.start, |from| from.end.max(days.start));
        let not_ended = self.until.is_none_or(|until| first_sure < until.start);
        started && not_ended
    }

    /// True when some day of `days` may be inside the period.
    fn may_meet(&self, days: &DateInterval) -> bool {
        let started = self.from.is_none_or(|from| from.start <= days.end);
        let first_possible = self.from.map_or(days.start, |from| from.start.max(days.start));
        let not_ended = self.until.is_none_or(|until| first_possible < until.end);
        started && not_ended
    }

    /// Was the role held on some day of `days`?
    pub fn held_during(&self, days: &DateInterval) -> Held {
        if self.surely_meets(days) {
            Held::Yes
        } else if self.may_meet(days) {
            Held::Unknown
        } else {
            Held::No
        }
    }

    /// Had the period certainly ended by every day of `days`?
    pub fn ended_before(&self, days: &DateInterval) -> bool {
        self.until.is_some_and(|until| until.end <= days.start)
    }

    /// Does the period certainly start after every day of `days`?
    pub fn starts_after(&self, days: &DateInterval) -> bool {
        self.from.is_some_and(|from| from.start > days.end)
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        let starts_before_end = |a: &Period, b: &Period| match (a.from, b.until) {
            (Some(from), Some(until)) => from.start < until.end,
            _ => true,
        };
        starts_before_end(self, other) && starts_before_end(other, self)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.until) {
            // `until` is the first day no longer held: the day it ended.
            (Some(from), Some(until)) => write!(f, "from {from}, ended {until}"),
            (Some(from), None) => write!(f, "since {from}"),
            (None, Some(until)) => write!(f, "ended {until}"),
            (None, None) => write!(f, "at some time"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> DateInterval {
        DateInterval::parse_partial(text).unwrap()
    }

    fn period(from: &str, until: Option<&str>) -> Period {
        Period { from: Some(days(from)), until: until.map(days) }
    }

    #[test]
    fn held_is_certain_only_away_from_uncertain_edges() {
        let minister = period("2023-09-06", Some("2025-07"));
        assert_eq!(minister.held_during(&days("2024-01-01")), Held::Yes);
        assert_eq!(minister.held_during(&days("2025-07-10")), Held::Unknown);
        assert_eq!(minister.held_during(&days("2025-08-01")), Held::No);
        assert_eq!(minister.held_during(&days("2023-09-05")), Held::No);
        assert_eq!(minister.held_during(&days("2023-09-06")), Held::Yes);
        // A year that overlaps the period certainly meets it.
        assert_eq!(minister.held_during(&days("2025")), Held::Yes);
        assert!(minister.ended_before(&days("2025-08")));
        assert!(!minister.ended_before(&days("2025-07-20")));
        assert!(minister.starts_after(&days("2023-08")));
    }

    #[test]
    fn until_is_exclusive() {
        let president = period("2021-01-20", Some("2025-01-20"));
        assert_eq!(president.held_during(&days("2025-01-19")), Held::Yes);
        assert_eq!(president.held_during(&days("2025-01-20")), Held::No);
        assert!(president.ended_before(&days("2025-01-20")));
        let again = period("2025-01-20", None);
        assert!(!president.overlaps(&again));
        assert!(period("2020", None).overlaps(&again));
    }
}
