//! `factlint.toml`: a raw layer of optional fields as written (unknown keys rejected, every value
//! with its span), validated per file. Every folder a run meets has its own configuration
//! ([`Configs`]): the files in it and in the folders above it, the nearest winning per key (per
//! code in `[severity]`), `--config` on top; command-line flags win over every file.
//!
//! What a configuration sets is of two kinds. Keys that say what is reported — `[checks]`,
//! `[severity]`, `fail_on` — apply to each article's findings by its own folder's
//! configuration, and `include`/`exclude` to the folder walk below the file that sets them. Keys
//! that change the engine itself — `rules`, `[thresholds]`, `[names]` — make an [`EngineKey`]:
//! articles are checked in groups that share one, each by its own engine, and the checks across
//! sources compare articles only within a group.
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

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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

/// The configuration of one folder's articles: the config files that apply there, layered, and
/// resolved. Paths in a file are relative to its folder.
#[derive(Debug, Clone)]
pub struct Config {
    /// The nearest file read for the folder (`--config` if given): the project's root is its
    /// folder.
    pub path: Option<PathBuf>,
    /// The files layered for the folder, the farthest first, `--config` last.
    pub files: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub include: Option<Globs>,
    pub exclude: Option<Globs>,
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
        Config::resolved(Layer::default(), None, Vec::new())
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
    /// One file alone, as `--config FILE --isolated` reads it.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let configs = Configs::new(Discovery { explicit: Some(path), isolated: true }, &cwd)?;
        Ok(Arc::unwrap_or_clone(configs.folder(&cwd)?))
    }

    /// What of this configuration changes the engine itself. `rules` are the folders
    /// `--rules` names, which replace every file's.
    pub fn engine_key(&self, rules: &[PathBuf]) -> EngineKey {
        let rules = if rules.is_empty() { self.rules.iter().map(|r| normalize(r)).collect() } else { rules.to_vec() };
        EngineKey {
            rules,
            distinct: self.distinct.clone(),
            similarity: self.checks.similarity.to_bits(),
            count_tolerance: self.count_tolerance.to_bits(),
            title_grace_days: self.checks.title_grace_days,
            duplicate_min_words: self.checks.duplicate_min_words,
        }
    }

    /// The layers merged, over the defaults.
    fn resolved(layer: Layer, path: Option<PathBuf>, files: Vec<PathBuf>) -> Config {
        let defaults = CheckSettings::default();
        Config {
            path,
            files,
            rules: layer.rules.unwrap_or_default(),
            include: layer.include,
            exclude: layer.exclude,
            fail_on: layer.fail_on,
            select: layer.select.unwrap_or_default(),
            ignore: layer.ignore.unwrap_or_default(),
            severities: layer.severities,
            checks: CheckSettings {
                similarity: layer.similarity.unwrap_or(defaults.similarity),
                title_grace_days: layer.title_grace_days.unwrap_or(defaults.title_grace_days),
                duplicate_min_words: layer.duplicate_min_words.unwrap_or(defaults.duplicate_min_words),
            },
            count_tolerance: layer.count_tolerance.unwrap_or(DEFAULT_COUNT_TOLERANCE),
            distinct: layer.distinct.unwrap_or_default(),
        }
    }
}

/// What of a configuration changes the engine itself — the knowledge base (rule folders, names
/// kept distinct) and the thresholds — rather than what is reported of its findings. Articles
/// whose configurations agree on it are checked by one engine, and only they are compared with
/// each other by the checks across sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EngineKey {
    /// The rule folders, lexically normalised (none: the bundled rules).
    pub rules: Vec<PathBuf>,
    /// `[names] distinct`.
    pub distinct: Vec<String>,
    similarity: u64,
    count_tolerance: u64,
    title_grace_days: i64,
    duplicate_min_words: usize,
}

/// "about 50" is 45–55.
const DEFAULT_COUNT_TOLERANCE: f64 = 0.1;

/// The configuration of every folder a run meets, each worked out once and kept: the files in
/// the folder and the folders above it, the nearest winning per key (per code in
/// `[severity]`), and `--config` on top — or, with `--isolated`, `--config` alone.
#[derive(Debug)]
pub struct Configs {
    cwd: PathBuf,
    /// `--config`: its path as given, absolute, and what it sets.
    explicit: Option<(PathBuf, PathBuf, Layer)>,
    /// With `--isolated`, every folder's configuration.
    isolated: Option<Arc<Config>>,
    state: Mutex<Folders>,
}

/// The folders met so far.
#[derive(Debug, Default)]
struct Folders {
    /// By absolute path. A folder without a file of its own shares its parent's entry, so
    /// folders configured alike share one [`Config`].
    known: HashMap<PathBuf, Arc<Folder>>,
    /// Every file read, in the order read.
    read: Vec<PathBuf>,
}

#[derive(Debug)]
struct Folder {
    /// The files found for it, layered (without `--config`), and their paths, the farthest
    /// first.
    layer: Layer,
    files: Vec<PathBuf>,
    config: Arc<Config>,
}

impl Configs {
    /// Reads `--config`, if given; the files of each folder are read when it is first asked
    /// for. Relative paths are from `cwd`.
    pub fn new(discovery: Discovery, cwd: &Path) -> Result<Configs, Error> {
        let cwd = std::path::absolute(cwd).unwrap_or_else(|_| cwd.to_path_buf());
        let explicit = match discovery.explicit {
            Some(path) => {
                let absolute = normalize(&cwd.join(path));
                let layer = Layer::load(path, &absolute)?;
                Some((path.to_path_buf(), absolute, layer))
            }
            None => None,
        };
        let isolated = discovery.isolated.then(|| {
            let (layer, path) = explicit
                .as_ref()
                .map_or((Layer::default(), None), |(path, _, layer)| (layer.clone(), Some(path.clone())));
            Arc::new(Config::resolved(layer, path.clone(), path.into_iter().collect()))
        });
        Ok(Configs { cwd, explicit, isolated, state: Mutex::default() })
    }

    /// `path` from the current folder, with `.` and `..` resolved.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        normalize(&self.cwd.join(path))
    }

    /// The configuration of the articles `path` names: a folder's own, a file's folder's.
    pub fn of_path(&self, path: &Path) -> Result<Arc<Config>, Error> {
        self.folder(&start_folder(&self.absolute(path)))
    }

    /// The configuration of the articles in `folder`. A config file that is not valid is an
    /// error pointed at, as when it is `--config`.
    pub fn folder(&self, folder: &Path) -> Result<Arc<Config>, Error> {
        if let Some(config) = &self.isolated {
            return Ok(config.clone());
        }
        let folder = self.absolute(folder);
        let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(known) = state.known.get(&folder) {
            return Ok(known.config.clone());
        }
        // The folders not yet known, the nearest first, up to one that is (or the root).
        let mut above = None;
        let mut unknown = Vec::new();
        for dir in folder.ancestors() {
            if let Some(known) = state.known.get(dir) {
                above = Some(known.clone());
                break;
            }
            unknown.push(dir.to_path_buf());
        }
        // Then each from the top down: its file over what is above it.
        for dir in unknown.into_iter().rev() {
            let own = CONFIG_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|candidate| candidate.is_file() && self.explicit.as_ref().is_none_or(|e| e.1 != *candidate));
            let entry = match (own, above) {
                (None, Some(above)) => above,
                (own, above) => {
                    let (mut layer, mut files) =
                        above.map_or_else(Default::default, |a| (a.layer.clone(), a.files.clone()));
                    if let Some(file) = own {
                        layer.overlay(Layer::load(&file, &file)?);
                        state.read.push(file.clone());
                        files.push(file);
                    }
                    Arc::new(self.resolve(layer, files))
                }
            };
            state.known.insert(dir, entry.clone());
            above = Some(entry);
        }
        Ok(above.unwrap_or_else(|| unreachable!("a path has one ancestor at least")).config.clone())
    }

    /// Every config file read so far, `--config` first.
    pub fn read(&self) -> Vec<PathBuf> {
        let state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.explicit.iter().map(|(path, ..)| path.clone()).chain(state.read.iter().cloned()).collect()
    }

    /// A folder's files layered, with `--config` on top.
    fn resolve(&self, layer: Layer, files: Vec<PathBuf>) -> Folder {
        let mut merged = layer.clone();
        let mut listed = files.clone();
        let path = match &self.explicit {
            Some((path, _, explicit)) => {
                merged.overlay(explicit.clone());
                listed.push(path.clone());
                Some(path.clone())
            }
            None => files.last().cloned(),
        };
        Folder { layer, files, config: Arc::new(Config::resolved(merged, path, listed)) }
    }
}

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

/// `include` or `exclude` globs, and the folder of the config file that set them.
#[derive(Debug, Clone)]
pub struct Globs {
    set: GlobSet,
    /// Absolute.
    base: PathBuf,
}

impl Globs {
    /// Where the folder of the config file that set these globs lies from a walk of `root` (as
    /// named), whose absolute path is `absolute`: worked out once per folder, not per file.
    pub fn anchor(&self, root: &Path, absolute: &Path) -> Anchor {
        if absolute == self.base {
            return Anchor::Walked;
        }
        if let Ok(below) = self.base.strip_prefix(absolute) {
            return Anchor::Below(below.to_path_buf());
        }
        match absolute.strip_prefix(&self.base) {
            // Walking `articles` from the config file's folder: the paths as named are the ones.
            Ok(above) if above == root => Anchor::Walked,
            Ok(above) => Anchor::Above(above.to_path_buf()),
            Err(_) => Anchor::Apart,
        }
    }

    /// Whether a file a folder walk met matches: `path` as the walk names it, `relative` its
    /// path from the folder walked, `anchor` the globs' [`anchor`](Globs::anchor) in that walk.
    /// The globs are matched against the path from the folder of the config file that set them
    /// (as ruff does) and, as they always were, against the path from the folder walked and the
    /// path as named.
    pub fn matches(&self, path: &Path, relative: &Path, anchor: &Anchor) -> bool {
        if self.set.is_match(relative) || self.set.is_match(path) {
            return true;
        }
        match anchor {
            Anchor::Walked | Anchor::Apart => false,
            Anchor::Below(below) => relative.strip_prefix(below).is_ok_and(|from_base| self.set.is_match(from_base)),
            Anchor::Above(above) => self.set.is_match(above.join(relative)),
        }
    }
}

/// Where the folder of the config file that set some globs lies, seen from a folder walk: what a
/// file's path from the folder walked needs to be its path from that folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// Nothing: the path from the folder walked, or as named, is the path from the file's folder.
    Walked,
    /// The config file's folder is this far below the folder walked: taken off.
    Below(PathBuf),
    /// The folder walked is this far below the config file's folder: put before.
    Above(PathBuf),
    /// Neither folder is in the other.
    Apart,
}

/// One config file validated, or several merged: a key left out is `None`, so a farther file's
/// value shows through.
#[derive(Debug, Default, Clone)]
struct Layer {
    rules: Option<Vec<PathBuf>>,
    include: Option<Globs>,
    exclude: Option<Globs>,
    fail_on: Option<FailOn>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    /// Per code: a nearer file sets one code's severity without dropping the others.
    severities: BTreeMap<String, Severity>,
    similarity: Option<f64>,
    count_tolerance: Option<f64>,
    title_grace_days: Option<i64>,
    duplicate_min_words: Option<usize>,
    distinct: Option<Vec<String>>,
}

impl Layer {
    /// The file at `path` (as given, which errors name), whose absolute path is `absolute`.
    fn load(path: &Path, absolute: &Path) -> Result<Layer, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path.display(), e))?;
        let file = SourceFile::new(path.display().to_string(), text);
        let raw: RawConfig = toml::from_str(&file.text).map_err(|err| {
            let span = err.span().map_or(Span::new(0, 0), Span::from);
            SpannedError::new(&file, span, err.message().trim().to_string(), "here")
                .with_help("see `factlint init` for every key a config file may have")
        })?;
        resolve(raw, &file, path, absolute.parent().unwrap_or(absolute))
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
}

/// A file's keys validated: `path` as given (rule folders are relative to its folder), `folder`
/// its folder, absolute (globs are matched from it).
fn resolve(raw: RawConfig, file: &FileRef, path: &Path, folder: &Path) -> Result<Layer, Error> {
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
        for item in list {
            let glob = Glob::new(item.get_ref())
                .map_err(|e| problem(item.span(), format!("bad glob “{}”: {e}", item.get_ref()), "here"))?;
            builder.add(glob);
        }
        let set = builder.build().map_err(|e| problem(0..0, format!("bad globs: {e}"), "here"))?;
        Ok(Some(Globs { set, base: folder.to_path_buf() }))
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
        severities.insert(code, severity);
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
        rules: raw.rules.map(|rules| rules.iter().map(|r| base.join(r.get_ref())).collect()),
        include: globs(raw.include)?,
        exclude: globs(raw.exclude)?,
        fail_on,
        select: codes(raw.checks.select)?,
        ignore: codes(raw.checks.ignore)?,
        severities,
        similarity: ranged(thresholds.similarity, "similarity")?,
        count_tolerance: ranged(thresholds.count_tolerance, "count_tolerance")?,
        title_grace_days: thresholds.title_grace_days.map(|v| (*v.get_ref()).max(0)),
        duplicate_min_words: thresholds.duplicate_min_words.map(|v| *v.get_ref()),
        distinct: raw.names.distinct,
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

    /// A project: the root's file, sub's over it, and sub/deeper with none of its own.
    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        let root = "rules = [\"kb\"]\n[checks]\nignore = [\"draft\"]\n[severity]\n\"name.misspelled\" = \"warning\"\n";
        std::fs::write(dir.path().join("factlint.toml"), root).unwrap();
        std::fs::write(dir.path().join("sub/.factlint.toml"), "[checks]\nignore = [\"title\"]\n").unwrap();
        std::fs::write(dir.path().join("extra.toml"), "fail_on = \"never\"\n[checks]\nignore = [\"name\"]\n").unwrap();
        dir
    }

    #[test]
    fn each_folder_has_the_files_of_its_own_and_above_layered() {
        let dir = project();
        let root = dir.path();
        let configs = Configs::new(Discovery::default(), root).unwrap();
        // The folder, its `ignore`, its name.misspelled severity, the files layered.
        type Case<'a> = (&'a str, &'a [&'a str], Option<Severity>, &'a [&'a str]);
        let cases: &[Case] = &[
            (".", &["draft"], Some(Severity::Warning), &["factlint.toml"]),
            ("sub", &["title"], Some(Severity::Warning), &["factlint.toml", "sub/.factlint.toml"]),
            ("sub/deeper", &["title"], Some(Severity::Warning), &["factlint.toml", "sub/.factlint.toml"]),
            ("sub/deeper/../..", &["draft"], Some(Severity::Warning), &["factlint.toml"]),
        ];
        for (folder, ignore, severity, files) in cases {
            let config = configs.folder(&root.join(folder)).unwrap();
            assert_eq!(config.ignore, *ignore, "{folder}");
            assert_eq!(config.severities.get("name.misspelled").copied(), *severity, "{folder}");
            let files: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
            assert_eq!(config.files, files, "{folder}");
            assert_eq!(config.path.as_ref(), files.last(), "{folder}");
            // Rules stay relative to the file that names them.
            assert_eq!(config.rules, [root.join("kb")], "{folder}");
        }
        // A folder without a file of its own shares its parent's configuration, worked out once.
        let (sub, deeper) =
            (configs.folder(&root.join("sub")).unwrap(), configs.of_path(&root.join("sub/deeper/a.md")));
        assert!(Arc::ptr_eq(&sub, &deeper.unwrap()));
        assert_eq!(configs.read(), [root.join("factlint.toml"), root.join("sub/.factlint.toml")]);

        // --config on top of every folder's files; --isolated, it alone.
        let extra = root.join("extra.toml");
        for isolated in [false, true] {
            let configs = Configs::new(Discovery { explicit: Some(&extra), isolated }, root).unwrap();
            for folder in [".", "sub", "sub/deeper"] {
                let config = configs.folder(&root.join(folder)).unwrap();
                assert_eq!(
                    (config.ignore.as_slice(), config.fail_on),
                    (&["name".to_string()][..], Some(FailOn::Never))
                );
                assert_eq!(config.severities.is_empty(), isolated, "{folder}");
                assert_eq!(config.path.as_deref(), Some(extra.as_path()));
            }
        }
    }

    #[test]
    fn engine_keys_tell_apart_rules_and_thresholds_not_reporting() {
        let key = |text: &str| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("sub")).unwrap();
            std::fs::write(dir.path().join("sub/factlint.toml"), text).unwrap();
            let configs = Configs::new(Discovery::default(), dir.path()).unwrap();
            let mut key = configs.folder(&dir.path().join("sub")).unwrap().engine_key(&[]);
            // The same folders, wherever the temporary one is.
            key.rules = key.rules.iter().map(|r| r.strip_prefix(dir.path()).unwrap().to_path_buf()).collect();
            key
        };
        let plain = key("");
        assert_eq!(key("fail_on = \"never\"\n[checks]\nignore = [\"name\"]\n[severity]\ndraft = \"error\"\n"), plain);
        assert_ne!(key("[thresholds]\nsimilarity = 0.9\n"), plain);
        assert_ne!(key("[names]\ndistinct = [\"Johnston\"]\n"), plain);
        // Rule folders by where they are, however the path is written.
        assert_eq!(key("rules = [\"../kb\"]\n"), key("rules = [\"./../sub/../kb\"]\n"));
        assert_ne!(key("rules = [\"../kb\"]\n"), key("rules = [\"kb\"]\n"));
        // --rules replaces every file's.
        let dir = tempfile::tempdir().unwrap();
        let configs = Configs::new(Discovery::default(), dir.path()).unwrap();
        let flag = [PathBuf::from("desk-rules")];
        assert_eq!(configs.folder(dir.path()).unwrap().engine_key(&flag).rules, flag);
    }

    #[test]
    fn globs_match_from_the_folder_of_their_file_and_from_the_folder_walked() {
        let globs = Globs { set: GlobSet::new([Glob::new("drafts/**").unwrap()]).unwrap(), base: "/p/sub".into() };
        // (the folder walked, absolute; the path as the walk names it; whether it matches)
        let cases = [
            ("/p", "./sub/drafts/b.md", true),
            ("/p/sub", "sub/drafts/b.md", true),
            ("/p/sub/drafts", "sub/drafts/b.md", true),
            ("/p/sub/drafts/x", "sub/drafts/x/b.md", true),
            ("/p", "./sub/b.md", false),
            ("/p/sub/other", "sub/other/drafts.md", false),
            // As before: from the folder walked, whoever set them.
            ("/q", "./drafts/c.md", true),
        ];
        let anchor = |root: &str, absolute: &str| globs.anchor(Path::new(root), Path::new(absolute));
        assert_eq!(anchor(".", "/p/sub"), Anchor::Walked);
        assert_eq!(anchor("sub", "/p/sub/drafts"), Anchor::Above("drafts".into()));
        // Walking `drafts` from the config file's folder: the paths as named are from it.
        assert_eq!(anchor("drafts", "/p/sub/drafts"), Anchor::Walked);
        assert_eq!(anchor(".", "/p"), Anchor::Below("sub".into()));
        assert_eq!(anchor(".", "/q"), Anchor::Apart);
        for (root, path, matches) in cases {
            let walked = Path::new(path);
            let prefix = match root {
                "/p" | "/q" => ".",
                _ => &root[3..],
            };
            let relative = walked.strip_prefix(prefix).unwrap();
            let anchor = globs.anchor(Path::new(prefix), Path::new(root));
            assert_eq!(globs.matches(walked, relative, &anchor), matches, "{path} walking {root}");
        }
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
