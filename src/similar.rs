//! Near-miss lookup for names without comparing all pairs: every name is indexed under the
//! strings left after deleting up to two of its characters, so two names within two edits share
//! a key (the symmetric-deletion method). Candidates are then scored with Jaro-Winkler.
//!
//! Keys are polynomial hashes, computed from prefix hashes in constant time per deletion, so
//! indexing a name allocates nothing per key. A collision only adds a candidate, which the
//! scoring then rejects.

use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kb::Bytes;

/// Names longer than this are indexed by their first characters only: two edits in a very long
/// name are caught anyway, and the number of keys stays bounded.
const MAX_INDEXED: usize = 24;

/// The base of the polynomial hash (odd, large, and not a power of two).
const BASE: u64 = 0x100_0000_01b3;

/// Names indexed by their deletions, built once from all of them.
///
/// The (key, name) pairs are one array sorted by key, each key first mixed so that keys spread
/// evenly and cut to its top 32 bits; a directory over their top bits says where each bucket of
/// them starts. Building is a parallel sort and one pass, with nothing allocated per key; a
/// lookup reads the directory and a short run. A bit filter, about sixteen bits per key and read
/// from bits of the mixed key the pairs do not keep, sits in front: most deletions of a name
/// looked up are keys of no indexed name, and it rejects them without reaching into arrays of
/// several megabytes. A name indexed twice (the surname of "Rustem Umerov" and of "Umerov") is
/// indexed once, its other ids chained to it.
///
/// Stored (in the rules cache) as its names, its chains, and its pairs, filter and directory as
/// raw bytes.
#[derive(Debug, Default)]
pub struct SimilarNames {
    names: Vec<String>,
    /// For each name, the next id spelled the same, or `u32::MAX`.
    same: Vec<u32>,
    /// Every (top 32 bits of the mixed key, first id of a name) pair, by key, then id.
    entries: Vec<(u32, u32)>,
    /// Where the pairs of each bucket begin in `entries`, and where the last one ends.
    starts: Vec<u32>,
    /// How far a pair's key is shifted to its bucket.
    shift: u32,
    filter: Vec<u64>,
}

/// A key spread over all 64 bits (an odd multiplier is one-to-one).
fn mix(key: u64) -> u64 {
    key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// What the pairs keep of a mixed key.
fn top(mixed: u64) -> u32 {
    (mixed >> 32) as u32
}

/// The end of a chain of ids spelled alike.
const NO_MORE: u32 = u32::MAX;

impl SimilarNames {
    /// Indexes (folded) names; a name's id is its place among them.
    pub fn new(names: impl IntoIterator<Item = String>) -> SimilarNames {
        let names: Vec<String> = names.into_iter().collect();
        let mut same = vec![NO_MORE; names.len()];
        let mut last_alike: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        let mut first = vec![true; names.len()];
        for (id, name) in names.iter().enumerate() {
            if let Some(previous) = last_alike.insert(name, id) {
                same[previous] = id as u32;
                first[id] = false;
            }
        }
        // Thousands of names make hundreds of thousands of pairs: made and sorted in parallel.
        let mixed: Vec<(u64, u32)> = names
            .par_iter()
            .enumerate()
            .filter(|(id, _)| first[*id])
            .flat_map_iter(|(id, name)| {
                let mut keys = Vec::new();
                each_deletion_key(name, |key| keys.push((mix(key), id as u32)));
                keys
            })
            .collect();
        let mut filter = vec![0; ((16 * mixed.len()).next_power_of_two() / 64).max(1)];
        for &(key, _) in &mixed {
            let (word, bit) = filter_bit(&filter, key);
            filter[word] |= bit;
        }
        let mut entries: Vec<(u32, u32)> = mixed.into_iter().map(|(key, id)| (top(key), id)).collect();
        entries.par_sort_unstable();
        entries.dedup();
        SimilarNames::with_directory(names, same, entries, filter)
    }

    /// The index over its parts, the directory made from the pairs.
    fn with_directory(names: Vec<String>, same: Vec<u32>, entries: Vec<(u32, u32)>, filter: Vec<u64>) -> SimilarNames {
        // About eight keys a bucket: a run of one cache line, and a directory an eighth as long
        // as the keys (it is stored in the rules cache, and read on every run).
        let keys = entries.chunk_by(|a, b| a.0 == b.0).count();
        let bits = (keys / 8).next_power_of_two().trailing_zeros().clamp(1, 31);
        let shift = 32 - bits;
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        for (at, &(key, _)) in entries.iter().enumerate() {
            while starts.len() <= (key >> shift) as usize {
                starts.push(at as u32);
            }
        }
        starts.resize((1 << bits) + 1, entries.len() as u32);
        SimilarNames { names, same, entries, starts, shift, filter }
    }

    /// The names indexed under a key: the first of each spelling.
    fn under(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let key = mix(key);
        let run = if self.filter.is_empty() || {
            let (word, bit) = filter_bit(&self.filter, key);
            self.filter[word] & bit == 0
        } {
            &[][..]
        } else {
            let bucket = (top(key) >> self.shift) as usize;
            &self.entries[self.starts[bucket] as usize..self.starts[bucket + 1] as usize]
        };
        run.iter().filter(move |e| e.0 == top(key)).map(|e| e.1)
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
        for at in 0..found.len() {
            let mut next = self.same[found[at]];
            while next != NO_MORE {
                found.push(next as usize);
                next = self.same[next as usize];
            }
        }
        found.sort_unstable();
        found
    }
}

/// The filter's word and bit for a mixed key: bits below the 32 the pairs keep.
fn filter_bit(filter: &[u64], key: u64) -> (usize, u64) {
    let bit = (key >> 8) as usize & (filter.len() * 64 - 1);
    (bit / 64, 1 << (bit % 64))
}

impl Serialize for SimilarNames {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entries: Vec<u8> =
            self.entries.iter().flat_map(|&(key, id)| (u64::from(key) << 32 | u64::from(id)).to_le_bytes()).collect();
        let filter: Vec<u8> = self.filter.iter().flat_map(|word| word.to_le_bytes()).collect();
        let starts: Vec<u8> = self.starts.iter().flat_map(|start| start.to_le_bytes()).collect();
        (&self.names, &self.same, Bytes(&entries), Bytes(&filter), Bytes(&starts), self.shift).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for SimilarNames {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (names, same, entries, filter, starts, shift) =
            <(Vec<String>, Vec<u32>, Bytes, Bytes, Bytes, u32)>::deserialize(deserializer)?;
        let words =
            |bytes: &'de [u8]| bytes.chunks_exact(8).map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()));
        let entries: Vec<(u32, u32)> = words(entries.0).map(|pair| ((pair >> 32) as u32, pair as u32)).collect();
        let filter: Vec<u64> = words(filter.0).collect();
        let starts: Vec<u32> =
            starts.0.chunks_exact(4).map(|w| u32::from_le_bytes(w.try_into().unwrap_or_default())).collect();
        // The directory as `with_directory` made it: a start per bucket of the top bits, then
        // the end. Stored rather than made again: that was a pass over millions of pairs.
        let sound_directory = (1..=31).contains(&shift)
            && starts.len() == (1 << (32 - shift)) + 1
            && starts.is_sorted()
            && starts.last() == Some(&(entries.len() as u32));
        let sound = sound_directory
            && same.len() == names.len()
            && same.iter().all(|&next| next == NO_MORE || (next as usize) < names.len())
            && entries.iter().all(|&(_, id)| (id as usize) < names.len())
            && entries.is_sorted()
            && filter.len().is_power_of_two();
        if !sound {
            return Err(serde::de::Error::custom("a damaged near-miss index"));
        }
        Ok(SimilarNames { names, same, entries, starts, shift, filter })
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
    fn a_name_indexed_twice_is_found_under_each_id() {
        let index = index(&["umerov", "kuleba", "umerov", "umerov"]);
        assert_eq!(index.candidates("umarov"), [0, 2, 3]);
        assert_eq!(index.candidates("kuleba"), [1]);
    }

    #[test]
    fn a_stored_index_reads_back_the_same() {
        let names: Vec<String> = (0..500).map(|i| format!("name{}", i % 400)).collect();
        let index = SimilarNames::new(names.clone());
        let read: SimilarNames = postcard::from_bytes(&postcard::to_stdvec(&index).unwrap()).unwrap();
        for name in &names {
            assert_eq!(read.candidates(name), index.candidates(name), "{name}");
        }
        let mut bytes = postcard::to_stdvec(&index).unwrap();
        bytes.truncate(bytes.len() - 3);
        assert!(postcard::from_bytes::<SimilarNames>(&bytes).is_err());
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
