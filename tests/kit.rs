//! The CI and packaging kit: SARIF invocations, shell completions, the man page.

use std::process::Command;

use serde_json::Value;

fn factlint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("factlint runs")
}

fn invocation(args: &[&str]) -> Value {
    let output = factlint(args);
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    log["runs"][0]["invocations"][0].clone()
}

#[test]
fn sarif_tells_whether_the_run_read_everything() {
    let clean = invocation(&["check", "fixtures/seeds", "--format", "sarif"]);
    assert_eq!(clean["executionSuccessful"], true);
    assert_eq!(clean["toolExecutionNotifications"], serde_json::json!([]));

    let missing = invocation(&["check", "fixtures/seeds", "no-such-article.md", "--format", "sarif"]);
    assert_eq!(missing["executionSuccessful"], false);
    let notification = &missing["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert!(notification["message"]["text"].as_str().unwrap().contains("no-such-article.md"));
    let uri = &notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "no-such-article.md");
}

#[test]
fn completions_and_the_man_page_cover_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = factlint(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains("serve") && script.contains("fail-on"), "{shell}");
    }
    let output = factlint(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH factlint"), "{}", &page[..200.min(page.len())]);
    assert!(page.contains("lsp") && page.contains("serve"));
    assert!(!factlint(&["completions", "tcsh"]).status.success());
}
