//! Code actions: the safe fix of a finding, and "ignore this code here" — the SPEC §6
//! suppression directive written before the finding's paragraph.

use std::collections::HashMap;
use std::path::Path;

use factlint::finding::Finding;
use factlint::input::{Format, Source};
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit};

use super::Server;
use super::position::LineIndex;

impl Server<'_> {
    pub(super) fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some((doc, _, checked, source)) = self.checked_source(&params.text_document.uri) else {
            return Vec::new();
        };
        let source = &checked.corpus.sources[source];
        let index = LineIndex::new(&doc.text, self.encoding);
        let (start, end) = (index.offset(params.range.start), index.offset(params.range.end));
        let format = Format::of(Path::new(&doc.path));
        let mut actions = Vec::new();
        let mut ignores = Vec::new();
        for finding in checked.findings.iter().filter(|f| f.path() == doc.path) {
            let span = finding.location.span;
            // Touching the cursor counts: an empty range asks about the place it is at.
            if span.end < start || span.start > end {
                continue;
            }
            let diagnostic = self.diagnostic(finding, &index);
            if let Some(fix) = &finding.fix {
                let edit =
                    TextEdit { range: index.range(fix.span.start, fix.span.end), new_text: fix.replacement.clone() };
                actions.push(action(format!("Write “{}”", fix.replacement), &doc.uri, edit, diagnostic.clone(), true));
            }
            let Some((at, directive)) = ignore_directive(finding, source, format, &doc.text, &index) else {
                continue;
            };
            if ignores.contains(&(finding.code, at)) {
                continue;
            }
            ignores.push((finding.code, at));
            let position = index.position(at);
            let edit = TextEdit { range: lsp_types::Range::new(position, position), new_text: directive };
            actions.push(action(
                format!("Ignore {} in this paragraph", finding.code),
                &doc.uri,
                edit,
                diagnostic,
                false,
            ));
        }
        actions
    }
}

fn action(
    title: String,
    uri: &Uri,
    edit: TextEdit,
    diagnostic: lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// Where the suppression of `finding` goes — before its paragraph — and what to write there.
/// A corpus line (`.jsonl`) has no place for one.
fn ignore_directive(
    finding: &Finding,
    source: &Source,
    format: Format,
    text: &str,
    index: &LineIndex,
) -> Option<(usize, String)> {
    let at = finding.location.span.start;
    let paragraph =
        source.paragraphs.iter().map(|p| source.span(p.clone())).find(|p| p.start <= at && at < p.end.max(p.start + 1));
    let start = paragraph.map_or(at, |p| p.start);
    let code = finding.code;
    match format {
        Format::Markdown => Some((index.line_start(start), format!("<!-- factlint-ignore {code} -->\n"))),
        // Markup may run on one line: the comment goes right before the paragraph's text.
        Format::Html => Some((start, format!("<!-- factlint-ignore {code} -->"))),
        Format::Text => {
            let line = index.line_start(start);
            // A directive of its own line, kept apart from a line that has no end.
            let newline = if text[line..].is_empty() { "" } else { "\n" };
            Some((line, format!("factlint-ignore: {code}{newline}")))
        }
        Format::Jsonl => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::position::Encoding;
    use factlint::engine::{Article, Engine};

    /// The directive each format reads, inserted where the action puts it, silences the
    /// finding and no other.
    #[test]
    fn the_inserted_directive_suppresses_the_finding() {
        let engine = Engine::load(Path::new("/"), None, &[]).unwrap();
        let prose = "Rustam Umarov spoke on Monday.";
        let cases = [
            ("a.md", format!("---\ndate: 2026-01-18\n---\n\nFirst.\n\n{prose}\nA second line.\n")),
            ("a.txt", format!("First.\n\n{prose}\nA second line.\n")),
            ("a.html", format!("<html><body><p>First.</p><p>{prose}</p></body></html>")),
        ];
        for (path, text) in cases {
            let article = |text: &str| Article {
                path: path.into(),
                text: text.into(),
                format: None,
                published: None,
                outlet: None,
                url: None,
            };
            let checked = engine.check(&[article(&text)]);
            let finding = checked.findings.iter().find(|f| f.code == "name.misspelled").expect(path);
            let index = LineIndex::new(&text, Encoding::Utf16);
            let format = Format::of(Path::new(path));
            let (at, directive) = ignore_directive(finding, &checked.corpus.sources[0], format, &text, &index).unwrap();
            let mut edited = text.clone();
            edited.insert_str(at, &directive);
            let after = engine.check(&[article(&edited)]);
            assert!(!after.findings.iter().any(|f| f.code == "name.misspelled"), "{path}: {edited}");
        }
    }
}
