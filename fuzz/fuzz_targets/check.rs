//! A whole `check` on arbitrary bytes with the bundled rules: read, extract, every check, every
//! renderer. Every finding's spans lie on character boundaries inside their files.
#![no_main]

use std::sync::OnceLock;

use factlint::corpus::Corpus;
use factlint::extract::{ExtractSettings, extract};
use factlint::input::{Format, Loaded, load};
use factlint::kb::KnowledgeBase;
use factlint::lint::{LintSettings, lint};
use factlint::report;
use factlint::source::Files;
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::bundled().expect("the bundled rules validate"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl][usize::from(selector % 4)];
    let date = (selector & 0x80 != 0).then(|| chrono::NaiveDate::from_ymd_opt(2026, 1, 6)).flatten();
    let mut corpus = Corpus::default();
    match load("fuzz", bytes, format, date) {
        Loaded::Articles(sources) | Loaded::Partial(sources, _, _) => corpus.sources = sources,
        Loaded::Binary(file) => corpus.skipped.push(file),
    }
    let claims: Vec<_> = corpus.sources.iter().map(|s| extract(s, kb(), &ExtractSettings::default())).collect();
    let findings = lint(&corpus, &claims, kb(), &LintSettings::default());
    let mut files = Files::default();
    // Skipped binary files are held too: their `source.skipped` finding points at them.
    corpus.sources.iter().map(|s| &s.file).chain(&corpus.skipped).chain(&kb().files).for_each(|f| files.hold(f));
    let inside = |location: &factlint::finding::Location| {
        let file = files.get(&location.path).expect("held");
        let span = location.span;
        assert!(span.end <= file.text.len() && file.text.is_char_boundary(span.start) && file.text.is_char_boundary(span.end));
        assert_eq!(file.slice(span), location.text());
    };
    for finding in &findings {
        inside(&finding.location);
        finding.related.iter().for_each(|r| inside(&r.location));
    }
    let mut out = Vec::new();
    let sources: Vec<_> = corpus.sources.iter().map(factlint::facts::SourceSummary::of).collect();
    report::json::write(&mut out, &findings, &sources, report::Summary::new(&findings, 1), &[]).unwrap();
    report::sarif::write(&mut out, &findings, &[]).unwrap();
    report::human::write(&mut out, &findings, &files, report::human::Style { color: false, unicode: true, width: 80 }).unwrap();
});
