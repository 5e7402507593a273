//! `factlint explain CODE`: a check's own documentation.

use std::process::ExitCode;

use factlint::checks::{CHECKS, by_code};
use factlint::error::{Error, Result};

pub fn run(code: Option<&str>) -> Result<ExitCode> {
    match code {
        None => {
            for check in CHECKS {
                let info = check.info();
                println!("{:<26} {:<8} {}", info.code, info.default_severity, info.summary);
            }
        }
        Some(code) => {
            let check = by_code(code).ok_or_else(|| Error::Usage {
                message: format!("no check code is “{code}”"),
                help: Some("`factlint explain` lists every code".into()),
            })?;
            let info = check.info();
            println!("{} ({} by default)\n{}\n", info.code, info.default_severity, info.summary);
            print!("{}", unindent(info.doc));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Doc comments keep the space after `///`.
fn unindent(doc: &str) -> String {
    doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n") + "\n"
}

/// A check's explanation as `factlint explain CODE` prints it, for the language server's and
/// the HTTP service's links.
pub fn text(check: &dyn factlint::checks::Check) -> String {
    let info = check.info();
    format!("{} ({} by default)\n{}\n\n{}", info.code, info.default_severity, info.summary, unindent(info.doc))
}
