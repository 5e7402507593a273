//! `factlint check`: read, extract, check, report; exit 0, 1 (findings at or above
//! `--fail-on`) or 2 (something could not be read or written).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use factlint::baseline::{Baseline, ProjectPaths};
use factlint::checks::{CHECKS, selects};
use factlint::config::FailOn;
use factlint::corpus::{Found, Silent};
use factlint::error::{Error, Result};
use factlint::facts::SourceSummary;
use factlint::finding::Finding;
use factlint::fix;
use factlint::lint::Run;
use factlint::report::{self, Summary};
use factlint::source::Files;

use super::{Flags, Setup};
use crate::cli::{CheckArgs, ColorChoice, OutputFormat};

pub fn run(args: &CheckArgs, color: ColorChoice, quiet: bool) -> Result<ExitCode> {
    // Config files' codes are checked as they are read; the flags' here.
    for pattern in args.select.iter().chain(&args.ignore) {
        if !CHECKS.iter().any(|c| selects(pattern, c.info().code)) {
            return Err(Error::Usage {
                message: format!("no check code is “{pattern}”"),
                help: Some("`factlint explain` lists the codes; a group such as `name` selects all its codes".into()),
            });
        }
    }
    // The command line wins over every file's configuration.
    let flags = Flags { select: &args.select, ignore: &args.ignore };
    let mut setup = Setup::new(&args.input, flags, quiet)?;
    let fail_on = match &args.fail_on {
        Some(text) => Some(FailOn::parse(text).ok_or_else(|| Error::Usage {
            message: format!("--fail-on “{text}” is not a level"),
            help: Some("use error, warning, info or never".into()),
        })?),
        None => None,
    };
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    if args.write_baseline.is_some() || (args.fix && !args.diff) {
        super::remove_temporaries_on_signals();
    }
    if args.fix && args.input.paths.iter().any(|p| p.as_os_str() == "-") && !args.diff {
        return Err(Error::Usage {
            message: "--fix cannot write to standard input".into(),
            help: Some("use --fix --diff to see the fixes".into()),
        });
    }

    let bar = crate::progress::Bar::new(quiet);
    let found = std::mem::take(&mut setup.found);
    let run = setup.run(found, &bar);
    bar.finish();
    let mut files_read = run.files();
    let Run { mut sources, mut errors, mut findings, mut files, .. } = run;

    if let Some(path) = &args.write_baseline {
        Baseline::of(&findings, &mut ProjectPaths::new(&setup.root)).write(path)?;
        if !quiet {
            eprintln!("recorded {} findings in {}", findings.len(), path.display());
        }
        return crate::report_errors(errors);
    }
    if let Some(baseline) = &baseline {
        findings = baseline.new_findings(findings, &mut ProjectPaths::new(&setup.root));
    }
    // `--fail-on`, or each file's own `fail_on`.
    let failing = |findings: &[Finding]| {
        findings.iter().any(|f| match fail_on.unwrap_or_else(|| setup.fail_on(f.path())) {
            FailOn::Never => false,
            FailOn::At(least) => f.severity >= least,
        })
    };

    let mut fixed = 0;
    if args.fix {
        let plans = fix::plan(&findings);
        if args.diff {
            let mut out = std::io::stdout().lock();
            for plan in &plans {
                // Standard input was read once: its fixes are diffed against what was read.
                let original = match &setup.load.stdin {
                    Some((name, bytes)) if *name == plan.path => {
                        fix::check_unchanged(plan, bytes).map(|()| bytes.clone())
                    }
                    _ => fix::read(plan),
                };
                match original {
                    Ok(original) => write!(out, "{}", fix::diff(plan, &original)).map_err(crate::output_error)?,
                    Err(err) => errors.push(err),
                }
            }
            // The exit code is `check`'s: what the fixes leave fails as it would without them.
            if !errors.is_empty() {
                return crate::report_errors(errors);
            }
            return Ok(if failing(&findings) { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        let mut write_errors = Vec::new();
        for plan in &plans {
            match fix::write(plan) {
                Ok(n) => fixed += n,
                Err(err) => write_errors.push(err),
            }
        }
        // The report is on the files as written, so its positions are those of the new text.
        if fixed > 0 {
            let run = setup.run(Found::new(&setup.load), &Silent);
            files_read = run.files();
            Run { sources, errors, findings, files, .. } = run;
            if let Some(baseline) = &baseline {
                findings = baseline.new_findings(findings, &mut ProjectPaths::new(&setup.root));
            }
        }
        errors.extend(write_errors);
    }

    let summary = Summary::new(&findings, files_read);
    let report = Report { findings: &findings, sources: &sources, files: &files, summary, fixed, errors: &errors };
    render(args.format, &report, color).map_err(crate::output_error)?;
    let failing = failing(&findings);
    // The process ends here: the rules, the findings and the files are left to it to free, which
    // it does at once, rather than piece by piece.
    std::mem::forget((setup, findings, sources, files));
    if !errors.is_empty() {
        return crate::report_errors(errors);
    }
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What the report shows.
struct Report<'a> {
    findings: &'a [Finding],
    sources: &'a [SourceSummary],
    files: &'a Files,
    summary: Summary,
    fixed: usize,
    /// Told on standard error too; the machine formats carry them as well.
    errors: &'a [Error],
}

fn render(format: OutputFormat, report: &Report, color: ColorChoice) -> std::io::Result<()> {
    let Report { findings, sources, files, summary, fixed, errors } = *report;
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
            let width = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(100);
            report::human::write(&mut out, findings, files, report::human::Style { color, unicode: true, width })?;
            if fixed > 0 {
                let s = if fixed == 1 { "" } else { "s" };
                writeln!(out, "fixed {fixed} finding{s}; the report above is on the files as written")?;
            }
            writeln!(out, "{summary}")?;
        }
        OutputFormat::Short => report::short::write(&mut out, findings)?,
        OutputFormat::Json => report::json::write(&mut out, findings, sources, summary, errors)?,
        OutputFormat::Sarif => report::sarif::write(&mut out, findings, errors)?,
        OutputFormat::Github => report::github::write(&mut out, findings)?,
        OutputFormat::Rdjson => report::rdjson::write(&mut out, findings)?,
    }
    out.flush()
}
