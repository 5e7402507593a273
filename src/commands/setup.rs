//! What `check` and `claims` share: resolving arguments into the knowledge base, the load
//! options and the thread pool.

use std::io::Read;

use chrono::NaiveDate;
use factlint::corpus::LoadOptions;
use factlint::error::{Error, Result};
use factlint::kb::KnowledgeBase;

use crate::cli::InputArgs;

pub struct Setup {
    pub kb: KnowledgeBase,
    pub load: LoadOptions,
}

impl Setup {
    pub fn new(args: &InputArgs) -> Result<Setup> {
        if let Some(jobs) = args.jobs {
            if jobs == 0 {
                return Err(Error::usage("--jobs must be at least 1"));
            }
            // Only fails if a pool was already built, which the binary never does twice.
            let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
        }
        let date = args.date.as_deref().map(parse_date).transpose()?;
        let kb = if args.rules.is_empty() { KnowledgeBase::bundled()? } else { KnowledgeBase::load(&args.rules)? };
        let stdin = if args.paths.iter().any(|p| p.as_os_str() == "-") {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| Error::read("standard input", e))?;
            Some((args.stdin_filename.clone().unwrap_or_else(|| "-".into()), bytes))
        } else {
            None
        };
        let load = LoadOptions { paths: args.paths.clone(), date, include: None, exclude: None, stdin };
        Ok(Setup { kb, load })
    }
}

pub fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Usage {
        message: format!("--date “{text}” is not a date"),
        help: Some("write YYYY-MM-DD, e.g. --date 2026-01-06".into()),
    })
}
