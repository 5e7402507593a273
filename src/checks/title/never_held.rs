use super::{Verdict, describe, judgements};
use crate::checks::{Check, CheckInfo, SourceContext, declare_check, one_line};
use crate::extract::Needs;
use crate::finding::{Finding, Location};

declare_check! {
    /// ## What it flags
    /// A title given to a person who has roles in the rules, none of which matches it:
    /// "Prime Minister Joe Biden".
    ///
    /// ## Why
    /// Giving someone the wrong office is as wrong as a stale one, but the rules may simply
    /// not list every office a person held, so this is a warning. Only titles specific enough
    /// to be wrong are judged: a title that some role in the rules has, or an office word such
    /// as "president" or "minister". Loose descriptions ("leader", "adviser", "head") are not.
    ///
    /// ## Example
    /// ```text
    /// … Defence Minister Kyrylo Budanov said …
    /// ```
    /// The rules give Kyrylo Budanov two roles; neither is defence minister.
    NeverHeld, "title.never-held", Warning, "a person is given a title none of their roles matches"
}

impl Check for NeverHeld {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { title_dates: true, ..Needs::default() }
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for judgement in judgements(cx) {
            if !matches!(judgement.verdict, Verdict::NeverHeld) {
                continue;
            }
            let entity = judgement.entity;
            let roles: Vec<String> = entity.roles.iter().map(describe).collect();
            let mut finding = Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&cx.source.file, judgement.claim.span),
                format!(
                    "“{}”: none of {}'s roles in the rules is this title",
                    one_line(&judgement.title.title),
                    entity.name
                ),
            )
            .label("title not in the rules")
            .help(format!("the rules give: {}; if the title is right, add the role", roles.join("; ")));
            if let Some(role) = entity.roles.first() {
                finding = finding.rule(&role.origin, format!("{}'s roles", entity.name), entity.source.as_ref());
            }
            out.push(finding);
        }
    }
}
