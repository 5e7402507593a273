use std::collections::HashMap;

use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use crate::finding::{Finding, Location};

declare_check! {
    /// ## What it flags
    /// A paragraph that appears twice in one source (white space and case aside), when it has
    /// at least `duplicate_min_words` words (default 8), so repeated bylines and labels are not
    /// reported.
    ///
    /// ## Why
    /// Duplicated paragraphs are the mark of a paste gone wrong or of a scraped page; they also
    /// repeat every other finding inside them.
    ///
    /// ## Example
    /// The same "Kyiv, Ukraine – January 6, 2026 – National security advisors …" paragraph at
    /// the top of the story and again after the first section.
    DuplicateParagraph, "draft.duplicate-paragraph", Warning, "the same paragraph appears twice in one source"
}

impl Check for DuplicateParagraph {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        let mut first: HashMap<String, usize> = HashMap::new();
        for (index, paragraph) in source.paragraphs.iter().enumerate() {
            let text = &source.text[paragraph.clone()];
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() < cx.settings.duplicate_min_words {
                continue;
            }
            let key = words.join(" ").to_lowercase();
            match first.get(&key) {
                None => {
                    first.insert(key, index);
                }
                Some(&earlier) => {
                    let original = Location::new(&source.file, source.span(source.paragraphs[earlier].clone()));
                    let (line, _) = original.line_col();
                    out.push(
                        Finding::new(
                            Self::INFO.code,
                            Self::INFO.default_severity,
                            Location::new(&source.file, source.span(paragraph.clone())),
                            format!("this paragraph repeats the one on line {line}"),
                        )
                        .label("repeated paragraph")
                        .related(original, "first here")
                        .help("delete one of the copies"),
                    );
                }
            }
        }
    }
}
