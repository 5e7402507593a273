//! Reading one article: loading (front matter, masking, sentences) and extracting its claims
//! (mentions, titles, dates, counts, event ties) — the per-article work that the whole run
//! repeats, so its cost times the corpus size is the floor of `factlint check`.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::extract::{ExtractSettings, extract};
use factlint::kb::KnowledgeBase;

fn bench(c: &mut Criterion) {
    let settings = ExtractSettings::default();

    // The seed draft with the bundled rules: what `factlint check draft.md` does per article.
    let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds/002.md");
    let seed_text = std::fs::read_to_string(seed_path).expect("fixtures/seeds/002.md");
    let bundled = KnowledgeBase::bundled().expect("bundled rules are valid");
    let seed = common::source("fixtures/seeds/002.md", &seed_text);

    // A typical generated article with the rules of 2,000 people: what a corpus run does.
    let corpus = common::corpus(200);
    let kb = common::knowledge_base(&corpus);
    let article = common::typical(&corpus);
    let generated = common::source(&article.path, &article.text);

    // The same article in plain ASCII (typographic quotes and dashes replaced): the difference
    // shows what non-ASCII text costs the extractors (a regex with Unicode word boundaries
    // leaves its fast engine for a slow one as soon as the text is not ASCII).
    let ascii_text: String = article
        .text
        .chars()
        .map(|c| match c {
            '“' | '”' => '"',
            '’' => '\'',
            '–' | '—' => '-',
            c if c.is_ascii() => c,
            _ => '?',
        })
        .collect();
    let ascii = common::source(&article.path, &ascii_text);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(seed_text.len() as u64));
    group.bench_function("seed-002/bundled-rules", |b| b.iter(|| extract(black_box(&seed), &bundled, &settings)));
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function("generated/2000-people", |b| b.iter(|| extract(black_box(&generated), &kb, &settings)));
    group.bench_function("generated/2000-people/ascii-only", |b| b.iter(|| extract(black_box(&ascii), &kb, &settings)));
    group.bench_function("generated/load-markdown", |b| {
        b.iter(|| common::source(black_box(&article.path), black_box(&article.text)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
