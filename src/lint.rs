//! Running the checks. Each file is read, its articles extracted and checked, and only compact
//! facts kept (see [`crate::facts`]) — in parallel, one file at a time per thread, so memory
//! stays bounded whatever the size of the corpus. Then the checks across sources run over the
//! facts, and the configuration is applied in one place (severities, inline suppressions) and
//! the findings sorted, so the report is the same for any `--jobs` and any path order.
//!
//! Articles whose folders are configured with different rules or thresholds are checked in
//! groups ([`Run::grouped`]), each by its own knowledge base and settings, and compared across
//! sources only within their group; each file's own choice of checks and severities is then
//! applied to its findings ([`configure`]). One configuration for everything is one group, run
//! as [`Run::watched`] alone.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::checks::{CHECKS, Check, CheckSettings, CorpusContext, SourceContext, selects};
use crate::claim::Claim;
use crate::config::Config;
use crate::corpus::{Corpus, Found, Item, LoadOptions, Progress, Silent, line_errors, read};
use crate::error::Error;
use crate::extract::{ExtractSettings, Needs, Scope, extract};
use crate::facts::{CorpusFacts, SourceFacts, SourceSummary};
use crate::finding::{Finding, Severity};
use crate::input::{Loaded, Source, Suppression};
use crate::kb::KnowledgeBase;
use crate::source::{FileRef, Files};

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
    /// A configuration's choice of checks, severities and thresholds.
    pub fn configured(config: &Config) -> LintSettings {
        LintSettings {
            checks: config.checks.clone(),
            select: config.select.clone(),
            ignore: config.ignore.clone(),
            severities: config.severities.clone(),
        }
    }

    pub fn enabled(&self, code: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| selects(p, code)))
            && !self.ignore.iter().any(|p| selects(p, code))
    }

    fn severity(&self, code: &str) -> Option<Severity> {
        self.severities.iter().filter(|(p, _)| selects(p, code)).max_by_key(|(p, _)| p.len()).map(|(_, s)| *s)
    }

    fn checks(&self) -> Vec<&'static dyn Check> {
        CHECKS.iter().copied().filter(|c| self.enabled(c.info().code)).collect()
    }

    /// The dates and counts the enabled checks read.
    pub fn needs(&self) -> Needs {
        self.checks().iter().fold(Needs::default(), |needs, check| needs | check.needs())
    }

    /// What a run over files configured with each of `all` checks: every check one of them
    /// enables, at the severity the check gives. Each file's own choice and severities are
    /// applied to its findings afterwards, by [`configure`].
    pub fn union<'a>(all: impl IntoIterator<Item = &'a LintSettings>) -> LintSettings {
        let all: Vec<&LintSettings> = all.into_iter().collect();
        let select = CHECKS
            .iter()
            .map(|check| check.info().code)
            .filter(|code| all.iter().any(|settings| settings.enabled(code)))
            .map(String::from)
            .collect();
        let checks = all.first().map(|settings| settings.checks.clone()).unwrap_or_default();
        LintSettings { checks, select, ignore: Vec::new(), severities: BTreeMap::new() }
    }

    /// Extraction for these checks: only the dates and counts they read.
    fn scoped(&self, extract: &ExtractSettings) -> ExtractSettings {
        ExtractSettings { scope: Scope::Needed(self.needs()), ..*extract }
    }
}

/// A whole run: the articles read, what could not be read, and what was found.
pub struct Run {
    pub sources: Vec<SourceSummary>,
    /// Binary files, skipped.
    pub skipped: Vec<FileRef>,
    /// Paths that could not be read, corpus lines that are not articles: exit code 2.
    pub errors: Vec<Error>,
    pub findings: Vec<Finding>,
    /// The files the report may show snippets of.
    pub files: Files,
}

/// Files read and checked together before their facts are merged: large enough to keep every
/// thread busy, small enough that what waits to be merged stays small.
const CHUNK: usize = 512;

/// What checking one file gave.
#[derive(Default)]
struct FileOutcome {
    facts: Vec<SourceFacts>,
    findings: Vec<Finding>,
    suppressions: Vec<(String, Suppression)>,
    skipped: Option<FileRef>,
    errors: Vec<Error>,
    /// Standard input cannot be read again for the report: it is kept.
    kept: Option<FileRef>,
}

/// Reads one file and checks its articles.
fn check_item(
    item: &Item,
    load: &LoadOptions,
    kb: &KnowledgeBase,
    extract: &ExtractSettings,
    settings: &LintSettings,
    checks: &[&dyn Check],
) -> FileOutcome {
    match read(item, load) {
        Ok(Loaded::Articles(sources)) => {
            let kept = matches!(item, Item::Stdin).then(|| sources.first().map(|s| s.file.clone())).flatten();
            FileOutcome { kept, ..check_sources(sources, kb, extract, settings, checks) }
        }
        Ok(Loaded::Partial(sources, problems, file)) => {
            let mut outcome = check_sources(sources, kb, extract, settings, checks);
            outcome.errors.extend(line_errors(&file, problems));
            outcome
        }
        Ok(Loaded::Binary(file)) => FileOutcome { skipped: Some(file), ..FileOutcome::default() },
        Err(err) => FileOutcome { errors: vec![err], ..FileOutcome::default() },
    }
}

/// Checks every source of one file on its own; returns what the run keeps.
fn check_sources(
    sources: Vec<Source>,
    kb: &KnowledgeBase,
    extract_settings: &ExtractSettings,
    settings: &LintSettings,
    checks: &[&dyn Check],
) -> FileOutcome {
    let mut outcome = FileOutcome::default();
    for source in sources {
        let claims = extract(&source, kb, extract_settings);
        let (mut findings, facts) = check_source(&source, &claims, kb, settings, checks);
        if source.decoded_from.is_some() {
            // Its spans are into the decoded text: a fix written at them would corrupt the file.
            findings.iter_mut().for_each(|f| f.fix = None);
        }
        absorb(&mut outcome.findings, findings);
        outcome.facts.push(facts);
        outcome.suppressions.extend(source.suppressions.iter().map(|s| (source.file.path.clone(), s.clone())));
    }
    outcome
}

/// The per-source checks of one source, and the facts kept for the checks across sources.
fn check_source(
    source: &Source,
    claims: &[Claim],
    kb: &KnowledgeBase,
    settings: &LintSettings,
    checks: &[&dyn Check],
) -> (Vec<Finding>, SourceFacts) {
    let cx = SourceContext::new(source, claims, kb, &settings.checks);
    let mut findings = Vec::new();
    for check in checks {
        check.check_source(&cx, &mut findings);
    }
    (findings, SourceFacts::collect(source, claims, kb))
}

/// Articles checked by one engine: their folders' configurations agree on the rules and the
/// thresholds.
pub struct Group<'a> {
    pub found: Found,
    pub kb: &'a KnowledgeBase,
    pub extract: ExtractSettings,
    /// What runs: for files configured differently, [`LintSettings::union`] of theirs.
    pub settings: LintSettings,
}

impl Run {
    /// Paths in, findings out: the pipeline `factlint check` runs.
    pub fn new(load: &LoadOptions, kb: &KnowledgeBase, extract: &ExtractSettings, settings: &LintSettings) -> Run {
        Run::watched(Found::new(load), load, kb, extract, settings, &Silent)
    }

    /// The same, for files already found, telling `progress` how far it has got.
    pub fn watched(
        found: Found,
        load: &LoadOptions,
        kb: &KnowledgeBase,
        extract: &ExtractSettings,
        settings: &LintSettings,
        progress: &dyn Progress,
    ) -> Run {
        let checks = settings.checks();
        let extract = &settings.scoped(extract);
        let Found { items, errors, .. } = found;
        let mut files = Files::default();
        kb.files.iter().for_each(|f| files.hold(f));
        let mut run = Run { sources: Vec::new(), skipped: Vec::new(), errors, findings: Vec::new(), files };
        let mut facts = CorpusFacts::default();
        let mut suppressions = Vec::new();
        checks.iter().for_each(|check| check.prepare(kb));
        progress.phase("checking", items.len());
        let check_chunk = |chunk: &[Item]| -> Vec<FileOutcome> {
            chunk
                .par_iter()
                .map(|item| {
                    let outcome = check_item(item, load, kb, extract, settings, &checks);
                    progress.advance();
                    outcome
                })
                .collect()
        };
        // Chunks in path order, so facts are merged in the same order whatever the threads do.
        // Merging is the one serial step: each chunk is merged while the next is checked.
        let mut merge = |outcomes: Vec<FileOutcome>| {
            for outcome in outcomes {
                outcome.facts.into_iter().for_each(|f| facts.add(f));
                absorb(&mut run.findings, outcome.findings);
                suppressions.extend(outcome.suppressions);
                run.skipped.extend(outcome.skipped);
                run.errors.extend(outcome.errors);
                if let Some(file) = &outcome.kept {
                    run.files.hold(file);
                }
            }
        };
        let mut checked: Vec<FileOutcome> = Vec::new();
        for chunk in items.chunks(CHUNK) {
            let previous = std::mem::take(&mut checked);
            checked = rayon::join(|| check_chunk(chunk), || merge(previous)).0;
        }
        merge(checked);
        progress.phase("checking across sources", 0);
        let cx =
            CorpusContext { facts: &facts, skipped: &run.skipped, kb, settings: &settings.checks, files: &run.files };
        check_corpus(&checks, &cx, &mut run.findings);
        finish(&mut run.findings, settings, &suppressions);
        run.sources = facts.sources;
        run
    }

    /// Groups of articles, each checked on its own (the checks across sources compare articles
    /// only within a group), then each file's findings configured by `own(path)`, its own
    /// settings (none: as found). The report is in the order one run gives.
    pub fn grouped<'a>(
        groups: Vec<Group>,
        load: &LoadOptions,
        own: impl Fn(&str) -> Option<&'a LintSettings>,
        progress: &dyn Progress,
    ) -> Run {
        let mut run = Run {
            sources: Vec::new(),
            skipped: Vec::new(),
            errors: Vec::new(),
            findings: Vec::new(),
            files: Files::default(),
        };
        for group in groups {
            let part = Run::watched(group.found, load, group.kb, &group.extract, &group.settings, progress);
            run.sources.extend(part.sources);
            run.skipped.extend(part.skipped);
            run.errors.extend(part.errors);
            run.findings.extend(part.findings);
            run.files.absorb(part.files);
        }
        // Stable: the sources of one file (a corpus's lines) keep their order.
        run.sources.sort_by(|a, b| a.path.cmp(&b.path));
        run.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        configure(&mut run.findings, own);
        sort(&mut run.findings);
        run
    }

    /// Files read, binary ones included.
    pub fn files(&self) -> usize {
        let read: std::collections::BTreeSet<&str> = self.sources.iter().map(|s| &*s.path).collect();
        read.len() + self.skipped.len()
    }
}

/// Every finding of the enabled checks over sources already in memory (for tests and fuzzing;
/// `Run` streams instead), configured and sorted.
pub fn lint(corpus: &Corpus, claims: &[Vec<Claim>], kb: &KnowledgeBase, settings: &LintSettings) -> Vec<Finding> {
    let checks = settings.checks();
    let mut findings = Vec::new();
    let mut facts = CorpusFacts::default();
    for (source, claims) in corpus.sources.iter().zip(claims) {
        let (found, kept) = check_source(source, claims, kb, settings, &checks);
        findings.extend(found);
        facts.add(kept);
    }
    let mut files = Files::default();
    for file in corpus.sources.iter().map(|s| &s.file).chain(&kb.files) {
        files.hold(file);
    }
    let cx = CorpusContext { facts: &facts, skipped: &corpus.skipped, kb, settings: &settings.checks, files: &files };
    check_corpus(&checks, &cx, &mut findings);
    let suppressions: Vec<(String, Suppression)> =
        corpus.sources.iter().flat_map(|s| s.suppressions.iter().map(|x| (s.file.path.clone(), x.clone()))).collect();
    finish(&mut findings, settings, &suppressions);
    findings
}

/// Runs the checks across sources, in parallel, each completing its own findings of `findings`.
fn check_corpus(checks: &[&dyn Check], cx: &CorpusContext, findings: &mut Vec<Finding>) {
    // Each check's findings moved to a vector of exactly their number, and the whole run's
    // released meanwhile: the findings are held once, not twice over.
    let of = |finding: &Finding| checks.iter().position(|c| c.info().code == finding.code);
    let mut sizes = vec![0; checks.len() + 1];
    findings.iter().for_each(|f| sizes[of(f).unwrap_or(checks.len())] += 1);
    let mut own: Vec<Vec<Finding>> = sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
    for finding in std::mem::take(findings) {
        own[of(&finding).unwrap_or(checks.len())].push(finding);
    }
    let rest = own.pop().unwrap_or_default();
    checks.par_iter().zip(own.par_iter_mut()).for_each(|(check, out)| check.check_corpus(cx, out));
    findings.reserve_exact(rest.len() + own.iter().map(Vec::len).sum::<usize>());
    findings.extend(rest.into_iter().chain(own.into_iter().flatten()));
}

/// Severities, suppressions and order: configuration applied in one place.
fn finish(findings: &mut Vec<Finding>, settings: &LintSettings, suppressions: &[(String, Suppression)]) {
    for finding in findings.iter_mut() {
        if let Some(severity) = settings.severity(finding.code) {
            finding.severity = severity;
        }
    }
    let mut by_path: std::collections::HashMap<&str, Vec<&Suppression>> = std::collections::HashMap::new();
    for (path, suppression) in suppressions {
        by_path.entry(path).or_default().push(suppression);
    }
    findings.retain(|f| !by_path.get(f.path()).is_some_and(|s| s.iter().any(|s| s.applies(f.code, f.location.span))));
    sort(findings);
}

/// Each file's own configuration applied to its findings, found by a run over several
/// (`LintSettings::union`): the codes it does not run are dropped, and its severities given.
/// A path `own` knows nothing of keeps its findings as they are.
pub fn configure<'a>(findings: &mut Vec<Finding>, own: impl Fn(&str) -> Option<&'a LintSettings>) {
    findings.retain_mut(|finding| match own(finding.path()) {
        None => true,
        Some(settings) if !settings.enabled(finding.code) => false,
        Some(settings) => {
            if let Some(severity) = settings.severity(finding.code) {
                finding.severity = severity;
            }
            true
        }
    });
}

/// Adds `more` to `into`; into an empty vector by moving it whole, as most files and chunks of one
/// file's findings are, rather than copying it into a second buffer.
fn absorb<T>(into: &mut Vec<T>, more: Vec<T>) {
    if into.is_empty() {
        *into = more;
    } else {
        into.extend(more);
    }
}

/// The report order: path, offset, code; duplicates (one place, one code, one message) once.
pub fn sort(findings: &mut Vec<Finding>) {
    sort_stable_by(findings, |a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
}

/// A stable sort that orders indices, then moves the items into place by following the
/// permutation's cycles: the scratch space of a sort is a `u32` per item, not half the items
/// (large when items are large and many, as findings and claims are).
pub(crate) fn sort_stable_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let Ok(len) = u32::try_from(items.len()) else {
        items.sort_by(compare);
        return;
    };
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| compare(&items[a as usize], &items[b as usize]));
    // `order[i]` is the item that belongs at `i`.
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_stable_by;

    #[test]
    fn sorts_stably_in_place() {
        let mut items: Vec<(u8, usize)> =
            [3, 1, 2, 1, 3, 0, 2, 2, 1].iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_stable_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
        let mut empty: Vec<u8> = Vec::new();
        sort_stable_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }
}
