//! `--format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request.
//!
//! `::error` for contradicted, `::warning` for disputed, `::notice` for
//! unverified; supported claims print nothing.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::audit::Verdict;
use claimcheck_core::span::LineIndex;

use super::{AuditedFile, end_line_col};

/// Escape the message part of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value (`file=...`): also `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Workflow command names per verdict.
fn command(v: Verdict) -> Option<&'static str> {
    match v {
        Verdict::Contradicted => Some("error"),
        Verdict::Disputed => Some("warning"),
        Verdict::Unverified => Some("notice"),
        Verdict::Supported => None,
    }
}

pub fn findings(files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    for file in files {
        let index = LineIndex::new(&file.document.source);
        for f in super::sorted_findings(&file.findings) {
            let Some(cmd) = command(f.verdict) else { continue };
            let span = &f.claim.span;
            let (end_line, end_col) = end_line_col(file.document, &index, &f.claim);
            let mut props = format!(
                "file={},line={},col={}",
                escape_property(&file.document.path.replace('\\', "/")),
                span.line,
                span.column
            );
            if end_line == span.line {
                props.push_str(&format!(",endColumn={end_col}"));
            } else {
                props.push_str(&format!(",endLine={end_line},endColumn={end_col}"));
            }
            let title = format!("claimcheck {}", f.verdict.as_str());
            writeln!(out, "::{cmd} {props},title={}::{}", escape_property(&title), escape_data(&f.message))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;

    use super::super::fixture::*;
    use super::*;
    use crate::args::AuditFormat;

    #[test]
    fn one_command_per_non_supported_finding() {
        let fx = mixed();
        let out = render(AuditFormat::Github, &[fx.audited()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!(
            lines[0],
            "::error file=fixtures/meta.txt,line=1,col=15,endColumn=26,title=claimcheck contradicted::\
             article says $14 billion; ledger says 14300000000 (source https://example.com/scale)"
        );
        assert!(lines[1].starts_with("::warning file=fixtures/meta.txt,line=2,col=9,endColumn=19,"));
        assert!(lines[2].starts_with("::notice "));
    }

    #[test]
    fn escapes_per_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        let mut fx = Fixture::new("dir,x/a:b.txt", "Revenue was $3\nbillion.\n");
        let f = fx.finding("$3\nbillion", 3e9, Verdict::Contradicted, Some((4e9, "x")));
        f.message = "line one\n::error::injected 100%".to_string();
        let out = render(AuditFormat::Github, &[fx.audited()]);
        assert_eq!(
            out,
            "::error file=dir%2Cx/a%3Ab.txt,line=1,col=13,endLine=2,endColumn=8,title=claimcheck contradicted::\
             line one%0A::error::injected 100%25\n"
        );
    }
}
