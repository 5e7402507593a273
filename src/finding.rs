//! Findings: conflicts found by the checks, as plain data. Every output format renders the same
//! findings; the collector applies configuration (severities, selection, suppressions, the
//! baseline) in one place, and sorts them so output is the same for any `--jobs`.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::kb::RuleRef;
use crate::source::{FileRef, Position, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file, resolved when made: its path, line and column and the text there travel
/// with it, so the file need not stay in memory until the report.
#[derive(Debug, Clone)]
pub struct Location {
    pub path: Arc<str>,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    text: Box<str>,
}

impl Location {
    pub fn new(file: &FileRef, span: Span) -> Self {
        Location {
            path: file.shared_path(),
            span,
            start: file.position(span.start),
            end: file.position(span.end),
            text: file.slice(span).into(),
        }
    }

    /// A place in a file that can no longer be read: no line, column or text.
    pub fn unread(path: &str, span: Span) -> Self {
        Location { path: Arc::from(path), span, start: Position::default(), end: Position::default(), text: "".into() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_col(&self) -> (usize, usize) {
        (self.start.line, self.start.column)
    }
}

impl From<&RuleRef> for Location {
    fn from(rule: &RuleRef) -> Self {
        Location::new(&rule.file, rule.span)
    }
}

/// Another place that explains a finding: the other source, or the rule it rests on.
#[derive(Debug, Clone)]
pub struct Related {
    pub location: Location,
    pub label: String,
}

/// A safe edit: replace the bytes of `span` in the finding's file with `replacement`, as the file
/// stores text (escaped, with its markup) — as long as the file still holds the text it was
/// computed on (`checked`, its content hash). The span may be narrower than the finding's: only
/// the words that differ are rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub start: Position,
    pub end: Position,
    pub replacement: String,
    pub checked: u64,
}

impl Fix {
    pub fn new(file: &FileRef, span: Span, replacement: String, checked: u64) -> Self {
        Fix { span, start: file.position(span.start), end: file.position(span.end), replacement, checked }
    }
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    /// What the primary span is, in a few words.
    pub label: String,
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub evidence: Vec<String>,
    /// Boxed: few findings carry one.
    pub fix: Option<Box<Fix>>,
    /// The entity the finding is about, when it is about one: lets a check complete its
    /// findings once every source has been read.
    pub about: Option<crate::kb::EntityId>,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, location: Location, message: impl Into<String>) -> Self {
        Finding {
            code,
            severity,
            message: message.into(),
            location,
            label: String::new(),
            related: Vec::new(),
            help: None,
            evidence: Vec::new(),
            fix: None,
            about: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    // Related places and evidence are grown one at a time, by exactly one: most findings carry
    // one of each, and a vector's first growth would otherwise make room for four.
    pub fn related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related.reserve_exact(1);
        self.related.push(Related { location, label: label.into() });
        self
    }

    /// The rule a finding rests on: shown beside it, and its evidence URL listed.
    pub fn rule(mut self, rule: &RuleRef, label: impl Into<String>, evidence: Option<&String>) -> Self {
        self = self.related(rule.into(), label);
        if let Some(evidence) = evidence {
            self.evidence.reserve_exact(1);
            self.evidence.push(evidence.clone());
        }
        self
    }

    pub fn about(mut self, entity: crate::kb::EntityId) -> Self {
        self.about = Some(entity);
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(Box::new(fix));
        self
    }

    pub fn path(&self) -> &str {
        &self.location.path
    }

    /// The order of a report: path, then offset, then code.
    pub fn sort_key(&self) -> (&str, usize, &'static str, usize, &str) {
        (self.path(), self.location.span.start, self.code, self.location.span.end, &self.message)
    }
}
