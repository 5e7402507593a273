//! `--format short`: `path:line:col: severity[code] message`, one line per finding.

use std::io::{self, Write};

use crate::finding::Finding;

pub fn write(out: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    for finding in findings {
        let (line, column) = finding.location.line_col();
        writeln!(
            out,
            "{}:{line}:{column}: {}[{}] {}",
            finding.path(),
            finding.severity,
            finding.code,
            finding.message
        )?;
    }
    Ok(())
}
