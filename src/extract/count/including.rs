//! What a count says it takes in: "16 countries, including Ukraine, attended" counts Ukraine
//! among the sixteen. A rule whose figure leaves the host out (`excluding = ["Ukraine"]`) is then
//! compared with fifteen, not sixteen.

use crate::text::fold;

/// Words that open the list of what a count takes in.
const OPENERS: &[&str] = &["including", "counting", "among them", "incl."];

/// The folded names a count says it includes, read right after it (`after` starts where the
/// count and its noun end).
pub fn included_after(after: &str) -> Vec<String> {
    let Some(rest) = after.trim_start().strip_prefix(',') else { return Vec::new() };
    let rest = rest.trim_start();
    let Some(list) = OPENERS.iter().find_map(|opener| {
        let head = rest.get(..opener.len())?;
        let tail = &rest[opener.len()..];
        (head.eq_ignore_ascii_case(opener) && tail.starts_with(' ')).then_some(tail)
    }) else {
        return Vec::new();
    };
    let end = list.find([';', '.', ':', ')', '(', '"', '—', '–']).unwrap_or(list.len());
    let list = &list[..end];
    // The list ends before a clause goes on: "…, including Ukraine, attended".
    let mut names = Vec::new();
    for item in list.split(',') {
        let item = item.trim();
        let parts: Vec<&str> = item.strip_prefix("and ").unwrap_or(item).split(" and ").collect();
        if parts.iter().any(|p| !p.trim_start_matches("the ").starts_with(char::is_uppercase)) {
            break;
        }
        names.extend(parts.iter().map(|p| fold(p.trim_start_matches("the "))));
    }
    names
}

/// Does a count follow a named item it is listed with ("NATO and two EU institutions", "the US
/// and 14 other countries")? It is then one part of the total, which is at least as large.
/// `before` is the sentence up to the count.
pub fn follows_named_item(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" and ") else { return false };
    let item = rest.rsplit([' ', ',', '(']).next().unwrap_or_default();
    let item = crate::text::strip_possessive(item);
    item.starts_with(char::is_uppercase) && !crate::lexicon::is_calendar_word(&item.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_a_count_takes_in() {
        let cases: &[(&str, &[&str])] = &[
            (", including Ukraine, attended the talks.", &["ukraine"]),
            (", including Ukraine and the United States.", &["ukraine", "united states"]),
            (", including France, Germany and Poland, met.", &["france", "germany", "poland"]),
            (", including several from Asia.", &[]),
            (" attended, including Ukraine.", &[]),
            (" met on Friday.", &[]),
        ];
        for &(after, want) in cases {
            assert_eq!(included_after(after), want, "{after}");
        }
    }

    #[test]
    fn a_count_after_a_named_item_is_a_part() {
        for (before, part) in [
            ("Advisers from 15 countries, along with NATO and ", true),
            ("Officials of the US and ", true),
            ("Talks between January and ", false),
            ("Officials from 15 countries and ", false),
            ("It drew ", false),
        ] {
            assert_eq!(follows_named_item(before), part, "{before}");
        }
    }
}
