//! A compiled knowledge base kept on disk, for rule folders too large to compile on every run.
//!
//! 50,000 people are about 19 MB of TOML: parsing, validating and indexing them takes seconds,
//! and checking one draft should take milliseconds. So `check` keeps what it compiled, as
//! postcard, in the user's cache folder: one file per set of rule paths (and working folder),
//! stamped with every rule file's size and modification time and with the factlint binary's own.
//! A rule file changed, added or removed, or another factlint, and the stamp no longer matches:
//! the rules are compiled afresh and the file rewritten. The contents carry a checksum; a cache
//! file that fails it, or fails to read, is ignored and rewritten. Nothing here is ever an error:
//! at worst the rules are compiled as if there were no cache.
//!
//! Folders under [`MIN_RULE_BYTES`] are compiled every time (as fast as reading them back), and
//! `rules check` never reads the cache: a validator checks the files themselves.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rustc_hash::FxHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{KnowledgeBase, LazyVec, RuleRef, lazy};
use crate::error::Error;
use crate::source::{FileRef, SourceFile, Span};

/// Rule folders smaller than this are compiled on every run: about 2,000 people, which compile
/// in the time a cache takes to read.
const MIN_RULE_BYTES: u64 = 1 << 20;

/// The start of every cache file; the number changes with the layout of the header.
const MAGIC: &[u8; 8] = b"FLRULES2";

/// `FACTLINT_CACHE_DIR` chooses the folder (tests use it); empty, it turns the cache off.
const CACHE_DIR_VARIABLE: &str = "FACTLINT_CACHE_DIR";

/// The rules in `paths` (files, as found), from the cache when it holds them as they are now;
/// otherwise compiled by `compile` and stored for the next run.
pub(super) fn load(
    paths: &[PathBuf],
    compile: impl FnOnce() -> Result<KnowledgeBase, Error>,
) -> Result<KnowledgeBase, Error> {
    let Some(entry) = Entry::of(paths) else { return compile() };
    if let Some(kb) = entry.read() {
        return Ok(kb);
    }
    let kb = compile()?;
    entry.write(&kb);
    Ok(kb)
}

/// Where the cache of one set of rule paths is, and the stamp it must carry.
struct Entry {
    path: PathBuf,
    stamp: u64,
    /// Each rule file's modification time: one written too close to the cache to be told apart
    /// by its stamp has its text compared (see [`Entry::racy`]).
    modified: Vec<(PathBuf, SystemTime)>,
}

/// How close to the writing of a cache a rule file must have been modified for its stamp to be
/// doubted: far more than any file system's timestamp resolution (ext4 and XFS tick with the
/// kernel's coarse clock, a few milliseconds; FAT in two seconds).
const RACY: Duration = Duration::from_secs(3);

/// The most cache files kept: past it, the least recently used are removed.
const MAX_CACHE_FILES: usize = 8;

impl Entry {
    /// `None` when the rules are small, there is no cache folder, or a file cannot be looked at
    /// (compiling will say why).
    fn of(paths: &[PathBuf]) -> Option<Entry> {
        let folder = cache_folder()?;
        let cwd = std::env::current_dir().ok()?;
        // The same relative paths from another folder are other files.
        let mut place = FxHasher::default();
        (env!("CARGO_PKG_VERSION"), &cwd, paths).hash(&mut place);
        let mut stamp = FxHasher::default();
        binary_identity().hash(&mut stamp);
        let mut bytes = 0;
        let mut times = Vec::with_capacity(paths.len());
        for path in paths {
            let meta = std::fs::metadata(path).ok()?;
            let modified = meta.modified().ok()?;
            (meta.len(), modified.duration_since(UNIX_EPOCH).ok()?.as_nanos()).hash(&mut stamp);
            bytes += meta.len();
            times.push((path.clone(), modified));
        }
        (bytes >= MIN_RULE_BYTES).then(|| Entry {
            path: folder.join(format!("{CACHE_PREFIX}{:016x}{CACHE_SUFFIX}", place.finish())),
            stamp: stamp.finish(),
            modified: times,
        })
    }

    /// Whether a rule file was modified so close to the writing of the cache (`written`), or
    /// after it, that an edit keeping its size within one tick of the file system's clock would
    /// leave its stamp as it was. Such a file is compared with the text the cache holds, as git
    /// does with racily clean files; every other file is known by its stamp.
    fn racy(&self, written: SystemTime) -> impl Iterator<Item = (usize, &PathBuf)> + '_ {
        let doubt = written.checked_sub(RACY).unwrap_or(UNIX_EPOCH);
        self.modified.iter().enumerate().filter(move |(_, (_, modified))| *modified >= doubt).map(|(i, (p, _))| (i, p))
    }

    /// The knowledge base stored here, if it is whole, has this stamp, and holds the text of
    /// every rule file modified about when it was written. A cache read is marked as used (its
    /// modification time set to now), for pruning.
    fn read(&self) -> Option<KnowledgeBase> {
        let mut file = std::fs::File::open(&self.path).ok()?;
        let written = file.metadata().ok()?.modified().ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        let (magic, rest) = bytes.split_at_checked(MAGIC.len())?;
        let (stamp, rest) = rest.split_first_chunk::<8>()?;
        let (checksum, payload) = rest.split_first_chunk::<4>()?;
        if magic != MAGIC || u64::from_le_bytes(*stamp) != self.stamp {
            return None;
        }
        if u32::from_le_bytes(*checksum) != crc32fast::hash(payload) {
            return None;
        }
        let at = bytes.len() - payload.len();
        let kb = decode(Arc::new(bytes), at)?;
        for (place, path) in self.racy(written) {
            let text = std::fs::read(path).ok()?;
            if kb.files.get(place).is_none_or(|stored| stored.text.as_bytes() != text) {
                return None;
            }
        }
        let _ = std::fs::File::options().write(true).open(&self.path).and_then(|f| f.set_modified(SystemTime::now()));
        Some(kb)
    }

    /// Stores `kb`, best effort: a cache that cannot be written only costs the next run time.
    /// Written to a temporary file and renamed, so that a run reading it at the same time sees
    /// the old file or the new one, never half of one.
    fn write(&self, kb: &KnowledgeBase) {
        let Some(payload) = encode(kb) else { return };
        let Some(folder) = self.path.parent() else { return };
        if std::fs::create_dir_all(folder).is_err() {
            return;
        }
        let temporary = self.path.with_extension(format!("tmp{}", std::process::id()));
        let written = std::fs::File::create(&temporary).and_then(|mut file| {
            file.write_all(MAGIC)?;
            file.write_all(&self.stamp.to_le_bytes())?;
            file.write_all(&crc32fast::hash(&payload).to_le_bytes())?;
            file.write_all(&payload)
        });
        if written.and_then(|()| std::fs::rename(&temporary, &self.path)).is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        prune(folder, MAX_CACHE_FILES);
    }
}

/// What every cache file's name begins and ends with, 16 hexadecimal digits between.
const CACHE_PREFIX: &str = "rules-";
const CACHE_SUFFIX: &str = ".bin";

/// Whether a file name is one of a cache file: nothing else in the folder is ever removed.
fn is_cache_file(name: &str) -> bool {
    name.strip_prefix(CACHE_PREFIX)
        .and_then(|rest| rest.strip_suffix(CACHE_SUFFIX))
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Removes the least recently used cache files of `folder` (by modification time, which a read
/// renews) beyond the `keep` most recent; best effort, and nothing but cache files.
fn prune(folder: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut found: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_str().is_some_and(is_cache_file))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    if found.len() <= keep {
        return;
    }
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in &found[keep..] {
        let _ = std::fs::remove_file(path);
    }
}

/// `FACTLINT_CACHE_DIR`, else the platform's cache folder, under `factlint`.
fn cache_folder() -> Option<PathBuf> {
    if let Some(chosen) = std::env::var_os(CACHE_DIR_VARIABLE) {
        return (!chosen.is_empty()).then(|| PathBuf::from(chosen));
    }
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = if cfg!(windows) {
        env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|home| home.join("Library/Caches"))
    } else {
        env("XDG_CACHE_HOME").or_else(|| env("HOME").map(|home| home.join(".cache")))
    };
    base.map(|base| base.join("factlint"))
}

/// The running binary's path, size and modification time: a rebuilt factlint may lay out its
/// knowledge base otherwise, and must not read another's cache.
fn binary_identity() -> Option<(PathBuf, u64, u128)> {
    let path = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((path, meta.len(), modified))
}

/// The rule files (path and text), the number of entities and of name patterns, then the
/// knowledge base in parts: the rest of it and its two name indexes, read back in parallel, and
/// its entities and name patterns in runs of [`lazy::RUN`], read when first asked for. Rule
/// references name their file by its place among the files.
fn encode(kb: &KnowledgeBase) -> Option<Vec<u8>> {
    // Built on first use otherwise; a draft's check needs both, so they are stored built.
    let (people, keys) = (kb.person_names(), kb.name_keys());
    let parts = with_files(&kb.files, || -> Option<Vec<Vec<u8>>> {
        let mut parts =
            vec![postcard::to_stdvec(kb).ok()?, postcard::to_stdvec(people).ok()?, postcard::to_stdvec(keys).ok()?];
        for entities in kb.entities.runs() {
            parts.push(postcard::to_stdvec(entities).ok()?);
        }
        for names in kb.names.runs() {
            parts.push(postcard::to_stdvec(names).ok()?);
        }
        Some(parts)
    })?;
    let files: Vec<(&str, &str)> = kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())).collect();
    let parts: Vec<Bytes> = parts.iter().map(|part| Bytes(part)).collect();
    let lens = (kb.entities.len() as u64, kb.names.len() as u64);
    postcard::to_stdvec(&(files, lens, parts)).ok()
}

/// The knowledge base stored in `file` from byte `at` on; the file is kept for the runs of
/// entities and names not read yet.
fn decode(file: Arc<Vec<u8>>, at: usize) -> Option<KnowledgeBase> {
    let payload = file.get(at..)?;
    #[allow(clippy::type_complexity)]
    let (files, (entities, names), parts): (Vec<(String, String)>, (u64, u64), Vec<Bytes>) =
        postcard::from_bytes(payload).ok()?;
    let files: Vec<FileRef> = files.into_iter().map(|(path, text)| SourceFile::new(path, text)).collect();
    let [rest, people, keys, runs @ ..] = parts.as_slice() else { return None };
    let (entities, names) = (usize::try_from(entities).ok()?, usize::try_from(names).ok()?);
    let (entity_runs, name_runs) = (entities.div_ceil(lazy::RUN), names.div_ceil(lazy::RUN));
    if runs.len() != entity_runs + name_runs {
        return None;
    }
    // Where each run is in the file.
    let range = |part: &Bytes| {
        let start = part.0.as_ptr() as usize - file.as_ptr() as usize;
        start..start + part.0.len()
    };
    let ranges: Vec<_> = runs.iter().map(range).collect();
    let ((kb, people), keys) = rayon::join(
        || rayon::join(|| read_part::<KnowledgeBase>(&files, rest), || read_part(&files, people)),
        || read_part(&files, keys),
    );
    let mut kb = kb?;
    kb.entities = LazyVec::stored(entities, file.clone(), ranges[..entity_runs].to_vec(), files.clone());
    kb.names = LazyVec::stored(names, file.clone(), ranges[entity_runs..].to_vec(), files.clone());
    kb.files = files;
    let _ = kb.person_names.set(people?);
    let _ = kb.name_keys.set(keys?);
    Some(kb)
}

fn read_part<T: serde::de::DeserializeOwned>(files: &[FileRef], part: &Bytes) -> Option<T> {
    read_run(files, part.0)
}

/// One part of the payload, its rule references into `files`.
pub(super) fn read_run<T: serde::de::DeserializeOwned>(files: &[FileRef], bytes: &[u8]) -> Option<T> {
    with_files(files, || postcard::from_bytes(bytes).ok())
}

/// Bytes stored as one run: written with their length, then copied; read in place.
pub(crate) struct Bytes<'a>(pub &'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Borrowed;
        impl<'de> serde::de::Visitor<'de> for Borrowed {
            type Value = Bytes<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, bytes: &'de [u8]) -> Result<Bytes<'de>, E> {
                Ok(Bytes(bytes))
            }
        }
        deserializer.deserialize_bytes(Borrowed)
    }
}

thread_local! {
    /// The rule files of the knowledge base being stored or read, and each one's place among
    /// them: a [`RuleRef`] is stored as that place, not as a copy of its file.
    static FILES: RefCell<(Vec<FileRef>, HashMap<usize, u32>)> = RefCell::new(Default::default());
}

fn with_files<T>(files: &[FileRef], run: impl FnOnce() -> T) -> T {
    let places = files.iter().enumerate().map(|(place, file)| (Arc::as_ptr(file) as usize, place as u32)).collect();
    FILES.with(|cell| *cell.borrow_mut() = (files.to_vec(), places));
    let result = run();
    FILES.with(|cell| *cell.borrow_mut() = Default::default());
    result
}

impl Serialize for RuleRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let place = FILES.with(|cell| cell.borrow().1.get(&(Arc::as_ptr(&self.file) as usize)).copied());
        let place = place.ok_or_else(|| serde::ser::Error::custom("a rule reference to a file not stored"))?;
        (place, self.span.start, self.span.end).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RuleRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (place, start, end) = <(u32, usize, usize)>::deserialize(deserializer)?;
        let file = FILES.with(|cell| cell.borrow().0.get(place as usize).cloned());
        let file = file.ok_or_else(|| serde::de::Error::custom("a rule reference to no stored file"))?;
        if start > end || end > file.text.len() {
            return Err(serde::de::Error::custom("a rule reference outside its file"));
        }
        Ok(RuleRef { file, span: Span::new(start, end) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> KnowledgeBase {
        KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_stored_knowledge_base_reads_back_the_same() {
        let kb = compiled();
        let read = decode(Arc::new(encode(&kb).unwrap()), 0).unwrap();
        assert_eq!(read.entities.len(), kb.entities.len());
        assert_eq!(read.files.len(), kb.files.len());
        let (a, b) = (&kb.entities[3], &read.entities[3]);
        assert_eq!((&a.id, &a.name, a.origin.to_string()), (&b.id, &b.name, b.origin.to_string()));
        assert!(read.files.iter().any(|file| Arc::ptr_eq(file, &b.origin.file)), "references share the files read");
        assert_eq!(format!("{:?}", kb.names), format!("{:?}", read.names));
        assert!(read.person_names.get().is_some() && read.name_keys.get().is_some());
    }

    #[test]
    fn a_damaged_cache_is_never_read() {
        let folder = tempfile::tempdir().unwrap();
        let entry = Entry { path: folder.path().join("rules.bin"), stamp: 7, modified: Vec::new() };
        entry.write(&compiled());
        assert!(entry.read().is_some());
        let mut bytes = std::fs::read(&entry.path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(&entry.path, &bytes).unwrap();
        assert!(entry.read().is_none(), "a flipped byte fails the checksum");
        std::fs::write(&entry.path, &bytes[..middle]).unwrap();
        assert!(entry.read().is_none(), "a cut file fails the checksum");
        entry.write(&compiled());
        assert!(Entry { stamp: 8, ..entry }.read().is_none(), "another stamp is another set of rules");
    }

    #[test]
    fn pruning_keeps_the_most_recent_cache_files_and_nothing_else_is_touched() {
        let folder = tempfile::tempdir().unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        for n in 0..5u64 {
            let path = folder.path().join(format!("rules-{n:016x}.bin"));
            std::fs::write(&path, b"x").unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(old + Duration::from_secs(n)).unwrap();
        }
        for other in ["rules-0000000000000000.bin.tmp1", "rules-xyz.bin", "notes.txt"] {
            std::fs::write(folder.path().join(other), b"x").unwrap();
        }
        prune(folder.path(), 3);
        let mut left: Vec<String> =
            std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(
            left,
            [
                "notes.txt",
                "rules-0000000000000000.bin.tmp1",
                "rules-0000000000000002.bin",
                "rules-0000000000000003.bin",
                "rules-0000000000000004.bin",
                "rules-xyz.bin"
            ]
        );
    }

    #[test]
    fn a_rule_file_modified_about_when_the_cache_was_written_is_compared_with_it() {
        let folder = tempfile::tempdir().unwrap();
        let rule = folder.path().join("people.toml");
        let kb = compiled();
        // The cache holds the bundled rules' texts; the file on disk is rule file 0 edited in
        // place, to the same size, within the same tick.
        let mut text = kb.files[0].text.clone().into_bytes();
        std::fs::write(&rule, &text).unwrap();
        let modified = std::fs::metadata(&rule).unwrap().modified().unwrap();
        let entry = Entry { path: folder.path().join("rules.bin"), stamp: 7, modified: vec![(rule.clone(), modified)] };
        entry.write(&kb);
        assert!(entry.read().is_some(), "the same text");
        let last = text.len() - 1;
        text[last] = if text[last] == b' ' { b'\t' } else { b' ' };
        std::fs::write(&rule, &text).unwrap();
        assert!(entry.read().is_none(), "an edit the stamp cannot see");
    }
}
