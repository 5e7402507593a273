//! Inputs that once crashed factlint, found by the property tests and the fuzzers. Each stays
//! here so the crash cannot come back.

use factlint::extract::{ExtractSettings, extract};
use factlint::input::{Format, Loaded, load};
use factlint::kb::KnowledgeBase;

fn read_all(bytes: &[u8], format: Format) {
    let kb = KnowledgeBase::bundled().unwrap();
    let sources = match load("regression", bytes, format, None) {
        Loaded::Articles(sources) | Loaded::Partial(sources, _, _) => sources,
        Loaded::Binary(_) => return,
    };
    for source in &sources {
        for claim in extract(source, &kb, &ExtractSettings::default()) {
            assert!(
                source.file.text.is_char_boundary(claim.span.start)
                    && source.file.text.is_char_boundary(claim.span.end)
            );
        }
    }
}

/// A bare surname after another person's name was widened back over that name, so mentions
/// overlapped and title extraction sliced backwards.
#[test]
fn a_surname_right_after_another_name() {
    read_all(
        "---\npublished: 2026-01-06\n---\noutgoing President Joe Biden Zelenskyy — said.\n".as_bytes(),
        Format::Markdown,
    );
}

/// The HTML reader stepped one byte into a multi-byte character at the start of a text run.
#[test]
fn html_text_starting_with_a_multi_byte_character() {
    read_all("уN]!h=&=v[6~SS(k}wԓc$>".as_bytes(), Format::Html);
}

/// The count reader sliced a qualifier suffix inside a multi-byte dash after a number.
#[test]
fn a_number_before_a_dash() {
    read_all("Kyiv, Ukraine – January 6, 2026 – 5 – of them".as_bytes(), Format::Text);
}

/// An unterminated entity followed by multi-byte text: the entity lookup sliced inside a character.
#[test]
fn an_unterminated_entity_before_multi_byte_text() {
    read_all("&P@8駾|th0lɖ".as_bytes(), Format::Html);
}

/// The surname check walked back over "Umerov." (a sentence end) and "Mayor-elect", making a
/// mention that overlapped the full name before it (found by the benchmark corpus).
#[test]
fn a_surname_after_a_sentence_ending_in_the_full_name() {
    read_all(
        "---\npublished: 2026-01-06\n---\nThey spoke with Mayor-elect Rustem Umerov. Umerov said little.\n".as_bytes(),
        Format::Markdown,
    );
    let kb = KnowledgeBase::bundled().unwrap();
    let Loaded::Articles(sources) = load("a.txt", b"We met Mirkamont. Umerov said little.", Format::Text, None) else {
        panic!()
    };
    let claims = extract(&sources[0], &kb, &ExtractSettings::default());
    let umerov = claims.iter().find(|c| sources[0].file.slice(c.span).contains("Umerov")).unwrap();
    assert_eq!(sources[0].file.slice(umerov.span), "Umerov", "no name across the full stop");
}

/// Reading only the sentences the checks need, a date read in its own window began before the
/// window counts were read in, and placing it in that window subtracted past zero.
#[test]
fn a_date_window_that_begins_before_a_count_window() {
    use factlint::extract::Scope;
    use factlint::lint::LintSettings;
    let kb = KnowledgeBase::bundled().unwrap();
    let text = "on Friday, 11 January 2026 \n\n -1,, national security advisers met in Kyiv on January 3";
    let Loaded::Articles(sources) = load("regression.txt", text.as_bytes(), Format::Text, None) else {
        panic!("an article")
    };
    let scoped =
        ExtractSettings { scope: Scope::Needed(LintSettings::default().needs()), ..ExtractSettings::default() };
    for source in &sources {
        let all = extract(source, &kb, &ExtractSettings::default());
        let needed = extract(source, &kb, &scoped);
        assert!(needed.len() <= all.len());
    }
}

/// A count whose unit was read on the next line, past the end of its sentence: the words after
/// it were sliced backwards (found by the `fix` fuzz target).
#[test]
fn a_count_whose_unit_is_on_the_next_line() {
    read_all(
        b"bl after the union i\x01\x04n Tallinn ritish prime ministethisrdon Brown, who chairs a ike in \
          Tallinn endedn Tuesday after the union accepted a 2 percent ra with 60 ex\nRelries.\n",
        Format::Markdown,
    );
}

/// UTF-16 (big-endian) with unpaired surrogates after its byte-order mark, read as plain text:
/// the fuzz target took the decoded text's length for the stored one's.
#[test]
fn utf16_with_unpaired_surrogates() {
    read_all(
        &[
            0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x20, 0x74, 0x68, 0x65, 0x69, 0x6e, 0x5a, 0x65, 0x69, 0x7c,
            0x73, 0x6b, 0x69, 0x20, 0x69, 0x63, 0x20, 0x6f, 0x66, 0x20, 0x74, 0x68, 0x65, 0x20, 0x70, 0x72, 0x6f, 0x6a,
            0x65, 0x63, 0x74, 0x2e, 0x20, 0x49, 0x6e, 0x20, 0x32, 0x30, 0x32, 0x34, 0xff, 0x20, 0x74, 0x68, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x6e, 0x20, 0x61, 0x65, 0x72, 0x63, 0x20, 0x20, 0x69,
            0x65, 0x63, 0x69, 0x74, 0x69, 0x63, 0x20, 0x66, 0x68, 0x6f, 0x20, 0x20, 0x74, 0x65, 0x70, 0x72, 0x6f, 0x6a,
            0x65, 0x63, 0x74, 0x2e, 0x20, 0x0a,
        ],
        Format::Markdown,
    );
}
