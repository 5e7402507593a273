//! Comparing claims about one thing across sources: the value most sources give is the
//! reference, and a claim from another source whose interval does not meet it is reported
//! once, beside the reference. Linear in the number of claims.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

use crate::source::Span;

/// One source's claim about something, and where the source says it.
pub(crate) struct Said<T> {
    pub source: usize,
    pub span: Span,
    pub value: T,
}

/// The claims that disagree with the most-given value, each with the first claim of it.
pub(crate) fn disagreements<T: Display>(said: &[Said<T>], meets: impl Fn(&T, &T) -> bool) -> Vec<(&Said<T>, &Said<T>)> {
    // Group by value as written out; rank groups by how many sources give them.
    let mut groups: BTreeMap<String, (BTreeSet<usize>, usize)> = BTreeMap::new();
    for (i, claim) in said.iter().enumerate() {
        let entry = groups.entry(claim.value.to_string()).or_insert((BTreeSet::new(), i));
        entry.0.insert(claim.source);
    }
    let Some((_, (_, first))) = groups.iter().max_by(|a, b| a.1.0.len().cmp(&b.1.0.len()).then(b.1.1.cmp(&a.1.1)))
    else {
        return Vec::new();
    };
    let reference = &said[*first];
    let mut reported = BTreeSet::new();
    said.iter()
        .filter(|claim| claim.source != reference.source && !meets(&claim.value, &reference.value))
        .filter(|claim| reported.insert((claim.source, claim.value.to_string())))
        .map(|claim| (claim, reference))
        .collect()
}
