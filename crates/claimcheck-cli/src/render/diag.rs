//! `--format diag` (work in progress: JSON lines for now).

use std::io::Write;

use anyhow::Result;

use super::{AuditedFile, RenderOptions};

pub fn findings(files: &[AuditedFile<'_>], _options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    super::json::lines(files.iter().flat_map(|f| f.findings.iter()), out)
}
