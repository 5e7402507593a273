//! Near-miss lookup for names without comparing all pairs: every name is indexed under the
//! strings left after deleting up to two of its characters, so two names within two edits share
//! a key (the symmetric-deletion method). Candidates are then scored with Jaro-Winkler.

use std::collections::{HashMap, HashSet};

/// Names longer than this are indexed by their first characters only: two edits in a very long
/// name are caught anyway, and the number of keys stays bounded.
const MAX_INDEXED: usize = 24;

#[derive(Debug, Default)]
pub struct SimilarNames {
    keys: HashMap<String, Vec<u32>>,
    names: Vec<String>,
}

impl SimilarNames {
    /// Adds a (folded) name; returns its index.
    pub fn insert(&mut self, name: &str) -> usize {
        let id = self.names.len();
        self.names.push(name.to_string());
        for key in deletions(name) {
            self.keys.entry(key).or_default().push(id as u32);
        }
        id
    }

    pub fn name(&self, id: usize) -> &str {
        &self.names[id]
    }

    /// Indexed names within two edits of `name` (itself included, if indexed).
    pub fn candidates(&self, name: &str) -> Vec<usize> {
        let mut found: Vec<usize> =
            deletions(name).filter_map(|k| self.keys.get(&k)).flatten().map(|&id| id as usize).collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The name and every string made by deleting one or two of its characters.
fn deletions(name: &str) -> impl Iterator<Item = String> {
    let chars: Vec<char> = name.chars().take(MAX_INDEXED).collect();
    let mut out: HashSet<String> = HashSet::new();
    out.insert(chars.iter().collect());
    for i in 0..chars.len() {
        let one: Vec<char> = chars.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, c)| *c).collect();
        for j in i..one.len() {
            out.insert(one.iter().enumerate().filter(|&(k, _)| k != j).map(|(_, c)| c).collect());
        }
        out.insert(one.into_iter().collect());
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_within_two_edits() {
        let mut index = SimilarNames::default();
        let witkoff = index.insert("witkoff");
        let zelenskyy = index.insert("zelenskyy");
        index.insert("macron");
        assert_eq!(index.candidates("wittkopf"), [witkoff]);
        assert_eq!(index.candidates("zelensky"), [zelenskyy]);
        assert!(index.candidates("putin").is_empty());
    }
}
