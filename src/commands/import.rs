//! `factlint rules import wikidata`: read Wikidata JSON, write rule files, check what was
//! written. A dump is read once more when it names positions before the people who held them.

use std::collections::HashSet;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use factlint::error::{Error, Result};
use factlint::fix::write_atomically;
use factlint::kb::KnowledgeBase;
use factlint::kb::wikidata::{self, Existing, Filter, Importer, InputKind, Qid, parse_qid};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::WikidataArgs;
use crate::commands::rules::parse_day;

pub fn wikidata(args: &WikidataArgs, quiet: bool) -> Result<ExitCode> {
    let filter = Filter {
        qids: qids(&args.filter, "--filter")?,
        positions: qids(&args.position, "--position")?,
        countries: qids(&args.country, "--country")?,
    };
    let checked = args.checked.as_deref().map(|day| parse_day(day, "--checked")).transpose()?;
    let mut importer = Importer::new(filter);
    let mut dumps = Vec::new();
    for path in &args.files {
        let bar = progress_bar(path, quiet);
        let kind = importer.read(open(path, &bar)?, &path.display().to_string())?;
        bar.finish_and_clear();
        if kind == InputKind::Dump {
            dumps.push(path);
        }
    }
    let missing = importer.missing_labels();
    if !missing.is_empty() {
        for path in dumps {
            let bar = progress_bar(path, quiet);
            importer.read_labels(open(path, &bar)?, &path.display().to_string(), &missing)?;
            bar.finish_and_clear();
        }
    }
    let (records, labels) = importer.finish();

    let to_stdout = args.out.as_deref() == Some(Path::new("-"));
    let dir = args.update.as_ref().or(args.out.as_ref()).expect("clap requires --out or --update");
    if args.update.is_some() && !dir.is_dir() {
        return Err(Error::usage(format!("--update {}: no such folder (use --out for a first import)", dir.display())));
    }
    let existing = if to_stdout { Existing::default() } else { Existing::scan(dir)? };
    let output = wikidata::write(records, &labels, existing, if to_stdout { Path::new("") } else { dir }, checked);
    if !quiet {
        for note in &output.notes {
            eprintln!("note: {note}");
        }
    }
    if to_stdout {
        let texts: Vec<&str> = output.files.iter().map(|(_, text)| text.as_str()).collect();
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(texts.join("\n").as_bytes()).map_err(crate::output_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    super::remove_temporaries_on_signals();
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::Write { path: dir.display().to_string(), reason: e.to_string() })?;
    for (path, text) in &output.files {
        if path.exists() {
            write_atomically(path, text.as_bytes())?;
        } else {
            std::fs::write(path, text)
                .map_err(|e| Error::Write { path: path.display().to_string(), reason: e.to_string() })?;
        }
    }
    // What was written must validate with what was there: say so now, not at the next check.
    let kb = KnowledgeBase::load(std::slice::from_ref(dir))?;
    if !quiet {
        eprintln!(
            "imported {} entities into {} ({} entities in its rules, valid)",
            output.files.len(),
            dir.display(),
            kb.entities.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn qids(texts: &[String], option: &str) -> Result<HashSet<Qid>> {
    texts
        .iter()
        .map(|text| {
            parse_qid(text)
                .ok_or_else(|| Error::usage(format!("{option} takes Wikidata item ids such as Q42, not “{text}”")))
        })
        .collect()
}

/// A byte count of the file as read from disk, shown on a terminal only.
fn progress_bar(path: &Path, quiet: bool) -> ProgressBar {
    let length = std::fs::metadata(path).map_or(0, |m| m.len());
    let visible = !quiet && std::io::stderr().is_terminal();
    let bar = ProgressBar::with_draw_target(
        Some(length),
        if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
    );
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()));
    bar
}

fn open(path: &Path, bar: &ProgressBar) -> Result<Box<dyn std::io::BufRead>> {
    wikidata::open(path, |file| Box::new(bar.wrap_read(file)) as Box<dyn Read>)
}
