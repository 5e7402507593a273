//! What the benches share: a generated corpus (`examples/gen_corpus/generator.rs`, kept in
//! memory) turned into factlint's inputs through the public library API only.

// Each bench uses a part of this module.
#![allow(dead_code)]

#[path = "../../examples/gen_corpus/generator.rs"]
pub mod generator;

use factlint::input::{self, Format, Loaded, Source};
use factlint::kb::KnowledgeBase;
use factlint::source::SourceFile;

/// The population the issue measures with: 2,000 people (and 200 events).
pub const PEOPLE: usize = 2_000;
pub const SEED: u64 = 1;

pub fn corpus(articles: usize) -> generator::Corpus {
    generator::generate(generator::Options { articles, people: PEOPLE, seed: SEED, shape: Default::default() })
}

/// The generated rules, compiled from memory.
pub fn knowledge_base(corpus: &generator::Corpus) -> KnowledgeBase {
    let files =
        corpus.rules.iter().map(|(name, text)| SourceFile::new(format!("rules/{name}"), text.clone())).collect();
    KnowledgeBase::compile(files).unwrap_or_else(|e| panic!("generated rules are invalid: {e:?}"))
}

/// One Markdown article as factlint reads it (front matter, masking, paragraphs, sentences).
pub fn source(path: &str, text: &str) -> Source {
    match input::load(path, text.as_bytes(), Format::Markdown, None) {
        Loaded::Articles(mut sources) if sources.len() == 1 => sources.remove(0),
        other => panic!("{path} did not load as one article: {other:?}"),
    }
}

pub fn sources(corpus: &generator::Corpus) -> Vec<Source> {
    corpus.articles.iter().map(|a| source(&a.path, &a.text)).collect()
}

/// The generated article closest to the corpus's mean size, among those with non-ASCII text
/// (as nearly all real copy has): a typical one.
pub fn typical(corpus: &generator::Corpus) -> &generator::Article {
    let mean = corpus.articles.iter().map(|a| a.text.len()).sum::<usize>() / corpus.articles.len().max(1);
    corpus
        .articles
        .iter()
        .filter(|a| !a.text.is_ascii())
        .min_by_key(|a| a.text.len().abs_diff(mean))
        .expect("a corpus with non-ASCII articles")
}
