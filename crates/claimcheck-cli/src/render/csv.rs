//! `--format csv`: one row per claim or finding, flattened columns.
//!
//! Spreadsheets evaluate a cell that starts with `=`, `+`, `-`, `@`, tab or
//! CR as a formula, and article text is untrusted. Such cells get a leading
//! `'` (OWASP's advice), except a plain number in a numeric column (`-14`).

use std::io::Write;

use anyhow::Result;
use claimcheck_core::{Claim, ClaimValue};

use super::{AuditedFile, ExtractedFile};

const CLAIM_HEADER: [&str; 18] = [
    "file",
    "line",
    "column",
    "start",
    "end",
    "kind",
    "text",
    "value",
    "high",
    "unit",
    "per",
    "qualifier",
    "hedge",
    "subject",
    "attribute",
    "object",
    "period",
    "sentence",
];

const FINDING_HEADER: [&str; 20] = [
    "file",
    "line",
    "column",
    "kind",
    "text",
    "value",
    "high",
    "unit",
    "qualifier",
    "subject",
    "attribute",
    "object",
    "period",
    "verdict",
    "fact_id",
    "fact_value",
    "fact_unit",
    "fact_period",
    "fact_source",
    "message",
];

/// A cell whose first character a spreadsheet would take for a formula.
fn is_formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A plain decimal number, optionally negative (`-14`, `0.5`).
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A text cell, neutralized if it looks like a formula.
pub(super) fn text(s: &str) -> String {
    if is_formula_like(s) { format!("'{s}") } else { s.to_string() }
}

pub(super) fn opt_text(s: &Option<String>) -> String {
    s.as_deref().map(text).unwrap_or_default()
}

/// A cell of a numeric column: a plain number stays as is, anything else
/// (a date, a range, text) is treated as text.
fn numeric(s: &str) -> String {
    if is_plain_number(s) { s.to_string() } else { text(s) }
}

pub(super) fn value(v: &ClaimValue) -> String {
    numeric(&v.to_string())
}

fn claim_row(c: &Claim) -> Vec<String> {
    vec![
        text(&c.file),
        c.span.line.to_string(),
        c.span.column.to_string(),
        c.span.start.to_string(),
        c.span.end.to_string(),
        c.kind.as_str().to_string(),
        text(&c.text),
        value(&c.value),
        c.high.as_ref().map(value).unwrap_or_default(),
        opt_text(&c.unit),
        opt_text(&c.per),
        c.qualifier.as_str().to_string(),
        opt_text(&c.hedge),
        opt_text(&c.subject),
        opt_text(&c.attribute),
        opt_text(&c.object),
        opt_text(&c.period),
        text(&c.sentence),
    ]
}

/// `extract --format csv`.
pub fn claims(files: &[ExtractedFile<'_>], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CLAIM_HEADER)?;
    for file in files {
        for c in super::sorted_claims(&file.claims) {
            w.write_record(claim_row(c))?;
        }
    }
    w.flush()?;
    Ok(())
}

/// `audit --format csv`.
pub fn findings(files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(FINDING_HEADER)?;
    for file in files {
        for f in super::sorted_findings(&file.findings) {
            let c = &f.claim;
            let fact = f.fact.as_ref();
            w.write_record([
                text(&f.file),
                c.span.line.to_string(),
                c.span.column.to_string(),
                c.kind.as_str().to_string(),
                text(&c.text),
                value(&c.value),
                c.high.as_ref().map(value).unwrap_or_default(),
                opt_text(&c.unit),
                c.qualifier.as_str().to_string(),
                opt_text(&c.subject),
                opt_text(&c.attribute),
                opt_text(&c.object),
                opt_text(&c.period),
                f.verdict.as_str().to_string(),
                fact.map(|x| text(&x.id)).unwrap_or_default(),
                fact.map(|x| numeric(&x.value.to_string())).unwrap_or_default(),
                fact.and_then(|x| x.unit.as_deref()).map(text).unwrap_or_default(),
                fact.and_then(|x| x.period.as_deref()).map(text).unwrap_or_default(),
                fact.map(|x| text(&x.source)).unwrap_or_default(),
                text(&f.message),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;
    use claimcheck_core::{ClaimKind, ClaimValue};

    use super::super::fixture::*;
    use super::super::{ExtractedFile, RenderOptions};
    use super::*;
    use crate::args::{AuditFormat, ExtractFormat};

    fn rows(out: &str) -> Vec<Vec<String>> {
        csv::Reader::from_reader(out.as_bytes())
            .records()
            .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn neutralizes_formula_cells() {
        for (input, want) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-cmd", "'-cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(text(input), want, "{input:?}");
        }
        assert_eq!(numeric("-14"), "-14");
        assert_eq!(numeric("-0.5"), "-0.5");
        assert_eq!(numeric("-1+1"), "'-1+1");
        assert_eq!(numeric("-"), "'-");
        assert_eq!(numeric("2025-06"), "2025-06");
    }

    #[test]
    fn audit_csv_has_flat_columns() {
        let fx = mixed();
        let out = render(AuditFormat::Csv, &[fx.audited()]);
        assert!(out.starts_with(&FINDING_HEADER.join(",")), "{out}");
        let rows = rows(&out);
        assert_eq!(rows.len(), 4);
        let r = &rows[0];
        assert_eq!(r.len(), FINDING_HEADER.len());
        assert_eq!(&r[..5], ["fixtures/meta.txt", "1", "15", "money", "$14 billion"]);
        assert_eq!(r[5], "14000000000");
        assert_eq!(r[13], "contradicted");
        assert_eq!(&r[14..19], ["fact-1", "14300000000", "USD", "2025-06", "https://example.com/scale"]);
        // Unverified: no fact columns.
        assert_eq!(rows[2][13], "unverified");
        assert!(rows[2][14..19].iter().all(String::is_empty));
    }

    #[test]
    fn hostile_article_text_cannot_inject_a_formula() {
        let mut fx = Fixture::new("a.txt", "=HYPERLINK(\"http://evil\",\"$5\") and @SUM(1) -2+3\n");
        let f = fx.finding(
            "=HYPERLINK(\"http://evil\",\"$5\")",
            -14.0,
            Verdict::Contradicted,
            Some((-2.0, "=cmd|' /C calc'!A0")),
        );
        f.message = "-1+2".to_string();
        f.claim.subject = Some("@SUM(1)".to_string());
        let out = render(AuditFormat::Csv, &[fx.audited()]);
        let r = &rows(&out)[0];
        assert_eq!(r[4], "'=HYPERLINK(\"http://evil\",\"$5\")");
        assert_eq!(r[5], "-14", "a plain negative number stays a number");
        assert_eq!(r[9], "'@SUM(1)");
        assert_eq!(r[15], "-2");
        assert_eq!(r[18], "'=cmd|' /C calc'!A0");
        assert_eq!(r[19], "'-1+2");
        for cell in r.iter().filter(|c| !is_plain_number(c)) {
            assert!(!is_formula_like(cell), "{cell:?}");
        }
    }

    #[test]
    fn extract_csv_has_one_row_per_claim() {
        let fx = mixed();
        let mut c = fx.claim("$2 billion", ClaimKind::Money, ClaimValue::Number(10.0));
        c.high = Some(ClaimValue::Number(120.0));
        c.per = Some("month".to_string());
        c.sentence = "line one\nline two, \"quoted\"".to_string();
        let files = [ExtractedFile { document: &fx.document, claims: vec![c] }];
        let mut out = Vec::new();
        super::super::claims_with(ExtractFormat::Csv, &files, &RenderOptions::default(), &mut out)
            .expect("render");
        let out = String::from_utf8(out).expect("utf8");
        assert!(out.starts_with(&CLAIM_HEADER.join(",")), "{out}");
        let rows = rows(&out);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0][..12],
            [
                "fixtures/meta.txt",
                "2",
                "9",
                "47",
                "57",
                "money",
                "$2 billion",
                "10",
                "120",
                "USD",
                "month",
                "exact"
            ]
        );
        assert_eq!(rows[0][17], "line one\nline two, \"quoted\"");
    }
}
