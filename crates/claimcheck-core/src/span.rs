//! Byte spans and their conversion to 1-based line and column numbers.

use serde::{Deserialize, Serialize};

/// Where a claim sits in its input file: byte offsets plus 1-based line and
/// character column, as the JSON output carries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
}

/// Maps byte offsets of one text to 1-based line and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// The last answer, (offset, line, column): offsets usually come in
    /// order, so a long line is counted once, not once per claim.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { line_starts, last: std::cell::Cell::new((0, 1, 1)) }
    }

    /// 1-based (line, column) of byte `offset`; the column counts characters.
    /// An offset inside a character or past the end is clamped.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let (last_offset, last_line, last_col) = self.last.get();
        let column = if last_line == line && last_offset >= start && last_offset <= offset {
            last_col + text[last_offset..offset].chars().count()
        } else {
            text[start..offset].chars().count() + 1
        };
        self.last.set((offset, line, column));
        (line, column)
    }

    /// A full [`Span`] for the byte range `start..end` of `text`.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(text, start);
        Span { start, end, line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_char_column() {
        let text = "ab\nc€d\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'd' follows the 3-byte euro sign: byte 7, char column 3.
        assert_eq!(idx.line_col(text, 7), (2, 3));
        assert_eq!(idx.line_col(text, 9), (3, 1));
        assert_eq!(idx.line_col(text, 10), (4, 1));
    }
}
