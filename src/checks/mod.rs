//! The checks: one unit per code, one file per code (`title.stale` lives in
//! `checks/title/stale.rs`), each documenting itself — what it flags, why, an example — for
//! `factlint explain` and for the SARIF rule descriptions.
//!
//! A check reads claims and writes findings. Checks that look at one source at a time run in
//! parallel over the sources; checks across sources group claims by key (an entity, an event)
//! so they grow linearly with the corpus.

mod compare;
pub mod count;
pub mod date;
pub mod draft;
pub mod name;
pub mod source;
pub mod title;

use crate::claim::Claim;
use crate::extract::Needs;
use crate::facts::CorpusFacts;
use crate::finding::{Finding, Location, Severity};
use crate::input::Source;
use crate::kb::KnowledgeBase;
use crate::source::{FileRef, Files, Span};

/// Text from an article as a message shows it: on one line, white space collapsed (a name or
/// date may be wrapped across lines in the file).
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a check is, for the registry, `explain` and the SARIF rule table.
#[derive(Debug)]
pub struct CheckInfo {
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line: what it flags.
    pub summary: &'static str,
    /// The check's doc comment: what it does, why, an example.
    pub doc: &'static str,
}

/// Settings the checks read (resolved from `factlint.toml` and flags).
#[derive(Debug, Clone)]
pub struct CheckSettings {
    /// Least Jaro-Winkler similarity for a near miss of a name.
    pub similarity: f64,
    /// Days after a change of office during which the old title is not flagged, when the news
    /// is of the change.
    pub title_grace_days: i64,
    /// Fewest words a paragraph needs to be reported as a duplicate.
    pub duplicate_min_words: usize,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings { similarity: 0.92, title_grace_days: 3, duplicate_min_words: 8 }
    }
}

/// One source and what was read from it.
pub struct SourceContext<'a> {
    pub source: &'a Source,
    pub claims: &'a [Claim],
    pub kb: &'a KnowledgeBase,
    pub settings: &'a CheckSettings,
    /// The source's titles judged, once for the three `title.*` checks.
    titles: std::cell::OnceCell<Vec<title::Judgement<'a>>>,
}

impl<'a> SourceContext<'a> {
    pub fn new(source: &'a Source, claims: &'a [Claim], kb: &'a KnowledgeBase, settings: &'a CheckSettings) -> Self {
        SourceContext { source, claims, kb, settings, titles: std::cell::OnceCell::new() }
    }
}

/// Every source, as the facts kept from them.
pub struct CorpusContext<'a> {
    pub facts: &'a CorpusFacts,
    /// Binary files that were skipped.
    pub skipped: &'a [FileRef],
    pub kb: &'a KnowledgeBase,
    pub settings: &'a CheckSettings,
    pub files: &'a Files,
}

impl CorpusContext<'_> {
    /// How a source is named in messages.
    pub fn label(&self, source: usize) -> &str {
        &self.facts.sources[source].label
    }

    /// A place in a source as a location, its file read again if it is no longer in memory.
    pub fn locate(&self, source: usize, span: Span) -> Location {
        let path = &self.facts.sources[source].path;
        match self.files.get(path) {
            Some(file) => Location::new(&file, span),
            // Gone since it was read: the place without its text.
            None => Location::unread(path, span),
        }
    }
}

pub trait Check: Sync {
    fn info(&self) -> &'static CheckInfo;

    /// The dates and counts the check reads: `factlint check` reads only what its checks need.
    fn needs(&self) -> Needs {
        Needs::default()
    }

    /// Work the check needs once, before any source is checked (an index over the rules): done
    /// then, on every thread, rather than by the first source to ask while the others wait.
    fn prepare(&self, _kb: &KnowledgeBase) {}

    /// Findings within one source.
    fn check_source(&self, _cx: &SourceContext, _out: &mut Vec<Finding>) {}

    /// Findings across sources. `out` already holds this check's findings from every source,
    /// which it may complete with what only the whole corpus knows. Checks across sources run
    /// in parallel, each with its own findings.
    fn check_corpus(&self, _cx: &CorpusContext, _out: &mut Vec<Finding>) {}
}

/// Declares a check: its doc comment becomes both its rustdoc and the text `explain` prints.
macro_rules! declare_check {
    ($(#[doc = $doc:literal])* $name:ident, $code:literal, $severity:ident, $summary:literal) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const INFO: $crate::checks::CheckInfo = $crate::checks::CheckInfo {
                code: $code,
                default_severity: $crate::finding::Severity::$severity,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_check;

/// Every check, in a stable order.
pub static CHECKS: &[&dyn Check] = &[
    &name::misspelled::Misspelled,
    &name::unknown_variant::UnknownVariant,
    &name::inconsistent::Inconsistent,
    &name::cross_source::CrossSource,
    &title::stale::Stale,
    &title::premature::Premature,
    &title::never_held::NeverHeld,
    &date::conflict::Conflict,
    &date::weekday_mismatch::WeekdayMismatch,
    &count::conflict::Conflict,
    &source::undated::Undated,
    &source::encoding::Encoding,
    &source::skipped::Skipped,
    &draft::duplicate_paragraph::DuplicateParagraph,
];

/// The check with this code.
pub fn by_code(code: &str) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| c.info().code == code)
}

/// Does `pattern` (a code, a group such as `name`, or `all`) select `code`?
pub fn selects(pattern: &str, code: &str) -> bool {
    pattern == "all" || pattern == code || code.strip_prefix(pattern).is_some_and(|rest| rest.starts_with('.'))
}
