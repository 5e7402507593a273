//! Wikidata's entity JSON, as Special:EntityData and the dumps write it, read into only the
//! fields the rules need: serde passes over every other language and property unread.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{End, PartialDate, Qid, Record, Term, is_position, kind_of, parse_qid};

#[derive(Debug, Deserialize)]
pub struct Entity {
    id: String,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    labels: Labels,
    #[serde(default)]
    aliases: Aliases,
    /// `statements` in the newer REST shape.
    #[serde(default, alias = "statements")]
    claims: Claims,
    modified: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Labels {
    en: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
struct Aliases {
    #[serde(default)]
    en: Vec<Text>,
}

#[derive(Debug, Deserialize)]
struct Text {
    value: String,
}

#[derive(Debug, Default, Deserialize)]
struct Claims {
    /// Instance of: the kind.
    #[serde(rename = "P31", default)]
    instance_of: Vec<Statement>,
    /// Country of citizenship, for `--country`.
    #[serde(rename = "P27", default)]
    citizenship: Vec<Statement>,
    /// Position held.
    #[serde(rename = "P39", default)]
    positions: Vec<Statement>,
}

#[derive(Debug, Deserialize)]
struct Statement {
    mainsnak: Snak,
    #[serde(default)]
    rank: Rank,
    #[serde(default)]
    qualifiers: Qualifiers,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Rank {
    Preferred,
    #[default]
    Normal,
    Deprecated,
}

#[derive(Debug, Default, Deserialize)]
struct Qualifiers {
    /// Start time.
    #[serde(rename = "P580", default)]
    start: Vec<Snak>,
    /// End time.
    #[serde(rename = "P582", default)]
    end: Vec<Snak>,
}

#[derive(Debug, Deserialize)]
struct Snak {
    /// `value`, or `somevalue` (unknown) and `novalue` (none).
    snaktype: String,
    datavalue: Option<DataValue>,
}

#[derive(Debug, Deserialize)]
struct DataValue {
    value: Value,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Value {
    Time { time: String, precision: u8, calendarmodel: Option<String> },
    Item { id: String },
    Other(serde::de::IgnoredAny),
}

/// Julian-calendar dates would need converting; they are rare after 1582 and left out.
const JULIAN: &str = "Q1985786";

impl Snak {
    fn item(&self) -> Option<Qid> {
        match (&*self.snaktype, &self.datavalue) {
            ("value", Some(DataValue { value: Value::Item { id } })) => parse_qid(id),
            _ => None,
        }
    }

    fn date(&self) -> Option<PartialDate> {
        match (&*self.snaktype, &self.datavalue) {
            ("value", Some(DataValue { value: Value::Time { time, precision, calendarmodel } })) => {
                if calendarmodel.as_deref().is_some_and(|c| c.ends_with(JULIAN)) {
                    return None;
                }
                PartialDate::from_time(time, *precision)
            }
            _ => None,
        }
    }
}

/// The statements that count, as Wikidata's "truthy" reading has it: deprecated ones never,
/// normal ones only when none is preferred.
fn truthy(statements: &[Statement]) -> impl Iterator<Item = &Statement> {
    let best = if statements.iter().any(|s| s.rank == Rank::Preferred) { Rank::Preferred } else { Rank::Normal };
    statements.iter().filter(move |s| s.rank == best)
}

impl Entity {
    /// An item (Q…), not a property or a lexeme.
    pub fn is_item(&self) -> bool {
        self.kind.as_deref().is_none_or(|k| k == "item") && parse_qid(&self.id).is_some()
    }

    pub fn record(self) -> Record {
        let qid = parse_qid(&self.id).unwrap_or_default();
        let instance_of: Vec<Qid> = truthy(&self.claims.instance_of).filter_map(|s| s.mainsnak.item()).collect();
        let mut record = Record {
            qid,
            label: self.labels.en.map(|t| t.value),
            aliases: self.aliases.en.into_iter().map(|t| t.value).collect(),
            kind: (!instance_of.is_empty()).then(|| kind_of(&instance_of)),
            is_position: is_position(&instance_of),
            countries: truthy(&self.claims.citizenship).filter_map(|s| s.mainsnak.item()).collect(),
            terms: Vec::new(),
            modified: self.modified.as_deref().and_then(|m| NaiveDate::parse_from_str(m.get(..10)?, "%Y-%m-%d").ok()),
            skipped: Vec::new(),
        };
        record.terms = terms(&self.claims.positions, &mut record.skipped);
        record
    }
}

/// Every term of P39 worth a rule. Ranks are read per position, not per property: editors mark
/// the current post preferred, and the truthy reading would then lose every past post, which is
/// what stale titles are checked against. So a normal statement yields only to a preferred one of
/// the same position whose period overlaps it (two records of one term); deprecated ones never
/// count.
fn terms(statements: &[Statement], skipped: &mut Vec<String>) -> Vec<Term> {
    let mut ranked: Vec<(Term, Rank)> = Vec::new();
    for statement in statements.iter().filter(|s| s.rank != Rank::Deprecated) {
        let Some(position) = statement.mainsnak.item() else {
            skipped.push(format!("a position held that is {}", unknown(&statement.mainsnak)));
            continue;
        };
        let from = statement.qualifiers.start.iter().find_map(Snak::date);
        let until = match statement.qualifiers.end.first() {
            None => End::Open,
            Some(end) if end.snaktype == "novalue" => End::Open,
            Some(end) => match end.date() {
                Some(day) => End::Known(day),
                None => {
                    // It ended, but not on a day the rules can say: leaving `until` out would
                    // claim the post is still held.
                    skipped.push(format!("Q{position}: its end is {}", unknown(end)));
                    continue;
                }
            },
        };
        ranked.push((Term { position, from, until }, statement.rank));
    }
    let preferred: Vec<Term> = ranked.iter().filter(|(_, r)| *r == Rank::Preferred).map(|(t, _)| t.clone()).collect();
    ranked
        .into_iter()
        .filter(|(term, rank)| {
            *rank == Rank::Preferred || !preferred.iter().any(|p| p.position == term.position && p.overlaps(term))
        })
        .map(|(term, _)| term)
        .collect()
}

fn unknown(snak: &Snak) -> &'static str {
    match &*snak.snaktype {
        "somevalue" => "unknown",
        "novalue" => "none",
        _ => "not a day, month or year",
    }
}
