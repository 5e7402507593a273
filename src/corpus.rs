//! Loading a corpus: paths → discovered files → read in parallel → sources, in a stable order
//! whatever the number of threads.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::claim::Claim;
use crate::config::Config;
use crate::error::{Error, SpannedError};
use crate::extract::{ExtractSettings, extract};
use crate::input::{Discovered, Format, Loaded, Source, WalkOptions, discover, load};
use crate::kb::KnowledgeBase;
use crate::source::FileRef;

/// Told how far a long run has got. The binary draws a progress bar with it; the library never
/// draws anything.
pub trait Progress: Sync {
    /// A phase begins: `what` is being done to `total` items.
    fn phase(&self, what: &'static str, total: usize);
    /// One more item is done.
    fn advance(&self);
}

/// For runs nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn phase(&self, _: &'static str, _: usize) {}
    fn advance(&self) {}
}

/// Where articles come from.
#[derive(Debug, Default, Clone)]
pub struct LoadOptions {
    pub paths: Vec<PathBuf>,
    /// `--date`: overrides every article's own date.
    pub date: Option<NaiveDate>,
    pub walk: WalkOptions,
    /// A named folder without articles is not an error (`--allow-empty`).
    pub allow_empty: bool,
    /// Standard input's bytes and the name to give them, when `-` is among the paths.
    pub stdin: Option<(String, Vec<u8>)>,
}

/// Articles read, files skipped, and what could not be read.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    /// Binary files, skipped.
    pub skipped: Vec<FileRef>,
    /// Paths that could not be read, corpus lines that are not articles: exit code 2.
    pub errors: Vec<Error>,
}

/// One thing to read: a file, or standard input.
#[derive(Debug, Clone)]
pub enum Item {
    Path(PathBuf),
    Stdin,
}

impl Item {
    /// The path articles from this item are reported under.
    pub fn name<'a>(&'a self, options: &'a LoadOptions) -> std::borrow::Cow<'a, str> {
        match self {
            Item::Path(path) => path.to_string_lossy(),
            Item::Stdin => options.stdin.as_ref().map_or("-", |(name, _)| name.as_str()).into(),
        }
    }
}

/// The files of a run, found: what to read, in the order of its paths (so the report is the
/// same whatever order the paths came in), and the paths that could not be read.
#[derive(Debug, Default)]
pub struct Found {
    pub items: Vec<Item>,
    /// The configuration of each item's folder, when the walk was given [`Configs`]
    /// (`WalkOptions::configs`); else empty.
    ///
    /// [`Configs`]: crate::config::Configs
    pub configs: Vec<Arc<Config>>,
    pub errors: Vec<Error>,
    /// Config files that are not valid: nothing should be checked.
    pub invalid: Vec<Error>,
    /// What folder walks passed over, and why (for `--verbose`).
    pub passed: Vec<(PathBuf, &'static str)>,
}

impl Found {
    pub fn new(options: &LoadOptions) -> Found {
        let mut items: Vec<(Item, Option<Arc<Config>>)> = Vec::new();
        let mut errors = Vec::new();
        let mut invalid = Vec::new();
        let mut passed = Vec::new();
        let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) = options.paths.iter().partition(|p| p.as_os_str() == "-");
        if !stdin.is_empty() {
            // Configured as the file it is named after, as ruff does.
            let name = Item::Stdin.name(options);
            match options.walk.configs.as_ref().map(|c| c.of_path(std::path::Path::new(&*name))).transpose() {
                Ok(config) => items.push((Item::Stdin, config)),
                Err(err) => invalid.push(err),
            }
        }
        let files: Vec<PathBuf> = files.into_iter().cloned().collect();
        for found in discover(&files, &options.walk) {
            match found {
                Discovered::File(path, config) => items.push((Item::Path(path), config)),
                Discovered::Invalid(err) => invalid.push(err),
                Discovered::Unreadable(path, reason) => errors.push(Error::read(path.display(), reason)),
                Discovered::Empty(path) if !options.allow_empty => {
                    errors.push(Error::NoArticles { path: path.display().to_string() })
                }
                Discovered::Empty(_) => {}
                Discovered::Passed(path, why) => passed.push((path, why)),
            }
        }
        items.sort_by(|(a, _), (b, _)| a.name(options).cmp(&b.name(options)));
        items.dedup_by(|(a, _), (b, _)| a.name(options) == b.name(options));
        // Several paths may name one file (`a.md`, `./a.md`, `/abs/a.md`, a folder and a file in
        // it): it is read once, under the first name, or its findings would be reported and fixed
        // twice. One path walked alone names each file once.
        if files.len() > 1 {
            let mut seen = std::collections::HashSet::new();
            items.retain(|(item, _)| match item {
                Item::Path(path) => file_id(path).is_none_or(|id| seen.insert(id)),
                Item::Stdin => true,
            });
        }
        let (items, configs): (Vec<Item>, Vec<Option<Arc<Config>>>) = items.into_iter().unzip();
        let configs = configs.into_iter().flatten().collect();
        Found { items, configs, errors, invalid, passed }
    }
}

/// What tells files apart whatever the path naming them: device and inode.
#[cfg(unix)]
fn file_id(path: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What tells files apart whatever the path naming them: the canonical path.
#[cfg(not(unix))]
fn file_id(path: &std::path::Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Reads one item into articles.
pub fn read(item: &Item, options: &LoadOptions) -> Result<Loaded, Error> {
    match item {
        Item::Stdin => {
            let (name, bytes) = options.stdin.as_ref().map_or(("-", &[][..]), |(name, bytes)| (name.as_str(), bytes));
            Ok(load(name, bytes, Format::of(name.as_ref()), options.date))
        }
        Item::Path(path) => {
            let bytes = read_regular(path).map_err(|e| Error::read(path.display(), e))?;
            Ok(load(&path.display().to_string(), bytes, Format::of(path), options.date))
        }
    }
}

/// A file's bytes, if it is a regular file. It is opened without blocking and looked at once
/// open: a FIFO put in its place since it was found must not hang the run.
fn read_regular(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(crate::input::not_regular(&meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The most standard input `-` reads: it may never end (`yes | factlint check -`), and what is
/// read is held whole.
pub const STDIN_LIMIT: u64 = 1 << 30;

/// Everything `input` gives, if it ends within `limit` bytes.
pub fn read_bounded(input: impl std::io::Read, limit: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    input.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::read("standard input", e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::Usage {
            message: format!("standard input is longer than {} MiB: not checked", limit >> 20),
            help: Some("save it to a file and check the file".into()),
        });
    }
    Ok(bytes)
}

/// Corpus lines that are not articles, as errors pointing at them.
pub fn line_errors(file: &FileRef, problems: Vec<(crate::source::Span, String)>) -> impl Iterator<Item = Error> + '_ {
    problems.into_iter().map(move |(span, message)| Error::from(SpannedError::new(file, span, message, "this line")))
}

/// Reads every item, keeping every source in memory: for `factlint claims`, which prints them
/// all. `factlint check` reads and checks one file at a time instead (see `lint::Run`).
pub fn load_corpus(options: &LoadOptions, progress: &dyn Progress) -> Corpus {
    read_found(Found::new(options), options, progress)
}

/// The same, for files already found.
pub fn read_found(found: Found, options: &LoadOptions, progress: &dyn Progress) -> Corpus {
    let Found { items, errors, .. } = found;
    let mut corpus = Corpus { errors, ..Corpus::default() };
    progress.phase("reading", items.len());
    let loaded: Vec<Result<Loaded, Error>> = items
        .par_iter()
        .map(|item| {
            let loaded = read(item, options);
            progress.advance();
            loaded
        })
        .collect();
    for result in loaded {
        match result {
            Ok(Loaded::Articles(sources)) => corpus.sources.extend(sources),
            Ok(Loaded::Binary(file)) => corpus.skipped.push(file),
            Ok(Loaded::Partial(sources, problems, file)) => {
                corpus.sources.extend(sources);
                corpus.errors.extend(line_errors(&file, problems));
            }
            Err(err) => corpus.errors.push(err),
        }
    }
    corpus
}

/// The claims of every source, in the order of `corpus.sources`.
pub fn extract_all(
    sources: &[Source],
    kb: &KnowledgeBase,
    settings: &ExtractSettings,
    progress: &dyn Progress,
) -> Vec<Vec<Claim>> {
    progress.phase("reading claims", sources.len());
    sources
        .par_iter()
        .map(|source| {
            let claims = extract(source, kb, settings);
            progress.advance();
            claims
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_read_up_to_its_bound() {
        for (input, limit, expected) in [("", 4, Some("")), ("abcd", 4, Some("abcd")), ("abcde", 4, None)] {
            let read = read_bounded(input.as_bytes(), limit).ok();
            assert_eq!(read.as_deref(), expected.map(str::as_bytes), "{input:?} within {limit}");
        }
        let Err(Error::Usage { message, .. }) = read_bounded(&[0u8; 3 << 20][..], 2 << 20) else { panic!() };
        assert_eq!(message, "standard input is longer than 2 MiB: not checked");
    }

    /// A FIFO found where a file was (swapped in after the walk) is refused without blocking.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_never_opened_for_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.md");
        match std::process::Command::new("mkfifo").arg(&fifo).status() {
            Ok(status) if status.success() => {}
            _ => return eprintln!("skipped: no mkfifo on this machine"),
        }
        let Err(err) = read(&Item::Path(fifo), &LoadOptions::default()) else { panic!("a FIFO was read") };
        assert!(err.to_string().contains("a FIFO (named pipe), not a regular file"), "{err}");
    }
}
