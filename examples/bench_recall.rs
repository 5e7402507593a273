//! factlint's recall on a generated corpus: which injected errors (`DIR/truth.jsonl`, written by
//! `gen_corpus`) a JSON report found.
//!
//! ```sh
//! factlint check DIR/articles --rules DIR/rules --format json > report.json
//! cargo run --release --example bench_recall -- DIR report.json
//! ```
//!
//! An injected error counts as found when the report has a finding with the same code in the
//! same file whose span overlaps the injected text ("recall"); "strict" also asks the finding's
//! span to cover all of it. Overlap is the headline figure because span conventions legitimately
//! differ ("on Thursday" or "Thursday", a date reading "March 2025" inside "early March 2025").
//! Findings that match no injected error are counted per code: false positives, or secondary
//! findings the generator does not record (a near miss used in two articles is also a
//! cross-source spelling difference).

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use std::fmt::Write as _;
use std::io::Write as _;

use serde_json::Value;

/// `println!` into a String: the report is printed in one write at the end.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {
        let _ = writeln!($out, $($arg)*);
    };
}

#[derive(Default)]
struct Tally {
    injected: usize,
    found: usize,
    strict: usize,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 { "-".into() } else { format!("{:.1}%", 100.0 * part as f64 / whole as f64) }
}

/// Findings by (path relative to the corpus folder, code): their spans and indices.
type Index = HashMap<(String, String), Vec<(u64, u64, usize)>>;

fn span(value: &Value) -> Option<(u64, u64)> {
    Some((value.get("start")?.as_u64()?, value.get("end")?.as_u64()?))
}

fn run(dir: &str, report: &str) -> Result<String, String> {
    let mut out = String::new();
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let report: Value = serde_json::from_str(&read(report)?).map_err(|e| format!("{report}: {e}"))?;
    let findings = report.get("findings").and_then(Value::as_array).ok_or("the report has no findings array")?;
    let prefix = format!("{}/", dir.trim_end_matches('/'));
    let mut index = Index::new();
    for (i, finding) in findings.iter().enumerate() {
        let (Some(path), Some(code), Some(at)) = (
            finding.get("path").and_then(Value::as_str),
            finding.get("code").and_then(Value::as_str),
            finding.get("span").and_then(span),
        ) else {
            continue;
        };
        let path = path.strip_prefix(&prefix).unwrap_or(path).to_string();
        index.entry((path, code.to_string())).or_default().push((at.0, at.1, i));
    }

    let mut by_code: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_kind: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut matched = vec![false; findings.len()];
    let truth_path = format!("{prefix}truth.jsonl");
    for (n, line) in read(&truth_path)?.lines().enumerate() {
        let truth: Value = serde_json::from_str(line).map_err(|e| format!("{truth_path}:{}: {e}", n + 1))?;
        let field = |name: &str| truth.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
        let (path, code, kind) = (field("path"), field("code"), field("kind"));
        let (start, end) = truth.get("span").and_then(span).ok_or(format!("{truth_path}:{}: no span", n + 1))?;
        let mut found = false;
        let mut strict = false;
        for &(a, b, i) in index.get(&(path, code.clone())).into_iter().flatten() {
            if a < end && start < b {
                found = true;
                matched[i] = true;
                strict |= a <= start && end <= b;
            }
        }
        for tally in [by_code.entry(code.clone()).or_default(), by_kind.entry((code, kind)).or_default()] {
            tally.injected += 1;
            tally.found += usize::from(found);
            tally.strict += usize::from(strict);
        }
    }

    outln!(out, "{:<28} {:>8} {:>9} {:>8} {:>8}", "code", "found", "injected", "recall", "strict");
    let mut total = Tally::default();
    for (code, t) in &by_code {
        outln!(
            out,
            "{code:<28} {:>8} {:>9} {:>8} {:>8}",
            t.found,
            t.injected,
            percent(t.found, t.injected),
            percent(t.strict, t.injected)
        );
        total.injected += t.injected;
        total.found += t.found;
        total.strict += t.strict;
    }
    outln!(
        out,
        "{:<28} {:>8} {:>9} {:>8} {:>8}",
        "overall",
        total.found,
        total.injected,
        percent(total.found, total.injected),
        percent(total.strict, total.injected)
    );
    outln!(out, "\nby kind of injected error:");
    for ((code, kind), t) in &by_kind {
        outln!(out, "  {code:<26} {kind:<18} {:>6} / {:<6} {:>7}", t.found, t.injected, percent(t.found, t.injected));
    }
    let mut all: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (finding, matched) in findings.iter().zip(&matched) {
        let code = finding.get("code").and_then(Value::as_str).unwrap_or("?");
        let entry = all.entry(code).or_default();
        entry.0 += 1;
        entry.1 += usize::from(!matched);
    }
    outln!(out, "\nfindings per code, and how many match no injected error:");
    for (code, (count, unmatched)) in all {
        outln!(out, "  {code:<28} {count:>7} {unmatched:>7} unmatched");
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, report] = args.as_slice() else {
        eprintln!("usage: bench_recall CORPUS_DIR REPORT.json");
        return ExitCode::from(2);
    };
    match run(dir, report) {
        // A closed pipe (`| head`) is not an error worth a panic.
        Ok(text) => match std::io::stdout().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        },
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
