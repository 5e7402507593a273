use super::*;

fn compile(text: &str) -> Result<KnowledgeBase, Invalid> {
    KnowledgeBase::compile(vec![SourceFile::new("test.toml", text)])
}

fn messages(text: &str) -> Vec<String> {
    match compile(text) {
        Ok(_) => Vec::new(),
        Err(invalid) => invalid.problems.iter().map(|p| p.message.clone()).collect(),
    }
}

const UMEROV: &str = r#"
[[entity]]
id = "rustem-umerov"
name = "Rustem Umerov"
kind = "person"
variants = ["Umierov"]
misspellings = ["Rustam Umarov", "Umarov"]

[[entity.role]]
title = "Minister of Defence of Ukraine"
forms = ["Defense Minister"]
from = "2023-09-06"
until = "2025-07-17"
"#;

#[test]
fn compiles_entities_forms_and_roles() {
    let kb = compile(UMEROV).unwrap();
    let umerov = &kb.entities[0];
    assert_eq!(umerov.surname.as_deref(), Some("Umerov"));
    assert_eq!(umerov.roles[0].keys, [vec!["minister", "of", "defense"], vec!["defense", "minister"]]);
    assert!(kb.title_words.contains("defense"));
    assert_eq!(umerov.correction_for("Umarov"), "Umerov");
    assert_eq!(umerov.correction_for("Rustam Umarov"), "Rustem Umerov");
    assert_eq!(kb.names.len(), 5);
}

#[test]
fn rejects_unknown_keys_with_their_place() {
    let err = compile("[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\nmispellings = [\"B\"]\n").unwrap_err();
    let problem = &err.problems[0];
    assert!(problem.message.contains("unknown key `mispellings`"), "{}", problem.message);
    assert_eq!(problem.span.offset(), 47);
}

#[test]
fn rejects_each_fault_of_spec_section_3() {
    let duplicate = format!("{UMEROV}\n[[entity]]\nid = \"rustem-umerov\"\nname = \"X Y\"\nkind = \"person\"\n");
    assert!(messages(&duplicate)[0].starts_with("duplicate id “rustem-umerov”"));

    let backwards = UMEROV.replace("until = \"2025-07-17\"", "until = \"2022-01-01\"");
    assert!(messages(&backwards)[0].contains("is not after `from`"));

    let overlap = format!("{UMEROV}\n[[entity.role]]\ntitle = \"Minister of Defence of Ukraine\"\nfrom = \"2025\"\n");
    assert!(messages(&overlap)[0].contains("holds “Minister of Defence of Ukraine” twice at once"));

    let shared = format!(
        "{UMEROV}\n[[entity]]\nid = \"other\"\nname = \"Other Person\"\nkind = \"person\"\nvariants = [\"Umierov\"]\n"
    );
    assert!(messages(&shared)[0].contains("is claimed by Rustem Umerov"));

    let wrong_is_right = UMEROV.replace("variants = [\"Umierov\"]", "variants = [\"Umarov\"]");
    assert!(messages(&wrong_is_right)[0].contains("misspelling"));

    let bad_date = UMEROV.replace("2023-09-06", "2023-09-31");
    assert_eq!(messages(&bad_date), ["bad date “2023-09-31”"]);

    let bad_kind = UMEROV.replace("kind = \"person\"", "kind = \"persn\"");
    assert!(messages(&bad_kind)[0].contains("unknown kind `persn`"));
}

#[test]
fn events_resolve_entities_across_files() {
    let event = r#"
[[event]]
id = "visit"
name = "a visit"
from = "2026-01-05"
until = "2026-01-08"
entities = ["rustem-umerov", "nobody"]
triggers = ["visit"]
"#;
    let err =
        KnowledgeBase::compile(vec![SourceFile::new("a.toml", UMEROV), SourceFile::new("b.toml", event)]).unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert!(err.problems[0].message.contains("“nobody”"));

    let fixed = event.replace(", \"nobody\"", "");
    let kb =
        KnowledgeBase::compile(vec![SourceFile::new("a.toml", UMEROV), SourceFile::new("b.toml", &fixed)]).unwrap();
    assert_eq!(kb.events[0].entities, [0]);
    assert_eq!(kb.events[0].when.to_string(), "2026-01-05 to 2026-01-07");
}

#[test]
fn shared_surnames_stay_ambiguous_and_yield_to_explicit_forms() {
    let text = r#"
[[entity]]
id = "a"
name = "Ann Smith"
kind = "person"
[[entity]]
id = "b"
name = "Bob Smith"
kind = "person"
[[entity]]
id = "c"
name = "Carl Jones"
kind = "person"
[[entity]]
id = "d"
name = "Dan Other"
kind = "person"
misspellings = ["Jones"]
"#;
    let kb = compile(text).unwrap();
    let smith = kb.names.iter().find(|p| p.text == "Smith").unwrap();
    assert_eq!(smith.owners.len(), 2);
    assert_eq!(kb.entities[2].surname, None);
    // Valid, but "Jones" alone would now be flagged wherever Carl Jones is meant: a warning.
    let warnings: Vec<&str> = kb.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings, ["the misspelling “Jones” of Dan Other is the surname of Carl Jones (at test.toml:11)"]);
}

#[test]
fn organisations_have_no_default_surname() {
    let kb = compile("[[entity]]\nid = \"bank\"\nname = \"Eastern Dairy Bank\"\nkind = \"organization\"\n").unwrap();
    assert_eq!(kb.entities[0].surname, None);
    assert!(kb.names.iter().all(|p| p.text != "Bank"));
}

/// Rules far past what an automaton is built as a DFA for: the name index stays linear in the
/// rules, and every name is still found.
#[test]
fn enormous_rule_files_are_matched_all_the_same() {
    let mut rules = String::new();
    let mut i = 0;
    while rules.len() < 4 * DFA_PATTERN_BYTES {
        rules.push_str(&format!("[[entity]]\nid = \"p{i}\"\nname = \"Given{i} Family{i}\"\nkind = \"person\"\n\n"));
        i += 1;
    }
    let kb = compile(&rules).unwrap();
    assert!(kb.names.iter().map(|p| p.text.len()).sum::<usize>() > DFA_PATTERN_BYTES);
    let text = format!("Given7 Family7 met Family{} in Kyiv.", i - 1);
    let found: Vec<&str> = crate::extract::mention::find_mentions(
        &text,
        &super::phrases::WordHashes::new(&text),
        &kb,
        &crate::input::sentences(&text, &crate::input::paragraphs(&text)),
    )
    .iter()
    .filter(|m| m.entity.is_some())
    .map(|m| &text[m.range.clone()])
    .collect();
    assert_eq!(found, ["Given7 Family7".to_string(), format!("Family{}", i - 1)]);
}

#[test]
fn checked_is_optional_and_must_be_a_day() {
    let open = format!(
        "{UMEROV}\n[[entity.role]]\ntitle = \"NSDC Secretary\"\nfrom = \"2025-07-17\"\nchecked = \"2026-06-30\"\n"
    );
    let kb = compile(&open).unwrap();
    let roles = &kb.entities[0].roles;
    assert_eq!(roles[0].confirmed_until(), None, "an ended role needs no confirmation");
    assert_eq!(roles[1].confirmed_until(), chrono::NaiveDate::from_ymd_opt(2026, 6, 30));

    for bad in ["2026-06", "2026-02-30", "last week"] {
        let text = open.replace("2026-06-30", bad);
        assert_eq!(messages(&text), [format!("bad `checked` date “{bad}”")]);
        let err = compile(&text).unwrap_err();
        assert_eq!(err.problems[0].span.offset(), text.find(&format!("\"{bad}\"")).unwrap());
    }
    let on_every_fact = r#"
[[entity]]
id = "x"
name = "X Y"
kind = "person"
checked = "2026-13-01"

[[event]]
id = "e"
name = "an event"
date = "2026"
checked = "nope"

[[event.count]]
what = "people"
checked = "2026-1-1"
"#;
    assert_eq!(messages(on_every_fact).len(), 3);
}

/// Every fault of a file is reported, each at its place, however many entries it spans; an
/// entry left out for a fault (an entity of no known kind) is not reported again where it is
/// named.
#[test]
fn every_fault_of_a_file_is_reported() {
    let text = r#"
[[entity]]
id = "a"
name = "Ann Lee"
kind = "persn"
colour = "blue"
[[entity.role]]
titel = "Mayor"
[[entity.role]]
title = "Governor"
from = 2020-01-01
[[entity]]
id = "b"
kind = "person"
misspellings = ["Bo Chen", 7]
[[event]]
id = "e"
name = "a vote"
date = "2024-05-20"
entities = ["a", "nobody"]
triggers = ["Sampleshire vote"]
[[event.count]]
what = "votes"
value = "many"
[names]
distinct = "Johnston"
"#;
    let problems = messages(text);
    let expected = [
        "unknown kind `persn`, expected one of `person`, `organization`, `place`, `other`",
        "unknown key `colour` in an entity, expected one of `id`, `name`, `kind`, `variants`, `misspellings`, \
         `source`, `checked`, `role`",
        "a role without `title`",
        "unknown key `titel` in a role, expected one of `title`, `forms`, `from`, `until`, `source`, `checked`",
        "`from` must be a string, not a datetime",
        "an entity without `name`",
        "`misspellings` must be a string, not an integer",
        "no entity has the id “nobody”",
        "`value` must be a whole number of 0 or more, not a string",
        "`distinct` must be a list of strings, not a string",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn a_rule_file_shaped_otherwise_is_told_apart() {
    let read = |text: &str| model::read(&SourceFile::new("x.toml", text), &mut Vec::new()).foreign;
    assert!(read("[server]\nport = 8080\n"));
    assert!(!read("") && !read("[[entity]]\nid = \"a\"\n") && !read("[names]\ndistinct = []\n"));
    let mut problems = Vec::new();
    model::read(&SourceFile::new("x.toml", "entity = 5\nevent = [1]\n"), &mut problems);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["`entity` must be an array of tables, not an integer", "`event` must be a table, not an integer"]
    );
    let mut problems = Vec::new();
    model::read(
        &SourceFile::new("x.toml", "[[entity]]\nid = \"a\"\nname = \"Al Bo\"\nkind = \"person\"\nrole = \"Mayor\"\n"),
        &mut problems,
    );
    assert_eq!(problems[0].help.as_deref(), Some("write each one under a `[[entity.role]]` header"));
}

/// An event tied by its trigger alone warns when the trigger is of common words; a name, or
/// entities or a place the sentence must also name, make it safe.
#[test]
fn common_triggers_of_an_event_tied_to_nothing_are_warnings() {
    let event = |extra: &str| {
        format!(
            "[[entity]]\nid = \"p\"\nname = \"Pat Doe\"\nkind = \"person\"\n[[event]]\nid = \"e\"\nname = \"the capture\"\n\
             date = \"2024-02-17\"\ntriggers = [\"capture\", \"Operation Dawn\", \"sworn in\"]\n{extra}"
        )
    };
    let kb = compile(&event("")).unwrap();
    let flagged: Vec<&str> =
        kb.warnings.iter().map(|w| &kb.files[0].text[w.span.offset()..w.span.offset() + w.span.len()]).collect();
    assert_eq!(flagged, ["\"capture\"", "\"sworn in\""]);
    assert!(kb.warnings[0].message.starts_with("event “e” is named by the common words “capture” alone"));
    for narrowed in ["place = \"Avdiivka\"", "entities = [\"p\"]"] {
        assert!(compile(&event(narrowed)).unwrap().warnings.is_empty(), "{narrowed}");
    }
}

#[test]
fn a_misspelling_kept_as_a_full_name_is_no_warning() {
    let text = r#"
[[entity]]
id = "rustem-umerov"
name = "Rustem Umerov"
kind = "person"
misspellings = ["Rustam Umarov"]
[[entity]]
id = "ruslan-umarov"
name = "Ruslan Umarov"
kind = "person"
"#;
    assert!(compile(text).unwrap().warnings.is_empty());
    let alone = text.replace(r#"["Rustam Umarov"]"#, r#"["Rustam Umarov", "Umarov"]"#);
    let kb = compile(&alone).unwrap();
    assert_eq!(kb.warnings.len(), 1);
    assert_eq!(kb.warnings[0].label, "a real surname");
}

#[test]
fn triggers_in_other_scripts_are_found_capitalised_too() {
    let table: [(&str, &[&str]); 4] = [
        ("geneva talks", &["geneva talks"]),
        (
            "переговоры в женеве",
            &["переговоры в женеве", "Переговоры в женеве", "переговоры в Женеве", "Переговоры в Женеве"],
        ),
        // A one-letter preposition is varied only where it opens the phrase.
        ("в женеве", &["в женеве", "В женеве", "в Женеве", "В Женеве"]),
        ("élysée summit", &["élysée summit", "Élysée summit"]),
    ];
    for (folded, expected) in table {
        assert_eq!(capitalised_forms(folded), expected, "{folded}");
    }
}
