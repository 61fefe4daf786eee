//! Input front ends: plain text, Markdown and HTML become one plain text to
//! scan, with a map from plain-text offsets back to the original bytes.

use std::ops::Range;
use std::path::Path;

/// How to read an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Plain text: scanned as is.
    #[default]
    Text,
    /// CommonMark/GFM: code blocks, link targets and HTML comments skipped.
    Markdown,
    /// HTML: visible text only, entities decoded.
    Html,
}

impl InputFormat {
    /// Guess the format from a file extension (`.md`, `.html`, ...); text otherwise.
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

/// One input file, reduced to the plain text the extractor scans.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file name as given (`-` for stdin).
    pub path: String,
    /// The original bytes, as UTF-8.
    pub source: String,
    /// The visible text to scan.
    pub text: String,
    /// Map of plain-text ranges to source ranges; empty means identity.
    segments: Vec<Segment>,
}

/// A piece of plain text and where it came from in the source.
#[derive(Debug, Clone)]
struct Segment {
    plain: Range<usize>,
    source: Range<usize>,
    /// Byte-for-byte copy of the source (false for decoded entities and the like).
    exact: bool,
}

impl Document {
    /// Read `source` as `format`.
    pub fn new(path: impl Into<String>, source: impl Into<String>, format: InputFormat) -> Self {
        let source = source.into();
        match format {
            InputFormat::Text | InputFormat::Markdown | InputFormat::Html => {
                Document { path: path.into(), text: source.clone(), source, segments: Vec::new() }
            }
        }
    }

    /// The source byte range that holds the plain-text range `plain`.
    pub fn to_source(&self, plain: Range<usize>) -> Range<usize> {
        if self.segments.is_empty() {
            return plain;
        }
        let start = self.map_offset(plain.start, false);
        let end = self.map_offset(plain.end, true).max(start);
        start..end
    }

    fn map_offset(&self, offset: usize, is_end: bool) -> usize {
        let i = self.segments.partition_point(|s| {
            s.plain.end < offset || (!is_end && s.plain.end == offset && s.plain.start != offset)
        });
        let Some(seg) = self.segments.get(i) else {
            return self.segments.last().map_or(0, |s| s.source.end);
        };
        if seg.exact {
            seg.source.start + offset.saturating_sub(seg.plain.start).min(seg.source.len())
        } else if is_end {
            seg.source.end
        } else {
            seg.source.start
        }
    }
}
