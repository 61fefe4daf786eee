//! `--format json` and `--format jsonl`.

use std::io::Write;

use anyhow::Result;
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
}

impl<'w> LineWriter<'w> {
    const BLOCK: usize = 64 * 1024;

    /// Write lines to `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        LineWriter { buf: Vec::with_capacity(Self::BLOCK + 4096), out }
    }

    /// One item, as one line.
    pub fn write<T: Serialize + ?Sized>(&mut self, item: &T) -> Result<()> {
        serde_json::to_writer(&mut self.buf, item)?;
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

/// One pretty-printed JSON array.
pub fn array<'a, T: Serialize + 'a>(items: impl Iterator<Item = &'a T>, out: &mut dyn Write) -> Result<()> {
    let items: Vec<&T> = items.collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")?;
    Ok(())
}
