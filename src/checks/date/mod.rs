//! `date.*`: when events happened, and whether stated weekdays fit their dates.

pub mod conflict;
pub mod weekday_mismatch;
