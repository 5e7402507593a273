//! `draft.*`: problems of the draft itself.

pub mod duplicate_paragraph;
