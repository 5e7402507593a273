//! Near-miss lookup for names without comparing all pairs: every name is indexed under the
//! strings left after deleting up to two of its characters, so two names within two edits share
//! a key (the symmetric-deletion method). Candidates are then scored with Jaro-Winkler.
//!
//! Keys are polynomial hashes, computed from prefix hashes in constant time per deletion, so
//! indexing a name allocates nothing per key. A collision only adds a candidate, which the
//! scoring then rejects.

use rayon::prelude::*;

/// Names longer than this are indexed by their first characters only: two edits in a very long
/// name are caught anyway, and the number of keys stays bounded.
const MAX_INDEXED: usize = 24;

/// The base of the polynomial hash (odd, large, and not a power of two).
const BASE: u64 = 0x100_0000_01b3;

/// Names indexed by their deletions, built once from all of them.
///
/// The (key, name) pairs are one array sorted by key, each key first mixed so that keys spread
/// evenly; a directory over the mixed keys' top bits says where each bucket of them starts.
/// Building is a parallel sort and one pass, with nothing allocated per key; a lookup reads the
/// directory and a short run. A bit filter, about sixteen bits per key, sits in front: most
/// deletions of a name looked up are keys of no indexed name, and it rejects them without
/// reaching into arrays of several megabytes.
#[derive(Debug, Default)]
pub struct SimilarNames {
    names: Vec<String>,
    /// Every (mixed key, name) pair, by mixed key, then name.
    entries: Vec<(u64, u32)>,
    /// Where the pairs of each bucket begin in `entries`, and where the last one ends.
    starts: Vec<u32>,
    /// How far a mixed key is shifted to its bucket.
    shift: u32,
    filter: Vec<u64>,
}

/// A key spread over all 64 bits (an odd multiplier is one-to-one).
fn mix(key: u64) -> u64 {
    key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl SimilarNames {
    /// Indexes (folded) names; a name's id is its place among them.
    pub fn new(names: impl IntoIterator<Item = String>) -> SimilarNames {
        let names: Vec<String> = names.into_iter().collect();
        // Thousands of names make hundreds of thousands of pairs: made and sorted in parallel.
        let mut entries: Vec<(u64, u32)> = names
            .par_iter()
            .enumerate()
            .flat_map_iter(|(id, name)| {
                let mut keys = Vec::new();
                each_deletion_key(name, |key| keys.push((mix(key), id as u32)));
                keys
            })
            .collect();
        entries.par_sort_unstable();
        entries.dedup();
        let keys = entries.chunk_by(|a, b| a.0 == b.0).count();
        let bits = keys.next_power_of_two().trailing_zeros().max(1);
        let mut index = SimilarNames {
            names,
            starts: Vec::with_capacity((1 << bits) + 1),
            shift: 64 - bits,
            filter: vec![0; ((16 * keys).next_power_of_two() / 64).max(1)],
            entries: Vec::new(),
        };
        for (at, &(key, _)) in entries.iter().enumerate() {
            while index.starts.len() <= (key >> index.shift) as usize {
                index.starts.push(at as u32);
            }
            let (word, bit) = index.filter_bit(key);
            index.filter[word] |= bit;
        }
        index.starts.resize((1 << bits) + 1, entries.len() as u32);
        index.entries = entries;
        index
    }

    /// The filter's word and bit for a mixed key (bits below those of its bucket).
    fn filter_bit(&self, key: u64) -> (usize, u64) {
        let bit = (key >> 8) as usize & (self.filter.len() * 64 - 1);
        (bit / 64, 1 << (bit % 64))
    }

    /// The names indexed under a key.
    fn under(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let key = mix(key);
        let run = if self.filter.is_empty() || {
            let (word, bit) = self.filter_bit(key);
            self.filter[word] & bit == 0
        } {
            &[][..]
        } else {
            let bucket = (key >> self.shift) as usize;
            &self.entries[self.starts[bucket] as usize..self.starts[bucket + 1] as usize]
        };
        run.iter().filter(move |e| e.0 == key).map(|e| e.1)
    }

    pub fn name(&self, id: usize) -> &str {
        &self.names[id]
    }

    /// Indexed names within two edits of `name` (itself included, if indexed).
    pub fn candidates(&self, name: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        each_deletion_key(name, |key| found.extend(self.under(key).map(|id| id as usize)));
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Calls `key` with the hash of the name and of every string made by deleting one or two of
/// its characters, some more than once ("aab" less its first or its second "a"). Looked up for
/// every unknown name of every article: nothing is allocated.
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

    /// The hashes of the name and of every string made by deleting one or two of its
    /// characters, each once.
    fn deletion_keys(name: &str) -> Vec<u64> {
        let mut keys = Vec::new();
        each_deletion_key(name, |key| keys.push(key));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    fn index(names: &[&str]) -> SimilarNames {
        SimilarNames::new(names.iter().map(|n| n.to_string()))
    }

    #[test]
    fn finds_names_within_two_edits() {
        let index = index(&["witkoff", "zelenskyy", "macron"]);
        assert_eq!(index.candidates("wittkopf"), [0]);
        assert_eq!(index.candidates("zelensky"), [1]);
        assert!(index.candidates("putin").is_empty());
        assert!(SimilarNames::default().candidates("putin").is_empty());
    }

    #[test]
    fn every_name_is_found_in_small_and_large_indexes() {
        // A name of few keys alone: the filter is never smaller than one word.
        assert_eq!(index(&["a"]).candidates("a"), [0]);
        let names: Vec<String> = (0..2000).map(|i| format!("name{i:04}son")).collect();
        let index = SimilarNames::new(names.clone());
        for (id, name) in names.iter().enumerate() {
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
