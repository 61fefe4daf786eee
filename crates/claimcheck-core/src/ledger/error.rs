//! Errors (the ledger cannot be used) and diagnostics (`ledger check` findings).

use std::fmt;
use std::path::PathBuf;

/// A ledger that cannot be read, written or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The file or directory cannot be read or written (the reason is the error's source).
    #[error("cannot access {path}", path = .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not well-formed CSV (or not UTF-8).
    #[error("{path}:{line}:{col}: malformed CSV: {message}", path = .path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        col: u64,
        /// What is wrong.
        message: String,
    },
    /// A row that cannot become a fact (run `claimcheck ledger check` for all problems).
    #[error("{path}:{line}:{col}: {message}", path = .path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// 1-based column (characters).
        col: u64,
        /// What is wrong.
        message: String,
    },
    /// Another process holds the ledger's lock.
    #[error("{path}: another claimcheck process is writing this file (lock `{lock}` still held after {secs} s)",
        path = .path.display(), lock = .lock.display())]
    Locked {
        /// The ledger file.
        path: PathBuf,
        /// The sidecar lock file.
        lock: PathBuf,
        /// How long we waited.
        secs: u64,
    },
    /// `ledger add` refused the fact.
    #[error("{0}")]
    Refused(String),
    /// `ledger add` refused a fact that the ledger already holds.
    #[error("the ledger already holds this fact at {path}:{line} (id `{id}`)", path = .path.display())]
    Duplicate {
        /// The file holding the existing fact.
        path: PathBuf,
        /// Its line.
        line: u64,
        /// Its id.
        id: String,
    },
}

impl LedgerError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        LedgerError::Io { path: path.into(), source }
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Makes `ledger check` fail.
    Error,
    /// Reported, does not fail.
    Warning,
}

/// One problem `ledger check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: u64,
    /// 1-based column (characters).
    pub col: u64,
    /// What is wrong, naming the offending cell.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {level}: {}", self.path.display(), self.line, self.col, self.message)
    }
}
