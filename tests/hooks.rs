//! The plain git pre-commit hook (`hooks/pre-commit`): a commit whose staged article contradicts
//! the rules is refused; a clean one is accepted; what is checked is the staged version.

use std::path::Path;
use std::process::{Command, Output};

fn git(repo: &Path, args: &[&str]) -> Output {
    git_with(repo, args, env!("CARGO_BIN_EXE_factlint"))
}

fn git_with(repo: &Path, args: &[&str], factlint: &str) -> Output {
    Command::new("git")
        .current_dir(repo)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("FACTLINT", factlint)
        .env("NO_COLOR", "1")
        .output()
        .expect("git runs")
}

/// A repository with the hook installed, or none if git is missing.
fn repository() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed: skipping");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    assert!(git(repo, &["init", "-q"]).status.success());
    let hook = repo.join(".git/hooks/pre-commit");
    std::fs::copy("hooks/pre-commit", &hook).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    Some(dir)
}

fn said(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

const STALE: &str = "---\npublished: 2026-01-06\n---\nOutgoing President Joe Biden spoke.\n";
const CLEAN: &str = "---\npublished: 2026-01-06\n---\nFormer President Joe Biden spoke.\n";

#[test]
fn the_hook_refuses_contradictions_and_accepts_clean_commits() {
    let Some(dir) = repository() else { return };
    let repo = dir.path();

    std::fs::write(repo.join("story.md"), "---\npublished: 2026-01-06\n---\nOutgoing President Joe Biden spoke.\n")
        .unwrap();
    git(repo, &["add", "story.md"]);
    let refused = git(repo, &["commit", "-q", "-m", "story"]);
    assert!(!refused.status.success(), "a stale title must block the commit");
    let said = String::from_utf8_lossy(&refused.stdout).to_string() + &String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("title.stale") && said.contains("commit refused"), "{said}");

    // Fixed in the working tree but not staged: the staged text is what counts.
    std::fs::write(repo.join("story.md"), "---\npublished: 2026-01-06\n---\nFormer President Joe Biden spoke.\n")
        .unwrap();
    assert!(!git(repo, &["commit", "-q", "-m", "story"]).status.success());
    git(repo, &["add", "story.md"]);
    let accepted = git(repo, &["commit", "-q", "-m", "story"]);
    assert!(accepted.status.success(), "{}", String::from_utf8_lossy(&accepted.stderr));
}

#[test]
fn file_names_are_only_names() {
    let Some(dir) = repository() else { return };
    let repo = dir.path();
    // Each odd name alone: spaces, quotes, non-ASCII, a glob, an option.
    for name in ["my story.md", "it's \"here\".md", "Sévérité.md", "[ab].md", "--write-baseline=x.md"] {
        std::fs::write(repo.join(name), CLEAN).unwrap();
        git(repo, &["add", "--", name]);
        let accepted = git(repo, &["commit", "-q", "-m", "clean"]);
        assert!(accepted.status.success(), "{name}: {}", said(&accepted));
        std::fs::write(repo.join(name), STALE).unwrap();
        git(repo, &["add", "--", name]);
        let refused = git(repo, &["commit", "-q", "-m", "stale"]);
        assert!(!refused.status.success(), "{name} must be checked: {}", said(&refused));
        assert!(said(&refused).contains("title.stale"), "{name}: {}", said(&refused));
        assert!(git(repo, &["checkout", "-q", "HEAD", "--", name]).status.success());
    }
    assert!(!repo.join("x.md").exists(), "no option was taken from a file name");
}

#[test]
fn the_config_exclude_is_honoured_and_corpora_are_checked() {
    let Some(dir) = repository() else { return };
    let repo = dir.path();
    std::fs::write(repo.join("factlint.toml"), "exclude = [\"archive/**\"]\n").unwrap();
    std::fs::create_dir(repo.join("archive")).unwrap();
    std::fs::write(repo.join("archive/old.md"), STALE).unwrap();
    git(repo, &["add", "factlint.toml", "archive/old.md"]);
    let accepted = git(repo, &["commit", "-q", "-m", "archive"]);
    assert!(accepted.status.success(), "{}", said(&accepted));

    let line = r#"{"id": "a", "published": "2026-01-06", "text": "Outgoing President Joe Biden spoke."}"#;
    std::fs::write(repo.join("corpus.jsonl"), format!("{line}\n")).unwrap();
    git(repo, &["add", "corpus.jsonl"]);
    let refused = git(repo, &["commit", "-q", "-m", "corpus"]);
    assert!(!refused.status.success() && said(&refused).contains("title.stale"), "{}", said(&refused));
}

#[test]
fn a_missing_factlint_is_said() {
    let Some(dir) = repository() else { return };
    let repo = dir.path();
    std::fs::write(repo.join("story.md"), CLEAN).unwrap();
    git(repo, &["add", "story.md"]);
    let refused = git_with(repo, &["commit", "-q", "-m", "story"], "factlint-not-installed-here");
    assert!(!refused.status.success());
    assert!(said(&refused).contains("not installed"), "{}", said(&refused));
}
