//! `--format json`: one object, schema version 1 (SPEC §7). Keys are always present; absent
//! values are null, so consumers need no guessing.
//!
//! `errors` (added within version 1: older consumers ignore it) lists what could not be read or
//! written, the failures that make the exit code 2.
//!
//! The document is serialised straight from the findings, a finding at a time: a large run
//! never holds it as JSON values, and the layout is that of `serde_json`'s pretty printer.

use std::io::{self, Write};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};

use super::Summary;
use crate::error::Error;
use crate::facts::SourceSummary;
use crate::finding::{Finding, Location, Related, Severity};
use crate::input::DateOrigin;

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Report")]
struct Document<'a> {
    version: u32,
    findings: Each<'a, Finding, FindingJson<'a>>,
    sources: Each<'a, SourceSummary, SourceJson<'a>>,
    summary: SummaryJson,
    errors: Each<'a, Error, ErrorJson<'a>>,
}

/// The report's JSON Schema (draft 2020-12), from the types it is written from: committed as
/// docs/report.schema.json, which a test keeps current.
pub fn schema() -> Schema {
    let mut schema = schemars::schema_for!(Document<'static>);
    schema.insert("title".into(), "factlint report, version 1".into());
    schema
}

/// A slice serialised as an array of its items' JSON forms, made one at a time.
struct Each<'a, T, J> {
    items: &'a [T],
    json: fn(&'a T) -> J,
}

impl<T, J: JsonSchema> JsonSchema for Each<'_, T, J> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Array_of_{}", J::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({ "type": "array", "items": generator.subschema_for::<J>() })
    }
}

impl<'a, T, J: Serialize> Serialize for Each<'a, T, J> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(self.json))
    }
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Span")]
struct SpanJson {
    start: usize,
    end: usize,
}

/// A finding.
// The place's fields are written out here and in `RelatedJson`, not flattened: serde's
// flattening goes through a slower map of its own.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Finding")]
struct FindingJson<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    span: SpanJson,
    text: &'a str,
    help: Option<&'a str>,
    evidence: &'a [String],
    related: Vec<RelatedJson<'a>>,
    fix: Option<FixJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Related")]
struct RelatedJson<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    span: SpanJson,
    text: &'a str,
    label: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Fix")]
struct FixJson<'a> {
    span: SpanJson,
    replacement: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Source")]
struct SourceJson<'a> {
    path: &'a str,
    published: Option<String>,
    date_from: Option<DateOrigin>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Error")]
struct ErrorJson<'a> {
    path: Option<&'a str>,
    message: String,
}

fn error(error: &Error) -> ErrorJson<'_> {
    ErrorJson { path: error.path(), message: error.to_string() }
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Summary")]
struct SummaryJson {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn related(related: &Related) -> RelatedJson<'_> {
    let place = &related.location;
    let (line, column) = place.line_col();
    RelatedJson { path: &place.path, line, column, span: span(place), text: place.text(), label: &related.label }
}

fn span(location: &Location) -> SpanJson {
    SpanJson { start: location.span.start, end: location.span.end }
}

fn finding(finding: &Finding) -> FindingJson<'_> {
    let place = &finding.location;
    let (line, column) = place.line_col();
    FindingJson {
        code: finding.code,
        severity: finding.severity,
        message: &finding.message,
        path: &place.path,
        line,
        column,
        span: span(place),
        text: place.text(),
        help: finding.help.as_deref(),
        evidence: &finding.evidence,
        related: finding.related.iter().map(related).collect(),
        fix: finding.fix.as_ref().map(|fix| FixJson {
            span: SpanJson { start: fix.span.start, end: fix.span.end },
            replacement: &fix.replacement,
        }),
    }
}

fn source(source: &SourceSummary) -> SourceJson<'_> {
    SourceJson { path: &source.label, published: source.published.map(|d| d.to_string()), date_from: source.date_from }
}

pub fn write(
    out: &mut impl Write,
    findings: &[Finding],
    sources: &[SourceSummary],
    summary: Summary,
    errors: &[Error],
) -> io::Result<()> {
    let document = Document {
        version: 1,
        findings: Each { items: findings, json: finding },
        sources: Each { items: sources, json: source },
        summary: SummaryJson {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
        },
        errors: Each { items: errors, json: error },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
