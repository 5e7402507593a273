//! Claims out of a source: mentions, titles, dates and counts, and the events of the rules
//! that dates and counts are about.
//!
//! Each extractor reads the source's text and returns ranges in it; this module turns them
//! into [`Claim`]s with spans into the file. Extractors never see the file, only the prose.

pub mod count;
pub mod date;
mod event;
pub mod mention;
pub mod number;
pub mod title;

use crate::claim::{Claim, ClaimKind, CountClaim, DateClaim, Mention, Title};
pub use crate::input::Sentence;
use crate::input::Source;
use crate::kb::KnowledgeBase;
use crate::kb::phrases::WordHashes;
use count::{CountSettings, extract_counts_around};
use date::extract_dates;
use mention::{find_mentions, unwrap_lines};
use title::find_titles;

use crate::text::title_key;

/// Settings that change what is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractSettings {
    pub counts: CountSettings,
}

/// Every claim of a source, in text order.
pub fn extract(source: &Source, kb: &KnowledgeBase, settings: &ExtractSettings) -> Vec<Claim> {
    let text = &source.text;
    // Names and titles may wrap across lines within a sentence: read them on one line.
    let unwrapped = unwrap_lines(text, &source.sentences);
    let words = WordHashes::new(&unwrapped);
    let mentions = find_mentions(&unwrapped, &words, kb, &source.sentences);
    let titles = find_titles(&unwrapped, &mentions, &source.sentences, kb);
    let dates = extract_dates(text, source.meta.published);
    // A number inside a date ("January 3", "in 2024") is not a count. Both lists are in text
    // order: look the date up, never scan them all.
    let date_ranges: Vec<_> = dates.iter().map(|d| d.range.clone()).collect();
    let counts: Vec<_> = extract_counts_around(text, &settings.counts, &date_ranges)
        .into_iter()
        .filter(|c| {
            let next = dates.partition_point(|d| d.range.end <= c.range.start);
            dates.get(next).is_none_or(|d| d.range.start >= c.range.end)
        })
        .collect();

    let claim = |range: std::ops::Range<usize>, kind: ClaimKind| Claim {
        span: source.span(range.clone()),
        sentence: source.sentence_at(range.start).unwrap_or(0),
        range,
        kind,
    };
    let mut claims: Vec<Claim> = Vec::with_capacity(mentions.len() + titles.len() + dates.len() + counts.len());
    claims.extend(titles.into_iter().map(|t| {
        let entity = mentions.iter().find(|m| m.range == t.person).and_then(|m| m.entity);
        let title = text[t.title.clone()].to_string();
        let kind = Title {
            entity,
            key: title_key(&title),
            title,
            title_span: source.span(t.title.clone()),
            person: t.person,
            qualifier: t.qualifier,
        };
        claim(t.range, ClaimKind::Title(kind))
    }));
    claims.extend(mentions.into_iter().map(|m| {
        claim(m.range, ClaimKind::Mention(Mention { entity: m.entity, form: m.form, person_like: m.person_like }))
    }));
    claims.extend(dates.into_iter().map(|d| {
        claim(
            d.range,
            ClaimKind::Date(DateClaim {
                interval: d.interval,
                alternative: d.alternative,
                weekday: d.weekday,
                event: None,
            }),
        )
    }));
    claims.extend(counts.into_iter().map(|c| {
        // The claim reads "18 countries": the unit joins the span when it follows the number.
        let range = match &c.unit {
            Some(unit) if unit.start >= c.range.end => c.range.start..unit.end,
            _ => c.range.clone(),
        };
        let unit = c.unit.map(|u| text[u].to_string());
        claim(range, ClaimKind::Count(CountClaim { interval: c.interval, unit, event: None }))
    }));
    event::tie_events(source, &unwrapped, &words, kb, &mut claims);
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims
}
