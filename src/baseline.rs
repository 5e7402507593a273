//! Baselines: `--write-baseline FILE` records today's findings, `--baseline FILE` reports only
//! new ones, so a newsroom can adopt factlint on an archive without rewriting history.
//!
//! A finding is known by its code, path, flagged text and message — not its line, so edits
//! elsewhere in a file do not make old findings look new. Each recorded finding excuses one
//! finding: a second copy of the same error is new. The path is the file's path from the
//! project root (where the config file or `.git` is), whatever spelling or working folder the
//! run used, as ruff and eslint key theirs.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, SpannedError};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub path: String,
    pub text: String,
    pub message: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// Paths of findings as the baseline keys them: from the project root, with forward slashes.
pub struct ProjectPaths {
    root: PathBuf,
    known: HashMap<String, String>,
}

impl ProjectPaths {
    pub fn new(root: &Path) -> Self {
        ProjectPaths { root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()), known: HashMap::new() }
    }

    /// A path as written in a finding, from the project root. A path that is not a file under
    /// the root (standard input's name, a file elsewhere) is kept as written, without `./`.
    fn of(&mut self, path: &str) -> String {
        if let Some(known) = self.known.get(path) {
            return known.clone();
        }
        let from_root = Path::new(path)
            .canonicalize()
            .ok()
            .and_then(|full| full.strip_prefix(&self.root).ok().map(|p| p.to_string_lossy().into_owned()))
            .unwrap_or_else(|| path.to_string());
        let keyed = normal(&from_root);
        self.known.insert(path.to_string(), keyed.clone());
        keyed
    }
}

fn normal(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_string()
}

fn entry(finding: &Finding, paths: &mut ProjectPaths) -> Entry {
    Entry {
        code: finding.code.to_string(),
        path: paths.of(finding.path()),
        text: finding.location.text().to_string(),
        message: finding.message.clone(),
    }
}

impl Baseline {
    pub fn of(findings: &[Finding], paths: &mut ProjectPaths) -> Baseline {
        let mut entries: Vec<Entry> = findings.iter().map(|f| entry(f, paths)).collect();
        entries.sort();
        Baseline { version: 1, findings: entries }
    }

    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path.display(), e))?;
        serde_json::from_str(&text).map_err(|err| {
            let file = SourceFile::new(path.display().to_string(), text.clone());
            let offset = text.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum::<usize>()
                + err.column().saturating_sub(1);
            let offset = offset.min(text.len());
            SpannedError::new(&file, Span::new(offset, offset), format!("not a factlint baseline: {err}"), "here")
                .with_help("write one with --write-baseline FILE")
                .into()
        })
    }

    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let mut text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::Write { path: path.display().to_string(), reason: e.to_string() })?;
        text.push('\n');
        if path.exists() {
            crate::fix::write_atomically(path, text.as_bytes())
        } else {
            std::fs::write(path, text)
                .map_err(|e| Error::Write { path: path.display().to_string(), reason: e.to_string() })
        }
    }

    /// The findings that are not in the baseline.
    pub fn new_findings(&self, findings: Vec<Finding>, paths: &mut ProjectPaths) -> Vec<Finding> {
        // Baselines written before paths were keyed from the root may start with `./`.
        let recorded: Vec<Entry> = self.findings.iter().map(|e| Entry { path: normal(&e.path), ..e.clone() }).collect();
        let mut known: BTreeMap<&Entry, usize> = BTreeMap::new();
        for e in &recorded {
            *known.entry(e).or_default() += 1;
        }
        findings
            .into_iter()
            .filter(|f| {
                let key = entry(f, paths);
                match known.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Location, Severity};

    #[test]
    fn old_findings_are_excused_once_wherever_they_move() {
        let before = SourceFile::new("a.md", "Umarov said.\n");
        let after = SourceFile::new("a.md", "New first line.\nUmarov said. Umarov again.\n");
        let finding = |file: &crate::source::FileRef, at: usize| {
            Finding::new(
                "name.misspelled",
                Severity::Error,
                Location::new(file, Span::new(at, at + 6)),
                "“Umarov” is a misspelling",
            )
        };
        let paths = &mut ProjectPaths::new(Path::new("."));
        let baseline = Baseline::of(&[finding(&before, 0)], paths);
        let now = vec![finding(&after, 16), finding(&after, 29)];
        let new = baseline.new_findings(now, paths);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].location.span.start, 29);
    }

    #[test]
    fn a_bad_baseline_file_is_pointed_at() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "{\"version\": 1, \"findings\": [{\"code\": 3}]}").unwrap();
        match Baseline::read(&path) {
            Err(Error::Spanned(e)) => assert!(e.message.starts_with("not a factlint baseline")),
            other => panic!("{other:?}"),
        }
    }
}
