//! Running the checks: per-source checks in parallel, then the cross-source ones; then the
//! configuration applied in one place (selection, severities, inline suppressions, baseline)
//! and the findings sorted, so the report is the same for any `--jobs` and any path order.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::checks::{CHECKS, Check, CheckSettings, CorpusContext, SourceContext, selects};
use crate::claim::Claim;
use crate::corpus::{Corpus, LoadOptions, Progress, Silent, extract_all, load_corpus};
use crate::extract::ExtractSettings;
use crate::finding::{Finding, Severity};
use crate::input::Suppression;
use crate::kb::KnowledgeBase;

/// Which checks run, at what severity, with what thresholds.
#[derive(Debug, Clone, Default)]
pub struct LintSettings {
    pub checks: CheckSettings,
    /// Codes or groups to run (empty: all).
    pub select: Vec<String>,
    /// Codes or groups not to run.
    pub ignore: Vec<String>,
    /// Severity per code or group; the most specific pattern wins.
    pub severities: BTreeMap<String, Severity>,
}

impl LintSettings {
    pub fn enabled(&self, code: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| selects(p, code)))
            && !self.ignore.iter().any(|p| selects(p, code))
    }

    fn severity(&self, code: &str) -> Option<Severity> {
        self.severities.iter().filter(|(p, _)| selects(p, code)).max_by_key(|(p, _)| p.len()).map(|(_, s)| *s)
    }
}

/// A whole run: what was read, what was claimed, what was found.
pub struct Run {
    pub corpus: Corpus,
    pub claims: Vec<Vec<Claim>>,
    pub findings: Vec<Finding>,
}

impl Run {
    /// Paths in, findings out: the pipeline `factlint check` runs.
    pub fn new(load: &LoadOptions, kb: &KnowledgeBase, extract: &ExtractSettings, settings: &LintSettings) -> Run {
        Run::watched(load, kb, extract, settings, &Silent)
    }

    /// The same, telling `progress` how far it has got.
    pub fn watched(
        load: &LoadOptions,
        kb: &KnowledgeBase,
        extract: &ExtractSettings,
        settings: &LintSettings,
        progress: &dyn Progress,
    ) -> Run {
        let corpus = load_corpus(load, progress);
        let claims = extract_all(&corpus.sources, kb, extract, progress);
        progress.phase("checking", 0);
        let findings = lint(&corpus, &claims, kb, settings);
        Run { corpus, claims, findings }
    }

    /// Files read, binary ones included.
    pub fn files(&self) -> usize {
        let read: std::collections::BTreeSet<&str> = self.corpus.sources.iter().map(|s| s.file.path.as_str()).collect();
        read.len() + self.corpus.skipped.len()
    }
}

/// Every finding of the enabled checks, configured and sorted.
pub fn lint(corpus: &Corpus, claims: &[Vec<Claim>], kb: &KnowledgeBase, settings: &LintSettings) -> Vec<Finding> {
    let checks: Vec<&dyn Check> = CHECKS.iter().copied().filter(|c| settings.enabled(c.info().code)).collect();
    let mut findings: Vec<Finding> = corpus
        .sources
        .par_iter()
        .zip(claims)
        .flat_map_iter(|(source, claims)| {
            let cx = SourceContext { source, claims, kb, settings: &settings.checks };
            let mut out = Vec::new();
            for check in &checks {
                check.check_source(&cx, &mut out);
            }
            out
        })
        .collect();
    let cx =
        CorpusContext { sources: &corpus.sources, skipped: &corpus.skipped, claims, kb, settings: &settings.checks };
    for check in &checks {
        check.check_corpus(&cx, &mut findings);
    }
    for finding in &mut findings {
        if let Some(severity) = settings.severity(finding.code) {
            finding.severity = severity;
        }
    }
    let suppressions: HashMap<&str, Vec<&Suppression>> =
        corpus.sources.iter().fold(HashMap::new(), |mut map, source| {
            map.entry(source.file.path.as_str()).or_default().extend(&source.suppressions);
            map
        });
    findings
        .retain(|f| !suppressions.get(f.path()).is_some_and(|s| s.iter().any(|s| s.applies(f.code, f.location.span))));
    sort(&mut findings);
    findings
}

/// The report order: path, offset, code; duplicates (one place, one code, one message) once.
pub fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
}
