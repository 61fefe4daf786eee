//! Panics found by the long property runs (`tests/hostile_props.rs`), one test
//! each, named after the bug.

//! See `docs/robustness.md`.

use std::path::Path;

use claimcheck_core::audit::{AuditOptions, Auditor};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use claimcheck_core::ledger::Ledger;

fn extract(source: &str, format: InputFormat) -> Vec<claimcheck_core::Claim> {
    let doc = Document::new("r", source, format);
    Extractor::new().extract(&doc, &ExtractOptions::default())
}

fn audit(source: &str, format: InputFormat) {
    let ledger =
        Ledger::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../claims")).expect("claims/ loads");
    let auditor = Auditor::new(&ledger);
    let extractor = Extractor::with_entities(auditor.entity_index());
    let doc = Document::new("r", source, format);
    let claims = extractor.extract(&doc, &ExtractOptions::default());
    let _ = auditor.audit(&claims, doc.text(), &AuditOptions::default());
}

/// `extract/sentence.rs` `is_boundary`: the word before a period starts at
/// `rfind(whitespace) + 1`, inside a multi-byte space such as NBSP (U+00A0,
/// common as `&nbsp;`) or NEL (U+0085).
#[test]
fn sentence_boundary_after_multibyte_space_panics() {
    for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
        let _ = extract("Revenue rose\u{a0}1. 1,200 more.", format);
        let _ = extract("\u{85}1. 1,200", format);
        // Found by `cargo fuzz run extract_bytes`: the fixture with a thin space.
        let _ = extract("the CEO, Holz\u{2009}V. Then 2", format);
    }
}

/// `audit/matching.rs` `cue_distance`: offsets into the sentence are used on
/// `sentence.to_lowercase()`, whose byte length differs when lowercasing
/// changes a character's width (`Ⱥ` is 2 bytes, `ⱥ` 3).
#[test]
fn cue_distance_on_lowercase_of_different_length_panics() {
    audit("Midjourney revenue ȺȺ€€ 5 percent.", InputFormat::Text);
}

/// `audit/matching.rs` `claim_offset_in_sentence` falls back to
/// `sentence.len() / 2` when the claim's text is not in its sentence, which
/// need not be a char boundary (found with Markdown input).
#[test]
fn claim_offset_fallback_off_char_boundary_panics() {
    audit(
        "Midjourney billion<script>&#x20AC;&#x20AC;0 per month<script>0 percent<script><script><!--\u{feff} revenue A<p>",
        InputFormat::Markdown,
    );
}

/// `extract/sentence.rs` `split`: text with no space is cut anywhere a
/// character starts once a sentence passes 1,200 bytes, but the next sentence
/// started one byte later, inside the character when it was multi-byte (and
/// dropped the byte when it was ASCII). Found by `cargo fuzz run extract_bytes`.
#[test]
fn sentence_cut_without_spaces_inside_a_multibyte_character_panics() {
    for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
        let _ = extract(&format!("{}é and $5 more", "a".repeat(1201)), format);
    }
    // The cut keeps every byte: the figure after it still has its "$".
    let source = format!("x{}$7", "$1".repeat(600));
    let claims = extract(&source, InputFormat::Text);
    let last = claims.last().expect("claims");
    assert_eq!(last.text, "$7");
    assert_eq!(&source[last.span.start..last.span.end], "$7");
}
