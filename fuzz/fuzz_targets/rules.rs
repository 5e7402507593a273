//! Rule-file parsing and validation: any text either compiles or is rejected with problems
//! whose spans lie inside the file.
#![no_main]

use factlint::kb::KnowledgeBase;
use factlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let file = SourceFile::new("fuzz.toml", text);
    if let Err(invalid) = KnowledgeBase::compile(vec![file]) {
        assert!(!invalid.problems.is_empty());
        for problem in &invalid.problems {
            let end = problem.span.offset() + problem.span.len();
            assert!(end <= text.len(), "span {end} beyond {}", text.len());
        }
    }
});
