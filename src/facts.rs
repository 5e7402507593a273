//! What the cross-source checks need from a source, kept after the source itself is dropped.
//!
//! A run reads, extracts and checks each article on its own, then lets it go: the text and the
//! claims of a hundred thousand articles do not fit in memory together. What the comparisons
//! across sources need is small — each distinct spelling of a name with its first place, the
//! dates and counts tied to events — and is merged, source after source, into [`CorpusFacts`],
//! where a spelling used by many sources is kept once, with the list of its sources.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDate;

use crate::claim::{Claim, ClaimKind, CountClaim, DateClaim, Form};
use crate::input::{DateOrigin, Source};
use crate::kb::{EntityId, EntityKind, KnowledgeBase};
use crate::source::Span;
use crate::text::{fold, strip_possessive};

/// An article as the report lists it.
#[derive(Debug, Clone)]
pub struct SourceSummary {
    pub path: Arc<str>,
    /// The path, with the article's id for a corpus line.
    pub label: String,
    pub published: Option<NaiveDate>,
    pub date_from: Option<DateOrigin>,
}

impl SourceSummary {
    pub fn of(source: &Source) -> Self {
        SourceSummary {
            path: Arc::from(source.file.path.as_str()),
            label: source.label(),
            published: source.meta.published,
            date_from: source.meta.date_from,
        }
    }
}

/// A spelling of a name in a source: its first occurrence.
#[derive(Debug, Clone)]
pub struct NameFact {
    pub span: Span,
    pub entity: Option<EntityId>,
    pub form: Form,
    pub person_like: bool,
    /// As written, without a possessive: a range of [`SourceFacts::spellings`].
    pub written: Range<usize>,
    /// Folded (see [`fold`]), in the same way: spellings that fold alike are one. Folded here,
    /// in parallel, so that merging — the one part of a run on one thread — only looks it up.
    pub folded: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct DateFact {
    pub span: Span,
    pub date: DateClaim,
}

#[derive(Debug, Clone)]
pub struct CountFact {
    pub span: Span,
    pub count: CountClaim,
}

/// One source's facts.
#[derive(Debug, Clone)]
pub struct SourceFacts {
    pub summary: SourceSummary,
    /// Each distinct spelling of each name (per entity, or per spelling when unknown).
    pub names: Vec<NameFact>,
    /// The text of the names' spellings, in one allocation: a run keeps only those it has not
    /// seen, and a string per name would be allocated on one thread to be freed on another.
    pub spellings: String,
    /// Dates and counts tied to events.
    pub dates: Vec<DateFact>,
    pub counts: Vec<CountFact>,
}

impl SourceFacts {
    /// The facts of a source: its spellings of the names the checks across sources compare,
    /// and its dates and counts tied to events.
    pub fn collect(source: &Source, claims: &[Claim], kb: &KnowledgeBase) -> Self {
        // Spellings as written: each distinct one is folded once.
        let mut seen: FxHashSet<(Option<EntityId>, &str)> = FxHashSet::default();
        let mut facts = SourceFacts {
            summary: SourceSummary::of(source),
            names: Vec::new(),
            spellings: String::new(),
            dates: Vec::new(),
            counts: Vec::new(),
        };
        for claim in claims {
            match &claim.kind {
                // Each language romanises names its own way ("Selenskyj", "Zelenski"): spellings
                // are compared across English sources only.
                ClaimKind::Mention(_) if !source.is_english() => {}
                ClaimKind::Mention(m) => {
                    let written = strip_possessive(source.file.slice(claim.span));
                    let wanted = match m.entity {
                        // People are compared by name.cross-source; an entity with listed
                        // misspellings is shown spelled right beside them by name.misspelled.
                        Some(entity) => {
                            let entity = &kb.entities[entity];
                            entity.kind == EntityKind::Person || !entity.misspellings.is_empty()
                        }
                        // name.cross-source groups unknown names that look like a person's, and
                        // single words. They are told by capitals, which mark every noun in
                        // German and inflect in Russian: they are compared in English prose only.
                        None => {
                            matches!(m.form, Form::Unknown | Form::Ambiguous)
                                && (m.person_like || !written.contains(char::is_whitespace))
                                && source.is_english()
                        }
                    };
                    // Each spelling once per source: a source counts once towards it.
                    if wanted && seen.insert((m.entity, written)) {
                        let spellings = &mut facts.spellings;
                        let start = spellings.len();
                        spellings.push_str(written);
                        let middle = spellings.len();
                        spellings.push_str(&fold(written));
                        facts.names.push(NameFact {
                            span: claim.span,
                            entity: m.entity,
                            form: m.form,
                            person_like: m.person_like,
                            written: start..middle,
                            folded: middle..spellings.len(),
                        });
                    }
                }
                ClaimKind::Date(date) if date.event.is_some() => {
                    facts.dates.push(DateFact { span: claim.span, date: date.clone() });
                }
                ClaimKind::Count(count) if count.event.is_some() => {
                    facts.counts.push(CountFact { span: claim.span, count: (**count).clone() });
                }
                _ => {}
            }
        }
        facts
    }
}

/// A spelling of a name across the corpus.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub entity: Option<EntityId>,
    pub form: Form,
    pub person_like: bool,
    /// As first written, without a possessive.
    pub written: Box<str>,
    /// The first source using it, and where.
    pub first: (usize, Span),
    /// Every source using it, in order, once each.
    pub sources: Vec<u32>,
}

/// The facts of every source read so far, merged in path order.
#[derive(Debug, Default)]
pub struct CorpusFacts {
    pub sources: Vec<SourceSummary>,
    pub names: Vec<NameEntry>,
    /// The source of each tied date and count, and the fact.
    pub dates: Vec<(usize, DateFact)>,
    pub counts: Vec<(usize, CountFact)>,
    /// Where each folded spelling of each entity (or of none) is in `names`.
    index: FxHashMap<Option<EntityId>, FxHashMap<Box<str>, usize>>,
}

impl CorpusFacts {
    /// Adds the next source's facts.
    pub fn add(&mut self, facts: SourceFacts) {
        let source = self.sources.len();
        self.sources.push(facts.summary);
        for name in facts.names {
            let spellings = self.index.entry(name.entity).or_default();
            let folded = &facts.spellings[name.folded];
            match spellings.get(folded) {
                Some(&at) => self.names[at].sources.push(source as u32),
                None => {
                    spellings.insert(folded.into(), self.names.len());
                    self.names.push(NameEntry {
                        entity: name.entity,
                        form: name.form,
                        person_like: name.person_like,
                        written: facts.spellings[name.written].into(),
                        first: (source, name.span),
                        sources: vec![source as u32],
                    });
                }
            }
        }
        self.dates.extend(facts.dates.into_iter().map(|d| (source, d)));
        self.counts.extend(facts.counts.into_iter().map(|c| (source, c)));
    }
}
