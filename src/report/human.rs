//! The terminal report: each finding as a miette diagnostic — the snippet in its article, the
//! other source or the rule line as related snippets, the help and the evidence URLs.

use std::fmt;
use std::io::{self, Write};

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
    for finding in findings {
        let mut rendered = String::new();
        handler.render_report(&mut rendered, &FindingDiagnostic::new(finding, files)).map_err(io::Error::other)?;
        out.write_all(rendered.as_bytes())?;
    }
    Ok(())
}

/// A finding as miette sees it. Related places in the finding's own file become extra labels;
/// places in other files become related diagnostics, each with its own snippet.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    file: Shown,
    help: Option<String>,
    elsewhere: Vec<RelatedDiagnostic<'a>>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, files: &Files) -> Self {
        let mut help = finding.help.clone();
        if !finding.evidence.is_empty() {
            let evidence = format!("evidence: {}", finding.evidence.join(", "));
            help = Some(help.map_or(evidence.clone(), |h| format!("{h}\n{evidence}")));
        }
        let elsewhere = finding
            .related
            .iter()
            .filter(|r| r.location.path != finding.location.path)
            .map(|r| RelatedDiagnostic { location: &r.location, label: &r.label, file: Shown::of(files, &r.location) })
            .collect();
        FindingDiagnostic { finding, file: Shown::of(files, &finding.location), help, elsewhere }
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic").field("code", &self.finding.code).finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
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
        Some(&*self.file.file)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary =
            LabeledSpan::new_primary_with_span(non_empty(&self.finding.label), self.file.span(&self.finding.location));
        let same_file = self
            .finding
            .related
            .iter()
            .filter(|r| r.location.path == self.finding.location.path)
            .map(|r| LabeledSpan::new_with_span(Some(r.label.clone()), self.file.span(&r.location)));
        Some(Box::new(std::iter::once(primary).chain(same_file)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(self.elsewhere.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// The file a snippet is drawn from. A file that cannot be read again (deleted since, or
/// binary) is shown as an empty one under its path, with every label at its start.
struct Shown {
    file: FileRef,
    readable: bool,
}

impl Shown {
    fn of(files: &Files, location: &Location) -> Shown {
        match files.get(&location.path) {
            Some(file) => Shown { file, readable: true },
            None => Shown { file: SourceFile::new(&*location.path, ""), readable: false },
        }
    }

    fn span(&self, location: &Location) -> Span {
        if self.readable { shown(location) } else { Span::new(0, 0) }
    }
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

fn non_empty(label: &str) -> Option<String> {
    (!label.is_empty()).then(|| label.to_string())
}

/// The other source, or the rule a finding rests on.
struct RelatedDiagnostic<'a> {
    location: &'a Location,
    label: &'a str,
    file: Shown,
}

impl fmt::Debug for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label)
    }
}

impl fmt::Display for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.location.line_col();
        write!(f, "{} ({}:{line}:{column})", self.label, self.location.path)
    }
}

impl std::error::Error for RelatedDiagnostic<'_> {}

impl Diagnostic for RelatedDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.file.file)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.to_string()),
            self.file.span(self.location),
        ))))
    }
}
