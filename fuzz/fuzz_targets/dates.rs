//! Date extraction on arbitrary text: ranges on character boundaries, in order, not
//! overlapping; intervals well-formed.
#![no_main]

use chrono::NaiveDate;
use factlint::extract::date::extract_dates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = NaiveDate::from_ymd_opt(2026, 1, 6);
    for reference in [reference, None] {
        let dates = extract_dates(text, reference);
        let mut previous_end = 0;
        for date in &dates {
            assert!(text.is_char_boundary(date.range.start) && text.is_char_boundary(date.range.end));
            assert!(previous_end <= date.range.start && date.range.start < date.range.end);
            assert!(date.interval.start <= date.interval.end);
            previous_end = date.range.end;
        }
    }
});
