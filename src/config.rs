//! `factlint.toml`: a raw layer of optional fields as written (unknown keys rejected, every value
//! with its span), resolved against command-line flags into settings. Flags win.
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
    #[serde(default)]
    pub distinct: Vec<String>,
}

/// A config file, validated and resolved. Paths in it are relative to its folder.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
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

impl Config {
    /// `--config FILE`, or the first config file found from `start` up; none is fine.
    pub fn find(explicit: Option<&Path>, start: &Path) -> Result<Config, Error> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        for dir in start.ancestors() {
            for name in CONFIG_NAMES {
                let candidate = dir.join(name);
                if candidate.is_file() {
                    return Config::load(&candidate);
                }
            }
        }
        Ok(Config { count_tolerance: 0.1, ..Config::default() })
    }

    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path.display(), e))?;
        let file = SourceFile::new(path.display().to_string(), text);
        let base = path.parent().unwrap_or(Path::new("."));
        let raw: RawConfig = toml::from_str(&file.text).map_err(|err| {
            let span = err.span().map_or(Span::new(0, 0), Span::from);
            SpannedError::new(&file, span, err.message().trim().to_string(), "here")
                .with_help("see `factlint init` for every key a config file may have")
        })?;
        let mut config = resolve(raw, &file, base)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }
}

fn resolve(raw: RawConfig, file: &FileRef, base: &Path) -> Result<Config, Error> {
    let problem = |span: std::ops::Range<usize>, message: String, label: &str| {
        SpannedError::new(file, span.into(), message, label)
    };
    let codes = |list: Option<Vec<Spanned<String>>>| -> Result<Vec<String>, SpannedError> {
        list.unwrap_or_default()
            .into_iter()
            .map(|item| {
                let pattern = item.get_ref().clone();
                if CHECKS.iter().any(|c| selects(&pattern, c.info().code)) {
                    Ok(pattern)
                } else {
                    Err(problem(item.span(), format!("no check code is “{pattern}”"), "unknown code")
                        .with_help("`factlint explain` lists the codes; a group such as `name` selects all its codes"))
                }
            })
            .collect()
    };
    let globs = |list: Option<Vec<Spanned<String>>>| -> Result<Option<GlobSet>, SpannedError> {
        let Some(list) = list else { return Ok(None) };
        let mut builder = GlobSetBuilder::new();
        for item in list {
            let glob = Glob::new(item.get_ref())
                .map_err(|e| problem(item.span(), format!("bad glob “{}”: {e}", item.get_ref()), "here"))?;
            builder.add(glob);
        }
        builder.build().map(Some).map_err(|e| problem(0..0, format!("bad globs: {e}"), "here"))
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
    let defaults = CheckSettings::default();
    let thresholds = raw.thresholds;
    let ranged = |value: Option<Spanned<f64>>, default: f64, what: &str| -> Result<f64, SpannedError> {
        match value {
            Some(v) if !(0.0..=1.0).contains(v.get_ref()) => {
                Err(problem(v.span(), format!("{what} must be between 0 and 1"), "out of range"))
            }
            Some(v) => Ok(*v.get_ref()),
            None => Ok(default),
        }
    };
    let checks = CheckSettings {
        similarity: ranged(thresholds.similarity, defaults.similarity, "similarity")?,
        title_grace_days: thresholds.title_grace_days.map_or(defaults.title_grace_days, |v| (*v.get_ref()).max(0)),
        duplicate_min_words: thresholds.duplicate_min_words.map_or(defaults.duplicate_min_words, |v| *v.get_ref()),
    };
    Ok(Config {
        path: None,
        rules: raw.rules.unwrap_or_default().into_iter().map(|r| base.join(r.get_ref())).collect(),
        include: globs(raw.include)?,
        exclude: globs(raw.exclude)?,
        fail_on,
        select: codes(raw.checks.select)?,
        ignore: codes(raw.checks.ignore)?,
        severities,
        checks,
        count_tolerance: ranged(thresholds.count_tolerance, 0.1, "count_tolerance")?,
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
