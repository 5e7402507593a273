use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The one article of a file, read as its extension says.
fn article(path: &str, text: &str, date: Option<NaiveDate>) -> Source {
    match load(path, text.as_bytes(), Format::of(Path::new(path)), date) {
        Loaded::Articles(mut sources) if sources.len() == 1 => sources.remove(0),
        other => panic!("{path}: {other:?}"),
    }
}

#[test]
fn the_article_date_and_where_it_came_from() {
    // (path, text, --date, expected date and origin)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<(&'a str, DateOrigin)>);
    let table: [Case; 14] = [
        ("a.md", "---\npublished: 2026-01-06\n---\nText.\n", None, Some(("2026-01-06", DateOrigin::FrontMatter))),
        (
            "a.md",
            "---\ndate: \"2026-01-06T09:30:00Z\"\n---\nText.\n",
            None,
            Some(("2026-01-06", DateOrigin::FrontMatter)),
        ),
        ("a.md", "+++\ndate = 2026-01-06\n+++\nText.\n", None, Some(("2026-01-06", DateOrigin::FrontMatter))),
        ("a.md", "---\npublished: January 6, 2026\n---\nText.\n", None, Some(("2026-01-06", DateOrigin::FrontMatter))),
        // Front matter wins over a date in the header.
        (
            "a.md",
            "---\npublished: 2026-01-06\n---\nUpdated: January 9, 2026\n\nText.\n",
            None,
            Some(("2026-01-06", DateOrigin::FrontMatter)),
        ),
        (
            "a.txt",
            "Talks resume\nBy A. Writer\nUpdated: January 6, 2026\n\nText.\n",
            None,
            Some(("2026-01-06", DateOrigin::Header)),
        ),
        ("a.txt", "KYIV, Jan 6, 2026 — The talks resumed.\n", None, Some(("2026-01-06", DateOrigin::Dateline))),
        (
            "a.txt",
            "Kyiv, Ukraine – January 6, 2026 – National security advisers met.\n",
            None,
            Some(("2026-01-06", DateOrigin::Dateline)),
        ),
        ("a.txt", "Talks resume\n6 January 2026\n\nText.\n", None, Some(("2026-01-06", DateOrigin::Dateline))),
        (
            "a.html",
            "<html><head><meta property=\"article:published_time\" content=\"2026-01-06T08:00:00Z\"></head><body><p>Text.</p></body></html>",
            None,
            Some(("2026-01-06", DateOrigin::FrontMatter)),
        ),
        // `--date` overrides everything.
        (
            "a.md",
            "---\npublished: 2026-01-06\n---\nText.\n",
            Some("2026-02-01"),
            Some(("2026-02-01", DateOrigin::Flag)),
        ),
        ("a.txt", "Just text.\n", Some("2026-02-01"), Some(("2026-02-01", DateOrigin::Flag))),
        // A date in the body is news, not the article's date.
        ("a.txt", "The talks on January 3, 2026 resumed in Kyiv.\n", None, None),
        ("a.md", "---\ntitle: Talks\n---\nText without a date.\n", None, None),
    ];
    for (path, text, flag, expected) in table {
        let source = article(path, text, flag.map(day));
        let got = source.meta.published.map(|d| (d, source.meta.date_from.unwrap()));
        assert_eq!(got, expected.map(|(d, o)| (day(d), o)), "{path}: {text}");
    }
}

#[test]
fn a_date_deep_in_the_body_is_not_the_articles() {
    let text = format!("{}6 January 2026\n", "A line of text.\n".repeat(20));
    assert_eq!(article("a.txt", &text, None).meta.published, None);
}

#[test]
fn a_bad_date_field_is_kept_with_its_place() {
    let text = "---\npublished: next Tuesday\n---\nText.\n";
    let source = article("a.md", text, None);
    assert_eq!(source.meta.published, None);
    let (value, span) = source.meta.bad_date.unwrap();
    assert_eq!(value, "next Tuesday");
    assert_eq!(&text[span.start..span.end], "next Tuesday");
}

#[test]
fn corpus_lines_carry_their_own_dates() {
    let text =
        "{\"id\": \"a\", \"text\": \"One.\", \"published\": \"2026-01-06\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
    let Loaded::Articles(sources) = load("c.jsonl", text.as_bytes(), Format::Jsonl, None) else { panic!("not read") };
    let dates: Vec<_> = sources.iter().map(|s| (s.meta.id.clone().unwrap(), s.meta.published)).collect();
    assert_eq!(dates, [("a".to_string(), Some(day("2026-01-06"))), ("b".to_string(), None)]);
}

/// Each suppression as (codes, covered text).
fn suppressions(path: &str, text: &str) -> Vec<(Vec<String>, String)> {
    let source = article(path, text, None);
    source.suppressions.iter().map(|s| (s.codes.clone(), text[s.covers.start..s.covers.end].to_string())).collect()
}

#[test]
fn suppression_comments_cover_the_next_paragraph() {
    let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    type Case<'a> = (&'a str, &'a str, Vec<(Vec<String>, &'a str)>);
    let table: [Case; 6] = [
        (
            "a.md",
            "One.\n\n<!-- factlint-ignore name.misspelled -->\nTwo, wrapped\nover lines.\n\nThree.\n",
            vec![(codes(&["name.misspelled"]), "Two, wrapped\nover lines.")],
        ),
        ("a.md", "<!-- factlint-ignore -->\n\nOne.\n", vec![(codes(&[]), "One.")]),
        ("a.md", "<!-- factlint-ignore name, title.stale -->\nOne.\n", vec![(codes(&["name", "title.stale"]), "One.")]),
        ("a.md", "<!-- factlint-ignored name -->\nOne.\n", vec![]),
        ("a.txt", "factlint-ignore: date.conflict\nOne.\n\nTwo.\n", vec![(codes(&["date.conflict"]), "One.")]),
        (
            "a.html",
            "<p>One.</p><!-- factlint-ignore count.conflict --><p>Two.</p>",
            vec![(codes(&["count.conflict"]), "Two.")],
        ),
    ];
    for (path, text, expected) in table {
        let expected: Vec<(Vec<String>, String)> = expected.into_iter().map(|(c, t)| (c, t.to_string())).collect();
        assert_eq!(suppressions(path, text), expected, "{path}: {text}");
    }
}

#[test]
fn a_plain_text_directive_is_not_prose() {
    let source = article("a.txt", "factlint-ignore: name\nOne.\n", None);
    assert!(!source.text.contains("factlint"));
}

#[test]
fn suppressions_apply_to_their_codes_inside_what_they_cover() {
    let covers = Span::new(10, 20);
    let suppression = |codes: &[&str]| Suppression { codes: codes.iter().map(|c| c.to_string()).collect(), covers };
    let table = [
        (suppression(&["name.misspelled"]), "name.misspelled", Span::new(12, 15), true),
        (suppression(&["name"]), "name.misspelled", Span::new(12, 15), true),
        (suppression(&["name"]), "names.other", Span::new(12, 15), false),
        (suppression(&[]), "title.stale", Span::new(10, 11), true),
        (suppression(&["name.misspelled"]), "name.inconsistent", Span::new(12, 15), false),
        (suppression(&["name.misspelled"]), "name.misspelled", Span::new(20, 25), false),
        (suppression(&["name.misspelled"]), "name.misspelled", Span::new(2, 5), false),
    ];
    for (suppression, code, at, expected) in table {
        assert_eq!(suppression.applies(code, at), expected, "{:?} {code} {at:?}", suppression.codes);
    }
}

#[test]
fn the_sentence_cursor_finds_what_a_search_finds_in_any_order() {
    let text = "First one here.  Second, after two spaces! Third?\n\nA new paragraph.";
    let Loaded::Articles(sources) = load("a.txt", text.as_bytes(), Format::Text, None) else { panic!("not read") };
    let source = &sources[0];
    let offsets: Vec<usize> = (0..=text.len()).collect();
    let mut cursor = source.sentence_cursor();
    // In order, then backwards, then jumping about: always what a search says.
    for &offset in offsets.iter().chain(offsets.iter().rev()).chain([40, 3, 60, 15, 16, 0].iter()) {
        assert_eq!(cursor.at(offset), source.sentence_at(offset), "offset {offset}");
    }
}
