//! The fixtures of `fixtures/wikidata/` are small files in Wikidata's own formats, written for
//! these tests: a Special:EntityData document for a person and one for the posts they held, a
//! dump (plain, gzip, bzip2) and SPARQL results.

use std::path::PathBuf;

use super::*;
use crate::source::SourceFile;
use write::MARKER;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/wikidata").join(name)
}

fn import(names: &[&str], filter: Filter) -> (Vec<Record>, HashMap<Qid, Label>) {
    let mut importer = Importer::new(filter);
    let mut dumps = Vec::new();
    for name in names {
        let input = open(&fixture(name), |f| Box::new(f)).unwrap();
        if importer.read(input, name).unwrap() == InputKind::Dump {
            dumps.push(name);
        }
    }
    let missing = importer.missing_labels();
    for name in dumps {
        importer.read_labels(open(&fixture(name), |f| Box::new(f)).unwrap(), name, &missing).unwrap();
    }
    importer.finish()
}

fn term(position: Qid, from: Option<&str>, until: Option<&str>) -> Term {
    Term {
        position,
        from: from.map(|f| PartialDate(f.into())),
        until: until.map_or(End::Open, |u| End::Known(PartialDate(u.into()))),
    }
}

#[test]
fn times_keep_their_precision() {
    for (time, precision, expected) in [
        ("+2014-05-17T00:00:00Z", 11, Some("2014-05-17")),
        ("+2014-05-00T00:00:00Z", 10, Some("2014-05")),
        ("+2014-00-00T00:00:00Z", 9, Some("2014")),
        ("2014-05-17T00:00:00Z", 11, Some("2014-05-17")),
        ("+2010-00-00T00:00:00Z", 8, None),
        ("+2014-02-30T00:00:00Z", 11, None),
        ("-0044-03-15T00:00:00Z", 11, None),
    ] {
        assert_eq!(PartialDate::from_time(time, precision), expected.map(|e| PartialDate(e.into())), "{time}");
    }
}

#[test]
fn an_entity_document_gives_every_usable_term() {
    let (records, labels) = import(&["Q900001.json", "positions.json"], Filter::default());
    // The posts are labels, not entities.
    assert_eq!(records.iter().map(|r| r.qid).collect::<Vec<_>>(), [900001]);
    let ada = &records[0];
    assert_eq!(ada.label.as_deref(), Some("Ada Lindqvist"));
    assert_eq!(ada.kind, Some(EntityKind::Person));
    assert_eq!(ada.modified, NaiveDate::from_ymd_opt(2026, 11, 30));
    assert_eq!(
        ada.terms,
        [
            term(900100, Some("2010-01-01"), Some("2014")),
            // Re-appointed: a second term of the same post, preferred, kept beside the first.
            term(900100, Some("2018-05"), None),
            // An unknown start is no start.
            term(900101, None, Some("2016-03-15")),
            // Q900102 is deprecated; Q900103 ended on an unknown day; one post is unknown.
            term(900105, None, None),
            term(900199, Some("2001"), None),
        ]
    );
    assert_eq!(ada.skipped, ["Q900103: its end is unknown", "a position held that is unknown"]);
    assert_eq!(labels[&900101].aliases, ["Examples Minister", "Minister of Examples"]);
    assert!(!labels.contains_key(&900199));
}

#[test]
fn a_dump_reads_alike_plain_and_compressed() {
    let plain = import(&["dump.json"], Filter::default());
    let summary = |(records, labels): &(Vec<Record>, HashMap<Qid, Label>)| {
        let mut labels: Vec<_> = labels.iter().map(|(q, l)| (*q, l.label.clone())).collect();
        labels.sort();
        (records.iter().map(|r| (r.qid, r.kind, r.terms.clone())).collect::<Vec<_>>(), labels)
    };
    for compressed in ["dump.json.gz", "dump.json.bz2"] {
        assert_eq!(summary(&import(&[compressed], Filter::default())), summary(&plain), "{compressed}");
    }
    let (records, labels) = plain;
    let kinds: Vec<_> = records.iter().map(|r| (r.qid, r.kind)).collect();
    // Cy is a human by the preferred P31, whatever the normal one says.
    let (person, organization) = (Some(EntityKind::Person), Some(EntityKind::Organization));
    assert_eq!(kinds, [(900002, person), (900003, person), (900004, organization)]);
    // The president's post comes before its holder in the dump: found by the second pass.
    assert_eq!(labels[&900200].label, "President of Exampleland");
    assert_eq!(labels[&900201].label, "Governor of Sample Province");
}

#[test]
fn sparql_rows_become_one_record_per_person() {
    let (records, labels) = import(&["holders.srj"], Filter::default());
    assert_eq!(records.iter().map(|r| r.qid).collect::<Vec<_>>(), [900005, 900006, 900007]);
    let di = &records[0];
    assert_eq!(di.aliases, ["Diana Sample", "D. Sample"]);
    // The repeated row is one term; the deprecated one is none.
    assert_eq!(di.terms, [term(900300, Some("2015"), Some("2019-07")), term(900300, Some("2021-03-04"), None)]);
    assert_eq!(records[1].label, None, "the label service's fallback to the QID is no label");
    assert!(!labels.contains_key(&900302));
}

#[test]
fn filters_pick_entities_by_qid_position_and_country() {
    let qids = |filter: Filter| import(&["dump.json"], filter).0.iter().map(|r| r.qid).collect::<Vec<_>>();
    let set = |qids: &[Qid]| qids.iter().copied().collect::<HashSet<_>>();
    assert_eq!(qids(Filter { qids: set(&[900003, 900004]), ..Filter::default() }), [900003, 900004]);
    assert_eq!(qids(Filter { positions: set(&[900201]), ..Filter::default() }), [900002]);
    assert_eq!(qids(Filter { countries: set(&[900901]), ..Filter::default() }), [900003]);
    let both = Filter { positions: set(&[900200]), countries: set(&[900901]), ..Filter::default() };
    assert!(qids(both).is_empty());
}

fn written(existing: Existing) -> Output {
    let (records, labels) =
        import(&["Q900001.json", "positions.json", "dump.json.gz", "holders.srj"], Filter::default());
    write(records, &labels, existing, Path::new("out"), None)
}

#[test]
fn what_is_written_validates() {
    let output = written(Existing::default());
    let files: Vec<_> =
        output.files.iter().map(|(path, text)| SourceFile::new(path.display().to_string(), text.clone())).collect();
    let kb = crate::kb::KnowledgeBase::compile(files).unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
    let ids: Vec<&str> = kb.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["ada-lindqvist", "bo-example", "cy-example", "example-alliance", "di-sample", "ed-sample"]);
    let ada = &kb.entities[0];
    assert!(ada.roles.iter().all(|r| r.source.as_deref() == Some("https://www.wikidata.org/wiki/Q900001")));
    // Every fact checked on the day the entity was last edited, open roles included.
    assert!(ada.roles.iter().all(|r| r.checked == NaiveDate::from_ymd_opt(2026, 11, 30)));
    let mayor = ada.roles.iter().filter(|r| r.title == "Mayor of Exampleton").count();
    assert_eq!(mayor, 2, "a re-appointment is two periods");
    let bo = &kb.entities[1];
    assert_eq!(bo.roles.iter().filter(|r| r.title == "President of Exampleland").count(), 2);
    assert_eq!(output.notes, ["Q900006: no English label; not imported"]);
}

#[test]
fn ids_stay_and_other_files_are_kept_clear_of() {
    let dir = tempfile::tempdir().unwrap();
    let hand = "[[entity]]\nid = \"example-alliance\"\nname = \"The Example Alliance\"\nkind = \"organization\"\n\n\
                [[entity]]\nid = \"cy\"\nname = \"Cy Example\"\nkind = \"person\"\n";
    std::fs::write(dir.path().join("mine.toml"), hand).unwrap();
    let before = format!("{MARKER}Q900002\n[[entity]]\nid = \"bo\"\nname = \"Bo Example\"\nkind = \"person\"\n");
    std::fs::write(dir.path().join("old-name.toml"), before).unwrap();

    let output = written(Existing::scan(dir.path()).unwrap());
    let path_of = |id: &str| {
        let found = output.files.iter().find(|(_, text)| text.contains(&format!("id = \"{id}\"")));
        found.map(|(path, _)| path.strip_prefix(dir.path()).unwrap_or(path).to_path_buf())
    };
    // Imported before: the same id, rewritten where it was.
    assert_eq!(path_of("bo"), Some(PathBuf::from("old-name.toml")));
    // A hand-written id is taken: the QID tells them apart.
    assert!(path_of("example-alliance-q900004").is_some());
    // A hand-written entity of the same name wins.
    assert!(output.notes.contains(&"Q900003: another entity is already called “Cy Example”; not imported".into()));
    assert!(output.files.iter().all(|(path, _)| !path.ends_with("mine.toml")));
}
