//! `source.*`: what could not be read as it should, said once per source so nothing is
//! skipped silently.

pub mod encoding;
pub mod skipped;
pub mod undated;
