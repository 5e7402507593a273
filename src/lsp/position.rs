//! Byte offsets (what factlint reports) to LSP positions and back. LSP counts columns in UTF-16
//! code units unless client and server agree on UTF-8.

use factlint::text::floor_char_boundary;
use lsp_types::{Position, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// The line starts of one text, to convert positions in it.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, line_starts, encoding }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let before = &self.text[self.line_starts[line]..offset];
        let column = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(line as u32, column as u32)
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of a position; past the end of a line is its end, past the last line
    /// the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.line_starts.get(position.line as usize + 1).map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= wanted {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        end
    }

    /// The start of the line holding `offset`.
    pub fn line_start(&self, offset: usize) -> usize {
        self.line_starts[self.line_starts.partition_point(|&start| start <= offset) - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_the_negotiated_units() {
        // “ is 3 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units.
        let text = "ab\n“x” 😀 Umerov\n";
        let umerov = text.find("Umerov").unwrap();
        let cases = [(Encoding::Utf8, 13), (Encoding::Utf16, 7)];
        for (encoding, column) in cases {
            let index = LineIndex::new(text, encoding);
            assert_eq!(index.position(umerov), Position::new(1, column), "{encoding:?}");
            assert_eq!(index.offset(Position::new(1, column)), umerov, "{encoding:?}");
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let index = LineIndex::new("one\ntwo", Encoding::Utf16);
        assert_eq!(index.offset(Position::new(0, 99)), 3);
        assert_eq!(index.offset(Position::new(9, 0)), 7);
        assert_eq!(index.position(99), Position::new(1, 3));
        assert_eq!(index.line_start(5), 4);
    }
}
