use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use super::{is_distinct, surname};
use crate::checks::{Check, CheckInfo, SourceContext, declare_check, one_line};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Location};
use crate::kb::{EntityId, KnowledgeBase};
use crate::similar::SimilarNames;
use crate::source::Span;
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

    fn prepare(&self, kb: &KnowledgeBase) {
        kb.person_names();
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let people = cx.kb.person_names();
        if people.owners.is_empty() {
            return;
        }
        let (index, owners) = (&people.surnames, &people.owners);
        let (source, claims) = (cx.source, cx.claims);
        // Each unknown spelling as written, in order of first use, with its first place and how
        // often it is used; then those that fold alike merged, folding each spelling once.
        let mut by_written: FxHashMap<&str, usize> = FxHashMap::default();
        let mut written_forms: Vec<(&str, Span, usize)> = Vec::new();
        for claim in claims {
            let ClaimKind::Mention(m) = &claim.kind else { continue };
            if m.form != Form::Unknown {
                continue;
            }
            // As read: decoded, without markup.
            let written = &source.text[claim.range.clone()];
            match by_written.get(written) {
                Some(&at) => written_forms[at].2 += 1,
                None => {
                    by_written.insert(written, written_forms.len());
                    written_forms.push((written, claim.span, 1));
                }
            }
        }
        let mut by_folded: FxHashMap<String, usize> = FxHashMap::default();
        let mut spellings: Vec<(&str, Span, usize)> = Vec::new();
        for (written, span, times) in written_forms {
            match by_folded.entry(fold(written)) {
                Entry::Occupied(at) => spellings[*at.get()].2 += times,
                Entry::Vacant(slot) => {
                    slot.insert(spellings.len());
                    spellings.push((written, span, times));
                }
            }
        }
        for (written, span, times) in spellings {
            if is_distinct(cx.kb, written) {
                continue;
            }
            let Some((entity, form, score)) = best_match(written, index, owners, cx.settings.similarity) else {
                continue;
            };
            let entity = &cx.kb.entities[entity];
            let mut finding = Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, span),
                format!("“{}” is not a listed spelling; did you mean {} (“{form}”)?", one_line(written), entity.name),
            )
            .label(format!("{:.0}% alike to “{form}”", score * 100.0))
            .help(format!(
                "if this is {}, write “{form}”; if it is someone else, add them to the rules as an entity or to \
                 `[names] distinct`",
                entity.name
            ))
            .rule(&entity.origin, format!("{} in the rules", entity.name), entity.source.as_ref());
            if times > 1 {
                finding.message.push_str(&format!(" ({times} times in this article)"));
            }
            out.push(finding);
        }
    }
}

/// The most similar person entity, if similar enough and not simply the same surname.
fn best_match<'a>(
    written: &str,
    index: &SimilarNames,
    owners: &'a [(EntityId, String)],
    similarity: f64,
) -> Option<(EntityId, &'a str, f64)> {
    let last = surname(written);
    if last.chars().count() < MIN_SURNAME_CHARS {
        return None;
    }
    // Whether a name has a given name (two or more words); the given name itself is not needed.
    let full = |name: &str| name.split_whitespace().nth(1).is_some();
    let given = full(written);
    let mut best: Option<(EntityId, &str, f64)> = None;
    for id in index.candidates(&last) {
        let (entity, form) = &owners[id];
        let form_last = index.name(id);
        if form_last == last {
            continue; // the same surname with another given name is another person
        }
        let surname_score = strsim::jaro_winkler(&last, form_last);
        let score = match (given, full(form)) {
            (true, true) if surname_score >= 0.85 => strsim::jaro_winkler(&fold(written), &fold(form)),
            // A full name is judged with its given name, against full forms only: "Ewa Kowalcik"
            // is not a near miss of Marianna Kowalczyk's bare surname.
            (true, _) => continue,
            _ => surname_score,
        };
        // On a tie, show the form as short as what was written ("Kowalczyk" for "Kowalcyk").
        let words = |f: &str| f.split_whitespace().count();
        let better = |(_, f, b): (EntityId, &str, f64)| score > b || (score == b && words(form) < words(f));
        if score >= similarity && best.is_none_or(better) {
            best = Some((*entity, form.as_str(), score));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_known_names() {
        let people = [(0, "Marianna Kowalczyk"), (0, "Kowalczyk"), (1, "Henrik Lindqvist"), (1, "Lindqvist")];
        let owners: Vec<(EntityId, String)> = people.iter().map(|&(e, form)| (e, form.to_string())).collect();
        let index = SimilarNames::new(owners.iter().map(|(_, form)| surname(form)));
        // Written → (entity, form shown), or nothing.
        let table: [(&str, Option<(EntityId, &str)>); 9] = [
            ("Kowalcyk", Some((0, "Kowalczyk"))),
            ("Kowalcyk's", Some((0, "Kowalczyk"))),
            ("Marianna Kowalcyk", Some((0, "Marianna Kowalczyk"))),
            ("Henrik Lindkwist", Some((1, "Henrik Lindqvist"))),
            // The same surname with another given name is another person.
            ("Tomasz Kowalczyk", None),
            // A near surname with another given name is not judged by the surname alone.
            ("Ewa Kowalcik", None),
            ("Kowalczyk", None),
            ("Kowalski", None),
            ("Lind", None),
        ];
        for (written, expected) in table {
            let got = best_match(written, &index, &owners, 0.92).map(|(e, f, _)| (e, f));
            assert_eq!(got, expected, "{written}");
        }
    }
}
