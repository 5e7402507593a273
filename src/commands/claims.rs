//! `factlint claims`: show what was read.

use std::io::Write;
use std::process::ExitCode;

use factlint::corpus::{extract_all, read_found};
use factlint::error::Result;
use factlint::report::claims::{write_jsonl, write_table};

use super::Setup;
use crate::cli::{ClaimsArgs, ClaimsFormat};

pub fn run(args: &ClaimsArgs, quiet: bool) -> Result<ExitCode> {
    let setup = Setup::new(&args.input, quiet)?;
    let bar = crate::progress::Bar::new(quiet);
    let corpus = read_found(setup.found, &setup.load, &bar);
    let claims = extract_all(&corpus.sources, &setup.kb, &setup.extract, &bar);
    bar.finish();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        ClaimsFormat::Jsonl => write_jsonl(&mut out, &corpus.sources, &claims, &setup.kb),
        ClaimsFormat::Table => write_table(&mut out, &corpus.sources, &claims, &setup.kb),
    };
    written.and_then(|()| out.flush()).map_err(crate::output_error)?;
    crate::report_errors(corpus.errors)
}
