//! A vector read from the rules cache a run of items at a time, when one of them is first asked
//! for.
//!
//! A draft names a few dozen of 50,000 people: decoding every entity and name pattern of a large
//! knowledge base cost most of a run. So the cache stores them in runs of [`RUN`] items, and a
//! run is decoded (once, behind a [`OnceLock`]) when an item of it is read. Compiled rules hold
//! every run already decoded.

use std::fmt;
use std::ops::{Index, Range};
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

use crate::source::FileRef;

/// Items per run: small enough that a draft decodes little, large enough that the runs' own
/// bookkeeping stays small.
pub(crate) const RUN: usize = 256;

pub struct LazyVec<T> {
    len: usize,
    runs: Vec<OnceLock<Vec<T>>>,
    stored: Option<Stored>,
}

/// Where the runs not yet decoded are: ranges of the cache file's payload, and the rule files
/// their references point into.
struct Stored {
    payload: Arc<Vec<u8>>,
    ranges: Vec<Range<usize>>,
    files: Vec<FileRef>,
}

impl<T> Default for LazyVec<T> {
    fn default() -> Self {
        LazyVec { len: 0, runs: Vec::new(), stored: None }
    }
}

impl<T> From<Vec<T>> for LazyVec<T> {
    fn from(items: Vec<T>) -> Self {
        let len = items.len();
        let mut runs = Vec::with_capacity(len.div_ceil(RUN));
        let mut items = items.into_iter();
        while runs.len() * RUN < len {
            runs.push(OnceLock::from(items.by_ref().take(RUN).collect::<Vec<T>>()));
        }
        LazyVec { len, runs, stored: None }
    }
}

impl<T: DeserializeOwned> LazyVec<T> {
    /// `len` items stored as runs of [`RUN`] (the last one shorter) at `ranges` of `payload`.
    pub(super) fn stored(len: usize, payload: Arc<Vec<u8>>, ranges: Vec<Range<usize>>, files: Vec<FileRef>) -> Self {
        let runs = (0..ranges.len()).map(|_| OnceLock::new()).collect();
        LazyVec { len, runs, stored: Some(Stored { payload, ranges, files }) }
    }

    /// The items of run `n`, decoded now if they were not yet.
    fn run(&self, n: usize) -> &[T] {
        self.runs[n].get_or_init(|| {
            let stored = self.stored.as_ref().unwrap_or_else(|| unreachable!("compiled rules have every run"));
            let items: Vec<T> = super::cache::read_run(&stored.files, &stored.payload[stored.ranges[n].clone()])
                // The payload passed its checksum and was written by this very binary.
                .unwrap_or_else(|| panic!("the rules cache has a damaged run: remove the factlint cache folder"));
            assert_eq!(items.len(), RUN.min(self.len - n * RUN), "the rules cache has a run of the wrong length");
            items
        })
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        (index < self.len).then(|| &self.run(index / RUN)[index % RUN])
    }

    /// Every item, in order (decoding all of them).
    pub fn iter(&self) -> Iter<'_, T> {
        Iter { items: self, at: 0 }
    }

    /// The runs, in order: what the cache stores.
    pub(super) fn runs(&self) -> impl Iterator<Item = &[T]> + '_ {
        (0..self.runs.len()).map(|n| self.run(n))
    }
}

impl<T> LazyVec<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The items of a [`LazyVec`], in order.
pub struct Iter<'a, T> {
    items: &'a LazyVec<T>,
    at: usize,
}

impl<'a, T: DeserializeOwned> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.items.get(self.at)?;
        self.at += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.items.len - self.at.min(self.items.len);
        (left, Some(left))
    }
}

impl<'a, T: DeserializeOwned> IntoIterator for &'a LazyVec<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: DeserializeOwned> Index<usize> for LazyVec<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        self.get(index).unwrap_or_else(|| panic!("index {index} out of {} items", self.len))
    }
}

impl<T: fmt::Debug + DeserializeOwned> fmt::Debug for LazyVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
