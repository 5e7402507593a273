//! Configuration per folder, as ruff and typos have it: every article is checked under the
//! `factlint.toml` files of its own folder and the folders above it (the nearest winning per
//! key), `--config` on top, flags over all — in a folder walk too, where a subfolder's file
//! governs the articles below it. Each case is a tree of files, the arguments, and what is
//! reported for each file.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    command
}

/// An article with a stale title, a misspelled name and a repeated paragraph.
const THREE_FINDINGS: &str = "---\npublished: 2026-01-10\n---\n\nPresident-elect Donald Trump met Rustam Umarov in Kyiv on Monday to talk about the war.\n\nThe two men spoke for an hour about drones and the long winter ahead.\n\nThe two men spoke for an hour about drones and the long winter ahead.\n";

/// One misspelling the bundled rules know, one the example rules below know.
const TWO_NAMES: &str = "---\npublished: 2026-01-10\n---\n\nJane Exemple met Rustam Umarov in Kyiv on Monday.\n";

/// A misspelling alone: an error.
const ERROR: &str = "---\npublished: 2026-01-10\n---\n\nRustam Umarov spoke in Kyiv on Monday.\n";

/// A repeated paragraph alone: a warning.
const WARNING: &str = "---\npublished: 2026-01-10\n---\n\nThe two men spoke for an hour about drones and the long winter ahead.\n\nThe two men spoke for an hour about drones and the long winter ahead.\n";

const JANE_RULES: &str = "[[entity]]\nid = \"jane-example\"\nname = \"Jane Example\"\nkind = \"person\"\nmisspellings = [\"Jane Exemple\"]\nsource = \"https://example.org/jane\"\n";

/// A tree of files in a temporary folder.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `path code severity “text”` of each finding of `factlint check --format json ARGS` run in
/// `dir` (paths without a leading `./`), and the exit code.
fn check(dir: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let output = factlint().current_dir(dir).args(["check", "--format", "json"]).args(args).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let findings = report["findings"].as_array().unwrap().iter().map(|f| {
        let path = f["path"].as_str().unwrap();
        let path = path.strip_prefix("./").unwrap_or(path);
        format!(
            "{path} {} {} “{}”",
            f["code"].as_str().unwrap(),
            f["severity"].as_str().unwrap(),
            f["text"].as_str().unwrap()
        )
    });
    (findings.collect(), output.status.code().unwrap())
}

/// The findings of THREE_FINDINGS in `path`, with these severities (none: not reported).
fn three(path: &str, title: Option<&str>, name: Option<&str>, draft: Option<&str>) -> Vec<String> {
    let text = "The two men spoke for an hour about drones and the long winter ahead.";
    [
        title.map(|s| format!("{path} title.stale {s} “President-elect Donald Trump”")),
        name.map(|s| format!("{path} name.misspelled {s} “Rustam Umarov”")),
        draft.map(|s| format!("{path} draft.duplicate-paragraph {s} “{text}”")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn a_subfolders_config_governs_the_articles_below_it() {
    let project = tree(&[
        ("factlint.toml", "[severity]\n\"name.misspelled\" = \"warning\"\n"),
        ("sub/factlint.toml", "[checks]\nignore = [\"title\"]\n"),
        ("extra.toml", "[severity]\n\"title.stale\" = \"warning\"\n"),
        ("a.md", THREE_FINDINGS),
        ("sub/b.md", THREE_FINDINGS),
    ]);
    let (e, w) = (Some("error"), Some("warning"));
    let cases: &[(&[&str], Vec<String>, i32)] = &[
        // The root's file for a.md; for sub/b.md, sub's `ignore` over the root's severities.
        (&[], [three("a.md", e, w, w), three("sub/b.md", None, w, w)].concat(), 1),
        // Paths named apart, whose files differ, are each checked under their own.
        (&["a.md", "sub/b.md"], [three("a.md", e, w, w), three("sub/b.md", None, w, w)].concat(), 1),
        (&["sub"], three("sub/b.md", None, w, w), 0),
        // --config on top of every folder's files, per key (per code in `[severity]`).
        (&["--config", "extra.toml"], [three("a.md", w, w, w), three("sub/b.md", None, w, w)].concat(), 0),
        // --isolated: no file found is read, in the walk either; --config still is.
        (&["--isolated"], [three("a.md", e, e, w), three("sub/b.md", e, e, w)].concat(), 1),
        (&["--isolated", "--config", "extra.toml"], [three("a.md", w, e, w), three("sub/b.md", w, e, w)].concat(), 1),
        // Flags over every file: --select runs what sub's file ignores, --ignore adds to it.
        (&["--select", "title"], [three("a.md", e, None, None), three("sub/b.md", e, None, None)].concat(), 1),
        (&["--ignore", "draft"], [three("a.md", e, w, None), three("sub/b.md", None, w, None)].concat(), 1),
    ];
    for (args, expected, code) in cases {
        assert_eq!(check(project.path(), args), (expected.clone(), *code), "check {args:?}");
    }
}

#[test]
fn a_subfolders_include_and_exclude_apply_below_it_relative_to_its_folder() {
    let project = tree(&[
        ("sub/factlint.toml", "include = [\"**/*.md\", \"**/*.story\"]\nexclude = [\"drafts/**\"]\n"),
        ("drafts/a.md", ERROR),
        ("c.story", ERROR),
        ("sub/drafts/b.md", ERROR),
        ("sub/c.story", ERROR),
        ("sub/d.md", ERROR),
    ]);
    let found = |paths: &[&str]| -> Vec<String> {
        paths.iter().map(|p| format!("{p} name.misspelled error “Rustam Umarov”")).collect()
    };
    let cases: &[(&[&str], Vec<String>, i32)] = &[
        // The root has no file: its walk reads the article extensions; sub's globs hold in sub.
        (&["."], found(&["drafts/a.md", "sub/c.story", "sub/d.md"]), 1),
        (&["sub"], found(&["sub/c.story", "sub/d.md"]), 1),
        // Relative to sub/, where the file is, whichever folder is walked.
        (&["sub/drafts", "--allow-empty"], Vec::new(), 0),
        // A file named is read, whatever the globs.
        (&["sub/drafts/b.md"], found(&["sub/drafts/b.md"]), 1),
        (&[".", "--isolated"], found(&["drafts/a.md", "sub/d.md", "sub/drafts/b.md"]), 1),
    ];
    for (args, expected, code) in cases {
        let mut expected = expected.clone();
        expected.sort();
        let (mut findings, exit) = check(project.path(), &[args, &["--select", "name.misspelled"][..]].concat());
        findings.sort();
        assert_eq!((findings, exit), (expected, *code), "check {args:?}");
    }
}

#[test]
fn a_subfolders_rules_judge_its_articles_and_the_root_ones_keep_theirs() {
    let project = tree(&[
        ("sub/factlint.toml", "rules = [\"kb\"]\n"),
        ("sub/kb/people.toml", JANE_RULES),
        ("a.md", TWO_NAMES),
        ("sub/b.md", TWO_NAMES),
    ]);
    let (findings, code) = check(project.path(), &["--select", "name.misspelled"]);
    assert_eq!(
        (findings, code),
        (
            vec![
                "a.md name.misspelled error “Rustam Umarov”".to_string(),
                "sub/b.md name.misspelled error “Jane Exemple”".to_string(),
            ],
            1
        )
    );
    // `claims` reads each article with its own rules too.
    let output = factlint().current_dir(project.path()).args(["claims", "--format", "jsonl"]).output().unwrap();
    let entities: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|claim| claim["kind"] == "mention" && !claim["entity"].is_null())
        .map(|claim| format!("{} {}", claim["path"].as_str().unwrap().trim_start_matches("./"), claim["entity"]))
        .collect();
    for (path, known, unknown) in
        [("a.md", "rustem-umerov", "jane-example"), ("sub/b.md", "jane-example", "rustem-umerov")]
    {
        assert!(entities.contains(&format!("{path} \"{known}\"")), "{entities:?}");
        assert!(!entities.contains(&format!("{path} \"{unknown}\"")), "{entities:?}");
    }
}

#[test]
fn articles_under_other_rules_are_not_compared_across_sources() {
    let halvorsen = "---\npublished: 2026-05-04\n---\nFisheries Minister Ingrid Halvorsen said on Sunday that the deal would not be extended.\n";
    let halvorson = "---\npublished: 2026-05-04\n---\nIngrid Halvorson, the fisheries minister, ruled out an extension of the deal.\n";
    let project = tree(&[
        ("sub/factlint.toml", "rules = [\"kb\"]\n"),
        ("sub/kb/people.toml", JANE_RULES),
        ("a.md", halvorsen),
        ("c.md", halvorsen),
        ("sub/b.md", halvorson),
        ("kb/people.toml", JANE_RULES),
    ]);
    let args = ["--select", "name.cross-source"];
    // Two groups: the root's articles (built-in rules) and sub's (its own) are not compared.
    assert_eq!(check(project.path(), &args), (Vec::new(), 0));
    // Said with -v.
    factlint()
        .current_dir(project.path())
        .args(["check", "-v"])
        .args(args)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("2 groups").and(predicate::str::contains("only within a group")))
        .stderr(predicate::str::contains("sub/factlint.toml"));
    // One set of rules for all, from the command line: one group, compared.
    let (findings, _) = check(project.path(), &[&args[..], &["--rules", "kb"]].concat());
    assert_eq!(findings, ["sub/b.md name.cross-source warning “Ingrid Halvorson”"]);
    // Thresholds change the engine too.
    std::fs::write(project.path().join("sub/factlint.toml"), "[thresholds]\nsimilarity = 0.9\n").unwrap();
    assert_eq!(check(project.path(), &args), (Vec::new(), 0));
    std::fs::remove_file(project.path().join("sub/factlint.toml")).unwrap();
    assert_eq!(check(project.path(), &args).0, ["sub/b.md name.cross-source warning “Ingrid Halvorson”"]);
}

#[test]
fn the_exit_code_follows_each_files_fail_on() {
    let configs: &[(&str, &str)] =
        &[("sub/factlint.toml", "fail_on = \"never\"\n"), ("strict/factlint.toml", "fail_on = \"warning\"\n")];
    // The articles (path and text), the arguments, the exit code.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], i32);
    let cases: &[Case] = &[
        // An error where fail_on is "never" fails nothing; at the root it fails the run.
        (&[("sub/a.md", ERROR)], &[], 0),
        (&[("sub/a.md", ERROR), ("b.md", ERROR)], &[], 1),
        (&[("sub/a.md", ERROR), ("b.md", WARNING)], &[], 0),
        // A warning fails where fail_on is "warning", and only there.
        (&[("strict/a.md", WARNING)], &[], 1),
        (&[("strict/a.md", ERROR), ("sub/b.md", WARNING)], &[], 1),
        // --fail-on over every file.
        (&[("strict/a.md", WARNING)], &["--fail-on", "error"], 0),
        (&[("sub/a.md", ERROR)], &["--fail-on", "error"], 1),
    ];
    for (articles, args, code) in cases {
        let project = tree(&[configs, articles].concat());
        let (findings, exit) = check(project.path(), args);
        assert_eq!(exit, *code, "{articles:?} {args:?}: {findings:#?}");
    }
}

#[test]
fn a_bad_config_in_a_subfolder_is_pointed_at() {
    let project = tree(&[
        ("factlint.toml", "[checks]\nignore = [\"draft\"]\n"),
        ("sub/deeper/factlint.toml", "[checks]\nignore = [\"nmae\"]\n"),
        ("a.md", ERROR),
        ("sub/deeper/b.md", ERROR),
    ]);
    factlint()
        .current_dir(project.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no check code is “nmae”"))
        .stderr(predicate::str::contains("sub/deeper/factlint.toml:2:"))
        .stderr(predicate::str::contains("unknown code"));
}
