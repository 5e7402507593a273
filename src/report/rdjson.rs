//! `--format rdjson`: reviewdog's Diagnostic JSON (`rdjson`), for `reviewdog -f=rdjson`.
//! Positions are 1-based lines and, as rdjson specifies, 1-based UTF-8 byte columns.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::finding::{Finding, Location, Severity};
use crate::source::Position;

fn position(at: Position) -> Value {
    json!({ "line": at.line, "column": at.byte_column })
}

fn range(location: &Location) -> Value {
    json!({ "start": position(location.start), "end": position(location.end) })
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
            "location": { "path": &*r.location.path, "range": range(&r.location) },
        })).collect::<Vec<_>>(),
    });
    if let Some(fix) = &finding.fix {
        let range = json!({ "start": position(fix.start), "end": position(fix.end) });
        value["suggestions"] = json!([{ "range": range, "text": fix.replacement }]);
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
