//! `factlint claims`: what was read, as JSON lines (SPEC §7) or a table for people.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::claim::{Claim, ClaimKind, EventTie};
use crate::extract::count::Outcome;
use crate::input::Source;
use crate::kb::KnowledgeBase;

/// One claim as the JSON object SPEC §7 shows.
pub fn claim_json(source: &Source, claim: &Claim, kb: &KnowledgeBase) -> Value {
    let text = source.file.slice(claim.span);
    let mut object = json!({
        "path": source.file.path,
        "kind": kind_name(&claim.kind),
        "span": { "start": claim.span.start, "end": claim.span.end },
        "text": text,
    });
    let fields = object.as_object_mut().expect("an object");
    if let Some(id) = &source.meta.id {
        fields.insert("id".into(), json!(id));
    }
    let entity = |id: Option<usize>| id.map(|e| kb.entities[e].id.clone());
    let event = |tie: &Option<EventTie>| tie.as_ref().map(|t| kb.events[t.event()].id.clone());
    match &claim.kind {
        ClaimKind::Mention(m) => {
            fields.insert("entity".into(), json!(entity(m.entity)));
            fields.insert("form".into(), json!(m.form.as_str()));
        }
        ClaimKind::Title(t) => {
            fields.insert("entity".into(), json!(entity(t.entity)));
            fields.insert("title".into(), json!(&*t.title));
            fields.insert("qualifier".into(), json!(t.qualifier.map(|q| q.as_str())));
        }
        ClaimKind::Date(d) => {
            fields.insert("start".into(), json!(d.interval.start.to_string()));
            fields.insert("end".into(), json!(d.interval.end.to_string()));
            if let Some(other) = d.alternative {
                fields.insert(
                    "alternative".into(),
                    json!({ "start": other.start.to_string(), "end": other.end.to_string() }),
                );
            }
            if let Some(weekday) = d.weekday {
                fields.insert("weekday".into(), json!(weekday.to_string()));
            }
            fields.insert("event".into(), json!(event(&d.event)));
        }
        ClaimKind::Count(c) => {
            let i = c.interval;
            fields.insert("low".into(), json!(i.low));
            fields.insert("high".into(), json!(i.high));
            fields.insert("low_open".into(), json!(i.low_open));
            fields.insert("high_open".into(), json!(i.high_open));
            fields.insert("unit".into(), json!(c.unit));
            if let Some(outcome) = c.outcome {
                fields.insert("outcome".into(), json!(outcome));
            }
            fields.insert("event".into(), json!(event(&c.event)));
        }
    }
    object
}

pub fn kind_name(kind: &ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Mention(_) => "mention",
        ClaimKind::Title(_) => "title",
        ClaimKind::Date(_) => "date",
        ClaimKind::Count(_) => "count",
    }
}

pub fn write_jsonl(
    out: &mut impl Write,
    sources: &[Source],
    claims: &[Vec<Claim>],
    kb: &KnowledgeBase,
) -> io::Result<()> {
    for (source, claims) in sources.iter().zip(claims) {
        for claim in claims {
            serde_json::to_writer(&mut *out, &claim_json(source, claim, kb))?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// A table: place, kind, text as written, and what it was read as.
pub fn write_table(
    out: &mut impl Write,
    sources: &[Source],
    claims: &[Vec<Claim>],
    kb: &KnowledgeBase,
) -> io::Result<()> {
    for (source, claims) in sources.iter().zip(claims) {
        if claims.is_empty() {
            continue;
        }
        let date = source.meta.published.map_or("undated".to_string(), |d| d.to_string());
        writeln!(out, "{} ({date})", source.label())?;
        for claim in claims {
            let (line, column) = source.file.line_col(claim.span.start);
            let text: String = source.file.slice(claim.span).split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(
                out,
                "  {:>4}:{:<3} {:<7} {:<40} {}",
                line,
                column,
                kind_name(&claim.kind),
                text,
                reading(claim, kb)
            )?;
        }
    }
    Ok(())
}

fn reading(claim: &Claim, kb: &KnowledgeBase) -> String {
    let event =
        |tie: &Option<EventTie>| tie.as_ref().map_or(String::new(), |t| format!("  → {}", kb.events[t.event()].id));
    match &claim.kind {
        ClaimKind::Mention(m) => match m.entity {
            Some(e) => format!("{} ({})", kb.entities[e].id, m.form.as_str()),
            None if m.person_like => "unknown (person-like)".into(),
            None => "unknown".into(),
        },
        ClaimKind::Title(t) => {
            let who = t.entity.map_or("?".to_string(), |e| kb.entities[e].id.clone());
            let qualifier = t.qualifier.map_or(String::new(), |q| format!(" [{}]", q.as_str()));
            format!("{who}: {}{qualifier}", t.title)
        }
        ClaimKind::Date(d) => format!("{}{}", d.interval, event(&d.event)),
        ClaimKind::Count(c) => {
            let unit = c.unit.as_ref().map_or(String::new(), |u| format!(" {u}"));
            let outcome = match c.outcome {
                Some(Outcome::Killed) => " [killed]",
                Some(Outcome::Injured) => " [injured]",
                None => "",
            };
            format!("{}{unit}{outcome}{}", c.interval, event(&c.event))
        }
    }
}
