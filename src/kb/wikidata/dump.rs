//! The full dump: a JSON array with one entity per line (`[`, then `{…},` lines, then `]`),
//! plain or compressed. Read a line at a time into one reused buffer, so memory stays flat
//! whatever the dump's size.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::entity::Entity;
use crate::error::Error;

/// Big reads: a dump is hundreds of gigabytes read once from start to end.
const BUFFER: usize = 1 << 20;

/// `reader` decompressed by the extension of `path`: `.gz` (gzip), `.bz2` (bzip2), else plain.
pub fn decompress(reader: Box<dyn Read>, path: &Path) -> Box<dyn BufRead> {
    match path.extension().and_then(|e| e.to_str()) {
        // Multi-member decoders: dumps are often written as concatenated streams.
        Some("gz") => Box::new(BufReader::with_capacity(BUFFER, flate2::read::MultiGzDecoder::new(reader))),
        Some("bz2") => Box::new(BufReader::with_capacity(BUFFER, bzip2::read::MultiBzDecoder::new(reader))),
        _ => Box::new(BufReader::with_capacity(BUFFER, reader)),
    }
}

/// Calls `each` for every item of the dump (properties and lexemes are passed over).
pub fn read(mut input: impl BufRead, name: &str, mut each: impl FnMut(Entity)) -> Result<(), Error> {
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        number += 1;
        if input.read_until(b'\n', &mut line).map_err(|e| Error::read(name, e))? == 0 {
            return Ok(());
        }
        let json = entity_json(&line);
        if json.is_empty() {
            continue;
        }
        let entity: Entity = serde_json::from_slice(json)
            .map_err(|e| Error::read(name, format!("line {number}: not a Wikidata entity: {e}")))?;
        if entity.is_item() {
            each(entity);
        }
    }
}

/// The entity object of one line of the array: without the brackets, the comma and spaces.
fn entity_json(line: &[u8]) -> &[u8] {
    let line = line.trim_ascii();
    let line = line.strip_prefix(b"[").unwrap_or(line).trim_ascii_start();
    let line = line.strip_suffix(b"]").unwrap_or(line).trim_ascii_end();
    line.strip_suffix(b",").unwrap_or(line).trim_ascii_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_line_loses_its_array_punctuation() {
        for (line, json) in [
            ("[\n", ""),
            ("{\"id\":\"Q1\"},\n", "{\"id\":\"Q1\"}"),
            ("{\"id\":\"Q1\"}\n", "{\"id\":\"Q1\"}"),
            ("]", ""),
            ("[{\"id\":\"Q1\"}]", "{\"id\":\"Q1\"}"),
        ] {
            assert_eq!(entity_json(line.as_bytes()), json.as_bytes(), "{line:?}");
        }
    }
}
