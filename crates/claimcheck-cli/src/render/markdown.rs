//! `--format markdown` (work in progress: JSON lines for now).

use std::io::Write;

use anyhow::Result;

use super::AuditedFile;

pub fn findings(files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    super::json::lines(files.iter().flat_map(|f| f.findings.iter()), out)
}
