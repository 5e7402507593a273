//! Writes a synthetic news corpus for measuring factlint (issue 5):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 10000 --people 2000 --seed 1 --out bench-out/10k
//! ```
//!
//! `--density N` gives each article N times the usual titled names, dated and counted events;
//! `--unknown SHARE` is the share of the added names that no rule lists (default 0.3);
//! `--length PERCENT` scales the article length (default 100). The defaults write the corpus of
//! earlier versions, byte for byte.
//!
//! Into `--out`:
//! - `rules/people.toml`, `rules/organizations.toml`, `rules/places.toml`, `rules/events.toml`:
//!   the fictional population as factlint rules (`factlint rules check DIR/rules` accepts them);
//! - `articles/NNNNNN.md`: Markdown articles with front matter (`published`, `outlet`, `title`);
//! - `truth.jsonl`: one line per injected error — `path`, `code` (SPEC §6), `kind` (which
//!   variety of error), `text` and `span` (bytes in the file);
//! - `names.txt`: the misspelled and near-miss name strings, the list `rg -F -w -f` searches;
//! - `manifest.json`: generator version, seed and sizes, so a script can tell whether a corpus
//!   on disk is the one it would generate.
//!
//! The same arguments always give byte-identical output; see `gen_corpus/generator.rs`.

#[path = "gen_corpus/generator.rs"]
mod generator;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use generator::{History, Options, Population, Shape, VERSION};

const USAGE: &str =
    "usage: gen_corpus --articles N --people M --seed S [--density N] [--unknown SHARE] [--length PERCENT] --out DIR";

fn parse() -> Result<(Options, PathBuf), String> {
    let mut options = Options { articles: 1000, people: 2000, seed: 1, shape: Shape::default() };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        let number = |text: String| text.replace('_', "").parse::<u64>().map_err(|_| format!("not a number: {text}"));
        match flag.as_str() {
            "--articles" => options.articles = number(value()?)? as usize,
            "--people" => options.people = number(value()?)? as usize,
            "--seed" => options.seed = number(value()?)?,
            "--density" => options.shape.density = number(value()?)? as usize,
            "--length" => options.shape.length = number(value()?)? as usize,
            "--unknown" => {
                let text = value()?;
                options.shape.unknown = text.parse().map_err(|_| format!("not a share between 0 and 1: {text}"))?
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if options.shape.density == 0 || options.shape.length == 0 || !(0.0..=1.0).contains(&options.shape.unknown) {
        return Err("--density and --length must be at least 1, --unknown between 0 and 1".into());
    }
    if options.people < 20 {
        return Err("--people must be at least 20".into());
    }
    Ok((options, out.ok_or_else(|| format!("--out is required\n{USAGE}"))?))
}

/// Clears what an earlier run wrote, and only that: a folder with other content is refused.
fn prepare(dir: &Path) -> Result<(), String> {
    let ours = ["rules", "articles", "truth.jsonl", "names.txt", "manifest.json"];
    if dir.exists() {
        let entries: Vec<_> = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten().collect();
        let foreign = entries.iter().any(|e| !ours.contains(&e.file_name().to_string_lossy().as_ref()));
        if foreign || (!entries.is_empty() && !dir.join("manifest.json").exists()) {
            return Err(format!("{} holds files gen_corpus did not write; choose an empty folder", dir.display()));
        }
        for name in ours {
            let path = dir.join(name);
            let removed = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
            if let Err(e) = removed {
                if e.kind() != std::io::ErrorKind::NotFound {
                    return Err(format!("{}: {e}", path.display()));
                }
            }
        }
    }
    fs::create_dir_all(dir.join("rules")).map_err(|e| e.to_string())?;
    fs::create_dir_all(dir.join("articles")).map_err(|e| e.to_string())?;
    Ok(())
}

fn write(options: Options, dir: &Path) -> std::io::Result<(u64, usize)> {
    let population = Population::new(options.seed, options.people);
    for (name, text) in population.rules() {
        fs::write(dir.join("rules").join(name), text)?;
    }
    fs::write(dir.join("names.txt"), population.names_list())?;
    let mut truth = BufWriter::new(fs::File::create(dir.join("truth.jsonl"))?);
    let mut history = History::new(&population);
    let mut bytes = 0u64;
    let mut errors = 0;
    // Articles depend on the ones before them (see `History`), so they are made in order; the
    // writing is what takes the time, and the kernel overlaps it well enough.
    for index in 0..options.articles {
        let article = population.article(index, &mut history, options.shape);
        fs::write(dir.join(&article.path), &article.text)?;
        bytes += article.text.len() as u64;
        for line in &article.truth {
            serde_json::to_writer(&mut truth, line)?;
            truth.write_all(b"\n")?;
            errors += 1;
        }
    }
    truth.flush()?;
    let manifest = serde_json::json!({
        "generator": "gen_corpus",
        "version": VERSION,
        "seed": options.seed,
        "articles": options.articles,
        "people": options.people,
        "density": options.shape.density,
        "unknown": options.shape.unknown,
        "length": options.shape.length,
        "bytes": bytes,
        "errors": errors,
    });
    fs::write(dir.join("manifest.json"), format!("{manifest:#}\n"))?;
    Ok((bytes, errors))
}

fn main() -> ExitCode {
    let (options, dir) = match parse() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = prepare(&dir) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    match write(options, &dir) {
        Ok((bytes, errors)) => {
            eprintln!(
                "wrote {} articles ({:.1} MB, {errors} injected errors) and rules for {} people to {} in {:.1}s",
                options.articles,
                bytes as f64 / 1e6,
                options.people,
                dir.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
