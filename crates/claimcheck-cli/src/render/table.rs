//! `--format table`: comfy-table tables for the terminal, one per file, then a
//! summary line.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::audit::Verdict;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

use super::{AuditedFile, ExtractedFile, RenderOptions, Summary, claim_value, clean, fact_value};

fn new_table(options: &RenderOptions, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = options.width {
        table.set_width(width);
    }
    if options.color {
        table.enforce_styling();
    }
    // comfy-table styles cells whenever stdout is a terminal, so styles are
    // only ever added when colour is on (NO_COLOR must win).
    table.set_header(
        header
            .iter()
            .map(|h| if options.color { Cell::new(h).add_attribute(Attribute::Bold) } else { Cell::new(h) })
            .collect::<Vec<_>>(),
    );
    table
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(clean).unwrap_or_default()
}

/// `extract --format table`.
pub fn claims(files: &[ExtractedFile<'_>], options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    let mut total = 0;
    for file in files {
        writeln!(out, "{}", clean(&file.document.path))?;
        if file.claims.is_empty() {
            writeln!(out, "  no claims")?;
            continue;
        }
        let mut table = new_table(
            options,
            &["location", "kind", "text", "value", "qualifier", "subject", "attribute", "period"],
        );
        for c in super::sorted_claims(&file.claims) {
            total += 1;
            table.add_row(vec![
                format!("{}:{}", c.span.line, c.span.column),
                c.kind.as_str().to_string(),
                clean(&c.text),
                clean(&claim_value(c)),
                c.qualifier.as_str().to_string(),
                opt(&c.subject),
                opt(&c.attribute),
                opt(&c.period),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    writeln!(out, "{total} {}", if total == 1 { "claim" } else { "claims" })?;
    Ok(())
}

fn verdict_cell(v: Verdict, options: &RenderOptions) -> Cell {
    let cell = Cell::new(v.as_str());
    if !options.color {
        return cell;
    }
    match v {
        Verdict::Contradicted => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Verdict::Disputed => cell.fg(Color::Yellow),
        Verdict::Unverified => cell.add_attribute(Attribute::Dim),
        Verdict::Supported => cell.fg(Color::Green),
    }
}

/// `audit --format table`.
pub fn findings(files: &[AuditedFile<'_>], options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    for file in files {
        writeln!(out, "{}", clean(&file.document.path))?;
        if file.findings.is_empty() {
            writeln!(out, "  no claims")?;
            continue;
        }
        let mut table = new_table(options, &["location", "claim", "verdict", "ledger value", "source"]);
        for f in super::sorted_findings(&file.findings) {
            let (value, source) = match &f.fact {
                Some(fact) => (clean(&fact_value(fact)), clean(&fact.source)),
                None => (String::new(), String::new()),
            };
            table.add_row(vec![
                Cell::new(format!("{}:{}", f.claim.span.line, f.claim.span.column)),
                Cell::new(clean(&f.claim.text)),
                verdict_cell(f.verdict, options),
                Cell::new(value),
                Cell::new(source),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    writeln!(out, "{}", Summary::of(files))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;
    use claimcheck_core::{ClaimKind, ClaimValue};

    use super::super::fixture::*;
    use super::super::{ExtractedFile, RenderOptions};
    use crate::args::{AuditFormat, ExtractFormat};

    #[test]
    fn audit_table_lists_findings_in_order_with_summary() {
        let fx = mixed();
        let out = render(AuditFormat::Table, &[fx.audited()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "fixtures/meta.txt");
        assert!(out.contains("│ 1:15 "), "{out}");
        assert!(out.contains("$14.3 billion (2025-06)"), "{out}");
        assert!(out.contains("https://example.com/scale"), "{out}");
        let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(pos("contradicted") < pos("disputed") && pos("disputed") < pos("unverified"));
        assert_eq!(
            lines.last().copied(),
            Some("4 claims: 1 contradicted, 1 disputed, 1 unverified, 1 supported")
        );
        assert!(!out.contains('\u{1b}'), "no colour when options say so");
        assert!(lines.iter().all(|l| l.chars().count() <= 120), "{out}");
    }

    #[test]
    fn audit_table_colours_verdicts_only_when_asked() {
        let fx = mixed();
        let options = RenderOptions { color: true, ..RenderOptions::default() };
        let out = render_with(AuditFormat::Table, &[fx.audited()], &options);
        assert!(out.contains('\u{1b}'), "{out}");
    }

    #[test]
    fn audit_table_strips_terminal_escapes_from_article_text() {
        let mut fx = Fixture::new("a.txt", "It paid $1\u{1b}]0;pwned\u{7}\u{1b}[2J billion.\n");
        fx.finding("$1\u{1b}]0;pwned\u{7}\u{1b}[2J billion", 1e9, Verdict::Unverified, None);
        let out = render(AuditFormat::Table, &[fx.audited()]);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("$1]0;pwned[2J billion"), "{out}");
    }

    #[test]
    fn long_text_wraps_to_the_fixed_width() {
        let long = format!("$3 billion {}", "word ".repeat(60));
        let mut fx = Fixture::new("a.txt", &long);
        fx.finding(long.trim_end(), 3e9, Verdict::Unverified, None);
        let out = render(AuditFormat::Table, &[fx.audited()]);
        assert!(out.lines().all(|l| l.chars().count() <= 120), "{out}");
    }

    #[test]
    fn extract_table_groups_by_file_and_shows_values() {
        let fx = mixed();
        let mut range = fx.claim("$2 billion", ClaimKind::Money, ClaimValue::Number(10.0));
        range.high = Some(ClaimValue::Number(120.0));
        range.per = Some("month".to_string());
        let date = fx.claim("Revenue", ClaimKind::Date, ClaimValue::Date("2025-06".to_string()));
        let files = [
            ExtractedFile { document: &fx.document, claims: vec![date, range] },
            ExtractedFile { document: &fx.document, claims: vec![] },
        ];
        let mut out = Vec::new();
        super::super::claims_with(ExtractFormat::Table, &files, &RenderOptions::default(), &mut out)
            .expect("render");
        let out = String::from_utf8(out).expect("utf8");
        assert!(out.starts_with("fixtures/meta.txt\n"), "{out}");
        assert!(out.contains("10..120 USD/month"), "{out}");
        assert!(out.contains("2025-06"), "{out}");
        assert!(out.contains("  no claims"), "{out}");
        assert!(out.ends_with("2 claims\n"), "{out}");
        // Sorted by offset, not by input order.
        assert!(out.find("2:9").expect("2:9") < out.find("3:1 ").expect("3:1"), "{out}");
    }
}
