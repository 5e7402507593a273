//! `--fix` and `--diff`: applying the fixes the report shows, and nothing else.
//!
//! A fix is computed on the text as read (entities and escapes decoded, markup left out) and
//! mapped back to the stored bytes word by word: only the words that differ are rewritten, so
//! markup, escapes and line breaks between them stay as they are. Edits never overlap (the
//! first one at a place wins, the others wait for the next run). Each file is written
//! atomically — a temporary file beside it taking its mode, owner and group, renamed over it —
//! and only if the file still holds what was checked, compared once more just before the
//! rename. A link's target is what is written; read-only and hard-linked files are refused. On
//! any failure the original is left as it was and the failure is reported for that file.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::finding::{Finding, Fix};
use crate::input::{Format, Source};
use crate::source::{SourceFile, Span, decode_keeping_offsets};

/// The edits to make in one file.
#[derive(Debug)]
pub struct FileFixes {
    pub path: String,
    pub fixes: Vec<Fix>,
}

/// Collects the fixes of the findings, per file, in order, without overlaps.
pub fn plan(findings: &[Finding]) -> Vec<FileFixes> {
    let mut by_file: BTreeMap<&str, Vec<Fix>> = BTreeMap::new();
    for finding in findings {
        if let Some(fix) = &finding.fix {
            by_file.entry(finding.path()).or_default().push((**fix).clone());
        }
    }
    by_file
        .into_iter()
        .map(|(path, mut fixes)| {
            fixes.sort_by_key(|f| (f.span.start, f.span.end));
            fixes.dedup();
            let mut kept: Vec<Fix> = Vec::new();
            for fix in fixes {
                if kept.last().is_none_or(|last| last.span.end <= fix.span.start) {
                    kept.push(fix);
                }
            }
            FileFixes { path: path.to_string(), fixes: kept }
        })
        .collect()
}

/// The edit that makes the text `range` of `source` read `replacement`: a file span and the
/// bytes to store there. Only the words that differ are rewritten; what lies between them in
/// the file (spaces as stored, markup, entities, escapes) is copied as it is, so a fix never
/// joins lines or drops a tag. None when that cannot be done safely: a word broken by markup,
/// or a different number of words over text that is not stored as read.
pub fn edit(source: &Source, range: Range<usize>, replacement: &str) -> Option<(Span, String)> {
    let format = Format::of(Path::new(&source.file.path));
    let stored = source.file.text.as_str();
    let written = &source.text[range.clone()];
    let words: Vec<Range<usize>> = words(written).map(|w| w.start + range.start..w.end + range.start).collect();
    let wanted: Vec<&str> = replacement.split_whitespace().collect();
    if words.len() != wanted.len() {
        // Rewritten whole, then: only where the file holds the text as read, on one line.
        let span = source.span(range);
        let plain = stored.get(span.range()) == Some(written) && !written.contains('\n');
        return plain.then(|| (span, encode(format, replacement)));
    }
    let changed: Vec<(Span, &str)> = words
        .into_iter()
        .zip(wanted)
        .filter(|(word, new)| source.text[word.clone()] != **new)
        .map(|(word, new)| Some((stored_word(source, word)?, new)))
        .collect::<Option<_>>()?;
    let (first, last) = (changed.first()?.0, changed.last()?.0);
    let mut bytes = String::new();
    for (i, (at, new)) in changed.iter().enumerate() {
        bytes.push_str(&encode(format, new));
        if let Some((next, _)) = changed.get(i + 1) {
            bytes.push_str(&stored[at.end..next.start]);
        }
    }
    Some((Span::new(first.start, last.end), bytes))
}

/// The words of a text: runs without white space, as ranges.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(|c: char| !c.is_whitespace())?;
        let end = text[start..].find(char::is_whitespace).map_or(text.len(), |n| start + n);
        at = end;
        Some(start..end)
    })
}

/// The stored bytes of one word of the text, if they are that word and nothing else: the word
/// as written, or decoded whole from entities and escapes (never crossing a tag).
fn stored_word(source: &Source, word: Range<usize>) -> Option<Span> {
    let span = source.span(word.clone());
    let as_read = source.file.text.get(span.range()) == Some(&source.text[word.clone()]);
    (as_read || source.map.decodes_whole(word)).then_some(span)
}

/// Text as the file's format stores it: JSON-escaped in a corpus line, with entities in HTML.
fn encode(format: Format, text: &str) -> String {
    match format {
        Format::Jsonl => {
            let quoted = serde_json::to_string(text).unwrap_or_default();
            quoted[1..quoted.len() - 1].to_string()
        }
        Format::Html => text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"),
        Format::Text | Format::Markdown => text.to_string(),
    }
}

/// The file's bytes with the fixes applied.
pub fn apply(original: &[u8], fixes: &[Fix]) -> Vec<u8> {
    let mut out = Vec::with_capacity(original.len());
    let mut at = 0;
    for fix in fixes {
        if fix.span.start < at || fix.span.end > original.len() {
            continue;
        }
        out.extend_from_slice(&original[at..fix.span.start]);
        out.extend_from_slice(fix.replacement.as_bytes());
        at = fix.span.end;
    }
    out.extend_from_slice(&original[at..]);
    out
}

/// The file as it is on disk now, if it still holds the text its fixes were computed on.
pub fn read(plan: &FileFixes) -> Result<Vec<u8>, Error> {
    let bytes = std::fs::read(&plan.path).map_err(|e| Error::read(&plan.path, e))?;
    check_unchanged(plan, &bytes)?;
    Ok(bytes)
}

/// Fails if `bytes` are not the text the fixes of `plan` were computed on.
pub fn check_unchanged(plan: &FileFixes, bytes: &[u8]) -> Result<(), Error> {
    let now = SourceFile::new(plan.path.as_str(), decode_keeping_offsets(bytes).0).content_hash();
    if plan.fixes.iter().any(|fix| fix.checked != now) {
        return Err(changed(&plan.path));
    }
    Ok(())
}

fn changed(path: &str) -> Error {
    Error::Write { path: path.to_string(), reason: "the file changed since it was checked; run again".into() }
}

/// Writes the fixes of one file atomically; returns how many were applied.
pub fn write(plan: &FileFixes) -> Result<usize, Error> {
    let original = read(plan)?;
    let fixed = apply(&original, &plan.fixes);
    if fixed == original {
        return Ok(0);
    }
    replace(Path::new(&plan.path), &fixed, Some(&original), |file, bytes| file.write_all(bytes))?;
    Ok(plan.fixes.len())
}

/// Writes `bytes` to `path` atomically, keeping what the file is (see `replace`).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    replace(path, bytes, None, |file, bytes| file.write_all(bytes))
}

/// Replaces the file at `path` (a symbolic link's target) with `bytes`, through a temporary file
/// in its folder that takes its mode, owner and group, then is renamed over it — if the file
/// still holds `expected`, compared after the temporary file is written. A read-only file, or
/// one with several hard links (which a rename would split), is refused and left as it is.
/// The temporary file is removed on any failure. `fill` writes it: tests inject failures there.
fn replace(
    path: &Path,
    bytes: &[u8],
    expected: Option<&[u8]>,
    fill: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), Error> {
    let failed = |reason: String| Error::Write { path: path.display().to_string(), reason };
    let target = std::fs::canonicalize(path).map_err(|e| failed(e.to_string()))?;
    let metadata = std::fs::metadata(&target).map_err(|e| failed(e.to_string()))?;
    if metadata.permissions().readonly() {
        return Err(failed("the file is read-only; it was left as it is".into()));
    }
    std::fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(|e| failed(format!("the file cannot be written: {e}")))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(failed(format!(
                "the file has {} hard links, which replacing it would split; it was left as it is",
                metadata.nlink()
            )));
        }
    }
    let folder = target.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut temporary = Temporary::create_in(&folder)
        .map_err(|e| failed(format!("cannot create a temporary file in {}: {e}", folder.display())))?;
    fill(&mut temporary.file, bytes).map_err(|e| failed(e.to_string()))?;
    temporary.file.sync_all().map_err(|e| failed(e.to_string()))?;
    temporary.file.set_permissions(metadata.permissions()).map_err(|e| failed(e.to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::os::unix::fs::fchown(&temporary.file, Some(metadata.uid()), Some(metadata.gid()))
            .map_err(|e| failed(format!("cannot keep the file's owner and group: {e}")))?;
        // After the mode: an access ACL and the mode share the group bits.
        copy_extended_attributes(&target, &temporary.file).map_err(failed)?;
    }
    if let Some(expected) = expected {
        if std::fs::read(&target).map_err(|e| failed(e.to_string()))? != expected {
            return Err(changed(&path.display().to_string()));
        }
    }
    temporary.rename_over(&target).map_err(|e| failed(e.to_string()))
}

/// Gives `to` every extended attribute of the file at `from`, POSIX ACLs among them (Linux
/// keeps them as `system.posix_acl_*`). A file system without them has none to keep.
#[cfg(unix)]
fn copy_extended_attributes(from: &Path, to: &std::fs::File) -> Result<(), String> {
    use xattr::FileExt;
    let names = match xattr::list(from) {
        Ok(names) => names,
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => return Ok(()),
        Err(e) => return Err(format!("cannot read the file's extended attributes: {e}")),
    };
    for name in names {
        let shown = name.to_string_lossy();
        let value = xattr::get(from, &name).map_err(|e| format!("cannot read extended attribute {shown}: {e}"))?;
        if let Some(value) = value {
            to.set_xattr(&name, &value).map_err(|e| format!("cannot keep extended attribute {shown}: {e}"))?;
        }
    }
    Ok(())
}

/// The temporary files being written, so that a signal ending the run can remove them.
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes every temporary file being written, for a run ended by a signal. The guard returned
/// keeps any other from being made: hold it until the process exits.
pub fn remove_temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    let mut pending = temporaries();
    for path in pending.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    pending
}

/// A temporary file beside the one it replaces, removed unless renamed over it: on any failure
/// (when dropped), and on a signal (see [`remove_temporaries`]). Its path is known before the
/// file is made, so no moment passes in which it exists unknown.
struct Temporary {
    path: PathBuf,
    file: std::fs::File,
    renamed: bool,
}

impl Temporary {
    fn create_in(folder: &Path) -> std::io::Result<Temporary> {
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        loop {
            let made = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let path = folder.join(format!(".factlint-{}-{made}.tmp", std::process::id()));
            let mut pending = temporaries();
            pending.push(path.clone());
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(&path) {
                Ok(file) => return Ok(Temporary { path, file, renamed: false }),
                Err(err) => {
                    pending.pop();
                    if err.kind() != std::io::ErrorKind::AlreadyExists {
                        return Err(err);
                    }
                }
            }
        }
    }

    fn rename_over(mut self, target: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.renamed = true;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut pending = temporaries();
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
        pending.retain(|p| *p != self.path);
    }
}

/// A unified diff of the fixes to `original`, for `--diff`, that `git apply` and `patch -p1`
/// take: each hunk holds the lines its fixes touch, with one line of context.
pub fn diff(plan: &FileFixes, original: &[u8]) -> String {
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', original).map(|i| i + 1)).collect();
    // Lines of the file; a final newline starts no line.
    let lines = line_starts.len() - usize::from(line_starts.last() == Some(&original.len()));
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) - 1;
    let start_of = |line: usize| line_starts.get(line).copied().unwrap_or(original.len());
    let path = patch_path(&plan.path);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut shift: isize = 0;
    let mut i = 0;
    while i < plan.fixes.len() {
        // The lines of the first fix, with one of context on each side, and every fix they reach.
        let last_line = |fix: &Fix| line_of(fix.span.end.max(fix.span.start + 1) - 1);
        let from = line_of(plan.fixes[i].span.start).saturating_sub(1);
        let mut to = (last_line(&plan.fixes[i]) + 2).min(lines);
        let mut end = i + 1;
        while end < plan.fixes.len() && line_of(plan.fixes[end].span.start) <= to {
            to = (last_line(&plan.fixes[end]) + 2).min(lines).max(to);
            end += 1;
        }
        let base = start_of(from);
        let old = &original[base..start_of(to)];
        let moved: Vec<Fix> = plan.fixes[i..end]
            .iter()
            .map(|f| Fix { span: Span::new(f.span.start - base, f.span.end - base), ..f.clone() })
            .collect();
        let new = apply(old, &moved);
        let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(&new));
        let (old_lines, new_lines): (Vec<&str>, Vec<&str>) =
            (old.split_inclusive('\n').collect(), new.split_inclusive('\n').collect());
        let new_from = from as isize + shift;
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range_header(from, old_lines.len()),
            range_header(new_from as usize, new_lines.len())
        ));
        // The context lines, unchanged, open and close the hunk.
        let same = |a: &[&str], b: &[&str]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let head = same(&old_lines, &new_lines);
        let tail = {
            let (a, b) = (&old_lines[head..], &new_lines[head..]);
            a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count()
        };
        for line in &old_lines[..head] {
            out.push_str(&with_newline(' ', line));
        }
        for line in &old_lines[head..old_lines.len() - tail] {
            out.push_str(&with_newline('-', line));
        }
        for line in &new_lines[head..new_lines.len() - tail] {
            out.push_str(&with_newline('+', line));
        }
        for line in &old_lines[old_lines.len() - tail..] {
            out.push_str(&with_newline(' ', line));
        }
        shift += new_lines.len() as isize - old_lines.len() as isize;
        i = end;
    }
    out
}

/// A hunk's range: its first line (1-based; the line before it when empty) and its length.
fn range_header(from: usize, len: usize) -> String {
    format!("{},{len}", if len == 0 { from } else { from + 1 })
}

/// The path as a patch names it under `a/` and `b/`: relative, without `./`.
fn patch_path(path: &str) -> String {
    let path = Path::new(path);
    let relative = std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    let path = relative.unwrap_or_else(|| path.to_path_buf());
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir | std::path::Component::RootDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn with_newline(sign: char, line: &str) -> String {
    if line.ends_with('\n') { format!("{sign}{line}") } else { format!("{sign}{line}\n\\ No newline at end of file\n") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Location, Severity};
    use crate::source::{FileRef, Span};

    fn finding(file: &FileRef, start: usize, end: usize, replacement: &str) -> Finding {
        let span = Span::new(start, end);
        Finding::new("name.misspelled", Severity::Error, Location::new(file, span), "m").fix(Fix::new(
            file,
            span,
            replacement.into(),
            file.content_hash(),
        ))
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_run() {
        let file = SourceFile::new("a.md", "Rustam Umarov met Umarov.\n");
        let plans = plan(&[
            finding(&file, 18, 24, "Umerov"),
            finding(&file, 0, 13, "Rustem Umerov"),
            finding(&file, 7, 13, "Umerov"),
        ]);
        assert_eq!(plans[0].fixes.len(), 2);
        assert_eq!(apply(file.text.as_bytes(), &plans[0].fixes), b"Rustem Umerov met Umerov.\n");
        assert_eq!(
            diff(&plans[0], file.text.as_bytes()),
            "--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,1 @@\n-Rustam Umarov met Umarov.\n+Rustem Umerov met Umerov.\n"
        );
    }

    #[test]
    fn replacements_are_encoded_for_the_format() {
        assert_eq!(encode(Format::Jsonl, "O\"Brien"), "O\\\"Brien");
        assert_eq!(encode(Format::Html, "A & B"), "A &amp; B");
        assert_eq!(encode(Format::Markdown, "A & B"), "A & B");
    }

    /// The fix of the text `wrong` in the file `stored`, read as `path`'s format says, applied.
    fn fixed(path: &str, stored: &str, wrong: &str, right: &str) -> Option<String> {
        let file = SourceFile::new(path, stored);
        let crate::input::Loaded::Articles(sources) =
            crate::input::load(path, stored.as_bytes(), Format::of(Path::new(path)), None)
        else {
            panic!("not read");
        };
        let source = &sources[0];
        let at = source.text.find(wrong).unwrap_or_else(|| panic!("{wrong:?} not in {:?}", source.text));
        let (span, bytes) = edit(source, at..at + wrong.len(), right)?;
        Some(String::from_utf8(apply(file.text.as_bytes(), &[Fix::new(&file, span, bytes, 0)])).unwrap())
    }

    #[test]
    fn fixes_rewrite_only_the_words_that_differ_and_keep_markup_and_escapes() {
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            // (path, stored, wrong as read, right, stored after the fix)
            ("a.md", "Rustam Umarov said.\n", "Rustam Umarov", "Rustem Umerov", Some("Rustem Umerov said.\n")),
            ("a.md", "Steve\nWittkopf said.\n", "Steve\nWittkopf", "Steve Witkoff", Some("Steve\nWitkoff said.\n")),
            (
                "a.html",
                "<p>Rustam&nbsp;Umarov and <strong>Steve</strong> Wittkopf spoke.</p>\n",
                "Rustam Umarov",
                "Rustem Umerov",
                Some("<p>Rustem&nbsp;Umerov and <strong>Steve</strong> Wittkopf spoke.</p>\n"),
            ),
            (
                "a.html",
                "<p>Rustam&nbsp;Umarov and <strong>Steve</strong> Wittkopf spoke.</p>\n",
                "Steve Wittkopf",
                "Steve Witkoff",
                Some("<p>Rustam&nbsp;Umarov and <strong>Steve</strong> Witkoff spoke.</p>\n"),
            ),
            ("a.html", "<p>Rustam U<b>marov</b> spoke.</p>", "Rustam Umarov", "Rustem Umerov", None),
            ("a.html", "<p>Zelens&#107;iy spoke.</p>", "Zelenskiy", "Zelenskyy", Some("<p>Zelenskyy spoke.</p>")),
            (
                "c.jsonl",
                "{\"text\": \"Rustam\\u0020Umarov and Steve\\nWittkopf.\"}\n",
                "Rustam Umarov",
                "Rustem Umerov",
                Some("{\"text\": \"Rustem\\u0020Umerov and Steve\\nWittkopf.\"}\n"),
            ),
            (
                "c.jsonl",
                "{\"text\": \"Rustam\\u0020Umarov and Steve\\nWittkopf.\"}\n",
                "Steve\nWittkopf",
                "Steve Witkoff",
                Some("{\"text\": \"Rustam\\u0020Umarov and Steve\\nWitkoff.\"}\n"),
            ),
            // Another number of words: only text stored as read, on one line, is rewritten whole.
            ("a.md", "Umarov Rustam said.\n", "Umarov Rustam", "Umerov", Some("Umerov said.\n")),
            ("a.md", "Umarov\nRustam said.\n", "Umarov\nRustam", "Umerov", None),
            ("a.html", "<p>Umarov <i>Rustam</i></p>", "Umarov Rustam", "Umerov", None),
        ];
        for &(path, stored, wrong, right, expected) in cases {
            assert_eq!(fixed(path, stored, wrong, right).as_deref(), expected, "{path}: {stored:?}");
        }
    }

    #[test]
    fn a_failed_write_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Rustam Umarov said.\n").unwrap();
        let half_written = |file: &mut std::fs::File, bytes: &[u8]| {
            file.write_all(&bytes[..5])?;
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device"))
        };
        let err = replace(&path, b"Rustem Umerov said.\n", None, half_written).unwrap_err();
        assert!(err.to_string().contains("cannot write") && err.to_string().contains("a.md"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Rustam Umarov said.\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file is removed");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"y").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn extended_attributes_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x").unwrap();
        if let Err(e) = xattr::set(&path, "user.factlint.desk", b"sport") {
            return eprintln!("skipped: this file system keeps no extended attributes ({e})");
        }
        write_atomically(&path, b"y").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "y");
        assert_eq!(xattr::get(&path, "user.factlint.desk").unwrap().as_deref(), Some(&b"sport"[..]));
    }

    #[test]
    fn a_signal_removes_the_temporary_file_being_written() {
        let dir = tempfile::tempdir().unwrap();
        let temporary = Temporary::create_in(dir.path()).unwrap();
        assert!(temporary.path.exists());
        let held = remove_temporaries();
        assert!(!temporary.path.exists());
        drop(held);
        drop(temporary);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn writes_atomically_and_refuses_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Rustam Umarov said.\n").unwrap();
        let file = SourceFile::new(path.display().to_string(), "Rustam Umarov said.\n");
        let plans = plan(&[finding(&file, 0, 13, "Rustem Umerov")]);
        std::fs::write(&path, "Rustam Umarov said it.\n").unwrap();
        assert!(matches!(write(&plans[0]), Err(Error::Write { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Rustam Umarov said it.\n");
        std::fs::write(&path, "Rustam Umarov said.\n").unwrap();
        assert_eq!(write(&plans[0]).unwrap(), 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Rustem Umerov said.\n");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let (target, link) = (dir.path().join("a.md"), dir.path().join("link.md"));
        std::fs::write(&target, "x").unwrap();
        std::os::unix::fs::symlink("a.md", &link).unwrap();
        write_atomically(&link, b"y").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "y");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn read_only_and_hard_linked_files_are_refused_and_left_as_they_are() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomically(&path, b"y").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "x");

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let other = dir.path().join("b.md");
        std::fs::hard_link(&path, &other).unwrap();
        let err = write_atomically(&path, b"y").unwrap_err();
        assert!(err.to_string().contains("2 hard links"), "{err}");
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "x");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left behind");
    }

    #[test]
    fn a_file_changed_while_the_temporary_file_is_written_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Rustam Umarov said.\n").unwrap();
        let meanwhile = |file: &mut std::fs::File, bytes: &[u8]| {
            std::fs::write(&path, "Rustam Umarov said it.\n")?;
            file.write_all(bytes)
        };
        let err = replace(&path, b"Rustem Umerov said.\n", Some(b"Rustam Umarov said.\n"), meanwhile).unwrap_err();
        assert!(err.to_string().contains("changed"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Rustam Umarov said it.\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_diff_across_lines_keeps_them_and_names_paths_as_patches_do() {
        let file = SourceFile::new("./a.md", "One.\nRustam\nUmarov said.\nTwo.\n");
        let plans = plan(&[finding(&file, 5, 18, "Rustem\nUmerov")]);
        assert_eq!(
            diff(&plans[0], file.text.as_bytes()),
            "--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n One.\n-Rustam\n-Umarov said.\n+Rustem\n+Umerov said.\n Two.\n"
        );
        // A fix that changes the number of lines still gives a valid hunk.
        let plans = plan(&[finding(&file, 5, 18, "Umerov")]);
        assert_eq!(
            diff(&plans[0], file.text.as_bytes()),
            "--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,3 @@\n One.\n-Rustam\n-Umarov said.\n+Umerov said.\n Two.\n"
        );
    }
}
