//! What `check` and `claims` share: the configuration of every folder met and the flags
//! resolved into knowledge bases, load options, extraction and lint settings, and the thread
//! pool.
//!
//! Each article is checked under its own folder's configuration. The articles whose
//! configurations agree on the rules and thresholds form a group with one engine; one
//! configuration for everything — the common case — is one group, checked as it always was.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use factlint::checks::selects;
use factlint::config::{Config, Configs, Discovery, EngineKey, FailOn};
use factlint::corpus::{Found, LoadOptions, Progress, STDIN_LIMIT, read_bounded};
use factlint::error::{Error, Result};
use factlint::extract::ExtractSettings;
use factlint::extract::count::CountSettings;
use factlint::finding::Severity;
use factlint::input::WalkOptions;
use factlint::kb::KnowledgeBase;
use factlint::lint::{Group, LintSettings, Run};
use factlint::text::fold;

use crate::cli::InputArgs;

/// `--select` and `--ignore`: over every file's configuration.
#[derive(Debug, Default, Clone, Copy)]
pub struct Flags<'a> {
    pub select: &'a [String],
    pub ignore: &'a [String],
}

pub struct Setup {
    pub load: LoadOptions,
    /// The files to read.
    pub found: Found,
    /// One engine per group of articles configured with the same rules and thresholds, in the
    /// order of the files.
    pub engines: Vec<Engine>,
    /// The configurations of the files, each once, with its settings (the flags applied).
    configured: Vec<Configured>,
    /// Which of `configured` each file has, by the path it is reported under; empty when one
    /// configuration covers every file.
    by_path: HashMap<String, usize>,
    /// The project's root: the config file's folder, else the nearest folder with `.git`, else
    /// the current one. Baselines key paths from it.
    pub root: PathBuf,
}

/// What checks one group of articles.
pub struct Engine {
    pub kb: Arc<KnowledgeBase>,
    pub extract: ExtractSettings,
    /// What runs: the one configuration's settings, or the union of the group's.
    pub lint: LintSettings,
    key: EngineKey,
    /// Indices into `Setup::configured`.
    configs: Vec<usize>,
}

struct Configured {
    config: Arc<Config>,
    lint: LintSettings,
    engine: usize,
}

impl Setup {
    pub fn new(args: &InputArgs, flags: Flags, quiet: bool) -> Result<Setup> {
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
        let configs = Arc::new(Configs::new(discovery, &cwd)?);
        // Standard input is configured as the file it is named after, as ruff does.
        let first = match (args.paths.first(), &args.stdin_filename) {
            (Some(path), Some(name)) if path.as_os_str() == "-" => PathBuf::from(name),
            (Some(path), _) => path.clone(),
            (None, _) => PathBuf::from("."),
        };
        let first = configs.of_path(&first)?;
        let date = args.date.as_deref().map(parse_date).transpose()?;
        let root = project_root(first.path.as_deref(), &cwd);
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
        let walk = WalkOptions { hidden: args.hidden, follow: args.follow, configs: Some(configs.clone()) };
        let load = LoadOptions { paths: args.paths.clone(), date, walk, allow_empty: args.allow_empty, stdin };
        // Both come before any article is read: the files are found while the rules of the first
        // path's configuration compile — in the common case, the only ones.
        let first_key = first.engine_key(&args.rules);
        let (kb, mut found) = rayon::join(|| knowledge_base(&first_key), || Found::new(&load));
        if let Some(err) = found.invalid.drain(..).next() {
            return Err(err);
        }
        if args.verbose && !quiet {
            for file in configs.read() {
                eprintln!("read config {}", file.display());
            }
            for (path, why) in &found.passed {
                eprintln!("passed over {}: {why}", path.display());
            }
        }

        // Each configuration once, in the order of the files; then one engine per key.
        let mut configured: Vec<Configured> = Vec::new();
        let mut index: HashMap<*const Config, usize> = HashMap::new();
        let mut keys: Vec<(EngineKey, Vec<usize>)> = Vec::new();
        let only_first = [first.clone()];
        let found_configs = if found.configs.is_empty() { &only_first[..] } else { &found.configs[..] };
        for config in found_configs {
            if index.contains_key(&Arc::as_ptr(config)) {
                continue;
            }
            let config = config.clone();
            index.insert(Arc::as_ptr(&config), configured.len());
            let key = config.engine_key(&args.rules);
            let engine = keys.iter().position(|(k, _)| *k == key).unwrap_or_else(|| {
                keys.push((key, Vec::new()));
                keys.len() - 1
            });
            keys[engine].1.push(configured.len());
            let lint = lint_settings(&config, flags);
            configured.push(Configured { config, lint, engine });
        }
        // The knowledge bases: the first path's, compiled already, and the others in parallel,
        // one per set of rules and names kept distinct.
        let same_kb = |a: &EngineKey, b: &EngineKey| a.rules == b.rules && a.distinct == b.distinct;
        let mut first_kb = Some(kb);
        let others: Vec<Result<KnowledgeBase>> = {
            use rayon::prelude::*;
            let wanted: Vec<&EngineKey> = keys
                .iter()
                .enumerate()
                .filter(|(n, (key, _))| !same_kb(key, &first_key) && !keys[..*n].iter().any(|(k, _)| same_kb(k, key)))
                .map(|(_, (key, _))| key)
                .collect();
            wanted.par_iter().map(|key| knowledge_base(key)).collect()
        };
        let mut others = others.into_iter();
        let mut engines: Vec<Engine> = Vec::with_capacity(keys.len());
        for (key, configs) in keys {
            let kb = match engines.iter().find(|e| same_kb(&e.key, &key)) {
                Some(shared) => shared.kb.clone(),
                None if same_kb(&key, &first_key) => Arc::new(first_kb.take().unwrap_or_else(|| unreachable!())?),
                None => Arc::new(others.next().unwrap_or_else(|| unreachable!("one per set of rules"))?),
            };
            let config = &configured[configs[0]].config;
            let lint = match configs[..] {
                [one] => configured[one].lint.clone(),
                _ => LintSettings::union(configs.iter().map(|&c| &configured[c].lint)),
            };
            let extract = ExtractSettings {
                counts: CountSettings { approximate: config.count_tolerance },
                ..ExtractSettings::default()
            };
            engines.push(Engine { kb, extract, lint, key, configs });
        }

        let mut by_path = HashMap::new();
        if configured.len() > 1 {
            for (item, config) in found.items.iter().zip(&found.configs) {
                by_path.insert(item.name(&load).into_owned(), index[&Arc::as_ptr(config)]);
            }
        }
        let setup = Setup { load, found, engines, configured, by_path, root };
        if args.verbose && !quiet && setup.engines.len() > 1 {
            setup.say_groups();
        }
        Ok(setup)
    }

    /// The exit code's threshold for findings in `path`: its configuration's `fail_on`.
    pub fn fail_on(&self, path: &str) -> FailOn {
        let configured = self.by_path.get(path).map_or(&self.configured[0], |&c| &self.configured[c]);
        configured.config.fail_on.unwrap_or(FailOn::At(Severity::Error))
    }

    /// Checks the files found: each group by its engine, each file's findings by its own
    /// configuration.
    pub fn run(&self, found: Found, progress: &dyn Progress) -> Run {
        if let ([engine], true) = (&self.engines[..], self.by_path.is_empty()) {
            return Run::watched(found, &self.load, &engine.kb, &engine.extract, &engine.lint, progress);
        }
        let groups = self
            .split(found)
            .into_iter()
            .map(|(e, found)| {
                let engine = &self.engines[e];
                Group { found, kb: &engine.kb, extract: engine.extract, settings: engine.lint.clone() }
            })
            .collect();
        let own = |path: &str| self.by_path.get(path).map(|&c| &self.configured[c].lint);
        Run::grouped(groups, &self.load, own, progress)
    }

    /// The files found, by the engine that checks them (each with at least one file; the
    /// errors go with the first).
    pub fn split(&self, found: Found) -> Vec<(usize, Found)> {
        if self.engines.len() == 1 {
            return vec![(0, found)];
        }
        let engine_of: HashMap<*const Config, usize> =
            self.configured.iter().map(|c| (Arc::as_ptr(&c.config), c.engine)).collect();
        let Found { items, configs, errors, passed, .. } = found;
        let mut groups: Vec<Found> = self.engines.iter().map(|_| Found::default()).collect();
        for (item, config) in items.into_iter().zip(configs) {
            let engine = engine_of.get(&Arc::as_ptr(&config)).copied().unwrap_or(0);
            groups[engine].items.push(item);
            groups[engine].configs.push(config);
        }
        groups[0].errors = errors;
        groups[0].passed = passed;
        groups.into_iter().enumerate().filter(|(e, g)| *e == 0 || !g.items.is_empty()).collect()
    }

    /// For `-v`: the groups, and that the checks across sources stay within each.
    fn say_groups(&self) {
        eprintln!(
            "note: the articles are checked in {} groups, each with its own rules and thresholds; \
             the checks across sources compare articles only within a group",
            self.engines.len()
        );
        let files: Vec<usize> = self.engines.iter().map(|_| 0).collect();
        let files = self.found.items.iter().zip(&self.found.configs).fold(files, |mut files, (_, config)| {
            if let Some(c) = self.configured.iter().find(|c| Arc::ptr_eq(&c.config, config)) {
                files[c.engine] += 1;
            }
            files
        });
        for (n, engine) in self.engines.iter().enumerate() {
            let rules = if engine.key.rules.is_empty() {
                "the built-in rules".to_string()
            } else {
                let rules: Vec<String> = engine.key.rules.iter().map(|r| r.display().to_string()).collect();
                format!("rules {}", rules.join(", "))
            };
            let mut from: Vec<String> = engine
                .configs
                .iter()
                .filter_map(|&c| self.configured[c].config.path.as_ref().map(|p| p.display().to_string()))
                .collect();
            from.dedup();
            let from = if from.is_empty() { "no config file".into() } else { format!("config {}", from.join(", ")) };
            let s = if files[n] == 1 { "" } else { "s" };
            eprintln!("  group {}: {} file{s}, {rules}, {from}", n + 1, files[n]);
        }
    }
}

/// The knowledge base an engine key names: its rules (or the bundled ones) and the names it
/// keeps distinct.
fn knowledge_base(key: &EngineKey) -> Result<KnowledgeBase> {
    let mut kb = if key.rules.is_empty() { KnowledgeBase::bundled()? } else { KnowledgeBase::load_cached(&key.rules)? };
    kb.distinct.extend(key.distinct.iter().map(|n| fold(n)));
    Ok(kb)
}

/// A configuration's choice of checks and severities, with the flags over it: what `--select`
/// selects is not left out by the configuration's `ignore`.
fn lint_settings(config: &Config, flags: Flags) -> LintSettings {
    let mut settings = LintSettings::configured(config);
    if !flags.select.is_empty() {
        settings.select = flags.select.to_vec();
        settings.ignore.retain(|ignored| {
            !flags.select.iter().any(|selected| selects(ignored, selected) || selects(selected, ignored))
        });
    }
    settings.ignore.extend(flags.ignore.iter().cloned());
    settings
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
