//! The ledger: CSV files of sourced facts, plus aliases and attribute synonyms.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub mod check;
pub mod error;
pub mod fmt;
pub mod merge;
pub mod read;
pub mod value;
pub mod write;

pub use error::{Diagnostic, LedgerError, Severity};

/// A fact's value: a plain number, an ISO date, or a range `low..high`.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// A plain number (`14300000000`).
    Number(f64),
    /// An ISO date (`2021`, `2025-06`, `2025-06-11`).
    Date(String),
    /// An inclusive range (`10..120`).
    Range(f64, f64),
}

impl std::fmt::Display for FactValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::claim::format_number;
        match self {
            FactValue::Number(n) => f.write_str(&format_number(*n)),
            FactValue::Date(d) => f.write_str(d),
            FactValue::Range(lo, hi) => write!(f, "{}..{}", format_number(*lo), format_number(*hi)),
        }
    }
}

impl Serialize for FactValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FactValue::Number(n) => s.serialize_f64(*n),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

/// How much weight a fact carries (after Wikidata's ranks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    /// The current, best-sourced value (the default).
    #[default]
    Preferred,
    /// A valid value, not the preferred one.
    Normal,
    /// Superseded; kept so it is not re-added.
    Deprecated,
    /// Sourced but contested.
    Disputed,
}

/// How the ledger's own figure was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactQualifier {
    /// Exact (the default).
    #[default]
    Exact,
    /// About this much.
    Approximately,
    /// At least this much ("surpassed 5 million").
    AtLeast,
    /// At most this much ("up to $6 billion").
    AtMost,
    /// An estimate.
    Estimate,
}

/// Immutable text shared between facts (a reference-counted `str`): a ledger
/// repeats entities, attributes, units and sources on many rows, and each
/// copy costs only a pointer. Derefs to `str` and compares with `str`,
/// `&str` and `String`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        s.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == *other.0
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        **self == *other.0
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        **self == *other.0
    }
}

/// One row of the ledger.
///
/// Repeated text (entity, attribute, unit, source, ...) is shared between
/// facts as [`SharedStr`], and every fact of a file shares one `Arc<Path>`, so
/// a large ledger costs little more than its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Stable identifier.
    pub id: SharedStr,
    /// Who or what the fact is about (canonical name).
    pub entity: SharedStr,
    /// Canonical attribute.
    pub attribute: SharedStr,
    /// Second entity of a relation.
    pub object: Option<SharedStr>,
    /// The value.
    pub value: FactValue,
    /// ISO-4217 code, `%`, `year`, a counted noun, ...
    pub unit: Option<SharedStr>,
    /// The time the value refers to (`2023`, `2025-Q2`, `FY2016`, `2024-12-31`).
    pub period: Option<SharedStr>,
    /// How the figure was stated.
    pub qualifier: FactQualifier,
    /// Relative tolerance for a match (0.05 for `5%`).
    pub tolerance: Option<f64>,
    /// Weight of the fact.
    pub rank: Rank,
    /// URL or citation.
    pub source: SharedStr,
    /// Date the fact was recorded or checked.
    pub as_of: Option<SharedStr>,
    /// Free text.
    pub note: Option<SharedStr>,
    /// Where the row was read from.
    pub origin: Origin,
}

impl Fact {
    /// A fact with only an attribute and a period, to ask the audit's rules
    /// what sort of attribute it is.
    pub(crate) fn probe(attribute: &str, period: &str) -> Fact {
        Fact {
            id: "".into(),
            entity: "".into(),
            attribute: attribute.into(),
            object: None,
            value: FactValue::Number(0.0),
            unit: None,
            period: Some(period.into()),
            qualifier: Default::default(),
            tolerance: None,
            rank: Default::default(),
            source: "".into(),
            as_of: None,
            note: None,
            origin: Origin { path: Arc::from(Path::new("")), line: 0 },
        }
    }
}

/// The file and 1-based line a fact was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The CSV file.
    pub path: Arc<Path>,
    /// 1-based line of the row.
    pub line: u64,
}

/// A loaded ledger.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// Every fact, in file order.
    pub facts: Vec<Fact>,
    /// `(alias, entity)` pairs from `aliases.csv`.
    pub aliases: Vec<(String, String)>,
    /// `(synonym, attribute)` pairs from `attributes.csv`.
    pub attribute_synonyms: Vec<(String, String)>,
}

impl Ledger {
    /// Load a ledger from a CSV file or a directory of them: every `*.csv`
    /// (sorted by name) is a facts file, except `aliases.csv` (`alias,entity`)
    /// and `attributes.csv` (`synonym,attribute`).
    ///
    /// Malformed CSV and rows that cannot become a fact are errors with their
    /// position; `ledger check` reports every problem instead of the first.
    pub fn load(path: &Path) -> Result<Ledger, LedgerError> {
        let files = read::ledger_files(path)?;
        let mut ledger = Ledger::default();
        let mut strings = read::Interner::new();
        for file in &files.facts {
            read::load_facts(file, &mut ledger.facts, &mut strings)?;
        }
        ledger.facts.shrink_to_fit();
        if let Some(file) = &files.aliases {
            ledger.aliases = read::pairs(&read::read_table(file)?, "alias", "entity")?;
        }
        if let Some(file) = &files.attributes {
            ledger.attribute_synonyms = read::pairs(&read::read_table(file)?, "synonym", "attribute")?;
        }
        Ok(ledger)
    }

    /// The canonical entity for a name or alias (case-insensitive), if the ledger knows it.
    pub fn canonical_entity(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let mut current = self
            .aliases
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(name))
            .map(|(_, e)| e.as_str())
            .or_else(|| {
                self.facts
                    .iter()
                    .flat_map(|f| std::iter::once(f.entity.as_str()).chain(f.object.as_deref()))
                    .find(|e| e.eq_ignore_ascii_case(name))
            })?;
        // Follow alias chains (bounded, in case of a cycle).
        for _ in 0..self.aliases.len() {
            match self.aliases.iter().find(|(a, _)| a.eq_ignore_ascii_case(current)) {
                Some((_, e)) if e != current => current = e,
                _ => break,
            }
        }
        Some(current)
    }

    /// The facts about an entity given by name or alias (case-insensitive):
    /// those with it as entity, then those with it as object.
    pub fn facts_about(&self, name: &str) -> Vec<&Fact> {
        let Some(entity) = self.canonical_entity(name) else { return Vec::new() };
        let is = |s: &str| s.eq_ignore_ascii_case(entity);
        let mut out: Vec<&Fact> = self.facts.iter().filter(|f| is(&f.entity)).collect();
        out.extend(self.facts.iter().filter(|f| !is(&f.entity) && f.object.as_deref().is_some_and(is)));
        out
    }

    /// The aliases that lead to `entity` (case-insensitive).
    pub fn aliases_of(&self, entity: &str) -> Vec<&str> {
        self.aliases.iter().filter(|(_, e)| e.eq_ignore_ascii_case(entity)).map(|(a, _)| a.as_str()).collect()
    }
}

/// The default ledger: the `claims/` folder of the git work tree that holds
/// `cwd` (the nearest ancestor with a `.git` entry), when that folder exists.
pub fn find_default_ledger(cwd: &Path) -> Option<PathBuf> {
    let root = cwd.ancestors().find(|dir| dir.join(".git").exists())?;
    let claims = root.join("claims");
    claims.is_dir().then_some(claims)
}
