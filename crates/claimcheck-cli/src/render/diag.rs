//! `--format diag`: rustc-style annotated diagnostics (annotate-snippets) for
//! contradicted claims (errors) and disputed ones (warnings), then the summary.

use std::io::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anyhow::Result;
use claimcheck_core::audit::{Finding, Verdict};
use claimcheck_core::input::Document;

use super::{AuditedFile, RenderOptions, Summary, clean, fact_value, is_unsafe_char, rank_str};

/// The whole lines of `source` that hold `span`, with control characters
/// replaced, and the span moved to match. `None` when the span does not fit
/// the source (a bug upstream; the finding is then shown without a snippet).
fn excerpt(source: &str, span: Range<usize>) -> Option<(String, Range<usize>)> {
    if span.start > span.end || source.get(span.clone()).is_none() {
        return None;
    }
    let first = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let last = source[span.end..].find('\n').map_or(source.len(), |i| span.end + i);
    let mut text = String::with_capacity(last - first);
    let (mut start, mut end) = (0, 0);
    for (i, c) in source[first..last].char_indices() {
        let at = first + i;
        if at == span.start {
            start = text.len();
        }
        if at == span.end {
            end = text.len();
        }
        match c {
            '\n' => text.push('\n'),
            '\r' => {}
            c if is_unsafe_char(c) => text.push(' '),
            c => text.push(c),
        }
    }
    if span.end == last {
        end = text.len();
    }
    if span.start == last {
        start = text.len();
    }
    Some((text, start..end.max(start)))
}

fn label(f: &Finding) -> String {
    match (&f.fact, f.verdict) {
        (Some(fact), Verdict::Disputed) => format!("disputed; ledger has {}", fact_value(fact)),
        (Some(fact), _) => format!("ledger says {}", fact_value(fact)),
        (None, _) => f.verdict.as_str().to_string(),
    }
}

fn render_one(document: &Document, f: &Finding, renderer: &Renderer) -> String {
    let level = if f.verdict == Verdict::Contradicted { Level::ERROR } else { Level::WARNING };
    let title = clean(&f.message);
    let path = clean(&document.path);
    let label = clean(&label(f));
    let span = f.claim.span;
    let mut group = Group::with_title(level.primary_title(title));
    if let Some((text, range)) = excerpt(&document.source, span.start..span.end) {
        group = group.element(
            Snippet::source(text)
                .line_start(span.line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(range).label(label)),
        );
    } else {
        group = group.element(annotate_snippets::Origin::path(path).line(span.line).char_column(span.column));
    }
    if let Some(fact) = &f.fact {
        let mut what = format!("{} {}", fact.entity, fact.attribute);
        if let Some(object) = &fact.object {
            what.push(' ');
            what.push_str(object);
        }
        group = group
            .element(Level::NOTE.message(clean(&format!(
                "ledger fact `{}` ({what}) = {}, rank {}",
                fact.id,
                fact_value(fact),
                rank_str(fact.rank)
            ))))
            .element(Level::HELP.message(clean(&format!("source: {}", fact.source))));
    }
    renderer.render(&[group])
}

pub fn findings(files: &[AuditedFile<'_>], options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    for file in files {
        for f in super::sorted_findings(&file.findings) {
            if matches!(f.verdict, Verdict::Contradicted | Verdict::Disputed) {
                writeln!(out, "{}\n", render_one(file.document, f, &renderer))?;
            }
        }
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
    fn contradicted_is_an_error_with_the_source_line_underlined() {
        let fx = mixed();
        let out = render(AuditFormat::Diag, &[fx.audited()]);
        let want = "\
error: article says $14 billion; ledger says 14300000000 (source https://example.com/scale)
 --> fixtures/meta.txt:1:15
  |
1 | Meta invested $14 billion in Scale AI.
  |               ^^^^^^^^^^^ ledger says $14.3 billion (2025-06)
  |
  = note: ledger fact `fact-1` (Meta investment Scale AI) = $14.3 billion (2025-06), rank preferred
  = help: source: https://example.com/scale
";
        assert!(out.starts_with(want), "{out}");
        assert!(out.contains("warning: article says $2 billion"), "{out}");
        assert!(out.contains(" --> fixtures/meta.txt:2:9"), "{out}");
        assert!(!out.contains("$9 billion"), "unverified findings are not diagnostics: {out}");
        assert!(!out.contains("$5 billion"), "supported findings are not diagnostics: {out}");
        assert!(
            out.ends_with("\n4 claims: 1 contradicted, 1 disputed, 1 unverified, 1 supported\n"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'));
    }

    #[test]
    fn excerpt_handles_crlf_multiline_and_escapes() {
        let src = "a\r\nb $1\u{1b}[0m\r\nbillion\r\nc";
        let start = src.find('$').expect("$");
        let end = src.find("billion").expect("billion") + "billion".len();
        let (text, range) = excerpt(src, start..end).expect("fits");
        assert_eq!(text, "b $1 [0m\nbillion");
        assert_eq!(&text[range], "$1 [0m\nbillion");
        assert_eq!(excerpt(src, 2..200), None);
        assert_eq!(excerpt("x", 1..1), Some(("x".to_string(), 1..1)));
    }

    #[test]
    fn multiline_claim_renders_without_panic() {
        let mut fx = Fixture::new("a.txt", "first\r\nIt paid $3\r\nbillion.\r\n");
        fx.finding("$3\r\nbillion", 3e9, Verdict::Contradicted, Some((4e9, "s")));
        let out = render(AuditFormat::Diag, &[fx.audited()]);
        assert!(out.contains(" --> a.txt:2:9"), "{out}");
        assert!(out.contains("3 | | billion."), "{out}");
    }
}
