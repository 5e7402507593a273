use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use crate::finding::{Finding, Location, Severity};
use crate::source::Span;

declare_check! {
    /// ## What it flags
    /// A file that is not valid UTF-8. It is read anyway, each undecodable byte standing for
    /// one replacement character, so every other finding still points at the right bytes.
    /// A UTF-16 or UTF-32 file with a byte-order mark is decoded, and said as info; its
    /// findings are not fixed.
    ///
    /// ## Why
    /// Text pasted from old systems is often Latin-1 or Windows-1252: names with accents come
    /// out garbled and may escape matching. The finding names the first bad byte's line.
    ///
    /// ## Example
    /// A file saved as Windows-1252 containing "Zelensk\xFDy".
    Encoding, "source.encoding", Warning, "a file is not valid UTF-8 and was decoded lossily"
}

impl Check for Encoding {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        if let Some(encoding) = source.decoded_from.filter(|_| source.index_in_file == 0) {
            let location = Location::new(&source.file, Span::new(0, 0));
            out.push(
                Finding::new(
                    Self::INFO.code,
                    Severity::Info,
                    location,
                    format!("read as {encoding} (it starts with a byte-order mark); positions are in the decoded text"),
                )
                .label(encoding)
                .help("save the file as UTF-8 to have its findings fixed"),
            );
            return;
        }
        // Once per file, though a corpus file holds many articles.
        let Some(at) = source.invalid_utf8_at.filter(|_| source.index_in_file == 0) else { return };
        let location = Location::new(&source.file, Span::new(at, (at + 1).min(source.file.text.len())));
        let (line, _) = location.line_col();
        out.push(
            Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                location,
                format!("not valid UTF-8 (first bad byte on line {line}); each undecodable byte was read as a blank placeholder"),
            )
            .label("not UTF-8")
            .help("save the file as UTF-8"),
        );
    }
}
