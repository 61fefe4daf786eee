//! `--format markdown`: a GitHub-flavoured table per file, to paste into a
//! pull request, then the summary line.

use std::io::Write;

use anyhow::Result;

use super::{AuditedFile, Summary, clean, fact_value};

/// Make text safe inside a GFM table cell: line breaks become spaces, and
/// `|` plus the characters that start Markdown or HTML markup are
/// backslash-escaped, so article text shows as typed and cannot add links,
/// images or HTML.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        if matches!(c, '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '#' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out.trim().to_string()
}

pub fn findings(files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    for file in files {
        writeln!(out, "### {}\n", cell(&file.document.path))?;
        if file.findings.is_empty() {
            writeln!(out, "No claims.\n")?;
            continue;
        }
        writeln!(out, "| Location | Claim | Verdict | Ledger value | Source | Message |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for f in super::sorted_findings(&file.findings) {
            let (value, source) = match &f.fact {
                Some(fact) => (cell(&fact_value(fact)), cell(&fact.source)),
                None => (String::new(), String::new()),
            };
            writeln!(
                out,
                "| {}:{} | {} | **{}** | {} | {} | {} |",
                f.claim.span.line,
                f.claim.span.column,
                cell(&f.claim.text),
                f.verdict.as_str(),
                value,
                source,
                cell(&f.message),
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", Summary::of(files))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;

    use super::super::fixture::*;
    use super::*;
    use crate::args::AuditFormat;

    #[test]
    fn one_table_per_file_and_a_summary() {
        let fx = mixed();
        let out = render(AuditFormat::Markdown, &[fx.audited()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "### fixtures/meta.txt");
        assert_eq!(lines[2], "| Location | Claim | Verdict | Ledger value | Source | Message |");
        assert!(
            lines[4].starts_with(
                "| 1:15 | $14 billion | **contradicted** | $14.3 billion (2025-06) | https://example.com/scale |"
            ),
            "{}",
            lines[4]
        );
        assert!(lines[6].contains("| **unverified** |  |  |"), "{}", lines[6]);
        assert_eq!(
            lines.last().copied(),
            Some("4 claims: 1 contradicted, 1 disputed, 1 unverified, 1 supported")
        );
    }

    #[test]
    fn pipes_newlines_and_markup_are_escaped() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(cell("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(cell("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        let mut fx = Fixture::new("a|b.md", "It cost $1 | $2\nbillion.\n");
        fx.finding("$1 | $2\nbillion", 1e9, Verdict::Unverified, None);
        let out = render(AuditFormat::Markdown, &[fx.audited()]);
        let row = out.lines().nth(4).expect("row");
        let unescaped = row.char_indices().filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\')).count();
        assert_eq!(unescaped, 7, "{row}");
        assert!(row.contains("$1 \\| $2 billion"), "{row}");
        assert!(out.starts_with("### a\\|b.md\n"), "{out}");
    }
}
