use super::*;
use crate::input::{paragraphs, sentences};
use crate::source::SourceFile;

const RULES: &str = r#"
[[entity]]
id = "rustem-umerov"
name = "Rustem Umerov"
kind = "person"
misspellings = ["Rustam Umarov", "Umarov"]

[[entity]]
id = "anna-rice"
name = "Anna Rice"
kind = "person"

[[entity]]
id = "donald-trump"
name = "Donald Trump"
kind = "person"
variants = ["Donald J. Trump"]

[[entity]]
id = "katrin-braun"
name = "Katrin Braun"
kind = "person"
misspellings = ["Brown"]

[[entity]]
id = "charles-iii"
name = "Charles III"
kind = "person"
variants = ["Charles"]

[[entity]]
id = "kyiv"
name = "Kyiv"
kind = "place"

[[entity]]
id = "ukraine-defense-contact-group"
name = "Ukraine Defense Contact Group"
kind = "organization"
variants = ["UDCG"]
"#;

fn kb() -> KnowledgeBase {
    KnowledgeBase::compile(vec![SourceFile::new("t.toml", RULES)]).unwrap()
}

/// A mention as (text, entity id, form).
type Seen = (String, Option<String>, &'static str);

fn mentions(kb: &KnowledgeBase, text: &str) -> Vec<Seen> {
    let paragraphs = paragraphs(text);
    let sentences = sentences(text, &paragraphs);
    let unwrapped = unwrap_lines(text, &sentences);
    find_mentions(&unwrapped, &crate::kb::phrases::WordHashes::new(&unwrapped), kb, &sentences)
        .into_iter()
        .map(|m| (text[m.range].to_string(), m.entity.map(|e| kb.entities[e].id.clone()), m.form.as_str()))
        .collect()
}

fn known(text: &str, id: &str, form: &'static str) -> Seen {
    (text.to_string(), Some(id.to_string()), form)
}

fn unknown(text: &str) -> Seen {
    (text.to_string(), None, "unknown")
}

#[test]
fn sentences_in_mentions_out() {
    let kb = kb();
    let table: Vec<(&str, Vec<Seen>)> = vec![
        (
            "Defense Minister Rustem Umerov met Umerov's aides.",
            vec![known("Rustem Umerov", "rustem-umerov", "name"), known("Umerov", "rustem-umerov", "variant")],
        ),
        (
            "Rustam Umarov said UMAROV'S plan was ready.",
            vec![
                known("Rustam Umarov", "rustem-umerov", "misspelling"),
                known("UMAROV", "rustem-umerov", "misspelling"),
            ],
        ),
        ("Donald J. Trump spoke.", vec![known("Donald J. Trump", "donald-trump", "variant")]),
        // A surname after another given name is someone else.
        (
            "Melania Trump and Donald Trump arrived.",
            vec![unknown("Melania Trump"), known("Donald Trump", "donald-trump", "name")],
        ),
        // So is a misspelled bare surname: Gordon Brown is not Katrin Braun.
        (
            "Gordon Brown spoke, and Brown left.",
            vec![unknown("Gordon Brown"), known("Brown", "katrin-braun", "misspelling")],
        ),
        // A person's name is case-aware; a place's is not.
        (
            "Rice said the rice harvest in kyiv was late.",
            vec![known("Rice", "anna-rice", "variant"), known("kyiv", "kyiv", "name")],
        ),
        // The word before a sentence break is not a given name.
        ("They met in Vilnius. Umerov said so.", vec![unknown("Vilnius"), known("Umerov", "rustem-umerov", "variant")]),
        // Nor is a title joined to a qualifier.
        (
            "Ex-Chancellor Braun and Jean-Luc Braun met.",
            vec![known("Braun", "katrin-braun", "variant"), unknown("Jean-Luc Braun")],
        ),
        // One person's given name before another's surname names a third person.
        ("Ambassador Charles Trump spoke.", vec![unknown("Charles Trump")]),
        (
            "Charles spoke with Trump.",
            vec![known("Charles", "charles-iii", "variant"), known("Trump", "donald-trump", "variant")],
        ),
        // A name wrapped across lines inside a sentence.
        ("Talks with Rustem\nUmerov went well.", vec![known("Rustem\nUmerov", "rustem-umerov", "name")]),
        // Not across a paragraph break.
        (
            "Talks with Rustem\n\nUmerov went well.",
            vec![unknown("Rustem"), known("Umerov", "rustem-umerov", "variant")],
        ),
        // A title inside a capitalised run is not part of the name.
        ("Norwegian Fisheries Minister Ingrid Halvorsen said no.", vec![unknown("Ingrid Halvorsen")]),
        ("He quoted Martin Luther King Jr. at length.", vec![unknown("Martin Luther King Jr")]),
        (
            "The Ukraine Defense Contact Group (UDCG) met.",
            vec![
                known("Ukraine Defense Contact Group", "ukraine-defense-contact-group", "name"),
                known("UDCG", "ukraine-defense-contact-group", "variant"),
            ],
        ),
        // Whole words only; a hyphenated compound still names him ("the Umerov-led team").
        (
            "Umerovich joined the Umerov-led team.",
            vec![unknown("Umerovich"), known("Umerov", "rustem-umerov", "variant")],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(mentions(&kb, text), expected, "{text}");
    }
}

#[test]
fn sentences_without_names() {
    let kb = kb();
    for text in [
        "The brown envelopes were late.",
        "He said the rice was cold.",
        "Officials said nothing on Monday.",
        "In January the talks resumed.",
        "It began on Feb. 24, 2022, and resumed on Sept. 3.",
        "",
        "Allies Hold High-Level Talks on Future Support",
        "Allies Hold High-Level Talks on Future Support (Updated)",
    ] {
        assert_eq!(mentions(&kb, text), [], "{text}");
    }
}

/// A photo caption ends in no full stop, like a headline, and its credit is in capitals: the
/// name it gives is read all the same.
#[test]
fn names_in_photo_captions() {
    let kb = kb();
    let table = [
        (
            "Rustam Umarov (Illustrative photo: JANE DOE / EPA)",
            vec![known("Rustam Umarov", "rustem-umerov", "misspelling")],
        ),
        ("Donald Trump [Photo: JOHN ROE / AFP]", vec![known("Donald Trump", "donald-trump", "name")]),
    ];
    for (text, expected) in table {
        assert_eq!(mentions(&kb, text), expected, "{text}");
    }
}

const SPELLINGS: &str = r#"
[[entity]]
id = "volodymyr-zelenskyy"
name = "Volodymyr Zelenskyy"
kind = "person"
variants = ["Zelensky", "Vladimir Zelensky"]

[[entity]]
id = "steven-witkoff"
name = "Steven Witkoff"
kind = "person"

[[entity]]
id = "lucia-diaz"
name = "Lucía Díaz"
kind = "person"

[[entity]]
id = "paul-macron"
name = "Paul Macron"
kind = "person"

[[entity]]
id = "jorg-olsson"
name = "Jörg-Åke Olsson"
kind = "person"
variants = ["Jorg-Ake Olsson"]
"#;

/// Names spelled with other accents, in Cyrillic, or with another form of the given name.
#[test]
fn names_across_accents_scripts_and_given_names() {
    let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", SPELLINGS)]).unwrap();
    // A mention tied to its entity through a form the rules do not list.
    let read_as = |text: &str, id: &str| (text.to_string(), Some(id.to_string()), "unknown");
    let table: Vec<(&str, Vec<Seen>)> = vec![
        // A given name the rules list with the entity, before an accepted surname.
        // (The given name is read apart, as before any accepted surname.)
        ("Vladimir Zelenskyy spoke.", vec![unknown("Vladimir"), known("Zelenskyy", "volodymyr-zelenskyy", "variant")]),
        // A given name the same by the table of equivalents: the person.
        ("Steve Witkoff arrived.", vec![unknown("Steve"), known("Witkoff", "steven-witkoff", "variant")]),
        // One spelled alike but for transliteration: still the person, in an unlisted form.
        ("Then Volodimir Zelensky spoke.", vec![read_as("Volodimir Zelensky", "volodymyr-zelenskyy")]),
        // Another given name is another person.
        ("Roy Witkoff arrived.", vec![unknown("Roy Witkoff")]),
        // Accents dropped or added are the same spelling.
        (
            "Lucia Diaz and Diaz's aides met Paul Macrón.",
            vec![
                known("Lucia Diaz", "lucia-diaz", "name"),
                known("Diaz", "lucia-diaz", "variant"),
                known("Paul Macrón", "paul-macron", "variant"),
            ],
        ),
        ("Macrón llegó.", vec![known("Macrón", "paul-macron", "variant")]),
        // The name without accents, also listed as a variant, is still one person's.
        ("Jorg-Ake Olsson has died.", vec![known("Jorg-Ake Olsson", "jorg-olsson", "name")]),
        // Cyrillic, read in Latin: Russian and Ukrainian spellings.
        ("Президент Зеленский заявил.", vec![known("Зеленский", "volodymyr-zelenskyy", "variant")]),
        ("Володимир Зеленський заявив.", vec![known("Володимир Зеленський", "volodymyr-zelenskyy", "variant")]),
        ("Стивен Уиткофф прилетел.", vec![unknown("Стивен Уиткофф")]),
    ];
    for (text, expected) in table {
        assert_eq!(mentions(&kb, text), expected, "{text}");
    }
}
