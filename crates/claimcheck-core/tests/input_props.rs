//! Properties of the input front ends: any UTF-8 input in any format is read
//! without a panic, and every plain-text range maps to a valid source range.
//!
//! Long run: `PROPTEST_CASES=20000 cargo test --release -p claimcheck-core --test input_props`.

use claimcheck_core::input::{Document, InputFormat};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

/// Pieces of markup, figures and awkward characters to build inputs from.
const FRAGMENTS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<b>",
    "</b>",
    "<li>",
    "<td>",
    "</td>",
    "<tr>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<template>",
    "</template>",
    "<!--",
    "-->",
    "<time datetime=\"2023\">",
    "<svg>",
    "</svg>",
    "<title>",
    "</title>",
    "<",
    ">",
    "&",
    ";",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x20AC;",
    "&#0;",
    "&#xD800;",
    "&bogus;",
    "&amp",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "~~~",
    "    ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{feff}",
    "\u{0}",
    "# ",
    "- ",
    "1. ",
    "> ",
    "|",
    "| a | b |\n|---|---|\n",
    "[a](http://x/1)",
    "![alt 2](i.png)",
    "<http://x.y/2023>",
    "[^1]",
    "[^1]: note",
    "---\n",
    "date: 2024-01-02\n",
    "\\",
    "$14",
    " billion",
    "€7.2bn",
    "£50.5m",
    "¥",
    "86,482",
    "16%",
    "June 13, 2016",
    "二〇二三年",
    "营收",
    "🚀",
    "👩‍👩‍👧",
    "é",
    "\u{301}",
    "\u{a0}",
    "\u{2028}",
];

fn fragment_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z0-9 .,]{0,6}",
    ];
    proptest::collection::vec(piece, 0..48).prop_map(|v| v.concat())
}

fn inputs() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), fragment_soup()]
}

/// Char boundaries of `text`, thinned out for long texts to keep pairs few.
fn boundaries(text: &str) -> Vec<usize> {
    let mut all: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    all.push(text.len());
    let step = all.len().div_ceil(40).max(1);
    let mut picked: Vec<usize> = all.iter().copied().step_by(step).collect();
    if picked.last() != Some(&text.len()) {
        picked.push(text.len());
    }
    picked
}

fn check_ranges(doc: &Document) -> Result<(), TestCaseError> {
    let bounds = boundaries(doc.text());
    for (n, &start) in bounds.iter().enumerate() {
        for &end in &bounds[n..] {
            let mapped = doc.to_source(start..end);
            prop_assert!(mapped.start <= mapped.end, "{start}..{end} -> {mapped:?}");
            prop_assert!(mapped.end <= doc.source.len(), "{start}..{end} -> {mapped:?}");
            prop_assert!(doc.source.is_char_boundary(mapped.start), "{start}..{end} -> {mapped:?}");
            prop_assert!(doc.source.is_char_boundary(mapped.end), "{start}..{end} -> {mapped:?}");
            if doc.is_exact(start..end) {
                prop_assert_eq!(&doc.source[mapped], &doc.text()[start..end], "{}..{}", start, end);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/input_props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_input_maps_to_valid_source_ranges(source in inputs()) {
        for format in FORMATS {
            let doc = Document::new("p", source.as_str(), format);
            prop_assert_eq!(&doc.source, &source);
            check_ranges(&doc)?;
        }
    }

    #[test]
    fn every_exact_char_maps_to_itself(source in fragment_soup()) {
        for format in FORMATS {
            let doc = Document::new("p", source.as_str(), format);
            for (i, c) in doc.text().char_indices() {
                let r = i..i + c.len_utf8();
                if doc.is_exact(r.clone()) {
                    let mapped = doc.to_source(r.clone());
                    prop_assert_eq!(&doc.source[mapped], &doc.text()[r]);
                }
            }
        }
    }
}
