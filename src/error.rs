//! Errors that stop a run (exit code 2): unreadable paths, invalid rule or config files, bad
//! arguments. Problems *in articles* are never errors; they are findings.

use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

use crate::source::{FileRef, Span};

/// A problem at a place in a file the user wrote: a rule file, a config file.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::invalid))]
pub struct SpannedError {
    pub message: String,
    #[source_code]
    pub file: FileRef,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl SpannedError {
    pub fn new(file: &FileRef, span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        SpannedError { message: message.into(), file: file.clone(), span: span.into(), label: label.into(), help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A rule that is valid but likely to mislead: `rules check` reports it, and a run goes on.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::rule_warning), severity(Warning))]
pub struct RuleWarning {
    pub message: String,
    #[source_code]
    pub file: FileRef,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl RuleWarning {
    pub fn new(file: &FileRef, span: Span, message: String, label: &str, help: String) -> Self {
        RuleWarning { message, file: file.clone(), span: span.into(), label: label.into(), help: Some(help) }
    }
}

/// Every warning about a set of rule files, reported together.
#[derive(Debug, Error, Diagnostic)]
#[error("rules: {} warning{}", .warnings.len(), if .warnings.len() == 1 { "" } else { "s" })]
#[diagnostic(code(factlint::rule_warning), severity(Warning))]
pub struct RuleWarnings {
    #[related]
    pub warnings: Vec<RuleWarning>,
}

/// Every problem found in a set of files, reported together so one run shows them all.
#[derive(Debug, Error, Diagnostic)]
#[error("{what}: {} problem{}", .problems.len(), if .problems.len() == 1 { "" } else { "s" })]
#[diagnostic(code(factlint::invalid), help("fix the places shown; nothing was checked"))]
pub struct Invalid {
    pub what: String,
    #[related]
    pub problems: Vec<SpannedError>,
}

/// Anything that ends a run with exit code 2.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error("cannot read {path}: {reason}")]
    #[diagnostic(code(factlint::io))]
    Read { path: String, reason: String },

    #[error("cannot write {path}: {reason}")]
    #[diagnostic(code(factlint::io), help("the file was left as it was"))]
    Write { path: String, reason: String },

    #[error("no articles in {path}")]
    #[diagnostic(
        code(factlint::empty),
        help(
            "folders are searched for .md, .txt, .html and .jsonl files (or the config's `include`); \
             pass --allow-empty if finding none is expected"
        )
    )]
    NoArticles { path: String },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(#[from] Invalid),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Spanned(#[from] Box<SpannedError>),

    #[error("{message}")]
    #[diagnostic(code(factlint::usage))]
    Usage {
        message: String,
        #[help]
        help: Option<String>,
    },
}

impl Error {
    pub fn read(path: impl std::fmt::Display, err: impl std::fmt::Display) -> Self {
        Error::Read { path: path.to_string(), reason: err.to_string() }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), help: None }
    }

    /// The file or folder the error is about, if it is about one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Read { path, .. } | Error::Write { path, .. } | Error::NoArticles { path } => Some(path),
            Error::Spanned(err) => Some(&err.file.path),
            Error::Invalid(invalid) => invalid.problems.first().map(|p| p.file.path.as_str()),
            Error::Usage { .. } => None,
        }
    }
}

impl From<SpannedError> for Error {
    fn from(err: SpannedError) -> Self {
        Error::Spanned(Box::new(err))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
