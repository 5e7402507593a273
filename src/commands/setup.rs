//! What `check` and `claims` share: the config file and the flags resolved into the knowledge
//! base, the load options, the extraction and lint settings, and the thread pool.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use factlint::config::{Config, Discovery, FailOn};
use factlint::corpus::{Found, LoadOptions, STDIN_LIMIT, read_bounded};
use factlint::error::{Error, Result};
use factlint::extract::ExtractSettings;
use factlint::extract::count::CountSettings;
use factlint::input::WalkOptions;
use factlint::kb::KnowledgeBase;
use factlint::lint::LintSettings;
use factlint::text::fold;

use crate::cli::InputArgs;

pub struct Setup {
    pub kb: KnowledgeBase,
    pub load: LoadOptions,
    /// The files to read.
    pub found: Found,
    pub extract: ExtractSettings,
    pub lint: LintSettings,
    pub fail_on: Option<FailOn>,
    /// The project's root: the config file's folder, else the nearest folder with `.git`, else
    /// the current one. Baselines key paths from it.
    pub root: PathBuf,
}

impl Setup {
    pub fn new(args: &InputArgs, quiet: bool) -> Result<Setup> {
        if let Some(asked) = args.jobs {
            if asked == 0 {
                return Err(Error::usage("--jobs must be at least 1"));
            }
            let most = most_jobs();
            if asked > most && !quiet {
                eprintln!("note: --jobs {asked} is more than this machine can use; using {most}");
            }
            // Only fails if a pool was already built, which the binary never does twice.
            let _ = rayon::ThreadPoolBuilder::new().num_threads(asked.min(most)).build_global();
        }
        let cwd = std::env::current_dir().map_err(|e| Error::read("the current folder", e))?;
        let discovery = Discovery { explicit: args.config.as_deref(), isolated: args.isolated };
        // Standard input is configured as the file it is named after, as ruff does.
        let configured: Vec<PathBuf> = args
            .paths
            .iter()
            .map(|path| match &args.stdin_filename {
                Some(name) if path.as_os_str() == "-" => PathBuf::from(name),
                _ => path.clone(),
            })
            .collect();
        let config = Config::discover(discovery, &configured, &cwd)?;
        let date = args.date.as_deref().map(parse_date).transpose()?;
        let root = project_root(config.path.as_deref(), &cwd);
        let rules = if args.rules.is_empty() { &config.rules } else { &args.rules };
        let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
        if args.stdin_filename.is_some() && !reads_stdin {
            return Err(Error::Usage {
                message: "--stdin-filename names standard input, which is not read".into(),
                help: Some("pass `-` among the paths to read standard input".into()),
            });
        }
        let stdin = if reads_stdin {
            let bytes = read_bounded(std::io::stdin().lock(), STDIN_LIMIT)?;
            Some((args.stdin_filename.clone().unwrap_or_else(|| "-".into()), bytes))
        } else {
            None
        };
        let walk =
            WalkOptions { include: config.include, exclude: config.exclude, hidden: args.hidden, follow: args.follow };
        let load = LoadOptions { paths: args.paths.clone(), date, walk, allow_empty: args.allow_empty, stdin };
        // Both come before any article is read: the files are found while the rules compile.
        let (kb, found) = rayon::join(
            || if rules.is_empty() { Ok(KnowledgeBase::bundled()?) } else { KnowledgeBase::load_cached(rules) },
            || Found::new(&load),
        );
        let mut kb: KnowledgeBase = kb?;
        if args.verbose && !quiet {
            for file in &config.files {
                eprintln!("read config {}", file.display());
            }
            for (path, why) in &found.passed {
                eprintln!("passed over {}: {why}", path.display());
            }
        }
        kb.distinct.extend(config.distinct.iter().map(|n| fold(n)));
        Ok(Setup {
            kb,
            load,
            found,
            extract: ExtractSettings {
                counts: CountSettings { approximate: config.count_tolerance },
                ..ExtractSettings::default()
            },
            lint: LintSettings {
                checks: config.checks,
                select: config.select,
                ignore: config.ignore,
                severities: config.severities,
            },
            fail_on: config.fail_on,
            root,
        })
    }
}

fn project_root(config: Option<&Path>, cwd: &Path) -> PathBuf {
    let config_folder = config.and_then(Path::parent).map(|p| if p.as_os_str().is_empty() { cwd } else { p });
    config_folder.or_else(|| cwd.ancestors().find(|dir| dir.join(".git").exists())).unwrap_or(cwd).to_path_buf()
}

/// The most threads `--jobs` starts: twice the cores (threads waiting on slow disks leave
/// cores idle), and never more than [`MAX_JOBS`] — each thread costs a stack and start-up time,
/// and thousands of them made a one-file run take most of a minute.
fn most_jobs() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cores * 2).min(MAX_JOBS)
}

const MAX_JOBS: usize = 64;

pub fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Usage {
        message: format!("--date “{text}” is not a date"),
        help: Some("write YYYY-MM-DD, e.g. --date 2026-01-06".into()),
    })
}
