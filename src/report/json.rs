//! `--format json`: one object, schema version 1 (SPEC §7). Keys are always present; absent
//! values are null, so consumers need no guessing.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Summary;
use crate::facts::SourceSummary;
use crate::finding::{Finding, Location};

fn place(location: &Location) -> serde_json::Map<String, Value> {
    let (line, column) = location.line_col();
    let value = json!({
        "path": &*location.path,
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

/// Writes the report a finding at a time, so a large run never holds it all as JSON values;
/// the layout is that of `serde_json`'s pretty printer over the whole document.
pub fn write(
    out: &mut impl Write,
    findings: &[Finding],
    sources: &[SourceSummary],
    summary: Summary,
) -> io::Result<()> {
    writeln!(out, "{{\n  \"version\": 1,")?;
    write_array(out, "findings", findings.iter().map(finding_json))?;
    let sources = sources
        .iter()
        .map(|s| json!({ "path": s.label, "published": s.published.map(|d| d.to_string()), "date_from": s.date_from }));
    write_array(out, "sources", sources)?;
    let summary = json!({ "files": summary.files, "errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos });
    writeln!(out, "  \"summary\": {}\n}}", indented(&summary, "  ")?)
}

/// `"key": [ … ],` with each item pretty-printed at the depth of an array in the document.
fn write_array(out: &mut impl Write, key: &str, items: impl Iterator<Item = Value>) -> io::Result<()> {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return writeln!(out, "  \"{key}\": [],");
    }
    writeln!(out, "  \"{key}\": [")?;
    while let Some(item) = items.next() {
        let comma = if items.peek().is_some() { "," } else { "" };
        writeln!(out, "    {}{comma}", indented(&item, "    ")?)?;
    }
    writeln!(out, "  ],")
}

/// A value pretty-printed, its lines after the first indented by `indent`.
fn indented(value: &Value, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{indent}")))
}
