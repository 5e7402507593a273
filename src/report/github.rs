//! `--format github`: GitHub Actions workflow commands, one per finding, which the Actions
//! runner turns into annotations on the pull request.

use std::io::{self, Write};

use crate::finding::{Finding, Severity};

/// Escapes a message (data) for a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: also ':' and ','.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    for finding in findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (line, column) = finding.location.line_col();
        let (end_line, end_column) = (finding.location.end.line, finding.location.end.column);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        writeln!(
            out,
            "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
            property(finding.path()),
            property(&format!("factlint {}", finding.code)),
            data(&message)
        )?;
    }
    Ok(())
}
