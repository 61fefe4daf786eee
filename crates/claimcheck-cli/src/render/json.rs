//! `--format json` and `--format jsonl`.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

/// One JSON object per line.
///
/// Items are serialized into a local buffer (a concrete `Vec`, so serde's
/// many small writes inline instead of going through `dyn Write`) that is
/// handed to `out` in large blocks.
pub fn lines<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    const BLOCK: usize = 64 * 1024;
    let mut buf = Vec::with_capacity(BLOCK + 4096);
    for item in items {
        serde_json::to_writer(&mut buf, item)?;
        buf.push(b'\n');
        if buf.len() >= BLOCK {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// One pretty-printed JSON array.
pub fn array<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    let items: Vec<&T> = items.collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")?;
    Ok(())
}
