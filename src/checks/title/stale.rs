use super::{Verdict, as_written, current_roles, describe, judgements, when};
use crate::checks::{Check, CheckInfo, SourceContext, declare_check, one_line};
use crate::claim::Qualifier;
use crate::extract::Needs;
use crate::finding::{Finding, Location, Severity};

declare_check! {
    /// ## What it flags
    /// A title, with its qualifier, that was true of the person before the article's date but
    /// not at it: "President-elect" after the inauguration, "outgoing" after leaving, a bare
    /// title after leaving office, "former" while holding the office (again).
    ///
    /// ## Why
    /// Stale titles are the classic error of copy reused from an older story. The rules give
    /// each person's roles with dates; the title is judged on the article's date, or on a date
    /// the sentence itself gives before it ("In 2024, Defense Minister Rustem Umerov said" is
    /// fine). A date after it, or "at the time", spares a title that fits then ("Vice President
    /// Joe Biden visited Kyiv in 2014"). Ranks ("General") are no offices, titles inside an
    /// embedded social post are not judged, and in an article not in English only the rules'
    /// own forms are. In the first `title_grace_days` (default 3) after a change, the old title
    /// is not flagged when the news is of the change.
    ///
    /// ## Example
    /// ```text
    /// (2026-01-06) … reference ongoing discussions involving U.S. President-elect Donald Trump …
    /// ```
    /// Donald Trump took office on 2025-01-20.
    Stale, "title.stale", Error, "a title is used after it stopped being true"
}

impl Check for Stale {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn needs(&self) -> Needs {
        Needs { title_dates: true, ..Needs::default() }
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        for judgement in judgements(cx) {
            let Verdict::Stale { roles, reason } = &judgement.verdict else { continue };
            let written = one_line(as_written(cx, judgement));
            let when = when(&judgement.at, judgement.anchored);
            let entity = judgement.entity;
            // "Former" for an office the rules know to be held only up to their last check: it
            // may have ended since, so the finding is information, not an error.
            let confirmed = judgement.title.qualifier == Some(Qualifier::Former)
                && roles.iter().all(|r| r.confirmed_until().is_some_and(|day| judgement.at.start > day));
            let (severity, reason) = match roles.iter().filter_map(|r| r.confirmed_until()).max() {
                Some(day) if confirmed => {
                    (Severity::Info, format!("{reason}, but the rules confirm it only up to {day}"))
                }
                _ => (Self::INFO.default_severity, reason.clone()),
            };
            let mut finding = Finding::new(
                Self::INFO.code,
                severity,
                Location::new(&cx.source.file, judgement.claim.span),
                format!("“{written}” no longer fits {} {when}: {reason}", entity.name),
            )
            .label("stale title");
            let now: Vec<String> = current_roles(entity, &judgement.at).iter().map(|r| r.title.clone()).collect();
            let title = one_line(&judgement.title.title);
            finding = finding.help(match judgement.title.qualifier {
                Some(Qualifier::Elect) => {
                    format!("drop “{}”: write “{title}”", qualifier_word(&written).unwrap_or("-elect".into()))
                }
                Some(Qualifier::Former) => format!(
                    "drop “{}”: {} held the office at that date",
                    qualifier_word(&written).unwrap_or("former".into()),
                    entity.name
                ),
                Some(Qualifier::Outgoing) => format!("write “former {title}”"),
                _ if now.is_empty() => format!("write “former {title}” or “then-{title}”, or drop the title"),
                _ => format!(
                    "at that date {} was {}; for the old title write “former {title}”",
                    entity.name,
                    now.join(" and ")
                ),
            });
            for role in roles {
                finding = finding.rule(&role.origin, describe(role), role.source.as_ref());
            }
            out.push(finding);
        }
    }
}

/// The qualifier as written, to be dropped: "former", "ex-", "-elect", "incoming".
fn qualifier_word(written: &str) -> Option<String> {
    written.split_whitespace().find_map(|word| {
        let lower = word.to_lowercase();
        let parts: Vec<&str> = lower.split('-').collect();
        let at = parts.iter().position(|p| Qualifier::from_word(p).is_some())?;
        Some(match (parts.len(), at) {
            (1, _) => parts[at].to_string(),
            (_, 0) => format!("{}-", parts[at]),
            _ => format!("-{}", parts[at]),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::qualifier_word;

    #[test]
    fn qualifiers_as_written() {
        let table = [
            ("President-elect", Some("-elect")),
            ("incoming President", Some("incoming")),
            ("Ex-Chancellor", Some("ex-")),
            ("Former Chancellor", Some("former")),
            ("the former head of state", Some("former")),
            ("Defence Minister", None),
        ];
        for (written, expected) in table {
            assert_eq!(qualifier_word(written).as_deref(), expected, "{written}");
        }
    }
}
