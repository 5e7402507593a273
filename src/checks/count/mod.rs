//! `count.*`: how many took part.

pub mod conflict;
