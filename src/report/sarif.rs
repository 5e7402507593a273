//! `--format sarif`: SARIF 2.1.0, one run. The rules table describes every check (from the
//! registry that drives `explain`); results carry physical locations with line/column regions,
//! related locations for the other source or the rule, and fixes as replacements.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::checks::CHECKS;
use crate::error::Error;
use crate::finding::{Finding, Location, Severity};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, reserved characters escaped.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn region(location: &Location) -> Value {
    json!({
        "startLine": location.start.line,
        "startColumn": location.start.column,
        "endLine": location.end.line,
        "endColumn": location.end.column,
        "byteOffset": location.span.start,
        "byteLength": location.span.len(),
        "snippet": { "text": location.text() },
    })
}

fn physical(location: &Location) -> Value {
    json!({ "artifactLocation": { "uri": uri(&location.path) }, "region": region(location) })
}

fn rules() -> Vec<Value> {
    CHECKS
        .iter()
        .map(|check| {
            let info = check.info();
            let doc = info.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
            json!({
                "id": info.code,
                "name": info.code.replace(['.', '-'], "_"),
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": doc },
                "help": { "text": format!("factlint explain {}", info.code), "markdown": doc },
                "defaultConfiguration": { "level": level(info.default_severity) },
            })
        })
        .collect()
}

fn result(finding: &Finding) -> Value {
    let rule_index = CHECKS.iter().position(|c| c.info().code == finding.code);
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    if !finding.evidence.is_empty() {
        message.push_str(&format!("\nevidence: {}", finding.evidence.join(", ")));
    }
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(id, r)| json!({ "id": id, "physicalLocation": physical(&r.location), "message": { "text": r.label } }))
        .collect();
    let mut value = json!({
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": message },
        "locations": [ { "physicalLocation": physical(&finding.location) } ],
        "relatedLocations": related,
        "partialFingerprints": { "factlint/v1": fingerprint(finding) },
    });
    // Fixes replace the finding's own text: its region is the one deleted.
    if let Some(fix) = finding.fix.as_ref().filter(|f| f.span == finding.location.span) {
        let deleted = &finding.location;
        value["fixes"] = json!([{
            "description": { "text": format!("write “{}”", fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(finding.path()) },
                "replacements": [{ "deletedRegion": region(deleted), "insertedContent": { "text": fix.replacement } }],
            }],
        }]);
    }
    value
}

/// Stable across runs and line shifts: code, path and the flagged text.
fn fingerprint(finding: &Finding) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (finding.code, finding.path(), finding.location.text()).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

pub fn write(out: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    write_with_errors(out, findings, &[])
}

/// What could not be read, as the invocation's tool notifications (the run did not succeed).
fn notification(err: &Error) -> Value {
    let mut value = json!({ "level": "error", "message": { "text": err.to_string() } });
    if let Error::Read { path, .. } = err {
        value["locations"] = json!([{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }]);
    }
    value
}

/// The log, with the run's invocation: successful unless some path could not be read.
pub fn write_with_errors(out: &mut impl Write, findings: &[Finding], errors: &[Error]) -> io::Result<()> {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/factlint/factlint",
                "rules": rules(),
            } },
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": errors.iter().map(notification).collect::<Vec<_>>(),
            }],
            "columnKind": "unicodeCodePoints",
            "results": findings.iter().map(result).collect::<Vec<_>>(),
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
