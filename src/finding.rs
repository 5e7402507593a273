//! Findings: conflicts found by the checks, as plain data. Every output format renders the same
//! findings; the collector applies configuration (severities, selection, suppressions, the
//! baseline) in one place, and sorts them so output is the same for any `--jobs`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::kb::RuleRef;
use crate::source::{FileRef, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// A place in a loaded file.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: FileRef,
    pub span: Span,
}

impl Location {
    pub fn new(file: &FileRef, span: Span) -> Self {
        Location { file: file.clone(), span }
    }

    pub fn text(&self) -> &str {
        self.file.slice(self.span)
    }

    pub fn line_col(&self) -> (usize, usize) {
        self.file.line_col(self.span.start)
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

/// A safe edit: replace the bytes of `span` in the finding's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
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
    pub fix: Option<Fix>,
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

    pub fn related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related.push(Related { location, label: label.into() });
        self
    }

    /// The rule a finding rests on: shown beside it, and its evidence URL listed.
    pub fn rule(mut self, rule: &RuleRef, label: impl Into<String>, evidence: Option<&String>) -> Self {
        self.related.push(Related { location: rule.into(), label: label.into() });
        self.evidence.extend(evidence.cloned());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn path(&self) -> &str {
        &self.location.file.path
    }

    /// The order of a report: path, then offset, then code.
    pub fn sort_key(&self) -> (&str, usize, &'static str, usize, &str) {
        (self.path(), self.location.span.start, self.code, self.location.span.end, &self.message)
    }
}
