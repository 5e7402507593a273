//! The command line as users meet it: exit codes, every output format, the same answer for any
//! `--jobs` and path order, `--fix`, baselines, standard input, and bad input of every kind.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    command
}

fn json(args: &[&str]) -> Value {
    let output = factlint().args(args).output().unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

/// A rules folder whose one file has no rules (a folder without rule files is an error).
fn empty_rules() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("none.toml"), "").unwrap();
    dir
}

#[test]
fn seeds_fail_with_exit_code_1_and_a_summary() {
    factlint()
        .args(["check", "fixtures/seeds"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("title.stale"))
        .stdout(predicate::str::contains("errors,").and(predicate::str::contains("in 4 files")));
}

#[test]
fn fail_on_sets_the_threshold() {
    factlint().args(["check", "fixtures/seeds", "--fail-on", "never"]).assert().code(0);
    // Only warnings: passes at "error", fails at "warning".
    let args = ["check", "fixtures/seeds", "--select", "draft"];
    factlint().args(args).assert().code(0);
    factlint().args(args).args(["--fail-on", "warning"]).assert().code(1);
    factlint().args(["check", "fixtures/seeds/001.md"]).assert().code(0);
}

#[test]
fn select_and_ignore_take_codes_and_groups() {
    let codes = |args: &[&str]| -> Vec<String> {
        let report = json(&[&["check", "fixtures/seeds", "--format", "json"], args].concat());
        report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect()
    };
    assert!(codes(&["--select", "name"]).iter().all(|c| c.starts_with("name.")));
    assert!(
        !codes(&["--ignore", "title,draft.duplicate-paragraph"])
            .iter()
            .any(|c| c.starts_with("title.") || c.starts_with("draft."))
    );
    factlint()
        .args(["check", "fixtures/seeds", "--select", "name.misspeled"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no check code is “name.misspeled”"));
}

#[test]
fn json_follows_schema_version_1() {
    let report = json(&["check", "fixtures/seeds", "--format", "json"]);
    assert_eq!(report["version"], 1);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "name.misspelled").unwrap();
    for key in
        ["code", "severity", "message", "path", "line", "column", "span", "text", "help", "evidence", "related", "fix"]
    {
        assert!(finding.get(key).is_some(), "missing {key}");
    }
    assert_eq!(finding["fix"]["replacement"], "Rustem Umerov");
    assert_eq!(finding["text"], "Rustam Umarov");
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources[3]["published"], "2026-01-18");
    assert_eq!(sources[3]["date_from"], "front-matter");
    assert_eq!(report["summary"]["files"], 4);
}

#[test]
fn sarif_has_the_required_properties_of_2_1_0() {
    let log = json(&["check", "fixtures/seeds", "--format", "sarif"]);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), factlint::checks::CHECKS.len());
    for rule in rules {
        assert!(
            rule["id"].is_string()
                && rule["shortDescription"]["text"].is_string()
                && rule["fullDescription"]["text"].is_string()
        );
        assert!(rule["help"]["text"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        assert!(result["message"]["text"].is_string());
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string());
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
        assert!(region["endLine"].as_u64().unwrap() >= region["startLine"].as_u64().unwrap());
        for related in result["relatedLocations"].as_array().unwrap() {
            assert!(related["physicalLocation"]["artifactLocation"]["uri"].is_string());
        }
    }
}

#[test]
fn github_short_and_rdjson_formats() {
    let output = factlint().args(["check", "fixtures/seeds", "--format", "github"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().all(|l| l.starts_with("::error file=")
        || l.starts_with("::warning file=")
        || l.starts_with("::notice file=")));
    assert!(text.contains("::error file=fixtures/seeds/003.md,line=8,col=104,"));

    let output = factlint().args(["check", "fixtures/seeds", "--format", "short"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(
        "fixtures/seeds/003.md:8:104: error[name.misspelled] “Rustam Umarov” is a misspelling of Rustem Umerov"
    ));

    let report = json(&["check", "fixtures/seeds", "--format", "rdjson"]);
    let diagnostic = &report["diagnostics"][0];
    assert!(diagnostic["location"]["range"]["start"]["line"].as_u64().unwrap() >= 1);
    assert!(["ERROR", "WARNING", "INFO"].contains(&diagnostic["severity"].as_str().unwrap()));
}

#[test]
fn the_report_is_the_same_for_any_jobs_and_path_order() {
    let report = |args: &[&str]| factlint().args(args).output().unwrap().stdout;
    let one = report(&["check", "fixtures/seeds", "--format", "json", "--jobs", "1"]);
    let four = report(&["check", "fixtures/seeds", "--format", "json", "--jobs", "4"]);
    assert_eq!(one, four);
    let forward = report(&["check", "fixtures/seeds/002.md", "fixtures/seeds/003.md", "--format", "short"]);
    let backward = report(&["check", "fixtures/seeds/003.md", "fixtures/seeds/002.md", "--format", "short"]);
    assert_eq!(forward, backward);
}

#[test]
fn fix_writes_what_it_reports_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("003.md");
    std::fs::copy("fixtures/seeds/003.md", &path).unwrap();
    let original = std::fs::read(&path).unwrap();

    // --diff shows the fixes and writes nothing.
    factlint()
        .args(["check", path.to_str().unwrap(), "--fix", "--diff"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+Umerov explained"));
    assert_eq!(std::fs::read(&path).unwrap(), original);

    factlint().args(["check", path.to_str().unwrap(), "--fix", "--select", "name.misspelled"]).assert().code(0);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("Rustem Umerov, a senior")
            && fixed.contains("\nUmerov explained")
            && fixed.contains("Steve Witkoff and")
    );
    assert_eq!(fixed.len(), original.len() - 1, "only the three names changed");

    // Only warnings remain (Zelensky/Zelenskyy): nothing to fix, nothing failing.
    factlint().args(["check", path.to_str().unwrap(), "--fix"]).assert().code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed, "a second --fix changes no byte");
    let remaining = json(&["check", path.to_str().unwrap(), "--format", "json", "--select", "name.misspelled"]);
    assert!(remaining["findings"].as_array().unwrap().is_empty());
}

#[cfg(unix)]
#[test]
fn a_fix_that_cannot_be_written_leaves_the_file_and_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("003.md");
    std::fs::copy("fixtures/seeds/003.md", &path).unwrap();
    let original = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let writable = tempfile::tempfile_in(dir.path()).is_ok(); // root ignores permissions
    let assert = factlint().args(["check", path.to_str().unwrap(), "--fix"]).assert();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if !writable {
        assert.code(2).stderr(predicate::str::contains("cannot write"));
        assert_eq!(std::fs::read(&path).unwrap(), original);
    }
}

#[test]
fn baselines_report_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    factlint()
        .args(["check", "fixtures/seeds", "--write-baseline", baseline.to_str().unwrap()])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("recorded"));
    factlint().args(["check", "fixtures/seeds", "--baseline", baseline.to_str().unwrap()]).assert().code(0);

    let article = dir.path().join("new.md");
    std::fs::write(&article, "---\npublished: 2026-02-01\n---\nSteve Wittkopf flew in.\n").unwrap();
    let report = json(&[
        "check",
        "fixtures/seeds",
        article.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["text"], "Steve Wittkopf");
}

#[test]
fn standard_input_with_a_file_name() {
    factlint()
        .args(["check", "-", "--stdin-filename", "draft.md", "--format", "short"])
        .write_stdin("---\npublished: 2026-01-06\n---\nOutgoing President Joe Biden spoke.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("draft.md:4:1: error[title.stale]"));
}

#[test]
fn missing_paths_are_reported_and_the_rest_checked() {
    factlint()
        .args(["check", "does/not/exist.md", "fixtures/seeds/003.md", "--format", "short"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("name.misspelled"))
        .stderr(predicate::str::contains("cannot read does/not/exist.md"));
}

#[test]
fn binary_invalid_utf8_and_empty_files_are_said_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.txt"), b"\x00\x01binary\x00").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Updated: January 6, 2026\nPresident Zelensk\xfdy spoke.\n")
        .unwrap();
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    let report = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let codes: Vec<&str> = report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"source.skipped"), "{codes:?}");
    assert!(codes.contains(&"source.encoding"), "{codes:?}");
    assert!(codes.contains(&"source.undated"), "{codes:?}");
    let encoding = report["findings"].as_array().unwrap().iter().find(|f| f["code"] == "source.encoding").unwrap();
    assert_eq!(encoding["line"], 2);
    factlint().args(["check", dir.path().to_str().unwrap()]).assert().code(0);
}

#[test]
fn a_multi_megabyte_single_line_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    // Every check reads this one line: misspellings, titles, weekdays, counts.
    let sentence =
        "Rustam Umarov, the defence minister, met officials in Kyiv on Friday, 11 January 2026 with about 50 nations. ";
    std::fs::write(&path, sentence.repeat(25_000)).unwrap(); // ~2.7 MB, one line
    let output = factlint()
        .args(["check", path.to_str().unwrap(), "--format", "short", "--date", "2026-01-06"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert_eq!(report.lines().filter(|l| l.contains("[name.misspelled]")).count(), 25_000);
    assert_eq!(report.lines().filter(|l| l.contains("[date.weekday-mismatch]")).count(), 25_000);
}

#[test]
fn broken_rules_and_config_stop_with_exit_code_2() {
    factlint()
        .args(["check", "fixtures/seeds", "--rules", "fixtures/rules-invalid/unknown-key.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown key `mispellings`"));
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("factlint.toml");
    std::fs::write(&config, "[checks]\nselect = [\"nmae\"]\n").unwrap();
    factlint()
        .args(["check", "fixtures/seeds", "--config", config.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no check code is “nmae”"));
    factlint()
        .args(["check", "fixtures/seeds", "--date", "06/01/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a date"));
}

#[test]
fn rules_check_validates() {
    factlint().args(["rules", "check"]).assert().code(0).stdout(predicate::str::contains("rules valid"));
    factlint()
        .args(["rules", "check", "fixtures/rules-invalid/duplicate-id.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("duplicate id"));
}

/// Every problem of a rule file is reported with its line and column, not only the first.
#[test]
fn rules_check_reports_every_problem_of_a_file() {
    let output = factlint().args(["rules", "check", "fixtures/rules-invalid/many-problems.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid rules: 9 problems"), "{stderr}");
    let expected = [
        ("7:1", "unknown key `mispellings` in an entity"),
        ("12:8", "unknown kind `persn`"),
        ("21:8", "`from` must be a string, not a datetime"),
        ("27:9", "`until` 2024-01-01 is not after `from` 2024-06-01"),
        ("29:1", "an entity without `name`"),
        ("32:12", "`variants` must be a list of strings, not a string"),
        ("37:8", "bad date “2025-13-01”"),
        ("45:37", "no entity has the id “eve-olsen”"),
        ("51:9", "`value` must be a whole number of 0 or more, not -3"),
    ];
    for (place, message) in expected {
        assert!(stderr.contains(&format!("[fixtures/rules-invalid/many-problems.toml:{place}]")), "{place}\n{stderr}");
        assert!(stderr.contains(message), "{message}\n{stderr}");
    }
    // "bo-chen" is named by an event but left out for its kind: reported once, at its kind.
    assert!(!stderr.contains("“bo-chen”"), "{stderr}");
    // `check` stops at the rules, showing the same problems.
    factlint()
        .args(["check", "fixtures/seeds/001.md", "--rules", "fixtures/rules-invalid/many-problems.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid rules: 9 problems"));
}

#[test]
fn rules_check_warns_of_valid_rules_that_would_mislead() {
    let output =
        factlint().args(["rules", "check", "fixtures/rules-warnings/namesakes-and-triggers.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("rules valid: 1 files, 2 entities, 0 roles, 1 events, 0 counts, 2 warnings"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (place, message) in [
        ("8:34", "the misspelling “Umarov” of Rustem Umerov is the surname of Ruslan Umarov"),
        ("22:13", "event “avdiivka-capture-2024” is named by the common words “capture”"),
    ] {
        assert!(stderr.contains(&format!("[fixtures/rules-warnings/namesakes-and-triggers.toml:{place}]")), "{stderr}");
        assert!(stderr.contains(message), "{message}\n{stderr}");
    }
    // Warnings never stop a check.
    factlint()
        .args(["check", "fixtures/seeds/001.md", "--rules", "fixtures/rules-warnings/namesakes-and-triggers.toml"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning").not());
}

/// A rules folder past the cache's threshold is compiled once and read back from the cache
/// after; a changed rule file is compiled again, and a damaged cache is ignored and rewritten.
#[test]
fn large_rule_folders_are_cached_and_compiled_again_when_they_change() {
    let rules = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    // About 1.2 MB of people, past the threshold (1 MiB), named with letters only.
    let letters = |mut n: usize| {
        let mut word = String::from("K");
        for _ in 0..4 {
            word.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
        }
        word
    };
    let mut people = String::new();
    for i in 0..12_000 {
        let (first, last) = (letters(i), letters(i * 7 + 3));
        people += &format!(
            "[[entity]]\nid = \"p{i}\"\nname = \"{first} {last}o\"\nkind = \"person\"\nsource = \"https://example.org/{i}\"\n\n"
        );
    }
    std::fs::write(rules.path().join("people.toml"), people).unwrap();
    let umerov = rules.path().join("umerov.toml");
    let with_misspelling = "[[entity]]\nid = \"rustem-umerov\"\nname = \"Rustem Umerov\"\nkind = \"person\"\n\
                            misspellings = [\"Rustam Umarov\"]\n";
    std::fs::write(&umerov, with_misspelling).unwrap();
    let draft = rules.path().join("draft.txt");
    std::fs::write(&draft, "Rustam Umarov spoke in Kyiv.\n").unwrap();
    let run = |code: i32| {
        let output = factlint()
            .env("FACTLINT_CACHE_DIR", cache.path())
            .args(["check", "--format", "short", "--date", "2026-01-06", "--rules"])
            .arg(rules.path())
            .arg(&draft)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(code), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let cache_files = || std::fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();

    let compiled = run(1);
    assert!(compiled.contains("[name.misspelled]"), "{compiled}");
    let stored = cache_files();
    assert_eq!(stored.len(), 1, "one cache file for one rules folder");
    assert_eq!(run(1), compiled, "read back from the cache");

    // A changed rule file is read again: the misspelling is gone.
    std::fs::write(&umerov, with_misspelling.replace("misspellings = [\"Rustam Umarov\"]\n", "")).unwrap();
    assert!(!run(0).contains("[name.misspelled]"));
    assert_eq!(cache_files(), stored, "the same cache file, rewritten");

    // A damaged cache is ignored, and written again whole.
    std::fs::write(&stored[0], b"FLRULES1 not a cache").unwrap();
    std::fs::write(&umerov, with_misspelling).unwrap();
    assert_eq!(run(1), compiled);
    assert!(std::fs::metadata(&stored[0]).unwrap().len() > 1000);
}

#[test]
fn explain_prints_a_checks_documentation() {
    factlint().args(["explain", "title.stale"]).assert().code(0).stdout(predicate::str::contains("## Why"));
    factlint().args(["explain"]).assert().code(0).stdout(predicate::str::contains("draft.duplicate-paragraph"));
    factlint().args(["explain", "title.stail"]).assert().code(2);
}

#[test]
fn claims_print_one_json_object_per_line() {
    let output = factlint().args(["claims", "fixtures/seeds/002.md", "--format", "jsonl"]).output().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: std::collections::BTreeSet<&str> = lines.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["count", "date", "mention", "title"]);
    let title = lines.iter().find(|c| c["kind"] == "title" && c["text"] == "President-elect Donald Trump").unwrap();
    assert_eq!(
        (title["title"].as_str(), title["qualifier"].as_str(), title["entity"].as_str()),
        (Some("President"), Some("elect"), Some("donald-trump"))
    );
    let count = lines.iter().find(|c| c["kind"] == "count" && c["text"] == "18 countries").unwrap();
    assert_eq!((count["low"].as_u64(), count["event"].as_str()), (Some(18), Some("kyiv-nsa-meeting-2026")));
}

#[test]
fn init_writes_a_starter_config_once() {
    let dir = tempfile::tempdir().unwrap();
    factlint().current_dir(dir.path()).arg("init").assert().code(0);
    assert!(dir.path().join("factlint.toml").is_file() && Path::new(&dir.path().join("rules/example.toml")).is_file());
    factlint().current_dir(dir.path()).arg("init").assert().code(2).stderr(predicate::str::contains("exists already"));
    factlint().current_dir(dir.path()).args(["rules", "check", "rules"]).assert().code(0);
}

#[test]
fn with_empty_rules_the_cross_source_names_remain() {
    let rules = empty_rules();
    factlint()
        .args(["check", "fixtures/seeds", "--rules", rules.path().to_str().unwrap(), "--format", "short"])
        .assert()
        .stdout(predicate::str::contains("name.cross-source").and(predicate::str::contains("“Rustam Umarov”")));
}

#[test]
fn html_and_jsonl_articles_point_into_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("story.html");
    std::fs::write(
        &html,
        "<html><head><meta property=\"article:published_time\" content=\"2026-01-18\"></head>\n<body><p>Talks with <b>Rustam Umarov</b> &amp; others.</p></body></html>\n",
    )
    .unwrap();
    let corpus = dir.path().join("wire.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"a1\", \"published\": \"2026-01-18\", \"text\": \"US envoy \\\"Steve Wittkopf\\\" arrived.\"}\n",
    )
    .unwrap();
    let report = json(&[
        "check",
        html.to_str().unwrap(),
        corpus.to_str().unwrap(),
        "--format",
        "json",
        "--select",
        "name.misspelled",
    ]);
    let findings = report["findings"].as_array().unwrap();
    let texts: Vec<&str> = findings.iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Rustam Umarov", "Steve Wittkopf"]);
    let html_bytes = std::fs::read(&html).unwrap();
    let span = &findings[0]["span"];
    let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
    assert_eq!(&html_bytes[start..end], b"Rustam Umarov");
    assert_eq!(report["sources"][1]["path"], format!("{}#a1", corpus.display()));
    assert_eq!(report["sources"][1]["date_from"], "jsonl");
}

#[test]
fn colours_follow_the_flag() {
    let coloured = factlint().args(["check", "fixtures/seeds/003.md", "--color", "always"]).output().unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\u{1b}["));
    let plain = factlint().args(["check", "fixtures/seeds/003.md", "--color", "never"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\u{1b}["));
}

/// An article with a stale title, a misspelled name and a repeated paragraph.
const THREE_FINDINGS: &str = "---\npublished: 2026-01-10\n---\n\nPresident-elect Donald Trump met Rustam Umarov in Kyiv on Monday to talk about the war.\n\nThe two men spoke for an hour about drones and the long winter ahead.\n\nThe two men spoke for an hour about drones and the long winter ahead.\n";

/// `code severity` of each finding of a run in `dir`.
fn findings_in(dir: &Path, args: &[&str]) -> Vec<String> {
    let output = factlint().current_dir(dir).args(["check", "--format", "json"]).args(args).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let findings = report["findings"].as_array().unwrap().iter();
    findings.map(|f| format!("{} {}", f["code"].as_str().unwrap(), f["severity"].as_str().unwrap())).collect()
}

#[test]
fn config_files_layer_from_each_checked_path_up_and_flags_win() {
    let project = tempfile::tempdir().unwrap();
    let desk = project.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    std::fs::write(
        project.path().join("factlint.toml"),
        "[checks]\nignore = [\"title\"]\n[severity]\n\"name.misspelled\" = \"warning\"\n",
    )
    .unwrap();
    // The nearer file's `ignore` replaces the farther one's; its severities add to them.
    std::fs::write(desk.join("factlint.toml"), "[checks]\nignore = [\"draft\"]\n").unwrap();
    std::fs::write(desk.join("a.md"), THREE_FINDINGS).unwrap();
    std::fs::write(project.path().join("extra.toml"), "[checks]\nignore = [\"name\"]\n").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let article = desk.join("a.md");
    let article = article.to_str().unwrap();

    // Found from the checked path, not from the current folder.
    assert_eq!(findings_in(elsewhere.path(), &[article]), ["title.stale error", "name.misspelled warning"]);
    assert_eq!(findings_in(project.path(), &["desk"]), ["title.stale error", "name.misspelled warning"]);
    // --config on top of the files found.
    let extra = project.path().join("extra.toml");
    let extra = extra.to_str().unwrap();
    assert_eq!(
        findings_in(elsewhere.path(), &[article, "--config", extra]),
        ["title.stale error", "draft.duplicate-paragraph warning"]
    );
    // --isolated reads none but --config.
    assert_eq!(
        findings_in(elsewhere.path(), &[article, "--isolated"]),
        ["title.stale error", "name.misspelled error", "draft.duplicate-paragraph warning"]
    );
    assert_eq!(
        findings_in(elsewhere.path(), &[article, "--isolated", "--config", extra]),
        ["title.stale error", "draft.duplicate-paragraph warning"]
    );
    // Flags over every file: --select brings back what a config ignores.
    assert_eq!(
        findings_in(elsewhere.path(), &[article, "--select", "draft,title"]),
        ["title.stale error", "draft.duplicate-paragraph warning"]
    );
    assert_eq!(findings_in(elsewhere.path(), &[article, "--ignore", "title"]), ["name.misspelled warning"]);
    // Standard input is configured as the file it is named after.
    let output = factlint()
        .current_dir(project.path())
        .args(["check", "--format", "short", "-", "--stdin-filename", "desk/b.md"])
        .write_stdin(THREE_FINDINGS)
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("title.stale") && !report.contains("draft."), "{report}");
}

#[test]
fn checked_paths_whose_config_files_differ_are_each_checked_under_their_own() {
    let project = tempfile::tempdir().unwrap();
    for (desk, ignore) in [("sport", "draft"), ("news", "title")] {
        let folder = project.path().join(desk);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("factlint.toml"), format!("[checks]\nignore = [\"{ignore}\"]\n")).unwrap();
        std::fs::write(folder.join("a.md"), THREE_FINDINGS).unwrap();
    }
    // Once refused (one run had one configuration); now each article has its folder's.
    let report = |args: &[&str]| {
        let output = factlint().current_dir(project.path()).args(["check", "--format", "short"]).args(args).output();
        let output = output.unwrap();
        (String::from_utf8(output.stdout).unwrap(), output.status.code())
    };
    let (short, code) = report(&["sport", "news/a.md"]);
    assert_eq!(code, Some(1), "{short}");
    let codes: Vec<(&str, &str)> =
        short.lines().map(|line| (line.split(':').next().unwrap(), line.split(['[', ']']).nth(1).unwrap())).collect();
    assert_eq!(
        codes,
        [
            ("news/a.md", "name.misspelled"),
            ("news/a.md", "draft.duplicate-paragraph"),
            ("sport/a.md", "title.stale"),
            ("sport/a.md", "name.misspelled"),
        ]
    );
    // A key set with --config is set for both.
    std::fs::write(project.path().join("both.toml"), "[checks]\nignore = [\"name\"]\n").unwrap();
    let (short, code) = report(&["sport", "news", "--config", "both.toml"]);
    assert_eq!(code, Some(1), "{short}");
    assert!(!short.contains("name.") && short.contains("news/a.md") && short.contains("sport/a.md"), "{short}");
}
