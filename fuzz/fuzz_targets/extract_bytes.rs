//! Arbitrary bytes, decoded lossily as the CLI does, through each front end
//! and the extractor, with and without a reference date.
#![no_main]

use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    // The first byte picks the front end and whether a reference date is set.
    let Some((&sel, rest)) = data.split_first() else { return };
    let source = String::from_utf8_lossy(rest).into_owned();
    let format = match sel % 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    };
    let options = ExtractOptions {
        reference_date: (sel & 4 != 0).then(|| chrono::NaiveDate::from_ymd_opt(2025, 6, 13)).flatten(),
        ..ExtractOptions::default()
    };
    let doc = Document::new("fuzz", source, format);
    for claim in EXTRACTOR.extract(&doc, &options) {
        // A claim's span is its exact text in the source.
        assert_eq!(doc.source.get(claim.span.start..claim.span.end), Some(claim.text.as_str()));
    }
});
