//! The checks over a corpus of 500 generated articles (2,000 people, 200 events), in memory:
//! extraction of every article (in parallel, as `factlint check` does), the checks alone
//! (per-source checks in parallel, then the cross-source ones), and the whole pipeline from
//! article text to sorted findings.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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
