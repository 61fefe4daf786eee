//! Arbitrary UTF-8 articles audited against the project's own `claims/` ledger.
#![no_main]

use claimcheck_core::audit::{AuditOptions, Auditor};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use claimcheck_core::ledger::Ledger;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LEDGER: LazyLock<Ledger> = LazyLock::new(|| {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../claims");
    Ledger::load(&path).expect("the project's own ledger loads")
});

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let Ok(source) = std::str::from_utf8(rest) else { return };
    let format = match sel % 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    };
    let reference_date = (sel & 4 != 0).then(|| chrono::NaiveDate::from_ymd_opt(2025, 6, 13)).flatten();
    let auditor = Auditor::new(&LEDGER);
    let extractor = Extractor::with_entities(auditor.entity_index());
    let doc = Document::new("fuzz", source, format);
    let claims = extractor.extract(&doc, &ExtractOptions { reference_date, ..ExtractOptions::default() });
    let options = AuditOptions { reference_date, ..AuditOptions::default() };
    let _ = auditor.audit(&claims, doc.text(), &options);
});
