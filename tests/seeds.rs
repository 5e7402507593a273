//! SPEC §10: acceptance on the four seed articles, as explicit assertions, plus snapshots of
//! what was read (claims) and of what was reported.

use std::path::PathBuf;

use factlint::corpus::{LoadOptions, Silent, extract_all, load_corpus};
use factlint::extract::ExtractSettings;
use factlint::finding::Finding;
use factlint::kb::KnowledgeBase;
use factlint::lint::{LintSettings, Run};

fn run(kb: &KnowledgeBase) -> Run {
    let load = LoadOptions { paths: vec![PathBuf::from("fixtures/seeds")], ..LoadOptions::default() };
    Run::new(&load, kb, &ExtractSettings::default(), &LintSettings::default())
}

fn find<'a>(findings: &'a [Finding], file: &str, code: &str, text: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.path().ends_with(file) && f.code == code && f.location.text().contains(text))
        .unwrap_or_else(|| panic!("no {code} for “{text}” in {file}; found:\n{}", listing(findings)))
}

fn listing(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("  {} {} {:?}\n", f.path(), f.code, f.location.text())).collect()
}

#[test]
fn the_bundled_rules_find_every_item_of_spec_section_10() {
    let kb = KnowledgeBase::bundled().unwrap();
    let run = run(&kb);
    let findings = &run.findings;

    // A fix rewrites only the words that differ.
    for (wrong, right, fix) in
        [("Rustam Umarov", "Rustem Umerov", "Rustem Umerov"), ("Steve Wittkopf", "Steve Witkoff", "Witkoff")]
    {
        let f = find(findings, "003.md", "name.misspelled", wrong);
        assert_eq!(f.location.text(), wrong);
        assert!(f.help.as_deref().unwrap().contains(right));
        assert_eq!(f.fix.as_ref().unwrap().replacement, fix);
    }
    let bare = findings
        .iter()
        .find(|f| f.path().ends_with("003.md") && f.code == "name.misspelled" && f.location.text() == "Umarov")
        .expect("the bare “Umarov”");
    assert_eq!(bare.fix.as_ref().unwrap().replacement, "Umerov");
    let inconsistent = find(findings, "003.md", "name.inconsistent", "Zelensky");
    assert!(inconsistent.message.contains("Zelenskyy"), "{}", inconsistent.message);

    for title in ["President-elect Donald Trump", "outgoing President Joe Biden", "Defense Minister Rustem Umerov"] {
        let f = find(findings, "002.md", "title.stale", title);
        assert!(!f.evidence.is_empty() && !f.related.is_empty(), "{title}: the rule and its evidence are shown");
    }
    let date = find(findings, "002.md", "date.conflict", "January 2027");
    assert!(date.message.contains("2025-01-20"), "{}", date.message);
    assert!(date.related[0].location.path.starts_with("rules/"), "the rule is shown beside it");

    let count = find(findings, "002.md", "count.conflict", "18 countries");
    assert!(count.message.contains("15"), "{}", count.message);
    assert!(count.evidence.iter().any(|e| e.starts_with("https://")), "the figure's source is given");

    assert!(
        findings.iter().filter(|f| f.path().ends_with("002.md") && f.code == "draft.duplicate-paragraph").count() >= 3
    );

    let clean: Vec<&Finding> = findings.iter().filter(|f| f.path().ends_with("001.md")).collect();
    assert!(clean.is_empty(), "001 must come out clean:\n{clean:?}");
}

#[test]
fn without_rules_names_are_still_linked_across_sources() {
    let run = run(&KnowledgeBase::empty());
    let cross: Vec<&Finding> = run.findings.iter().filter(|f| f.code == "name.cross-source").collect();
    let linked = |a: &str, b: &str| {
        cross.iter().any(|f| f.message.contains(&format!("“{a}”")) && f.message.contains(&format!("“{b}”")))
    };
    assert!(linked("Rustem Umerov", "Rustam Umarov"), "{}", listing(&run.findings));
    assert!(
        cross.iter().any(|f| f.message.contains("Zelenskyy") && f.message.contains("“Zelensky”")),
        "{}",
        listing(&run.findings)
    );
}

#[test]
fn report_snapshot() {
    let kb = KnowledgeBase::bundled().unwrap();
    let run = run(&kb);
    let mut out = Vec::new();
    factlint::report::short::write(&mut out, &run.findings).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn claims_snapshot() {
    let kb = KnowledgeBase::bundled().unwrap();
    let load = LoadOptions { paths: vec![PathBuf::from("fixtures/seeds")], ..LoadOptions::default() };
    let corpus = load_corpus(&load, &Silent);
    let claims = extract_all(&corpus.sources, &kb, &ExtractSettings::default(), &Silent);
    let mut out = Vec::new();
    factlint::report::claims::write_table(&mut out, &corpus.sources, &claims, &kb).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}
