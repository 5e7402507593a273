use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::in_case_of;
use crate::checks::{Check, CorpusContext, SourceContext, declare_check, one_line};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Fix, Location, Related};
use crate::kb::{EntityId, FormKind};
use crate::source::Span;

declare_check! {
    /// ## What it flags
    /// A name written in a form the rules list as a known misspelling of an entity.
    ///
    /// ## Why
    /// A misspelled name is the most visible error a story can carry, and the easiest to
    /// prevent: the rules record the house spelling and the wrong forms seen in the wild.
    /// Because the wrong form is listed, not guessed, the fix is safe: `--fix` writes the
    /// accepted form closest to what was written ("Umarov" → "Umerov",
    /// "Rustam Umarov" → "Rustem Umerov"), in the same case.
    ///
    /// ## Example
    /// ```text
    /// Rustam Umarov, a senior Ukrainian official, said …
    /// ```
    /// is reported with the fix `Rustem Umerov`, the rule line that lists the misspelling, and,
    /// when another article of the run spells the name correctly, that place too.
    Misspelled, "name.misspelled", Error, "a known misspelling of a name is used"
}

/// Labels of the related place showing a correct spelling.
const SPELLED_SO: &str = "spelled so";

impl Check for Misspelled {
    fn info(&self) -> &'static crate::checks::CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let source = cx.source;
        let mentions = || {
            cx.claims.iter().filter_map(|claim| match &claim.kind {
                ClaimKind::Mention(m) => Some((claim, m.entity?, m.form)),
                _ => None,
            })
        };
        // The first correct spelling of each entity here, found once.
        let mut correct: FxHashMap<EntityId, Span> = FxHashMap::default();
        for (claim, id, form) in mentions() {
            if is_accepted(form) {
                correct.entry(id).or_insert(claim.span);
            }
        }
        // The file's hash, which a fix is checked against: made for the first fix only.
        let mut checked = None;
        for (claim, id, form) in mentions() {
            if form != Form::Known(FormKind::Misspelling) {
                continue;
            }
            let entity = &cx.kb.entities[id];
            // The name as read: decoded, without markup; the fix rewrites only its words that differ.
            let written = &source.text[claim.range.clone()];
            let replacement = in_case_of(written, entity.correction_for(written));
            let fix = crate::fix::edit(source, claim.range.clone(), &replacement).map(|(span, bytes)| {
                Fix::new(&source.file, span, bytes, *checked.get_or_insert_with(|| source.file.content_hash()))
            });
            let mut finding = Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&source.file, claim.span),
                format!("“{}” is a misspelling of {}", one_line(written), entity.name),
            )
            .label("misspelled")
            .help(format!("write “{replacement}” ({})", entity.origin))
            .about(id);
            if let Some(fix) = fix {
                finding = finding.fix(fix);
            }
            if let Some(&span) = correct.get(&id) {
                finding = finding.related(Location::new(&source.file, span), format!("{SPELLED_SO} here"));
            }
            let listed = entity.form_origin(written);
            out.push(finding.rule(
                listed,
                format!("listed as a misspelling of {}", entity.name),
                entity.source.as_ref(),
            ));
        }
    }

    /// An article that only ever misspells a name is shown the right spelling from another one:
    /// that is the comparison a desk wants.
    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut first_correct: HashMap<EntityId, (usize, Span)> = HashMap::new();
        for name in &cx.facts.names {
            if let (Some(entity), true) = (name.entity, is_accepted(name.form)) {
                let first = first_correct.entry(entity).or_insert(name.first);
                *first = (*first).min(name.first);
            }
        }
        for finding in out.iter_mut().filter(|f| f.code == Self::INFO.code) {
            let Some(&(other, span)) = finding.about.and_then(|e| first_correct.get(&e)) else { continue };
            if finding.related.iter().any(|r| r.label.starts_with(SPELLED_SO)) {
                continue;
            }
            let label = format!("{SPELLED_SO} in {}", cx.label(other));
            finding.related.insert(0, Related { location: cx.locate(other, span), label });
        }
    }
}

fn is_accepted(form: Form) -> bool {
    matches!(form, Form::Known(FormKind::Name | FormKind::Variant | FormKind::Surname))
}
