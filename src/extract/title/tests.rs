use super::*;
use crate::extract::mention::{find_mentions, unwrap_lines};
use crate::input::{paragraphs, sentences};
use crate::kb::phrases::WordHashes;
use crate::source::SourceFile;

const RULES: &str = r#"
[[entity]]
id = "rustem-umerov"
name = "Rustem Umerov"
kind = "person"
misspellings = ["Rustam Umarov"]
variants = ["Рустем Умеров"]

[[entity.role]]
title = "Minister of Defence of Ukraine"
forms = ["Defense Minister", "Defence Minister", "министр обороны"]
from = "2023-09-06"
until = "2025-07-17"

[[entity.role]]
title = "Secretary of the National Security and Defense Council of Ukraine"
forms = ["NSDC Secretary", "National Security and Defense Council Secretary"]
from = "2025-07-17"

[[entity]]
id = "donald-trump"
name = "Donald Trump"
kind = "person"

[[entity]]
id = "steve-witkoff"
name = "Steve Witkoff"
kind = "person"

[[entity]]
id = "joe-biden"
name = "Joe Biden"
kind = "person"

[[entity]]
id = "valerii-zaluzhnyi"
name = "Valerii Zaluzhnyi"
kind = "person"

[[entity]]
id = "andriy-yermak"
name = "Andriy Yermak"
kind = "person"

[[entity]]
id = "keith-kellogg"
name = "Keith Kellogg"
kind = "person"

[[entity.role]]
title = "Special Envoy to Ukraine"
from = "2025-01-20"

[[entity]]
id = "dmytro-kuleba"
name = "Dmytro Kuleba"
kind = "person"

[[entity.role]]
title = "Minister of Foreign Affairs of Ukraine"
forms = ["Foreign Minister", "Außenminister"]
from = "2020-03-04"
until = "2024-09-05"

[[entity]]
id = "kyiv"
name = "Kyiv"
kind = "place"
"#;

/// Each title as (claim, person, title, qualifier).
fn titles(text: &str) -> Vec<(&str, &str, &str, Option<&'static str>)> {
    let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", RULES)]).unwrap();
    let paragraphs = paragraphs(text);
    let sentences = sentences(text, &paragraphs);
    let unwrapped = unwrap_lines(text, &sentences);
    let mentions = find_mentions(&unwrapped, &WordHashes::new(&unwrapped), &kb, &sentences);
    find_titles(&unwrapped, &mentions, &sentences, &kb)
        .into_iter()
        .map(|t| (&text[t.range], &text[t.person], &text[t.title], t.qualifier.map(Qualifier::as_str)))
        .collect()
}

/// Each title expected of a sentence, as [`titles`] gives them.
type Expected = Vec<(&'static str, &'static str, &'static str, Option<&'static str>)>;

#[test]
fn sentences_in_titles_out() {
    let table: Vec<(&str, Expected)> = vec![
        (
            "Defense Minister Rustem Umerov said so.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        // An ordinary word capitalised by the start of its sentence is no organisation.
        ("But President Joe Biden said so.", vec![("President Joe Biden", "Joe Biden", "President", None)]),
        (
            "“Yesterday Defense Minister Rustem Umerov said so.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        (
            "Auch Defense Minister Rustem Umerov sprach.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        // A title opening the sentence may be parted from the name by a comma.
        (
            "Ukraine's Defense Minister, Rustem Umerov, said so.",
            vec![("Defense Minister, Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        // The office a person is named to.
        (
            "Joe Biden picked Rustem Umerov as his Defense Minister.",
            vec![("Rustem Umerov as his Defense Minister", "Rustem Umerov", "Defense Minister", None)],
        ),
        (
            "Rustem Umerov, a former paratrooper, has been picked for the post of NSDC Secretary.",
            vec![(
                "Rustem Umerov, a former paratrooper, has been picked for the post of NSDC Secretary",
                "Rustem Umerov",
                "NSDC Secretary",
                None,
            )],
        ),
        // The nationality is not part of the title.
        (
            "Ukraine's Defense Minister Rustem Umerov said so.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        // Appositives, with the rules' own title words ("NSDC").
        (
            "Rustem Umerov, Ukraine's defence minister, said so.",
            vec![("Rustem Umerov, Ukraine's defence minister", "Rustem Umerov", "defence minister", None)],
        ),
        (
            "Umerov, the NSDC secretary, said so.",
            vec![("Umerov, the NSDC secretary", "Umerov", "NSDC secretary", None)],
        ),
        (
            "Rustem Umerov, new NSDC secretary, spoke.",
            vec![("Rustem Umerov, new NSDC secretary", "Rustem Umerov", "NSDC secretary", None)],
        ),
        (
            "Rustem Umerov, the country's acting defence minister, said so.",
            vec![(
                "Rustem Umerov, the country's acting defence minister",
                "Rustem Umerov",
                "defence minister",
                Some("acting"),
            )],
        ),
        // "and" inside a title, before the name and after it.
        (
            "National Security and Defense Council Secretary Rustem Umerov spoke.",
            vec![(
                "National Security and Defense Council Secretary Rustem Umerov",
                "Rustem Umerov",
                "National Security and Defense Council Secretary",
                None,
            )],
        ),
        (
            "Umerov, the national security and defense council secretary, spoke.",
            vec![(
                "Umerov, the national security and defense council secretary",
                "Umerov",
                "national security and defense council secretary",
                None,
            )],
        ),
        // Before a head word, "and" starts another title.
        (
            "He met officials and President Donald Trump.",
            vec![("President Donald Trump", "Donald Trump", "President", None)],
        ),
        // Qualifiers.
        (
            "U.S. President-elect Donald Trump spoke.",
            vec![("President-elect Donald Trump", "Donald Trump", "President", Some("elect"))],
        ),
        (
            "It was under outgoing President Joe Biden.",
            vec![("outgoing President Joe Biden", "Joe Biden", "President", Some("outgoing"))],
        ),
        (
            "Then came former US President Donald Trump.",
            vec![("former US President Donald Trump", "Donald Trump", "President", Some("former"))],
        ),
        ("Later ex-President Trump spoke.", vec![("ex-President Trump", "Trump", "President", Some("former"))]),
        (
            "The incoming President Donald Trump spoke.",
            vec![("incoming President Donald Trump", "Donald Trump", "President", Some("elect"))],
        ),
        (
            "In 2024, then-Defense Minister Rustem Umerov said so.",
            vec![("then-Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", Some("then"))],
        ),
        // Qualifiers of other languages.
        (
            "Возглавил бывший министр обороны Рустем Умеров.",
            vec![("бывший министр обороны Рустем Умеров", "Рустем Умеров", "министр обороны", Some("former"))],
        ),
        (
            "Es sprach der ehemalige Außenminister Dmytro Kuleba.",
            vec![("ehemalige Außenminister Dmytro Kuleba", "Dmytro Kuleba", "Außenminister", Some("former"))],
        ),
        // A country in the genitive after a title of another language.
        (
            "Сказал министр обороны Украины Рустем Умеров.",
            vec![("министр обороны Украины Рустем Умеров", "Рустем Умеров", "министр обороны", None)],
        ),
        (
            "На брифинге в Киеве министр обороны Рустем Умеров заявил.",
            vec![("министр обороны Рустем Умеров", "Рустем Умеров", "министр обороны", None)],
        ),
        // A predecessor held the title in the time before.
        (
            "His predecessor was Foreign Minister Dmytro Kuleba.",
            vec![("Foreign Minister Dmytro Kuleba", "Dmytro Kuleba", "Foreign Minister", Some("then"))],
        ),
        (
            "Sein Vorgänger war der langjährige Außenminister Dmytro Kuleba.",
            vec![("Außenminister Dmytro Kuleba", "Dmytro Kuleba", "Außenminister", Some("then"))],
        ),
        // A country between the qualifier and the title.
        (
            "It was then-US Secretary of State Antony Blinken who spoke.",
            vec![("then-US Secretary of State Antony Blinken", "Antony Blinken", "Secretary of State", Some("then"))],
        ),
        (
            "It was then-U.S. Secretary of State Antony Blinken who spoke.",
            vec![("then-U.S. Secretary of State Antony Blinken", "Antony Blinken", "Secretary of State", Some("then"))],
        ),
        (
            "It was then-presidential chief of staff Andriy Yermak who spoke.",
            vec![("then-presidential chief of staff Andriy Yermak", "Andriy Yermak", "chief of staff", Some("then"))],
        ),
        // A plural title covers each coordinated name.
        (
            "US envoys Steve Witkoff and Jared Kushner arrived.",
            vec![
                ("envoys Steve Witkoff", "Steve Witkoff", "envoys", None),
                ("Jared Kushner", "Jared Kushner", "envoys", None),
            ],
        ),
        // A title wrapped across lines.
        (
            "Talks with Defense\nMinister Rustem Umerov went well.",
            vec![("Defense\nMinister Rustem Umerov", "Rustem Umerov", "Defense\nMinister", None)],
        ),
        // A misspelled name is given its title all the same.
        (
            "Defense Minister Rustam Umarov said so.",
            vec![("Defense Minister Rustam Umarov", "Rustam Umarov", "Defense Minister", None)],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(titles(text), expected, "{text}");
    }
}

#[test]
fn ranks_and_honorifics_are_no_offices() {
    let table: Vec<(&str, Expected)> = vec![
        ("General Valerii Zaluzhnyi spoke.", vec![]),
        ("Gen. Valerii Zaluzhnyi spoke.", vec![]),
        ("Lt. Gen. Valerii Zaluzhnyi spoke.", vec![]),
        ("Lieutenant General Valerii Zaluzhnyi spoke.", vec![]),
        ("Then Admiral Valerii Zaluzhnyi spoke.", vec![]),
        ("Dr Valerii Zaluzhnyi spoke.", vec![]),
        // The office is before the rank.
        (
            "Ukraine's army chief General Valerii Zaluzhnyi spoke.",
            vec![("army chief General Valerii Zaluzhnyi", "Valerii Zaluzhnyi", "army chief", None)],
        ),
        (
            "Later Defense Minister Sir Rustem Umerov spoke.",
            vec![("Defense Minister Sir Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        (
            "Then former Defense Minister Gen. Rustem Umerov spoke.",
            vec![("former Defense Minister Gen. Rustem Umerov", "Rustem Umerov", "Defense Minister", Some("former"))],
        ),
        // "General" in an office's name is no rank.
        (
            "Attorney General Joe Biden spoke.",
            vec![("Attorney General Joe Biden", "Joe Biden", "Attorney General", None)],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(titles(text), expected, "{text}");
    }
}

#[test]
fn ranks_the_rules_list_are_titles() {
    let rules =
        format!("{RULES}\n[[entity.role]]\ntitle = \"General\"\nforms = [\"General\"]\nfrom = \"2020-01-01\"\n");
    let kb = KnowledgeBase::compile(vec![SourceFile::new("t.toml", &rules)]).unwrap();
    assert!(kb.role_keys.contains(&crate::text::title_key("General")));
    let text = "General Andriy Yermak spoke.";
    let paragraphs = paragraphs(text);
    let sentences = sentences(text, &paragraphs);
    let mentions = find_mentions(text, &WordHashes::new(text), &kb, &sentences);
    let found: Vec<&str> =
        find_titles(text, &mentions, &sentences, &kb).iter().map(|t| &text[t.title.clone()]).collect();
    assert_eq!(found, ["General"]);
}

#[test]
fn titles_of_someone_else() {
    let table: Vec<(&str, Expected)> = vec![
        // The title after the preposition is the name's; the one before it someone else's.
        (
            "An aide to President Joe Biden said so.",
            vec![("President Joe Biden", "Joe Biden", "President", Some("then"))],
        ),
        (
            "An adviser to Defense Minister Rustem Umerov said so.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", Some("then"))],
        ),
        (
            "A spokesman for former President Joe Biden said so.",
            vec![("former President Joe Biden", "Joe Biden", "President", Some("former"))],
        ),
        // The relation dates the title: "under President X" is "then-President X"; a qualifier
        // of its own stays.
        (
            "It was signed under President Joe Biden.",
            vec![("President Joe Biden", "Joe Biden", "President", Some("then"))],
        ),
        (
            "An aide to outgoing President Joe Biden said so.",
            vec![("outgoing President Joe Biden", "Joe Biden", "President", Some("outgoing"))],
        ),
        (
            "The head of President Donald Trump's office said so.",
            vec![("President Donald Trump", "Donald Trump", "President", Some("then"))],
        ),
        // A title with a preposition of its own.
        ("Under Secretary Joe Biden spoke.", vec![("Under Secretary Joe Biden", "Joe Biden", "Under Secretary", None)]),
        (
            "Head of the Office of the President Andriy Yermak spoke.",
            vec![(
                "Head of the Office of the President Andriy Yermak",
                "Andriy Yermak",
                "Head of the Office of the President",
                None,
            )],
        ),
        (
            "Head of the President's Office Andriy Yermak spoke.",
            vec![(
                "Head of the President's Office Andriy Yermak",
                "Andriy Yermak",
                "Head of the President's Office",
                None,
            )],
        ),
        // In an appositive, the person's title ends where another's office begins.
        (
            "Andriy Yermak, adviser to the president, spoke.",
            vec![("Andriy Yermak, adviser", "Andriy Yermak", "adviser", None)],
        ),
        (
            "Andriy Yermak, the spokesman for the prime minister, spoke.",
            vec![("Andriy Yermak, the spokesman", "Andriy Yermak", "spokesman", None)],
        ),
        (
            "Andriy Yermak, spokeswoman for President Joe Biden, spoke.",
            vec![("President Joe Biden", "Joe Biden", "President", Some("then"))],
        ),
        (
            "The wife of President Joe Biden spoke.",
            vec![("President Joe Biden", "Joe Biden", "President", Some("then"))],
        ),
        // A possessive before the title: the title is still the name's.
        (
            "Donald Trump's former national security adviser Andriy Yermak spoke.",
            vec![(
                "former national security adviser Andriy Yermak",
                "Andriy Yermak",
                "national security adviser",
                Some("former"),
            )],
        ),
        // Verbs are no titles.
        (
            "Kyiv asked him to head Defense Minister Rustem Umerov's team.",
            vec![("Defense Minister Rustem Umerov", "Rustem Umerov", "Defense Minister", None)],
        ),
        (
            "Andriy Yermak, who will head President Donald Trump's team, spoke.",
            vec![("President Donald Trump", "Donald Trump", "President", None)],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(titles(text), expected, "{text}");
    }
}

#[test]
fn sentences_without_titles() {
    for text in [
        // Descriptions, not titles.
        "A senior Ukrainian official, Rustem Umerov, said so.",
        "Rustem Umerov, who met the president, said so.",
        "Rustem Umerov, a former paratrooper, said so.",
        // No person.
        "The Defense Minister said so.",
        "President of Kyiv's council.",
        // A title for someone else in the phrase.
        "Rustem Umerov, Steve Witkoff's deputy, said so.",
        // Someone else's title, or a verb.
        "Rustem Umerov was named to head the Office.",
        "Rustem Umerov, who heads the delegation, said so.",
        "Andriy Yermak, Donald Trump's chief of staff, said so.",
        // The title is in another sentence.
        "He met the Defense Minister. Rustem Umerov said so.",
        // Someone else is named, a description, or an office cut short.
        "Joe Biden said he has picked as his Defense Minister a veteran.",
        "The Senate may designate Rustem Umerov as a representative at the assembly.",
        "Joe Biden named Rustem Umerov to serve as secretary of Health and Human Services.",
        // "as" without a designation is no office the person is named to.
        "Rustem Umerov served as Defense Minister.",
        "Rustem Umerov, who was named in the report, spoke as NSDC Secretary.",
        // A comma parts a list: the title is not the name's.
        "He met the president, Rustem Umerov and Joe Biden.",
        "Officials said the Defense Minister, Rustem Umerov and others met.",
        // The name is governed by the words before it, no title's.
        "He became the third defense minister of the Biden presidency.",
        "He was deputy head of the Office of the President under Andriy Yermak.",
        // A title of an organisation the rules do not know says nothing of the roles they give.
        "The talks were led by Arsenal boss Steve Witkoff.",
        "Ex-Chelsea and Borussia Dortmund boss Rustem Umerov spoke.",
        "He said Tesla boss Joe Biden spoke.",
        "Their Oxfam director Joe Biden spoke.",
        // A preposition is no title, though an office's name holds it ("Special Envoy to …").
        "The harbour would reopen, according to Joe Biden.",
        "The plan was sent to Joe Biden on Monday.",
    ] {
        assert_eq!(titles(text), [], "{text}");
    }
}
