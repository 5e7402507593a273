//! `--fix` and `--diff` on what a newsroom keeps: HTML and corpus lines, links, read-only files,
//! names across line breaks, standard input, one file named several ways (issue 14).

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn factlint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.current_dir(dir).env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    command
}

fn stdout(command: &mut Command) -> String {
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

fn folder_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

#[test]
fn html_and_corpus_fixes_keep_markup_and_escapes_and_messages_show_the_visible_text() {
    let dir = folder_with("a.html", "<p>Rustam&nbsp;Umarov and <strong>Steve</strong> Wittkopf spoke.</p>\n");
    let report = stdout(factlint(dir.path()).args(["check", "a.html", "--format", "short"]));
    assert!(report.contains("“Steve Wittkopf” is a misspelling") && !report.contains("</strong>"), "{report}");
    factlint(dir.path()).args(["check", "a.html", "--fix"]).assert().code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.html")).unwrap(),
        "<p>Rustem&nbsp;Umerov and <strong>Steve</strong> Witkoff spoke.</p>\n"
    );

    let line = r#"{"id": "1", "text": "Rustam\u0020Umarov and Steve\nWittkopf spoke."}"#;
    let dir = folder_with("c.jsonl", &format!("{line}\n"));
    factlint(dir.path()).args(["check", "c.jsonl", "--fix"]).assert().code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("c.jsonl")).unwrap(),
        format!("{}\n", line.replace("Rustam", "Rustem").replace("Umarov", "Umerov").replace("Wittkopf", "Witkoff"))
    );
}

#[cfg(unix)]
#[test]
fn a_link_is_fixed_through_and_a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder_with("a.md", "Rustam Umarov spoke.\n");
    std::os::unix::fs::symlink("a.md", dir.path().join("link.md")).unwrap();
    factlint(dir.path()).args(["check", "link.md", "--fix"]).assert().code(0);
    assert!(std::fs::symlink_metadata(dir.path().join("link.md")).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), "Rustem Umerov spoke.\n");

    let dir = folder_with("a.md", "Rustam Umarov spoke.\n");
    let path = dir.path().join("a.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    factlint(dir.path())
        .args(["check", "a.md", "--fix"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Rustam Umarov spoke.\n");
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
}

#[test]
fn a_diff_across_a_line_break_is_a_patch_git_and_patch_accept_and_keeps_the_lines() {
    let text = "The talks.\n\nDefense official Rustam\nUmarov spoke.\n";
    let dir = folder_with("a.md", text);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/b.md"), text).unwrap();
    let diff = stdout(factlint(dir.path()).args(["check", "./a.md", "sub/b.md", "--fix", "--diff"]));
    assert!(diff.contains("--- a/a.md\n+++ b/a.md\n") && diff.contains("+++ b/sub/b.md\n"), "{diff}");
    assert!(diff.contains("+Defense official Rustem\n+Umerov spoke.\n"), "{diff}");
    std::fs::write(dir.path().join("fix.patch"), &diff).unwrap();
    let git =
        std::process::Command::new("git").args(["apply", "--check", "fix.patch"]).current_dir(dir.path()).output();
    if let Ok(git) = git {
        assert!(git.status.success(), "git apply: {}", String::from_utf8_lossy(&git.stderr));
    }
    let patch = std::process::Command::new("patch").args(["-p1", "-i", "fix.patch"]).current_dir(dir.path()).output();
    if let Ok(patch) = patch {
        assert!(patch.status.success(), "patch: {}", String::from_utf8_lossy(&patch.stdout));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            text.replace("Rustam", "Rustem").replace("Umarov", "Umerov")
        );
    }
}

#[test]
fn after_fix_the_report_is_on_the_file_as_written() {
    let dir = folder_with("a.md", "Steve Wittkopf met Defense Minister Rustem Umerov.\n");
    let args = ["check", "a.md", "--date", "2026-01-06", "--format", "short"];
    let after_fix = stdout(factlint(dir.path()).args(args).arg("--fix"));
    let fresh = stdout(factlint(dir.path()).args(args));
    assert!(fresh.contains("error[title.stale]"), "{fresh}");
    assert_eq!(after_fix, fresh, "the positions are those of the fixed file");
}

#[test]
fn fix_diff_on_standard_input_diffs_standard_input() {
    let dir = folder_with("a.md", "Nothing to see on disk.\n");
    let diff = stdout(
        factlint(dir.path())
            .args(["check", "-", "--stdin-filename", "a.md", "--fix", "--diff"])
            .write_stdin("Rustam Umarov spoke.\n"),
    );
    assert!(diff.contains("-Rustam Umarov spoke.\n+Rustem Umerov spoke.\n"), "{diff}");
}

#[test]
fn a_file_named_several_ways_is_checked_and_fixed_once() {
    let dir = folder_with("a.md", "Rustam Umarov spoke.\n");
    let absolute = dir.path().join("a.md").display().to_string();
    let names = ["a.md", "./a.md", absolute.as_str()];
    let report = stdout(factlint(dir.path()).args(["check", "--format", "short", "--select", "name"]).args(names));
    assert_eq!(report.matches("name.misspelled").count(), 1, "{report}");
    factlint(dir.path()).arg("check").args(names).arg("--fix").assert().code(0);
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), "Rustem Umerov spoke.\n");
}

#[test]
fn fix_diff_fails_as_check_does_on_errors_it_cannot_fix() {
    let dir = folder_with("a.md", "Defense Minister Rustem Umerov spoke.\n");
    let args = ["check", "a.md", "--date", "2026-01-06"];
    factlint(dir.path()).args(args).assert().code(1);
    factlint(dir.path()).args(args).args(["--fix", "--diff"]).assert().code(1).stdout("");
}

/// Killed at any moment, `--fix` leaves the article as it was or as fixed, and no temporary file.
#[cfg(unix)]
#[test]
fn a_fix_ended_by_a_signal_leaves_no_temporary_file() {
    let original =
        format!("Rustam Umarov said.\n\n{}", "The harbour stayed closed overnight, officials said.\n\n".repeat(20_000));
    let fixed = original.replacen("Rustam Umarov", "Rustem Umerov", 1);
    for (delay, signal) in [(100, "TERM"), (300, "INT"), (600, "TERM"), (900, "INT"), (1500, "TERM")] {
        let dir = folder_with("a.md", &original);
        let mut run = std::process::Command::new(assert_cmd::cargo::cargo_bin("factlint"))
            .current_dir(dir.path())
            .args(["check", "a.md", "--fix", "--quiet"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = std::process::Command::new("kill").args([&format!("-{signal}"), &run.id().to_string()]).status();
        run.wait().unwrap();
        let left: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(left, ["a.md"], "after SIG{signal} at {delay} ms");
        let now = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
        assert!(now == original || now == fixed, "after SIG{signal} at {delay} ms the article is half written");
    }
}
