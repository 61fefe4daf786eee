//! Output formats. Each format lives in its own file.

mod json;

use std::io::Write;

use anyhow::Result;
use claimcheck_core::Claim;
use claimcheck_core::input::Document;

use crate::args::ExtractFormat;

/// The claims of one input file, with the file for context.
pub struct ExtractedFile<'a> {
    pub document: &'a Document,
    pub claims: Vec<Claim>,
}

/// Print claims in the chosen format.
pub fn claims(format: ExtractFormat, files: &[ExtractedFile<'_>], out: &mut dyn Write) -> Result<()> {
    let all = files.iter().flat_map(|f| f.claims.iter());
    match format {
        ExtractFormat::Jsonl | ExtractFormat::Table | ExtractFormat::Csv => json::lines(all, out),
        ExtractFormat::Json => json::array(all, out),
    }
}

/// The findings of one audited file, with the file for context (the HTML
/// report and the diagnostics show the source text).
pub struct AuditedFile<'a> {
    pub document: &'a Document,
    pub findings: Vec<claimcheck_core::audit::Finding>,
}

/// Print audit findings in the chosen format.
pub fn findings(
    format: crate::args::AuditFormat,
    files: &[AuditedFile<'_>],
    out: &mut dyn Write,
) -> Result<()> {
    let all = files.iter().flat_map(|f| f.findings.iter());
    match format {
        crate::args::AuditFormat::Json => json::array(all, out),
        _ => json::lines(all, out),
    }
}
