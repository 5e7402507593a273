//! `--fix` on arbitrary bytes in every input format (text, Markdown, HTML, JSONL) with the
//! bundled rules: every fix lies inside the finding that offers it, on character boundaries;
//! applying them changes the stored bytes only there; and the fixed file, read again, has the
//! same articles, no more bad lines, and visible text changed only inside the fixed spans —
//! never a word dropped or markup or an escape broken around them.
#![no_main]

use std::sync::OnceLock;

use factlint::corpus::Corpus;
use factlint::extract::{ExtractSettings, extract};
use factlint::fix;
use factlint::input::{Format, Loaded, Source, load};
use factlint::kb::KnowledgeBase;
use factlint::lint::{LintSettings, lint};
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::bundled().expect("the bundled rules validate"))
}

/// The articles of stored bytes, and how many lines were not articles.
fn read(bytes: &[u8], format: Format) -> (Vec<Source>, usize) {
    match load("fuzz", bytes, format, None) {
        Loaded::Articles(sources) => (sources, 0),
        Loaded::Partial(sources, problems, _) => (sources, problems.len()),
        Loaded::Binary(_) => (Vec::new(), 0),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl][usize::from(selector % 4)];
    let (sources, bad_lines) = read(bytes, format);
    let mut corpus = Corpus::default();
    corpus.sources = sources;
    let claims: Vec<_> = corpus.sources.iter().map(|s| extract(s, kb(), &ExtractSettings::default())).collect();
    let findings = lint(&corpus, &claims, kb(), &LintSettings::default());
    for finding in &findings {
        if let Some(fix) = &finding.fix {
            let (span, within) = (fix.span, finding.location.span);
            assert!(within.start <= span.start && span.end <= within.end, "a fix outside its finding");
            let text = std::str::from_utf8(bytes).ok();
            assert!(text.is_none_or(|t| t.is_char_boundary(span.start) && t.is_char_boundary(span.end)));
        }
    }
    let plans = fix::plan(&findings);
    let Some(plan) = plans.first() else { return };
    let fixed = fix::apply(bytes, &plan.fixes);

    // The stored bytes change only at the fixes.
    let (mut from, mut to) = (0, 0);
    for fix in &plan.fixes {
        let kept = &bytes[from..fix.span.start];
        assert_eq!(&fixed[to..to + kept.len()], kept, "bytes changed between fixes");
        to += kept.len();
        assert_eq!(&fixed[to..to + fix.replacement.len()], fix.replacement.as_bytes());
        to += fix.replacement.len();
        from = fix.span.end;
    }
    assert_eq!(&fixed[to..], &bytes[from..], "bytes changed after the last fix");

    // Read again: the same articles, and their visible text changed only inside the fixes.
    let (after, bad_lines_after) = read(&fixed, format);
    assert_eq!(after.len(), corpus.sources.len(), "a fix changed the number of articles");
    assert!(bad_lines_after <= bad_lines, "a fix broke a line of the corpus");
    let first = plan.fixes.first().map_or(0, |f| f.span.start);
    let last = plan.fixes.last().map_or(0, |f| f.span.end);
    for (before, after) in corpus.sources.iter().zip(&after) {
        let (old, new) = (before.text.as_bytes(), after.text.as_bytes());
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
        if prefix + suffix >= old.len() && old.len() == new.len() {
            continue;
        }
        // Whole characters: the changed bytes may begin or end inside one.
        let mut start = prefix.min(old.len());
        while !before.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = old.len() - suffix;
        while !before.text.is_char_boundary(end) {
            end += 1;
        }
        let changed = before.span(start..end);
        assert!(
            first <= changed.start && changed.end <= last.max(changed.start),
            "visible text changed outside the fixes: stored {}..{}, fixes {first}..{last}",
            changed.start,
            changed.end
        );
    }
});
