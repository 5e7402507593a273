//! `factlint rules check`: validate rule folders.

use std::process::ExitCode;

use factlint::error::Result;
use factlint::kb::KnowledgeBase;

pub fn check(dirs: &[std::path::PathBuf]) -> Result<ExitCode> {
    let kb = if dirs.is_empty() { KnowledgeBase::bundled()? } else { KnowledgeBase::load(dirs)? };
    let roles: usize = kb.entities.iter().map(|e| e.roles.len()).sum();
    let counts: usize = kb.events.iter().map(|e| e.counts.len()).sum();
    println!(
        "rules valid: {} files, {} entities, {roles} roles, {} events, {counts} counts",
        kb.files.len(),
        kb.entities.len(),
        kb.events.len()
    );
    Ok(ExitCode::SUCCESS)
}
