//! Every check code has a fixture folder, `fixtures/checks/<code>/`:
//!
//! - `rules/`: the rule files the check needs (may be empty: some checks need none);
//! - `flagged/`: articles the check must report — the rendered report is snapshotted;
//! - `clean/`: articles the check must leave alone — near misses of what it flags.
//!
//! A `flagged/PENDING` file (saying why) marks a fixture written ahead of the extraction it
//! needs: the folder is skipped while nothing is reported, and fails once something is.
//!
//! Each folder is run with only its code enabled.

use std::path::{Path, PathBuf};

use factlint::checks::CHECKS;
use factlint::corpus::{LoadOptions, Silent, extract_all, load_corpus};
use factlint::extract::{ExtractSettings, Scope};
use factlint::kb::KnowledgeBase;
use factlint::lint::{LintSettings, Run, lint};
use factlint::report::human::{Style, write};

const ROOT: &str = "fixtures/checks";

fn run(code: &str, articles: &Path) -> Run {
    let rules = Path::new(ROOT).join(code).join("rules");
    let kb = KnowledgeBase::load(&[rules]).unwrap_or_else(|e| panic!("{code}: rules: {e:?}"));
    let load = LoadOptions { paths: vec![articles.to_path_buf()], ..LoadOptions::default() };
    let settings = LintSettings { select: vec![code.to_string()], ..LintSettings::default() };
    let run = Run::new(&load, &kb, &ExtractSettings::default(), &settings);
    assert!(run.errors.is_empty(), "{code}: {:?}", run.errors);
    run
}

fn render(run: &Run) -> String {
    let mut out = Vec::new();
    write(&mut out, &run.findings, &run.files, Style { color: false, unicode: true, width: 100 }).unwrap();
    String::from_utf8(out).unwrap()
}

fn code_of(folder: &Path) -> String {
    folder.parent().and_then(Path::file_name).unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_code_has_a_fixture_folder() {
    for check in CHECKS {
        let code = check.info().code;
        let folder = PathBuf::from(ROOT).join(code);
        for part in ["rules", "flagged", "clean"] {
            assert!(folder.join(part).is_dir(), "{code}: missing {}", folder.join(part).display());
        }
    }
}

#[test]
fn flagged_articles_are_reported() {
    insta::glob!("../fixtures/checks", "*/flagged", |folder| {
        let code = code_of(folder);
        // Relative, as `cargo test` runs in the package root: snapshots name the same paths in
        // every checkout.
        let folder = folder.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(folder);
        let run = run(&code, folder);
        let findings = &run.findings;
        // A `PENDING` file marks a fixture written ahead of the extraction it needs.
        let pending = folder.join("PENDING");
        if pending.is_file() {
            assert!(findings.is_empty(), "{code}: now reported: delete {} and review the snapshot", pending.display());
            eprintln!("{code}: pending, see {}", pending.display());
            return;
        }
        assert!(!findings.is_empty(), "{code}: nothing reported for {}", folder.display());
        for finding in findings {
            assert_eq!(finding.code, code, "{code}: {}", finding.message);
        }
        insta::assert_snapshot!(render(&run));
    });
}

/// `factlint check` reads only the dates and counts its checks need (`Scope::Needed`); it must
/// find exactly what reading every claim finds, for each check alone and for all together.
#[test]
fn reading_only_what_the_checks_need_finds_the_same() {
    let mut folders: Vec<(PathBuf, PathBuf)> = vec![("fixtures/seeds".into(), "rules".into())];
    for check in CHECKS {
        let folder = PathBuf::from(ROOT).join(check.info().code);
        folders.push((folder.join("flagged"), folder.join("rules")));
        folders.push((folder.join("clean"), folder.join("rules")));
    }
    for (articles, rules) in folders {
        let kb = KnowledgeBase::load(&[rules]).unwrap();
        let corpus = load_corpus(&LoadOptions { paths: vec![articles.clone()], ..LoadOptions::default() }, &Silent);
        let all = extract_all(&corpus.sources, &kb, &ExtractSettings::default(), &Silent);
        let selections = std::iter::once(Vec::new()).chain(CHECKS.iter().map(|c| vec![c.info().code.to_string()]));
        for select in selections {
            let settings = LintSettings { select, ..LintSettings::default() };
            let scoped = ExtractSettings { scope: Scope::Needed(settings.needs()), ..ExtractSettings::default() };
            let needed = extract_all(&corpus.sources, &kb, &scoped, &Silent);
            assert_eq!(
                format!("{:?}", lint(&corpus, &needed, &kb, &settings)),
                format!("{:?}", lint(&corpus, &all, &kb, &settings)),
                "{} with {:?}",
                articles.display(),
                settings.select
            );
        }
    }
}

#[test]
fn clean_articles_are_not() {
    for check in CHECKS {
        let code = check.info().code;
        let folder = PathBuf::from(ROOT).join(code).join("clean");
        let run = run(code, &folder);
        assert!(run.findings.is_empty(), "{code}: clean articles reported:\n{}", render(&run));
    }
}
