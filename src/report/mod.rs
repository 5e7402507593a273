//! Renderers: each output format over the same data.

pub mod claims;
