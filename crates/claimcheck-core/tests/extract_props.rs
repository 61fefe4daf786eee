//! Properties of the whole extractor, in every input format: it never panics,
//! every claim's text is the source bytes at its span, line and column agree
//! with a naive count, and claims come sorted by offset.
//!
//! The default 256 cases keep CI fast. For a long, fuzz-like run:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release -p claimcheck-core --test extract_props
//! ```

use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

/// Figures, their neighbours and awkward characters.
const CLAIMISH: &[&str] = &[
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "US$",
    "USD ",
    "0",
    "1",
    "14",
    "14.3",
    "9.99",
    "1,000",
    "86,482",
    "2,500,000",
    "1.5",
    ".5",
    "1e9",
    "-3",
    "+4",
    " billion",
    "bn",
    "m",
    "k",
    " million",
    " thousand",
    " trillion",
    "%",
    " per cent",
    " percent",
    " percentage points",
    " pp",
    "June 13, 2016",
    "13 June 2016",
    "in 2022",
    "2024-03-05",
    "last year",
    "next month",
    "Q4",
    "FY2023",
    "1990s",
    "January",
    "Feb.",
    "two",
    "fourteen",
    "twenty-nine",
    "a dozen",
    "half a million",
    "one and a half",
    " years",
    " months",
    " employees",
    "about ",
    "nearly ",
    "more than ",
    "up to ",
    "at least ",
    "between ",
    " and ",
    " to ",
    "from ",
    "-",
    "–",
    "—",
    "~",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{feff}",
    "\u{a0}",
    "\u{200b}",
    "\u{301}",
    "亿",
    "万",
    "元",
    "二〇二三年",
    "营收增长",
    "🚀",
    "👩‍👩‍👧",
    "１４",
    "٣",
    "Ⅻ",
    "Meta",
    "Scale AI",
    "AT&T",
    " paid ",
    " revenue ",
    " founded in ",
];

/// Markup that the Markdown and HTML front ends turn into text or skip.
const MARKUP: &[&str] = &[
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "# ",
    "- ",
    "> ",
    "| a | b |\n|---|---|\n",
    "[a](http://x/2023)",
    "![9](i.png)",
    "<b>",
    "</b>",
    "<p>",
    "</p>",
    "<br>",
    "<li>",
    "<td>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&euro;",
    "&#0;",
    "&",
    "<",
    ">",
    "\\",
];

fn claimish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(CLAIMISH).prop_map(str::to_owned),
        2 => proptest::sample::select(MARKUP).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        2 => "[A-Za-z ]{0,8}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Words around figures without any digit: the extractor skips sentences
/// that hold no anchor word, and in debug builds it scans them anyway and
/// asserts they hold no claim, so word soups like these test that rule.
const WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "last",
    "next",
    "past",
    "coming",
    "per",
    "cent",
    "percent",
    "more",
    "than",
    "up",
    "to",
    "about",
    "US",
    "C",
    "A",
    "AU",
    "HK",
    "point",
    "minus",
    "negative",
    "and",
    "of",
    "following",
    "same",
    "ago",
    "today",
    "later",
    "before",
    "after",
    "quarter",
    "quarters",
    "share",
    "year",
    "years",
    "month",
    "decade",
    "week",
    "day",
    "hour",
    "dozen",
    "half",
    "third",
    "thirds",
    "first",
    "second",
    "may",
    "May",
    "March",
    "one",
    "two",
    "twelve",
    "hundred",
    "million",
    "bn",
    "m",
    "k",
    "b",
    "h",
    "t",
    "g",
    "l",
    "ft",
    "dollar",
    "pounds",
    "euro",
    "yen",
    "won",
    "rand",
    "USD",
    "EUR",
    "Q",
    "FY",
    "mid",
    "early",
    "late",
    "s",
    "th",
    "st",
    "nd",
    "rd",
    "in",
    "on",
    "at",
    "by",
    "since",
    "until",
    "between",
    "from",
    "Monday",
    "fy",
    "pair",
    "annually",
    "a year",
    "an hour",
    "-",
    "–",
    "—",
    "~",
    "’",
    "“",
    "$",
    "%",
    ".",
    ",",
    ";",
    "(",
    ")",
    "/",
    " ",
    " ",
];

fn word_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(WORDS), any::<bool>()), 0..14).prop_map(|words| {
        words.iter().map(|&(w, space)| if space { format!("{w} ") } else { w.to_owned() }).collect()
    })
}

fn inputs() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => claimish()]
}

/// 1-based line and character column of byte `offset`, counted the slow way.
fn naive_line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn check(extractor: &Extractor, source: &str, format: InputFormat) -> Result<(), TestCaseError> {
    let doc = Document::new("prop", source, format);
    let claims = extractor.extract(&doc, &ExtractOptions::default());
    for c in &claims {
        let span = c.span;
        let Some(text) = doc.source.get(span.start..span.end) else {
            return Err(TestCaseError::fail(format!(
                "{format:?}: span {}..{} of {:?} is not a char-boundary range of the source",
                span.start, span.end, c.text
            )));
        };
        prop_assert_eq!(text, c.text.as_str(), "{:?}: span {}..{}", format, span.start, span.end);
        let (line, column) = naive_line_col(&doc.source, span.start);
        prop_assert_eq!((span.line, span.column), (line, column), "{:?}: {:?}", format, c.text);
    }
    for pair in claims.windows(2) {
        prop_assert!(
            pair[0].span.start <= pair[1].span.start,
            "{:?}: claims out of order: {:?} at {} before {:?} at {}",
            format,
            pair[0].text,
            pair[0].span.start,
            pair[1].text,
            pair[1].span.start
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/extract_props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn claims_point_at_their_source_text(source in inputs()) {
        let extractor = Extractor::new();
        for format in FORMATS {
            check(&extractor, &source, format)?;
        }
    }
}

proptest! {
    // Short inputs, so many cases are cheap; rare pairings ("a$a") need them.
    #![proptest_config(ProptestConfig {
        cases: 4000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/extract_props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn word_soups_hold_the_properties(source in word_soup()) {
        let extractor = Extractor::new();
        for format in FORMATS {
            check(&extractor, &source, format)?;
        }
    }
}

#[test]
fn naive_line_col_counts_chars() {
    assert_eq!(naive_line_col("ab\nc€d", 0), (1, 1));
    assert_eq!(naive_line_col("ab\nc€d", 3), (2, 1));
    assert_eq!(naive_line_col("ab\nc€d", 7), (2, 3));
    assert_eq!(naive_line_col("a\r\nb", 3), (2, 1));
}

#[test]
fn fixture_articles_hold_the_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let extractor = Extractor::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(source) = std::fs::read_to_string(&path) else { continue };
        let format = InputFormat::from_path(&path);
        if let Err(e) = check(&extractor, &source, format) {
            panic!("{}: {e}", path.display());
        }
    }
}
