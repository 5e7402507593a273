//! What a run reads and refuses to read: thread counts, paths that yield nothing, files that are
//! not regular files, symlinks, hidden files, rule folders, odd encodings, and the git hook.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    command
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

const STALE: &str = "---\npublished: 2026-01-06\n---\nOutgoing President Joe Biden spoke.\n";

#[test]
fn jobs_beyond_the_machine_are_capped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Nothing to see.\n");
    let started = std::time::Instant::now();
    factlint()
        .current_dir(dir.path())
        .args(["check", "--jobs", "100000", "a.md"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("--jobs 100000").and(predicate::str::contains("using")));
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    factlint().current_dir(dir.path()).args(["check", "--jobs", "1", "a.md"]).assert().code(0).stderr("");
}

#[test]
fn a_named_folder_without_articles_is_an_error_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    write(dir.path(), "notes/todo.rs", "fn main() {}\n");
    for folder in ["empty", "notes"] {
        factlint()
            .current_dir(dir.path())
            .args(["check", folder])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("no articles in {folder}")));
        factlint().current_dir(dir.path()).args(["check", "--allow-empty", folder]).assert().code(0);
    }
}

#[test]
fn stdin_filename_without_stdin_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Nothing to see.\n");
    factlint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "x.md"])
        .write_stdin(STALE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass `-`"));
    factlint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "x.md", "-"])
        .write_stdin(STALE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("x.md"));
}

#[test]
fn read_errors_are_in_json_and_sarif_too() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", STALE);
    let run = |format: &str| -> Value {
        let output =
            factlint().current_dir(dir.path()).args(["check", "--format", format, "a.md", "gone.md"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let json = run("json");
    assert_eq!(json["version"], 1);
    assert!(!json["findings"].as_array().unwrap().is_empty(), "the readable file is still checked");
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "gone.md");
    assert!(errors[0]["message"].as_str().unwrap().contains("cannot read gone.md"));

    let sarif = run("sarif");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "gone.md");

    let clean = factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--fail-on", "never", "a.md"])
        .output()
        .unwrap();
    let clean: Value = serde_json::from_slice(&clean.stdout).unwrap();
    assert_eq!(clean["errors"], serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_reported_never_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Nothing to see.\n");
    let fifo = dir.path().join("pipe.md");
    match std::process::Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        _ => return eprintln!("skipped: no mkfifo on this machine to make a FIFO with"),
    }
    // Nothing writes to the FIFO: opening it would block for ever.
    factlint()
        .current_dir(dir.path())
        .args(["check", "pipe.md", "/dev/zero", "a.md"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pipe.md").and(predicate::str::contains("FIFO")))
        .stderr(predicate::str::contains("/dev/zero").and(predicate::str::contains("a device")));
    // In a folder walk too, where an article could be; the rest is checked.
    factlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "short"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pipe.md").and(predicate::str::contains("FIFO")));
}

#[test]
fn hidden_files_and_symlinks_are_read_when_asked_and_listed_when_verbose() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "site/a.md", "Nothing to see.\n");
    write(dir.path(), "site/.drafts/b.md", STALE);
    write(dir.path(), "elsewhere/c.md", STALE);
    let linked = |args: &[&str]| factlint().current_dir(dir.path()).args(["check", "site"]).args(args).assert();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("elsewhere/c.md"), dir.path().join("site/c.md")).unwrap();

    linked(&[]).code(0).stderr("");
    linked(&["--verbose"])
        .code(0)
        .stderr(predicate::str::contains(".drafts").and(predicate::str::contains("--hidden")));
    linked(&["--hidden"]).code(1).stdout(predicate::str::contains(".drafts/b.md"));
    #[cfg(unix)]
    {
        linked(&["-v"]).stderr(predicate::str::contains("c.md").and(predicate::str::contains("--follow")));
        linked(&["--follow"]).code(1).stdout(predicate::str::contains("site/c.md"));
    }
}

#[test]
fn paths_after_a_double_dash_may_start_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "--write-baseline=x.md", STALE);
    factlint()
        .current_dir(dir.path())
        .args(["check", "--", "--write-baseline=x.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("title.stale"));
    assert!(!dir.path().join("x.md").exists());
}

const RULES: &str = "[[entity]]\nid = \"ann-lee\"\nname = \"Ann Lee\"\nkind = \"person\"\n";

#[cfg(unix)]
#[test]
fn symlinked_rule_files_are_followed_and_loops_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "shared/people.toml", RULES);
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("shared/people.toml"), dir.path().join("rules/people.toml")).unwrap();
    factlint()
        .current_dir(dir.path())
        .args(["rules", "check", "rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 files, 1 entities"));
    std::os::unix::fs::symlink(dir.path().join("rules"), dir.path().join("rules/again")).unwrap();
    factlint().current_dir(dir.path()).args(["rules", "check", "rules"]).assert().code(2);
}

#[test]
fn rules_that_are_nothing_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    write(dir.path(), "a.md", "Nothing to see.\n");
    factlint()
        .current_dir(dir.path())
        .args(["rules", "check", "rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule files"));
    #[cfg(unix)]
    {
        write(dir.path(), "factlint.toml", "rules = [\"/dev/zero\"]\n");
        factlint()
            .current_dir(dir.path())
            .args(["check", "a.md"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("/dev/zero"));
    }
}

#[test]
fn a_file_that_is_not_a_rule_file_is_not_quoted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secrets.toml", "[database]\npassword = \"hunter2-secret\"\n");
    write(dir.path(), "factlint.toml", "rules = [\"secrets.toml\"]\n");
    write(dir.path(), "a.md", "Nothing to see.\n");
    factlint()
        .current_dir(dir.path())
        .args(["check", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a rule file").and(predicate::str::contains("hunter2").not()));
}

#[test]
fn init_writes_a_config_that_reads_its_example_rules() {
    let dir = tempfile::tempdir().unwrap();
    factlint().current_dir(dir.path()).arg("init").assert().code(0);
    write(dir.path(), "story.md", "---\npublished: 2025-06-01\n---\nJane Exemple opened the fair.\n");
    factlint()
        .current_dir(dir.path())
        .args(["check", "story.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("name.misspelled").and(predicate::str::contains("Jane Example")));
}

#[test]
fn control_characters_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\npublished: 2026-01-06\n---\n\x1b]0;pwned\x07\x1b[2J Outgoing President Joe Biden spoke.\n",
    );
    let output = factlint().current_dir(dir.path()).args(["check", "--color", "never", "a.md"]).output().unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(!report.contains(['\x1b', '\x07']), "{report:?}");
    assert!(report.contains("␛]0;pwned␇␛[2J Outgoing"), "{report}");
    // The underline still sits under the finding: a symbol takes the column of its character.
    let columns = |line: &str, at: &str| line.find(at).map(|i| line[..i].chars().count());
    let lines: Vec<&str> = report.lines().collect();
    let snippet = lines.iter().position(|l| l.contains("␛]0;pwned")).unwrap();
    assert_eq!(columns(lines[snippet + 1], "─"), columns(lines[snippet], "Outgoing"), "{report}");
}

#[test]
fn the_report_header_names_the_findings_own_position() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\npublished: 2026-01-06\n---\nThe long opening words of this line come first, and then Outgoing President Joe Biden spoke.\n",
    );
    factlint()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "a.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[a.md:4:58]"));
}

#[test]
fn utf16_and_utf32_with_a_byte_order_mark_are_decoded_and_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{STALE}Defence Minister Rustam Umarov spoke.\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf32: Vec<u8> =
        [0, 0, 0xFE, 0xFF].into_iter().chain(text.chars().flat_map(|c| (c as u32).to_be_bytes())).collect();
    std::fs::write(dir.path().join("a.md"), &utf16).unwrap();
    std::fs::write(dir.path().join("b.md"), &utf32).unwrap();
    factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "short", "a.md", "b.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.md:4:1: error[title.stale]"))
        .stdout(predicate::str::contains("read as UTF-16LE").and(predicate::str::contains("read as UTF-32BE")))
        .stdout(predicate::str::contains("b.md:5:").and(predicate::str::contains("name.misspelled")))
        .stdout(predicate::str::contains("binary").not());
    factlint().current_dir(dir.path()).args(["check", "--fix", "a.md"]).assert().code(1);
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), utf16, "a decoded file is never rewritten");
}

#[test]
fn bad_front_matter_is_said_and_long_values_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "toml.md", "+++\npublished = [unclosed\n+++\nOutgoing President Joe Biden spoke.\n");
    write(dir.path(), "long.md", &format!("---\npublished: {}\n---\nIt rained.\n", "x".repeat(200_000)));
    let output = factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "short", "--select", "source.undated", "toml.md", "long.md"])
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("toml.md:2:") && report.contains("not valid TOML"), "{report}");
    let long = report.lines().find(|l| l.starts_with("long.md")).unwrap();
    assert!(long.len() < 400 && long.contains("xxx…"), "{} bytes", long.len());
}

#[test]
fn baselines_match_whatever_the_path_spelling_or_working_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "news/a.md", STALE);
    std::fs::create_dir(dir.path().join("other")).unwrap();
    factlint().current_dir(dir.path()).args(["check", ".", "--write-baseline", "b.json"]).assert().code(0);
    let recorded = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(recorded.contains("\"path\": \"news/a.md\""), "{recorded}");
    factlint().current_dir(dir.path()).args(["check", "news/a.md", "--baseline", "b.json"]).assert().code(0);
    factlint().current_dir(dir.path()).args(["check", "./news", "--baseline", "b.json"]).assert().code(0);
    factlint()
        .current_dir(dir.path().join("other"))
        .args(["check", "../news/a.md", "--baseline", "../b.json"])
        .assert()
        .code(0);
    let absolute = dir.path().join("news/a.md");
    factlint()
        .current_dir(dir.path())
        .args(["check", absolute.to_str().unwrap(), "--baseline", "b.json"])
        .assert()
        .code(0);
}

#[test]
fn select_on_the_command_line_wins_over_the_configs_ignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "factlint.toml", "[checks]\nignore = [\"title\"]\n");
    write(dir.path(), "a.md", STALE);
    factlint().current_dir(dir.path()).args(["check", "a.md"]).assert().code(0);
    for selected in ["title", "title.stale"] {
        factlint()
            .current_dir(dir.path())
            .args(["check", "--select", selected, "a.md"])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("title.stale"));
    }
}
