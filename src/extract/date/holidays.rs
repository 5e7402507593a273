//! Holiday names and how each falls in a year, read from `data/holidays.txt` and
//! `data/independence-days.txt` (their headers give the format). Names are matched word by word,
//! case-insensitively, with apostrophes, dots and hyphens ignored ("New Year's Eve", "new years
//! eve", "Eid al-Fitr").

use std::sync::OnceLock;

use chrono::Weekday;

use super::cal::Rule;

static HOLIDAYS: &str = include_str!("../../../data/holidays.txt");
static INDEPENDENCE_DAYS: &str = include_str!("../../../data/independence-days.txt");

/// Holidays by name: each name's words, and its rule.
pub(super) fn holidays() -> &'static [(Vec<&'static str>, Rule)] {
    static CELL: OnceLock<Vec<(Vec<&'static str>, Rule)>> = OnceLock::new();
    CELL.get_or_init(|| {
        entries(HOLIDAYS, "holidays.txt")
            .map(|(name, rule)| {
                let parsed = parse_rule(rule).unwrap_or_else(|| panic!("data/holidays.txt: bad rule `{rule}`"));
                (name.split(' ').collect(), parsed)
            })
            .collect()
    })
}

/// Independence days by the name or adjective of their country: (word, month, day).
pub(super) fn independence_days() -> &'static [(&'static str, u32, u32)] {
    static CELL: OnceLock<Vec<(&'static str, u32, u32)>> = OnceLock::new();
    CELL.get_or_init(|| {
        entries(INDEPENDENCE_DAYS, "independence-days.txt")
            .flat_map(|(names, day)| {
                let (month, day) =
                    month_day(day).unwrap_or_else(|| panic!("data/independence-days.txt: bad day `{day}`"));
                names.split(' ').map(move |name| (name, month, day))
            })
            .collect()
    })
}

/// The `left = right` lines of a data file, without comments and blank lines.
fn entries(data: &'static str, file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).map(move |line| {
        let (left, right) = line.split_once('=').unwrap_or_else(|| panic!("data/{file}: no `=` in `{line}`"));
        (left.trim(), right.trim())
    })
}

fn month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = text.split_once('-')?;
    Some((month.parse().ok()?, day.parse().ok()?))
}

/// A rule as the data file writes it: `MM-DD`, `nth MONTH WEEKDAY N [±D]`, `easter ±D`,
/// `orthodox-easter ±D`, `hijri MONTH DAY`.
fn parse_rule(text: &str) -> Option<Rule> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let days = |part: Option<&&str>| part.map_or(Some(0), |p| p.parse::<i64>().ok());
    Some(match parts.as_slice() {
        [day] => {
            let (month, day) = month_day(day)?;
            Rule::Fixed(month, day)
        }
        ["nth", month, weekday, n, rest @ ..] if rest.len() <= 1 => {
            Rule::Nth(month.parse().ok()?, weekday.parse::<Weekday>().ok()?, n.parse().ok()?, days(rest.first())?)
        }
        ["easter", plus] => Rule::Easter(plus.parse().ok()?),
        ["orthodox-easter", plus] => Rule::OrthodoxEaster(plus.parse().ok()?),
        ["hijri", month, day] => Rule::Hijri(month.parse().ok()?, day.parse().ok()?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::Weekday::{Mon, Thu};

    use super::*;

    #[test]
    fn every_line_of_the_data_files_reads() {
        let rule = |name: &str| holidays().iter().find(|(words, _)| words.join(" ") == name).map(|(_, rule)| *rule);
        assert_eq!(rule("christmas eve"), Some(Rule::Fixed(12, 24)));
        assert_eq!(rule("memorial day"), Some(Rule::Nth(5, Mon, -1, 0)));
        assert_eq!(rule("black friday"), Some(Rule::Nth(11, Thu, 4, 1)));
        assert_eq!(rule("ash wednesday"), Some(Rule::Easter(-46)));
        assert_eq!(rule("ramadan"), Some(Rule::Hijri(9, 0)));
        assert_eq!(holidays().len(), HOLIDAYS.lines().filter(|l| l.contains('=') && !l.starts_with('#')).count());
        assert!(independence_days().contains(&("ukrainian", 8, 24)));
    }

    #[test]
    fn rules_as_written() {
        assert_eq!(parse_rule("nth 11 thu 4 +1"), Some(Rule::Nth(11, Thu, 4, 1)));
        assert_eq!(parse_rule("orthodox-easter +0"), Some(Rule::OrthodoxEaster(0)));
        assert_eq!(parse_rule("13-45 x"), None);
        assert_eq!(parse_rule("nth 1 mon"), None);
    }
}
