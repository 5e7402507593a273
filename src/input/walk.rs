//! Paths to articles: files as named, folders walked recursively honouring `.gitignore` and
//! the configured include/exclude globs, in a stable order.
//!
//! Each file found gets the configuration of its own folder (the config files there and above,
//! see [`Configs`]), and a walk reads it by that configuration's globs: a subfolder's
//! `factlint.toml` governs the walk below it, as ruff's and typos' do. Folders are asked for in
//! walk order, so each is worked out once; a file named on the command line is read whatever the
//! globs.
//!
//! Only regular files are ever read: a device, FIFO or socket named on the command line, or met
//! in a walk where an article could be, is reported, never opened (`/dev/zero` never ends, a FIFO
//! blocks). Walks pass over hidden files
//! and symlinks unless asked (`--hidden`, `--follow`, as ripgrep does) and say what they passed
//! over, so `--verbose` can list it; a named folder that holds no article is said too.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::Format;
use crate::config::{Anchor, Config, Configs};
use crate::error::Error;

/// How folders are walked.
#[derive(Debug, Default, Clone)]
pub struct WalkOptions {
    /// Read hidden files and folders (names starting with a dot).
    pub hidden: bool,
    /// Follow symlinks (loops are detected and reported).
    pub follow: bool,
    /// The configuration of each folder; without it, a walk reads every article extension and
    /// files get no configuration.
    pub configs: Option<Arc<Configs>>,
}

/// A path that was found, or one that could not be read (reported, the rest still checked).
#[derive(Debug)]
pub enum Discovered {
    /// An article's file, and the configuration of its folder.
    File(PathBuf, Option<Arc<Config>>),
    /// A config file that is not valid: the files below it are not read.
    Invalid(Error),
    Unreadable(PathBuf, String),
    /// A named folder in which no article was found.
    Empty(PathBuf),
    /// Something a walk passed over, and why: hidden, or a symlink not followed.
    Passed(PathBuf, &'static str),
}

/// Expands paths into article files. Files named directly are always read, whatever their
/// extension; files found in folders must have an article extension and pass the globs.
pub fn discover(paths: &[PathBuf], options: &WalkOptions) -> Vec<Discovered> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(err) => out.push(Discovered::Unreadable(path.clone(), err.to_string())),
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                walk(path, options, &mut out);
                if !out[before..]
                    .iter()
                    .any(|d| matches!(d, Discovered::File(..) | Discovered::Unreadable(..) | Discovered::Invalid(_)))
                {
                    out.push(Discovered::Empty(path.clone()));
                }
            }
            Ok(meta) if meta.is_file() => match options.configs.as_ref().map(|c| c.of_path(path)).transpose() {
                Ok(config) => out.push(Discovered::File(path.clone(), config)),
                Err(err) => out.push(Discovered::Invalid(err)),
            },
            Ok(meta) => out.push(Discovered::Unreadable(path.clone(), not_regular(&meta.file_type()).into())),
        }
    }
    out
}

/// Why a path that is neither a folder nor a regular file is not read.
pub(crate) fn not_regular(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe), not a regular file: not read";
        }
        if kind.is_socket() {
            return "a socket, not a regular file: not read";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device, not a regular file: not read";
        }
    }
    let _ = kind;
    "not a regular file: not read"
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn walk(root: &Path, options: &WalkOptions, out: &mut Vec<Discovered>) {
    let mut found = Vec::new();
    // The walker filters entries itself (so it does not descend into what it passes over); what
    // it passed over is collected here.
    let passed: Arc<Mutex<Vec<Discovered>>> = Arc::default();
    let (hidden, follow, passed_in_filter) = (options.hidden, options.follow, passed.clone());
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .hidden(false)
        .follow_links(follow)
        .sort_by_file_path(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            // Never articles, whatever the flags.
            if entry.file_name() == ".git" {
                return false;
            }
            let why = if !hidden && is_hidden(entry.path()) {
                "hidden (use --hidden to read it)"
            } else if !follow && entry.path_is_symlink() {
                "a symlink (use --follow to read it)"
            } else {
                return true;
            };
            let mut passed = passed_in_filter.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            passed.push(Discovered::Passed(entry.path().to_path_buf(), why));
            false
        })
        .build();
    // The folder of the last file met, and its configuration with its globs' anchors (`None`:
    // no configuration, or one not valid).
    let mut folder: Option<(PathBuf, Option<Filter>)> = None;
    let root_absolute = options.configs.as_ref().map(|configs| configs.absolute(root));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                out.push(Discovered::Unreadable(root.to_path_buf(), err.to_string()));
                continue;
            }
        };
        let path = entry.path();
        let Some(kind) = entry.file_type().filter(|kind| !kind.is_dir()) else { continue };
        let relative = path.strip_prefix(root).unwrap_or(path);
        let filter = match (&options.configs, &root_absolute) {
            (Some(configs), Some(absolute)) => {
                let parent = path.parent().unwrap_or(root);
                // The walk names every file of a folder by one prefix: bytes are enough to compare.
                if folder.as_ref().is_none_or(|(known, _)| known.as_os_str() != parent.as_os_str()) {
                    let filter = match configs.folder(parent) {
                        Ok(config) => Some(Filter::new(config, root, absolute)),
                        Err(err) => {
                            out.push(Discovered::Invalid(err));
                            None
                        }
                    };
                    folder = Some((parent.to_path_buf(), filter));
                }
                match folder.as_ref().and_then(|(_, filter)| filter.as_ref()) {
                    Some(filter) => Some(filter),
                    // Its config file is not valid (and said once).
                    None => continue,
                }
            }
            _ => None,
        };
        let wanted = match filter.and_then(|f| f.config.include.as_ref().zip(f.include.as_ref())) {
            Some((include, anchor)) => include.matches(path, relative, anchor),
            None => path.extension().and_then(|e| e.to_str()).is_some_and(Format::is_article_extension),
        };
        let excluded = filter
            .and_then(|f| f.config.exclude.as_ref().zip(f.exclude.as_ref()))
            .is_some_and(|(exclude, anchor)| exclude.matches(path, relative, anchor));
        if !wanted || excluded {
            continue;
        }
        if kind.is_file() {
            found.push((path.to_path_buf(), filter.map(|f| f.config.clone())));
        } else {
            out.push(Discovered::Unreadable(path.to_path_buf(), not_regular(&kind).into()));
        }
    }
    out.extend(found.into_iter().map(|(path, config)| Discovered::File(path, config)));
    out.append(&mut passed.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
}

/// A folder's configuration in a walk, and where the folders of the files that set its globs
/// lie from the folder walked.
struct Filter {
    config: Arc<Config>,
    include: Option<Anchor>,
    exclude: Option<Anchor>,
}

impl Filter {
    fn new(config: Arc<Config>, root: &Path, absolute: &Path) -> Filter {
        let include = config.include.as_ref().map(|globs| globs.anchor(root, absolute));
        let exclude = config.exclude.as_ref().map(|globs| globs.anchor(root, absolute));
        Filter { config, include, exclude }
    }
}
