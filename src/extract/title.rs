//! Titles attributed to people: before the name ("Ukraine's Defense Minister Rustem Umerov",
//! "U.S. President-elect Donald Trump", "US envoys Steve Witkoff and Jared Kushner") and in
//! apposition after it ("Umerov, the NSDC secretary,").
//!
//! A title phrase is a run of title words — the general lexicon's heads and modifiers, and every
//! word of the rules' role forms — with "of"/"the" inside, organisation acronyms before, and a
//! qualifier (former, ex-, outgoing, -elect, acting, then-) and nationality around it. A phrase
//! with no head word ("a senior Ukrainian official") is a description, not a title.

use std::ops::Range;

use super::mention::MentionHit;
use crate::claim::{Form, Qualifier};
use crate::kb::{EntityKind, KnowledgeBase};
use crate::lexicon;
use crate::text::{Word, floor_char_boundary, strip_possessive, words};
use crate::transliteration::has_cyrillic;

/// A title found in a text, before it becomes a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleHit {
    /// The whole claim: qualifier, title and name ("outgoing President Joe Biden").
    pub range: Range<usize>,
    /// The mention the title is given to.
    pub person: Range<usize>,
    /// The title words only ("President").
    pub title: Range<usize>,
    pub qualifier: Option<Qualifier>,
    /// Named to the office ("picked X as his director of national intelligence"), not given it.
    pub designated: bool,
}

/// The longest title phrase read before a name, in words.
const MAX_TITLE_WORDS: usize = 8;

/// Determiners and possessives that may open an appositive title ("the", "Ukraine's").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "country's", "nation's", "state's"];

/// Finds titles given to the people mentioned in `text`.
pub fn find_titles(
    text: &str,
    mentions: &[MentionHit],
    sentences: &[super::Sentence],
    kb: &KnowledgeBase,
) -> Vec<TitleHit> {
    let mut out = Vec::new();
    for (i, mention) in mentions.iter().enumerate() {
        if !is_person(mention, kb) {
            continue;
        }
        let Some(sentence) = sentences
            .get(sentences.partition_point(|s| s.range.end <= mention.range.start))
            .filter(|s| s.range.start <= mention.range.start && mention.range.end <= s.range.end)
        else {
            continue;
        };
        let previous = mentions[..i].last().filter(|m| m.range.end > sentence.range.start);
        let before = previous.map_or(sentence.range.start, |m| m.range.end);
        if let Some(hit) = title_before(text, sentence.range.start, before, mention, kb)
            // Russian and Ukrainian put an organisation after the title, in the genitive: a name
            // before it ("в Киеве министр обороны …") is no "Dortmund boss".
            .filter(|hit| {
                !previous.is_some_and(|name| {
                    !has_cyrillic(&text[name.range.clone()]) && organisation_before(text, name, hit, kb)
                })
            })
        {
            let plural = is_plural_title(&text[hit.title.clone()]);
            out.push(hit.clone());
            if plural {
                out.extend(coordinated(text, &mentions[i + 1..], mention, &hit, sentence.range.end, kb));
            }
        } else if let Some(hit) = title_after(text, mention, &mentions[i + 1..], sentence.range.end, kb)
            .or_else(|| title_designated(text, mention, &mentions[i + 1..], sentence.range.clone(), kb))
        {
            out.push(hit);
        }
    }
    out.sort_by_key(|t| (t.range.start, t.person.start));
    out.dedup_by_key(|t| t.person.clone());
    out
}

fn is_person(mention: &MentionHit, kb: &KnowledgeBase) -> bool {
    match mention.entity {
        Some(e) => kb.entities[e].kind == EntityKind::Person,
        None => mention.person_like && matches!(mention.form, Form::Unknown | Form::Ambiguous),
    }
}

/// What a word is to a title phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A word of the title itself.
    Title {
        head: bool,
    },
    /// "of", "the", "for" inside a title ("Secretary of the Army").
    Joiner,
    Qualifier(Qualifier),
    /// A nationality or country ("Ukraine's", "U.S."): dropped from the title.
    Country,
    /// An organisation acronym before a title ("NATO Secretary General").
    Organisation,
}

/// Classifies one word, hyphenated parts included: "President-elect" is a head with a
/// qualifier, "ex-President" a qualifier with a head.
fn classify(word: &Word, kb: &KnowledgeBase) -> Option<(Role, Option<Qualifier>)> {
    let lower = word.text.to_lowercase();
    let bare = lower.trim_end_matches('.');
    if lexicon::is_country(strip_possessive(word.text)) {
        return Some((Role::Country, None));
    }
    if matches!(bare, "of" | "the" | "for") {
        return Some((Role::Joiner, None));
    }
    let mut qualifier = None;
    let mut head = false;
    let mut title = false;
    // French elides its articles into the word: "l'ancien ministre", "l’ex-président".
    let bare = crate::text::strip_elision(bare);
    let written = crate::text::strip_elision(word.text);
    let written = strip_possessive(written.trim_end_matches('.')).split('-');
    for (part, written) in strip_possessive(bare).split('-').zip(written) {
        if let Some(q) = Qualifier::from_word(part) {
            qualifier = Some(q);
        } else if qualifier.is_some() && lexicon::is_country(written) {
            // "then-US Secretary of State": the country between qualifier and title.
            continue;
        } else if lexicon::is_title_head(part) || kb.is_title_head(part) {
            head = true;
            title = true;
        } else if lexicon::is_title_modifier(part) || kb.is_title_word(part) {
            title = true;
        } else if qualifier == Some(Qualifier::Then) && part.chars().all(char::is_alphabetic) {
            // "then-presidential chief of staff": "then-" dates the title whatever word it is
            // joined to. ("Ex-Soviet" is not read so: a former country, not a former office.)
            continue;
        } else {
            return (word.is_acronym() && !title && qualifier.is_none()).then_some((Role::Organisation, None));
        }
    }
    match (title, qualifier) {
        (true, q) => Some((Role::Title { head }, q)),
        (false, Some(q)) => Some((Role::Qualifier(q), None)),
        (false, None) => None,
    }
}

/// The title phrase right before a name, read back to `from` (the end of the name before it, or
/// the start of the sentence, which starts at `sentence`).
fn title_before(
    text: &str,
    sentence: usize,
    from: usize,
    mention: &MentionHit,
    kb: &KnowledgeBase,
) -> Option<TitleHit> {
    let prefix: Vec<Word> = words(&text[from..mention.range.start])
        .map(|w| Word { start: w.start + from, end: w.end + from, text: w.text })
        .collect();
    // A rank or honorific right before the name is no office: the title, if any, is before it
    // ("army chief General Valerii Zaluzhnyi", "Prime Minister Sir Keir Starmer").
    let ranks = rank_run(text, &prefix, mention.range.start, kb);
    let (prefix, ranks) = prefix.split_at(prefix.len() - ranks);
    let mut next_start = ranks.first().map_or(mention.range.start, |w| w.start);
    let mut phrase: Vec<(Word, Role, Option<Qualifier>)> = Vec::new();
    // The title speaks of the time of the relation it is governed by.
    let mut of_that_time = false;
    // "Bayern Munich boss, Thomas Tuchel, has been appointed": a comma may part a title from
    // the name when the title opens the sentence, so that it is no item of a list.
    let mut comma_before_name = false;
    for (i, word) in prefix.iter().enumerate().rev().take(MAX_TITLE_WORDS) {
        // Only spaces may separate the words of a title phrase (and the phrase from the name).
        let gap = &text[word.end..next_start];
        if phrase.is_empty() && ranks.is_empty() && matches!(gap, ", " | ",\u{a0}") {
            comma_before_name = true;
        } else if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
            break;
        }
        let lower = word.text.to_lowercase();
        // After a preposition, a whole title is the name's, and what precedes the preposition
        // is someone else's: "aide to President X", "head of President X's office".
        if governed_by(&lower, &phrase) {
            // The relation dates the title: "under President X", "who was an aide to President
            // X" speak of the time X held the office, as "then-President X" would.
            of_that_time = true;
            break;
        }
        // "named to head", "who chairs": a verb, not a title.
        if is_verb(&lower, i.checked_sub(1).map(|p| prefix[p].text)) {
            break;
        }
        let next = phrase.last().map(|&(_, role, _)| role);
        let Some((role, qualifier)) = classify(word, kb).or_else(|| inner_and(word, next)) else {
            // "Chelsea boss", "Labour leader": a title of an organisation the rules do not know
            // says nothing of the roles they give.
            if phrase.first().is_some_and(|&(_, role, _)| matches!(role, Role::Title { .. }))
                && names_organisation(text, word)
            {
                return None;
            }
            break;
        };
        phrase.push((*word, role, qualifier));
        next_start = word.start;
    }
    // A title ends in a title word: after "of the" or "under" the name is governed by what comes
    // before it ("the seventh prime minister of the Macron presidency", "deputy head of the
    // Office under Andriy Yermak").
    let nearest = phrase.first()?;
    if nearest.1 == Role::Joiner || nearest.0.text.eq_ignore_ascii_case("under") {
        return None;
    }
    let opens_sentence = || {
        let before = text[..from].trim_end_matches([' ', '\u{a0}']);
        before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
    };
    if comma_before_name && (phrase.len() < prefix.len() || !opens_sentence()) {
        return None;
    }
    phrase.reverse();
    let mut hit = build(text, phrase, mention.range.clone(), Side::Before)?;
    // "his predecessor was Foreign Minister X": the title is the one held then. (German nouns are
    // capitalised: "Sein Vorgänger" may have been read as a name, so the whole sentence is read.)
    of_that_time |= words(&text[sentence..hit.range.start]).any(|w| lexicon::marks_earlier_holder(w.text));
    if of_that_time && hit.qualifier.is_none() {
        hit.qualifier = Some(Qualifier::Then);
    }
    Some(hit)
}

/// Is the title right after a name that is no known person ("Borussia Dortmund boss X")? It is
/// then that organisation's, as after an unknown capitalised word (see [`names_organisation`]).
/// After a known person it is the relation to them ("Trump envoy Steve Witkoff"), and kept.
fn organisation_before(text: &str, name: &MentionHit, hit: &TitleHit, kb: &KnowledgeBase) -> bool {
    text[name.range.end..hit.range.start].chars().all(|c| c == ' ' || c == '\u{a0}')
        && hit.qualifier.is_none()
        && !(name.entity.is_none() && opens_sentence(text, name.range.start))
        && !name.entity.is_some_and(|e| kb.entities[e].kind == EntityKind::Person)
}

/// Is `word`, right before a title, the name of an organisation: capitalised, not a possessive
/// ("Zelensky's chief of staff" is his own title), and not at the start of its sentence, where
/// any word is capitalised ("But President X", German "Auch Finanzminister X")?
fn names_organisation(text: &str, word: &Word) -> bool {
    if !word.text.starts_with(|c: char| c.is_uppercase()) || strip_possessive(word.text) != word.text {
        return false;
    }
    !opens_sentence(text, word.start)
}

/// Does a word at `start` open its sentence, or a quotation or bracket in it?
fn opens_sentence(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end_matches([' ', '\u{a0}', '"', '“', '‘', '\''])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '(' | '—' | '–'))
}

/// How many of the last words of `prefix` (the words up to the name at `name_start`) are ranks
/// and honorifics ("Lt. Gen.", "Sir") — none when the rules list them as a role.
fn rank_run(text: &str, prefix: &[Word], name_start: usize, kb: &KnowledgeBase) -> usize {
    let mut count = 0;
    let mut next_start = name_start;
    for (i, word) in prefix.iter().enumerate().rev() {
        let lower = word.text.to_lowercase();
        // An abbreviation keeps its full stop: "Gen. Valerii Zaluzhnyi".
        let gap = &text[word.end..next_start];
        let gap = if lexicon::is_abbreviation(word.text) { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
        if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') || !lexicon::is_rank_or_honorific(&lower) {
            break;
        }
        // "Attorney General", "Secretary General": an office's name, not a rank.
        if lower == "general"
            && i.checked_sub(1).is_some_and(|p| lexicon::takes_general(&prefix[p].text.to_lowercase()))
        {
            break;
        }
        count += 1;
        next_start = word.start;
    }
    if count == 0 {
        return 0;
    }
    let run = &prefix[prefix.len() - count..];
    let listed = kb.role_keys.contains(&crate::text::title_key(&text[run[0].start..run[count - 1].end]));
    if listed { 0 } else { count }
}

/// Is `lower` a preposition that makes the title after it (`phrase`, read from the name back)
/// a whole title of its own? It is when that title ends in a head for one person, and the
/// preposition governs it directly: "to President", "for Defense Minister". Not in "head of the
/// President's Office" (a possessive), "Chairman of the Joint Chiefs" (plural), "Secretary of
/// State" (no head), "Head of the Office of the President Andriy Yermak" (the article binds it
/// to the title before it).
fn governed_by(lower: &str, phrase: &[(Word, Role, Option<Qualifier>)]) -> bool {
    let Some(&(nearest_name, Role::Title { head: true }, _)) = phrase.first() else { return false };
    let Some(&(after, ..)) = phrase.last() else { return false };
    let preposition = match lower {
        "of" | "for" | "to" => true,
        // "Under Secretary" is a title.
        "under" => !after.text.to_lowercase().starts_with("secretar"),
        _ => false,
    };
    preposition
        && !after.text.eq_ignore_ascii_case("the")
        && strip_possessive(nearest_name.text) == nearest_name.text
        && !is_plural_title(nearest_name.text)
}

/// Heads that are verbs too ("to head", "chairs", "to judge").
const VERB_HEADS: &[&str] = &["head", "heads", "chair", "chairs", "judge", "judges", "boss", "bosses"];

/// Words after which such a head is a verb: "to", a modal, a relative or personal pronoun.
const VERB_MARKERS: &[&str] = &[
    "to",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "who",
    "which",
    "that",
    "he",
    "she",
    "they",
    "it",
    "also",
    "not",
    "now",
    "jointly",
    "currently",
];

/// Is `lower`, after the word `previous`, a verb rather than a title: "was named to head",
/// "who chairs"?
fn is_verb(lower: &str, previous: Option<&str>) -> bool {
    VERB_HEADS.contains(&lower) && previous.is_some_and(|p| VERB_MARKERS.iter().any(|m| p.eq_ignore_ascii_case(m)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// Turns classified words into a title: qualifiers and nationality split off, a head required.
fn build(
    text: &str,
    phrase: Vec<(Word, Role, Option<Qualifier>)>,
    person: Range<usize>,
    side: Side,
) -> Option<TitleHit> {
    let mut qualifier = None;
    let mut title: Option<Range<usize>> = None;
    let mut start = None;
    let mut has_head = false;
    for (word, role, word_qualifier) in &phrase {
        qualifier = word_qualifier.or(qualifier);
        match role {
            Role::Qualifier(q) => {
                // A qualifier opens a title: title-like words before it are not part of it
                // ("under outgoing President Joe Biden").
                qualifier = Some(*q);
                title = None;
                has_head = false;
                start = Some(word.start);
            }
            Role::Title { head } => {
                has_head |= head;
                let (from, to) = title_bounds(text, word);
                title = Some(title.map_or(from..to, |t| t.start..to));
                start.get_or_insert(word.start);
            }
            // Inside a title ("Secretary of the Army") these are covered by the title words
            // around them; before or after it they are not part of it.
            Role::Organisation | Role::Joiner | Role::Country => {}
        }
    }
    let title = title?;
    if !has_head || title.is_empty() {
        return None;
    }
    let range = match side {
        Side::Before => start.unwrap_or(title.start)..person.end,
        Side::After => person.start..title.end,
    };
    Some(TitleHit { range, person, title, qualifier, designated: false })
}

/// The title part of a word: "President-elect" → "President", "ex-President" → "President".
fn title_bounds(text: &str, word: &Word) -> (usize, usize) {
    let mut start = word.start;
    let mut end = word.end;
    let inner = &text[word.start..word.end];
    if let Some(dash) = inner.rfind('-') {
        if Qualifier::from_word(&inner[dash + 1..].to_lowercase()).is_some() {
            end = word.start + dash;
        }
    }
    if let Some(dash) = inner.find('-') {
        if Qualifier::from_word(&inner[..dash].to_lowercase()).is_some() {
            start = word.start + dash + 1;
        }
    }
    (start, end.max(start))
}

/// The appositive after a name: "Umerov, the NSDC secretary, said".
fn title_after(
    text: &str,
    mention: &MentionHit,
    later: &[MentionHit],
    limit: usize,
    kb: &KnowledgeBase,
) -> Option<TitleHit> {
    let after = &text[mention.range.end..limit];
    let rest = after.strip_prefix(", ")?;
    let start = limit - after.len() + (after.len() - rest.len());
    // The phrase ends at the next punctuation; a name inside it means it belongs to someone else.
    let end = rest.find([',', '.', ';', ':', '(', ')', '–', '—', '"', '“', '”', '!', '?']).map_or(limit, |i| start + i);
    if later.first().is_some_and(|m| m.range.start < end) {
        return None;
    }
    let appositive: Vec<Word> =
        words(&text[start..end]).map(|w| Word { start: w.start + start, end: w.end + start, text: w.text }).collect();
    let mut phrase = Vec::new();
    let mut opening = true;
    for (i, word) in appositive.iter().enumerate() {
        let lower = word.text.to_lowercase();
        // "the", "Ukraine's", and "new", as headlines open an appositive ("X, new ISRO chief").
        if opening && (DETERMINERS.contains(&lower.as_str()) || lower == "new") {
            continue;
        }
        // "spokeswoman for the president", "adviser to the prime minister": the office after
        // the preposition is someone else's.
        if !phrase.is_empty() && serves_another(&lower, &appositive[i + 1..], kb) {
            break;
        }
        let next = || appositive.get(i + 1).and_then(|w| classify(w, kb)).map(|(role, _)| role);
        let (role, qualifier) = classify(word, kb).or_else(|| inner_and(word, next()))?;
        opening = matches!(role, Role::Country);
        phrase.push((*word, role, qualifier));
    }
    build(text, phrase, mention.range.clone(), Side::After)
}

/// Words that link a person named to an office with the office: "picked X as his director of
/// national intelligence", "X has been picked for the post of secretary of state".
const DESIGNATION_LINKS: &[&str] =
    &["as", "to be", "to serve as", "for the post of", "for the position of", "for the role of", "for the job of"];

/// The office a person is named to: after the name, a designation ("picked", "named",
/// "nominated") and a link ("as", "for the post of"), or a link right after the name when the
/// designation comes before it ("picked X as his …"). The title is the person's from then on,
/// and is judged as a title written before the name would be ("named X as defence minister"
/// fits from the day of the appointment, or a few months before it).
fn title_designated(
    text: &str,
    mention: &MentionHit,
    later: &[MentionHit],
    sentence: Range<usize>,
    kb: &KnowledgeBase,
) -> Option<TitleHit> {
    let designation = |words: &str| {
        words.split(|c: char| !c.is_alphabetic()).any(|w| lexicon::is_designation_word(&w.to_lowercase()))
    };
    // The clause after the name, up to the next person named, and the words before it: each
    // within reach, so that a sentence of many names is read in linear time.
    const REACH: usize = 300;
    let limit = floor_char_boundary(text, (mention.range.end + REACH).min(sentence.end));
    let end = later.iter().take(8).find(|m| is_person(m, kb)).map_or(limit, |m| m.range.start.min(limit));
    let after = text.get(mention.range.end..end.max(mention.range.end))?;
    let before = &text
        [floor_char_boundary(text, mention.range.start.saturating_sub(REACH).max(sentence.start))..mention.range.start];
    // ASCII case only: offsets in `lower` are offsets in `after`.
    let lower = after.to_ascii_lowercase();
    let linked = |at: usize| {
        DESIGNATION_LINKS.iter().find_map(|link| {
            let rest = lower[at..].strip_prefix(link)?;
            rest.starts_with(' ').then(|| at + link.len() + 1)
        })
    };
    let title_start = if let Some(rest) = lower.strip_prefix(' ').and_then(|_| linked(1)) {
        designation(before).then_some(rest)?
    } else {
        // "has been picked for the post of", "X confirmed as": a designation said of the person
        // (passive, or right after the name), then a link, before any stop. "he has picked as
        // his …" names someone else.
        let stop = lower.find([';', ':', '(', ')']).unwrap_or(lower.len());
        let mut previous = "";
        let mut first = true;
        let found = lower[..stop].match_indices(' ').find_map(|(space, _)| {
            let word_end = lower[space + 1..].find(' ').map_or(stop, |w| space + 1 + w);
            let word = lower[space + 1..word_end].trim_matches(',');
            let said_of_person = first || PASSIVE_AUXILIARIES.contains(&previous);
            let link = (lexicon::is_designation_word(word) && said_of_person && word_end < stop)
                .then(|| linked(word_end + 1))
                .flatten();
            first = false;
            previous = word;
            link
        });
        found?
    };
    let from = mention.range.end + title_start;
    let mut phrase = Vec::new();
    let mut opening = true;
    let mut previous_end = from;
    for word in words(&text[from..end]).map(|w| Word { start: w.start + from, end: w.end + from, text: w.text }) {
        // The words of a title follow each other with nothing but spaces between.
        if !text[previous_end..word.start].trim().is_empty() {
            break;
        }
        previous_end = word.end;
        let lower = word.text.to_lowercase();
        // "as a representative", "as an adviser": a description, not an office.
        if opening && matches!(lower.as_str(), "a" | "an") {
            return None;
        }
        if opening && (DETERMINERS.contains(&lower.as_str()) || matches!(lower.as_str(), "new" | "next")) {
            continue;
        }
        opening = false;
        let Some((role, qualifier)) = classify(&word, kb) else {
            // An office cut short is no office: "secretary of Health and Human Services",
            // "ambassador to the United Nations", "representative at the General Assembly".
            if CONTINUATIONS.contains(&lower.as_str()) || word.text.starts_with(char::is_uppercase) {
                return None;
            }
            break;
        };
        phrase.push((word, role, qualifier));
    }
    // A title ends in a title word, not in "of", "the" or "under".
    while phrase.last().is_some_and(|(word, role, _)| *role == Role::Joiner || word.text.eq_ignore_ascii_case("under"))
    {
        phrase.pop();
    }
    let mut hit = build(text, phrase, mention.range.clone(), Side::After)?;
    hit.designated = true;
    Some(hit)
}

/// Auxiliaries of a passive designation: "was named", "has been picked".
const PASSIVE_AUXILIARIES: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "get", "got", "gets"];

/// Words that carry an office on past its last title word ("… and Human Services", "… to the
/// United Nations").
const CONTINUATIONS: &[&str] = &["and", "&", "to", "of", "for", "at", "in", "on", "with", "under"];

/// Does `lower`, a preposition in an appositive title, introduce another person's office, a
/// head for one person among the words after it (`rest`)? "Ambassador to the UK" does not.
fn serves_another(lower: &str, rest: &[Word], kb: &KnowledgeBase) -> bool {
    let preposition = match lower {
        "to" | "for" => true,
        "under" => !rest.first().is_some_and(|w| w.text.to_lowercase().starts_with("secretar")),
        _ => false,
    };
    preposition
        && rest.iter().any(|w| {
            matches!(classify(w, kb), Some((Role::Title { head: true }, _)))
                && strip_possessive(w.text) == w.text
                && !is_plural_title(w.text)
        })
}

/// "and" inside a title joins two of its words ("National Security and Defense Council
/// Secretary"); before a head word it starts another title ("officials and President Macron"),
/// so it joins only when a title word that is no head follows it.
fn inner_and(word: &Word, next: Option<Role>) -> Option<(Role, Option<Qualifier>)> {
    ((word.text.eq_ignore_ascii_case("and") || word.text == "&") && next == Some(Role::Title { head: false }))
        .then_some((Role::Joiner, None))
}

/// "envoys", "Defense Ministers": a plural head shared by several names.
fn is_plural_title(title: &str) -> bool {
    let last = title.split_whitespace().next_back().unwrap_or("").to_lowercase();
    !last.ends_with("ss") && last.strip_suffix('s').is_some_and(lexicon::is_title_head)
}

/// "US envoys Steve Witkoff and Jared Kushner": the plural title covers each coordinated name.
fn coordinated(
    text: &str,
    later: &[MentionHit],
    first: &MentionHit,
    hit: &TitleHit,
    limit: usize,
    kb: &KnowledgeBase,
) -> Vec<TitleHit> {
    let mut out = Vec::new();
    let mut end = first.range.end;
    for next in later.iter().take_while(|m| m.range.end <= limit) {
        let between = text[end..next.range.start].trim();
        if !matches!(between, "and" | "," | ", and" | "&") || !is_person(next, kb) {
            break;
        }
        out.push(TitleHit {
            range: next.range.clone(),
            person: next.range.clone(),
            title: hit.title.clone(),
            qualifier: hit.qualifier,
            designated: hit.designated,
        });
        end = next.range.end;
    }
    out
}

#[cfg(test)]
mod tests;
