//! Properties that must hold for any input: no panic; every span lies on character boundaries
//! inside its file; intervals are well-formed; conflicts are symmetric; the report does not
//! depend on the order of paths; after `--fix` nothing fixable is left and fixing again changes
//! no byte.

use std::path::PathBuf;

use chrono::NaiveDate;
use factlint::claim::ClaimKind;
use factlint::corpus::{LoadOptions, Silent, extract_all, load_corpus};
use factlint::extract::{ExtractSettings, Scope};
use factlint::finding::Finding;
use factlint::fix;
use factlint::input::{Format, Loaded, load};
use factlint::interval::{CountInterval, DateInterval};
use factlint::kb::KnowledgeBase;
use factlint::lint::{LintSettings, Run, lint};
use factlint::source::{FileRef, Files};
use proptest::prelude::*;

/// Fragments of news prose mixed with the awkward: names and misspellings from the bundled
/// rules, titles, dates, counts, markup, multi-byte characters, stray bytes.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Rustam Umarov".to_string()),
        Just("Umarov's".to_string()),
        Just("President-elect Donald Trump".to_string()),
        Just("outgoing President Joe Biden".to_string()),
        Just("Zelensky".to_string()),
        Just("Zelenskyy".to_string()),
        Just("Steve Wittkopf".to_string()),
        Just("Defense Minister Rustem Umerov,".to_string()),
        Just("national security advisers met in Kyiv on January 3".to_string()),
        Just("representatives from 18 countries".to_string()),
        Just("about 50 nations".to_string()),
        Just("on Friday, 11 January 2026".to_string()),
        Just("set to take office in January 2027".to_string()),
        Just("<!-- factlint-ignore -->".to_string()),
        Just("[link](https://example.org/Umarov)".to_string()),
        Just("```\ncode\n```".to_string()),
        Just("\n\n".to_string()),
        Just("—".to_string()),
        Just("“Quoted.”".to_string()),
        "[a-zA-Z ,.'’-]{0,20}",
        "[0-9 ,.-]{0,8}",
        "\\PC{0,6}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|parts| parts.join(" "))
}

fn front_matter(body: &str) -> String {
    format!("---\npublished: 2026-01-06\n---\n{body}\n")
}

fn run_on(dir: &std::path::Path, kb: &KnowledgeBase, paths: Vec<PathBuf>) -> Run {
    let _ = dir;
    let load = LoadOptions { paths, ..LoadOptions::default() };
    Run::new(&load, kb, &ExtractSettings::default(), &LintSettings::default())
}

fn assert_span_inside(file: &FileRef, start: usize, end: usize, what: &str) {
    assert!(start <= end && end <= file.text.len(), "{what}: {start}..{end} outside {}", file.text.len());
    assert!(
        file.text.is_char_boundary(start) && file.text.is_char_boundary(end),
        "{what}: {start}..{end} splits a character"
    );
}

fn assert_finding_spans(finding: &Finding, files: &Files) {
    let file = |path: &str| files.get(path).unwrap_or_else(|| panic!("{path} cannot be read"));
    let l = &finding.location;
    assert_span_inside(&file(&l.path), l.span.start, l.span.end, finding.code);
    assert_eq!(file(&l.path).slice(l.span), l.text(), "{}: the location's text is the file's", finding.code);
    for related in &finding.related {
        let r = &related.location;
        assert_span_inside(&file(&r.path), r.span.start, r.span.end, "related");
    }
    if let Some(fix) = &finding.fix {
        assert_span_inside(&file(&l.path), fix.span.start, fix.span.end, "fix");
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/properties.proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_lie_on_character_boundaries(body in article(), markdown in any::<bool>()) {
        let kb = KnowledgeBase::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (name, text) = if markdown { ("a.md", front_matter(&body)) } else { ("a.txt", body.clone()) };
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let load = LoadOptions { paths: vec![path.clone()], ..LoadOptions::default() };
        let corpus = load_corpus(&load, &Silent);
        let claims = extract_all(&corpus.sources, &kb, &ExtractSettings::default(), &Silent);
        for (source, claims) in corpus.sources.iter().zip(&claims) {
            for claim in claims {
                assert_span_inside(&source.file, claim.span.start, claim.span.end, "claim");
                match &claim.kind {
                    ClaimKind::Date(d) => prop_assert!(d.interval.start <= d.interval.end),
                    ClaimKind::Count(c) => prop_assert!(c.interval.high.is_none_or(|h| c.interval.low <= h)),
                    ClaimKind::Title(t) => assert_span_inside(&source.file, t.title_span.start, t.title_span.end, "title"),
                    ClaimKind::Mention(_) => {}
                }
            }
        }
        let run = run_on(dir.path(), &kb, vec![path]);
        for finding in &run.findings {
            assert_finding_spans(finding, &run.files);
        }
    }

    #[test]
    fn reading_only_what_the_checks_need_finds_the_same(first in article(), second in article()) {
        let kb = KnowledgeBase::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), front_matter(&first)).unwrap();
        std::fs::write(dir.path().join("b.txt"), &second).unwrap();
        let corpus = load_corpus(&LoadOptions { paths: vec![dir.path().to_path_buf()], ..LoadOptions::default() }, &Silent);
        let settings = LintSettings::default();
        let scoped = ExtractSettings { scope: Scope::Needed(settings.needs()), ..ExtractSettings::default() };
        let all = extract_all(&corpus.sources, &kb, &ExtractSettings::default(), &Silent);
        let needed = extract_all(&corpus.sources, &kb, &scoped, &Silent);
        prop_assert_eq!(
            format!("{:?}", lint(&corpus, &needed, &kb, &settings)),
            format!("{:?}", lint(&corpus, &all, &kb, &settings))
        );
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), format in 0..4usize) {
        let format = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl][format];
        let kb = KnowledgeBase::bundled().unwrap();
        if let Loaded::Articles(sources) | Loaded::Partial(sources, _, _) = load("x", bytes.as_slice(), format, None) {
            for source in &sources {
                let claims = factlint::extract::extract(source, &kb, &ExtractSettings::default());
                for claim in &claims {
                    assert_span_inside(&source.file, claim.span.start, claim.span.end, "claim");
                }
            }
        }
    }

    #[test]
    fn interval_conflicts_are_symmetric(a in 0i64..4000, a_len in 0i64..400, b in 0i64..4000, b_len in 0i64..400,
                                        c in 0u64..500, c_len in proptest::option::of(0u64..100), d in 0u64..500,
                                        d_len in proptest::option::of(0u64..100), flags in any::<[bool; 4]>()) {
        let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let day = |n: i64| base + chrono::Duration::days(n);
        let x = DateInterval::new(day(a), day(a + a_len));
        let y = DateInterval::new(day(b), day(b + b_len));
        prop_assert_eq!(x.meets(&y), y.meets(&x));
        prop_assert_eq!(x.gap_days(&y), y.gap_days(&x));
        let p = CountInterval { low: c, high: c_len.map(|l| c + l), low_open: flags[0], high_open: flags[1] };
        let q = CountInterval { low: d, high: d_len.map(|l| d + l), low_open: flags[2], high_open: flags[3] };
        prop_assert_eq!(p.meets(&q), q.meets(&p));
    }

    #[test]
    fn path_order_does_not_change_the_report(first in article(), second in article()) {
        let kb = KnowledgeBase::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        std::fs::write(&a, front_matter(&first)).unwrap();
        std::fs::write(&b, front_matter(&second)).unwrap();
        let render = |run: &Run| {
            let mut out = Vec::new();
            factlint::report::short::write(&mut out, &run.findings).unwrap();
            out
        };
        let forward = render(&run_on(dir.path(), &kb, vec![a.clone(), b.clone()]));
        let backward = render(&run_on(dir.path(), &kb, vec![b, a]));
        prop_assert_eq!(forward, backward);
    }

    #[test]
    fn fixing_leaves_nothing_fixable_and_is_idempotent(body in article()) {
        let kb = KnowledgeBase::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, front_matter(&body)).unwrap();
        for _ in 0..3 {
            let run = run_on(dir.path(), &kb, vec![path.clone()]);
            for plan in fix::plan(&run.findings) {
                fix::write(&plan).unwrap();
            }
        }
        let after = std::fs::read(&path).unwrap();
        let run = run_on(dir.path(), &kb, vec![path.clone()]);
        prop_assert!(run.findings.iter().all(|f| f.fix.is_none()), "fixable findings remain");
        for plan in fix::plan(&run.findings) {
            fix::write(&plan).unwrap();
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), after);
    }
}
