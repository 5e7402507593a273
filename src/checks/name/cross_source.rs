use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{given_name, is_distinct, surname, written_surname};
use crate::checks::{Check, CheckInfo, CorpusContext, declare_check, one_line};
use crate::claim::Form;
use crate::finding::Finding;
use crate::kb::{EntityKind, FormKind};
use crate::similar::SimilarNames;
use crate::source::Span;
use crate::transliteration::{has_cyrillic, plain};

declare_check! {
    /// ## What it flags
    /// The same person spelled differently by different sources of one run: "Rustem Umerov"
    /// in one article, "Rustam Umarov" in another. Each spelling is listed with its sources,
    /// the majority first, and each spelling but the right one is flagged where it is first
    /// used: the right one is the rules' house spelling when a source uses it, else the one
    /// most sources use. Accents alone ("Díaz", "Diaz") and another script ("Зеленский") are
    /// not another spelling.
    ///
    /// ## Why
    /// A desk comparing wire copies needs to see that two stories name the same person two
    /// ways, whether or not the rules know that person. With rules, mentions are grouped by
    /// entity and their surnames compared ("Donald J. Trump" and "Donald Trump" are one
    /// spelling; known misspellings are left to `name.misspelled`). Without, names are grouped
    /// by similarity: full names whose given names and surnames are both near (the whole name
    /// at least `similarity` alike), and a bare surname with the full name it belongs to.
    /// Candidates are found through a deletion index on surnames, never by comparing all pairs.
    ///
    /// ## Example
    /// ```text
    /// a.md: … Defense Minister Rustem Umerov …
    /// b.md: … Rustam Umarov, a senior Ukrainian official …
    /// ```
    CrossSource, "name.cross-source", Warning, "sources spell the same person differently"
}

/// One written spelling: its first place and the sources using it.
#[derive(Debug, Default)]
struct Spelling {
    shown: String,
    /// The first source using it, and where.
    first: (usize, Span),
    /// Every source using it, ascending, once each.
    sources: Vec<u32>,
}

impl Spelling {
    /// Takes in another spelling's sources: the same person, spelled alike.
    fn absorb(&mut self, other: &Spelling) {
        self.first = self.first.min(other.first);
        self.sources = union(&self.sources, &other.sources);
    }
}

/// The union of two ascending lists.
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

/// How alike two given names must be to be the same person's.
const GIVEN_NAME_SIMILARITY: f64 = 0.85;

impl Check for CrossSource {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        // One source spells no name differently from another: nothing to group.
        if cx.facts.sources.len() < 2 {
            return;
        }
        // Each person's spellings, with the house spelling of a known person's surname.
        let mut people: BTreeMap<String, (Option<String>, BTreeMap<String, Spelling>)> = BTreeMap::new();
        let mut unknown = Names::default();
        for name in &cx.facts.names {
            let written = &*name.written;
            let spelling =
                |shown: &str| Spelling { shown: one_line(shown), first: name.first, sources: name.sources.clone() };
            match (name.entity, name.form) {
                (Some(_), Form::Known(FormKind::Misspelling)) => {}
                // A name in another script is not another spelling ("Зеленский").
                (Some(entity), _) if cx.kb.entities[entity].kind == EntityKind::Person && !has_cyrillic(written) => {
                    // Accepted forms of a known person differ by more than spelling ("Donald
                    // Trump", "Donald J. Trump"): only the surname's spelling is compared.
                    let entity = &cx.kb.entities[entity];
                    let key = format!("entity:{}", entity.id);
                    let last = written_surname(written);
                    let (_, spellings) =
                        people.entry(key).or_insert_with(|| (Some(plain(&surname(&entity.name))), BTreeMap::new()));
                    add(spellings, spelling(last));
                }
                (None, Form::Unknown | Form::Ambiguous) if !is_distinct(cx.kb, written) => {
                    unknown.add(spelling(written), name.person_like);
                }
                _ => {}
            }
        }
        for (key, spellings) in unknown.clusters(cx.settings.similarity) {
            people.insert(key, (None, spellings));
        }
        for (house, spellings) in people.into_values() {
            report(cx, spellings, house.as_deref(), out);
        }
    }
}

fn add(spellings: &mut BTreeMap<String, Spelling>, spelling: Spelling) {
    let shown = spelling.shown.clone();
    add_as(spellings, &shown, spelling);
}

/// Adds a spelling under the key of `compared`, the part of it that tells spellings apart.
fn add_as(spellings: &mut BTreeMap<String, Spelling>, compared: &str, spelling: Spelling) {
    // Accents and stops alone are no other spelling ("Díaz", "Diaz"; "Jr.", "Jr").
    let key: String = plain(compared).chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    match spellings.entry(key) {
        std::collections::btree_map::Entry::Occupied(mut known) => known.get_mut().absorb(&spelling),
        std::collections::btree_map::Entry::Vacant(new) => {
            new.insert(spelling);
        }
    }
}

/// The most names a full name is compared with. Where thousands share a surname or nearly
/// (a corpus with hundreds of Smiths, or a text made to be slow), comparing each with all the
/// others would take the square of their number; past this many, a name's neighbours are too
/// crowded to tell a misspelling from another person anyway.
const MOST_COMPARED: usize = 256;

/// Names that match no entity, to be grouped by similarity.
#[derive(Default)]
struct Names {
    /// Folded full names (two or more words) → spelling.
    full: BTreeMap<String, Spelling>,
    /// Folded single words → spelling.
    single: BTreeMap<String, Spelling>,
}

impl Names {
    fn add(&mut self, spelling: Spelling, person_like: bool) {
        let words = spelling.shown.split_whitespace().count();
        if person_like && words >= 2 {
            // A middle name or initial more or less is no other spelling ("Maria Elena
            // Lindqvist", "Maria Lindqvist"): full names are told apart by their ends.
            let ends = format!("{} {}", given_name(&spelling.shown).unwrap_or_default(), surname(&spelling.shown));
            add_as(&mut self.full, &ends, spelling);
        } else if words == 1 && !is_initial_nickname(&spelling.shown) {
            add(&mut self.single, spelling);
        }
    }

    /// Groups full names by similarity, then attaches single words to the one group whose
    /// surname they are (or nearly are).
    fn clusters(self, similarity: f64) -> Vec<(String, BTreeMap<String, Spelling>)> {
        let full: Vec<(String, Spelling)> = self.full.into_iter().collect();
        let mut surnames = Vec::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (name, _)) in full.iter().enumerate() {
            let last = surname(name);
            let ids = by_surname.entry(last.clone()).or_default();
            if ids.is_empty() {
                surnames.push(last);
            }
            ids.push(i);
        }
        let index = SimilarNames::new(surnames);
        let mut groups = UnionFind::new(full.len());
        // Each name's parts, read once rather than at each comparison.
        let parts: Vec<NameParts> = full.iter().map(|(name, _)| NameParts::of(name)).collect();
        for (i, (_, spelling)) in full.iter().enumerate() {
            let later = index
                .candidates(&parts[i].surname)
                .into_iter()
                .flat_map(|candidate| by_surname[index.name(candidate)].iter().copied())
                .filter(|&j| j > i);
            for j in later.take(MOST_COMPARED) {
                if same_person(&parts[i], &parts[j], similarity)
                    && !named_apart(spelling, &full[j].1, &parts[i], &parts[j])
                {
                    groups.union(i, j);
                }
            }
        }
        let mut clusters: BTreeMap<usize, BTreeMap<String, Spelling>> = BTreeMap::new();
        let mut surnames: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for (i, (name, spelling)) in full.into_iter().enumerate() {
            let root = groups.find(i);
            surnames.entry(root).or_default().insert(surname(&name));
            clusters.entry(root).or_default().insert(name, spelling);
        }
        for (word, spelling) in self.single {
            // The groups this word is the surname of, exactly or nearly.
            let mut homes: BTreeSet<usize> = BTreeSet::new();
            let names = index
                .candidates(&word)
                .into_iter()
                .map(|candidate| index.name(candidate))
                .filter(|last| *last == word || strsim::jaro_winkler(last, &word) >= similarity)
                .flat_map(|last| by_surname[last].iter().copied());
            for i in names.take(MOST_COMPARED) {
                homes.insert(groups.find(i));
                if homes.len() > 1 {
                    break;
                }
            }
            if let (Some(&home), 1) = (homes.first(), homes.len()) {
                clusters.entry(home).or_default().insert(word, spelling);
            }
        }
        clusters.into_iter().map(|(root, spellings)| (format!("unknown:{root}"), spellings)).collect()
    }
}

/// "J-Kidd", "A-Rod": an initial joined to a surname is a nickname, no spelling of the surname.
fn is_initial_nickname(word: &str) -> bool {
    word.split_once('-').is_some_and(|(initial, rest)| {
        initial.chars().count() == 1 && initial.chars().all(char::is_uppercase) && !rest.is_empty()
    })
}

/// A full name and its parts, folded.
struct NameParts<'a> {
    whole: &'a str,
    given: Option<String>,
    surname: String,
}

impl NameParts<'_> {
    fn of(name: &str) -> NameParts<'_> {
        NameParts { whole: name, given: given_name(name), surname: surname(name) }
    }
}

/// Full names of one person: surnames and given names near, the whole name `similarity` alike.
fn same_person(a: &NameParts, b: &NameParts, similarity: f64) -> bool {
    let (Some(ga), Some(gb)) = (&a.given, &b.given) else { return false };
    let given_ok = ga == gb
        || strsim::jaro_winkler(ga, gb) >= GIVEN_NAME_SIMILARITY
        || (ga.trim_end_matches('.').chars().count() == 1 && gb.starts_with(ga.trim_end_matches('.')));
    given_ok
        && strsim::jaro_winkler(&a.surname, &b.surname) >= GIVEN_NAME_SIMILARITY
        && strsim::jaro_winkler(a.whole, b.whole) >= similarity
}

/// Two full names in one article with different given names are two people (a father and son,
/// two ministers), however alike.
fn named_apart(a: &Spelling, b: &Spelling, name_a: &NameParts, name_b: &NameParts) -> bool {
    name_a.given != name_b.given && a.sources.iter().any(|s| b.sources.binary_search(s).is_ok())
}

/// The findings for a person spelled differently across sources: one on each spelling but the
/// right one, which is the house spelling (`house`, plain) when it is used, else the one most
/// sources use.
fn report(cx: &CorpusContext, spellings: BTreeMap<String, Spelling>, house: Option<&str>, out: &mut Vec<Finding>) {
    let mut variants: Vec<Spelling> = merge_surnames(spellings);
    if variants.len() < 2 {
        return;
    }
    let all_sources: BTreeSet<u32> = variants.iter().flat_map(|v| v.sources.iter().copied()).collect();
    // Only a difference between sources counts: one source using both is `name.inconsistent`.
    if all_sources.len() < 2 || variants.iter().all(|v| v.sources.len() == all_sources.len()) {
        return;
    }
    variants.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then_with(|| first_place(a).cmp(&first_place(b))));
    let listing: Vec<String> = variants
        .iter()
        .map(|v| {
            let names: Vec<&str> = v.sources.iter().map(|&s| cx.label(s as usize)).collect();
            format!("“{}” ({})", v.shown, names.join(", "))
        })
        .collect();
    let message = format!("sources spell this name differently: {}", listing.join("; "));
    let house_at = house.and_then(|house| variants.iter().position(|v| plain(&v.shown) == house));
    let right = house_at.unwrap_or(0);
    let help = match house_at {
        Some(at) => format!("the rules' house spelling is “{}”", variants[at].shown),
        None => majority_help(&variants),
    };
    for (i, wrong) in variants.iter().enumerate().filter(|&(i, _)| i != right) {
        let mut finding = Finding::new(
            CrossSource::INFO.code,
            CrossSource::INFO.default_severity,
            cx.locate(wrong.first.0, wrong.first.1),
            message.clone(),
        )
        .label(format!("“{}”", wrong.shown))
        .help(help.clone());
        for (_, other) in variants.iter().enumerate().filter(|&(j, _)| j != i) {
            finding = finding.related(cx.locate(other.first.0, other.first.1), format!("“{}” here", other.shown));
        }
        out.push(finding);
    }
}

/// Which spelling most sources use, or that they are split.
fn majority_help(variants: &[Spelling]) -> String {
    let most = variants[0].sources.len();
    let tied: Vec<String> =
        variants.iter().filter(|v| v.sources.len() == most).map(|v| format!("“{}”", v.shown)).collect();
    if tied.len() > 1 {
        format!("the sources are split between {}; check which spelling is right", tied.join(" and "))
    } else {
        format!("most sources write “{}”; check which spelling is right", variants[0].shown)
    }
}

/// Sources are in path order, so their index orders them.
fn first_place(spelling: &Spelling) -> (usize, usize) {
    (spelling.first.0, spelling.first.1.start)
}

/// A bare surname spelled as in a full name is that spelling, not another: "Umarov" joins
/// "Rustam Umarov", "Zelenskyy" joins "Volodymyr Zelenskyy".
fn merge_surnames(spellings: BTreeMap<String, Spelling>) -> Vec<Spelling> {
    let (full, single): (Vec<_>, Vec<_>) = spellings.into_iter().partition(|(k, _)| k.contains(' '));
    let mut merged: Vec<(String, Spelling)> = full;
    for (word, spelling) in single {
        match merged.iter_mut().find(|(k, _)| surname(k) == word) {
            Some((_, host)) => host.absorb(&spelling),
            None => merged.push((word, spelling)),
        }
    }
    merged.into_iter().map(|(_, s)| s).collect()
}

/// Disjoint sets over indices, with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckSettings;
    use crate::extract::{ExtractSettings, extract};
    use crate::facts::{CorpusFacts, SourceFacts};
    use crate::input::{Format, Loaded, Source, load};
    use crate::kb::KnowledgeBase;
    use crate::source::{Files, SourceFile};

    const RULES: &str = r#"
[[entity]]
id = "donald-trump"
name = "Donald Trump"
kind = "person"
variants = ["Donald J. Trump"]

[[entity]]
id = "volodymyr-zelenskyy"
name = "Volodymyr Zelenskyy"
kind = "person"
variants = ["Zelensky", "Zelenskiy"]

[[entity]]
id = "lucia-diaz"
name = "Lucía Díaz"
kind = "person"
"#;

    /// The messages for a run over `articles`, each (published in 2026) given by its text.
    fn messages(articles: &[&str]) -> Vec<String> {
        findings(articles).into_iter().map(|f| f.message).collect()
    }

    /// The findings for a run over `articles`.
    fn findings(articles: &[&str]) -> Vec<Finding> {
        let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", RULES)]).unwrap();
        let sources: Vec<Source> = articles
            .iter()
            .enumerate()
            .flat_map(|(i, text)| {
                let text = format!("---\npublished: 2026-01-06\n---\n{text}\n");
                match load(&format!("{i}.md"), text.as_bytes(), Format::Markdown, None) {
                    Loaded::Articles(sources) => sources,
                    _ => panic!("not read"),
                }
            })
            .collect();
        let mut facts = CorpusFacts::default();
        for source in &sources {
            facts.add(SourceFacts::collect(source, &extract(source, &kb, &ExtractSettings::default()), &kb));
        }
        let mut files = Files::default();
        sources.iter().for_each(|s| files.hold(&s.file));
        let settings = CheckSettings::default();
        let cx = CorpusContext { facts: &facts, skipped: &[], kb: &kb, settings: &settings, files: &files };
        let mut out = Vec::new();
        CrossSource.check_corpus(&cx, &mut out);
        out
    }

    #[test]
    fn findings_land_on_each_wrong_spelling() {
        // Articles → where each finding lands (path and text).
        let table: [(&[&str], &[&str]); 8] = [
            // The house spelling is right however few use it.
            (&["Volodymyr Zelenskyy spoke.", "Zelensky spoke.", "Zelensky spoke again."], &["1.md Zelensky"]),
            // One finding for each other spelling.
            (
                &["Volodymyr Zelenskyy spoke.", "Zelensky spoke.", "Zelenskiy spoke."],
                &["1.md Zelensky", "2.md Zelenskiy"],
            ),
            // Without rules, the majority is taken for right.
            (
                &["Ingrid Halvorsen spoke.", "Ingrid Halvorson spoke.", "Ingrid Halvorsen said so."],
                &["1.md Ingrid Halvorson"],
            ),
            // Accents alone are no other spelling, nor is another script.
            (&["Lucía Díaz spoke.", "Lucia Diaz spoke."], &[]),
            (&["Volodymyr Zelenskyy spoke.", "Зеленский заявил."], &[]),
            (&["Volodymyr Zelenskyy spoke.", "Vladimir Zelenskyy spoke."], &[]),
            // Nor is a middle name more or less.
            (&["Johannes Paul Halvorsen spoke.", "Johannes Halvorsen spoke."], &[]),
            // A nickname of an initial and the surname is no spelling of it.
            (&["Coach Jason Kidd spoke.", "The guard played for J-Kidd in Dallas."], &[]),
        ];
        for (articles, expected) in table {
            let got: Vec<String> =
                findings(articles).iter().map(|f| format!("{} {}", f.location.path, f.location.text())).collect();
            assert_eq!(got, expected, "{articles:?}");
        }
    }

    #[test]
    fn known_people_are_compared_by_surname() {
        let table: [(&[&str], &[&str]); 3] = [
            (&["Donald Trump spoke.", "Donald J. Trump spoke."], &[]),
            (
                &["Volodymyr Zelenskyy spoke.", "Zelensky spoke."],
                &["sources spell this name differently: “Zelenskyy” (0.md); “Zelensky” (1.md)"],
            ),
            (&["Volodymyr Zelenskyy spoke.", "Zelenskyy's aides spoke."], &[]),
        ];
        for (articles, expected) in table {
            assert_eq!(messages(articles), expected, "{articles:?}");
        }
    }

    fn spelling(shown: &str, sources: &[u32]) -> Spelling {
        let first = (sources[0] as usize, Span::new(0, shown.len()));
        Spelling { shown: shown.to_string(), first, sources: sources.to_vec() }
    }

    #[test]
    fn the_majority_or_a_split_is_named() {
        type Case<'a> = (&'a [(&'a str, &'a [u32])], &'a str);
        let table: [Case; 3] = [
            (
                &[("Ingrid Halvorsen", &[0, 2]), ("Ingrid Halvorson", &[1])],
                "most sources write “Ingrid Halvorsen”; check which spelling is right",
            ),
            (
                &[("Tariq Mansour", &[0]), ("Tarik Mansur", &[1])],
                "the sources are split between “Tariq Mansour” and “Tarik Mansur”; check which spelling is right",
            ),
            (
                &[("A B", &[0, 1]), ("A C", &[2, 3]), ("A D", &[4])],
                "the sources are split between “A B” and “A C”; check which spelling is right",
            ),
        ];
        for (variants, expected) in table {
            let variants: Vec<Spelling> = variants.iter().map(|(shown, sources)| spelling(shown, sources)).collect();
            assert_eq!(majority_help(&variants), expected);
        }
    }
}
