//! HTML to visible text with lol_html.
//!
//! Only ordinary text (`TextType::Data`) is kept, so `<script>`, `<style>`,
//! `<noscript>`, `<title>` and `<textarea>` drop out by themselves; `<template>`,
//! `<svg>` and `<math>` are skipped by element. Attribute values never become
//! text. Entities are decoded one at a time, each as an inexact segment that
//! maps to the whole entity, so the rest of the text still maps byte for byte.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_text, element, end_tag};
use memchr::memchr3;

use super::Builder;

/// What an element means for the visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Starts and ends a block of text.
    Block,
    /// A table cell: a tab before each but the first of a row, like Markdown cells.
    Cell,
    /// Its text is not shown as prose.
    Hidden,
    /// `<time>`: its `datetime` may date the article.
    Time,
    /// `<meta>`: an `article:published_time` may date the article.
    Meta,
    /// Anything else: its text flows on.
    Inline,
}

/// The longest tag name `role` knows ("blockquote", "figcaption").
const LONGEST_KNOWN_NAME: usize = 10;

/// The role of the element named `name`, in any ASCII case.
///
/// One `match` per element instead of one lol_html selector per name: the
/// selector VM tries every selector on every tag, which cost more than all
/// the rest of the HTML front end.
pub(super) fn role(name: &[u8]) -> Role {
    let mut lower = [0u8; LONGEST_KNOWN_NAME];
    let Some(lower) = lower.get_mut(..name.len()) else { return Role::Inline };
    for (l, c) in lower.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    match &*lower {
        b"address" | b"article" | b"aside" | b"blockquote" | b"br" | b"caption" | b"dd" | b"details"
        | b"dialog" | b"div" | b"dl" | b"dt" | b"fieldset" | b"figcaption" | b"figure" | b"footer"
        | b"form" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"hr" | b"li"
        | b"main" | b"nav" | b"ol" | b"p" | b"pre" | b"section" | b"summary" | b"table" | b"tbody"
        | b"tfoot" | b"thead" | b"tr" | b"ul" => Role::Block,
        b"td" | b"th" => Role::Cell,
        b"template" | b"svg" | b"math" => Role::Hidden,
        b"time" => Role::Time,
        b"meta" => Role::Meta,
        _ => Role::Inline,
    }
}

/// The name of the tag whose `<` is at `markup[at]`, as lol_html's tokenizer
/// reads it: up to whitespace, `/` or `>`.
fn tag_name_at(markup: &str, at: usize) -> &[u8] {
    let rest = markup.as_bytes().get(at + 1..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&c| matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'/' | b'>'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// What the parser saw, in document order. Handlers that run at end tags must
/// be `'static`, so they record offsets here and the text is built afterwards.
#[derive(Debug)]
enum Op {
    /// Text whose bytes are `source[range]`.
    Text(Range<usize>),
    /// Text the parser reports differently from the source bytes at `range`.
    Other(String, Range<usize>),
    /// A block boundary at this offset.
    Break(usize),
    /// A cell boundary at this offset.
    Gap(usize),
    /// A hidden element starts / ends.
    HideStart,
    HideEnd,
}

#[derive(Debug, Default)]
struct State {
    ops: Vec<Op>,
    time: Option<String>,
    meta: Option<String>,
}

type Shared = Rc<RefCell<State>>;

/// Walk the HTML in `b.markup()`; returns the article's `<time datetime>`.
pub(super) fn convert(b: &mut Builder<'_>) -> Option<String> {
    let base = b.base;
    let markup = b.markup();
    let state: Shared = Rc::default();
    let (s_text, s_element) = (state.clone(), state.clone());
    let settings = Settings::new()
        .with_strict(false)
        .append_document_content_handler(doc_text!(move |t| {
            if t.text_type() != TextType::Data || t.as_str().is_empty() {
                return Ok(());
            }
            let loc = t.source_location().bytes();
            let range = base + loc.start..base + loc.end;
            // lol_html hands out text as a slice of the input where it can: the
            // same address and length spare comparing the bytes.
            let op = if markup.get(loc).is_some_and(|s| std::ptr::eq(s, t.as_str()) || s == t.as_str()) {
                Op::Text(range)
            } else {
                Op::Other(t.as_str().to_owned(), range)
            };
            s_text.borrow_mut().ops.push(op);
            Ok(())
        }))
        .append_element_content_handler(element!("*", move |el| {
            let at = el.source_location().bytes().start;
            let name = tag_name_at(markup, at);
            debug_assert_eq!(role(name), role(el.tag_name().as_bytes()), "{:?}", el.tag_name());
            match role(name) {
                Role::Block => {
                    s_element.borrow_mut().ops.push(Op::Break(base + at));
                    if let Some(handlers) = el.end_tag_handlers() {
                        let s = s_element.clone();
                        handlers.push(end_tag!(move |end| {
                            s.borrow_mut().ops.push(Op::Break(base + end.source_location().bytes().start));
                            Ok(())
                        }));
                    }
                }
                Role::Cell => s_element.borrow_mut().ops.push(Op::Gap(base + at)),
                Role::Hidden => {
                    if let Some(handlers) = el.end_tag_handlers() {
                        s_element.borrow_mut().ops.push(Op::HideStart);
                        let s = s_element.clone();
                        handlers.push(end_tag!(move |_| {
                            s.borrow_mut().ops.push(Op::HideEnd);
                            Ok(())
                        }));
                    }
                }
                Role::Time => {
                    let mut s = s_element.borrow_mut();
                    if s.time.is_none() {
                        s.time = el
                            .get_attribute("datetime")
                            .map(|d| d.trim().to_owned())
                            .filter(|d| !d.is_empty());
                    }
                }
                Role::Meta => {
                    let mut s = s_element.borrow_mut();
                    // Attribute values compare case-sensitively, as in a CSS selector.
                    let published =
                        |attribute| el.get_attribute(attribute).as_deref() == Some("article:published_time");
                    if s.meta.is_none() && (published("property") || published("name")) {
                        s.meta = el
                            .get_attribute("content")
                            .map(|d| d.trim().to_owned())
                            .filter(|d| !d.is_empty());
                    }
                }
                Role::Inline => {}
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // On a parser error keep what was read so far: a partial text beats none.
    if rewriter.write(markup.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
    let state = std::mem::take(&mut *state.borrow_mut());
    replay(b, &state.ops);
    state.time.or(state.meta)
}

fn replay(b: &mut Builder<'_>, ops: &[Op]) {
    let mut hidden = 0usize;
    for op in ops {
        match op {
            Op::HideStart => hidden += 1,
            Op::HideEnd => hidden = hidden.saturating_sub(1),
            _ if hidden > 0 => {}
            Op::Text(range) => text(b, range.clone()),
            Op::Other(raw, range) => {
                let decoded = html_escape::decode_html_entities(raw);
                let decoded = decoded.replace(['\u{a0}', '\r', '\n'], " ");
                b.inexact(&decoded, range.clone());
            }
            Op::Break(at) => b.block_break(*at),
            Op::Gap(at) => b.gap(*at),
        }
    }
}

/// Add the raw HTML text `source[range]`: entities decoded, line breaks as spaces.
fn text(b: &mut Builder<'_>, range: Range<usize>) {
    let source = b.source;
    let Some(raw) = source.get(range.clone()) else { return };
    if raw.bytes().all(|c| c.is_ascii_whitespace()) {
        space(b, range);
        return;
    }
    let bytes = source.as_bytes();
    let mut run = range.start;
    let mut i = range.start;
    let mut scratch = String::new();
    // Prose is long runs of plain bytes: jump to the next byte that needs work.
    while let Some(found) = memchr3(b'&', b'\r', b'\n', &bytes[i..range.end]) {
        i += found;
        if bytes[i] == b'&' {
            match entity(source, i, range.end, &mut scratch) {
                Some((end, decoded)) => {
                    b.exact(run..i);
                    b.inexact(decoded, i..end);
                    i = end;
                    run = end;
                }
                None => i += 1,
            }
        } else {
            b.exact(run..i);
            let mut j = i;
            while j < range.end && matches!(bytes[j], b'\r' | b'\n') {
                j += 1;
            }
            space(b, i..j);
            i = j;
            run = j;
        }
    }
    b.exact(run..range.end);
}

/// Whitespace that only separates words: one space, unless one is already there.
fn space(b: &mut Builder<'_>, range: Range<usize>) {
    if !b.text.is_empty() && !b.text.ends_with(|c: char| c.is_whitespace()) {
        b.inexact(" ", range);
    }
}

/// The entity starting at `source[at] == b'&'`: its end offset and decoded text
/// (in `scratch` unless it is a common one).
/// No-break spaces become plain spaces, so "$14&nbsp;billion" reads as one figure.
pub(super) fn entity<'a>(
    source: &str,
    at: usize,
    limit: usize,
    scratch: &'a mut String,
) -> Option<(usize, &'a str)> {
    let bytes = source.as_bytes();
    let max = limit.min(at + 40);
    let mut j = at + 1;
    while j < max && (bytes[j].is_ascii_alphanumeric() || (j == at + 1 && bytes[j] == b'#')) {
        j += 1;
    }
    if j >= max || bytes[j] != b';' || j == at + 1 {
        return None;
    }
    let candidate = source.get(at..=j)?;
    if let Some(decoded) = common_entity(candidate) {
        return Some((j + 1, decoded));
    }
    scratch.clear();
    html_escape::decode_html_entities_to_string(candidate, scratch);
    if scratch == candidate {
        return None;
    }
    if scratch.contains('\u{a0}') {
        *scratch = scratch.replace('\u{a0}', " ");
    }
    Some((j + 1, scratch.as_str()))
}

/// The entities of most news pages, decoded without a table search or a
/// new string each time; a test checks them against `html_escape`.
fn common_entity(candidate: &str) -> Option<&'static str> {
    Some(match candidate {
        "&nbsp;" => " ",
        "&amp;" => "&",
        "&quot;" => "\"",
        "&lt;" => "<",
        "&gt;" => ">",
        "&middot;" => "\u{b7}",
        "&#8217;" => "\u{2019}",
        "&rsquo;" => "\u{2019}",
        "&mdash;" => "\u{2014}",
        "&ndash;" => "\u{2013}",
        _ => return None,
    })
}

/// Visible text of a small piece of HTML (an HTML block inside Markdown).
///
/// A full parser costs tens of microseconds to set up, too much for a
/// Markdown file with hundreds of HTML blocks, so this is a plain scan: tags
/// and comments dropped, `script`-like elements skipped to their end tag,
/// block tags turned into breaks, entities decoded as in full HTML.
pub(super) fn convert_fragment(b: &mut Builder<'_>, range: Range<usize>) {
    let source = b.source;
    let bytes = source.as_bytes();
    let end = range.end.min(bytes.len());
    let mut i = range.start;
    let mut run = i;
    while i < end {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            i += 1;
            continue;
        }
        if run < i {
            text(b, run..i);
        }
        let tag_start = i;
        if source[i..end].starts_with("<!--") {
            i = source[i + 4..end].find("-->").map_or(end, |j| i + 4 + j + 3);
            run = i;
            continue;
        }
        i = tag_end(bytes, i, end);
        let closing = next == b'/';
        let name_start = tag_start + 1 + usize::from(closing);
        let name_len = bytes[name_start..i.min(end)].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let self_closing = i >= 2 && bytes[i - 2] == b'/';
        if !closing && !self_closing && is_hidden_fragment_tag(&name) {
            // Skip to the matching end tag, or to the end of the block.
            i = find_end_tag(source, i, end, &name).unwrap_or(end);
        } else if matches!(name.as_str(), "td" | "th") && !closing {
            b.gap(tag_start);
        } else if is_block_tag(&name) {
            b.block_break(tag_start);
        }
        run = i;
    }
    if run < end {
        text(b, run..end);
    }
}

fn is_hidden_fragment_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "noscript"
            | "textarea"
            | "title"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
    )
}

fn is_block_tag(name: &str) -> bool {
    role(name.as_bytes()) == Role::Block
}

/// One past the `>` that closes the tag starting at `bytes[at] == b'<'`,
/// skipping quoted attribute values.
fn tag_end(bytes: &[u8], at: usize, end: usize) -> usize {
    let mut quote = None;
    let mut i = at + 1;
    while i < end {
        match (quote, bytes[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    end
}

/// One past the `>` of the first `</name ...>` at or after `from`.
fn find_end_tag(source: &str, from: usize, end: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut i = from;
    while let Some(j) = source.get(i..end)?.find("</") {
        let at = i + j;
        let after = at + 2 + name.len();
        if source.get(at + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes.get(after).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(tag_end(bytes, at, end));
        }
        i = at + 2;
    }
    None
}
