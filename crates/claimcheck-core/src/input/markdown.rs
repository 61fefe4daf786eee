//! Markdown (CommonMark + GFM) to plain text with pulldown-cmark.
//!
//! Kept: paragraphs, headings, list items, table cells, emphasis and link
//! text. Skipped: code (blocks and inline), link and image targets, image alt
//! text, autolinks, HTML tags and comments, front matter. HTML blocks go
//! through the HTML front end, so their visible text is kept.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Builder;

/// Walk the Markdown in `b.markup()`; returns the front matter's `date:`.
pub(super) fn convert(b: &mut Builder<'_>) -> Option<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST;
    let base = b.base;
    let markup = b.markup();
    // Depth of constructs whose text is not prose (code, images, autolinks, front matter).
    let mut skip = 0usize;
    let mut in_metadata = false;
    let mut published = None;
    // Whether each open link was counted in `skip`.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(markup, options).into_offset_iter() {
        let range = base + range.start..base + range.end;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => b.block_break(range.start),
                Tag::HtmlBlock => {
                    b.block_break(range.start);
                    if skip == 0 {
                        // Visible text of embedded HTML (`<p align=center>`, tables)
                        // counts; its tags, comments and scripts do not.
                        super::html::convert_fragment(b, range.clone());
                    }
                }
                Tag::CodeBlock(_) => {
                    b.block_break(range.start);
                    skip += 1;
                }
                Tag::MetadataBlock(_) => {
                    in_metadata = true;
                    skip += 1;
                }
                Tag::Image { .. } => skip += 1,
                Tag::Link { link_type, .. } => {
                    let hide = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    skip += usize::from(hide);
                    links.push(hide);
                }
                Tag::TableCell => b.gap(range.start),
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::HtmlBlock => b.block_break(range.end),
                TagEnd::CodeBlock => {
                    skip = skip.saturating_sub(1);
                    b.block_break(range.end);
                }
                TagEnd::MetadataBlock(_) => {
                    in_metadata = false;
                    skip = skip.saturating_sub(1);
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::Link => {
                    if links.pop() == Some(true) {
                        skip = skip.saturating_sub(1);
                    }
                }
                TagEnd::TableCell
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => {}
            },
            Event::Text(t) => {
                if in_metadata {
                    if published.is_none() {
                        published = front_matter_date(&t);
                    }
                } else if skip == 0 {
                    b.text_in(&t, range);
                }
            }
            Event::SoftBreak if skip == 0 => b.inexact(" ", range),
            Event::HardBreak if skip == 0 => b.inexact("\n", range),
            Event::InlineHtml(h) if skip == 0 && is_line_break_tag(&h) => b.block_break(range.start),
            Event::Rule => b.block_break(range.start),
            // Code is not a claim; raw HTML, footnote marks and checkboxes are not prose.
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::SoftBreak
            | Event::HardBreak => {}
        }
    }
    published
}

/// `<br>`, `<br/>`, `<br />` in any case.
fn is_line_break_tag(html: &str) -> bool {
    let h = html.trim_end_matches(['/', '>', ' ']);
    h.eq_ignore_ascii_case("<br")
}

/// The value of a `date:` (or `published:`) key in front matter, unquoted.
fn front_matter_date(block: &str) -> Option<String> {
    block.lines().find_map(|line| {
        let (key, value) = line.split_once([':', '='])?;
        let key = key.trim().to_ascii_lowercase();
        if !matches!(key.as_str(), "date" | "published" | "pubdate" | "published_at" | "publishdate") {
            return None;
        }
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}
