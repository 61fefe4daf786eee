//! `--format json` and `--format jsonl`.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::Claim;
use claimcheck_core::audit::Finding;
use serde::Serialize;

/// One JSON object per line.
pub fn lines<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    let mut lines = LineWriter::new(out);
    for item in items {
        lines.write(item)?;
    }
    lines.finish()
}

/// One JSON object per line, written as items come.
///
/// Items are serialized into a local buffer (a concrete `Vec`, so serde's
/// many small writes inline instead of going through `dyn Write`) that is
/// handed to `out` in large blocks.
pub struct LineWriter<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
    claims: ClaimJson,
}

impl<'w> LineWriter<'w> {
    const BLOCK: usize = 64 * 1024;

    /// Write lines to `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        LineWriter { buf: Vec::with_capacity(Self::BLOCK + 4096), out, claims: ClaimJson::default() }
    }

    /// One item, as one line.
    pub fn write<T: Serialize + ?Sized>(&mut self, item: &T) -> Result<()> {
        serde_json::to_writer(&mut self.buf, item)?;
        self.end_line()
    }

    /// One claim, as one line: the same bytes as [`LineWriter::write`], faster.
    pub fn write_claim(&mut self, claim: &Claim) -> Result<()> {
        self.claims.write(claim, &mut self.buf)?;
        self.end_line()
    }

    /// One finding, as one line: the same bytes as [`LineWriter::write`], faster.
    pub fn write_finding(&mut self, finding: &Finding) -> Result<()> {
        // The fields in `Finding`'s order, as its derived `Serialize` writes them.
        let Finding { file, claim, verdict, fact, message } = finding;
        self.buf.extend_from_slice(b"{\"file\":");
        // The finding's file is its claim's: escaped once per file, like the claim's.
        let file_json = self.claims.file_json(file)?;
        self.buf.extend_from_slice(file_json);
        self.buf.extend_from_slice(b",\"claim\":");
        self.claims.write(claim, &mut self.buf)?;
        self.buf.extend_from_slice(b",\"verdict\":\"");
        self.buf.extend_from_slice(verdict.as_str().as_bytes());
        self.buf.extend_from_slice(b"\",\"fact\":");
        serde_json::to_writer(&mut self.buf, fact)?;
        self.buf.extend_from_slice(b",\"message\":");
        serde_json::to_writer(&mut self.buf, message)?;
        self.buf.push(b'}');
        self.end_line()
    }

    /// End the line; hand the buffer on once a block is full.
    fn end_line(&mut self) -> Result<()> {
        self.buf.push(b'\n');
        if self.buf.len() >= Self::BLOCK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Write what is left in the buffer.
    pub fn finish(mut self) -> Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

/// Findings, one JSON object per line.
pub fn finding_lines<'a>(findings: impl Iterator<Item = &'a Finding>, out: &mut dyn Write) -> Result<()> {
    let mut lines = LineWriter::new(out);
    for finding in findings {
        lines.write_finding(finding)?;
    }
    lines.finish()
}

/// One pretty-printed JSON array.
pub fn array<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    let items: Vec<&T> = items.collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A claim as one JSON object, byte for byte what `serde_json` writes for
/// [`Claim`], but cheaper: the file name and the sentence, which repeat for
/// claim after claim, are escaped once and copied.
#[derive(Default)]
pub struct ClaimJson {
    file: String,
    file_json: Vec<u8>,
    sentence: String,
    sentence_json: Vec<u8>,
}

impl ClaimJson {
    /// `file` as a JSON string, escaped again only when the file changes.
    fn file_json(&mut self, file: &str) -> Result<&[u8]> {
        if self.file_json.is_empty() || self.file != file {
            file.clone_into(&mut self.file);
            self.file_json.clear();
            serde_json::to_writer(&mut self.file_json, file)?;
        }
        Ok(&self.file_json)
    }

    /// Append `claim` as a JSON object (no line break) to `buf`.
    pub fn write(&mut self, claim: &Claim, buf: &mut Vec<u8>) -> Result<()> {
        self.file_json(&claim.file)?;
        if self.sentence_json.is_empty() || self.sentence != claim.sentence {
            self.sentence.clone_from(&claim.sentence);
            self.sentence_json.clear();
            serde_json::to_writer(&mut self.sentence_json, &claim.sentence)?;
        }
        // The fields in `Claim`'s order, as its derived `Serialize` writes them.
        let Claim {
            file: _,
            kind,
            text,
            span,
            value,
            high,
            unit,
            per,
            qualifier,
            hedge,
            subject,
            attribute,
            object,
            period,
            sentence: _,
        } = claim;
        buf.extend_from_slice(b"{\"file\":");
        buf.extend_from_slice(&self.file_json);
        buf.extend_from_slice(b",\"kind\":\"");
        buf.extend_from_slice(kind.as_str().as_bytes());
        buf.extend_from_slice(b"\",\"text\":");
        serde_json::to_writer(&mut *buf, text)?;
        // `Span`'s fields, in order (a new field fails to compile here).
        let claimcheck_core::span::Span { start, end, line, column } = *span;
        buf.extend_from_slice(b",\"span\":{\"start\":");
        serde_json::to_writer(&mut *buf, &start)?;
        buf.extend_from_slice(b",\"end\":");
        serde_json::to_writer(&mut *buf, &end)?;
        buf.extend_from_slice(b",\"line\":");
        serde_json::to_writer(&mut *buf, &line)?;
        buf.extend_from_slice(b",\"column\":");
        serde_json::to_writer(&mut *buf, &column)?;
        buf.push(b'}');
        buf.extend_from_slice(b",\"value\":");
        serde_json::to_writer(&mut *buf, value)?;
        buf.extend_from_slice(b",\"high\":");
        serde_json::to_writer(&mut *buf, high)?;
        buf.extend_from_slice(b",\"unit\":");
        serde_json::to_writer(&mut *buf, unit)?;
        buf.extend_from_slice(b",\"per\":");
        serde_json::to_writer(&mut *buf, per)?;
        buf.extend_from_slice(b",\"qualifier\":\"");
        buf.extend_from_slice(qualifier.as_str().as_bytes());
        buf.extend_from_slice(b"\",\"hedge\":");
        serde_json::to_writer(&mut *buf, hedge)?;
        buf.extend_from_slice(b",\"subject\":");
        serde_json::to_writer(&mut *buf, subject)?;
        buf.extend_from_slice(b",\"attribute\":");
        serde_json::to_writer(&mut *buf, attribute)?;
        buf.extend_from_slice(b",\"object\":");
        serde_json::to_writer(&mut *buf, object)?;
        buf.extend_from_slice(b",\"period\":");
        serde_json::to_writer(&mut *buf, period)?;
        buf.extend_from_slice(b",\"sentence\":");
        buf.extend_from_slice(&self.sentence_json);
        buf.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use claimcheck_core::claim::{ClaimKind, ClaimValue, Qualifier};
    use claimcheck_core::span::Span;

    use super::*;

    fn claim(text: &str, value: ClaimValue, sentence: &str) -> Claim {
        Claim {
            file: "dir/a \"b\"\\c.md".into(),
            kind: ClaimKind::Money,
            text: text.into(),
            span: Span { start: 3, end: 9, line: 1, column: 4 },
            value,
            high: None,
            unit: Some("USD".into()),
            per: None,
            qualifier: Qualifier::AtLeast,
            hedge: None,
            subject: Some("Meta \u{1}".into()),
            attribute: Some("investment".into()),
            object: None,
            period: Some("FY2024".into()),
            sentence: sentence.into(),
        }
    }

    #[test]
    fn claim_json_is_what_serde_writes() {
        let mut cases = vec![
            claim("$14.3 billion", ClaimValue::Number(14.3e9), "Meta paid \"$14.3 billion\"\tin\n2025 — é€"),
            claim("$14.3 billion", ClaimValue::Number(0.1), "Meta paid \"$14.3 billion\"\tin\n2025 — é€"),
            claim("2024", ClaimValue::Date("2024-06".into()), "Another \u{7f}\u{1f} sentence\\."),
            claim("x", ClaimValue::Number(f64::NAN), ""),
            claim("y", ClaimValue::Number(-1e300), ""),
        ];
        cases[1].kind = ClaimKind::Percent;
        cases[1].high = Some(ClaimValue::Number(7.0));
        cases[1].qualifier = Qualifier::Range;
        cases[1].per = Some("year".into());
        cases[1].hedge = Some("reportedly".into());
        cases[1].object = Some("Scale AI".into());
        cases[2].kind = ClaimKind::Date;
        cases[2].file = "other.txt".into();
        let mut cache = ClaimJson::default();
        for c in &cases {
            let mut ours = Vec::new();
            cache.write(c, &mut ours).expect("a claim serializes");
            let theirs = serde_json::to_vec(c).expect("a claim serializes");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }

    #[test]
    fn finding_json_is_what_serde_writes() {
        use claimcheck_core::audit::{FactRef, Verdict};
        use claimcheck_core::ledger::{FactValue, Rank};
        let fact = FactRef {
            id: "meta-\"scale\"".into(),
            entity: "Meta".into(),
            attribute: "investment".into(),
            object: Some("Scale AI\n".into()),
            value: FactValue::Number(14.3e9),
            unit: Some("USD".into()),
            period: None,
            source: "https://example.com/a?b=\\c".into(),
            rank: Rank::Disputed,
        };
        let base =
            claim("$14.3 billion", ClaimValue::Number(14.3e9), "Meta paid \"$14.3 billion\"\tin\n2025 — é€");
        let mut findings = vec![
            Finding {
                file: base.file.clone(),
                claim: base.clone(),
                verdict: Verdict::Contradicted,
                fact: Some(fact.clone()),
                message: "article says \"$14.3 billion\"; ledger says \u{1}".into(),
            },
            Finding {
                file: "other \u{7f}.txt".into(),
                claim: base,
                verdict: Verdict::Unverified,
                fact: None,
                message: String::new(),
            },
        ];
        let mut ranged = findings[0].clone();
        ranged.verdict = Verdict::Disputed;
        ranged.fact = Some(FactRef {
            value: FactValue::Range(1.5, 2.0),
            period: Some("2024-Q4".into()),
            ..fact.clone()
        });
        findings.push(ranged);
        let mut dated = findings[0].clone();
        dated.verdict = Verdict::Supported;
        dated.fact =
            Some(FactRef { value: FactValue::Date("2025-06".into()), rank: Rank::Deprecated, ..fact });
        findings.push(dated);
        let mut ours = Vec::new();
        finding_lines(findings.iter(), &mut ours).expect("findings serialize");
        let mut theirs = Vec::new();
        lines(findings.iter(), &mut theirs).expect("findings serialize");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }
}
