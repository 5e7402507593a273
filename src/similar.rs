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
    /// A bit per bucket of keys, about eight per key: a name's deletions are mostly keys of no
    /// indexed name, and this rejects them without reaching into the map, which for thousands of
    /// names is several megabytes and misses the cache.
    filter: Vec<u64>,
    names: Vec<String>,
}

impl SimilarNames {
    /// Adds a (folded) name; returns its index.
    pub fn insert(&mut self, name: &str) -> usize {
        let id = self.names.len();
        self.names.push(name.to_string());
        let keys = deletion_keys(name);
        for &key in &keys {
            self.keys.entry(key).or_default().push(id as u32);
        }
        if self.keys.len() * 8 > self.filter.len() * 64 {
            // Grown past its size: rebuilt, twice as large as the keys need.
            self.filter = vec![0; ((self.keys.len() * 16).next_power_of_two() / 64).max(1)];
            let all: Vec<u64> = self.keys.keys().copied().collect();
            all.into_iter().for_each(|key| self.mark(key));
        } else {
            keys.into_iter().for_each(|key| self.mark(key));
        }
        id
    }

    /// The filter's word and bit for a key.
    fn slot(&self, key: u64) -> (usize, u64) {
        let bits = (self.filter.len() * 64).max(1);
        let bit = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (bits - 1);
        (bit / 64, 1 << (bit % 64))
    }

    fn mark(&mut self, key: u64) {
        let (word, bit) = self.slot(key);
        self.filter[word] |= bit;
    }

    fn may_hold(&self, key: u64) -> bool {
        let (word, bit) = self.slot(key);
        self.filter.get(word).is_some_and(|w| w & bit != 0)
    }

    pub fn name(&self, id: usize) -> &str {
        &self.names[id]
    }

    /// Indexed names within two edits of `name` (itself included, if indexed).
    pub fn candidates(&self, name: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        each_deletion_key(name, |key| {
            if let Some(ids) = self.may_hold(key).then(|| self.keys.get(&key)).flatten() {
                found.extend(ids.iter().map(|&id| id as usize));
            }
        });
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The hashes of the name and of every string made by deleting one or two of its characters,
/// each once.
fn deletion_keys(name: &str) -> Vec<u64> {
    let mut keys = Vec::new();
    each_deletion_key(name, |key| keys.push(key));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Calls `key` with the same hashes as [`deletion_keys`], some more than once ("aab" less its
/// first or its second "a"). Looked up for every unknown name of every article: nothing is
/// allocated.
fn each_deletion_key(name: &str, mut key: impl FnMut(u64)) {
    let mut chars = [0u64; MAX_INDEXED];
    let mut n = 0;
    for c in name.chars().take(MAX_INDEXED) {
        chars[n] = u64::from(c) + 1;
        n += 1;
    }
    // prefix[i] is the hash of chars[..i]; power[i] is BASE^i.
    let mut prefix = [0u64; MAX_INDEXED + 1];
    let mut power = [1u64; MAX_INDEXED + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i].wrapping_mul(BASE).wrapping_add(chars[i]);
        power[i + 1] = power[i].wrapping_mul(BASE);
    }
    let segment = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    let join = |left: u64, right: u64, right_len: usize| left.wrapping_mul(power[right_len]).wrapping_add(right);
    key(prefix[n]);
    for (i, &before) in prefix.iter().enumerate().take(n) {
        // Without chars[i]…
        key(join(before, segment(i + 1, n), n - i - 1));
        // …and without chars[j] too.
        for j in i + 1..n {
            let left = join(before, segment(i + 1, j), j - i - 1);
            key(join(left, segment(j + 1, n), n - j - 1));
        }
    }
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

    #[test]
    fn the_filter_keeps_every_name_as_the_index_grows() {
        let mut index = SimilarNames::default();
        assert!(index.candidates("anyone").is_empty());
        // A name of few keys first: the filter is never smaller than one word.
        let a = index.insert("a");
        assert_eq!(index.candidates("a"), [a]);
        let names: Vec<String> = (0..2000).map(|i| format!("name{i:04}son")).collect();
        let ids: Vec<usize> = names.iter().map(|n| index.insert(n)).collect();
        for (name, id) in names.iter().zip(ids) {
            assert!(index.candidates(name).contains(&id), "{name}");
            // One letter changed: within two edits.
            assert!(index.candidates(&name.replace("son", "sun")).contains(&id), "{name}");
        }
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
