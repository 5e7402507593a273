//! factlint: a source-consistency and fact-discrepancy checker for news writing.
//!
//! It reads claims from articles — who is named and how the name is spelled, which title a
//! person is given, when an event happened, how many took part — and compares them with a
//! knowledge base of TOML rule files and with each other, across sources.
//!
//! # Checking texts
//!
//! An [`Engine`] holds the rules and settings, loaded once; [`Engine::check`] reads any number
//! of [`Article`]s together (so the checks across sources compare them) and gives their
//! [`Claim`]s and [`Finding`]s:
//!
//! ```
//! use chrono::NaiveDate;
//! use factlint::{Article, Engine, Severity};
//!
//! // The bundled rules and default settings; `Engine::load` reads a project's factlint.toml
//! // and rules folders instead.
//! let engine = Engine::bundled();
//! let draft = Article::new("draft.md", "President-elect Donald Trump met Rustam Umarov in Kyiv.\n")
//!     .published(NaiveDate::from_ymd_opt(2026, 1, 10).unwrap());
//! let checked = engine.check(&[draft]);
//!
//! let errors: Vec<(&str, &str)> = checked
//!     .findings
//!     .iter()
//!     .filter(|finding| finding.severity == Severity::Error)
//!     .map(|finding| (finding.code, finding.location.text()))
//!     .collect();
//! assert!(errors.contains(&("title.stale", "President-elect Donald Trump")));
//! assert!(errors.contains(&("name.misspelled", "Rustam Umarov")));
//!
//! // A fix, where one is certain, says what to write instead.
//! let fix = checked.findings.iter().find_map(|finding| finding.fix.as_ref()).unwrap();
//! assert_eq!(fix.replacement, "Rustem Umerov");
//! ```
//!
//! What was read, before anything was compared, is in [`Checked::claims`] — one list per
//! article:
//!
//! ```
//! use chrono::NaiveDate;
//! use factlint::{Article, ClaimKind, Engine};
//!
//! let engine = Engine::bundled();
//! let article = Article::new("a.txt", "About 50 countries met in Ramstein on 6 September 2024.")
//!     .published(NaiveDate::from_ymd_opt(2024, 9, 7).unwrap());
//! let checked = engine.check(&[article]);
//! let dates: Vec<String> = checked.claims[0]
//!     .iter()
//!     .filter_map(|claim| match &claim.kind {
//!         ClaimKind::Date(date) => Some(date.interval.to_string()),
//!         _ => None,
//!     })
//!     .collect();
//! assert_eq!(dates, ["2024-09-06"]);
//! ```
//!
//! # Modules
//!
//! Data flows one way: paths → `input` (articles as sources) → `extract` (claims) → `checks` →
//! findings → `report`. The library reads no clock (an article's date comes from the article or
//! from the caller) and never prints. The modules documented here are the stable surface; the
//! others are public for factlint's own binary, benchmarks and fuzz targets, and may change in
//! any release.

pub mod claim;
pub mod engine;
pub mod error;
pub mod finding;
pub mod interval;

#[doc(hidden)]
pub mod baseline;
#[doc(hidden)]
pub mod checks;
#[doc(hidden)]
pub mod config;
#[doc(hidden)]
pub mod corpus;
#[doc(hidden)]
pub mod extract;
#[doc(hidden)]
pub mod facts;
#[doc(hidden)]
pub mod fix;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod kb;
#[doc(hidden)]
pub mod lexicon;
#[doc(hidden)]
pub mod lint;
#[doc(hidden)]
pub mod report;
#[doc(hidden)]
pub mod similar;
#[doc(hidden)]
pub mod source;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod transliteration;

pub use claim::{Claim, ClaimKind};
pub use engine::{Article, Checked, Engine};
pub use error::{Error, Result};
pub use finding::{Finding, Fix, Location, Severity};
