//! Imported entities written as SPEC §3 rule files, one file per entity, each opening with a
//! marker line that names its QID: `--update` rewrites only files that carry it, and every other
//! file in the folder is left as it is and kept clear of (its ids and names are taken).
//!
//! What is written always validates: a name another entity already has is not imported, an
//! alias another entity has is dropped, overlapping records of one post are merged, and a term
//! that ends before it starts is left out — each said in a comment or a note.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{End, Label, PartialDate, Qid, Record, Term, parse_qid};
use crate::error::Error;
use crate::kb::{EntityKind, model, toml_files};
use crate::source::SourceFile;
use crate::text::fold;

/// The first line of every imported file.
pub(super) const MARKER: &str = "# factlint import: wikidata ";

/// Who holds an id or a name already: an imported entity (its QID) or a hand-written file.
type Owner = Option<Qid>;

/// What the output folder holds before the import.
#[derive(Debug, Default)]
pub struct Existing {
    /// Files imported before: QID → (path, id).
    imported: HashMap<Qid, (PathBuf, String)>,
    /// Paths of the files not imported, which are never written.
    hand_written: Vec<PathBuf>,
    ids: HashMap<String, Owner>,
    /// Folded names, variants and misspellings.
    forms: HashMap<String, Owner>,
}

impl Existing {
    /// Reads every rule file under `dir` (nothing when it does not exist yet).
    pub fn scan(dir: &Path) -> Result<Existing, Error> {
        let mut existing = Existing::default();
        if !dir.exists() {
            return Ok(existing);
        }
        for path in toml_files(dir)? {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::read(path.display(), e))?;
            let owner = text.lines().next().and_then(|l| l.strip_prefix(MARKER)).and_then(parse_qid);
            // Faults are `rules check`'s to report; the entities that read claim their ids and forms.
            let file = SourceFile::new(path.display().to_string(), text);
            let entities = model::read(&file, &mut Vec::new()).entity;
            for entity in &entities {
                existing.ids.insert(entity.id.get_ref().clone(), owner);
                let forms = std::iter::once(&entity.name).chain(&entity.variants).chain(&entity.misspellings);
                for form in forms {
                    existing.forms.insert(fold(form.get_ref()), owner);
                }
            }
            match (owner, entities.first()) {
                (Some(qid), Some(entity)) => {
                    existing.imported.insert(qid, (path, entity.id.get_ref().clone()));
                }
                (Some(_), None) => {}
                (None, _) => existing.hand_written.push(path),
            }
        }
        Ok(existing)
    }
}

/// The rule files to write.
#[derive(Debug, Default)]
pub struct Output {
    /// Paths (under the output folder unless imported there before) and their text.
    pub files: Vec<(PathBuf, String)>,
    /// What was left out, and why.
    pub notes: Vec<String>,
}

/// Writes `records` as rule files for the folder `dir`. `checked`, when given, is every fact's
/// `checked` day; otherwise each entity's `modified` day is.
pub fn write(
    records: Vec<Record>,
    labels: &HashMap<Qid, Label>,
    mut existing: Existing,
    dir: &Path,
    checked: Option<NaiveDate>,
) -> Output {
    let mut output = Output::default();
    let is_free = |taken: &HashMap<String, Owner>, key: &str, qid: Qid| taken.get(key).is_none_or(|o| *o == Some(qid));
    // Names first, in QID order (stable across runs): an alias never keeps a later entity out.
    let mut named = Vec::new();
    for record in records {
        let Some(name) = record.label.clone() else {
            output.notes.push(format!("Q{}: no English label; not imported", record.qid));
            continue;
        };
        if !is_free(&existing.forms, &fold(&name), record.qid) {
            output.notes.push(format!("Q{}: another entity is already called “{name}”; not imported", record.qid));
            continue;
        }
        existing.forms.insert(fold(&name), Some(record.qid));
        named.push((record, name));
    }
    for (record, name) in named {
        let mut variants: Vec<String> = Vec::new();
        for alias in &record.aliases {
            let key = fold(alias);
            if key.is_empty() || key == fold(&name) || !is_free(&existing.forms, &key, record.qid) {
                continue;
            }
            if variants.iter().all(|v| fold(v) != key) {
                existing.forms.insert(key, Some(record.qid));
                variants.push(alias.clone());
            }
        }
        let id = match existing.imported.get(&record.qid) {
            Some((_, id)) => id.clone(),
            None => {
                let plain = kebab(&name);
                let plain = if plain.is_empty() { format!("q{}", record.qid) } else { plain };
                if is_free(&existing.ids, &plain, record.qid) { plain } else { format!("{plain}-q{}", record.qid) }
            }
        };
        existing.ids.insert(id.clone(), Some(record.qid));
        let path = match existing.imported.get(&record.qid) {
            Some((path, _)) => path.clone(),
            None => {
                let plain = dir.join(format!("{id}.toml"));
                if existing.hand_written.contains(&plain) {
                    dir.join(format!("{id}-q{}.toml", record.qid))
                } else {
                    plain
                }
            }
        };
        let text = render(&record, &name, &variants, &id, labels, checked.or(record.modified));
        output.files.push((path, text));
    }
    output
}

/// One post's terms under one title.
struct Post<'a> {
    title: &'a str,
    forms: Vec<&'a str>,
    terms: Vec<Term>,
    position: Qid,
}

fn render(
    record: &Record,
    name: &str,
    variants: &[String],
    id: &str,
    labels: &HashMap<Qid, Label>,
    checked: Option<NaiveDate>,
) -> String {
    let source = format!("https://www.wikidata.org/wiki/Q{}", record.qid);
    let mut out = String::new();
    let _ = writeln!(out, "{MARKER}Q{}", record.qid);
    out += "# Written by `factlint rules import wikidata`; `--update` rewrites this file whole, so\n";
    out += "# corrections belong in a hand-written file (or in Wikidata).\n\n";
    out += "[[entity]]\n";
    let _ = writeln!(out, "id = {}", quoted(id));
    let _ = writeln!(out, "name = {}", quoted(name));
    let kind = match record.kind.unwrap_or(EntityKind::Other) {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Other => "other",
    };
    let _ = writeln!(out, "kind = \"{kind}\"");
    if !variants.is_empty() {
        let _ = writeln!(out, "variants = {}", list(variants.iter().map(String::as_str)));
    }
    let _ = writeln!(out, "source = {}", quoted(&source));
    if let Some(day) = checked {
        let _ = writeln!(out, "checked = \"{day}\"");
    }
    for note in &record.skipped {
        let _ = writeln!(out, "# skipped: {note}");
    }

    // Terms grouped by the folded title they will be written with: two posts with one English
    // label are one title to the rules, and must not overlap either.
    let mut posts: BTreeMap<String, Post> = BTreeMap::new();
    let mut notes = Vec::new();
    for term in &record.terms {
        let Some(label) = labels.get(&term.position) else {
            notes.push(format!("Q{} (position held): no English label in the input; skipped", term.position));
            continue;
        };
        let period = term.period();
        if let (Some(from), Some(until)) = (period.from, period.until) {
            if from.start >= until.start {
                notes.push(format!("Q{}: {period} ends before it starts; skipped", term.position));
                continue;
            }
        }
        let post = posts.entry(fold(&label.label)).or_insert_with(|| Post {
            title: &label.label,
            forms: Vec::new(),
            terms: Vec::new(),
            position: term.position,
        });
        for alias in &label.aliases {
            let key = fold(alias);
            if !key.is_empty() && key != fold(post.title) && post.forms.iter().all(|f| fold(f) != key) {
                post.forms.push(alias);
            }
        }
        post.terms.push(term.clone());
    }
    for note in notes {
        let _ = writeln!(out, "# {note}");
    }
    let mut roles: Vec<(&Post, Term, bool)> = Vec::new();
    for post in posts.values() {
        roles.extend(merge_overlaps(post.terms.clone()).into_iter().map(|(term, merged)| (post, term, merged)));
    }
    roles.sort_by_key(|(post, term, _)| (term.period().from.map(|f| f.start), post.title));
    for (post, term, merged) in roles {
        out += "\n[[entity.role]]\n";
        if merged {
            let _ = writeln!(out, "# Q{}: overlapping records of this post merged into one period", post.position);
        }
        let _ = writeln!(out, "title = {}", quoted(post.title));
        if !post.forms.is_empty() {
            let _ = writeln!(out, "forms = {}", list(post.forms.iter().copied()));
        }
        if let Some(PartialDate(from)) = &term.from {
            let _ = writeln!(out, "from = \"{from}\"");
        }
        if let End::Known(PartialDate(until)) = &term.until {
            let _ = writeln!(out, "until = \"{until}\"");
        }
        let _ = writeln!(out, "source = {}", quoted(&source));
        if let Some(day) = checked {
            let _ = writeln!(out, "checked = \"{day}\"");
        }
    }
    out
}

/// Merges terms whose periods overlap until none do, each marked true when it was merged from
/// several. A re-appointment after a gap stays two terms.
fn merge_overlaps(mut terms: Vec<Term>) -> Vec<(Term, bool)> {
    terms.sort();
    terms.dedup();
    let mut terms: Vec<(Term, bool)> = terms.into_iter().map(|t| (t, false)).collect();
    'again: loop {
        for i in 0..terms.len() {
            for j in i + 1..terms.len() {
                if terms[i].0.overlaps(&terms[j].0) {
                    let (other, _) = terms.remove(j);
                    terms[i].1 = true;
                    let term = &mut terms[i].0;
                    let (a, b) = (term.period(), other.period());
                    // The earlier start (an unknown start is the earliest), the later end.
                    if b.from.is_none() || a.from.zip(b.from).is_some_and(|(a, b)| b.start < a.start) {
                        term.from = other.from.clone();
                    }
                    term.until = match (a.until, b.until) {
                        (Some(x), Some(y)) if y.end > x.end => other.until.clone(),
                        (Some(_), None) => End::Open,
                        _ => term.until.clone(),
                    };
                    continue 'again;
                }
            }
        }
        return terms;
    }
}

/// A TOML basic string, escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    format!("[{}]", items.map(quoted).collect::<Vec<_>>().join(", "))
}

/// An id from a label: lower-case ASCII words joined by hyphens, common Latin accents dropped
/// ("Sauli Niinistö" → "sauli-niinisto"); other letters only separate words.
pub fn kebab(label: &str) -> String {
    let mut id = String::new();
    let mut gap = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        let plain = if c.is_ascii_alphanumeric() { Some(c) } else { unaccented(c) };
        match plain {
            Some(c) => {
                if gap && !id.is_empty() {
                    id.push('-');
                }
                gap = false;
                id.push(c);
            }
            // "O'Brien" is one word.
            None if matches!(c, '\'' | '’') => {}
            None => gap = true,
        }
    }
    id
}

fn unaccented(c: char) -> Option<char> {
    const TABLE: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    TABLE.iter().find(|(accented, _)| accented.contains(c)).map(|(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case_ascii() {
        for (label, id) in [
            ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
            ("Sauli Niinistö", "sauli-niinisto"),
            ("Martin O'Malley", "martin-omalley"),
            ("  J. D. Vance ", "j-d-vance"),
            ("Владимир Путин", ""),
        ] {
            assert_eq!(kebab(label), id, "{label}");
        }
    }

    fn term(from: Option<&str>, until: Option<&str>) -> Term {
        Term {
            position: 1,
            from: from.map(|f| PartialDate(f.into())),
            until: until.map_or(End::Open, |u| End::Known(PartialDate(u.into()))),
        }
    }

    #[test]
    fn overlapping_terms_merge_and_a_reappointment_stays_apart() {
        let terms = vec![term(Some("2010-01-01"), Some("2014")), term(Some("2012"), Some("2016-05"))];
        assert_eq!(merge_overlaps(terms), [(term(Some("2010-01-01"), Some("2016-05")), true)]);

        let terms = vec![term(Some("2019-01-01"), None), term(Some("2010"), Some("2014"))];
        let apart = [(term(Some("2010"), Some("2014")), false), (term(Some("2019-01-01"), None), false)];
        assert_eq!(merge_overlaps(terms), apart);

        let terms = vec![term(Some("2010"), Some("2014")), term(None, None), term(None, None)];
        assert_eq!(merge_overlaps(terms), [(term(None, None), true)]);
    }
}
