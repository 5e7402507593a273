//! `--format rdjson`: reviewdog's Diagnostic JSON (`rdjson`), for `reviewdog -f=rdjson`.
//! Positions are 1-based lines and, as rdjson specifies, 1-based UTF-8 byte columns.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::finding::{Finding, Location, Severity};

fn position(location: &Location, offset: usize) -> Value {
    let line = location.file.line_span(offset);
    let (number, _) = location.file.line_col(offset);
    json!({ "line": number, "column": offset - line.start + 1 })
}

fn range(location: &Location) -> Value {
    json!({ "start": position(location, location.span.start), "end": position(location, location.span.end) })
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn diagnostic(finding: &Finding) -> Value {
    let mut value = json!({
        "message": finding.message,
        "location": { "path": finding.path(), "range": range(&finding.location) },
        "severity": severity(finding.severity),
        "code": { "value": finding.code },
        "relatedLocations": finding.related.iter().map(|r| json!({
            "message": r.label,
            "location": { "path": r.location.file.path, "range": range(&r.location) },
        })).collect::<Vec<_>>(),
    });
    if let Some(fix) = &finding.fix {
        let place = Location::new(&finding.location.file, fix.span);
        value["suggestions"] = json!([{ "range": range(&place), "text": fix.replacement }]);
    }
    value
}

pub fn write(out: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    let report = json!({
        "source": { "name": "factlint", "url": "https://github.com/factlint/factlint" },
        "diagnostics": findings.iter().map(diagnostic).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
