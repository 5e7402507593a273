//! SPARQL query results (`application/sparql-results+json`), one row per term held.
//!
//! The variables read, all optional but `person`:
//! - `person` — the entity's URI (`http://www.wikidata.org/entity/Q…`);
//! - `personLabel`, `personAltLabel` — its English label and aliases (the label service joins
//!   aliases with ", ");
//! - `instance` — a P31 value, for the kind (a row without one is a person);
//! - `country` — a P27 value, for `--country` (without it, `--country` keeps no one);
//! - `position`, `positionLabel`, `positionAltLabel` — a P39 value and its English names;
//! - `start`, `end` — the term's P580 and P582 (`xsd:dateTime`), with `startPrecision` and
//!   `endPrecision` (`wikibase:timePrecision`; day precision when not given);
//! - `rank` — the statement's rank (deprecated rows are left out);
//! - `modified` — `schema:dateModified`, the `checked` day when `--checked` is not given.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{End, Label, PartialDate, Qid, Record, Term, kind_of, parse_qid};
use crate::kb::EntityKind;

#[derive(Debug, Deserialize)]
struct Results {
    results: Bindings,
}

#[derive(Debug, Deserialize)]
struct Bindings {
    bindings: Vec<HashMap<String, Binding>>,
}

#[derive(Debug, Deserialize)]
struct Binding {
    value: String,
}

/// Day precision, as `wikibase:timePrecision` numbers it.
const DAY: u8 = 11;

pub fn read(document: serde_json::Value) -> Result<(Vec<Record>, HashMap<Qid, Label>), String> {
    let results: Results = serde_json::from_value(document).map_err(|e| format!("not SPARQL results: {e}"))?;
    let mut records = Vec::new();
    let mut labels = HashMap::new();
    for row in results.results.bindings {
        let text = |name: &str| row.get(name).map(|b| b.value.as_str());
        let Some(qid) = text("person").and_then(parse_qid) else {
            return Err("a result row has no `person` (an entity URI)".into());
        };
        let mut record = Record {
            qid,
            label: text("personLabel").and_then(|l| label(l, qid)),
            aliases: aliases(text("personAltLabel")),
            kind: Some(text("instance").and_then(parse_qid).map_or(EntityKind::Person, |q| kind_of(&[q]))),
            countries: text("country").and_then(parse_qid).into_iter().collect(),
            modified: text("modified").and_then(|m| NaiveDate::parse_from_str(m.get(..10)?, "%Y-%m-%d").ok()),
            ..Record::default()
        };
        let deprecated = text("rank").is_some_and(|r| r.ends_with("DeprecatedRank"));
        if let (Some(position), false) = (text("position").and_then(parse_qid), deprecated) {
            if let Some(name) = text("positionLabel").and_then(|l| label(l, position)) {
                labels.insert(position, Label { label: name, aliases: aliases(text("positionAltLabel")) });
            }
            let date = |time: &str, precision: &str| {
                let precision = text(precision).and_then(|p| p.parse().ok()).unwrap_or(DAY);
                text(time).and_then(|t| PartialDate::from_time(t, precision))
            };
            match (text("end"), date("end", "endPrecision")) {
                (Some(end), None) => record.skipped.push(format!("Q{position}: its end “{end}” is not a usable date")),
                (_, until) => record.terms.push(Term {
                    position,
                    from: date("start", "startPrecision"),
                    until: until.map_or(End::Open, End::Known),
                }),
            }
        }
        records.push(record);
    }
    Ok((records, labels))
}

/// A label, unless the label service fell back to the bare QID for want of one.
fn label(text: &str, qid: Qid) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && parse_qid(text) != Some(qid)).then(|| text.to_string())
}

fn aliases(text: Option<&str>) -> Vec<String> {
    text.into_iter().flat_map(|t| t.split(", ")).map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect()
}
