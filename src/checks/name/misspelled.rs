use std::collections::HashMap;

use super::in_case_of;
use crate::checks::{Check, CorpusContext, declare_check, one_line};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Fix, Location};
use crate::kb::FormKind;

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

impl Check for Misspelled {
    fn info(&self) -> &'static crate::checks::CheckInfo {
        &Self::INFO
    }

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        // Where each entity is first spelled correctly, to show beside the misspelling.
        let mut correct: HashMap<usize, (usize, Location)> = HashMap::new();
        for (index, (source, claims)) in cx.sources.iter().zip(cx.claims).enumerate() {
            for claim in claims {
                if let ClaimKind::Mention(m) = &claim.kind {
                    if let (Some(entity), Form::Known(FormKind::Name | FormKind::Variant | FormKind::Surname)) =
                        (m.entity, m.form)
                    {
                        correct.entry(entity).or_insert((index, Location::new(&source.file, claim.span)));
                    }
                }
            }
        }
        for (index, (source, claims)) in cx.sources.iter().zip(cx.claims).enumerate() {
            for claim in claims {
                let ClaimKind::Mention(m) = &claim.kind else { continue };
                let (Some(id), Form::Known(FormKind::Misspelling)) = (m.entity, m.form) else { continue };
                let entity = &cx.kb.entities[id];
                let written = source.file.slice(claim.span);
                let replacement = in_case_of(written, entity.correction_for(written));
                let mut finding = Finding::new(
                    Self::INFO.code,
                    Self::INFO.default_severity,
                    Location::new(&source.file, claim.span),
                    format!("“{}” is a misspelling of {}", one_line(written), entity.name),
                )
                .label("misspelled")
                .help(format!("write “{replacement}” ({})", entity.origin))
                .fix(Fix { span: claim.span, replacement: replacement.clone() });
                // Prefer a correct spelling in another article: that is the comparison a desk wants.
                if let Some((other, location)) = correct.get(&id) {
                    let label = if *other == index {
                        "spelled so here".to_string()
                    } else {
                        format!("spelled so in {}", cx.sources[*other].label())
                    };
                    finding = finding.related(location.clone(), label);
                }
                let listed = entity.form_origin(written);
                finding =
                    finding.rule(listed, format!("listed as a misspelling of {}", entity.name), entity.source.as_ref());
                out.push(finding);
            }
        }
    }
}
