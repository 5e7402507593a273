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
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use rustc_hash::FxHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use rayon::prelude::*;

use super::{Entity, KnowledgeBase, RuleRef};
use crate::error::Error;
use crate::source::{FileRef, SourceFile, Span};

/// Rule folders smaller than this are compiled on every run: about 2,000 people, which compile
/// in the time a cache takes to read.
const MIN_RULE_BYTES: u64 = 1 << 20;

/// The start of every cache file; the number changes with the layout of the header.
const MAGIC: &[u8; 8] = b"FLRULES1";

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
}

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
        for path in paths {
            let meta = std::fs::metadata(path).ok()?;
            let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            (meta.len(), modified.as_nanos()).hash(&mut stamp);
            bytes += meta.len();
        }
        (bytes >= MIN_RULE_BYTES)
            .then(|| Entry { path: folder.join(format!("rules-{:016x}.bin", place.finish())), stamp: stamp.finish() })
    }

    /// The knowledge base stored here, if it is whole and has this stamp.
    fn read(&self) -> Option<KnowledgeBase> {
        let bytes = std::fs::read(&self.path).ok()?;
        let (magic, rest) = bytes.split_at_checked(MAGIC.len())?;
        let (stamp, rest) = rest.split_first_chunk::<8>()?;
        let (checksum, payload) = rest.split_first_chunk::<4>()?;
        if magic != MAGIC || u64::from_le_bytes(*stamp) != self.stamp {
            return None;
        }
        if u32::from_le_bytes(*checksum) != crc32fast::hash(payload) {
            return None;
        }
        decode(payload)
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

/// How many entities are stored together: the parts are read back in parallel.
const ENTITIES_PER_PART: usize = 4096;

/// The rule files (path and text), then the knowledge base in parts read back in parallel: the
/// rest of it, its two name indexes, and its entities in runs. Rule references name their file
/// by its place among the files.
fn encode(kb: &KnowledgeBase) -> Option<Vec<u8>> {
    // Built on first use otherwise; a draft's check needs both, so they are stored built.
    let (people, keys) = (kb.person_names(), kb.name_keys());
    let parts = with_files(&kb.files, || -> Option<Vec<Vec<u8>>> {
        let mut parts =
            vec![postcard::to_stdvec(kb).ok()?, postcard::to_stdvec(people).ok()?, postcard::to_stdvec(keys).ok()?];
        for entities in kb.entities.chunks(ENTITIES_PER_PART) {
            parts.push(postcard::to_stdvec(entities).ok()?);
        }
        Some(parts)
    })?;
    let files: Vec<(&str, &str)> = kb.files.iter().map(|f| (f.path.as_str(), f.text.as_str())).collect();
    let parts: Vec<Bytes> = parts.iter().map(|part| Bytes(part)).collect();
    postcard::to_stdvec(&(files, parts)).ok()
}

fn decode(payload: &[u8]) -> Option<KnowledgeBase> {
    let (files, parts): (Vec<(String, String)>, Vec<Bytes>) = postcard::from_bytes(payload).ok()?;
    let files: Vec<FileRef> = files.into_iter().map(|(path, text)| SourceFile::new(path, text)).collect();
    let [rest, people, keys, entities @ ..] = parts.as_slice() else { return None };
    let ((kb, people), (keys, entities)) = rayon::join(
        || rayon::join(|| read_part::<KnowledgeBase>(&files, rest), || read_part(&files, people)),
        || {
            rayon::join(
                || read_part(&files, keys),
                || entities.par_iter().map(|part| read_part::<Vec<Entity>>(&files, part)).collect::<Option<Vec<_>>>(),
            )
        },
    );
    let mut kb = kb?;
    kb.entities = entities?.into_iter().flatten().collect();
    kb.files = files;
    let _ = kb.person_names.set(people?);
    let _ = kb.name_keys.set(keys?);
    Some(kb)
}

fn read_part<T: serde::de::DeserializeOwned>(files: &[FileRef], part: &Bytes) -> Option<T> {
    with_files(files, || postcard::from_bytes(part.0).ok())
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
        let read = decode(&encode(&kb).unwrap()).unwrap();
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
        let entry = Entry { path: folder.path().join("rules.bin"), stamp: 7 };
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
}
