//! `factlint rules import wikidata` and `factlint rules stale` end to end: the fixtures of
//! `fixtures/wikidata/` imported into a folder that `rules check` then accepts, `--update`
//! keeping hand-written files, and the stale list of what was imported.

use assert_cmd::Command;
use predicates::prelude::*;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    command
}

const FIXTURES: [&str; 4] = [
    "fixtures/wikidata/Q900001.json",
    "fixtures/wikidata/positions.json",
    "fixtures/wikidata/dump.json.gz",
    "fixtures/wikidata/holders.srj",
];

#[test]
fn the_fixtures_import_as_valid_rules() {
    let output = factlint().args(["rules", "import", "wikidata"]).args(FIXTURES).args(["--out", "-"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wikidata");
    factlint()
        .args(["rules", "import", "wikidata"])
        .args(FIXTURES)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("imported 6 entities"));
    assert!(out.join("ada-lindqvist.toml").is_file());
    factlint().args(["rules", "check"]).arg(&out).assert().success();
}

#[test]
fn update_rewrites_imports_and_keeps_hand_written_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let import = |option: &str| {
        factlint()
            .args(["rules", "import", "wikidata", "fixtures/wikidata/dump.json.bz2", "--checked", "2026-12-01"])
            .arg(option)
            .arg(out)
            .assert()
            .success();
    };
    import("--out");
    let bo = out.join("bo-example.toml");
    let imported = std::fs::read_to_string(&bo).unwrap();
    assert!(imported.contains("checked = \"2026-12-01\""));
    std::fs::write(&bo, imported.replace("variants = [\"Bo Ex\"]", "variants = [\"Bo X\"]")).unwrap();
    let hand = "# mine\n[[entity]]\nid = \"dee-example\"\nname = \"Dee Example\"\nkind = \"person\"\n";
    std::fs::write(out.join("mine.toml"), hand).unwrap();

    import("--update");
    assert_eq!(std::fs::read_to_string(&bo).unwrap(), imported, "an imported file is rewritten whole");
    assert_eq!(std::fs::read_to_string(out.join("mine.toml")).unwrap(), hand);
    factlint().args(["rules", "check"]).arg(out).assert().success();
}

#[test]
fn bad_arguments_are_usage_errors() {
    factlint()
        .args(["rules", "import", "wikidata", "fixtures/wikidata/dump.json", "--out", "-", "--filter", "X1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Wikidata item ids"));
    factlint()
        .args(["rules", "import", "wikidata", "fixtures/wikidata/dump.json", "--update", "no/such/folder"])
        .assert()
        .code(2);
    factlint().args(["rules", "import", "wikidata", "Cargo.toml", "--out", "-"]).assert().code(2);
}

#[test]
fn stale_lists_open_facts_never_checked_first_then_oldest() {
    let dir = tempfile::tempdir().unwrap();
    factlint()
        .args(["rules", "import", "wikidata", "fixtures/wikidata/dump.json", "fixtures/wikidata/holders.srj", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let output = factlint().args(["rules", "stale", "--date", "2026-12-07"]).arg(dir.path()).output().unwrap();
    let listed = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = listed.lines().map(|l| l.split_once(": ").unwrap().1).collect();
    assert_eq!(
        lines,
        [
            // SPARQL results carry no modification day.
            "Di Sample — Prime Minister of Sampleland — never checked",
            "Bo Example — President of Exampleland — checked 2026-10-01 (67 days ago)",
        ]
    );
    let recent =
        factlint().args(["rules", "stale", "--date", "2026-12-07", "--older-than", "90"]).arg(dir.path()).output();
    assert_eq!(String::from_utf8(recent.unwrap().stdout).unwrap().lines().count(), 1);
    // The bundled rules: every open role checked.
    factlint()
        .args(["rules", "stale", "--date", "2026-12-07"])
        .assert()
        .success()
        .stdout(predicate::str::contains("never checked").not())
        .stdout(predicate::str::contains("Keir Starmer — Prime Minister of the United Kingdom — checked 2026-06-29"));
}
