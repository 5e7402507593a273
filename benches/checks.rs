//! The checks over a corpus of 500 generated articles (2,000 people, 200 events), in memory:
//! extraction of every article (in parallel, as `factlint check` does), the checks alone
//! (per-source checks in parallel, then the cross-source ones), and the whole pipeline from
//! article text to sorted findings. "corpus-1" runs the checks over a single article with the same
//! rules: what the checks cost whatever the corpus size (indexes built from the rules per run).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use factlint::corpus::{Corpus, Silent, extract_all};
use factlint::extract::ExtractSettings;
use factlint::lint::{LintSettings, lint};

const ARTICLES: usize = 500;

fn bench(c: &mut Criterion) {
    let generated = common::corpus(ARTICLES);
    let bytes: usize = generated.articles.iter().map(|a| a.text.len()).sum();
    let kb = common::knowledge_base(&generated);
    let extract = ExtractSettings::default();
    let settings = LintSettings::default();
    let corpus = Corpus { sources: common::sources(&generated), ..Corpus::default() };
    let claims = extract_all(&corpus.sources, &kb, &extract, &Silent);

    let mut group = c.benchmark_group("corpus-500");
    // Flat sampling: every sample runs the same number of iterations, so ten samples of a
    // 150 ms function take seconds, not the minute linear sampling would.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract-all", |b| b.iter(|| extract_all(black_box(&corpus.sources), &kb, &extract, &Silent)));
    group.bench_function("checks", |b| b.iter(|| lint(black_box(&corpus), &claims, &kb, &settings)));
    group.bench_function("load-extract-check", |b| {
        b.iter(|| {
            let corpus = Corpus { sources: common::sources(black_box(&generated)), ..Corpus::default() };
            let claims = extract_all(&corpus.sources, &kb, &extract, &Silent);
            lint(&corpus, &claims, &kb, &settings)
        })
    });
    group.finish();

    let one = Corpus {
        sources: vec![common::source(&generated.articles[0].path, &generated.articles[0].text)],
        ..Corpus::default()
    };
    let one_claims = extract_all(&one.sources, &kb, &extract, &Silent);
    let mut group = c.benchmark_group("corpus-1");
    group.bench_function("checks", |b| b.iter(|| lint(black_box(&one), &one_claims, &kb, &settings)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    targets = bench
}
criterion_main!(benches);
