//! The plain git pre-commit hook (`hooks/pre-commit`): a commit whose staged article contradicts
//! the rules is refused; a clean one is accepted; what is checked is the staged version.

use std::path::Path;
use std::process::{Command, Output};

fn git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(repo)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("FACTLINT", env!("CARGO_BIN_EXE_factlint"))
        .env("NO_COLOR", "1")
        .output()
        .expect("git runs")
}

#[test]
fn the_hook_refuses_contradictions_and_accepts_clean_commits() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed: skipping");
        return;
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
