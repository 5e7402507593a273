//! Rule loading: parsing, validating and compiling a knowledge base (name and event automata
//! included). The bundled rules are loaded on every `factlint check draft.md`, so their cost is
//! part of the one-draft start-up budget; a 2,000-person folder is what the corpus runs load.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use factlint::kb::KnowledgeBase;

fn bench(c: &mut Criterion) {
    let corpus = common::corpus(0);
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in &corpus.rules {
        std::fs::write(folder.path().join(name), text).expect("writable temporary folder");
    }
    let paths = vec![folder.path().to_path_buf()];

    let mut group = c.benchmark_group("rules");
    group.bench_function("bundled", |b| b.iter(|| KnowledgeBase::bundled().expect("valid")));
    group.bench_function("generated-2000-people/load", |b| {
        b.iter(|| KnowledgeBase::load(black_box(&paths)).expect("valid"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
