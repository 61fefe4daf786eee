//! Input front ends: plain text, Markdown and HTML become one plain text to
//! scan, with a map from plain-text offsets back to the original bytes.
//!
//! Markdown and HTML are reduced to their visible text. Each piece of that
//! text is a *segment* that remembers where it came from. A segment is
//! *exact* when it is a byte-for-byte copy of the source (ordinary prose), and
//! *inexact* when it is not (a decoded entity such as `&amp;`, a soft line
//! break turned into a space, a block separator). Offsets inside an exact
//! segment map byte for byte; an inexact segment maps to its whole source
//! range, so a claim that touches `&nbsp;` still points at the entity.
//!
//! ```
//! use claimcheck_core::input::{Document, InputFormat};
//!
//! let doc = Document::new("a.md", "Meta paid **$14 billion**.", InputFormat::Markdown);
//! assert_eq!(doc.text(), "Meta paid $14 billion.\n");
//! let plain = doc.text().find('$').unwrap();
//! let source = doc.to_source(plain..plain + "$14 billion".len());
//! assert_eq!(&doc.source[source], "$14 billion");
//! ```

mod html;
mod markdown;

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
    /// The visible text to scan, when it is not the source itself (plain
    /// text is scanned as it is: no second copy of a large file).
    text: Option<String>,
    /// Map of plain-text ranges to source ranges; empty means identity.
    segments: Vec<Segment>,
    /// The article's own date as the markup states it, if it does.
    published: Option<String>,
}

/// A piece of plain text and where it came from in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        let path = path.into();
        let (text, segments, published) = match format {
            InputFormat::Text => (None, Vec::new(), None),
            InputFormat::Markdown => {
                let mut b = Builder::new(&source);
                let published = markdown::convert(&mut b);
                (Some(b.text), b.segments, published)
            }
            InputFormat::Html => {
                let mut b = Builder::new(&source);
                let published = html::convert(&mut b);
                (Some(b.text), b.segments, published)
            }
        };
        Document { path, source, text, segments, published }
    }

    /// The visible text to scan: the source itself for plain text.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.source)
    }

    /// The article's publication date as the markup gives it: the `datetime`
    /// of the first HTML `<time datetime>` element (else an
    /// `article:published_time` meta tag), or a `date:` key in Markdown front
    /// matter. The string is as written, not parsed. `None` for plain text.
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }

    /// The source byte range that holds the plain-text range `plain`.
    ///
    /// The result always lies on character boundaries of [`Document::source`]
    /// and has `start <= end`. A range that spans several segments maps from
    /// the source start of the first to the source end of the last.
    pub fn to_source(&self, plain: Range<usize>) -> Range<usize> {
        if self.segments.is_empty() {
            if self.text().len() != self.source.len() {
                // Markup with no visible text at all.
                return 0..0;
            }
            let start = floor_boundary(&self.source, plain.start);
            let end = ceil_boundary(&self.source, plain.end).max(start);
            return start..end;
        }
        let start = floor_boundary(&self.source, self.map_start(plain.start));
        let end = ceil_boundary(&self.source, self.map_end(plain.end)).max(start);
        start..end
    }

    /// Whether the plain-text range `plain` lies inside one exact segment, so
    /// that `&source[to_source(plain)] == &text[plain]`.
    pub fn is_exact(&self, plain: Range<usize>) -> bool {
        if self.segments.is_empty() {
            return self.text().len() == self.source.len() && plain.end <= self.text().len();
        }
        if plain.start > plain.end {
            return false;
        }
        let i = self.segments.partition_point(|s| s.plain.end <= plain.start);
        self.segments
            .get(i)
            .is_some_and(|s| s.exact && s.plain.start <= plain.start && plain.end <= s.plain.end)
    }

    /// Source offset of the plain offset `offset` used as a range start.
    fn map_start(&self, offset: usize) -> usize {
        let i = self.segments.partition_point(|s| s.plain.end <= offset);
        match self.segments.get(i) {
            None => self.segments.last().map_or(0, |s| s.source.end),
            Some(seg) if seg.exact => seg.source.start + offset.saturating_sub(seg.plain.start),
            Some(seg) => seg.source.start,
        }
    }

    /// Source offset of the plain offset `offset` used as a range end.
    fn map_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.segments.first().map_or(0, |s| s.source.start);
        }
        let i = self.segments.partition_point(|s| s.plain.end < offset);
        match self.segments.get(i) {
            None => self.segments.last().map_or(0, |s| s.source.end),
            Some(seg) if seg.exact => {
                seg.source.start + offset.saturating_sub(seg.plain.start).min(seg.source.len())
            }
            Some(seg) => seg.source.end,
        }
    }
}

/// The largest char boundary of `s` at or before `i` (clamped to its length).
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Collects plain text and its segment map while a front end walks the source.
struct Builder<'s> {
    /// The whole source (offsets in segments index into it).
    source: &'s str,
    /// Where the markup starts: 3 after a byte-order mark, else 0.
    base: usize,
    text: String,
    segments: Vec<Segment>,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str) -> Self {
        let base = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Builder { source, base, text: String::with_capacity(source.len()), segments: Vec::new() }
    }

    /// The markup to parse: the source without its byte-order mark.
    fn markup(&self) -> &'s str {
        &self.source[self.base..]
    }

    /// Copy `source[range]` into the text, byte for byte.
    fn exact(&mut self, range: Range<usize>) {
        let Some(piece) = self.source.get(range.clone()) else { return };
        if piece.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(piece);
        let end = self.text.len();
        if let Some(last) = self.segments.last_mut()
            && last.exact
            && last.plain.end == start
            && last.source.end == range.start
        {
            last.plain.end = end;
            last.source.end = range.end;
            return;
        }
        self.segments.push(Segment { plain: start..end, source: range, exact: true });
    }

    /// Add `text` that stands for the whole of `source[range]`.
    fn inexact(&mut self, text: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        let range = floor_boundary(self.source, range.start)..ceil_boundary(self.source, range.end);
        let start = self.text.len();
        self.text.push_str(text);
        self.segments.push(Segment { plain: start..self.text.len(), source: range, exact: false });
    }

    /// Add `text` that matches the source somewhere inside `range` (or stands
    /// for all of it when it does not).
    fn text_in(&mut self, text: &str, range: Range<usize>) {
        match self.source.get(range.clone()) {
            // Parsers hand out most text as a slice of the source itself:
            // then the same address and length spare comparing the bytes.
            Some(s) if std::ptr::eq(s, text) || s == text => self.exact(range),
            Some(s) => match s.find(text) {
                Some(i) => self.exact(range.start + i..range.start + i + text.len()),
                None => self.inexact(text, range),
            },
            None => self.inexact(text, range),
        }
    }

    /// End a block with a line break at source offset `at`, so sentences of
    /// different blocks never run together. Runs of breaks collapse.
    fn block_break(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.inexact("\n", at..at);
        }
    }

    /// Separate inline pieces (table cells) with a tab at source offset `at`.
    fn gap(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.inexact("\t", at..at);
        }
    }
}

#[cfg(test)]
mod tests;
