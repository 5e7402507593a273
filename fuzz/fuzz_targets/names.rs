//! Name and title extraction on arbitrary text with the bundled rules: mentions on character
//! boundaries, in order and not overlapping; each title covers its person (a plural title is shared by
//! the names after it: "envoys Steve Witkoff and Jared Kushner").
#![no_main]

use std::sync::OnceLock;

use factlint::extract::mention::{find_mentions, unwrap_lines};
use factlint::kb::phrases::WordHashes;
use factlint::extract::title::find_titles;
use factlint::input::{paragraphs, sentences};
use factlint::kb::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::bundled().expect("the bundled rules validate"))
}

fuzz_target!(|text: &str| {
    let sentences = sentences(text, &paragraphs(text));
    let unwrapped = unwrap_lines(text, &sentences);
    assert_eq!(unwrapped.len(), text.len(), "unwrapping keeps every offset");
    let mentions = find_mentions(&unwrapped, &WordHashes::new(&unwrapped), kb(), &sentences);
    let boundary = |r: &std::ops::Range<usize>| text.is_char_boundary(r.start) && text.is_char_boundary(r.end);
    let mut previous_end = 0;
    for mention in &mentions {
        assert!(boundary(&mention.range) && previous_end <= mention.range.start && mention.range.start < mention.range.end);
        previous_end = mention.range.end;
    }
    for title in find_titles(&unwrapped, &mentions, &sentences, kb()) {
        assert!(boundary(&title.range) && boundary(&title.title));
        assert!(title.range.start <= title.person.start && title.person.end <= title.range.end);
    }
});
