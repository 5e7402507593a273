use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{given_name, is_distinct, surname};
use crate::checks::{Check, CheckInfo, CorpusContext, declare_check, one_line};
use crate::claim::{ClaimKind, Form};
use crate::finding::{Finding, Location};
use crate::kb::{EntityKind, FormKind};
use crate::similar::SimilarNames;
use crate::text::{fold, strip_possessive};

declare_check! {
    /// ## What it flags
    /// The same person spelled differently by different sources of one run: "Rustem Umerov"
    /// in one article, "Rustam Umarov" in another. Each spelling is listed with its sources,
    /// the majority first.
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

/// One written spelling and where it occurs.
#[derive(Debug, Default)]
struct Spelling {
    shown: String,
    /// Source index → first occurrence there.
    sources: BTreeMap<usize, Location>,
}

/// How alike two given names must be to be the same person's.
const GIVEN_NAME_SIMILARITY: f64 = 0.85;

impl Check for CrossSource {
    fn info(&self) -> &'static CheckInfo {
        &Self::INFO
    }

    fn check_corpus(&self, cx: &CorpusContext, out: &mut Vec<Finding>) {
        let mut people: BTreeMap<String, BTreeMap<String, Spelling>> = BTreeMap::new();
        let mut unknown = Names::default();
        for (index, (source, claims)) in cx.sources.iter().zip(cx.claims).enumerate() {
            for claim in claims {
                let ClaimKind::Mention(m) = &claim.kind else { continue };
                let written = strip_possessive(source.file.slice(claim.span));
                let location = Location::new(&source.file, claim.span);
                match (m.entity, m.form) {
                    (Some(_), Form::Known(FormKind::Misspelling)) => {}
                    (Some(entity), _) if cx.kb.entities[entity].kind == EntityKind::Person => {
                        // Accepted forms of a known person differ by more than spelling ("Donald
                        // Trump", "Donald J. Trump"): only the surname's spelling is compared.
                        let key = format!("entity:{}", cx.kb.entities[entity].id);
                        let last = written.split_whitespace().next_back().unwrap_or(written);
                        add(people.entry(key).or_default(), last, index, location);
                    }
                    (None, Form::Unknown | Form::Ambiguous) if !is_distinct(cx.kb, written) => {
                        unknown.add(written, m.person_like, index, location);
                    }
                    _ => {}
                }
            }
        }
        for (key, spellings) in unknown.clusters(cx.settings.similarity) {
            people.insert(key, spellings);
        }
        for spellings in people.into_values() {
            if let Some(finding) = report(spellings) {
                out.push(finding);
            }
        }
    }
}

fn add(spellings: &mut BTreeMap<String, Spelling>, written: &str, source: usize, location: Location) {
    let spelling =
        spellings.entry(fold(written)).or_insert_with(|| Spelling { shown: one_line(written), ..Spelling::default() });
    spelling.sources.entry(source).or_insert(location);
}

/// Names that match no entity, to be grouped by similarity.
#[derive(Default)]
struct Names {
    /// Folded full names (two or more words) → spelling.
    full: BTreeMap<String, Spelling>,
    /// Folded single words → spelling.
    single: BTreeMap<String, Spelling>,
}

impl Names {
    fn add(&mut self, written: &str, person_like: bool, source: usize, location: Location) {
        let words = written.split_whitespace().count();
        if person_like && words >= 2 {
            add(&mut self.full, written, source, location);
        } else if words == 1 {
            add(&mut self.single, written, source, location);
        }
    }

    /// Groups full names by similarity, then attaches single words to the one group whose
    /// surname they are (or nearly are).
    fn clusters(self, similarity: f64) -> Vec<(String, BTreeMap<String, Spelling>)> {
        let full: Vec<(String, Spelling)> = self.full.into_iter().collect();
        let mut index = SimilarNames::default();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (name, _)) in full.iter().enumerate() {
            let last = surname(name);
            let ids = by_surname.entry(last.clone()).or_default();
            if ids.is_empty() {
                index.insert(&last);
            }
            ids.push(i);
        }
        let mut groups = UnionFind::new(full.len());
        for (i, (name, spelling)) in full.iter().enumerate() {
            for candidate in index.candidates(&surname(name)) {
                for &j in &by_surname[index.name(candidate)] {
                    if j > i
                        && same_person(name, &full[j].0, similarity)
                        && !named_apart(spelling, &full[j].1, name, &full[j].0)
                    {
                        groups.union(i, j);
                    }
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
            for candidate in index.candidates(&word) {
                let last = index.name(candidate);
                if last == word || strsim::jaro_winkler(last, &word) >= similarity {
                    homes.extend(by_surname[last].iter().map(|&i| groups.find(i)));
                }
            }
            if let (Some(&home), 1) = (homes.first(), homes.len()) {
                clusters.entry(home).or_default().insert(word, spelling);
            }
        }
        clusters.into_iter().map(|(root, spellings)| (format!("unknown:{root}"), spellings)).collect()
    }
}

/// Full names of one person: surnames and given names near, the whole name `similarity` alike.
fn same_person(a: &str, b: &str, similarity: f64) -> bool {
    let (Some(ga), Some(gb)) = (given_name(a), given_name(b)) else { return false };
    let given_ok = ga == gb
        || strsim::jaro_winkler(&ga, &gb) >= GIVEN_NAME_SIMILARITY
        || (ga.trim_end_matches('.').chars().count() == 1 && gb.starts_with(ga.trim_end_matches('.')));
    given_ok
        && strsim::jaro_winkler(&surname(a), &surname(b)) >= GIVEN_NAME_SIMILARITY
        && strsim::jaro_winkler(a, b) >= similarity
}

/// Two full names in one article with different given names are two people (a father and son,
/// two ministers), however alike.
fn named_apart(a: &Spelling, b: &Spelling, name_a: &str, name_b: &str) -> bool {
    given_name(name_a) != given_name(name_b) && a.sources.keys().any(|s| b.sources.contains_key(s))
}

/// One finding for a person spelled differently across sources, or none.
fn report(spellings: BTreeMap<String, Spelling>) -> Option<Finding> {
    let mut variants: Vec<Spelling> = merge_surnames(spellings);
    if variants.len() < 2 {
        return None;
    }
    let all_sources: BTreeSet<usize> = variants.iter().flat_map(|v| v.sources.keys().copied()).collect();
    // Only a difference between sources counts: one source using both is `name.inconsistent`.
    if all_sources.len() < 2 || variants.iter().all(|v| v.sources.len() == all_sources.len()) {
        return None;
    }
    variants.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then_with(|| first_place(a).cmp(&first_place(b))));
    let listing: Vec<String> = variants
        .iter()
        .map(|v| {
            let names: Vec<String> = v.sources.values().map(|l| l.file.path.clone()).collect();
            format!("“{}” ({})", v.shown, names.join(", "))
        })
        .collect();
    let minority = variants.last()?;
    let primary = minority.sources.values().next()?.clone();
    let mut finding = Finding::new(
        CrossSource::INFO.code,
        CrossSource::INFO.default_severity,
        primary,
        format!("sources spell this name differently: {}", listing.join("; ")),
    )
    .label(format!("“{}”", minority.shown))
    .help(majority_help(&variants));
    for other in &variants[..variants.len() - 1] {
        if let Some(location) = other.sources.values().next() {
            finding = finding.related(location.clone(), format!("“{}” here", other.shown));
        }
    }
    Some(finding)
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

fn first_place(spelling: &Spelling) -> (String, usize) {
    spelling.sources.values().next().map_or((String::new(), 0), |l| (l.file.path.clone(), l.span.start))
}

/// A bare surname spelled as in a full name is that spelling, not another: "Umarov" joins
/// "Rustam Umarov", "Zelenskyy" joins "Volodymyr Zelenskyy".
fn merge_surnames(spellings: BTreeMap<String, Spelling>) -> Vec<Spelling> {
    let (full, single): (Vec<_>, Vec<_>) = spellings.into_iter().partition(|(k, _)| k.contains(' '));
    let mut merged: Vec<(String, Spelling)> = full;
    for (word, spelling) in single {
        match merged.iter_mut().find(|(k, _)| surname(k) == word) {
            Some((_, host)) => {
                for (source, location) in spelling.sources {
                    host.sources.entry(source).or_insert(location);
                }
            }
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
    use crate::input::{Format, Loaded, Source, load};
    use crate::kb::KnowledgeBase;
    use crate::source::{SourceFile, Span};

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
variants = ["Zelensky"]
"#;

    /// The messages for a run over `articles`, each (published in 2026) given by its text.
    fn messages(articles: &[&str]) -> Vec<String> {
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
        let claims: Vec<_> = sources.iter().map(|s| extract(s, &kb, &ExtractSettings::default())).collect();
        let settings = CheckSettings::default();
        let cx = CorpusContext { sources: &sources, skipped: &[], claims: &claims, kb: &kb, settings: &settings };
        let mut out = Vec::new();
        CrossSource.check_corpus(&cx, &mut out);
        out.into_iter().map(|f| f.message).collect()
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

    fn spelling(shown: &str, sources: &[usize]) -> Spelling {
        let file = SourceFile::new("a.md", shown);
        let at = Location::new(&file, Span::new(0, shown.len()));
        Spelling { shown: shown.to_string(), sources: sources.iter().map(|&s| (s, at.clone())).collect() }
    }

    #[test]
    fn the_majority_or_a_split_is_named() {
        type Case<'a> = (&'a [(&'a str, &'a [usize])], &'a str);
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
