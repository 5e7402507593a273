//! The terminal report: each finding as a miette diagnostic — the snippet in its article, the
//! other source or the rule line as related snippets, the help and the evidence URLs.
//!
//! Article text reaches a terminal here, so control characters (an escape sequence can retitle
//! the window or clear the screen) are shown as visible symbols, in snippets, messages and paths.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::rc::Rc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use crate::finding::{Finding, Location, Severity};
use crate::source::{FileRef, Files, SourceFile, Span};

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    pub width: usize,
}

/// Renders each finding; `files` gives the text of the files the snippets come from.
pub fn write(out: &mut impl Write, findings: &[Finding], files: &Files, style: Style) -> io::Result<()> {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false);
    let mut shown = ShownFiles { files, shown: HashMap::new() };
    for finding in findings {
        let mut rendered = String::new();
        handler.render_report(&mut rendered, &FindingDiagnostic::new(finding, &mut shown)).map_err(io::Error::other)?;
        out.write_all(rendered.as_bytes())?;
    }
    Ok(())
}

/// A finding as miette sees it. Related places in the finding's own file become extra labels;
/// places in other files become related diagnostics, each with its own snippet.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    file: Rc<Shown>,
    message: Cow<'a, str>,
    label: Option<String>,
    help: Option<String>,
    elsewhere: Vec<RelatedDiagnostic<'a>>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, files: &mut ShownFiles) -> Self {
        let mut help = finding.help.clone();
        if !finding.evidence.is_empty() {
            let evidence = format!("evidence: {}", finding.evidence.join(", "));
            help = Some(help.map_or(evidence.clone(), |h| format!("{h}\n{evidence}")));
        }
        let elsewhere = finding
            .related
            .iter()
            .filter(|r| r.location.path != finding.location.path)
            .map(|r| RelatedDiagnostic {
                location: &r.location,
                label: escape_controls(&r.label),
                file: files.of(&r.location),
            })
            .collect();
        FindingDiagnostic {
            finding,
            file: files.of(&finding.location),
            message: escape_controls(&finding.message),
            label: non_empty(&finding.label).map(|l| escape_controls(&l).into_owned()),
            help: help.map(|h| escape_controls(&h).into_owned()),
            elsewhere,
        }
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic").field("code", &self.finding.code).finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.file.gone {
            write!(f, " ({})", unshown(&self.finding.location))?;
        }
        Ok(())
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.file.gone).then_some(&*self.file.file as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.file.gone {
            return None;
        }
        let primary = LabeledSpan::new_primary_with_span(self.label.clone(), self.file.span(&self.finding.location));
        let same_file =
            self.finding.related.iter().filter(|r| r.location.path == self.finding.location.path).map(|r| {
                LabeledSpan::new_with_span(Some(escape_controls(&r.label).into_owned()), self.file.span(&r.location))
            });
        Some(Box::new(std::iter::once(primary).chain(same_file)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(self.elsewhere.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// The file a snippet is drawn from, as shown: with control characters made visible. A binary
/// file is shown as an empty one under its path, with every label at its start; a file that is
/// gone (deleted since the check) has no snippet: its finding says where it was, and why.
struct Shown {
    file: FileRef,
    readable: bool,
    gone: bool,
    /// Where the shown text grew, by escaping: (offset in the file of an escaped character,
    /// bytes added up to and with it).
    grown: Vec<(usize, usize)>,
}

impl Shown {
    fn span(&self, location: &Location) -> Span {
        if !self.readable {
            return Span::new(0, 0);
        }
        let span = shown(location);
        Span::new(self.moved(span.start), self.moved(span.end))
    }

    /// A file offset as an offset in the shown text.
    fn moved(&self, offset: usize) -> usize {
        let before = self.grown.partition_point(|&(at, _)| at < offset);
        offset + before.checked_sub(1).map_or(0, |i| self.grown[i].1)
    }
}

/// Each file shown once, however many findings it has.
struct ShownFiles<'a> {
    files: &'a Files,
    shown: HashMap<std::sync::Arc<str>, Rc<Shown>>,
}

impl ShownFiles<'_> {
    fn of(&mut self, location: &Location) -> Rc<Shown> {
        let files = self.files;
        self.shown
            .entry(location.path.clone())
            .or_insert_with(|| {
                Rc::new(match files.get(&location.path) {
                    Some(file) => escaped(file),
                    None => Shown {
                        file: SourceFile::new(escape_controls(&location.path), ""),
                        readable: false,
                        gone: std::fs::symlink_metadata(&*location.path).is_err(),
                        grown: Vec::new(),
                    },
                })
            })
            .clone()
    }
}

/// A control character as a visible symbol (the Control Pictures block), if it is one a
/// terminal could act on. Line breaks and tabs are layout; so is a carriage return before one.
fn visible(c: char, next: Option<char>) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\r' if next == Some('\n') => None,
        // What an undecodable byte was read as: shown as such.
        crate::source::SUBSTITUTE => Some(char::REPLACEMENT_CHARACTER),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls: some terminals read U+009B as the start of an escape sequence.
        '\u{80}'..='\u{9f}' => Some(char::REPLACEMENT_CHARACTER),
        _ => None,
    }
}

fn has_controls(text: &str) -> bool {
    text.bytes().any(|b| (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r')) || b == 0x7f || b == 0xc2)
        || text.contains('\r')
}

/// Text with its control characters made visible.
fn escape_controls(text: &str) -> Cow<'_, str> {
    if !has_controls(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(visible(c, chars.peek().copied()).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// A file as shown, and where escaping made it grow (so spans can be moved along).
fn escaped(file: FileRef) -> Shown {
    if !has_controls(&file.text) && !has_controls(&file.path) {
        return Shown { file, readable: true, gone: false, grown: Vec::new() };
    }
    let mut text = String::with_capacity(file.text.len() + 16);
    let mut grown = Vec::new();
    let mut added = 0;
    let mut chars = file.text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match visible(c, chars.peek().map(|&(_, c)| c)) {
            Some(symbol) => {
                text.push(symbol);
                added += symbol.len_utf8() - c.len_utf8();
                grown.push((at, added));
            }
            None => text.push(c),
        }
    }
    Shown { file: SourceFile::new(escape_controls(&file.path), text), readable: true, gone: false, grown }
}

/// Longer spans (a whole paragraph) are underlined only at their start, so the snippet stays a
/// snippet; the other formats keep the whole span.
const SHOWN_SPAN: usize = 60;

fn shown(location: &Location) -> Span {
    let text = location.text();
    if text.len() <= SHOWN_SPAN && !text.contains('\n') {
        return location.span;
    }
    let mut end = text.find('\n').unwrap_or(text.len()).min(SHOWN_SPAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // End at a word boundary where there is one.
    let cut = text[..end].rfind(' ').filter(|&i| i > SHOWN_SPAN / 2).unwrap_or(end);
    Span::new(location.span.start, location.span.start + cut)
}

/// Where a finding is whose file cannot be shown, and why.
fn unshown(location: &Location) -> String {
    let (line, column) = location.line_col();
    format!("{}:{line}:{column}; the file cannot be read again to show it", escape_controls(&location.path))
}

fn non_empty(label: &str) -> Option<String> {
    (!label.is_empty()).then(|| label.to_string())
}

/// The other source, or the rule a finding rests on.
struct RelatedDiagnostic<'a> {
    location: &'a Location,
    label: Cow<'a, str>,
    file: Rc<Shown>,
}

impl fmt::Debug for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

impl fmt::Display for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.location.line_col();
        write!(f, "{} ({}:{line}:{column})", self.label, escape_controls(&self.location.path))?;
        if self.file.gone {
            f.write_str("; the file cannot be read again to show it")?;
        }
        Ok(())
    }
}

impl std::error::Error for RelatedDiagnostic<'_> {}

impl Diagnostic for RelatedDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.file.gone).then_some(&*self.file.file as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.file.gone {
            return None;
        }
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.to_string()),
            self.file.span(self.location),
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_since_the_check_is_said_not_drawn_at_its_start() {
        let file = SourceFile::new("gone/since.md", "First line.\nThen Rustam Umarov spoke.\n");
        let finding = Finding::new(
            "name.misspelled",
            Severity::Error,
            Location::new(&file, Span::new(17, 30)),
            "“Rustam Umarov” is a misspelling",
        );
        let mut out = Vec::new();
        let style = Style { color: false, unicode: true, width: 100 };
        write(&mut out, &[finding], &Files::default(), style).unwrap();
        let report = String::from_utf8(out).unwrap();
        assert!(report.contains("gone/since.md:2:6; the file cannot be read again to show it"), "{report}");
        assert!(!report.contains(":1:1"), "{report}");
    }
}
