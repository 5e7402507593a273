//! The packaging kit: shell completions, the man page and the report's JSON Schema, generated
//! from the same definitions the program runs on.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use factlint::error::Result;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut out);
    print(&out)
}

pub fn man() -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(crate::output_error)?;
    print(&out)
}

pub fn schema() -> Result<ExitCode> {
    let mut text = serde_json::to_string_pretty(&factlint::report::json::schema()).unwrap_or_default();
    text.push('\n');
    print(text.as_bytes())
}

fn print(bytes: &[u8]) -> Result<ExitCode> {
    std::io::stdout().lock().write_all(bytes).map_err(crate::output_error)?;
    Ok(ExitCode::SUCCESS)
}
