//! Long, fuzz-like property runs on stable Rust: arbitrary bytes and text
//! through every front end, the extractor, the ledger reader, the merge driver,
//! the audit and harvest must never panic. They are `#[ignore]`d because they take
//! minutes; see `docs/robustness.md`:
//!
//! ```console
//! $ cargo test --release -p claimcheck-core --test hostile_props -- --ignored
//! $ PROPTEST_CASES=200000 cargo test --release -p claimcheck-core --test hostile_props -- --ignored
//! ```

use std::path::Path;
use std::sync::LazyLock;

use claimcheck_core::audit::{AuditOptions, Auditor};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::harvest::{HarvestOptions, Harvester, assign_ids};
use claimcheck_core::input::{Document, InputFormat};
use claimcheck_core::ledger::Ledger;
use claimcheck_core::ledger::merge::merge;
use claimcheck_core::ledger::read::parse_table;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Cases per property: `PROPTEST_CASES`, else 20,000.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(20_000);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/hostile_props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The project's own ledger, found from this crate.
static LEDGER: LazyLock<Ledger> = LazyLock::new(|| {
    Ledger::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../claims")).expect("claims/ loads")
});

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

/// Markup, figures and awkward characters to build articles from.
const ARTICLE: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#x20AC;",
    "&#0;",
    "&bogus;",
    "**",
    "_",
    "`",
    "```\n",
    "# ",
    "- ",
    "> ",
    "1. ",
    "[a]: http://x\n",
    "[a]",
    "| a |\n|---|\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{0}",
    "\x1b[31m",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "₹",
    "$14",
    ".3",
    " billion",
    "bn",
    "m",
    " million",
    "%",
    " percent",
    "about ",
    "nearly ",
    "between ",
    " and ",
    " to ",
    "-",
    "–",
    "1,200",
    "2023",
    "FY2016",
    "Q4 ",
    "June 13, 2016",
    "in June",
    "last year",
    "Meta",
    "Midjourney",
    "Scale AI",
    " paid ",
    " revenue ",
    " founded in ",
    " per month",
    "9999999999999999999999",
    "1e308",
    "0.000",
    "二〇二三年",
    "🚀",
    "\u{301}",
];

/// CSV pieces for ledgers.
const CSV: &[&str] = &[
    "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n",
    "entity,attribute,value,source\n",
    "alias,entity\n",
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{0}",
    "a",
    "Meta",
    "revenue",
    "14300000000",
    "$14.3 billion",
    "2025-06-11",
    "10..120",
    "-3",
    "1e999",
    "USD",
    "%",
    "2023-Q4",
    "FY2016",
    "2023..2024",
    "at_least",
    "5%",
    "0.05",
    "disputed",
    "https://x",
    "MERGE CONFLICT (theirs):",
    "é",
    "中",
];

fn soup(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z0-9 .,]{0,6}",
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..256).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => any::<String>(),
        4 => soup(ARTICLE, 64),
    ]
}

fn ledger_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 4 => soup(CSV, 64)]
}

fn dates() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    prop_oneof![
        Just(None),
        Just(chrono::NaiveDate::from_ymd_opt(2025, 6, 13)),
        Just(chrono::NaiveDate::from_ymd_opt(2024, 2, 29)),
        Just(chrono::NaiveDate::from_ymd_opt(1, 1, 1)),
        Just(chrono::NaiveDate::from_ymd_opt(9999, 12, 31)),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    #[ignore = "long run: cargo test --release -- --ignored"]
    fn extract_never_panics_and_spans_are_exact(source in article(), reference_date in dates()) {
        let options = ExtractOptions { reference_date, ..ExtractOptions::default() };
        for format in FORMATS {
            let doc = Document::new("p", source.as_str(), format);
            for c in EXTRACTOR.extract(&doc, &options) {
                prop_assert_eq!(doc.source.get(c.span.start..c.span.end), Some(c.text.as_str()), "{:?}", format);
            }
        }
    }

    #[test]
    #[ignore = "long run: cargo test --release -- --ignored"]
    fn audit_never_panics(source in article(), reference_date in dates()) {
        let auditor = Auditor::new(&LEDGER);
        let extractor = Extractor::with_entities(auditor.entity_index());
        for format in FORMATS {
            let doc = Document::new("p", source.as_str(), format);
            let claims = extractor.extract(&doc, &ExtractOptions { reference_date, ..ExtractOptions::default() });
            let _ = auditor.audit(&claims, doc.text(), &AuditOptions { reference_date, ..AuditOptions::default() });
        }
    }

    #[test]
    #[ignore = "long run: cargo test --release -- --ignored"]
    fn harvest_never_panics(source in article(), reference_date in dates()) {
        let harvester = Harvester::new(Some(&LEDGER));
        let extractor = Extractor::with_entities(harvester.entity_index());
        let options = HarvestOptions { source_name: "p".into(), as_of: None };
        for format in FORMATS {
            let doc = Document::new("p", source.as_str(), format);
            let claims = extractor.extract(&doc, &ExtractOptions { reference_date, ..ExtractOptions::default() });
            let mut found = harvester.harvest(&doc, &claims, reference_date, &options);
            assign_ids(&mut found.candidates, &mut Default::default());
        }
    }

    #[test]
    #[ignore = "long run: cargo test --release -- --ignored"]
    fn ledger_parse_never_panics(text in ledger_text()) {
        if let Ok(t) = parse_table(Path::new("f.csv"), &text) {
            for row in 0..t.len() {
                for col in 0..t.header.len() {
                    let _ = t.cell(row, col);
                }
            }
        }
    }

    #[test]
    #[ignore = "long run: cargo test --release -- --ignored"]
    fn merge_never_panics(base in ledger_text(), ours in ledger_text(), theirs in ledger_text()) {
        let _ = merge(Path::new("f.csv"), &base, &ours, &theirs);
        let _ = merge(Path::new("f.csv"), &base, &format!("{base}{ours}"), &format!("{base}{theirs}"));
    }
}
