//! Arbitrary UTF-8 through all three front ends and the extractor.
#![no_main]

use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|source: &str| {
    let dated = ExtractOptions {
        reference_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        ..ExtractOptions::default()
    };
    for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
        let doc = Document::new("fuzz", source, format);
        for options in [&ExtractOptions::default(), &dated] {
            for claim in EXTRACTOR.extract(&doc, options) {
                assert_eq!(doc.source.get(claim.span.start..claim.span.end), Some(claim.text.as_str()));
            }
        }
    }
});
