//! Hover: what factlint read at a place — the entity a name is, its roles at the article's
//! date, the days a date may be, the event a date or count is tied to.

use std::fmt::Write;

use chrono::NaiveDate;
use factlint::claim::{ClaimKind, EventTie, Form};
use factlint::interval::DateInterval;
use factlint::kb::{EntityId, FormKind, Held, KnowledgeBase};
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::Server;
use super::position::LineIndex;

impl Server<'_> {
    pub(super) fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let (doc, engine, checked, source) = self.checked_source(&at.text_document.uri)?;
        let index = LineIndex::new(&doc.text, self.encoding);
        let offset = index.offset(at.position);
        // The narrowest claim there: a name inside a title is the name.
        let claim = checked.claims[source]
            .iter()
            .filter(|c| c.span.start <= offset && offset < c.span.end.max(c.span.start + 1))
            .min_by_key(|c| c.span.len())?;
        let published = checked.corpus.sources[source].meta.published;
        let text = describe(&claim.kind, &engine.kb, published);
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
            range: Some(index.range(claim.span.start, claim.span.end)),
        })
    }
}

fn describe(kind: &ClaimKind, kb: &KnowledgeBase, published: Option<NaiveDate>) -> String {
    let mut out = String::new();
    match kind {
        ClaimKind::Mention(mention) => match mention.entity {
            Some(entity) => {
                let form = match mention.form {
                    Form::Known(FormKind::Name) => "its name",
                    Form::Known(FormKind::Variant | FormKind::Surname) => "an accepted variant",
                    Form::Known(FormKind::Misspelling) => "a known misspelling",
                    Form::Ambiguous => "a form several entities share",
                    Form::Distinct | Form::Unknown => "an unlisted form",
                };
                let _ = writeln!(out, "**{}** — written as {form}", kb.entities[entity].name);
                roles(&mut out, kb, entity, published);
            }
            None if mention.person_like => out.push_str("A name the rules do not list (read as a person's name)"),
            None => out.push_str("A name the rules do not list"),
        },
        ClaimKind::Title(title) => {
            let qualifier = title.qualifier.map_or(String::new(), |q| format!(" ({})", q.as_str()));
            let _ = write!(out, "**Title** “{}”{qualifier}", title.title);
            match title.entity {
                Some(entity) => {
                    let _ = writeln!(out, " given to {}", kb.entities[entity].name);
                    roles(&mut out, kb, entity, published);
                }
                None => out.push_str(" given to a person the rules do not list"),
            }
        }
        ClaimKind::Date(date) => {
            let _ = write!(out, "**Date** {}", days(&date.interval));
            if let Some(other) = &date.alternative {
                let _ = write!(out, " (or {})", days(other));
            }
            if let Some(weekday) = date.weekday {
                let _ = write!(out, ", written with {weekday}");
            }
            event(&mut out, kb, &date.event);
        }
        ClaimKind::Count(count) => {
            let unit = count.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
            let _ = write!(out, "**Count** {}{unit}", count.interval);
            if !count.including.is_empty() {
                let _ = write!(out, ", including {}", count.including.join(", "));
            }
            event(&mut out, kb, &count.event);
        }
    }
    out
}

fn days(interval: &DateInterval) -> String {
    if interval.is_day() { format!("{interval}") } else { format!("{interval} (any day of it)") }
}

/// The entity's roles, and whether each was held at the article's date.
fn roles(out: &mut String, kb: &KnowledgeBase, entity: EntityId, published: Option<NaiveDate>) {
    let entity = &kb.entities[entity];
    if entity.roles.is_empty() {
        return;
    }
    match published {
        Some(day) => {
            let _ = writeln!(out, "\nRoles on {day}, the article's date:");
        }
        None => out.push_str("\nRoles (the article has no date):\n"),
    }
    for role in &entity.roles {
        let held = published.map(|day| match role.period.held_during(&DateInterval::day(day)) {
            Held::Yes => " — held",
            Held::No => " — not held",
            Held::Unknown => " — uncertain",
        });
        let _ = writeln!(out, "- {}: {}{} ({})", role.title, role.period, held.unwrap_or(""), role.origin);
    }
}

fn event(out: &mut String, kb: &KnowledgeBase, tie: &Option<EventTie>) {
    if let Some(tie) = tie {
        let event = &kb.events[tie.event()];
        let _ = write!(out, "\n\nAbout **{}**, which the rules date {} ({})", event.name, event.when, event.origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint::claim::Mention;

    #[test]
    fn a_misspelled_name_shows_its_entity_and_roles_at_the_date() {
        let kb = KnowledgeBase::bundled().unwrap();
        let entity = kb.entity_by_id("rustem-umerov").unwrap();
        let mention = ClaimKind::Mention(Mention {
            entity: Some(entity),
            form: Form::Known(FormKind::Misspelling),
            person_like: true,
        });
        let text = describe(&mention, &kb, NaiveDate::from_ymd_opt(2026, 1, 18));
        assert!(text.starts_with("**Rustem Umerov** — written as a known misspelling"), "{text}");
        assert!(text.contains("Roles on 2026-01-18"), "{text}");
        assert!(
            text.contains("Minister of Defence of Ukraine: from 2023-09-06, ended 2025-07-17 — not held"),
            "{text}"
        );
    }
}
