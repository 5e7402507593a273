//! The repository's `rules/` folder, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));
