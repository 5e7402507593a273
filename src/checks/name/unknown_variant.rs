use std::collections::HashMap;

use super::similar::SimilarNames;
use super::{given_name, surname};
use crate::checks::{Check, CheckInfo, CorpusContext, declare_check};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Location};
use crate::kb::{EntityId, EntityKind};
use crate::text::fold;

declare_check! {
    /// ## What it flags
    /// A name that matches no entity of the rules but is a near miss of one: the surname (or
    /// the whole name, when both have a given name) is at least `similarity` alike by
    /// Jaro-Winkler (default 0.92) without being equal.
    ///
    /// ## Why
    /// The rules cannot list every way a name gets mangled. A close but unlisted spelling is
    /// most often a typo; sometimes it is a different person. So this is a warning, never a
    /// fix: if the name is someone else, add them as an entity, or to `[names] distinct`.
    ///
    /// ## Example
    /// ```text
    /// President Volodymyr Zelenski met …
    /// ```
    /// "Zelenski" is not listed; it is 0.96 alike to "Zelenskyy".
    UnknownVariant, "name.unknown-variant", Warning, "an unlisted name is a near miss of a known one"
}

/// Surnames this short are too often different names ("Rice", "Rica").
const MIN_SURNAME_CHARS: usize = 4;

impl Check for UnknownVariant {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut index = SimilarNames::default();
        let mut owners: Vec<(EntityId, String)> = Vec::new();
        for (id, entity) in cx.kb.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            for form in entity.accepted_forms() {
                index.insert(&surname(form));
                owners.push((id, form.to_string()));
            }
        }
        if owners.is_empty() {
            return;
        }
        for (source, claims) in cx.sources.iter().zip(cx.claims) {
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut found: Vec<(String, Finding)> = Vec::new();
            for claim in claims {
                let ClaimKind::Mention(m) = &claim.kind else { continue };
                if m.form != Form::Unknown {
                    continue;
                }
                let written = source.file.slice(claim.span);
                let key = fold(written);
                if let Some(count) = seen.get_mut(&key) {
                    *count += 1;
                    continue;
                }
                seen.insert(key.clone(), 1);
                if cx.kb.distinct.contains(&key) {
                    continue;
                }
                let Some((entity, form, score)) = best_match(written, &index, &owners, cx) else { continue };
                let entity = &cx.kb.entities[entity];
                let finding = Finding::new(
                    Self::INFO.code,
                    Self::INFO.default_severity,
                    Location::new(&source.file, claim.span),
                    format!("“{written}” is not a listed spelling; did you mean {} (“{form}”)?", entity.name),
                )
                .label(format!("{:.0}% alike to “{form}”", score * 100.0))
                .help("if this is someone else, add them to the rules as an entity or to `[names] distinct`")
                .rule(&entity.origin, format!("{} in the rules", entity.name), entity.source.as_ref());
                found.push((key, finding));
            }
            for (key, mut finding) in found {
                if let Some(&times) = seen.get(&key).filter(|&&n| n > 1) {
                    finding.message.push_str(&format!(" ({times} times in this article)"));
                }
                out.push(finding);
            }
        }
    }
}

/// The most similar person entity, if similar enough and not simply the same surname.
fn best_match<'a>(
    written: &str,
    index: &SimilarNames,
    owners: &'a [(EntityId, String)],
    cx: &CorpusContext,
) -> Option<(EntityId, &'a str, f64)> {
    let last = surname(written);
    if last.chars().count() < MIN_SURNAME_CHARS {
        return None;
    }
    let given = given_name(written);
    let mut best: Option<(EntityId, &str, f64)> = None;
    for id in index.candidates(&last) {
        let (entity, form) = &owners[id];
        let form_last = index.name(id);
        if form_last == last {
            continue; // the same surname with another given name is another person
        }
        let surname_score = strsim::jaro_winkler(&last, form_last);
        let score = match (&given, given_name(form)) {
            (Some(_), Some(_)) if surname_score >= 0.85 => strsim::jaro_winkler(&fold(written), &fold(form)),
            (Some(_), Some(_)) => continue,
            _ => surname_score,
        };
        if score >= cx.settings.similarity && best.is_none_or(|(_, _, b)| score > b) {
            best = Some((*entity, form.as_str(), score));
        }
    }
    best
}
