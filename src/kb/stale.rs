//! Facts due for a re-check: open roles (the rules say they are still held, which is true only
//! up to the day someone last looked) and events or counts that carry a `checked` day.
//!
//! "Today" is given by the caller: the library reads no clock.

use chrono::NaiveDate;

use super::{KnowledgeBase, RuleRef};

/// One fact to re-check.
#[derive(Debug)]
pub struct StaleFact<'kb> {
    /// Who or what the fact is about: an entity's or an event's name.
    pub subject: &'kb str,
    /// What is claimed: a role's title, a count's `what`, or the event itself.
    pub claim: &'kb str,
    /// The day it was last confirmed; `None` when never.
    pub checked: Option<NaiveDate>,
    pub origin: &'kb RuleRef,
}

impl StaleFact<'_> {
    /// Whole days from the last check to `today`; `None` when never checked.
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.checked.map(|checked| (today - checked).num_days())
    }
}

/// Open facts not confirmed within `older_than_days` of `today` (every open fact when `None`):
/// those never checked first, then the oldest check first, then in file order.
pub fn stale_facts(kb: &KnowledgeBase, today: NaiveDate, older_than_days: Option<u32>) -> Vec<StaleFact<'_>> {
    let roles = kb.entities.iter().flat_map(|entity| {
        entity.roles.iter().filter(|role| role.period.until.is_none()).map(|role| StaleFact {
            subject: &entity.name,
            claim: &role.title,
            checked: role.checked,
            origin: &role.origin,
        })
    });
    let events = kb.events.iter().flat_map(|event| {
        let itself = event.checked.map(|checked| StaleFact {
            subject: &event.name,
            claim: "date",
            checked: Some(checked),
            origin: &event.origin,
        });
        let counts = event.counts.iter().filter(|count| count.checked.is_some()).map(|count| StaleFact {
            subject: &event.name,
            claim: &count.what,
            checked: count.checked,
            origin: &count.origin,
        });
        itself.into_iter().chain(counts)
    });
    let mut facts: Vec<StaleFact> = roles
        .chain(events)
        .filter(|fact| match (older_than_days, fact.age_days(today)) {
            (Some(limit), Some(age)) => age > i64::from(limit),
            _ => true,
        })
        .collect();
    // `None` sorts before any day: never-checked facts come first. The sort is stable, so ties
    // keep the order of the rule files.
    facts.sort_by_key(|fact| fact.checked);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    const RULES: &str = r#"
[[entity]]
id = "a-person"
name = "A Person"
kind = "person"
checked = "2020-01-01"

[[entity.role]]
title = "Mayor of Somewhere"
from = "2010"
until = "2015"

[[entity.role]]
title = "Governor of Somewhere"
from = "2015"
checked = "2026-06-30"

[[entity.role]]
title = "Chair of Something"
from = "2016"

[[entity]]
id = "b-person"
name = "B Person"
kind = "person"

[[entity.role]]
title = "Senator"
from = "2001"
checked = "2025-01-15"

[[event]]
id = "summit"
name = "a summit"
date = "2026-01-03"
checked = "2026-02-01"

[[event.count]]
what = "countries represented"
value = 15
checked = "2024-05-05"

[[event.count]]
what = "delegates"
value = 300
"#;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn listed(older_than_days: Option<u32>) -> Vec<(String, Option<NaiveDate>)> {
        let kb = KnowledgeBase::compile(vec![SourceFile::new("test.toml", RULES)]).unwrap();
        stale_facts(&kb, day("2026-07-01"), older_than_days)
            .iter()
            .map(|f| (format!("{}: {}", f.subject, f.claim), f.checked))
            .collect()
    }

    #[test]
    fn lists_open_facts_never_checked_first_then_oldest() {
        let expected = [
            ("A Person: Chair of Something", None),
            ("a summit: countries represented", Some(day("2024-05-05"))),
            ("B Person: Senator", Some(day("2025-01-15"))),
            ("a summit: date", Some(day("2026-02-01"))),
            ("A Person: Governor of Somewhere", Some(day("2026-06-30"))),
        ];
        let expected: Vec<_> = expected.iter().map(|(what, day)| (what.to_string(), *day)).collect();
        assert_eq!(listed(None), expected);
    }

    #[test]
    fn older_than_keeps_old_and_never_checked_facts() {
        let facts: Vec<String> = listed(Some(180)).into_iter().map(|(what, _)| what).collect();
        assert_eq!(facts, ["A Person: Chair of Something", "a summit: countries represented", "B Person: Senator"]);
    }
}
