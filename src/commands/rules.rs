//! `factlint rules check`: validate rule folders. `factlint rules stale`: list open facts to
//! re-check.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use factlint::error::{Error, Result, RuleWarnings};
use factlint::kb::KnowledgeBase;
use factlint::kb::stale::stale_facts;

use crate::cli::StaleArgs;

fn load(dirs: &[PathBuf]) -> Result<KnowledgeBase> {
    Ok(if dirs.is_empty() { KnowledgeBase::bundled()? } else { KnowledgeBase::load(dirs)? })
}

pub fn check(dirs: &[PathBuf]) -> Result<ExitCode> {
    let kb = load(dirs)?;
    let roles: usize = kb.entities.iter().map(|e| e.roles.len()).sum();
    let counts: usize = kb.events.iter().map(|e| e.counts.len()).sum();
    let warnings = kb.warnings.len();
    if warnings > 0 {
        eprintln!("{:?}", miette::Report::new(RuleWarnings { warnings: kb.warnings }));
    }
    println!(
        "rules valid: {} files, {} entities, {roles} roles, {} events, {counts} counts, {warnings} warning{}",
        kb.files.len(),
        kb.entities.len(),
        kb.events.len(),
        if warnings == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn stale(args: &StaleArgs) -> Result<ExitCode> {
    let today = match &args.date {
        Some(text) => parse_day(text, "--date")?,
        None => system_today(),
    };
    let kb = load(&args.dirs)?;
    let mut out = String::new();
    for fact in stale_facts(&kb, today, args.older_than) {
        let when = match (fact.checked, fact.age_days(today)) {
            (Some(day), Some(age)) => format!("checked {day} ({age} days ago)"),
            _ => "never checked".to_string(),
        };
        out += &format!("{}: {} — {} — {when}\n", fact.origin, fact.subject, fact.claim);
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// A whole day, `YYYY-MM-DD`, given for `option`.
pub fn parse_day(text: &str, option: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::usage(format!("{option} takes a day as YYYY-MM-DD, not “{text}”")))
}

/// Today in UTC, from the system clock: the binary's business, never the library's.
fn system_today() -> NaiveDate {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(seconds as i64, 0).unwrap_or_default().date_naive()
}
