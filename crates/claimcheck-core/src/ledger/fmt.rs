//! `ledger fmt`: the canonical form of a ledger file.
//!
//! Canonical means: the full header in [`COLUMNS`] order (columns the
//! ledger does not know are kept, after them); rows sorted by entity,
//! attribute, object, period, rank (then value and id, so the order is
//! total); values, periods, qualifiers, tolerances and ranks written one way;
//! ids filled in where empty. Every cell is kept, and the file keeps its BOM
//! and line ending style. Formatting is idempotent.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::error::LedgerError;
use super::read::{self, COLUMNS, Columns, Table};
use super::value;

/// What a CSV file of the ledger holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Facts (the canonical columns).
    Facts,
    /// `aliases.csv`: `alias,entity`.
    Aliases,
    /// `attributes.csv`: `synonym,attribute`.
    Attributes,
}

impl FileKind {
    /// The kind of a ledger file, by name.
    pub fn of(path: &Path) -> FileKind {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("aliases.csv") => FileKind::Aliases,
            Some("attributes.csv") => FileKind::Attributes,
            _ => FileKind::Facts,
        }
    }

    /// The kind of a file by its header (for merge, where names are temp files).
    pub fn of_header(header: &[String]) -> FileKind {
        let has = |n: &str| header.iter().any(|h| h == n);
        if has("alias") && has("entity") && !has("value") {
            FileKind::Aliases
        } else if has("synonym") && has("attribute") && !has("value") {
            FileKind::Attributes
        } else {
            FileKind::Facts
        }
    }

    fn pair(self) -> Option<(&'static str, &'static str)> {
        match self {
            FileKind::Facts => None,
            FileKind::Aliases => Some(("alias", "entity")),
            FileKind::Attributes => Some(("synonym", "attribute")),
        }
    }
}

/// A file in canonical column order, ready to be sorted and written.
#[derive(Debug, Clone)]
pub struct FmtTable {
    /// What the file holds.
    pub kind: FileKind,
    /// Write a BOM.
    pub bom: bool,
    /// Write CRLF line ends.
    pub crlf: bool,
    /// The header, canonical columns first.
    pub header: Vec<String>,
    /// Rows, cells in `header` order.
    pub rows: Vec<Vec<String>>,
}

impl FmtTable {
    /// Rearrange a parsed table into canonical column order.
    pub fn new(table: &Table, kind: FileKind) -> FmtTable {
        let (order, header): (Vec<Option<usize>>, Vec<String>) = match kind.pair() {
            None => {
                let cols = Columns::new(&table.header);
                let mut extra: Vec<usize> = cols.unknown.iter().chain(&cols.repeated).copied().collect();
                extra.sort_unstable();
                let mut order: Vec<Option<usize>> = cols.idx.to_vec();
                let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
                for i in extra {
                    order.push(Some(i));
                    header.push(table.header[i].clone());
                }
                (order, header)
            }
            Some((l, r)) => {
                let find = |n: &str| table.header.iter().position(|h| h == n);
                let mut order = vec![find(l), find(r)];
                let mut header = vec![l.to_owned(), r.to_owned()];
                for (i, h) in table.header.iter().enumerate() {
                    if Some(i) != order[0] && Some(i) != order[1] {
                        order.push(Some(i));
                        header.push(h.clone());
                    }
                }
                (order, header)
            }
        };
        let rows = (0..table.len())
            .map(|row| {
                order.iter().map(|i| i.map_or_else(String::new, |i| table.cell(row, i).to_owned())).collect()
            })
            .collect();
        FmtTable { kind, bom: table.bom, crlf: table.crlf, header, rows }
    }

    /// Ids in use in this file.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let facts = self.kind == FileKind::Facts;
        self.rows.iter().filter(move |_| facts).map(|r| r[read::ID].trim()).filter(|id| !id.is_empty())
    }

    /// Canonicalize cells, sort rows and (when `taken` is given) fill empty ids,
    /// unique against `taken` (which collects the new ids too).
    pub fn canonicalize(&mut self, taken: Option<&mut HashSet<String>>) {
        for row in &mut self.rows {
            for cell in row.iter_mut() {
                let t = cell.trim();
                if t.len() != cell.len() {
                    *cell = t.to_owned();
                }
            }
            if self.kind == FileKind::Facts {
                canonical_cells(row);
            }
        }
        self.sort();
        if self.kind == FileKind::Facts
            && let Some(taken) = taken
            && self.rows.iter().any(|r| r[read::ID].is_empty())
        {
            for row in &mut self.rows {
                if row[read::ID].is_empty() {
                    row[read::ID] = unique_id(&slug(row), taken);
                }
            }
            self.sort();
        }
    }

    fn sort(&mut self) {
        match self.kind {
            FileKind::Facts => self.rows.sort_by_cached_key(|r| {
                let rank = value::parse_rank(&r[read::RANK]).map_or(4, |r| r as u8);
                (
                    r[read::ENTITY].to_lowercase(),
                    r[read::ATTRIBUTE].to_lowercase(),
                    r[read::OBJECT].to_lowercase(),
                    r[read::PERIOD].clone(),
                    rank,
                    r[read::VALUE].clone(),
                    r.clone(),
                )
            }),
            _ => self.rows.sort_by_cached_key(|r| (r[1].to_lowercase(), r[0].to_lowercase(), r.clone())),
        }
    }

    /// The CSV text.
    pub fn render(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(if self.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::with_capacity(self.rows.len() * 128));
        let mut ok = w.write_record(&self.header).is_ok();
        for row in &self.rows {
            ok &= w.write_record(row).is_ok();
        }
        debug_assert!(ok, "writing CSV to memory cannot fail");
        let bytes = w.into_inner().unwrap_or_default();
        let mut out = String::with_capacity(bytes.len() + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        out.push_str(&String::from_utf8_lossy(&bytes));
        out
    }
}

/// Rewrite the typed cells of a facts row canonically; leave cells that do not parse alone.
fn canonical_cells(row: &mut [String]) {
    if let Ok(v) = value::parse_value(&row[read::VALUE], &row[read::UNIT]) {
        if row[read::UNIT].is_empty()
            && let Some(u) = v.unit
        {
            row[read::UNIT] = u.to_owned();
        }
        row[read::VALUE] = v.canonical;
    }
    if let Some(p) = value::canonical_period(&row[read::PERIOD]) {
        row[read::PERIOD] = p;
    }
    if !row[read::QUALIFIER].is_empty()
        && let Some(q) = value::parse_qualifier(&row[read::QUALIFIER])
    {
        row[read::QUALIFIER] = value::qualifier_name(q).to_owned();
    }
    if let Some((_, t)) = value::parse_tolerance(&row[read::TOLERANCE]) {
        row[read::TOLERANCE] = t;
    }
    if !row[read::RANK].is_empty()
        && let Some(r) = value::parse_rank(&row[read::RANK])
    {
        row[read::RANK] = value::rank_name(r).to_owned();
    }
}

/// A stable id from entity, attribute, object and period: `meta-investment-scale-ai-2025-06-12`.
pub fn slug(row: &[String]) -> String {
    let mut out = String::new();
    for part in [read::ENTITY, read::ATTRIBUTE, read::OBJECT, read::PERIOD] {
        for c in row[part].chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "fact".to_owned() } else { out }
}

fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Read a ledger file's text, with a positioned error for bytes that are not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LedgerError> {
    let bytes = std::fs::read(path).map_err(|e| LedgerError::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&good[start..]).chars().count() as u64 + 1;
        LedgerError::Csv { path: path.to_owned(), line, col, message: "invalid UTF-8".to_owned() }
    })
}

/// One file of a ledger, before and after formatting.
#[derive(Debug, Clone)]
pub struct FormattedFile {
    /// The file.
    pub path: PathBuf,
    /// Its text now.
    pub original: String,
    /// Its canonical text.
    pub formatted: String,
}

impl FormattedFile {
    /// True when the file is already canonical.
    pub fn is_canonical(&self) -> bool {
        self.original == self.formatted
    }
}

/// Format one file's text. `taken` holds the ids used elsewhere in the ledger.
pub fn format_text(path: &Path, text: &str, taken: &mut HashSet<String>) -> Result<String, LedgerError> {
    let table = read::parse_table(path, text)?;
    let mut ft = FmtTable::new(&table, FileKind::of(path));
    ft.canonicalize(Some(taken));
    Ok(ft.render())
}

/// The ids used in the facts files of a ledger.
pub fn ledger_ids(files: &[PathBuf]) -> Result<HashSet<String>, LedgerError> {
    let mut taken = HashSet::new();
    for f in files {
        let t = read::read_table(f)?;
        let ft = FmtTable::new(&t, FileKind::Facts);
        taken.extend(ft.ids().map(str::to_owned));
    }
    Ok(taken)
}

/// A line-based diff of two texts: common lines at both ends are skipped,
/// the rest shown as one hunk of `-` and `+` lines.
pub fn line_diff(path: &Path, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out = format!("--- {p}\n+++ {p} (formatted)\n", p = path.display());
    if a_mid.is_empty() && b_mid.is_empty() {
        out.push_str("@@ line endings or byte-order mark differ @@\n");
        return out;
    }
    out.push_str(&format!("@@ -{},{} +{},{} @@\n", prefix + 1, a_mid.len(), prefix + 1, b_mid.len()));
    for l in a_mid {
        out.push('-');
        out.push_str(l);
        out.push('\n');
    }
    for l in b_mid {
        out.push('+');
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format_text(Path::new("facts.csv"), text, &mut HashSet::new()).expect("formats")
    }

    #[test]
    fn canonical_order_and_values() {
        let text =
            "entity,attribute,value,source,unit\nZeta,revenue,$14.3 billion,s,\nAlpha,founded,2021,s,\n";
        let out = fmt(text);
        assert_eq!(
            out,
            "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n\
             alpha-founded,Alpha,founded,,2021,,,,,,s,,\n\
             zeta-revenue,Zeta,revenue,,14300000000,USD,,,,,s,,\n"
        );
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn keeps_crlf_bom_and_unknown_columns() {
        let text = "\u{feff}entity,attribute,value,source,extra\r\nA,x,1,s,\"a,\r\nb\"\r\n";
        let out = fmt(text);
        assert!(out.starts_with('\u{feff}'));
        assert!(out.contains("note,extra\r\n"));
        assert!(out.contains("\"a,\r\nb\"\r\n"));
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn unique_ids() {
        let text = "entity,attribute,value,source,rank\nA,founded,2021,s,\nA,founded,2022,s,disputed\n";
        let out = fmt(text);
        assert!(out.contains("\na-founded,A,founded,,2021,"), "{out}");
        assert!(out.contains("\na-founded-2,A,founded,,2022,"), "{out}");
    }
}
