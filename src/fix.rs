//! `--fix` and `--diff`: applying the fixes the report shows, and nothing else.
//!
//! Edits never overlap (the first one at a place wins, the others wait for the next run). Each
//! file is written atomically — a temporary file in the same folder, its permissions copied,
//! then renamed over the original — and only if the file on disk still holds what was checked.
//! On any failure the original is left as it was and the failure is reported for that file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::finding::{Finding, Fix};
use crate::source::{SourceFile, decode_keeping_offsets};

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
            by_file.entry(finding.path()).or_default().push(fix.clone());
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

/// The replacement as the file's format stores it: JSON-escaped in a corpus line, with
/// entities in HTML.
fn encode(path: &str, text: &str) -> String {
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" => {
            let quoted = serde_json::to_string(text).unwrap_or_default();
            quoted[1..quoted.len() - 1].to_string()
        }
        "html" | "htm" | "xhtml" => text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"),
        _ => text.to_string(),
    }
}

/// The file's bytes with the fixes applied.
pub fn apply(original: &[u8], path: &str, fixes: &[Fix]) -> Vec<u8> {
    let mut out = Vec::with_capacity(original.len());
    let mut at = 0;
    for fix in fixes {
        if fix.span.start < at || fix.span.end > original.len() {
            continue;
        }
        out.extend_from_slice(&original[at..fix.span.start]);
        out.extend_from_slice(encode(path, &fix.replacement).as_bytes());
        at = fix.span.end;
    }
    out.extend_from_slice(&original[at..]);
    out
}

/// The file as it is on disk now, if it still holds the text its fixes were computed on.
pub fn read(plan: &FileFixes) -> Result<Vec<u8>, Error> {
    let bytes = std::fs::read(&plan.path).map_err(|e| Error::read(&plan.path, e))?;
    let now = SourceFile::new(plan.path.as_str(), decode_keeping_offsets(&bytes).0).content_hash();
    if plan.fixes.iter().any(|fix| fix.checked != now) {
        return Err(Error::Write {
            path: plan.path.clone(),
            reason: "the file changed since it was checked; run again".into(),
        });
    }
    Ok(bytes)
}

/// Writes the fixes of one file atomically; returns how many were applied.
pub fn write(plan: &FileFixes) -> Result<usize, Error> {
    let original = read(plan)?;
    let fixed = apply(&original, &plan.path, &plan.fixes);
    if fixed == original {
        return Ok(0);
    }
    write_atomically(Path::new(&plan.path), &fixed)?;
    Ok(plan.fixes.len())
}

/// Writes `bytes` to `path` through a temporary file in the same folder, keeping permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomically_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// The same, with the writing of the temporary file given: tests inject failures here.
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), Error> {
    let failed = |reason: String| Error::Write { path: path.display().to_string(), reason };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let permissions = std::fs::metadata(path).map_err(|e| failed(e.to_string()))?.permissions();
    let mut temporary = tempfile::Builder::new()
        .prefix(".factlint-")
        .tempfile_in(&folder)
        .map_err(|e| failed(format!("cannot create a temporary file in {}: {e}", folder.display())))?;
    fill(temporary.as_file_mut(), bytes).map_err(|e| failed(e.to_string()))?;
    temporary.as_file().sync_all().map_err(|e| failed(e.to_string()))?;
    std::fs::set_permissions(temporary.path(), permissions).map_err(|e| failed(e.to_string()))?;
    temporary.persist(path).map_err(|e| failed(e.error.to_string()))?;
    Ok(())
}

/// A unified diff of the fixes to `original`, for `--diff`: the changed lines with one line of
/// context.
pub fn diff(plan: &FileFixes, original: &[u8]) -> String {
    let fixed = apply(original, &plan.path, &plan.fixes);
    let before = String::from_utf8_lossy(original);
    let after = String::from_utf8_lossy(&fixed);
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    // Fixes replace text within lines, so the files have the same lines but for the changed ones.
    let mut out = format!("--- {0}\n+++ {0}\n", plan.path);
    let changed: Vec<usize> = (0..old.len().max(new.len())).filter(|&i| old.get(i) != new.get(i)).collect();
    let mut i = 0;
    while i < changed.len() {
        let mut end = i;
        while end + 1 < changed.len() && changed[end + 1] <= changed[end] + 2 {
            end += 1;
        }
        let from = changed[i].saturating_sub(1);
        let to = (changed[end] + 2).min(old.len().max(new.len()));
        out.push_str(&format!("@@ -{},{} +{},{} @@\n", from + 1, to - from, from + 1, to - from));
        for line in from..to {
            let (a, b) = (old.get(line), new.get(line));
            if a == b {
                out.push_str(&format!(" {}", with_newline(a.copied().unwrap_or(""))));
            } else {
                if let Some(a) = a {
                    out.push_str(&format!("-{}", with_newline(a)));
                }
                if let Some(b) = b {
                    out.push_str(&format!("+{}", with_newline(b)));
                }
            }
        }
        i = end + 1;
    }
    out
}

fn with_newline(line: &str) -> String {
    if line.ends_with('\n') { line.to_string() } else { format!("{line}\n\\ No newline at end of file\n") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Location, Severity};
    use crate::source::{FileRef, Span};

    fn finding(file: &FileRef, start: usize, end: usize, replacement: &str) -> Finding {
        Finding::new("name.misspelled", Severity::Error, Location::new(file, Span::new(start, end)), "m").fix(Fix {
            span: Span::new(start, end),
            replacement: replacement.into(),
            checked: file.content_hash(),
        })
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
        assert_eq!(apply(file.text.as_bytes(), "a.md", &plans[0].fixes), b"Rustem Umerov met Umerov.\n");
        assert_eq!(
            diff(&plans[0], file.text.as_bytes()),
            "--- a.md\n+++ a.md\n@@ -1,1 +1,1 @@\n-Rustam Umarov met Umarov.\n+Rustem Umerov met Umerov.\n"
        );
    }

    #[test]
    fn replacements_are_encoded_for_the_format() {
        assert_eq!(encode("c.jsonl", "O\"Brien"), "O\\\"Brien");
        assert_eq!(encode("a.html", "A & B"), "A &amp; B");
        assert_eq!(encode("a.md", "A & B"), "A & B");
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
        let err = write_atomically_with(&path, b"Rustem Umerov said.\n", half_written).unwrap_err();
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
}
