//! Safe writes: a lock on a sidecar `<file>.lock`, then an atomic replace.
//!
//! The lock is on a separate file because the atomic rename replaces the
//! ledger's inode: a lock on the ledger itself would be lost with it. Every
//! read-modify-write happens while the lock is held, so two writers never
//! lose each other's rows, and a kill at any moment leaves either the old or
//! the new file.

use std::collections::HashSet;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::LedgerError;
use super::fmt::{self, FileKind, FmtTable, FormattedFile};
use super::read::{self, COLUMNS};
use super::value;

/// How long a writer waits for another one to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The sidecar lock file of a ledger file: `facts.csv` → `facts.csv.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}

/// An exclusive lock on a ledger file, released on drop.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

/// Take the lock of `path`, retrying for up to [`LOCK_WAIT`].
pub fn lock(path: &Path) -> Result<FileLock, LedgerError> {
    let lock = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| LedgerError::io(&lock, e))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FileLock { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(LedgerError::Locked { path: path.to_owned(), lock, secs: LOCK_WAIT.as_secs() });
            }
            Err(TryLockError::Error(e)) => return Err(LedgerError::io(&lock, e)),
        }
    }
}

/// Replace `path` with `text`: a temp file in the same folder, flushed, then renamed.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), LedgerError> {
    let mut f = atomic_write_file::AtomicWriteFile::open(path).map_err(|e| LedgerError::io(path, e))?;
    f.write_all(text.as_bytes()).map_err(|e| LedgerError::io(path, e))?;
    f.commit().map_err(|e| LedgerError::io(path, e))
}

/// Format every file of a ledger. With `write`, rewrite the files that change
/// (each under its lock). Returns every file with its old and new text.
pub fn format_ledger(path: &Path, write: bool) -> Result<Vec<FormattedFile>, LedgerError> {
    let files = read::ledger_files(path)?;
    let all: Vec<PathBuf> = files.facts.iter().chain(&files.candidates).cloned().collect();
    let mut taken = fmt::ledger_ids(&all)?;
    let mut out = Vec::new();
    for f in all.iter().chain(&files.aliases).chain(&files.attributes) {
        let _guard = if write { Some(lock(f)?) } else { None };
        let original = fmt::read_text(f)?;
        let formatted = fmt::format_text(f, &original, &mut taken)?;
        if write && formatted != original {
            write_atomic(f, &formatted)?;
        }
        out.push(FormattedFile { path: f.clone(), original, formatted });
    }
    Ok(out)
}

/// A fact to add, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewFact {
    /// Canonical cells, in [`COLUMNS`] order ("" when not given).
    pub cells: [String; 13],
}

impl NewFact {
    /// Set a column by name.
    pub fn set(&mut self, column: &str, value: impl Into<String>) {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            self.cells[i] = value.into();
        }
    }
}

/// What `add` did.
#[derive(Debug, Clone)]
pub struct Added {
    /// The file written.
    pub path: PathBuf,
    /// The fact's id (given or generated).
    pub id: String,
}

/// Add a fact: validate it, refuse a duplicate, insert it in canonical
/// position (the file is written in canonical form). `file` picks the facts
/// file inside a directory ledger (default: the first one, or `facts.csv`).
pub fn add(ledger: &Path, new: &NewFact, file: Option<&Path>) -> Result<Added, LedgerError> {
    let cells: [&str; 13] = std::array::from_fn(|i| new.cells[i].trim());
    if cells[read::SOURCE].is_empty() {
        return Err(LedgerError::Refused(
            "a fact needs a source: pass --source with a URL or citation".to_owned(),
        ));
    }
    let mut problems = Vec::new();
    let parsed = read::parse_row(&cells, &mut problems);
    if !problems.is_empty() {
        let list: Vec<String> =
            problems.iter().map(|(c, m)| format!("--{}: {m}", COLUMNS[*c].replace('_', "-"))).collect();
        return Err(LedgerError::Refused(format!("invalid fact: {}", list.join("; "))));
    }
    let files = if ledger.exists() { read::ledger_files(ledger)? } else { read::LedgerFiles::default() };
    let target = match file {
        Some(f) if ledger.is_dir() && f.is_relative() && !f.starts_with(ledger) => ledger.join(f),
        Some(f) => f.to_owned(),
        None if ledger.is_dir() => files.facts.first().cloned().unwrap_or_else(|| ledger.join("facts.csv")),
        None => ledger.to_owned(),
    };
    if FileKind::of(&target) != FileKind::Facts {
        return Err(LedgerError::Refused(format!("{} is not a facts file", target.display())));
    }
    let _guard = lock(&target)?;
    // Everything below runs under the lock: read, check, insert, write.
    let mut others = files.facts.clone();
    others.retain(|f| f != &target);
    let mut taken = fmt::ledger_ids(&others)?;
    let (mut ft, original) = if target.exists() {
        let text = fmt::read_text(&target)?;
        let table = read::parse_table(&target, &text)?;
        (FmtTable::new(&table, FileKind::Facts), Some(text))
    } else {
        let header = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        (FmtTable { kind: FileKind::Facts, bom: false, crlf: false, header, rows: Vec::new() }, None)
    };
    taken.extend(ft.ids().map(str::to_owned));
    let value = parsed.value.map(|v| v.canonical).unwrap_or_default();
    let key = |c: &[&str; 13], v: &str| -> bool {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        same(c[read::ENTITY], cells[read::ENTITY])
            && same(c[read::ATTRIBUTE], cells[read::ATTRIBUTE])
            && same(c[read::OBJECT], cells[read::OBJECT])
            && value::canonical_period(c[read::PERIOD]) == value::canonical_period(cells[read::PERIOD])
            && v == value
    };
    let check_table = |t: &read::Table| -> Result<(), LedgerError> {
        let cols = read::Columns::new(&t.header);
        for row in 0..t.len() {
            let c = cols.cells(t, row);
            let v =
                value::parse_value(c[read::VALUE], c[read::UNIT]).map(|v| v.canonical).unwrap_or_default();
            if key(&c, &v) {
                return Err(LedgerError::Duplicate {
                    path: t.path.clone(),
                    line: t.line(row),
                    id: c[read::ID].trim().to_owned(),
                });
            }
            let id = c[read::ID].trim();
            if !cells[read::ID].is_empty() && id == cells[read::ID] {
                return Err(LedgerError::Refused(format!(
                    "id `{id}` is already used at {}:{}",
                    t.path.display(),
                    t.line(row)
                )));
            }
        }
        Ok(())
    };
    for f in &others {
        check_table(&read::read_table(f)?)?;
    }
    if let Some(text) = &original {
        check_table(&read::parse_table(&target, text)?)?;
    }
    let mut row: Vec<String> = vec![String::new(); ft.header.len()];
    for (i, c) in cells.iter().enumerate() {
        row[i] = (*c).to_owned();
    }
    ft.rows.push(row);
    let before: HashSet<String> = ft.ids().map(str::to_owned).collect();
    ft.canonicalize(Some(&mut taken));
    let id = if cells[read::ID].is_empty() {
        ft.ids().find(|id| !before.contains(*id)).unwrap_or_default().to_owned()
    } else {
        cells[read::ID].to_owned()
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        std::fs::create_dir_all(dir).map_err(|e| LedgerError::io(dir, e))?;
    }
    write_atomic(&target, &ft.render())?;
    Ok(Added { path: target, id })
}
