//! `factlint check`: read, extract, check, report; exit 0, 1 (findings at or above
//! `--fail-on`) or 2 (something could not be read).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use factlint::config::FailOn;
use factlint::error::{Error, Result};
use factlint::finding::Finding;
use factlint::lint::Run;
use factlint::report::{self, Summary};

use super::Setup;
use crate::cli::{CheckArgs, ColorChoice, OutputFormat};

pub fn run(args: &CheckArgs, color: ColorChoice) -> Result<ExitCode> {
    let setup = Setup::new(&args.input)?;
    let mut lint_settings = setup.lint.clone();
    if !args.select.is_empty() {
        lint_settings.select = args.select.clone();
    }
    lint_settings.ignore.extend(args.ignore.iter().cloned());
    for pattern in lint_settings.select.iter().chain(&lint_settings.ignore) {
        if !factlint::checks::CHECKS.iter().any(|c| factlint::checks::selects(pattern, c.info().code)) {
            return Err(Error::Usage {
                message: format!("no check code is “{pattern}”"),
                help: Some("`factlint explain` lists the codes; a group such as `name` selects all its codes".into()),
            });
        }
    }
    let fail_on = match &args.fail_on {
        Some(text) => FailOn::parse(text).ok_or_else(|| Error::Usage {
            message: format!("--fail-on “{text}” is not a level"),
            help: Some("use error, warning, info or never".into()),
        })?,
        None => setup.fail_on.unwrap_or(FailOn::At(factlint::finding::Severity::Error)),
    };

    let run = Run::new(&setup.load, &setup.kb, &setup.extract, &lint_settings);
    let summary = Summary::new(&run.findings, run.files());
    render(args.format, &run.findings, &run.corpus.sources, summary, color)
        .map_err(|e| Error::Write { path: "standard output".into(), reason: e.to_string() })?;

    if !run.corpus.errors.is_empty() {
        return crate::report_errors(run.corpus.errors);
    }
    let findings = run.findings;
    let failing = match fail_on {
        FailOn::Never => false,
        FailOn::At(least) => findings.iter().any(|f| f.severity >= least),
    };
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn render(
    format: OutputFormat,
    findings: &[Finding],
    sources: &[factlint::input::Source],
    summary: Summary,
    color: ColorChoice,
) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        OutputFormat::Human => {
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            let width = terminal_width().unwrap_or(100);
            report::human::write(&mut out, findings, report::human::Style { color, unicode: true, width })?;
            writeln!(out, "{summary}")?;
        }
        OutputFormat::Short => report::short::write(&mut out, findings)?,
        OutputFormat::Json => report::json::write(&mut out, findings, sources, summary)?,
    }
    out.flush()
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}
