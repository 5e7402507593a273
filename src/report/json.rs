//! `--format json`: one object, schema version 1 (SPEC §7). Keys are always present; absent
//! values are null, so consumers need no guessing.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Summary;
use crate::finding::{Finding, Location};
use crate::input::Source;

fn place(location: &Location) -> serde_json::Map<String, Value> {
    let (line, column) = location.line_col();
    let value = json!({
        "path": location.file.path,
        "line": line,
        "column": column,
        "span": { "start": location.span.start, "end": location.span.end },
        "text": location.text(),
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("an object"),
    }
}

pub fn finding_json(finding: &Finding) -> Value {
    let mut object = serde_json::Map::new();
    object.insert("code".into(), json!(finding.code));
    object.insert("severity".into(), json!(finding.severity));
    object.insert("message".into(), json!(finding.message));
    object.extend(place(&finding.location));
    object.insert("help".into(), json!(finding.help));
    object.insert("evidence".into(), json!(finding.evidence));
    let related: Vec<Value> = finding
        .related
        .iter()
        .map(|r| {
            let mut item = place(&r.location);
            item.insert("label".into(), json!(r.label));
            Value::Object(item)
        })
        .collect();
    object.insert("related".into(), Value::Array(related));
    object.insert(
        "fix".into(),
        finding.fix.as_ref().map_or(
            Value::Null,
            |fix| json!({ "span": { "start": fix.span.start, "end": fix.span.end }, "replacement": fix.replacement }),
        ),
    );
    Value::Object(object)
}

pub fn write(out: &mut impl Write, findings: &[Finding], sources: &[Source], summary: Summary) -> io::Result<()> {
    let sources: Vec<Value> = sources
        .iter()
        .map(|s| json!({ "path": s.label(), "published": s.meta.published.map(|d| d.to_string()), "date_from": s.meta.date_from }))
        .collect();
    let report = json!({
        "version": 1,
        "findings": findings.iter().map(finding_json).collect::<Vec<_>>(),
        "sources": sources,
        "summary": { "files": summary.files, "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos },
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
