//! Output formats. Each format lives in its own file; this module dispatches
//! and holds what several formats share (options, summary, text cleaning).

pub mod claimreview;
pub mod crosscheck;
mod csv;
mod diag;
mod github;
mod html;
pub mod json;
mod markdown;
mod sarif;
pub mod summary;
mod table;

use std::fmt;
use std::io::{IsTerminal, Write};

use anyhow::Result;
use claimcheck_core::Claim;
use claimcheck_core::audit::{FactRef, Finding, Verdict};
use claimcheck_core::input::Document;
use claimcheck_core::ledger::Rank;
use claimcheck_core::span::LineIndex;

use crate::args::{AuditFormat, ExtractFormat};

/// Table width when stdout is not a terminal, so that output is the same on
/// every machine.
pub const FIXED_WIDTH: u16 = 120;

/// How to render, beyond the format itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colours (only for a terminal with `NO_COLOR` unset).
    pub color: bool,
    /// Table width; `None` lets the table fit the terminal.
    pub width: Option<u16>,
    /// SARIF: also report unverified claims (level `note`).
    pub sarif_include_unverified: bool,
    /// ClaimReview: the publisher and pages (set for `--format claimreview`).
    pub claimreview: Option<claimreview::ClaimReviewOptions>,
}

impl Default for RenderOptions {
    /// Plain, fixed-width output: what a pipe or a test gets.
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: Some(FIXED_WIDTH),
            sarif_include_unverified: false,
            claimreview: None,
        }
    }
}

impl RenderOptions {
    /// Options for writing to standard output: colour and terminal width only
    /// when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Self {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        RenderOptions {
            color: tty && !no_color,
            width: if tty { None } else { Some(FIXED_WIDTH) },
            sarif_include_unverified: false,
            claimreview: None,
        }
    }
}

/// The claims of one input file, with the file for context.
pub struct ExtractedFile<'a> {
    pub document: &'a Document,
    pub claims: Vec<Claim>,
}

/// Print claims in the chosen format, with options detected from stdout.
pub fn claims(format: ExtractFormat, files: &[ExtractedFile<'_>], out: &mut dyn Write) -> Result<()> {
    claims_with(format, files, &RenderOptions::for_stdout(), out)
}

/// Print claims in the chosen format.
pub fn claims_with(
    format: ExtractFormat,
    files: &[ExtractedFile<'_>],
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let all = files.iter().flat_map(|f| f.claims.iter());
    match format {
        ExtractFormat::Jsonl => {
            let mut lines = json::LineWriter::new(out);
            for claim in all {
                lines.write_claim(claim)?;
            }
            lines.finish()
        }
        ExtractFormat::Json => json::array(all, out),
        ExtractFormat::Table => table::claims(files, options, out),
        ExtractFormat::Csv => csv::claims(files, out),
    }
}

/// The findings of one audited file, with the file for context (the HTML
/// report and the diagnostics show the source text).
pub struct AuditedFile<'a> {
    pub document: &'a Document,
    pub findings: Vec<Finding>,
}

/// Print audit findings in the chosen format, with options detected from stdout.
pub fn findings(format: AuditFormat, files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    findings_with(format, files, &RenderOptions::for_stdout(), out)
}

/// Print audit findings in the chosen format.
pub fn findings_with(
    format: AuditFormat,
    files: &[AuditedFile<'_>],
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let all = files.iter().flat_map(|f| f.findings.iter());
    match format {
        AuditFormat::Json => json::array(all, out),
        AuditFormat::Jsonl => json::finding_lines(all, out),
        AuditFormat::Table => table::findings(files, options, out),
        AuditFormat::Diag => diag::findings(files, options, out),
        AuditFormat::Csv => csv::findings(files, out),
        AuditFormat::Markdown => markdown::findings(files, out),
        AuditFormat::Html => html::findings(files, out),
        AuditFormat::Sarif => sarif::findings(files, options, out),
        AuditFormat::Github => github::findings(files, out),
        AuditFormat::Claimreview => match &options.claimreview {
            Some(review) => claimreview::findings(files, review, out),
            None => anyhow::bail!("--format claimreview needs --publisher and --review-url"),
        },
    }
}

/// Per-verdict counts, printed as the closing line of the human formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub contradicted: usize,
    pub disputed: usize,
    pub unverified: usize,
    pub supported: usize,
}

impl Summary {
    /// Count the verdicts of every finding in `files`.
    pub fn of(files: &[AuditedFile<'_>]) -> Self {
        let mut s = Summary::default();
        for f in files.iter().flat_map(|f| &f.findings) {
            s.add(f.verdict);
        }
        s
    }

    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Contradicted => self.contradicted += 1,
            Verdict::Disputed => self.disputed += 1,
            Verdict::Unverified => self.unverified += 1,
            Verdict::Supported => self.supported += 1,
        }
    }

    /// How many findings carry `v`.
    pub fn count(&self, v: Verdict) -> usize {
        match v {
            Verdict::Contradicted => self.contradicted,
            Verdict::Disputed => self.disputed,
            Verdict::Unverified => self.unverified,
            Verdict::Supported => self.supported,
        }
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.contradicted + self.disputed + self.unverified + self.supported
    }
}

impl fmt::Display for Summary {
    /// `5 claims: 1 contradicted, 1 disputed, 2 unverified, 1 supported`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.total();
        write!(
            f,
            "{n} {}: {} contradicted, {} disputed, {} unverified, {} supported",
            if n == 1 { "claim" } else { "claims" },
            self.contradicted,
            self.disputed,
            self.unverified,
            self.supported
        )
    }
}

/// The findings of a file in source order (by start, then end offset).
pub fn sorted_findings(findings: &[Finding]) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = findings.iter().collect();
    v.sort_by_key(|f| (f.claim.span.start, f.claim.span.end));
    v
}

/// The claims of a file in source order.
pub fn sorted_claims(claims: &[Claim]) -> Vec<&Claim> {
    let mut v: Vec<&Claim> = claims.iter().collect();
    v.sort_by_key(|c| (c.span.start, c.span.end));
    v
}

/// Text from an article made safe for a terminal: line breaks and tabs become
/// spaces; other control characters (ESC, C1) and bidirectional overrides,
/// which could rewrite the terminal or reorder what a reader sees, are dropped.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(' ');
        } else if !is_unsafe_char(c) {
            out.push(c);
        }
    }
    out
}

/// Control characters and the invisible bidirectional formatting characters.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A claim's normalized value: `14000000000 USD`, `10..120 USD/month`, `2023`.
pub fn claim_value(claim: &Claim) -> String {
    let mut s = claim.value.to_string();
    if let Some(high) = &claim.high {
        s.push_str("..");
        s.push_str(&high.to_string());
    }
    if let Some(unit) = &claim.unit {
        s.push(' ');
        s.push_str(unit);
    }
    if let Some(per) = &claim.per {
        s.push('/');
        s.push_str(per);
    }
    s
}

/// A ledger fact's value, written for people, with its period:
/// `$14.3 billion (2025-06-12)`, `86,482 employees (2023-12-31)`, `2021`.
pub fn fact_value(fact: &FactRef) -> String {
    use claimcheck_core::audit::compare::describe_amount;
    use claimcheck_core::ledger::FactValue;
    let unit = fact.unit.as_deref();
    let mut s = match &fact.value {
        FactValue::Number(n) => describe_amount(*n, unit),
        FactValue::Range(lo, hi) => {
            format!("{} to {}", describe_amount(*lo, unit), describe_amount(*hi, unit))
        }
        FactValue::Date(d) => d.clone(),
    };
    if let Some(period) = &fact.period {
        s.push_str(" (");
        s.push_str(period);
        s.push(')');
    }
    s
}

/// The name of a rank, as in the ledger.
pub fn rank_str(rank: Rank) -> &'static str {
    match rank {
        Rank::Preferred => "preferred",
        Rank::Normal => "normal",
        Rank::Deprecated => "deprecated",
        Rank::Disputed => "disputed",
    }
}

/// Where a claim ends: 1-based line and character column of the first
/// character after it (as SARIF and GitHub want it).
pub fn end_line_col(document: &Document, index: &LineIndex, claim: &Claim) -> (usize, usize) {
    index.line_col(&document.source, claim.span.end)
}

#[cfg(test)]
pub mod fixture {
    //! Synthetic documents, claims and findings for the renderer tests.

    use claimcheck_core::audit::{FactRef, Finding, Verdict};
    use claimcheck_core::input::{Document, InputFormat};
    use claimcheck_core::ledger::{FactValue, Rank};
    use claimcheck_core::span::LineIndex;
    use claimcheck_core::{Claim, ClaimKind, ClaimValue, Qualifier};

    /// A document and the findings built on it.
    pub struct Fixture {
        pub document: Document,
        pub findings: Vec<Finding>,
    }

    impl Fixture {
        pub fn new(path: &str, source: &str) -> Self {
            Fixture { document: Document::new(path, source, InputFormat::Text), findings: Vec::new() }
        }

        /// A claim on the first occurrence of `text` in the source.
        pub fn claim(&self, text: &str, kind: ClaimKind, value: ClaimValue) -> Claim {
            let src = &self.document.source;
            let start = src.find(text).unwrap_or_else(|| panic!("{text:?} not in the fixture"));
            let span = LineIndex::new(src).span(src, start, start + text.len());
            Claim {
                file: self.document.path.clone(),
                kind,
                text: text.to_string(),
                span,
                value,
                high: None,
                unit: (kind == ClaimKind::Money).then(|| "USD".to_string()),
                per: None,
                qualifier: Qualifier::Exact,
                hedge: None,
                subject: Some("Meta".to_string()),
                attribute: Some("investment".to_string()),
                object: Some("Scale AI".to_string()),
                period: Some("2025".to_string()),
                sentence: text.to_string(),
            }
        }

        /// Add a finding on `text` with a money value and, unless
        /// unverified, a ledger fact with `fact_value` and `source`.
        pub fn finding(
            &mut self,
            text: &str,
            value: f64,
            verdict: Verdict,
            fact: Option<(f64, &str)>,
        ) -> &mut Finding {
            let claim = self.claim(text, ClaimKind::Money, ClaimValue::Number(value));
            let fact = fact.map(|(v, source)| FactRef {
                id: format!("fact-{}", self.findings.len() + 1).into(),
                entity: "Meta".into(),
                attribute: "investment".into(),
                object: Some("Scale AI".into()),
                value: FactValue::Number(v),
                unit: Some("USD".into()),
                period: Some("2025-06".into()),
                source: source.into(),
                rank: Rank::Preferred,
            });
            let message = match &fact {
                Some(f) => format!("article says {text}; ledger says {} (source {})", f.value, f.source),
                None => format!("no ledger fact for {text}"),
            };
            self.findings.push(Finding { file: self.document.path.clone(), claim, verdict, fact, message });
            let last = self.findings.len() - 1;
            &mut self.findings[last]
        }

        pub fn audited(&self) -> super::AuditedFile<'_> {
            super::AuditedFile { document: &self.document, findings: self.findings.clone() }
        }
    }

    /// One article with one finding of each verdict.
    pub fn mixed() -> Fixture {
        let mut fx = Fixture::new(
            "fixtures/meta.txt",
            "Meta invested $14 billion in Scale AI.\nIt paid $2 billion for Manus.\nRevenue hit $9 billion.\nIt spent $5 billion.\n",
        );
        fx.finding("$14 billion", 14e9, Verdict::Contradicted, Some((14.3e9, "https://example.com/scale")));
        fx.finding("$2 billion", 2e9, Verdict::Disputed, Some((2.5e9, "Reuters, 2025-06-11")));
        fx.finding("$9 billion", 9e9, Verdict::Unverified, None);
        fx.finding("$5 billion", 5e9, Verdict::Supported, Some((5e9, "https://example.com/spend")));
        fx
    }

    /// Render findings to a string with default (plain, fixed-width) options.
    pub fn render(format: crate::args::AuditFormat, files: &[super::AuditedFile<'_>]) -> String {
        render_with(format, files, &super::RenderOptions::default())
    }

    pub fn render_with(
        format: crate::args::AuditFormat,
        files: &[super::AuditedFile<'_>],
        options: &super::RenderOptions,
    ) -> String {
        let mut out = Vec::new();
        super::findings_with(format, files, options, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8 output")
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn summary_counts_every_verdict() {
        let fx = mixed();
        let s = Summary::of(&[fx.audited()]);
        assert_eq!(s.to_string(), "4 claims: 1 contradicted, 1 disputed, 1 unverified, 1 supported");
        let one = Summary { supported: 1, ..Summary::default() };
        assert_eq!(one.to_string(), "1 claim: 0 contradicted, 0 disputed, 0 unverified, 1 supported");
    }

    #[test]
    fn clean_drops_escapes_and_bidi_overrides() {
        assert_eq!(clean("a\u{1b}[31mb\nc\u{202e}d\te\u{9b}"), "a[31mb cd e");
    }

    #[test]
    fn claim_value_shows_range_unit_and_rate() {
        let fx = mixed();
        let mut c = fx.claim(
            "$14 billion",
            claimcheck_core::ClaimKind::Money,
            claimcheck_core::ClaimValue::Number(10.0),
        );
        c.high = Some(claimcheck_core::ClaimValue::Number(120.0));
        c.per = Some("month".to_string());
        assert_eq!(claim_value(&c), "10..120 USD/month");
    }
}
