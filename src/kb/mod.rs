//! The knowledge base: rule files merged, validated and compiled into what extraction and the
//! checks read.
//!
//! Everything costly — folding forms, building the multi-pattern automata — happens once here,
//! at start-up, so that reading an article is one pass of matching.

mod bundled;
mod cache;
pub(crate) use cache::Bytes;
mod lazy;
pub use lazy::LazyVec;
pub mod model;
mod period;
pub mod phrases;
pub mod stale;
pub mod wikidata;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use model::EntityKind;
pub use period::{Held, Period};

use crate::claim::Qualifier;
use crate::error::{Error, Invalid, RuleWarning, SpannedError};
use crate::extract::count::Outcome;
use crate::interval::{CountInterval, DateInterval};
use crate::lexicon;
use crate::similar::SimilarNames;
use crate::source::{FileRef, SourceFile, Span};
use crate::text::{fold, same_noun, strip_possessive, surname, title_key};
use crate::transliteration::{foreign_readings, has_cyrillic, plain, plain_readings, skeleton, without_accents};
use phrases::{PhraseIndex, PhraseSet};

/// Where a rule is written: shown beside findings that rest on it.
#[derive(Debug, Clone)]
pub struct RuleRef {
    pub file: FileRef,
    pub span: Span,
}

impl RuleRef {
    pub fn line(&self) -> usize {
        self.file.line_col(self.span.start).0
    }
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.path, self.line())
    }
}

pub type EntityId = usize;
pub type EventId = usize;

#[derive(Debug, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub variants: Vec<String>,
    pub misspellings: Vec<String>,
    /// The last word of `name`, accepted by default unless another entity claims it.
    pub surname: Option<String>,
    pub roles: Vec<Role>,
    pub source: Option<String>,
    /// The day the entity was last confirmed.
    #[serde(with = "crate::interval::day_number")]
    pub checked: Option<NaiveDate>,
    pub origin: RuleRef,
    /// Where each listed form (folded) is written in the rules.
    pub form_origins: rustc_hash::FxHashMap<String, RuleRef>,
}

impl Entity {
    /// Where the rules list this form (the entity itself when the form is not listed).
    pub fn form_origin(&self, form: &str) -> &RuleRef {
        self.form_origins.get(&fold(form)).unwrap_or(&self.origin)
    }

    /// Accepted spellings: the name, the variants and the default surname.
    pub fn accepted_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.variants.iter().map(String::as_str))
            .chain(self.surname.as_deref())
    }

    /// The accepted form closest to a misspelling: the same number of words if possible, then
    /// the most similar. "Umarov" → "Umerov", "Rustam Umarov" → "Rustem Umerov".
    pub fn correction_for(&self, wrong: &str) -> &str {
        let words = wrong.split_whitespace().count();
        let wrong = fold(wrong);
        self.accepted_forms()
            .max_by(|a, b| {
                let score = |form: &str| {
                    let same_length = form.split_whitespace().count() == words;
                    (same_length, strsim::jaro_winkler(&fold(form), &wrong))
                };
                let (sa, ja) = score(a);
                let (sb, jb) = score(b);
                sa.cmp(&sb).then(ja.total_cmp(&jb))
            })
            .unwrap_or(&self.name)
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    pub forms: Vec<String>,
    pub period: Period,
    pub source: Option<String>,
    /// The day the role was last confirmed.
    #[serde(with = "crate::interval::day_number")]
    pub checked: Option<NaiveDate>,
    pub origin: RuleRef,
    /// `title` and `forms` in the normal form of [`title_key`].
    pub keys: Vec<Vec<String>>,
}

impl Role {
    /// The last day an open role is known to be held: its `checked` day. The rules say nothing
    /// about later days, so for an article dated after it a finding that rests on the role being
    /// still held is at most info. `None` for a role that has ended (its end is a fact, not a
    /// sighting) and for an open role never checked.
    pub fn confirmed_until(&self) -> Option<NaiveDate> {
        self.period.until.is_none().then_some(self.checked).flatten()
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub when: DateInterval,
    pub entities: Vec<EntityId>,
    pub place: Option<String>,
    pub triggers: Vec<String>,
    pub counts: Vec<EventCount>,
    pub source: Option<String>,
    /// The day the event was last confirmed.
    #[serde(with = "crate::interval::day_number")]
    pub checked: Option<NaiveDate>,
    pub origin: RuleRef,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EventCount {
    pub what: String,
    /// Folded unit nouns: "countries", "nations".
    pub units: Vec<String>,
    /// For a casualty count, what happened to those counted, as `what` or a unit says it.
    pub outcome: Option<Outcome>,
    /// What the figure leaves out, folded ("ukraine").
    pub excluding: Vec<String>,
    pub value: Option<u64>,
    pub source: Option<String>,
    /// The day the count was last confirmed.
    #[serde(with = "crate::interval::day_number")]
    pub checked: Option<NaiveDate>,
    pub origin: RuleRef,
}

impl EventCount {
    /// Whether a count of `unit` (folded), with `outcome`, counts what this count does: its
    /// noun is one of the units, and it tells of no other outcome ("injuring 117 people" is no
    /// death toll). A casualty count of people, or of no noun ("killing three"), counts the
    /// dead or the injured as its outcome says.
    pub fn counts(&self, unit: Option<&str>, outcome: Option<Outcome>) -> bool {
        if outcome.is_some() && self.outcome.is_some() && outcome != self.outcome {
            return false;
        }
        let same_outcome = outcome.is_some() && outcome == self.outcome;
        match unit {
            Some(unit) => {
                self.units.iter().any(|u| same_noun(u, unit)) || (same_outcome && matches!(unit, "people" | "persons"))
            }
            None => same_outcome,
        }
    }
}

impl EventCount {
    /// A count's interval as this figure counts: without the members it says it includes and
    /// the figure leaves out ("16 countries, including Ukraine" is 15 guests).
    pub fn comparable(&self, interval: CountInterval, including: &[String]) -> CountInterval {
        interval.less(self.excluding.iter().filter(|x| including.contains(x)).count() as u64)
    }
}

/// How a form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FormKind {
    Name,
    Variant,
    /// The default last word of the name.
    Surname,
    Misspelling,
}

/// One pattern of the name automaton and everyone it may stand for.
#[derive(Debug, Serialize, Deserialize)]
pub struct NamePattern {
    pub text: String,
    pub owners: Vec<(EntityId, FormKind)>,
    /// Owned by no person: matched in any case ("KYIV", "kyiv"), where a person's name must be
    /// capitalised as listed ("Rice", not "rice").
    pub any_case: bool,
}

/// One pattern of the event automaton: a trigger or a place of some events.
#[derive(Debug, Serialize, Deserialize)]
pub struct EventPattern {
    pub events: Vec<EventId>,
    pub is_place: bool,
}

/// Stored in the cache of large rule folders (see [`cache`]): the rule files and the name
/// indexes in parts of their own, read back in parallel; the entities and name patterns in runs
/// decoded when first read (see [`LazyVec`]); the warnings not at all, since only `rules check`
/// reports them and it never reads a cache.
#[derive(Debug, Serialize, Deserialize)]
pub struct KnowledgeBase {
    #[serde(skip)]
    pub entities: LazyVec<Entity>,
    pub events: Vec<Event>,
    /// Folded names never to be taken for variants of each other.
    pub distinct: HashSet<String>,
    #[serde(skip)]
    pub files: Vec<FileRef>,
    /// Rules that are valid but likely to mislead (see [`Builder::warn_about_misspelt_surnames`]
    /// and [`Builder::warn_about_common_triggers`]): `rules check` reports them.
    #[serde(skip)]
    pub warnings: Vec<RuleWarning>,
    #[serde(skip)]
    pub names: LazyVec<NamePattern>,
    pub event_patterns: Vec<EventPattern>,
    /// Where the places begin in `event_patterns`: triggers come first.
    pub place_offset: usize,
    /// Every phrase extraction looks for, found in one reading of a text's words: `names`, the
    /// triggers and the places of `event_patterns`, and from the lexicon the nouns a reference
    /// back calls an event by, and weekdays. Each index numbers its patterns from 0.
    pub phrases: PhraseSet<5>,
    /// Lower-case words that occur in role titles and forms: title vocabulary the general
    /// lexicon may lack ("NSDC", "intelligence"). Asked of most capitalised words: a fast hash.
    pub title_words: rustc_hash::FxHashSet<String>,
    /// The words that head a role's title or form: the last word, or the one before its "of"
    /// ("England manager", "Finanzminister", "Secretary of State"). A title phrase needs one.
    pub title_heads: rustc_hash::FxHashSet<String>,
    /// The title keys of every role of every person (see [`crate::text::title_key`]).
    pub role_keys: rustc_hash::FxHashSet<Vec<String>>,
    /// The accepted names of people, indexed for near-miss lookup; built on first use.
    #[serde(skip)]
    person_names: OnceLock<PersonNames>,
    /// Accepted forms by plain form and by skeleton; built on first use.
    #[serde(skip)]
    name_keys: OnceLock<NameKeys>,
}

/// Every accepted form of every entity by its plain form and by its skeleton (see
/// [`crate::transliteration`]), to tie a name written with other accents or in Cyrillic to its
/// entity. A key two entities share stands for neither.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct NameKeys {
    plain: rustc_hash::FxHashMap<String, Option<EntityId>>,
    skeleton: rustc_hash::FxHashMap<String, Option<EntityId>>,
}

impl NameKeys {
    /// The entity a name the rules do not list is, accents aside ("Macrón" for "Macron") or
    /// read in Latin ("Зеленский" for "Zelenskyy"): transliterations of Cyrillic are many, so a
    /// Cyrillic name is compared by skeleton.
    pub fn entity_of(&self, written: &str) -> Option<EntityId> {
        let written = strip_possessive(written);
        if has_cyrillic(written) {
            plain_readings(written).iter().find_map(|reading| *self.skeleton.get(&skeleton(reading))?)
        } else {
            *self.plain.get(&plain(written))?
        }
    }

    /// The same, for a Latin name in an article not in English, which may romanise Cyrillic
    /// as its own language does ("Selenskyj", "Oumerov", "Arajamia"): compared by skeleton,
    /// in each newsroom's reading.
    pub fn entity_of_romanised(&self, written: &str) -> Option<EntityId> {
        let written = strip_possessive(written);
        if has_cyrillic(written) {
            return self.entity_of(written);
        }
        foreign_readings(&plain(written)).iter().find_map(|reading| *self.skeleton.get(&skeleton(reading))?)
    }
}

/// Every accepted form of every person, indexed by surname for near misses.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PersonNames {
    /// Surnames (their skeletons), one per form, in the order of `owners`.
    pub surnames: SimilarNames,
    /// For each indexed surname: the person and the whole form it comes from.
    pub owners: Vec<(EntityId, String)>,
}

impl PersonNames {
    /// Indexes forms by the skeleton of their surname, so that transliterations of a surname
    /// more than two letters apart ("Khodorkovsky", "Hodorkovskiy") still meet.
    pub fn new(owners: Vec<(EntityId, String)>) -> Self {
        let keys = owners.iter().map(|(_, form)| skeleton(&plain(&surname(form))));
        PersonNames { surnames: SimilarNames::new(keys), owners }
    }
}

impl KnowledgeBase {
    pub fn empty() -> Self {
        KnowledgeBase::compile(Vec::new()).unwrap_or_else(|_| unreachable!("no files, no errors"))
    }

    /// The rules embedded in the binary (the repository's `rules/` folder).
    pub fn bundled() -> Result<Self, Invalid> {
        let files = bundled::FILES.iter().map(|(path, text)| SourceFile::new(format!("rules/{path}"), *text)).collect();
        KnowledgeBase::compile(files)
    }

    /// Every `*.toml` under each folder, merged. A file may be named directly too.
    pub fn load(paths: &[PathBuf]) -> Result<Self, Error> {
        KnowledgeBase::load_files(&all_rule_files(paths)?)
    }

    /// As [`KnowledgeBase::load`], but a large knowledge base is read from the cache of what an
    /// earlier run compiled, when its files have not changed since (see [`cache`]).
    pub fn load_cached(paths: &[PathBuf]) -> Result<Self, Error> {
        let files = all_rule_files(paths)?;
        cache::load(&files, || KnowledgeBase::load_files(&files))
    }

    fn load_files(paths: &[PathBuf]) -> Result<Self, Error> {
        let mut files = Vec::new();
        for file in paths {
            let bytes = std::fs::read(file).map_err(|e| Error::read(file.display(), e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::read(file.display(), format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
            })?;
            files.push(SourceFile::new(file.display().to_string(), text));
        }
        let read = read_files(&files);
        if let Some((file, _)) = files.iter().zip(&read).find(|(_, (rules, _))| rules.foreign) {
            // Its lines are not quoted: a config or secrets file named by mistake would end up
            // in logs.
            return Err(Error::read(
                &file.path,
                "not a rule file: it has none of the keys `entity`, `event`, `names` (its content is not shown)",
            ));
        }
        Ok(KnowledgeBase::build(files, read)?)
    }

    /// Parses, validates and compiles rule files; every problem of every file is reported at once.
    pub fn compile(files: Vec<FileRef>) -> Result<Self, Invalid> {
        let read = read_files(&files);
        KnowledgeBase::build(files, read)
    }

    fn build(files: Vec<FileRef>, read: Vec<(model::RuleFile, Vec<SpannedError>)>) -> Result<Self, Invalid> {
        let mut builder = Builder::default();
        for (file, (rules, problems)) in files.iter().zip(read) {
            builder.problems.extend(problems);
            builder.add(file, rules);
        }
        builder.finish(files)
    }

    /// The near-miss index over people's accepted names, built once.
    pub fn person_names(&self) -> &PersonNames {
        self.person_names.get_or_init(|| {
            let people = self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person);
            let owners: Vec<(EntityId, String)> =
                people.flat_map(|(id, e)| e.accepted_forms().map(move |form| (id, form.to_string()))).collect();
            PersonNames::new(owners)
        })
    }

    /// Accepted forms by plain form and skeleton, built once.
    pub fn name_keys(&self) -> &NameKeys {
        self.name_keys.get_or_init(|| {
            let mut keys = NameKeys::default();
            for (id, entity) in self.entities.iter().enumerate() {
                for form in entity.accepted_forms() {
                    let form = plain(form);
                    for (map, key) in [(&mut keys.skeleton, skeleton(&form)), (&mut keys.plain, form)] {
                        let owner = map.entry(key).or_insert(Some(id));
                        if *owner != Some(id) {
                            *owner = None;
                        }
                    }
                }
            }
            keys
        })
    }

    /// Is a lower-case word, plural or not, a word of some role's title ("affaires" of
    /// "ministre des Affaires étrangères")?
    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(crate::text::singular(word))
    }

    /// Is it the head of some role's title ("ministre")?
    pub fn is_title_head(&self, word: &str) -> bool {
        self.title_heads.contains(crate::text::singular(word))
    }

    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        self.entities.iter().position(|e| e.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.events.is_empty()
    }
}

/// Every file read into rules, with its problems; in parallel, since a large knowledge base is
/// most of a run's start.
fn read_files(files: &[FileRef]) -> Vec<(model::RuleFile, Vec<SpannedError>)> {
    files
        .par_iter()
        .map(|file| {
            let mut problems = Vec::new();
            let rules = model::read(file, &mut problems);
            (rules, problems)
        })
        .collect()
}

/// The rule files of every folder or file named, in order.
fn all_rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(rule_files(path)?);
    }
    Ok(files)
}

/// The `.toml` files of a rules folder (symlinks followed, loops reported), or the rule file
/// named. A folder with none is an error: rules that silently vanish disable every check.
pub(crate) fn rule_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let found = toml_files(path)?;
    if found.is_empty() {
        return Err(Error::read(path.display(), "no rule files (*.toml) found in this folder"));
    }
    Ok(found)
}

/// The `.toml` files of a folder (symlinks followed, loops reported), or the file named; a
/// folder may have none.
pub(crate) fn toml_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path.display(), e))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !meta.is_dir() {
        return Err(Error::read(path.display(), "not a rule file or folder (a device, FIFO or socket)"));
    }
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(path).standard_filters(false).hidden(true).follow_links(true).build();
    for entry in walker {
        let entry = entry.map_err(|e| Error::read(path.display(), e))?;
        if entry.file_type().is_some_and(|t| t.is_file()) && entry.path().extension().is_some_and(|e| e == "toml") {
            found.push(entry.into_path());
        }
    }
    found.sort();
    Ok(found)
}

/// Collects compiled rules and the problems found on the way.
#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    events: Vec<(Event, Vec<Spanned<String>>, FileRef)>,
    distinct: HashSet<String>,
    problems: Vec<SpannedError>,
    warnings: Vec<RuleWarning>,
    /// Every id, with where it was first defined.
    ids: HashMap<String, RuleRef>,
    /// Folded explicit name forms: who claims them, and where.
    forms: BTreeMap<String, Vec<(EntityId, FormKind, RuleRef)>>,
    /// Ids of entities left out for a fault already reported.
    broken_ids: HashSet<String>,
}

impl Builder {
    fn problem(&mut self, file: &FileRef, span: Span, message: String, label: &str) {
        self.problems.push(SpannedError::new(file, span, message, label));
    }

    fn date(&mut self, file: &FileRef, value: &Spanned<String>) -> Option<DateInterval> {
        let parsed = DateInterval::parse_partial(value.get_ref().trim());
        if parsed.is_none() {
            let problem =
                SpannedError::new(file, value.span().into(), format!("bad date “{}”", value.get_ref()), "not a date")
                    .with_help("write YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known");
            self.problems.push(problem);
        }
        parsed
    }

    /// A `checked` day: a whole date, since it says when someone looked.
    fn checked(&mut self, file: &FileRef, value: Option<&Spanned<String>>) -> Option<NaiveDate> {
        let value = value?;
        let parsed = DateInterval::parse_partial(value.get_ref().trim()).filter(DateInterval::is_day).map(|d| d.start);
        if parsed.is_none() {
            let problem = SpannedError::new(
                file,
                value.span().into(),
                format!("bad `checked` date “{}”", value.get_ref()),
                "not a day",
            )
            .with_help("write the day the fact was last confirmed as YYYY-MM-DD");
            self.problems.push(problem);
        }
        parsed
    }

    fn define_id(&mut self, file: &FileRef, id: &Spanned<String>) {
        let span: Span = id.span().into();
        let text = id.get_ref();
        let kebab = !text.is_empty()
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--")
            && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !kebab {
            self.problem(
                file,
                span,
                format!("id “{text}” is not kebab-case"),
                "write lower-case words joined by hyphens",
            );
        }
        let here = RuleRef { file: file.clone(), span };
        if let Some(first) = self.ids.get(text) {
            let message = format!("duplicate id “{text}” (first defined at {first})");
            self.problem(file, span, message, "defined again here");
        } else {
            self.ids.insert(text.clone(), here);
        }
    }

    fn text(&mut self, file: &FileRef, value: &Spanned<String>, what: &str) -> Option<String> {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.problem(file, value.span().into(), format!("empty {what}"), "empty");
            return None;
        }
        Some(text.to_string())
    }

    fn add(&mut self, file: &FileRef, parsed: model::RuleFile) {
        for raw in parsed.entity {
            self.add_entity(file, raw);
        }
        for raw in parsed.event {
            self.add_event(file, raw);
        }
        self.broken_ids.extend(parsed.broken_ids);
        for name in parsed.distinct {
            if let Some(text) = self.text(file, &name, "name") {
                self.distinct.insert(fold(&text));
            }
        }
    }

    fn add_entity(&mut self, file: &FileRef, raw: model::Entity) {
        self.define_id(file, &raw.id);
        let id = self.entities.len();
        let origin = RuleRef { file: file.clone(), span: raw.id.span().into() };
        let name = self.text(file, &raw.name, "name").unwrap_or_default();
        let mut form_origins = rustc_hash::FxHashMap::default();
        let mut claim = |builder: &mut Builder, value: &Spanned<String>, kind: FormKind| {
            let text = builder.text(file, value, "form")?;
            let here = RuleRef { file: file.clone(), span: value.span().into() };
            form_origins.entry(fold(&text)).or_insert_with(|| here.clone());
            builder.forms.entry(fold(&text)).or_default().push((id, kind, here));
            Some(text)
        };
        claim(self, &raw.name, FormKind::Name);
        let variants = raw.variants.iter().filter_map(|v| claim(self, v, FormKind::Variant)).collect();
        let misspellings = raw.misspellings.iter().filter_map(|v| claim(self, v, FormKind::Misspelling)).collect();

        let roles = raw.role.iter().filter_map(|role| self.role(file, role)).collect::<Vec<_>>();
        self.check_overlaps(&name, &roles);
        let checked = self.checked(file, raw.checked.as_ref());
        self.entities.push(Entity {
            id: raw.id.into_inner(),
            // Only people go by their last name alone: "Bank" is not the Eastern Dairy Bank.
            surname: (*raw.kind.get_ref() == EntityKind::Person).then(|| default_surname(&name)).flatten(),
            name,
            kind: *raw.kind.get_ref(),
            variants,
            misspellings,
            roles,
            source: raw.source.map(Spanned::into_inner),
            checked,
            origin,
            form_origins,
        });
    }

    fn role(&mut self, file: &FileRef, raw: &model::Role) -> Option<Role> {
        let title = self.text(file, &raw.title, "title")?;
        let checked = self.checked(file, raw.checked.as_ref());
        let from = raw.from.as_ref().and_then(|d| self.date(file, d));
        let until = raw.until.as_ref().and_then(|d| self.date(file, d));
        if raw.from.as_ref().is_some_and(|_| from.is_none()) || raw.until.as_ref().is_some_and(|_| until.is_none()) {
            return None;
        }
        if let (Some(from), Some(until), Some(raw_until)) = (from, until, &raw.until) {
            if from.start >= until.start {
                let message = format!("`until` {until} is not after `from` {from}");
                self.problem(file, raw_until.span().into(), message, "ends before it starts");
            }
        }
        let forms: Vec<String> = raw.forms.iter().filter_map(|f| self.text(file, f, "form")).collect();
        let keys = std::iter::once(&title).chain(&forms).map(|t| role_key(t)).filter(|k| !k.is_empty()).collect();
        Some(Role {
            title,
            forms,
            period: Period { from, until },
            source: raw.source.as_ref().map(|s| s.get_ref().clone()),
            checked,
            origin: RuleRef { file: file.clone(), span: raw.title.span().into() },
            keys,
        })
    }

    /// Two periods of the same title for one person may not overlap.
    fn check_overlaps(&mut self, name: &str, roles: &[Role]) {
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[..i] {
                if fold(&a.title) == fold(&b.title) && a.period.overlaps(&b.period) {
                    let message = format!(
                        "{name} holds “{}” twice at once: {} overlaps {} (at {})",
                        a.title, a.period, b.period, b.origin
                    );
                    self.problems.push(SpannedError::new(&a.origin.file, a.origin.span, message, "overlapping period"));
                }
            }
        }
    }

    fn add_event(&mut self, file: &FileRef, raw: model::Event) {
        self.define_id(file, &raw.id);
        let origin = RuleRef { file: file.clone(), span: raw.id.span().into() };
        let name = self.text(file, &raw.name, "name").unwrap_or_default();
        let when = match (&raw.date, &raw.from, &raw.until) {
            (Some(date), None, None) => self.date(file, date),
            (None, Some(from), until) => {
                let start = self.date(file, from);
                let end = until.as_ref().map(|u| (u, self.date(file, u)));
                match (start, end) {
                    (Some(start), None) => Some(DateInterval::new(start.start, start.end.max(start.start))),
                    (Some(start), Some((raw_until, Some(until)))) => {
                        if start.start >= until.start {
                            let message = format!("`until` {until} is not after `from` {start}");
                            self.problem(file, raw_until.span().into(), message, "ends before it starts");
                            None
                        } else {
                            until.start.pred_opt().map(|last| DateInterval::new(start.start, last.max(start.start)))
                        }
                    }
                    _ => None,
                }
            }
            (Some(date), _, _) => {
                let message = "give either `date` or `from`/`until`, not both".to_string();
                self.problem(file, date.span().into(), message, "`date` here");
                None
            }
            (None, None, Some(until)) => {
                self.problem(file, until.span().into(), "`until` without `from`".into(), "here");
                None
            }
            (None, None, None) => {
                let message = format!("event “{}” has no date", raw.id.get_ref());
                self.problems.push(
                    SpannedError::new(file, origin.span, message, "this event")
                        .with_help("add `date = \"YYYY-MM-DD\"` (or \"YYYY-MM\", \"YYYY\"), or `from`/`until`"),
                );
                None
            }
        };
        let triggers = raw.triggers.iter().filter_map(|t| self.text(file, t, "trigger")).collect();
        if raw.entities.is_empty() && raw.place.is_none() {
            self.warn_about_common_triggers(file, &raw);
        }
        let checked = self.checked(file, raw.checked.as_ref());
        let counts = raw
            .count
            .iter()
            .map(|c| EventCount {
                what: c.what.get_ref().clone(),
                units: c.units.iter().map(|u| fold(u.get_ref())).collect(),
                outcome: Outcome::of_phrase(c.what.get_ref())
                    .or_else(|| c.units.iter().find_map(|u| Outcome::of_phrase(u.get_ref()))),
                excluding: c.excluding.iter().map(|x| fold(x.get_ref())).collect(),
                value: c.value.as_ref().map(|v| *v.get_ref()),
                source: c.source.as_ref().map(|s| s.get_ref().clone()),
                checked: self.checked(file, c.checked.as_ref()),
                origin: RuleRef {
                    file: file.clone(),
                    span: c.value.as_ref().map_or(c.what.span(), |v| v.span()).into(),
                },
            })
            .collect();
        let Some(when) = when else { return };
        let event = Event {
            id: raw.id.into_inner(),
            name,
            when,
            entities: Vec::new(),
            place: raw.place.map(Spanned::into_inner),
            triggers,
            counts,
            source: raw.source.map(Spanned::into_inner),
            checked,
            origin,
        };
        self.events.push((event, raw.entities, file.clone()));
    }

    /// An event with neither `entities` nor `place` is named by its trigger alone, so a trigger
    /// of common words ("capture", "sworn in") would tie every capture or swearing-in of any
    /// article to it, and report its date against this one's. A trigger with a capital letter
    /// is a name ("Operation Spiderweb") and can stand alone.
    fn warn_about_common_triggers(&mut self, file: &FileRef, event: &model::Event) {
        for trigger in &event.triggers {
            if trigger.get_ref().chars().any(char::is_uppercase) || trigger.get_ref().trim().is_empty() {
                continue;
            }
            let message = format!(
                "event “{}” is named by the common words “{}” alone: any sentence that uses them would be taken \
                 for this event",
                event.id.get_ref(),
                trigger.get_ref()
            );
            let help = "give the event the `entities` or the `place` a sentence must also name, or a trigger \
                        that only this event is called by";
            self.warnings.push(RuleWarning::new(file, trigger.span().into(), message, "common words", help.into()));
        }
    }

    /// A one-word misspelling is flagged wherever it is written, and it takes the word from any
    /// person whose surname it is ("Umarov" for Umerov would flag every mention of another
    /// Umarov): such a misspelling is kept only as a full name.
    fn warn_about_misspelt_surnames(&mut self) {
        let mut surnames: HashMap<String, EntityId> = HashMap::new();
        for (id, entity) in self.entities.iter().enumerate() {
            let names = std::iter::once(&entity.name).chain(&entity.variants);
            for surname in names.filter_map(|name| default_surname(name)) {
                if entity.kind == EntityKind::Person {
                    surnames.entry(fold(&surname)).or_insert(id);
                }
            }
        }
        for (id, entity) in self.entities.iter().enumerate() {
            for misspelling in entity.misspellings.iter().filter(|m| m.split_whitespace().count() == 1) {
                let Some(&owner) = surnames.get(&fold(misspelling)).filter(|&&owner| owner != id) else { continue };
                let other = &self.entities[owner];
                let message = format!(
                    "the misspelling “{misspelling}” of {} is the surname of {} (at {})",
                    entity.name, other.name, other.origin
                );
                let help = format!(
                    "list it only within a full misspelt name: alone, “{misspelling}” would be flagged wherever {} \
                     is meant",
                    other.name
                );
                let at = entity.form_origin(misspelling);
                self.warnings.push(RuleWarning::new(&at.file, at.span, message, "a real surname", help));
            }
        }
    }

    fn finish(mut self, files: Vec<FileRef>) -> Result<KnowledgeBase, Invalid> {
        // Event entities are resolved once every file is read: ids are global.
        let index: HashMap<&str, EntityId> =
            self.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        let mut events = Vec::new();
        let mut unresolved = Vec::new();
        for (mut event, ids, file) in std::mem::take(&mut self.events) {
            for id in ids {
                match index.get(id.get_ref().as_str()) {
                    Some(&entity) => event.entities.push(entity),
                    None if self.broken_ids.contains(id.get_ref()) => {}
                    None => unresolved.push(
                        SpannedError::new(
                            &file,
                            id.span().into(),
                            format!("no entity has the id “{}”", id.get_ref()),
                            "unknown id",
                        )
                        .with_help("event entities name `[[entity]]` ids from any rules file"),
                    ),
                }
            }
            events.push(event);
        }
        self.problems.extend(unresolved);
        self.check_forms();
        self.warn_about_misspelt_surnames();
        if !self.problems.is_empty() {
            self.problems.sort_by(|a, b| (&a.file.path, a.span.offset()).cmp(&(&b.file.path, b.span.offset())));
            return Err(Invalid { what: "invalid rules".into(), problems: self.problems });
        }
        self.warnings.sort_by(|a, b| (&a.file.path, a.span.offset()).cmp(&(&b.file.path, b.span.offset())));
        let mut kb = compile_indexes(self.entities, events, self.distinct, files);
        kb.warnings = self.warnings;
        Ok(kb)
    }

    /// A form or misspelling may be claimed by one entity only, and a misspelling may not be
    /// an accepted form of anyone.
    fn check_forms(&mut self) {
        let wrong = |kind: FormKind| kind == FormKind::Misspelling;
        let mut problems = Vec::new();
        for claims in self.forms.values() {
            for (i, (entity, kind, at)) in claims.iter().enumerate() {
                let conflict = claims[..i].iter().find(|(e, k, _)| e != entity || wrong(*k) != wrong(*kind));
                let Some((first, first_kind, first_at)) = conflict else { continue };
                let text = at.file.slice(at.span).trim_matches(['"', '\'']);
                let (a, b) = (self.entity_name(*first), self.entity_name(*entity));
                let (message, label) = match (wrong(*first_kind), wrong(*kind)) {
                    (true, false) => (
                        format!(
                            "“{text}” is listed as a misspelling for {a} (at {first_at}) but is an accepted form of {b}"
                        ),
                        "misspelling equal to an accepted form",
                    ),
                    (false, true) => (
                        format!(
                            "“{text}” is an accepted form of {a} (at {first_at}) but is listed as a misspelling for {b}"
                        ),
                        "misspelling equal to an accepted form",
                    ),
                    _ => (
                        format!("“{text}” is claimed by {a} (at {first_at}) and by {b}"),
                        "form claimed by two entities",
                    ),
                };
                problems.push(SpannedError::new(&at.file, at.span, message, label));
            }
        }
        self.problems.extend(problems);
    }

    fn entity_name(&self, id: EntityId) -> &str {
        self.entities.get(id).map_or("?", |e| e.name.as_str())
    }
}

/// The last word of a personal name, skipping generational suffixes.
fn default_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.iter().rev().copied().find(|w| !lexicon::is_generational_suffix(w))?;
    (words.len() > 1).then(|| last.trim_end_matches(',').to_string())
}

fn compile_indexes(
    mut entities: Vec<Entity>,
    events: Vec<Event>,
    distinct: HashSet<String>,
    files: Vec<FileRef>,
) -> KnowledgeBase {
    // Name patterns, keyed by folded text so that one pattern carries every owner.
    let mut patterns: BTreeMap<String, NamePattern> = BTreeMap::new();
    let mut add = |text: &str, owner: (EntityId, FormKind)| {
        // Both apostrophes are written in the wild; match either. Accents are often dropped
        // ("Diaz" for "Díaz"): that is the same spelling.
        let mut spellings = vec![text.to_string(), text.replace('\'', "’"), text.replace('’', "'")];
        if !text.is_ascii() && !has_cyrillic(text) {
            spellings.push(without_accents(text));
        }
        for spelling in spellings {
            let entry = patterns.entry(fold(&spelling)).or_insert_with(|| NamePattern {
                text: spelling.clone(),
                owners: Vec::new(),
                any_case: true,
            });
            // One entity owns a spelling once: its name without accents may also be listed as
            // a variant, and two claims of one entity would read as two people's.
            if !entry.owners.iter().any(|(entity, _)| *entity == owner.0) {
                entry.owners.push(owner);
            }
        }
    };
    for (id, entity) in entities.iter().enumerate() {
        add(&entity.name, (id, FormKind::Name));
        entity.variants.iter().for_each(|v| add(v, (id, FormKind::Variant)));
        entity.misspellings.iter().for_each(|m| add(m, (id, FormKind::Misspelling)));
    }
    // A default surname yields to any explicit form of the same spelling.
    for (id, entity) in entities.iter_mut().enumerate() {
        let Some(surname) = entity.surname.clone() else { continue };
        let plain = without_accents(&surname);
        let spellings = if plain == surname { vec![surname] } else { vec![surname, plain] };
        for spelling in spellings {
            match patterns.get_mut(&fold(&spelling)) {
                Some(p) if p.owners.iter().any(|(_, k)| *k != FormKind::Surname) => {
                    if !p.owners.iter().any(|(owner, _)| *owner == id) {
                        entity.surname = None;
                        break;
                    }
                }
                Some(p) => p.owners.push((id, FormKind::Surname)),
                None => {
                    let owners = vec![(id, FormKind::Surname)];
                    patterns.insert(fold(&spelling), NamePattern { text: spelling, owners, any_case: true });
                }
            }
        }
    }
    let mut names: Vec<NamePattern> = patterns.into_values().collect();
    for pattern in &mut names {
        pattern.any_case = pattern.owners.iter().all(|&(e, _)| entities[e].kind != EntityKind::Person);
    }

    // Triggers first, then places: two automata, so that a place inside a longer trigger
    // ("Kyiv" in "Kyiv summit") is still found, while each finds its longest match only.
    let mut event_index: BTreeMap<(bool, String), EventPattern> = BTreeMap::new();
    for (id, event) in events.iter().enumerate() {
        let place = event.place.iter().map(|p| (p, true));
        for (text, is_place) in event.triggers.iter().map(|t| (t, false)).chain(place) {
            for written in capitalised_forms(&fold(text)) {
                let entry = event_index
                    .entry((is_place, written))
                    .or_insert_with(|| EventPattern { events: Vec::new(), is_place });
                entry.events.push(id);
            }
        }
    }
    let place_offset = event_index.keys().filter(|(is_place, _)| !is_place).count();
    let event_texts: Vec<String> = event_index.keys().map(|(_, text)| text.clone()).collect();
    let event_patterns: Vec<EventPattern> = event_index.into_values().collect();
    let (trigger_texts, place_texts) = event_texts.split_at(place_offset);
    let phrases = PhraseSet::new([
        PhraseIndex::new(names.iter().map(|p| p.text.as_str())),
        PhraseIndex::new(trigger_texts.iter().map(String::as_str)),
        PhraseIndex::new(place_texts.iter().map(String::as_str)),
        PhraseIndex::new(lexicon::EVENT_NOUNS.iter().copied()),
        PhraseIndex::new(
            lexicon::WEEKDAYS
                .iter()
                .chain(lexicon::WEEKDAY_ABBREVIATIONS)
                .copied()
                .chain(lexicon::foreign_weekdays().map(|(_, word)| word)),
        ),
    ]);

    let role_keys: rustc_hash::FxHashSet<Vec<String>> =
        entities.iter().flat_map(|e| &e.roles).flat_map(|r| r.keys.iter().cloned()).collect();
    let title_words = role_keys
        .iter()
        .flatten()
        // Prepositions end a title phrase, even where a form has one ("senator from Florida").
        .filter(|w| w.len() > 1 && !is_title_preposition(w))
        .cloned()
        .collect();
    // The head is the last title word before the office's complement; a key whose country was
    // dropped ("Special Envoy to Ukraine") ends in a preposition, which heads nothing ("according
    // to Jane Doe" is no title).
    let title_heads = role_keys
        .iter()
        .filter_map(|key| {
            let of = key.iter().position(|w| matches!(w.as_str(), "of" | "for")).unwrap_or(key.len());
            key[..of].iter().rev().find(|w| !is_title_preposition(w)).cloned()
        })
        .collect();

    KnowledgeBase {
        entities: entities.into(),
        events,
        distinct,
        files,
        warnings: Vec::new(),
        names: names.into(),
        event_patterns,
        place_offset,
        phrases,
        title_words,
        title_heads,
        role_keys,
        person_names: OnceLock::new(),
        name_keys: OnceLock::new(),
    }
}

pub(crate) fn build_matcher<'a>(patterns: impl Iterator<Item = &'a str>, kind: MatchKind) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    // Patterns are plain strings: matching is linear in the text whatever they contain. A DFA
    // searches fastest but its table grows with the patterns times the alphabet; past
    // `DFA_PATTERN_BYTES` (enormous rule files) the compact NFA keeps memory linear in them.
    let bytes: usize = patterns.iter().map(|p| p.len()).sum();
    let automaton = if bytes <= DFA_PATTERN_BYTES { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
    AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(kind).kind(Some(automaton)).build(&patterns).ok()
}

/// The most pattern text an automaton is built as a DFA for: 2,000 people with their forms
/// (72 KB) take about a quarter of it; at the limit the whole knowledge base takes about 150 MB.
const DFA_PATTERN_BYTES: usize = 256 << 10;

/// The key a role's title or form is compared in. An interim role is held as an acting one, and
/// the extractor reads "acting", "interim" as a qualifier apart from the title: "interim boss"
/// is compared as "boss".
fn role_key(title: &str) -> Vec<String> {
    let key = title_key(title);
    let acting = key.iter().take_while(|w| Qualifier::from_word(w) == Some(Qualifier::Acting)).count();
    if acting < key.len() { key[acting..].to_vec() } else { key }
}

/// A folded phrase as a text may write it: with each word that begins with a letter of another
/// script (Cyrillic, accented) in lower case or capitalised — "переговоры в Женеве" also as
/// "Переговоры в Женеве". Phrases are compared ignoring the case of ASCII letters only; these
/// are the other capitals a sentence's start or a proper noun gives. At most three such words
/// are varied (eight forms); the rest stay in lower case.
fn capitalised_forms(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let varied: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().next().is_some_and(|c| !c.is_ascii() && c.is_lowercase()))
        // A one-letter preposition ("в", "у") is capitalised only where the phrase opens.
        .filter(|&i| i == 0 || words[i].chars().nth(1).is_some())
        .take(3)
        .collect();
    (0..1usize << varied.len())
        .map(|mask| {
            let capitalised = |i: usize| varied.iter().position(|&v| v == i).is_some_and(|bit| mask & (1 << bit) != 0);
            let form: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    if !capitalised(i) {
                        return (*word).to_string();
                    }
                    let mut chars = word.chars();
                    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
                })
                .collect();
            form.join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests;

/// Prepositions that may stand inside an office's name but never make a title word of their own.
fn is_title_preposition(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "from" | "in" | "on" | "at" | "to" | "under" | "with" | "by" | "as" | "over")
}
