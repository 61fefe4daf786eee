//! Reviewed findings: inline ignore markers in an article's source, and
//! stable fingerprints for the ledger's list of reviewed findings.
//!
//! Markers are HTML comments (they work in Markdown and HTML alike):
//!
//! - `<!-- claimcheck-ignore-next -->` (or `<!-- claimcheck-ignore: reason -->`)
//!   suppresses findings whose claim starts on the next non-empty line (the
//!   rest of the marker's own line counts when text follows the marker);
//! - `<!-- claimcheck-ignore-start -->` … `<!-- claimcheck-ignore-end -->`
//!   suppresses a region.
//!
//! Fingerprints hash what a finding *is* (file, claim text, verdict, fact),
//! never where it sits, so edits elsewhere in the article keep them valid.

use std::ops::Range;

use crate::audit::Finding;

/// A region of the source whose claims are suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Byte range of the source; a claim that starts inside it is suppressed.
    pub range: Range<usize>,
    /// The reason given after a colon in the marker, if any.
    pub reason: Option<String>,
    /// Byte offset of the marker comment.
    pub marker: usize,
}

/// A marker that could not be paired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerProblem {
    /// Byte offset of the marker comment.
    pub offset: usize,
    /// What is wrong, e.g. "`claimcheck-ignore-end` without a start".
    pub message: String,
}

/// The ignore markers of one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markers {
    /// Suppressed regions, in source order.
    pub suppressions: Vec<Suppression>,
    /// Unpaired markers (an unclosed start still suppresses to the end).
    pub problems: Vec<MarkerProblem>,
}

impl Markers {
    /// True when a claim starting at byte `offset` is suppressed.
    pub fn suppresses(&self, offset: usize) -> bool {
        self.suppressions.iter().any(|s| s.range.contains(&offset))
    }
}

/// What a marker comment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Next,
    Start,
    End,
}

/// Parse a comment body: `claimcheck-ignore-next`, `claimcheck-ignore: why`, ...
fn parse_marker(body: &str) -> Option<(Marker, Option<String>)> {
    let body = body.trim();
    let rest = body.strip_prefix("claimcheck-ignore")?;
    let (kind, rest) = if let Some(r) = rest.strip_prefix("-next") {
        (Marker::Next, r)
    } else if let Some(r) = rest.strip_prefix("-start") {
        (Marker::Start, r)
    } else if let Some(r) = rest.strip_prefix("-end") {
        (Marker::End, r)
    } else {
        (Marker::Next, rest)
    };
    let rest = rest.trim_start();
    let reason = if rest.is_empty() {
        None
    } else {
        let r = rest.strip_prefix(':')?.trim();
        (!r.is_empty()).then(|| r.to_string())
    };
    Some((kind, reason))
}

/// The range a `-next` marker ending at `after` covers: from the marker to
/// the end of the first line after it that holds something other than
/// whitespace.
fn next_line(source: &str, after: usize) -> Range<usize> {
    let rest = source.get(after..).unwrap_or("");
    let first = rest.len() - rest.trim_start().len();
    let end = rest[first..].find('\n').map_or(source.len(), |i| after + first + i);
    after..end
}

/// Find every ignore marker in `source` (the article as given, markup included).
pub fn scan_markers(source: &str) -> Markers {
    let mut out = Markers::default();
    let mut open: Option<(usize, usize, Option<String>)> = None;
    let mut pos = 0;
    while let Some(i) = source.get(pos..).and_then(|s| s.find("<!--")) {
        let start = pos + i;
        let body_start = start + 4;
        let Some(j) = source[body_start..].find("-->") else { break };
        let body_end = body_start + j;
        let end = body_end + 3;
        pos = end;
        let Some((kind, reason)) = parse_marker(&source[body_start..body_end]) else { continue };
        match kind {
            Marker::Next => {
                out.suppressions.push(Suppression { range: next_line(source, end), reason, marker: start })
            }
            Marker::Start => {
                if let Some((at, ..)) = open {
                    out.problems.push(MarkerProblem {
                        offset: start,
                        message: format!("`claimcheck-ignore-start` inside the region opened at byte {at}"),
                    });
                } else {
                    open = Some((start, end, reason));
                }
            }
            Marker::End => match open.take() {
                Some((marker, from, reason)) => {
                    out.suppressions.push(Suppression { range: from..start, reason, marker });
                }
                None => out.problems.push(MarkerProblem {
                    offset: start,
                    message: "`claimcheck-ignore-end` without a `claimcheck-ignore-start`".to_string(),
                }),
            },
        }
    }
    if let Some((marker, from, reason)) = open {
        out.problems.push(MarkerProblem {
            offset: marker,
            message: "`claimcheck-ignore-start` is never closed; it suppresses to the end of the file"
                .to_string(),
        });
        out.suppressions.push(Suppression { range: from..source.len(), reason, marker });
    }
    out.suppressions.sort_by_key(|s| (s.range.start, s.range.end));
    out
}

/// 64-bit FNV-1a: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    use crate::extract::{FNV_OFFSET, fnv_step};
    bytes.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b))
}

/// Claim text as fingerprinted: whitespace runs become one space, trimmed,
/// lowercased (so re-wrapping a paragraph keeps the fingerprint).
pub fn normalize_claim_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A path as fingerprinted: forward slashes, no leading `./`.
fn normalize_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(r) = s.strip_prefix("./") {
        s = r;
    }
    s.to_string()
}

/// The fingerprint of a finding: 16 lowercase hex digits of the FNV-1a
/// 64-bit hash of `path`, the normalized claim text, the verdict and the
/// fact id (empty when none), joined by the unit separator U+001F.
pub fn fingerprint(finding: &Finding) -> String {
    fingerprint_parts(
        &finding.file,
        &finding.claim.text,
        finding.verdict.as_str(),
        finding.fact.as_ref().map(|f| f.id.as_str()),
    )
}

/// [`fingerprint`] from its parts.
pub fn fingerprint_parts(path: &str, claim_text: &str, verdict: &str, fact_id: Option<&str>) -> String {
    let key = [
        normalize_path(path).as_str(),
        normalize_claim_text(claim_text).as_str(),
        verdict,
        fact_id.unwrap_or(""),
    ]
    .join("\u{1f}");
    format!("{:016x}", fnv1a64(key.as_bytes()))
}

/// One row of `reviewed.csv`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Reviewed {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Why the finding is accepted.
    #[serde(default)]
    pub reason: String,
    /// Who reviewed it.
    #[serde(default)]
    pub reviewer: String,
    /// When.
    #[serde(default)]
    pub date: String,
}

/// A problem reading `reviewed.csv`.
#[derive(Debug, thiserror::Error)]
#[error("{line}: {message}")]
pub struct ReviewedError {
    /// 1-based line of the problem.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// Read the rows of a `reviewed.csv` (`fingerprint,reason,reviewer,date`).
pub fn parse_reviewed(text: &str) -> Result<Vec<Reviewed>, ReviewedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| ReviewedError { line: 1, message: e.to_string() })?.clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReviewedError {
            line: e.position().map_or(1, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(1, csv::Position::line);
        let row: Reviewed =
            record.deserialize(Some(&headers)).map_err(|e| ReviewedError { line, message: e.to_string() })?;
        let fp = row.fingerprint.to_ascii_lowercase();
        if fp.len() != 16 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ReviewedError {
                line,
                message: format!("`{}` is not a fingerprint (16 hex digits)", row.fingerprint),
            });
        }
        out.push(Reviewed { fingerprint: fp, ..row });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(source: &str) -> Vec<&str> {
        scan_markers(source).suppressions.iter().map(|s| &source[s.range.clone()]).collect()
    }

    #[test]
    fn markers_and_what_they_cover() {
        let cases: &[(&str, &[&str])] = &[
            ("<!-- claimcheck-ignore-next -->\nA $5 claim.\nB $6.\n", &["\nA $5 claim."]),
            ("<!-- claimcheck-ignore-next -->\n\n  \nA $5.\nB\n", &["\n\n  \nA $5."]),
            ("x <!-- claimcheck-ignore-next --> A $5.\nB\n", &[" A $5."]),
            ("<!--claimcheck-ignore: old figure-->\nA", &["\nA"]),
            ("<!-- claimcheck-ignore-start -->\nA\nB\n<!-- claimcheck-ignore-end -->\nC", &["\nA\nB\n"]),
            ("<!-- claimcheck-ignore-next -->", &[""]),
            ("<!-- a comment -->\nA", &[]),
            ("<!-- claimcheck-ignored -->\nA", &[]),
            ("<!-- claimcheck-ignore-next", &[]),
        ];
        for (source, want) in cases {
            assert_eq!(covered(source), *want, "{source:?}");
        }
    }

    #[test]
    fn reasons_and_problems() {
        let m = scan_markers("<!-- claimcheck-ignore-start: reviewed by ed -->\nA");
        assert_eq!(m.suppressions[0].reason.as_deref(), Some("reviewed by ed"));
        assert_eq!(m.suppressions[0].range.end, m.suppressions[0].range.start + 2);
        assert_eq!(m.problems.len(), 1, "unclosed start");
        let m = scan_markers("A <!-- claimcheck-ignore-end -->");
        assert!(m.suppressions.is_empty());
        assert_eq!(m.problems[0].offset, 2);
        assert!(!m.suppresses(1));
    }

    #[test]
    fn suppresses_by_offset() {
        let src = "A $1.\n<!-- claimcheck-ignore-next -->\nB $2.\nC $3.\n";
        let m = scan_markers(src);
        assert!(!m.suppresses(src.find("$1").unwrap_or(0)));
        assert!(m.suppresses(src.find("$2").unwrap_or(0)));
        assert!(!m.suppresses(src.find("$3").unwrap_or(0)));
    }

    #[test]
    fn utf8_and_crlf_never_panic() {
        for s in [
            "é<!--",
            "<!-- claimcheck-ignore-next -->é",
            "<!--→-->",
            "<!-- claimcheck-ignore-next -->\r\nÄ $5\r\nB",
        ] {
            let m = scan_markers(s);
            for sup in &m.suppressions {
                assert!(s.get(sup.range.clone()).is_some(), "{s:?}");
            }
        }
    }

    #[test]
    fn fnv1a_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_ignores_layout_not_meaning() {
        let base = fingerprint_parts("news/a.md", "$14 billion", "contradicted", Some("meta-scale"));
        assert_eq!(base.len(), 16);
        assert_eq!(
            base,
            fingerprint_parts("./news/a.md", "$14\n billion", "contradicted", Some("meta-scale"))
        );
        assert_eq!(base, fingerprint_parts("news\\a.md", "$14 Billion", "contradicted", Some("meta-scale")));
        assert_ne!(base, fingerprint_parts("news/a.md", "$14 billion", "disputed", Some("meta-scale")));
        assert_ne!(base, fingerprint_parts("news/a.md", "$14 billion", "contradicted", None));
        assert_ne!(base, fingerprint_parts("news/b.md", "$14 billion", "contradicted", Some("meta-scale")));
    }

    #[test]
    fn reviewed_csv() {
        let rows =
            parse_reviewed("\u{feff}fingerprint,reason,reviewer,date\n0123456789ABCDEF,ok,ed,2025-08-22\n")
                .expect("parses");
        assert_eq!(rows[0].fingerprint, "0123456789abcdef");
        assert_eq!(rows[0].reviewer, "ed");
        let e = parse_reviewed("fingerprint,reason\nxyz,no\n").expect_err("bad fingerprint");
        assert_eq!(e.line, 2);
        assert!(parse_reviewed("fingerprint\n").expect("empty").is_empty());
    }
}
