//! Count extraction on arbitrary text: ranges on character boundaries, in order, not
//! overlapping; bounds well-formed.
#![no_main]

use factlint::extract::count::{CountSettings, extract_counts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let counts = extract_counts(text, &CountSettings::default());
    let mut previous_end = 0;
    for count in &counts {
        assert!(text.is_char_boundary(count.range.start) && text.is_char_boundary(count.range.end));
        assert!(previous_end <= count.range.start && count.range.start < count.range.end);
        assert!(count.interval.high.is_none_or(|h| count.interval.low <= h));
        if let Some(unit) = &count.unit {
            assert!(text.is_char_boundary(unit.start) && text.is_char_boundary(unit.end));
        }
        previous_end = count.range.end;
    }
});
