//! Claims: what a source asserts, each with its place. Extraction produces them; the checks
//! compare them with the rules and with each other; `factlint claims` lists them so users can
//! see what was read before trusting what was flagged.

use std::ops::Range;
use std::sync::Arc;

use chrono::Weekday;
use serde::Serialize;

use crate::extract::count::Outcome;
use crate::interval::{CountInterval, DateInterval};
use crate::kb::{EntityId, EventId, FormKind};
use crate::source::Span;

#[derive(Debug, Clone)]
pub struct Claim {
    /// Where the claim is in the file as stored.
    pub span: Span,
    /// Where it is in the source's text (for looking at its surroundings).
    pub range: Range<usize>,
    /// Index of its sentence in the source.
    pub sentence: usize,
    pub kind: ClaimKind,
}

#[derive(Debug, Clone)]
// Titles and counts are boxed: a claim is stored per name in the text, and on text dense with
// names the rare large kinds would otherwise set the size of every one.
pub enum ClaimKind {
    Mention(Mention),
    Title(Box<Title>),
    Date(DateClaim),
    Count(Box<CountClaim>),
}

/// A name in the text: a form of a known entity, or a name-like sequence matching none.
#[derive(Debug, Clone)]
pub struct Mention {
    pub entity: Option<EntityId>,
    pub form: Form,
    /// For unknown names: does it look like a person's name (given name and surname)?
    pub person_like: bool,
}

/// How a mention is spelled relative to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    Known(FormKind),
    /// A form that several entities share (a surname), left unresolved.
    Ambiguous,
    /// A name listed in `[names] distinct`: known to be someone else.
    Distinct,
    Unknown,
}

impl Form {
    /// The form as SPEC §7 names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Known(FormKind::Name) => "name",
            Form::Known(FormKind::Variant | FormKind::Surname) | Form::Ambiguous => "variant",
            Form::Known(FormKind::Misspelling) => "misspelling",
            Form::Distinct | Form::Unknown => "unknown",
        }
    }
}

/// A title given to a person: "outgoing President Joe Biden", "Umerov, the NSDC secretary".
#[derive(Debug, Clone)]
pub struct Title {
    pub entity: Option<EntityId>,
    /// The person's name in the text.
    pub person: Range<usize>,
    /// The title as written, without qualifier and nationality ("Defense Minister"). Shared by
    /// every title of one source written alike: text dense with titles repeats a few.
    pub title: Arc<str>,
    pub title_span: Span,
    /// The title in the normal form roles are compared in (shared as `title` is).
    pub key: Arc<[String]>,
    pub qualifier: Option<Qualifier>,
    /// Named to the office ("picked X as his director of national intelligence"), not given it.
    pub designated: bool,
}

/// What a title's qualifier says about when it is held (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// former, ex-, late: held before, not now.
    Former,
    /// outgoing: held now, ending soon.
    Outgoing,
    /// -elect, incoming, designate: held only later.
    Elect,
    /// acting, interim: held now.
    Acting,
    /// then-: held at the time the sentence speaks of.
    Then,
}

impl Qualifier {
    /// Reads a qualifier word (lower-case, without hyphens), in any language the lexicon lists.
    pub fn from_word(word: &str) -> Option<Qualifier> {
        crate::lexicon::title_qualifier(word)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Former => "former",
            Qualifier::Outgoing => "outgoing",
            Qualifier::Elect => "elect",
            Qualifier::Acting => "acting",
            Qualifier::Then => "then",
        }
    }
}

/// How firmly a date or count is tied to an event of the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TieStrength {
    /// The sentence refers back to an event named just before ("The gathering …").
    Focus,
    /// The sentence names the event with a generic word ("meeting") and one of its entities.
    Weak,
    /// The sentence names a specific trigger and one of the event's entities or its place.
    Strong,
}

/// The events a date or count may be about.
#[derive(Debug, Clone)]
pub struct EventTie {
    /// Every event the sentence may refer to, best first.
    pub candidates: Box<[EventId]>,
    pub strength: TieStrength,
}

impl EventTie {
    pub fn event(&self) -> EventId {
        self.candidates[0]
    }
}

#[derive(Debug, Clone)]
pub struct DateClaim {
    pub interval: DateInterval,
    /// Another reading the words allow ("on Thursday" before or after the article date).
    pub alternative: Option<DateInterval>,
    /// A weekday written with the date ("Friday, 11 January 2026").
    pub weekday: Option<Weekday>,
    pub event: Option<EventTie>,
}

impl DateClaim {
    /// The readings of the date: the chosen one, then any other.
    pub fn readings(&self) -> impl Iterator<Item = &DateInterval> {
        std::iter::once(&self.interval).chain(&self.alternative)
    }
}

#[derive(Debug, Clone)]
pub struct CountClaim {
    pub interval: CountInterval,
    /// The noun counted, as written ("countries").
    pub unit: Option<String>,
    /// For a casualty count, what happened to those counted ("killing 35", "16 injured").
    pub outcome: Option<Outcome>,
    /// What the count says it takes in, folded: "Ukraine" in "16 countries, including Ukraine".
    pub including: Vec<String>,
    pub event: Option<EventTie>,
}
