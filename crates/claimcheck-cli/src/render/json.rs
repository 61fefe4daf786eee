//! `--format json` and `--format jsonl`.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

/// One JSON object per line.
pub fn lines<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One pretty-printed JSON array.
pub fn array<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    let items: Vec<&T> = items.collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")?;
    Ok(())
}
