use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::in_case_of;
use crate::checks::{Check, CorpusContext, SourceContext, declare_check, one_line};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Fix, Location, Related, Severity};
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
    /// "Rustam Umarov" → "Rustem Umerov"), in the same case. A bare surname may also be
    /// someone else's own name: it is an error with a fix only where the article names the
    /// person in full, otherwise a warning without one.
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
        // The first correct spelling of each entity here, and the entities named here in full
        // (two words or more, spelled right or wrong), found once.
        let mut correct: FxHashMap<EntityId, Span> = FxHashMap::default();
        let mut named_in_full: FxHashSet<EntityId> = FxHashSet::default();
        for (claim, id, form) in mentions() {
            if is_accepted(form) {
                correct.entry(id).or_insert(claim.span);
            }
            if source.file.slice(claim.span).contains(char::is_whitespace) {
                named_in_full.insert(id);
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
            let location = Location::new(&source.file, claim.span);
            // A bare surname listed as a misspelling may be someone else's own name ("Umarov"):
            // it is that person's, with a fix, only where the article names them in full.
            let certain = written.contains(char::is_whitespace) || named_in_full.contains(&id);
            let fix = certain.then(|| crate::fix::edit(source, claim.range.clone(), &replacement)).flatten().map(
                |(span, bytes)| {
                    Fix::new(&source.file, span, bytes, *checked.get_or_insert_with(|| source.file.content_hash()))
                },
            );
            let mut finding = if certain {
                Finding::new(
                    Self::INFO.code,
                    Self::INFO.default_severity,
                    location,
                    format!("“{}” is a misspelling of {}", one_line(written), entity.name),
                )
                .label("misspelled")
                .help(format!("write “{replacement}” ({})", entity.origin))
            } else {
                Finding::new(
                    Self::INFO.code,
                    Severity::Warning,
                    location,
                    format!("“{}” may be a misspelling of {}", one_line(written), entity.name),
                )
                .label("misspelled, or someone else")
                .help(format!(
                    "if this is {}, write “{replacement}” ({}); the article does not name them in full",
                    entity.name, entity.origin
                ))
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckSettings;
    use crate::extract::{ExtractSettings, extract};
    use crate::input::{Format, Loaded, load};
    use crate::kb::KnowledgeBase;
    use crate::source::SourceFile;

    const RULES: &str = r#"
[[entity]]
id = "rustem-umerov"
name = "Rustem Umerov"
kind = "person"
misspellings = ["Rustam Umarov", "Umarov"]
"#;

    /// A finding as (severity, text, fix).
    type Seen = (Severity, String, Option<String>);

    fn findings(text: &str) -> Vec<Seen> {
        let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", RULES)]).unwrap();
        let Loaded::Articles(sources) = load("a.txt", text.as_bytes(), Format::Text, None) else { panic!("not read") };
        let claims = extract(&sources[0], &kb, &ExtractSettings::default());
        let settings = CheckSettings::default();
        let mut out = Vec::new();
        Misspelled.check_source(&SourceContext::new(&sources[0], &claims, &kb, &settings), &mut out);
        out.into_iter().map(|f| (f.severity, f.location.text().to_string(), f.fix.map(|fix| fix.replacement))).collect()
    }

    #[test]
    fn a_bare_misspelled_surname_is_fixed_only_where_the_person_is_named() {
        use Severity::{Error, Warning};
        let fixed = |text: &str, fix: &str| (Error, text.to_string(), Some(fix.to_string()));
        let table: Vec<(&str, Vec<Seen>)> = vec![
            // Named in full, spelled right or wrong: the surname is that person's.
            (
                "Rustam Umarov spoke first. Umarov then left.",
                vec![fixed("Rustam Umarov", "Rustem Umerov"), fixed("Umarov", "Umerov")],
            ),
            ("Rustem Umerov spoke first. Umarov then left.", vec![fixed("Umarov", "Umerov")]),
            // Never named in full: it may be someone else called so.
            ("The wrestler Umarov won again.", vec![(Warning, "Umarov".to_string(), None)]),
        ];
        for (text, expected) in table {
            assert_eq!(findings(text), expected, "{text}");
        }
    }
}
