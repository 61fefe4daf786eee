//! `--summary`: counts only, one line per file and a total.
//!
//! Text: `path: 5 claims: 1 contradicted, ...` and `total (2 files): ...`.
//! With `--format json`/`jsonl`: one JSON object per line, `{"file": ...}`
//! per file and `{"files": N, ...}` for the total (keys sorted), easy to
//! add up across shards (see `docs/scale.md`).

use std::io::Write;

use anyhow::Result;
use claimcheck_core::{Claim, ClaimKind};
use serde_json::{Map, Value, json};

use super::{AuditedFile, Summary};

/// Per-kind claim counts, in `ClaimKind::ALL` order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts(pub [usize; ClaimKind::ALL.len()]);

impl KindCounts {
    /// Count the kinds of `claims`.
    pub fn of(claims: &[Claim]) -> Self {
        let mut k = KindCounts::default();
        for c in claims {
            if let Some(i) = ClaimKind::ALL.iter().position(|x| *x == c.kind) {
                k.0[i] += 1;
            }
        }
        k
    }

    /// Count one claim of `kind`.
    pub fn count(&mut self, kind: ClaimKind) {
        if let Some(i) = ClaimKind::ALL.iter().position(|x| *x == kind) {
            self.0[i] += 1;
        }
    }

    /// Add another file's counts.
    pub fn add(&mut self, other: &KindCounts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    fn total(&self) -> usize {
        self.0.iter().sum()
    }

    fn text(&self) -> String {
        let n = self.total();
        let kinds: Vec<String> =
            ClaimKind::ALL.iter().zip(self.0).map(|(k, c)| format!("{c} {}", k.as_str())).collect();
        format!("{n} {}: {}", if n == 1 { "claim" } else { "claims" }, kinds.join(", "))
    }

    fn json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("claims".into(), json!(self.total()));
        for (k, c) in ClaimKind::ALL.iter().zip(self.0) {
            m.insert(k.as_str().into(), json!(c));
        }
        m
    }
}

/// The verdict counts of one audited file.
pub fn of_audited(file: &AuditedFile<'_>) -> Summary {
    Summary::of(std::slice::from_ref(file))
}

/// Add `b` to `a`.
pub fn add(a: &mut Summary, b: &Summary) {
    a.contradicted += b.contradicted;
    a.disputed += b.disputed;
    a.unverified += b.unverified;
    a.supported += b.supported;
}

fn verdict_json(s: &Summary) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("claims".into(), json!(s.total()));
    for v in claimcheck_core::audit::Verdict::ALL {
        m.insert(v.as_str().into(), json!(s.count(v)));
    }
    m
}

fn line(json: bool, label: Value, counts: Map<String, Value>, text: &str, out: &mut dyn Write) -> Result<()> {
    if json {
        let mut m = Map::new();
        match label {
            Value::String(_) => m.insert("file".into(), label),
            n => m.insert("files".into(), n),
        };
        m.extend(counts);
        serde_json::to_writer(&mut *out, &m)?;
        writeln!(out)?;
    } else {
        match label {
            Value::String(f) => writeln!(out, "{}: {text}", super::clean(&f))?,
            n => writeln!(out, "total ({n} {}): {text}", if n == json!(1) { "file" } else { "files" })?,
        }
    }
    Ok(())
}

/// One file's verdict counts.
pub fn audit_file(json: bool, file: &str, s: &Summary, out: &mut dyn Write) -> Result<()> {
    line(json, Value::String(file.to_string()), verdict_json(s), &s.to_string(), out)
}

/// The verdict counts over all files.
pub fn audit_total(json: bool, files: usize, s: &Summary, out: &mut dyn Write) -> Result<()> {
    line(json, json!(files), verdict_json(s), &s.to_string(), out)
}

/// One file's claim counts by kind.
pub fn extract_file(json: bool, file: &str, k: &KindCounts, out: &mut dyn Write) -> Result<()> {
    line(json, Value::String(file.to_string()), k.json(), &k.text(), out)
}

/// The claim counts by kind over all files.
pub fn extract_total(json: bool, files: usize, k: &KindCounts, out: &mut dyn Write) -> Result<()> {
    line(json, json!(files), k.json(), &k.text(), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_lines() {
        let s = Summary { contradicted: 1, supported: 2, ..Summary::default() };
        let mut out = Vec::new();
        audit_file(false, "a.txt", &s, &mut out).expect("render");
        audit_total(false, 1, &s, &mut out).expect("render");
        audit_total(true, 2, &s, &mut out).expect("render");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "a.txt: 3 claims: 1 contradicted, 0 disputed, 0 unverified, 2 supported\n\
             total (1 file): 3 claims: 1 contradicted, 0 disputed, 0 unverified, 2 supported\n\
             {\"claims\":3,\"contradicted\":1,\"disputed\":0,\"files\":2,\"supported\":2,\"unverified\":0}\n"
        );
    }
}
