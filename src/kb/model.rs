//! Rule files as written, with the span of every value kept, so that validation can point at the
//! exact place in the TOML.
//!
//! Read by hand from the parsed TOML tree rather than by serde derive: serde stops a file at its
//! first fault, and one run of `rules check` should show every fault of a file. Each key of each
//! table (entity, role, event, count) is checked on its own; a table missing a value it cannot
//! do without is left out, and reading goes on with the next. Only a TOML syntax error stops a
//! file. Unknown keys are rejected: a typo in a rule must not silently disable it.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::SpannedError;
use crate::source::{FileRef, Span};

#[derive(Debug, Default)]
pub struct RuleFile {
    pub entity: Vec<Entity>,
    pub event: Vec<Event>,
    /// `[names] distinct`.
    pub distinct: Vec<Spanned<String>>,
    /// The ids of entities left out for a fault: an event naming one is not reported again.
    pub broken_ids: Vec<String>,
    /// The file parses and has keys, none of them a rule file's: some other file.
    pub foreign: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    const NAMES: [(&str, EntityKind); 4] = [
        ("person", EntityKind::Person),
        ("organization", EntityKind::Organization),
        ("place", EntityKind::Place),
        ("other", EntityKind::Other),
    ];
}

#[derive(Debug)]
pub struct Entity {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub kind: Spanned<EntityKind>,
    pub variants: Vec<Spanned<String>>,
    pub misspellings: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
    pub role: Vec<Role>,
}

#[derive(Debug)]
pub struct Role {
    pub title: Spanned<String>,
    pub forms: Vec<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
}

#[derive(Debug)]
pub struct Event {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub date: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    pub entities: Vec<Spanned<String>>,
    pub place: Option<Spanned<String>>,
    pub triggers: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
    pub count: Vec<Count>,
}

#[derive(Debug)]
pub struct Count {
    pub what: Spanned<String>,
    pub units: Vec<Spanned<String>>,
    pub value: Option<Spanned<u64>>,
    /// What the figure leaves out ("Ukraine", the host): a count that says it includes one
    /// of them is compared with the figure plus those it names.
    pub excluding: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// The day the fact was last confirmed (`YYYY-MM-DD`).
    pub checked: Option<Spanned<String>>,
}

const FILE_KEYS: &[&str] = &["entity", "event", "names"];
const ENTITY_KEYS: &[&str] = &["id", "name", "kind", "variants", "misspellings", "source", "checked", "role"];
const ROLE_KEYS: &[&str] = &["title", "forms", "from", "until", "source", "checked"];
const EVENT_KEYS: &[&str] =
    &["id", "name", "date", "from", "until", "entities", "place", "triggers", "source", "checked", "count"];
const COUNT_KEYS: &[&str] = &["what", "units", "value", "excluding", "source", "checked"];
const NAMES_KEYS: &[&str] = &["distinct"];

/// Reads a rule file, adding one problem per fault to `problems`.
pub fn read(file: &FileRef, problems: &mut Vec<SpannedError>) -> RuleFile {
    let root = match DeTable::parse(&file.text) {
        Ok(root) => root,
        Err(err) => {
            let span = err.span().map_or(Span::new(0, 0), Span::from);
            problems.push(SpannedError::new(file, span, err.message().trim(), "here"));
            return RuleFile::default();
        }
    };
    let root = root.get_ref();
    let mut reader = Reader { file, problems };
    let top = Table { table: root, header: 0..0, what: "rule file" };
    reader.check_keys(&top, FILE_KEYS);
    let mut rules = RuleFile {
        foreign: !root.is_empty() && !FILE_KEYS.iter().any(|key| root.contains_key(*key)),
        ..RuleFile::default()
    };
    for value in reader.array_of_tables(&top, "entity") {
        match reader.entity(value) {
            Ok(entity) => rules.entity.push(entity),
            Err(Some(id)) => rules.broken_ids.push(id),
            Err(None) => {}
        }
    }
    for value in reader.array_of_tables(&top, "event") {
        rules.event.extend(reader.event(value));
    }
    if let Some(names) = root.get("names") {
        if let Some(names) = reader.table(names, "names", NAMES_KEYS) {
            rules.distinct = reader.strings(&names, "distinct");
        }
    }
    rules
}

/// A table being read, and where to point when a key it needs is missing.
struct Table<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Its header (`[[entity]]`), or its inline braces.
    header: Range<usize>,
    /// What it is, for messages: "entity", "role".
    what: &'static str,
}

struct Reader<'f> {
    file: &'f FileRef,
    problems: &'f mut Vec<SpannedError>,
}

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, message: String, label: impl Into<String>) -> &mut SpannedError {
        self.problems.push(SpannedError::new(self.file, span.into(), message, label));
        self.problems.last_mut().unwrap_or_else(|| unreachable!("just pushed"))
    }

    /// An entity, or why not: the id of one that has an id but lacks something else it needs.
    fn entity(&mut self, value: &Spanned<DeValue>) -> Result<Entity, Option<String>> {
        let table = self.table(value, "entity", ENTITY_KEYS).ok_or(None)?;
        let id = self.required(&table, "id");
        let name = self.required(&table, "name");
        let kind = self.kind(&table);
        let variants = self.strings(&table, "variants");
        let misspellings = self.strings(&table, "misspellings");
        let source = self.string(&table, "source");
        let checked = self.string(&table, "checked");
        let role = self.array_of_tables(&table, "role").into_iter().filter_map(|role| self.role(role)).collect();
        match (id, name, kind) {
            (Some(id), Some(name), Some(kind)) => {
                Ok(Entity { id, name, kind, variants, misspellings, source, checked, role })
            }
            (id, _, _) => Err(id.map(Spanned::into_inner)),
        }
    }

    fn role(&mut self, value: &Spanned<DeValue>) -> Option<Role> {
        let table = self.table(value, "role", ROLE_KEYS)?;
        let title = self.required(&table, "title");
        let forms = self.strings(&table, "forms");
        let from = self.string(&table, "from");
        let until = self.string(&table, "until");
        let source = self.string(&table, "source");
        let checked = self.string(&table, "checked");
        Some(Role { title: title?, forms, from, until, source, checked })
    }

    fn event(&mut self, value: &Spanned<DeValue>) -> Option<Event> {
        let table = self.table(value, "event", EVENT_KEYS)?;
        let id = self.required(&table, "id");
        let name = self.required(&table, "name");
        let date = self.string(&table, "date");
        let from = self.string(&table, "from");
        let until = self.string(&table, "until");
        let entities = self.strings(&table, "entities");
        let place = self.string(&table, "place");
        let triggers = self.strings(&table, "triggers");
        let source = self.string(&table, "source");
        let checked = self.string(&table, "checked");
        let count = self.array_of_tables(&table, "count").into_iter().filter_map(|count| self.count(count)).collect();
        Some(Event { id: id?, name: name?, date, from, until, entities, place, triggers, source, checked, count })
    }

    fn count(&mut self, value: &Spanned<DeValue>) -> Option<Count> {
        let table = self.table(value, "count", COUNT_KEYS)?;
        let what = self.required(&table, "what");
        let units = self.strings(&table, "units");
        let value = self.whole_number(&table, "value");
        let excluding = self.strings(&table, "excluding");
        let source = self.string(&table, "source");
        let checked = self.string(&table, "checked");
        Some(Count { what: what?, units, value, excluding, source, checked })
    }

    /// `value` as a table of `what`, its unknown keys reported.
    fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        what: &'static str,
        keys: &[&str],
    ) -> Option<Table<'t, 'i>> {
        let DeValue::Table(table) = value.get_ref() else {
            self.mistyped(value, what, "a table");
            return None;
        };
        let table = Table { table, header: value.span(), what };
        self.check_keys(&table, keys);
        Some(table)
    }

    fn check_keys(&mut self, table: &Table, keys: &[&str]) {
        for key in table.table.keys() {
            let written: &str = key.get_ref();
            if keys.contains(&written) {
                continue;
            }
            let expected = keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            let message = format!("unknown key `{written}` in {}, expected one of {expected}", a(table.what));
            let why = "a misspelt key would silently disable the rule, so unknown keys are errors";
            let closest = keys
                .iter()
                .map(|k| (strsim::jaro_winkler(k, written), k))
                .filter(|(score, _)| *score >= 0.85)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let help = match closest {
                Some((_, key)) => format!("did you mean `{key}`? {why}"),
                None => why.to_string(),
            };
            self.problem(key.span(), message, "unknown key").help = Some(help);
        }
    }

    /// Every table of the array `key` (`[[entity]]`); nothing when it is absent.
    fn array_of_tables<'t, 'i>(&mut self, table: &Table<'t, 'i>, key: &'static str) -> Vec<&'t Spanned<DeValue<'i>>> {
        match table.table.get(key) {
            None => Vec::new(),
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                _ => {
                    let header = if table.what == "rule file" {
                        format!("[[{key}]]")
                    } else {
                        format!("[[{}.{key}]]", table.what)
                    };
                    let err = self.mistyped(value, key, "an array of tables");
                    err.help = Some(format!("write each one under a `{header}` header"));
                    Vec::new()
                }
            },
        }
    }

    /// An optional string.
    fn string(&mut self, table: &Table, key: &str) -> Option<Spanned<String>> {
        let value = table.table.get(key)?;
        self.as_string(value, key)
    }

    /// A string the table cannot do without.
    fn required(&mut self, table: &Table, key: &str) -> Option<Spanned<String>> {
        if !table.table.contains_key(key) {
            let message = format!("{} without `{key}`", a(table.what));
            self.problem(table.header.clone(), message, format!("this {} has no `{key}`", table.what));
        }
        self.string(table, key)
    }

    /// An optional list of strings; each element that is no string is reported and left out.
    fn strings(&mut self, table: &Table, key: &str) -> Vec<Spanned<String>> {
        let Some(value) = table.table.get(key) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            self.mistyped(value, key, "a list of strings");
            return Vec::new();
        };
        items.iter().filter_map(|item| self.as_string(item, key)).collect()
    }

    fn as_string(&mut self, value: &Spanned<DeValue>, key: &str) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(text) => Some(Spanned::new(value.span(), text.to_string())),
            DeValue::Datetime(_) => {
                let err = self.mistyped(value, key, "a string");
                err.help = Some("dates are written in quotes: \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"".into());
                None
            }
            _ => {
                self.mistyped(value, key, "a string");
                None
            }
        }
    }

    fn kind(&mut self, table: &Table) -> Option<Spanned<EntityKind>> {
        let written = self.required(table, "kind")?;
        let kind = EntityKind::NAMES.iter().find(|(name, _)| *name == written.get_ref().as_str());
        match kind {
            Some((_, kind)) => Some(Spanned::new(written.span(), *kind)),
            None => {
                let expected = EntityKind::NAMES.iter().map(|(name, _)| format!("`{name}`")).collect::<Vec<_>>();
                let message = format!("unknown kind `{}`, expected one of {}", written.get_ref(), expected.join(", "));
                self.problem(written.span(), message, "not a kind");
                None
            }
        }
    }

    fn whole_number(&mut self, table: &Table, key: &str) -> Option<Spanned<u64>> {
        let value = table.table.get(key)?;
        let expected = "a whole number of 0 or more";
        match value.get_ref() {
            DeValue::Integer(number) => match u64::from_str_radix(number.as_str(), number.radix()) {
                Ok(number) => return Some(Spanned::new(value.span(), number)),
                Err(_) => {
                    let message = format!("`{key}` must be {expected}, not {}", number.as_str());
                    self.problem(value.span(), message, "out of range");
                }
            },
            _ => {
                self.mistyped(value, key, expected);
            }
        }
        None
    }

    fn mistyped(&mut self, value: &Spanned<DeValue>, key: &str, expected: &str) -> &mut SpannedError {
        let found = a(value.get_ref().type_str());
        self.problem(value.span(), format!("`{key}` must be {expected}, not {found}"), format!("{found} here"))
    }
}

/// A noun with its indefinite article.
fn a(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}
