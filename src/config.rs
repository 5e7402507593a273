//! `factlint.toml`: a raw layer of optional fields as written (unknown keys rejected, every value
//! with its span), validated per file. The files found from the checked paths up are layered,
//! the nearest winning per key (per code in `[severity]`), `--config` on top, and the result is
//! resolved against command-line flags into settings. Flags win over every file.
//!
//! ```toml
//! rules = ["rules"]                  # rule folders, relative to this file; replace the bundled rules
//! include = ["**/*.md"]              # which files a folder walk picks up
//! exclude = ["archive/**"]
//! fail_on = "error"                  # error | warning | info | never
//!
//! [checks]
//! select = ["all"]                   # codes or groups ("name", "title.stale")
//! ignore = ["draft"]
//!
//! [severity]
//! "name.inconsistent" = "error"
//!
//! [thresholds]
//! similarity = 0.92                  # Jaro-Winkler for near-miss names
//! count_tolerance = 0.1              # "about 50" is 45–55
//! title_grace_days = 3
//! duplicate_min_words = 8
//!
//! [names]
//! distinct = ["Johnston"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::checks::{CHECKS, CheckSettings, selects};
use crate::error::{Error, SpannedError};
use crate::finding::Severity;
use crate::source::{FileRef, SourceFile, Span};

/// The names a config file may have, looked for in each folder from here up.
pub const CONFIG_NAMES: &[&str] = &["factlint.toml", ".factlint.toml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub rules: Option<Vec<Spanned<String>>>,
    pub include: Option<Vec<Spanned<String>>>,
    pub exclude: Option<Vec<Spanned<String>>>,
    pub fail_on: Option<Spanned<String>>,
    #[serde(default)]
    pub checks: RawChecks,
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub thresholds: RawThresholds,
    #[serde(default)]
    pub names: RawNames,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecks {
    pub select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    pub similarity: Option<Spanned<f64>>,
    pub count_tolerance: Option<Spanned<f64>>,
    pub title_grace_days: Option<Spanned<i64>>,
    pub duplicate_min_words: Option<Spanned<usize>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNames {
    pub distinct: Option<Vec<String>>,
}

/// The configuration of a run: the config files that apply, layered, and resolved. Paths in a
/// file are relative to its folder.
#[derive(Debug)]
pub struct Config {
    /// The nearest file read for the first checked path (`--config` if given): the project's
    /// root is its folder.
    pub path: Option<PathBuf>,
    /// Every config file read.
    pub files: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    pub fail_on: Option<FailOn>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severities: BTreeMap<String, Severity>,
    pub checks: CheckSettings,
    pub count_tolerance: f64,
    pub distinct: Vec<String>,
}

impl Default for Config {
    /// What a run without any config file uses.
    fn default() -> Config {
        Config::resolved(Layer::default())
    }
}

/// The least severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    At(Severity),
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        Some(match text {
            "error" => FailOn::At(Severity::Error),
            "warning" => FailOn::At(Severity::Warning),
            "info" => FailOn::At(Severity::Info),
            "never" => FailOn::Never,
            _ => return None,
        })
    }
}

/// Which config files a run reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Discovery<'a> {
    /// `--config FILE`: read on top of every file found, so its keys win.
    pub explicit: Option<&'a Path>,
    /// `--isolated`: no file is looked for (an explicit one is still read).
    pub isolated: bool,
}

impl Config {
    /// The config files for `paths` (relative to `cwd`; none means `cwd`), layered as ruff and
    /// typos do: for each path, every file from its folder up to the root, the nearest winning
    /// per key (per code in `[severity]`), and `--config` on top of them all.
    ///
    /// One run has one configuration: paths whose layers disagree on a key are an error, since
    /// either value would apply to the other path's articles in silence.
    pub fn discover(discovery: Discovery, paths: &[PathBuf], cwd: &Path) -> Result<Config, Error> {
        let mut starts: Vec<(String, PathBuf)> = paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .map(|p| (p.display().to_string(), start_folder(&normalize(&cwd.join(p)))))
            .collect();
        if starts.is_empty() {
            starts.push((".".into(), normalize(cwd)));
        }
        let mut seen = std::collections::HashSet::new();
        starts.retain(|(_, start)| seen.insert(start.clone()));

        let mut read: Vec<(PathBuf, Layer)> = Vec::new();
        let mut merged: Vec<(String, Option<PathBuf>, Layer)> = Vec::new();
        for (name, start) in starts {
            let mut chain: Vec<PathBuf> = discovery.explicit.map(Path::to_path_buf).into_iter().collect();
            if !discovery.isolated {
                let found = found_from(&start);
                chain.extend(found.into_iter().filter(|file| Some(file.as_path()) != discovery.explicit));
            }
            let mut layer = Layer::default();
            // The farthest first, so each nearer file overwrites what it sets.
            for file in chain.iter().rev() {
                let index = match read.iter().position(|(path, _)| path == file) {
                    Some(index) => index,
                    None => {
                        read.push((file.clone(), Layer::load(file)?));
                        read.len() - 1
                    }
                };
                layer.overlay(read[index].1.clone());
            }
            merged.push((name, chain.first().cloned(), layer));
        }
        let mut merged = merged.into_iter();
        let (first_name, nearest, first) = merged.next().unwrap_or_else(|| unreachable!("one start at least"));
        for (name, _, other) in merged {
            first.agrees_with(&other, &first_name, &name)?;
        }
        let mut config = Config::resolved(first);
        config.path = nearest;
        config.files = read.into_iter().map(|(path, _)| path).collect();
        Ok(config)
    }

    /// One file alone, as `--config FILE --isolated` reads it.
    pub fn load(path: &Path) -> Result<Config, Error> {
        Config::discover(Discovery { explicit: Some(path), isolated: true }, &[], Path::new("."))
    }

    /// The layers merged, over the defaults.
    fn resolved(layer: Layer) -> Config {
        fn value<T>(setting: Option<Setting<T>>) -> Option<T> {
            setting.map(|s| s.value)
        }
        let defaults = CheckSettings::default();
        Config {
            path: None,
            files: Vec::new(),
            rules: value(layer.rules).unwrap_or_default(),
            include: value(layer.include).map(|globs| globs.set),
            exclude: value(layer.exclude).map(|globs| globs.set),
            fail_on: value(layer.fail_on),
            select: value(layer.select).unwrap_or_default(),
            ignore: value(layer.ignore).unwrap_or_default(),
            severities: layer.severities.into_iter().map(|(code, s)| (code, s.value)).collect(),
            checks: CheckSettings {
                similarity: value(layer.similarity).unwrap_or(defaults.similarity),
                title_grace_days: value(layer.title_grace_days).unwrap_or(defaults.title_grace_days),
                duplicate_min_words: value(layer.duplicate_min_words).unwrap_or(defaults.duplicate_min_words),
            },
            count_tolerance: value(layer.count_tolerance).unwrap_or(DEFAULT_COUNT_TOLERANCE),
            distinct: value(layer.distinct).unwrap_or_default(),
        }
    }
}

/// "about 50" is 45–55.
const DEFAULT_COUNT_TOLERANCE: f64 = 0.1;

/// Where the search for a path's config files starts: the path if it is a folder, else its
/// folder.
fn start_folder(path: &Path) -> PathBuf {
    if path.is_dir() { path.to_path_buf() } else { path.parent().map_or(path.to_path_buf(), Path::to_path_buf) }
}

/// `a/./b/../c` as `a/c`, without touching the file system (a path need not exist to say
/// where its config files would be).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The config files in `start` and every folder above it, the nearest first (one per folder).
fn found_from(start: &Path) -> Vec<PathBuf> {
    start
        .ancestors()
        .filter_map(|dir| CONFIG_NAMES.iter().map(|name| dir.join(name)).find(|candidate| candidate.is_file()))
        .collect()
}

/// A key's value and the file that set it, to say where two paths' settings come from.
#[derive(Debug, Clone)]
struct Setting<T> {
    value: T,
    file: PathBuf,
}

impl<T> Setting<T> {
    /// Values as set by `file`.
    fn from(file: &Path) -> impl Fn(T) -> Setting<T> + '_ {
        move |value| Setting { value, file: file.to_path_buf() }
    }
}

/// Globs, told apart by how they are written (a compiled set cannot be compared).
#[derive(Debug, Clone)]
struct Globs {
    patterns: Vec<String>,
    set: GlobSet,
}

impl PartialEq for Globs {
    fn eq(&self, other: &Globs) -> bool {
        self.patterns == other.patterns
    }
}

/// One config file validated, or several merged: a key left out is `None`, so a farther file's
/// value shows through.
#[derive(Debug, Default, Clone)]
struct Layer {
    rules: Option<Setting<Vec<PathBuf>>>,
    include: Option<Setting<Globs>>,
    exclude: Option<Setting<Globs>>,
    fail_on: Option<Setting<FailOn>>,
    select: Option<Setting<Vec<String>>>,
    ignore: Option<Setting<Vec<String>>>,
    /// Per code: a nearer file sets one code's severity without dropping the others.
    severities: BTreeMap<String, Setting<Severity>>,
    similarity: Option<Setting<f64>>,
    count_tolerance: Option<Setting<f64>>,
    title_grace_days: Option<Setting<i64>>,
    duplicate_min_words: Option<Setting<usize>>,
    distinct: Option<Setting<Vec<String>>>,
}

impl Layer {
    fn load(path: &Path) -> Result<Layer, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path.display(), e))?;
        let file = SourceFile::new(path.display().to_string(), text);
        let raw: RawConfig = toml::from_str(&file.text).map_err(|err| {
            let span = err.span().map_or(Span::new(0, 0), Span::from);
            SpannedError::new(&file, span, err.message().trim().to_string(), "here")
                .with_help("see `factlint init` for every key a config file may have")
        })?;
        resolve(raw, &file, path)
    }

    /// `nearer`'s keys over this layer's.
    fn overlay(&mut self, nearer: Layer) {
        fn set<T>(slot: &mut Option<T>, value: Option<T>) {
            if value.is_some() {
                *slot = value;
            }
        }
        set(&mut self.rules, nearer.rules);
        set(&mut self.include, nearer.include);
        set(&mut self.exclude, nearer.exclude);
        set(&mut self.fail_on, nearer.fail_on);
        set(&mut self.select, nearer.select);
        set(&mut self.ignore, nearer.ignore);
        self.severities.extend(nearer.severities);
        set(&mut self.similarity, nearer.similarity);
        set(&mut self.count_tolerance, nearer.count_tolerance);
        set(&mut self.title_grace_days, nearer.title_grace_days);
        set(&mut self.duplicate_min_words, nearer.duplicate_min_words);
        set(&mut self.distinct, nearer.distinct);
    }

    /// Whether two checked paths, `mine` with this layer and `theirs` with `other`, have one
    /// configuration; if not, the first key they differ on.
    fn agrees_with(&self, other: &Layer, mine: &str, theirs: &str) -> Result<(), Error> {
        fn same<T: PartialEq>(
            key: &str,
            a: Option<&Setting<T>>,
            b: Option<&Setting<T>>,
            names: (&str, &str),
        ) -> Result<(), Error> {
            if a.map(|s| &s.value) == b.map(|s| &s.value) {
                return Ok(());
            }
            let from = |setting: Option<&Setting<T>>| {
                setting.map_or("no config file sets it".to_string(), |s| format!("{} sets it", s.file.display()))
            };
            Err(Error::Usage {
                message: format!(
                    "the checked paths have different `{key}`: for {} {}, for {} {}",
                    names.0,
                    from(a),
                    names.1,
                    from(b)
                ),
                help: Some(format!("check them in separate runs, or set `{key}` for both with --config FILE")),
            })
        }
        let names = (mine, theirs);
        same("rules", self.rules.as_ref(), other.rules.as_ref(), names)?;
        same("include", self.include.as_ref(), other.include.as_ref(), names)?;
        same("exclude", self.exclude.as_ref(), other.exclude.as_ref(), names)?;
        same("fail_on", self.fail_on.as_ref(), other.fail_on.as_ref(), names)?;
        same("checks.select", self.select.as_ref(), other.select.as_ref(), names)?;
        same("checks.ignore", self.ignore.as_ref(), other.ignore.as_ref(), names)?;
        for code in self.severities.keys().chain(other.severities.keys()) {
            let key = format!("severity.\"{code}\"");
            same(&key, self.severities.get(code), other.severities.get(code), names)?;
        }
        same("thresholds.similarity", self.similarity.as_ref(), other.similarity.as_ref(), names)?;
        same("thresholds.count_tolerance", self.count_tolerance.as_ref(), other.count_tolerance.as_ref(), names)?;
        same("thresholds.title_grace_days", self.title_grace_days.as_ref(), other.title_grace_days.as_ref(), names)?;
        same(
            "thresholds.duplicate_min_words",
            self.duplicate_min_words.as_ref(),
            other.duplicate_min_words.as_ref(),
            names,
        )?;
        same("names.distinct", self.distinct.as_ref(), other.distinct.as_ref(), names)
    }
}

fn resolve(raw: RawConfig, file: &FileRef, path: &Path) -> Result<Layer, Error> {
    let base = path.parent().unwrap_or(Path::new("."));
    let problem = |span: std::ops::Range<usize>, message: String, label: &str| {
        SpannedError::new(file, span.into(), message, label)
    };
    let codes = |list: Option<Vec<Spanned<String>>>| -> Result<Option<Vec<String>>, SpannedError> {
        let Some(list) = list else { return Ok(None) };
        list.into_iter()
            .map(|item| {
                let pattern = item.get_ref().clone();
                if CHECKS.iter().any(|c| selects(&pattern, c.info().code)) {
                    Ok(pattern)
                } else {
                    Err(problem(item.span(), format!("no check code is “{pattern}”"), "unknown code")
                        .with_help("`factlint explain` lists the codes; a group such as `name` selects all its codes"))
                }
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    };
    let globs = |list: Option<Vec<Spanned<String>>>| -> Result<Option<Globs>, SpannedError> {
        let Some(list) = list else { return Ok(None) };
        let mut builder = GlobSetBuilder::new();
        let mut patterns = Vec::new();
        for item in list {
            let glob = Glob::new(item.get_ref())
                .map_err(|e| problem(item.span(), format!("bad glob “{}”: {e}", item.get_ref()), "here"))?;
            builder.add(glob);
            patterns.push(item.into_inner());
        }
        let set = builder.build().map_err(|e| problem(0..0, format!("bad globs: {e}"), "here"))?;
        Ok(Some(Globs { patterns, set }))
    };
    let mut severities = BTreeMap::new();
    for (code, value) in raw.severity {
        if !CHECKS.iter().any(|c| selects(&code, c.info().code)) {
            return Err(problem(value.span(), format!("no check code is “{code}”"), "unknown code").into());
        }
        let severity = match value.get_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(problem(value.span(), format!("“{other}” is not a severity"), "here")
                    .with_help("write \"error\", \"warning\" or \"info\"")
                    .into());
            }
        };
        severities.insert(code, Setting::from(path)(severity));
    }
    let fail_on = match raw.fail_on {
        Some(value) => Some(FailOn::parse(value.get_ref()).ok_or_else(|| {
            problem(value.span(), format!("“{}” is not a fail_on level", value.get_ref()), "here")
                .with_help("write \"error\", \"warning\", \"info\" or \"never\"")
        })?),
        None => None,
    };
    let thresholds = raw.thresholds;
    let ranged = |value: Option<Spanned<f64>>, what: &str| -> Result<Option<f64>, SpannedError> {
        match value {
            Some(v) if !(0.0..=1.0).contains(v.get_ref()) => {
                Err(problem(v.span(), format!("{what} must be between 0 and 1"), "out of range"))
            }
            other => Ok(other.map(|v| *v.get_ref())),
        }
    };
    Ok(Layer {
        rules: raw.rules.map(|rules| Setting::from(path)(rules.iter().map(|r| base.join(r.get_ref())).collect())),
        include: globs(raw.include)?.map(Setting::from(path)),
        exclude: globs(raw.exclude)?.map(Setting::from(path)),
        fail_on: fail_on.map(Setting::from(path)),
        select: codes(raw.checks.select)?.map(Setting::from(path)),
        ignore: codes(raw.checks.ignore)?.map(Setting::from(path)),
        severities,
        similarity: ranged(thresholds.similarity, "similarity")?.map(Setting::from(path)),
        count_tolerance: ranged(thresholds.count_tolerance, "count_tolerance")?.map(Setting::from(path)),
        title_grace_days: thresholds.title_grace_days.map(|v| Setting::from(path)((*v.get_ref()).max(0))),
        duplicate_min_words: thresholds.duplicate_min_words.map(|v| Setting::from(path)(*v.get_ref())),
        distinct: raw.names.distinct.map(Setting::from(path)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factlint.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    #[test]
    fn resolves_every_section() {
        let config = parse(
            "rules = [\"kb\"]\nfail_on = \"warning\"\n[checks]\nselect = [\"name\", \"title.stale\"]\n[severity]\n\"name.inconsistent\" = \"error\"\n[thresholds]\nsimilarity = 0.9\ntitle_grace_days = 5\n[names]\ndistinct = [\"Johnston\"]\n",
        )
        .unwrap();
        assert!(config.rules[0].ends_with("kb"));
        assert_eq!(config.fail_on, Some(FailOn::At(Severity::Warning)));
        assert_eq!(config.select, ["name", "title.stale"]);
        assert_eq!(config.severities["name.inconsistent"], Severity::Error);
        assert_eq!(config.checks.similarity, 0.9);
        assert_eq!(config.checks.title_grace_days, 5);
        assert_eq!(config.distinct, ["Johnston"]);
    }

    #[test]
    fn rejects_unknown_keys_codes_and_values() {
        let message = |text: &str| match parse(text) {
            Err(Error::Spanned(e)) => e.message.clone(),
            other => panic!("{other:?}"),
        };
        assert!(message("fail-on = \"error\"\n").contains("unknown field `fail-on`"));
        assert_eq!(message("[checks]\nignore = [\"name.misspeled\"]\n"), "no check code is “name.misspeled”");
        assert_eq!(message("[severity]\n\"draft\" = \"fatal\"\n"), "“fatal” is not a severity");
        assert_eq!(message("[thresholds]\nsimilarity = 1.5\n"), "similarity must be between 0 and 1");
    }
}
