//! Rule files from Wikidata: entity JSON (one document, or a whole dump streamed line by line)
//! and SPARQL results are read into [`Importer`], one compact record per kept entity, and
//! written out as SPEC §3 rule files by [`write`].
//!
//! The key decision: only what the filters keep is held in memory, plus the labels of the
//! positions those entities held, so a dump of any size is read in memory bounded by the output.
//! A position met in a dump before anyone who held it is not remembered; its label is looked up
//! in a second pass ([`Importer::missing_labels`], [`Importer::read_labels`]).

mod dump;
mod entity;
mod sparql;
pub mod write;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::error::Error;
use crate::interval::DateInterval;
use crate::kb::{EntityKind, Period};

pub use dump::decompress;
pub use write::{Existing, Output, write};

/// A Wikidata item number: 42 for Q42.
pub type Qid = u64;

/// Parses `Q42` (or `42`, or an entity URI ending in `Q42`).
pub fn parse_qid(text: &str) -> Option<Qid> {
    let text = text.trim();
    let tail = text.rsplit('/').next().unwrap_or(text);
    let digits = tail.strip_prefix(['Q', 'q']).unwrap_or(tail);
    digits.parse().ok().filter(|&n| n > 0)
}

/// A date as precise as Wikidata knows it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (SPEC §3).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate(pub String);

impl PartialDate {
    /// From a Wikidata time (`+2001-05-17T00:00:00Z`) and its precision (11 day, 10 month,
    /// 9 year). Coarser precisions, years before 1 or after 9999 and impossible days give `None`.
    pub fn from_time(time: &str, precision: u8) -> Option<PartialDate> {
        // Dumps sign the year (`+2001`), SPARQL does not; years before 1 are left out.
        let time = time.strip_prefix('+').unwrap_or(time);
        let date = time.split('T').next()?;
        let mut parts = date.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        let year: i32 = year.parse().ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let text = match precision {
            11 => NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)?.format("%Y-%m-%d").to_string(),
            10 => {
                let month: u32 = month.parse().ok()?;
                (1..=12).contains(&month).then(|| format!("{year:04}-{month:02}"))?
            }
            9 => format!("{year:04}"),
            _ => return None,
        };
        Some(PartialDate(text))
    }
}

/// The end of a term.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum End {
    /// No end recorded: still held, as far as Wikidata says.
    Open,
    Known(PartialDate),
}

/// One P39 statement: a position held, from when until when.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub position: Qid,
    pub from: Option<PartialDate>,
    pub until: End,
}

impl Term {
    /// The term as the rules read it.
    pub fn period(&self) -> Period {
        let days = |date: &PartialDate| DateInterval::parse_partial(&date.0);
        let until = match &self.until {
            End::Open => None,
            End::Known(day) => days(day),
        };
        Period { from: self.from.as_ref().and_then(days), until }
    }

    fn overlaps(&self, other: &Term) -> bool {
        self.period().overlaps(&other.period())
    }
}

/// An entity as the rules need it.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub qid: Qid,
    pub label: Option<String>,
    pub aliases: Vec<String>,
    pub kind: Option<EntityKind>,
    /// An office or post (P31 position, public office…): a title, never an entity of its own.
    pub is_position: bool,
    /// Citizenship (P27), for `--country`.
    pub countries: Vec<Qid>,
    pub terms: Vec<Term>,
    /// The day the entity was last edited: its `checked` day unless one is given.
    pub modified: Option<NaiveDate>,
    /// Why statements were left out, for a comment in the output.
    pub skipped: Vec<String>,
}

impl Record {
    /// Adds what another input says about the same entity (SPARQL gives one row per term).
    fn merge(&mut self, other: Record) {
        if self.label.is_none() {
            self.label = other.label;
        }
        extend_unique(&mut self.aliases, other.aliases);
        self.kind = self.kind.or(other.kind);
        self.is_position |= other.is_position;
        extend_unique(&mut self.countries, other.countries);
        extend_unique(&mut self.terms, other.terms);
        self.modified = self.modified.max(other.modified);
        extend_unique(&mut self.skipped, other.skipped);
    }
}

fn extend_unique<T: PartialEq>(into: &mut Vec<T>, from: Vec<T>) {
    for item in from {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

/// The English label and aliases of a position.
#[derive(Debug, Clone, Default)]
pub struct Label {
    pub label: String,
    pub aliases: Vec<String>,
}

/// Which entities to import. Empty lists do not filter; given lists must all be met.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub qids: HashSet<Qid>,
    pub positions: HashSet<Qid>,
    pub countries: HashSet<Qid>,
}

impl Filter {
    fn keeps(&self, record: &Record) -> bool {
        (self.qids.is_empty() || self.qids.contains(&record.qid))
            && (self.positions.is_empty() || record.terms.iter().any(|t| self.positions.contains(&t.position)))
            && (self.countries.is_empty() || record.countries.iter().any(|c| self.countries.contains(c)))
    }
}

/// What the input files were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// `Special:EntityData/Q….json`: `{"entities": {"Q…": {…}}}`.
    EntityData,
    /// A JSON array with one entity per line.
    Dump,
    /// `application/sparql-results+json`.
    Sparql,
}

/// Gathers the kept entities and the labels of their positions from any number of inputs.
#[derive(Debug, Default)]
pub struct Importer {
    filter: Filter,
    records: BTreeMap<Qid, Record>,
    /// Every position a kept entity held.
    held: HashSet<Qid>,
    /// Labels of positions, and of every entity in small inputs.
    labels: HashMap<Qid, Label>,
}

impl Importer {
    pub fn new(filter: Filter) -> Self {
        Importer { filter, ..Importer::default() }
    }

    /// Reads one input, telling its kind from its first byte and keys. `name` is used in errors.
    pub fn read(&mut self, mut input: impl BufRead, name: &str) -> Result<InputKind, Error> {
        if first_byte(&mut input).map_err(|e| Error::read(name, e))? == Some(b'[') {
            dump::read(input, name, |entity| self.add_from_dump(entity))?;
            return Ok(InputKind::Dump);
        }
        let mut text = String::new();
        input.read_to_string(&mut text).map_err(|e| Error::read(name, e))?;
        let mut document: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::read(name, format!("not JSON: {e}")))?;
        if document.get("results").is_some() {
            let (records, labels) = sparql::read(document).map_err(|e| Error::read(name, e))?;
            self.labels.extend(labels);
            records.into_iter().for_each(|record| self.add(record));
            Ok(InputKind::Sparql)
        } else if let Some(entities) = document.get_mut("entities") {
            let entities: HashMap<String, entity::Entity> = serde_json::from_value(entities.take())
                .map_err(|e| Error::read(name, format!("not Wikidata entity JSON: {e}")))?;
            for entity in entities.into_values() {
                let record = entity.record();
                // A small document: every label may be a position's.
                if let Some(label) = &record.label {
                    self.labels.insert(record.qid, Label { label: label.clone(), aliases: record.aliases.clone() });
                }
                self.add(record);
            }
            Ok(InputKind::EntityData)
        } else {
            Err(Error::read(name, "neither Wikidata entity JSON nor SPARQL results (no `entities`, no `results`)"))
        }
    }

    fn add_from_dump(&mut self, entity: entity::Entity) {
        let record = entity.record();
        if self.needs_label(record.qid) {
            if let Some(label) = &record.label {
                self.labels.insert(record.qid, Label { label: label.clone(), aliases: record.aliases.clone() });
            }
        }
        self.add(record);
    }

    fn needs_label(&self, qid: Qid) -> bool {
        self.held.contains(&qid) && !self.labels.contains_key(&qid)
    }

    fn add(&mut self, record: Record) {
        if !self.filter.keeps(&record) {
            return;
        }
        self.held.extend(record.terms.iter().map(|t| t.position));
        match self.records.get_mut(&record.qid) {
            Some(kept) => kept.merge(record),
            None => {
                self.records.insert(record.qid, record);
            }
        }
    }

    /// Positions held by kept entities whose labels no input has given yet.
    pub fn missing_labels(&self) -> HashSet<Qid> {
        self.held.iter().copied().filter(|qid| !self.labels.contains_key(qid)).collect()
    }

    /// A second pass over a dump: the labels of `wanted` positions only.
    pub fn read_labels(&mut self, mut input: impl BufRead, name: &str, wanted: &HashSet<Qid>) -> Result<(), Error> {
        if first_byte(&mut input).map_err(|e| Error::read(name, e))? != Some(b'[') {
            return Ok(());
        }
        dump::read(input, name, |entity| {
            let record = entity.record();
            if let (true, Some(label)) = (wanted.contains(&record.qid), record.label) {
                self.labels.insert(record.qid, Label { label, aliases: record.aliases });
            }
        })
    }

    /// The kept entities, by QID, and the labels known.
    pub fn finish(self) -> (Vec<Record>, HashMap<Qid, Label>) {
        let positions = &self.held;
        // An entity given only as the position someone held is a label, not a rule of its own,
        // unless it was asked for by QID.
        let records = self
            .records
            .into_values()
            .filter(|r| !(r.is_position || positions.contains(&r.qid)) || self.filter.qids.contains(&r.qid))
            .collect();
        (records, self.labels)
    }
}

/// The first byte that is not white space, left unread; `None` for an empty input.
fn first_byte(input: &mut impl BufRead) -> std::io::Result<Option<u8>> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(None);
        }
        match buffer.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(at) => {
                let byte = buffer[at];
                input.consume(at);
                return Ok(Some(byte));
            }
            None => {
                let all = buffer.len();
                input.consume(all);
            }
        }
    }
}

/// Is an entity with these P31 values a post rather than a holder?
fn is_position(instance_of: &[Qid]) -> bool {
    const POSITIONS: &[Qid] = &[
        4164871, // position
        294414,  // public office
        30461,   // president
        14212,   // prime minister
        83307,   // minister
        707492,  // military chief of staff
        4175034, // legislator
        486839,  // member of parliament
        599151,  // official
        1553195, // deputy prime minister
    ];
    instance_of.iter().any(|q| POSITIONS.contains(q))
}

/// The kind of an entity from its P31 (instance of) values: a small table of the common ones.
fn kind_of(instance_of: &[Qid]) -> EntityKind {
    const ORGANIZATIONS: &[Qid] = &[
        43229,    // organization
        4830453,  // business
        7278,     // political party
        484652,   // international organization
        327333,   // government agency
        7188,     // government
        891723,   // public company
        245065,   // intergovernmental organization
        163740,   // nonprofit organization
        2659904,  // government organization
        1127126,  // military alliance
        176799,   // military unit
        15911314, // association
    ];
    const PLACES: &[Qid] = &[
        6256,     // country
        3624078,  // sovereign state
        515,      // city
        1549591,  // big city
        5119,     // capital city
        486972,   // human settlement
        532,      // village
        3957,     // town
        10864048, // first-level administrative country subdivision
        35657,    // state of the United States
        82794,    // geographic region
        2221906,  // geographic location
        23442,    // island
    ];
    if instance_of.contains(&5) {
        EntityKind::Person
    } else if instance_of.iter().any(|q| ORGANIZATIONS.contains(q)) {
        EntityKind::Organization
    } else if instance_of.iter().any(|q| PLACES.contains(q)) {
        EntityKind::Place
    } else {
        EntityKind::Other
    }
}

/// The reader of `path`, decompressed by its extension; `wrap` sits between the file and the
/// decompressor (a progress bar counts the bytes read from disk).
pub fn open(path: &Path, wrap: impl FnOnce(std::fs::File) -> Box<dyn Read>) -> Result<Box<dyn BufRead>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::read(path.display(), e))?;
    Ok(decompress(wrap(file), path))
}

#[cfg(test)]
mod tests;
