//! Paths to articles: files as named, folders walked recursively honouring `.gitignore` and
//! the configured include/exclude globs, in a stable order.

use std::path::{Path, PathBuf};

use globset::GlobSet;

use super::Format;

/// A path that was found, or one that could not be read (reported, the rest still checked).
#[derive(Debug)]
pub enum Discovered {
    File(PathBuf),
    Unreadable(PathBuf, String),
}

/// Expands paths into article files. Files named directly are always read, whatever their
/// extension; files found in folders must have an article extension and pass the globs.
pub fn discover(paths: &[PathBuf], include: Option<&GlobSet>, exclude: Option<&GlobSet>) -> Vec<Discovered> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(err) => out.push(Discovered::Unreadable(path.clone(), err.to_string())),
            Ok(meta) if meta.is_dir() => walk(path, include, exclude, &mut out),
            Ok(_) => out.push(Discovered::File(path.clone())),
        }
    }
    out
}

fn walk(root: &Path, include: Option<&GlobSet>, exclude: Option<&GlobSet>, out: &mut Vec<Discovered>) {
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(root).require_git(false).sort_by_file_path(|a, b| a.cmp(b)).build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                out.push(Discovered::Unreadable(root.to_path_buf(), err.to_string()));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(path);
        let wanted = match include {
            Some(globs) => globs.is_match(relative) || globs.is_match(path),
            None => path.extension().and_then(|e| e.to_str()).is_some_and(Format::is_article_extension),
        };
        let excluded = exclude.is_some_and(|globs| globs.is_match(relative) || globs.is_match(path));
        if wanted && !excluded {
            found.push(path.to_path_buf());
        }
    }
    out.extend(found.into_iter().map(Discovered::File));
}
