//! `title.*`: is a title, with its qualifier, true of the person on the date the article speaks
//! of? One judgement serves the three checks; each reports its own verdict.
//!
//! The date is the article's, unless the sentence dates itself before the title ("In 2024,
//! Defense Minister Rustem Umerov said"). A title that does not fit the article's date is still
//! no finding when the sentence speaks of another time at which it fits: a date after the title
//! ("Vice President Joe Biden visited Kyiv in 2014"), a year as an adjective ("President Joe
//! Biden's 2022 visit"), "at the time". Role periods with uncertain edges (a month or a year)
//! make uncertain answers, and uncertainty is never reported.

pub mod never_held;
pub mod premature;
pub mod stale;

use crate::checks::SourceContext;
use crate::claim::{Claim, ClaimKind, Qualifier, Title};
use crate::interval::DateInterval;
use crate::kb::{Entity, Held, KnowledgeBase, Role};
use crate::lexicon;
use crate::source::{FileRef, Span};

/// What a title claim is found to be.
pub(crate) enum Verdict<'a> {
    /// True at the date, or not certainly false.
    Fits,
    /// Was true before the date, not at it.
    Stale { roles: Vec<&'a Role>, reason: String },
    /// Only true after the date.
    Premature { roles: Vec<&'a Role> },
    /// No role of the person matches the title.
    NeverHeld,
}

/// A title claim with its entity, the date it is judged at, and the verdict.
pub(crate) struct Judgement<'a> {
    pub title: &'a Title,
    pub claim: &'a Claim,
    pub entity: &'a Entity,
    pub at: DateInterval,
    /// True when the date comes from the sentence, not the article.
    pub anchored: bool,
    pub verdict: Verdict<'a>,
}

/// Every title claim of a source that can be judged and does not fit, judged: once, whichever
/// check asks first.
pub(crate) fn judgements<'c, 'a>(cx: &'c SourceContext<'a>) -> &'c [Judgement<'a>] {
    cx.titles.get_or_init(|| judge_all(cx))
}

fn judge_all<'a>(cx: &SourceContext<'a>) -> Vec<Judgement<'a>> {
    // Where quotations open and close, found once for every title of the source.
    let quotes: Vec<usize> = memchr::memchr_iter(b'"', cx.source.text.as_bytes()).collect();
    // Title words are English: in an article in another language only the forms the rules
    // give are judged ("Minister" in a German article is no English title).
    cx.claims
        .iter()
        .filter_map(|claim| {
            let ClaimKind::Title(title) = &claim.kind else { return None };
            let entity = &cx.kb.entities[title.entity?];
            if entity.roles.is_empty() {
                return None;
            }
            let mut matching = roles_named(&entity.roles, &title.key);
            if !cx.source.is_english() && matching.is_empty() {
                if !cx.kb.role_keys.contains(&title.key[..]) {
                    return None;
                }
                matching = roles_translated(cx.kb, &entity.roles, &title.key);
            }
            // A title inside a quotation is the speaker's word, not the article's.
            if in_quotation(cx, &quotes, claim) {
                return None;
            }
            let (at, anchored) = match anchor(cx, claim) {
                Some(at) => (at, true),
                None => (DateInterval::day(cx.source.meta.published?), false),
            };
            let verdict = if matching.is_empty() {
                // "deputy prime minister and defence minister": two offices, each judged alone.
                let offices: Vec<Vec<String>> = title.title.split(" and ").map(crate::text::title_key).collect();
                let one_of_them = offices.len() > 1
                    && offices
                        .iter()
                        .any(|key| entity.roles.iter().any(|r| r.keys.iter().any(|k| key_matches(key, k))));
                // "Press Secretary" for the "Kremlin press secretary": a role's title cut short.
                let shortened = !title.key.is_empty()
                    && entity.roles.iter().flat_map(|r| &r.keys).any(|k| {
                        k.ends_with(&title.key) || invert_of_phrase(k).is_some_and(|k| k.ends_with(&title.key))
                    });
                if checkable(cx, &title.key) && !one_of_them && !shortened { Verdict::NeverHeld } else { Verdict::Fits }
            } else {
                let mut verdict = judge(&matching, title.qualifier, &at, cx, claim);
                // "Former" is said from where the writer stands: "former foreign minister X,
                // appointed in 2024" is right once X has left, whatever time the sentence
                // speaks of.
                if anchored
                    && title.qualifier == Some(Qualifier::Former)
                    && matches!(verdict, Verdict::Stale { .. })
                    && let Some(published) = cx.source.meta.published
                    && matches!(
                        judge(&matching, title.qualifier, &DateInterval::day(published), cx, claim),
                        Verdict::Fits
                    )
                {
                    verdict = Verdict::Fits;
                }
                let stale = matches!(verdict, Verdict::Stale { .. });
                if (stale || matches!(verdict, Verdict::Premature { .. }))
                    && !anchored
                    && fits_another_time(cx, claim, &matching, title.qualifier, stale)
                {
                    Verdict::Fits
                } else {
                    verdict
                }
            };
            let verdict = if title.designated
                && !matches!(verdict, Verdict::Fits)
                && !appointment_known(cx, claim, entity, &at, anchored)
            {
                Verdict::Fits
            } else {
                verdict
            };
            // A title that fits is no finding's: text dense with titles keeps only the others.
            if matches!(verdict, Verdict::Fits) {
                return None;
            }
            Some(Judgement { title, claim, entity, at, anchored, verdict })
        })
        .collect()
}

/// Is a claim inside a direct quotation: after an odd number of quotation marks in its
/// paragraph (typographic quotes are read as plain ones)?
/// `quotes` are the offsets of the source's quotation marks, in order: each title looks them up
/// rather than counting its paragraph again.
fn in_quotation(cx: &SourceContext, quotes: &[usize], claim: &Claim) -> bool {
    let paragraphs = &cx.source.paragraphs;
    let at = paragraphs.partition_point(|p| p.end <= claim.range.start);
    let start = paragraphs.get(at).map_or(0, |p| p.start.min(claim.range.start));
    let before = |offset: usize| quotes.partition_point(|&q| q < offset);
    let paragraph_end = paragraphs.get(at).map_or(cx.source.text.len(), |p| p.end.max(claim.range.end));
    let opened = before(claim.range.start) - before(start);
    let closed_after = before(paragraph_end) - before(claim.range.end);
    // A quotation whose opening mark is lost ("had this to say: The first duty … \"") opens at
    // the colon that introduces it: no mark before the claim, one closing after it.
    let introduced = cx.source.text[start..claim.range.start].contains(": ");
    opened % 2 == 1 || (opened == 0 && closed_after % 2 == 1 && introduced)
}

/// A date stated in the sentence before the title: the time the sentence speaks of. A date in a
/// "since" clause is not: "Since the war began in 2022, Prime Minister X has …" speaks of now.
fn anchor(cx: &SourceContext, title: &Claim) -> Option<DateInterval> {
    let sentence_start = cx.source.sentences.get(title.sentence)?.range.start;
    // Claims are in text order, so a sentence's claims are one run of them.
    let first = cx.claims.partition_point(|c| c.sentence < title.sentence);
    cx.claims[first..]
        .iter()
        .take_while(|c| c.sentence == title.sentence)
        .filter(|c| c.range.end <= title.range.start)
        .filter_map(|c| match &c.kind {
            ClaimKind::Date(date) => Some((c, date.interval)),
            _ => None,
        })
        .last()
        .filter(|(c, _)| !in_since_clause(&cx.source.text[sentence_start..c.range.start]))
        .map(|(_, interval)| interval)
}

/// Does the sentence of a title that does not fit the article's date speak of another time at
/// which it fits? Any date it gives, before or after the title (a "since" clause aside), or "at
/// the time" for a `stale` title (held before). A date in a relative clause is of something
/// else ("Defense Minister X, who was appointed prime minister last week, has …"), and this only
/// ever spares a title: a date after it is no ground for a finding.
fn fits_another_time(
    cx: &SourceContext,
    title: &Claim,
    roles: &[&Role],
    qualifier: Option<Qualifier>,
    stale: bool,
) -> bool {
    let Some(sentence) = cx.source.sentences.get(title.sentence) else { return false };
    if stale && says_at_the_time(&cx.source.text[sentence.range.clone()]) {
        return true;
    }
    // "…until July 17, 2025, when lawmakers gave the ministry to X, the outgoing prime
    // minister": a clause opened by "when" tells of its own time, which the title is of.
    if stale && clause_opened_by(&cx.source.text[sentence.range.start..title.range.start], &["when"]) {
        return true;
    }
    let first = cx.claims.partition_point(|c| c.sentence < title.sentence);
    cx.claims[first..].iter().take_while(|c| c.sentence == title.sentence).any(|c| match &c.kind {
        ClaimKind::Date(date) => {
            let before = &cx.source.text[sentence.range.start..c.range.start];
            // A date in a relative clause is that clause's, unless the title is in it too
            // ("who was named by then President-elect Trump in November 2024").
            let title_before = &cx.source.text[sentence.range.start..title.range.start.max(sentence.range.start)];
            !in_since_clause(before)
                && (!in_relative_clause(before) || in_relative_clause(title_before))
                && matches!(judge(roles, qualifier, &date.interval, cx, title), Verdict::Fits)
        }
        _ => false,
    })
}

/// Is the time of a designation ("was appointed as deputy head", "has been picked for the post
/// of") one the rules know an appointment of the person at? The sentence dates it, or speaks of
/// the day's news (not the simple past of a biography: "Then, X was appointed as …"), and a role
/// of the person begins within months of it. Otherwise the rules may only lack the office.
fn appointment_known(cx: &SourceContext, claim: &Claim, entity: &Entity, at: &DateInterval, anchored: bool) -> bool {
    const MONTHS: i64 = 183;
    let sentence = cx.source.sentences.get(claim.sentence).map_or("", |s| &cx.source.text[s.range.clone()]);
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let biography =
        words.windows(2).any(|pair| matches!(pair[0], "was" | "were") && lexicon::is_designation_word(pair[1]));
    let near = |from: &crate::interval::DateInterval| (from.start - at.start).num_days().abs() <= MONTHS;
    (anchored || !biography) && entity.roles.iter().filter_map(|r| r.period.from.as_ref()).any(near)
}

/// Phrases that place a sentence at a past time given elsewhere: "at the time", "back then".
const AT_THE_TIME: &[&str] = &["at the time", "at that time", "back then", "at that point"];

fn says_at_the_time(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    AT_THE_TIME
        .iter()
        .any(|phrase| lower.match_indices(phrase).any(|(i, _)| crate::text::is_whole_word(&lower, i, i + phrase.len())))
}

/// Is a date written at the end of `before` (its sentence up to it) inside a clause opened by
/// "since"?
fn in_since_clause(before: &str) -> bool {
    clause_opened_by(before, &["since"])
}

/// Is a date written at the end of `before` inside a relative clause ("who was appointed in")?
fn in_relative_clause(before: &str) -> bool {
    clause_opened_by(before, &["who", "whom", "whose", "which"])
}

/// Does the clause that `before` ends in (after its last comma, dash or bracket) hold one of
/// `openers`?
fn clause_opened_by(before: &str, openers: &[&str]) -> bool {
    let clause = before.rsplit([',', ';', '–', '—', '(']).next().unwrap_or(before);
    clause.split(|c: char| !c.is_alphabetic()).any(|w| openers.iter().any(|o| w.eq_ignore_ascii_case(o)))
}

/// The roles a title as written (its key) names. A title names an office as fully as it can: when
/// some role is called by the whole title ("Nordstadt boss"), roles it names only by its last
/// words (the "Norway boss", a "boss" once the country is dropped) are other offices.
fn roles_named<'a>(roles: &'a [Role], key: &[String]) -> Vec<&'a Role> {
    let whole: Vec<&Role> = roles.iter().filter(|r| r.keys.iter().any(|k| k.as_slice() == key)).collect();
    if !whole.is_empty() {
        return whole;
    }
    roles.iter().filter(|r| r.keys.iter().any(|k| key_matches(key, k))).collect()
}

/// The roles of a person that a title in another language names through the rules' forms of
/// it for anyone: "министр обороны", listed for one defence minister, is the "Defence
/// Minister" of another whose roles are named in English only.
///
/// A translation names the nearest office of the reader's own government: the US Secretary of
/// State is an "Außenminister" in German. Offices that are each other's counterparts
/// (`data/office-counterparts.txt`) are named alike.
fn roles_translated<'a>(kb: &KnowledgeBase, roles: &'a [Role], key: &[String]) -> Vec<&'a Role> {
    let mut translations: Vec<&[String]> = kb
        .entities
        .iter()
        .flat_map(|e| &e.roles)
        .filter(|r| r.keys.iter().any(|k| k.as_slice() == key))
        .flat_map(|r| r.keys.iter().map(Vec::as_slice))
        .collect();
    let counterparts: Vec<&[String]> = lexicon::office_counterparts()
        .iter()
        .filter(|offices| offices.iter().any(|office| translations.iter().any(|t| key_matches(t, office))))
        .flatten()
        .map(Vec::as_slice)
        .collect();
    translations.extend(counterparts);
    roles.iter().filter(|r| r.keys.iter().any(|k| translations.iter().any(|t| key_matches(t, k)))).collect()
}

/// Does a title as written (its key) name a role (one of its keys)? Equal, or the role's words
/// end the title and what precedes them is no title word ("NATO Secretary General" is the
/// "Secretary General"; "Deputy Prime Minister" is not the "Prime Minister").
pub(crate) fn key_matches(written: &[String], role: &[String]) -> bool {
    if key_matches_as_written(written, role) {
        return true;
    }
    // "secretary of the security council" is the "security council secretary": either side may
    // be written with its of-phrase before the head. An inverted key ends in the word before its "of", and matching keys end alike: most pairs
    // are ruled out before anything is allocated.
    let ends_before_of = |key: &[String], last: Option<&String>| {
        key.iter().position(|w| w == "of").is_some_and(|at| at > 0 && key.get(at - 1) == last)
    };
    let (written_inverted, role_inverted) = (
        ends_before_of(written, role.last()).then(|| invert_of_phrase(written)).flatten(),
        ends_before_of(role, written.last()).then(|| invert_of_phrase(role)).flatten(),
    );
    if written_inverted.is_none() && role_inverted.is_none() {
        return false;
    }
    std::iter::once(written)
        .chain(written_inverted.as_deref())
        .any(|w| std::iter::once(role).chain(role_inverted.as_deref()).any(|r| key_matches_as_written(w, r)))
}

/// "secretary of security council" as "security council secretary"; `None` without exactly one
/// "of" between words.
fn invert_of_phrase(key: &[String]) -> Option<Vec<String>> {
    let at = key.iter().position(|w| w == "of")?;
    if at == 0 || at + 1 == key.len() || key[at + 1..].iter().any(|w| w == "of") {
        return None;
    }
    Some(key[at + 1..].iter().chain(&key[..at]).cloned().collect())
}

fn key_matches_as_written(written: &[String], role: &[String]) -> bool {
    // News calls a prime minister "premier"; not the other way round, as a province's or a
    // state's premier is no prime minister.
    if let Some(at) = written.iter().position(|w| w == "premier") {
        let mut spelled_out = written.to_vec();
        spelled_out.splice(at..=at, ["prime".to_string(), "minister".to_string()]);
        if tail_matches(&spelled_out, role) {
            return true;
        }
    }
    tail_matches(written, role)
}

fn tail_matches(written: &[String], role: &[String]) -> bool {
    written == role
        || (written.len() > role.len()
            && written.ends_with(role)
            && written[..written.len() - role.len()].iter().all(|w| {
                !lexicon::is_title_head(w) && !lexicon::is_title_modifier(w) && !matches!(w.as_str(), "elect")
            }))
}

/// Is the title specific enough to say the person never held it? It must be a title some
/// role of the rules has, or a title head that is not vague ("leader", "official").
fn checkable(cx: &SourceContext, key: &[String]) -> bool {
    // A role key the title matches is one of its tails (see `key_matches`): each is looked up.
    // A title the rules give nobody ("lawmaker", "head coach", "director") may be any post they
    // do not list: only one they know, or a high office, is judged.
    let known = (0..key.len()).any(|start| cx.kb.role_keys.contains(&key[start..]) && key_matches(key, &key[start..]));
    known || key.iter().any(|w| lexicon::is_high_office(w))
}

/// Words that say the news is of a change of office.
const CHANGE_WORDS: &[&str] = &[
    "appointed",
    "appoints",
    "named",
    "names",
    "nominated",
    "nominates",
    "replaced",
    "replaces",
    "replacing",
    "succeeded",
    "succeeds",
    "resigned",
    "resigns",
    "dismissed",
    "dismisses",
    "fired",
    "sworn",
    "promoted",
    "moved",
    "elected",
    "became",
    "becomes",
    "takes over",
    "took over",
    "steps down",
    "stepped down",
];

fn judge<'a>(
    roles: &[&'a Role],
    qualifier: Option<Qualifier>,
    at: &DateInterval,
    cx: &SourceContext,
    claim: &Claim,
) -> Verdict<'a> {
    let held: Vec<Held> = roles.iter().map(|r| r.period.held_during(at)).collect();
    let held_now = held.contains(&Held::Yes);
    let maybe_now = held.contains(&Held::Unknown);
    let ended: Vec<&Role> = roles.iter().copied().filter(|r| r.period.ended_before(at)).collect();
    let later: Vec<&Role> = roles.iter().copied().filter(|r| r.period.starts_after(at)).collect();
    let began: Vec<&Role> = roles.iter().copied().filter(|r| !r.period.starts_after(at)).collect();
    let last_end = |roles: &[&Role]| roles.iter().filter_map(|r| r.period.until).map(|u| u.start).max();
    match qualifier {
        // A bare, acting or outgoing title says the office is held at the time.
        None | Some(Qualifier::Acting | Qualifier::Outgoing) => {
            if held_now || maybe_now {
                Verdict::Fits
            } else if !ended.is_empty() {
                if in_grace(&ended, at, cx, claim)
                    || on_the_day_of_change(&ended, at, qualifier, cx.settings.title_grace_days)
                    || object_of_change(cx, claim)
                {
                    return Verdict::Fits;
                }
                let until = last_end(&ended).map_or(String::new(), |d| format!(" on {d}"));
                Verdict::Stale { reason: format!("left office{until}"), roles: ended }
            } else if !later.is_empty() && !designated(&later, at, cx, claim) {
                Verdict::Premature { roles: later }
            } else {
                Verdict::Fits
            }
        }
        Some(Qualifier::Former) => {
            if held_now {
                let reason = if ended.is_empty() { "still held at the time" } else { "held again at the time" };
                let roles = roles.iter().copied().filter(|r| r.period.held_during(at) == Held::Yes).collect();
                Verdict::Stale { reason: reason.into(), roles }
            } else if ended.is_empty() && !later.is_empty() && !maybe_now {
                Verdict::Premature { roles: later }
            } else {
                Verdict::Fits
            }
        }
        Some(Qualifier::Elect) => {
            let unsure = roles.iter().any(|r| r.period.from.is_some_and(|f| f.meets(at)));
            if !later.is_empty() || unsure || began.is_empty() {
                Verdict::Fits
            } else {
                // The term that began last is the one that ended "-elect".
                let latest = began.iter().copied().max_by_key(|r| r.period.from.map(|f| f.start));
                let since = latest.and_then(|r| r.period.from).map(|f| f.start);
                let reason = since.map_or("already in office".to_string(), |d| format!("took office on {d}"));
                Verdict::Stale { reason, roles: latest.into_iter().collect() }
            }
        }
        Some(Qualifier::Then) => {
            if began.is_empty() && !later.is_empty() {
                Verdict::Premature { roles: later }
            } else {
                Verdict::Fits
            }
        }
    }
}

/// The day an office ends, its holder's title is the news of the day ("Foreign Minister Dmytro
/// Kuleba resigned on Thursday"), and "outgoing" is the word for the days around the handover.
fn on_the_day_of_change(ended: &[&Role], at: &DateInterval, qualifier: Option<Qualifier>, grace: i64) -> bool {
    let days = ended.iter().filter_map(|r| r.period.until).map(|until| (at.start - until.start).num_days()).min();
    days.is_some_and(|days| days <= 0 || (qualifier == Some(Qualifier::Outgoing) && days < grace))
}

/// A title that is the object of a change ("the sacking of chancellor Kwasi Kwarteng", "the
/// resignation of home secretary Suella Braverman") is the one held until the change.
fn object_of_change(cx: &SourceContext, claim: &Claim) -> bool {
    let Some(sentence) = cx.source.sentences.get(claim.sentence) else { return false };
    let before = &cx.source.text[sentence.range.start..claim.range.start];
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    words.windows(2).any(|pair| pair[0] == "of" && lexicon::is_change_noun(&pair[1].to_lowercase()))
}

/// A title before the office begins is right for someone named to it ("the new ISRO chief",
/// "picked as his secretary of defence") when the office begins within months.
fn designated(later: &[&Role], at: &DateInterval, cx: &SourceContext, claim: &Claim) -> bool {
    const MONTHS_AHEAD: i64 = 183;
    let soon =
        later.iter().filter_map(|r| r.period.from).any(|from| (from.start - at.start).num_days() <= MONTHS_AHEAD);
    let Some(sentence) = cx.source.sentences.get(claim.sentence) else { return false };
    let text = &cx.source.text[sentence.range.clone()];
    let says_so = text.split(|c: char| !c.is_alphanumeric()).any(|w| lexicon::is_designation_word(&w.to_lowercase()));
    // "the new ISRO chief", "V Narayanan, new ISRO chairman": "new" right before the title, or
    // opening the title as written (before the name, or in apposition after it).
    let before = cx.source.text[sentence.range.start..claim.range.start].split_whitespace().next_back();
    let written = match &claim.kind {
        ClaimKind::Title(title) if title.person.start == claim.range.start => {
            &cx.source.text[title.person.end..claim.range.end]
        }
        ClaimKind::Title(title) => &cx.source.text[claim.range.start..title.person.start.max(claim.range.start)],
        _ => "",
    };
    let first = written.split(|c: char| c.is_whitespace() || c == ',').find(|w| !w.is_empty() && *w != "the");
    let new = [before, first].into_iter().flatten().any(|w| w.eq_ignore_ascii_case("new"));
    soon && (says_so || new)
}

/// In its first `title_grace_days` after a change, the old title is no finding when the news is
/// of the change: the sentence says so, or the article gives the person's new title.
fn in_grace(ended: &[&Role], at: &DateInterval, cx: &SourceContext, claim: &Claim) -> bool {
    let grace = cx.settings.title_grace_days;
    let recent = ended.iter().filter_map(|r| r.period.until).any(|until| (at.start - until.start).num_days() < grace);
    if !recent {
        return false;
    }
    let sentence = cx.source.sentences.get(claim.sentence).map_or("", |s| &cx.source.text[s.range.clone()]);
    let lower = format!(" {} ", sentence.to_lowercase());
    let says_change =
        CHANGE_WORDS.iter().any(|w| lower.contains(&format!(" {w} ")) || lower.contains(&format!(" {w},")));
    // Or the article also gives the title the person took on at the change.
    let ClaimKind::Title(title) = &claim.kind else { return says_change };
    let gives_new = cx.claims.iter().any(|other| match &other.kind {
        ClaimKind::Title(t) if t.entity == title.entity && t.key != title.key => {
            let entity = title.entity.map(|e| &cx.kb.entities[e]);
            entity.is_some_and(|e| {
                roles_named(&e.roles, &t.key)
                    .iter()
                    .any(|r| r.period.from.is_some_and(|f| (at.start - f.start).num_days().abs() <= grace))
            })
        }
        _ => false,
    });
    says_change || gives_new
}

/// When a title is judged, for messages: "on 2026-01-15, the article's date", "in 2024, the
/// time the sentence speaks of".
pub(crate) fn when(at: &DateInterval, anchored: bool) -> String {
    let on = if at.is_day() { "on" } else { "in" };
    let what = if anchored { "the time the sentence speaks of" } else { "the article's date" };
    format!("{on} {at}, {what}")
}

/// A role's title and period for messages: "Minister of Defence of Ukraine (2023-09-06 until 2025-07-17)".
pub(crate) fn describe(role: &Role) -> String {
    format!("{} ({})", role.title, role.period)
}

/// The roles a person holds at a date, for "now … instead" help.
pub(crate) fn current_roles<'a>(entity: &'a Entity, at: &DateInterval) -> Vec<&'a Role> {
    entity.roles.iter().filter(|r| r.period.held_during(at) == Held::Yes).collect()
}

/// The title as written with its qualifier, for messages: "President-elect", "outgoing President".
pub(crate) fn as_written<'c>(cx: &'c SourceContext, judgement: &'c Judgement) -> &'c str {
    let person = cx.source.span(judgement.title.person.clone());
    written_title(&cx.source.file, judgement.claim.span, person, &judgement.title.title)
}

/// The claim's text without the name: what precedes it, or the appositive after it.
fn written_title<'a>(file: &'a FileRef, claim: Span, person: Span, title: &'a str) -> &'a str {
    if person.start > claim.start {
        // "club president, Ana Pop": the comma parts the title from the name.
        file.slice(Span::new(claim.start, person.start)).trim_end().trim_end_matches(',')
    } else if person.end < claim.end {
        file.slice(Span::new(person.end, claim.end)).trim_start_matches([',', ' ', '\n'])
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::{in_since_clause, key_matches, says_at_the_time, when, written_title};
    use crate::interval::DateInterval;
    use crate::source::{SourceFile, Span};

    fn key(text: &str) -> Vec<String> {
        crate::text::title_key(text)
    }

    #[test]
    fn titles_match_role_forms() {
        assert!(key_matches(&key("NATO Secretary General"), &key("Secretary General")));
        assert!(key_matches(&key("Ukraine's defence minister"), &key("Defense Minister")));
        assert!(!key_matches(&key("Deputy Prime Minister"), &key("Prime Minister")));
        assert!(!key_matches(&key("Prime Minister"), &key("Minister")));
        assert!(key_matches(&key("head of the Ukrainian president's office"), &key("head of the President's Office")));
        // An of-phrase may stand before the head or after it.
        assert!(key_matches(&key("secretary of Ukraine's security council"), &key("security council secretary")));
        assert!(key_matches(&key("Presidential Press Secretary"), &key("Press Secretary of the President of Russia")));
        assert!(!key_matches(&key("secretary of the treasury"), &key("security council secretary")));
        assert!(!key_matches(&key("deputy head of the office"), &key("head of the office")));
        assert!(key_matches(&key("French Premier"), &key("Prime Minister of France")));
        assert!(!key_matches(&key("Prime Minister"), &key("Premier of Ontario")));
    }

    #[test]
    fn titles_as_written_before_or_after_the_name() {
        let text = "outgoing President Ion Vasilescu; Anca Dobre, the acting president, said; club president, Ana Pop";
        let file = SourceFile::new("a.md", text);
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let table = [
            ("outgoing President Ion Vasilescu", "Ion Vasilescu", "outgoing President"),
            ("Anca Dobre, the acting president", "Anca Dobre", "the acting president"),
            ("Anca Dobre", "Anca Dobre", "president"),
            ("club president, Ana Pop", "Ana Pop", "club president"),
        ];
        for (claim, person, expected) in table {
            assert_eq!(written_title(&file, at(claim), at(person), "president"), expected, "{claim}");
        }
    }

    #[test]
    fn since_clauses_do_not_date_the_sentence() {
        let table = [
            ("Since the war began in ", true),
            ("Ever since ", true),
            ("In ", false),
            ("Since the war began in 2022, Kyiv has grown; in ", false),
            ("Sincere thanks came in ", false),
            ("", false),
        ];
        for (before, expected) in table {
            assert_eq!(in_since_clause(before), expected, "{before}");
        }
    }

    #[test]
    fn judged_dates_read_as_written() {
        let table = [
            ("2026-01-15", false, "on 2026-01-15, the article's date"),
            ("2024", true, "in 2024, the time the sentence speaks of"),
            ("2025-12", true, "in 2025-12, the time the sentence speaks of"),
            ("2025-12-03", true, "on 2025-12-03, the time the sentence speaks of"),
        ];
        for (at, anchored, expected) in table {
            assert_eq!(when(&DateInterval::parse_partial(at).unwrap(), anchored), expected);
        }
    }

    #[test]
    fn at_the_time_is_said_in_whole_words() {
        let table = [
            ("At the time, Defense Minister X said so.", true),
            ("Back then the minister said so.", true),
            ("He spoke at that time.", true),
            ("What the time was, nobody knew.", false),
            ("He arrived at the timetable's end.", false),
        ];
        for (sentence, expected) in table {
            assert_eq!(says_at_the_time(sentence), expected, "{sentence}");
        }
    }

    const RULES: &str = r#"
[[entity]]
id = "ion-vasilescu"
name = "Ion Vasilescu"
kind = "person"
misspellings = ["Ion Vasilesku"]

[[entity.role]]
title = "Vice President"
forms = ["Vice President"]
from = "2009-01-20"
until = "2017-01-20"

[[entity.role]]
title = "President"
forms = ["President"]
from = "2021-01-20"
until = "2025-01-20"

[[entity]]
id = "anca-dobre"
name = "Anca Dobre"
kind = "person"

[[entity.role]]
title = "President"
forms = ["President"]
from = "2025-01-20"

[[entity]]
id = "mara-ionescu"
name = "Mara Ionescu"
kind = "person"

[[entity.role]]
title = "Foreign Minister"
forms = ["Foreign Minister"]
from = "2020-05-01"
until = "2026-01-10"

[[entity.role]]
title = "Prime Minister"
forms = ["Prime Minister"]
from = "2026-03-01"

[[entity]]
id = "ilie-radu"
name = "Ilie Radu"
kind = "person"

[[entity.role]]
title = "Speaker"
forms = ["Speaker"]
from = "2020-01-01"
checked = "2025-12-01"

[[entity]]
id = "sorin-matei"
name = "Sorin Matei"
kind = "person"

[[entity.role]]
title = "Governor"
forms = ["Governor"]
from = "2020-01-01"
checked = "2026-01-10"
"#;

    /// The title findings of an article published on 2026-01-10.
    fn title_lint(article: &str) -> Vec<crate::finding::Finding> {
        use crate::extract::{ExtractSettings, extract};
        use crate::input::{Format, Loaded, load};
        let kb = crate::kb::KnowledgeBase::compile(vec![SourceFile::new("t.toml", RULES)]).unwrap();
        let text = format!("---\npublished: 2026-01-10\n---\n{article}\n");
        let Loaded::Articles(sources) = load("a.md", text.as_bytes(), Format::Markdown, None) else { panic!() };
        let claims: Vec<_> = sources.iter().map(|s| extract(s, &kb, &ExtractSettings::default())).collect();
        let corpus = crate::corpus::Corpus { sources, skipped: Vec::new(), errors: Vec::new() };
        let settings = crate::lint::LintSettings { select: vec!["title".into()], ..Default::default() };
        crate::lint::lint(&corpus, &claims, &kb, &settings)
    }

    /// Each article's title findings are the (code, text) pairs given.
    fn assert_table(table: &[(&str, Vec<(&str, &str)>)]) {
        for (article, expected) in table {
            let found = title_findings(article);
            let found: Vec<(&str, &str)> = found.iter().map(|(code, text)| (*code, text.as_str())).collect();
            assert_eq!(&found, expected, "{article}");
        }
    }

    /// The same, as (code, text).
    fn title_findings(article: &str) -> Vec<(&'static str, String)> {
        title_lint(article).into_iter().map(|f| (f.code, f.location.text().to_string())).collect()
    }

    #[test]
    fn an_open_role_is_known_only_up_to_its_check() {
        let severity = |article: &str| title_lint(article).into_iter().map(|f| f.severity).collect::<Vec<_>>();
        use crate::finding::Severity;
        // Checked before the article's date: it may have ended since.
        assert_eq!(severity("Former Speaker Ilie Radu spoke."), [Severity::Info]);
        // Checked on the article's date: still an error.
        assert_eq!(severity("Former Governor Sorin Matei spoke."), [Severity::Error]);
    }

    #[test]
    fn the_news_of_a_change_and_the_words_of_others() {
        let (stale, premature) = ("title.stale", "title.premature");
        let table: Vec<(&str, Vec<(&str, &str)>)> = vec![
            // The day an office ends, and "outgoing" in the days around it.
            ("Foreign Minister Mara Ionescu resigned on Saturday.", vec![]),
            ("Outgoing Foreign Minister Mara Ionescu thanked her staff.", vec![]),
            // The object of a change holds the title until the change.
            ("MPs debated the dismissal of President Ion Vasilescu.", vec![]),
            ("President Ion Vasilescu spoke to MPs.", vec![(stale, "President Ion Vasilescu")]),
            // Named to an office that begins within months.
            ("The new Prime Minister Mara Ionescu met the press.", vec![]),
            ("Mara Ionescu was named to succeed him; Prime Minister Mara Ionescu will move in.", vec![]),
            ("Prime Minister Mara Ionescu met the press.", vec![(premature, "Prime Minister Mara Ionescu")]),
            // A quotation is the speaker's words.
            ("\"President Ion Vasilescu is my friend,\" she said.", vec![]),
            // Two offices joined: one the person holds is enough.
            ("Mara Ionescu, foreign minister and deputy prime minister, spoke.", vec![]),
        ];
        assert_table(&table);
    }

    #[test]
    fn the_time_the_sentence_speaks_of() {
        let stale = "title.stale";
        let table: Vec<(&str, Vec<(&str, &str)>)> = vec![
            // Dated after the title, or by a year used as an adjective.
            ("Vice President Ion Vasilescu visited Kyiv in 2014.", vec![]),
            ("President Ion Vasilescu's 2022 visit to Kyiv was a surprise.", vec![]),
            ("Defense talks, President Ion Vasilescu said in March 2023, were over.", vec![]),
            ("At the time, President Ion Vasilescu said so.", vec![]),
            // "under President X": the time X held the office.
            ("The deal was struck under President Ion Vasilescu.", vec![]),
            // Dated before the title, as SPEC §6 says.
            ("In 2022, President Ion Vasilescu said so.", vec![]),
            // "Former" is said from the article's date, whatever time the sentence speaks of.
            ("Ana Pop, appointed in 2023, met former President Ion Vasilescu.", vec![]),
            ("In March 2025, former President Anca Dobre said so.", vec![(stale, "former President Anca Dobre")]),
            // Undated, or dated at a time the title does not fit either.
            ("President Ion Vasilescu said so.", vec![(stale, "President Ion Vasilescu")]),
            ("President Ion Vasilescu said so on Thursday.", vec![(stale, "President Ion Vasilescu")]),
            // A misspelled name's title is judged too.
            ("President Ion Vasilesku said so.", vec![(stale, "President Ion Vasilesku")]),
            // Ranks are no offices.
            ("General Ion Vasilescu said so.", vec![]),
            ("Vice President Ion Vasilescu visited Kyiv in 2022.", vec![(stale, "Vice President Ion Vasilescu")]),
            (
                "Since the war began in 2022, President Ion Vasilescu has visited Kyiv.",
                vec![(stale, "President Ion Vasilescu")],
            ),
            // A relation dates the title: "then-President" is meant.
            ("A spokesman for President Ion Vasilescu said so in 2024.", vec![]),
            ("Ana Pop, who was an adviser to President Ion Vasilescu, spoke.", vec![]),
            (
                "A spokesman for outgoing President Ion Vasilescu said so.",
                vec![(stale, "outgoing President Ion Vasilescu")],
            ),
            // A date in a relative clause is of something else.
            ("President Ion Vasilescu, who visited Kyiv in 2022, spoke.", vec![(stale, "President Ion Vasilescu")]),
            // A date after the title never makes a finding: only the article's date does.
            ("President Anca Dobre said she was a senator in 2020.", vec![]),
        ];
        assert_table(&table);
    }
}
