//! `factlint claims`: show what was read.

use std::io::Write;
use std::process::ExitCode;

use factlint::corpus::{extract_all, read_found};
use factlint::error::Result;
use factlint::report::claims::{write_jsonl, write_table};

use factlint::claim::Claim;
use factlint::input::Source;
use factlint::kb::KnowledgeBase;

use super::{Flags, Setup};
use crate::cli::{ClaimsArgs, ClaimsFormat};

pub fn run(args: &ClaimsArgs, quiet: bool) -> Result<ExitCode> {
    let mut setup = Setup::new(&args.input, Flags::default(), quiet)?;
    let bar = crate::progress::Bar::new(quiet);
    // Each group of files is read with its own rules; the claims are shown in the files' order.
    let mut read = Vec::new();
    let found = std::mem::take(&mut setup.found);
    for (engine, found) in setup.split(found) {
        let engine = &setup.engines[engine];
        let corpus = read_found(found, &setup.load, &bar);
        let claims = extract_all(&corpus.sources, &engine.kb, &engine.extract, &bar);
        read.push((engine, corpus, claims));
    }
    bar.finish();
    let mut sources: Vec<(&Source, &Vec<Claim>, &KnowledgeBase)> = read
        .iter()
        .flat_map(|(engine, corpus, claims)| corpus.sources.iter().zip(claims).map(|(s, c)| (s, c, &*engine.kb)))
        .collect();
    // Stable: a corpus's lines keep their order.
    sources.sort_by(|a, b| a.0.file.path.cmp(&b.0.file.path));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = sources.into_iter().try_for_each(|(source, claims, kb)| {
        let (source, claims) = (std::slice::from_ref(source), std::slice::from_ref(claims));
        match args.format {
            ClaimsFormat::Jsonl => write_jsonl(&mut out, source, claims, kb),
            ClaimsFormat::Table => write_table(&mut out, source, claims, kb),
        }
    });
    written.and_then(|()| out.flush()).map_err(crate::output_error)?;
    crate::report_errors(read.into_iter().flat_map(|(_, corpus, _)| corpus.errors).collect())
}
