use crate::checks::{Check, CheckInfo, CorpusContext, declare_check};
use crate::finding::{Finding, Location};
use crate::source::Span;

declare_check! {
    /// ## What it flags
    /// A binary file (a NUL byte in its first 8 KiB) among the paths: it is skipped, and said.
    ///
    /// ## Why
    /// A folder of articles may hold images or documents; reading them as text would make
    /// noise, and skipping them silently would hide that they were not checked.
    ///
    /// ## Example
    /// `content/photo.jpg` found while walking `content/`.
    Skipped, "source.skipped", Info, "a binary file was skipped"
}

impl Check for Skipped {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        for file in cx.skipped {
            out.push(
                Finding::new(
                    Self::INFO.code,
                    Self::INFO.default_severity,
                    Location::new(file, Span::new(0, 0)),
                    "binary file skipped (a NUL byte in its first 8 KiB)",
                )
                .label("binary"),
            );
        }
    }
}
