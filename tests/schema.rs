//! docs/report.schema.json is the JSON Schema of `--format json`, generated from the report's
//! types: it must be current, and real output must validate against it.

use std::process::Command;

use serde_json::Value;

fn factlint(args: &[&str]) -> Vec<u8> {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("factlint runs")
        .stdout
}

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json");

#[test]
fn the_committed_schema_is_current() {
    let generated = String::from_utf8(factlint(&["schema"])).unwrap();
    // FACTLINT_UPDATE_SCHEMA=1 cargo test --test schema writes it anew.
    if std::env::var_os("FACTLINT_UPDATE_SCHEMA").is_some() {
        std::fs::write(COMMITTED, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap();
    assert_eq!(committed, generated, "run `factlint schema > docs/report.schema.json`");
}

#[test]
fn real_reports_validate_against_the_schema() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(COMMITTED).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let report: Value = serde_json::from_slice(&factlint(&["check", "fixtures/seeds", "--format", "json"])).unwrap();
    assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
    let errors: Vec<String> = validator.iter_errors(&report).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And a report that breaks it is caught.
    let mut broken = report.clone();
    broken["findings"][0]["severity"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}
