//! Near-miss lookup for names without comparing all pairs: every name is indexed under the
//! strings left after deleting up to two of its characters, so two names within two edits share
//! a key (the symmetric-deletion method). Candidates are then scored with Jaro-Winkler.
//!
//! Keys are polynomial hashes, computed from prefix hashes in constant time per deletion, so
//! indexing a name allocates nothing per key. A collision only adds a candidate, which the
//! scoring then rejects.

use rustc_hash::FxHashMap;

/// Names longer than this are indexed by their first characters only: two edits in a very long
/// name are caught anyway, and the number of keys stays bounded.
const MAX_INDEXED: usize = 24;

/// The base of the polynomial hash (odd, large, and not a power of two).
const BASE: u64 = 0x100_0000_01b3;

#[derive(Debug, Default)]
pub struct SimilarNames {
    keys: FxHashMap<u64, Vec<u32>>,
    names: Vec<String>,
}

impl SimilarNames {
    /// Adds a (folded) name; returns its index.
    pub fn insert(&mut self, name: &str) -> usize {
        let id = self.names.len();
        self.names.push(name.to_string());
        for key in deletion_keys(name) {
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
            deletion_keys(name).iter().filter_map(|k| self.keys.get(k)).flatten().map(|&id| id as usize).collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The hashes of the name and of every string made by deleting one or two of its characters.
fn deletion_keys(name: &str) -> Vec<u64> {
    let chars: Vec<u64> = name.chars().take(MAX_INDEXED).map(|c| u64::from(c) + 1).collect();
    let n = chars.len();
    // prefix[i] is the hash of chars[..i]; power[i] is BASE^i.
    let prefix: Vec<u64> = std::iter::once(0)
        .chain(chars.iter().scan(0u64, |h, &c| {
            *h = h.wrapping_mul(BASE).wrapping_add(c);
            Some(*h)
        }))
        .collect();
    let power: Vec<u64> = std::iter::successors(Some(1u64), |p| Some(p.wrapping_mul(BASE))).take(n + 1).collect();
    let segment = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    let join = |left: u64, right: u64, right_len: usize| left.wrapping_mul(power[right_len]).wrapping_add(right);
    let mut keys = Vec::with_capacity(1 + n + n * n / 2);
    keys.push(prefix[n]);
    for (i, &before) in prefix.iter().enumerate().take(n) {
        // Without chars[i]…
        keys.push(join(before, segment(i + 1, n), n - i - 1));
        // …and without chars[j] too.
        for j in i + 1..n {
            let left = join(before, segment(i + 1, j), j - i - 1);
            keys.push(join(left, segment(j + 1, n), n - j - 1));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
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

    /// The hash of a whole string: its own first key when nothing is deleted.
    fn whole(text: &str) -> u64 {
        text.chars().fold(0u64, |h, c| h.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1))
    }

    #[test]
    fn keys_are_the_hashes_of_every_deletion() {
        let name = "zelensky";
        let keys = deletion_keys(name);
        let chars: Vec<char> = name.chars().collect();
        assert!(keys.contains(&whole(name)));
        for i in 0..chars.len() {
            let one: String = chars.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, c)| c).collect();
            assert!(keys.contains(&whole(&one)), "{one}");
            for j in i + 1..chars.len() {
                let two: String = chars.iter().enumerate().filter(|&(k, _)| k != i && k != j).map(|(_, c)| c).collect();
                assert!(keys.contains(&whole(&two)), "{two}");
            }
        }
        assert_eq!(deletion_keys("").len(), 1);
    }
}
