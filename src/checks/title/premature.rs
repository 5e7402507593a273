use super::{Verdict, as_written, describe, judgements, when};
use crate::checks::{Check, CheckInfo, SourceContext, declare_check, one_line};
use crate::extract::Needs;
use crate::finding::{Finding, Location};

declare_check! {
    /// ## What it flags
    /// A title that only became true after the article's date (or after the date the sentence
    /// gives): a minister called minister before the appointment, "former" before the person
    /// held the office.
    ///
    /// ## Why
    /// A title from the future is a sign of a wrong date on the article, an edit applied to
    /// old copy, or a confusion with someone else. Uncertain role edges (a month or a year in
    /// the rules) are never reported.
    ///
    /// ## Example
    /// ```text
    /// (2023-05-01) … Defense Minister Rustem Umerov said …
    /// ```
    /// Rustem Umerov became defence minister on 2023-09-06.
    Premature, "title.premature", Error, "a title is used before it became true"
}

impl Check for Premature {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { title_dates: true, ..Needs::default() }
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for judgement in judgements(cx) {
            let Verdict::Premature { roles } = &judgement.verdict else { continue };
            let written = one_line(as_written(cx, judgement));
            let from = roles.iter().filter_map(|r| r.period.from).map(|f| f.start).min();
            let mut finding = Finding::new(
                Self::INFO.code,
                Self::INFO.default_severity,
                Location::new(&cx.source.file, judgement.claim.span),
                format!(
                    "“{written}” does not fit {} yet {}: {}",
                    judgement.entity.name,
                    when(&judgement.at, judgement.anchored),
                    from.map_or("held only later".to_string(), |d| format!("held only from {d}"))
                ),
            )
            .label("title not yet held")
            .help(if judgement.anchored {
                "check the date the sentence gives, or the person"
            } else {
                "check the article's date, or the person"
            });
            for role in roles {
                finding = finding.rule(&role.origin, describe(role), role.source.as_ref());
            }
            out.push(finding);
        }
    }
}
