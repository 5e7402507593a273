//! factlint: a source-consistency and fact-discrepancy checker for news writing.
//!
//! Data flows one way: paths → [`input`] (articles as [`input::Source`]s) → [`extract`]
//! ([`claim::Claim`]s) → checks → findings → reports. The library reads no clock (an article's
//! date comes from the article or from `--date`) and never prints.

pub mod baseline;
pub mod checks;
pub mod claim;
pub mod config;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod facts;
pub mod finding;
pub mod fix;
pub mod input;
pub mod interval;
pub mod kb;
pub mod lexicon;
pub mod lint;
pub mod report;
pub mod similar;
pub mod source;
pub mod text;
pub mod transliteration;
