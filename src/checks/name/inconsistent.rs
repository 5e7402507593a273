use std::collections::BTreeMap;

use crate::checks::{Check, CheckInfo, SourceContext, declare_check};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Location};
use crate::kb::{Entity, EntityId, EntityKind, FormKind};
use crate::source::Span;
use crate::text::{floor_char_boundary, fold, strip_possessive, written_surname};
use crate::transliteration::{has_cyrillic, plain};

declare_check! {
    /// ## What it flags
    /// One article spelling the same entity in two accepted ways: "Zelenskyy" in one
    /// paragraph, "Zelensky" in another.
    ///
    /// ## Why
    /// Both spellings may be accepted, but a story should pick one: a reader seeing two takes
    /// them for a mistake, and house style wants the house form. The finding points at the
    /// less used spelling and shows the other.
    ///
    /// ## Example
    /// ```text
    /// Zelensky and the Davos Summit
    /// … Ukrainian President Volodymyr Zelenskyy confirmed …
    /// ```
    Inconsistent, "name.inconsistent", Warning, "one source spells the same entity in two accepted ways"
}

impl Check for Inconsistent {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_source(&self, cx: &SourceContext, out: &mut Vec<Finding>) {
        let file = &cx.source.file;
        // Each accepted mention: its entity, its surname as written, its place; by entity, then
        // in text order.
        let mut mentions: Vec<(EntityId, &str, Span)> = Vec::new();
        for claim in cx.claims {
            let ClaimKind::Mention(m) = &claim.kind else { continue };
            let (Some(entity), Form::Known(FormKind::Name | FormKind::Variant | FormKind::Surname)) =
                (m.entity, m.form)
            else {
                continue;
            };
            // As read: decoded, without markup.
            let written = &cx.source.text[claim.range.clone()];
            // A name in another script ("Зеленский" quoted in an English story) is not a choice
            // of spelling.
            if is_abbreviation(&cx.kb.entities[entity], written) || has_cyrillic(written) {
                continue;
            }
            // "spelled Umierov by some outlets", "known to AFP readers as Sybiga": a spelling
            // cited, not used.
            let near = floor_char_boundary(&cx.source.text, claim.range.start.saturating_sub(64));
            let far = floor_char_boundary(&cx.source.text, (claim.range.end + 64).min(cx.source.text.len()));
            if cites_spelling(&cx.source.text[near..claim.range.start])
                || quoted_as_spelling(&cx.source.text[claim.range.end..far])
            {
                continue;
            }
            let compared =
                if cx.kb.entities[entity].kind == EntityKind::Person { written_surname(written) } else { written };
            // An initialism ("RFK") abbreviates the name; it is no way of spelling it.
            if compared.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !compared.chars().any(char::is_lowercase)
            {
                continue;
            }
            mentions.push((entity, compared, claim.span));
        }
        mentions.sort_by_key(|&(entity, _, at)| (entity, at.start));
        for group in mentions.chunk_by(|a, b| a.0 == b.0) {
            // Written alike throughout: nothing to compare.
            if group.iter().all(|m| m.1 == group[0].1) {
                continue;
            }
            // Each spelling, with its first place and how often it is used.
            let mut forms: BTreeMap<String, (Span, usize, &str)> = BTreeMap::new();
            for &(_, written, at) in group {
                forms.entry(spelling_key(written)).or_insert((at, 0, written)).1 += 1;
            }
            if forms.len() < 2 {
                continue;
            }
            let entity = group[0].0;
            // The spelling used most is the article's own (the house form on a tie); the others
            // are reported.
            let house = spelling_key(written_surname(&cx.kb.entities[entity].name));
            let mut ranked: Vec<(&String, &(Span, usize, &str))> = forms.iter().collect();
            ranked.sort_by(|(a, (a_at, a_n, _)), (b, (b_at, b_n, _))| {
                (b_n, **b == house).cmp(&(a_n, **a == house)).then(a_at.start.cmp(&b_at.start))
            });
            let (main_key, &(main_at, main_n, main_text)) = ranked[0];
            // Only spellings of one name are inconsistent: an alias the rules accept (a birth
            // name, "Nascimento" for Pelé) is another name, not another spelling.
            let spelling_of_main = |key: &str| strsim::jaro_winkler(key, main_key) >= SAME_NAME;
            if !ranked[1..].iter().any(|(key, _)| spelling_of_main(key)) {
                continue;
            }
            let summary: Vec<String> =
                ranked.iter().map(|(_, (_, n, written))| format!("“{written}” ({n}×)")).collect();
            let entity = &cx.kb.entities[entity];
            for (_, &(at, _, written)) in ranked[1..].iter().copied().filter(|(key, _)| spelling_of_main(key)) {
                out.push(
                    Finding::new(
                        Self::INFO.code,
                        Self::INFO.default_severity,
                        Location::new(file, at),
                        format!(
                            "{} is spelled “{written}” here and “{main_text}” elsewhere in this article: {}",
                            entity.name,
                            summary.join(", ")
                        ),
                    )
                    .label(format!("“{written}”"))
                    .related(Location::new(file, main_at), format!("“{main_text}”, used {main_n} times"))
                    .help(format!("pick one spelling; the rules' house form is “{}”", entity.name)),
                );
            }
        }
    }
}

/// How alike two spellings must be (Jaro-Winkler) to be one name's: "zelensky" and "zelenskyy"
/// are, "nascimento" and "pele" are not.
const SAME_NAME: f64 = 0.8;

/// What makes a spelling another: letters and digits alone, without accents or case. "Pelé" and
/// "Pele", "Chandrayaan-3" and "Chandrayaan 3", "Jr" and "Jr." are one spelling.
fn spelling_key(written: &str) -> String {
    plain(written).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// An abbreviation the rules list in capitals ("UDCG" for the Ukraine Defense Contact Group) is
/// not another spelling of the name it abbreviates.
fn is_abbreviation(entity: &Entity, written: &str) -> bool {
    let mut abbreviations = entity
        .variants
        .iter()
        .filter(|v| v.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !v.chars().any(char::is_lowercase))
        .peekable();
    // Most entities have none: nothing is folded for them.
    if abbreviations.peek().is_none() {
        return false;
    }
    let written = fold(strip_possessive(written));
    abbreviations.any(|v| fold(v) == written)
}

/// Words that cite the name after them as a spelling ("spelled Umierov").
const CITING: &[&str] = &["spelled", "spelt", "spelling", "transliterated", "written", "rendered"];

/// Does the text before a name end with words that cite it as a spelling? "as" counts after
/// one of those words or "known" within a few words ("known to AFP readers as Sybiga").
fn cites_spelling(before: &str) -> bool {
    // Asked of every known name: read back word by word, nothing allocated.
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let citing = |w: &str| CITING.iter().any(|c| w.eq_ignore_ascii_case(c));
    match words.next() {
        Some(last) if last.eq_ignore_ascii_case("as") => {
            words.take(5).any(|w| w.eq_ignore_ascii_case("known") || citing(w))
        }
        Some(last) => citing(last),
        None => false,
    }
}

/// Is a name quoted and then called a spelling? `after` follows the name: "“Umierov” in the
/// spelling Ukrainska Pravda uses", "'Sybiga', as AFP spells it".
fn quoted_as_spelling(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['"', '”', '’', '\'', '»']) else { return false };
    rest.split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| w.eq_ignore_ascii_case("spells") || CITING.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KnowledgeBase;
    use crate::source::SourceFile;

    #[test]
    fn surnames_and_abbreviations() {
        for (written, surname) in [("Oleh Kostiuk", "Kostiuk"), ("Kostyuk's", "Kostyuk"), ("KOSTIUK", "KOSTIUK")] {
            assert_eq!(written_surname(written), surname);
        }
        let rules = r#"
[[entity]]
id = "udcg"
name = "Ukraine Defense Contact Group"
kind = "organization"
variants = ["UDCG", "Ramstein group"]

[[entity]]
id = "oleh-kostiuk"
name = "Oleh Kostiuk"
kind = "person"
variants = ["Kostyuk"]
"#;
        let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", rules)]).unwrap();
        let table = [(0, "UDCG", true), (0, "UDCG's", true), (0, "Ramstein group", false), (1, "KOSTYUK", false)];
        for (entity, written, expected) in table {
            assert_eq!(is_abbreviation(&kb.entities[entity], written), expected, "{written}");
        }
    }

    #[test]
    fn a_spelling_cited_is_not_used() {
        for (before, cited) in [
            ("His name is spelled ", true),
            ("He is known to AFP readers as ", true),
            ("also transliterated as “", true),
            ("He met ", false),
            ("He served as ", false),
        ] {
            assert_eq!(cites_spelling(before), cited, "{before}");
        }
        for (after, cited) in [
            ("” in the spelling used by Ukrainska Pravda", true),
            ("', as AFP spells it, ", true),
            (" in the spelling used by some", false),
            ("” said the plan was spelled out", false),
        ] {
            assert_eq!(quoted_as_spelling(after), cited, "{after}");
        }
    }
}
